//! The terminal UI: state and update ([`app`]), key table ([`keys`]),
//! rendering ([`ui`]), themes and safe text.
//!
//! The run loop is generic over the ratatui [`Backend`] and an
//! [`EventSource`] ([`crate::term`]), so tests drive the whole app with scripted events and a
//! `TestBackend`, without sleeping.

pub mod app;
pub mod dialogs;
pub mod dispatch;
pub mod env;
pub mod keys;
pub mod open_session;
pub mod screens;
pub mod session_view;
pub mod text;
pub mod theme;
pub mod ui;
pub mod undo;
pub mod widgets;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};

use crate::term::{self, Clock, EventSource, SystemClock, TerminalEvents, repaint_all};

pub use app::{App, OpenError};
pub use dialogs::flow::open_path;
pub use dispatch::update;
pub use keys::Action;

/// Turn a terminal event into an action for the current state.
pub fn map_event(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.map_key(k),
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Resize(_, _) => Some(Action::Resize),
        _ => None,
    }
}

/// Run until the user quits, the event source ends, or `stop` is raised
/// (SIGTERM, SIGHUP). Redraws only after an event or a clock tick.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    clock: &impl Clock,
    stop: &AtomicBool,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let result = event_loop(terminal, app, events, clock, stop);
    // whatever ended the loop (quit, signal, a dead terminal): write what is pending
    app::shutdown(app);
    match (app.exit_report(), result) {
        // unsaved work: a non-zero exit that says where it went
        (Some(report), Ok(())) => Err(io::Error::other(report.to_string())),
        (Some(report), Err(e)) => Err(io::Error::other(format!("{e}\n{report}"))),
        (None, result) => result,
    }
}

fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
    clock: &impl Clock,
    stop: &AtomicBool,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    app.set_now(clock.now());
    let mut redraw = true;
    let mut last_tick = app.now().as_second();
    while !app.quitting() && !stop.load(Ordering::Relaxed) {
        if events.resumed() {
            // after a suspend: every cell again, at the size the terminal has now
            repaint_all(terminal)?;
            redraw = true;
        }
        if let Ok(size) = terminal.size() {
            app.resized(size);
        }
        if redraw {
            terminal
                .draw(|f| ui::render(app, f))
                .map_err(io::Error::other)?;
            redraw = false;
        }
        // wake at least once a second for the clock; sooner when a signal may come
        match events.next(Duration::from_millis(250))? {
            Some(ev) => {
                app.set_now(clock.now());
                if let Event::Resize(w, h) = ev {
                    app.resized(ratatui::layout::Size::new(w, h));
                }
                if let Some(action) = map_event(app, ev) {
                    update(app, action);
                }
                redraw = true;
            }
            None => {
                app.set_now(clock.now());
                let sec = app.now().as_second();
                if sec != last_tick {
                    last_tick = sec;
                    update(app, Action::Tick);
                    // the clock shows minutes and the timer seconds: redraw once a second
                    redraw = true;
                }
            }
        }
    }
    Ok(())
}

/// Start the real terminal UI and run until the user quits. The terminal is
/// restored on every way out: normal exit, error, panic, SIGTERM/SIGHUP.
pub fn launch(mut app: App) -> io::Result<()> {
    // SIGTERM/SIGHUP/SIGINT on Unix, the console's close button and
    // Ctrl+Break on Windows: the loop stops and saves (term/signals.rs)
    let gate = term::signals::install()?;
    // no bracketed paste on Windows: a paste is a burst of keys there
    let paste = cfg!(not(windows));
    // restore the terminal first, then a plain message instead of a debug dump
    term::on_panic(paste, |place| {
        format!("wijktafel: interne fout{place}. Alle afgeronde invoer was al opgeslagen.")
    });
    let (mut terminal, guard) = term::Guard::enter(paste)?;
    let mut events = TerminalEvents::spawn().with_job_control(paste)?;
    let result = run(
        &mut terminal,
        &mut app,
        &mut events,
        &SystemClock,
        gate.flag(),
    );
    // pending work is saved: a waiting close handler may let Windows end us
    gate.saved();
    drop(guard);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn with_kind(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent::new_with_kind(code, mods, kind))
    }

    #[test]
    fn repeat_is_a_press_and_release_is_ignored() {
        let app = app::test_app(crate::i18n::Lang::Nl);
        for kind in [KeyEventKind::Press, KeyEventKind::Repeat] {
            let ev = with_kind(KeyCode::Char('?'), KeyModifiers::NONE, kind);
            assert!(map_event(&app, ev).is_some(), "{kind:?}");
        }
        let ev = with_kind(
            KeyCode::Char('?'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(map_event(&app, ev), None);
    }

    /// In raw mode Ctrl+C is a key on every platform (Windows included: the
    /// console sends no CTRL_C_EVENT then). It is bound to nothing: it never
    /// quits without the save and question that `q` has. Only the beamer,
    /// which holds nothing to save, closes on it.
    #[test]
    fn ctrl_c_is_a_key_bound_to_nothing() {
        let app = app::test_app(crate::i18n::Lang::Nl);
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(map_event(&app, ctrl_c), None);
        assert!(
            keys::BINDINGS
                .iter()
                .filter(|b| b.ctx != keys::Ctx::Beamer)
                .flat_map(|b| b.keys.iter())
                .all(|k| !k.matches(&KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))),
            "Ctrl+C is bound in some context"
        );
    }
}
