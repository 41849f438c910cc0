//! The workshop day in the real binary, in a real terminal (tmux; issue
//! 26): plan a workshop of 60 minutes over steps 1.1 and 1.2 with budgets
//! (`wijktafel plan`), run it until step 1.1's short budget is spent (the
//! plan's row turns red and says so), record a dissent, park two topics,
//! turn one into an action, undo and redo it, end the workshop; open the
//! next one, see planned against done, plan it with `t`, adopt the previous
//! minutes with one amendment from a named party; the exported minutes of
//! the first say "Vastgesteld … met wijziging" and show planned against
//! spent, the second's list the parked topic still open, the CSV of the
//! parking lot carries both, and the agenda of the third (planned too)
//! lists the open dissent and actions and the budgets with clock times.
#![cfg(unix)] // tmux drives the real binary

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use wijktafel::session::Status;
use wijktafel::tui::theme::ThemeKind;

use wijktafel::domain::workday::ParkedHow;
use wijktafel::store;

use crate::common;
use common::{Tmux, end_workshop, new_session, shell};

fn export(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["export", "Zuidrand"];
    all.extend_from_slice(args);
    run(dir, &all)
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
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

/// Wait (up to 90 s: the budget is a real minute) until the plan's row
/// says step 1.1 is over its budget; returns that row with its colours.
fn wait_over_budget(t: &Tmux) -> (String, String) {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let s = t.screen();
        if let Some(row) = s.lines().find(|l| l.contains("OVER BUDGET")) {
            let out = t
                .cmd()
                .args(["capture-pane", "-e", "-p", "-t", "t"])
                .output()
                .unwrap();
            let coloured = String::from_utf8_lossy(&out.stdout)
                .lines()
                .find(|l| l.contains("OVER BUDGET"))
                .unwrap_or_default()
                .to_string();
            return (row.to_string(), coloured);
        }
        assert!(Instant::now() < deadline, "never over budget:\n{s}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn parked_topics_and_adopted_minutes_reach_the_file_and_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    // the plan: an hour over 1.1 (a short budget, to run past it) and 1.2
    let plan = run(
        dir.path(),
        &[
            "plan", "Zuidrand", "--start", "13:00", "--end", "14:00", "--step", "1.1=1", "--step",
            "1.2",
        ],
    );
    assert!(
        plan.contains("Plan voor bijeenkomst 1 van Zuidrand: 13:00–14:00"),
        "{plan}"
    );
    assert!(
        plan.contains("1.2 Grip op de opgaven: 59 min (5 open punten)"),
        "{plan}"
    );
    assert!(plan.contains("Samen 60 min van de 60 min."), "{plan}");
    let Some(t) = Tmux::start("workday", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    let start = t.wait_for("Wie is er aanwezig?");
    // (the recap wraps at its half of the screen)
    assert!(
        start.contains("Plan voor bijeenkomst 1: 13:00–14:00 · 1.1 (1 min),")
            && start.contains("1.2 (59 min) (t: plannen)"),
        "{start}"
    );
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    let row = t.wait_for("⏱ Stap 1.1:");
    assert!(
        row.contains("van 1 min") && row.contains("einde 14:00"),
        "{row}"
    );
    t.keys(&["c"]);
    t.wait_file(&path, |s| s.status_of("1.1.1") == Status::Consensus);
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
    // an open dissent, for the agenda of a later workshop to come back to
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["3", "Tab"]);
    t.text("geen draagvlak voor drempels");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| s.status_of("1.1.2") == Status::Dissent);
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
    // step 1.1 had one minute: the plan's row turns red and says so
    let (row, coloured) = wait_over_budget(&t);
    assert!(
        row.contains("⏱ Stap 1.1:") && row.contains("van 1 min ✖ OVER BUDGET (+"),
        "{row}"
    );
    let Some(ratatui::style::Color::Rgb(r, g, b)) = ThemeKind::Dark.theme().bad.fg else {
        panic!("the dark theme's red is a colour");
    };
    let red = format!("38;2;{r};{g};{b}m");
    let at = coloured.find("OVER BUDGET").unwrap();
    // the last colour set before the words is the theme's red
    let before = &coloured[..at];
    let last = before.rfind("38;2;").expect("a colour");
    assert!(before[last..].starts_with(&red), "not red: {coloured:?}");
    end_workshop(&t, &path, 1);
    t.keys(&["q"]);
    t.wait_exit();

    let first = export(dir.path(), &["--workshop", "1"]);
    assert!(first.contains("concept: nog niet vastgesteld"), "{first}");
    // planned against spent: 1.1 over its minute, 1.2 planned but not discussed
    let time = &first[first.find("## Tijd per stap").expect("time per step")..];
    assert!(
        time.contains("**Tijdplan:** 13:00–14:00 · 60 min"),
        "{time}"
    );
    assert!(
        time.contains("| Stap | Punten | Tijd | Gepland | Budget |"),
        "{time}"
    );
    let row = time
        .lines()
        .find(|l| l.starts_with("| 1.1 Urgentie"))
        .expect("1.1");
    assert!(row.contains("| 1 min | ✖ over (+"), "{row}");
    let row = time
        .lines()
        .find(|l| l.starts_with("| 1.2 Grip"))
        .expect("1.2");
    assert!(
        row.contains("| 0 | 00:00 | 59 min | niet besproken |"),
        "{row}"
    );

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
    assert!(
        recap.contains("Gepland: 1.1 en 1.2 — gedaan: 1.1 (deels)"),
        "{recap}"
    );
    // t: plan this workshop; the form takes the steps that fit from 1.1.2 on
    assert!(
        recap.contains("Nog geen tijdplan voor bijeenkomst 2 (t: plannen)"),
        "{recap}"
    );
    t.keys(&["t"]);
    t.wait_for("Bijeenkomst 2 plannen");
    t.keys(&["Enter"]);
    t.wait_for("Plan voor bijeenkomst 2 bewaard");
    t.wait_file(&path, |s| {
        s.plan_for(2).is_some_and(|p| !p.steps.is_empty())
    });
    t.wait_for("Plan voor bijeenkomst 2:");
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
    // the third workshop planned without the screen: its agenda has the budgets
    let plan = run(
        dir.path(),
        &[
            "plan",
            "Zuidrand",
            "--date",
            "2026-12-21",
            "--start",
            "19:00",
            "--end",
            "21:00",
            "--step",
            "1.2=45",
            "--step",
            "1.3",
        ],
    );
    assert!(
        plan.contains("Plan voor bijeenkomst 3 van Zuidrand: 21-12-2026, 19:00–21:00"),
        "{plan}"
    );
    // the agenda of the third workshop: the minutes of 2 to adopt, what to come back to
    let agenda = export(dir.path(), &["--format", "agenda"]);
    assert!(
        agenda.contains("**Datum en tijd:** 21-12-2026, 19:00–21:00"),
        "{agenda}"
    );
    assert!(
        agenda.contains("- 19:00–19:45 **1.2 Grip op de opgaven** (45 min) — 5 open: 1.2.1"),
        "{agenda}"
    );
    assert!(
        agenda.contains("- 19:45–21:00 **1.3 Luisteren naar bewoners** (75 min)"),
        "{agenda}"
    );
    assert!(
        agenda.contains("**1.1.2**") && agenda.contains("geen draagvlak voor drempels"),
        "the open dissent: {agenda}"
    );
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
