//! Every theme paints every cell (issue 17): on every screen, dialog and
//! overlay, at 80×24 and 160×45, no cell keeps the terminal's default
//! background and no text keeps its default foreground, so `--theme light`
//! on a dark terminal is light everywhere. A colour snapshot per theme
//! records the backgrounds of one screen row by row.

use std::path::Path;

use crate::common::press;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::Session;
use wijktafel::store::Store;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::dialogs::summary::SummaryDialog;
use wijktafel::tui::dialogs::vote::banner::BannerDialog;
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::theme::{ThemeKind, cells_on_terminal_default};
use wijktafel::tui::ui;
use wijktafel::vote::Outcome;

const THEMES: [ThemeKind; 3] = [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Contrast];
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn now() -> Timestamp {
    Timestamp::from_second(1_791_816_300).unwrap()
}

fn open(session: Session, theme: ThemeKind) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("store"));
    let path = store.create(&session).unwrap();
    let mut app = App::new(Framework::builtin(), Lang::Nl, theme, store, now());
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    (dir, app)
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    t.backend().buffer().clone()
}

/// Collects, per state and size, the first cell on the terminal's default.
struct Checker {
    theme: ThemeKind,
    states: usize,
    failures: Vec<String>,
}

impl Checker {
    fn check_at(&mut self, state: &str, app: &App, sizes: &[(u16, u16)]) {
        self.states += 1;
        for &(w, h) in sizes {
            let buf = draw(app, w, h);
            if let Some(&(x, y)) = cells_on_terminal_default(&buf).first() {
                let c = &buf[(x, y)];
                self.failures.push(format!(
                    "{} {w}x{h} {state}: cell ({x}, {y}) {:?} fg {:?} bg {:?}",
                    self.theme.name(),
                    c.symbol(),
                    c.fg,
                    c.bg
                ));
            }
        }
    }

    fn check(&mut self, state: &str, app: &App) {
        self.check_at(state, app, &SIZES);
    }

    /// Open a dialog with `key`, check it, close it with Esc (answering a
    /// "throw away?" with yes).
    fn dialog(&mut self, state: &str, app: &mut App, key: KeyCode) {
        press(app, key);
        assert!(app.has_dialog(), "{state} opens a dialog");
        self.check(state, app);
        close(app);
    }
}

fn close(app: &mut App) {
    for _ in 0..4 {
        if !app.has_dialog() {
            return;
        }
        if matches!(app.ctx(), Ctx::Discard | Ctx::VoteDrop) {
            press(app, KeyCode::Char('j'));
        } else {
            press(app, KeyCode::Esc);
        }
    }
    assert!(!app.has_dialog(), "the dialog closes: {:?}", app.ctx());
}

/// Drive the app through a broad set of states in `theme`, checking each.
fn visit(theme: ThemeKind) -> Checker {
    let mut c = Checker {
        theme,
        states: 0,
        failures: Vec::new(),
    };
    let fw = Framework::builtin();

    // home: with sessions, empty, its help and the new-session form
    let mut home = App::new(
        Framework::builtin(),
        Lang::Nl,
        theme,
        Store::at(Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")),
        now(),
    );
    home.set_tz(TimeZone::UTC);
    home.refresh_home();
    c.check("home", &home);
    c.dialog("home help", &mut home, KeyCode::Char('?'));
    c.dialog("new session form", &mut home, KeyCode::Char('n'));
    let empty_dir = tempfile::tempdir().unwrap();
    let mut empty = App::new(
        Framework::builtin(),
        Lang::Nl,
        theme,
        Store::at(empty_dir.path().join("leeg")),
        now(),
    );
    empty.refresh_home();
    c.check("home empty", &empty);

    // the start screen with recap and attendance
    let mut s = demo::orientation_example(&fw);
    s.name = "Kanaalzone".into();
    let (_d1, mut start) = open(s, theme);
    assert_eq!(start.screen(), Screen::Start);
    c.check("start", &start);
    c.dialog("start help", &mut start, KeyCode::Char('?'));
    c.dialog("add party", &mut start, KeyCode::Char('a'));
    press(&mut start, KeyCode::Tab);
    c.check("start recap focused", &start);

    // the main workshop screen of the demo
    let (_d2, mut app) = open(demo::build(&fw, 2), theme);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Main);
    c.check("main", &app);
    // a point with notes, actions and a dissent
    app.open_session_mut().unwrap().session.cursor = "1.2.1".into();
    c.check("main dissent", &app);
    press(&mut app, KeyCode::Tab);
    c.check("stance panel focused", &app);
    press(&mut app, KeyCode::Esc);
    for (state, k) in [
        ("help", '?'),
        ("info", 'i'),
        ("overview", 'g'),
        ("note", 'n'),
        ("action item", 'a'),
        ("skip", 's'),
        ("dissent", 'd'),
        ("items", 'x'),
        ("guidance", 'b'),
    ] {
        c.dialog(state, &mut app, KeyCode::Char(k));
    }
    // a typed note, then Esc: "throw away?"
    press(&mut app, KeyCode::Char('n'));
    keys(&mut app, "half a note");
    press(&mut app, KeyCode::Esc);
    assert!(app.dialog_is::<wijktafel::tui::dialogs::discard::DiscardDialog>());
    c.check("discard question", &app);
    close(&mut app);
    // consensus over a stated "oneens" asks first
    press(&mut app, KeyCode::Char('c'));
    assert!(app.has_dialog(), "1.2.1 has an \"oneens\": c asks");
    c.check("consensus check", &app);
    close(&mut app);
    // a message in the flash line (the theme named, three times round)
    keys(&mut app, "TTT");
    assert_eq!(app.theme(), theme);
    assert!(app.flash().is_some());
    c.check("flash", &app);
    // an error over a dialog
    press(&mut app, KeyCode::Char('?'));
    app.error("schijf vol".into());
    c.check("error over a dialog", &app);
    close(&mut app);

    // the focus view (`f`), with a dissent, with a dialog over it, with
    // the stance panel
    press(&mut app, KeyCode::Char('f'));
    assert!(app.screen_state().unwrap().focus_view);
    c.check("focus view dissent", &app);
    c.dialog("dissent over the focus view", &mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Tab);
    c.check("focus view stance panel", &app);
    press(&mut app, KeyCode::Esc);
    app.open_session_mut().unwrap().session.cursor = "1.1.1".into();
    c.check("focus view", &app);
    press(&mut app, KeyCode::Char('f'));

    // the vote: an earlier vote, ballots, the read-back, the follow-up, defer
    app.open_session_mut().unwrap().session.cursor = "1.5.1".into();
    press(&mut app, KeyCode::Char('v'));
    c.check("vote earlier", &app);
    press(&mut app, KeyCode::Char('n'));
    c.check("vote ballots", &app);
    keys(&mut app, "1g2n");
    c.check("vote ballots cast", &app);
    press(&mut app, KeyCode::Esc);
    c.check("vote drop question", &app);
    press(&mut app, KeyCode::Char('n'));
    keys(&mut app, "u");
    c.check("vote defer", &app);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "3g4g");
    press(&mut app, KeyCode::Enter);
    c.check("vote read-back", &app);
    close(&mut app);
    // the outcomes in large letters, and the summary
    {
        let sess = &mut app.open_session_mut().unwrap().session;
        let mut no_go = sess.votes[0].clone();
        no_go.outcome = Outcome::NoGo;
        sess.votes.push(no_go);
        let mut deferred = sess.votes[0].clone();
        deferred.outcome = Outcome::Deferred;
        deferred.deferred = Some(wijktafel::vote::DeferReason::Quorum);
        sess.votes.push(deferred);
    }
    for vote in 0..3 {
        app.open_dialog(BannerDialog { vote });
        c.check(&format!("banner {vote}"), &app);
    }
    app.open_dialog(SummaryDialog::default());
    c.check("summary", &app);
    app.close_dialog();

    // a new session, four parties, a NO-GO with its follow-up
    let mut fresh = Session::new("Testwijk", &fw, now());
    for o in ["Gemeente", "Woonstede", "Politie", "Bewoners"] {
        fresh.add_party(o, "", "");
    }
    let (_d3, mut new) = open(fresh, theme);
    press(&mut new, KeyCode::Enter);
    new.open_session_mut().unwrap().session.cursor = "1.5.1".into();
    press(&mut new, KeyCode::Char('v'));
    keys(&mut new, "1n");
    keys(&mut new, "r");
    keys(&mut new, "eerst de bewoners");
    c.check("vote reason", &new);
    press(&mut new, KeyCode::Enter);
    keys(&mut new, "2n3n4n");
    press(&mut new, KeyCode::Enter);
    press(&mut new, KeyCode::Enter);
    c.check("vote follow-up", &new);

    // the "window too small" message
    c.check_at("too small", &app, &[(60, 20), (79, 24), (200, 10)]);
    c
}

#[test]
fn every_theme_paints_every_cell_of_every_state() {
    let mut failures = Vec::new();
    for theme in THEMES {
        let c = visit(theme);
        assert!(c.states >= 40, "{}: only {} states", theme.name(), c.states);
        failures.extend(c.failures);
    }
    assert!(
        failures.is_empty(),
        "{} states show the terminal's default colours; first cell of each:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The backgrounds of a buffer, row by row, as runs: "Rgb(20, 22, 28)×80".
fn background_rows(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut runs: Vec<(Color, usize)> = Vec::new();
        for x in 0..buf.area.width {
            let bg = buf[(x, y)].bg;
            match runs.last_mut() {
                Some((c, n)) if *c == bg => *n += 1,
                _ => runs.push((bg, 1)),
            }
        }
        let row: Vec<String> = runs.iter().map(|(c, n)| format!("{c:?}×{n}")).collect();
        out.push_str(&format!("{y:2}: {}\n", row.join(" ")));
    }
    out
}

#[test]
fn colour_snapshot_of_the_main_screen_with_a_dialog_per_theme() {
    let fw = Framework::builtin();
    for theme in THEMES {
        let (_d, mut app) = open(demo::build(&fw, 2), theme);
        press(&mut app, KeyCode::Enter);
        app.open_session_mut().unwrap().session.cursor = "1.2.1".into();
        press(&mut app, KeyCode::Char('n'));
        let buf = draw(&app, 80, 24);
        insta::assert_snapshot!(
            format!("backgrounds_{}", theme.name()),
            background_rows(&buf)
        );
    }
}

#[test]
fn a_bare_clear_is_found_and_the_themed_clear_paints() {
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Clear};
    use wijktafel::tui::widgets::popup::clear;
    let th = ThemeKind::Light.theme();
    let mut t = Terminal::new(TestBackend::new(10, 3)).unwrap();
    t.draw(|f| {
        f.render_widget(Block::new().style(th.base), f.area());
        f.render_widget(Clear, Rect::new(2, 1, 3, 1));
    })
    .unwrap();
    assert_eq!(
        cells_on_terminal_default(t.backend().buffer()),
        vec![(2, 1), (3, 1), (4, 1)]
    );
    let mut t = Terminal::new(TestBackend::new(10, 3)).unwrap();
    t.draw(|f| {
        f.render_widget(Block::new().style(th.base), f.area());
        clear(f, Rect::new(2, 1, 3, 1), &th);
        // an area reaching outside the frame is cut to it
        clear(f, Rect::new(8, 2, 5, 5), &th);
    })
    .unwrap();
    assert!(cells_on_terminal_default(t.backend().buffer()).is_empty());
}

/// Every clear under src/tui goes through `popup::clear`: ratatui's bare
/// `Clear` leaves the terminal's own colours.
#[test]
fn no_bare_clear_under_src_tui() {
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, found);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("widgets/popup.rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, line) in text.lines().enumerate() {
                    if line.contains("render_widget(Clear") || line.contains("widgets::Clear") {
                        found.push(format!("{}:{}: {line}", p.display(), i + 1));
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut found,
    );
    assert!(
        found.is_empty(),
        "use widgets::popup::clear:\n{}",
        found.join("\n")
    );
}
