//! The workshop day in the real binary, in a real terminal (tmux; issue
//! 26): park two topics, turn one into an action, undo and redo it, end
//! the workshop; open the next one, adopt the previous minutes with one
//! amendment from a named party; the exported minutes of the first say
//! "Vastgesteld … met wijziging", the second's list the parked topic still
//! open, and the CSV of the parking lot carries both.
#![cfg(unix)] // tmux drives the real binary

use std::path::Path;
use std::process::Command;

use wijktafel::domain::workday::ParkedHow;
use wijktafel::store;

use crate::common;
use common::{Tmux, end_workshop, new_session, shell};

fn export(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .args(["export", "Zuidrand"])
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

#[test]
fn parked_topics_and_adopted_minutes_reach_the_file_and_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("workday", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    // P: park a topic raised by Politie (←→ at "Ingebracht door")
    t.keys(&["P"]);
    t.wait_for("Onderwerp parkeren (kwam op bij 1.1.1)");
    t.text("Verkeersdrempels Dorpsstraat");
    t.keys(&["Tab", "Right", "Right", "Right"]);
    t.wait_for("◀ Politie ▶");
    t.keys(&["Enter"]);
    t.wait_for("Geparkeerd als onderwerp 1");
    t.keys(&["P"]);
    t.wait_for("Onderwerp parkeren");
    t.text("Bankjes bij de school");
    t.keys(&["Enter"]);
    t.wait_for("Geparkeerd als onderwerp 2");
    t.wait_file(&path, |s| s.parking.len() == 2);
    // L: the parking lot; the second becomes an action of 1.1.2
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.keys(&["L"]);
    t.wait_for("Parkeerplaats: 2 open, 0 afgehandeld");
    t.keys(&["Down"]);
    t.wait_for("▶ ◆ 2 Bankjes bij de school");
    t.keys(&["a"]);
    t.wait_for("Parkeerplaats: 1 open, 1 afgehandeld");
    t.wait_for("werd actiepunt bij 1.1.2");
    t.keys(&["Escape"]);
    t.wait_for("☐ Bankjes bij de school");
    // the side list beside the point holds the open one
    t.wait_for("Parkeerplaats (1 open) · L");
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| r.actions.len() == 1) && s.open_parked().count() == 1
    });
    // u takes the move back whole (the action and the topic's outcome), Ctrl+r redoes it
    t.keys(&["u"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_none_or(|r| r.actions.is_empty()) && s.open_parked().count() == 2
    });
    t.keys(&["C-r"]);
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| r.actions.len() == 1) && s.open_parked().count() == 1
    });
    end_workshop(&t, &path, 1);
    t.keys(&["q"]);
    t.wait_exit();

    let first = export(dir.path(), &["--workshop", "1"]);
    assert!(first.contains("concept: nog niet vastgesteld"), "{first}");

    // the next workshop: the recap offers the adoption and lists the open topic
    let Some(t) = Tmux::start("workday2", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    let recap = t.wait_for("Wie is er aanwezig?");
    let recap = if recap.contains("Parkeerplaats: 1 open") {
        recap
    } else {
        t.wait_for("Parkeerplaats: 1 open")
    };
    assert!(
        recap.contains("Verslag bijeenkomst 1: nog niet vastgesteld"),
        "{recap}"
    );
    assert!(
        recap.contains("◆ 1 Verkeersdrempels Dorpsstraat — Politie"),
        "{recap}"
    );
    t.keys(&["v"]);
    t.wait_for("Verslag bijeenkomst 1 vaststellen");
    t.text("Woonstede was er pas vanaf 13:20");
    t.keys(&["Tab", "Right", "Right"]);
    t.wait_for("◀ Woonstede ▶");
    t.keys(&["Tab"]);
    t.text("Aanwezig");
    t.keys(&["Enter"]);
    t.wait_for("Wijzigingen (1):");
    t.keys(&["Enter"]);
    t.wait_for("Verslag bijeenkomst 1 vastgesteld met wijziging (1)");
    t.wait_for("Verslag bijeenkomst 1: vastgesteld");
    t.wait_file(&path, |s| !s.adoptions.is_empty());
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT");
    // u takes the adoption back, Ctrl+r adopts again
    t.keys(&["u"]);
    t.wait_for("ongedaan gemaakt: verslag vaststellen");
    t.wait_file(&path, |s| s.adoptions.is_empty());
    t.keys(&["C-r"]);
    t.wait_file(&path, |s| s.adoptions.len() == 1);
    end_workshop(&t, &path, 2);
    t.keys(&["q"]);
    t.wait_exit();

    let s = store::load(&path).unwrap();
    let a = s.adoption_of(1).expect("adopted");
    assert_eq!(a.in_workshop, 2);
    assert_eq!(a.amendments[0].party, Some(2), "Woonstede");
    assert_eq!(a.amendments[0].part, "Aanwezig");
    assert_eq!(
        s.parked(2).unwrap().outcome.as_ref().unwrap().how,
        ParkedHow::Action
    );
    let events: Vec<_> = s.journal.iter().map(|e| e.what).collect();
    assert!(
        events.contains(&wijktafel::journal::What::Parking),
        "{events:?}"
    );
    assert!(
        events.contains(&wijktafel::journal::What::Adoption),
        "{events:?}"
    );

    let first = export(dir.path(), &["--workshop", "1"]);
    assert!(first.contains("Vastgesteld in bijeenkomst 2 op"), "{first}");
    assert!(first.contains("met wijziging (1)"), "{first}");
    assert!(
        first.contains(
            "Woonstede was er pas vanaf 13:20 — gevraagd door Woonstede (Bas) — onderdeel: Aanwezig"
        ),
        "{first}"
    );
    assert!(first.contains("## Parkeerplaats"), "{first}");
    let second = export(dir.path(), &["--workshop", "2"]);
    assert!(
        second.contains("Verslag bijeenkomst 1 vastgesteld om"),
        "{second}"
    );
    let park = &second[second.find("## Parkeerplaats").expect("a section")..];
    assert!(
        park.contains("**Nog open:**") && park.contains("Verkeersdrempels"),
        "{park}"
    );
    // the agenda of the third workshop: the minutes of 2 to adopt, what to come back to
    let agenda = export(dir.path(), &["--format", "agenda"]);
    assert!(
        agenda.contains("# Agenda bijeenkomst 3 — Zuidrand"),
        "{agenda}"
    );
    assert!(agenda.contains("Verslag bijeenkomst 2 ("), "{agenda}");
    assert!(
        agenda.contains("| Bankjes bij de school | nog niemand |"),
        "{agenda}"
    );
    assert!(
        agenda.contains("- Verkeersdrempels Dorpsstraat — ingebracht door Politie (Cor)"),
        "{agenda}"
    );
    let html = export(dir.path(), &["--format", "agenda-html"]);
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("Agenda bijeenkomst 3"),
        "{html}"
    );
    let csv = export(dir.path(), &["--format", "csv", "--items", "parkeerplaats"]);
    assert!(
        csv.contains("Verkeersdrempels Dorpsstraat;Politie (Cor);1.1.1;1;open"),
        "{csv}"
    );
    assert!(
        csv.contains("Bankjes bij de school;;1.1.1;1;actiepunt;1.1.2"),
        "{csv}"
    );
}
