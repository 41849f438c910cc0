//! The action items in the minutes: the workshop's own list (each item
//! once, with its point) and the open items of earlier workshops (issue 24:
//! a secretary finds every action item once per workshop's minutes).

use jiff::civil::Date;

use super::doc::{Ctx, Inline, Node, b, t, table};
use crate::i18n::fill;
use crate::session::ActionItem;

/// "what — owner, uiterlijk D, klaar D": one sentence without brackets of
/// its own (an owner's "(Representative)" is the only one).
pub(super) fn action_inline(c: &Ctx, a: &ActionItem) -> Vec<Inline> {
    let mut v = vec![t(c.user(&a.what)), t(format!(" — {}", c.owner(a)))];
    if let Some(d) = a.due {
        v.push(t(format!(", {}", fill(c.s.ui_due, &[&c.date(d)]))));
    }
    match a.done_change() {
        Some(ch) => v.push(t(format!(
            ", {}",
            fill(c.s.ui_done_on, &[&c.day_of(ch.at)])
        ))),
        None if a.done => v.push(t(format!(", {}", c.s.ui_done_word))),
        None => {}
    }
    v
}

/// The open action items of the whole session, overdue first; with
/// `before` only those of the workshops before that one (its minutes list
/// its own above, and a later workshop's are not "earlier" ones).
pub(super) fn actions_nodes(
    c: &Ctx,
    today: Date,
    before: Option<u32>,
    level: u8,
    out: &mut Vec<Node>,
) {
    let s = c.s;
    let heading = match before {
        Some(_) => c.lang.stances().ex_open_actions_earlier,
        None => s.ex_open_actions,
    };
    out.push(Node::Heading(level, vec![t(heading)]));
    let overdue = |a: &ActionItem| a.due.is_some_and(|d| d < today);
    let mut open = c.sess.open_actions();
    open.retain(|(_, a)| before.is_none_or(|n| a.workshop < n));
    // overdue first, then by due date (none last), then by workshop
    open.sort_by_key(|(_, a)| (!overdue(a), a.due.is_none(), a.due, a.workshop));
    if open.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
        return;
    }
    let rows = open
        .iter()
        .map(|(pid, a)| {
            let due = match a.due {
                Some(d) if overdue(a) => vec![b(format!("⚠ {} ({})", c.date(d), s.ex_overdue))],
                Some(d) => vec![t(c.date(d))],
                None => vec![t("—")],
            };
            vec![
                vec![t(c.user(&a.what))],
                vec![t(c.owner(a))],
                due,
                vec![t(a.workshop.to_string())],
                vec![t(pid.to_string())],
            ]
        })
        .collect();
    out.push(table(
        &[s.field_what, s.field_who, s.ex_due, s.ex_from, s.point],
        rows,
    ));
}

/// The action items of workshop `number`: added in it (open or done) and
/// done in it, each once, with their point first ("Gesprekspunt 1.3.2: …").
pub(super) fn workshop_actions_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_actions_of_workshop)]));
    let mut items = Vec::new();
    for (_, _, p) in c.fw.iter_points() {
        let Some(r) = c.sess.record(&p.id) else {
            continue;
        };
        for (_, a) in r
            .live_actions()
            .filter(|(_, a)| a.workshop == number || a.done_in(number))
        {
            let mut v = vec![t(format!("{} {}: ", s.point, p.id))];
            v.extend(action_inline(c, a));
            items.push((a.done, v));
        }
    }
    if items.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(Node::Tasks(items));
    }
}
