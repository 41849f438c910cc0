//! The room's words on the facilitator's screen (issue 24, part A): a
//! stance picked with its digit and a letter, never cycled; changing a
//! listed dissenter's stance asks whether it leaves the dissent and, for the
//! last one, what the point becomes; an "oneens" on a consensus asks too;
//! apologies (afgemeld) on the start screen and in the attendance dialog.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status, recorded_over};
use wijktafel::store::{self, Store};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::map_event;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;

use crate::common;
use common::render_text;

const NOW: i64 = 1_791_816_300; // 2026-10-12T14:45:00Z

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    app: App,
}

/// Gemeente (1), Politie (2), Jongerenwerk (3), BZK (4) on the start screen.
fn opened() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Havenkwartier", &fw, Timestamp::from_second(NOW).unwrap());
    for (o, r) in [
        ("Gemeente", "Anna"),
        ("Politie", "Bram"),
        ("Jongerenwerk Oost", "Cor"),
        ("Ministerie van BZK", "Eva"),
    ] {
        s.add_party(o, r, "");
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let now = Timestamp::from_second(NOW).unwrap();
    let mut app = App::new(Framework::builtin(), Lang::Nl, ThemeKind::Dark, store, now);
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    Fixture {
        _dir: dir,
        path,
        app,
    }
}

fn started() -> Fixture {
    let mut f = opened();
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

fn press(app: &mut App, c: KeyCode) {
    let ev = KeyEvent {
        code: c,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    };
    if let Some(a) = map_event(app, Event::Key(ev)) {
        update(app, a);
    }
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn on_disk(path: &Path) -> Session {
    store::load(path).unwrap()
}

/// Politie and Jongerenwerk dissent on 1.1.1 with one reason.
fn dissent_by_two(f: &mut Fixture) {
    keys(&mut f.app, "d23");
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "de cijfers zijn oud");
    press(&mut f.app, KeyCode::Enter);
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!(r.dissenters, vec![2, 3]);
}

#[test]
fn a_digit_opens_the_stance_picker_and_saves_nothing_until_a_letter() {
    let mut f = started();
    let before = std::fs::read(&f.path).unwrap();
    keys(&mut f.app, "3");
    assert_eq!(f.app.ctx(), Ctx::StancePick);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Standpunt van Jongerenwerk Oost (Cor)"),
        "{screen}"
    );
    // the four stances with their keys, whole, in the picker
    for (k, word) in [
        ("e", "eens"),
        ("v", "eens met voorbehoud"),
        ("o", "oneens"),
        ("n", "niet uitgesproken"),
    ] {
        assert!(screen.contains(&format!("{k}  {word}")), "{screen}");
    }
    assert_eq!(std::fs::read(&f.path).unwrap(), before, "nothing saved yet");
    // the same digit again does not cycle anything
    keys(&mut f.app, "33");
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
    press(&mut f.app, KeyCode::Esc);
    assert!(!f.app.has_dialog());
    assert_eq!(std::fs::read(&f.path).unwrap(), before, "Esc: nothing");
    keys(&mut f.app, "3v");
    let s = on_disk(&f.path);
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.stance_of(3), Stance::Reservations);
    let entries: Vec<&str> = r.history.iter().map(|h| h.detail.as_str()).collect();
    assert_eq!(entries, ["3: reservations"], "no stance in between");
}

#[test]
fn a_dissenter_that_changes_its_mind_is_asked_and_leaves_the_dissent() {
    let mut f = started();
    dissent_by_two(&mut f);
    // Jongerenwerk: eens met voorbehoud; the question first
    keys(&mut f.app, "3v");
    assert_eq!(f.app.ctx(), Ctx::Confirm);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("verlaat Jongerenwerk Oost (Cor) het verschil van"),
        "{screen}"
    );
    // no: nothing changes
    keys(&mut f.app, "n");
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!(r.dissenters, vec![2, 3]);
    assert_eq!(r.stance_of(3), Stance::Disagree);
    // yes: it leaves; Politie stays, with the point's reason
    keys(&mut f.app, "3vj");
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!(r.status, Status::Dissent);
    assert_eq!(r.dissenters, vec![2]);
    assert_eq!(r.dissent_reason, "de cijfers zijn oud");
    assert_eq!(r.stance_of(3), Stance::Reservations);
    let screen = render_text(&f.app, 120, 35);
    assert!(screen.contains("Oneens: Politie"), "{screen}");
    assert!(
        !screen.contains("Oneens: Politie (Bram), Jongerenwerk"),
        "{screen}"
    );
    // the last one: what does the point become?
    keys(&mut f.app, "2e");
    assert_eq!(f.app.ctx(), Ctx::StanceThen);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("c consensus"), "{screen}");
    assert!(screen.contains("o open"), "{screen}");
    keys(&mut f.app, "c");
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!(r.status, Status::Consensus);
    assert!(r.dissenters.is_empty());
    // undo takes the stance and its consequence back as one
    keys(&mut f.app, "u");
    let r = on_disk(&f.path).record("1.1.1").unwrap().clone();
    assert_eq!((r.status, r.dissenters.clone()), (Status::Dissent, vec![2]));
    assert_eq!(r.stance_of(2), Stance::Disagree);
}

#[test]
fn an_oneens_on_a_consensus_asks_whether_the_consensus_stands() {
    let mut f = started();
    keys(&mut f.app, "c");
    keys(&mut f.app, "1o");
    assert_eq!(f.app.ctx(), Ctx::StanceThen);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Gemeente (Anna) zegt nu “oneens”"),
        "{screen}"
    );
    keys(&mut f.app, "c");
    let s = on_disk(&f.path);
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.status, Status::Consensus);
    assert_eq!(recorded_over(r), vec![1], "the recorded ondanks");
    assert!(render_text(&f.app, 160, 45).contains("ondanks “oneens” van Gemeente"));
    // on the next point: open instead
    keys(&mut f.app, "jc2oo");
    let s = on_disk(&f.path);
    assert_eq!(s.status_of("1.1.2"), Status::Open);
    assert_eq!(s.record("1.1.2").unwrap().stance_of(2), Stance::Disagree);
}

#[test]
fn apologies_are_marked_at_the_start_and_over_the_point() {
    let mut f = opened();
    // BZK (4) sent apologies: m on its row (↓ three times)
    for _ in 0..3 {
        press(&mut f.app, KeyCode::Down);
    }
    keys(&mut f.app, "m");
    let screen = render_text(&f.app, 120, 35);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("☐ afgemeld") && l.contains("Ministerie van BZK")),
        "{screen}"
    );
    assert!(
        screen.contains("m afgemeld"),
        "the footer says it:\n{screen}"
    );
    press(&mut f.app, KeyCode::Enter);
    let s = on_disk(&f.path);
    assert_eq!(s.workshops[0].excused, vec![4]);
    assert!(!s.is_present(4));
    // Politie sends word halfway: `p`, its row, m
    keys(&mut f.app, "p");
    assert_eq!(f.app.ctx(), Ctx::Attendance);
    press(&mut f.app, KeyCode::Down);
    keys(&mut f.app, "m");
    let s = on_disk(&f.path);
    assert!(!s.is_present(2), "afgemeld is not there");
    assert_eq!(s.workshops[0].excused, vec![2, 4]);
    let screen = render_text(&f.app, 120, 35);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("☐ afgemeld") && l.contains("Politie")),
        "{screen}"
    );
    // m again: not afgemeld after all, absent
    keys(&mut f.app, "m");
    assert_eq!(on_disk(&f.path).workshops[0].excused, vec![4]);
    press(&mut f.app, KeyCode::Esc);
    assert!(
        !f.app.has_dialog()
            || f.app
                .dialog_is::<wijktafel::tui::dialogs::help::HelpDialog>()
    );
}
