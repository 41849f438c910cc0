//! Rules that follow from the framework and the session together: the block
//! gate (blocks after the go/no-go are locked until a GO), whether a
//! workshop needs a vote before it ends, which workshops spent time in
//! orientation, and the time of a step against its plan.

use crate::framework::{Framework, Pos};
use crate::session::Session;

/// Index of the block that ends with the go/no-go decision; later blocks are gated.
pub fn gate_block(fw: &Framework) -> Option<usize> {
    fw.decision_step().map(|(b, _)| b)
}

/// Whether `block` is locked: it comes after the go/no-go, the latest vote
/// is not a GO, and no override opened it since that vote. The latest vote
/// decides: an override given before a new NO-GO does not open the block
/// again (the room decided anew).
pub fn block_locked(fw: &Framework, s: &Session, block: usize) -> bool {
    match gate_block(fw) {
        Some(g) => block > g && !s.gate_open() && !overridden(fw, s, block),
        None => false,
    }
}

/// Whether an override opened `block` after the latest vote held (or with
/// no vote yet): a deferral is no vote, so it closes nothing again.
fn overridden(fw: &Framework, s: &Session, block: usize) -> bool {
    let since = crate::vote::latest_held(&s.votes).map(|(_, v)| v.at);
    s.overrides
        .iter()
        .any(|o| o.block == fw.blocks[block].id && since.is_none_or(|t| o.at >= t))
}

/// The block of `point`, when the gate locks it: nothing may be captured
/// there, by any path (keys, jumps, undo), until a GO or an override with
/// a reason. The one rule every capture in the TUI is checked against.
pub fn locked_block_of(fw: &Framework, s: &Session, point: &str) -> Option<usize> {
    fw.pos_of(point)
        .map(|p| p.block)
        .filter(|&b| block_locked(fw, s, b))
}

/// Whether the cursor's point is in the orientation block (or before it),
/// so the current workshop counts as an orientation workshop.
pub fn cursor_in_orientation(fw: &Framework, s: &Session) -> bool {
    match (gate_block(fw), fw.pos_of(&s.cursor)) {
        (Some(g), Some(pos)) => pos.block <= g,
        _ => false,
    }
}

/// Mark the running workshop as one that spent time in orientation, when
/// the cursor is there. Returns whether anything changed.
pub fn mark_orientation(fw: &Framework, s: &mut Session) -> bool {
    if !cursor_in_orientation(fw, s) {
        return false;
    }
    match s.current_workshop_mut() {
        Some(w) if w.ended.is_none() && !w.in_orientation => {
            w.in_orientation = true;
            true
        }
        _ => false,
    }
}

/// Whether the running workshop needs a vote outcome before it can end: it
/// spent time in orientation and has no vote yet.
pub fn needs_vote(fw: &Framework, s: &Session) -> bool {
    let Some(w) = s.current_workshop() else {
        return false;
    };
    gate_block(fw).is_some() && w.in_orientation && !s.votes.iter().any(|v| v.workshop == w.number)
}

/// How the time spent on a step compares with its budget, and that pace
/// for the step of a position: the arithmetic is in [`crate::domain::budget`].
pub use crate::domain::budget::{Pace, step_pace};

/// Where the agenda resumes when the next workshop starts: the next open
/// point (no status yet) of the lowest block that has an open point and is
/// not locked: in that block, the first open point at or after the cursor,
/// else its first open point. While a workshop runs, the cursor itself;
/// with no such block (all done, or the rest locked), the cursor too.
/// The one rule the start of a workshop, the recap's "Verder bij" and
/// `list`'s block follow.
pub fn resume_point(fw: &Framework, s: &Session) -> String {
    if s.workshop_open() || fw.pos_of(&s.cursor).is_none() {
        return s.cursor.clone();
    }
    let cursor = fw.pos_of(&s.cursor).map(|p| p.flat).unwrap_or(0);
    let open: Vec<(Pos, &str)> = fw
        .iter_points()
        .filter(|(_, _, p)| s.status_of(&p.id) == crate::session::Status::Open)
        .map(|(pos, _, p)| (pos, p.id.as_str()))
        .collect();
    let Some(block) = open
        .iter()
        .map(|(pos, _)| pos.block)
        .find(|&b| !block_locked(fw, s, b))
    else {
        return s.cursor.clone();
    };
    let in_block = || open.iter().filter(move |(pos, _)| pos.block == block);
    in_block()
        .find(|(pos, _)| pos.flat >= cursor)
        .or_else(|| in_block().next())
        .map_or_else(|| s.cursor.clone(), |(_, id)| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vote::{Closing, Outcome, Vote};
    use jiff::Timestamp;

    fn now() -> Timestamp {
        Timestamp::from_second(1_790_000_000).unwrap()
    }

    fn session(fw: &Framework) -> Session {
        let mut s = Session::new("Gate", fw, now());
        s.add_party("A", "", "");
        s.resume(now());
        s
    }

    fn vote(s: &Session, outcome: Outcome) -> Vote {
        let mut v = Vote::cast(s, vec![1], vec![], Closing::default(), now());
        v.outcome = outcome;
        v
    }

    #[test]
    fn blocks_after_the_decision_open_with_a_go_or_an_override() {
        let fw = Framework::builtin();
        let mut s = session(&fw);
        let g = gate_block(&fw).unwrap();
        assert_eq!(g, 0);
        assert!(!block_locked(&fw, &s, 0));
        assert!(block_locked(&fw, &s, 1));
        {
            let v = vote(&s, Outcome::NoGo);
            s.votes.push(v);
        }
        assert!(block_locked(&fw, &s, 1));
        {
            let v = vote(&s, Outcome::Go);
            s.votes.push(v);
        }
        assert!(!block_locked(&fw, &s, 3));
        // a later NO-GO locks again: the latest vote decides
        {
            let v = vote(&s, Outcome::NoGo);
            s.votes.push(v);
        }
        assert!(block_locked(&fw, &s, 2));
        s.overrides.push(crate::session::GateOverride {
            workshop: 1,
            at: now(),
            block: fw.blocks[2].id.clone(),
            reason: "bestuurlijk besluit".into(),
        });
        assert!(!block_locked(&fw, &s, 2));
        assert!(block_locked(&fw, &s, 1));
    }

    #[test]
    fn the_latest_vote_decides_also_over_an_earlier_override() {
        let fw = Framework::builtin();
        let mut s = session(&fw);
        let at = |secs: i64| Timestamp::from_second(1_790_000_000 + secs).unwrap();
        let mut no_go = vote(&s, Outcome::NoGo);
        no_go.at = at(0);
        s.votes.push(no_go.clone());
        s.overrides.push(crate::session::GateOverride {
            workshop: 1,
            at: at(60),
            block: fw.blocks[1].id.clone(),
            reason: "bestuurlijk besluit".into(),
        });
        assert!(!block_locked(&fw, &s, 1), "opened by the override");
        let mut go = vote(&s, Outcome::Go);
        go.at = at(120);
        s.votes.push(go);
        assert!(!block_locked(&fw, &s, 1));
        // a new NO-GO: the earlier override does not open the block again
        no_go.at = at(180);
        s.votes.push(no_go);
        assert!(block_locked(&fw, &s, 1));
        assert_eq!(locked_block_of(&fw, &s, "2.1.1"), Some(1));
        assert_eq!(locked_block_of(&fw, &s, "1.5.1"), None);
        assert_eq!(locked_block_of(&fw, &s, "no such point"), None);
        assert_eq!(s.votes.len(), 3, "every vote is kept");
    }

    #[test]
    fn an_orientation_workshop_needs_a_vote_before_it_ends() {
        let fw = Framework::builtin();
        let mut s = session(&fw);
        assert!(!needs_vote(&fw, &s), "not yet in orientation");
        assert!(mark_orientation(&fw, &mut s));
        assert!(!mark_orientation(&fw, &mut s), "once");
        assert!(needs_vote(&fw, &s));
        {
            let v = vote(&s, Outcome::Deferred);
            s.votes.push(v);
        }
        assert!(!needs_vote(&fw, &s));
        // a cursor in block 2 does not mark a new workshop
        let mut t = session(&fw);
        t.cursor = fw.point_at(fw.first_of_step(1, 0)).id.clone();
        assert!(!mark_orientation(&fw, &mut t));
    }

    #[test]
    fn the_next_workshop_resumes_at_the_lowest_open_unlocked_block() {
        let fw = Framework::builtin();
        let mut s = session(&fw);
        let decide = |s: &mut Session, id: &str| {
            s.set_status(id, crate::session::Status::Consensus, vec![], "", now());
        };
        let block_points = |b: usize| -> Vec<String> {
            fw.iter_points()
                .filter(|(pos, _, _)| pos.block == b)
                .map(|(_, _, p)| p.id.clone())
                .collect()
        };
        // a running workshop goes on at its cursor
        s.cursor = "1.2.4".into();
        assert_eq!(resume_point(&fw, &s), "1.2.4");
        s.end_workshop(now());
        // block 1 open: its first open point at or after the cursor
        assert_eq!(resume_point(&fw, &s), "1.2.4");
        decide(&mut s, "1.2.4");
        let next = block_points(0)
            .into_iter()
            .skip_while(|id| id != "1.2.4")
            .nth(1)
            .unwrap();
        assert_eq!(resume_point(&fw, &s), next);
        // every point of block 1 decided, no GO: block 2 is locked, so
        // there is nowhere further to go: the cursor stays
        for id in block_points(0) {
            decide(&mut s, &id);
        }
        assert_eq!(resume_point(&fw, &s), "1.2.4");
        // a GO: block 2 opens; its first points decided, the next open one
        let v = vote(&s, Outcome::Go);
        s.votes.push(v);
        let two = block_points(1);
        for id in &two[..3] {
            decide(&mut s, id);
        }
        assert_eq!(resume_point(&fw, &s), two[3]);
        // an open point left behind in block 1 comes first: the lowest block
        s.set_status(
            &block_points(0)[2],
            crate::session::Status::Open,
            vec![],
            "",
            now(),
        );
        assert_eq!(resume_point(&fw, &s), block_points(0)[2]);
    }

    /// A deferral is no vote: after a GO the blocks stay open, and an
    /// override given after a NO-GO still holds after a deferral.
    #[test]
    fn a_deferral_changes_no_gate() {
        let fw = Framework::builtin();
        let mut s = session(&fw);
        let at = |secs: i64| Timestamp::from_second(1_790_000_000 + secs).unwrap();
        let deferral = |s: &Session, secs| {
            let closing = Closing {
                deferred_because: Some("later".into()),
                deferred_by_room: true,
                ..Closing::default()
            };
            Vote::cast(s, vec![1], vec![], closing, at(secs))
        };
        let mut no_go = vote(&s, Outcome::NoGo);
        no_go.at = at(0);
        s.votes.push(no_go);
        s.overrides.push(crate::session::GateOverride {
            workshop: 1,
            at: at(60),
            block: fw.blocks[1].id.clone(),
            reason: "bestuurlijk besluit".into(),
        });
        let d = deferral(&s, 120);
        s.votes.push(d);
        assert!(!block_locked(&fw, &s, 1), "the override still holds");
        assert!(block_locked(&fw, &s, 2));
        let mut go = vote(&s, Outcome::Go);
        go.at = at(180);
        s.votes.push(go);
        let d = deferral(&s, 240);
        s.votes.push(d);
        assert!(s.gate_open(), "the GO still decides");
        assert!(!block_locked(&fw, &s, 2));
    }
}
