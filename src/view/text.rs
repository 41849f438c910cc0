//! Text as both windows lay it out: a guidance text as paragraphs.

use ratatui::text::{Line, Span};

use crate::safe_text::safe_line;

/// A guidance text as paragraphs: one line each (they wrap when drawn),
/// a blank line between them.
pub fn paragraphs(text: &str, style: ratatui::style::Style) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for p in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(Line::default());
        }
        let joined = p.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Line::from(Span::styled(
            safe_line(&joined).into_owned(),
            style,
        )));
    }
    out
}

/// "• " for a note of this workshop, "• (bijeenkomst 1) " for an earlier
/// one: the workshop spelled out, never an abbreviation that reads as a block.
pub fn note_prefix(s: &crate::i18n::Strings, workshop: u32, current: u32) -> String {
    if workshop == current {
        "• ".to_string()
    } else {
        format!(
            "• {}",
            crate::i18n::fill(s.ui_note_from, &[&workshop.to_string()])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines_with_a_blank_line_between() {
        let st = ratatui::style::Style::default();
        let lines = paragraphs("\neen\ntwee\n\n\ndrie\n", st);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["een twee", "", "drie"]);
    }
}
