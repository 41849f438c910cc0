//! Dialogs and overlays: each in a file of its own, owning its state, its
//! [`Dialog::update`] and its [`Dialog::render`].
//!
//! Adding a dialog: write its file (a struct that implements [`Dialog`]),
//! add it to `dialogs!` below (one line), and give its keys a context in
//! `tui/keys.rs`. While a dialog is open, `update` takes it out of the app,
//! so it can change the app freely, and puts back what [`Transition`] says.

pub mod action_item;
pub mod add_party;
pub mod confirm;
pub mod discard;
pub mod dissent;
pub mod gate_override;
pub mod help;
pub mod info;
pub mod new_session;
pub mod note;
pub mod overview;
pub mod skip;
pub mod stance_reason;
pub mod unsaved;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::tui::app::App;
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;

/// What happens to a dialog after a key.
pub enum Transition {
    /// It stays open, as its update left it.
    Stay,
    /// It closes (whatever the update opened meanwhile stays open).
    Close,
    /// Another dialog takes its place.
    Open(Box<crate::tui::app::Overlay>),
    /// Esc in a dialog with text: close, asking first when text would be lost.
    Cancel,
}

/// A dialog or overlay.
pub trait Dialog {
    /// The key-table context: its keys, footer hints and help.
    fn ctx(&self) -> Ctx;

    /// Whether keys reach the dialog as they are (text fields), rather than
    /// as the actions of its key-table context.
    fn raw_keys(&self) -> bool {
        true
    }

    /// Handle an action; the dialog edits itself in place.
    fn update(&mut self, app: &mut App, action: Action) -> Transition;

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
}
