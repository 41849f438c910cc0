//! The session's data as typed tables (issue 27): one table per sheet of
//! the xlsx workbook, the same tables (as text) in the CSV files. A cell is
//! text, a number, a date or empty, so the workbook can write numbers as
//! numbers and dates as dates, and the CSV writes each as it is typed.

use jiff::civil::Date;

use super::doc::Ctx;
use crate::framework::{Point, Pos, Step};
use crate::session::{ActionItem, PartyId, PointRecord, Stance, Status, own_reason};
use crate::vote::{Choice, Vote};

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    /// Text (user text already anonymised where asked).
    Text(String),
    Number(u64),
    Date(Date),
    Empty,
}

impl Cell {
    /// The cell as CSV text: a date as "2026-10-12".
    pub(super) fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A table: its column heads and rows, and for each column whether it
/// holds long text (the workbook wraps and widens it).
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub(super) head: Vec<String>,
    pub(super) rows: Vec<Vec<Cell>>,
}

/// The point table: every point, or with `workshop` the points on which
/// something was captured in that workshop (their state now; the notes of
/// that workshop). The columns: where the point is, its status, each
/// party's stance, who dissents and why, the reasons given with stances,
/// the notes, the counts.
pub(super) fn points(c: &Ctx, workshop: Option<u32>) -> Table {
    let parties: Vec<PartyId> = c.sess.parties.iter().map(|p| p.id).collect();
    let mut rows = Vec::new();
    for point in c.fw.iter_points() {
        let r = c.sess.record(&point.2.id);
        let happened = match (workshop, &c.facts) {
            (None, _) => true,
            (Some(_), Some(f)) => f.point(&point.2.id).is_some_and(|p| p.touched()),
            (Some(n), None) => r.is_some_and(|r| r.touched_in(n)),
        };
        if happened {
            rows.push(point_row(c, point, r, &parties, workshop));
        }
    }
    Table {
        head: points_head(c, &parties),
        rows,
    }
}

/// The head of the point table: an organisation per party.
fn points_head(c: &Ctx, parties: &[PartyId]) -> Vec<String> {
    let s = c.s;
    let mut head: Vec<String> = vec![
        s.ex_point_id.into(),
        s.block.into(),
        s.step.into(),
        s.point.into(),
        s.ui_status.into(),
    ];
    head.extend(parties.iter().map(|&p| c.organisation(p)));
    head.extend([
        s.csv_dissenters.into(),
        s.csv_reason.into(),
        s.csv_stance_reasons.into(),
        s.csv_notes.into(),
        s.csv_notes_count.into(),
        s.csv_open_actions_count.into(),
        s.ex_last_workshop.into(),
    ]);
    head.push(s.csv_consensus_over.into());
    head
}

/// The last column of the point table: the parties a consensus holds
/// despite their recorded "oneens" (the facilitator's screen, the beamer
/// and the minutes mark it too); empty otherwise.
fn consensus_over_cell(c: &Ctx, r: Option<&PointRecord>) -> Cell {
    let over = r.map(PointRecord::consensus_over).unwrap_or_default();
    if over.is_empty() {
        Cell::Empty
    } else {
        text(c.parties(&over))
    }
}

/// One point of the point table.
fn point_row(
    c: &Ctx,
    (pos, step, p): (Pos, &Step, &Point),
    r: Option<&PointRecord>,
    parties: &[PartyId],
    workshop: Option<u32>,
) -> Vec<Cell> {
    let block = &c.fw.blocks[pos.block];
    let status = r.map(|r| r.status).unwrap_or_default();
    let mut row = vec![
        text(&p.id),
        text(format!("{} {}", block.id, block.title)),
        text(format!("{} {}", step.id, step.title)),
        text(&p.text),
        text(status.word(c.lang)),
    ];
    for &pid in parties {
        // "absent" for a party that was not in the room when the point was
        // discussed, rather than "not stated" (`Session::absent_for_point`)
        if c.sess.absent_for_point(&p.id, pid) {
            // afgemeld apart from afwezig (issue 24)
            let excused = r
                .and_then(|r| r.last_workshop())
                .is_some_and(|n| c.sess.excused_in(n, pid));
            row.push(text(if excused {
                c.lang.stances().excused
            } else {
                c.s.ui_absent
            }));
            continue;
        }
        let stance = r.map(|r| r.stance_of(pid)).unwrap_or_default();
        // a present party that said nothing on a consensus point agreed with
        // the room: "consensus", not "not stated" (issue 24)
        if stance == Stance::NotStated && status == Status::Consensus {
            row.push(text(c.s.status_consensus));
            continue;
        }
        row.push(text(stance.word(c.lang)));
    }
    let Some(r) = r else {
        row.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
        row.extend([Cell::Number(0), Cell::Number(0), Cell::Empty]);
        row.push(consensus_over_cell(c, r));
        return row;
    };
    // who dissents and why: only while the status says so
    row.push(match status {
        Status::Dissent => text(c.parties(&r.dissenters)),
        _ => Cell::Empty,
    });
    row.push(match status {
        Status::Dissent => text(c.user(&r.dissent_reason)),
        Status::Skipped => text(c.user(&r.skip_reason)),
        _ => Cell::Empty,
    });
    // "Organisation: reason", a line each
    row.push(text(
        r.stances
            .iter()
            .filter(|e| !own_reason(r, e).is_empty())
            .map(|e| format!("{}: {}", c.party(e.party), c.user(own_reason(r, e))))
            .collect::<Vec<_>>()
            .join("\n"),
    ));
    // the notes, a paragraph each, their line breaks kept
    let notes: Vec<String> = r
        .live_notes()
        .filter(|(_, n)| workshop.is_none_or(|w| n.workshop == w))
        .map(|(_, n)| c.user(&n.text))
        .collect();
    row.push(text(notes.join("\n\n")));
    row.push(Cell::Number(notes.len() as u64));
    row.push(Cell::Number(
        r.actions.iter().filter(|a| a.is_open()).count() as u64,
    ));
    row.push(
        r.last_workshop()
            .map_or(Cell::Empty, |n| Cell::Number(n.into())),
    );
    row.push(consensus_over_cell(c, Some(r)));
    row
}

/// The action items that are still part of the record (not removed), in
/// the order of the points: every one, or with `workshop` those made or
/// changed (edited, done, reopened) in that workshop.
pub(super) fn actions(c: &Ctx, workshop: Option<u32>) -> Table {
    let s = c.s;
    let head = vec![
        s.ex_point_id.into(),
        s.point.into(),
        s.csv_action.into(),
        s.csv_owner.into(),
        s.csv_due.into(),
        s.csv_done.into(),
        c.lang.stances().csv_done_on.into(),
        s.csv_workshop.into(),
    ];
    let of_workshop = |a: &ActionItem| match workshop {
        None => true,
        Some(n) => a.workshop == n || a.changes.iter().any(|ch| ch.workshop == n),
    };
    let mut rows = Vec::new();
    for (_, _, p) in c.fw.iter_points() {
        let Some(r) = c.sess.record(&p.id) else {
            continue;
        };
        for (_, a) in r.live_actions().filter(|(_, a)| of_workshop(a)) {
            rows.push(vec![
                text(&p.id),
                text(&p.text),
                text(c.user(&a.what)),
                text(c.owner(a)),
                a.due.map_or(Cell::Empty, Cell::Date),
                text(if a.done { s.csv_yes } else { s.csv_no }),
                // the day it was marked done (issue 24); none for an older file
                a.done_change().map_or(Cell::Empty, |ch| {
                    Cell::Date(ch.at.to_zoned(c.tz().clone()).date())
                }),
                Cell::Number(a.workshop.into()),
            ]);
        }
    }
    Table { head, rows }
}

/// Every vote of the session (or of `workshop`), in the order they were
/// held: when and under which rule, who was there, the tally and the
/// outcome, why it was deferred, the follow-up route and when to look
/// again, which later vote replaced it; then each party's ballot and its
/// reason, a pair of columns per party.
pub(super) fn votes(c: &Ctx, workshop: Option<u32>) -> Table {
    let s = c.s;
    let parties: Vec<PartyId> = c.sess.parties.iter().map(|p| p.id).collect();
    let mut head: Vec<String> = vec![
        s.xl_vote_number.into(),
        s.csv_workshop.into(),
        s.ex_date.into(),
        s.ex_time.into(),
        s.ex_rule.into(),
        s.xl_present_count.into(),
        s.xl_parties_total.into(),
        s.vote_go.into(),
        s.vote_no_go.into(),
        s.vote_abstain.into(),
        s.ex_absent.into(),
        s.ex_outcome.into(),
        s.xl_deferred_because.into(),
        s.xl_remark.into(),
        s.ex_follow_up.into(),
        s.ex_revisit.into(),
        s.xl_superseded_by.into(),
        s.xl_again_because.into(),
    ];
    for &p in &parties {
        let org = c.organisation(p);
        head.push(crate::i18n::fill(s.xl_ballot_of, &[&org]));
        head.push(crate::i18n::fill(s.xl_reason_of, &[&org]));
    }
    let votes = &c.sess.votes;
    let rows = votes
        .iter()
        .enumerate()
        .filter(|(_, v)| workshop.is_none_or(|n| v.workshop == n))
        .map(|(i, v)| {
            let mut row = vote_row(c, i, v);
            for &p in &parties {
                let (choice, reason) = ballot_cells(c, v, p);
                row.push(choice);
                row.push(reason);
            }
            row
        })
        .collect();
    Table { head, rows }
}

/// The columns of vote `i` before the ballots.
fn vote_row(c: &Ctx, i: usize, v: &Vote) -> Vec<Cell> {
    let at = v.at.to_zoned(c.tz().clone());
    let later = crate::vote::superseded_by(&c.sess.votes, i);
    vec![
        Cell::Number(i as u64 + 1),
        Cell::Number(v.workshop.into()),
        Cell::Date(at.date()),
        text(c.time_of(v.at)),
        text(v.rule.describe(c.lang)),
        Cell::Number(v.present.len() as u64),
        Cell::Number(v.parties_total.into()),
        Cell::Number(v.tally.go.into()),
        Cell::Number(v.tally.no_go.into()),
        Cell::Number(v.tally.abstain.into()),
        Cell::Number(v.tally.absent.into()),
        text(v.outcome.word(c.lang)),
        v.deferred.map_or(Cell::Empty, |d| text(d.word(c.lang))),
        opt_text(c.user(&v.remark)),
        v.follow_up
            .as_ref()
            .map_or(Cell::Empty, |f| text(c.user(&f.route_words(c.fw, c.lang)))),
        v.revisit.map_or(Cell::Empty, Cell::Date),
        // the number of the vote held that replaced it (a deferral between
        // them is no vote)
        later
            .and_then(|l| c.sess.votes.iter().position(|x| std::ptr::eq(x, l)))
            .map_or(Cell::Empty, |j| Cell::Number(j as u64 + 1)),
        opt_text(c.user(&v.again_because)),
    ]
}

/// Party `p`'s ballot in `v` and its reason: "afwezig" when the party was
/// not there, "nog niet gestemd" when it was there without a ballot.
fn ballot_cells(c: &Ctx, v: &Vote, p: PartyId) -> (Cell, Cell) {
    // a deferral without ballots: no vote was held, nobody "did not vote"
    if v.is_deferral() && v.ballots.is_empty() {
        return (Cell::Empty, Cell::Empty);
    }
    match v.ballots.iter().find(|b| b.party == p) {
        Some(b) => (text(choice_word(c, b.choice)), opt_text(c.user(&b.reason))),
        None if v.present.contains(&p) => (text(c.s.vote_not_voted), Cell::Empty),
        // a party that joined after the vote, or left before it
        None => (text(c.s.ui_absent), Cell::Empty),
    }
}

fn choice_word(c: &Ctx, choice: Choice) -> &'static str {
    choice.word(c.lang)
}

fn opt_text(s: String) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

/// Attendance: a row per workshop and party: how the party attended (from
/// the start, arrived later, absent throughout) and every arrival and
/// departure with its time.
pub(super) fn attendance(c: &Ctx, workshop: Option<u32>) -> Table {
    let s = c.s;
    let head = vec![
        s.csv_workshop.into(),
        s.ex_date.into(),
        s.ex_party.into(),
        s.xl_attendance.into(),
        s.xl_arrivals_departures.into(),
    ];
    let mut rows = Vec::new();
    for w in &c.sess.workshops {
        if workshop.is_some_and(|n| n != w.number) {
            continue;
        }
        for a in c.sess.attendance(w.number).unwrap_or_default() {
            let how = if a.from_start {
                s.xl_from_start
            } else if a.excused_throughout() {
                c.lang.stances().ex_excused
            } else if a.absent_throughout() {
                s.ex_absent
            } else {
                s.ex_arrived_later
            };
            let changes: Vec<String> = a
                .changes
                .iter()
                .map(|ch| {
                    let t = if ch.present {
                        s.att_arrived
                    } else {
                        s.att_left
                    };
                    crate::i18n::fill(t, &[&c.time_of(ch.at)])
                })
                .collect();
            rows.push(vec![
                Cell::Number(w.number.into()),
                Cell::Date(w.date),
                text(c.party(a.party)),
                text(how),
                opt_text(changes.join(", ")),
            ]);
        }
    }
    Table { head, rows }
}
