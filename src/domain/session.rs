//! The session: one neighbourhood approach, its parties, workshops, the
//! captures per discussion point, and the go/no-go votes.
//!
//! Plain data (serde) plus the domain operations; no UI and no file access.
//! Every capture records the workshop number and a timestamp.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::vote::{DecisionRule, Outcome, Vote};

pub use crate::record::{
    ActionItem, Draft, DraftKind, HistoryEntry, HistoryKind, ItemChange, ItemChangeKind, Note,
    PointRecord, Stance, StanceEntry, Status,
};

/// The file format written by this version. Version 2 added what happened
/// to notes and action items after they were typed (`changes`: edited,
/// done, reopened, removed); a version-1 file reads as it is. Version 3
/// came with framework 2022.2, whose point ids after 1.4.1 moved: the
/// fields are those of version 2 (plus the optional
/// `framework_migrated_from`), but a program that only knows version 2 also
/// only knows the 91-point framework and would show a record of 1.4.3 under
/// the old 1.4.3's question. The new number makes such a program refuse the
/// file as newer instead of misplacing it. Version 4 is the journal (issue
/// 23): after the snapshot, one line per event (see `store/journal.rs`); a
/// program that knows only version 3 would drop the events after the
/// snapshot, so it must refuse the file. Version 4 also carries the
/// session's framework (`framework.hash`, `framework_source`,
/// `framework_switches`, issue 31), fields a version-3 program would refuse
/// as damage.
pub const FORMAT_VERSION: u32 = 4;

pub type PartyId = u32;

mod attendance;
mod items;
mod parts;
mod stances;
use parts::party_attendance;
pub use parts::{
    AttendanceChange, FrameworkRef, GateOverride, Party, PartyAttendance, Resume, Workshop,
    parse_party,
};
pub use stances::{STANCE_CYCLE_SECS, StanceEffect, own_reason, recorded_over};

/// The highest party id and workshop number a session may hold. Far above
/// any real coalition or programme (a weekly workshop for 19,000 years), and
/// far below `u32::MAX`, so the next id or number can always be counted on.
pub const MAX_NUMBER: u32 = 1_000_000;

/// The most seconds of discussion a point may have recorded: ten years.
/// Adding a workshop's time to it can never overflow.
pub const MAX_SECONDS: u64 = 10 * 366 * 24 * 60 * 60;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Always the first key in the file.
    pub format_version: u32,
    pub name: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub facilitator: String,
    pub created: Timestamp,
    pub framework: FrameworkRef,
    /// The framework version this session was made with, when loading
    /// renumbered its points to the current version (the first such version
    /// if that happened more than once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_migrated_from: Option<String>,
    #[serde(default)]
    pub rule: DecisionRule,
    /// The current discussion point (id).
    #[serde(default)]
    pub cursor: String,
    /// An unfinished note in the editor, kept so a crash loses nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<Workshop>,
    /// Captures per discussion point, keyed by point id; points never touched are absent.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<String, PointRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Vote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<GateOverride>,
    /// Every change of framework, oldest first, with the earlier text
    /// (`wijktafel framework switch`; see [`crate::framework::carried`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub framework_switches: Vec<crate::framework::carried::FrameworkSwitch>,
    /// The text of the session's own framework (absent for the built-in
    /// one, which the program carries): the session travels with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_source: Option<crate::framework::carried::FrameworkSource>,
    /// How many events of the journal this state includes (the snapshot's
    /// place in the journal; see [`crate::journal`]).
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub journal_seq: u64,
    /// Where the journal begins, for a file that became a journal later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_from: Option<crate::journal::JournalFrom>,
    /// What happened, oldest first: the journal. The store writes it as
    /// lines after the snapshot (see `store/journal.rs`), never as a table;
    /// the JSON export carries it as `journal`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<crate::journal::Event>,
    /// The minutes of earlier workshops adopted in later ones (issue 26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adoptions: Vec<crate::domain::workday::Adoption>,
    /// The parking lot: topics raised outside the current point (issue 26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parking: Vec<crate::domain::workday::ParkedTopic>,
    /// The plans of workshops: steps, budgets, start and end (issue 26).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<crate::domain::budget::WorkshopPlan>,
}

fn is_zero_u64(n: &u64) -> bool {
    *n == 0
}

impl Session {
    /// Renumber the point records, the cursor and the draft of a session
    /// made with an earlier version of its framework to the current ids
    /// ([`crate::framework::renumber`]); records the version it came from.
    /// Returns whether anything was renumbered. Every record keeps its
    /// question: only ids change.
    pub fn upgrade_framework(&mut self) -> bool {
        use crate::framework::renumber::{along, upgrade_path};
        let path = upgrade_path(&self.framework.id, &self.framework.version);
        let Some(last) = path.last() else {
            return false;
        };
        let up = |id: &str| along(&path, id);
        let old = std::mem::take(&mut self.points);
        self.points = old.into_iter().map(|(id, rec)| (up(&id), rec)).collect();
        self.cursor = up(&self.cursor);
        if let Some(d) = &mut self.draft {
            d.point = up(&d.point);
        }
        if self.framework_migrated_from.is_none() {
            self.framework_migrated_from = Some(self.framework.version.clone());
        }
        self.framework.version = last.to.to_string();
        true
    }

    /// A new, empty session for the given framework.
    pub fn new(name: &str, fw: &Framework, now: Timestamp) -> Session {
        Session {
            format_version: FORMAT_VERSION,
            name: name.trim().to_string(),
            area: String::new(),
            municipality: String::new(),
            facilitator: String::new(),
            created: now,
            framework: FrameworkRef {
                id: fw.id.clone(),
                version: fw.version.clone(),
                hash: None,
            },
            framework_migrated_from: None,
            rule: DecisionRule::default(),
            cursor: fw.point_at(0).id.clone(),
            draft: None,
            parties: Vec::new(),
            workshops: Vec::new(),
            points: BTreeMap::new(),
            votes: Vec::new(),
            overrides: Vec::new(),
            journal_seq: 0,
            journal_from: None,
            journal: Vec::new(),
            adoptions: Vec::new(),
            parking: Vec::new(),
            plans: Vec::new(),
            framework_switches: Vec::new(),
            framework_source: None,
        }
    }

    /// Add a party with a new id: one above the highest in use. Ids never
    /// repeat; should the highest be `u32::MAX` (a session that
    /// [`Session::validate`] refuses), the lowest unused id is taken.
    pub fn add_party(&mut self, organisation: &str, representative: &str, domain: &str) -> PartyId {
        let max = self.parties.iter().map(|p| p.id).max().unwrap_or(0);
        let id = max.checked_add(1).unwrap_or_else(|| {
            (1..=PartyId::MAX)
                .find(|id| self.party(*id).is_none())
                .expect("fewer parties than ids")
        });
        self.parties.push(Party {
            id,
            organisation: organisation.trim().to_string(),
            representative: representative.trim().to_string(),
            domain: domain.trim().to_string(),
            removed: None,
        });
        id
    }

    pub fn party(&self, id: PartyId) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// Display name of a party id (organisation, or `#id` if unknown).
    pub fn party_name(&self, id: PartyId) -> String {
        self.party(id)
            .map(|p| p.organisation.clone())
            .unwrap_or_else(|| format!("#{id}"))
    }

    pub fn active_parties(&self) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(|p| p.active())
    }

    pub fn current_workshop(&self) -> Option<&Workshop> {
        self.workshops.last()
    }

    pub fn current_workshop_mut(&mut self) -> Option<&mut Workshop> {
        self.workshops.last_mut()
    }

    /// Number of the current workshop, 0 before the first.
    pub fn workshop_number(&self) -> u32 {
        self.workshops.last().map(|w| w.number).unwrap_or(0)
    }

    /// Number the next workshop gets; `None` if the last one cannot be followed.
    pub fn next_workshop_number(&self) -> Option<u32> {
        self.workshop_number().checked_add(1)
    }

    /// Whether the last workshop is still running.
    pub fn workshop_open(&self) -> bool {
        self.workshops.last().is_some_and(|w| w.ended.is_none())
    }

    /// The resume rule: an unended last workshop continues; otherwise the next
    /// one starts, with every active party marked present. (A last number
    /// that cannot be followed, refused by [`Session::validate`], starts
    /// nothing: the last workshop is continued rather than numbered 0.)
    pub fn resume(&mut self, now: Timestamp) -> Resume {
        if let Some(w) = self.workshops.last()
            && w.ended.is_none()
        {
            return Resume::Continue(w.number);
        }
        let Some(number) = self.next_workshop_number() else {
            return Resume::Continue(self.workshop_number());
        };
        let date = now.to_zoned(jiff::tz::TimeZone::system()).date();
        let present = self.active_parties().map(|p| p.id).collect();
        self.workshops.push(Workshop {
            number,
            date,
            started: now,
            ended: None,
            present,
            attendance_log: Vec::new(),
            in_orientation: false,
            excused: Vec::new(),
        });
        Resume::Started(number)
    }

    /// Whether the next opening starts a new workshop: there is none yet,
    /// or the last one was ended (and a next number can be counted).
    pub fn next_workshop_due(&self) -> bool {
        self.workshops.last().is_none_or(|w| w.ended.is_some())
            && self.next_workshop_number().is_some()
    }

    /// Start the next workshop with exactly these parties present (no
    /// arrivals or departures logged: this is who was there from the start).
    pub fn start_workshop(&mut self, present: &[PartyId], now: Timestamp) -> Resume {
        let r = self.resume(now);
        if let (Resume::Started(_), Some(w)) = (r, self.workshops.last_mut()) {
            let mut present = present.to_vec();
            present.sort_unstable();
            present.dedup();
            w.present = present;
        }
        r
    }

    /// End the current workshop.
    pub fn end_workshop(&mut self, now: Timestamp) {
        if let Some(w) = self.workshops.last_mut()
            && w.ended.is_none()
        {
            w.ended = Some(now);
        }
    }

    pub fn record(&self, point: &str) -> Option<&PointRecord> {
        self.points.get(point)
    }

    pub fn status_of(&self, point: &str) -> Status {
        self.points.get(point).map(|r| r.status).unwrap_or_default()
    }

    fn record_mut(&mut self, point: &str) -> &mut PointRecord {
        self.points.entry(point.to_string()).or_default()
    }

    fn log(&mut self, point: &str, now: Timestamp, kind: HistoryKind, detail: String) {
        let workshop = self.workshop_number();
        self.record_mut(point).history.push(HistoryEntry {
            workshop,
            at: now,
            kind,
            detail,
        });
    }

    /// Votes in order; the latest decides the gate.
    pub fn latest_vote(&self) -> Option<&Vote> {
        self.votes.last()
    }

    /// The decision in force: the latest vote held (a deferral after it
    /// changes nothing), or, when no vote was held, the latest deferral.
    /// What the headers and `list` show (issue 24).
    pub fn decision_in_force(&self) -> Option<&Vote> {
        crate::vote::latest_held(&self.votes)
            .map(|(_, v)| v)
            .or_else(|| self.latest_vote())
    }

    /// Whether blocks after the orientation block are open: the latest vote
    /// held is a GO (a deferral after it is no vote and changes nothing).
    pub fn gate_open(&self) -> bool {
        crate::vote::latest_held(&self.votes).is_some_and(|(_, v)| v.outcome == Outcome::Go)
    }

    /// Index of the block the cursor is in (0-based).
    pub fn cursor_block(&self, fw: &Framework) -> usize {
        fw.pos_of(&self.cursor).map(|p| p.block).unwrap_or(0)
    }

    /// Open action items of the whole session (neither done nor removed):
    /// (point id, item).
    pub fn open_actions(&self) -> Vec<(&str, &ActionItem)> {
        self.points
            .iter()
            .flat_map(|(id, r)| r.actions.iter().map(move |a| (id.as_str(), a)))
            .filter(|(_, a)| a.is_open())
            .collect()
    }

    /// The action items of workshop `number`, each once: those added in it
    /// and not removed, and those marked done in it (added earlier).
    pub fn workshop_actions(&self, number: u32) -> Vec<(&str, &ActionItem)> {
        self.points
            .iter()
            .flat_map(|(id, r)| r.actions.iter().map(move |a| (id.as_str(), a)))
            .filter(|(_, a)| a.live() && (a.workshop == number || a.done_in(number)))
            .collect()
    }

    /// Points currently in dissent: (point id, record).
    pub fn dissents(&self) -> Vec<(&str, &PointRecord)> {
        self.points
            .iter()
            .filter(|(_, r)| r.status == Status::Dissent)
            .map(|(id, r)| (id.as_str(), r))
            .collect()
    }

    /// Check what a hand-edited file could get wrong that the types allow:
    /// numbers that cannot be continued or counted on, and ids that must be
    /// unique. The message names the offending value.
    pub fn validate(&self) -> Result<(), String> {
        let mut ids = std::collections::BTreeSet::new();
        for p in &self.parties {
            if p.id > MAX_NUMBER {
                return Err(format!(
                    "party id {} is too large (at most {MAX_NUMBER})",
                    p.id
                ));
            }
            if !ids.insert(p.id) {
                return Err(format!("party id {} occurs twice", p.id));
            }
        }
        let mut last: Option<u32> = None;
        for w in &self.workshops {
            if w.number > MAX_NUMBER {
                return Err(format!(
                    "workshop number {} is too large (at most {MAX_NUMBER})",
                    w.number
                ));
            }
            if let Some(prev) = last
                && w.number <= prev
            {
                return Err(format!(
                    "workshop number {} follows workshop {prev}: numbers must increase (each once)",
                    w.number
                ));
            }
            last = Some(w.number);
        }
        for (id, r) in &self.points {
            if r.seconds > MAX_SECONDS {
                return Err(format!(
                    "point {id}: seconds = {} is more than ten years ({MAX_SECONDS})",
                    r.seconds
                ));
            }
        }
        let q = self.rule.quorum;
        if !(0.0..=1.0).contains(&q) {
            return Err(format!("quorum {q} is not between 0.0 and 1.0"));
        }
        Ok(())
    }

    /// Count of points per status, for the overview.
    pub fn status_counts(&self, fw: &Framework) -> [usize; 4] {
        let mut c = [0usize; 4];
        for (_, _, p) in fw.iter_points() {
            let i = Status::ALL
                .iter()
                .position(|s| *s == self.status_of(&p.id))
                .unwrap_or(0);
            c[i] += 1;
        }
        c
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "session_parties_tests.rs"]
mod parties_tests;
