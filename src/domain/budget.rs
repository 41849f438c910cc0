//! The agenda of a workshop with a time budget (issue 26): before a
//! workshop the facilitator plans which steps it covers, each with its
//! minutes, and its start and end; while it runs, the step's time against
//! its budget, the planned end, and the end to expect at the pace so far.
//! Every rule of that arithmetic lives here once (near and over budget, the
//! default split of a workshop's length over its steps, the expected end,
//! the minutes per point left); the screens, the beamer and the documents
//! call it. Times come in as arguments: tests use any clock.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::framework::{Framework, Pos};
use crate::session::{Session, Status};

/// The length of a workshop when its plan names no start and end: two hours.
pub const DEFAULT_MINUTES: u32 = 120;

/// Minutes per open point assumed when steps are picked for a plan by
/// default: as many steps as their open points fit at this pace.
pub const SUGGEST_MINUTES_PER_POINT: u32 = 10;

/// A budget is "near" from this share of it on (4/5: 80%).
const NEAR: (u64, u64) = (4, 5);

/// The plan of one workshop: its steps with their budgets, and when it is
/// to start and end. Made before the workshop (or changed while it runs),
/// kept in the session with the number of the workshop it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopPlan {
    /// The workshop it is for.
    pub workshop: u32,
    /// The day it is planned on (for the invitation); the workshop's own
    /// date counts once it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
    /// The steps it covers, in the order of the framework, with their minutes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepBudget>,
    /// When it was planned.
    pub at: Timestamp,
}

/// One step of a plan and its budget in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepBudget {
    /// The step's id ("1.4").
    pub step: String,
    pub minutes: u32,
}

impl WorkshopPlan {
    /// Minutes from its start to its end, when it names both and the end
    /// comes later.
    pub fn length(&self) -> Option<u32> {
        let (start, end) = (self.start?, self.end?);
        let secs = end.duration_since(start).as_secs();
        (secs > 0).then(|| u32::try_from(secs / 60).unwrap_or(u32::MAX))
    }

    /// The minutes of all its steps together.
    pub fn total(&self) -> u32 {
        self.steps
            .iter()
            .fold(0u32, |sum, b| sum.saturating_add(b.minutes))
    }

    /// The budget of a step, when the plan covers it.
    pub fn budget(&self, step: &str) -> Option<u32> {
        self.steps
            .iter()
            .find(|b| b.step == step)
            .map(|b| b.minutes)
    }

    /// The ids of its steps, in order.
    pub fn step_ids(&self) -> Vec<&str> {
        self.steps.iter().map(|b| b.step.as_str()).collect()
    }
}

/// Where a step is in the framework (block, step), by its id.
pub fn find_step(fw: &Framework, id: &str) -> Option<(usize, usize)> {
    fw.blocks
        .iter()
        .enumerate()
        .find_map(|(bi, b)| b.steps.iter().position(|st| st.id == id).map(|si| (bi, si)))
}

/// The position of a step's first point (the framework has no step without
/// points).
pub fn step_pos(fw: &Framework, id: &str) -> Option<Pos> {
    let (b, s) = find_step(fw, id)?;
    Some(fw.pos_at(fw.first_of_step(b, s)))
}

/// Whether a point is still to be discussed: no record, or open.
fn is_open(s: &Session, point: &str) -> bool {
    s.record(point).is_none_or(|r| r.status == Status::Open)
}

/// The points of a step still to be discussed.
pub fn open_points(fw: &Framework, s: &Session, step: &str) -> usize {
    let Some((b, i)) = find_step(fw, step) else {
        return 0;
    };
    fw.blocks[b].steps[i]
        .points
        .iter()
        .filter(|p| is_open(s, &p.id))
        .count()
}

/// Split `minutes` over parts by their `weights` (largest remainder, so the
/// parts add up to `minutes`), each part at least one minute. An all-zero
/// list of weights splits evenly.
pub fn split(minutes: u32, weights: &[u32]) -> Vec<u32> {
    if weights.is_empty() {
        return Vec::new();
    }
    let w: Vec<u64> = if weights.iter().all(|&x| x == 0) {
        vec![1; weights.len()]
    } else {
        weights.iter().map(|&x| u64::from(x)).collect()
    };
    let sum: u64 = w.iter().sum();
    let total = u64::from(minutes);
    let mut parts: Vec<u64> = w.iter().map(|x| total * x / sum).collect();
    let mut left = total - parts.iter().sum::<u64>();
    // the largest remainders get the minutes the division left over
    let mut order: Vec<usize> = (0..w.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(total * w[i] % sum));
    for &i in order.iter().cycle().take(w.len()) {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
        .into_iter()
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX).max(1))
        .collect()
}

/// The steps a plan takes by default: from the step of the cursor on, the
/// steps with points still open, as many as fit in `minutes` at
/// [`SUGGEST_MINUTES_PER_POINT`] (at least one).
pub fn suggest_steps(fw: &Framework, s: &Session, minutes: u32) -> Vec<String> {
    let at = fw.pos_of(&s.cursor).unwrap_or_else(|| fw.pos_at(0));
    let steps = fw.blocks.iter().enumerate().flat_map(|(bi, b)| {
        b.steps
            .iter()
            .enumerate()
            .map(move |(si, st)| ((bi, si), st))
    });
    let mut out: Vec<String> = Vec::new();
    let mut used = 0u32;
    for (_, step) in steps.filter(|(here, _)| *here >= (at.block, at.step)) {
        let open = open_points(fw, s, &step.id) as u32;
        if open == 0 {
            continue;
        }
        let need = open.saturating_mul(SUGGEST_MINUTES_PER_POINT);
        if !out.is_empty() && used.saturating_add(need) > minutes {
            break;
        }
        used = used.saturating_add(need);
        out.push(step.id.clone());
    }
    out
}

/// Budgets for `steps`: `minutes` split by their open points (a step with
/// none counts as one point), each at least a minute.
pub fn default_budgets(
    fw: &Framework,
    s: &Session,
    steps: &[String],
    minutes: u32,
) -> Vec<StepBudget> {
    let weights: Vec<u32> = steps
        .iter()
        .map(|id| (open_points(fw, s, id) as u32).max(1))
        .collect();
    steps
        .iter()
        .zip(split(minutes, &weights))
        .map(|(step, minutes)| StepBudget {
            step: step.clone(),
            minutes,
        })
        .collect()
}

impl Session {
    /// The plan of workshop `n`.
    pub fn plan_for(&self, n: u32) -> Option<&WorkshopPlan> {
        self.plans.iter().find(|p| p.workshop == n)
    }

    /// The workshop a plan made now is for: the one that runs, else the next.
    pub fn plan_target(&self) -> u32 {
        match self.workshops.last() {
            Some(w) if w.ended.is_none() => w.number,
            _ => self.workshop_number().saturating_add(1),
        }
    }

    /// The plan of the workshop that runs (not of one that ended).
    pub fn running_plan(&self) -> Option<&WorkshopPlan> {
        let w = self.workshops.last().filter(|w| w.ended.is_none())?;
        self.plan_for(w.number)
    }

    /// Keep `plan` as the plan of its workshop (replacing an earlier one).
    pub fn set_plan(&mut self, plan: WorkshopPlan) {
        self.plans.retain(|p| p.workshop != plan.workshop);
        self.plans.push(plan);
        self.plans.sort_by_key(|p| p.workshop);
    }

    /// Drop the plan of workshop `n`; returns whether there was one.
    pub fn clear_plan(&mut self, n: u32) -> bool {
        let before = self.plans.len();
        self.plans.retain(|p| p.workshop != n);
        self.plans.len() != before
    }
}

/// How the time spent compares with a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// No budget.
    Unplanned,
    /// Less than 80% of the budget used.
    Within,
    /// 80% of the budget or more.
    Near,
    /// Past the budget.
    Over,
}

/// The one rule for a budget: over past it, near from 80% on.
pub fn pace(budget_secs: u64, spent_secs: u64) -> Pace {
    if spent_secs > budget_secs {
        Pace::Over
    } else if spent_secs.saturating_mul(NEAR.1) >= budget_secs.saturating_mul(NEAR.0) {
        Pace::Near
    } else {
        Pace::Within
    }
}

/// The time of one step against its budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepProgress {
    pub step: String,
    pub budget_secs: u64,
    pub spent_secs: u64,
    pub pace: Pace,
    /// The budget is the running workshop's plan (else the framework's
    /// planned minutes against the step's time over all workshops).
    pub planned_here: bool,
}

/// The step of `pos` against its budget: the running workshop's plan, with
/// the time spent in this workshop; else the framework's planned minutes,
/// with the time over all workshops; `None` when neither plans it.
/// `running`: seconds on the current point's timer not stored yet.
pub fn step_progress(fw: &Framework, s: &Session, pos: Pos, running: u64) -> Option<StepProgress> {
    let step = fw.step_at(pos);
    let here = s
        .running_plan()
        .and_then(|p| p.budget(&step.id))
        .zip(s.workshops.last().map(|w| w.number));
    let (minutes, spent, planned_here) = match here {
        Some((minutes, n)) => (minutes, crate::timing::step_seconds_in(fw, s, pos, n), true),
        None => (
            step.planned_minutes?,
            crate::timing::step_seconds(fw, s, pos),
            false,
        ),
    };
    let spent = spent.saturating_add(running);
    let budget = u64::from(minutes) * 60;
    Some(StepProgress {
        step: step.id.clone(),
        budget_secs: budget,
        spent_secs: spent,
        pace: pace(budget, spent),
        planned_here,
    })
}

/// The pace of the step of `pos` (see [`step_progress`]).
pub fn step_pace(fw: &Framework, s: &Session, pos: Pos, running: u64) -> Pace {
    step_progress(fw, s, pos, running).map_or(Pace::Unplanned, |p| p.pace)
}

/// Where the running workshop stands against its planned end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// The expected end is not after the planned end.
    OnTime,
    /// At the pace so far it ends after the planned end.
    Late,
    /// The planned end has passed with points still open.
    Past,
}

/// The running workshop against its plan, at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The cursor's step, when the plan covers it.
    pub step: Option<StepProgress>,
    pub planned_end: Timestamp,
    /// Now plus the points left at the pace so far (before any point is
    /// done: at the plan's pace).
    pub expected_end: Timestamp,
    /// Seconds to the planned end (negative past it).
    pub secs_left: i64,
    /// Points of the planned steps still open.
    pub points_left: usize,
    /// Points of the planned steps decided in this workshop.
    pub points_done: usize,
    pub lateness: Lateness,
}

impl Progress {
    /// Whole minutes to the planned end (rounded down; 0 past it).
    pub fn minutes_left(&self) -> u64 {
        (self.secs_left.max(0) as u64) / 60
    }

    /// Minutes per open point to end on time, rounded to the nearest
    /// minute; `None` with no point left or no time left.
    pub fn minutes_per_point(&self) -> Option<u64> {
        if self.points_left == 0 || self.secs_left <= 0 {
            return None;
        }
        let per = self.secs_left as u64 / self.points_left as u64;
        Some((per + 30) / 60)
    }

    /// Whole minutes the expected end lies after the planned end (0 when not).
    pub fn minutes_late(&self) -> u64 {
        let d = self.expected_end.as_second() - self.planned_end.as_second();
        (d.max(0) as u64) / 60
    }
}

/// The planned end of the running workshop: the plan's end on the
/// workshop's day (in `tz`); without one, its start plus all budgets.
pub fn planned_end(s: &Session, plan: &WorkshopPlan, tz: &TimeZone) -> Option<Timestamp> {
    let w = s.workshops.iter().find(|w| w.number == plan.workshop)?;
    if let Some(end) = plan.end {
        let at = w.date.to_datetime(end).to_zoned(tz.clone()).ok()?;
        return Some(at.timestamp());
    }
    let secs = i64::from(plan.total()) * 60;
    Timestamp::from_second(w.started.as_second().saturating_add(secs)).ok()
}

/// The running workshop against its plan at `now` (`running`: seconds on
/// the current point's timer not stored yet); `None` without a running
/// workshop that has a plan.
pub fn progress(
    fw: &Framework,
    s: &Session,
    now: Timestamp,
    running: u64,
    tz: &TimeZone,
) -> Option<Progress> {
    let plan = s.running_plan()?;
    let w = s.workshops.last()?;
    let planned_end = planned_end(s, plan, tz)?;
    let (mut left, mut done) = (0usize, 0usize);
    for b in &plan.steps {
        let Some((bi, si)) = find_step(fw, &b.step) else {
            continue;
        };
        for p in &fw.blocks[bi].steps[si].points {
            match s.record(&p.id) {
                None => left += 1,
                Some(r) if r.status == Status::Open => left += 1,
                Some(r) if r.history.iter().any(|h| h.workshop == w.number) => done += 1,
                Some(_) => {}
            }
        }
    }
    let elapsed = (now.as_second() - w.started.as_second()).max(0) as u64;
    let per_point = if done > 0 {
        elapsed / done as u64
    } else {
        u64::from(plan.total()) * 60 / (left + done).max(1) as u64
    };
    let ahead = per_point.saturating_mul(left as u64);
    let expected_end = Timestamp::from_second(
        now.as_second()
            .saturating_add(i64::try_from(ahead).unwrap_or(i64::MAX / 2)),
    )
    .unwrap_or(now);
    let secs_left = planned_end.as_second() - now.as_second();
    let lateness = if secs_left < 0 && left > 0 {
        Lateness::Past
    } else if expected_end.as_second() - planned_end.as_second() >= 60 {
        Lateness::Late
    } else {
        Lateness::OnTime
    };
    let pos = fw.pos_of(&s.cursor)?;
    let step = step_progress(fw, s, pos, running).filter(|p| p.planned_here);
    Some(Progress {
        step,
        planned_end,
        expected_end,
        secs_left,
        points_left: left,
        points_done: done,
        lateness,
    })
}

/// What became of a planned step in its workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepDone {
    /// Discussed, and none of its points is open any more.
    All,
    /// Discussed, with points still open.
    Part,
    /// Not discussed.
    No,
}

/// The steps planned for workshop `n`, each with what became of it (from
/// the journal: the points discussed in it; see
/// [`crate::timing::steps_touched`]); empty without a plan.
pub fn planned_done(fw: &Framework, s: &Session, n: u32) -> Vec<(String, StepDone)> {
    let Some(plan) = s.plan_for(n) else {
        return Vec::new();
    };
    let touched = crate::timing::steps_touched(fw, s, n);
    plan.steps
        .iter()
        .map(|b| {
            let here = touched.iter().any(|t| fw.step_at(t.pos).id == b.step);
            let done = match (here, open_points(fw, s, &b.step)) {
                (false, _) => StepDone::No,
                (true, 0) => StepDone::All,
                (true, _) => StepDone::Part,
            };
            (b.step.clone(), done)
        })
        .collect()
}

#[cfg(test)]
#[path = "budget_tests.rs"]
mod tests;
