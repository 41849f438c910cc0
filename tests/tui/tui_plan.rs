//! The plan of a workshop in the app (issue 26), key by key and with a
//! made-up clock: `t` on the start screen plans it (the steps that fit,
//! their minutes by open points; a step set by hand keeps its minutes and
//! the others share the rest), saved as an event without starting the
//! workshop; while it runs, the plan's row goes from within to near to
//! over budget as the clock moves, and says the planned and expected end.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::time;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use wijktafel::domain::budget::{StepBudget, WorkshopPlan};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::journal::What;
use wijktafel::session::Session;
use wijktafel::store::{self, Store};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Action;
use wijktafel::tui::map_event;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;

use crate::common;
use common::render_text;

const NOW: i64 = 1_791_816_300; // 2026-10-12T14:45:00Z

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(NOW + secs).unwrap()
}

/// Workshop 1 has ended; the app opens on the start screen of workshop 2,
/// planned beforehand when `plan` says so.
fn fixture(plan: Option<WorkshopPlan>) -> (tempfile::TempDir, PathBuf, App) {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, at(-100_000));
    for o in ["Gemeente", "Woonstede", "Politie"] {
        s.add_party(o, "", "");
    }
    s.resume(at(-90_000));
    s.end_workshop(at(-80_000));
    if let Some(p) = plan {
        s.set_plan(p);
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, at(0));
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    (dir, path, app)
}

fn press(app: &mut App, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = map_event(app, Event::Key(ev)) {
        update(app, a);
    }
}

/// The beamer on the app's session and live state, as text.
fn beamer_text(app: &App) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use wijktafel::beamer::{self, Beamer, Loaded, Options};
    let (path, mut live) = wijktafel::tui::app::live_out::state_of(app).unwrap();
    live.heartbeat = app.now().as_second();
    let mut b = Beamer::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        path,
        Options::default(),
    );
    b.tz = TimeZone::UTC;
    b.now = app.now().as_second();
    b.session = Loaded::Read(Box::new(app.session().unwrap().clone()));
    b.live = Some(live);
    let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
    t.draw(|f| beamer::render(&b, f)).unwrap();
    let buf = t.backend().buffer();
    (0..45)
        .map(|y| {
            let row: String = (0..160).map(|x| buf[(x, y)].symbol().to_string()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn minutes(s: &Session, n: u32) -> Vec<(String, u32)> {
    s.plan_for(n)
        .map(|p| {
            p.steps
                .iter()
                .map(|b| (b.step.clone(), b.minutes))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn t_plans_the_workshop_with_the_steps_that_fit_and_does_not_start_it() {
    let (_dir, path, mut app) = fixture(None);
    assert!(
        render_text(&app, 120, 35).contains("Nog geen tijdplan voor bijeenkomst 2 (t: plannen)")
    );
    press(&mut app, KeyCode::Char('t'));
    let form = render_text(&app, 120, 40);
    assert!(form.contains("Bijeenkomst 2 plannen"), "{form}");
    // two hours from the next quarter hour; 1.1, 1.2 and 1.3 fit (4, 5 and
    // 2 open points at 10 minutes), their minutes split by open points
    assert!(
        form.contains("Begin    ◀ 14:45 ▶") && form.contains("Einde    ◀ 16:45 ▶"),
        "{form}"
    );
    assert!(form.contains("▶ ☑ ◀  44 min ▶ 1.1 Urgentie"), "{form}");
    assert!(
        form.contains("☑ ◀  54 min ▶ 1.2 Grip op de opgaven"),
        "{form}"
    );
    assert!(
        form.contains("☑ ◀  22 min ▶ 1.3 Luisteren naar bewoners"),
        "{form}"
    );
    assert!(form.contains("☐             1.4 Stakeholders"), "{form}");
    assert!(form.contains("Samen 120 van 120 min"), "{form}");
    // ← on 1.1: five minutes less, by hand; 1.2 and 1.3 share the rest
    press(&mut app, KeyCode::Left);
    let form = render_text(&app, 120, 40);
    assert!(form.contains("◀  39 min ▶ 1.1"), "{form}");
    assert!(
        form.contains("◀  58 min ▶ 1.2") && form.contains("◀  23 min ▶ 1.3"),
        "{form}"
    );
    // Space takes 1.3 out: 1.2 has the 81 minutes 1.1 leaves
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    let form = render_text(&app, 120, 40);
    assert!(
        form.contains("◀  81 min ▶ 1.2") && form.contains("☐             1.3"),
        "{form}"
    );
    // the end a quarter later: the automatic step takes the quarter
    for _ in 0..3 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Right);
    assert!(render_text(&app, 120, 40).contains("◀  96 min ▶ 1.2"));
    press(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 120, 35);
    assert!(
        screen.contains("Plan voor bijeenkomst 2 bewaard: 2 stappen, 135 min."),
        "{screen}"
    );
    assert!(
        screen.contains("Plan voor bijeenkomst 2: 14:45–17:00 · 1.1 (39 min),")
            && screen.contains("1.2 (96 min) (t: plannen)"),
        "{screen}"
    );
    let s = store::load(&path).unwrap();
    assert_eq!(minutes(&s, 2), vec![("1.1".into(), 39), ("1.2".into(), 96)]);
    assert_eq!(s.workshops.len(), 1, "planning does not start the workshop");
    let e = s.journal.last().unwrap();
    assert_eq!((e.what, e.workshop), (What::Plan, 0));
    // the same plan again writes nothing
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(store::load(&path).unwrap().journal.len(), s.journal.len());
}

#[test]
fn the_plans_row_goes_near_and_over_as_the_clock_moves() {
    let plan = WorkshopPlan {
        workshop: 2,
        date: None,
        start: Some(time(14, 45, 0, 0)),
        end: Some(time(15, 45, 0, 0)),
        steps: vec![
            StepBudget {
                step: "1.1".into(),
                minutes: 10,
            },
            StepBudget {
                step: "1.2".into(),
                minutes: 50,
            },
        ],
        at: at(-3600),
    };
    let (_dir, _path, mut app) = fixture(Some(plan));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Main);
    let row = |app: &App| {
        render_text(app, 120, 35)
            .lines()
            .find(|l| l.contains("⏱ Stap"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert_eq!(
        row(&app),
        "⏱ Stap 1.1: 00:00 van 10 min ✓ binnen budget · einde 15:45 · verwacht 15:45 ✓ op tijd · nog 60 min voor 9 punten: 7 min"
    );
    app.set_now(at(8 * 60));
    update(&mut app, Action::Tick);
    assert!(
        row(&app).contains("Stap 1.1: 08:00 van 10 min ⚠ BIJNA OP"),
        "{}",
        row(&app)
    );
    app.set_now(at(10 * 60 + 30));
    update(&mut app, Action::Tick);
    let screen = render_text(&app, 120, 35);
    assert!(
        screen.contains("Stap 1.1: 10:30 van 10 min ✖ OVER BUDGET (+00:30)"),
        "{screen}"
    );
    // the point's timer says its budget in the same colour
    assert!(
        screen.contains("⏱ 10:30 ▶ loopt · gepland 10 min"),
        "{screen}"
    );
    // the first point decided at 10:30: at that pace the other eight take 84 minutes
    press(&mut app, KeyCode::Char('c'));
    let screen = render_text(&app, 120, 35);
    assert!(
        screen.contains("verwacht 16:19 ⚠ 34 min te laat"),
        "{screen}"
    );
    // the room sees the workshop's line on the beamer
    let room = beamer_text(&app);
    assert!(
        room.contains("⏱ einde 15:45 · verwacht 16:19 ⚠ 34 min te laat · nog 49 min voor 8 punten: 6 min per punt"),
        "{room}"
    );
    // past the planned end; the focus view (`f`) keeps the plan's row
    app.set_now(at(61 * 60));
    update(&mut app, Action::Tick);
    assert!(render_text(&app, 120, 35).contains("✖ GEPLANDE EINDE VOORBIJ"));
    press(&mut app, KeyCode::Char('f'));
    let focus = render_text(&app, 120, 35);
    assert!(
        focus.contains("⏱ Stap 1.1:") && focus.contains("✖ GEPLANDE EINDE VOORBIJ"),
        "{focus}"
    );
}
