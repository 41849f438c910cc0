//! A whole orientation workshop in the real binary in a real terminal
//! (tmux), as a facilitator runs one (issue 14): six parties, one arriving
//! halfway; every point of block 1 with consensus, dissent, a skip, notes
//! and action items; a NO-GO with a route and a revisit date typed in the
//! dialog; the end of the workshop; reopening on the recap and quitting
//! (the file unchanged); then starting workshop 2. The banner, the recap,
//! the minutes and the CSV must say exactly what was captured.
#![cfg(unix)] // tmux drives the real binary

use std::path::{Path, PathBuf};
use std::process::Command;

use wijktafel::framework::Framework;
use wijktafel::session::{Stance, Status};
use wijktafel::store;
use wijktafel::vote::{Outcome, Route};

use crate::common;
use common::{Tmux, shell};

const PARTIES: [&str; 6] = [
    "Gemeente Lindendaal|Sanne Kuipers|bestuur",
    "Woonbron Lindendaal|Ömer Yıldız|wonen",
    "Politie Lindendaal-Oost|Gert-Jan Brouwer|veiligheid",
    "GGD Regio Lindendaal|Chloë Martens|zorg",
    "Bewonersraad De Vaart|Fatima el Idrissi|bewoners",
    "Stichting Welzijn Lindendaal|Daan Hoekstra|welzijn",
];
const GGD: u32 = 4;

fn new_vaart(dir: &Path) -> PathBuf {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wijktafel"));
    c.arg("--dir").arg(dir).args([
        "new",
        "De Vaart",
        "--area",
        "De Vaart",
        "--municipality",
        "Lindendaal",
        "--facilitator",
        "Renée van Dijk",
        "--no-open",
    ]);
    for p in PARTIES {
        c.args(["--party", p]);
    }
    let out = c.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn wijktafel(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// What the room decides on a point.
enum Capture {
    Consensus,
    /// Dissent of these party numbers, for this reason.
    Dissent(&'static [&'static str], &'static str),
    Skip(&'static str),
}

/// Block 1 as the room goes through it: per point what is decided, and
/// whether a note or an action item comes with it.
fn plan(point: &str) -> (Capture, Option<&'static str>, Option<(&'static str, usize)>) {
    match point {
        "1.1.1" => (
            Capture::Consensus,
            Some("Armoede en schulden in de noordelijke portiekflats"),
            None,
        ),
        "1.1.2" => (
            Capture::Dissent(&["3", "5"], "eerst leefbaarheid, dan bouwen"),
            None,
            None,
        ),
        "1.1.4" => (Capture::Skip("komt terug bij 1.5"), None, None),
        "1.2.1" => (
            Capture::Consensus,
            None,
            Some(("Overzicht beleidsopgaven op één kaart", 1)),
        ),
        "1.2.2" => (
            Capture::Dissent(&["2", "6"], "er is geen overzicht van het beleid"),
            None,
            None,
        ),
        "1.3.2" => (
            Capture::Dissent(&["5"], "alleen een enquête, respons 4%"),
            None,
            Some(("Bewonersavond in buurthuis De Eik", 5)),
        ),
        "1.5.3" => (
            Capture::Dissent(&["1"], "geen structureel budget"),
            Some("Gemeente zoekt dekking in de voorjaarsnota"),
            None,
        ),
        _ => (Capture::Consensus, None, None),
    }
}

#[test]
fn a_whole_orientation_workshop_says_exactly_what_was_captured() {
    let fw = Framework::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = new_vaart(dir.path());
    let Some(t) = Tmux::start(
        "orientation",
        &shell(dir.path(), "open 'De Vaart'"),
        160,
        45,
    ) else {
        return;
    };
    // the GGD is not there at the start
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["4"]);
    t.wait_for("4 ☐ afwezig");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");

    let block1: Vec<String> = fw
        .iter_points()
        .filter(|(pos, _, _)| pos.block == 0)
        .map(|(_, _, p)| p.id.clone())
        .collect();
    for (i, point) in block1.iter().enumerate() {
        if i > 0 {
            t.keys(&["j"]);
        }
        t.wait_for(&format!("GESPREKSPUNT {point}"));
        if point == "1.2.5" {
            // the GGD arrives: ticked on the attendance list, back to the point
            t.keys(&["p"]);
            t.wait_for("Wie is er aanwezig?");
            t.keys(&["4"]);
            t.wait_file(&path, |s| s.is_present(GGD));
            t.keys(&["Enter"]);
            t.wait_for(&format!("GESPREKSPUNT {point}"));
            // its number is still 4: its stance, nobody else's
            t.keys(&["4", "e"]);
            t.wait_file(&path, |s| {
                s.record("1.2.5")
                    .is_some_and(|r| r.stance_of(GGD) == Stance::Agree)
            });
        }
        let (capture, note, action) = plan(point);
        match capture {
            Capture::Consensus => {
                t.keys(&["c"]);
            }
            Capture::Dissent(who, why) => {
                t.keys(&["d"]);
                t.wait_for("wie is het oneens");
                t.keys(who);
                t.keys(&["Tab"]);
                t.text(why);
                t.keys(&["Enter"]);
            }
            Capture::Skip(why) => {
                t.keys(&["s"]);
                t.wait_for("met welke reden");
                t.text(why);
                t.keys(&["Enter"]);
            }
        }
        let want = match capture {
            Capture::Consensus => Status::Consensus,
            Capture::Dissent(..) => Status::Dissent,
            Capture::Skip(_) => Status::Skipped,
        };
        let p = point.clone();
        t.wait_file(&path, move |s| s.status_of(&p) == want);
        if let Some(text) = note {
            t.keys(&["n"]);
            t.wait_for(&format!("Notitie bij {point}"));
            t.text(text);
            t.keys(&["Enter"]);
            let p = point.clone();
            t.wait_file(&path, move |s| {
                s.record(&p)
                    .is_some_and(|r| r.notes.iter().any(|n| n.text == text))
            });
        }
        if let Some((what, owner)) = action {
            t.keys(&["a"]);
            t.wait_for(&format!("Actiepunt bij {point}"));
            t.text(what);
            t.keys(&["Tab"]);
            for _ in 0..owner {
                t.keys(&["Right"]);
            }
            t.keys(&["Tab"]);
            t.text("2027-01-15");
            t.keys(&["Enter"]);
            let p = point.clone();
            t.wait_file(&path, move |s| {
                s.record(&p)
                    .is_some_and(|r| r.actions.iter().any(|a| a.what == what))
            });
        }
    }

    // the end: block 1 asks for the vote; a NO-GO read back, a route and a date
    t.keys(&["w"]);
    t.wait_for("Nu stemmen?");
    t.keys(&["j"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "n", "r"]);
    t.wait_for("Reden van Gemeente");
    t.text("geen structureel budget");
    t.keys(&["Enter"]);
    t.keys(&["2", "g", "3", "g", "4", "o", "5", "n", "r"]);
    t.wait_for("Reden van Bewonersraad");
    t.text("eerst vertrouwen herstellen");
    t.keys(&["Enter"]);
    t.keys(&["6", "g", "Enter"]);
    t.wait_for("Uitkomst: ▼ NO-GO — Go 3 · No-go 2 · Onthouding 1");
    assert!(
        store::load(&path).unwrap().votes.is_empty(),
        "not final yet"
    );
    t.keys(&["Enter"]);
    t.wait_for("welke vervolgroute");
    t.keys(&["3", "Tab"]);
    t.text("2027-06-01");
    t.keys(&["Enter"]);
    let banner = t.wait_for("verder (elke toets)");
    assert!(
        banner.contains("NO-GO") || banner.contains("██"),
        "{banner}"
    );
    assert!(banner.contains("sectoraal beleid"), "the route: {banner}");
    assert!(banner.contains("01-06-2027"), "the date: {banner}");
    t.keys(&["Space"]);
    t.wait_for("Bijeenkomst 1 afsluiten");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| s.workshops[0].ended.is_some());
    t.keys(&["q"]);
    t.wait_exit();
    drop(t);

    // what the file holds
    let s = store::load(&path).unwrap();
    assert_eq!(s.votes.len(), 1);
    let v = &s.votes[0];
    assert_eq!(v.outcome, Outcome::NoGo);
    assert_eq!(v.follow_up.as_ref().unwrap().route, Route::Sectoral);
    assert_eq!(v.revisit.unwrap().to_string(), "2027-06-01");
    assert_eq!(v.ballots.len(), 6, "the GGD voted too");
    let dissents: Vec<&str> = s.dissents().iter().map(|(p, _)| *p).collect();
    assert_eq!(dissents, vec!["1.1.2", "1.2.2", "1.3.2", "1.5.3"]);
    for (point, who) in [
        ("1.1.2", vec![3, 5]),
        ("1.2.2", vec![2, 6]),
        ("1.5.3", vec![1]),
    ] {
        let r = s.record(point).unwrap();
        assert_eq!(r.dissenters, who, "{point}");
        for p in who {
            assert_eq!(
                r.stance_of(p),
                Stance::Disagree,
                "{point}: dissenter {p} disagrees"
            );
        }
    }
    assert_eq!(s.status_of("1.1.4"), Status::Skipped);
    let log = &s.workshops[0].attendance_log;
    assert_eq!(log.len(), 1, "{log:?}");
    assert!(log[0].party == GGD && log[0].present);
    let arrival = log[0]
        .at
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%H:%M")
        .to_string();
    let owners: Vec<Option<u32>> = s.open_actions().iter().map(|(_, a)| a.owner).collect();
    assert_eq!(owners, vec![Some(1), Some(5)], "owners by their numbers");

    // reopening the evening before: the recap, then quit; nothing changes
    let before = std::fs::read(&path).unwrap();
    let t = Tmux::start(
        "orientation2",
        &shell(dir.path(), "open 'De Vaart'"),
        160,
        45,
    )
    .unwrap();
    let screen = t.wait_for("Terugblik: bijeenkomst 1");
    // the recap column as running text (its lines wrap), page by page
    let column = |screen: &str| {
        screen
            .lines()
            .map(|l| l.split('│').next().unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let needles = [
        "Open verschillen van mening (4)",
        "eerst leefbaarheid, dan bouwen",
        "er is geen overzicht van het beleid",
        "alleen een enquête, respons 4%",
        "geen structureel budget",
        "Open actiepunten (2)",
        "Overzicht beleidsopgaven op één kaart",
        "Bewonersavond in buurthuis De Eik",
        "▼ NO-GO",
        "sectoraal beleid",
        "01-06-2027",
    ];
    let mut recap = column(&screen);
    let mut shown = screen;
    // page down (each page a new frame) until everything was on screen
    for _ in 0..3 {
        if needles.iter().all(|n| recap.contains(n)) {
            break;
        }
        t.keys(&["PageDown"]);
        shown = t.wait_change(&shown);
        recap.push(' ');
        recap.push_str(&column(&shown));
    }
    for needle in needles {
        assert!(recap.contains(needle), "recap lacks {needle:?}:\n{recap}");
    }
    assert!(
        recap.contains(&format!("GGD Regio Lindendaal kwam om {arrival}")),
        "the arrival in the recap:\n{recap}"
    );
    // stable numbers (waited for: the first capture may be a frame still
    // being drawn on a loaded machine)
    t.wait_for("4 ☑ aanwezig  GGD");
    t.keys(&["q"]);
    t.wait_exit();
    drop(t);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "opening and quitting wrote"
    );

    // the next day: Enter starts workshop 2
    let t = Tmux::start(
        "orientation3",
        &shell(dir.path(), "open 'De Vaart'"),
        160,
        45,
    )
    .unwrap();
    t.wait_for("Terugblik: bijeenkomst 1");
    t.keys(&["Enter"]);
    t.wait_for("Bijeenkomst 2");
    t.wait_file(&path, |s| s.workshops.len() == 2);
    t.keys(&["q"]);
    t.wait_exit();

    // the minutes and the CSV say what was captured
    let md = wijktafel(
        dir.path(),
        &["export", "De Vaart", "--format", "md", "--workshop", "1"],
    );
    for needle in [
        "eerst leefbaarheid, dan bouwen",
        "er is geen overzicht van het beleid",
        "alleen een enquête, respons 4%",
        "geen structureel budget",
        "komt terug bij 1.5",
        "eerst vertrouwen herstellen",
        "NO-GO",
        "sectoraal beleid",
        "Overzicht beleidsopgaven op één kaart",
        "Bewonersavond in buurthuis De Eik",
        "Armoede en schulden in de noordelijke portiekflats",
    ] {
        assert!(md.contains(needle), "minutes lack {needle:?}:\n{md}");
    }
    assert!(md.contains("2027"), "the revisit date:\n{md}");
    assert!(
        md.contains(&format!("kwam om {arrival}")),
        "the arrival time in the minutes:\n{md}"
    );
    let csv = wijktafel(
        dir.path(),
        &["export", "De Vaart", "--format", "csv", "--workshop", "1"],
    );
    let row = |point: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("{point};")))
            .unwrap_or_else(|| panic!("no row for {point}:\n{csv}"))
            .to_string()
    };
    // before the GGD came it was absent; the dissenters disagree
    let cells = |point: &str| -> Vec<String> { row(point).split(';').map(String::from).collect() };
    // columns: id, block, step, point, status, then the six parties by number
    let ggd = 4 + GGD as usize;
    assert_eq!(cells("1.1.1")[ggd], "afwezig");
    assert_eq!(
        cells("1.2.5")[ggd],
        "eens",
        "its stance, under its own number"
    );
    let c = cells("1.1.2");
    assert_eq!(
        (c[4].as_str(), c[7].as_str(), c[9].as_str()),
        ("verschil van mening", "oneens", "oneens")
    );
    assert_eq!(cells("1.1.4")[4], "overgeslagen");
}
