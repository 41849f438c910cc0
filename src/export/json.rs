//! The complete session as JSON, and back.
//!
//! The export is the session as its file holds it (the same fields, see
//! `assets/export-schema-v4.json`, the JSON Schema of this format
//! version), plus what a reader needs that the session file leaves to the
//! framework: `questions`, for every point with a record, its question and
//! the names of its block and step. Reading an export back drops what is
//! only there for readers ([`EXPORT_ONLY`]).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Options;
use super::anonymize::anonymize_session;
use crate::framework::Framework;
use crate::session::{FORMAT_VERSION, Session};
use crate::store::{self, StoreError};

/// Keys of the export that are not part of the session: dropped when an
/// export is read back.
pub const EXPORT_ONLY: &[&str] = &["questions"];

/// A point's question and where it stands in the framework.
#[derive(Serialize)]
struct Question<'a> {
    block_id: &'a str,
    block: &'a str,
    step_id: &'a str,
    step: &'a str,
    text: &'a str,
}

/// The session and what readers need besides it.
#[derive(Serialize)]
struct Export<'a> {
    #[serde(flatten)]
    session: &'a Session,
    questions: BTreeMap<&'a str, Question<'a>>,
}

/// The questions of the points `sess` has a record of.
fn questions<'a>(fw: &'a Framework, sess: &Session) -> BTreeMap<&'a str, Question<'a>> {
    fw.iter_points()
        .filter(|(_, _, p)| sess.points.contains_key(&p.id))
        .map(|(pos, step, p)| {
            let block = &fw.blocks[pos.block];
            let q = Question {
                block_id: &block.id,
                block: &block.title,
                step_id: &step.id,
                step: &step.title,
                text: &p.text,
            };
            (p.id.as_str(), q)
        })
        .collect()
}

/// The complete session as pretty JSON (round-trips through the loader's
/// model), with the questions of its points. C1 controls, DEL and bidi
/// controls are `\uXXXX` escapes, like C0.
pub fn json(fw: &Framework, sess: &Session, o: &Options) -> String {
    let write = |session: &Session| {
        crate::safe_text::json_pretty(&Export {
            session,
            questions: questions(fw, session),
        })
    };
    if o.anonymize {
        let mut copy = sess.clone();
        anonymize_session(&mut copy, o.lang);
        // the journal holds every text as it was typed: an anonymized
        // export carries the state only
        copy.journal.clear();
        write(&copy)
    } else {
        write(sess)
    }
}

/// A session from its JSON export (`path` is used in errors only), with
/// the checks of a session file: a newer format is refused, an older one
/// brought up to date, the whole validated. Never writes.
pub fn session_from_json(text: &str, path: &Path) -> Result<Session, StoreError> {
    let corrupt = |line: usize, column: usize, message: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        line,
        column,
        message,
        backup: None,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| corrupt(e.line(), e.column(), e.to_string()))?;
    if let Some(v) = value.get("format_version").and_then(|v| v.as_u64())
        && v > u64::from(FORMAT_VERSION)
    {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            version: u32::try_from(v).unwrap_or(u32::MAX),
        });
    }
    let sess: Session = match value {
        // an export: without what is only there for readers
        serde_json::Value::Object(mut map) if EXPORT_ONLY.iter().any(|k| map.contains_key(*k)) => {
            for k in EXPORT_ONLY {
                map.remove(*k);
            }
            serde_json::from_value(serde_json::Value::Object(map))
                .map_err(|e| corrupt(0, 0, e.to_string()))?
        }
        _ => {
            serde_json::from_str(text).map_err(|e| corrupt(e.line(), e.column(), e.to_string()))?
        }
    };
    // the loader's own checks (format version, migration, validation): the
    // session goes through the text of a session file, in memory
    store::parse(&store::to_toml(&sess), path)
}
