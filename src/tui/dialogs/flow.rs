//! The dialogs on the way in and out of a session: the editor of a draft
//! that comes back on opening, "quit without saving?" when the last save
//! failed, and the end of the workshop (its vote first when it needs one,
//! then the summary). The app does the rest of each step
//! (`tui/app/flow.rs`); opening a dialog is this layer's part.

use std::path::Path;

use crate::session::{Draft, DraftKind};
use crate::tui::app::{App, Cx, OpenError, Overlay, needs_vote};
use crate::tui::dialogs::action_item::ActionForm;
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::dialogs::dissent::DissentDialog;
use crate::tui::dialogs::note::NoteDialog;
use crate::tui::dialogs::skip::SkipDialog;
use crate::tui::dialogs::summary::SummaryDialog;
use crate::tui::dialogs::unsaved::UnsavedDialog;

/// Open a session file ([`App::open_file`]), with the editor of the draft
/// that was being typed when it was left.
pub fn open_path(app: &mut App, path: &Path) -> Result<(), OpenError> {
    if let Some(draft) = app.open_file(path)? {
        app.open_dialog_boxed(draft_editor(&draft));
    }
    Ok(())
}

/// The editor a draft was typed in, with its text.
pub fn draft_editor(d: &Draft) -> Overlay {
    match d.kind {
        DraftKind::Skip => Box::new(SkipDialog::new(&d.text)),
        DraftKind::Dissent => Box::new(DissentDialog::new(Vec::new(), &d.text, true)),
        DraftKind::Action => Box::new(ActionForm::new(&d.text)),
        DraftKind::Note => Box::new(NoteDialog::new(&d.text)),
    }
}

/// `q` in a session: quit when everything is saved; otherwise try once
/// more, and if that fails too, ask what to do.
pub fn request_quit(app: &mut App) {
    app.stop_timer();
    if app
        .open_session()
        .is_some_and(|o| o.dirty || o.save_error.is_some())
    {
        app.save_now();
    }
    if app.open_session().is_some_and(|o| o.save_error.is_some()) {
        app.open_dialog(UnsavedDialog::default());
    } else {
        let (now, lang) = (app.now(), app.lang());
        if let Some(o) = app.open_session_mut() {
            o.refresh_digest(now, lang);
        }
        app.quit();
    }
}

/// `w`: the summary, or first the vote a workshop in orientation needs
/// (after which the summary follows, see [`crate::tui::dialogs::vote::banner::EndBanner`]).
pub fn end_workshop(cx: &mut Cx<'_>) {
    if needs_vote(cx) {
        let text = cx.s().end_needs_vote.to_string();
        cx.open(ConfirmDialog {
            text,
            on_yes: OnYes::VoteThenEnd,
        });
        return;
    }
    cx.open(SummaryDialog::default());
}
