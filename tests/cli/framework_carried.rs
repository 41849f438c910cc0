//! A session carries its framework (issue 31), on the real binary: made
//! with `--framework`, read without it; another `--framework` refused;
//! `framework switch` keeps the words of the earlier workshops and the
//! records on removed points.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wijktafel::framework::Framework;

use crate::common;
use wijktafel::session::Status;
use wijktafel::store;

const OWN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/kleinstad-kader.toml"
);
const OWN_V2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/kleinstad-kader-v2.toml"
);
const STANDARD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/afwegingskader.toml");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .env_remove("WIJKTAFEL_DIR")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A session made on the own framework, with workshop 1 held: a consensus
/// on K1.1.1 (reworded in v2) and a dissent on K1.1.2 (removed in v2).
fn session_with_a_workshop(dir: &Path) -> PathBuf {
    let made = run(
        dir,
        &[
            "--framework",
            OWN,
            "new",
            "Kleinstad Noord",
            "--party",
            "Gemeente|Anna|bestuur",
            "--party",
            "Woonstede|Karim|wonen",
            "--no-open",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let path = PathBuf::from(stdout(&made).trim());
    let mut s = store::load(&path).unwrap();
    let t = jiff::Timestamp::from_second(1_790_000_000).unwrap();
    s.start_workshop(&[1, 2], t);
    s.set_status("K1.1.1", Status::Consensus, vec![], "", t);
    s.set_status(
        "K1.1.2",
        Status::Dissent,
        vec![2],
        "geen geld in de begroting",
        t,
    );
    s.end_workshop(t);
    std::fs::write(&path, store::to_toml(&s)).unwrap();
    path
}

#[test]
fn a_session_is_read_with_its_own_framework_without_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[framework_source]") && text.contains("Noordbuurt"));
    let list = run(dir.path(), &["list"]);
    assert!(
        stdout(&list).contains("K1 Verkennen en besluiten"),
        "{}",
        stdout(&list)
    );
    let md = run(dir.path(), &["export", "Kleinstad Noord", "--format", "md"]);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = stdout(&md);
    assert!(
        md.contains("Herkennen alle partijen de zorgen over de Noordbuurt?"),
        "{md}"
    );
    assert!(md.contains("geen geld in de begroting"), "{md}");
    assert!(md.contains("Kleinstad wijkkader"), "{md}");
    assert!(!md.contains("plv-") && !md.contains("Afwegingskader met gesprekspunten"));
    // the same file again is fine; the standard one is refused, exit 2
    let same = run(
        dir.path(),
        &["--framework", OWN, "export", "Kleinstad Noord"],
    );
    assert!(same.status.success(), "{}", stderr(&same));
    for args in [
        &["--framework", STANDARD, "export", "Kleinstad Noord"][..],
        &["--framework", STANDARD, "open", "Kleinstad Noord"][..],
        &["--framework", OWN_V2, "beamer", "Kleinstad Noord"][..],
    ] {
        let o = run(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains("framework switch") && e.contains("kleinstad-kader"),
            "{e}"
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn an_old_session_without_its_framework_asks_for_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    // as a format-3 file had it: only the id and version
    let mut s = store::load(&path).unwrap();
    s.framework_source = None;
    s.framework.hash = None;
    std::fs::write(&path, store::to_toml(&s)).unwrap();
    let o = run(dir.path(), &["export", "Kleinstad Noord"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("--framework BESTAND open \"Kleinstad Noord\""),
        "{e}"
    );
    let o = run(
        dir.path(),
        &["--framework", OWN, "export", "Kleinstad Noord"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Noordbuurt"));
    // reading kept nothing
    assert_eq!(store::load(&path).unwrap(), s);
}

#[test]
fn a_switch_keeps_the_words_the_room_saw_and_the_removed_points_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    let before = std::fs::read(&path).unwrap();
    // without a terminal and without --yes: shown, then refused, nothing written
    let o = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2],
    );
    assert_eq!(o.status.code(), Some(2));
    let shown = stdout(&o);
    assert!(
        shown.contains("K1.1.1") && shown.contains("Stationsbuurt"),
        "{shown}"
    );
    assert!(
        shown.contains("Vervallen (1)") && shown.contains("⚠"),
        "{shown}"
    );
    assert!(stderr(&o).contains("--yes"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let o = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2, "--yes"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let s = store::load(&path).unwrap();
    assert_eq!(s.framework.version, "2");
    assert_eq!(s.framework_switches.len(), 1);
    assert_eq!(s.status_of("K1.1.2"), Status::Dissent, "kept");
    // the minutes of workshop 1: the words of then, marked
    let md = stdout(&run(
        dir.path(),
        &["export", "Kleinstad Noord", "--workshop", "1"],
    ));
    assert!(
        md.contains("Herkennen alle partijen de zorgen over de Noordbuurt?"),
        "{md}"
    );
    assert!(md.contains("later anders geformuleerd"), "{md}");
    assert!(md.contains("Is er geld voor een buurtbudget?"), "{md}");
    assert!(md.contains("later vervallen"), "{md}");
    assert!(md.contains("geen geld in de begroting"), "{md}");
    // the whole session: today's framework, the removed point in its own section
    let all = stdout(&run(dir.path(), &["export", "Kleinstad Noord"]));
    assert!(all.contains("Punten buiten het kader"), "{all}");
    assert!(
        all.contains("K1.1.2") && all.contains("geen geld in de begroting"),
        "{all}"
    );
    // switching to the same file again changes nothing
    let again = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2, "--yes"],
    );
    assert!(again.status.success());
    assert!(stdout(&again).contains("er verandert niets"));
    assert_eq!(store::load(&path).unwrap().framework_switches.len(), 1);
    // the standard framework still loads as it did
    assert_eq!(
        Framework::load(Path::new(STANDARD)).unwrap(),
        Framework::builtin()
    );
}

#[test]
fn opening_an_old_session_with_its_file_keeps_the_framework_in_it() {
    use wijktafel::framework::carried::Given;
    use wijktafel::i18n::Lang;
    use wijktafel::tui::App;
    use wijktafel::tui::theme::ThemeKind;
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    let mut old = store::load(&path).unwrap();
    old.framework_source = None;
    old.framework.hash = None;
    std::fs::write(&path, store::to_toml(&old)).unwrap();
    let now = jiff::Timestamp::from_second(1_790_100_000).unwrap();
    let app = |given: Option<Given>| {
        let mut a = App::new(
            Framework::builtin(),
            Lang::Nl,
            ThemeKind::Dark,
            store::Store::at(dir.path()),
            now,
        );
        a.set_framework_arg(given);
        a
    };
    // without the file: refused, saying how to give it; nothing written
    let before = std::fs::read(&path).unwrap();
    let e = wijktafel::tui::open_path(&mut app(None), &path).unwrap_err();
    assert!(
        e.message(Lang::Nl).contains("--framework BESTAND"),
        "{}",
        e.message(Lang::Nl)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // with it, once: the session keeps it
    let (fw, text) = Framework::load_source(Path::new(OWN)).unwrap();
    {
        let mut a = app(Some(Given {
            fw: fw.clone(),
            text: Some(text.clone()),
        }));
        wijktafel::tui::open_path(&mut a, &path).unwrap();
        assert_eq!(*a.fw(), fw);
    }
    let kept = store::load(&path).unwrap();
    assert_eq!(kept.framework_source.as_ref().unwrap().text, text);
    assert!(kept.framework.hash.is_some());
    assert_eq!(kept.points, old.points, "every record as it was");
    // from then on without the flag
    let mut a = app(None);
    wijktafel::tui::open_path(&mut a, &path).unwrap();
    assert_eq!(*a.fw(), fw);
}

#[test]
fn the_recap_after_a_switch_lists_the_records_outside_the_framework() {
    use wijktafel::i18n::Lang;
    use wijktafel::tui::App;
    use wijktafel::tui::theme::ThemeKind;
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    let o = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2, "--yes"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        store::Store::at(dir.path()),
        jiff::Timestamp::from_second(1_790_100_000).unwrap(),
    );
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.fw().version, "2", "the session's own framework, now v2");
    let screen = common::render_text(&app, 160, 45);
    assert!(screen.contains("Punten buiten het kader (1)"), "{screen}");
    let below: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Punten buiten het kader"))
        .collect();
    assert!(
        below[1].contains("K1.1.2") && below[1].contains("geen geld in de begroting"),
        "{screen}"
    );
}

#[test]
fn an_old_session_is_switched_with_its_framework_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_with_a_workshop(dir.path());
    let mut s = store::load(&path).unwrap();
    s.framework_source = None;
    s.framework.hash = None;
    std::fs::write(&path, store::to_toml(&s)).unwrap();
    // the earlier framework is not known: the switch says how to name it
    let o = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2, "--yes"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--framework"), "{}", stderr(&o));
    let o = run(
        dir.path(),
        &[
            "--framework",
            OWN,
            "framework",
            "switch",
            "Kleinstad Noord",
            OWN_V2,
            "--yes",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let s = store::load(&path).unwrap();
    let own = std::fs::read_to_string(OWN).unwrap();
    assert_eq!(s.framework_switches[0].from_text, own);
    assert_eq!(s.framework.version, "2");
    let md = stdout(&run(
        dir.path(),
        &["export", "Kleinstad Noord", "--workshop", "1"],
    ));
    assert!(md.contains("Herkennen alle partijen"), "{md}");
}
