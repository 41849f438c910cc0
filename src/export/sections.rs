//! The sections of the minutes: the points discussed and the dissent (the
//! votes are in [`super::votes`], the action items in [`super::actions`]).

use super::doc::{Ctx, Inline, Node, b, t, table};
pub(super) use super::votes::{decision_nodes, vote_nodes, votes_list_nodes};
use crate::framework::Point;
use crate::i18n::fill;
use crate::session::{ItemChange, ItemChangeKind, PointRecord, Stance, Status, own_reason};

/// The points touched in workshop `number`, in the framework's order, under
/// a heading per step (at `level`), each point (at `level + 1`) with its
/// status, stances, notes and actions.
pub(super) fn point_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    if !points_where(c, number, level, out, |id| c.discussed(id, number)) {
        out.push(Node::Para(vec![t(c.s.ex_none_discussed)]));
    }
}

/// The points for which `which` holds, under a heading per step; returns
/// whether there were any.
pub(super) fn points_where(
    c: &Ctx,
    number: u32,
    level: u8,
    out: &mut Vec<Node>,
    which: impl Fn(&str) -> bool,
) -> bool {
    let mut any = false;
    let mut last_step = None;
    for (pos, step, p) in c.fw.iter_points() {
        let Some(r) = c.sess.record(&p.id) else {
            continue;
        };
        if !which(&p.id) {
            continue;
        }
        any = true;
        if last_step != Some(&step.id) {
            last_step = Some(&step.id);
            let blk = &c.fw.blocks[pos.block];
            out.push(Node::Heading(
                level,
                vec![t(format!(
                    "{} {} · {} {}",
                    c.s.block, blk.id, step.id, step.title
                ))],
            ));
        }
        one_point_nodes(c, p, r, number, level + 1, out);
    }
    any
}

fn one_point_nodes(
    c: &Ctx,
    p: &Point,
    r: &PointRecord,
    number: u32,
    level: u8,
    out: &mut Vec<Node>,
) {
    let s = c.s;
    out.push(Node::Heading(
        level,
        vec![t(format!("{} {}", s.point, p.id))],
    ));
    super::wording::point_quote(c, &p.id, &p.text, number, out);
    out.extend(super::journaled::what_happened_node(c, &p.id, number));
    out.push(Node::Para(status_inline(c, r)));
    // minutes of an earlier workshop show the point as it stands now: say
    // when it was changed after this workshop, so nobody reads a later
    // decision as this one's
    out.extend(super::journaled::later_change_node(c, &p.id, r, number));
    if let Some(w) = consensus_warning(c, r) {
        out.push(w);
    }
    // every point discussed has its time, also one under a second (issue 24)
    let seconds = crate::timing::point_seconds_in(c.sess, &p.id, number);
    out.push(Node::Para(vec![
        b(format!("{}:", s.ex_time)),
        t(format!(" {}", crate::timing::duration_text(seconds))),
    ]));
    let stances: Vec<Vec<Inline>> = r
        .stances
        .iter()
        .filter(|e| e.stance != Stance::NotStated || !own_reason(r, e).is_empty())
        .map(|e| {
            let mut v = vec![
                t(format!("{}: ", c.party(e.party))),
                b(format!("{} {}", e.stance.symbol(), e.stance.word(c.lang))),
            ];
            // the party's own reason only: the dissent's is the point's (issue 24)
            let own = own_reason(r, e);
            if !own.is_empty() {
                v.push(t(format!(" — {}", c.user(own))));
            }
            v
        })
        .collect();
    labelled_list(s.ui_stances, Node::List(stances), out);
    let notes: Vec<Vec<Inline>> = r
        .live_notes()
        .filter(|(_, n)| n.workshop == number)
        .map(|(_, n)| vec![t(c.user(&n.text))])
        .collect();
    labelled_list(s.ui_notes, Node::List(notes), out);
    // the action items of the point are listed once, in the workshop's
    // list with their point ("Actiepunten uit deze bijeenkomst", issue 24)
    labelled_list(
        s.ex_item_changes,
        Node::List(item_changes(c, r, number)),
        out,
    );
}

/// What happened in workshop `number` to notes and action items after they
/// were typed: edits (with what they replaced), reopened, removed. (Done
/// shows once, in the list of action items.)
fn item_changes(c: &Ctx, r: &PointRecord, number: u32) -> Vec<Vec<Inline>> {
    let s = c.s;
    let mut out: Vec<(jiff::Timestamp, Vec<Inline>)> = Vec::new();
    let from = |w: u32| fill(s.ex_from_workshop, &[&w.to_string()]);
    for n in &r.notes {
        for (k, ch) in n.changes.iter().enumerate() {
            if ch.workshop != number {
                continue;
            }
            let line = match ch.kind {
                ItemChangeKind::Edited => vec![
                    b(format!("{}:", s.ch_note_edited)),
                    t(format!(" {}", c.user(text_after(&n.changes, k, &n.text)))),
                    t(format!(" — {}", fill(s.ch_was, &[&c.user(&ch.text)]))),
                ],
                ItemChangeKind::Removed => vec![
                    b(format!("{} ({}):", s.ch_note_removed, from(n.workshop))),
                    t(format!(" {}", c.user(text_after(&n.changes, k, &n.text)))),
                ],
                ItemChangeKind::Done | ItemChangeKind::Reopened => continue,
            };
            out.push((ch.at, line));
        }
    }
    for a in &r.actions {
        for (k, ch) in a.changes.iter().enumerate() {
            if ch.workshop != number {
                continue;
            }
            // (a strong part is written trimmed: the space goes with the text)
            let what = format!(" {}", c.user(text_after(&a.changes, k, &a.what)));
            let line = match ch.kind {
                ItemChangeKind::Edited => {
                    let mut was = format!("{} — {}", c.user(&ch.text), c.owner_of(ch.owner));
                    if let Some(d) = ch.due {
                        was.push_str(&format!(", {}", fill(s.ui_due, &[&c.date(d)])));
                    }
                    vec![
                        b(format!("{}:", s.ch_action_edited)),
                        t(what),
                        t(format!(" — {}", fill(s.ch_was, &[&was]))),
                    ]
                }
                ItemChangeKind::Reopened => vec![b(format!("{}:", s.ch_action_reopened)), t(what)],
                ItemChangeKind::Removed => vec![
                    b(format!("{} ({}):", s.ch_action_removed, from(a.workshop))),
                    t(what),
                ],
                ItemChangeKind::Done => continue,
            };
            out.push((ch.at, line));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out.into_iter().map(|(_, l)| l).collect()
}

/// The text an item had right after its change `k`: what the next edit
/// replaced, or its text now.
fn text_after<'a>(changes: &'a [ItemChange], k: usize, now: &'a str) -> &'a str {
    changes[k + 1..]
        .iter()
        .find(|c| c.kind == ItemChangeKind::Edited)
        .map(|c| c.text.as_str())
        .unwrap_or(now)
}

/// A strong `label:` paragraph followed by `list`, unless the list is empty.
fn labelled_list(label: &str, list: Node, out: &mut Vec<Node>) {
    let empty = match &list {
        Node::List(items) => items.is_empty(),
        Node::Tasks(items) => items.is_empty(),
        _ => false,
    };
    if !empty {
        out.push(Node::Para(vec![b(format!("{label}:"))]));
        out.push(list);
    }
}

/// "Status: ✓ word", with who dissents and why, or why it was skipped.
pub(super) fn status_inline(c: &Ctx, r: &PointRecord) -> Vec<Inline> {
    let s = c.s;
    let mut st = vec![
        b(format!("{}:", s.ui_status)),
        t(format!(" {} {}", r.status.symbol(), r.status.word(c.lang))),
    ];
    match r.status {
        Status::Dissent => {
            st.push(t(format!(
                " — {}",
                fill(s.ui_dissent_by, &[&c.parties(&r.dissenters)])
            )));
            // one dash in the sentence: the reason follows as its own (issue 24)
            if !r.dissent_reason.is_empty() {
                st.push(t(format!(
                    ". {}",
                    fill(s.ui_reason, &[&c.user(&r.dissent_reason)])
                )));
            }
        }
        Status::Skipped => st.push(t(format!(
            " — {}",
            fill(s.ui_reason, &[&c.user(&r.skip_reason)])
        ))),
        _ => {}
    }
    st
}

/// Parties with a recorded "disagree" on a point marked consensus: the
/// record contradicts itself there (the facilitator was asked first).
pub(super) fn consensus_over(r: &PointRecord) -> Vec<crate::session::PartyId> {
    if r.status != Status::Consensus {
        return Vec::new();
    }
    r.stances
        .iter()
        .filter(|e| e.stance == Stance::Disagree)
        .map(|e| e.party)
        .collect()
}

/// "⚠ Let op: consensus vastgelegd ondanks “oneens” van …", when so.
fn consensus_warning(c: &Ctx, r: &PointRecord) -> Option<Node> {
    let over = consensus_over(r);
    (!over.is_empty()).then(|| {
        Node::Warning(
            c.s.ex_warning.into(),
            vec![t(fill(c.s.ex_consensus_over, &[&c.parties(&over)]))],
        )
    })
}

pub(super) fn dissent_nodes(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_open_dissent)]));
    let items: Vec<Vec<Inline>> =
        c.fw.iter_points()
            .filter_map(|(_, _, p)| {
                c.sess
                    .record(&p.id)
                    .filter(|r| r.status == Status::Dissent)
                    .map(|r| (p, r))
            })
            .map(|(p, r)| {
                let mut v = vec![
                    b(p.id.clone()),
                    t(format!(
                        " {} — {}",
                        p.text,
                        fill(s.ui_dissent_by, &[&c.parties(&r.dissenters)])
                    )),
                ];
                if !r.dissent_reason.is_empty() {
                    v.push(t(format!(": {}", c.user(&r.dissent_reason))));
                }
                v
            })
            .collect();
    if items.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(Node::List(items));
    }
}

/// How many points of workshop `number` ended in each status (as they
/// stand now, like the points below), and a warning for each consensus
/// recorded over a "disagree".
pub(super) fn counts_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_counts_title)]));
    let mut counts = [0usize; 4];
    let mut warnings = Vec::new();
    for (_, _, p) in c.fw.iter_points() {
        let Some(r) = c.sess.record(&p.id).filter(|_| c.discussed(&p.id, number)) else {
            continue;
        };
        let k = Status::ALL.iter().position(|x| *x == r.status).unwrap_or(0);
        counts[k] += 1;
        let over = consensus_over(r);
        if !over.is_empty() {
            warnings.push(Node::Warning(
                s.ex_warning.into(),
                vec![t(format!(
                    "{} {}: {}",
                    s.point,
                    p.id,
                    fill(s.ex_consensus_over, &[&c.parties(&over)])
                ))],
            ));
        }
    }
    if counts.iter().sum::<usize>() == 0 {
        out.push(Node::Para(vec![t(s.ex_none_discussed)]));
        return;
    }
    let mut fields = Vec::new();
    for st in [
        Status::Consensus,
        Status::Dissent,
        Status::Skipped,
        Status::Open,
    ] {
        let k = Status::ALL.iter().position(|x| *x == st).unwrap_or(0);
        // "open" only when some point of the workshop is still open
        if st == Status::Open && counts[k] == 0 {
            continue;
        }
        fields.push((
            format!("{} {}", st.symbol(), st.word(c.lang)),
            vec![t(counts[k].to_string())],
        ));
    }
    out.push(Node::Fields(fields));
    out.extend(warnings);
}

/// The programme at a glance: per block how many points there are, how
/// many are recorded, and how many in each status; open points are
/// counted, not listed. A warning for each consensus over a "disagree".
pub(super) fn programme_nodes(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_programme)]));
    let order = [
        Status::Consensus,
        Status::Dissent,
        Status::Skipped,
        Status::Open,
    ];
    let mut per_block = vec![[0usize; 4]; c.fw.blocks.len()];
    let mut warnings = Vec::new();
    for (pos, _, p) in c.fw.iter_points() {
        let st = c.sess.status_of(&p.id);
        let k = order.iter().position(|x| *x == st).unwrap_or(3);
        per_block[pos.block][k] += 1;
        if let Some(r) = c.sess.record(&p.id) {
            let over = consensus_over(r);
            if !over.is_empty() {
                warnings.push(Node::Warning(
                    s.ex_warning.into(),
                    vec![t(format!(
                        "{} {}: {}",
                        s.point,
                        p.id,
                        fill(s.ex_consensus_over, &[&c.parties(&over)])
                    ))],
                ));
            }
        }
    }
    let rows =
        c.fw.blocks
            .iter()
            .zip(&per_block)
            .map(|(blk, n)| {
                let total: usize = n.iter().sum();
                let mut row = vec![
                    vec![t(format!("{} {}", blk.id, blk.title))],
                    vec![t(total.to_string())],
                    vec![t((total - n[3]).to_string())],
                ];
                row.extend(n.iter().map(|k| vec![t(k.to_string())]));
                row
            })
            .collect();
    let heads: Vec<String> = order
        .iter()
        .map(|st| format!("{} {}", st.symbol(), st.word(c.lang)))
        .collect();
    let mut head = vec![s.block, s.ex_points_count, s.ex_recorded];
    head.extend(heads.iter().map(String::as_str));
    out.push(table(&head, rows));
    out.extend(warnings);
}

/// The last later workshop in which the point's status or a stance was
/// changed, when that is after workshop `number`.
pub(super) fn changed_after(r: &PointRecord, number: u32) -> Option<u32> {
    r.history
        .iter()
        .map(|h| h.workshop)
        .filter(|&w| w > number)
        .max()
}
