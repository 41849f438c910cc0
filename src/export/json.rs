//! The complete session as JSON, and back.

use std::path::Path;

use super::Options;
use super::anonymize::anonymize_session;
use crate::session::{FORMAT_VERSION, Session};
use crate::store::{self, StoreError};

/// The complete session as pretty JSON (round-trips through the loader's
/// model). C1 controls, DEL and bidi controls are `\uXXXX` escapes, like C0.
pub fn json(sess: &Session, o: &Options) -> String {
    if o.anonymize {
        let mut copy = sess.clone();
        anonymize_session(&mut copy, o.lang);
        // the journal holds every text as it was typed: an anonymized
        // export carries the state only
        copy.journal.clear();
        crate::safe_text::json_pretty(&copy)
    } else {
        crate::safe_text::json_pretty(sess)
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
    let sess: Session =
        serde_json::from_str(text).map_err(|e| corrupt(e.line(), e.column(), e.to_string()))?;
    // the loader's own checks (format version, migration, validation): the
    // session goes through the text of a session file, in memory
    store::parse(&store::to_toml(&sess), path)
}
