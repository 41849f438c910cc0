//! The session: one neighbourhood approach, its parties, workshops, the
//! captures per discussion point, and the go/no-go votes.
//!
//! Plain data (serde) plus the domain operations; no UI and no file access.
//! Every capture records the workshop number and a timestamp.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
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

mod stances;
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
fn party_attendance(w: &Workshop, party: PartyId) -> PartyAttendance {
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

    /// Mark a party present or absent in the current workshop.
    pub fn set_present(&mut self, party: PartyId, present: bool, now: Timestamp) {
        let point = self.cursor.clone();
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        let is = w.present.contains(&party);
        if is == present {
            return;
        }
        if present {
            w.present.push(party);
            w.present.sort_unstable();
        } else {
            w.present.retain(|&p| p != party);
        }
        w.attendance_log.push(AttendanceChange {
            at: now,
            party,
            present,
            point,
        });
    }

    /// Correct who was there when the current workshop began, while the
    /// facilitator is still taking attendance on the start screen (a
    /// resolution recorded from the recap starts the workshop before the
    /// list is done): no arrival or departure is logged, because none took
    /// place. Not for changes during the workshop: those are
    /// [`Session::set_present`].
    pub fn amend_start_attendance(&mut self, party: PartyId, present: bool) {
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        if present && !w.present.contains(&party) {
            w.present.push(party);
            w.present.sort_unstable();
        } else if !present {
            w.present.retain(|&p| p != party);
        }
    }

    /// Mark a party afgemeld (it sent apologies) in the current workshop,
    /// or not any more. Afgemeld is absent: a present party is marked
    /// absent with it (at the start, as how the workshop began; later, as a
    /// departure). A party that arrives after all keeps the mark, but is
    /// present (see [`PartyAttendance::excused_throughout`]).
    pub fn set_excused(&mut self, party: PartyId, excused: bool, at_start: bool, now: Timestamp) {
        if excused && self.is_present(party) {
            if at_start {
                self.amend_start_attendance(party, false);
            } else {
                self.set_present(party, false, now);
            }
        }
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        let is = w.excused.contains(&party);
        if excused && !is {
            w.excused.push(party);
            w.excused.sort_unstable();
        } else if !excused && is {
            w.excused.retain(|&p| p != party);
        }
    }

    /// Whether a party was marked afgemeld in workshop `number`.
    pub fn excused_in(&self, number: u32, party: PartyId) -> bool {
        self.workshops
            .iter()
            .any(|w| w.number == number && w.excused.contains(&party))
    }

    /// Whether a party is marked afgemeld in the current workshop.
    pub fn is_excused(&self, party: PartyId) -> bool {
        self.workshops
            .last()
            .is_some_and(|w| w.excused.contains(&party))
    }

    pub fn is_present(&self, party: PartyId) -> bool {
        self.workshops
            .last()
            .is_some_and(|w| w.present.contains(&party))
    }

    /// A party's number for the whole session: its place in the party list
    /// (1-based). Numbers never shift: a party that arrives, leaves or is
    /// absent keeps its number, and a removed party keeps its place (its
    /// number is then simply not used), so the keys `1`–`9`, `0` mean the
    /// same party from the first workshop to the last.
    pub fn party_number(&self, id: PartyId) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id).map(|i| i + 1)
    }

    /// The party with number `n` (see [`Session::party_number`]), if it is
    /// still in the coalition.
    pub fn party_by_number(&self, n: usize) -> Option<&Party> {
        n.checked_sub(1)
            .and_then(|i| self.parties.get(i))
            .filter(|p| p.active())
    }

    /// Who was there in workshop `number`, as it really was: per party
    /// (session order) whether it was present from the start, and every
    /// arrival and departure with its time. One place for the minutes, the
    /// CSV and the start screen's recap. `None` when there is no such workshop.
    pub fn attendance(&self, number: u32) -> Option<Vec<PartyAttendance>> {
        let w = self.workshops.iter().find(|w| w.number == number)?;
        let mut out = Vec::new();
        for p in &self.parties {
            let a = party_attendance(w, p.id);
            if !p.active() && !w.present.contains(&p.id) && a.changes.is_empty() {
                continue;
            }
            out.push(a);
        }
        Some(out)
    }

    /// Whether `party` was present in workshop `number` at moment `at`.
    pub fn present_at(&self, number: u32, party: PartyId, at: Timestamp) -> bool {
        let Some(w) = self.workshops.iter().find(|w| w.number == number) else {
            return false;
        };
        let a = party_attendance(w, party);
        let mut present = a.from_start;
        for c in a.changes.iter().take_while(|c| c.at <= at) {
            present = c.present;
        }
        present
    }

    /// Whether a party was absent when `point` was discussed, for a party
    /// that stated no stance on it. "Absent" here means: absent at every
    /// capture on the point (status, stance, note, action) in the last
    /// workshop in which the point was discussed. A party that was in the
    /// room for any of them could have spoken and is "not stated"; a party
    /// that stated a stance is never absent for the point; a point never
    /// discussed has nobody absent.
    pub fn absent_for_point(&self, point: &str, party: PartyId) -> bool {
        let Some(r) = self.record(point) else {
            return false;
        };
        if r.stance_of(party) != Stance::NotStated {
            return false;
        }
        let Some(number) = r.last_workshop() else {
            return false;
        };
        let moments = r
            .history
            .iter()
            .filter(|h| h.workshop == number)
            .map(|h| h.at)
            .chain(
                r.notes
                    .iter()
                    .filter(|n| n.workshop == number)
                    .map(|n| n.at),
            )
            .chain(
                r.actions
                    .iter()
                    .filter(|a| a.workshop == number)
                    .map(|a| a.at),
            );
        let mut any = false;
        for at in moments {
            any = true;
            if self.present_at(number, party, at) {
                return false;
            }
        }
        any
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
