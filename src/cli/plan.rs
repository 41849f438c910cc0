//! `wijktafel plan SESSION` (issue 26): the plan of the next workshop (or
//! of the one that runs) without the screen, for scripts and tests: which
//! steps, minutes per step, date, start and end. Steps named without
//! minutes share what the others leave of the workshop's length, by their
//! open points; no step named keeps the plan's steps, or takes the steps
//! that fit from the point the agenda resumes at. The plan is one event of
//! the journal, written with the file under the session's lock.

use jiff::civil::{Date, Time};

use super::args::Cli;
use super::carried::session_framework;
use super::failure::Failure;
use super::launch::open_store;
use super::output::write_stdout_bytes;
use crate::domain::budget::{
    DEFAULT_MINUTES, StepBudget, WorkshopPlan, default_budgets, find_step, open_points, split,
    suggest_steps,
};
use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::i18n::plan::PlanStrings;
use crate::i18n::{Lang, fill};
use crate::safe_text::shell_word;
use crate::session::Session;
use crate::store::{self, SessionLock};

/// The examples under `wijktafel plan --help`.
pub const EXAMPLES: &str = "Voorbeelden:\n  wijktafel plan \"De Horst\" --start 13:00 --end 15:00\n  wijktafel plan \"De Horst\" --start 13:00 --end 14:00 --step 1.1=25 --step 1.2=35\n  wijktafel plan \"De Horst\" --step 1.4=40 --step 1.5   (1.5 krijgt de rest)\n  wijktafel plan \"De Horst\" --show\n\nZonder --step houdt het plan zijn stappen, of neemt het de stappen met open punten die passen vanaf waar de agenda verdergaat. Op het beginscherm plant t de bijeenkomst ook.";

/// What `plan` is asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct PlanArgs {
    /// Naam, bestandsnaam of pad van de sessie
    pub session: String,
    /// Begin van de bijeenkomst, bijvoorbeeld 13:00
    #[arg(long, value_name = "UU:MM")]
    pub start: Option<String>,
    /// Einde van de bijeenkomst, bijvoorbeeld 15:00
    #[arg(long, value_name = "UU:MM")]
    pub end: Option<String>,
    /// De dag van de bijeenkomst (voor de uitnodiging): JJJJ-MM-DD of DD-MM-JJJJ
    #[arg(long, value_name = "DATUM")]
    pub date: Option<String>,
    /// Een stap met zijn minuten, 1.4=20; zonder minuten krijgt de stap zijn deel van de rest (herhaal per stap)
    #[arg(long = "step", value_name = "STAP=MIN")]
    pub steps: Vec<String>,
    /// Alleen het plan tonen, niets veranderen
    #[arg(long, conflicts_with_all = ["start", "end", "date", "steps", "clear"])]
    pub show: bool,
    /// Het plan van de bijeenkomst weghalen
    #[arg(long, conflicts_with_all = ["start", "end", "date", "steps"])]
    pub clear: bool,
}

/// `plan`: show, clear or make the plan, and say what it is.
pub fn run(cli: &Cli, given: Option<&Given>, a: &PlanArgs) -> Result<(), Failure> {
    let lang = cli.lang;
    let p = lang.plan();
    let store = open_store(cli)?;
    let path = store.find(&a.session)?;
    let _lock = SessionLock::acquire(&path)?;
    let (mut sess, mut stamp) = store::load_stamped(&path)?;
    let fw = session_framework(&sess, given, lang)?;
    let n = sess.plan_target();
    let name = shell_word(&sess.name);
    if a.show {
        return say(&describe(&fw, &sess, n, lang));
    }
    let before = sess.clone();
    // whole seconds, like every capture of the facilitator's window
    let now = jiff::Timestamp::now();
    let now = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
    if a.clear {
        if !sess.clear_plan(n) {
            return say(&fill(p.cli_no_plan, &[&n.to_string(), &name]));
        }
    } else {
        let plan = make(&fw, &sess, a, n, now, p)?;
        let same = sess.plan_for(n).is_some_and(|old| {
            WorkshopPlan {
                at: old.at,
                ..plan.clone()
            } == *old
        });
        if same {
            // the same plan again: nothing to write, no event
            return say(&describe(&fw, &sess, n, lang));
        }
        sess.set_plan(plan);
    }
    crate::journal::commit_between(&before, &mut sess, now, Some(crate::journal::What::Plan));
    let mut writer = store::TomlWriter::default();
    store::save_checked(&mut writer, &path, &sess, &mut stamp)?;
    if a.clear {
        return say(&fill(p.cli_cleared, &[&n.to_string()]));
    }
    say(&describe(&fw, &sess, n, lang))
}

/// The plan asked for: the times given (else those of the plan there is),
/// the steps given (else the plan's, else those that fit).
fn make(
    fw: &Framework,
    sess: &Session,
    a: &PlanArgs,
    n: u32,
    now: jiff::Timestamp,
    p: &PlanStrings,
) -> Result<WorkshopPlan, Failure> {
    let old = sess.plan_for(n);
    let (start, end) = match (&a.start, &a.end) {
        (Some(s), Some(e)) => (Some(time(s, p)?), Some(time(e, p)?)),
        (None, None) => (old.and_then(|o| o.start), old.and_then(|o| o.end)),
        _ => return Err(Failure::Usage(p.err_both.to_string())),
    };
    if let (Some(s), Some(e)) = (start, end)
        && e <= s
    {
        let hm = |t: Time| t.strftime("%H:%M").to_string();
        return Err(Failure::Usage(fill(p.err_order, &[&hm(e), &hm(s)])));
    }
    let date = match &a.date {
        Some(d) => Some(date(d, p)?),
        None => old.and_then(|o| o.date),
    };
    let mut plan = WorkshopPlan {
        workshop: n,
        date,
        start,
        end,
        steps: Vec::new(),
        at: now,
    };
    let length = plan.length().unwrap_or(DEFAULT_MINUTES);
    plan.steps = if !a.steps.is_empty() {
        given_steps(fw, sess, &a.steps, length, p)?
    } else if let Some(o) = old {
        o.steps.clone()
    } else {
        let ids = suggest_steps(fw, sess, length);
        if ids.is_empty() {
            return Err(Failure::Usage(fill(p.err_no_steps, &[&sess.cursor])));
        }
        default_budgets(fw, sess, &ids, length)
    };
    Ok(plan)
}

/// `--step 1.4=20 --step 1.5`: the steps in the order given, those without
/// minutes sharing what the others leave of `length` by their open points.
fn given_steps(
    fw: &Framework,
    sess: &Session,
    args: &[String],
    length: u32,
    p: &PlanStrings,
) -> Result<Vec<StepBudget>, Failure> {
    let mut out: Vec<(String, Option<u32>)> = Vec::new();
    for arg in args {
        let (id, minutes) =
            match arg.split_once('=') {
                Some((id, m)) => {
                    let m: u32 =
                        m.trim().parse().ok().filter(|&m| m > 0).ok_or_else(|| {
                            Failure::Usage(fill(p.err_bad_step, &[&shell_word(arg)]))
                        })?;
                    (id.trim(), Some(m))
                }
                None => (arg.trim(), None),
            };
        if find_step(fw, id).is_none() {
            let all: Vec<&str> = fw
                .blocks
                .iter()
                .flat_map(|b| b.steps.iter().map(|s| s.id.as_str()))
                .collect();
            return Err(Failure::Usage(fill(
                p.err_no_step,
                &[&shell_word(arg), &all.join(", ")],
            )));
        }
        match out.iter_mut().find(|(s, _)| s == id) {
            Some(known) => known.1 = minutes.or(known.1),
            None => out.push((id.to_string(), minutes)),
        }
    }
    let fixed: u32 = out
        .iter()
        .filter_map(|(_, m)| *m)
        .fold(0, u32::saturating_add);
    let rest: Vec<&String> = out
        .iter()
        .filter(|(_, m)| m.is_none())
        .map(|(s, _)| s)
        .collect();
    let weights: Vec<u32> = rest
        .iter()
        .map(|id| (open_points(fw, sess, id) as u32).max(1))
        .collect();
    let mut shares = split(length.saturating_sub(fixed), &weights).into_iter();
    Ok(out
        .into_iter()
        .map(|(step, m)| StepBudget {
            step,
            minutes: m.or_else(|| shares.next()).unwrap_or(1),
        })
        .collect())
}

fn time(text: &str, p: &PlanStrings) -> Result<Time, Failure> {
    let t = text.trim();
    let (h, m) = t.split_once([':', '.']).unwrap_or((t, "0"));
    let bad = || Failure::Usage(fill(p.err_time, &[&shell_word(text)]));
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

fn date(text: &str, p: &PlanStrings) -> Result<Date, Failure> {
    let t = text.trim();
    let bad = || Failure::Usage(fill(p.err_date, &[&shell_word(text)]));
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    match parts.as_slice() {
        [d, m, y] => {
            let num = |s: &str| s.parse::<i16>().map_err(|_| bad());
            Date::new(num(y)?, num(m)? as i8, num(d)? as i8).map_err(|_| bad())
        }
        _ => Err(bad()),
    }
}

/// The plan of workshop `n` in words, one step a line.
pub fn describe(fw: &Framework, sess: &Session, n: u32, lang: Lang) -> String {
    let p = lang.plan();
    let name = shell_word(&sess.name);
    let Some(plan) = sess.plan_for(n) else {
        return fill(p.cli_no_plan, &[&n.to_string(), &name]);
    };
    let mut out = fill(p.cli_plan_for, &[&n.to_string(), &name]);
    let when = crate::export::plan_when(plan, lang);
    if !when.is_empty() {
        out.push(' ');
        out.push_str(&when);
    }
    out.push('\n');
    for b in &plan.steps {
        let title = find_step(fw, &b.step)
            .map(|(bi, si)| fw.blocks[bi].steps[si].title.clone())
            .unwrap_or_default();
        out.push_str(&fill(
            p.cli_step,
            &[
                &b.step,
                &title,
                &b.minutes.to_string(),
                &open_points(fw, sess, &b.step).to_string(),
            ],
        ));
        out.push('\n');
    }
    let total = plan.total().to_string();
    match plan.length() {
        Some(len) => {
            out.push_str(&fill(p.cli_total_of, &[&total, &len.to_string()]));
            if plan.total() > len {
                out.push('\n');
                out.push_str(&fill(p.cli_over_length, &[&total, &len.to_string()]));
            }
        }
        None => out.push_str(&fill(p.cli_total, &[&total])),
    }
    out
}

fn say(text: &str) -> Result<(), Failure> {
    let text = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    };
    Ok(write_stdout_bytes(text.as_bytes())?)
}
