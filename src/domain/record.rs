//! What is captured on one discussion point: its status, the stances of the
//! parties, notes, action items and the history of changes.
//!
//! Plain data (serde); the operations that change it live on
//! [`crate::session::Session`], so every change is logged once.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::session::PartyId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    Consensus,
    Dissent,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::Consensus,
        Status::Dissent,
        Status::Skipped,
    ];

    /// The name written in the history ("open", "consensus", …).
    pub fn key(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Consensus => "consensus",
            Status::Dissent => "dissent",
            Status::Skipped => "skipped",
        }
    }

    /// The symbol shown next to the word; never colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Open => "○",
            Status::Consensus => "✔",
            Status::Dissent => "✖",
            Status::Skipped => "↷",
        }
    }

    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Status::Open => s.status_open,
            Status::Consensus => s.status_consensus,
            Status::Dissent => s.status_dissent,
            Status::Skipped => s.status_skipped,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    #[default]
    NotStated,
    Agree,
    Reservations,
    Disagree,
}

impl Stance {
    /// The name written in the history ("notstated", "agree", …; the
    /// spelling of the first files, kept so they read the same).
    pub fn key(self) -> &'static str {
        match self {
            Stance::NotStated => "notstated",
            Stance::Agree => "agree",
            Stance::Reservations => "reservations",
            Stance::Disagree => "disagree",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Stance::NotStated => "·",
            Stance::Agree => "✔",
            Stance::Reservations => "≈",
            Stance::Disagree => "✖",
        }
    }

    pub fn word(self, lang: crate::i18n::Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Stance::NotStated => s.stance_none,
            Stance::Agree => s.stance_agree,
            Stance::Reservations => s.stance_reservations,
            Stance::Disagree => s.stance_disagree,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceEntry {
    pub party: PartyId,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub workshop: u32,
    pub at: Timestamp,
    pub text: String,
    /// What happened to the note after it was typed (edits with the text
    /// they replaced, its removal), oldest first. Nothing is replaced
    /// silently: a removed note stays here, marked as removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ItemChange>,
}

impl Note {
    /// When (and in which workshop) the note was removed, if it was.
    pub fn removed(&self) -> Option<&ItemChange> {
        removed(&self.changes)
    }

    /// Whether the note is still part of the record (not removed).
    pub fn live(&self) -> bool {
        self.removed().is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub workshop: u32,
    pub at: Timestamp,
    pub what: String,
    /// The party that owns the action, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PartyId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default)]
    pub done: bool,
    /// What happened to the item after it was typed (edits with what they
    /// replaced, marked done, reopened, removed), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ItemChange>,
}

impl ActionItem {
    /// When (and in which workshop) the item was removed, if it was.
    pub fn removed(&self) -> Option<&ItemChange> {
        removed(&self.changes)
    }

    /// Whether the item is still part of the record (not removed).
    pub fn live(&self) -> bool {
        self.removed().is_none()
    }

    /// Still to do: neither done nor removed.
    pub fn is_open(&self) -> bool {
        !self.done && self.live()
    }

    /// When it was marked done, while it is done (`None` when open, or
    /// when a file from before this was recorded says done without a date).
    pub fn done_change(&self) -> Option<&ItemChange> {
        if !self.done {
            return None;
        }
        self.changes
            .iter()
            .rev()
            .find(|c| c.kind == ItemChangeKind::Done)
    }

    /// Whether it was marked done in workshop `number` (and still is).
    pub fn done_in(&self, number: u32) -> bool {
        self.done_change().is_some_and(|c| c.workshop == number)
    }
}

fn removed(changes: &[ItemChange]) -> Option<&ItemChange> {
    changes.iter().find(|c| c.kind == ItemChangeKind::Removed)
}

/// One change to a note or action item after it was typed: in which
/// workshop, when, what; an edit keeps what it replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    pub workshop: u32,
    pub at: Timestamp,
    pub kind: ItemChangeKind,
    /// For `edited`: the text before the edit (a note's text, an action's what).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// For an edited action item: its owner before the edit (none: nobody).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<PartyId>,
    /// For an edited action item: its due date before the edit (none: no date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

/// What an [`ItemChange`] did. Written as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemChangeKind {
    Edited,
    Done,
    Reopened,
    Removed,
}

/// One entry in a point's history: a status or stance change, in which
/// workshop, when. (Notes and action items carry their own workshop and time.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    pub workshop: u32,
    pub at: Timestamp,
    pub kind: HistoryKind,
    /// What it became: "consensus", "dissent: <reason>", "3: agree", …
    pub detail: String,
}

/// What a history entry records. Written as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HistoryKind {
    Status,
    Stance,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRecord {
    #[serde(default)]
    pub status: Status,
    /// Why the point was skipped (required for `skipped`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub skip_reason: String,
    /// Who dissents (for `dissent`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dissenters: Vec<PartyId>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dissent_reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stances: Vec<StanceEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
    /// Seconds of discussion on this point, over all workshops.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seconds: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryEntry>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl PointRecord {
    pub fn stance_of(&self, party: PartyId) -> Stance {
        self.stances
            .iter()
            .find(|s| s.party == party)
            .map(|s| s.stance)
            .unwrap_or_default()
    }

    pub fn stance_entry(&self, party: PartyId) -> Option<&StanceEntry> {
        self.stances.iter().find(|s| s.party == party)
    }

    /// The parties recorded as "oneens" on a point marked consensus: the
    /// consensus holds despite them. Empty on any other point. The
    /// beamer and the CSV mark it as the facilitator's screen does.
    pub fn consensus_over(&self) -> Vec<PartyId> {
        if self.status != Status::Consensus {
            return Vec::new();
        }
        self.stances
            .iter()
            .filter(|e| e.stance == Stance::Disagree)
            .map(|e| e.party)
            .collect()
    }

    /// Whether anything was captured on this point in the given workshop:
    /// a status or stance, a note or action item that is still there, or a
    /// change to one (an edit, done, reopened, removed: the minutes of that
    /// workshop show it).
    pub fn touched_in(&self, workshop: u32) -> bool {
        self.history.iter().any(|h| h.workshop == workshop)
            || self
                .notes
                .iter()
                .any(|n| n.live() && n.workshop == workshop)
            || self
                .actions
                .iter()
                .any(|a| a.live() && a.workshop == workshop)
            || self.item_changes().any(|c| c.workshop == workshop)
    }

    /// The last workshop in which anything was captured on this point.
    pub fn last_workshop(&self) -> Option<u32> {
        let h = self.history.iter().map(|h| h.workshop);
        let n = self.notes.iter().map(|n| n.workshop);
        let a = self.actions.iter().map(|a| a.workshop);
        let c = self.item_changes().map(|c| c.workshop);
        h.chain(n).chain(a).chain(c).max()
    }

    /// Notes that are still part of the record, with their index, oldest first.
    pub fn live_notes(&self) -> impl DoubleEndedIterator<Item = (usize, &Note)> {
        self.notes.iter().enumerate().filter(|(_, n)| n.live())
    }

    /// Action items that are still part of the record, with their index, oldest first.
    pub fn live_actions(&self) -> impl DoubleEndedIterator<Item = (usize, &ActionItem)> {
        self.actions.iter().enumerate().filter(|(_, a)| a.live())
    }

    /// Whether the point has any note or action item that is not removed.
    pub fn has_items(&self) -> bool {
        self.live_notes().next().is_some() || self.live_actions().next().is_some()
    }

    /// Every change to the point's notes and action items.
    fn item_changes(&self) -> impl Iterator<Item = &ItemChange> {
        let n = self.notes.iter().flat_map(|n| &n.changes);
        n.chain(self.actions.iter().flat_map(|a| &a.changes))
    }
}

/// Text being typed in an editor, kept so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub point: String,
    pub kind: DraftKind,
    pub text: String,
    pub at: Timestamp,
}

/// Which editor a draft belongs to. Written as its lowercase name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DraftKind {
    Note,
    Action,
    Dissent,
    Skip,
}

#[cfg(test)]
#[path = "items_tests.rs"]
mod items_tests;
