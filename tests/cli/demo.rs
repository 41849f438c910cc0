//! `wijktafel demo`: a valid, deterministic, realistic session.

use std::process::Command;

use wijktafel::session::Status;
use wijktafel::store;
use wijktafel::vote::Outcome;

fn demo_out(args: &[&str], path: &std::path::Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("demo")
        .args(args)
        .arg("--out")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        path.display().to_string()
    );
}

#[test]
fn demo_out_writes_a_valid_session_with_two_workshops() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("demo.toml");
    demo_out(&[], &p);
    let s = store::load(&p).unwrap();
    assert_eq!(s.workshops.len(), 2);
    let fw = wijktafel::framework::Framework::builtin();
    for st in Status::ALL {
        assert!(
            fw.iter_points().any(|(_, _, p)| s.status_of(&p.id) == st),
            "{st:?}"
        );
    }
    let v = s.latest_vote().unwrap();
    assert_eq!(v.outcome, Outcome::Go);
    assert_eq!(v.tally.go + v.tally.abstain, v.present.len() as u32);
    assert!(s.parties.len() >= 6 && s.parties.len() <= 8);
    assert!(s.points.values().any(|r| {
        !r.actions.is_empty()
            && r.actions
                .iter()
                .all(|a| a.owner.is_some() && a.due.is_some())
    }));
    assert!(
        s.points
            .values()
            .any(|r| r.status == Status::Skipped && !r.skip_reason.is_empty())
    );
    assert!(s.points.values().any(|r| r.status == Status::Dissent
        && !r.dissent_reason.is_empty()
        && !r.dissenters.is_empty()));
    assert_eq!(s.cursor_block(&fw), 1, "block 2 begun");
    assert!(s.municipality.contains("fictief"), "clearly fictional");
}

#[test]
fn the_generator_is_deterministic_and_scales_to_forty_workshops() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    demo_out(&["--workshops", "40"], &a);
    demo_out(&["--workshops", "40"], &b);
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "same N, same bytes"
    );
    let s = store::load(&a).unwrap();
    assert_eq!(s.workshops.len(), 40);
    let notes: usize = s.points.values().map(|r| r.notes.len()).sum();
    assert!(notes > 4000, "{notes}");
    // out of range is refused by the command line
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .args(["demo", "--workshops", "101", "--out"])
        .arg(dir.path().join("c.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
