//! A cheap look at TOML text before the TOML library builds anything from
//! it: one pass that refuses unknown top-level keys and tables, and more
//! tables and values than any real file holds. The `toml` crate builds its
//! whole tree before serde sees an unknown field (before this scan
//! a 4 MB file of 300,000 tables cost 491 MB and a second, 29 MB of
//! 2,000,000 tables 3.2 GB and 19 s, before "unknown field `t0`"). The
//! scan needs no memory of its own.

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
/// whatever it holds, costs at most about 140 MB and a second to refuse
/// (measured in RELIABILITY.md).
pub const SESSION_LIMITS: ScanLimits = ScanLimits {
    tables: 50_000,
    items: 300_000,
};

/// Deeper nesting of arrays and inline tables than this is refused (a
/// session file nests two deep).
const MAX_DEPTH: usize = 64;

/// What [`prescan`] found wrong: where (a byte offset) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub message: String,
}

/// Look over TOML text before it is parsed: every top-level key and the
/// first name of every table header must be one of `known`, and the text
/// may hold at most `limits` tables (headers, inline tables) and items
/// (tables, keys, array elements), nested at most [`MAX_DEPTH`] deep. One pass,
/// no allocation. Syntax errors are left to the TOML parser: a line the
/// scan does not understand is skipped (its items still count). Returns
/// what the text holds (as counted against the limits).
pub fn prescan(text: &str, known: &[&str], limits: ScanLimits) -> Result<ScanLimits, ScanError> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
        items: 0,
        tables: 0,
        limits,
        known,
    };
    s.run()
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    items: usize,
    tables: usize,
    limits: ScanLimits,
    known: &'a [&'a str],
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

impl<'a> Scanner<'a> {
    fn run(&mut self) -> Result<ScanLimits, ScanError> {
        let mut in_table = false;
        loop {
            self.skip_blank(true);
            let Some(&c) = self.b.get(self.i) else {
                return Ok(ScanLimits {
                    tables: self.tables,
                    items: self.items,
                });
            };
            let r = if c == b'[' {
                in_table = true;
                self.header()
            } else {
                self.key_value(!in_table)
            };
            match r.and_then(|()| self.end_of_line()) {
                Ok(()) => {}
                Err(Stop::Refused(e)) => return Err(e),
                Err(Stop::Malformed) => self.skip_line(),
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn starts(&self, s: &[u8]) -> bool {
        self.b.get(self.i..).is_some_and(|r| r.starts_with(s))
    }

    /// Spaces and tabs; with `lines` also line breaks and comments.
    fn skip_blank(&mut self, lines: bool) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' => self.i += 1,
                b'\n' | b'\r' if lines => self.i += 1,
                b'#' if lines => self.skip_comment(),
                _ => return,
            }
        }
    }

    fn skip_comment(&mut self) {
        let rest = self.b.get(self.i..).unwrap_or_default();
        match rest.iter().position(|&c| c == b'\n') {
            Some(n) => self.i += n,
            None => self.i = self.b.len(),
        }
    }

    fn skip_line(&mut self) {
        self.skip_comment();
    }

    /// After a header or a key/value: a comment, then the end of the line.
    fn end_of_line(&mut self) -> Result<(), Stop> {
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
            Some((n, what)) => Err(Stop::Refused(ScanError {
                offset: at,
                message: format!("more than {n} {what}: not a file wijktafel wrote"),
            })),
            None => Ok(()),
        }
    }

    /// A name at the top level must be a known one.
    fn check_known(&self, at: usize, name: Option<&str>) -> Result<(), Stop> {
        match name {
            Some(n) if self.known.contains(&n) => Ok(()),
            _ => {
                let raw = String::from_utf8_lossy(&self.b[at..self.key_end(at)]);
                Err(Stop::Refused(ScanError {
                    offset: at,
                    message: format!(
                        "unknown field `{}`",
                        raw.chars().take(80).collect::<String>()
                    ),
                }))
            }
        }
    }

    /// Where the first segment of a key that starts at `at` ends (for messages).
    fn key_end(&self, at: usize) -> usize {
        let rest = &self.b[at..];
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
        (at + n).min(self.b.len())
    }

    /// `[a.b]` or `[[a.b]]`.
    fn header(&mut self) -> Result<(), Stop> {
        let at = self.i;
        self.count(at, true)?;
        let double = self.starts(b"[[");
        self.i += if double { 2 } else { 1 };
        self.skip_blank(false);
        let first_at = self.i;
        let first = self.key_path()?;
        self.check_known(first_at, first)?;
        self.skip_blank(false);
        let close: &[u8] = if double { b"]]" } else { b"]" };
        if !self.starts(close) {
            return Err(Stop::Malformed);
        }
        self.i += close.len();
        Ok(())
    }

    /// `a.b = value`; `top`: before the first header.
    fn key_value(&mut self, top: bool) -> Result<(), Stop> {
        let at = self.i;
        self.count(at, false)?;
        let first = self.key_path()?;
        if top {
            self.check_known(at, first)?;
        }
        self.skip_blank(false);
        if self.peek() != Some(b'=') {
            return Err(Stop::Malformed);
        }
        self.i += 1;
        self.value(0)
    }

    /// A dotted key; returns its first segment when it is plain text (a
    /// quoted segment with escapes is returned as `None`: unknown).
    fn key_path(&mut self) -> Result<Option<&'a str>, Malformed> {
        let b = self.b;
        let mut first = None;
        let mut n = 0;
        loop {
            self.skip_blank(false);
            let seg = self.simple_key()?;
            if n == 0 {
                first = seg.map(|r| &b[r]);
            }
            n += 1;
            self.skip_blank(false);
            if self.peek() == Some(b'.') {
                self.i += 1;
            } else {
                break;
            }
        }
        Ok(first.and_then(|s| std::str::from_utf8(s).ok()))
    }

    /// One key segment; its text when it has no escapes.
    fn simple_key(&mut self) -> Result<Option<std::ops::Range<usize>>, Malformed> {
        let start = self.i;
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.i += 1;
                let mut escaped = false;
                loop {
                    match self.peek() {
                        None | Some(b'\n') => return Err(Malformed),
                        Some(b'\\') if q == b'"' => {
                            escaped = true;
                            self.i += 2;
                        }
                        Some(c) if c == q => {
                            self.i += 1;
                            return Ok((!escaped).then_some(start + 1..self.i - 1));
                        }
                        Some(_) => self.i += 1,
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

    /// A value: a string, an array, an inline table or a bare scalar.
    fn value(&mut self, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop::Refused(ScanError {
                offset: self.i,
                message: format!("arrays and tables nested more than {MAX_DEPTH} deep"),
            }));
        }
        self.skip_blank(false);
        match self.peek() {
            Some(b'"') if self.starts(b"\"\"\"") => self.multiline(b"\"\"\"", true)?,
            Some(b'\'') if self.starts(b"'''") => self.multiline(b"'''", false)?,
            Some(b'"' | b'\'') => {
                self.simple_key()?;
            }
            Some(b'[') => self.array(depth)?,
            Some(b'{') => self.inline_table(depth)?,
            _ => {
                let start = self.i;
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b']' | b'}' | b'#' | b'\n' | b'\r'))
                {
                    self.i += 1;
                }
                if self.i == start {
                    return Err(Stop::Malformed);
                }
            }
        }
        Ok(())
    }

    /// A multi-line string; up to two more quotes may end it (`""""`).
    fn multiline(&mut self, delim: &[u8], escapes: bool) -> Result<(), Malformed> {
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

    fn array(&mut self, depth: usize) -> Result<(), Stop> {
        self.i += 1;
        loop {
            self.skip_blank(true);
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(());
            }
            let at = self.i;
            self.count(at, false)?;
            self.value(depth + 1)?;
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

    fn inline_table(&mut self, depth: usize) -> Result<(), Stop> {
        self.count(self.i, true)?;
        self.i += 1;
        loop {
            self.skip_blank(true);
            if self.peek() == Some(b'}') {
                self.i += 1;
                return Ok(());
            }
            let at = self.i;
            self.count(at, false)?;
            self.key_path()?;
            self.skip_blank(false);
            if self.peek() != Some(b'=') {
                return Err(Stop::Malformed);
            }
            self.i += 1;
            self.value(depth + 1)?;
            self.skip_blank(true);
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(());
                }
                _ => return Err(Stop::Malformed),
            }
        }
    }
}

/// The names a struct accepts at its top level, as its `Deserialize`
/// declares them (so the list never goes out of step with the type).
pub fn struct_fields<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    struct Grab;
    #[derive(Debug)]
    struct Fields(&'static [&'static str]);
    impl std::fmt::Display for Fields {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "fields")
        }
    }
    impl std::error::Error for Fields {}
    impl serde::de::Error for Fields {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Fields(&[])
        }
    }
    impl<'de> serde::Deserializer<'de> for Grab {
        type Error = Fields;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
            Err(Fields(&[]))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Fields> {
            Err(Fields(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    match T::deserialize(Grab) {
        Err(Fields(f)) => f,
        Ok(_) => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[&str] = &["format_version", "name", "points", "workshops"];

    fn prescan_unit(t: &str, k: &[&str], l: ScanLimits) -> Result<(), ScanError> {
        prescan(t, k, l).map(|_| ())
    }

    /// The largest demo (100 workshops: ten years) fits three times over.
    #[test]
    fn the_largest_demo_fits_three_times_in_the_limits() {
        let fw = crate::framework::Framework::builtin();
        let text = crate::store::to_toml(&crate::demo::build(&fw, 100));
        let all = ScanLimits {
            tables: usize::MAX,
            items: usize::MAX,
        };
        let n = prescan(&text, struct_fields::<crate::session::Session>(), all).unwrap();
        eprintln!("100-workshop demo: {} bytes, {n:?}", text.len());
        assert!(n.tables * 3 <= SESSION_LIMITS.tables, "{n:?}");
        assert!(n.items * 3 <= SESSION_LIMITS.items, "{n:?}");
        assert!(n.tables > 15_000, "{n:?}");
    }

    fn scan(t: &str) -> Result<(), ScanError> {
        prescan_unit(
            t,
            KNOWN,
            ScanLimits {
                tables: 100,
                items: 300,
            },
        )
    }

    #[test]
    fn known_names_pass_and_unknown_ones_are_refused_where_they_are() {
        assert_eq!(
            scan("format_version = 3\nname = 'x'\n[points.\"1.1\"]\na=1"),
            Ok(())
        );
        let e = scan("format_version = 3\n\n[t0]\n").unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (21, "unknown field `t0`"));
        assert!(scan("[[t0]]").is_err());
        assert!(scan("t0.x = 1").is_err());
        assert!(scan("\"t0\" = 1").is_err());
        assert!(
            scan("\"na\\u006de\" = 1").is_err(),
            "escaped: not taken as known"
        );
        // keys inside a table are the table's own
        assert_eq!(scan("[workshops]\nt0 = 1\n"), Ok(()));
        assert_eq!(scan("[ 'points' . x ]\n"), Ok(()));
    }

    #[test]
    fn strings_and_comments_hide_nothing_and_show_nothing() {
        let t = "name = \"\"\"\n[t0]\n\\\"\"\"\n[t1]\"\"\"\"\nformat_version = 3 # [t2]\n\
                 [points.x]\nnote = '''\n[t3]'''''\n# [t4]\nlist = [\n  \"a\", # ]\n  [1, 2],\n]\n\
                 t = { a = \"}\", b = [ { c = 1 } ] }\n";
        assert_eq!(scan(t), Ok(()));
    }

    #[test]
    fn too_many_items_or_too_deep_is_refused() {
        let many: String = (0..101).map(|_| "[[workshops]]\n").collect();
        let e = scan(&many).unwrap_err();
        assert_eq!(e.offset, 100 * 14);
        assert!(e.message.contains("more than 100 tables"), "{e:?}");
        assert_eq!(scan(&format!("name = [{}]", "1,".repeat(250))), Ok(()));
        let e = scan(&format!("name = [{}]", "1,".repeat(300))).unwrap_err();
        assert!(e.message.contains("more than 300 tables, keys"), "{e:?}");
        assert!(scan(&format!("name = [{}]", "{a=1},".repeat(101))).is_err());
        let deep = format!("name = {}{}", "[".repeat(100), "]".repeat(100));
        let e = prescan_unit(&deep, KNOWN, SESSION_LIMITS).unwrap_err();
        assert!(e.message.contains("nested"), "{e:?}");
    }

    #[test]
    fn a_line_it_does_not_understand_is_left_to_the_parser() {
        assert_eq!(scan("name = \n= 3\n[points]\n"), Ok(()));
        assert_eq!(scan("name = 'unterminated\n[points]\n"), Ok(()));
        assert!(scan("name = 'x' junk\n[t9]\n").is_err(), "scanning goes on");
    }

    #[test]
    fn the_session_fields_are_read_from_its_type() {
        let f = struct_fields::<crate::session::Session>();
        for name in [
            "format_version",
            "name",
            "points",
            "workshops",
            "votes",
            "draft",
        ] {
            assert!(f.contains(&name), "{name} in {f:?}");
        }
    }
}
