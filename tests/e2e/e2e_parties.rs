//! Parties in the real binary (tmux): a party unticked at the start and
//! added later with `p` keeps its number and so do the others; a dissenter's
//! stance is "oneens" in the file (issue 14, items 4 and 5).
#![cfg(unix)] // tmux drives the real binary

use wijktafel::session::Stance;
use wijktafel::store;

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn a_party_arrives_later_and_nobodys_number_moves() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("parties", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    // Politie (3) is not there at the start
    t.keys(&["3"]);
    t.wait_for("afwezig");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    let screen = t.wait_for("∅ afwezig");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("│  3 Politie") && l.contains("∅ afwezig")),
        "{screen}"
    );
    // 4 is Bewoners, with Politie absent
    t.keys(&["4", "e"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1")
            .is_some_and(|r| r.stance_of(4) == Stance::Agree)
    });
    // key 3 does nothing but say so
    t.keys(&["3"]);
    t.wait_for("Partij 3 (Politie (Cor)) is afwezig");
    // Politie arrives at 1.1.2
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.keys(&["p"]);
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["3", "Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.wait_file(&path, |s| s.workshops[0].attendance_log.len() == 1);
    // the numbers did not move: 4 is still Bewoners, 3 is Politie
    t.keys(&["4", "e", "3", "e"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2")
            .is_some_and(|r| r.stance_of(4) == Stance::Agree && r.stance_of(3) == Stance::Agree)
    });
    // Bewoners dissents: its stance becomes "oneens"
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["4", "Tab"]);
    t.text("geen draagvlak");
    t.keys(&["Enter"]);
    t.wait_for("✖ VERSCHIL VAN MENING");
    let screen = t.wait_for("✖ oneens");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("│  4 Bewoners") && l.contains("✖ oneens")),
        "{screen}"
    );
    t.keys(&["q"]);
    t.wait_exit();

    let s = store::load(&path).unwrap();
    let log = &s.workshops[0].attendance_log;
    assert_eq!(log.len(), 1, "one arrival, no departure: {log:?}");
    assert!(log[0].party == 3 && log[0].present);
    let r = s.record("1.1.2").unwrap();
    assert_eq!(r.dissenters, vec![4]);
    assert_eq!(r.stance_of(4), Stance::Disagree);
    // the reason is the point's, not copied into the stance (issue 24)
    assert_eq!(r.dissent_reason, "geen draagvlak");
    assert_eq!(r.stance_entry(4).unwrap().reason, "");
    assert_eq!(r.stance_of(3), Stance::Agree);
    assert_eq!(
        s.record("1.1.1").unwrap().stance_of(3),
        Stance::NotStated,
        "nothing captured for the absent party"
    );
}
