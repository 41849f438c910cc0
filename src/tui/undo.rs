//! Undo and redo of captures.
//!
//! An entry holds what a capture changed in one point record, not the whole
//! record: the small fields (status, reasons, dissenters, stances) and, for
//! the lists that grow over a session (notes, action items, history), only
//! the part between what they have in common at the start and at the end
//! (a new item, or the one item marked done, edited or removed). The stack is bounded: the oldest
//! entries are dropped past [`UNDO_LIMIT`]. A capture that changes nothing
//! makes no entry at all (see [`Change::between`]).

use std::collections::{BTreeMap, VecDeque};

use crate::domain::workday::{Adoption, ParkedTopic};
use crate::session::{
    ActionItem, HistoryEntry, Note, PartyId, PointRecord, Session, StanceEntry, Status,
};

/// How many captures can be undone; older ones are dropped.
pub const UNDO_LIMIT: usize = 1000;

/// The fields of a record that a capture sets as a whole (all small).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Core {
    status: Status,
    skip_reason: String,
    dissenters: Vec<PartyId>,
    dissent_reason: String,
    stances: Vec<StanceEntry>,
}

impl Core {
    fn of(r: &PointRecord) -> Core {
        Core {
            status: r.status,
            skip_reason: r.skip_reason.clone(),
            dissenters: r.dissenters.clone(),
            dissent_reason: r.dissent_reason.clone(),
            stances: r.stances.clone(),
        }
    }

    fn put(&self, r: &mut PointRecord) {
        r.status = self.status;
        r.skip_reason.clone_from(&self.skip_reason);
        r.dissenters.clone_from(&self.dissenters);
        r.dissent_reason.clone_from(&self.dissent_reason);
        r.stances.clone_from(&self.stances);
    }
}

/// A change of one list: the first `keep` and the last `tail` items are
/// shared, the part between differs (an item added at the end, or one
/// item changed in place: marked done, edited, removed).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ListDelta<T> {
    keep: usize,
    tail: usize,
    before: Vec<T>,
    after: Vec<T>,
}

impl<T: Clone + PartialEq> ListDelta<T> {
    fn between(before: &[T], after: &[T]) -> ListDelta<T> {
        let keep = before.iter().zip(after).take_while(|(b, a)| b == a).count();
        let (b, a) = (&before[keep..], &after[keep..]);
        let tail = b
            .iter()
            .rev()
            .zip(a.iter().rev())
            .take_while(|(b, a)| b == a)
            .count();
        ListDelta {
            keep,
            tail,
            before: b[..b.len() - tail].to_vec(),
            after: a[..a.len() - tail].to_vec(),
        }
    }

    fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    fn apply(&self, list: &mut Vec<T>, forward: bool) {
        let (from, to) = if forward {
            (&self.before, &self.after)
        } else {
            (&self.after, &self.before)
        };
        let end = (self.keep + from.len()).min(list.len());
        let start = self.keep.min(end);
        list.splice(start..end, to.iter().cloned());
    }

    fn len(&self) -> usize {
        self.before.len() + self.after.len()
    }
}

/// One undoable capture on one point.
#[derive(Debug, Clone)]
pub struct Change {
    pub point: String,
    pub label: String,
    before: Core,
    after: Core,
    notes: ListDelta<Note>,
    actions: ListDelta<ActionItem>,
    history: ListDelta<HistoryEntry>,
    /// The workshop day's lists before and after, when the capture
    /// changed them (issue 26: a topic parked, moved to a note or action,
    /// closed; minutes adopted).
    parking: Option<(DayLists, DayLists)>,
}

/// The session's lists of the workshop day (issue 26), kept whole by an
/// undo entry (they are short: a workshop parks a handful of topics).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DayLists {
    pub adoptions: Vec<Adoption>,
    pub parking: Vec<ParkedTopic>,
}

impl DayLists {
    pub fn of(s: &Session) -> DayLists {
        DayLists {
            adoptions: s.adoptions.clone(),
            parking: s.parking.clone(),
        }
    }

    fn put(&self, s: &mut Session) {
        s.adoptions.clone_from(&self.adoptions);
        s.parking.clone_from(&self.parking);
    }

    fn len(&self) -> usize {
        self.adoptions.len() + self.parking.len()
    }
}

impl Change {
    /// A capture that changed the workshop day's lists (and maybe the
    /// point: a topic that became a note or action of it); `None` when
    /// neither changed.
    pub fn with_day(
        point: &str,
        label: &str,
        record: (Option<&PointRecord>, Option<&PointRecord>),
        parking: (&DayLists, &DayLists),
    ) -> Option<Change> {
        let mut change = Change::between(point, label, record.0, record.1).unwrap_or_else(|| {
            let r = record.0.cloned().unwrap_or_default();
            Change {
                point: point.to_string(),
                label: label.to_string(),
                before: Core::of(&r),
                after: Core::of(&r),
                notes: ListDelta::between(&[], &[]),
                actions: ListDelta::between(&[], &[]),
                history: ListDelta::between(&[], &[]),
                parking: None,
            }
        });
        if parking.0 == parking.1 {
            let unchanged = change.before == change.after
                && change.notes.is_empty()
                && change.actions.is_empty();
            return (!unchanged).then_some(change);
        }
        change.parking = Some((parking.0.clone(), parking.1.clone()));
        Some(change)
    }

    /// Put the workshop day's lists back as they were before (undo) or
    /// after (redo).
    pub fn apply_day(&self, s: &mut Session, forward: bool) {
        if let Some((before, after)) = &self.parking {
            if forward { after } else { before }.put(s);
        }
    }

    /// What a capture changed, or `None` when it changed nothing that the
    /// room decided (a history entry alone is no change: the same status or
    /// stance again records nothing).
    pub fn between(
        point: &str,
        label: &str,
        before: Option<&PointRecord>,
        after: Option<&PointRecord>,
    ) -> Option<Change> {
        let empty = PointRecord::default();
        let (b, a) = (before.unwrap_or(&empty), after.unwrap_or(&empty));
        let change = Change {
            point: point.to_string(),
            label: label.to_string(),
            before: Core::of(b),
            after: Core::of(a),
            notes: ListDelta::between(&b.notes, &a.notes),
            actions: ListDelta::between(&b.actions, &a.actions),
            history: ListDelta::between(&b.history, &a.history),
            parking: None,
        };
        let same =
            change.before == change.after && change.notes.is_empty() && change.actions.is_empty();
        (!same).then_some(change)
    }

    /// Put the point back as it was before (`forward == false`, undo) or
    /// after (redo) the capture. The discussion time is not part of a
    /// capture and is left as it is.
    pub fn apply(&self, points: &mut BTreeMap<String, PointRecord>, forward: bool) {
        let r = points.entry(self.point.clone()).or_default();
        if forward { &self.after } else { &self.before }.put(r);
        self.notes.apply(&mut r.notes, forward);
        self.actions.apply(&mut r.actions, forward);
        self.history.apply(&mut r.history, forward);
        if *r == PointRecord::default() {
            points.remove(&self.point);
        }
    }

    /// Items held by this entry (for tests of its size).
    pub fn held_items(&self) -> usize {
        self.before.stances.len()
            + self.after.stances.len()
            + self.notes.len()
            + self.actions.len()
            + self.history.len()
            + self.parking.as_ref().map_or(0, |(b, a)| b.len() + a.len())
    }
}

/// Undo and redo stacks; the undo stack holds at most [`UNDO_LIMIT`] entries.
#[derive(Debug, Default)]
pub struct UndoStack {
    undo: VecDeque<Change>,
    redo: Vec<Change>,
    /// A vote was recorded: nothing before it can be undone (see
    /// [`UndoStack::seal`]).
    sealed: bool,
}

impl UndoStack {
    /// A new capture: it can be undone, and what was undone before cannot be redone.
    pub fn push(&mut self, change: Change) {
        if self.undo.len() >= UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(change);
        self.redo.clear();
    }

    /// A vote was recorded: what the room decided on stays as it was when
    /// it voted, so `u` does not reach behind the vote (a consensus taken
    /// back after a NO-GO would leave the vote on a record that changed
    /// under it). Captures after the vote are undone as before.
    pub fn seal(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.sealed = true;
    }

    /// Whether nothing can be undone because of a vote: every capture since
    /// it is undone (see [`UndoStack::seal`]).
    pub fn sealed(&self) -> bool {
        self.sealed && self.undo.is_empty()
    }

    /// Take the entry to undo or redo.
    pub fn take(&mut self, undo: bool) -> Option<Change> {
        if undo {
            self.undo.pop_back()
        } else {
            self.redo.pop()
        }
    }

    /// The entry `take` would give, left in place.
    pub fn peek(&self, undo: bool) -> Option<&Change> {
        if undo {
            self.undo.back()
        } else {
            self.redo.last()
        }
    }

    /// Put an entry that was just undone (on the redo stack) or redone (back on the undo stack).
    pub fn done(&mut self, change: Change, was_undo: bool) {
        if was_undo {
            self.redo.push(change);
        } else {
            if self.undo.len() >= UNDO_LIMIT {
                self.undo.pop_front();
            }
            self.undo.push_back(change);
        }
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Items held by all entries together.
    pub fn held_items(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(Change::held_items)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Stance;
    use jiff::Timestamp;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_790_000_000 + s).unwrap()
    }

    fn history(n: usize) -> Vec<HistoryEntry> {
        (0..n)
            .map(|i| HistoryEntry {
                workshop: 1,
                at: at(i as i64),
                kind: crate::record::HistoryKind::Status,
                detail: format!("entry {i}"),
            })
            .collect()
    }

    #[test]
    fn a_capture_that_changes_nothing_is_no_change() {
        let mut r = PointRecord {
            status: Status::Consensus,
            history: history(3),
            ..Default::default()
        };
        let before = r.clone();
        r.history.extend(history(1));
        assert!(Change::between("1.1.1", "c", Some(&before), Some(&r)).is_none());
        // nothing at all before, only a history entry after: still nothing
        let only_history = PointRecord {
            history: history(1),
            ..Default::default()
        };
        assert!(Change::between("1.1.1", "o", None, Some(&only_history)).is_none());
    }

    #[test]
    fn undo_and_redo_restore_the_record_exactly() {
        let before = PointRecord {
            history: history(500),
            ..Default::default()
        };
        let mut after = before.clone();
        after.status = Status::Dissent;
        after.dissenters = vec![2, 3];
        after.dissent_reason = "te duur".into();
        after.stances.push(StanceEntry {
            party: 2,
            stance: Stance::Disagree,
            reason: String::new(),
        });
        after.history.extend(history(1));
        let change = Change::between("1.1.1", "d", Some(&before), Some(&after)).unwrap();
        // the entry holds the new history entry, not the 500 before it
        assert!(change.held_items() <= 3, "{}", change.held_items());
        let mut points = BTreeMap::from([("1.1.1".to_string(), after.clone())]);
        change.apply(&mut points, false);
        assert_eq!(points["1.1.1"], before);
        change.apply(&mut points, true);
        assert_eq!(points["1.1.1"], after);
    }

    #[test]
    fn undoing_the_first_capture_removes_the_record_but_keeps_time() {
        let after = PointRecord {
            notes: vec![Note {
                workshop: 1,
                at: at(0),
                text: "n".into(),
                changes: Vec::new(),
            }],
            ..Default::default()
        };
        let change = Change::between("1.1.1", "n", None, Some(&after)).unwrap();
        let mut points = BTreeMap::from([("1.1.1".to_string(), after.clone())]);
        change.apply(&mut points, false);
        assert!(points.is_empty());
        // discussion time gathered meanwhile is not undone
        let mut timed = after.clone();
        timed.seconds = 90;
        let mut points = BTreeMap::from([("1.1.1".to_string(), timed)]);
        change.apply(&mut points, false);
        assert_eq!(points["1.1.1"].seconds, 90);
        assert!(points["1.1.1"].notes.is_empty());
    }

    fn notes(n: usize) -> Vec<Note> {
        (0..n)
            .map(|i| Note {
                workshop: 1,
                at: at(i as i64),
                text: format!("note {i}"),
                changes: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_change_to_one_old_item_holds_that_item_only() {
        let before = PointRecord {
            notes: notes(500),
            ..Default::default()
        };
        let mut after = before.clone();
        after.notes[3].changes.push(crate::record::ItemChange {
            workshop: 2,
            at: at(900),
            kind: crate::record::ItemChangeKind::Removed,
            text: String::new(),
            owner: None,
            due: None,
        });
        after.notes[3].text = "edited".into();
        let change = Change::between("1.1.1", "x", Some(&before), Some(&after)).unwrap();
        assert_eq!(change.held_items(), 2, "the item before and after");
        let mut points = BTreeMap::from([("1.1.1".to_string(), after.clone())]);
        change.apply(&mut points, false);
        assert_eq!(points["1.1.1"], before);
        change.apply(&mut points, true);
        assert_eq!(points["1.1.1"], after);
    }

    #[test]
    fn the_stack_is_bounded_and_drops_the_oldest() {
        let mut stack = UndoStack::default();
        let after = PointRecord {
            status: Status::Consensus,
            ..Default::default()
        };
        for i in 0..(UNDO_LIMIT + 250) {
            let c = Change::between(&format!("p{i}"), "c", None, Some(&after)).unwrap();
            stack.push(c);
        }
        assert_eq!(stack.undo_len(), UNDO_LIMIT);
        let newest = stack.take(true).unwrap();
        assert_eq!(newest.point, format!("p{}", UNDO_LIMIT + 249));
        stack.done(newest, true);
        assert_eq!(stack.redo_len(), 1);
        let again = stack.take(false).unwrap();
        stack.done(again, false);
        assert_eq!(stack.undo_len(), UNDO_LIMIT);
        assert_eq!(stack.redo_len(), 0);
    }

    #[test]
    fn a_parked_topic_moved_to_an_action_is_undone_and_redone_whole() {
        let fw = crate::framework::Framework::builtin();
        let mut s = crate::session::Session::new("S", &fw, at(0));
        s.park("Bankjes", None, "1.1.1", at(1));
        let (rec, park) = (s.record("1.1.2").cloned(), DayLists::of(&s));
        s.move_parked(1, "1.1.2", crate::domain::workday::ParkedHow::Action, at(2));
        let pair = (rec.as_ref(), s.record("1.1.2"));
        let c = Change::with_day("1.1.2", "x", pair, (&park, &DayLists::of(&s))).unwrap();
        let after = s.clone();
        c.apply(&mut s.points, false);
        c.apply_day(&mut s, false);
        assert!(s.record("1.1.2").is_none(), "the action is gone");
        assert!(s.parked(1).unwrap().is_open(), "the topic is open again");
        c.apply(&mut s.points, true);
        c.apply_day(&mut s, true);
        assert_eq!(s.points, after.points);
        assert_eq!(s.parking, after.parking);
        // parking alone (no point changed) is a change too; nothing at all is none
        let before = DayLists::of(&s);
        s.park("Nog een", None, "1.1.1", at(3));
        let (r, now) = (s.record("1.1.1"), DayLists::of(&s));
        assert!(Change::with_day("1.1.1", "x", (r, r), (&before, &now)).is_some());
        assert!(Change::with_day("1.1.1", "x", (r, r), (&now, &now)).is_none());
    }
}
