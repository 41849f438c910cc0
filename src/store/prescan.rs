//! A cheap look at TOML text before the TOML library builds anything from
//! it: one pass that checks every key of every table against the file's
//! [`Schema`] (unknown keys, keys given twice in a table, a value of the
//! wrong kind), and refuses more tables and values than any real file
//! holds. The `toml` crate lexes the whole text and builds its whole tree
//! before serde sees an unknown field (before this scan a 4 MB file of
//! 300,000 tables cost 491 MB and a second, 29 MB of 2,000,000 tables
//! 3.2 GB and 19 s, before "unknown field `t0`"; with a scan that knew only
//! the top-level keys, 300,000 unknown keys inside `[framework]`, 3.5 MB,
//! still cost 143 MB). The scan needs no memory of its own but one counter
//! for each kind of table (see RELIABILITY.md for what is measured).

use super::schema::{SESSION_FILE, Shape};

/// How much a file may hold before the TOML parser sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Table headers and inline tables (the parser's tree costs about
    /// 1.6 KB for each).
    pub tables: usize,
    /// Everything: tables, keys, array elements.
    pub items: usize,
}

/// The limits of a session file: three times the 100-workshop demo (the
/// most the generator makes: ten years of ten workshops, 12,945 notes),
/// which has 15,834 tables and 67,247 items. The parser's tree costs
/// about 350 bytes a table and 460 a key, so a file within the limits,
/// whatever it holds, costs at most about 140 MB and a second to parse.
pub const SESSION_LIMITS: ScanLimits = ScanLimits {
    tables: 50_000,
    items: 300_000,
};

/// Deeper nesting of arrays and inline tables than this is refused (the
/// schema itself nests three deep).
const MAX_DEPTH: usize = 8;

/// What [`prescan`] found wrong: where (a byte offset) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub message: String,
}

/// [`prescan`] with the session file's schema.
pub fn prescan_session(text: &str, limits: ScanLimits) -> Result<ScanLimits, ScanError> {
    prescan(text, &SESSION_FILE, limits)
}

/// Look over TOML text before it is parsed: every key of every table
/// (headers, keys, inline tables) must be one the schema of `root` (a
/// [`Shape::Table`]) has there, given
/// once in its table, with a value of its kind, and no more tables of a
/// kind than the schema allows; the text may hold at most `limits` tables
/// (headers, inline tables) and items (tables, keys, array elements). One
/// pass, no allocation but a counter per kind of table. Syntax errors are
/// left to the TOML parser: a line the scan does not understand is skipped
/// (its items still count; after a header it does not understand, the keys
/// up to the next header are not checked). Returns what the text holds (as
/// counted against the limits).
pub fn prescan(
    text: &str,
    root: &'static Shape,
    limits: ScanLimits,
) -> Result<ScanLimits, ScanError> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
        items: 0,
        tables: 0,
        limits,
        root,
        counts: Vec::new(),
    };
    s.run()
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    items: usize,
    tables: usize,
    limits: ScanLimits,
    root: &'static Shape,
    /// How many of each capped kind (by the address of its shape).
    counts: Vec<(usize, usize)>,
}

/// A line the scan does not understand: skipped.
struct Malformed;

enum Stop {
    Malformed,
    Refused(ScanError),
}

impl From<Malformed> for Stop {
    fn from(_: Malformed) -> Stop {
        Stop::Malformed
    }
}

/// The table the lines below a header belong to.
struct Current {
    /// `None` after a header the scan did not understand.
    shape: Option<&'static Shape>,
    /// The keys given so far (a bit per field of a struct's schema).
    seen: u64,
    /// Where the table starts (its header, its `{`; 0 for the top).
    at: usize,
}

/// Where a dotted key leads: the shape of its value, the index of its first
/// segment in its table's schema, and the map it names a key of.
struct Place {
    shape: &'static Shape,
    first: Option<usize>,
    segments: usize,
    map_key_of: Option<&'static Shape>,
}

fn refused(offset: usize, message: String) -> Stop {
    Stop::Refused(ScanError { offset, message })
}

impl Scanner<'_> {
    fn run(&mut self) -> Result<ScanLimits, ScanError> {
        let mut cur = Current {
            shape: Some(self.root),
            seen: 0,
            at: 0,
        };
        loop {
            self.skip_blank(true);
            let Some(&c) = self.b.get(self.i) else {
                self.complete(&cur).map_err(|e| match e {
                    Stop::Refused(e) => e,
                    Stop::Malformed => unreachable!("only refusals"),
                })?;
                return Ok(ScanLimits {
                    tables: self.tables,
                    items: self.items,
                });
            };
            let r = if c == b'[' {
                // the new header's own names first, then what the table
                // before it missed (as serde: unknown keys, then missing ones)
                let before = std::mem::replace(
                    &mut cur,
                    Current {
                        shape: None,
                        seen: 0,
                        at: self.i,
                    },
                );
                self.header().and_then(|shape| {
                    cur.shape = Some(shape);
                    self.complete(&before)
                })
            } else {
                self.key_value(&mut cur)
            };
            match r.and_then(|()| self.end_of_line()) {
                Ok(()) => {}
                Err(Stop::Refused(e)) => return Err(e),
                Err(Stop::Malformed) => self.skip_line(),
            }
        }
    }

    /// One more item (`table`: a table too), refused beyond the limits.
    fn count(&mut self, at: usize, table: bool) -> Result<(), Stop> {
        self.items += 1;
        self.tables += usize::from(table);
        let over = if self.tables > self.limits.tables {
            Some((self.limits.tables, "tables"))
        } else if self.items > self.limits.items {
            Some((self.limits.items, "tables, keys and values"))
        } else {
            None
        };
        match over {
            Some((n, what)) => Err(refused(
                at,
                format!("more than {n} {what}: not a file wijktafel wrote"),
            )),
            None => Ok(()),
        }
    }

    /// One more of a capped kind (an element of `[[x]]`, a key of a map).
    fn count_kind(&mut self, at: usize, kind: &'static Shape) -> Result<(), Stop> {
        let (cap, what) = match kind {
            Shape::Tables(s, n) => (*n, s.name),
            Shape::Map(_, n) => (*n, "key"),
            _ => return Ok(()),
        };
        let id = kind as *const Shape as usize;
        let n = match self.counts.iter_mut().find(|(k, _)| *k == id) {
            Some((_, n)) => n,
            None => {
                self.counts.push((id, 0));
                &mut self.counts.last_mut().expect("just pushed").1
            }
        };
        *n += 1;
        if *n > cap {
            return Err(refused(
                at,
                format!(
                    "more than {cap} of `{}` ({what}): not a file wijktafel wrote",
                    self.raw_path(at)
                ),
            ));
        }
        Ok(())
    }

    /// The table `cur` ends: it must hold every key its schema cannot do
    /// without (as serde says it).
    fn complete(&self, cur: &Current) -> Result<(), Stop> {
        let Some(Shape::Table(s) | Shape::Tables(s, _)) = cur.shape else {
            return Ok(());
        };
        let missing = s.required() & !cur.seen;
        if missing == 0 {
            return Ok(());
        }
        let name = s.fields[missing.trailing_zeros() as usize].0;
        Err(refused(cur.at, format!("missing field `{name}`")))
    }

    /// `[a.b]` or `[[a.b]]`: the shape of the table it opens.
    fn header(&mut self) -> Result<&'static Shape, Stop> {
        let at = self.i;
        self.count(at, true)?;
        let double = self.starts(b"[[");
        self.i += if double { 2 } else { 1 };
        let place = self.key_path(self.root)?;
        self.skip_blank(false);
        let close: &[u8] = if double { b"]]" } else { b"]" };
        if !self.starts(close) {
            return Err(Stop::Malformed);
        }
        self.i += close.len();
        let name_at = at + if double { 2 } else { 1 };
        match (double, place.shape) {
            (true, Shape::Tables(..)) => self.count_kind(name_at, place.shape)?,
            (false, Shape::Table(_) | Shape::Map(..)) => {}
            _ => return Err(self.wrong_kind(name_at, place.shape)),
        }
        if let Some(map) = place.map_key_of {
            self.count_kind(name_at, map)?;
        }
        Ok(place.shape)
    }

    /// `a.b = value` in the table `cur`.
    fn key_value(&mut self, cur: &mut Current) -> Result<(), Stop> {
        let at = self.i;
        self.count(at, false)?;
        let Some(shape) = cur.shape else {
            return Err(Stop::Malformed);
        };
        let place = self.key_path(shape)?;
        if let (1, Some(bit)) = (place.segments, place.first) {
            if cur.seen & (1 << bit) != 0 {
                return Err(refused(at, format!("duplicate key `{}`", self.raw_key(at))));
            }
            cur.seen |= 1 << bit;
        }
        if let Some(map) = place.map_key_of {
            self.count_kind(at, map)?;
        }
        self.skip_blank(false);
        if self.peek() != Some(b'=') {
            return Err(Stop::Malformed);
        }
        self.i += 1;
        self.value(place.shape, at, 0)
    }

    /// A dotted key, each segment looked up from `from`.
    fn key_path(&mut self, from: &'static Shape) -> Result<Place, Stop> {
        let mut place = Place {
            shape: from,
            first: None,
            segments: 0,
            map_key_of: None,
        };
        loop {
            self.skip_blank(false);
            let seg_at = self.i;
            let seg = self.simple_key()?;
            let (shape, index, map) = match place.shape {
                Shape::Table(s) | Shape::Tables(s, _) => {
                    let found = seg
                        .and_then(|r| std::str::from_utf8(&self.b[r]).ok())
                        .and_then(|name| s.field(name));
                    match found {
                        Some((i, sh)) => (sh, Some(i), None),
                        None => {
                            // as serde says it, with the keys the table takes
                            let known: Vec<String> =
                                s.fields.iter().map(|(n, _)| format!("`{n}`")).collect();
                            return Err(refused(
                                seg_at,
                                format!(
                                    "unknown field `{}`, expected one of {}",
                                    self.raw_key(seg_at),
                                    known.join(", ")
                                ),
                            ));
                        }
                    }
                }
                Shape::Map(v, _) => (*v, None, Some(place.shape)),
                other => return Err(self.wrong_kind(seg_at, other)),
            };
            if place.segments == 0 {
                place.first = index;
            }
            place.segments += 1;
            place.shape = shape;
            place.map_key_of = map;
            self.skip_blank(false);
            if self.peek() == Some(b'.') {
                self.i += 1;
            } else {
                return Ok(place);
            }
        }
    }

    /// The key at `at` does not hold what is given there.
    fn wrong_kind(&self, at: usize, want: &Shape) -> Stop {
        let what = match want {
            Shape::Str => "a string",
            Shape::Int => "an integer",
            Shape::Float => "a number",
            Shape::Bool => "true or false",
            Shape::List(..) => "an array of values",
            Shape::Table(_) => "a table",
            Shape::Tables(..) => "an array of tables",
            Shape::Map(..) => "a table of keys",
        };
        refused(
            at,
            format!("invalid type at `{}`: expected {what}", self.raw_path(at)),
        )
    }

    /// A value of the key at `key_at`, which must be a `want`.
    fn value(&mut self, want: &'static Shape, key_at: usize, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Err(refused(
                self.i,
                format!("arrays and tables nested more than {MAX_DEPTH} deep"),
            ));
        }
        self.skip_blank(false);
        let c = self.peek();
        let ok = match (want, c) {
            (Shape::Str, Some(b'"' | b'\'')) => {
                self.string()?;
                true
            }
            (Shape::List(..) | Shape::Tables(..), Some(b'[')) => {
                self.array(want, key_at, depth)?;
                true
            }
            (Shape::Table(_) | Shape::Map(..), Some(b'{')) => {
                self.inline_table(want, depth)?;
                true
            }
            (Shape::Int | Shape::Float | Shape::Bool, Some(c)) => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b']' | b'}' | b'#' | b'\n' | b'\r'))
                {
                    self.i += 1;
                }
                let word = self.b[start..self.i].trim_ascii();
                match want {
                    Shape::Bool => word == b"true" || word == b"false",
                    Shape::Int => c.is_ascii_digit() || c == b'+' || c == b'-',
                    _ => c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'i' | b'n'),
                }
            }
            (_, None | Some(b'\n' | b'\r' | b'#')) => return Err(Stop::Malformed),
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(self.wrong_kind(key_at, want))
        }
    }

    /// `[…]`: the values of a `List`, or the inline tables of `Tables`.
    fn array(&mut self, want: &'static Shape, key_at: usize, depth: usize) -> Result<(), Stop> {
        let (element, cap) = match want {
            Shape::List(e, n) => (Some(*e), *n),
            Shape::Tables(_, n) => (None, *n),
            _ => return Err(self.wrong_kind(key_at, want)),
        };
        let mut n = 0;
        self.i += 1;
        loop {
            self.skip_blank(true);
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(());
            }
            let at = self.i;
            self.count(at, false)?;
            n += 1;
            if matches!(want, Shape::Tables(..)) {
                self.count_kind(key_at, want)?;
            } else if n > cap {
                return Err(refused(
                    at,
                    format!(
                        "more than {cap} values in `{}`: not a file wijktafel wrote",
                        self.raw_key(key_at)
                    ),
                ));
            }
            match element {
                Some(e) => self.value(e, key_at, depth + 1)?,
                // an inline table of the array's schema
                None if self.peek() == Some(b'{') => self.inline_table(want, depth + 1)?,
                None => return Err(self.wrong_kind(key_at, want)),
            }
            self.skip_blank(true);
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(Stop::Malformed),
            }
        }
    }

    /// `{ a = 1, … }`: the keys of a `Table`, or any keys of a `Map`.
    fn inline_table(&mut self, shape: &'static Shape, depth: usize) -> Result<(), Stop> {
        self.count(self.i, true)?;
        let mut cur = Current {
            shape: Some(shape),
            seen: 0,
            at: self.i,
        };
        self.i += 1;
        loop {
            self.skip_blank(true);
            if self.peek() == Some(b'}') {
                self.i += 1;
                return self.complete(&cur);
            }
            let at = self.i;
            self.count(at, false)?;
            let place = self.key_path(shape)?;
            if let (1, Some(bit)) = (place.segments, place.first) {
                if cur.seen & (1 << bit) != 0 {
                    return Err(refused(at, format!("duplicate key `{}`", self.raw_key(at))));
                }
                cur.seen |= 1 << bit;
            }
            if let Some(map) = place.map_key_of {
                self.count_kind(at, map)?;
            }
            self.skip_blank(false);
            if self.peek() != Some(b'=') {
                return Err(Stop::Malformed);
            }
            self.i += 1;
            self.value(place.shape, at, depth + 1)?;
            self.skip_blank(true);
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return self.complete(&cur);
                }
                _ => return Err(Stop::Malformed),
            }
        }
    }
}

// the scanner's reading of TOML's lexical pieces, and of names for messages
#[path = "prescan_lex.rs"]
mod lex;

#[cfg(test)]
#[path = "prescan_tests.rs"]
mod tests;
