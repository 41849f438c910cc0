//! What the journal adds to the minutes of one workshop (issue 23): where
//! they come from (the workshop's own events, or the state of the day a
//! file became a journal), which points were changed after the workshop,
//! and what happened to points that were not discussed (a note added to an
//! earlier point, an action marked done, a dissent corrected).

use super::doc::{Ctx, Node, b, t};
use super::sections::{changed_after, points_where};
use crate::i18n::fill;
use crate::journal::PointFacts;
use crate::session::PointRecord;

/// Above the minutes: for a workshop from before the journal, that they
/// show the state of the day the file became a journal; for a journaled
/// workshop, the points changed afterwards (the rest of the minutes is what
/// held at the workshop's end, the same whenever they are exported).
pub(super) fn provenance_nodes(c: &Ctx, number: u32) -> Vec<Node> {
    let s = c.s;
    let Some(facts) = &c.facts else {
        return match &c.sess.journal_from {
            Some(from) if number <= from.after_workshop => {
                vec![Node::Para(vec![t(fill(
                    s.ex_from_state,
                    &[&c.day_of(from.at)],
                ))])]
            }
            _ => Vec::new(),
        };
    };
    let later: Vec<String> =
        c.fw.iter_points()
            .filter_map(|(_, _, p)| {
                let m = facts.point(&p.id)?.changed_later_in?;
                Some(fill(s.ex_point_in_workshop, &[&p.id, &m.to_string()]))
            })
            .collect();
    if later.is_empty() {
        return Vec::new();
    }
    vec![Node::Warning(
        s.ex_changed_label.to_string(),
        vec![t(fill(
            s.ex_changed_afterwards,
            &[&later.join(", "), &number.to_string()],
        ))],
    )]
}

/// Under a point: that a later workshop changed it (its status, dissent or
/// stances), while these minutes show what held in this one.
pub(super) fn later_change_node(c: &Ctx, id: &str, r: &PointRecord, number: u32) -> Option<Node> {
    let text = match &c.facts {
        Some(f) => {
            let m = f.point(id)?.changed_later_in?;
            fill(
                c.s.ex_later_changed_in,
                &[&m.to_string(), &number.to_string()],
            )
        }
        None => fill(
            c.s.ex_changed_after,
            &[&changed_after(r, number)?.to_string()],
        ),
    };
    Some(Node::Warning(
        c.s.ex_changed_label.to_string(),
        vec![t(text)],
    ))
}

/// "Ook gewijzigd in deze bijeenkomst": points not discussed in the
/// workshop on which something else happened (a note added to an earlier
/// point, an action marked done, a dissent corrected), each as in the
/// minutes, with what happened.
pub(super) fn other_changes_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let Some(facts) = &c.facts else { return };
    let other = |id: &str| facts.point(id).is_some_and(|f| !f.discussed() && f.other());
    let mut nodes = Vec::new();
    if points_where(c, number, level + 1, &mut nodes, other) {
        out.push(Node::Heading(level, vec![t(c.s.ex_also_changed)]));
        out.extend(nodes);
    }
}

/// Under a point's question, for a point that was not discussed: what
/// happened to it in this workshop.
pub(super) fn what_happened_node(c: &Ctx, id: &str, _number: u32) -> Option<Node> {
    let f = c.facts.as_ref()?.point(id)?;
    if f.discussed() {
        return None;
    }
    Some(Node::Para(vec![
        b(format!("{}:", c.s.ex_what_happened)),
        t(format!(" {}", what_happened(c, f))),
    ]))
}

/// "notitie toegevoegd, actie afgerond": what happened to a point, in words.
pub(super) fn what_happened(c: &Ctx, f: &PointFacts) -> String {
    let s = c.s;
    let mut words = Vec::new();
    if f.decided {
        words.push(s.ex_what_decided);
    }
    if f.corrected {
        words.push(s.ex_what_corrected);
    }
    if f.stances && !f.decided {
        words.push(s.ex_what_stances);
    }
    if f.notes_added > 0 {
        words.push(s.ex_what_note);
    }
    if f.actions_added > 0 {
        words.push(s.ex_what_action);
    }
    if f.actions_done > 0 {
        words.push(s.ex_what_done);
    }
    if f.notes_changed > 0 || f.actions_changed > 0 {
        words.push(s.ex_what_item_changed);
    }
    words.join(", ")
}
