//! Suspend and resume (Unix job control), for the facilitator's window and
//! the beamer alike.
//!
//! SIGTSTP (`kill -TSTP`, a shell's job control) only raises a flag; the
//! loop, which looks at least every 250 ms, then restores the terminal
//! (bracketed paste off, raw mode off, the alternate screen left, the cursor
//! shown) and stops the process (SIGSTOP, which cannot be caught). SIGCONT
//! (`fg`, `kill -CONT`, also after a SIGSTOP sent from outside) raises
//! another: raw mode and the alternate screen are set up again (raw mode
//! anew, whatever the shell did to the terminal meanwhile) and the caller
//! repaints everything. A resize while stopped is seen on that repaint:
//! ratatui asks the terminal for its size on every draw.
//!
//! Elsewhere than Unix there is no job control: nothing ever arrives.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The flags of SIGTSTP and SIGCONT, and what the terminal was set up with.
#[derive(Debug, Default)]
pub struct JobControl {
    stop: Arc<AtomicBool>,
    resume: Arc<AtomicBool>,
    /// Bracketed paste was enabled (the facilitator's window; not the beamer).
    paste: bool,
}

impl JobControl {
    /// Register SIGTSTP and SIGCONT (Unix only).
    pub fn install(paste: bool) -> io::Result<JobControl> {
        let jc = JobControl {
            paste,
            ..JobControl::default()
        };
        #[cfg(unix)]
        {
            signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&jc.stop))?;
            signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&jc.resume))?;
        }
        Ok(jc)
    }

    /// Act on a suspend or resume that arrived; `true` when the terminal
    /// was set up again and the caller must repaint it whole.
    pub fn check(&self) -> bool {
        let mut resumed = false;
        if self.stop.swap(false, Ordering::SeqCst) {
            leave(self.paste);
            stop_here();
            resumed = true;
        }
        if self.resume.swap(false, Ordering::SeqCst) || resumed {
            enter(self.paste);
            resumed = true;
        }
        resumed
    }
}

/// Stop this process until SIGCONT.
fn stop_here() {
    // SAFETY: raise only sends a signal to this process; SIGSTOP has no handler.
    #[cfg(unix)]
    unsafe {
        libc::raise(libc::SIGSTOP);
    }
}

/// Give the terminal back as it was before the program started.
fn leave(paste: bool) {
    use ratatui::crossterm::{cursor::Show, event::DisableBracketedPaste, execute};
    if paste {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
    }
    let _ = execute!(io::stdout(), Show);
    ratatui::restore();
}

/// Take the terminal again: raw mode (set anew), the alternate screen.
fn enter(paste: bool) {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, disable_raw_mode, enable_raw_mode};
    use ratatui::crossterm::{event::EnableBracketedPaste, execute};
    // crossterm skips enabling when it thinks raw mode is on: the shell may
    // have set the terminal back to cooked mode while we were stopped
    let _ = disable_raw_mode();
    let _ = enable_raw_mode();
    let _ = execute!(io::stdout(), EnterAlternateScreen);
    if paste {
        let _ = execute!(io::stdout(), EnableBracketedPaste);
    }
}
