//! The ways to the open dialog: what is open, open another, close it. The
//! field itself is private to the app, so every change of the dialog goes
//! through here (the dispatch, a dialog's [`super::Cx::open`], a screen).

use super::{App, Dialog, Overlay};

impl App {
    /// The open dialog, if any.
    pub fn overlay(&self) -> Option<&dyn Dialog> {
        self.overlay.as_deref()
    }

    /// The open dialog, to change it.
    pub fn overlay_mut(&mut self) -> Option<&mut (dyn Dialog + 'static)> {
        self.overlay.as_deref_mut()
    }

    /// Whether a dialog is open.
    pub fn has_dialog(&self) -> bool {
        self.overlay.is_some()
    }

    /// The open dialog when it is a `T`.
    pub fn dialog<T: Dialog>(&self) -> Option<&T> {
        self.overlay()?.downcast_ref::<T>()
    }

    /// The open dialog when it is a `T`, to change it.
    pub fn dialog_mut<T: Dialog>(&mut self) -> Option<&mut T> {
        self.overlay_mut()?.downcast_mut::<T>()
    }

    /// Whether the open dialog is a `T`.
    pub fn dialog_is<T: Dialog>(&self) -> bool {
        self.overlay().is_some_and(|d| d.is::<T>())
    }

    /// Open `dialog` over the screen (in place of the one open).
    pub fn open_dialog(&mut self, dialog: impl Dialog) {
        self.overlay = Some(Box::new(dialog));
    }

    /// Open a dialog already boxed (in place of the one open).
    pub fn open_dialog_boxed(&mut self, dialog: Overlay) {
        self.overlay = Some(dialog);
    }

    /// Close the open dialog and hand it back.
    pub fn take_dialog(&mut self) -> Option<Overlay> {
        self.overlay.take()
    }

    /// Close the open dialog.
    pub fn close_dialog(&mut self) {
        self.overlay = None;
    }

    /// Put back `overlay` (a dialog taken out for its update), or none.
    pub(crate) fn set_overlay(&mut self, overlay: Option<Overlay>) {
        self.overlay = overlay;
    }

    /// The override the gate asked for in this update, taken.
    pub(crate) fn take_gate_ask(&mut self) -> Option<super::GateAsk> {
        self.gate_ask.take()
    }
}
