//! The workshop day in the app (issue 26), key by key: `v` on the start
//! screen adopts the previous minutes (an amendment first; a part or party
//! without its text is asked for, not dropped); `P` parks, `L` moves or
//! closes, `u` takes each back.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyCode;
use wijktafel::domain::workday::ParkedHow;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::Session;
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

/// Workshop 1 has ended; the app opens on the start screen of workshop 2.
fn fixture() -> (tempfile::TempDir, PathBuf, App) {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, at(-100_000));
    for o in ["Gemeente", "Woonstede", "Politie"] {
        s.add_party(o, "", "");
    }
    s.resume(at(-90_000));
    s.end_workshop(at(-80_000));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, at(0));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    (dir, path, app)
}

fn type_(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

#[test]
fn minutes_are_adopted_with_an_amendment_and_a_part_without_text_is_asked_for() {
    let (_dir, path, mut app) = fixture();
    assert!(render_text(&app, 120, 35).contains("Verslag bijeenkomst 1: nog niet vastgesteld"));
    press(&mut app, KeyCode::Char('v'));
    let screen = render_text(&app, 120, 35);
    assert!(
        screen.contains("Verslag bijeenkomst 1 vaststellen"),
        "{screen}"
    );
    type_(&mut app, "Politie was er niet");
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    press(&mut app, KeyCode::Tab);
    type_(&mut app, "Aanwezig");
    press(&mut app, KeyCode::Enter);
    assert!(render_text(&app, 120, 35).contains("Wijzigingen (1):"));
    // a part typed without the amendment's text: asked for, nothing adopted
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_(&mut app, "1.4");
    press(&mut app, KeyCode::Enter);
    assert!(app.session().unwrap().adoptions.is_empty());
    assert!(render_text(&app, 120, 35).contains("Typ de wijziging zelf"));
    // the focus went to the text; the part is cleared
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    let a = s.adoption_of(1).expect("adopted and saved");
    assert_eq!((a.in_workshop, a.amendments.len()), (2, 1));
    assert_eq!(a.amendments[0].party, Some(3), "Politie");
    assert_eq!(a.amendments[0].part, "Aanwezig");
    assert!(
        s.workshops[1].ended.is_none(),
        "adopting started workshop 2"
    );
    // on the main screen, u takes the adoption back
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Main);
    press(&mut app, KeyCode::Char('u'));
    assert!(store::load(&path).unwrap().adoptions.is_empty());
}

#[test]
fn a_topic_is_parked_moved_to_a_note_closed_and_taken_back() {
    let (_dir, path, mut app) = fixture();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Main);
    // an empty topic is not parked
    press(&mut app, KeyCode::Char('P'));
    press(&mut app, KeyCode::Enter);
    assert!(app.session().unwrap().parking.is_empty());
    assert!(render_text(&app, 120, 35).contains("Typ eerst het onderwerp."));
    type_(&mut app, "Bankjes");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('P'));
    type_(&mut app, "Hondenpoep");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    assert_eq!(s.parking.len(), 2);
    assert_eq!(s.parking[0].raised_by, Some(1), "Gemeente");
    assert!(render_text(&app, 120, 35).contains("Parkeerplaats (2 open) · L"));
    // L, n: the first becomes a note of the current point; it moves down
    // among the settled ones, so the next open one is chosen: c closes it
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Char('n'));
    assert!(render_text(&app, 120, 35).contains("▶ ◆ 2 Hondenpoep"));
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 35);
    assert!(
        screen.contains("gesloten kan worden"),
        "a word is needed: {screen}"
    );
    type_(&mut app, "dubbel");
    press(&mut app, KeyCode::Enter);
    let s = store::load(&path).unwrap();
    let point = s.cursor.clone();
    assert_eq!(s.record(&point).unwrap().notes[0].text, "Bankjes");
    assert_eq!(s.parking[0].outcome.as_ref().unwrap().how, ParkedHow::Note);
    assert_eq!(s.parking[1].outcome.as_ref().unwrap().reason, "dubbel");
    press(&mut app, KeyCode::Esc);
    // u twice: the closing, then the note and its move, taken back
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('u'));
    let s = store::load(&path).unwrap();
    assert_eq!(s.open_parked().count(), 2);
    assert!(s.record(&point).is_none_or(|r| r.notes.is_empty()));
}
