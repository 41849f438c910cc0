//! The workshop screen: the agenda, the current point, stances, notes and
//! action items, the timer; every capture key.

pub mod agenda;
pub mod budget;
pub mod focus;
pub mod notes;
pub mod point;
pub mod stances;

use crate::i18n::fill;
use crate::session::Status;
use crate::tui::app::{App, export_minutes};
use crate::tui::dialogs::Cx;
use crate::tui::dialogs::action_item::ActionForm;
use crate::tui::dialogs::consensus_check::ConsensusCheckDialog;
use crate::tui::dialogs::dissent::DissentDialog;
use crate::tui::dialogs::flow::{end_workshop, request_quit};
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::dialogs::info::InfoDialog;
use crate::tui::dialogs::note::NoteDialog;
use crate::tui::dialogs::overview::OverviewDialog;
use crate::tui::dialogs::skip::SkipDialog;
use crate::tui::dialogs::stance_pick::{self, StancePickDialog};
use crate::tui::dialogs::stance_reason::StanceReasonDialog;
use crate::tui::dialogs::vote::open_vote;
use crate::tui::keys::Action;

pub use point::render;

pub fn update(app: &mut App, action: Action) {
    if app.open_session().is_none() {
        return;
    }
    if app.screen_state().is_some_and(|v| v.stance_focus.is_some()) {
        stance_focus_update(app, action);
        return;
    }
    let s = app.s();
    if gate_refuses(app, &action) {
        return;
    }
    match action {
        Action::NextPoint => app.go_to(app.cursor_flat() + 1),
        Action::PrevPoint => app.go_to(app.cursor_flat().saturating_sub(1)),
        Action::NextStep => app.step_delta(true),
        Action::PrevStep => app.step_delta(false),
        Action::MarkConsensus => mark_consensus(app),
        Action::MarkOpen => app.capture(s.status_open, |sess, p, now| {
            sess.set_status(p, Status::Open, vec![], "", now)
        }),
        Action::MarkDissent => app.open_dialog(DissentDialog::open(app)),
        Action::MarkSkipped => {
            let reason = app
                .session()
                .and_then(|s| s.record(&s.cursor))
                .map(|r| r.skip_reason.clone())
                .unwrap_or_default();
            app.open_dialog(SkipDialog::new(&reason));
        }
        Action::Digit(i) => {
            if let Some(party) = app.present_party_of_key(i) {
                app.open_dialog_boxed(StancePickDialog::overlay(party));
            }
        }
        Action::FocusStances => {
            if !app.party_rows().is_empty()
                && let Some(v) = app.screen_state_mut()
            {
                v.stance_focus = Some(0);
            }
        }
        Action::AddNote => app.open_dialog(NoteDialog::new("")),
        Action::AddAction => app.open_dialog(ActionForm::new("")),
        Action::Items
        | Action::Park
        | Action::Parking
        | Action::Info
        | Action::History
        | Action::Guidance
        | Action::Overview => open_reading(app, action),
        Action::Vote => open_vote(&mut Cx::new(app), false),
        Action::Timer => {
            // the timer runs by itself (see `App::keep_timer`): `t` pauses it, or goes on
            let now = app.now();
            if let Some(o) = app.open_session_mut() {
                let paused = !o.timer_paused;
                o.pause_timer(paused, now);
            }
        }
        Action::Undo => undo(app, true),
        Action::Redo => undo(app, false),
        Action::EndWorkshop => end_workshop(&mut Cx::new(app)),
        Action::Export => export_minutes(app),
        // over the point: its timer runs on and the room keeps seeing it
        Action::Attendance => {
            app.open_dialog(crate::tui::dialogs::attendance::AttendanceDialog::default())
        }
        Action::CycleTheme => {
            app.set_theme(app.theme().next());
            let t = fill(s.ui_theme, &[app.theme().word(app.lang())]);
            app.info(t);
        }
        Action::Help => app.open_dialog(HelpDialog::new(app.ctx())),
        Action::Quit => request_quit(app),
        Action::FocusView => {
            if let Some(v) = app.screen_state_mut() {
                v.focus_view = !v.focus_view;
            }
        }
        Action::LeaveFocus => {
            if let Some(v) = app.screen_state_mut() {
                v.focus_view = false;
            }
        }
        _ => {}
    }
}

/// The gate: nothing starts in a block the latest vote locks (the
/// override dialog asks for a reason instead), so no typing is lost.
fn gate_refuses(app: &mut App, action: &Action) -> bool {
    let captures = matches!(
        action,
        Action::MarkConsensus
            | Action::MarkDissent
            | Action::MarkOpen
            | Action::MarkSkipped
            | Action::Digit(_)
            | Action::FocusStances
            | Action::AddNote
            | Action::AddAction
    );
    let point = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
    captures && !app.gate_allows(&point)
}

/// The dialogs over the point that capture nothing by themselves: the
/// notes and actions, the parking lot, the guidance, the history, the
/// overview.
fn open_reading(app: &mut App, action: Action) {
    app.open_dialog_boxed(match action {
        Action::Items => Box::new(crate::tui::dialogs::items::ItemsDialog::default()),
        Action::Park => Box::new(crate::tui::dialogs::park::ParkDialog::default()),
        Action::Parking => Box::new(crate::tui::dialogs::parking::ParkingDialog::default()),
        Action::Info => Box::new(InfoDialog::default()),
        Action::History => Box::new(crate::tui::dialogs::history::HistoryDialog::default()),
        Action::Guidance => Box::new(crate::tui::dialogs::guidance::GuidanceDialog::default()),
        Action::Overview => Box::new(OverviewDialog::at(app.cursor_flat())),
        _ => return,
    });
}

/// `c`: consensus; over a present party's "disagree" only after asking.
fn mark_consensus(app: &mut App) {
    let s = app.s();
    let conflicts = app
        .session()
        .map(|sess| sess.consensus_conflicts(&sess.cursor))
        .unwrap_or_default();
    if conflicts.is_empty() {
        app.capture(s.status_consensus, |sess, p, now| {
            sess.set_status(p, Status::Consensus, vec![], "", now)
        });
        return;
    }
    app.open_dialog(ConsensusCheckDialog::new(app, conflicts));
}

fn stance_focus_update(app: &mut App, action: Action) {
    let rows = app.party_rows();
    let n = rows.len();
    let sel = app.screen_state().and_then(|v| v.stance_focus).unwrap_or(0);
    match action {
        Action::Up => {
            if let Some(v) = app.screen_state_mut() {
                v.stance_focus = Some(sel.saturating_sub(1));
            }
        }
        Action::Down => {
            if let Some(v) = app.screen_state_mut() {
                v.stance_focus = Some((sel + 1).min(n.saturating_sub(1)));
            }
        }
        Action::Toggle | Action::StanceReason | Action::PickStance(_) => {
            let Some(row) = rows.get(sel).copied() else {
                return;
            };
            // an absent party states nothing: say so, capture nothing
            if !row.present {
                app.present_party_of_key(row.number - 1);
                return;
            }
            if action == Action::Toggle {
                app.open_dialog_boxed(StancePickDialog::overlay(row.id));
            } else if let Action::PickStance(stance) = action {
                if let Some(next) = stance_pick::pick(&mut Cx::new(app), row.id, stance) {
                    app.open_dialog_boxed(next);
                }
            } else {
                let party = row.id;
                let sess = app.session().expect("open");
                let reason = sess
                    .record(&sess.cursor)
                    .and_then(|r| r.stance_entry(party))
                    .map(|e| e.reason.clone())
                    .unwrap_or_default();
                app.open_dialog(StanceReasonDialog::new(party, &reason));
            }
        }
        Action::Back => {
            if let Some(v) = app.screen_state_mut() {
                v.stance_focus = None;
            }
        }
        _ => {}
    }
}

fn undo(app: &mut App, is_undo: bool) {
    let s = app.s();
    // an undo may move the cursor: the time so far belongs to this point
    app.stop_timer();
    // undo and redo change a point too: not in a locked block
    let point = app
        .open_session()
        .and_then(|o| o.undo.peek(is_undo))
        .map(|c| c.point.clone());
    if let Some(point) = point
        && !app.gate_allows(&point)
    {
        return;
    }
    let Some(label) = app.open_session_mut().and_then(|o| o.undo(is_undo)) else {
        let sealed = app.open_session().is_some_and(|o| o.undo.sealed());
        let t = if is_undo && sealed {
            s.ui_nothing_undo_since_vote
        } else if is_undo {
            s.ui_nothing_undo
        } else {
            s.ui_nothing_redo
        };
        app.info(t.to_string());
        return;
    };
    let t = fill(if is_undo { s.ui_undone } else { s.ui_redone }, &[&label]);
    app.save_now();
    app.info(t);
}
