#![cfg(unix)] // tmux drives the real binary
//! The room's decisions in the real binary, with the beamer beside it
//! (issue 24): three workshops. In the first the room defers the vote with
//! a reason; the second's recap (the facilitator's and the beamer's) gives
//! that reason, `v` goes straight to the ballots, and the room votes NO-GO;
//! in the third `v` shows the NO-GO, a new vote gets a reason and the room
//! votes GO. While a result is read back the beamer shows "uitslag wordt
//! gecontroleerd" and never an outcome (its pane is polled); after the
//! NO-GO is confirmed it keeps the outcome while the route is chosen. The
//! minutes of the last workshop say which vote the GO replaces and why;
//! those of the first say "Stemming uitgesteld: reden" without a ballot table.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use wijktafel::store;
use wijktafel::vote::{DeferReason, Outcome};

use crate::common;
use common::{Tmux, new_session, shell};

/// Wait until the beamer shows `needle` (within 2 s).
fn beamer_shows(b: &Tmux, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let s = b.screen();
        if s.contains(needle) {
            return s;
        }
        assert!(
            Instant::now() < deadline,
            "the beamer did not show {needle:?}:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An outcome in block letters: its symbol before the letters.
fn shows_outcome(screen: &str) -> bool {
    ["▲  █", "▼  █", "‖  █"].iter().any(|o| screen.contains(o))
}

/// Poll the beamer for `time`: never an outcome, always the read-back's
/// words; returns how many captures were looked at.
fn never_an_outcome(b: &Tmux, time: Duration) -> usize {
    let end = Instant::now() + time;
    let mut n = 0;
    while Instant::now() < end {
        let s = b.screen();
        assert!(
            !shows_outcome(&s),
            "an outcome before it is confirmed:\n{s}"
        );
        assert!(s.contains("uitslag wordt gecontroleerd"), "{s}");
        n += 1;
        std::thread::sleep(Duration::from_millis(25));
    }
    n
}

/// Go through the points to the decision step 1.5.1.
fn to_decision(t: &Tmux) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !t.screen().contains("GESPREKSPUNT 1.5.1") {
        assert!(Instant::now() < deadline, "{}", t.screen());
        t.keys(&["J"]);
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// End the workshop from the main screen (`w`, the summary's Enter) and quit.
fn end_and_quit(t: &Tmux, path: &Path, number: usize) {
    t.keys(&["w"]);
    t.wait_for(&format!("Bijeenkomst {number} afsluiten"));
    t.keys(&["Enter"]);
    t.wait_file(path, |s| {
        s.workshops.len() == number && s.workshops[number - 1].ended.is_some()
    });
    t.keys(&["q"]);
    t.wait_exit();
}

fn export(dir: &Path, workshop: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .args([
            "export",
            "Zuidrand",
            "--format",
            "md",
            "--workshop",
            workshop,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn deferral_no_go_and_a_new_vote_with_the_beamer_beside() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let path = new_session(&store_dir);
    let Some(beamer) = Tmux::start("dec-beamer", &shell(&store_dir, "beamer Zuidrand"), 100, 32)
    else {
        return;
    };
    beamer.wait_for("Wacht op de procesbegeleider…");

    // ---- workshop 1: the room defers, with a reason ----
    let fac = Tmux::start("dec-fac1", &shell(&store_dir, "open Zuidrand"), 160, 45).unwrap();
    fac.wait_for("Wie is er aanwezig?");
    fac.keys(&["Enter"]);
    fac.wait_for("GESPREKSPUNT 1.1.1");
    to_decision(&fac);
    fac.keys(&["v"]);
    fac.wait_for("Beslisregel");
    beamer_shows(&beamer, "Beslisregel: consensus");
    fac.keys(&["u"]);
    fac.wait_for("Wie besluit tot uitstel: (•) de deelnemers");
    fac.text("eerst de cijfers van de GGD");
    fac.keys(&["Enter"]);
    let s = fac.wait_for("verder (elke toets)");
    assert!(
        s.contains("‖ UITGESTELD (besloten door de deelnemers)"),
        "{s}"
    );
    let b = beamer_shows(&beamer, "Reden van uitstel: eerst de cijfers van de GGD");
    assert!(b.contains("besloten door de deelnemers"), "{b}");
    assert!(!b.contains("procesbegeleider"), "{b}");
    fac.keys(&["Space"]);
    fac.wait_file(&path, |s| s.votes.len() == 1);
    end_and_quit(&fac, &path, 1);
    drop(fac);
    beamer_shows(&beamer, "Wacht op de procesbegeleider…");

    // ---- workshop 2: the recap gives the reason; v goes straight to the
    // ballots; a NO-GO, read back while the beamer is watched ----
    let fac = Tmux::start("dec-fac2", &shell(&store_dir, "open Zuidrand"), 160, 45).unwrap();
    let s = fac.wait_for("Reden van uitstel: eerst de cijfers van de GGD");
    assert!(
        s.contains("‖ UITGESTELD (besloten door de deelnemers, bijeenkomst 1)"),
        "{s}"
    );
    beamer_shows(&beamer, "Reden van uitstel: eerst de cijfers van de GGD");
    fac.keys(&["Enter"]);
    fac.wait_for("GESPREKSPUNT");
    to_decision(&fac);
    fac.keys(&["v"]);
    let s = fac.wait_for("Beslisregel");
    assert!(!s.contains("Er is al gestemd"), "{s}");
    fac.keys(&["1", "n", "r"]);
    fac.wait_for("Reden van Gemeente");
    fac.text("eerst de bewoners horen");
    fac.keys(&["Enter"]);
    fac.keys(&["2", "g", "3", "g", "4", "g", "Enter"]);
    fac.wait_for("Uitkomst: ▼ NO-GO — Go 3 · No-go 1");
    // the room: the tally, "uitslag wordt gecontroleerd", no outcome
    let b = beamer_shows(&beamer, "uitslag wordt gecontroleerd");
    assert!(b.contains("Go 3 · No-go 1"), "{b}");
    let looked = never_an_outcome(&beamer, Duration::from_millis(1500));
    assert!(looked > 10, "{looked}");
    // a correction during the read-back: still no outcome on the beamer
    fac.keys(&["Escape"]);
    fac.wait_for("Uitkomst als nu afgesloten");
    assert!(!shows_outcome(&beamer.screen()));
    fac.keys(&["Enter"]);
    fac.wait_for("Controleer de uitslag");
    beamer_shows(&beamer, "uitslag wordt gecontroleerd");
    never_an_outcome(&beamer, Duration::from_millis(500));
    // confirmed: the outcome, kept while the route is chosen
    fac.keys(&["Enter"]);
    fac.wait_for("welke vervolgroute");
    let b = beamer_shows(&beamer, "▼  █");
    assert!(!b.contains("gecontroleerd"), "{b}");
    for _ in 0..10 {
        assert!(beamer.screen().contains("▼  █"), "{}", beamer.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    fac.keys(&["1", "Enter"]);
    fac.wait_for("verder (elke toets)");
    beamer_shows(&beamer, "Vervolgroute:");
    fac.keys(&["Space"]);
    fac.wait_file(&path, |s| s.votes.len() == 2);
    end_and_quit(&fac, &path, 2);
    drop(fac);

    // ---- workshop 3: v shows the NO-GO; a new vote with a reason: GO ----
    let fac = Tmux::start("dec-fac3", &shell(&store_dir, "open Zuidrand"), 160, 45).unwrap();
    fac.wait_for("▼ NO-GO (bijeenkomst 2)");
    fac.keys(&["Enter"]);
    fac.wait_for("GESPREKSPUNT");
    to_decision(&fac);
    fac.keys(&["v"]);
    fac.wait_for("Er is al gestemd");
    fac.keys(&["n"]);
    fac.wait_for("Deze stemming vervangt het ▼ NO-GO van bijeenkomst 2.");
    fac.text("BZK heeft nu wel middelen");
    fac.keys(&["Enter"]);
    fac.wait_for("nog niet gestemd");
    fac.keys(&["1", "g", "2", "g", "3", "g", "4", "g", "Enter"]);
    fac.wait_for("Uitkomst: ▲ GO — Go 4");
    beamer_shows(&beamer, "uitslag wordt gecontroleerd");
    never_an_outcome(&beamer, Duration::from_millis(1000));
    fac.keys(&["Enter"]);
    let s = fac.wait_for("verder (elke toets)");
    assert!(
        s.contains("Vervangt het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)"),
        "{s}"
    );
    let b = beamer_shows(&beamer, "▲  █");
    assert!(b.contains("Vervangt het ▼ NO-GO van bijeenkomst 2"), "{b}");
    assert!(b.contains("Beslisregel: consensus"), "{b}");
    fac.keys(&["Space"]);
    fac.wait_file(&path, |s| s.votes.len() == 3);
    end_and_quit(&fac, &path, 3);
    drop(fac);
    beamer.keys(&["q"]);
    beamer.wait_exit();

    let s = store::load(&path).unwrap();
    assert_eq!(s.votes[0].deferred, Some(DeferReason::Room));
    assert_eq!(s.votes[1].outcome, Outcome::NoGo);
    assert_eq!(s.votes[2].outcome, Outcome::Go);
    assert_eq!(s.votes[2].again_because, "BZK heeft nu wel middelen");
    // the minutes of the last workshop: which vote the GO replaces and why
    let md = export(&store_dir, "3");
    assert!(
        md.contains("het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)"),
        "{md}"
    );
    // the first: the deferral in words, without an empty ballot table
    let md = export(&store_dir, "1");
    assert!(
        md.contains("Stemming uitgesteld: eerst de cijfers van de GGD"),
        "{md}"
    );
    assert!(!md.contains("| Partij | Stem |"), "{md}");
    // the three workshops' minutes need none of the edits of item 10
    let fw = wijktafel::framework::Framework::builtin();
    for w in ["1", "2", "3"] {
        let md = export(&store_dir, w);
        let found = common::edits_needed(&md, &fw);
        assert!(
            found.is_empty(),
            "workshop {w}:\n{}\n\n{md}",
            found.join("\n")
        );
    }
}
