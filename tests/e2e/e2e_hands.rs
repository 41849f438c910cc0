#![cfg(unix)]
//! Issue 25 in a real terminal: the facilitator at 80×24 and the beamer at
//! 100×30 in two tmux windows. A whole step of block 1 with a late arrival
//! through the attendance dialog, a dissent taken from the stance reasons,
//! a note with a line break and a CJK word, a jump by typing an id in the
//! overview, a vote entered without digits; the timer keeps running, the
//! room never sees the recap during attendance and keeps the summary after
//! `Enter`. And a beamer started before its session exists waits for it.

use std::time::{Duration, Instant};

use wijktafel::session::{Stance, Status};
use wijktafel::store;

use crate::common;
use common::{Tmux, new_session, shell};

/// The beamer's screen for a while: every capture must pass `ok`.
fn stays(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) {
    let until = Instant::now() + Duration::from_millis(1200);
    while Instant::now() < until {
        let s = t.screen();
        assert!(ok(&s), "{what}:\n{s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn running(screen: &str) -> bool {
    screen.contains("▶ loopt")
}

#[test]
fn a_step_of_block_one_with_the_beamer_beside() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(room) = Tmux::start("room25", &shell(dir.path(), "beamer Zuidrand"), 100, 30) else {
        return;
    };
    let fac = Tmux::start("fac25", &shell(dir.path(), "open Zuidrand"), 80, 24).unwrap();
    fac.wait_for("Wie is er aanwezig?");
    // Politie (3) is not there at the start
    fac.keys(&["3", "Enter"]);
    let s = fac.wait_for("GESPREKSPUNT 1.1.1");
    assert!(running(&s), "the timer runs from the start:\n{s}");
    // the essential hints at 80×24, Tab among them
    for hint in [
        "Tab redenen",
        "n notitie",
        "v stemming",
        "w einde",
        "? help",
        "q stop",
    ] {
        assert!(s.contains(hint), "{hint}:\n{s}");
    }
    fac.keys(&["1", "e", "c", "j"]);
    fac.wait_for("GESPREKSPUNT 1.1.2");
    // Politie arrives: a dialog over the point; the room stays on the point
    room.wait_for("1.1.2 Is");
    fac.keys(&["p"]);
    fac.wait_for("Wie is er aanwezig?");
    stays(&room, "the room sees the point during attendance", |s| {
        s.contains("1.1.2") && !s.contains("Terugblik")
    });
    fac.keys(&["3", "Escape"]);
    fac.wait_file(&path, |s| s.is_present(3));
    assert!(running(&fac.wait_for("GESPREKSPUNT 1.1.2")));
    let r = room.wait_for("Politie");
    for name in ["Gemeente", "Woonstede", "Politie", "Bewoners"] {
        assert!(r.contains(name), "{name} on the beamer:\n{r}");
    }
    // Bewoners disagrees with a reason of its own (Tab, ↓, r) …
    fac.keys(&["4", "o", "Tab", "Down", "Down", "Down", "r"]);
    fac.text("geen draagvlak");
    fac.keys(&["Enter", "Escape"]);
    fac.wait_file(&path, |s| {
        s.record("1.1.2")
            .and_then(|r| r.stance_entry(4))
            .is_some_and(|e| e.reason == "geen draagvlak")
    });
    // … and `d` proposes it: Enter records at once
    fac.keys(&["d"]);
    fac.wait_for("geen draagvlak");
    fac.keys(&["Enter"]);
    fac.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| {
            r.status == Status::Dissent
                && r.dissenters == vec![4]
                && r.dissent_reason == "geen draagvlak"
        })
    });
    // a note with a line break and a CJK word
    fac.keys(&["j"]);
    fac.wait_for("GESPREKSPUNT 1.1.3");
    fac.keys(&["n"]);
    fac.text("Afspraken:");
    fac.keys(&["M-Enter"]);
    fac.text("- 华人社区 uitnodigen");
    fac.keys(&["Enter"]);
    fac.wait_file(&path, |s| {
        s.record("1.1.3").is_some_and(|r| {
            r.notes
                .iter()
                .any(|n| n.text == "Afspraken:\n- 华人社区 uitnodigen")
        })
    });
    let s = fac.wait_for("- 华人社区 uitnodigen");
    assert!(s.contains("• Afspraken:"), "the line break shows:\n{s}");
    room.wait_for("- 华人社区 uitnodigen");
    fac.keys(&["c", "j"]);
    fac.wait_for("GESPREKSPUNT 1.1.4");
    fac.keys(&["c"]);
    // back to 1.1.2 by typing its id in the overview
    fac.keys(&["g"]);
    fac.text("1.1.2");
    fac.wait_for("1.1.2▏");
    fac.keys(&["Enter"]);
    let s = fac.wait_for("GESPREKSPUNT 1.1.2");
    assert!(running(&s), "{s}");
    // the end asks for the vote: ballots without digits
    fac.keys(&["w"]);
    fac.wait_for("Nu stemmen?");
    fac.keys(&["j"]);
    fac.wait_for("Beslisregel");
    fac.keys(&["g", "g", "g", "o"]);
    fac.wait_for("Go 3 · No-go 0 · Onthouding 1");
    fac.keys(&["Enter"]);
    fac.wait_for("Controleer de uitslag");
    fac.keys(&["Enter"]);
    fac.wait_for("GO");
    fac.keys(&["Enter"]);
    fac.wait_for("Bijeenkomst 1 afsluiten");
    room.wait_for("Afsluiting van bijeenkomst 1");
    fac.keys(&["Enter"]);
    fac.wait_for("wijktafel — sessies");
    stays(&room, "the summary stays after Enter", |s| {
        s.contains("Afsluiting van bijeenkomst 1") && !s.contains("Wacht op")
    });
    let lock = std::path::PathBuf::from(format!("{}.lock", path.display()));
    assert!(!lock.exists(), "the session closed: no lock file");
    fac.keys(&["q"]);
    fac.wait_exit();
    room.wait_for("Wacht op de procesbegeleider");
    let s = store::load(&path).unwrap();
    let log = &s.workshops[0].attendance_log;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(
        (log[0].party, log[0].present, log[0].point.as_str()),
        (3, true, "1.1.2")
    );
    // the timer ran through attendance: 1.2 s with the dialog open at 1.1.2
    // (the other points had less than a second)
    let secs = s.record("1.1.2").unwrap().seconds;
    assert!(secs >= 1, "1.1.2: {secs}s");
    assert_eq!(s.record("1.1.2").unwrap().stance_of(4), Stance::Disagree);
    let v = s.latest_vote().unwrap();
    assert_eq!(v.ballots.len(), 4, "{v:?}");
}

#[test]
fn a_beamer_started_before_its_session_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    let Some(room) = Tmux::start("early25", &shell(dir.path(), "beamer Zuidrand"), 100, 30) else {
        return;
    };
    room.wait_for("Wacht op de procesbegeleider");
    let _path = new_session(dir.path());
    let fac = Tmux::start("late25", &shell(dir.path(), "open Zuidrand"), 80, 24).unwrap();
    fac.wait_for("Wie is er aanwezig?");
    room.wait_for("Terugblik");
    fac.keys(&["Enter"]);
    room.wait_for("1.1.1");
    fac.keys(&["q"]);
    fac.wait_exit();
}
