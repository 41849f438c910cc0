//! [`Dialog`]: what the app knows of a dialog. The app holds the open one
//! as an [`Overlay`] (a boxed `dyn Dialog`) and never names a dialog's
//! type: the dialogs sit above the app (`tui/dialogs/`), each in a file of
//! its own, owning its state, its [`Dialog::update`] and its
//! [`Dialog::render`]. This file and `app.rs` are the one pair of files
//! that know each other.

use std::any::Any;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::live::LiveState;
use crate::tui::app::{App, Cx};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;

/// The open dialog, over the screen.
pub type Overlay = Box<dyn Dialog>;

/// What happens to a dialog after a key.
pub enum Transition {
    /// It stays open, as its update left it.
    Stay,
    /// It closes (whatever the update opened meanwhile stays open).
    Close,
    /// Another dialog takes its place.
    Open(Overlay),
    /// Esc in a dialog with text: close, asking first when text would be lost.
    Cancel,
    /// It closes, and the key it stood in the way of goes on to the screen
    /// (a capture the gate refused, once the block is opened).
    CloseThen(Action),
}

/// A dialog or overlay.
pub trait Dialog: Any {
    /// The key-table context: its keys, footer hints and help.
    fn ctx(&self) -> Ctx;

    /// Whether keys reach the dialog as they are (text fields), rather than
    /// as the actions of its key-table context. Opt-in: a dialog that takes
    /// text says so; every other one gets typed actions.
    fn raw_keys(&self) -> bool {
        false
    }

    /// Handle an action; the dialog edits itself in place, and the app
    /// only through `cx`.
    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition;

    /// Draw it over `area`.
    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme);

    /// Its text editors, each with whether it has the focus.
    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        Vec::new()
    }

    /// Whether closing it would throw away typed text (Esc then asks first).
    fn has_text(&self) -> bool {
        false
    }

    /// Whether the point's timer stops while it is open: the vote and the
    /// end of the workshop are not time spent on the point (help over
    /// them, or a question over them, counts as them).
    fn pauses_timer(&self) -> bool {
        false
    }

    /// Whether it keeps the status line's message while open (a question
    /// about the message).
    fn keeps_flash(&self) -> bool {
        false
    }

    /// Whether it is the help, which `?` does not open again.
    fn is_help(&self) -> bool {
        false
    }

    /// What the room sees of it on the beamer (who is ticked, the vote,
    /// the outcome, the summary, the text being typed): it sets its part
    /// of `state`; most dialogs show the room nothing.
    fn seen(&self, _state: &mut LiveState) {}
}

impl dyn Dialog {
    /// This dialog as a `T`, when it is one.
    pub fn downcast_ref<T: Dialog>(&self) -> Option<&T> {
        (self as &dyn Any).downcast_ref::<T>()
    }

    /// This dialog as a `T` to change, when it is one.
    pub fn downcast_mut<T: Dialog>(&mut self) -> Option<&mut T> {
        (self as &mut dyn Any).downcast_mut::<T>()
    }

    /// Whether this dialog is a `T`.
    pub fn is<T: Dialog>(&self) -> bool {
        (self as &dyn Any).is::<T>()
    }
}
