//! What the app says and whether it ends: the status line's message, the
//! files of the last export, the report on the way out, and the wish to
//! quit. The fields are the app's own; the screens, the dispatch and the
//! tests read them here, and change them only by these methods.

use std::path::PathBuf;

use super::{App, Flash};

impl App {
    /// The message on the status line, if any.
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// The message on the status line, to replace or clear it (the
    /// dispatch: a new command replaces an old message).
    pub(crate) fn flash_mut(&mut self) -> &mut Option<Flash> {
        &mut self.flash
    }

    /// Whether the app ends after this update.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// End the app after this update (everything is saved, or the user
    /// chose to go without).
    pub fn quit(&mut self) {
        self.quit = true;
    }

    /// The files the last export wrote (`e`, or the end of a workshop).
    pub fn exported(&self) -> &[PathBuf] {
        &self.exported
    }

    /// What to tell on the way out when work is not in the session file.
    pub fn exit_report(&self) -> Option<&str> {
        self.exit_report.as_deref()
    }
}
