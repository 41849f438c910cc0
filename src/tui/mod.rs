//! The terminal UI: state and update ([`app`]), key table ([`keys`]),
//! rendering ([`ui`]), themes and safe text.
//!
//! The run loop is generic over the ratatui [`Backend`] and an
//! [`EventSource`], so tests drive the whole app with scripted events and a
//! `TestBackend`, without sleeping.

pub mod app;
pub mod dialogs;
pub mod env;
pub mod keys;
pub mod live_out;
pub mod open_session;
pub mod screens;
pub mod session_flow;
pub mod signals;
pub mod suspend;
pub mod text;
pub mod theme;
pub mod ui;
pub mod undo;
pub mod widgets;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};

pub use app::{App, update};
pub use keys::Action;
pub use session_flow::OpenError;

/// Where events come from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next event, or `None` when `timeout` passed without one.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;

    /// Whether the program was suspended and resumed (or only resumed)
    /// since the last call, with the terminal set up again: the caller
    /// repaints everything (see [`suspend`]). Scripted sources never are.
    fn resumed(&mut self) -> bool {
        false
    }
}

/// Events from the terminal, read on a thread of their own.
///
/// crossterm spins in its read loop once the terminal is gone (a closed
/// window); reading on a separate thread keeps the main loop free to notice
/// SIGHUP/SIGTERM, save and exit.
pub struct TerminalEvents {
    rx: std::sync::mpsc::Receiver<io::Result<Event>>,
    jobs: Option<suspend::JobControl>,
}

impl TerminalEvents {
    pub fn spawn() -> TerminalEvents {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let ev = event::read().and_then(|ev| match ev {
                    Event::Paste(text) => read_paste_tail(text),
                    // Windows reports no pastes: a paste is a burst of keys
                    #[cfg(windows)]
                    Event::Key(k) if burst_text(&k).is_some() => read_key_burst(ev),
                    ev => Ok(vec![ev]),
                });
                let failed = ev.is_err();
                let batch = match ev {
                    Ok(evs) => evs.into_iter().map(Ok).collect(),
                    Err(e) => vec![Err(e)],
                };
                if batch.into_iter().any(|ev| tx.send(ev).is_err()) || failed {
                    break;
                }
            }
        });
        TerminalEvents { rx, jobs: None }
    }

    /// Also act on SIGTSTP and SIGCONT (Unix): restore the terminal and
    /// stop; on resume set it up again (`paste`: with bracketed paste).
    pub fn with_job_control(mut self, paste: bool) -> io::Result<TerminalEvents> {
        self.jobs = Some(suspend::JobControl::install(paste)?);
        Ok(self)
    }
}

/// How long after a paste its tail can still arrive: bytes that came with
/// the paste are there at once; a person's next key comes much later.
const PASTE_TAIL: Duration = Duration::from_millis(10);

/// After a paste, read what arrived with it and fold it into the text.
fn read_paste_tail(text: String) -> io::Result<Vec<Event>> {
    let mut tail = Vec::new();
    while event::poll(PASTE_TAIL)? {
        tail.push(event::read()?);
    }
    Ok(fold_paste_tail(text, tail))
}

/// A paste whose text holds the end-of-paste marker (`ESC [ 201 ~`) ends
/// early in the terminal library, and the rest of its text arrives as key
/// presses. Text inside a paste never runs as keys: the characters that came
/// in the same burst as the paste are put back into its text, other keys in
/// it are dropped, and only events that are not keys (a resize) are kept as
/// events, after the paste.
pub fn fold_paste_tail(mut text: String, tail: Vec<Event>) -> Vec<Event> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let mut rest = Vec::new();
    for ev in tail {
        match ev {
            Event::Paste(more) => text.push_str(&more),
            Event::Key(k) if k.kind == KeyEventKind::Release => {}
            Event::Key(k) => match k.code {
                KeyCode::Char(c)
                    if !k
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    text.push(c)
                }
                KeyCode::Enter => text.push('\n'),
                KeyCode::Tab => text.push('\t'),
                _ => {}
            },
            other => rest.push(other),
        }
    }
    let mut out = vec![Event::Paste(text)];
    out.extend(rest);
    out
}

/// How soon after a key the next one must come to be part of a paste. A
/// paste puts all its keys in the console's input at once; a person's next
/// key comes tens of milliseconds later, and so does the release of a key.
pub const KEY_BURST_GAP: Duration = Duration::from_millis(5);

/// After a text key on Windows, read the keys that came with it.
#[cfg(windows)]
fn read_key_burst(first: Event) -> io::Result<Vec<Event>> {
    let mut burst = vec![first];
    while event::poll(KEY_BURST_GAP)? {
        burst.push(event::read()?);
    }
    Ok(fold_key_burst(burst))
}

/// The text a key press stands for inside a paste: a character, a tab or a
/// line break (`\r` for Enter, `\n` for Ctrl+J, so that a pasted CRLF is one
/// line break once the editor has cleaned it). `None` for a release and for
/// keys that are no text (arrows, Esc, Ctrl+letter).
pub fn burst_text(k: &KeyEvent) -> Option<char> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    match k.code {
        // Enter may carry Ctrl in a paste (crossterm issue 962)
        KeyCode::Enter => Some('\r'),
        KeyCode::Tab => Some('\t'),
        KeyCode::Char('j') if ctrl && !alt => Some('\n'),
        KeyCode::Char('m') if ctrl && !alt => Some('\r'),
        // AltGr is Ctrl+Alt on Windows: its characters are text
        KeyCode::Char(c) if ctrl == alt => Some(c),
        _ => None,
    }
}

/// A burst of key events read together: two or more text keys are a paste
/// (Windows, where the console reports a paste as keys) and become one
/// `Event::Paste`; other keys in it are dropped (text never runs as
/// commands), events that are not keys (a resize) follow the paste. A single
/// key stays as it is.
pub fn fold_key_burst(burst: Vec<Event>) -> Vec<Event> {
    let texts = burst
        .iter()
        .filter(|ev| matches!(ev, Event::Key(k) if burst_text(k).is_some()))
        .count();
    if texts < 2 {
        return burst;
    }
    let mut text = String::new();
    let mut rest = Vec::new();
    for ev in burst {
        match ev {
            Event::Key(k) => text.extend(burst_text(&k)),
            Event::Paste(more) => text.push_str(&more),
            other => rest.push(other),
        }
    }
    let mut out = vec![Event::Paste(text)];
    out.extend(rest);
    out
}

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        use std::sync::mpsc::RecvTimeoutError;
        match self.rx.recv_timeout(timeout) {
            Ok(ev) => ev.map(Some),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::other("terminal input closed")),
        }
    }

    fn resumed(&mut self) -> bool {
        self.jobs.as_ref().is_some_and(suspend::JobControl::check)
    }
}

/// What time it is; tests use a fixed clock.
pub trait Clock {
    fn now(&self) -> Timestamp;
}

pub struct SystemClock;

impl Clock for SystemClock {
    /// Whole seconds: captures carry readable timestamps.
    fn now(&self) -> Timestamp {
        Timestamp::from_second(Timestamp::now().as_second()).unwrap_or_else(|_| Timestamp::now())
    }
}

/// Clear the screen and forget what was drawn, at the size the terminal
/// has now: the next draw paints every cell. (Not `Terminal::clear`, which
/// asks the terminal for the cursor position: the input thread would
/// swallow the answer.)
pub fn repaint_all<B: Backend>(terminal: &mut Terminal<B>) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    terminal
        .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
        .map_err(io::Error::other)
}

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
    match (&app.exit_report, result) {
        // unsaved work: a non-zero exit that says where it went
        (Some(report), Ok(())) => Err(io::Error::other(report.clone())),
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
    app.now = clock.now();
    let mut redraw = true;
    let mut last_tick = app.now.as_second();
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if events.resumed() {
            // after a suspend: every cell again, at the size the terminal has now
            repaint_all(terminal)?;
            redraw = true;
        }
        if let Ok(size) = terminal.size() {
            app.viewport = Some(size);
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
                app.now = clock.now();
                if let Event::Resize(w, h) = ev {
                    app.viewport = Some(ratatui::layout::Size::new(w, h));
                }
                if let Some(action) = map_event(app, ev) {
                    update(app, action);
                }
                redraw = true;
            }
            None => {
                app.now = clock.now();
                let sec = app.now.as_second();
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
    #[cfg(not(windows))]
    use ratatui::crossterm::event::EnableBracketedPaste;
    use ratatui::crossterm::{event::DisableBracketedPaste, execute};

    // SIGTERM/SIGHUP/SIGINT on Unix, the console's close button and
    // Ctrl+Break on Windows: the loop stops and saves (signals.rs)
    let gate = signals::install()?;
    // restore the terminal first, then a plain message instead of a debug dump
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("wijktafel: interne fout{place}. Alle afgeronde invoer was al opgeslagen.");
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            previous(info);
        }
    }));
    let mut terminal = ratatui::try_init()?;
    // Windows: no bracketed paste. crossterm reads the console's key records
    // there and never reports a paste (crossterm issue 737); enabling it only
    // adds Ctrl to the Enter of a pasted line (issue 962). A paste arrives as
    // a burst of keys instead, folded back into one by `fold_key_burst`.
    #[cfg(not(windows))]
    if let Err(e) = execute!(io::stdout(), EnableBracketedPaste) {
        ratatui::restore();
        return Err(e);
    }
    let events = TerminalEvents::spawn().with_job_control(cfg!(not(windows)));
    let mut events = match events {
        Ok(ev) => ev,
        Err(e) => {
            #[cfg(not(windows))]
            let _ = execute!(io::stdout(), DisableBracketedPaste);
            ratatui::restore();
            return Err(e);
        }
    };
    let result = run(
        &mut terminal,
        &mut app,
        &mut events,
        &SystemClock,
        gate.flag(),
    );
    // pending work is saved: a waiting close handler may let Windows end us
    gate.saved();
    #[cfg(not(windows))]
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Event {
        Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn keys_that_came_with_a_paste_are_text_not_commands() {
        // "abc ESC[201~ jc\nq" as crossterm delivers it: a short paste, then keys
        let tail = vec![
            key(KeyCode::Char('j')),
            key(KeyCode::Char('c')),
            key(KeyCode::Enter),
            key(KeyCode::Esc),
            key(KeyCode::Char('q')),
            Event::Resize(100, 30),
        ];
        let out = fold_paste_tail("abc".into(), tail);
        assert_eq!(
            out,
            vec![Event::Paste("abcjc\nq".into()), Event::Resize(100, 30)]
        );
    }

    #[test]
    fn a_paste_alone_stays_as_it_is() {
        assert_eq!(
            fold_paste_tail("x\ny".into(), vec![]),
            vec![Event::Paste("x\ny".into())]
        );
    }

    fn with_kind(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent::new_with_kind(code, mods, kind))
    }

    /// What the Windows console gives for a paste: a press and a release per
    /// key, all at once.
    fn typed(keys: &[(KeyCode, KeyModifiers)]) -> Vec<Event> {
        keys.iter()
            .flat_map(|&(c, m)| {
                [
                    with_kind(c, m, KeyEventKind::Press),
                    with_kind(c, m, KeyEventKind::Release),
                ]
            })
            .collect()
    }

    #[test]
    fn a_burst_of_keys_is_a_paste_and_its_crlf_one_line_break() {
        let none = KeyModifiers::NONE;
        // "a\r\nb": Enter for CR, Ctrl+J for LF; Enter with Ctrl (crossterm
        // issue 962) and a resize in the middle
        let mut burst = typed(&[
            (KeyCode::Char('a'), none),
            (KeyCode::Enter, none),
            (KeyCode::Char('j'), KeyModifiers::CONTROL),
            (KeyCode::Char('b'), none),
            (KeyCode::Enter, KeyModifiers::CONTROL),
            (KeyCode::Esc, none),
            (
                KeyCode::Char('€'),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
            ),
        ]);
        burst.insert(3, Event::Resize(90, 30));
        let out = fold_key_burst(burst);
        assert_eq!(
            out,
            vec![Event::Paste("a\r\nb\r€".into()), Event::Resize(90, 30)]
        );
        let Event::Paste(text) = &out[0] else {
            unreachable!()
        };
        assert_eq!(crate::safe_text::clean_input(text), "a\nb\n€");
    }

    #[test]
    fn a_single_key_stays_a_key() {
        let one = typed(&[(KeyCode::Char('q'), KeyModifiers::NONE)]);
        assert_eq!(fold_key_burst(one.clone()), one);
        // a command key with a text key is still not a paste of two
        let two = typed(&[
            (KeyCode::Char('r'), KeyModifiers::CONTROL),
            (KeyCode::Char('q'), KeyModifiers::NONE),
        ]);
        assert_eq!(fold_key_burst(two.clone()), two);
        assert_eq!(
            burst_text(&KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
            None
        );
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
