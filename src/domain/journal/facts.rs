//! What happened in one workshop, from its events (issue 23): which points
//! were discussed (decided, stances heard, time spent) and what else
//! happened to points (a correction, a note, an action done), the time per
//! point, and which later workshop changed them. The minutes of a workshop,
//! its summary and its time per step are built from these.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde_json::Value;

use super::{Event, ValueDelta, What, state_after};
use crate::session::Session;

/// Time on a point that makes it discussed even without a decision or a
/// stance: a minute of the room's time.
pub const DISCUSSED_SECS: u64 = 60;

/// What happened to one point in one workshop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PointFacts {
    /// Its status was set (and it was not open at the workshop's end).
    pub decided: bool,
    /// Who dissents or why changed, the status staying the same.
    pub corrected: bool,
    pub stances: bool,
    pub notes_added: usize,
    pub notes_changed: usize,
    pub actions_added: usize,
    pub actions_done: usize,
    pub actions_changed: usize,
    /// Seconds the room spent on it in this workshop.
    pub seconds: u64,
    /// When its status was last set in this workshop.
    pub decided_at: Option<Timestamp>,
    /// The first later workshop that changed its status, dissent or stances.
    pub changed_later_in: Option<u32>,
}

impl PointFacts {
    /// Discussed in the workshop: decided, or stances heard, or at least
    /// [`DISCUSSED_SECS`] spent on it (passing by to add a note is not a
    /// discussion).
    pub fn discussed(&self) -> bool {
        self.decided || self.stances || self.seconds >= DISCUSSED_SECS
    }

    /// Anything at all happened to it (time under a minute alone is the
    /// facilitator passing by).
    pub fn touched(&self) -> bool {
        self.discussed() || self.other()
    }

    /// Something happened that is not a discussion (a correction, a note or
    /// an action item added or changed).
    pub fn other(&self) -> bool {
        self.corrected
            || self.notes_added > 0
            || self.notes_changed > 0
            || self.actions_added > 0
            || self.actions_done > 0
            || self.actions_changed > 0
    }
}

/// What happened in one workshop, from its events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkshopFacts {
    pub number: u32,
    pub points: BTreeMap<String, PointFacts>,
    /// The last event of the workshop (its state at the end is the state after it).
    pub last_seq: u64,
}

impl WorkshopFacts {
    pub fn point(&self, id: &str) -> Option<&PointFacts> {
        self.points.get(id)
    }

    pub fn discussed(&self, id: &str) -> bool {
        self.point(id).is_some_and(PointFacts::discussed)
    }

    pub fn seconds(&self, id: &str) -> u64 {
        self.point(id).map(|f| f.seconds).unwrap_or(0)
    }
}

/// Whether the minutes of workshop `n` can come from the journal: the
/// journal holds the workshop's start, so every capture in it is an event.
/// (A file that became a journal later, or a session made without one, such
/// as the demo, has workshops whose start, and so some captures, are not
/// events: their minutes come from the state.)
pub fn covers(s: &Session, n: u32) -> bool {
    covered_events(s, n).is_some()
}

/// The events of workshop `n` when the journal covers it (see [`covers`]).
/// Found from the end of the journal: the workshop that runs costs what
/// it holds, not what the session holds (the summary draws this every
/// frame). A journal whose workshops are not in order (a restore back into
/// an earlier workshop) is searched whole.
fn covered_events(s: &Session, n: u32) -> Option<Vec<&Event>> {
    if s.journal_from
        .as_ref()
        .is_some_and(|f| n <= f.after_workshop)
    {
        return None;
    }
    let mut tail = Vec::new();
    for e in s.journal.iter().rev() {
        if e.workshop == n {
            tail.push(e);
            if e.what == What::WorkshopStart {
                tail.reverse();
                return Some(tail);
            }
        } else if e.workshop != 0 && e.workshop < n {
            break;
        }
    }
    let all: Vec<&Event> = s.journal.iter().filter(|e| e.workshop == n).collect();
    all.iter()
        .any(|e| e.what == What::WorkshopStart)
        .then_some(all)
}

/// What happened in workshop `n`, from its events only (cheap: no state
/// is rebuilt); `None` when the journal does not cover it (see [`covers`]).
pub fn workshop_facts(s: &Session, n: u32) -> Option<WorkshopFacts> {
    let events = covered_events(s, n)?;
    let mut facts = WorkshopFacts {
        number: n,
        points: BTreeMap::new(),
        last_seq: 0,
    };
    let mut open_at_end: BTreeMap<&str, bool> = BTreeMap::new();
    for e in events {
        facts.last_seq = e.seq;
        for (id, d) in &e.points {
            note_point(facts.points.entry(id.clone()).or_default(), d, e);
            if d.touches("status") {
                let after = d.field("status").1;
                open_at_end.insert(id, after.is_null() || after == "open");
            }
        }
    }
    // only the events after the workshop can change it later
    let later = &s.journal[s.journal.partition_point(|e| e.seq <= facts.last_seq)..];
    for (id, f) in facts.points.iter_mut() {
        if open_at_end.get(id.as_str()).copied().unwrap_or(false) {
            f.decided = false;
            f.decided_at = None;
        }
        f.changed_later_in = later
            .iter()
            .filter(|e| e.workshop > n)
            .find(|e| {
                e.points.get(id).is_some_and(|d| {
                    [
                        "status",
                        "dissenters",
                        "dissent_reason",
                        "stances",
                        "skip_reason",
                    ]
                    .iter()
                    .any(|k| d.touches(k))
                })
            })
            .map(|e| e.workshop);
    }
    facts.points.retain(|_, f| f.touched());
    Some(facts)
}

/// The session as it was at the end of workshop `n` (after its last event),
/// with its facts; `None` when the journal does not cover it.
pub fn workshop(s: &Session, n: u32) -> Option<(WorkshopFacts, Session)> {
    let facts = workshop_facts(s, n)?;
    let end = state_after(s, facts.last_seq).ok()?;
    Some((facts, end))
}

/// Seconds spent on `point` in workshop `n`, from the journal (`None` when
/// the journal does not cover the workshop).
pub fn seconds_in(s: &Session, point: &str, n: u32) -> Option<u64> {
    let mut f = PointFacts::default();
    for e in covered_events(s, n)? {
        if let Some(d) = e.points.get(point) {
            note_point(&mut f, d, e);
        }
    }
    Some(f.seconds)
}

fn note_point(f: &mut PointFacts, d: &ValueDelta, e: &Event) {
    if d.touches("status") {
        f.decided = true;
        f.decided_at = Some(e.at);
    } else if ["dissenters", "dissent_reason", "skip_reason"]
        .iter()
        .any(|k| d.touches(k))
    {
        f.corrected = true;
    }
    if d.touches("stances") {
        f.stances = true;
    }
    let (b, a) = d.field("seconds");
    let (b, a) = (b.as_u64().unwrap_or(0), a.as_u64().unwrap_or(0));
    if a > b && e.what != What::Undo && e.what != What::Restore {
        f.seconds = f.seconds.saturating_add(a - b);
    }
    let count = |v: &Value| {
        v.as_array()
            .map(|l| l.iter().filter(|x| !x.is_null()).count())
            .unwrap_or(0)
    };
    for (list, added, changed) in [
        ("notes", &mut f.notes_added, &mut f.notes_changed),
        ("actions", &mut f.actions_added, &mut f.actions_changed),
    ] {
        let (b, a) = d.field(list);
        let (nb, na) = (count(&b), count(&a));
        if na > nb {
            *added += na - nb;
        } else if a != b {
            *changed += 1;
        }
    }
    let done = |v: &Value| {
        v.as_array()
            .map(|l| l.iter().filter(|x| x["done"] == Value::Bool(true)).count())
            .unwrap_or(0)
    };
    let (b, a) = d.field("actions");
    if done(&a) > done(&b) {
        f.actions_done += done(&a) - done(&b);
        f.actions_changed = f.actions_changed.saturating_sub(1);
    }
}
