//! The board's summary that opens the report of a long programme (issue
//! 27): what a board reads first, in a few pages however many workshops
//! there were. The current decision and every vote before it, open dissent,
//! open and overdue action items, one line per workshop, and the notices
//! grouped (one line naming every point, not a paragraph each). The
//! details of the programme and of each workshop follow it.

use jiff::civil::Date;

use super::doc::{Ctx, Inline, Node, b, t, table};
use super::sections::{consensus_over, votes_list_nodes};
use crate::i18n::fill;
use crate::session::{ActionItem, Status, Workshop};

/// From this many workshops on, the session report opens with the summary.
pub(super) const LONG_PROGRAMME: usize = 6;

/// The summary at `level` (its sections one below).
pub(super) fn summary_nodes(c: &Ctx, today: Date, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.bd_title)]));
    decision(c, level + 1, out);
    votes_list_nodes(c, level + 1, out);
    dissent(c, level + 1, out);
    actions(c, today, level + 1, out);
    workshops(c, level + 1, out);
    notices(c, out);
}

/// The decision now: the latest vote's outcome, when and where, its
/// tally, the follow-up route and when to look again.
fn decision(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.bd_decision)]));
    let Some(v) = c.sess.latest_vote() else {
        out.push(Node::Para(vec![t(s.bd_no_vote)]));
        return;
    };
    let mut outcome = vec![b(format!(
        "{} {}",
        v.outcome.symbol(),
        v.outcome.word(c.lang)
    ))];
    if let Some(d) = v.deferred {
        outcome.push(t(format!(" ({})", d.word(c.lang))));
    }
    outcome.push(t(format!(
        " — {}, {}",
        c.day_of(v.at),
        fill(s.vote_of_workshop, &[&v.workshop.to_string()])
    )));
    let mut fields = vec![
        (s.ex_outcome.to_string(), outcome),
        (s.ex_tally.to_string(), vec![t(v.tally.describe(c.lang))]),
    ];
    if let Some(fu) = &v.follow_up {
        let route = c.user(&fu.route_words(c.fw, c.lang));
        fields.push((s.ex_follow_up.to_string(), vec![t(route)]));
    }
    if let Some(d) = v.revisit {
        fields.push((s.ex_revisit.to_string(), vec![t(c.date(d))]));
    }
    out.push(Node::Fields(fields));
}

/// Open dissent, a row per point: the point, who dissents, why (the
/// question is in the details).
fn dissent(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_open_dissent)]));
    let rows: Vec<Vec<Vec<Inline>>> =
        c.fw.iter_points()
            .filter_map(|(_, _, p)| {
                let r = c.sess.record(&p.id)?;
                (r.status == Status::Dissent).then(|| {
                    vec![
                        vec![b(p.id.clone())],
                        vec![t(c.parties(&r.dissenters))],
                        vec![t(c.user(&r.dissent_reason))],
                    ]
                })
            })
            .collect();
    if rows.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(table(&[s.point, s.ex_party, s.field_reason], rows));
    }
}

/// Open action items, overdue first: what, who, by when (the short date,
/// "⚠ verlopen" when past), the point.
fn actions(c: &Ctx, today: Date, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_open_actions)]));
    let overdue = |a: &ActionItem| a.due.is_some_and(|d| d < today);
    let mut open = c.sess.open_actions();
    open.sort_by_key(|(_, a)| (!overdue(a), a.due.is_none(), a.due, a.workshop));
    if open.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
        return;
    }
    let rows = open
        .iter()
        .map(|(pid, a)| {
            let due = match a.due {
                Some(d) if overdue(a) => {
                    vec![b(format!("⚠ {} ({})", c.lang.date(d), s.ex_overdue))]
                }
                Some(d) => vec![t(c.lang.date(d))],
                None => vec![t("—")],
            };
            vec![
                vec![t(c.user(&a.what))],
                vec![t(c.owner(a))],
                due,
                vec![t(pid.to_string())],
            ]
        })
        .collect();
    out.push(table(&[s.field_what, s.field_who, s.ex_due, s.point], rows));
}

/// One line per workshop: its number and date, how many points it
/// captured something on, its vote, who was there.
fn workshops(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.bd_workshops)]));
    let rows = c
        .sess
        .workshops
        .iter()
        .map(|w| {
            vec![
                vec![t(w.number.to_string())],
                vec![t(c.lang.date(w.date))],
                vec![t(points_of(c, w).to_string())],
                vote_of(c, w),
                vec![t(present_of(c, w))],
            ]
        })
        .collect();
    out.push(table(
        &[
            s.csv_workshop,
            s.ex_date,
            s.ex_points_count,
            s.ex_votes_title,
            s.ex_present,
        ],
        rows,
    ));
}

/// The points something was captured on in workshop `w`.
fn points_of(c: &Ctx, w: &Workshop) -> usize {
    c.sess
        .points
        .values()
        .filter(|r| r.touched_in(w.number))
        .count()
}

/// The outcome of the workshop's last vote, or a dash.
fn vote_of(c: &Ctx, w: &Workshop) -> Vec<Inline> {
    match c.sess.votes.iter().rev().find(|v| v.workshop == w.number) {
        Some(v) => vec![b(format!(
            "{} {}",
            v.outcome.symbol(),
            v.outcome.word(c.lang)
        ))],
        None => vec![t("—")],
    }
}

/// "6 / 7": the parties there at some time of the workshop, of all.
fn present_of(c: &Ctx, w: &Workshop) -> String {
    let all = c.sess.attendance(w.number).unwrap_or_default();
    let there = all.iter().filter(|a| !a.absent_throughout()).count();
    format!("{there} / {}", all.len())
}

/// The notices of the whole programme, grouped: one line for every point
/// where consensus was recorded despite a "disagree", naming each point.
fn notices(c: &Ctx, out: &mut Vec<Node>) {
    let s = c.s;
    let ids: Vec<&str> =
        c.fw.iter_points()
            .filter(|(_, _, p)| {
                c.sess
                    .record(&p.id)
                    .is_some_and(|r| !consensus_over(r).is_empty())
            })
            .map(|(_, _, p)| p.id.as_str())
            .collect();
    if !ids.is_empty() {
        out.push(Node::Warning(
            s.ex_warning.into(),
            vec![t(fill(
                s.bd_consensus_over,
                &[&ids.len().to_string(), &ids.join(", ")],
            ))],
        ));
    }
}
