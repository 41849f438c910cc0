//! The terminal UI, driven through actions and scripted key events with a
//! `TestBackend`: state changes, saving, drafts, undo, and screen snapshots.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::store::Store;
use wijktafel::term::{Clock, EventSource};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::dialogs::action_item::ActionField;
use wijktafel::tui::dialogs::summary::SummaryDialog;
use wijktafel::tui::dialogs::vote::banner::BannerDialog;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::{Action, run};
use wijktafel::vote::Outcome;

use crate::common;
use crate::common::{on_disk, press_key};
use common::{Fixture, NOW, now, open_app, render_text};

fn app_with(session: Session, lang: Lang) -> Fixture {
    open_app(Framework::builtin(), &session, lang)
}

/// A new session with four parties, in workshop 1 on the main screen.
fn four_parties() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    s.area = "Testwijk".into();
    s.municipality = "Voorbeeldstad".into();
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let mut f = app_with(s, Lang::Nl);
    assert_eq!(f.app.screen(), Screen::Start);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

fn demo_fixture(lang: Lang) -> Fixture {
    app_with(demo::build(&Framework::builtin(), 2), lang)
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent {
        code: c,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press_key(app, ch(c));
    }
}

fn cursor(app: &App) -> String {
    app.session().unwrap().cursor.clone()
}

// ---------------------------------------------------------------------------
// Navigation
// ---------------------------------------------------------------------------

#[test]
fn navigation_crosses_steps_and_blocks() {
    let mut f = four_parties();
    let app = &mut f.app;
    assert_eq!(cursor(app), "1.1.1");
    for _ in 0..4 {
        press_key(app, ch('j'));
    }
    assert_eq!(cursor(app), "1.2.1", "j crosses into the next step");
    press_key(app, ch('k'));
    assert_eq!(cursor(app), "1.1.4");
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::SHIFT,
            ..ch('J')
        },
    );
    assert_eq!(cursor(app), "1.2.1");
    press_key(app, key(KeyCode::PageDown));
    assert_eq!(cursor(app), "1.3.1");
    press_key(app, ch('j'));
    press_key(app, key(KeyCode::PageUp));
    assert_eq!(
        cursor(app),
        "1.3.1",
        "K first goes to the start of the step"
    );
    press_key(app, key(KeyCode::PageUp));
    assert_eq!(cursor(app), "1.2.1");
    // to the last point of block 1, then into the locked block 2
    for _ in 0..20 {
        press_key(app, key(KeyCode::PageDown));
    }
    assert_eq!(cursor(app), "1.5.1", "stops before the locked block");
    assert!(
        app.dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>(),
        "asks for an override"
    );
    // an empty reason is refused
    press_key(app, key(KeyCode::Enter));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>());
    type_text(app, "wethouder wil doorpraten");
    press_key(app, key(KeyCode::Enter));
    // read back first: only j opens the block
    assert!(app.dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>());
    assert!(on_disk(&f.path).overrides.is_empty());
    press_key(app, ch('j'));
    assert!(!app.has_dialog());
    assert_eq!(cursor(app), "2.1.1");
    let s = on_disk(&f.path);
    assert_eq!(s.overrides.len(), 1);
    assert_eq!(s.overrides[0].block, "2");
    assert_eq!(s.overrides[0].reason, "wethouder wil doorpraten");
    // block 3 is locked too: its own override
    for _ in 0..19 {
        press_key(&mut f.app, ch('j'));
    }
    assert_eq!(cursor(&f.app), "2.4.3");
    press_key(&mut f.app, ch('j'));
    assert!(
        f.app
            .dialog::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>()
            .is_some_and(|d| d.block == 2)
    );
    press_key(&mut f.app, key(KeyCode::Esc));
    assert_eq!(cursor(&f.app), "2.4.3", "no reason, no entry");
    // the last point: j stays
    f.app.open_session_mut().unwrap().session.cursor = "4.6.3".into();
    press_key(&mut f.app, ch('j'));
    press_key(&mut f.app, ch('j'));
    assert_eq!(cursor(&f.app), "4.6.3");
}

#[test]
fn the_overview_jumps_to_a_point() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('g'));
    assert!(
        f.app
            .dialog::<wijktafel::tui::dialogs::overview::OverviewDialog>()
            .is_some_and(|d| d.selected == 0)
    );
    for _ in 0..6 {
        press_key(&mut f.app, ch('j'));
    }
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(!f.app.has_dialog());
    assert_eq!(cursor(&f.app), "1.2.3");
}

/// At 80 columns "Ga naar: 2.1.1" and the four counts do not fit on the
/// overview's first row: it ends in "…" (it was cut at the frame, seen by hand).
#[test]
fn the_overviews_counts_end_in_an_ellipsis_when_cut() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('g'));
    let whole = crate::common::render_text(&f.app, 80, 24);
    let row = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("○"))
            .expect("the counts row")
            .to_string()
    };
    assert!(!row(&whole).contains('…'), "{}", row(&whole));
    type_text(&mut f.app, "2.1.1");
    let typed = crate::common::render_text(&f.app, 80, 24);
    let counts = row(&typed);
    assert!(counts.contains("Ga naar: 2.1.1"), "{counts}");
    assert!(counts.contains('…'), "cut without an ellipsis: {counts}");
}

// ---------------------------------------------------------------------------
// Captures, saved before the next key
// ---------------------------------------------------------------------------

#[test]
fn each_capture_is_on_disk_when_update_returns() {
    let mut f = four_parties();
    let app = &mut f.app;
    press_key(app, ch('c'));
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
    press_key(app, ch('o'));
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Open);

    // skipping needs a reason
    press_key(app, ch('s'));
    press_key(app, key(KeyCode::Enter));
    assert!(
        app.dialog_is::<wijktafel::tui::dialogs::skip::SkipDialog>(),
        "no reason: still asking"
    );
    type_text(app, "al besproken in de raad");
    press_key(app, key(KeyCode::Enter));
    let s = on_disk(&f.path);
    assert_eq!(s.status_of("1.1.1"), Status::Skipped);
    assert_eq!(
        s.record("1.1.1").unwrap().skip_reason,
        "al besproken in de raad"
    );

    // stances: a digit, then the stance's letter (issue 24: never cycling)
    press_key(app, ch('j'));
    press_key(app, ch('3'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::stance_pick::StancePickDialog>());
    assert!(
        on_disk(&f.path).record("1.1.2").is_none(),
        "the digit saves nothing"
    );
    press_key(app, ch('e'));
    press_key(app, ch('3'));
    press_key(app, ch('v'));
    press_key(app, ch('2'));
    press_key(app, ch('o'));
    let s = on_disk(&f.path);
    let r = s.record("1.1.2").unwrap();
    assert_eq!(r.stance_of(3), Stance::Reservations);
    assert_eq!(r.stance_of(2), Stance::Disagree);
    // a correction moments later is one entry per party, not one per key
    assert_eq!(r.history.iter().filter(|h| h.workshop == 1).count(), 2);

    // dissent preselects the parties that disagree
    press_key(app, ch('d'));
    match app.dialog::<wijktafel::tui::dialogs::dissent::DissentDialog>() {
        Some(d) => assert_eq!(d.chosen, vec![2]),
        _ => panic!("dissent dialog expected"),
    }
    press_key(app, ch('4')); // Bewoners too
    press_key(app, key(KeyCode::Tab));
    type_text(app, "te weinig zicht op de cijfers");
    press_key(app, key(KeyCode::Enter));
    let r = on_disk(&f.path).record("1.1.2").unwrap().clone();
    assert_eq!(r.status, Status::Dissent);
    assert_eq!(r.dissenters, vec![2, 4]);
    assert_eq!(r.dissent_reason, "te weinig zicht op de cijfers");

    // note with a pasted two-line text and an Alt+Enter line break
    press_key(app, ch('n'));
    type_text(app, "Café geëerd, 👍🏽");
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::ALT,
            ..key(KeyCode::Enter)
        },
    );
    update(
        app,
        Action::Paste("regel een\r\nregel twee\u{1b}[31m".into()),
    );
    press_key(app, key(KeyCode::Enter));
    let r = on_disk(&f.path).record("1.1.2").unwrap().clone();
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.notes[0].text, "Café geëerd, 👍🏽\nregel een\nregel twee");
    assert_eq!(r.notes[0].workshop, 1);

    // action item: what, owner (→ 2nd party), due date in Dutch order
    press_key(app, ch('a'));
    type_text(app, "Cijfers opvragen");
    press_key(app, key(KeyCode::Tab));
    press_key(app, key(KeyCode::Right));
    press_key(app, key(KeyCode::Right));
    press_key(app, key(KeyCode::Tab));
    type_text(app, "31-12-2026");
    press_key(app, key(KeyCode::Enter));
    let r = on_disk(&f.path).record("1.1.2").unwrap().clone();
    assert_eq!(r.actions.len(), 1);
    assert_eq!(r.actions[0].what, "Cijfers opvragen");
    assert_eq!(r.actions[0].owner, Some(2));
    assert_eq!(r.actions[0].due.unwrap().to_string(), "2026-12-31");
}

#[test]
fn a_bad_due_date_is_refused_in_place() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('a'));
    type_text(&mut f.app, "Iets doen");
    press_key(&mut f.app, key(KeyCode::Tab));
    press_key(&mut f.app, key(KeyCode::Tab));
    type_text(&mut f.app, "volgende week");
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(
        f.app
            .dialog::<wijktafel::tui::dialogs::action_item::ActionForm>()
            .is_some_and(|form| form.field == ActionField::Due)
    );
    assert!(f.app.flash().unwrap().text.contains("Datum niet herkend"));
    assert!(on_disk(&f.path).record("1.1.1").is_none());
}

#[test]
fn consensus_is_suggested_when_everyone_present_agrees() {
    let mut f = four_parties();
    for k in ['1', '2', '3', '4'] {
        press_key(&mut f.app, ch(k));
        press_key(&mut f.app, ch('e'));
    }
    assert!(f.app.all_agree());
    assert!(f.app.flash().unwrap().text.contains("c markeert consensus"));
    // the facilitator's word is final: nothing changed by itself
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Open);
}

#[test]
fn the_stance_panel_takes_focus_for_any_number_of_parties() {
    let fw = Framework::builtin();
    let mut s = Session::new("Groot", &fw, now());
    for i in 1..=14 {
        s.add_party(&format!("Partij {i}"), "", "");
    }
    let mut f = app_with(s, Lang::Nl);
    update(&mut f.app, Action::Confirm);
    press_key(&mut f.app, key(KeyCode::Tab));
    for _ in 0..12 {
        press_key(&mut f.app, key(KeyCode::Down));
    }
    press_key(&mut f.app, ch(' '));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::stance_pick::StancePickDialog>()
    );
    press_key(&mut f.app, ch('e'));
    press_key(&mut f.app, ch('r'));
    type_text(&mut f.app, "mits het budget rond is");
    press_key(&mut f.app, key(KeyCode::Enter));
    press_key(&mut f.app, key(KeyCode::Esc));
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!(r.stance_of(13), Stance::Agree);
    assert_eq!(
        r.stance_entry(13).unwrap().reason,
        "mits het budget rond is"
    );
    // in the panel a letter picks the selected party's stance at once
    press_key(&mut f.app, key(KeyCode::Tab));
    press_key(&mut f.app, ch('v'));
    press_key(&mut f.app, key(KeyCode::Esc));
    assert_eq!(
        on_disk(&f.path).record("1.1.1").unwrap().stance_of(1),
        Stance::Reservations
    );
    // the 10th party is key 0
    press_key(&mut f.app, ch('0'));
    press_key(&mut f.app, ch('e'));
    assert_eq!(
        on_disk(&f.path).record("1.1.1").unwrap().stance_of(10),
        Stance::Agree
    );
}

// ---------------------------------------------------------------------------
// Undo / redo
// ---------------------------------------------------------------------------

#[test]
fn undo_and_redo_captures_also_across_saves() {
    let mut f = four_parties();
    let app = &mut f.app;
    press_key(app, ch('c'));
    press_key(app, ch('1'));
    press_key(app, ch('e'));
    press_key(app, ch('n'));
    type_text(app, "notitie");
    press_key(app, key(KeyCode::Enter));
    assert_eq!(on_disk(&f.path).record("1.1.1").unwrap().notes.len(), 1);
    press_key(app, ch('u'));
    assert_eq!(
        on_disk(&f.path).record("1.1.1").unwrap().notes.len(),
        0,
        "undo is saved"
    );
    press_key(app, ch('u'));
    assert_eq!(
        on_disk(&f.path).record("1.1.1").unwrap().stance_of(1),
        Stance::NotStated
    );
    press_key(app, ch('j'));
    press_key(app, ch('u'));
    assert_eq!(
        cursor(app),
        "1.1.1",
        "undo goes back to the point it changes"
    );
    assert!(on_disk(&f.path).record("1.1.1").is_none());
    press_key(app, ch('u'));
    assert!(app.flash().unwrap().text.contains("Niets om ongedaan"));
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::CONTROL,
            ..ch('r')
        },
    );
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::CONTROL,
            ..ch('r')
        },
    );
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::CONTROL,
            ..ch('r')
        },
    );
    assert_eq!(on_disk(&f.path).record("1.1.1").unwrap().notes.len(), 1);
    // a new capture clears the redo stack
    press_key(app, ch('u'));
    press_key(app, ch('o'));
    press_key(
        app,
        KeyEvent {
            modifiers: KeyModifiers::CONTROL,
            ..ch('r')
        },
    );
    assert!(app.flash().unwrap().text.contains("Niets om opnieuw"));
}

// ---------------------------------------------------------------------------
// Drafts and discarding
// ---------------------------------------------------------------------------

#[test]
fn a_half_typed_note_survives_as_a_draft_and_comes_back() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('n'));
    type_text(&mut f.app, "De wijkagent zegt dat");
    // the draft is written once the typing pauses (a clock tick later)
    f.app.set_now(Timestamp::from_second(NOW + 2).unwrap());
    update(&mut f.app, Action::Tick);
    let s = on_disk(&f.path);
    let d = s.draft.as_ref().expect("draft saved");
    assert_eq!(d.text, "De wijkagent zegt dat");
    assert_eq!(d.kind, wijktafel::session::DraftKind::Note);
    // simulate a crash: drop the app without shutdown, open again
    let path = f.path.clone();
    let store = f.app.store().clone();
    drop(f.app);
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        store,
        now(),
    );
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    match app.dialog::<wijktafel::tui::dialogs::note::NoteDialog>() {
        Some(d) => {
            let editor = &d.editor;
            assert_eq!(editor.lines().join("\n"), "De wijkagent zegt dat")
        }
        _ => panic!("the note editor should be back"),
    }
    type_text(&mut app, " het rustiger is.");
    press_key(&mut app, key(KeyCode::Enter));
    let s = on_disk(&path);
    assert!(s.draft.is_none(), "a saved note clears the draft");
    assert_eq!(
        s.record("1.1.1").unwrap().notes[0].text,
        "De wijkagent zegt dat het rustiger is."
    );
}

#[test]
fn escape_on_typed_text_asks_before_discarding() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('n'));
    press_key(&mut f.app, key(KeyCode::Esc));
    assert!(!f.app.has_dialog(), "an empty editor closes at once");
    press_key(&mut f.app, ch('n'));
    type_text(&mut f.app, "belangrijk");
    press_key(&mut f.app, key(KeyCode::Esc));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::discard::DiscardDialog>()
    );
    press_key(&mut f.app, ch('n'));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::note::NoteDialog>(),
        "n keeps typing"
    );
    press_key(&mut f.app, key(KeyCode::Esc));
    press_key(&mut f.app, ch('j'));
    assert!(!f.app.has_dialog());
    assert!(on_disk(&f.path).record("1.1.1").is_none());
}

// ---------------------------------------------------------------------------
// Failing saves
// ---------------------------------------------------------------------------

#[test]
fn a_failing_save_is_shown_and_retried_with_nothing_lost() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('c'));
    // the store directory disappears (unplugged stick, network share gone)
    let dir = f.path.parent().unwrap().to_path_buf();
    let moved = dir.with_extension("weg");
    std::fs::rename(&dir, &moved).unwrap();
    press_key(&mut f.app, ch('j'));
    press_key(&mut f.app, ch('n'));
    type_text(&mut f.app, "mag niet verloren gaan");
    press_key(&mut f.app, key(KeyCode::Enter));
    let err = f
        .app
        .open_session()
        .unwrap()
        .save_error
        .clone()
        .expect("error shown");
    assert!(err.contains(&f.path.display().to_string()), "{err}");
    let screen = render_text(&f.app, 120, 35);
    assert!(screen.contains("✖ NIET OPGESLAGEN"), "{screen}");
    assert_eq!(
        f.app
            .session()
            .unwrap()
            .record("1.1.2")
            .unwrap()
            .notes
            .len(),
        1,
        "kept in memory"
    );
    // the cause goes away; the next change saves everything
    std::fs::rename(&moved, &dir).unwrap();
    press_key(&mut f.app, ch('c'));
    assert!(f.app.open_session().unwrap().save_error.is_none());
    let s = on_disk(&f.path);
    assert_eq!(
        s.record("1.1.2").unwrap().notes[0].text,
        "mag niet verloren gaan"
    );
    assert_eq!(s.status_of("1.1.1"), Status::Consensus);
}

// ---------------------------------------------------------------------------
// Go/no-go
// ---------------------------------------------------------------------------

fn to_decision_step(app: &mut App) {
    while cursor(app) != "1.5.1" {
        press_key(app, key(KeyCode::PageDown));
    }
}

#[test]
fn a_go_vote_opens_the_gate() {
    let mut f = four_parties();
    // Bewoners are absent
    let app = &mut f.app;
    let now = app.now();
    app.open_session_mut()
        .unwrap()
        .session
        .set_present(4, false, now);
    to_decision_step(app);
    press_key(app, ch('v'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::VoteDialog>());
    press_key(app, ch('g'));
    press_key(app, ch('2'));
    press_key(app, ch('g'));
    press_key(app, ch('3'));
    press_key(app, ch('o'));
    press_key(app, key(KeyCode::Enter));
    // the read-back, then Enter records
    press_key(app, key(KeyCode::Enter));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>());
    let screen = render_text(app, 160, 45);
    assert!(screen.contains("███"), "block letters");
    assert!(screen.contains("▲ GO"));
    press_key(app, ch(' '));
    let s = on_disk(&f.path);
    let v = s.latest_vote().unwrap();
    assert_eq!(v.outcome, Outcome::Go);
    assert_eq!(
        (v.tally.go, v.tally.no_go, v.tally.abstain, v.tally.absent),
        (2, 0, 1, 1)
    );
    assert_eq!(v.present, vec![1, 2, 3]);
    assert!(s.gate_open());
    assert!(!f.app.block_locked(1));
}

#[test]
fn a_no_go_needs_a_reason_and_records_the_follow_up() {
    let mut f = four_parties();
    let app = &mut f.app;
    to_decision_step(app);
    press_key(app, ch('v'));
    for k in ['1', '2', '3'] {
        press_key(app, ch(k));
        press_key(app, ch('g'));
    }
    press_key(app, ch('4'));
    press_key(app, ch('n'));
    press_key(app, key(KeyCode::Enter));
    // the No-go reason is asked for
    assert!(
        f.app
            .flash()
            .unwrap()
            .text
            .contains("No-go vraagt een reden")
    );
    type_text(&mut f.app, "eerst de huidige inzet evalueren");
    press_key(&mut f.app, key(KeyCode::Enter));
    press_key(&mut f.app, key(KeyCode::Enter));
    // the read-back, then Enter goes on to the follow-up
    press_key(&mut f.app, key(KeyCode::Enter));
    // NO-GO under consensus: follow-up route and revisit date
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("F1 help") && screen.contains("Esc terug"),
        "{screen}"
    );
    press_key(&mut f.app, ch('2'));
    // Tab: the date comes right after the routes
    press_key(&mut f.app, key(KeyCode::Tab));
    type_text(&mut f.app, "2027-03-01");
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>()
    );
    let s = on_disk(&f.path);
    let v = s.latest_vote().unwrap();
    assert_eq!(v.outcome, Outcome::NoGo);
    assert_eq!(v.ballots[3].reason, "eerst de huidige inzet evalueren");
    assert_eq!(
        v.follow_up.as_ref().unwrap().route,
        wijktafel::vote::Route::Neighbourhood
    );
    assert_eq!(v.revisit.unwrap().to_string(), "2027-03-01");
    assert!(!s.gate_open());
}

#[test]
fn ending_an_orientation_workshop_requires_a_vote() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('c'));
    press_key(&mut f.app, ch('w'));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::confirm::ConfirmDialog>(),
        "offers the vote"
    );
    press_key(&mut f.app, ch('j'));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::vote::VoteDialog>()
    );
    press_key(&mut f.app, ch('u'));
    type_text(&mut f.app, "wethouder afwezig");
    press_key(&mut f.app, key(KeyCode::Enter));
    press_key(&mut f.app, ch(' '));
    let v = on_disk(&f.path).latest_vote().unwrap().clone();
    assert_eq!(v.outcome, Outcome::Deferred);
    assert_eq!(v.remark, "wethouder afwezig");
    // now the workshop can end: summary, Enter, minutes written
    press_key(&mut f.app, ch('w'));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::summary::SummaryDialog>()
    );
    press_key(&mut f.app, key(KeyCode::Enter));
    assert_eq!(f.app.screen(), Screen::Home);
    let s = on_disk(&f.path);
    assert!(s.workshops[0].ended.is_some());
    assert_eq!(f.app.exported().len(), 2);
    // modes are Unix only (Windows: the ACL of the user's folder, RELIABILITY.md)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in f.app.exported() {
            assert_eq!(
                std::fs::metadata(p).unwrap().permissions().mode() & 0o777,
                0o600,
                "{p:?}"
            );
        }
        let exports = f.app.exported()[0].parent().unwrap();
        assert_eq!(
            std::fs::metadata(exports).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
}

// ---------------------------------------------------------------------------
// Run loop with scripted events
// ---------------------------------------------------------------------------

struct Script(VecDeque<Event>);

impl EventSource for Script {
    fn next(&mut self, _timeout: Duration) -> std::io::Result<Option<Event>> {
        Ok(Some(self.0.pop_front().unwrap_or(Event::Key(ch('q')))))
    }
}

struct Fixed;

impl Clock for Fixed {
    fn now(&self) -> Timestamp {
        now()
    }
}

#[test]
fn the_run_loop_drives_the_whole_app() {
    let mut f = four_parties();
    let mut events = Script(
        [ch('j'), ch('c'), ch('n')]
            .into_iter()
            .map(Event::Key)
            .chain([
                Event::Paste("geplakt\r\nin twee regels".into()),
                Event::Key(key(KeyCode::Enter)),
                Event::Resize(80, 24),
            ])
            .collect(),
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    run(
        &mut terminal,
        &mut f.app,
        &mut events,
        &Fixed,
        &AtomicBool::new(false),
    )
    .unwrap();
    assert!(f.app.quitting());
    let s = on_disk(&f.path);
    assert_eq!(s.status_of("1.1.2"), Status::Consensus);
    assert_eq!(
        s.record("1.1.2").unwrap().notes[0].text,
        "geplakt\nin twee regels"
    );
    assert_eq!(s.cursor, "1.1.2", "the cursor is saved on the way out");
}

// ---------------------------------------------------------------------------
// Screens: snapshots at 80×24 and 160×45, and the basics of projection
// ---------------------------------------------------------------------------

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(app, w, h));
    }
}

#[test]
fn snapshots_of_every_screen_and_overlay() {
    let mut f = demo_fixture(Lang::Nl);
    snap("main", &f.app);
    // on a point with notes, actions and a dissent
    f.app.open_session_mut().unwrap().session.cursor = "1.2.1".into();
    snap("main_dissent", &f.app);
    for (name, k) in [
        ("help", '?'),
        ("info", 'i'),
        ("overview", 'g'),
        ("note", 'n'),
        ("action", 'a'),
        ("skip", 's'),
        ("dissent", 'd'),
    ] {
        press_key(&mut f.app, ch(k));
        snap(&format!("overlay_{name}"), &f.app);
        press_key(&mut f.app, key(KeyCode::Esc));
        if f.app
            .dialog_is::<wijktafel::tui::dialogs::discard::DiscardDialog>()
        {
            // the dissent dialog starts with the recorded reason: Esc asks first
            assert_eq!(name, "dissent");
            press_key(&mut f.app, ch('j'));
        }
        assert!(!f.app.has_dialog(), "{name} closes with Esc");
    }
    // the vote screen and the banner of the recorded GO
    f.app.open_session_mut().unwrap().session.cursor = "1.5.1".into();
    press_key(&mut f.app, ch('v'));
    // the demo holds a vote: a new one is asked for explicitly, and why
    // (optional: Enter goes on to the ballots)
    press_key(&mut f.app, ch('n'));
    snap("overlay_vote_again", &f.app);
    press_key(&mut f.app, key(KeyCode::Enter));
    press_key(&mut f.app, ch('g'));
    press_key(&mut f.app, ch('2'));
    press_key(&mut f.app, ch('n'));
    snap("overlay_vote", &f.app);
    press_key(&mut f.app, key(KeyCode::Esc));
    f.app.open_dialog(BannerDialog { vote: 0 });
    snap("banner_go", &f.app);
    // NO-GO with a follow-up route, and a deferred vote
    {
        let sess = &mut f.app.open_session_mut().unwrap().session;
        let mut no_go = sess.votes[0].clone();
        no_go.outcome = Outcome::NoGo;
        no_go.ballots[0].choice = wijktafel::vote::Choice::NoGo;
        no_go.ballots[0].reason = "eerst de wijkteams versterken".into();
        no_go.tally.go -= 1;
        no_go.tally.no_go = 1;
        no_go.follow_up = Some(wijktafel::vote::FollowUp {
            route: wijktafel::vote::Route::Neighbourhood,
            text: String::new(),
            id: None,
        });
        no_go.revisit = Some(jiff::civil::date(2027, 3, 1));
        sess.votes.push(no_go);
        let mut deferred = sess.votes[0].clone();
        deferred.outcome = Outcome::Deferred;
        deferred.deferred = Some(wijktafel::vote::DeferReason::Quorum);
        sess.votes.push(deferred);
    }
    f.app.open_dialog(BannerDialog { vote: 1 });
    snap("banner_no_go", &f.app);
    f.app.open_dialog(BannerDialog { vote: 2 });
    snap("banner_deferred", &f.app);
    f.app.open_session_mut().unwrap().session.votes.truncate(1);
    f.app.open_dialog(SummaryDialog::default());
    snap("summary", &f.app);
    f.app.close_dialog();
    // start screen with recap
    let fw = Framework::builtin();
    let mut s = demo::orientation_example(&fw);
    s.name = "Kanaalzone".into();
    let g = app_with(s, Lang::Nl);
    assert_eq!(g.app.screen(), Screen::Start);
    snap("start", &g.app);
    // home screen, empty and with sessions
    let dir = tempfile::tempdir().unwrap();
    let mut home = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        Store::at(dir.path().join("leeg")),
        now(),
    );
    home.set_tz(TimeZone::UTC);
    home.refresh_home();
    let text = render_text(&home, 80, 24);
    assert!(text.contains("Druk n voor een nieuwe sessie, of d om een voorbeeldsessie te openen."));
    let mut full = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        Store::at(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")),
        now(),
    );
    full.set_tz(TimeZone::UTC);
    full.refresh_home();
    snap("home", &full);
}

#[test]
fn english_screens_have_no_dutch_labels() {
    let f = demo_fixture(Lang::En);
    let text = render_text(&f.app, 160, 45);
    assert!(text.contains("DISCUSSION POINT 2.1.2"), "{text}");
    assert!(text.contains("Stances") && text.contains("Workshop 2"));
    assert!(!text.contains("Standpunten") && !text.contains("GESPREKSPUNT"));
}

#[test]
fn every_status_shows_symbol_and_word() {
    let mut f = four_parties();
    let cases = [('c', "✔ CONSENSUS"), ('o', "○ OPEN")];
    for (k, expect) in cases {
        press_key(&mut f.app, ch(k));
        assert!(render_text(&f.app, 80, 24).contains(expect), "{expect}");
    }
    press_key(&mut f.app, ch('s'));
    type_text(&mut f.app, "reden");
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(render_text(&f.app, 80, 24).contains("↷ OVERGESLAGEN"));
    press_key(&mut f.app, ch('1'));
    press_key(&mut f.app, ch('o'));
    press_key(&mut f.app, ch('d'));
    press_key(&mut f.app, key(KeyCode::Tab));
    type_text(&mut f.app, "reden");
    press_key(&mut f.app, key(KeyCode::Enter));
    let text = render_text(&f.app, 80, 24);
    assert!(text.contains("✖ VERSCHIL VAN MENING"), "{text}");
    assert!(text.contains("✖ oneens"), "{text}");
}

#[test]
fn too_small_windows_get_a_message_never_a_panic() {
    let f = demo_fixture(Lang::Nl);
    for (w, h) in [(1, 1), (10, 3), (79, 24), (80, 23), (200, 5), (5, 100)] {
        let text = render_text(&f.app, w, h);
        if w >= 20 && h >= 3 {
            assert!(text.contains("Venster te klein"), "{w}x{h}: {text}");
        }
    }
    assert!(!render_text(&f.app, 80, 24).contains("Venster te klein"));
}

#[test]
fn themes_cycle_and_all_render() {
    let mut f = demo_fixture(Lang::Nl);
    for expected in [ThemeKind::Light, ThemeKind::Contrast, ThemeKind::Dark] {
        press_key(&mut f.app, ch('T'));
        assert_eq!(f.app.theme(), expected);
        assert!(render_text(&f.app, 80, 24).contains("GESPREKSPUNT"));
    }
}

#[test]
fn hostile_text_never_reaches_the_screen_as_control_characters() {
    let fw = Framework::builtin();
    let mut s = demo::build(&fw, 2);
    let evil = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[2J\u{9b}31m\u{202e}gnol\u{0}";
    s.parties[0].organisation = format!("Gemeente{evil}");
    s.add_note("2.1.2", &format!("notitie {evil}\nregel 2"), now());
    let f = app_with(s, Lang::Nl);
    for (w, h) in [(80, 24), (160, 45)] {
        let text = render_text(&f.app, w, h);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "control char on screen"
        );
        assert!(!text.contains('\u{202e}'));
        assert!(text.contains('␛'), "made visible");
    }
}

#[test]
fn parties_can_leave_and_join_during_a_workshop() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('p'));
    assert_eq!(
        f.app.screen(),
        Screen::Main,
        "attendance is a dialog over the point"
    );
    press_key(&mut f.app, ch('3'));
    press_key(&mut f.app, key(KeyCode::Enter));
    assert_eq!(f.app.screen(), Screen::Main);
    assert_eq!(f.app.present_parties(), vec![1, 2, 4]);
    let s = on_disk(&f.path);
    let log = &s.workshops[0].attendance_log;
    assert_eq!((log[0].party, log[0].present), (3, false));
    // numbers do not shift (issue 14, item 4): key 4 is still Bewoners
    press_key(&mut f.app, ch('4'));
    press_key(&mut f.app, ch('e'));
    assert_eq!(
        on_disk(&f.path).record("1.1.1").unwrap().stance_of(4),
        Stance::Agree
    );
}

/// Issue 14, item 11: a message disappears when its cause is gone.
#[test]
fn an_error_goes_when_its_dialog_is_done() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('s'));
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(
        f.app.flash().is_some_and(|m| m.text.contains("reden")),
        "an empty reason is refused with a message"
    );
    type_text(&mut f.app, "al besproken");
    press_key(&mut f.app, key(KeyCode::Enter));
    assert!(!f.app.has_dialog());
    let shown = render_text(&f.app, 120, 35);
    assert!(!shown.contains("verplicht"), "{shown}");
}

/// Issue 14, item 12: no English in the Dutch interface (the theme's name).
#[test]
fn the_theme_is_named_in_the_language_of_the_interface() {
    let mut f = four_parties();
    press_key(&mut f.app, ch('T'));
    let shown = render_text(&f.app, 120, 35);
    assert!(shown.contains("Thema: licht"), "{shown}");
    assert!(!shown.contains("light"), "{shown}");
}
