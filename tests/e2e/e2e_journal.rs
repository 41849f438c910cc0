//! Three workshops on the same points in the real binary (issue 23): the
//! minutes of workshop 1 stay what they were, whatever later workshops do
//! to its points; each workshop's counts, points, times and attendance
//! come from what happened in it.
#![cfg(unix)] // tmux drives the real binary

use std::path::Path;
use std::process::Command;

use wijktafel::session::{Stance, Status};
use wijktafel::store;

use crate::common;
use common::{Tmux, end_workshop, new_session, open_workshop};

fn export(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .arg("export")
        .arg("Zuidrand")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// End workshop `number` (see `common::end_workshop`), wait for its
/// minutes, then quit.
fn end_and_quit(t: &Tmux, path: &Path, number: u32) {
    end_workshop(t, path, number);
    t.wait_for("Verslag geschreven");
    t.keys(&["q"]);
    t.wait_exit();
}

/// The minutes without the lines that say what changed afterwards.
fn without_later(md: &str) -> String {
    let kept: Vec<&str> = md.lines().filter(|l| !l.contains("gewijzigd")).collect();
    // a removed paragraph leaves its blank line: one blank line between blocks
    kept.join("\n").replace("\n\n\n", "\n\n")
}

#[test]
fn three_workshops_keep_each_workshops_minutes_true_to_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());

    // ---- workshop 1: 1.1.1 consensus; 1.1.2 dissent by Woonstede and Politie, an action
    let Some(t) = open_workshop(dir.path(), "journal1") else {
        return;
    };
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["c"]);
    t.wait_file(&path, |s| s.status_of("1.1.1") == Status::Consensus);
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["2", "3", "Tab"]);
    t.text("de planning ligt al vast");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| s.status_of("1.1.2") == Status::Dissent);
    t.keys(&["a"]);
    t.wait_for("Actiepunt bij 1.1.2");
    t.text("Planning delen");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| r.actions.len() == 1)
    });
    end_and_quit(&t, &path, 1);
    drop(t);
    let w1_then = export(dir.path(), &["--workshop", "1"]);
    let csv1_then = export(dir.path(), &["--workshop", "1", "--format", "csv"]);

    // ---- workshop 2: Politie changes its stance, the action is done, a
    // note, and the dissent becomes consensus (over Woonstede's "oneens")
    let Some(t) = open_workshop(dir.path(), "journal2") else {
        return;
    };
    // the agenda resumes at the next open point (issue 24): back one
    t.wait_for("GESPREKSPUNT 1.1.3");
    t.keys(&["k"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    // its stance picked, and asked: it leaves the dissent (issue 24)
    t.keys(&["3", "e"]);
    t.wait_for("Vastleggen?");
    t.keys(&["j"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2")
            .is_some_and(|r| r.stance_of(3) != Stance::Disagree)
    });
    t.keys(&["x"]);
    t.wait_for("Notities en acties bij 1.1.2");
    t.keys(&["x", "Escape"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| r.actions[0].done)
    });
    t.keys(&["n"]);
    t.wait_for("Notitie bij 1.1.2");
    t.text("Planning is gedeeld");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| r.notes.len() == 1)
    });
    t.keys(&["c"]);
    // Woonstede still says "oneens": consensus over it is asked first
    t.wait_for("Toch consensus vastleggen?");
    t.keys(&["j"]);
    t.wait_file(&path, |s| s.status_of("1.1.2") == Status::Consensus);
    end_and_quit(&t, &path, 2);
    drop(t);

    // ---- workshop 3: only a note on 1.1.1
    let Some(t) = open_workshop(dir.path(), "journal3") else {
        return;
    };
    t.wait_for("GESPREKSPUNT 1.1.3");
    t.keys(&["k", "k"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["n"]);
    t.wait_for("Notitie bij 1.1.1");
    t.text("Nog een aanvulling");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1").is_some_and(|r| r.notes.len() == 1)
    });
    end_and_quit(&t, &path, 3);
    drop(t);

    // workshop 1's minutes are what they were, but for what changed afterwards
    let w1_now = export(dir.path(), &["--workshop", "1"]);
    assert_ne!(w1_now, w1_then, "the later change is named");
    assert!(
        w1_now.contains("na deze bijeenkomst gewijzigd: 1.1.2 (bijeenkomst 2)"),
        "{w1_now}"
    );
    if std::env::var_os("WIJKTAFEL_DUMP").is_some() {
        std::fs::write("/tmp/w1_then.md", &w1_then).unwrap();
        std::fs::write("/tmp/w1_now.md", &w1_now).unwrap();
    }
    assert_eq!(without_later(&w1_now), without_later(&w1_then));
    // the dissent that workshop 2 overruled is in workshop 1's minutes
    assert!(
        w1_now.contains("Oneens: Woonstede (Bas), Politie (Cor)"),
        "{w1_now}"
    );
    assert!(w1_now.contains("de planning ligt al vast"));
    assert_eq!(
        csv1_then,
        export(dir.path(), &["--workshop", "1", "--format", "csv"])
    );

    // workshop 2: one point discussed and decided; nothing of workshop 1
    let w2 = export(dir.path(), &["--workshop", "2"]);
    let counts = w2
        .split("## Gesprekspunten in deze bijeenkomst")
        .nth(1)
        .unwrap();
    assert!(counts.contains("**✔ consensus:** 1"), "{w2}");
    assert!(counts.contains("**✖ verschil van mening:** 0"), "{w2}");
    let discussed = w2.split("## Besproken gesprekspunten").nth(1).unwrap();
    assert!(discussed.contains("Gesprekspunt 1.1.2"), "{w2}");
    assert!(!discussed.contains("Gesprekspunt 1.1.1"), "{w2}");
    assert!(w2.contains("Planning is gedeeld"));
    // workshop 3: the note on 1.1.1 is no discussion
    let w3 = export(dir.path(), &["--workshop", "3"]);
    let discussed = w3.split("## Besproken gesprekspunten").nth(1).unwrap();
    let (discussed, also) = discussed
        .split_once("## Ook gewijzigd in deze bijeenkomst")
        .expect(&w3);
    assert!(
        discussed.contains("In deze bijeenkomst zijn geen gesprekspunten vastgelegd"),
        "{w3}"
    );
    assert!(
        also.contains("Gesprekspunt 1.1.1") && also.contains("notitie toegevoegd"),
        "{w3}"
    );
    assert!(!also.contains("1.1.2"), "{w3}");
    let csv3 = export(dir.path(), &["--workshop", "3", "--format", "csv"]);
    let rows: Vec<&str> = csv3.lines().skip(1).collect();
    assert!(rows.iter().any(|r| r.starts_with("1.1.1;")), "{csv3}");
    assert!(!rows.iter().any(|r| r.starts_with("1.1.2;")), "{csv3}");

    // the journal: every workshop's events, readable with `log`
    let s = store::load(&path).unwrap();
    for n in 1..=3 {
        assert!(s.journal.iter().any(|e| e.workshop == n));
    }
    let log = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["log", "Zuidrand", "--point", "1.1.2"])
        .output()
        .unwrap();
    let log = String::from_utf8(log.stdout).unwrap();
    assert!(
        log.contains("Bijeenkomst 1") && log.contains("Bijeenkomst 2"),
        "{log}"
    );
    assert!(
        log.contains("✖ verschil van mening (Woonstede, Politie: de planning ligt al vast)"),
        "{log}"
    );
    assert!(log.contains("actie afgerond: Planning delen"), "{log}");
    // in workshop 3 the facilitator passed 1.1.2 on the way to 1.1.1: at
    // most its time, nothing decided or written on it
    if let Some((_, three)) = log.split_once("Bijeenkomst 3") {
        assert!(
            three
                .lines()
                .filter(|l| !l.trim().is_empty())
                .all(|l| l.contains("tijd +")),
            "{log}"
        );
    }
}
