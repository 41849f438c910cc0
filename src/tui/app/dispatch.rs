//! The dispatch: `update`, the one function that changes the application
//! state, and how an action reaches the overlay or the screen of the mode.

use ratatui::crossterm::event::KeyCode;

use super::{App, FlashKind, Overlay, PASTE_LIMIT, PASTE_LINE_LIMIT, Screen, request_quit, tick};
use crate::i18n::fill;
use crate::tui::dialogs::discard::DiscardDialog;
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::dialogs::{Cx, Transition};
use crate::tui::keys::{self, Action};

/// The one function that changes the application state.
pub fn update(app: &mut App, action: Action) {
    dispatch(app, action);
    app.keep_timer();
    app.restyle_editors();
    // the room's view (issue 17): the live file, when it changed
    crate::tui::live_out::sync(app);
}

fn dispatch(app: &mut App, action: Action) {
    if matches!(action, Action::Tick) {
        tick(app);
        return;
    }
    if matches!(action, Action::Resize) {
        return;
    }
    if app.too_small() {
        // the screen only says "too small": keys the user cannot see do nothing
        let quit = match &action {
            Action::Quit => true,
            Action::Key(ev) => ev.code == KeyCode::Char('q'),
            _ => false,
        };
        if quit {
            request_quit(app);
        }
        return;
    }
    if let Action::Paste(text) = &action
        && (text.len() + app.focused_text_len() > PASTE_LIMIT
            || text.matches('\n').count() > PASTE_LINE_LIMIT)
    {
        let t = fill(
            app.s().ui_paste_too_big,
            &[
                &app.lang.size(text.len() as u64),
                &app.lang.size(PASTE_LIMIT as u64),
            ],
        );
        app.error(t);
        return;
    }
    if matches!(action, Action::Key(_) | Action::Paste(_)) && app.overlay.is_some() {
        // typing in the dialog works on what the message was about
        // ("a reason is required"): the message has done its work
        app.flash = None;
    } else if !matches!(action, Action::Key(_) | Action::Paste(_)) || app.overlay.is_some() {
        // a new command replaces an old message
        if !matches!(app.overlay, Some(Overlay::Confirm(_))) {
            app.flash = app
                .flash
                .take()
                .filter(|f| f.kind == FlashKind::Error && app.overlay.is_some());
        }
    }
    if app.overlay.is_some() {
        overlay_update(app, action);
        return;
    }
    match app.screen() {
        Screen::Home => crate::tui::screens::home::update(app, action),
        Screen::Start => crate::tui::screens::start::update(app, action),
        Screen::Main => crate::tui::screens::main::update(app, action),
    }
}

// ----------------------------------------------------------------------
// Overlays
// ----------------------------------------------------------------------

fn overlay_update(app: &mut App, action: Action) {
    let Some(mut overlay) = app.overlay.take() else {
        return;
    };
    if wants_help(&overlay, &action) {
        app.overlay = Some(Overlay::Help(HelpDialog::over(overlay)));
        return;
    }
    let error_before = app
        .flash
        .as_ref()
        .filter(|f| f.kind == FlashKind::Error)
        .map(|f| f.text.clone());
    let transition = overlay.dialog_mut().update(&mut Cx::new(app), action);
    let leaves = !matches!(transition, Transition::Stay);
    if leaves
        && error_before.is_some()
        && app.flash.as_ref().map(|f| &f.text) == error_before.as_ref()
    {
        // the dialog the message was about is gone: so is the message
        app.flash = None;
    }
    app.overlay = match transition {
        Transition::Stay => Some(overlay),
        // whatever the update opened (the gate's override) stays open
        Transition::Close => app.overlay.take(),
        Transition::Open(next) => Some(*next),
        Transition::Cancel => cancel_editor(app, overlay),
    };
}

/// F1 (or `?` where it is not text) in a dialog asks for its help.
fn wants_help(overlay: &Overlay, action: &Action) -> bool {
    let d = overlay.dialog();
    let asked = if d.raw_keys() {
        keys::command(d.ctx(), action) == Some(Action::Help)
    } else {
        *action == Action::Help
    };
    asked && !matches!(overlay, Overlay::Help(_))
}

/// Esc in an editor: ask before throwing away typed text.
fn cancel_editor(app: &mut App, overlay: Overlay) -> Option<Overlay> {
    if !overlay.dialog().has_text() {
        app.clear_draft();
        None
    } else {
        Some(Overlay::ConfirmDiscard(DiscardDialog {
            inner: Box::new(overlay),
        }))
    }
}
