//! The journal: what happened in a session, one event per capture (issue 23).
//!
//! The record of a session is its journal of events; the state of every
//! point is the fold of those events. An event carries a reversible change
//! (a [`ValueDelta`] per point record it changed, and per top-level field of
//! the session it changed): applied forward it replays the capture, applied
//! backward it takes the capture back. So the state after any event is
//! known both from the start (a snapshot plus the events after it) and from
//! the present (the present minus the events after it): the minutes of
//! workshop N are built from the state at N's end and N's own events, and
//! stay the same however many workshops follow.
//!
//! Plain data and functions: no files (the store writes the journal as lines
//! in the session file, see `store/journal.rs`), no terminal.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::session::{PointRecord, Session};

/// The change of one JSON value, in both directions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ValueDelta {
    /// Replaced whole: before, after (`null`: absent).
    #[serde(rename = "=")]
    Set(Value, Value),
    /// Some fields of an object changed.
    #[serde(rename = "{}")]
    Fields(BTreeMap<String, ValueDelta>),
    /// A list whose first `keep` and last `tail` items stayed: the items
    /// between were `before` and became `after` (an item added at the end,
    /// one changed in place).
    #[serde(rename = "[]")]
    List(usize, usize, Vec<Value>, Vec<Value>),
}

impl ValueDelta {
    /// What changed from `a` to `b`; `None` when nothing did.
    pub fn between(a: &Value, b: &Value) -> Option<ValueDelta> {
        if a == b {
            return None;
        }
        Some(match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                let fields = keys
                    .into_iter()
                    .filter_map(|k| {
                        let (p, q) = (
                            x.get(k).unwrap_or(&Value::Null),
                            y.get(k).unwrap_or(&Value::Null),
                        );
                        ValueDelta::between(p, q).map(|d| (k.clone(), d))
                    })
                    .collect();
                ValueDelta::Fields(fields)
            }
            (Value::Array(x), Value::Array(y)) => {
                let keep = x.iter().zip(y).take_while(|(p, q)| p == q).count();
                let (x, y) = (&x[keep..], &y[keep..]);
                let tail = x
                    .iter()
                    .rev()
                    .zip(y.iter().rev())
                    .take_while(|(p, q)| p == q)
                    .count();
                ValueDelta::List(
                    keep,
                    tail,
                    x[..x.len() - tail].to_vec(),
                    y[..y.len() - tail].to_vec(),
                )
            }
            _ => ValueDelta::Set(a.clone(), b.clone()),
        })
    }

    /// Apply the change to `v`, forward (before → after) or backward. A
    /// field that becomes `null` is removed (absent and empty are one).
    pub fn apply(&self, v: &mut Value, forward: bool) {
        match self {
            ValueDelta::Set(before, after) => {
                *v = if forward { after } else { before }.clone();
            }
            ValueDelta::Fields(fields) => {
                if !v.is_object() {
                    *v = Value::Object(Map::new());
                }
                let obj = v.as_object_mut().expect("an object");
                for (k, d) in fields {
                    let mut child = obj.remove(k).unwrap_or(Value::Null);
                    d.apply(&mut child, forward);
                    if !child.is_null() {
                        obj.insert(k.clone(), child);
                    }
                }
            }
            ValueDelta::List(keep, _, before, after) => {
                if !v.is_array() {
                    *v = Value::Array(Vec::new());
                }
                let list = v.as_array_mut().expect("an array");
                let (from, to) = if forward {
                    (before, after)
                } else {
                    (after, before)
                };
                let end = (keep + from.len()).min(list.len());
                let start = (*keep).min(end);
                list.splice(start..end, to.iter().cloned());
            }
        }
    }

    /// The field `name` of a [`ValueDelta::Fields`], or a whole replacement
    /// seen as its fields (a point record that appears or disappears).
    fn touches(&self, name: &str) -> bool {
        match self {
            ValueDelta::Fields(f) => f.contains_key(name),
            ValueDelta::Set(a, b) => normal(name, a.get(name)) != normal(name, b.get(name)),
            ValueDelta::List(..) => false,
        }
    }

    /// The value of field `name` before and after (absent: `null`).
    fn field(&self, name: &str) -> (Value, Value) {
        match self {
            ValueDelta::Fields(f) => match f.get(name) {
                Some(ValueDelta::Set(a, b)) => (a.clone(), b.clone()),
                Some(other) => {
                    // a list or object that changed inside: rebuild both ends
                    let (mut a, mut b) = (Value::Null, Value::Null);
                    if let ValueDelta::List(keep, _, before, after) = other {
                        a = Value::Array(vec![Value::Null; *keep]);
                        b = a.clone();
                        a.as_array_mut()
                            .expect("array")
                            .extend(before.iter().cloned());
                        b.as_array_mut()
                            .expect("array")
                            .extend(after.iter().cloned());
                    }
                    (a, b)
                }
                None => (Value::Null, Value::Null),
            },
            ValueDelta::Set(a, b) => (
                a.get(name).cloned().unwrap_or(Value::Null),
                b.get(name).cloned().unwrap_or(Value::Null),
            ),
            ValueDelta::List(..) => (Value::Null, Value::Null),
        }
    }
}

/// A field of a point record as it reads when absent: a record that
/// appears with status "open" did not change a status.
fn normal<'v>(name: &str, v: Option<&'v Value>) -> Option<&'v Value> {
    match v {
        Some(Value::String(s)) if name == "status" && s == "open" => None,
        Some(Value::Number(n)) if name == "seconds" && n.as_u64() == Some(0) => None,
        Some(Value::Null) => None,
        other => other,
    }
}

/// What an event records, as a person would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    WorkshopStart,
    WorkshopEnd,
    Attendance,
    Status,
    Stance,
    Note,
    Action,
    Time,
    Vote,
    Override,
    Party,
    /// The session's framework was switched (`wijktafel framework switch`).
    Framework,
    Details,
    Undo,
    Redo,
    Restore,
    Cursor,
    Draft,
    /// The minutes of an earlier workshop adopted (issue 26).
    Adoption,
    /// A topic parked, moved to a point or closed (issue 26).
    Parking,
    /// A workshop planned: its steps, budgets, start and end (issue 26).
    Plan,
}

/// One thing that happened: when, in which workshop (0: between
/// workshops), what, and the change it made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub seq: u64,
    pub at: Timestamp,
    #[serde(rename = "w")]
    pub workshop: u32,
    pub what: What,
    /// The point it is about, when it is about one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub point: String,
    /// For undo, redo and restore: the event taken back, redone or gone back to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u64>,
    /// Point records changed, by point id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub points: BTreeMap<String, ValueDelta>,
    /// Top-level fields of the session changed (workshops, votes, parties,
    /// the cursor, the draft, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub session: BTreeMap<String, ValueDelta>,
}

/// Where the journal of a session begins when it did not begin with the
/// session: a file of format 3 became a journal on this date, after this
/// workshop. Minutes of workshops up to it come from the state of that date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalFrom {
    pub at: Timestamp,
    pub after_workshop: u32,
}

/// The top-level fields of a session that are the store's bookkeeping,
/// not something that happened: never in an event.
const NOT_EVENTS: [&str; 4] = ["format_version", "points", "journal_seq", "journal_from"];

/// The session without its points, as a JSON object (the part of the
/// session a [`Event::session`] delta applies to).
pub fn meta_value(s: &Session) -> Value {
    let mut v = serde_json::to_value(without_points(s)).expect("a session serializes");
    if let Some(o) = v.as_object_mut() {
        for k in NOT_EVENTS {
            o.remove(k);
        }
    }
    v
}

/// Put a changed meta value back into the session (its points, journal
/// and bookkeeping stay).
fn set_meta(s: &mut Session, mut v: Value) -> Result<(), String> {
    let keep = serde_json::to_value(without_points(s)).map_err(|e| e.to_string())?;
    if let (Some(o), Some(k)) = (v.as_object_mut(), keep.as_object()) {
        for name in NOT_EVENTS {
            match k.get(name) {
                Some(x) => o.insert(name.to_string(), x.clone()),
                None => o.remove(name),
            };
        }
    }
    let mut back: Session = serde_json::from_value(v).map_err(|e| e.to_string())?;
    back.points = std::mem::take(&mut s.points);
    back.journal = std::mem::take(&mut s.journal);
    *s = back;
    Ok(())
}

/// A copy of everything but the point records and the journal (cheap in
/// year ten: what an event's session part is computed from). Every field
/// is named, so a new field cannot be forgotten here.
pub fn without_points(s: &Session) -> Session {
    let Session {
        format_version,
        name,
        area,
        municipality,
        facilitator,
        created,
        framework,
        framework_migrated_from,
        rule,
        cursor,
        draft,
        parties,
        workshops,
        points: _,
        votes,
        overrides,
        journal_seq,
        journal_from,
        journal: _,
        framework_switches,
        framework_source,
        adoptions,
        parking,
        plans,
    } = s;
    Session {
        format_version: *format_version,
        name: name.clone(),
        area: area.clone(),
        municipality: municipality.clone(),
        facilitator: facilitator.clone(),
        created: *created,
        framework: framework.clone(),
        framework_migrated_from: framework_migrated_from.clone(),
        rule: *rule,
        cursor: cursor.clone(),
        draft: draft.clone(),
        parties: parties.clone(),
        workshops: workshops.clone(),
        points: BTreeMap::new(),
        votes: votes.clone(),
        overrides: overrides.clone(),
        journal_seq: *journal_seq,
        journal_from: journal_from.clone(),
        journal: Vec::new(),
        framework_switches: framework_switches.clone(),
        framework_source: framework_source.clone(),
        adoptions: adoptions.clone(),
        parking: parking.clone(),
        plans: plans.clone(),
    }
}

/// A point record as a JSON value (`null` when the point has none).
pub fn point_value(s: &Session, point: &str) -> Value {
    s.points
        .get(point)
        .map(|r| serde_json::to_value(r).expect("a record serializes"))
        .unwrap_or(Value::Null)
}

fn set_point(s: &mut Session, point: &str, v: Value) -> Result<(), String> {
    if v.is_null() {
        s.points.remove(point);
    } else {
        let r: PointRecord = serde_json::from_value(v).map_err(|e| format!("{point}: {e}"))?;
        s.points.insert(point.to_string(), r);
    }
    Ok(())
}

/// Apply events to a session, forward in order or backward in reverse
/// order; the session's own journal is left as it is.
pub fn apply_events<'a>(
    s: &mut Session,
    events: impl IntoIterator<Item = &'a Event>,
    forward: bool,
) -> Result<(), String> {
    let mut meta: Option<Value> = None;
    // each point touched is turned into JSON once and back once, however
    // many events touch it (a journal of many events on one large point
    // costs what its deltas hold, not events × the point's size)
    let mut touched: BTreeMap<&str, Value> = BTreeMap::new();
    for e in events {
        for (id, d) in &e.points {
            let v = touched
                .entry(id.as_str())
                .or_insert_with(|| point_value(s, id));
            d.apply(v, forward);
        }
        if !e.session.is_empty() {
            let m = meta.get_or_insert_with(|| meta_value(s));
            let obj = m.as_object_mut().expect("an object");
            for (k, d) in &e.session {
                let mut child = obj.remove(k).unwrap_or(Value::Null);
                d.apply(&mut child, forward);
                if !child.is_null() {
                    obj.insert(k.clone(), child);
                }
            }
        }
    }
    for (id, v) in touched {
        set_point(s, id, v)?;
    }
    if let Some(m) = meta {
        set_meta(s, m)?;
    }
    Ok(())
}

/// What the session looked like after event `seq` (0: before the first
/// event of its journal): the present with every later event taken back.
pub fn state_after(s: &Session, seq: u64) -> Result<Session, String> {
    let mut past = s.clone();
    let later: Vec<&Event> = s.journal.iter().filter(|e| e.seq > seq).collect();
    apply_events(&mut past, later.into_iter().rev(), false)?;
    past.journal.retain(|e| e.seq <= seq);
    Ok(past)
}

/// The changes since the last event, kept cheaply: the meta value as it was
/// then, and each point record as it was before its first change since.
/// The caller tells it which points it is about to change ([`Baseline::touch`]).
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The session without its points at the last event: compared typed
    /// (cheap), turned into JSON only when it changed.
    meta: Session,
    points: BTreeMap<String, Value>,
}

impl Baseline {
    pub fn of(s: &Session) -> Baseline {
        Baseline {
            meta: without_points(s),
            points: BTreeMap::new(),
        }
    }

    /// Remember `point` as it is now, before a change (the first touch
    /// since the last event counts).
    pub fn touch(&mut self, s: &Session, point: &str) {
        if !self.points.contains_key(point) {
            self.points.insert(point.to_string(), point_value(s, point));
        }
    }

    /// The event that takes the baseline to `s` now, appended to the
    /// session's journal and returned; `None` when nothing changed. The
    /// baseline then describes `s`.
    pub fn commit(
        &mut self,
        s: &mut Session,
        at: Timestamp,
        hint: Option<(What, Option<u64>)>,
    ) -> Option<Event> {
        let mut points = BTreeMap::new();
        for (id, before) in std::mem::take(&mut self.points) {
            if let Some(d) = ValueDelta::between(&before, &point_value(s, &id)) {
                points.insert(id, d);
            }
        }
        let meta = without_points(s);
        let session = if meta == self.meta {
            BTreeMap::new()
        } else {
            match ValueDelta::between(&meta_value(&self.meta), &meta_value(&meta)) {
                Some(ValueDelta::Fields(f)) => f,
                _ => BTreeMap::new(),
            }
        };
        self.meta = meta;
        if points.is_empty() && session.is_empty() {
            return None;
        }
        let seq = s.journal.last().map(|e| e.seq).unwrap_or(s.journal_seq) + 1;
        let mut e = Event {
            seq,
            at,
            workshop: 0,
            what: What::Details,
            point: String::new(),
            of: None,
            points,
            session,
        };
        e.what = hint.map(|h| h.0).unwrap_or_else(|| classify(&e));
        e.of = hint.and_then(|h| h.1);
        e.workshop = workshop_of(s, e.what);
        if e.points.len() == 1 {
            e.point = e.points.keys().next().cloned().unwrap_or_default();
        } else if e.points.is_empty() {
            e.point = s.cursor.clone();
        }
        s.journal.push(e.clone());
        Some(e)
    }
}

/// The whole difference between two sessions as one event (for code that
/// changes a session outside the facilitator's window: the demo, tests,
/// commands). Appended to `after`'s journal; `None` when nothing changed.
pub fn commit_between(
    before: &Session,
    after: &mut Session,
    at: Timestamp,
    hint: Option<What>,
) -> Option<Event> {
    let mut b = Baseline::of(before);
    let ids: BTreeSet<&String> = before.points.keys().chain(after.points.keys()).collect();
    for id in ids {
        b.points.insert(id.clone(), point_value(before, id));
    }
    b.commit(after, at, hint.map(|w| (w, None)))
}

/// The workshop an event belongs to: the one that is open, or the one it ended.
fn workshop_of(s: &Session, what: What) -> u32 {
    match s.workshops.last() {
        Some(w) if w.ended.is_none() || what == What::WorkshopEnd => w.number,
        _ => 0,
    }
}

/// Name what an event did from its change.
fn classify(e: &Event) -> What {
    if let Some(d) = e.session.get("workshops") {
        let (b, a): (Vec<Value>, Vec<Value>) = match d {
            ValueDelta::List(_, _, b, a) => (b.clone(), a.clone()),
            ValueDelta::Set(b, a) => {
                let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
                (list(b), list(a))
            }
            ValueDelta::Fields(_) => (Vec::new(), Vec::new()),
        };
        let ended = |v: &[Value]| v.iter().filter(|w| !w["ended"].is_null()).count();
        return if a.len() > b.len() {
            What::WorkshopStart
        } else if ended(&a) > ended(&b) {
            What::WorkshopEnd
        } else {
            What::Attendance
        };
    }
    for (name, what) in [
        ("votes", What::Vote),
        ("overrides", What::Override),
        ("parties", What::Party),
        ("adoptions", What::Adoption),
        ("parking", What::Parking),
        ("plans", What::Plan),
    ] {
        if e.session.contains_key(name) {
            return what;
        }
    }
    if let Some(d) = e.points.values().next() {
        for (field, what) in [
            ("status", What::Status),
            ("dissenters", What::Status),
            ("dissent_reason", What::Status),
            ("skip_reason", What::Status),
            ("stances", What::Stance),
            ("notes", What::Note),
            ("actions", What::Action),
            ("seconds", What::Time),
        ] {
            if d.touches(field) {
                return what;
            }
        }
    }
    if e.session.keys().any(|k| k != "cursor" && k != "draft") {
        What::Details
    } else if e.session.contains_key("draft") {
        What::Draft
    } else {
        What::Cursor
    }
}

mod facts;
pub use facts::*;

#[cfg(test)]
mod tests;
