//! Stop requests from outside the program, on every platform.
//!
//! Unix: SIGTERM, SIGHUP (the terminal window was closed) and SIGINT.
//! Windows: the console's control events: the close button of the window
//! (`CTRL_CLOSE_EVENT`), logoff and shutdown, Ctrl+Break, and Ctrl+C when it
//! arrives as an event (in raw mode the console delivers Ctrl+C as a key).
//!
//! Each raises the stop flag that the main loop checks every 250 ms; the
//! loop then saves what is pending (a half-typed note becomes a draft) and
//! the caller reports [`StopGate::saved`]. On Windows the process is killed
//! as soon as the handler of a close, logoff or shutdown event returns, so
//! that handler waits for `saved` (at most [`CLOSE_WAIT`], within the five
//! seconds Windows gives a console program to close).

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

/// How long the Windows close handler waits for the save.
pub const CLOSE_WAIT: Duration = Duration::from_millis(4500);

/// The stop flag and the signal that what was pending has been saved.
#[derive(Debug, Default)]
pub struct StopGate {
    flag: Arc<AtomicBool>,
    saved: Mutex<bool>,
    cv: Condvar,
}

impl StopGate {
    pub fn new() -> StopGate {
        StopGate::default()
    }

    /// The flag the main loop checks.
    pub fn flag(&self) -> &AtomicBool {
        &self.flag
    }

    /// Raise the stop flag. With `wait`, block until [`StopGate::saved`]
    /// (or the time is up); returns whether the save was reported.
    pub fn request(&self, wait: Option<Duration>) -> bool {
        self.flag.store(true, Ordering::SeqCst);
        let done = self.saved.lock().unwrap_or_else(|e| e.into_inner());
        match wait {
            None => *done,
            Some(limit) => {
                let (done, _) = self
                    .cv
                    .wait_timeout_while(done, limit, |saved| !*saved)
                    .unwrap_or_else(|e| e.into_inner());
                *done
            }
        }
    }

    /// The main loop has ended and saved what was pending: a waiting
    /// handler may return (on Windows the process ends then).
    pub fn saved(&self) {
        *self.saved.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.cv.notify_all();
    }
}

static GATE: OnceLock<StopGate> = OnceLock::new();

/// Install the handlers (once per process) and return the gate they use.
pub fn install() -> io::Result<&'static StopGate> {
    let mut fresh = false;
    let gate = GATE.get_or_init(|| {
        fresh = true;
        StopGate::new()
    });
    if fresh {
        os::install(gate)?;
    }
    Ok(gate)
}

#[cfg(unix)]
mod os {
    use super::*;

    pub(super) fn install(gate: &StopGate) -> io::Result<()> {
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&gate.flag))?;
        }
        Ok(())
    }
}

#[cfg(windows)]
mod os {
    use super::*;
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    pub(super) fn install(_gate: &StopGate) -> io::Result<()> {
        // SAFETY: `console_handler` has the signature the API expects and
        // only touches the static gate, which lives for the whole process.
        if unsafe { SetConsoleCtrlHandler(Some(console_handler), 1) } == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Runs on a thread the system starts for the event.
    pub(super) unsafe extern "system" fn console_handler(event: u32) -> BOOL {
        let Some(gate) = GATE.get() else {
            return 0;
        };
        handle(gate, event)
    }

    /// What an event does: 1 when it was handled (the default handler,
    /// which ends the process at once, does not run).
    pub(super) fn handle(gate: &StopGate, event: u32) -> BOOL {
        match event {
            // the process ends when this returns: wait for the save first
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
                gate.request(Some(CLOSE_WAIT));
                1
            }
            // the main loop stops, saves and exits by itself
            CTRL_C_EVENT | CTRL_BREAK_EVENT => {
                gate.request(None);
                1
            }
            _ => 0,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::time::Instant;

        #[test]
        fn the_close_event_waits_for_the_save_and_ctrl_break_does_not() {
            let gate = Arc::new(StopGate::new());
            let g = Arc::clone(&gate);
            let start = Instant::now();
            let closing =
                std::thread::spawn(move || (handle(&g, CTRL_CLOSE_EVENT), Instant::now()));
            while !gate.flag().load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(5));
            }
            std::thread::sleep(Duration::from_millis(200));
            assert!(!closing.is_finished(), "returned before the save");
            gate.saved();
            let (handled, returned) = closing.join().unwrap();
            assert_eq!(handled, 1);
            assert!(returned - start >= Duration::from_millis(200));

            let other = StopGate::new();
            assert_eq!(handle(&other, CTRL_BREAK_EVENT), 1);
            assert!(other.flag().load(Ordering::SeqCst));
            assert_eq!(handle(&StopGate::new(), 99), 0);
        }

        #[test]
        fn the_handler_is_registered_with_the_console() {
            let gate = crate::term::signals::install().unwrap();
            assert!(std::ptr::eq(gate, crate::term::signals::install().unwrap()));
        }
    }
}

#[cfg(not(any(unix, windows)))]
mod os {
    use super::*;

    pub(super) fn install(_gate: &StopGate) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_waiting_request_returns_once_saved() {
        let gate = Arc::new(StopGate::new());
        let g = Arc::clone(&gate);
        let waiter = std::thread::spawn(move || g.request(Some(Duration::from_secs(10))));
        while !gate.flag().load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "returned before the save");
        gate.saved();
        assert!(waiter.join().unwrap(), "the save was reported");
    }

    #[test]
    fn a_waiting_request_gives_up_after_its_time() {
        let gate = StopGate::new();
        let start = Instant::now();
        assert!(!gate.request(Some(Duration::from_millis(100))));
        assert!(start.elapsed() >= Duration::from_millis(100));
        assert!(gate.flag().load(Ordering::SeqCst));
        // a request after the save returns at once
        gate.saved();
        assert!(gate.request(Some(Duration::from_secs(10))));
        assert!(gate.request(None));
    }
}
