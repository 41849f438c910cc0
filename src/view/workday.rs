//! The workshop day in the recap (issue 26): whether the previous minutes
//! are adopted, and the parking lot's open topics; the plans looked back
//! on and ahead. The key hints only on the facilitator's screen.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::view::Env;

/// "Verslag bijeenkomst N: nog niet vastgesteld (v: vaststellen)" or
/// "… vastgesteld", and an empty line; the key only on the facilitator's
/// screen, not for the room.
pub fn adoption_lines(
    env: &Env,
    sess: &Session,
    previous: u32,
    for_room: bool,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let s = env.s();
    let n = previous.to_string();
    if sess.adoption_of(previous).is_some() {
        lines.push(Line::from(Span::styled(
            fill(s.recap_adopted, &[&n]),
            th.good,
        )));
    } else {
        let mut spans = vec![Span::styled(fill(s.recap_adopt_open, &[&n]), th.warn)];
        if !for_room {
            spans.push(Span::styled(format!(" ({})", s.recap_adopt_key), th.dim));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
}

/// "Parkeerplaats: K open" with every open topic (nothing when none).
pub fn parked_lines(env: &Env, sess: &Session, th: &Theme, lines: &mut Vec<Line<'static>>) {
    let s = env.s();
    let open: Vec<_> = sess.open_parked().collect();
    if open.is_empty() {
        return;
    }
    lines.push(Line::default());
    let head = fill(s.recap_parked_head, &[&open.len().to_string()]);
    lines.push(Line::from(Span::styled(head, th.title)));
    for p in open {
        let mut t = format!("  ◆ {} {}", p.id, safe_line(&p.text));
        if let Some(by) = p.raised_by {
            t.push_str(&format!(" — {}", safe_line(&sess.party_name(by))));
        }
        lines.push(Line::from(Span::styled(t, th.base)));
    }
}

/// The plans in the recap (issue 26): for the workshop looked back on,
/// "Gepland: 1.4 en 1.5 — gedaan: 1.4, 1.5 (deels)"; for the one starting
/// (or running), its plan ("Plan voor bijeenkomst 3: 13:00–15:00 · 1.4
/// (40 min), 1.5 (60 min)") or that it has none, with its key `t` on the
/// facilitator's screen only.
pub fn plan_lines(
    env: &Env,
    sess: &Session,
    planned: bool,
    for_room: bool,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    use crate::domain::budget::{StepDone, planned_done};
    use crate::i18n::plan::and_list;
    let p = env.lang.plan();
    let mut out = Vec::new();
    if let Some(w) = previous_workshop(sess, planned) {
        let done = planned_done(env.fw, sess, w.number);
        if !done.is_empty() {
            let steps: Vec<String> = done.iter().map(|(s, _)| s.clone()).collect();
            let finished: Vec<String> = done
                .iter()
                .filter_map(|(s, d)| match d {
                    StepDone::All => Some(s.clone()),
                    StepDone::Part => Some(fill(p.recap_partly, &[s])),
                    StepDone::No => None,
                })
                .collect();
            let finished = if finished.is_empty() {
                p.recap_none.to_string()
            } else {
                and_list(&finished, p.and)
            };
            let text = fill(p.recap_planned_done, &[&and_list(&steps, p.and), &finished]);
            out.push(Line::from(Span::styled(text, th.base)));
        }
    }
    let next = sess.workshop_number().saturating_add(u32::from(planned));
    let mut spans = match sess.plan_for(next) {
        Some(plan) => {
            let steps: Vec<String> = plan
                .steps
                .iter()
                .map(|b| format!("{} ({} min)", b.step, b.minutes))
                .collect();
            let when = crate::export::plan_when(plan, env.lang);
            let when = if when.is_empty() {
                fill(env.s().ex_minutes, &[&plan.total().to_string()])
            } else {
                when
            };
            let text = fill(
                p.recap_plan_next,
                &[&next.to_string(), &when, &steps.join(", ")],
            );
            vec![Span::styled(text, th.title)]
        }
        None if !for_room => vec![Span::styled(
            fill(p.recap_no_plan, &[&next.to_string()]),
            th.dim,
        )],
        None => Vec::new(),
    };
    if !spans.is_empty() && !for_room {
        spans.push(Span::styled(format!(" ({})", p.recap_plan_key), th.dim));
    }
    if !spans.is_empty() {
        out.push(Line::from(spans));
    }
    if !out.is_empty() {
        lines.push(Line::default());
        lines.extend(out);
    }
}

/// The workshop looked back on: the last one when the next is not started
/// yet, else the one before the current.
pub fn previous_workshop(sess: &Session, planned: bool) -> Option<&crate::session::Workshop> {
    sess.workshops.iter().rev().nth(usize::from(!planned))
}
