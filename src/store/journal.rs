//! The journal on disk (issue 23): after the snapshot (the TOML that
//! [`TomlWriter`] writes), one line per event, appended as it happens:
//!
//! ```text
//! # ── journal: what happened, one event per line, newest last ──
//! #@ 5d1f09a2 {"seq":1,"at":"2026-12-07T13:02:11Z","w":1,"what":"workshop_start",…}
//! ```
//!
//! Each line is a TOML comment, so the file stays one readable TOML
//! document that any TOML reader (and `git diff`) takes as it is. The eight
//! hex digits are the CRC-32 of the JSON after them. A last line that is
//! cut short or whose checksum fails is a torn append (a crash while
//! writing it): it is set aside and the events before it stand. A bad line
//! with good lines after it is damage, and the file is refused.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use crate::journal::Event;
use crate::store::SessionLock;

use super::*;

/// The comment line that opens the journal.
pub const JOURNAL_MARK: &str =
    "# ── journal: what happened, one event per line, newest last (do not edit) ──";

/// The first bytes of every event line.
const PREFIX: &str = "#@ ";

/// One event as its line in the file, ending in a newline. Characters that
/// must not reach a terminal raw are written as `\uXXXX` escapes.
pub fn event_line(e: &Event) -> String {
    let json = serde_json::to_string(e).expect("an event serializes");
    let safe = super::writer::json_for_comment(&json);
    format!("{PREFIX}{:08x} {safe}\n", crc32fast::hash(safe.as_bytes()))
}

/// The journal part of a file: the mark and every event line.
pub fn journal_text(events: &[Event]) -> String {
    let mut out = String::with_capacity(64 + events.len() * 256);
    out.push('\n');
    out.push_str(JOURNAL_MARK);
    out.push('\n');
    for e in events {
        out.push_str(&event_line(e));
    }
    out
}

/// Where the journal's lines begin in a file's text (its length when it
/// has none): after the last mark line. The mark is searched from the end:
/// a text in the snapshot (a framework's own text, a note) may hold any
/// line, but no line after the real mark can be the mark (event lines are
/// one JSON object each, their text escaped).
pub fn journal_start(text: &str) -> usize {
    let mark = format!("\n{JOURNAL_MARK}\n");
    match text.rfind(&mark) {
        Some(i) => i + mark.len(),
        None if text.starts_with(&mark[1..]) => mark.len() - 1,
        None => text.len(),
    }
}

/// An append that a crash cut short: its line number and bytes, set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Torn {
    pub line: usize,
    pub bytes: String,
    /// Where the good part of the file ends (the torn line starts here).
    pub offset: usize,
}

/// A line of the journal that is damaged while lines after it are good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub line: usize,
    pub message: String,
}

/// Read the event lines of `text` from `start` (see [`journal_start`]);
/// `first_line` is the line number of `start` in the file.
pub fn parse_events(
    text: &str,
    start: usize,
    first_line: usize,
) -> Result<(Vec<Event>, Option<Torn>), Damaged> {
    journal_within_limits(&text[start..], first_line)?;
    let mut events: Vec<Event> = Vec::new();
    let mut offset = start;
    let mut lines = text[start..].split_inclusive('\n').enumerate().peekable();
    while let Some((i, raw)) = lines.next() {
        let line = first_line + i;
        let last = lines.peek().is_none();
        let here = offset;
        offset += raw.len();
        // a line that is no comment is TOML's (the snapshot reader judges
        // it); a comment that is no event line is a comment
        if !raw.starts_with('#') {
            continue;
        }
        let parsed = match raw.strip_suffix('\n') {
            None => Err("the line is cut short".to_string()),
            Some(l) if !l.starts_with(PREFIX) && !PREFIX.starts_with(l) => continue,
            Some(l) => parse_line(l, events.last().map(|e| e.seq)),
        };
        match parsed {
            Ok(e) => events.push(e),
            Err(_) if last => {
                let torn = Torn {
                    line,
                    bytes: raw.to_string(),
                    offset: here,
                };
                return Ok((events, Some(torn)));
            }
            Err(message) => return Err(Damaged { line, message }),
        }
    }
    Ok((events, None))
}

/// The most JSON values (objects, arrays and the items in them) one event
/// line may hold: twice as many as the whole snapshot may (an event that
/// touched every point of the largest session, a restore, holds what they
/// were and what they became).
pub const EVENT_VALUES: usize = 2 * super::SESSION_LIMITS.items;

/// The journal's JSON may hold one value per this many bytes, no more: a
/// real event spends 8 bytes and more on each (keys, times, texts), while
/// `[0,0,0,…]`, two bytes a value, would cost serde_json 16 to 32 times
/// its size in memory.
pub const BYTES_PER_VALUE: usize = 6;

/// Look over the journal's lines before any is parsed (one pass, nothing
/// allocated): no line holds more than [`EVENT_VALUES`] values, and all
/// of them together no more than one per [`BYTES_PER_VALUE`] bytes.
fn journal_within_limits(journal: &str, first_line: usize) -> Result<(), Damaged> {
    let (mut values, mut bytes) = (0usize, 0usize);
    for (i, raw) in journal.split_inclusive('\n').enumerate() {
        let Some(json) = raw.strip_prefix(PREFIX) else {
            continue;
        };
        let n = json_values(json.as_bytes());
        if n > EVENT_VALUES {
            return Err(Damaged {
                line: first_line + i,
                message: format!("more than {EVENT_VALUES} values in one event"),
            });
        }
        values += n;
        bytes += json.len();
        if values.saturating_mul(BYTES_PER_VALUE) > bytes + 4096 {
            return Err(Damaged {
                line: first_line + i,
                message: format!(
                    "more than one value per {BYTES_PER_VALUE} bytes: not a journal wijktafel wrote"
                ),
            });
        }
    }
    Ok(())
}

/// The values JSON text holds, roughly: its `[`, `{` and `,` outside strings.
fn json_values(b: &[u8]) -> usize {
    let (mut n, mut in_str, mut esc) = (0, false, false);
    for &c in b {
        if in_str {
            match c {
                _ if esc => esc = false,
                b'\\' => esc = true,
                b'"' => in_str = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'[' | b'{' | b',' => n += 1,
                _ => {}
            }
        }
    }
    n
}

fn parse_line(line: &str, previous: Option<u64>) -> Result<Event, String> {
    let rest = line
        .strip_prefix(PREFIX)
        .ok_or_else(|| "not an event line".to_string())?;
    let (crc, json) = rest
        .split_once(' ')
        .ok_or_else(|| "no checksum".to_string())?;
    let want = u32::from_str_radix(crc, 16).map_err(|_| "no checksum".to_string())?;
    if crc.len() != 8 || crc32fast::hash(json.as_bytes()) != want {
        return Err("the checksum does not match".into());
    }
    let e: Event = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let expected = previous.map(|p| p + 1).unwrap_or(e.seq.max(1));
    if e.seq != expected {
        return Err(format!("event {} where {expected} was expected", e.seq));
    }
    Ok(e)
}

/// Append event lines to the session file, durably (written, then its data
/// synced), if the file still holds what `stamp` describes; the stamp then
/// describes the longer file. The bytes written do not grow with the session.
pub fn append_events(path: &Path, lines: &str, stamp: &mut FileStamp) -> Result<(), StoreError> {
    if !stamp.still_matches(path)? {
        return Err(StoreError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let mut opts = OpenOptions::new();
    opts.append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut opts, libc::O_NOFOLLOW);
    let mut f = opts.open(path).map_err(|e| StoreError::io(path, e))?;
    let r = f.write_all(lines.as_bytes()).and_then(|()| f.sync_data());
    match r {
        Ok(()) => {
            *stamp = stamp.appended(lines.as_bytes()).seen_at(path);
            Ok(())
        }
        Err(e) => {
            // a partly written line is a torn tail: cut it off again, so the
            // next append starts on a line of its own
            let _ = f.set_len(stamp.len);
            Err(StoreError::io(path, e))
        }
    }
}

/// What [`restore_event`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventRestore {
    /// The session is now as it was after event `to`; the restore itself is
    /// event `seq` (restoring `seq - 1` takes it back).
    Done { to: u64, seq: u64 },
    /// The session already was as it was after event `to`: nothing written.
    Unchanged { to: u64 },
    /// The journal has no event `to` (it ends at `last`).
    NoSuchEvent { to: u64, last: u64 },
}

/// Put the session back to how it was after event `to` (0: before the
/// first event of its journal). Nothing is removed: the way back is one more
/// event, appended like a capture, so the journal still holds everything
/// that happened after `to` and a later restore can go forward again. The
/// session is locked while this runs (refused when it is open elsewhere).
pub fn restore_event(
    path: &Path,
    to: u64,
    now: jiff::Timestamp,
) -> Result<EventRestore, StoreError> {
    let _lock = SessionLock::acquire(path)?;
    let loaded = load_for_writing(path)?;
    if loaded.torn.is_some() || loaded.version < crate::session::FORMAT_VERSION {
        // the file needs repair or migration first: the facilitator's window does that
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            line: loaded.torn.map(|t| t.line).unwrap_or(1),
            column: 1,
            message: "open the session once before restoring an event".into(),
            backup: None,
        });
    }
    let current = loaded.session;
    let last = current.journal.last().map(|e| e.seq).unwrap_or(0);
    if to > last {
        return Ok(EventRestore::NoSuchEvent { to, last });
    }
    let corrupt = |message: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message,
        backup: None,
    };
    let mut target = crate::journal::state_after(&current, to).map_err(corrupt)?;
    target.journal = current.journal.clone();
    target.journal_seq = current.journal_seq;
    let Some(mut e) = crate::journal::commit_between(
        &current,
        &mut target,
        now,
        Some(crate::journal::What::Restore),
    ) else {
        return Ok(EventRestore::Unchanged { to });
    };
    e.of = Some(to);
    // the restore happens now: in the workshop that runs, else between workshops
    e.workshop = current
        .workshops
        .last()
        .filter(|w| w.ended.is_none())
        .map(|w| w.number)
        .unwrap_or(0);
    let mut stamp = loaded.stamp;
    append_events(path, &event_line(&e), &mut stamp)?;
    Ok(EventRestore::Done { to, seq: e.seq })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character a note can hold leaves the event line a valid TOML
    /// comment (DEL and C1 controls are escaped; JSON escapes C0) and
    /// comes back exact.
    #[test]
    fn an_event_line_is_a_toml_comment_whatever_the_text() {
        let fw = crate::framework::Framework::builtin();
        let mut s = Session::new("n", &fw, jiff::Timestamp::UNIX_EPOCH);
        let before = s.clone();
        let nasty = "X\u{1b}]0;p\u{7}\u{0}\u{7f}\u{9b}\u{85}\u{202e}\u{2066}\u{2028}Y";
        s.add_note("1.1.1", nasty, jiff::Timestamp::UNIX_EPOCH);
        let e = crate::journal::commit_between(&before, &mut s, jiff::Timestamp::UNIX_EPOCH, None)
            .unwrap();
        let line = event_line(&e);
        assert!(!line.contains('\u{7f}') && !line.contains('\u{85}'));
        let doc = format!("{line}a = 1\n");
        assert!(toml::from_str::<toml::Table>(&doc).is_ok(), "{line}");
        let (events, torn) = parse_events(&line, 0, 1).unwrap();
        assert_eq!((events, torn), (vec![e], None));
    }
}
