//! The go/no-go vote in the real binary in a real terminal (tmux), issue
//! 14 item 8: the result read back and a ballot corrected before it is
//! final; a new vote after an earlier one, both kept in the file and the
//! minutes; after a new NO-GO nothing lands in the locked block; `w` in
//! block 1 goes from the vote on to the summary.
#![cfg(unix)] // tmux drives the real binary

use std::process::Command;

use wijktafel::session::Status;
use wijktafel::store;
use wijktafel::vote::Outcome;

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn read_back_correction_a_new_no_go_and_the_gate_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("revote", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    for _ in 0..4 {
        t.keys(&["J"]);
    }
    t.wait_for("GESPREKSPUNT 1.5.1");
    // a GO, with a mistaken abstention corrected after the read-back
    t.keys(&["v"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "g", "2", "g", "3", "o", "4", "g", "Enter"]);
    t.wait_for("Uitkomst: ▲ GO — Go 3 · No-go 0 · Onthouding 1");
    assert!(
        store::load(&path).unwrap().votes.is_empty(),
        "not final yet"
    );
    t.keys(&["Escape"]);
    t.wait_for("Uitkomst als nu afgesloten");
    t.keys(&["3", "g", "Enter"]);
    t.wait_for("Uitkomst: ▲ GO — Go 4 · No-go 0 · Onthouding 0");
    t.keys(&["Enter"]);
    t.wait_for("verder (elke toets)");
    t.keys(&["Space"]);
    t.wait_file(&path, |s| s.votes.len() == 1);
    // the decision stays in the header
    t.wait_for("▲ GO (");
    // into block 2 with the GO; a capture there
    t.keys(&["J"]);
    t.wait_for("GESPREKSPUNT 2.1.1");
    t.keys(&["c"]);
    t.wait_file(&path, |s| s.status_of("2.1.1") == Status::Consensus);
    // v again: the earlier vote, then explicitly a new one: NO-GO
    t.keys(&["v"]);
    t.wait_for("De go/no-go hoort bij stap 1.5");
    t.keys(&["j"]);
    t.wait_for("Er is al gestemd");
    t.keys(&["n"]);
    // why the room votes again: optional
    t.wait_for("Reden voor een nieuwe stemming");
    t.keys(&["Enter"]);
    t.wait_for("nog niet gestemd");
    t.keys(&["1", "n", "r"]);
    t.wait_for("Reden van Gemeente");
    t.text("eerst de bewoners horen");
    t.keys(&["Enter"]);
    t.keys(&["2", "g", "3", "g", "4", "g", "Enter"]);
    t.wait_for("Uitkomst: ▼ NO-GO — Go 3 · No-go 1");
    t.keys(&["Enter"]);
    t.wait_for("welke vervolgroute");
    // no route is chosen for the room: Enter asks for one
    t.keys(&["Enter"]);
    t.wait_for("Kies eerst een vervolgroute");
    t.keys(&["1", "Enter"]);
    t.wait_for("verder (elke toets)");
    t.keys(&["Space"]);
    t.wait_file(&path, |s| s.votes.len() == 2);
    let screen = t.wait_for("▼ NO-GO (");
    assert!(screen.contains("⊘ vergrendeld"), "{screen}");
    assert!(screen.contains("GESPREKSPUNT 2.1.1"), "{screen}");
    // j and o in the locked block: the gate asks, nothing is captured
    for k in ["j", "o"] {
        t.keys(&[k]);
        t.wait_for("vergrendeld tot een GO");
        t.keys(&["Escape"]);
        t.wait_gone("vergrendeld tot een GO");
    }
    assert!(t.screen().contains("GESPREKSPUNT 2.1.1"));
    t.keys(&["q"]);
    t.wait_exit();

    let s = store::load(&path).unwrap();
    assert_eq!(s.votes.len(), 2, "both votes in the file");
    assert_eq!(s.votes[0].outcome, Outcome::Go);
    assert_eq!(s.votes[0].tally.go, 4);
    assert_eq!(s.votes[1].outcome, Outcome::NoGo);
    assert_eq!(s.votes[1].ballots[0].reason, "eerst de bewoners horen");
    assert!(!s.gate_open());
    assert_eq!(s.cursor, "2.1.1");
    assert_eq!(s.status_of("2.1.1"), Status::Consensus, "o was refused");
    assert!(s.record("2.1.2").is_none(), "j did not move there");
    assert!(s.overrides.is_empty());
    // the minutes: both votes, the first marked as superseded
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["export", "Zuidrand", "--format", "md", "--workshop", "1"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let go = md.find("Go/no-go — ▲ GO").expect(&md);
    let no_go = md.find("Go/no-go — ▼ NO-GO").expect(&md);
    assert!(go < no_go, "{md}");
    assert!(
        md[go..no_go].contains("Vervangen door de stemming van"),
        "{md}"
    );
}

#[test]
fn ending_in_block_one_votes_and_goes_on_to_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("endvote", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["c"]);
    t.wait_for("✔ CONSENSUS");
    t.keys(&["w"]);
    t.wait_for("Nu stemmen?");
    t.keys(&["j"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "g", "2", "g", "3", "g", "4", "g", "Enter"]);
    t.wait_for("Controleer de uitslag");
    t.keys(&["Enter"]);
    t.wait_for("verder (elke toets)");
    t.keys(&["Space"]);
    // on to the end of the workshop, not back to the main screen
    t.wait_for("Bijeenkomst 1 afsluiten");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| s.workshops[0].ended.is_some());
    t.keys(&["q"]);
    t.wait_exit();
    let s = store::load(&path).unwrap();
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].outcome, Outcome::Go);
}
