//! A session on a compact own framework in the real binary (issue 31): a
//! workshop with a vote; reopened, exported and on the beamer without
//! `--framework`, with its own points and routes; the standard framework
//! refused at open; switched to a version with a reworded and a removed
//! point, the minutes of the first workshop keep the words the room saw
//! and the removed point's dissent.
#![cfg(unix)] // tmux drives the real binary

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wijktafel::session::Status;
use wijktafel::store;
use wijktafel::vote::Outcome;

use crate::common;
use common::{Tmux, shell};

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

fn new_own_session(dir: &Path) -> PathBuf {
    let o = run(
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
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    PathBuf::from(String::from_utf8(o.stdout).unwrap().trim())
}

/// Workshop 1, opened without `--framework`: consensus on K1.1.1, dissent
/// on K1.1.2, a NO-GO at K1.2 with the framework's own route, the end.
fn first_workshop(dir: &Path, path: &Path) {
    let Some(t) = Tmux::start("ownfw", &shell(dir, "open \"Kleinstad Noord\""), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT K1.1.1");
    t.keys(&["c"]);
    t.wait_file(path, |s| s.status_of("K1.1.1") == Status::Consensus);
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT K1.1.2");
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["2", "Tab"]);
    t.text("geen geld in de begroting");
    t.keys(&["Enter"]);
    t.wait_file(path, |s| s.status_of("K1.1.2") == Status::Dissent);
    t.keys(&["J"]);
    t.wait_for("GESPREKSPUNT K1.2.1");
    t.keys(&["v"]);
    // the framework's own question
    let vote = t.wait_for("Beslisregel");
    assert!(
        vote.contains("Gaan we door met een wijkaanpak in de Noordbuurt?"),
        "{vote}"
    );
    assert!(!vote.contains("gerechtvaardigd"), "{vote}");
    // a No-go without a reason: Enter asks for it first
    t.keys(&["1", "g", "2", "n", "Enter"]);
    t.wait_for("Reden van Woonstede");
    t.text("eerst het geld");
    t.keys(&["Enter"]);
    t.wait_for("No-go 1");
    t.keys(&["Enter"]);
    t.wait_for("Uitkomst: ▼ NO-GO");
    t.keys(&["Enter"]);
    let routes = t.wait_for("welke vervolgroute");
    assert!(routes.contains("Alleen een buurtbudget"), "{routes}");
    assert!(
        routes.contains("Over een jaar opnieuw bekijken"),
        "{routes}"
    );
    assert!(!routes.contains("community building"), "{routes}");
    t.keys(&["1", "Enter"]);
    t.wait_for("verder (elke toets)");
    t.keys(&["Space"]);
    t.wait_file(path, |s| s.votes.len() == 1);
    t.keys(&["w"]);
    t.wait_for("Bijeenkomst 1 afsluiten");
    t.keys(&["Enter"]);
    t.wait_file(path, |s| s.workshops[0].ended.is_some());
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn an_own_framework_travels_with_its_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_own_session(dir.path());
    if Command::new("tmux").arg("-V").output().is_err() {
        return;
    }
    first_workshop(dir.path(), &path);
    let s = store::load(&path).unwrap();
    assert_eq!(s.votes[0].outcome, Outcome::NoGo);
    let route = s.votes[0]
        .follow_up
        .as_ref()
        .expect("a route after the NO-GO");
    assert_eq!(route.id.as_deref(), Some("buurtbudget"), "stored by its id");

    // reopened without --framework: the recap goes on at its own point
    let t = Tmux::start(
        "ownfw2",
        &shell(dir.path(), "open \"Kleinstad Noord\""),
        120,
        35,
    )
    .unwrap();
    let recap = t.wait_for("Wie is er aanwezig?");
    assert!(recap.contains("K1."), "{recap}");
    assert!(!recap.contains("1.1.1 Is in de wijk"), "{recap}");
    t.keys(&["q"]);
    t.wait_exit();
    drop(t);

    // the beamer without --framework: its own point
    let b = Tmux::start(
        "ownfw3",
        &shell(dir.path(), "beamer \"Kleinstad Noord\""),
        120,
        35,
    )
    .unwrap();
    let room = b.wait_for("Kleinstad");
    assert!(!room.contains("wijktafel: "), "{room}");
    b.keys(&["q"]);
    b.wait_exit();
    drop(b);

    // the standard framework at open is refused, naming the switch
    let o = run(
        dir.path(),
        &["--framework", STANDARD, "open", "Kleinstad Noord"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("framework switch"));

    // the minutes without --framework: own points, own route
    let md = String::from_utf8(
        run(
            dir.path(),
            &["export", "Kleinstad Noord", "--workshop", "1"],
        )
        .stdout,
    )
    .unwrap();
    assert!(md.contains("Herkennen alle partijen"), "{md}");
    assert!(md.contains("Alleen een buurtbudget"), "{md}");

    // switched to v2 (a reworded and a removed point)
    let o = run(
        dir.path(),
        &["framework", "switch", "Kleinstad Noord", OWN_V2, "--yes"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8(
        run(
            dir.path(),
            &["export", "Kleinstad Noord", "--workshop", "1"],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        md.contains("Herkennen alle partijen de zorgen over de Noordbuurt?"),
        "{md}"
    );
    assert!(md.contains("later anders geformuleerd"), "{md}");
    assert!(md.contains("Is er geld voor een buurtbudget?"), "{md}");
    assert!(md.contains("geen geld in de begroting"), "{md}");
}
