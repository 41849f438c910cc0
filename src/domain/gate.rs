//! Rules that follow from the framework and the session together: the block
//! gate (blocks after the go/no-go are locked until a GO), whether a
//! workshop needs a vote before it ends, which workshops spent time in
//! orientation, and the time of a step against its plan.

use crate::framework::Framework;
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

/// Whether an override opened `block` after the latest vote (or with no vote yet).
fn overridden(fw: &Framework, s: &Session, block: usize) -> bool {
    let since = s.latest_vote().map(|v| v.at);
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
}
