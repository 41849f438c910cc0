//! Attacks on the full-screen UI found in review (issue 12): quitting after a
//! failed save, a held key, a huge paste, keys behind "too small".
//!
//! Long runs are `#[ignore]`d; run them in release:
//! `cargo test --release --test tui -- --ignored --nocapture ui_attacks::`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::common::press;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Size;
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::store::{self, Store};
use wijktafel::tui::app::{App, PASTE_LIMIT, PASTE_LINE_LIMIT, shutdown};
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::undo::UNDO_LIMIT;
use wijktafel::tui::update;
use wijktafel::tui::{Action, ui};

fn now() -> Timestamp {
    Timestamp::from_second(1_791_816_300).unwrap()
}

/// A store in `root/store` with the demo session open on its main screen.
fn open_in(root: &Path) -> (PathBuf, App) {
    let store = Store::at(root.join("store"));
    let path = store
        .create(&demo::build(&Framework::builtin(), 2))
        .unwrap();
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        store,
        now(),
    );
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    update(&mut app, Action::Confirm);
    (path, app)
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn add_note(app: &mut App, text: &str) {
    update(app, Action::AddNote);
    update(app, Action::Paste(text.into()));
    press(app, KeyCode::Enter);
}

// ---------------------------------------------------------------------------
// 1. Quitting after a failed save
// ---------------------------------------------------------------------------

#[test]
fn quit_after_a_failed_save_asks_and_an_emergency_copy_keeps_the_note() {
    let root = tempfile::tempdir().unwrap();
    let (path, mut app) = open_in(root.path());
    let point = app.session().unwrap().cursor.clone();
    // the store folder disappears while the session is open
    let moved = root.path().join("elders");
    std::fs::rename(root.path().join("store"), &moved).unwrap();
    add_note(&mut app, "na het verdwijnen van de map");
    assert!(app.open_session().unwrap().save_error.is_some());

    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quitting(), "q with unsaved work does not quit");
    assert!(app.dialog_is::<wijktafel::tui::dialogs::unsaved::UnsavedDialog>());
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("NIET in het sessiebestand"), "{shown}");
    assert!(shown.contains("noodkopie schrijven"), "{shown}");

    // write an emergency copy: it lands in the first place that takes it
    press(&mut app, KeyCode::Char('k'));
    let copy = match app.dialog::<wijktafel::tui::dialogs::unsaved::UnsavedDialog>() {
        Some(d) => d.copy.clone().unwrap().unwrap(),
        _ => panic!("the dialog stays"),
    };
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Noodkopie geschreven"), "{shown}");
    let kept = store::load(&copy).unwrap();
    assert_eq!(
        kept.record(&point).unwrap().notes.last().unwrap().text,
        "na het verdwijnen van de map"
    );

    // quitting anyway takes a second confirmation
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quitting());
    press(&mut app, KeyCode::Char('j'));
    assert!(app.quitting());
    shutdown(&mut app);
    let report = app
        .exit_report()
        .map(str::to_string)
        .expect("unsaved work is reported");
    assert!(report.contains("noodkopie"), "{report}");
    assert!(
        !path.exists(),
        "the vanished store folder is not made again"
    );
    std::fs::remove_file(&copy).unwrap();
}

#[test]
fn retry_saves_once_the_cause_is_gone_and_then_q_quits() {
    let root = tempfile::tempdir().unwrap();
    let (path, mut app) = open_in(root.path());
    let point = app.session().unwrap().cursor.clone();
    let moved = root.path().join("elders");
    std::fs::rename(root.path().join("store"), &moved).unwrap();
    add_note(&mut app, "bewaard na herstel");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::unsaved::UnsavedDialog>());
    press(&mut app, KeyCode::Char('r'));
    assert!(
        app.dialog_is::<wijktafel::tui::dialogs::unsaved::UnsavedDialog>(),
        "still failing"
    );
    std::fs::rename(&moved, root.path().join("store")).unwrap();
    press(&mut app, KeyCode::Char('r'));
    assert!(!app.has_dialog(), "saved: the dialog closes");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quitting());
    shutdown(&mut app);
    assert!(app.exit_report().is_none());
    let s = store::load(&path).unwrap();
    assert_eq!(
        s.record(&point).unwrap().notes.last().unwrap().text,
        "bewaard na herstel"
    );
}

#[test]
fn a_signal_with_unsaved_work_writes_an_emergency_copy() {
    let root = tempfile::tempdir().unwrap();
    let (_path, mut app) = open_in(root.path());
    std::fs::rename(root.path().join("store"), root.path().join("elders")).unwrap();
    add_note(&mut app, "nog niet opgeslagen");
    // no dialog on SIGTERM/SIGHUP: the run loop ends and shutdown runs
    shutdown(&mut app);
    let report = app.exit_report().map(str::to_string).expect("reported");
    let copy = report
        .lines()
        .find_map(|l| l.split('"').nth(1))
        .expect("the copy's path is named");
    let s = store::load(Path::new(copy)).unwrap();
    assert!(
        s.points
            .values()
            .any(|r| r.notes.iter().any(|n| n.text == "nog niet opgeslagen"))
    );
    std::fs::remove_file(copy).unwrap();
}

// ---------------------------------------------------------------------------
// 2. A held key
// ---------------------------------------------------------------------------

/// Holding `c`, then a stance key: nothing grows that the room did not decide.
fn hold_keys(presses: usize) -> (App, PathBuf, tempfile::TempDir, std::time::Duration) {
    let root = tempfile::tempdir().unwrap();
    let (path, mut app) = open_in(root.path());
    let t = Instant::now();
    for _ in 0..presses {
        press(&mut app, KeyCode::Char('c'));
    }
    // a party's stance picked again and again: its digit, then a letter
    for i in 0..presses {
        press(&mut app, KeyCode::Char('1'));
        press(&mut app, KeyCode::Char(if i % 2 == 0 { 'e' } else { 'v' }));
    }
    (app, path, root, t.elapsed())
}

#[test]
fn a_held_key_records_each_decision_once_and_undo_stays_bounded() {
    let presses = 3 * UNDO_LIMIT / 2;
    let (app, path, _root, took) = hold_keys(presses);
    let o = app.open_session().unwrap();
    let point = o.session.cursor.clone();
    let party = app.present_parties()[0];
    let r = store::load(&path).unwrap().record(&point).unwrap().clone();
    assert_eq!(r.status, Status::Consensus);
    let consensus = r
        .history
        .iter()
        .filter(|h| h.kind == wijktafel::record::HistoryKind::Status && h.detail == "consensus")
        .count();
    assert_eq!(consensus, 1, "the same status again is no new entry");
    let of_party = |r: &wijktafel::session::PointRecord| {
        r.history
            .iter()
            .filter(|h| {
                h.kind == wijktafel::record::HistoryKind::Stance
                    && h.detail.starts_with(&format!("{party}: "))
            })
            .count()
    };
    let demo = demo::build(&Framework::builtin(), 2);
    let before = demo.record(&point).map(of_party).unwrap_or(0);
    assert_eq!(
        of_party(&r),
        before + 1,
        "picking one party's stance again and again is one entry"
    );
    assert_eq!(
        o.undo.undo_len(),
        UNDO_LIMIT,
        "the oldest undo entries dropped"
    );
    // each entry holds the stances of the present parties and a few history
    // entries, never the records' whole lists
    let per_entry = 2 * app.present_parties().len() + 4;
    assert!(
        o.undo.held_items() <= per_entry * UNDO_LIMIT,
        "undo holds what changed, not whole records: {}",
        o.undo.held_items()
    );
    eprintln!("{} presses of c and 1: {took:?}", 2 * presses);
}

#[test]
fn the_same_capture_again_does_not_write() {
    let root = tempfile::tempdir().unwrap();
    let (path, mut app) = open_in(root.path());
    press(&mut app, KeyCode::Char('c'));
    let written = std::fs::read(&path).unwrap();
    let backups = store::backups_of(&path).len();
    for _ in 0..50 {
        press(&mut app, KeyCode::Char('c'));
    }
    assert_eq!(std::fs::read(&path).unwrap(), written);
    assert_eq!(store::backups_of(&path).len(), backups);
    assert!(
        app.flash()
            .is_some_and(|f| f.text.contains("Niets veranderd"))
    );
    // and undo still goes back to before the one real capture
    press(&mut app, KeyCode::Char('u'));
    let o = app.open_session().unwrap();
    assert_ne!(o.session.status_of(&o.session.cursor), Status::Consensus);
}

#[test]
fn undo_walks_back_through_stances_and_notes() {
    let root = tempfile::tempdir().unwrap();
    let (_path, mut app) = open_in(root.path());
    let start = app.session().unwrap().clone();
    let point = start.cursor.clone();
    let party = app.present_parties()[0];
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('e'));
    add_note(&mut app, "een");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('v'));
    let s = app.session().unwrap();
    assert_eq!(
        s.record(&point).unwrap().stance_of(party),
        Stance::Reservations
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('u'));
    }
    assert_eq!(app.session().unwrap().points, start.points);
    for _ in 0..3 {
        update(&mut app, Action::Redo);
    }
    let r = app.session().unwrap().record(&point).unwrap().clone();
    assert_eq!(r.notes.last().unwrap().text, "een");
    let _ = Stance::Agree;
}

/// 15,000 presses of `c` and 15,000 of `1` in one process (release: see RELIABILITY.md).
#[test]
#[ignore]
fn held_keys_long_run() {
    let rss = |field: &str| -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    };
    let before = rss("VmRSS:");
    let (app, _path, _root, took) = hold_keys(15_000);
    let after = rss("VmRSS:");
    let t = Instant::now();
    drop(app);
    eprintln!(
        "30,000 presses: {took:?} ({:?} a key); RSS {} → {} kB, peak {} kB; drop {:?}",
        took / 30_000,
        before,
        after,
        rss("VmHWM:"),
        t.elapsed()
    );
    assert!(after.saturating_sub(before) < 100_000, "under 100 MB more");
}

// ---------------------------------------------------------------------------
// 3. A huge paste
// ---------------------------------------------------------------------------

#[test]
fn a_paste_over_the_limit_is_refused_with_a_message() {
    let root = tempfile::tempdir().unwrap();
    let (_path, mut app) = open_in(root.path());
    update(&mut app, Action::AddNote);
    let big = "x".repeat(PASTE_LIMIT + 1);
    update(&mut app, Action::Paste(big));
    let shown = screen(&app, 120, 35);
    assert!(shown.contains("Plakken geweigerd"), "{shown}");
    match app.dialog::<wijktafel::tui::dialogs::note::NoteDialog>() {
        Some(d) => assert_eq!(d.editor.lines().concat(), ""),
        _ => panic!("the editor stays open, empty"),
    }
}

#[test]
fn after_a_large_paste_the_editor_shows_what_is_typed() {
    let root = tempfile::tempdir().unwrap();
    let (_path, mut app) = open_in(root.path());
    update(&mut app, Action::AddNote);
    let mut big = String::new();
    let line = "een regel geplakte tekst met ë, ï en 👍🏽, lang genoeg voor een lange notitie\n";
    while big.len() + line.len() < PASTE_LIMIT - 100 {
        big.push_str(line);
    }
    update(&mut app, Action::Paste(big));
    for c in "SLOTWOORD".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    for (w, h) in [(80, 24), (160, 45)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui::render(&app, f)).unwrap();
        // the next frames cost what is visible: the wrapping is kept
        let start = Instant::now();
        for _ in 0..10 {
            t.draw(|f| ui::render(&app, f)).unwrap();
        }
        let per_frame = start.elapsed() / 10;
        eprintln!("frame with a 1 MB note open at {w}×{h}: {per_frame:?}");
        let shown = format!("{:?}", t.backend().buffer());
        assert!(shown.contains("SLOTWOORD"), "{w}×{h}:\n{shown}");
        assert!(per_frame.as_millis() < 50, "{per_frame:?} a frame");
        // and a typed key with its frame
        let start = Instant::now();
        for _ in 0..10 {
            press(&mut app, KeyCode::Char('!'));
            t.draw(|f| ui::render(&app, f)).unwrap();
        }
        eprintln!(
            "key + frame with a 1 MB note at {w}×{h}: {:?}",
            start.elapsed() / 10
        );
    }
    // more would go over the limit: refused, the text stays as it was
    update(&mut app, Action::Paste("x".repeat(200)));
    assert!(
        app.flash()
            .is_some_and(|f| f.text.contains("Plakken geweigerd"))
    );
}

#[test]
fn a_paste_of_too_many_lines_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let (_path, mut app) = open_in(root.path());
    update(&mut app, Action::AddNote);
    update(&mut app, Action::Paste("\n".repeat(PASTE_LINE_LIMIT + 1)));
    assert!(
        app.flash()
            .is_some_and(|f| f.text.contains("Plakken geweigerd"))
    );
}

// ---------------------------------------------------------------------------
// 11. Behind "too small"
// ---------------------------------------------------------------------------

#[test]
fn below_the_minimum_size_only_q_works() {
    let root = tempfile::tempdir().unwrap();
    let (path, mut app) = open_in(root.path());
    let before = std::fs::read(&path).unwrap();
    let cursor = app.session().unwrap().cursor.clone();
    app.resized(Size::new(20, 5));
    for c in ['j', 'c', 'n', 'a', 'b', '1', 'd', 's', 'v', 'w'] {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    update(&mut app, Action::Paste("geplakt".into()));
    assert!(!app.has_dialog());
    assert_eq!(app.session().unwrap().cursor, cursor);
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing saved");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quitting());
    let _: Option<Session> = None;
}
