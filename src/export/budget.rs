//! The plan of a workshop in the documents (issue 26): time per step in
//! the minutes, planned against spent (the time of a workshop comes from
//! its events in the journal); the planned steps with their budgets and
//! clock times in the agenda of the next workshop; the plan in `log`.

use jiff::civil::Time;

use super::doc::{Ctx, Node, b, t, table};
use crate::domain::budget::{Pace, WorkshopPlan, find_step, pace, step_pos};
use crate::i18n::{Lang, fill};
use crate::session::{Session, Status};

fn hm(t: Time) -> String {
    t.strftime("%H:%M").to_string()
}

/// "14-12-2026, 13:00–15:00", "13:00–15:00" or "14-12-2026"; empty when
/// the plan names neither.
pub fn plan_when(plan: &WorkshopPlan, lang: Lang) -> String {
    let times = match (plan.start, plan.end) {
        (Some(s), Some(e)) => Some(fill(lang.plan().from_to, &[&hm(s), &hm(e)])),
        _ => None,
    };
    match (plan.date, times) {
        (Some(d), Some(times)) => format!("{}, {times}", lang.date(d)),
        (Some(d), None) => lang.date(d),
        (None, Some(times)) => times,
        (None, None) => String::new(),
    }
}

/// Time per step of workshop `number`: the points discussed and the time
/// spent in it, against the plan of the workshop (its budgets, and
/// whether the step kept to it) or, without one, the framework's planned
/// minutes. The steps planned but not discussed are listed too.
pub(super) fn time_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    let p = c.lang.plan();
    let mut steps = crate::timing::steps_touched(c.fw, c.sess, number);
    let plan = c.sess.plan_for(number);
    if let Some(plan) = plan {
        for b in &plan.steps {
            let Some(pos) = step_pos(c.fw, &b.step) else {
                continue;
            };
            if !steps.iter().any(|st| c.fw.step_at(st.pos).id == b.step) {
                steps.push(crate::timing::StepTouched {
                    pos,
                    points: Vec::new(),
                });
            }
        }
        steps.sort_by_key(|st| st.pos.flat);
    }
    if steps.is_empty() {
        return;
    }
    out.push(Node::Heading(level, vec![t(s.ex_time_per_step)]));
    if let Some(plan) = plan {
        let mut line = vec![b(format!("{}:", p.ex_plan)), t(" ")];
        let when = plan_when(plan, c.lang);
        let total = fill(s.ex_minutes, &[&plan.total().to_string()]);
        line.push(t(if when.is_empty() {
            total
        } else {
            format!("{when} · {total}")
        }));
        out.push(Node::Para(line));
    }
    let framework_planned = steps
        .iter()
        .any(|st| c.fw.step_at(st.pos).planned_minutes.is_some());
    let rows = steps
        .iter()
        .map(|st| {
            let step = c.fw.step_at(st.pos);
            let spent = crate::timing::step_seconds_in(c.fw, c.sess, st.pos, number);
            let budget = match plan {
                Some(pl) => pl.budget(&step.id),
                None => step.planned_minutes,
            };
            let mut row = vec![
                vec![t(format!("{} {}", step.id, step.title))],
                vec![t(st.points.len().to_string())],
                vec![t(crate::timing::duration_text(spent))],
                vec![t(budget
                    .map(|m| fill(s.ex_minutes, &[&m.to_string()]))
                    .unwrap_or_default())],
            ];
            if plan.is_some() {
                row.push(vec![t(kept(c, st.points.is_empty(), budget, spent))]);
            }
            row
        })
        .collect::<Vec<_>>();
    match (plan.is_some(), framework_planned) {
        (true, _) => out.push(table(
            &[
                s.step,
                s.ex_points_count,
                s.ex_time,
                s.ex_planned,
                p.ex_budget,
            ],
            rows,
        )),
        (false, true) => out.push(table(
            &[s.step, s.ex_points_count, s.ex_time, s.ex_planned],
            rows,
        )),
        (false, false) => {
            let rows = rows.into_iter().map(|mut r| {
                r.pop();
                r
            });
            out.push(table(
                &[s.step, s.ex_points_count, s.ex_time],
                rows.collect(),
            ));
        }
    }
}

/// Whether a step kept to its budget, in words: "✓ binnen budget", "✖ over
/// (+05:00)", "niet besproken"; empty for a step the plan did not cover.
fn kept(c: &Ctx, untouched: bool, budget: Option<u32>, spent: u64) -> String {
    let p = c.lang.plan();
    let Some(minutes) = budget else {
        return String::new();
    };
    if untouched && spent == 0 {
        return p.ex_not_discussed.to_string();
    }
    let budget = u64::from(minutes) * 60;
    match pace(budget, spent) {
        Pace::Over => format!(
            "✖ {}",
            fill(
                p.ex_over_by,
                &[&crate::timing::duration_text(spent - budget)]
            )
        ),
        _ => p.pace_within.to_string(),
    }
}

/// The agenda's "Datum en tijd" from the plan of the next workshop, when
/// it names a day or times.
pub(super) fn agenda_when(c: &Ctx, plan: &WorkshopPlan) -> Option<String> {
    let when = plan_when(plan, c.lang);
    if when.is_empty() {
        return None;
    }
    Some(match plan.date {
        Some(_) => when,
        None => format!("{}, {when}", c.lang.plan().date_to_fill),
    })
}

/// The planned steps in the agenda, in the plan's order: each with its
/// clock times from the plan's start (or its minutes alone), its title and
/// its points still open.
pub(super) fn agenda_steps(c: &Ctx, plan: &WorkshopPlan, out: &mut Vec<Node>) {
    let s = c.s;
    let mut clock = plan.start;
    let mut items = Vec::new();
    for st in &plan.steps {
        let Some((bi, si)) = find_step(c.fw, &st.step) else {
            continue;
        };
        let step = &c.fw.blocks[bi].steps[si];
        let minutes = fill(s.ex_minutes, &[&st.minutes.to_string()]);
        let mut line = Vec::new();
        if let Some(from) = clock {
            let to = from.wrapping_add(jiff::SignedDuration::from_mins(i64::from(st.minutes)));
            line.push(t(format!("{}–{} ", hm(from), hm(to))));
            clock = Some(to);
        }
        line.push(b(format!("{} {}", step.id, step.title)));
        line.push(t(format!(" ({minutes})")));
        let open: Vec<String> = step
            .points
            .iter()
            .filter(|p| {
                c.sess
                    .record(&p.id)
                    .is_none_or(|r| matches!(r.status, Status::Open | Status::Dissent))
            })
            .map(|p| p.id.clone())
            .collect();
        if !open.is_empty() {
            line.push(t(format!(
                " — {}",
                fill(
                    s.ag_open_points,
                    &[&open.len().to_string(), &open.join(", ")]
                )
            )));
        }
        items.push(line);
    }
    out.push(Node::List(items));
}

/// A plan made, changed or removed, in words for `log`.
pub(super) fn log_words(lang: Lang, was: &Session, now: &Session) -> Vec<String> {
    let p = lang.plan();
    let mut out = Vec::new();
    for plan in &now.plans {
        if was.plan_for(plan.workshop) == Some(plan) {
            continue;
        }
        let steps: Vec<String> = plan
            .steps
            .iter()
            .map(|b| format!("{} ({} min)", b.step, b.minutes))
            .collect();
        let mut what = steps.join(", ");
        let when = plan_when(plan, lang);
        if !when.is_empty() {
            what = format!("{when} · {what}");
        }
        out.push(fill(p.log_plan, &[&plan.workshop.to_string(), &what]));
    }
    for plan in &was.plans {
        if now.plan_for(plan.workshop).is_none() {
            out.push(fill(p.log_plan_gone, &[&plan.workshop.to_string()]));
        }
    }
    out
}
