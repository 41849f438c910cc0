//! The words the room saw (issue 31): a workshop held before a switch of
//! framework shows each point as it was worded then, marked when it was
//! reworded or removed later; records on points the framework no longer
//! has get a section of their own, never dropped.

use jiff::Timestamp;

use super::doc::{Ctx, Inline, Node, b, t};
use crate::framework::Framework;
use crate::framework::carried::orphans;
use crate::i18n::fill;

/// The framework the workshops up to `until_workshop` were held with,
/// until the switch at `switched`.
#[derive(Clone)]
pub(super) struct Era {
    pub(super) until_workshop: u32,
    pub(super) fw: Framework,
    pub(super) switched: Timestamp,
}

/// The earlier frameworks of a session, oldest first (texts that no
/// longer load are left out: their workshops show today's words).
pub(super) fn eras(sess: &crate::session::Session) -> Vec<Era> {
    sess.framework_switches
        .iter()
        .filter_map(|sw| {
            Framework::parse(&sw.from_text, "").ok().map(|fw| Era {
                until_workshop: sw.after_workshop,
                fw,
                switched: sw.at,
            })
        })
        .collect()
}

/// The quote of a point in the minutes of workshop `number`: the wording
/// of the framework it was held with, and a warning when the session's
/// framework words it otherwise now, or no longer has it.
pub(super) fn point_quote(c: &Ctx, id: &str, text: &str, number: u32, out: &mut Vec<Node>) {
    let era = c.eras.iter().find(|e| number <= e.until_workshop);
    let seen = era
        .and_then(|e| e.fw.pos_of(id).map(|p| e.fw.point_at(p.flat).text.clone()))
        .unwrap_or_else(|| text.to_string());
    out.push(Node::Quote(vec![t(seen.clone())]));
    let Some(era) = era else { return };
    let current = c.current();
    let when = c.day_of(era.switched);
    match current.pos_of(id) {
        None => out.push(Node::Warning(
            c.s.ex_removed_label.to_string(),
            vec![t(fill(c.s.ex_removed, &[&when]))],
        )),
        Some(p) if current.point_at(p.flat).text != seen => out.push(Node::Warning(
            c.s.ex_reworded_label.to_string(),
            vec![t(fill(
                c.s.ex_reworded,
                &[&when, &current.point_at(p.flat).text],
            ))],
        )),
        Some(_) => {}
    }
}

/// "Punten buiten het kader": the records on points the framework of
/// these minutes does not have (of workshop `number`, or all), each with
/// the words it last had, its status and its dissent. Nothing when there
/// are none.
pub(super) fn orphan_nodes(c: &Ctx, number: Option<u32>, level: u8, out: &mut Vec<Node>) {
    let list: Vec<_> = orphans(c.sess, c.fw)
        .into_iter()
        .filter(|(_, r)| number.is_none_or(|n| r.touched_in(n)))
        .collect();
    if list.is_empty() {
        return;
    }
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.orphan_heading)]));
    out.push(Node::Para(vec![t(s.orphan_intro)]));
    for (id, r) in list {
        out.push(Node::Heading(
            level + 1,
            vec![t(format!("{} {id}", s.point))],
        ));
        let words = c
            .eras
            .iter()
            .rev()
            .find_map(|e| e.fw.pos_of(id).map(|p| e.fw.point_at(p.flat).text.clone()));
        if let Some(w) = words {
            out.push(Node::Quote(vec![t(w)]));
        }
        out.push(Node::Para(super::sections::status_inline(c, r)));
        if !r.dissenters.is_empty() || !r.dissent_reason.is_empty() {
            let mut v: Vec<Inline> = vec![b(format!("{}: ", s.status_dissent))];
            v.push(t(fill(s.ui_dissent_by, &[&c.parties(&r.dissenters)])));
            if !r.dissent_reason.is_empty() {
                v.push(t(format!(": {}", c.user(&r.dissent_reason))));
            }
            out.push(Node::Para(v));
        }
        let notes: Vec<Vec<Inline>> = r
            .live_notes()
            .map(|(_, n)| vec![t(c.user(&n.text))])
            .collect();
        if !notes.is_empty() {
            out.push(Node::Para(vec![b(format!("{}:", s.ui_notes))]));
            out.push(Node::List(notes));
        }
        let actions: Vec<(bool, Vec<Inline>)> = r
            .live_actions()
            .map(|(_, a)| (a.done, vec![t(c.user(&a.what))]))
            .collect();
        if !actions.is_empty() {
            out.push(Node::Para(vec![b(format!("{}:", s.ui_actions))]));
            out.push(Node::Tasks(actions));
        }
    }
}
