//! The focus view of the main screen (issue 17): `f` lets the point and its
//! status fill the facilitator's window for rooms with one screen; every
//! capture key works there as on the normal screen and is saved; the view
//! itself is never saved and no undo entry.

use ratatui::crossterm::event::KeyCode;
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;

use crate::common;
use crate::common::{on_disk, press};
use common::{Fixture, now, open_app, render_text};

fn open(session: Session, lang: Lang) -> Fixture {
    let mut f = open_app(Framework::builtin(), &session, lang);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

fn four_parties() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    open(s, Lang::Nl)
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn focused(app: &App) -> bool {
    app.screen_state().unwrap().focus_view
}

#[test]
fn f_toggles_the_focus_view_and_esc_leaves_it() {
    let mut f = four_parties();
    let app = &mut f.app;
    let normal = render_text(app, 160, 45);
    assert!(normal.contains("Standpunten") && normal.contains("Agenda"));
    assert!(!focused(app));
    // Esc on the normal screen changes nothing
    press(app, KeyCode::Esc);
    assert!(!focused(app));
    assert_eq!(render_text(app, 160, 45), normal);
    press(app, KeyCode::Char('f'));
    assert!(focused(app));
    assert_eq!(app.ctx(), Ctx::Main, "every main key still applies");
    let screen = render_text(app, 160, 45);
    assert!(!screen.contains("Standpunten"), "{screen}");
    assert!(!screen.contains("Agenda"), "{screen}");
    assert!(screen.contains("GESPREKSPUNT 1.1.1"), "{screen}");
    assert!(screen.contains("○ OPEN"), "symbol and word: {screen}");
    press(app, KeyCode::Char('f'));
    assert!(!focused(app));
    press(app, KeyCode::Char('f'));
    press(app, KeyCode::Esc);
    assert!(!focused(app));
    assert_eq!(render_text(app, 160, 45), normal);
}

#[test]
fn captures_in_the_focus_view_are_recorded_and_saved_and_the_view_stays() {
    let mut f = four_parties();
    let before = std::fs::read_to_string(&f.path).unwrap();
    press(&mut f.app, KeyCode::Char('f'));
    // the toggle itself is not saved and no undo entry
    assert_eq!(std::fs::read_to_string(&f.path).unwrap(), before);
    assert!(f.app.open_session().unwrap().undo.peek(true).is_none());
    // consensus
    press(&mut f.app, KeyCode::Char('c'));
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
    assert!(focused(&f.app));
    assert!(render_text(&f.app, 80, 24).contains("✔ CONSENSUS"));
    // a stance by its digit
    press(&mut f.app, KeyCode::Char('2'));
    press(&mut f.app, KeyCode::Char('e'));
    let rec = on_disk(&f.path);
    let bas = rec.parties[1].id;
    assert_eq!(
        rec.record("1.1.1").unwrap().stance_of(bas),
        Stance::Agree,
        "2 e: the second party agrees"
    );
    // a note through its dialog, opened over the focus view
    press(&mut f.app, KeyCode::Char('n'));
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::note::NoteDialog>()
    );
    assert!(render_text(&f.app, 80, 24).contains("GESPREKSPUNT 1.1.1"));
    keys(&mut f.app, "eerst de cijfers");
    press(&mut f.app, KeyCode::Enter);
    assert!(!f.app.has_dialog());
    assert_eq!(on_disk(&f.path).record("1.1.1").unwrap().notes.len(), 1);
    // dissent with a reason: Gemeente says "oneens" on the consensus,
    // which goes back to open (asked: issue 24), then `d`
    keys(&mut f.app, "1o");
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::stance_pick::StancePickDialog>()
    );
    keys(&mut f.app, "o");
    press(&mut f.app, KeyCode::Char('d'));
    press(&mut f.app, KeyCode::Tab);
    keys(&mut f.app, "te duur");
    press(&mut f.app, KeyCode::Enter);
    let s = on_disk(&f.path);
    assert_eq!(s.status_of("1.1.1"), Status::Dissent);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("✖ VERSCHIL VAN MENING"), "{screen}");
    assert!(screen.contains("Gemeente"), "who dissents: {screen}");
    assert!(screen.contains("te duur"), "and why: {screen}");
    // undo works as on the normal screen
    press(&mut f.app, KeyCode::Char('u'));
    assert_ne!(on_disk(&f.path).status_of("1.1.1"), Status::Dissent);
    // moving on: the view stays, showing the next point
    press(&mut f.app, KeyCode::Char('j'));
    assert_eq!(f.app.session().unwrap().cursor, "1.1.2");
    assert!(focused(&f.app));
    assert!(render_text(&f.app, 80, 24).contains("GESPREKSPUNT 1.1.2"));
    // skip with a reason
    press(&mut f.app, KeyCode::Char('s'));
    keys(&mut f.app, "later");
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(on_disk(&f.path).status_of("1.1.2"), Status::Skipped);
    assert!(focused(&f.app));
    // the file never holds the view
    let text = std::fs::read_to_string(&f.path).unwrap();
    assert!(!text.contains("focus"), "{text}");
}

#[test]
fn the_footer_of_the_focus_view_shows_f_and_help_whole() {
    for lang in [Lang::Nl, Lang::En] {
        let fw = Framework::builtin();
        let mut f = open(demo::build(&fw, 2), lang);
        press(&mut f.app, KeyCode::Char('f'));
        for (w, h) in [(80, 24), (160, 45)] {
            let screen = render_text(&f.app, w, h);
            let footer = screen.lines().nth(h as usize - 1).unwrap();
            assert!(footer.contains("f focus"), "{lang:?} {w}x{h}: {footer}");
            assert!(footer.contains('?'), "{lang:?} {w}x{h}: {footer}");
            assert!(!footer.contains('…'), "{lang:?} {w}x{h}: {footer}");
        }
    }
}

#[test]
fn the_status_word_is_in_block_letters_when_there_is_room() {
    let fw = Framework::builtin();
    let mut f = open(demo::build(&fw, 2), Lang::Nl);
    f.app.open_session_mut().unwrap().session.cursor = "1.1.1".into();
    press(&mut f.app, KeyCode::Char('f'));
    let large = render_text(&f.app, 160, 45);
    assert!(large.contains('█'), "{large}");
    // at 80×24 only when the point leaves room; never cut letters
    let small = render_text(&f.app, 80, 24);
    for line in small.lines().filter(|l| l.contains('█')) {
        assert!(line.chars().count() <= 80);
    }
}

#[test]
fn a_long_dissent_keeps_its_rows_and_is_cut_with_an_ellipsis() {
    let fw = Framework::builtin();
    let mut f = open(demo::build(&fw, 2), Lang::Nl);
    let reason = "de cijfers zijn onvolledig ".repeat(40);
    {
        let sess = &mut f.app.open_session_mut().unwrap().session;
        sess.points.get_mut("1.2.1").unwrap().dissent_reason = reason;
        sess.cursor = "1.2.1".into();
    }
    press(&mut f.app, KeyCode::Char('f'));
    for (w, h) in [(80, 24), (160, 45)] {
        let screen = render_text(&f.app, w, h);
        assert!(screen.contains("✖ VERSCHIL VAN MENING"), "{screen}");
        assert!(
            screen.contains("Oneens: Stichting Basisonderwijs"),
            "{screen}"
        );
        let status_rows = screen
            .lines()
            .skip_while(|l| !l.contains("Status:"))
            .take_while(|l| !l.trim().is_empty())
            .count();
        assert!(status_rows >= 3, "{w}x{h}: {screen}");
        if w == 80 {
            assert!(
                screen.lines().any(|l| l.trim_end().ends_with('…')),
                "cut with …: {screen}"
            );
        } else {
            assert_eq!(screen.matches("onvolledig").count(), 40, "whole: {screen}");
        }
    }
}

#[test]
fn snapshots_of_the_focus_view() {
    let fw = Framework::builtin();
    let mut f = open(demo::build(&fw, 2), Lang::Nl);
    press(&mut f.app, KeyCode::Char('f'));
    for (name, point) in [("focus", "1.1.1"), ("focus_dissent", "1.2.1")] {
        f.app.open_session_mut().unwrap().session.cursor = point.into();
        let rec = f.app.session().unwrap().status_of(point);
        if name == "focus_dissent" {
            assert_eq!(rec, Status::Dissent);
        }
        for (w, h) in [(80, 24), (160, 45)] {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(&f.app, w, h));
        }
    }
    // the stance panel (Tab) shows below the status while it has the focus
    press(&mut f.app, KeyCode::Tab);
    assert_eq!(f.app.ctx(), Ctx::Stances);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("Standpunten"), "{screen}");
    insta::assert_snapshot!("focus_stances_80x24", screen);
    press(&mut f.app, KeyCode::Esc);
    assert!(focused(&f.app), "Esc leaves the stance panel first");
    assert_eq!(f.app.ctx(), Ctx::Main);
    // a dialog over the focus view
    press(&mut f.app, KeyCode::Char('d'));
    insta::assert_snapshot!("focus_dissent_dialog_80x24", render_text(&f.app, 80, 24));
}
