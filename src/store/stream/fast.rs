//! The commonest line of a session file, `key = "text"` or `key = 12`,
//! found by its bytes without the lexer (reading a session is mostly
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
        loop {
            match b.get(i)? {
                b'"' => break,
                b'\\' | b'\n' | b'\r' => return None,
                _ => i += 1,
            }
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
    let len = match (b.get(i), b.get(i + 1)) {
        (None, _) => i,
        (Some(b'\n'), _) => i + 1,
        (Some(b'\r'), Some(b'\n')) => i + 2,
        _ => return None,
    };
    Some(Simple {
        key,
        eq,
        value,
        quoted,
        len,
    })
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
}
