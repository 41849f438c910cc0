#![cfg(unix)]
//! `wijktafel beamer` in a real terminal (issue 17): two tmux windows, the
//! facilitator's at 160×45 and the beamer's. The facilitator moves,
//! captures consensus, adds a note and runs a vote; the beamer shows each
//! within a second and never a key hint. While only the beamer runs, no
//! file in the folder changes. The facilitator quits (the beamer waits) and
//! reopens (it follows again); at 40×12 the beamer still shows the question.
//! Also prints the following latency (key in the facilitator's window to
//! the beamer's screen) for BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::tui::keys::{self, Ctx};

use crate::common;
use common::{Tmux, new_session, shell};

/// Wait until the beamer shows `needle`, at most `limit`; returns how long it took.
/// (`limit` scaled by `WIJKTAFEL_E2E_SCALE`, see `common::limit`).
fn within(t: &Tmux, needle: &str, limit: Duration) -> Duration {
    let limit = common::limit(limit);
    let start = Instant::now();
    loop {
        let s = t.screen();
        if s.contains(needle) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "the beamer did not show {needle:?} within {limit:?}:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

const SECOND: Duration = Duration::from_secs(1);

/// Wait until the beamer shows a recorded outcome: block letters without
/// the ballots' "… stemmen ingevoerd" of the read-back.
fn within_outcome(t: &Tmux, limit: Duration) -> Duration {
    let limit = common::limit(limit);
    let start = Instant::now();
    loop {
        let s = t.screen();
        if s.contains("███") && !s.contains("ingevoerd") {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "the beamer did not show the outcome within {limit:?}:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            let bytes = std::fs::read(&p).unwrap_or_default();
            out.push((p, bytes));
        }
    }
    out.sort();
    out
}

/// No hint of the facilitator's footers on the beamer.
fn no_hints(screen: &str) {
    let s = Lang::Nl.strings();
    for ctx in [Ctx::Main, Ctx::Start, Ctx::Vote, Ctx::Banner] {
        for (key, text, _) in keys::footer(ctx, s) {
            let hint = format!("{key} {text}");
            // a hint, not the end of a word ("geen No-go" in the decision
            // rule is not the hint "n No-go")
            let as_hint = screen.match_indices(&hint).any(|(i, _)| {
                !screen[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            });
            assert!(!as_hint, "hint {hint:?} on the beamer:\n{screen}");
        }
    }
    for word in ["Esc", "F1", "Enter"] {
        assert!(!screen.contains(word), "{word:?} on the beamer:\n{screen}");
    }
}

/// The first words of a point's question.
fn question_start(id: &str) -> String {
    let fw = Framework::builtin();
    let pos = fw.pos_of(id).unwrap();
    let text = &fw.point_at(pos.flat).text;
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[test]
fn the_beamer_follows_the_facilitator_in_a_second_window() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let path = new_session(&store_dir);
    let Some(beamer) = Tmux::start(
        "beamer",
        &shell(&store_dir, "beamer Zuidrand --live"),
        100,
        32,
    ) else {
        return;
    };
    let s = beamer.wait_for("Wacht op de procesbegeleider…");
    no_hints(&s);
    // only the beamer runs: nothing in the folder changes
    let alone = files(&store_dir);
    std::thread::sleep(SECOND);
    assert_eq!(files(&store_dir), alone, "the beamer wrote something");

    let fac = Tmux::start("fac", &shell(&store_dir, "open Zuidrand"), 160, 45).unwrap();
    fac.wait_for("Terugblik");
    within(&beamer, "Terugblik", SECOND * 2);
    fac.keys(&["Enter"]);
    fac.wait_for("GESPREKSPUNT 1.1.1");
    within(&beamer, &question_start("1.1.1"), SECOND);
    // moving, point by point: the latency of each
    let mut lat = Vec::new();
    for id in ["1.1.2", "1.1.3", "1.1.4", "1.2.1", "1.2.2"] {
        fac.keys(&["j"]);
        lat.push(within(&beamer, &format!("{id} "), SECOND));
    }
    // consensus: the status, symbol and (block) word
    fac.keys(&["c"]);
    lat.push(within(&beamer, "✔", SECOND));
    // a note as saved
    fac.keys(&["n"]);
    fac.wait_for("Notitie");
    fac.text("Buurtavond in maart plannen");
    // --live: the room reads along while it is typed
    lat.push(within(
        &beamer,
        "Wordt getypt: Buurtavond in maart plannen",
        SECOND,
    ));
    fac.keys(&["Enter"]);
    lat.push(within(&beamer, "Buurtavond in maart plannen", SECOND));
    no_hints(&beamer.screen());
    // the vote: the question, the ballots as they are entered, the outcome
    let mut screen = fac.screen();
    while !screen.contains("GESPREKSPUNT 1.5.1") {
        fac.keys(&["J"]);
        screen = fac.wait_change(&screen);
    }
    within(&beamer, "1.5.1 ", SECOND);
    fac.keys(&["v"]);
    lat.push(within(&beamer, "Go/no-go", SECOND));
    within(&beamer, "0 van 4 stemmen ingevoerd", SECOND);
    for (i, p) in ["1", "2", "3", "4"].iter().enumerate() {
        fac.keys(&[p, "g"]);
        lat.push(within(
            &beamer,
            &format!("{} van 4 stemmen ingevoerd", i + 1),
            SECOND,
        ));
    }
    assert!(beamer.screen().contains("Go 4 · No-go 0"));
    no_hints(&beamer.screen());
    fac.keys(&["Enter"]);
    fac.wait_for("Controleer de uitslag");
    fac.keys(&["Enter"]);
    // the outcome in block letters (the ballots' lines had none; the
    // read-back, which the beamer may show for a moment first, has both)
    lat.push(within_outcome(&beamer, SECOND));
    let s = beamer.screen();
    assert!(s.contains("▲"), "{s}");
    assert!(!s.contains("ingevoerd"), "{s}");
    no_hints(&s);
    fac.keys(&["Space"]);
    within(&beamer, "1.5.1 ", SECOND);

    // the facilitator quits: the beamer waits, and writes nothing meanwhile
    fac.keys(&["q"]);
    fac.wait_exit();
    within(&beamer, "Wacht op de procesbegeleider…", SECOND);
    assert!(!wijktafel::live::path_for(&path).exists());
    let alone = files(&store_dir);
    std::thread::sleep(SECOND);
    assert_eq!(files(&store_dir), alone, "the beamer wrote something");
    drop(fac);

    // reopened: the beamer follows again
    let fac = Tmux::start("fac2", &shell(&store_dir, "open Zuidrand"), 160, 45).unwrap();
    fac.wait_for("GESPREKSPUNT 1.5.1");
    within(&beamer, "1.5.1 ", SECOND * 2);
    fac.keys(&["k"]);
    lat.push(within(&beamer, "1.4.5 ", SECOND));

    // at 40×12 the question is still there
    assert!(
        beamer
            .cmd()
            .args(["resize-window", "-t", "t", "-x", "40", "-y", "12"])
            .status()
            .unwrap()
            .success()
    );
    let q = question_start("1.4.5");
    within(&beamer, &q, SECOND);
    no_hints(&beamer.screen());
    let mut more = Vec::new();
    for id in ["1.5.1", "1.4.5", "1.5.1", "1.4.5", "1.5.1", "1.4.5"] {
        fac.keys(&[if id == "1.5.1" { "j" } else { "k" }]);
        more.push(within(&beamer, &format!("{id} "), SECOND));
    }
    lat.extend(more);
    let n = lat.len();
    let max = *lat.iter().max().unwrap();
    eprintln!(
        "beamer following latency over {n} changes: median {:?}, max {:?}",
        median(&mut lat),
        max
    );
    fac.keys(&["q"]);
    fac.wait_exit();
    beamer.keys(&["q"]);
    beamer.wait_exit();
}
