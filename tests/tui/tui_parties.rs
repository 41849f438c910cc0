//! Parties, stances, dissent and attendance on screen (issue 14, items 4,
//! 5, 6 and the dissent dialog of 11): numbers that do not shift, absent
//! parties dimmed and never captured for, consensus over "disagree" asked
//! first, reasons visible, nothing typed dropped.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{HistoryKind, Session, Stance, Status};
use wijktafel::store::Store;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::{Action, ui};

use crate::common;
use crate::common::{on_disk, press_key};
use common::render_text;

const NOW: i64 = 1_791_816_300; // 2026-10-12T14:45:00Z

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    app: App,
}

fn session(parties: &[(&str, &str)]) -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, Timestamp::from_second(NOW).unwrap());
    s.area = "Testwijk".into();
    for (o, r) in parties {
        s.add_party(o, r, "");
    }
    s
}

const FOUR: [(&str, &str); 4] = [
    ("Gemeente", "Anna"),
    ("Woonstede", "Bas"),
    ("Politie", "Cor"),
    ("Bewoners", "Dirk"),
];

/// The session open on its start screen; `absent` are unticked there with
/// their number key before Enter starts the workshop.
fn started(s: Session, absent: &[char]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let now = Timestamp::from_second(NOW).unwrap();
    let mut app = App::new(Framework::builtin(), Lang::Nl, ThemeKind::Dark, store, now);
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    for &c in absent {
        press_key(&mut app, ch(c));
    }
    press_key(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Main);
    Fixture {
        _dir: dir,
        path,
        app,
    }
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

fn stance(path: &Path, party: u32) -> Stance {
    on_disk(path)
        .record("1.1.1")
        .map(|r| r.stance_of(party))
        .unwrap_or_default()
}

fn flash(app: &App) -> String {
    app.flash().map(|f| f.text.clone()).unwrap_or_default()
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(app, w, h));
    }
}

/// The line of the stance panel that starts with a party's key (at 160
/// columns the panel is right of the agenda's bar).
/// The row of the stance panel that starts (after the selection marker,
/// "▶ " or two blanks) with `prefix`, from there on.
fn stance_row(screen: &str, prefix: &str) -> String {
    screen
        .lines()
        .find_map(|l| {
            ["  ", "▶ "].iter().find_map(|m| {
                let row = format!("{m}{prefix}");
                if l.starts_with(&row) {
                    Some(l[m.len()..].to_string())
                } else {
                    let after_bar = format!("│{row}");
                    l.find(&after_bar)
                        .map(|i| l[i + '│'.len_utf8() + m.len()..].to_string())
                }
            })
        })
        .unwrap_or_default()
}

#[test]
fn numbers_stay_when_a_party_arrives_and_an_absent_partys_key_only_says_so() {
    let mut f = started(session(&FOUR), &['3']);
    let app = &mut f.app;
    // Bewoners keeps number 4 while Politie (3) is absent
    press_key(app, ch('4'));
    press_key(app, ch('e'));
    assert_eq!(stance(&f.path, 4), Stance::Agree);
    press_key(app, ch('3'));
    assert!(!app.has_dialog(), "no stance to pick for an absent party");
    assert_eq!(
        flash(app),
        "Partij 3 (Politie (Cor)) is afwezig: niets vastgelegd."
    );
    for p in [1, 2, 3] {
        assert_eq!(stance(&f.path, p), Stance::NotStated, "party {p}");
    }
    // Politie arrives at 1.1.1 with `p`: nobody's number moves
    press_key(app, ch('p'));
    assert_eq!(app.screen(), Screen::Main, "attendance over the point");
    press_key(app, ch('3'));
    press_key(app, key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Main);
    press_key(app, ch('4'));
    press_key(app, ch('v'));
    assert_eq!(
        stance(&f.path, 4),
        Stance::Reservations,
        "4 is still Bewoners"
    );
    press_key(app, ch('3'));
    press_key(app, ch('e'));
    assert_eq!(stance(&f.path, 3), Stance::Agree, "3 is Politie, now here");
    let s = on_disk(&f.path);
    let log = &s.workshops[0].attendance_log;
    assert_eq!(log.len(), 1);
    assert!(
        log[0].party == 3 && log[0].present,
        "one arrival, no departure"
    );
}

#[test]
fn an_absent_party_keeps_its_number_dimmed_in_the_stance_panel() {
    let mut f = started(session(&FOUR), &['2']);
    press_key(&mut f.app, ch('4'));
    press_key(&mut f.app, ch('e'));
    for (w, h) in [(80, 24), (160, 45)] {
        let screen = render_text(&f.app, w, h);
        let row = stance_row(&screen, "2 ");
        assert!(row.starts_with("2 Woonstede"), "{w}x{h}: {row:?}\n{screen}");
        assert!(row.contains("∅ afwezig"), "{row:?}");
        assert!(stance_row(&screen, "4 ").contains("✔ eens"), "{screen}");
    }
    // dimmed: the name is drawn in the theme's dim colour
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|fr| ui::render(&f.app, fr)).unwrap();
    let buf = t.backend().buffer();
    let dim = ThemeKind::Dark.theme().dim.fg;
    let y = (0..24)
        .find(|&y| {
            (0..14)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .starts_with("  2 Woonstede")
        })
        .expect("row of party 2");
    assert_eq!(buf[(4, y)].fg, dim.unwrap(), "the absent party is dimmed");
    snap("absent_party", &f.app);
    // the stance panel's Space on the absent party captures nothing
    press_key(&mut f.app, key(KeyCode::Tab));
    press_key(&mut f.app, key(KeyCode::Down));
    press_key(&mut f.app, ch(' '));
    assert_eq!(stance(&f.path, 2), Stance::NotStated);
    assert!(flash(&f.app).contains("Partij 2"), "{}", flash(&f.app));
}

#[test]
fn the_start_screen_lists_the_same_numbers() {
    let mut f = started(session(&FOUR), &['2']);
    press_key(&mut f.app, ch('p'));
    let screen = render_text(&f.app, 120, 35);
    for (n, name) in [
        (1, "Gemeente"),
        (2, "Woonstede"),
        (3, "Politie"),
        (4, "Bewoners"),
    ] {
        let line = screen
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default();
        assert!(line.contains(&format!("{n} ")), "{line:?}");
    }
    // a number without a party says so
    let mut s = session(&FOUR);
    s.parties[0].removed = Some(Timestamp::from_second(NOW).unwrap());
    let mut f = started(s, &[]);
    press_key(&mut f.app, ch('p'));
    press_key(&mut f.app, ch('1'));
    assert_eq!(flash(&f.app), "Geen partij met nummer 1.");
    assert!(
        f.app.open_session().unwrap().is_present(2),
        "nobody else unticked"
    );
    let screen = render_text(&f.app, 120, 35);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("2 ") && l.contains("Woonstede")),
        "a removed party's number is not given to another:\n{screen}"
    );
}

#[test]
fn consensus_over_a_present_disagree_asks_and_records_what_was_decided() {
    let mut f = started(session(&FOUR), &[]);
    let app = &mut f.app;
    type_text(app, "1o");
    assert_eq!(stance(&f.path, 1), Stance::Disagree);
    press_key(app, ch('c'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::consensus_check::ConsensusCheckDialog>());
    let screen = render_text(app, 80, 24);
    assert!(
        screen.contains("Gemeente (Anna) is het oneens. Toch consensus"),
        "{screen}"
    );
    snap("consensus_check", app);
    // no: nothing recorded
    press_key(app, ch('n'));
    assert!(!app.has_dialog());
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Open);
    // yes: recorded, and the history says over whose disagree
    press_key(app, ch('c'));
    press_key(app, ch('j'));
    assert!(!app.has_dialog());
    let s = on_disk(&f.path);
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.status, Status::Consensus);
    assert_eq!(r.stance_of(1), Stance::Disagree, "what Gemeente said stays");
    let last = r
        .history
        .iter()
        .rfind(|h| h.kind == HistoryKind::Status)
        .unwrap();
    assert_eq!(last.detail, "consensus (over disagree: 1)");
    let screen = render_text(app, 160, 45);
    assert!(screen.contains("ondanks “oneens” van Gemeente"), "{screen}");
    // without a disagree, `c` records at once
    press_key(app, ch('j'));
    press_key(app, ch('c'));
    assert!(!app.has_dialog());
    assert_eq!(on_disk(&f.path).status_of("1.1.2"), Status::Consensus);
}

#[test]
fn a_dissenter_disagrees_on_screen_and_the_reason_is_the_points() {
    let mut f = started(session(&FOUR), &[]);
    let app = &mut f.app;
    type_text(app, "2v");
    assert_eq!(stance(&f.path, 2), Stance::Reservations);
    press_key(app, ch('d'));
    press_key(app, ch('2'));
    press_key(app, key(KeyCode::Tab));
    type_text(app, "te weinig woningen");
    press_key(app, key(KeyCode::Enter));
    assert_eq!(stance(&f.path, 2), Stance::Disagree);
    let s = on_disk(&f.path);
    // the reason is the point's: not copied into the party's stance (issue 24)
    assert_eq!(
        s.record("1.1.1").unwrap().stance_entry(2).unwrap().reason,
        ""
    );
    for (w, h) in [(80, 24), (160, 45)] {
        let screen = render_text(app, w, h);
        assert!(stance_row(&screen, "2 ").contains("✖ oneens"), "{screen}");
        assert!(!screen.contains("voorbehoud"), "{screen}");
        assert_eq!(
            screen.matches("te weinig woningen").count(),
            1,
            "shown once, with the point:\n{screen}"
        );
    }
}

#[test]
fn a_stance_reason_is_visible_wrapped_or_cut_with_an_ellipsis() {
    let mut f = started(session(&FOUR), &[]);
    let app = &mut f.app;
    press_key(app, ch('3'));
    press_key(app, ch('e'));
    press_key(app, key(KeyCode::Tab));
    press_key(app, key(KeyCode::Down));
    press_key(app, key(KeyCode::Down));
    press_key(app, ch('r'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::stance_reason::StanceReasonDialog>());
    let reason = "de wijkagent ziet vooral overlast van jongeren rond het winkelcentrum en minder in de rest van de wijk, dus het beeld klopt maar half";
    update(app, Action::Paste(reason.into()));
    press_key(app, key(KeyCode::Enter));
    assert!(!app.has_dialog());
    press_key(app, key(KeyCode::Esc));
    let small = render_text(app, 80, 24);
    assert!(small.contains("    de wijkagent ziet"), "{small}");
    assert!(
        small.lines().any(|l| l.contains('…') && l.contains("wijk")),
        "cut with …:\n{small}"
    );
    let large = render_text(app, 160, 45);
    assert!(large.contains("winkelcentrum"), "{large}");
    assert!(
        large.contains("maar half"),
        "all of it on a large screen:\n{large}"
    );
    snap("stance_reason", app);
}

#[test]
fn a_long_dissent_uses_the_rows_it_has_and_ends_in_an_ellipsis_when_cut() {
    let mut f = started(session(&FOUR), &[]);
    let app = &mut f.app;
    press_key(app, ch('d'));
    press_key(app, ch('4'));
    press_key(app, key(KeyCode::Tab));
    let reason = "bewoners herkennen zich niet in de cijfers: ".repeat(6) + "EINDE";
    update(app, Action::Paste(reason.clone()));
    press_key(app, key(KeyCode::Enter));
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Dissent);
    let small = render_text(app, 80, 24);
    let status: Vec<&str> = small
        .lines()
        .skip_while(|l| !l.starts_with("Status:"))
        .take_while(|l| !l.contains("Standpunten"))
        .collect();
    assert!(status.len() >= 2, "{small}");
    assert!(status.last().unwrap().ends_with('…'), "{small}");
    let large = render_text(app, 160, 45);
    assert!(large.contains("EINDE"), "the whole reason fits:\n{large}");
    snap("long_dissent", app);
}

#[test]
fn letters_typed_over_the_dissent_party_list_go_to_the_reason() {
    let mut f = started(session(&FOUR), &[]);
    let app = &mut f.app;
    press_key(app, ch('d'));
    assert_eq!(app.ctx(), Ctx::DissentParties);
    press_key(app, ch('2'));
    type_text(app, "jongeren");
    assert_eq!(app.ctx(), Ctx::Dissent, "the focus moved to the reason");
    type_text(app, " te duur");
    press_key(app, key(KeyCode::Enter));
    let s = on_disk(&f.path);
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.dissent_reason, "jongeren te duur", "no letter dropped");
    assert_eq!(r.dissenters, vec![2]);
}

#[test]
fn dissent_keys_are_party_numbers_and_an_absent_party_is_not_ticked() {
    let mut f = started(session(&FOUR), &['3']);
    let app = &mut f.app;
    press_key(app, ch('d'));
    press_key(app, ch('4'));
    press_key(app, ch('3'));
    let Some(d) = app.dialog::<wijktafel::tui::dialogs::dissent::DissentDialog>() else {
        panic!("dissent dialog")
    };
    assert_eq!(d.chosen, vec![4], "4 is Bewoners; 3 is absent");
    assert!(flash(app).contains("Partij 3"), "{}", flash(app));
    let screen = render_text(app, 80, 24);
    assert!(
        screen.lines().any(|l| l.contains("4 ☒ Bewoners")),
        "{screen}"
    );
    assert!(
        !screen.contains("☐ Politie"),
        "absent: not in the list\n{screen}"
    );
}

#[test]
fn more_than_ten_parties_go_through_the_stance_panel_and_it_says_how_many_more() {
    let names: Vec<(String, String)> = (1..=12)
        .map(|i| (format!("Partij{i:02}"), String::new()))
        .collect();
    let refs: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut f = started(session(&refs), &[]);
    let app = &mut f.app;
    let small = render_text(app, 80, 24);
    assert!(small.contains("+"), "{small}");
    assert!(
        small.lines().any(|l| l.contains("meer (Tab, pijltjes)")),
        "{small}"
    );
    press_key(app, key(KeyCode::Tab));
    for _ in 0..11 {
        press_key(app, key(KeyCode::Down));
    }
    press_key(app, ch(' '));
    press_key(app, ch('e'));
    assert_eq!(stance(&f.path, 12), Stance::Agree);
    let small = render_text(app, 80, 24);
    assert!(small.contains("Partij12"), "{small}");
    assert!(small.lines().any(|l| l.contains("↑ +")), "{small}");
    snap("twelve_parties", app);
}

#[test]
fn an_absent_partys_earlier_stance_stays_in_view() {
    let mut f = started(session(&FOUR), &[]);
    type_text(&mut f.app, "2o");
    assert_eq!(stance(&f.path, 2), Stance::Disagree);
    // Woonstede leaves
    press_key(&mut f.app, ch('p'));
    press_key(&mut f.app, ch('2'));
    press_key(&mut f.app, key(KeyCode::Enter));
    for (w, h) in [(80, 24), (160, 45)] {
        let screen = render_text(&f.app, w, h);
        let row = stance_row(&screen, "2 ");
        assert!(row.contains("✖ oneens · afwezig"), "{w}x{h}: {row:?}");
    }
}

#[test]
fn the_ballots_use_the_same_party_numbers_and_an_absent_party_has_none() {
    let mut f = started(session(&FOUR), &['3']);
    let app = &mut f.app;
    press_key(app, ch('v'));
    let screen = render_text(app, 120, 35);
    if screen.contains("hoort bij stap") {
        press_key(app, ch('j'));
    }
    // 4 is Bewoners on the ballots too, though Politie (3) is absent
    press_key(app, ch('4'));
    press_key(app, ch('g'));
    let screen = render_text(app, 120, 35);
    let row = screen
        .lines()
        .find(|l| l.contains("Bewoners"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(row.contains("4 ") && row.contains("▲ Go"), "{row}");
    assert!(
        !screen
            .lines()
            .any(|l| l.contains("Politie") && l.contains("? ")),
        "{screen}"
    );
    press_key(app, ch('3'));
    assert_eq!(
        flash(app),
        "Partij 3 (Politie (Cor)) is afwezig: niets vastgelegd."
    );
}
