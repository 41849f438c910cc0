//! Making user text safe to show on a terminal.
//!
//! Text typed or pasted in a meeting, or read from a session file, may hold
//! control characters or escape sequences. They are never passed to the
//! terminal: C0/C1 controls and DEL are shown as visible symbols (␛ for ESC),
//! bidirectional overrides are dropped from the display. The stored text is
//! left exactly as it was.

use std::borrow::Cow;

/// Whether a character must not reach the terminal as is.
fn unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
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
