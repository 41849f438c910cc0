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

    /// not stated → agree → reservations → disagree → not stated
    pub fn next(self) -> Stance {
        match self {
            Stance::NotStated => Stance::Agree,
            Stance::Agree => Stance::Reservations,
            Stance::Reservations => Stance::Disagree,
            Stance::Disagree => Stance::NotStated,
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

    /// Whether anything was captured on this point in the given workshop.
    pub fn touched_in(&self, workshop: u32) -> bool {
        self.history.iter().any(|h| h.workshop == workshop)
            || self.notes.iter().any(|n| n.workshop == workshop)
            || self.actions.iter().any(|a| a.workshop == workshop)
    }

    /// The last workshop in which anything was captured on this point.
    pub fn last_workshop(&self) -> Option<u32> {
        let h = self.history.iter().map(|h| h.workshop);
        let n = self.notes.iter().map(|n| n.workshop);
        let a = self.actions.iter().map(|a| a.workshop);
        h.chain(n).chain(a).max()
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
