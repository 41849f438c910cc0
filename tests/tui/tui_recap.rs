//! The recap on the start screen and the end-of-workshop summary: complete,
//! scrollable, saying how much more there is; dissent resolved from the
//! recap is recorded with its time.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyCode;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::store::{self, Store};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::theme::ThemeKind;

use crate::common;
use crate::common::press;
use common::render_text;

const NOW: i64 = 1_791_816_300; // 2026-10-12T14:45:00Z

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(NOW + secs).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    app: App,
}

/// A session whose first workshop ended with `dissents` points in dissent
/// and `actions` open action items, opened for the next workshop.
fn after_workshop_one(dissents: usize, actions: usize) -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    let a = s.add_party("Gemeente", "Anna", "");
    let b = s.add_party("Politie", "Cor", "");
    s.resume(at(0));
    for i in 0..dissents {
        let id = fw.point_at(i).id.clone();
        s.set_status(
            &id,
            Status::Dissent,
            vec![if i % 2 == 0 { a } else { b }],
            &format!("reden {i}"),
            at(10),
        );
    }
    for i in 0..actions {
        let id = fw.point_at(i).id.clone();
        s.add_action(&id, &format!("actie {i}"), Some(a), None, at(20));
    }
    s.end_workshop(at(3600));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, at(86_400));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    Fixture {
        _dir: dir,
        path,
        app,
    }
}

#[test]
fn the_recap_lists_everything_and_says_how_much_is_below() {
    let mut f = after_workshop_one(14, 12);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Open verschillen van mening (14)"),
        "{screen}"
    );
    assert!(screen.contains("regels meer · PgDn"), "{screen}");
    insta::assert_snapshot!("recap_long_80x24", screen);
    // every dissent and every action can be reached by scrolling
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&render_text(&f.app, 80, 24));
        press(&mut f.app, KeyCode::PageDown);
    }
    for i in 0..14 {
        assert!(
            seen.contains(&format!("reden {i}")),
            "dissent {i} never shown"
        );
    }
    for i in 0..12 {
        assert!(
            seen.contains(&format!("actie {i}")),
            "action {i} never shown"
        );
    }
    // at the end nothing more is said to be below
    let last = render_text(&f.app, 80, 24);
    assert!(!last.contains("regels meer"), "{last}");
    insta::assert_snapshot!("recap_long_160x45", render_text(&f.app, 160, 45));
}

#[test]
fn a_dissent_resolved_from_the_recap_is_recorded_with_its_time() {
    let mut f = after_workshop_one(3, 0);
    let before = std::fs::read(&f.path).unwrap();
    // Tab: the recap takes the focus; ↓ chooses the second dissent
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Down);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("▶ Terugblik: bijeenkomst 1, 12-10-2026"),
        "focus is visible: {screen}"
    );
    assert!(
        screen.contains("▶ ✖ 1.1.2"),
        "the chosen dissent is marked: {screen}"
    );
    insta::assert_snapshot!("recap_focus_80x24", screen);
    // r asks first, and says that this starts the workshop
    press(&mut f.app, KeyCode::Char('r'));
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("1.1.2 opgelost?"), "{screen}");
    assert!(screen.contains("Dit begint"), "{screen}");
    // n: nothing happens, nothing is written
    press(&mut f.app, KeyCode::Char('n'));
    assert_eq!(
        std::fs::read(&f.path).unwrap(),
        before,
        "a no writes nothing"
    );
    press(&mut f.app, KeyCode::Char('r'));
    press(&mut f.app, KeyCode::Char('j'));
    let disk = store::load(&f.path).unwrap();
    assert_eq!(disk.workshops.len(), 2, "resolving started workshop 2");
    let r = disk.record("1.1.2").unwrap();
    assert_eq!(r.status, Status::Consensus);
    let h = r
        .history
        .iter()
        .find(|h| h.detail.starts_with("consensus"))
        .unwrap();
    assert_eq!((h.workshop, h.at), (2, at(86_400)));
    assert!(
        h.detail.contains("resolved dissent of 2: reden 1"),
        "{}",
        h.detail
    );
    assert_eq!(disk.dissents().len(), 2, "the others stay open");
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("mening (2)"), "{screen}");
    assert!(!screen.contains("reden 1"), "{screen}");
    // it can be undone like any capture
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.screen(), Screen::Main);
    press(&mut f.app, KeyCode::Char('u'));
    let disk = store::load(&f.path).unwrap();
    assert_eq!(disk.record("1.1.2").unwrap().status, Status::Dissent);
}

#[test]
fn r_on_the_attendance_list_resolves_nothing() {
    let mut f = after_workshop_one(2, 0);
    let before = std::fs::read(&f.path).unwrap();
    press(&mut f.app, KeyCode::Char('r'));
    assert!(!f.app.has_dialog());
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
}

/// A new session with two parties, workshop 1 started, on the main screen.
fn in_workshop_one() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    s.add_party("Gemeente", "Anna", "");
    s.add_party("Politie", "Cor", "");
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, at(0));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Main);
    Fixture {
        _dir: dir,
        path,
        app,
    }
}

fn tick_to(app: &mut App, secs: i64) {
    app.set_now(at(secs));
}

#[test]
fn the_timer_goes_on_with_the_next_point_and_the_summary_shows_the_times() {
    // the timer runs by itself from the start of the workshop
    let mut f = in_workshop_one();
    tick_to(&mut f.app, 150);
    press(&mut f.app, KeyCode::Char('c'));
    press(&mut f.app, KeyCode::Char('j'));
    tick_to(&mut f.app, 240);
    press(&mut f.app, KeyCode::Char('c'));
    press(&mut f.app, KeyCode::Char('j'));
    tick_to(&mut f.app, 300);
    let sess = f.app.session().unwrap();
    assert_eq!(sess.record("1.1.1").unwrap().seconds, 150);
    assert_eq!(
        sess.record("1.1.2").unwrap().seconds,
        90,
        "the timer went on with 1.1.2"
    );
    assert!(
        f.app.open_session().unwrap().timer.is_some(),
        "and runs on 1.1.3"
    );
    // the summary: per step with time and plan, each point with its time
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Besproken punten: 2 · tijd 04:00"),
        "{screen}"
    );
    assert!(screen.contains("✔ 2 consensus"), "{screen}");
    assert!(
        !screen.contains("0 open"),
        "no count of a status that does not occur: {screen}"
    );
    assert!(screen.contains("1.1.1  02:30"), "{screen}");
    assert!(screen.contains("1.1.2  01:30"), "{screen}");
    assert!(screen.contains("1.1 Urgentie — 04:00"), "{screen}");
    assert!(screen.contains("Nog open in 1"), "{screen}");
    insta::assert_snapshot!("summary_times_80x24", screen);
}

#[test]
fn the_summary_shows_the_follow_up_and_revisit_of_a_no_go() {
    use wijktafel::vote::{Closing, FollowUp, Outcome, Route, Vote};
    let mut f = in_workshop_one();
    let o = f.app.open_session_mut().unwrap();
    let mut v = Vote::cast(&o.session, vec![], vec![], Closing::default(), at(60));
    v.outcome = Outcome::NoGo;
    v.follow_up = Some(FollowUp {
        route: Route::Community,
        text: String::new(),
        id: None,
    });
    v.revisit = Some(jiff::civil::date(2027, 6, 1));
    o.session.votes.push(v);
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("NO-GO"), "{screen}");
    assert!(screen.contains("Vervolgroute"), "{screen}");
    assert!(screen.contains("01-06-2027"), "{screen}");
}

#[test]
fn an_error_shows_once_and_goes_when_the_facilitator_types() {
    let mut f = in_workshop_one();
    press(&mut f.app, KeyCode::Char('s'));
    press(&mut f.app, KeyCode::Enter);
    let screen = render_text(&f.app, 80, 24);
    assert_eq!(
        screen.matches("Een reden is verplicht").count(),
        1,
        "shown once: {screen}"
    );
    press(&mut f.app, KeyCode::Char('t'));
    let screen = render_text(&f.app, 80, 24);
    assert!(!screen.contains("Een reden is verplicht"), "{screen}");
}

#[test]
fn a_long_message_is_cut_with_an_ellipsis_and_names_the_files_first() {
    let mut f = in_workshop_one();
    press(&mut f.app, KeyCode::Char('e'));
    let screen = render_text(&f.app, 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("Verslag geschreven"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains(".md"), "the file name comes first: {line}");
    // two file names and a folder do not fit in 80 columns
    assert!(line.ends_with('…'), "cut with …: {line}");
}

#[test]
fn the_summary_marks_an_earlier_vote_as_replaced() {
    use wijktafel::vote::{Closing, Outcome, Vote};
    let mut f = in_workshop_one();
    let o = f.app.open_session_mut().unwrap();
    let mut first = Vote::cast(&o.session, vec![], vec![], Closing::default(), at(60));
    first.outcome = Outcome::NoGo;
    let mut second = Vote::cast(&o.session, vec![], vec![], Closing::default(), at(1800));
    second.outcome = Outcome::Go;
    o.session.votes.push(first);
    o.session.votes.push(second);
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains("NO-GO (quorum niet gehaald, 14:46)"),
        "{screen}"
    );
    assert!(
        screen.contains("Vervangen door de stemming van 15:15"),
        "{screen}"
    );
    assert!(
        screen.contains("GO (quorum niet gehaald, 15:15)"),
        "{screen}"
    );
}

#[test]
fn an_action_is_marked_done_from_the_recap_and_attendance_is_recapped() {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    let a = s.add_party("Gemeente", "Anna", "");
    let ggd = s.add_party("GGD", "Chloë", "");
    let bzk = s.add_party("BZK", "Joost", "");
    s.start_workshop(&[a], at(0));
    s.set_present(ggd, true, at(1800));
    s.set_status("1.1.2", Status::Dissent, vec![a], "te snel", at(1900));
    s.add_action("1.2.1", "Overzicht beleidsopgaven", Some(a), None, at(2000));
    s.add_action("1.3.2", "Bewonersavond", Some(ggd), None, at(2100));
    s.end_workshop(at(3600));
    let _ = bzk;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, at(86_400));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    let mut f = Fixture {
        _dir: dir,
        path,
        app,
    };
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("☑ aanwezig: Gemeente"), "{screen}");
    assert!(screen.contains("GGD kwam om 15:15"), "{screen}");
    assert!(screen.contains("☐ afwezig: BZK"), "{screen}");
    // Tab, ↓: the first action (after the one dissent); r there resolves nothing
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Char('r'));
    assert!(!f.app.has_dialog());
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains("▶ ☐ 1.2.1 Overzicht beleidsopgaven"),
        "{screen}"
    );
    assert!(screen.contains("Kies eerst een open verschil"), "{screen}");
    press(&mut f.app, KeyCode::Char('x'));
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains("Is actiepunt Overzicht beleidsopgaven (1.2.1) klaar?"),
        "{screen}"
    );
    press(&mut f.app, KeyCode::Char('j'));
    let disk = store::load(&f.path).unwrap();
    let act = &disk.record("1.2.1").unwrap().actions[0];
    assert!(act.done, "done on disk");
    assert_eq!(disk.open_actions().len(), 1);
    assert_eq!(
        disk.workshops.len(),
        2,
        "marking it done started workshop 2"
    );
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("Open actiepunten (1)"), "{screen}");
    insta::assert_snapshot!("recap_attendance_160x45", screen);
}

#[test]
fn attendance_taken_after_a_resolution_started_the_workshop_is_how_it_began() {
    let mut f = after_workshop_one(1, 0);
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Char('r'));
    press(&mut f.app, KeyCode::Char('j'));
    // back to the attendance list: Politie (2) is not there
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Char('2'));
    let disk = store::load(&f.path).unwrap();
    let w = &disk.workshops[1];
    assert_eq!(w.present, vec![1], "absent from the start");
    assert!(
        w.attendance_log.is_empty(),
        "no departure: {:?}",
        w.attendance_log
    );
    // once the agenda is on, a tick is a departure with its time
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Char('p'));
    press(&mut f.app, KeyCode::Char('1'));
    let disk = store::load(&f.path).unwrap();
    assert_eq!(disk.workshops[1].attendance_log.len(), 1);
}

#[test]
fn the_summary_lists_every_open_action_and_those_done_in_the_workshop() {
    let mut f = after_workshop_one(0, 2);
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Char('j'));
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.screen(), Screen::Main);
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let screen = render_text(&f.app, 160, 45);
    let open = screen.find("Open actiepunten (1)").expect(&screen);
    let done = screen.find("Klaar in deze bijeenkomst (1)").expect(&screen);
    assert!(
        screen[open..done].contains("actie 1"),
        "the open one from workshop 1: {screen}"
    );
    assert!(screen[done..].contains("actie 0"), "{screen}");
}

#[test]
fn the_notes_panel_shows_the_newest_note_and_counts_the_rest() {
    let mut f = in_workshop_one();
    let o = f.app.open_session_mut().unwrap();
    for i in 0..8 {
        o.session.add_note(
            "1.1.1",
            &format!("notitie {i} {}", "woord ".repeat(12)),
            at(i),
        );
    }
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("• notitie 7"),
        "the newest is shown: {screen}"
    );
    assert!(screen.contains("eerdere (x: alle notities)"), "{screen}");
    // a newest note longer than the panel ends in …
    let link = format!("https://example.invalid/{}", "pad/".repeat(120));
    let o = f.app.open_session_mut().unwrap();
    o.session.add_note("1.1.1", &link, at(100));
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("https://example.invalid/pad"), "{screen}");
    assert!(screen.contains("+8 eerdere"), "{screen}");
    let panel: Vec<&str> = screen.lines().filter(|l| l.contains('│')).collect();
    assert!(
        panel.iter().any(|l| l.trim_end().ends_with('…')),
        "{screen}"
    );
}
