//! The pre-scan's reading of TOML's pieces: blanks, comments, the end of a
//! line, keys and strings; and the text of a key for a message.

use super::{Malformed, Scanner, Stop};

/// The text of a basic string's escapes (`\\n`, `\\u001b`, …); an escape
/// it does not know is kept as it is.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next();
        let simple = match e {
            Some('n') => Some('\n'),
            Some('t') => Some('\t'),
            Some('r') => Some('\r'),
            Some('b') => Some('\u{8}'),
            Some('f') => Some('\u{c}'),
            Some('e') => Some('\u{1b}'),
            Some(c @ ('"' | '\\')) => Some(c),
            _ => None,
        };
        let hex = match e {
            Some('u') => 4,
            Some('U') => 8,
            Some('x') => 2,
            _ => 0,
        };
        if let Some(c) = simple {
            out.push(c);
        } else if hex > 0 {
            let digits: String = chars.clone().take(hex).collect();
            match u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
            {
                Some(c) if digits.len() == hex => {
                    out.push(c);
                    for _ in 0..hex {
                        chars.next();
                    }
                }
                _ => out.extend(['\\'].into_iter().chain(e)),
            }
        } else {
            out.extend(['\\'].into_iter().chain(e));
        }
    }
    out
}

/// A key for a message: at most 80 characters, "…" when it is longer.
fn shown(key: &str) -> String {
    match key.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &key[..i]),
        None => key.to_string(),
    }
}

impl Scanner<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    pub(super) fn starts(&self, s: &[u8]) -> bool {
        self.b.get(self.i..).is_some_and(|r| r.starts_with(s))
    }

    /// Spaces and tabs; with `lines` also line breaks and comments.
    pub(super) fn skip_blank(&mut self, lines: bool) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' => self.i += 1,
                b'\n' | b'\r' if lines => self.i += 1,
                b'#' if lines => self.skip_comment(),
                _ => return,
            }
        }
    }

    pub(super) fn skip_comment(&mut self) {
        let rest = self.b.get(self.i..).unwrap_or_default();
        match rest.iter().position(|&c| c == b'\n') {
            Some(n) => self.i += n,
            None => self.i = self.b.len(),
        }
    }

    pub(super) fn skip_line(&mut self) {
        self.skip_comment();
    }

    /// After a header or a key/value: a comment, then the end of the line.
    pub(super) fn end_of_line(&mut self) -> Result<(), Stop> {
        self.skip_blank(false);
        match self.peek() {
            None | Some(b'\n') => Ok(()),
            Some(b'\r') if self.b.get(self.i + 1) == Some(&b'\n') => Ok(()),
            Some(b'#') => {
                self.skip_comment();
                Ok(())
            }
            _ => Err(Stop::Malformed),
        }
    }

    /// The text of the key at `at` (for messages), at most 80 characters.
    pub(super) fn raw_key(&self, at: usize) -> String {
        let rest = &self.b[at.min(self.b.len())..];
        let rest = rest
            .strip_prefix(b"[[")
            .or(rest.strip_prefix(b"["))
            .unwrap_or(rest);
        let n = match rest.first() {
            Some(&q @ (b'"' | b'\'')) => rest[1..]
                .iter()
                .position(|&c| c == q || c == b'\n')
                .map_or(rest.len(), |p| p + 2),
            _ => rest
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-'))
                .unwrap_or(rest.len()),
        };
        let raw = String::from_utf8_lossy(&rest[..n.min(rest.len())]);
        // as serde names it: without its quotes, its escapes read (the
        // message is shown with control characters made visible)
        let quoted = |q: char| raw.strip_prefix(q).map(|r| r.strip_suffix(q).unwrap_or(r));
        match (quoted('"'), quoted('\'')) {
            (Some(inner), _) => shown(&unescape(inner)),
            (None, Some(inner)) => shown(inner),
            (None, None) => shown(&raw),
        }
    }

    /// The whole dotted key at `at` (for messages), at most 80 characters.
    pub(super) fn raw_path(&self, at: usize) -> String {
        let rest = &self.b[at.min(self.b.len())..];
        let n = rest
            .iter()
            .position(|c| matches!(c, b']' | b'=' | b'\n' | b'\r' | b'{'))
            .unwrap_or(rest.len());
        shown(String::from_utf8_lossy(&rest[..n]).trim())
    }

    /// One key segment; its text when it has no escapes.
    pub(super) fn simple_key(&mut self) -> Result<Option<std::ops::Range<usize>>, Malformed> {
        let start = self.i;
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.i += 1;
                let mut escaped = false;
                loop {
                    // the next quote, escape or line end, a word at a time
                    let rest = self.b.get(self.i..).ok_or(Malformed)?;
                    let next = match q {
                        b'"' => memchr::memchr3(q, b'\\', b'\n', rest),
                        _ => memchr::memchr2(q, b'\n', rest),
                    };
                    self.i += next.ok_or(Malformed)?;
                    match self.b[self.i] {
                        b'\n' => return Err(Malformed),
                        b'\\' => {
                            escaped = true;
                            self.i += 2;
                        }
                        _ => {
                            self.i += 1;
                            return Ok((!escaped).then_some(start + 1..self.i - 1));
                        }
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
                {
                    self.i += 1;
                }
                if self.i == start {
                    return Err(Malformed);
                }
                Ok(Some(start..self.i))
            }
        }
    }

    /// A string of any of TOML's four kinds.
    pub(super) fn string(&mut self) -> Result<(), Malformed> {
        if self.starts(b"\"\"\"") {
            self.multiline(b"\"\"\"", true)
        } else if self.starts(b"'''") {
            self.multiline(b"'''", false)
        } else {
            self.simple_key().map(|_| ())
        }
    }

    /// A multi-line string; up to two more quotes may end it (`""""`).
    pub(super) fn multiline(&mut self, delim: &[u8], escapes: bool) -> Result<(), Malformed> {
        self.i += 3;
        loop {
            match self.peek() {
                None => return Err(Malformed),
                Some(b'\\') if escapes => self.i += 2,
                Some(_) if self.starts(delim) => {
                    self.i += 3;
                    for _ in 0..2 {
                        if self.peek() == Some(delim[0]) {
                            self.i += 1;
                        }
                    }
                    return Ok(());
                }
                Some(_) => self.i += 1,
            }
        }
    }
}
