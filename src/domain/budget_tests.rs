//! The budget arithmetic with a made-up clock: no test waits.

use super::*;
use crate::session::Status;
use jiff::civil::time;

/// 13:00 UTC on the workshop's day, plus `min` minutes.
fn at(min: i64) -> Timestamp {
    // 2026-12-07 13:00:00 UTC
    Timestamp::from_second(1_796_648_400 + min * 60).unwrap()
}

fn utc() -> TimeZone {
    TimeZone::UTC
}

/// A session whose workshop 1 started at 13:00 with a plan for steps 1.1
/// (4 points) and 1.2 (5 points) from 13:00 to 14:00.
fn planned(budgets: &[(&str, u32)]) -> (Framework, Session) {
    let fw = Framework::builtin();
    let mut s = Session::new("Plan", &fw, at(-60));
    s.add_party("A", "", "");
    s.start_workshop(&[1], at(0));
    s.set_plan(WorkshopPlan {
        workshop: 1,
        date: None,
        start: Some(time(13, 0, 0, 0)),
        end: Some(time(14, 0, 0, 0)),
        steps: budgets
            .iter()
            .map(|(step, minutes)| StepBudget {
                step: step.to_string(),
                minutes: *minutes,
            })
            .collect(),
        at: at(-30),
    });
    (fw, s)
}

fn decide(s: &mut Session, point: &str, minute: i64, secs: u64) {
    s.set_status(point, Status::Consensus, vec![], "", at(minute));
    crate::timing::add_time(s, point, secs);
}

#[test]
fn near_from_four_fifths_over_past_the_budget() {
    assert_eq!(pace(600, 0), Pace::Within);
    assert_eq!(pace(600, 479), Pace::Within);
    assert_eq!(pace(600, 480), Pace::Near);
    assert_eq!(pace(600, 600), Pace::Near, "the budget itself is not over");
    assert_eq!(pace(600, 601), Pace::Over);
    assert_eq!(pace(0, 1), Pace::Over);
    assert_eq!(pace(u64::MAX, u64::MAX), Pace::Near, "no overflow");
}

#[test]
fn a_length_is_split_by_points_and_adds_up() {
    assert_eq!(split(60, &[4, 5]), vec![27, 33]);
    assert_eq!(split(60, &[4, 5]).iter().sum::<u32>(), 60);
    assert_eq!(split(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(split(0, &[3, 1]), vec![1, 1], "never a step of no minutes");
    assert_eq!(split(7, &[0, 0]), vec![4, 3], "no weights: evenly");
    assert!(split(30, &[]).is_empty());
    assert_eq!(
        split(u32::MAX, &[1, 1])
            .iter()
            .map(|&m| u64::from(m))
            .sum::<u64>(),
        u64::from(u32::MAX)
    );
}

#[test]
fn the_default_plan_takes_the_steps_that_fit_from_the_cursor_on() {
    let (fw, mut s) = planned(&[]);
    // 1.1 has 4 points, 1.2 has 5: at 10 minutes a point, an hour holds 1.1 only
    assert_eq!(suggest_steps(&fw, &s, 60), vec!["1.1"]);
    assert_eq!(suggest_steps(&fw, &s, 90), vec!["1.1", "1.2"]);
    // a step that is all decided is left out; the cursor's step comes first
    for p in ["1.1.1", "1.1.2", "1.1.3", "1.1.4"] {
        decide(&mut s, p, 1, 0);
    }
    assert_eq!(suggest_steps(&fw, &s, 50), vec!["1.2"]);
    s.cursor = "1.3.1".into();
    assert_eq!(suggest_steps(&fw, &s, 1), vec!["1.3"], "at least one step");
    let b = default_budgets(&fw, &s, &["1.2".into(), "1.3".into()], 70);
    assert_eq!(b[0].minutes + b[1].minutes, 70);
    assert_eq!(
        (b[0].minutes, b[1].minutes),
        (50, 20),
        "5 and 2 open points"
    );
}

#[test]
fn a_plan_is_kept_per_workshop_and_replaced() {
    let (_, mut s) = planned(&[("1.1", 30)]);
    assert_eq!(s.plan_target(), 1, "the running workshop");
    assert_eq!(s.running_plan().unwrap().budget("1.1"), Some(30));
    let mut next = s.plan_for(1).unwrap().clone();
    next.steps[0].minutes = 20;
    s.set_plan(next);
    assert_eq!(s.plans.len(), 1);
    assert_eq!(s.plan_for(1).unwrap().total(), 20);
    assert_eq!(s.plan_for(1).unwrap().length(), Some(60));
    s.end_workshop(at(60));
    assert_eq!(s.plan_target(), 2, "after the end: the next one");
    assert!(s.running_plan().is_none());
    assert!(s.clear_plan(1));
    assert!(!s.clear_plan(1));
}

#[test]
fn the_step_is_measured_in_this_workshop_against_the_plan() {
    let (fw, mut s) = planned(&[("1.1", 10), ("1.2", 20)]);
    let pos = fw.pos_of("1.1.1").unwrap();
    let p = step_progress(&fw, &s, pos, 0).unwrap();
    assert!(p.planned_here);
    assert_eq!(
        (p.budget_secs, p.spent_secs, p.pace),
        (600, 0, Pace::Within)
    );
    // eight minutes on the running timer: near; a point of the step with 3 more: over
    assert_eq!(step_pace(&fw, &s, pos, 480), Pace::Near);
    crate::timing::add_time(&mut s, "1.1.2", 180);
    assert_eq!(step_pace(&fw, &s, pos, 480), Pace::Over);
    // a step the plan does not cover, and the framework does not plan: none
    assert_eq!(
        step_pace(&fw, &s, fw.pos_of("1.3.1").unwrap(), 0),
        Pace::Unplanned
    );
}

#[test]
fn the_framework_plan_counts_when_the_workshop_has_none() {
    let (mut fw, mut s) = planned(&[]);
    s.plans.clear();
    fw.blocks[0].steps[0].planned_minutes = Some(10);
    let pos = fw.pos_at(0);
    assert_eq!(step_pace(&fw, &s, pos, 0), Pace::Within);
    s.points.entry("1.1.2".into()).or_default().seconds = 601;
    assert_eq!(step_pace(&fw, &s, pos, 0), Pace::Over);
    assert_eq!(step_pace(&fw, &s, pos, u64::MAX), Pace::Over, "no overflow");
    assert!(!step_progress(&fw, &s, pos, 0).unwrap().planned_here);
}

#[test]
fn the_expected_end_follows_the_pace_so_far() {
    // 1.1 and 1.2: nine points in an hour
    let (fw, mut s) = planned(&[("1.1", 25), ("1.2", 35)]);
    let tz = utc();
    // at the start, before any point: the plan's own pace (60 min / 9 points)
    let p = progress(&fw, &s, at(0), 0, &tz).unwrap();
    assert_eq!(p.planned_end, at(60));
    assert_eq!((p.points_left, p.points_done), (9, 0));
    assert_eq!(p.expected_end, at(60));
    assert_eq!(p.lateness, Lateness::OnTime);
    assert_eq!(p.minutes_left(), 60);
    assert_eq!(p.minutes_per_point(), Some(7), "60/9 = 6.7");
    // 25 minutes in, three points done: 25/3 min a point, six left: 50 more
    decide(&mut s, "1.1.1", 10, 600);
    decide(&mut s, "1.1.2", 18, 480);
    decide(&mut s, "1.1.3", 25, 420);
    let p = progress(&fw, &s, at(25), 0, &tz).unwrap();
    assert_eq!((p.points_left, p.points_done), (6, 3));
    assert_eq!(p.expected_end, at(75));
    assert_eq!(p.lateness, Lateness::Late);
    assert_eq!(p.minutes_late(), 15);
    // "nog 35 min voor 6 punten: 6 min per punt"
    assert_eq!(p.minutes_left(), 35);
    assert_eq!(p.minutes_per_point(), Some(6));
    // the cursor's step against its budget, in this workshop
    s.cursor = "1.1.4".into();
    let p = progress(&fw, &s, at(25), 0, &tz).unwrap();
    let step = p.step.unwrap();
    assert_eq!(
        (step.step.as_str(), step.spent_secs, step.pace),
        ("1.1", 1500, Pace::Near)
    );
    // past the planned end with points open
    let p = progress(&fw, &s, at(61), 0, &tz).unwrap();
    assert_eq!(p.lateness, Lateness::Past);
    assert_eq!(p.minutes_left(), 0);
    assert_eq!(p.minutes_per_point(), None);
}

#[test]
fn points_decided_before_the_workshop_are_not_left_nor_done() {
    let (fw, mut s) = planned(&[("1.1", 60)]);
    // 1.1.1 was decided in an earlier workshop (its history says 0 here)
    s.set_status("1.1.1", Status::Consensus, vec![], "", at(-30));
    s.points.get_mut("1.1.1").unwrap().history[0].workshop = 0;
    let p = progress(&fw, &s, at(10), 0, &utc()).unwrap();
    assert_eq!((p.points_left, p.points_done), (3, 0));
    // a point reopened in this workshop is left again
    decide(&mut s, "1.1.2", 5, 0);
    s.set_status("1.1.2", Status::Open, vec![], "", at(6));
    let p = progress(&fw, &s, at(10), 0, &utc()).unwrap();
    assert_eq!((p.points_left, p.points_done), (3, 0));
}

#[test]
fn without_an_end_the_plan_ends_after_its_budgets() {
    let (fw, mut s) = planned(&[("1.1", 40), ("1.2", 30)]);
    let mut plan = s.plan_for(1).unwrap().clone();
    plan.start = None;
    plan.end = None;
    s.set_plan(plan);
    assert_eq!(s.plan_for(1).unwrap().length(), None);
    let p = progress(&fw, &s, at(5), 0, &utc()).unwrap();
    assert_eq!(p.planned_end, at(70));
    // in another time zone the same plan names the same wall clock
    let (fw, s) = planned(&[("1.1", 60)]);
    let ams = TimeZone::get("Europe/Amsterdam").unwrap_or(TimeZone::fixed(jiff::tz::offset(1)));
    let p = progress(&fw, &s, at(0), 0, &ams).unwrap();
    assert_eq!(
        p.planned_end,
        at(0),
        "14:00 in Amsterdam is 13:00 UTC in December"
    );
}

#[test]
fn no_progress_without_a_running_plan() {
    let (fw, mut s) = planned(&[("1.1", 30)]);
    s.plans.clear();
    assert!(progress(&fw, &s, at(1), 0, &utc()).is_none());
}

#[test]
fn the_recap_says_which_planned_steps_were_done() {
    let (fw, mut s) = planned(&[("1.1", 20), ("1.2", 20), ("1.3", 20)]);
    for p in ["1.1.1", "1.1.2", "1.1.3", "1.1.4"] {
        decide(&mut s, p, 5, 120);
    }
    decide(&mut s, "1.2.1", 30, 120);
    let done = planned_done(&fw, &s, 1);
    assert_eq!(
        done,
        vec![
            ("1.1".to_string(), StepDone::All),
            ("1.2".to_string(), StepDone::Part),
            ("1.3".to_string(), StepDone::No),
        ]
    );
    assert!(planned_done(&fw, &s, 2).is_empty(), "no plan, nothing said");
}
