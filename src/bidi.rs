//! Right-to-left text in documents (issue 27): every piece of user text
//! that could reorder what follows it is isolated, and no bidirectional
//! control typed by a user reaches past the piece it was typed in.
//!
//! - [`balance`]: a control without its end gets one at the end of the
//!   text (an override, embedding or isolate never stays open), an end
//!   without its control is dropped (a stray PDI could close an isolate
//!   around the text).
//! - [`isolate`]: a piece with a right-to-left letter or a bidi control,
//!   balanced, between FSI (U+2068) and PDI (U+2069), so it is laid out on
//!   its own and counts as one neutral character for the text around it.
//!   Text with neither (all the Dutch and English text) is left as it is:
//!   in a left-to-right document it cannot reorder anything after it.
//!
//! The documents are built with [`isolate`] around each piece of user text
//! (`export::doc::Ctx::user`), and every writer [`balance`]s what it writes
//! (HTML turns the isolates into `<bdi>`; Markdown writes the controls as
//! character references; CSV and xlsx as the characters themselves).

use std::borrow::Cow;

/// First strong isolate.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate.
pub const PDI: char = '\u{2069}';
const PDF: char = '\u{202c}';

/// Whether `c` is a letter of a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and their presentation forms, and the
/// right-to-left blocks of the supplementary planes).
pub fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08ff}'
        | '\u{fb1d}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}'
        | '\u{10800}'..='\u{10fff}'
        | '\u{1e800}'..='\u{1efff}')
        && c != '\u{feff}'
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Embedding,
    Isolate,
}

/// `s` with every bidi control matched: see the module.
pub fn balance(s: &str) -> Cow<'_, str> {
    if !s.chars().any(crate::safe_text::is_bidi_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 6);
    let mut open: Vec<Open> = Vec::new();
    for c in s.chars() {
        match c {
            '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => {
                open.push(Open::Embedding);
                out.push(c);
            }
            PDF => {
                if open.last() == Some(&Open::Embedding) {
                    open.pop();
                    out.push(c);
                }
            }
            '\u{2066}' | '\u{2067}' | FSI => {
                open.push(Open::Isolate);
                out.push(c);
            }
            PDI => {
                // closes the innermost isolate and every embedding in it
                if let Some(i) = open.iter().rposition(|o| *o == Open::Isolate) {
                    open.truncate(i);
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    for o in open.iter().rev() {
        out.push(match o {
            Open::Embedding => PDF,
            Open::Isolate => PDI,
        });
    }
    Cow::Owned(out)
}

/// Whether `s` needs isolating: it has a right-to-left letter or a bidi control.
pub fn needs_isolation(s: &str) -> bool {
    s.chars()
        .any(|c| is_rtl(c) || crate::safe_text::is_bidi_control(c))
}

/// `s` isolated when it needs it: see the module.
pub fn isolate(s: &str) -> Cow<'_, str> {
    if !needs_isolation(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(format!("{FSI}{}{PDI}", balance(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_override_is_closed_and_a_stray_end_dropped() {
        assert_eq!(balance("abc"), "abc");
        assert_eq!(balance("a\u{202e}b"), "a\u{202e}b\u{202c}");
        assert_eq!(balance("a\u{2069}b\u{202c}"), "ab");
        assert_eq!(
            balance("\u{2067}x\u{202e}y\u{2069}z"),
            "\u{2067}x\u{202e}y\u{2069}z"
        );
        assert_eq!(
            balance("\u{202b}\u{2066}x"),
            "\u{202b}\u{2066}x\u{2069}\u{202c}"
        );
    }

    #[test]
    fn only_text_that_could_reorder_is_isolated() {
        assert_eq!(isolate("Bewoners De Horst"), "Bewoners De Horst");
        assert_eq!(isolate("مركز"), "\u{2068}مركز\u{2069}");
        assert_eq!(
            isolate("Ahmed\u{202e} Mulder"),
            "\u{2068}Ahmed\u{202e} Mulder\u{202c}\u{2069}"
        );
        // a PDI in the text cannot close the isolate around it
        assert_eq!(
            isolate("x\u{2069}\u{202e}y"),
            "\u{2068}x\u{202e}y\u{202c}\u{2069}"
        );
    }
}
