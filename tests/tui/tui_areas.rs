//! The home screen with more than one session (issue 30): the areas of the
//! store, sortable and filtered by municipality, the selected area's facts
//! in full; Enter opens its session. Snapshots at 80×24 and 160×45.

use crate::common;
use crate::common::areas;

use ratatui::crossterm::event::KeyCode;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::store::Store;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;

use crate::common::press;
use areas::Programme;
use common::render_text;

/// The app at home on the programme's store, on 7 December 2026 (UTC).
fn home(p: &Programme, lang: Lang) -> App {
    let now = jiff::Timestamp::from_second(1_796_637_600).unwrap(); // 2026-12-07T10:00Z
    let mut app = App::new(
        Framework::builtin(),
        lang,
        ThemeKind::Dark,
        Store::at(&p.store),
        now,
    );
    app.set_tz(jiff::tz::TimeZone::UTC);
    app.refresh_home();
    app
}

#[test]
fn the_home_screen_shows_the_areas_at_80x24_and_160x45() {
    let p = Programme::new();
    let app = home(&p, Lang::Nl);
    assert!(app.areas().active());
    assert_eq!(app.areas().rows().len(), 19);
    let small = render_text(&app, 80, 24);
    assert!(small.contains("Wijken (19) · gesorteerd op wijk · alle gemeenten"));
    assert!(!small.contains('…'), "nothing cut:\n{small}");
    insta::assert_snapshot!("areas_80x24", small);
    let big = render_text(&app, 160, 45);
    assert!(big.contains("Wijk 18"), "all 19 rows at 160×45:\n{big}");
    insta::assert_snapshot!("areas_160x45", big);
}

#[test]
fn sort_filter_and_enter_open_the_chosen_area() {
    let p = Programme::new();
    let mut app = home(&p, Lang::Nl);
    let first = |app: &App| {
        let r = app.areas().report.as_ref().unwrap();
        match app.areas().rows()[0] {
            wijktafel::tui::screens::areas::Row::Area(i) => r.overview.areas[i].area.clone(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(first(&app), "Wijk 00");
    // s: by block, by last workshop, by overdue
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        first(&app),
        "Wijk 15",
        "the latest workshop first (28 October)"
    );
    press(&mut app, KeyCode::Char('s'));
    let text = render_text(&app, 160, 45);
    assert!(text.contains("gesorteerd op verlopen"), "{text}");
    let r = app.areas().report.as_ref().unwrap();
    let top = &r.overview.areas[match app.areas().rows()[0] {
        wijktafel::tui::screens::areas::Row::Area(i) => i,
        _ => unreachable!(),
    }];
    assert!(top.decision.as_ref().is_some_and(|d| d.revisit_overdue));
    // m: the first municipality (Dorpen), then the next
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.areas().municipality.as_deref(), Some("Dorpen"));
    assert_eq!(
        app.areas().rows().len(),
        4,
        "Wijk 19 (Dorpen) is in the other folder"
    );
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.areas().municipality.as_deref(), Some("Havenstad"));
    // Enter opens the selected area's session
    press(&mut app, KeyCode::Down);
    let want = match app.areas().rows()[1] {
        wijktafel::tui::screens::areas::Row::Area(i) => {
            app.areas().report.as_ref().unwrap().overview.areas[i]
                .name
                .clone()
        }
        _ => unreachable!(),
    };
    press(&mut app, KeyCode::Enter);
    assert_ne!(app.screen(), Screen::Home);
    let text = render_text(&app, 120, 40);
    assert!(text.contains(&want), "{want}:\n{text}");
}

#[test]
fn one_session_keeps_the_plain_list() {
    let p = Programme::new();
    let dir = tempfile::tempdir().unwrap();
    let one = std::fs::read_dir(&p.store)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::copy(&one, dir.path().join("een.toml")).unwrap();
    let mut app = App::new(
        Framework::builtin(),
        Lang::En,
        ThemeKind::Dark,
        Store::at(dir.path()),
        jiff::Timestamp::from_second(1_796_637_600).unwrap(),
    );
    app.refresh_home();
    assert!(!app.areas().active());
    assert_eq!(app.home_entries().len(), 1);
}

#[test]
fn the_areas_in_english() {
    let p = Programme::new();
    let app = home(&p, Lang::En);
    let text = render_text(&app, 160, 45);
    assert!(
        text.contains("Areas (19) · sorted by area · all municipalities"),
        "{text}"
    );
    assert!(text.contains("no decision yet") || text.contains("Decision:"));
    assert!(
        text.contains("s sort") && text.contains("m municipality"),
        "{text}"
    );
}

#[test]
fn a_long_municipality_in_the_header_is_never_cut() {
    let p = Programme::new();
    let mut app = home(&p, Lang::Nl);
    let long = "Gemeente met een heel erg lange naam die niet op één regel past";
    for a in &mut app.areas_mut().report.as_mut().unwrap().overview.areas {
        a.municipality = long.into();
    }
    update(&mut app, wijktafel::tui::Action::NextMunicipality);
    let text = render_text(&app, 80, 24);
    let joined: String = text.lines().take(3).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = long.split(' ').collect();
    assert!(
        words.iter().all(|w| joined.contains(w)),
        "every word of the municipality is in the header:\n{text}"
    );
    assert!(text.contains("Wijk 00"));
}
