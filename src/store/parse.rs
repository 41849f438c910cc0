//! Reading a session file's text (issue 23): the declared format, the
//! snapshot (pre-scanned, then TOML), the journal's events after it
//! replayed, an older format brought up to date.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::session::{FORMAT_VERSION, Session};
use crate::textpos::line_col;

use super::*;

/// The `format_version` declared at the top of a session file, if any.
pub(crate) fn declared_version(text: &str) -> Option<u32> {
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix("format_version") {
            let rest = rest.trim_start().strip_prefix('=')?;
            let num = rest.split('#').next()?.trim();
            return num.parse().ok();
        }
    }
    None
}

/// Parse session text; `path` is used in errors only. A torn last event
/// (see [`parse_journaled`]) is left out.
pub fn parse(text: &str, path: &Path) -> Result<Session, StoreError> {
    parse_journaled(text, path).map(|(s, _)| s)
}

/// Parse session text: the snapshot, then the journal's events after it
/// replayed on it (see `store/journal.rs`). A last event line that a crash
/// cut short is returned apart (the facilitator's window sets it aside); a
/// damaged line with good lines after it makes the file corrupt.
pub fn parse_journaled(text: &str, path: &Path) -> Result<(Session, Option<Torn>), StoreError> {
    parse_journaled_as(text, path, Scan::First)
}

/// When the pre-scan runs: before the streaming reader (every reader but
/// the facilitator's window), or beside it on a second thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scan {
    First,
    /// The facilitator's window (`open`): the first frame waits for the
    /// reading, and the scan is a fifth of it. Its refusal stops the
    /// reader at its next line and wins; toml is asked only after it
    /// passed. Not for `export`, `list` or the beamer: a hostile file
    /// then costs the reader's work too until the refusal reaches it,
    /// twice the time on a busy machine (the store tests bound it).
    Beside,
}

/// [`parse_journaled`], with the pre-scan where `scan` says.
pub(crate) fn parse_journaled_as(
    text: &str,
    path: &Path,
    scan: Scan,
) -> Result<(Session, Option<Torn>), StoreError> {
    // Windows line ends (an editor's save, git's autocrlf): TOML reads
    // "\r\n" as a line end and lets a multi-line string's line ends be
    // read as "\n"; this program writes "\n", the journal's checksums are
    // over its lines without a line end. A raw "\r" is nowhere else in a
    // valid file (in strings and comments it is escaped), so the file is
    // read as written with "\n": lines and columns stay where they are.
    let lf;
    let text = match text.contains("\r\n") {
        true => {
            lf = text.replace("\r\n", "\n");
            lf.as_str()
        }
        false => text,
    };
    if let Some(v) = declared_version(text)
        && v > FORMAT_VERSION
    {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            version: v,
        });
    }
    let corrupt = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        StoreError::Corrupt {
            path: path.to_path_buf(),
            line,
            column,
            message,
            backup: newest_backup(path),
        }
    };
    if text.trim().is_empty() {
        return Err(corrupt(0, "empty file".into()));
    }
    // a file of an older format has no journal, whatever its text holds
    let start = match declared_version(text) {
        Some(v) if v < FORMAT_VERSION => text.len(),
        _ => journal_start(text),
    };
    // the journal's lines are numbered from its start; the lines before
    // it are counted only for a message (a pass over the whole text)
    let lines_before = || {
        text.as_bytes()[..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    let (events, mut torn) = parse_events(text, start, 1).map_err(|d| StoreError::Corrupt {
        path: path.to_path_buf(),
        line: d.line + lines_before(),
        column: 1,
        message: d.message,
        backup: newest_backup(path),
    })?;
    if let Some(t) = &mut torn {
        t.line += lines_before();
    }
    // the snapshot is the whole text but a torn last line: the journal's
    // lines are TOML comments, and anything else after the mark is TOML's
    let snapshot = &text[..torn.as_ref().map_or(text.len(), |t| t.offset)];
    let read = scanned_and_read(snapshot, scan).map_err(|(at, m)| corrupt(at, m))?;
    let session = read_snapshot(snapshot, read).map_err(|(at, m)| corrupt(at, m))?;
    let session = migrate(session)
        .and_then(|s| replay(s, events))
        .and_then(|s| s.validate().map(|()| s))
        .map_err(|m| corrupt(start.min(text.len()), m))?;
    Ok((session, torn))
}

/// The largest snapshot the `toml` crate reads when the streaming reader
/// does not (TOML this program never writes: a dotted key given apart from
/// its table's other keys, in an inline table, or with more than one of
/// its tables continued by headers; a date). Its tree costs about 37× the
/// text (2.5 KB a table), so a larger text of such a shape, hostile or
/// hand-made, is refused by name instead (issue 28: at most 5× its size).
pub(crate) const TOML_TREE_MAX: usize = 64 * 1024;

/// The snapshot's TOML as a session: read as it streams (no tree, see
/// `store/stream`), refused where that reading finds a fault for certain,
/// or, where the text is TOML this program does not write, read by the
/// `toml` crate up to [`TOML_TREE_MAX`], which reads it the same or names
/// the fault (its offset and message).
fn read_snapshot(
    snapshot: &str,
    read: Result<Session, stream::StreamError>,
) -> Result<Session, (usize, String)> {
    match read {
        Ok(session) => Ok(session),
        // refused without building toml's tree (issue 28: a hostile file
        // costs what its valid part costs, not toml's 2.5 KB a table)
        Err(e) if e.kind == stream::Kind::Fault => Err((e.offset, e.message)),
        Err(e) if snapshot.len() > TOML_TREE_MAX => Err((
            e.offset,
            format!(
                "TOML that wijktafel does not write (a dotted key apart from its table's \
                 other keys or in an inline table, a date), read only in a file under {} KiB; \
                 write each table's keys together, under its [header]",
                TOML_TREE_MAX / 1024
            ),
        )),
        Err(_) => toml::from_str(snapshot).map_err(|e| {
            (
                e.span().map(|s| s.start).unwrap_or(0),
                e.message().trim().to_string(),
            )
        }),
    }
}

/// The pre-scan (refused before anything is built, see `read.rs`) and the
/// streaming reader, one after the other or side by side ([`Scan`]).
fn scanned_and_read(
    snapshot: &str,
    scan: Scan,
) -> Result<Result<Session, stream::StreamError>, (usize, String)> {
    let refused = |e: super::prescan::ScanError| (e.offset, e.message);
    if scan == Scan::First {
        prescan_session(snapshot, SESSION_LIMITS).map_err(refused)?;
        return Ok(stream::from_str(snapshot));
    }
    let stop = AtomicBool::new(false);
    let (scanned, read) = std::thread::scope(|scope| {
        let scanner = scope.spawn(|| {
            let scanned = prescan_session(snapshot, SESSION_LIMITS);
            if scanned.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            scanned
        });
        let read = stream::from_str_until(snapshot, &stop);
        let scanned = scanner
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (scanned, read)
    });
    scanned.map_err(refused)?;
    Ok(read)
}

/// The snapshot with the journal's later events applied; the journal kept.
fn replay(mut session: Session, events: Vec<crate::journal::Event>) -> Result<Session, String> {
    let last = events.last().map(|e| e.seq).unwrap_or(0);
    if session.journal_seq > last {
        return Err(format!(
            "the snapshot is at event {} but the journal ends at {last}",
            session.journal_seq
        ));
    }
    let since = session.journal_seq;
    crate::journal::apply_events(&mut session, events.iter().filter(|e| e.seq > since), true)?;
    // the state in memory holds every event of its journal
    session.journal_seq = last.max(since);
    session.journal = events;
    Ok(session)
}

/// Bring an older format up to [`FORMAT_VERSION`], and a session made
/// with an earlier version of its framework up to that framework's current
/// point ids (the one place this happens; in memory only: loading never
/// writes, the next save writes the new ids). Version 1 is the first format;
/// versions 2, 3 and 4 only added fields that default to empty (4: the
/// framework the session carries, see `framework::carried`), so an older
/// file needs nothing but its number (written at the next save). Version 3
/// marks files with the point ids of framework 2022.2 (see
/// [`FORMAT_VERSION`]). Version 4 keeps a journal of events after the
/// snapshot: an older file becomes one whose journal begins now, and the
/// minutes of its earlier workshops come from its state (see
/// [`crate::journal::JournalFrom`]).
fn migrate(mut session: Session) -> Result<Session, String> {
    match session.format_version {
        1..=3 => {
            session.format_version = FORMAT_VERSION;
            if let Some(last) = session.workshops.last() {
                session.journal_from = Some(crate::journal::JournalFrom {
                    at: last.ended.unwrap_or(last.started),
                    after_workshop: last.number,
                });
            }
        }
        FORMAT_VERSION => {}
        v => return Err(format!("unknown format_version {v}")),
    }
    session.upgrade_framework();
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session with a journal, saved with Windows line ends, reads the
    /// same (issue 23's journal lines were refused: "the snapshot is at
    /// event 1 but the journal ends at 0"), and a note's line ends stay
    /// "\n".
    #[test]
    fn windows_line_ends_read_the_same() {
        let fw = crate::framework::Framework::builtin();
        let t = jiff::Timestamp::UNIX_EPOCH;
        let mut s = Session::new("n", &fw, t);
        let before = s.clone();
        s.add_note("1.1.1", "twee\nregels", t);
        let e = crate::journal::commit_between(&before, &mut s, t, None).unwrap();
        let mut text = TomlWriter::default().write(&before);
        text.push_str(&super::super::event_line(&e));
        let path = Path::new("x.toml");
        let lf = parse(&text, path).unwrap();
        assert_eq!(lf.journal.len(), 1);
        let crlf = parse(&text.replace('\n', "\r\n"), path).unwrap();
        assert_eq!(
            serde_json::to_value(&crlf).unwrap(),
            serde_json::to_value(&lf).unwrap()
        );
    }

    /// Dotted keys given apart from their table's other keys are TOML the
    /// streaming reader leaves to toml: read by it in a small file, refused
    /// by name in a large one (never toml's tree of it: issue 28).
    #[test]
    fn dotted_keys_apart_are_read_by_toml_only_in_a_small_file() {
        let fw = crate::framework::Framework::builtin();
        let t = jiff::Timestamp::UNIX_EPOCH;
        let s = Session::new("n", &fw, t);
        let text = TomlWriter::default().write(&s);
        let (id, version) = (&s.framework.id, &s.framework.version);
        let table = format!("[framework]\nid = \"{id}\"\nversion = \"{version}\"\n");
        assert!(text.contains(&table), "{text}");
        // the framework's keys apart: the first before `cursor`
        let apart = text.replace(&table, "").replacen(
            "cursor = ",
            &format!("framework.id = \"{id}\"\ncursor = "),
            1,
        );
        let apart = apart.replacen(
            "\n[",
            &format!("\nframework.version = \"{version}\"\n\n["),
            1,
        );
        let path = Path::new("x.toml");
        let read = parse(&apart, path).unwrap();
        assert_eq!(read.framework, s.framework);
        // the same past 64 KiB (a long comment): refused by name
        let large = format!("{}{apart}", "# .........\n".repeat(TOML_TREE_MAX / 12 + 1));
        let e = parse(&large, path).unwrap_err();
        assert!(
            matches!(&e, StoreError::Corrupt { message, .. } if message.contains("under 64 KiB")),
            "{e:?}"
        );
    }

    /// The pre-scan beside the reader (the facilitator's window) reads and
    /// refuses exactly as the scan before it: a file the scan refuses is
    /// refused with the scan's words, however far the reader got.
    #[test]
    fn the_scan_beside_the_reader_decides_as_the_scan_before_it() {
        let fw = crate::framework::Framework::builtin();
        let s = crate::demo::build(&fw, 2);
        let text = TomlWriter::default().write(&s);
        let path = Path::new("x.toml");
        let json = |s: &Session| serde_json::to_value(s).unwrap();
        let first = parse_journaled_as(&text, path, Scan::First).unwrap().0;
        let beside = parse_journaled_as(&text, path, Scan::Beside).unwrap().0;
        assert_eq!(json(&first), json(&beside));
        // an unknown key late in the file: the scan's refusal
        let bad = format!("{text}\n[[workshops]]\nnumber = 9\nzz = 1\n");
        let message = |e: StoreError| match e {
            StoreError::Corrupt { line, message, .. } => (line, message),
            other => panic!("{other:?}"),
        };
        let a = message(parse_journaled_as(&bad, path, Scan::First).unwrap_err());
        let b = message(parse_journaled_as(&bad, path, Scan::Beside).unwrap_err());
        assert!(a.1.contains("zz"), "{a:?}");
        assert_eq!(a, b);
    }
}
