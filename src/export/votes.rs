//! The votes in the minutes: each vote with its ballots and outcome, the
//! decision of a workshop on page one, and every vote of the session in
//! order. A deferral is not a vote: "Stemming uitgesteld: reden", who
//! decided it, no ballot table; a new vote says what it replaces and why.

use super::doc::{Ctx, Inline, Node, b, t, table};
use crate::i18n::fill;
use crate::vote::Vote;

/// A vote: its heading (with the time when its workshop held more than
/// one), what it replaces and why, the ballots, the outcome; a vote a
/// later one replaced says so. A deferral says "Stemming uitgesteld:
/// reden", with no ballot table when no ballot was cast.
pub(super) fn vote_nodes(c: &Ctx, v: &Vote, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    let outcome = format!("{} {}", v.outcome.symbol(), v.outcome.word(c.lang));
    let index = c.sess.votes.iter().position(|x| std::ptr::eq(x, v));
    let later = index.and_then(|i| crate::vote::superseded_by(&c.sess.votes, i));
    let same_workshop = c
        .sess
        .votes
        .iter()
        .filter(|x| x.workshop == v.workshop)
        .count();
    let heading = if same_workshop > 1 {
        format!("{} — {outcome} ({})", s.ex_votes_title, c.time_of(v.at))
    } else {
        format!("{} — {outcome}", s.ex_votes_title)
    };
    out.push(Node::Heading(level, vec![t(heading)]));
    if let Some(l) = later {
        let when = if l.workshop == v.workshop {
            c.time_of(l.at)
        } else {
            format!(
                "{} ({})",
                fill(s.vote_of_workshop, &[&l.workshop.to_string()]),
                c.time_of(l.at)
            )
        };
        out.push(Node::Para(vec![b(fill(s.vote_superseded, &[&when]))]));
    }
    out.extend(deferral_para(c, v));
    if v.is_deferral() && v.ballots.is_empty() {
        out.push(Node::Fields(vote_fields(c, v)));
        return;
    }
    let rows: Vec<Vec<Vec<Inline>>> = v
        .ballots
        .iter()
        .map(|bl| {
            vec![
                vec![t(c.party(bl.party))],
                vec![b(format!(
                    "{} {}",
                    bl.choice.symbol(),
                    bl.choice.word(c.lang)
                ))],
                vec![t(c.user(&bl.reason))],
            ]
        })
        .collect();
    out.push(table(&[s.ex_party, s.ex_vote, s.field_reason], rows));
    out.push(Node::Fields(vote_fields(c, v)));
}

/// "Stemming uitgesteld: reden", for a deferral.
fn deferral_para(c: &Ctx, v: &Vote) -> Option<Node> {
    v.is_deferral()
        .then(|| Node::Para(vec![b(fill(c.s.ex_vote_deferred, &[&c.user(&v.remark)]))]))
}

/// "het ▼ NO-GO van bijeenkomst 2 (reden)": what vote `i` replaced, for a
/// field labelled "Vervangt".
fn replaced_words(c: &Ctx, i: usize) -> Option<String> {
    let earlier = crate::vote::replaces(&c.sess.votes, i)?;
    let mut out = fill(
        c.s.ex_replaces,
        &[
            &format!(
                "{} {}",
                earlier.outcome.symbol(),
                earlier.outcome.word(c.lang)
            ),
            &earlier.workshop.to_string(),
        ],
    );
    // the template's own first word ("vervangt") is the label's
    out = out
        .split_once(' ')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(out);
    let why = c.sess.votes[i].again_because.trim();
    if !why.is_empty() {
        out.push_str(&format!(" ({})", c.user(why)));
    }
    Some(out)
}

/// A vote's outcome (with why it was deferred), tally, decision rule,
/// remark, follow-up route and when to look again, as labelled values.
fn vote_fields(c: &Ctx, v: &Vote) -> Vec<(String, Vec<Inline>)> {
    let s = c.s;
    let mut outcome = vec![b(format!(
        "{} {}",
        v.outcome.symbol(),
        v.outcome.word(c.lang)
    ))];
    if let Some(d) = v.deferred {
        outcome.push(t(format!(" ({})", d.word(c.lang))));
    }
    let mut fields = vec![(s.ex_outcome.to_string(), outcome)];
    // a deferral without ballots has nothing to count or decide by
    if !(v.is_deferral() && v.ballots.is_empty()) {
        fields.push((s.ex_tally.to_string(), vec![t(v.tally.describe(c.lang))]));
        fields.push((s.ex_rule.to_string(), vec![t(v.rule.describe(c.lang))]));
    }
    // a deferral's reason is said as "Stemming uitgesteld: reden"
    if !v.remark.is_empty() && !v.is_deferral() {
        fields.push((s.field_reason.to_string(), vec![t(c.user(&v.remark))]));
    }
    let index = c.sess.votes.iter().position(|x| std::ptr::eq(x, v));
    if let Some(words) = index.and_then(|i| replaced_words(c, i)) {
        fields.push((s.ex_replaces_label.to_string(), vec![t(words)]));
    }
    if let Some(fu) = &v.follow_up {
        // the route in the framework's words (a municipality's own file
        // may word it differently, or add a route of its own)
        let route = c.user(&fu.route_words(c.fw, c.lang));
        fields.push((s.ex_follow_up.to_string(), vec![t(route)]));
    }
    if let Some(d) = v.revisit {
        fields.push((s.ex_revisit.to_string(), vec![t(c.date(d))]));
    }
    fields
}

/// The decision of workshop `number`, on page one: its last vote (outcome,
/// tally, decision rule, remark, follow-up route, when to look again), or
/// "no vote". Earlier votes of the same workshop are named; all are shown
/// in full further on.
pub(super) fn decision_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_decision)]));
    let votes: Vec<(usize, &Vote)> = c
        .sess
        .votes
        .iter()
        .enumerate()
        .filter(|(_, v)| v.workshop == number)
        .collect();
    let Some(&(i, v)) = votes.last() else {
        out.push(Node::Para(vec![t(s.ex_no_vote)]));
        return;
    };
    out.extend(deferral_para(c, v));
    let fields = vote_fields(c, v);
    out.push(Node::Fields(fields));
    if votes.len() > 1 {
        let earlier: Vec<String> = votes[..votes.len() - 1]
            .iter()
            .map(|(_, e)| {
                format!(
                    "{} {} ({})",
                    e.outcome.symbol(),
                    e.outcome.word(c.lang),
                    c.time_of(e.at)
                )
            })
            .collect();
        out.push(Node::Para(vec![t(fill(
            s.ex_earlier_votes,
            &[&earlier.join(", ")],
        ))]));
    }
    if crate::vote::superseded_by(&c.sess.votes, i).is_some() {
        out.push(Node::Para(vec![t(format!(
            "{} {}: {}",
            v.outcome.symbol(),
            v.outcome.word(c.lang),
            s.ex_replaced
        ))]));
    }
}

/// Every vote of the session in order, with its date and outcome: the
/// chain of decisions. A new vote says what it replaced and why; a vote a
/// later one replaced says so; a deferral gives its reason and is never
/// "replaced" (it was no vote).
pub(super) fn votes_list_nodes(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_votes_all)]));
    let items: Vec<Vec<Inline>> = c
        .sess
        .votes
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let outcome = match v.deferred {
                Some(d) => format!("{} ({})", v.outcome.word(c.lang), d.word(c.lang)),
                None => v.outcome.word(c.lang).to_string(),
            };
            // a deferral gives its reason, and the ballots cast before it
            // was deferred, if any
            let tally = v.tally.describe(c.lang);
            let counted = match (v.is_deferral(), v.ballots.is_empty()) {
                (true, true) => c.user(&v.remark),
                (true, false) if !v.remark.trim().is_empty() => {
                    format!("{} · {tally}", c.user(&v.remark))
                }
                _ => tally,
            };
            let mut line = vec![
                b(format!("{}:", c.day_of(v.at))),
                t(format!(
                    " {} {outcome} — {counted} ({}, {})",
                    v.outcome.symbol(),
                    fill(s.vote_of_workshop, &[&v.workshop.to_string()]),
                    c.time_of(v.at)
                )),
            ];
            // the chain of decisions: what a new vote replaced, and why
            if let Some(words) = crate::vote::replaces_words(&c.sess.votes, i, c.lang) {
                line.push(t(format!(" — {}", c.user(&words))));
            }
            if crate::vote::superseded_by(&c.sess.votes, i).is_some() {
                line.push(t(format!(" — {}", s.ex_replaced)));
            }
            line
        })
        .collect();
    if items.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(Node::List(items));
    }
}
