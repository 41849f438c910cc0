//! The framework a session carries (issue 31): the session file holds the
//! text of its own framework (or names the built-in one by id, version and
//! fingerprint), so every command reads it with the framework it was made
//! with, whatever `--framework` says. A change of framework is a deliberate
//! act ([`switch`]) that keeps the earlier text, so the wording the room saw
//! stays with the records made under it.
//!
//! Plain data and functions: no files, no terminal.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{DEFAULT_TOML, Framework, FrameworkError};
use crate::i18n::{Lang, fill};
use crate::record::PointRecord;
use crate::session::{FrameworkRef, Session};

/// The text of a session's own framework, as it was loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkSource {
    pub text: String,
}

/// One change of a session's framework (`wijktafel framework switch`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkSwitch {
    pub at: Timestamp,
    /// The last workshop held under the earlier framework (0: none yet).
    pub after_workshop: u32,
    pub from: FrameworkRef,
    pub to: FrameworkRef,
    /// The earlier framework's whole text: the wording the room saw in the
    /// workshops up to `after_workshop`.
    pub from_text: String,
}

/// A fingerprint of a framework's text: FNV-1a (64 bit) over its bytes.
/// It tells versions of a text apart; it is no protection against someone
/// who edits the session file on purpose (nothing in a plain file is).
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// A framework named on the command line, with its text when it was read
/// from a file (tests may give a framework without one).
#[derive(Debug, Clone)]
pub struct Given {
    pub fw: Framework,
    pub text: Option<String>,
}

/// The framework a session is read with.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub fw: Framework,
    /// A session written before sessions carried their framework, whose
    /// framework was given once: what to keep in it (its text, or the
    /// built-in's fingerprint) at the next save.
    pub adopt: Option<Adopt>,
}

/// What a session of the old format takes on once its framework is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Adopt {
    /// The built-in framework: only the fingerprint is added.
    Builtin,
    /// An own framework: its text goes into the session.
    Text(String),
}

/// Why a session cannot be read with a framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarriedError {
    /// The session (of the old format) names a framework the program does
    /// not carry, and no file was given for it.
    Missing { id: String, version: String },
    /// The framework text in the session file does not load.
    Broken(FrameworkError),
    /// The framework text in the session file is not the one its
    /// fingerprint names (edited by hand).
    Tampered { id: String },
    /// `--framework` names another framework than the session's.
    Differs {
        session: FrameworkRef,
        given_id: String,
        given_version: String,
    },
}

impl CarriedError {
    /// A plain message in the interface's language; `session` names the
    /// session (its name or file).
    pub fn message(&self, session: &str, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            CarriedError::Missing { id, version } => {
                fill(s.fw_missing, &[session, id, version, session])
            }
            CarriedError::Broken(e) => fill(s.fw_carried_broken, &[session, &e.message(lang)]),
            CarriedError::Tampered { id } => fill(s.fw_carried_tampered, &[session, id]),
            CarriedError::Differs {
                session: r,
                given_id,
                given_version,
            } => fill(
                s.fw_differs,
                &[session, &r.id, &r.version, given_id, given_version, session],
            ),
        }
    }
}

/// The built-in framework's reference, with its fingerprint.
fn builtin_ref(fw: &Framework) -> FrameworkRef {
    FrameworkRef {
        id: fw.id.clone(),
        version: fw.version.clone(),
        hash: Some(fingerprint(DEFAULT_TOML)),
    }
}

/// Let a new session carry its framework: the built-in one by reference,
/// an own one (`text` read from its file) whole.
pub fn carry(session: &mut Session, fw: &Framework, text: Option<&str>) {
    let builtin = Framework::builtin();
    match text {
        Some(text) if *fw != builtin => {
            session.framework = FrameworkRef {
                id: fw.id.clone(),
                version: fw.version.clone(),
                hash: Some(fingerprint(text)),
            };
            session.framework_source = Some(FrameworkSource {
                text: text.to_string(),
            });
        }
        _ if *fw == builtin => {
            session.framework = builtin_ref(&builtin);
            session.framework_source = None;
        }
        // an own framework without its text (tests): by reference only
        _ => {}
    }
}

/// Whether two frameworks are the same for a session: the same content
/// (the file may differ in layout and comments).
fn same(a: &Framework, b: &Framework) -> bool {
    a == b
}

/// The framework `session` is read with, given what the command line
/// named (`given`). The session's own text comes first; a `given` one
/// that differs is refused (a switch is [`switch`]'s business). A session
/// of the old format takes the given framework when it has the same id and
/// version (and keeps it, see [`Resolved::adopt`]), or the built-in one.
pub fn resolve(session: &Session, given: Option<&Given>) -> Result<Resolved, CarriedError> {
    let differs = |g: &Given| CarriedError::Differs {
        session: session.framework.clone(),
        given_id: g.fw.id.clone(),
        given_version: g.fw.version.clone(),
    };
    if let Some(src) = &session.framework_source {
        if let Some(h) = &session.framework.hash
            && *h != fingerprint(&src.text)
        {
            return Err(CarriedError::Tampered {
                id: session.framework.id.clone(),
            });
        }
        let label = format!("{} [framework_source]", session.name);
        let fw = Framework::parse(&src.text, &label).map_err(CarriedError::Broken)?;
        if let Some(g) = given
            && !same(&g.fw, &fw)
        {
            return Err(differs(g));
        }
        return Ok(Resolved { fw, adopt: None });
    }
    let builtin = Framework::builtin();
    let names_builtin = session.framework.id == builtin.id;
    if session.framework.hash.is_some() {
        // the new format without a text: the built-in framework
        if !names_builtin {
            return Err(CarriedError::Missing {
                id: session.framework.id.clone(),
                version: session.framework.version.clone(),
            });
        }
        if let Some(g) = given
            && !same(&g.fw, &builtin)
        {
            return Err(differs(g));
        }
        return Ok(Resolved {
            fw: builtin,
            adopt: None,
        });
    }
    // the old format: only an id and a version
    match given {
        Some(g) if g.fw.id == session.framework.id && g.fw.version == session.framework.version => {
            let adopt = match &g.text {
                _ if same(&g.fw, &builtin) => Some(Adopt::Builtin),
                Some(t) => Some(Adopt::Text(t.clone())),
                None => None,
            };
            Ok(Resolved {
                fw: g.fw.clone(),
                adopt,
            })
        }
        Some(g) if !(names_builtin && same(&g.fw, &builtin)) => Err(differs(g)),
        // the standard's id: read with the built-in framework, but not
        // pinned to it: it may have been made with an adapted copy that
        // kept the id, which `--framework` can still name once
        _ if names_builtin => Ok(Resolved {
            fw: builtin,
            adopt: given.map(|_| Adopt::Builtin),
        }),
        _ => Err(CarriedError::Missing {
            id: session.framework.id.clone(),
            version: session.framework.version.clone(),
        }),
    }
}

/// Keep what [`Resolved::adopt`] says in the session (in memory).
pub fn adopt(session: &mut Session, fw: &Framework, adopt: &Adopt) {
    match adopt {
        Adopt::Builtin => session.framework.hash = Some(fingerprint(DEFAULT_TOML)),
        Adopt::Text(t) => carry(session, fw, Some(t)),
    }
}

/// The framework text the session is on now (its own, or the built-in's).
pub fn current_text(session: &Session) -> &str {
    session
        .framework_source
        .as_ref()
        .map_or(DEFAULT_TOML, |s| s.text.as_str())
}

/// The framework of workshop `number` when it was held under an earlier
/// framework (before a switch): parsed from the switch's earlier text.
/// `None` when the workshop was held under the current one (or the earlier
/// text no longer loads, which a hand edit could cause).
pub fn framework_of_workshop(session: &Session, number: u32) -> Option<Framework> {
    let sw = session
        .framework_switches
        .iter()
        .find(|sw| number <= sw.after_workshop)?;
    let label = format!("{} [framework_switches]", session.name);
    Framework::parse(&sw.from_text, &label).ok()
}

/// The records on points the framework does not have (any more), by id:
/// kept, and shown in a section of their own.
pub fn orphans<'a>(session: &'a Session, fw: &Framework) -> Vec<(&'a str, &'a PointRecord)> {
    session
        .points
        .iter()
        .filter(|(id, _)| fw.pos_of(id).is_none())
        .map(|(id, r)| (id.as_str(), r))
        .collect()
}

/// The wording of a point in the last framework that had it before the
/// current one, newest switch first (for a record on a removed point).
pub fn earlier_text(session: &Session, point: &str) -> Option<String> {
    session.framework_switches.iter().rev().find_map(|sw| {
        Framework::parse(&sw.from_text, "")
            .ok()
            .and_then(|fw| fw.pos_of(point).map(|p| fw.point_at(p.flat).text.clone()))
    })
}

/// The wording the room saw when the point's status was last set, when a
/// switch since then words it otherwise (`now_text`): that earlier text and
/// the time of the switch. `None` for an open point, a point decided under
/// the current framework, or one whose words did not change.
pub fn decided_under(
    session: &Session,
    point: &str,
    now_text: &str,
) -> Option<(String, Timestamp)> {
    if session.framework_switches.is_empty() {
        return None;
    }
    let r = session.record(point)?;
    if r.status == crate::record::Status::Open {
        return None;
    }
    let w = r
        .history
        .iter()
        .rev()
        .find(|h| h.kind == crate::record::HistoryKind::Status)?
        .workshop;
    let sw = session
        .framework_switches
        .iter()
        .find(|sw| w <= sw.after_workshop)?;
    let then = Framework::parse(&sw.from_text, "").ok()?;
    let text = then.point_at(then.pos_of(point)?.flat).text.clone();
    (text != now_text).then_some((text, sw.at))
}

/// What a switch from one framework to another changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// (id, earlier text, new text)
    pub reworded: Vec<(String, String, String)>,
    /// (id, text)
    pub added: Vec<(String, String)>,
    /// (id, text, whether the session has a record on it)
    pub removed: Vec<(String, String, bool)>,
    /// The decision step's question or routes changed.
    pub decision_changed: bool,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.reworded.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && !self.decision_changed
    }
}

/// The points reworded, added and removed from `old` to `new`, and which
/// removed points hold a record of `session`.
pub fn diff(session: &Session, old: &Framework, new: &Framework) -> Diff {
    let mut d = Diff::default();
    for (_, _, p) in old.iter_points() {
        match new.pos_of(&p.id) {
            Some(pos) => {
                let now = &new.point_at(pos.flat).text;
                if *now != p.text {
                    d.reworded.push((p.id.clone(), p.text.clone(), now.clone()));
                }
            }
            None => d.removed.push((
                p.id.clone(),
                p.text.clone(),
                session.points.contains_key(&p.id),
            )),
        }
    }
    for (_, _, p) in new.iter_points() {
        if old.pos_of(&p.id).is_none() {
            d.added.push((p.id.clone(), p.text.clone()));
        }
    }
    let decision = |fw: &Framework| {
        fw.decision_step()
            .map(|(b, s)| fw.blocks[b].steps[s].clone())
    };
    d.decision_changed = decision(old) != decision(new);
    d
}

/// Move `session` from the framework read from `old_text` to `new` (read
/// from `new_text`; the built-in one is kept by reference): the switch is
/// recorded with its time, the earlier text and the last workshop held
/// under it. Every record stays.
pub fn switch(
    session: &mut Session,
    old_text: &str,
    new: &Framework,
    new_text: &str,
    now: Timestamp,
) {
    let from_text = old_text.to_string();
    let mut from = session.framework.clone();
    from.hash.get_or_insert_with(|| fingerprint(&from_text));
    let after_workshop = session.workshops.last().map_or(0, |w| w.number);
    carry(session, new, Some(new_text));
    session.framework_switches.push(FrameworkSwitch {
        at: now,
        after_workshop,
        from,
        to: session.framework.clone(),
        from_text,
    });
    if new.pos_of(&session.cursor).is_none() {
        session.cursor = new.point_at(0).id.clone();
    }
}

#[cfg(test)]
#[path = "carried_tests.rs"]
mod tests;
