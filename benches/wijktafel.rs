//! Performance budgets (see BENCHMARKS.md): frame, keystroke, capture with
//! durable save, save and load, on the deterministic demo programme with
//! N = 2, 40 and 100 workshops.

use std::hint::black_box;
use std::io::Write;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::store::{self, Store};
use wijktafel::tui::app::App;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::{map_event, ui};

const SIZES: [u32; 3] = [2, 40, 100];

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent {
        code: c,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// An app with the demo of `n` workshops open, in a temp store.
fn open_app(n: u32, dir: &Path) -> App {
    let fw = Framework::builtin();
    let store = Store::at(dir);
    let path = store.create(&demo::build(&fw, n)).unwrap();
    let mut app = App::new(
        fw,
        Lang::Nl,
        ThemeKind::Dark,
        store,
        Timestamp::from_second(1_791_816_300).unwrap(),
    );
    app.set_tz(TimeZone::UTC);
    // as `wijktafel open` does: the live file for the beamer (issue 17) is
    // written after every update that changes what the room sees
    app.set_live_writer(wijktafel::tui::app::live_out::LiveOut::new());
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    // past the start screen (it starts the new workshop) onto the main screen
    update(&mut app, wijktafel::tui::Action::Confirm);
    app.close_dialog();
    app
}

fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render_main_160x45");
    for n in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let app = open_app(n, dir.path());
        let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                t.draw(|f| ui::render(black_box(&app), f)).unwrap();
            })
        });
    }
    g.finish();
}

fn navigation(c: &mut Criterion) {
    // 200 mixed keys: j/k/J/K/g/Esc
    let pattern = [
        key(KeyCode::Char('j')),
        key(KeyCode::Char('j')),
        key(KeyCode::Char('k')),
        key(KeyCode::PageDown),
        key(KeyCode::Char('j')),
        key(KeyCode::PageUp),
        key(KeyCode::Char('g')),
        key(KeyCode::Char('j')),
        key(KeyCode::Esc),
        key(KeyCode::Char('j')),
    ];
    let keys: Vec<Event> = pattern.iter().cycle().take(200).cloned().collect();
    let mut g = c.benchmark_group("navigation_key_to_frame_160x45");
    for n in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = open_app(n, dir.path());
        // start in block 2 so navigation stays inside the open gate
        app.open_session_mut().unwrap().session.cursor = "2.1.1".into();
        let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
        let mut i = 0usize;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let ev = keys[i % keys.len()].clone();
                i += 1;
                if let Some(a) = map_event(&app, ev) {
                    update(&mut app, a);
                }
                t.draw(|f| ui::render(&app, f)).unwrap();
            })
        });
    }
    g.finish();
}

fn capture(c: &mut Criterion) {
    let mut g = c.benchmark_group("capture_save_frame_160x45");
    g.sample_size(20);
    for n in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut app = open_app(n, dir.path());
        let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
        let mut step = 0usize;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                // consensus, a note, back to open, a note: each a real change
                // with its durable save (the same status twice would save nothing)
                step = (step + 1) % 4;
                let keys: &[Event] = match step {
                    0 => &[key(KeyCode::Char('c'))],
                    2 => &[key(KeyCode::Char('o'))],
                    _ => &[
                        key(KeyCode::Char('n')),
                        key(KeyCode::Char('x')),
                        key(KeyCode::Enter),
                    ],
                };
                for ev in keys {
                    if let Some(a) = map_event(&app, ev.clone()) {
                        update(&mut app, a);
                    }
                }
                t.draw(|f| ui::render(&app, f)).unwrap();
            })
        });
        assert!(app.open_session().unwrap().save_error.is_none());
    }
    g.finish();
}

fn save(c: &mut Criterion) {
    let fw = Framework::builtin();
    let session = demo::build(&fw, 40);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    store::save(&path, &session).unwrap();
    let text = store::to_toml(&session);
    let mut g = c.benchmark_group("save_n40");
    g.sample_size(20);
    // what the app does after a capture: one point changed, the writer keeps the rest
    let mut writer = store::TomlWriter::default();
    let mut changing = session.clone();
    store::save_with(&mut writer, &path, &changing).unwrap();
    let mut k = 0i64;
    g.bench_function("wijktafel_save_after_capture", |b| {
        b.iter(|| {
            k += 1;
            // one capture's worth of change, without growing the session
            let rec = changing.points.get_mut("2.1.2").unwrap();
            rec.notes[0].text = format!("notitie, versie {k}");
            store::save_with(&mut writer, &path, black_box(&changing)).unwrap()
        })
    });
    // the same without the disk: what the program itself does for a save
    g.bench_function("wijktafel_serialize_after_capture", |b| {
        b.iter(|| {
            k += 1;
            let rec = changing.points.get_mut("2.1.2").unwrap();
            rec.notes[0].text = format!("notitie, versie {k}");
            black_box(writer.write(black_box(&changing)))
        })
    });
    // the first save after opening serializes everything
    g.bench_function("wijktafel_save_cold", |b| {
        b.iter(|| store::save(&path, black_box(&session)).unwrap())
    });
    let bare = dir.path().join("bare.toml");
    let tmp = dir.path().join("bare.tmp");
    g.bench_function("bare_write_fsync_rename", |b| {
        b.iter(|| {
            let mut f = std::fs::File::create(&tmp).unwrap();
            f.write_all(black_box(text.as_bytes())).unwrap();
            f.sync_all().unwrap();
            std::fs::rename(&tmp, &bare).unwrap();
        })
    });
    g.finish();
}

fn load(c: &mut Criterion) {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    store::save(&path, &demo::build(&fw, 40)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let mut g = c.benchmark_group("load_n40");
    g.sample_size(20);
    g.bench_function("wijktafel_load", |b| {
        b.iter(|| store::load(black_box(&path)).unwrap())
    });
    g.bench_function("plain_toml_table_parse", |b| {
        b.iter(|| black_box(&text).parse::<toml::Table>().unwrap())
    });
    g.finish();
}

/// A capture with its durable save, without drawing (issue 23): the change
/// becomes one event, appended and synced; at 2 and at 100 workshops.
fn journal(c: &mut Criterion) {
    let fw = Framework::builtin();
    let mut g = c.benchmark_group("journal_capture_save");
    g.sample_size(30);
    for n in [2u32, 100] {
        let dir = tempfile::tempdir().unwrap();
        let path = Store::at(dir.path()).create(&demo::build(&fw, n)).unwrap();
        let mut o = wijktafel::tui::open_session::OpenSession::open(&path, &fw).unwrap();
        let mut k = 0i64;
        g.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                k += 1;
                let now = jiff::Timestamp::from_second(1_800_000_000 + k).unwrap();
                o.capture_at("4.6.1", "n", now, |s, p, now| s.add_note(p, "x", now));
                o.save(now, Lang::Nl);
            })
        });
        assert!(o.save_error.is_none());
    }
    g.finish();
}

// ---- beamer (issue 17) ----
/// The beamer: one poll of the two files when nothing changed (what it does
/// ten times a second), and a frame of the point at 160×45 (drawn only on a
/// change) with the N=40 demo.
fn beamer(c: &mut Criterion) {
    use wijktafel::beamer::{self, Beamer, Follower, Options};
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_app(40, dir.path());
    update(&mut app, wijktafel::tui::Action::Tick);
    let path = app.open_session().unwrap().path.clone();
    let mut b = Beamer::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        path.clone(),
        Options::default(),
    );
    b.now = app.now().as_second();
    let mut follow = Follower::new(&path);
    assert!(follow.poll(&mut b));
    let mut g = c.benchmark_group("beamer");
    // the facilitator's side: what the hook adds to a key that changes what
    // the room sees (the state computed, compared, and the file written)
    let (live_path, state) = wijktafel::tui::app::live_out::state_of(&app).unwrap();
    g.bench_function("live_state_of", |bn| {
        bn.iter(|| wijktafel::tui::app::live_out::state_of(black_box(&app)))
    });
    g.bench_function("live_write", |bn| {
        bn.iter(|| wijktafel::live::write(&live_path, black_box(&state)).unwrap())
    });
    // the writes above changed the live file: the beamer takes that in
    // first; the file as it is after a quiet while (just after a write the
    // beamer reads it at every look for 2 s, see `beamer/follow.rs`)
    let quiet = std::time::SystemTime::now() - std::time::Duration::from_secs(10);
    let live_file = std::fs::OpenOptions::new()
        .write(true)
        .open(&live_path)
        .unwrap();
    live_file.set_modified(quiet).unwrap();
    drop(live_file);
    follow.poll(&mut b);
    g.bench_function("poll_unchanged", |bn| {
        bn.iter(|| assert!(!follow.poll(black_box(&mut b))))
    });
    let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
    g.bench_function("render_point_160x45", |bn| {
        bn.iter(|| {
            t.draw(|f| beamer::render(black_box(&b), f)).unwrap();
        })
    });
    g.finish();
}
// (end of section)

criterion_group!(
    benches, render, navigation, capture, journal, save, load, beamer
);
criterion_main!(benches);
