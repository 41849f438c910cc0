//! The digest line of a session file (issues 23 and 30): what `list`, the
//! home screen and `overzicht` show of a session
//! ([`crate::overview::Digest`]), written as the file's second line
//! whenever the file is written whole (a new session, a workshop's start
//! and end, a migration, a restore):
//!
//! ```text
//! # wijktafel session file. Edit with care; …
//! #% 5d1f09a2 0000000002596190 {"version":1,"name":"Demo De Horst",…}
//! ```
//!
//! The first eight hex digits are the CRC-32 of the rest of the line; the
//! sixteen digits are the length of the whole file as it was written, the
//! next eight the CRC-32 of every other byte of the file. A digest is
//! trusted only while the file is exactly that long and holds exactly
//! those bytes (and its version holds): an appended event or a torn append
//! changes the length (checked first, from `fstat`), an edit by hand the
//! checksum (the file is read, not parsed: about a millisecond for a
//! 2.6 MB file). Otherwise the reader parses the session as before. The digest is a cache of the file, never its truth:
//! the snapshot and the journal are read by everything that changes or
//! exports a session. It is a TOML comment, so other TOML readers skip it.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::overview::{DIGEST_VERSION, Digest};

use super::StoreError;
use super::read::{SESSION_CAP, open_guarded};

/// The first bytes of the digest line.
const PREFIX: &str = "#% ";

/// The longest digest line that is read (a framework of a few hundred
/// points makes one of a few tens of kB).
const LINE_CAP: u64 = 1 << 20;

/// How many lines at the top of a file may precede the digest.
const LINES_BEFORE: usize = 4;

/// Width of the file length in the line: the line's own length does not
/// depend on the number it holds.
const LEN_DIGITS: usize = 16;

/// The digest of a session as its line, for a file whose other text is
/// `before` (the lines above the digest) and `after`. Characters that must
/// not reach a terminal raw are written as `\uXXXX` escapes (as in the
/// journal's lines).
pub fn digest_line(digest: &Digest, before: &str, after: &str) -> String {
    DigestLine::of(digest).line(before, after)
}

/// A digest made ready for its line: its JSON, and so the line's length,
/// are known before the text around it is, so a writer can keep the
/// line's place in the file it builds and fill it in afterwards (no copy
/// of the whole file to insert it).
pub struct DigestLine {
    json: String,
}

impl DigestLine {
    pub fn of(digest: &Digest) -> DigestLine {
        let json = serde_json::to_string(digest).expect("a digest serializes");
        let json = super::writer::json_for_comment(&json).into_owned();
        DigestLine { json }
    }

    /// The bytes the line takes, its newline included.
    pub fn line_len(&self) -> usize {
        // "#% " + 8 hex + " " + LEN_DIGITS + " " + 8 hex + " " + json + "\n"
        PREFIX.len() + 8 + 1 + LEN_DIGITS + 1 + 8 + 1 + self.json.len() + 1
    }

    /// The line for a file whose other text is `before` and `after`
    /// (exactly [`DigestLine::line_len`] bytes).
    pub fn line(&self, before: &str, after: &str) -> String {
        let mut others = crc32fast::Hasher::new();
        others.update(before.as_bytes());
        others.update(after.as_bytes());
        let total = before.len() + after.len() + self.line_len();
        let body = format!(
            "{total:0w$} {:08x} {}",
            others.finalize(),
            self.json,
            w = LEN_DIGITS
        );
        format!("{PREFIX}{:08x} {body}\n", crc32fast::hash(body.as_bytes()))
    }
}

/// The digest kept in the file at `path`, when the file is still exactly
/// what was written with it; `None` when it has none or it no longer
/// describes the file (then read the session). Reads the first lines only,
/// through the guarded reader; writes nothing.
pub fn read_digest(path: &Path) -> Result<Option<Digest>, StoreError> {
    let (file, meta) = open_guarded(path, SESSION_CAP)?;
    let io = |e| StoreError::io(path, e);
    let mut lines = BufReader::with_capacity(64 << 10, file);
    let mut others = crc32fast::Hasher::new();
    let mut line = Vec::new();
    for _ in 0..=LINES_BEFORE {
        line.clear();
        let n = (&mut lines)
            .take(LINE_CAP)
            .read_until(b'\n', &mut line)
            .map_err(io)?;
        if n == 0 || line.last() != Some(&b'\n') {
            return Ok(None);
        }
        if line.starts_with(PREFIX.as_bytes()) {
            let Some((digest, crc)) = parse_line(&line, meta.len()) else {
                return Ok(None);
            };
            // every other byte, as written (read, not parsed)
            loop {
                let buf = lines.fill_buf().map_err(io)?;
                if buf.is_empty() {
                    break;
                }
                others.update(buf);
                let n = buf.len();
                lines.consume(n);
            }
            return Ok((others.finalize() == crc).then_some(digest));
        }
        if !line.starts_with(b"#") {
            return Ok(None);
        }
        others.update(&line);
    }
    Ok(None)
}

/// A digest line (with its newline) checked against the file's length,
/// and the checksum the file's other bytes must have.
fn parse_line(line: &[u8], file_len: u64) -> Option<(Digest, u32)> {
    let text = std::str::from_utf8(line).ok()?.strip_suffix('\n')?;
    let rest = text.strip_prefix(PREFIX)?;
    let (crc, body) = rest.split_once(' ')?;
    if u32::from_str_radix(crc, 16).ok()? != crc32fast::hash(body.as_bytes()) {
        return None;
    }
    let (len, body) = body.split_once(' ')?;
    if len.len() != LEN_DIGITS || len.parse::<u64>().ok()? != file_len {
        return None;
    }
    let (others, json) = body.split_once(' ')?;
    let others = u32::from_str_radix(others, 16).ok()?;
    let digest: Digest = serde_json::from_str(json).ok()?;
    (digest.version == DIGEST_VERSION).then_some((digest, others))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_file(dir: &Path) -> (std::path::PathBuf, crate::session::Session) {
        let fw = crate::framework::Framework::builtin();
        let s = crate::demo::build(&fw, 3);
        let path = super::super::Store::at(dir).create(&s).unwrap();
        (path, s)
    }

    #[test]
    fn a_written_file_carries_the_digest_of_what_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let (path, s) = demo_file(dir.path());
        let fw = crate::framework::Framework::builtin();
        let d = read_digest(&path)
            .unwrap()
            .expect("a fresh file has its digest");
        assert_eq!(d, Digest::of(&s, &fw));
        assert_eq!(d.name, s.name);
        assert_eq!(d.workshops, 3);
        // the digest is a comment: the session reads as before
        assert_eq!(super::super::load(&path).unwrap().name, s.name);
    }

    #[test]
    fn a_digest_is_not_trusted_once_the_file_changed_length() {
        let dir = tempfile::tempdir().unwrap();
        let (path, _) = demo_file(dir.path());
        let text = std::fs::read_to_string(&path).unwrap();
        // an appended line (an event, or anything else)
        std::fs::write(&path, format!("{text}# later\n")).unwrap();
        assert_eq!(read_digest(&path).unwrap(), None);
        // cut short
        std::fs::write(&path, &text[..text.len() - 1]).unwrap();
        assert_eq!(read_digest(&path).unwrap(), None);
        // the same length, the digest line itself damaged
        let damaged = text.replacen("\"version\":1", "\"version\":2", 1);
        assert_eq!(damaged.len(), text.len());
        std::fs::write(&path, &damaged).unwrap();
        assert_eq!(read_digest(&path).unwrap(), None, "checksum");
        // the same length, the session edited (a newer format, a status)
        for (from, to) in [
            ("format_version = 4", "format_version = 5"),
            ("\"open\"", "\"opeN\""),
        ] {
            let edited = text.replacen(from, to, 1);
            assert_eq!(edited.len(), text.len());
            assert_ne!(edited, text);
            std::fs::write(&path, &edited).unwrap();
            assert_eq!(read_digest(&path).unwrap(), None, "{to}");
        }
        std::fs::write(&path, &text).unwrap();
        assert!(read_digest(&path).unwrap().is_some());
    }

    #[test]
    fn a_file_without_a_digest_has_none_and_hostile_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("a.toml");
        std::fs::write(&plain, "format_version = 4\nname = \"x\"\n").unwrap();
        assert_eq!(read_digest(&plain).unwrap(), None);
        let long = dir.path().join("b.toml");
        std::fs::write(&long, "#".repeat(3 << 20)).unwrap();
        assert_eq!(read_digest(&long).unwrap(), None);
        #[cfg(unix)]
        {
            let zero = dir.path().join("z.toml");
            std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
            assert!(matches!(
                read_digest(&zero),
                Err(StoreError::Symlink { .. })
            ));
        }
    }

    #[test]
    fn the_line_holds_the_length_of_the_whole_file() {
        let fw = crate::framework::Framework::builtin();
        let d = Digest::of(&crate::demo::build(&fw, 1), &fw);
        for rest in [0, 9, 99_999, 1_234_567] {
            let after = "x".repeat(rest);
            let line = digest_line(&d, "# a\n", &after);
            let len = (4 + rest + line.len()) as u64;
            let crc = crc32fast::hash(format!("# a\n{after}").as_bytes());
            assert_eq!(parse_line(line.as_bytes(), len), Some((d.clone(), crc)));
            assert_eq!(parse_line(line.as_bytes(), len + 1), None);
        }
    }
}
