//! The commonest lines of a session file, `key = "text"` or `key = 12`,
//! a table's header such as `[[points."1.1.1".notes]]`, and a blank line,
//! found by their bytes without the lexer (reading a session is mostly
//! lexing). Only where the line's pieces are certain: a bare key, a basic
//! string without escapes (its closing quote is the next quote), or a
//! bare value of letters, digits, `_`, `+` and `-`; then nothing but a
//! line end. Whether the key and the value are valid TOML is decided when
//! they are decoded, as for every other line.

/// Where the pieces of a simple line are, from the start of the line.
#[derive(Debug, PartialEq, Eq)]
pub struct Simple {
    pub key: (usize, usize),
    pub eq: usize,
    pub value: (usize, usize),
    /// The value is a basic string (else a bare value).
    pub quoted: bool,
    /// The line's length with its line end.
    pub len: usize,
}

/// `s` from the start of a line; `None` when its first line is not simple.
pub fn simple_line(s: &str) -> Option<Simple> {
    let b = s.as_bytes();
    let bare = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
    let blank = |i: &mut usize| {
        while matches!(b.get(*i), Some(b' ' | b'\t')) {
            *i += 1;
        }
    };
    let mut i = 0;
    while b.get(i).copied().is_some_and(bare) {
        i += 1;
    }
    if i == 0 {
        return None;
    }
    let key = (0, i);
    blank(&mut i);
    if b.get(i) != Some(&b'=') {
        return None;
    }
    let eq = i;
    i += 1;
    blank(&mut i);
    let start = i;
    let quoted = b.get(i) == Some(&b'"');
    if quoted {
        // `"""` starts a multi-line string: not simple
        if b.get(i + 1..i + 3) == Some(b"\"\"") {
            return None;
        }
        i += 1;
        // the closing quote, unless an escape or a line end comes first (a
        // "\r" or another control character is found when it is decoded)
        i += memchr::memchr3(b'"', b'\\', b'\n', &b[i..])?;
        if b[i] != b'"' {
            return None;
        }
        i += 1;
    } else {
        let v = |c: u8| bare(c) || c == b'+';
        while b.get(i).copied().is_some_and(v) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let value = (start, i);
    blank(&mut i);
    let len = line_end(b, i)?;
    Some(Simple {
        key,
        eq,
        value,
        quoted,
        len,
    })
}

/// Where the pieces of a simple header are: `[a."b".c]` or `[[a."b".c]]`
/// with bare keys and basic strings without escapes, no blanks inside,
/// then a line end.
#[derive(Debug, PartialEq, Eq)]
pub struct SimpleHeader {
    pub array: bool,
    /// Each key's span from the start of the line, and whether it is quoted.
    pub keys: Vec<((usize, usize), bool)>,
    /// Where the closing bracket(s) start.
    pub close: usize,
    /// The line's length with its line end.
    pub len: usize,
}

/// `s` from the start of a line: a header by its bytes, or `None`.
pub fn simple_header(s: &str) -> Option<SimpleHeader> {
    let b = s.as_bytes();
    let array = b.starts_with(b"[[");
    let mut i = if array { 2 } else { 1 };
    if b.first() != Some(&b'[') {
        return None;
    }
    let mut keys = Vec::new();
    loop {
        let start = i;
        let quoted = b.get(i) == Some(&b'"');
        if quoted {
            i += 1;
            loop {
                match b.get(i)? {
                    b'"' => break,
                    b'\\' | b'\n' | b'\r' => return None,
                    _ => i += 1,
                }
            }
            i += 1;
            // `""` followed by `"` would be a multi-line string
            if i - start == 2 && b.get(i) == Some(&b'"') {
                return None;
            }
        } else {
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
            {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        keys.push(((start, i), quoted));
        match b.get(i)? {
            b'.' => i += 1,
            b']' => break,
            _ => return None,
        }
    }
    let close = i;
    i += if array { 2 } else { 1 };
    if array && b.get(close + 1) != Some(&b']') {
        return None;
    }
    let len = line_end(b, i)?;
    Some(SimpleHeader {
        array,
        keys,
        close,
        len,
    })
}

/// The length of a blank line (blanks, then a line end) at the start of
/// `s`, or `None`.
pub fn blank_line(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    match line_end(b, i)? {
        0 => None,
        len => Some(len),
    }
}

/// The end of a line whose content ends at `i`: past its line end, or `i`
/// at the end of the text; `None` when something else follows.
fn line_end(b: &[u8], i: usize) -> Option<usize> {
    match (b.get(i), b.get(i + 1)) {
        (None, _) => Some(i),
        (Some(b'\n'), _) => Some(i + 1),
        (Some(b'\r'), Some(b'\n')) => Some(i + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_lines_are_found_and_others_left_to_the_lexer() {
        let s = simple_line("name = \"De Horst\"\nx").unwrap();
        assert_eq!(
            (s.key, s.eq, s.value, s.quoted, s.len),
            ((0, 4), 5, (7, 17), true, 18)
        );
        let s = simple_line("party\t=\t-12  \r\n").unwrap();
        assert_eq!((s.value, s.quoted, s.len), ((8, 11), false, 15));
        assert!(simple_line("done = true").is_some());
        for not in [
            "a.b = 1\n",
            "\"a\" = 1\n",
            "a = \"x\\\"y\"\n",
            "a = \"\"\"x\n",
            "a = 1.5\n",
            "a = 1 # c\n",
            "a = \"x\n",
            "a = \"x\\u0041\"\n",
            "a = [1]\n",
            "a = 2026-12-07T10:00:00Z\n",
            "[a]\n",
            "a = 1 2\n",
            "a =\n",
            "# c\n",
        ] {
            assert_eq!(simple_line(not), None, "{not}");
        }
    }

    #[test]
    fn simple_headers_and_blank_lines_are_found() {
        let h = simple_header("[[points.\"1.1.1\".notes]]\nx").unwrap();
        assert!(h.array);
        assert_eq!(
            h.keys,
            vec![((2, 8), false), ((9, 16), true), ((17, 22), false)]
        );
        assert_eq!((h.close, h.len), (22, 25));
        let h = simple_header("[framework]").unwrap();
        assert_eq!((h.array, h.close, h.len), (false, 10, 11));
        for not in [
            "[ a ]\n",
            "[a .b]\n",
            "[a]x\n",
            "[a] # c\n",
            "[[a]\n",
            "[a]]\n",
            "[]\n",
            "[a.]\n",
            "[\"a\\\"\"]\n",
            "['a']\n",
            "[\"\"\"]\n",
            "a = 1\n",
        ] {
            assert_eq!(simple_header(not), None, "{not}");
        }
        assert_eq!(blank_line("\n[a]"), Some(1));
        assert_eq!(blank_line("  \r\nx"), Some(4));
        assert_eq!(blank_line("  "), Some(2));
        assert_eq!(blank_line(""), None);
        assert_eq!(blank_line(" # c\n"), None);
    }
}
