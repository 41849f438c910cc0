//! The note editor wraps as the rest of the program does (issue 25): at
//! spaces, by terminal columns, never between "(" and its word, no row
//! starting with a space, and the cursor always on screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::Session;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::update;
use wijktafel::tui::{Action, map_event};

use crate::common;
use common::{Fixture, now, open_app, render_text};

const NOTE: &str = "Bewoners van de Kadebuurt vragen om een tweede deel (Kadebuurt-Noord) van \
                    het onderzoek; de 华人社区协会 wil meedoen, mits de gemeente de planning \
                    (voor 2027) deelt met alle partijen aan tafel en de uitkomsten openbaar \
                    maakt. Ook de winkeliers (Kadeplein en omgeving) willen worden gehoord.";

fn started() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let mut f = open_app(fw, &s, Lang::Nl);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

/// The note editor open with [`NOTE`] pasted in.
fn note_typed() -> Fixture {
    let mut f = started();
    press(&mut f.app, KeyCode::Char('n'));
    update(&mut f.app, Action::Paste(NOTE.into()));
    f
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(a) = map_event(app, Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        update(app, a);
    }
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| wijktafel::tui::ui::render(app, f)).unwrap();
    t.backend().buffer().clone()
}

/// The rows of the editor's frame (between its side borders), as text.
fn editor_rows(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|l| l.contains("┌ Notities"))
        .unwrap_or_else(|| panic!("{screen}"));
    // in characters: left of the dialog is the main screen, without wide glyphs
    let left = rows[top].chars().position(|c| c == '┌').unwrap();
    rows[top + 1..]
        .iter()
        .map(|l| l.chars().skip(left).collect::<String>())
        .take_while(|l| !l.starts_with('└'))
        .map(|inner| {
            let inner = inner.strip_prefix('│').unwrap_or(&inner);
            inner.split('│').next().unwrap_or("").to_string()
        })
        .collect()
}

/// Where the cursor cell is (reversed) inside the editor's frame.
fn cursor_cells(buf: &Buffer) -> usize {
    buf.content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED))
        .count()
}

fn check(app: &App, w: u16, h: u16) -> String {
    let screen = render_text(app, w, h);
    let rows = editor_rows(&screen);
    let text: Vec<&str> = rows
        .iter()
        .map(|r| r.trim_end())
        .filter(|r| !r.is_empty())
        .collect();
    for r in &text {
        assert!(
            !r.starts_with(' '),
            "a row starts with a space: {r:?}\n{screen}"
        );
        assert!(!r.ends_with('('), "a row ends in \"(\": {r:?}\n{screen}");
    }
    // every word of the note is on screen, whole, in order
    assert_eq!(
        text.join(" ").split_whitespace().collect::<Vec<_>>(),
        NOTE.split_whitespace().collect::<Vec<_>>(),
        "{screen}"
    );
    assert!(screen.contains("(Kadebuurt-Noord)"), "{screen}");
    assert!(screen.contains("华人社区协会"), "{screen}");
    assert_eq!(
        cursor_cells(&buffer(app, w, h)),
        1,
        "the cursor is drawn\n{screen}"
    );
    screen
}

#[test]
fn a_long_note_wraps_at_spaces_by_columns_in_the_editor() {
    let mut f = note_typed();
    let app = &mut f.app;
    insta::assert_snapshot!("note_editor_80x24", check(app, 80, 24));
    insta::assert_snapshot!("note_editor_160x45", check(app, 160, 45));
}

/// `↑` moves by the rows as they are drawn, and the cursor stays visible
/// on a row of the note.
#[test]
fn up_moves_by_the_drawn_rows_and_the_cursor_stays_visible() {
    let mut f = note_typed();
    let app = &mut f.app;
    let rows = editor_rows(&render_text(app, 80, 24))
        .iter()
        .filter(|r| !r.trim().is_empty())
        .count();
    assert!(rows >= 3, "a note of several rows");
    for up in 1..rows {
        press(app, KeyCode::Up);
        let buf = buffer(app, 80, 24);
        assert_eq!(cursor_cells(&buf), 1, "after {up} × ↑");
    }
    // on the first row now: typing lands before its first word's 8th column
    press(app, KeyCode::Home);
    update(app, Action::Paste("Let op: ".into()));
    let screen = render_text(app, 80, 24);
    assert!(
        editor_rows(&screen)[0].starts_with("Let op: Bewoners"),
        "{screen}"
    );
}

/// Text out of the editor's view is said on its frame: "↑ meer" on the
/// top when rows are hidden above, "↓ meer" at the bottom when below;
/// neither when the note fits.
#[test]
fn an_editor_says_when_text_is_out_of_view() {
    let mut f = note_typed();
    let app = &mut f.app;
    let frame_of = |screen: &str| -> (String, String) {
        let rows: Vec<&str> = screen.lines().collect();
        let top = rows.iter().position(|l| l.contains("┌ Notities")).unwrap();
        let bottom = (top..rows.len()).find(|&i| rows[i].contains('└')).unwrap();
        (rows[top].to_string(), rows[bottom].to_string())
    };
    let (top, bottom) = frame_of(&render_text(app, 80, 24));
    assert!(
        !top.contains("meer") && !bottom.contains("meer"),
        "{top}\n{bottom}"
    );
    // twenty more lines: the cursor at the end, the first rows out of view
    let more: String = (1..=20).map(|i| format!("\nregel {i}")).collect();
    update(app, Action::Paste(more));
    let screen = render_text(app, 80, 24);
    let (top, bottom) = frame_of(&screen);
    assert!(
        top.contains("┌ Notities") && top.contains("↑ meer ┐"),
        "{screen}"
    );
    assert!(!bottom.contains("meer"), "{screen}");
    // at the top of the note: the rest is below
    for _ in 0..40 {
        press(app, KeyCode::Up);
    }
    let screen = render_text(app, 80, 24);
    let (top, bottom) = frame_of(&screen);
    assert!(!top.contains("meer"), "{screen}");
    assert!(bottom.contains("↓ meer ┘"), "{screen}");
    // in the middle: both
    for _ in 0..12 {
        press(app, KeyCode::Down);
    }
    let screen = render_text(app, 80, 24);
    let (top, bottom) = frame_of(&screen);
    assert!(
        top.contains("↑ meer") && bottom.contains("↓ meer"),
        "{top}\n{bottom}"
    );
}
