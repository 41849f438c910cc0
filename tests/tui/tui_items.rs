//! Notes and action items after they are typed (issue 14, item 9): `x` on
//! the main screen lists the point's items; `Enter` edits, `x`/Space marks
//! an action done or open again, `Del` deletes after a question. Every
//! change is saved at once, undoable, kept in the history, and shown in the
//! notes panel, the summary and the minutes.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyCode;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{ItemChangeKind, Session};
use wijktafel::store::{self, Store};
use wijktafel::tui::Action;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::{self, Ctx, Keep};
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::widgets::footer::fitting;

use crate::common;
use crate::common::{on_disk, press};
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

fn fixture(session: Session, lang: Lang) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&session).unwrap();
    let mut app = App::new(Framework::builtin(), lang, ThemeKind::Dark, store, at(0));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    if app.screen() == Screen::Start {
        update(&mut app, Action::Confirm);
    }
    assert_eq!(app.screen(), Screen::Main);
    Fixture {
        _dir: dir,
        path,
        app,
    }
}

fn parties() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, at(-100));
    for o in ["Gemeente", "Woonstede", "Politie", "Bewoners"] {
        s.add_party(o, "", "");
    }
    s
}

/// Workshop 1 gave point 1.1.1 a note and an action (owner Woonstede, due
/// 1 December); workshop 2 runs, on that point.
fn second_workshop(lang: Lang) -> Fixture {
    let mut s = parties();
    s.resume(at(-90_000));
    s.add_note("1.1.1", "Eerste notitie uit B1", at(-89_000));
    s.add_action(
        "1.1.1",
        "Cijfers opvragen bij het CBS",
        Some(2),
        Some(jiff::civil::date(2026, 12, 1)),
        at(-88_000),
    );
    s.end_workshop(at(-80_000));
    fixture(s, lang)
}

fn keys_(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Time goes on between keys, as in a real workshop.
fn later(app: &mut App, secs: i64) {
    let now = app
        .now()
        .checked_add(jiff::SignedDuration::from_secs(secs))
        .unwrap();
    app.set_now(now);
}

fn selected(app: &App) -> usize {
    match app.dialog::<wijktafel::tui::dialogs::items::ItemsDialog>() {
        Some(d) => d.selected,
        _ => panic!("the items dialog is not open: {:?}", app.ctx()),
    }
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(app, w, h));
    }
}

#[test]
fn x_lists_the_items_of_the_point_newest_first() {
    let mut f = second_workshop(Lang::Nl);
    later(&mut f.app, 10);
    press(&mut f.app, KeyCode::Char('n'));
    keys_(&mut f.app, "Nieuwe notitie");
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Char('x'));
    assert_eq!(f.app.ctx(), Ctx::Items);
    assert_eq!(selected(&f.app), 0);
    let text = render_text(&f.app, 80, 24);
    let pos = |t: &str| text.lines().position(|l| l.contains(t)).unwrap();
    assert!(pos("Nieuwe notitie") < pos("Cijfers opvragen"));
    assert!(pos("Cijfers opvragen") < pos("Eerste notitie"));
    // the focus is seen, and moves
    assert!(
        text.lines().any(|l| l.contains("▶ • Nieuwe notitie")),
        "{text}"
    );
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Down);
    assert_eq!(selected(&f.app), 2, "the focus stays on the last row");
    press(&mut f.app, KeyCode::Esc);
    assert!(!f.app.has_dialog());
}

#[test]
fn enter_edits_a_note_keeping_its_earlier_text_and_undo_takes_it_back() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Down); // the note from workshop 1
    later(&mut f.app, 30);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Note);
    assert!(render_text(&f.app, 80, 24).contains("Notitie bij 1.1.1 wijzigen"));
    keys_(&mut f.app, ", aangevuld");
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Items, "back to the list");
    assert_eq!(selected(&f.app), 1);
    let n = &on_disk(&f.path).points["1.1.1"].notes[0];
    assert_eq!(n.text, "Eerste notitie uit B1, aangevuld");
    assert_eq!(n.changes.len(), 1);
    assert_eq!(n.changes[0].kind, ItemChangeKind::Edited);
    assert_eq!(n.changes[0].text, "Eerste notitie uit B1");
    assert_eq!((n.changes[0].workshop, n.changes[0].at), (2, at(30)));
    assert_eq!(n.workshop, 1);
    assert!(
        on_disk(&f.path).draft.is_none(),
        "an edit is no draft of a new note"
    );
    // undo and redo, from the main screen
    press(&mut f.app, KeyCode::Esc);
    press(&mut f.app, KeyCode::Char('u'));
    let n = &on_disk(&f.path).points["1.1.1"].notes[0];
    assert_eq!(n.text, "Eerste notitie uit B1");
    assert!(n.changes.is_empty());
    update(&mut f.app, Action::Redo);
    let n = &on_disk(&f.path).points["1.1.1"].notes[0];
    assert_eq!(n.text, "Eerste notitie uit B1, aangevuld");
}

#[test]
fn saving_an_unchanged_text_records_nothing() {
    let mut f = second_workshop(Lang::Nl);
    let before = std::fs::read(&f.path).unwrap();
    let undo_before = f.app.open_session().unwrap().undo.undo_len();
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Items);
    // the action form too
    press(&mut f.app, KeyCode::Up);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::ActionItem);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Items);
    assert_eq!(f.app.open_session().unwrap().undo.undo_len(), undo_before);
    assert_eq!(std::fs::read(&f.path).unwrap(), before, "nothing written");
    assert!(f.app.flash().unwrap().text.contains("Niets veranderd"));
    // Esc without a change goes back to the list, asking nothing
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Esc);
    assert_eq!(f.app.ctx(), Ctx::Items);
}

#[test]
fn editing_an_action_keeps_what_it_was_and_its_owner_and_due_date() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    later(&mut f.app, 20);
    press(&mut f.app, KeyCode::Enter); // the action is the newest item
    assert_eq!(f.app.ctx(), Ctx::ActionItem);
    let text = render_text(&f.app, 80, 24);
    assert!(text.contains("Actiepunt bij 1.1.1 wijzigen"), "{text}");
    assert!(
        text.contains("Woonstede") && text.contains("2026-12-01"),
        "{text}"
    );
    keys_(&mut f.app, " en gemeente");
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Items);
    let a = &on_disk(&f.path).points["1.1.1"].actions[0];
    assert_eq!(a.what, "Cijfers opvragen bij het CBS en gemeente");
    assert_eq!(
        (a.owner, a.due),
        (Some(2), Some(jiff::civil::date(2026, 12, 1)))
    );
    let c = &a.changes[0];
    assert_eq!(
        (c.kind, c.text.as_str()),
        (ItemChangeKind::Edited, "Cijfers opvragen bij het CBS")
    );
    assert_eq!(
        (c.owner, c.due),
        (Some(2), Some(jiff::civil::date(2026, 12, 1)))
    );
    // the list's history shows the edit with what it replaced
    let text = render_text(&f.app, 160, 45);
    assert!(
        text.contains("Actiepunt gewijzigd — was: Cijfers opvragen bij het CBS — Woonstede"),
        "{text}"
    );
}

#[test]
fn x_marks_an_action_done_with_the_date_and_space_reopens_it() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    later(&mut f.app, 60);
    press(&mut f.app, KeyCode::Char('x'));
    let a = on_disk(&f.path).points["1.1.1"].actions[0].clone();
    assert!(a.done);
    let done = a.done_change().unwrap();
    assert_eq!((done.workshop, done.at), (2, at(60)));
    assert!(on_disk(&f.path).open_actions().is_empty());
    assert!(render_text(&f.app, 80, 24).contains("☑ Cijfers opvragen"));
    assert!(render_text(&f.app, 80, 24).contains("(klaar 12-10)"));
    later(&mut f.app, 60);
    press(&mut f.app, KeyCode::Char(' '));
    let a = on_disk(&f.path).points["1.1.1"].actions[0].clone();
    assert!(!a.done);
    let kinds: Vec<_> = a.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ItemChangeKind::Done, ItemChangeKind::Reopened]);
    // a note cannot be done: said, nothing changes
    press(&mut f.app, KeyCode::Down);
    let before = std::fs::read(&f.path).unwrap();
    press(&mut f.app, KeyCode::Char('x'));
    assert_eq!(std::fs::read(&f.path).unwrap(), before);
    assert!(f.app.flash().unwrap().text.contains("Alleen een actiepunt"));
    // undo: open → done → open as it came
    press(&mut f.app, KeyCode::Esc);
    press(&mut f.app, KeyCode::Char('u'));
    assert!(on_disk(&f.path).points["1.1.1"].actions[0].done);
    press(&mut f.app, KeyCode::Char('u'));
    let a = on_disk(&f.path).points["1.1.1"].actions[0].clone();
    assert!(!a.done && a.changes.is_empty());
}

#[test]
fn del_asks_first_and_the_deleted_item_stays_as_removed() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Delete);
    assert_eq!(f.app.ctx(), Ctx::Confirm);
    assert!(render_text(&f.app, 80, 24).contains("Deze notitie verwijderen?"));
    press(&mut f.app, KeyCode::Char('n'));
    assert_eq!(f.app.ctx(), Ctx::Items, "no: back to the list");
    assert_eq!(selected(&f.app), 1);
    assert!(on_disk(&f.path).points["1.1.1"].notes[0].live());
    later(&mut f.app, 5);
    press(&mut f.app, KeyCode::Char('-'));
    press(&mut f.app, KeyCode::Char('j'));
    assert_eq!(f.app.ctx(), Ctx::Items);
    let r = on_disk(&f.path).points["1.1.1"].clone();
    assert_eq!(r.notes.len(), 1, "kept in the file");
    let gone = r.notes[0].removed().unwrap();
    assert_eq!((gone.workshop, gone.at), (2, at(5)));
    // gone from the list and from the notes panel
    assert_eq!(selected(&f.app), 1);
    let list = render_text(&f.app, 80, 24);
    assert!(!list.contains("Eerste notitie"), "{list}");
    press(&mut f.app, KeyCode::Esc);
    assert!(!render_text(&f.app, 160, 45).contains("Eerste notitie"));
    // the action too, then undo brings it back
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Delete);
    assert!(render_text(&f.app, 80, 24).contains("Dit actiepunt verwijderen?"));
    press(&mut f.app, KeyCode::Enter);
    assert!(
        on_disk(&f.path).points["1.1.1"].actions[0]
            .removed()
            .is_some()
    );
    assert!(render_text(&f.app, 80, 24).contains("Geen notities of actiepunten"));
    press(&mut f.app, KeyCode::Esc);
    press(&mut f.app, KeyCode::Char('u'));
    assert!(on_disk(&f.path).points["1.1.1"].actions[0].live());
    press(&mut f.app, KeyCode::Char('u'));
    assert!(on_disk(&f.path).points["1.1.1"].notes[0].live());
}

#[test]
fn the_summary_shows_an_action_done_in_this_workshop_once_as_done() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Esc);
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let text = render_text(&f.app, 160, 45);
    assert_eq!(text.matches("Cijfers opvragen").count(), 1, "{text}");
    assert!(
        text.contains("☑ 1.1.1 Cijfers opvragen bij het CBS — Woonstede (klaar)"),
        "{text}"
    );
}

#[test]
fn the_minutes_show_done_once_and_edits_and_deletions_of_the_workshop() {
    let mut f = second_workshop(Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Char('x')); // the action done
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Enter);
    keys_(&mut f.app, " (gewijzigd)");
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Delete);
    press(&mut f.app, KeyCode::Char('j'));
    let s = on_disk(&f.path);
    let o = Options {
        tz: TimeZone::UTC,
        ..Options::new(Lang::Nl)
    };
    let md = |w| {
        String::from_utf8(
            export::render(&Framework::builtin(), &s, Format::Md, Some(w), &o).unwrap(),
        )
        .unwrap()
    };
    let w2 = md(2);
    // once: in the workshop's action items on page one, with its point
    // (issue 24: not again among the points)
    let points = w2.find("## Besproken gesprekspunten").expect(&w2);
    assert_eq!(w2[points..].matches("Cijfers opvragen").count(), 0, "{w2}");
    assert_eq!(w2[..points].matches("Cijfers opvragen").count(), 1, "{w2}");
    assert!(
        w2[..points].contains(
            "- ☑ Gesprekspunt 1.1.1: Cijfers opvragen bij het CBS — Woonstede, uiterlijk 1 december 2026, klaar 12 oktober 2026"
        ),
        "{w2}"
    );
    assert!(
        w2.contains("**Notitie gewijzigd:** Eerste notitie uit B1 (gewijzigd)"),
        "{w2}"
    );
    assert!(w2.contains("was: Eerste notitie uit B1"), "{w2}");
    assert!(
        w2.contains("Notitie verwijderd (uit bijeenkomst 1)"),
        "{w2}"
    );
    // workshop 1's minutes no longer list the deleted note as a note
    let w1 = md(1);
    assert!(!w1.contains("Eerste notitie"), "{w1}");
    // and the open actions of the session leave the done one out
    assert!(
        !s.open_actions()
            .iter()
            .any(|(_, a)| a.what.contains("Cijfers"))
    );
}

#[test]
fn an_old_file_loads_as_it_was_and_a_done_action_from_it_shows_done_without_a_date() {
    // a file written before items had a life: no `changes`; one action was
    // set done by hand (no key did that then)
    let mut s = parties();
    s.resume(at(-90_000));
    s.add_action("1.1.1", "Oud en klaar", None, None, at(-89_000));
    s.add_action("1.1.1", "Oud en open", None, None, at(-88_000));
    s.points.get_mut("1.1.1").unwrap().actions[0].done = true;
    let text = store::to_toml(&s);
    assert!(!text.contains("changes"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oud.toml");
    std::fs::write(&path, &text).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded, s);
    assert_eq!(store::to_toml(&loaded), text, "written the same");
    assert_eq!(loaded.open_actions().len(), 1);
    let f = fixture(loaded, Lang::Nl);
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains("☑ Oud en klaar — nog niemand (klaar)"),
        "{screen}"
    );
    let pos = |t: &str| screen.find(t).unwrap_or_else(|| panic!("{t}\n{screen}"));
    assert!(
        pos("☐ Oud en open") < pos("☑ Oud en klaar"),
        "open ones first"
    );
}

#[test]
fn the_notes_panel_shows_done_actions_dimmed_after_the_open_ones() {
    let mut f = second_workshop(Lang::Nl);
    later(&mut f.app, 10);
    press(&mut f.app, KeyCode::Char('a'));
    keys_(&mut f.app, "Nieuw open actiepunt");
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Down); // the older action
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Esc);
    let text = render_text(&f.app, 160, 45);
    let pos = |t: &str| {
        text.find(t)
            .unwrap_or_else(|| panic!("{t} missing\n{text}"))
    };
    assert!(pos("☐ Nieuw open actiepunt") < pos("☑ Cijfers opvragen"));
    // (the line wraps in the panel)
    assert!(text.contains("(klaar") && text.contains("12-10)"), "{text}");
    assert!(text.contains("x: beheren"), "{text}");
    snap("items_notes_panel", &f.app);
    // and the dialog, with a done action, an edited note and its history
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Enter);
    keys_(&mut f.app, " (aangevuld)");
    press(&mut f.app, KeyCode::Enter);
    snap("items_dialog", &f.app);
}

#[test]
fn a_long_list_scrolls_and_says_so() {
    let mut s = parties();
    s.resume(at(-1000));
    for i in 0..30 {
        s.add_note(
            "1.1.1",
            &format!("Notitie nummer {i} {}", "lang ".repeat(30)),
            at(-900 + i),
        );
    }
    let mut f = fixture(s, Lang::Nl);
    press(&mut f.app, KeyCode::Char('x'));
    for _ in 0..12 {
        press(&mut f.app, KeyCode::Down);
    }
    let text = render_text(&f.app, 80, 24);
    assert!(text.contains("▶ • Notitie nummer 17"), "{text}");
    assert!(text.contains('█'), "a scrollbar: {text}");
    // a row that is cut ends in "…"
    let row = text
        .lines()
        .find(|l| l.contains("Notitie nummer 17"))
        .unwrap();
    let row = row.trim_end_matches(['║', ' ', '█', '░']);
    assert!(row.ends_with('…'), "{row}");
    press(&mut f.app, KeyCode::PageDown);
    press(&mut f.app, KeyCode::PageDown);
    assert_eq!(selected(&f.app), 29);
}

/// The items dialog shows its hints whole, with help and the way out, at
/// 80×24 and 160×45, in both languages (as tests/tui/hints.rs does for the rest).
#[test]
fn the_items_dialog_shows_its_hints_whole() {
    for lang in [Lang::Nl, Lang::En] {
        let mut f = second_workshop(lang);
        press(&mut f.app, KeyCode::Char('x'));
        assert_eq!(f.app.ctx(), Ctx::Items);
        let kept: Vec<String> = keys::footer(Ctx::Items, lang.strings())
            .into_iter()
            .filter(|h| h.2 == Keep::Always)
            .map(|(k, t, _)| format!("{k} {t}"))
            .collect();
        for (w, h) in [(80u16, 24u16), (160, 45)] {
            let text = render_text(&f.app, w, h);
            let whole = (8..=w as usize).rev().any(|room| {
                let hint = fitting(Ctx::Items, lang.strings(), room, false)
                    .iter()
                    .map(|(k, t)| format!("{k} {t}"))
                    .collect::<Vec<_>>()
                    .join(" · ");
                text.lines().any(|l| l.contains(&hint))
            });
            assert!(whole, "{lang:?} {w}×{h}\n{text}");
            for k in &kept {
                assert!(text.contains(k.as_str()), "{lang:?} {w}×{h}: {k}\n{text}");
            }
        }
        // at 80 columns the first three hints fit: edit, done, delete
        let hints = fitting(Ctx::Items, lang.strings(), 72, false);
        let keys: Vec<&str> = hints.iter().map(|h| h.0).collect();
        assert!(
            keys.starts_with(&["Enter", "x", "Del"]),
            "{lang:?}: {keys:?}"
        );
        // F1 or ? gives the help of the dialog, and back
        press(&mut f.app, KeyCode::Char('?'));
        assert_eq!(f.app.ctx(), Ctx::Reading);
        press(&mut f.app, KeyCode::Esc);
        assert_eq!(f.app.ctx(), Ctx::Items);
    }
}

#[test]
fn the_minutes_show_an_edited_and_reopened_action_with_what_it_was() {
    let mut f = second_workshop(Lang::En);
    press(&mut f.app, KeyCode::Char('x'));
    press(&mut f.app, KeyCode::Enter);
    keys_(&mut f.app, " now");
    press(&mut f.app, KeyCode::Tab);
    press(&mut f.app, KeyCode::Left); // Gemeente
    press(&mut f.app, KeyCode::Enter);
    later(&mut f.app, 5);
    press(&mut f.app, KeyCode::Char('x'));
    later(&mut f.app, 5);
    press(&mut f.app, KeyCode::Char('x'));
    let s = on_disk(&f.path);
    let o = Options {
        tz: TimeZone::UTC,
        ..Options::new(Lang::En)
    };
    let md = String::from_utf8(
        export::render(&Framework::builtin(), &s, Format::Md, Some(2), &o).unwrap(),
    )
    .unwrap();
    assert!(
        md.contains(
            "**Action item edited:** Cijfers opvragen bij het CBS now — was: \
             Cijfers opvragen bij het CBS — Woonstede, due 1 December 2026"
        ),
        "{md}"
    );
    assert!(
        md.contains("**Action item reopened:** Cijfers opvragen bij het CBS now"),
        "{md}"
    );
    // open again (added in workshop 1): in the session's open actions, as it is now
    assert!(
        md.contains(
            "| Cijfers opvragen bij het CBS now | Gemeente | 1 December 2026 | 1 | 1.1.1 |"
        ),
        "{md}"
    );
    assert!(
        !md.contains("Actiepunt") && !md.contains("klaar"),
        "no Dutch: {md}"
    );
}
