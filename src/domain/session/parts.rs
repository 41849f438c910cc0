//! The parts a session is made of besides its point records: the
//! framework it names, its parties, its workshops with their attendance,
//! the gate's overrides, and how a party is given on the command line.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::PartyId;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    pub id: String,
    pub version: String,
    /// A fingerprint of the framework's text
    /// ([`crate::framework::carried::fingerprint`]); absent in files
    /// written before sessions carried their framework (format 3 and older).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable id; never reused, so history keeps pointing at the right party.
    pub id: PartyId,
    pub organisation: String,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub domain: String,
    /// Set when the party left the coalition; its history stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Timestamp>,
}

impl Party {
    pub fn active(&self) -> bool {
        self.removed.is_none()
    }

    /// "Organisation (Representative)" or just the organisation (also when
    /// the representative is the organisation, as in an anonymised export).
    pub fn label(&self) -> String {
        if self.representative.trim().is_empty()
            || self.representative.trim() == self.organisation.trim()
        {
            self.organisation.clone()
        } else {
            format!("{} ({})", self.organisation, self.representative)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub number: u32,
    pub date: Date,
    pub started: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// Parties present now (ids).
    #[serde(default)]
    pub present: Vec<PartyId>,
    /// Arrivals and departures during the workshop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance_log: Vec<AttendanceChange>,
    /// Whether the room spent time in block 1 (orientation) in this workshop.
    #[serde(default)]
    pub in_orientation: bool,
    /// Parties that sent apologies (afgemeld, met kennisgeving afwezig;
    /// issue 24): absent, and known to be. A party that comes after all is
    /// present; older files have none, so their absent stay absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excused: Vec<PartyId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceChange {
    pub at: Timestamp,
    pub party: PartyId,
    pub present: bool,
    /// The point on screen when it happened (empty in older files).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub point: String,
}

/// How one party attended one workshop (see [`Session::attendance`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyAttendance {
    pub party: PartyId,
    /// Present when the workshop started.
    pub from_start: bool,
    /// Arrivals (`present: true`) and departures, in time order.
    pub changes: Vec<AttendanceChange>,
    /// It sent apologies (afgemeld).
    pub excused: bool,
}

impl PartyAttendance {
    /// Never there in this workshop (afgemeld or not).
    pub fn absent_throughout(&self) -> bool {
        !self.from_start && self.changes.is_empty()
    }

    /// Never there, with apologies (afgemeld: met kennisgeving afwezig).
    pub fn excused_throughout(&self) -> bool {
        self.absent_throughout() && self.excused
    }

    /// Never there, without apologies (afwezig).
    pub fn absent_unexcused(&self) -> bool {
        self.absent_throughout() && !self.excused
    }
}

/// An override of the go/no-go gate: entering a locked block without a GO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateOverride {
    pub workshop: u32,
    pub at: Timestamp,
    pub block: String,
    pub reason: String,
}

/// How `party` attended workshop `w`. The log is in time order: its first
/// change tells how the workshop began (an arrival means the party was not
/// there before); without changes, as it is now. A change at (or before)
/// the start is how it began, not an arrival or departure: files written
/// before absence at the start stopped being logged have such entries.
pub(super) fn party_attendance(w: &Workshop, party: PartyId) -> PartyAttendance {
    let mine = w.attendance_log.iter().filter(|c| c.party == party);
    let early = mine.clone().take_while(|c| c.at <= w.started).last();
    let changes: Vec<AttendanceChange> = mine.filter(|c| c.at > w.started).cloned().collect();
    let from_start = match (early, changes.first()) {
        (Some(e), _) => e.present,
        (None, Some(first)) => !first.present,
        (None, None) => w.present.contains(&party),
    };
    PartyAttendance {
        party,
        from_start,
        changes,
        excused: w.excused.contains(&party),
    }
}

/// What `open` does with the workshops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// The last workshop was not ended (crash, break): continue it.
    Continue(u32),
    /// A new workshop was started.
    Started(u32),
}

/// A party as given on the command line: "Organisation|Representative|domain".
pub fn parse_party(spec: &str) -> Option<(String, String, String)> {
    let mut parts = spec.split('|').map(|p| p.trim().to_string());
    let org = parts.next()?;
    if org.is_empty() || spec.split('|').count() > 3 {
        return None;
    }
    Some((
        org,
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    ))
}
