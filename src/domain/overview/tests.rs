//! Tests of the overview's aggregation on sessions made here.

use jiff::Timestamp;
use jiff::civil::{Date, date};

use super::*;
use crate::record::Status;
use crate::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

const OWN: &str = include_str!("../../../tests/fixtures/kleinstad-kader.toml");

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

const TODAY: Date = date(2026, 12, 7);

/// A session of `area` with two parties and `workshops` workshops, the
/// last on `last`.
fn session(fw: &Framework, area: &str, municipality: &str, workshops: u32, last: Date) -> Session {
    let mut s = Session::new(area, fw, ts(0));
    s.area = area.into();
    s.municipality = municipality.into();
    s.facilitator = "Fien".into();
    s.add_party("Gemeente", "Anna", "bestuur");
    s.add_party("Woonbron", "Bram", "wonen");
    for n in 0..workshops {
        s.resume(ts(i64::from(n) * 10_000 + 1));
        let d = last
            .checked_sub(jiff::Span::new().days(i64::from(workshops - 1 - n) * 14))
            .unwrap();
        s.current_workshop_mut().unwrap().date = d;
        s.end_workshop(ts(i64::from(n) * 10_000 + 5000));
    }
    s
}

fn vote(s: &mut Session, choices: [Choice; 2], closing: Closing) {
    let present: Vec<_> = s.parties.iter().map(|p| p.id).collect();
    let ballots = present
        .iter()
        .zip(choices)
        .map(|(&party, choice)| Ballot {
            party,
            choice,
            reason: String::new(),
        })
        .collect();
    let v = Vote::cast(s, present, ballots, closing, ts(9_000_000));
    s.votes.push(v);
}

fn summary(s: &Session, fw: &Framework) -> AreaSummary {
    AreaSummary::of(&format!("{}.toml", s.name), s, fw, TODAY, Lang::Nl)
}

#[test]
fn an_area_counts_its_progress_decision_and_overdue_items() {
    let fw = Framework::builtin();
    let mut s = session(&fw, "Noordbuurt", "Kleinstad", 3, date(2026, 11, 20));
    let a = s.parties[0].id;
    s.set_status("1.1.1", Status::Consensus, vec![], "", ts(1));
    s.set_status("1.1.2", Status::Dissent, vec![a], "geen geld", ts(2));
    s.set_status("1.1.3", Status::Skipped, vec![], "later", ts(3));
    s.add_action("1.1.1", "te laat", None, Some(date(2026, 12, 1)), ts(4));
    s.add_action("1.1.1", "op tijd", None, Some(TODAY), ts(5));
    s.add_action("1.1.1", "zonder datum", None, None, ts(6));
    crate::timing::add_time(&mut s, "1.1.1", 600);
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Lighter,
            text: String::new(),
            id: None,
        }),
        revisit: Some(date(2026, 12, 6)),
        deferred_because: None,
        ..Default::default()
    };
    vote(&mut s, [Choice::NoGo, Choice::Go], closing);
    let sum = summary(&s, &fw);
    assert_eq!(sum.label(), "Noordbuurt");
    assert_eq!(sum.municipality, "Kleinstad");
    assert_eq!(sum.workshops, 3);
    assert_eq!(sum.last_workshop, Some(date(2026, 11, 20)));
    let b0 = &sum.blocks[0];
    assert_eq!((b0.consensus, b0.dissent, b0.skipped), (1, 1, 1));
    assert_eq!(b0.settled(), 3);
    assert_eq!(b0.points, b0.open + 3);
    assert_eq!(
        sum.blocks.iter().map(|b| b.points).sum::<usize>(),
        fw.point_count()
    );
    assert_eq!(sum.open_dissent, 1);
    assert_eq!(
        (sum.open_actions, sum.overdue_actions),
        (3, 1),
        "due today is not overdue"
    );
    let d = sum.decision.as_ref().unwrap();
    assert_eq!(d.outcome, Outcome::NoGo);
    assert_eq!(d.workshop, 3);
    assert_eq!(d.date, Some(date(2026, 11, 20)));
    assert!(d.route.as_deref().is_some_and(|r| !r.is_empty()));
    assert!(d.revisit_overdue, "6 December is before 7 December");
    assert!(sum.overdue());
    let step = sum.steps.iter().find(|x| x.id == "1.1").unwrap();
    assert_eq!(step.seconds, 600);
    let cell = sum.points.iter().find(|p| p.id == "1.1.2").unwrap();
    assert_eq!(
        (cell.status, cell.reason.as_str()),
        (Status::Dissent, "geen geld")
    );
}

#[test]
fn a_future_revisit_and_an_area_without_vote_are_not_overdue() {
    let fw = Framework::builtin();
    let mut s = session(&fw, "Zuid", "Kleinstad", 1, date(2026, 10, 1));
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Community,
            text: String::new(),
            id: None,
        }),
        revisit: Some(date(2027, 3, 1)),
        deferred_because: None,
        ..Default::default()
    };
    vote(&mut s, [Choice::NoGo, Choice::NoGo], closing);
    let sum = summary(&s, &fw);
    assert!(!sum.decision.as_ref().unwrap().revisit_overdue);
    assert!(!sum.overdue());
    let none = summary(&session(&fw, "Oost", "Elders", 0, TODAY), &fw);
    assert_eq!(none.decision, None);
    assert_eq!((none.workshops, none.last_workshop), (0, None));
    assert_eq!(none.block_reached, 0);
}

#[test]
fn the_heatmap_counts_the_statuses_and_names_trouble_with_its_reasons() {
    let fw = Framework::builtin();
    let own = Framework::parse(OWN, "own.toml").unwrap();
    let mut areas = Vec::new();
    for (i, st) in [
        Status::Dissent,
        Status::Dissent,
        Status::Skipped,
        Status::Consensus,
    ]
    .into_iter()
    .enumerate()
    {
        let mut s = session(&fw, &format!("Wijk {i}"), "Stad", 1, TODAY);
        let a = s.parties[0].id;
        let dissenters = if st == Status::Dissent {
            vec![a]
        } else {
            vec![]
        };
        s.set_status("1.2.1", st, dissenters, &format!("reden {i}"), ts(1));
        crate::timing::add_time(&mut s, "1.1.1", 100 * (i as u64 + 1));
        areas.push(summary(&s, &fw));
    }
    // an area on its own framework, with dissent on its own point
    let mut o = session(&own, "Kleinstad Noord", "Stad", 1, TODAY);
    let a = o.parties[0].id;
    o.set_status("K1.1.1", Status::Dissent, vec![a], "eigen", ts(1));
    areas.push(summary(&o, &own));
    let ov = Overview::build(areas, &fw.id, TODAY);
    assert_eq!(ov.areas.len(), 5);
    assert_eq!(ov.comparisons.len(), 2);
    let std = &ov.comparisons[0];
    assert!(std.standard && std.framework_id == fw.id);
    assert_eq!(
        std.areas.len(),
        4,
        "the own framework is not compared with the standard"
    );
    assert_eq!(std.points.len(), fw.point_count());
    let col = std.points.iter().find(|c| c.id == "1.2.1").unwrap();
    assert_eq!(col.counts, [0, 1, 2, 1]);
    assert_eq!(col.statuses.len(), 4);
    let other = std.points.iter().find(|c| c.id == "1.1.1").unwrap();
    assert_eq!(other.counts, [4, 0, 0, 0]);
    // every column's counts add up to the areas
    assert!(
        std.points
            .iter()
            .all(|c| c.counts.iter().sum::<usize>() == 4)
    );
    assert_eq!(std.trouble.len(), 1);
    let t = &std.trouble[0];
    assert_eq!((t.id.as_str(), t.dissent, t.skipped), ("1.2.1", 2, 1));
    let reasons: Vec<&str> = t.reasons.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["reden 0", "reden 1", "reden 2"]);
    // median over the areas that spent time: 100, 200, 300, 400 → 250
    let m = std.step_medians.iter().find(|m| m.id == "1.1").unwrap();
    assert_eq!((m.median_seconds, m.areas), (250, 4));
    let own_cmp = &ov.comparisons[1];
    assert!(!own_cmp.standard);
    assert_eq!(own_cmp.framework_id, "kleinstad-kader");
    assert_eq!(own_cmp.areas.len(), 1);
    assert!(own_cmp.points.iter().all(|c| c.id.starts_with('K')));
    assert!(own_cmp.trouble.is_empty(), "one area is not many");
}

#[test]
fn sorting_and_selecting_by_municipality() {
    let fw = Framework::builtin();
    let mut a = session(&fw, "Alfa", "Stad", 1, date(2026, 1, 1));
    let mut b = session(&fw, "beta", "stad ", 2, date(2026, 6, 1));
    let c = session(&fw, "Gamma", "Dorp", 1, date(2026, 3, 1));
    b.cursor = fw.point_at(fw.first_of_step(2, 0)).id.clone();
    // the block reached is where the next workshop resumes: blocks 1 and 2
    // of "beta" are decided
    for (_, _, p) in fw.iter_points().filter(|(pos, _, _)| pos.block < 2) {
        b.set_status(&p.id, Status::Consensus, vec![], "", ts(1));
    }
    a.add_action("1.1.1", "x", None, Some(date(2026, 1, 2)), ts(1));
    vote(
        &mut b,
        [Choice::NoGo, Choice::NoGo],
        Closing {
            revisit: Some(date(2026, 7, 1)),
            ..Closing::default()
        },
    );
    let areas = vec![summary(&c, &fw), summary(&b, &fw), summary(&a, &fw)];
    let ov = Overview::build(areas, &fw.id, TODAY);
    let names = |idx: Vec<usize>| -> Vec<String> {
        idx.iter()
            .map(|&i| ov.areas[i].label().to_string())
            .collect()
    };
    assert_eq!(
        names(ordered(&ov.areas, SortKey::Area, None)),
        ["Alfa", "beta", "Gamma"]
    );
    assert_eq!(
        names(ordered(&ov.areas, SortKey::Block, None)),
        ["beta", "Alfa", "Gamma"]
    );
    assert_eq!(
        names(ordered(&ov.areas, SortKey::LastWorkshop, None)),
        ["beta", "Gamma", "Alfa"]
    );
    assert_eq!(
        names(ordered(&ov.areas, SortKey::Overdue, None)),
        ["beta", "Alfa", "Gamma"],
        "an overdue revisit first, then overdue actions"
    );
    assert_eq!(
        names(ordered(&ov.areas, SortKey::Area, Some("STAD"))),
        ["Alfa", "beta"]
    );
    assert_eq!(municipalities(&ov.areas), ["Dorp", "Stad"]);
    let only = ov.clone().select("dorp");
    assert_eq!(only.areas.len(), 1);
    assert_eq!(only.comparisons[0].areas, [0]);
    assert_eq!(SortKey::Overdue.next(), SortKey::Area);
}

#[test]
fn the_median_of_even_and_odd_counts() {
    assert_eq!(compare::median(&mut []), 0);
    assert_eq!(compare::median(&mut [5]), 5);
    assert_eq!(compare::median(&mut [9, 1, 5]), 5);
    assert_eq!(compare::median(&mut [1, 2]), 1);
    assert_eq!(compare::median(&mut [3, 5]), 4);
    assert_eq!(compare::median(&mut [u64::MAX, u64::MAX]), u64::MAX);
}
