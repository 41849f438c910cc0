//! Notes and action items on a point, and their changes after they were
//! typed (edited, done, reopened, removed).

use jiff::Timestamp;
use jiff::civil::Date;

use super::{ActionItem, ItemChange, ItemChangeKind, Note, PartyId, Session};

impl Session {
    pub fn add_note(&mut self, point: &str, text: &str, now: Timestamp) {
        let workshop = self.workshop_number();
        // the note itself carries its workshop and time: no separate history entry
        self.record_mut(point).notes.push(Note {
            workshop,
            at: now,
            text: text.to_string(),
            changes: Vec::new(),
        });
    }

    pub fn add_action(
        &mut self,
        point: &str,
        what: &str,
        owner: Option<PartyId>,
        due: Option<Date>,
        now: Timestamp,
    ) {
        let workshop = self.workshop_number();
        self.record_mut(point).actions.push(ActionItem {
            workshop,
            at: now,
            what: what.to_string(),
            owner,
            due,
            done: false,
            changes: Vec::new(),
        });
    }

    /// A change to a note or action item, stamped with this workshop and `now`.
    fn item_change(&self, kind: ItemChangeKind, now: Timestamp) -> ItemChange {
        ItemChange {
            workshop: self.workshop_number(),
            at: now,
            kind,
            text: String::new(),
            owner: None,
            due: None,
        }
    }

    /// The note `index` of a point, unless it does not exist or was removed.
    fn live_note_mut(&mut self, point: &str, index: usize) -> Option<&mut Note> {
        let r = self.points.get_mut(point)?;
        r.notes.get_mut(index).filter(|n| n.live())
    }

    /// The action item `index` of a point, unless it does not exist or was removed.
    fn live_action_mut(&mut self, point: &str, index: usize) -> Option<&mut ActionItem> {
        let r = self.points.get_mut(point)?;
        r.actions.get_mut(index).filter(|a| a.live())
    }

    /// Change the text of note `index`; the text it had is kept in its
    /// changes. Returns whether anything changed (the same text again, an
    /// empty text, a removed note: nothing).
    pub fn edit_note(&mut self, point: &str, index: usize, text: &str, now: Timestamp) -> bool {
        let mut change = self.item_change(ItemChangeKind::Edited, now);
        let text = text.trim_end();
        let Some(n) = self.live_note_mut(point, index) else {
            return false;
        };
        if text.trim().is_empty() || n.text == text {
            return false;
        }
        change.text = std::mem::replace(&mut n.text, text.to_string());
        n.changes.push(change);
        true
    }

    /// Change what action item `index` is, who owns it and by when; what it
    /// was is kept in its changes. Returns whether anything changed.
    pub fn edit_action(
        &mut self,
        point: &str,
        index: usize,
        what: &str,
        owner: Option<PartyId>,
        due: Option<Date>,
        now: Timestamp,
    ) -> bool {
        let mut change = self.item_change(ItemChangeKind::Edited, now);
        let what = what.trim();
        let Some(a) = self.live_action_mut(point, index) else {
            return false;
        };
        if what.is_empty() || (a.what == what && a.owner == owner && a.due == due) {
            return false;
        }
        change.text = std::mem::replace(&mut a.what, what.to_string());
        change.owner = std::mem::replace(&mut a.owner, owner);
        change.due = std::mem::replace(&mut a.due, due);
        a.changes.push(change);
        true
    }

    /// Mark action item `index` done (`true`, with this workshop and date)
    /// or open again. Returns whether anything changed.
    pub fn set_action_done(
        &mut self,
        point: &str,
        index: usize,
        done: bool,
        now: Timestamp,
    ) -> bool {
        let kind = if done {
            ItemChangeKind::Done
        } else {
            ItemChangeKind::Reopened
        };
        let change = self.item_change(kind, now);
        let Some(a) = self.live_action_mut(point, index) else {
            return false;
        };
        if a.done == done {
            return false;
        }
        a.done = done;
        a.changes.push(change);
        true
    }

    /// Remove note `index`: it stays in the file, marked as removed in this
    /// workshop, and leaves the lists. Returns whether anything changed.
    pub fn remove_note(&mut self, point: &str, index: usize, now: Timestamp) -> bool {
        let change = self.item_change(ItemChangeKind::Removed, now);
        let Some(n) = self.live_note_mut(point, index) else {
            return false;
        };
        n.changes.push(change);
        true
    }

    /// Remove action item `index`: it stays in the file, marked as removed
    /// in this workshop, and leaves the lists. Returns whether anything changed.
    pub fn remove_action(&mut self, point: &str, index: usize, now: Timestamp) -> bool {
        let change = self.item_change(ItemChangeKind::Removed, now);
        let Some(a) = self.live_action_mut(point, index) else {
            return false;
        };
        a.changes.push(change);
        true
    }
}
