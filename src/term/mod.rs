//! The terminal, for both full-screen programs (the facilitator's window,
//! `tui/`, and the room's beamer, `beamer/`): where events come from (a
//! thread that reads the terminal, with pastes folded whole, [`input`]),
//! what time it is, stop requests ([`signals`]), suspend and resume
//! ([`suspend`]), and the guard that gives the terminal back on every way
//! out, a panic included ([`Guard`], [`on_panic`]).

pub mod input;
pub mod signals;
pub mod suspend;

use std::io;
use std::time::Duration;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

pub use input::{KEY_BURST_GAP, burst_text, fold_key_burst, fold_paste_tail};

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
                    Event::Paste(text) => input::read_paste_tail(text),
                    // Windows reports no pastes: a paste is a burst of keys
                    #[cfg(windows)]
                    Event::Key(k) if burst_text(&k).is_some() => input::read_key_burst(ev),
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

/// The terminal taken for a full-screen program: raw mode, the alternate
/// screen and (`paste`) bracketed paste; given back when the guard goes,
/// on every way out (a return, an error, `?`).
pub struct Guard {
    paste: bool,
}

impl Guard {
    /// Take the terminal. With `paste`, also ask for bracketed paste (not on
    /// Windows: crossterm reads the console's key records there and never
    /// reports a paste, issue 737; enabling it only adds Ctrl to the Enter
    /// of a pasted line, issue 962; a paste arrives as a burst of keys,
    /// folded by [`fold_key_burst`]).
    pub fn enter(paste: bool) -> io::Result<(ratatui::DefaultTerminal, Guard)> {
        let terminal = ratatui::try_init()?;
        // from here on the guard restores, also when the paste mode fails
        let mut guard = Guard { paste: false };
        if paste {
            ratatui::crossterm::execute!(io::stdout(), event::EnableBracketedPaste)?;
            guard.paste = true;
        }
        Ok((terminal, guard))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore(self.paste);
    }
}

/// Give the terminal back: bracketed paste off (`paste`), raw mode off, the
/// alternate screen left, the cursor shown.
pub fn restore(paste: bool) {
    if paste {
        let _ = ratatui::crossterm::execute!(io::stdout(), event::DisableBracketedPaste);
    }
    ratatui::restore();
}

/// On a panic: the terminal given back first, then one plain line (`say`,
/// given where it happened, " (file:line)") instead of a debug dump; the
/// dump too when `RUST_BACKTRACE` is set.
pub fn on_panic(paste: bool, say: impl Fn(&str) -> String + Send + Sync + 'static) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(paste);
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("{}", say(&place));
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            previous(info);
        }
    }));
}
