//! Time spent: per point (kept by the point's timer, over all workshops),
//! per step (the sum of its points), and which steps a workshop touched.
//! The summary at the end of a workshop and the minutes show these.

use crate::framework::{Framework, Pos};
use crate::session::Session;

/// A duration as a clock shows it: "03:20", or "1:42:10" from an hour on.
pub fn duration_text(secs: u64) -> String {
    if secs >= 3600 {
        format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    } else {
        format!("{:02}:{:02}", secs / 60, secs % 60)
    }
}

/// Add `secs` of discussion to a point (what its timer measured), never past
/// what the loader accepts and never wrapping.
pub fn add_time(s: &mut Session, point: &str, secs: u64) {
    let rec = s.points.entry(point.to_string()).or_default();
    rec.seconds = rec
        .seconds
        .saturating_add(secs)
        .min(crate::session::MAX_SECONDS);
}

/// Seconds of discussion recorded on a point.
pub fn point_seconds(s: &Session, point: &str) -> u64 {
    s.record(point).map(|r| r.seconds).unwrap_or(0)
}

/// Seconds of discussion recorded on the points of the step at `pos`.
pub fn step_seconds(fw: &Framework, s: &Session, pos: Pos) -> u64 {
    fw.step_at(pos)
        .points
        .iter()
        .map(|p| point_seconds(s, &p.id))
        .fold(0, u64::saturating_add)
}

/// One step touched in a workshop: where it is, and its points that were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTouched {
    /// The position of the step's first point.
    pub pos: Pos,
    /// Ids of the step's points captured on in the workshop, in agenda order.
    pub points: Vec<String>,
}

/// Seconds spent on a point in one workshop: from the journal's events of
/// that workshop; for a workshop from before the journal, all the point's
/// time (the only figure such a file kept).
pub fn point_seconds_in(s: &Session, point: &str, workshop: u32) -> u64 {
    crate::journal::seconds_in(s, point, workshop).unwrap_or_else(|| point_seconds(s, point))
}

/// Seconds spent on the points of the step at `pos` in one workshop (see
/// [`point_seconds_in`]).
pub fn step_seconds_in(fw: &Framework, s: &Session, pos: Pos, workshop: u32) -> u64 {
    match crate::journal::workshop_facts(s, workshop) {
        Some(f) => fw
            .step_at(pos)
            .points
            .iter()
            .map(|p| f.seconds(&p.id))
            .fold(0, u64::saturating_add),
        None => step_seconds(fw, s, pos),
    }
}

/// The steps a workshop discussed, in agenda order, each with its points
/// that were discussed: from the journal, a point decided, with stances
/// heard or time spent in that workshop (a note added to an earlier point,
/// or an action marked done, is not a discussion); for a workshop from
/// before the journal, every point captured on in it.
pub fn steps_touched(fw: &Framework, s: &Session, workshop: u32) -> Vec<StepTouched> {
    let facts = crate::journal::workshop_facts(s, workshop);
    let mut out: Vec<StepTouched> = Vec::new();
    for (pos, _, p) in fw.iter_points() {
        let discussed = match &facts {
            Some(f) => f.discussed(&p.id),
            None => s.record(&p.id).is_some_and(|r| r.touched_in(workshop)),
        };
        if !discussed {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.pos.block == pos.block && last.pos.step == pos.step => {
                last.points.push(p.id.clone())
            }
            _ => out.push(StepTouched {
                pos,
                points: vec![p.id.clone()],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Status;
    use jiff::Timestamp;

    #[test]
    fn durations_read_as_a_clock() {
        assert_eq!(duration_text(0), "00:00");
        assert_eq!(duration_text(200), "03:20");
        assert_eq!(duration_text(6130), "1:42:10");
    }

    #[test]
    fn steps_touched_group_points_and_sum_their_time() {
        let fw = Framework::builtin();
        let t = Timestamp::from_second(1_790_000_000).unwrap();
        let mut s = Session::new("Tijd", &fw, t);
        s.resume(t);
        let ids: Vec<String> = fw.iter_points().map(|(_, _, p)| p.id.clone()).collect();
        s.set_status(&ids[0], Status::Consensus, vec![], "", t);
        s.set_status(&ids[1], Status::Consensus, vec![], "", t);
        s.points.get_mut(&ids[0]).unwrap().seconds = 120;
        s.points.get_mut(&ids[1]).unwrap().seconds = 30;
        // a point of another step, with time but nothing captured: not touched
        let other = fw.iter_points().find(|(pos, _, _)| pos.step == 1).unwrap();
        s.points.entry(other.2.id.clone()).or_default().seconds = 999;
        let touched = steps_touched(&fw, &s, 1);
        assert_eq!(touched.len(), 1, "{touched:?}");
        assert_eq!(touched[0].points, vec![ids[0].clone(), ids[1].clone()]);
        assert_eq!(step_seconds(&fw, &s, touched[0].pos), 150);
        assert_eq!(step_seconds(&fw, &s, other.0), 999);
        assert!(steps_touched(&fw, &s, 2).is_empty());
    }
}
