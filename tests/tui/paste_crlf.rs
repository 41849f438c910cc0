//! Pasted line ends (issue 18): a Windows clipboard holds CRLF, and the
//! Windows console reports a paste as a burst of keys (Enter for CR, Ctrl+J
//! for LF). A paste of "a\r\nb" is one line break in every editor (a space
//! in a one-line field), never a submitted dialog or keys run as commands.

use crate::common::on_disk;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::store::Store;
use wijktafel::term::fold_key_burst;
use wijktafel::tui::app::App;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::widgets::editor::{edit, editor, editor_text};
use wijktafel::tui::{Action, map_event};

const POINT: &str = "2.1.2";

/// Every editor of the program goes through `edit`, in one of its two modes.
#[test]
fn every_editor_mode_makes_one_line_break_of_crlf() {
    for pasted in ["a\r\nb", "a\rb", "a\nb"] {
        let mut multi = editor("");
        edit(&mut multi, &Action::Paste(pasted.into()), true);
        assert_eq!(editor_text(&multi), "a\nb", "{pasted:?}");
        assert_eq!(multi.lines().len(), 2);
        let mut single = editor("");
        edit(&mut single, &Action::Paste(pasted.into()), false);
        assert_eq!(editor_text(&single), "a b", "{pasted:?}");
    }
    // two line breaks stay two
    let mut multi = editor("");
    edit(&mut multi, &Action::Paste("a\r\n\r\nb".into()), true);
    assert_eq!(editor_text(&multi), "a\n\nb");
}

fn open() -> (tempfile::TempDir, std::path::PathBuf, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store
        .create(&demo::build(&Framework::builtin(), 2))
        .unwrap();
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        store,
        Timestamp::from_second(1_790_000_000).unwrap(),
    );
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    update(&mut app, Action::Confirm);
    (dir, path, app)
}

/// "a\r\nb" as the Windows console delivers a paste: press and release of
/// each key, all at once.
fn windows_paste() -> Vec<Event> {
    let keys = [
        (KeyCode::Char('a'), KeyModifiers::NONE),
        (KeyCode::Enter, KeyModifiers::NONE),
        (KeyCode::Char('j'), KeyModifiers::CONTROL),
        (KeyCode::Char('b'), KeyModifiers::NONE),
    ];
    keys.iter()
        .flat_map(|&(c, m)| {
            [KeyEventKind::Press, KeyEventKind::Release]
                .map(|kind| Event::Key(KeyEvent::new_with_kind(c, m, kind)))
        })
        .collect()
}

fn feed(app: &mut App, events: Vec<Event>) {
    for ev in events {
        if let Some(a) = map_event(app, ev) {
            update(app, a);
        }
    }
}

fn enter(app: &mut App) {
    update(app, Action::Key(KeyEvent::from(KeyCode::Enter)));
}

#[test]
fn a_windows_paste_in_the_note_editor_is_one_line_break() {
    let (_d, path, mut app) = open();
    update(&mut app, Action::AddNote);
    feed(&mut app, fold_key_burst(windows_paste()));
    assert!(app.has_dialog(), "the paste did not submit the note");
    enter(&mut app);
    let s = on_disk(&path);
    let note = &s.record(POINT).unwrap().notes.last().unwrap().text;
    assert_eq!(note, "a\nb");
}

#[test]
fn a_windows_paste_in_a_one_line_field_is_a_space() {
    let (_d, path, mut app) = open();
    update(&mut app, Action::MarkSkipped);
    feed(&mut app, fold_key_burst(windows_paste()));
    assert!(app.has_dialog(), "the paste did not submit the reason");
    enter(&mut app);
    assert_eq!(on_disk(&path).record(POINT).unwrap().skip_reason, "a b");
}

/// Without folding, the same keys would submit the note after "a" and run
/// "b" as a command: the folding is what keeps them text.
#[test]
fn unfolded_the_same_keys_would_submit_the_dialog() {
    let (_d, path, mut app) = open();
    update(&mut app, Action::AddNote);
    feed(&mut app, windows_paste());
    let s = on_disk(&path);
    let note = &s.record(POINT).unwrap().notes.last().unwrap().text;
    assert_eq!(note, "a", "Enter submitted the note");
}
