//! The session file as TOML: stable order, readable, control and bidi
//! characters escaped; unchanged points keep their text between saves.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::digest::DigestLine;
use crate::session::{Draft, FrameworkRef, PointRecord, Session};
use crate::vote::DecisionRule;

/// Serialize a session to its TOML text (stable order: settings, parties,
/// workshops, points by id, votes, overrides).
pub fn to_toml(session: &Session) -> String {
    TomlWriter::default().write(session)
}

/// Writes sessions as TOML, keeping the text of every point it wrote: a
/// save after one capture serializes only the point that changed, so the
/// cost of a save does not grow with the number of notes elsewhere.
#[derive(Default)]
pub struct TomlWriter {
    points: HashMap<String, (PointRecord, String)>,
    /// The length of the last text written: the next one is about as long,
    /// so its buffer is taken at once rather than grown by copies.
    last_len: usize,
}

#[derive(Serialize)]
pub(super) struct Head<'a> {
    format_version: u32,
    name: &'a str,
    area: &'a str,
    municipality: &'a str,
    facilitator: &'a str,
    created: jiff::Timestamp,
    cursor: &'a str,
    framework: &'a FrameworkRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    framework_migrated_from: Option<&'a str>,
    rule: &'a DecisionRule,
    #[serde(skip_serializing_if = "Option::is_none")]
    draft: Option<&'a Draft>,
    #[serde(skip_serializing_if = "is_zero")]
    journal_seq: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal_from: Option<&'a crate::journal::JournalFrom>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// `{ key = value }` as TOML: a top-level table or array of tables.
pub(super) fn chunk<T: Serialize>(key: &str, value: T) -> String {
    let mut m = BTreeMap::new();
    m.insert(key, value);
    escape_unsafe(toml::to_string(&m).expect("session serializes to TOML"))
}

/// A blank line and `[[key]]` tables for each item, unless there are none.
fn push_list<T: Serialize>(out: &mut String, key: &str, items: &[T]) {
    if !items.is_empty() {
        out.push('\n');
        out.push_str(&chunk(key, items));
    }
}

/// Characters that must not reach a terminal raw when someone runs
/// `cat session.toml`: C1 controls and bidi overrides/isolates. (The toml
/// serializer already escapes C0 controls and DEL.)
pub(super) fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds an [`is_unsafe`] character (or, with `del`, DEL),
/// read from its bytes: C1 controls are `C2 80`–`C2 9F` in UTF-8, the bidi
/// controls `E2 80 AA`–`E2 80 AE` and `E2 81 A6`–`E2 81 A9`. Much faster
/// than decoding every character, so text without them (most of a file)
/// is passed on at once.
fn holds_unsafe(text: &str, del: bool) -> bool {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    memchr::memchr3_iter(0x7f, 0xc2, 0xe2, bytes).any(|i| match bytes[i] {
        0x7f => del,
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        _ => match at(i + 1) {
            0x80 => (0xaa..=0xae).contains(&at(i + 2)),
            0x81 => (0xa6..=0xa9).contains(&at(i + 2)),
            _ => false,
        },
    })
}

/// JSON text made fit for a TOML comment line (the journal's events, the
/// digest): [`is_unsafe`] characters and DEL, which JSON leaves raw but a
/// TOML comment may not hold, written as `\uXXXX` escapes. (JSON escapes
/// the C0 controls itself.) Text without them is returned as it is.
pub(super) fn json_for_comment(json: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) || c == '\u{7f}';
    if !holds_unsafe(json, true) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut safe = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) {
            safe.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            safe.push(c);
        }
    }
    std::borrow::Cow::Owned(safe)
}

/// Rewrite serialized TOML so that [`is_unsafe`] characters appear only as
/// `\uXXXX` escapes. They can only occur inside strings (keys or values):
/// in basic strings (`"…"`, `"""…"""`) the character is replaced by its
/// escape; a literal string (`'…'`, `'''…'''`), where escapes do not work,
/// is rewritten as a basic string with the same value.
pub(super) fn escape_unsafe(text: String) -> String {
    if !holds_unsafe(&text, false) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(i) = rest.find(['"', '\'']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let quote = if rest.starts_with('"') { '"' } else { '\'' };
        let multi = rest.starts_with("\"\"\"") || rest.starts_with("\'\'\'");
        let open = if multi { 3 } else { 1 };
        let body = &rest[open..];
        // the end of the string: the closing delimiter, skipping escapes in basic strings
        let mut end = None;
        let mut chars = body.char_indices();
        while let Some((j, c)) = chars.next() {
            if c == '\\' && quote == '"' {
                chars.next();
            } else if c == quote {
                if !multi {
                    end = Some((j, j + 1));
                    break;
                }
                let run = body[j..]
                    .bytes()
                    .take_while(|b| char::from(*b) == quote)
                    .count();
                if run >= 3 {
                    // up to two quotes before the delimiter belong to the value
                    end = Some((j + run - 3, j + run));
                    break;
                }
                for _ in 1..run {
                    chars.next();
                }
            }
        }
        let Some((content_end, close_end)) = end else {
            out.push_str(rest); // not TOML we wrote: leave it
            return out;
        };
        let content = &body[..content_end];
        if quote == '"' {
            out.push_str(&rest[..open]);
            for c in content.chars() {
                if is_unsafe(c) {
                    out.push_str(&format!("\\u{:04X}", c as u32));
                } else {
                    out.push(c);
                }
            }
            out.push_str(&body[content_end..close_end]);
        } else if content.chars().any(is_unsafe) {
            // a literal string's value is its text, minus a first newline in the multi-line form
            let value = if multi {
                content
                    .strip_prefix("\r\n")
                    .or_else(|| content.strip_prefix('\n'))
                    .unwrap_or(content)
            } else {
                content
            };
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() || is_unsafe(c) => {
                        out.push_str(&format!("\\u{:04X}", c as u32))
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        } else {
            out.push_str(&rest[..open + close_end]);
        }
        rest = &rest[open + close_end..];
    }
    out.push_str(rest);
    out
}

impl TomlWriter {
    pub fn write(&mut self, s: &Session) -> String {
        let head = Head {
            format_version: s.format_version,
            name: &s.name,
            area: &s.area,
            municipality: &s.municipality,
            facilitator: &s.facilitator,
            created: s.created,
            cursor: &s.cursor,
            framework: &s.framework,
            framework_migrated_from: s.framework_migrated_from.as_deref(),
            rule: &s.rule,
            draft: s.draft.as_ref(),
            // the snapshot holds every event of the journal written after it
            journal_seq: s.journal.last().map(|e| e.seq).unwrap_or(s.journal_seq),
            journal_from: s.journal_from.as_ref(),
        };
        let digest = digest_of(s);
        let mut out = String::with_capacity((64 * 1024).max(self.last_len + 4096));
        out.push_str(
            "# wijktafel session file. Edit with care; wijktafel keeps backups in backups/.\n",
        );
        // the digest's line is the second; its place is kept and filled last
        let slot = out.len()..out.len() + digest.as_ref().map_or(0, DigestLine::line_len);
        out.push_str(&" ".repeat(slot.len()));
        out.push_str(&escape_unsafe(
            toml::to_string(&head).expect("session serializes to TOML"),
        ));
        push_list(&mut out, "parties", &s.parties);
        push_list(&mut out, "workshops", &s.workshops);
        self.points.retain(|id, _| s.points.contains_key(id));
        for (id, rec) in &s.points {
            let fresh = !matches!(self.points.get(id), Some((cached, _)) if cached == rec);
            if fresh {
                let mut one = BTreeMap::new();
                one.insert(id.as_str(), rec);
                let text = chunk("points", one);
                self.points.insert(id.clone(), (rec.clone(), text));
            }
            out.push('\n');
            out.push_str(&self.points[id].1);
        }
        push_list(&mut out, "votes", &s.votes);
        push_list(&mut out, "overrides", &s.overrides);
        push_list(&mut out, "framework_switches", &s.framework_switches);
        push_list(&mut out, "adoptions", &s.adoptions);
        push_list(&mut out, "parking", &s.parking);
        push_list(&mut out, "plans", &s.plans);
        if let Some(src) = &s.framework_source {
            out.push_str("\n# The framework this session was made with; change it with `wijktafel framework switch`.\n");
            out.push_str(&chunk("framework_source", src));
        }
        out.push_str(&super::journal_text(&s.journal));
        if let Some(digest) = digest {
            let line = digest.line(&out[..slot.start], &out[slot.end..]);
            // the same length: the text after it stays where it is
            out.replace_range(slot, &line);
        }
        self.last_len = out.len();
        out
    }
}

/// The digest of `s` for its file's second line (see `store/digest.rs`),
/// when the session carries its framework (its text, or the built-in one
/// by hash) and it can be read; `None` otherwise (readers then parse the
/// session).
fn digest_of(s: &Session) -> Option<DigestLine> {
    // a session of the old format, naming its framework only by id, is
    // read with the one the command line gives: no digest can say which
    if s.framework_source.is_none() && s.framework.hash.is_none() {
        return None;
    }
    let resolved = crate::framework::carried::resolve(s, None).ok()?;
    Some(DigestLine::of(&crate::overview::Digest::of(
        s,
        &resolved.fw,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test finds exactly the characters the escapes are for:
    /// every one of them, alone or inside other text, and nothing else
    /// (every other character, and text cut in the middle of one).
    #[test]
    fn the_byte_test_finds_exactly_the_unsafe_characters() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let text = format!("notitie {c}");
            let unsafe_char = is_unsafe(c);
            assert_eq!(holds_unsafe(&text, false), unsafe_char, "{:04x}", c as u32);
            let for_json = unsafe_char || c == '\u{7f}';
            assert_eq!(holds_unsafe(&text, true), for_json, "{:04x}", c as u32);
            assert_eq!(
                json_for_comment(&text).contains("\\u"),
                for_json,
                "{:04x}",
                c as u32
            );
        }
        assert!(matches!(
            json_for_comment("één · … — “citaat”"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_unsafe("a = \"x\u{202e}y\"\n".into()),
            "a = \"x\\u202Ey\"\n"
        );
    }
}
