//! Every context (home, start, main, stance panel, each dialog, the vote)
//! shows its key hints whole, with the help key and the way out, at 80×24
//! and at 160×45, in both languages. The hints come from the key table.

use std::path::PathBuf;

use crate::common::press;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::Session;
use wijktafel::store::Store;
use wijktafel::tui::app::App;
use wijktafel::tui::keys::{self, Ctx, Keep};
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::widgets::footer::fitting;
use wijktafel::tui::{Action, ui};

fn now() -> Timestamp {
    Timestamp::from_second(1_791_816_300).unwrap()
}

fn app(session: Session, lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("store"));
    let path = store.create(&session).unwrap();
    let mut app = App::new(Framework::builtin(), lang, ThemeKind::Dark, store, now());
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    (dir, path, app)
}

fn four_parties(lang: Lang) -> (tempfile::TempDir, PathBuf, App) {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for o in ["Gemeente", "Woonstede", "Politie", "Bewoners"] {
        s.add_party(o, "", "");
    }
    app(s, lang)
}

fn keys_(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

/// The hint line of `ctx` as the footer widget writes it for `room` columns.
fn hint_text(ctx: Ctx, lang: Lang, room: usize, scrolls: bool) -> String {
    fitting(ctx, lang.strings(), room, scrolls)
        .iter()
        .map(|(k, t)| format!("{k} {t}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The current context shows a whole hint line (as the key table gives it
/// for some width) that holds every hint that must stay.
fn check(app: &App, expect: Ctx, what: &str) {
    assert_eq!(app.ctx(), expect, "{what}");
    let lang = app.lang();
    let kept: Vec<String> = keys::footer(expect, lang.strings())
        .into_iter()
        .filter(|h| h.2 == Keep::Always)
        .map(|(k, t, _)| format!("{k} {t}"))
        .collect();
    assert!(!kept.is_empty(), "{what}: no help or way out in the table");
    for (w, h) in [(80u16, 24u16), (160, 45)] {
        let lines = screen(app, w, h);
        let whole = (8..=w as usize).rev().any(|room| {
            [false, true].iter().any(|&scrolls| {
                let hint = hint_text(expect, lang, room, scrolls);
                lines.iter().any(|l| l.contains(&hint))
            })
        });
        assert!(
            whole,
            "{what} at {w}×{h}: no whole hint line\n{}",
            lines.join("\n")
        );
        for k in &kept {
            assert!(
                lines.iter().any(|l| l.contains(k.as_str())),
                "{what} at {w}×{h}: {k:?} missing\n{}",
                lines.join("\n")
            );
        }
    }
}

fn every_context(lang: Lang) {
    // home and the new-session form
    let dir = tempfile::tempdir().unwrap();
    let mut home = App::new(
        Framework::builtin(),
        lang,
        ThemeKind::Dark,
        Store::at(dir.path()),
        now(),
    );
    check(&home, Ctx::Home, "home");
    press(&mut home, KeyCode::Char('n'));
    check(&home, Ctx::NewSession, "new session");

    // a new workshop: start, add party, then the main screen
    let (_d, _p, mut a) = four_parties(lang);
    check(&a, Ctx::Start, "start");
    press(&mut a, KeyCode::Char('a'));
    check(&a, Ctx::AddParty, "add party");
    press(&mut a, KeyCode::Esc);
    update(&mut a, Action::Confirm);
    check(&a, Ctx::Main, "main");
    press(&mut a, KeyCode::Tab);
    check(&a, Ctx::Stances, "stance panel");
    press(&mut a, KeyCode::Char('r'));
    check(&a, Ctx::StanceReason, "stance reason");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    for (k, ctx) in [
        ('?', Ctx::Reading),
        ('i', Ctx::Reading),
        ('b', Ctx::Guidance),
        ('g', Ctx::Overview),
        ('n', Ctx::Note),
        ('s', Ctx::Skip),
        ('a', Ctx::ActionItem),
        ('d', Ctx::DissentParties),
    ] {
        press(&mut a, KeyCode::Char(k));
        check(&a, ctx, &format!("key {k}"));
        if ctx == Ctx::DissentParties {
            press(&mut a, KeyCode::Tab);
            check(&a, Ctx::Dissent, "dissent reason");
        }
        press(&mut a, KeyCode::Esc);
        assert!(!a.has_dialog(), "{k}: Esc closes");
    }
    // F1 in a dialog: its help, over it; closing goes back to it
    press(&mut a, KeyCode::Char('n'));
    keys_(&mut a, "x");
    press(&mut a, KeyCode::F(1));
    check(&a, Ctx::Reading, "help of the note");
    press(&mut a, KeyCode::Esc);
    check(&a, Ctx::Note, "back in the note");
    press(&mut a, KeyCode::Esc);
    check(&a, Ctx::Discard, "discard?");
    press(&mut a, KeyCode::Char('j'));
    // the gate: block 2 is locked before a vote
    for _ in 0..5 {
        press(&mut a, KeyCode::PageDown);
    }
    check(&a, Ctx::GateOverride, "gate override");
    press(&mut a, KeyCode::Char('x'));
    press(&mut a, KeyCode::Enter);
    check(&a, Ctx::GateOverrideSure, "gate override read back");
    press(&mut a, KeyCode::Char('n'));
    press(&mut a, KeyCode::Esc);
    check(&a, Ctx::Discard, "discard the reason?");
    press(&mut a, KeyCode::Char('j'));
    // ending the workshop asks for the vote first
    press(&mut a, KeyCode::Char('w'));
    check(&a, Ctx::Confirm, "end needs a vote");
    press(&mut a, KeyCode::Char('j'));
    check(&a, Ctx::Vote, "vote");
    press(&mut a, KeyCode::Char('r'));
    check(&a, Ctx::VoteReason, "vote reason");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('u'));
    check(&a, Ctx::Defer, "defer");
    press(&mut a, KeyCode::Esc);
    for p in ['1', '2', '3', '4'] {
        press(&mut a, KeyCode::Char(p));
        press(&mut a, KeyCode::Char('n'));
        // a No-go needs its reason
        press(&mut a, KeyCode::Char('r'));
        keys_(&mut a, "te vroeg");
        press(&mut a, KeyCode::Enter);
    }
    press(&mut a, KeyCode::Enter);
    check(&a, Ctx::VoteReadBack, "read-back");
    press(&mut a, KeyCode::Enter);
    check(&a, Ctx::FollowUp, "follow-up");
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Enter);
    check(&a, Ctx::Banner, "banner");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('w'));
    check(&a, Ctx::Summary, "summary");
    press(&mut a, KeyCode::Esc);
    // a failed save, then q
    let store_dir = a.store().dir().to_path_buf();
    std::fs::rename(&store_dir, store_dir.with_extension("weg")).unwrap();
    press(&mut a, KeyCode::Char('c'));
    press(&mut a, KeyCode::Char('q'));
    check(&a, Ctx::Unsaved, "unsaved");
    press(&mut a, KeyCode::Char('q'));
    check(&a, Ctx::UnsavedSure, "unsaved, sure?");
    std::fs::rename(store_dir.with_extension("weg"), &store_dir).unwrap();

    // the demo: a vote on record, dissent on screen
    let (_d2, _p2, mut b) = app(demo::build(&Framework::builtin(), 2), lang);
    check(&b, Ctx::Main, "demo main");
    b.open_session_mut().unwrap().session.cursor = "1.2.1".into();
    check(&b, Ctx::Main, "demo on a dissent");
    press(&mut b, KeyCode::Char('p'));
    check(&b, Ctx::Attendance, "attendance over the point");
}

#[test]
fn every_context_shows_its_hints_whole_with_help_and_the_way_out() {
    every_context(Lang::Nl);
    every_context(Lang::En);
}

/// Issue 25: the essential keys of the workshop screen fit at 80×24 (on two
/// footer lines), and `Tab` (a party's reason) is in the footer at every size.
#[test]
fn the_workshop_screen_shows_its_essential_keys_at_80x24() {
    for lang in [Lang::Nl, Lang::En] {
        let (_d, _p, mut a) = four_parties(lang);
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.ctx(), Ctx::Main);
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let rows = screen(&a, w, h);
            let footer = format!(
                "{} · {}",
                rows[h as usize - 2].trim_end(),
                rows[h as usize - 1].trim_end()
            );
            for key in [
                "j/k ", "J/K ", "c ", "d ", "Tab ", "n ", "a ", "v ", "w ", "? ", "q ",
            ] {
                assert!(
                    footer.starts_with(key) || footer.contains(&format!("· {key}")),
                    "{lang:?} {w}x{h}: {key:?} missing in\n{footer}"
                );
            }
        }
    }
}
