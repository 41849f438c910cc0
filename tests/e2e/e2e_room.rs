//! The room's words in the real binary (issue 24, part A): a party sent
//! apologies, two parties dissent, one changes its stance and answers the
//! question, and the minutes say so: the other still dissents, the one
//! that changed its mind has its new stance, the point's reason once, the
//! apologies apart from absence.
#![cfg(unix)] // tmux drives the real binary

use std::process::Command;

use wijktafel::session::{Stance, Status};

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn a_dissenter_changes_its_mind_in_the_room_and_the_minutes_follow() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("room24", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    // Bewoners (4) sent apologies
    t.keys(&["Down", "Down", "Down", "m"]);
    t.wait_for("☐ afgemeld");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    // Woonstede and Politie dissent, with one reason
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["2", "3", "Tab"]);
    t.text("de cijfers zijn van 2019");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1")
            .is_some_and(|r| r.status == Status::Dissent && r.dissenters == [2, 3])
    });
    // Politie changes its mind: its digit, a letter, and the question
    t.keys(&["3", "v"]);
    let q = t.wait_for("Vastleggen?");
    assert!(
        q.contains("Politie (Cor) staat bij het verschil van mening"),
        "{q}"
    );
    t.keys(&["j"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1")
            .is_some_and(|r| r.dissenters == [2] && r.stance_of(3) == Stance::Reservations)
    });
    let screen = t.wait_for("eens met voorbehoud");
    assert!(
        screen.contains("Oneens: Woonstede — de cijfers"),
        "{screen}"
    );
    assert!(
        screen
            .lines()
            .any(|l| l.contains("4 Bewoners") && l.contains("∅ afgemeld")),
        "{screen}"
    );
    t.keys(&["q"]);
    t.wait_exit();

    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["export", "Zuidrand", "--workshop", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains(
            "**Status:** ✖ verschil van mening — Oneens: Woonstede (Bas). Reden: de cijfers zijn van 2019"
        ),
        "{md}"
    );
    assert!(
        md.contains("- Politie (Cor): **≈ eens met voorbehoud**\n"),
        "{md}"
    );
    assert!(md.contains("- Woonstede (Bas): **✖ oneens**\n"), "{md}");
    assert_eq!(
        md.matches("de cijfers zijn van 2019").count(),
        2,
        "the point's reason with the point and in the open dissents:\n{md}"
    );
    assert!(md.contains("- **Afgemeld:** Bewoners (Dirk)\n"), "{md}");
    assert!(md.contains("- **Afwezig:** geen\n"), "{md}");
    // the log says it too
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["log", "Zuidrand"])
        .output()
        .unwrap();
    let log = String::from_utf8(out.stdout).unwrap();
    assert!(log.contains("afgemeld: Bewoners"), "{log}");
    for line in md.lines() {
        assert!(!line.contains(") ("), "double brackets: {line}");
        assert!(!line.trim_end().ends_with('\\'), "a backslash: {line}");
    }
}
