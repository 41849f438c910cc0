//! Making user text safe to show on a terminal.
//!
//! Text typed or pasted in a meeting, or read from a session file, may hold
//! control characters or escape sequences. They are never passed to the
//! terminal: C0/C1 controls and DEL are shown as visible symbols (␛ for ESC),
//! bidirectional overrides are dropped from the display. The stored text is
//! left exactly as it was.
//!
//! The full-screen UI and the command line use this same filter: every piece
//! of file or user text that wijktafel writes to a terminal passes through it.
//! Data written to a file or a pipe keeps the text exact, escaped where the
//! format allows (see [`json_pretty`]).

use std::borrow::Cow;

/// Whether a character must not reach the terminal as is: C0 and C1
/// controls, DEL, and bidirectional formatting characters.
pub fn unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional embeddings, overrides, isolates and marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// Visible stand-in for an unsafe character (`None`: drop it).
fn stand_in(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{1b}' => Some('␛'),
        '\u{7f}' => Some('␡'),
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32),
        c if is_bidi_control(c) => None,
        _ => Some('�'),
    }
}

/// One line of display text: controls (also newlines) made visible.
pub fn safe_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| {
                if c == '\n' {
                    Some(' ')
                } else if unsafe_char(c) {
                    stand_in(c)
                } else {
                    Some(c)
                }
            })
            .collect(),
    )
}

/// Multi-line display text: newlines kept, CR/CRLF normalised, other controls made visible.
pub fn safe_lines(s: &str) -> Vec<String> {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|l| safe_line(l).into_owned())
        .collect()
}

/// Text of any length for a terminal (command line output): newlines kept
/// (CR and CRLF become LF), every other unsafe character made visible as in
/// [`safe_line`]. Borrowed when there is nothing to change.
pub fn safe_text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(safe_lines(s).join("\n"))
}

/// Text for Markdown source (a document that is also read on terminals):
/// control characters other than newline become a space, bidirectional
/// controls a numeric character reference (`&#x202E;`), which renders as the
/// exact character but is inert in the source.
pub fn markdown_inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_markdown_inert(&mut out, c);
    }
    Cow::Owned(out)
}

/// One character of [`markdown_inert`].
pub fn push_markdown_inert(out: &mut String, c: char) {
    if is_bidi_control(c) {
        out.push_str(&format!("&#x{:X};", c as u32));
    } else if c != '\n' && c.is_control() {
        out.push(' ');
    } else {
        out.push(c);
    }
}

/// Pretty JSON in which every character that [`unsafe_char`] names is written
/// as a `\uXXXX` escape (serde_json escapes only C0 controls), so the output
/// is safe on a terminal and still decodes to exactly the same text.
pub fn json_pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let mut buf = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut buf, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut ser).expect("serializes to memory");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

/// serde_json's pretty formatter, with C1 controls, DEL and bidi controls escaped.
struct SafeJson<'a>(PrettyFormatter<'a>);

impl Formatter for SafeJson<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if unsafe_char(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // all of them are in the Basic Multilingual Plane: one escape
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Clean text coming in from the keyboard or a paste, before it enters an
/// editor: CR and CRLF become LF, tabs become spaces, other control
/// characters and escape sequences are removed.
pub fn clean_input(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if unsafe_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // parameters and intermediates up to a final byte 0x40–0x7e
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // OSC/DCS/APC/PM payload up to BEL or ST (ESC \ or U+009C)
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => skip_string(chars),
        _ => {}
    }
}

/// A session as typed, quoted for the shell when it needs it (in messages
/// that tell which command to run).
pub fn shell_word(query: &str) -> String {
    let q = crate::store::clean_line(query);
    let plain = !q.is_empty()
        && q.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | ':'));
    if plain {
        q
    } else {
        format!("\"{}\"", q.replace(['"', '\\', '$', '`'], ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_text_has_no_controls() {
        let nasty = "a\u{1b}[31mrood\u{1b}]52;c;aGk=\u{7}\u{9b}2J\u{202e}x\u{7f}\u{0}";
        let shown = safe_line(nasty);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert!(shown.contains('␛'));
        assert!(!shown.contains('\u{202e}'));
        assert_eq!(safe_line("Café geëerd, 👍🏽"), "Café geëerd, 👍🏽");
        assert!(matches!(safe_line("plain"), Cow::Borrowed(_)));
        assert_eq!(safe_lines("a\r\nb\rc"), vec!["a", "b", "c"]);
    }

    #[test]
    fn terminal_text_keeps_newlines_and_shows_controls() {
        assert!(matches!(safe_text("a\nb\n"), Cow::Borrowed(_)));
        let shown = safe_text("a\u{1b}]0;titel\u{7}\r\nb\u{9b}c\u{202e}d\n");
        assert_eq!(shown, "a␛]0;titel␇\nb�cd\n");
    }

    #[test]
    fn json_escapes_c1_del_and_bidi_and_round_trips() {
        let nasty =
            "a\u{1b}\u{7}\u{0}\u{7f}\u{85}\u{9b}\u{202a}\u{202e}\u{2066}\u{2069}\u{200f}é👍";
        let json = json_pretty(&vec![nasty]);
        assert!(
            !json.chars().any(|c| unsafe_char(c) && c != '\n'),
            "{json:?}"
        );
        for esc in [
            "\\u001b", "\\u007f", "\\u0085", "\\u009b", "\\u202e", "\\u2066",
        ] {
            assert!(json.contains(esc), "{esc} in {json}");
        }
        assert!(json.contains("é👍"));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![nasty.to_string()]);
        // otherwise the same as serde_json's pretty output
        let plain = serde_json::json!({"a": [1, "b"], "c": {}});
        assert_eq!(
            json_pretty(&plain),
            serde_json::to_string_pretty(&plain).unwrap()
        );
    }

    #[test]
    fn input_drops_escape_sequences_and_normalises_newlines() {
        assert_eq!(clean_input("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(clean_input("x\u{1b}[1;31my"), "xy");
        assert_eq!(
            clean_input("x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y"),
            "xlinky"
        );
        assert_eq!(clean_input("x\u{1b}]52;c;aGk=\u{7}y"), "xy");
        assert_eq!(clean_input("x\u{1b}P1$r\u{1b}\\y"), "xy");
        assert_eq!(clean_input("t\tab\u{0}\u{85}"), "t    ab");
        assert_eq!(clean_input("Café geëerd, 👍🏽"), "Café geëerd, 👍🏽");
    }
}
