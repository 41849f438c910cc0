//! The dispatch: `update`, the one function that changes the application
//! state, and how an action reaches the overlay or the screen of the mode.

use ratatui::crossterm::event::KeyCode;

use crate::i18n::fill;
use crate::tui::app::{
    App, Cx, Dialog, FlashKind, Overlay, PASTE_LIMIT, PASTE_LINE_LIMIT, Screen, Transition, tick,
};
use crate::tui::dialogs::discard::DiscardDialog;
use crate::tui::dialogs::flow::request_quit;
use crate::tui::dialogs::gate_override::GateOverrideDialog;
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::keys::{self, Action};

/// The one function that changes the application state.
pub fn update(app: &mut App, action: Action) {
    // a screen's key the gate refuses goes on once the block is opened
    let screen_key = (!app.has_dialog()).then(|| action.clone());
    dispatch(app, action);
    ask_for_override(app, screen_key);
    app.keep_timer();
    restyle_editors(app);
    // the room's view (issue 17): the live file, when it changed
    crate::tui::app::live_out::sync(app);
}

/// Give every open editor the style of the theme and its focus, so the
/// renderer can draw it as it is (no copy of a large text per frame).
fn restyle_editors(app: &mut App) {
    let th = app.theme().theme();
    let Some(overlay) = app.overlay_mut() else {
        return;
    };
    for (ta, active) in overlay.editors_mut() {
        let cursor = crate::tui::widgets::editor::editor_cursor_style(&th, active);
        if ta.style() != th.base {
            ta.set_style(th.base);
        }
        if ta.cursor_line_style() != ratatui::style::Style::default() {
            ta.set_cursor_line_style(ratatui::style::Style::default());
        }
        if ta.cursor_style() != cursor {
            ta.set_cursor_style(cursor);
        }
    }
}

/// The gate refused a point in this update (the app only says so): the
/// override dialog asks for the reason, unless a dialog is open by now.
/// A screen's key that hit the lock goes on once the block is opened.
fn ask_for_override(app: &mut App, screen_key: Option<Action>) {
    if let Some(ask) = app.take_gate_ask()
        && !app.has_dialog()
    {
        let mut dialog = GateOverrideDialog::new(ask.block, ask.flat);
        dialog.then = screen_key;
        app.open_dialog(dialog);
    }
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
                &app.lang().size(text.len() as u64),
                &app.lang().size(PASTE_LIMIT as u64),
            ],
        );
        app.error(t);
        return;
    }
    if matches!(action, Action::Key(_) | Action::Paste(_)) && app.has_dialog() {
        // typing in the dialog works on what the message was about
        // ("a reason is required"): the message has done its work
        *app.flash_mut() = None;
    } else if !matches!(action, Action::Key(_) | Action::Paste(_)) || app.has_dialog() {
        // a new command replaces an old message
        if !app.overlay().is_some_and(|d| d.keeps_flash()) {
            let open = app.has_dialog();
            let kept = app
                .flash_mut()
                .take()
                .filter(|f| f.kind == FlashKind::Error && open);
            *app.flash_mut() = kept;
        }
    }
    if app.has_dialog() {
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
    let Some(mut overlay) = app.take_dialog() else {
        return;
    };
    if wants_help(overlay.as_ref(), &action) {
        app.open_dialog(HelpDialog::over(overlay));
        return;
    }
    let error_before = app
        .flash()
        .filter(|f| f.kind == FlashKind::Error)
        .map(|f| f.text.clone());
    let transition = overlay.update(&mut Cx::new(app), action);
    let leaves = !matches!(transition, Transition::Stay);
    if leaves && error_before.is_some() && app.flash().map(|f| &f.text) == error_before.as_ref() {
        // the dialog the message was about is gone: so is the message
        *app.flash_mut() = None;
    }
    let next = match transition {
        Transition::Stay => Some(overlay),
        // whatever the update opened (a question, a vote) stays open
        Transition::Close => app.take_dialog(),
        Transition::Open(next) => Some(next),
        Transition::Cancel => cancel_editor(app, overlay),
        Transition::CloseThen(key) => {
            // closed (what its update opened stays), then the key goes on
            dispatch(app, key);
            return;
        }
    };
    app.set_overlay(next);
}

/// F1 (or `?` where it is not text) in a dialog asks for its help.
fn wants_help(d: &dyn Dialog, action: &Action) -> bool {
    let asked = if d.raw_keys() {
        keys::command(d.ctx(), action) == Some(Action::Help)
    } else {
        *action == Action::Help
    };
    asked && !d.is_help()
}

/// Esc in an editor: ask before throwing away typed text.
fn cancel_editor(app: &mut App, overlay: Overlay) -> Option<Overlay> {
    if !overlay.has_text() {
        app.clear_draft();
        None
    } else {
        Some(Box::new(DiscardDialog { inner: overlay }))
    }
}
