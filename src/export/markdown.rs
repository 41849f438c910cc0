//! Markdown minutes. Every piece of text is escaped: user text can never
//! change the structure of the document.

use super::doc::{Inline, Node};

/// Escape text so that it stays plain text inside a Markdown paragraph,
/// list item or table cell. Newlines become hard line breaks indented by
/// `indent`, written as two spaces at the line's end (no `\\` a secretary
/// would have to remove; issue 24), trailing and repeated empty lines dropped; every line start
/// is guarded against block syntax. Only what a renderer would read as
/// syntax is escaped: "Zorg & Welzijn" stays as it is.
pub fn md_escape(text: &str, indent: &str, in_table: bool) -> String {
    md_escape_at(text, indent, in_table, true)
}

/// Whether `rest` (after a `&`) would make an entity or character reference.
fn entity_follows(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let n = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    n > 0 && body[n..].starts_with(';')
}

/// [`md_escape`] for a piece that may continue a line (`line_start` false):
/// its first line is then not guarded or trimmed as a line start.
fn md_escape_at(text: &str, indent: &str, in_table: bool, line_start: bool) -> String {
    // no bidi control reaches past this piece of text ([`crate::bidi`])
    let text = crate::bidi::balance(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // a trailing newline would leave a stray break; empty lines would end the paragraph
    let trimmed = text.trim_end();
    let text = if text[trimmed.len()..].contains('\n') {
        trimmed
    } else {
        text.as_str()
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 && line.trim().is_empty() {
            continue;
        }
        if previous {
            if in_table {
                out.push_str(" / ");
            } else {
                // a hard break: two spaces, then the newline (also clear of
                // a web address before it)
                out.push_str("  \n");
                out.push_str(indent);
            }
        }
        previous = true;
        let first = i == 0 && !line_start;
        // leading whitespace would start a code block or continuation: drop it
        let line = if first {
            line
        } else {
            line.trim_start_matches([' ', '\t'])
        };
        let mut chars = line.char_indices().peekable();
        // block syntax only exists at the start of a line outside table cells and headings
        let mut at_start = !first && !in_table;
        let mut before: Option<char> = None;
        while let Some((idx, ch)) = chars.next() {
            if crate::safe_text::is_bidi_control(ch) {
                // a character reference: exact when rendered, inert in the source
                crate::safe_text::push_markdown_inert(&mut out, ch);
                at_start = false;
                before = Some(ch);
                continue;
            }
            let c = if ch.is_control() { ' ' } else { ch };
            let next = chars.peek().map(|&(_, n)| n);
            match c {
                // ("|" also outside tables: a note's next line could make its first a table head)
                '`' | '*' | '[' | '<' | '~' | '|' => {
                    out.push('\\');
                    out.push(c);
                }
                // a backslash is literal unless it escapes punctuation or breaks the line
                '\\' if next.is_none_or(|n| n.is_ascii_punctuation()) => out.push_str("\\\\"),
                // "_" inside a word is no emphasis
                '_' if !(before.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric)) =>
                {
                    out.push_str("\\_")
                }
                '&' if entity_follows(&line[idx + 1..]) => out.push_str("\\&"),
                '#' | '-' | '+' | '=' | '>' if at_start => {
                    out.push('\\');
                    out.push(c);
                }
                '0'..='9' if at_start => {
                    // "1." or "1)" at the start of a line is a list item
                    let rest = &line[idx..];
                    let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
                    out.push_str(&rest[..digits]);
                    for _ in 1..digits {
                        chars.next();
                    }
                    if let Some(&(_, next)) = chars.peek()
                        && (next == '.' || next == ')')
                    {
                        chars.next();
                        out.push('\\');
                        out.push(next);
                    }
                }
                _ => out.push(c),
            }
            at_start = false;
            before = Some(c);
        }
    }
    out
}

/// Inline pieces as Markdown. A strong piece is written trimmed, with its
/// surrounding spaces outside the `**`: "**Uitkomst:** ▲ GO", never
/// "**Uitkomst:**▲ GO" (which CommonMark does not read as bold).
fn md_inlines(v: &[Inline], indent: &str, in_table: bool) -> String {
    md_inlines_at(v, indent, in_table, true)
}

/// [`md_inlines`] after a label on the same line (`line_start` false).
fn md_inlines_at(v: &[Inline], indent: &str, in_table: bool, line_start: bool) -> String {
    let mut out = String::new();
    for i in v {
        let start = out.is_empty() && line_start;
        match i {
            Inline::Text(s) => out.push_str(&md_escape_at(s, indent, in_table, start)),
            Inline::Strong(s) if s.trim().is_empty() => {}
            Inline::Strong(s) => {
                if s.starts_with(char::is_whitespace) && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str("**");
                out.push_str(&md_escape_at(s.trim(), indent, in_table, false));
                out.push_str("**");
                if s.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
        }
    }
    out
}

pub(super) fn to_markdown(doc: &[Node]) -> String {
    let mut out = String::new();
    for n in doc {
        match n {
            Node::Heading(level, v) => {
                out.push_str(&"#".repeat(*level as usize));
                out.push(' ');
                out.push_str(&md_inlines(v, "", true));
                out.push_str("\n\n");
            }
            Node::Para(v) => {
                out.push_str(&md_inlines(v, "", false));
                out.push_str("\n\n");
            }
            Node::Quote(v) => {
                out.push_str("> ");
                out.push_str(&md_inlines(v, "> ", false));
                out.push_str("\n\n");
            }
            Node::List(items) => {
                for it in items {
                    out.push_str("- ");
                    out.push_str(&md_inlines(it, "  ", false));
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Tasks(items) => {
                for (done, it) in items {
                    out.push_str(if *done { "- ☑ " } else { "- ☐ " });
                    out.push_str(&md_inlines(it, "  ", false));
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Table(head, rows) => {
                out.push('|');
                for h in head {
                    out.push_str(&format!(" {} |", md_escape(h, "", true)));
                }
                out.push_str("\n|");
                for _ in head {
                    out.push_str("---|");
                }
                out.push('\n');
                for r in rows {
                    out.push('|');
                    for cell in r {
                        out.push_str(&format!(" {} |", md_inlines(cell, "", true)));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Fields(fields) => {
                for (label, value) in fields {
                    out.push_str("- **");
                    out.push_str(&md_escape_at(label, "", false, false));
                    out.push_str(":** ");
                    out.push_str(&md_inlines_at(value, "  ", false, false));
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Warning(label, v) => {
                out.push_str("**⚠ ");
                out.push_str(&md_escape_at(label, "", false, false));
                out.push_str(":** ");
                out.push_str(&md_inlines_at(v, "", false, false));
                out.push_str("\n\n");
            }
            Node::Break => out.push_str("---\n\n"),
            // the chart's numbers as a small table (issue 15)
            Node::Chart(ch) => {
                out.push_str(&format!("**{}**\n\n", md_escape(&ch.caption, "", false)));
                out.push_str(&format!("| {} |", md_escape(&ch.row_head, "", true)));
                for st in &ch.statuses {
                    out.push_str(&format!(" {} |", md_escape(st, "", true)));
                }
                out.push_str("\n|---|");
                out.push_str(&"---:|".repeat(ch.statuses.len()));
                out.push('\n');
                for r in &ch.rows {
                    out.push_str(&format!("| {} |", md_escape(&r.label, "", true)));
                    for n in r.counts {
                        out.push_str(&format!(" {n} |"));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(md_escape("# kop", "", false), "\\# kop");
        assert_eq!(md_escape("- item", "", false), "\\- item");
        assert_eq!(md_escape("1. punt", "", false), "1\\. punt");
        assert_eq!(md_escape("12) punt", "", false), "12\\) punt");
        assert_eq!(md_escape("a|b", "", true), "a\\|b");
        assert_eq!(md_escape("`code`", "", false), "\\`code\\`");
        assert_eq!(md_escape("> quote", "", false), "\\> quote");
        assert_eq!(md_escape("x\n# y", "  ", false), "x  \n  \\# y");
        assert_eq!(md_escape("x\ny", "", true), "x / y");
        assert_eq!(
            md_escape("achter-de-voordeur", "", false),
            "achter-de-voordeur"
        );
        assert_eq!(md_escape("    code", "", false), "code");
    }

    #[test]
    fn markdown_escapes_only_what_a_renderer_would_read() {
        // plain punctuation stays as typed
        assert_eq!(md_escape("Zorg & Welzijn", "", false), "Zorg & Welzijn");
        assert_eq!(md_escape("Zorg & Welzijn", "", true), "Zorg & Welzijn");
        assert_eq!(md_escape("wijk_team", "", false), "wijk_team");
        assert_eq!(md_escape("a > b, c!", "", false), "a > b, c!");
        assert_eq!(md_escape("C:\\map", "", false), "C:\\map");
        // what would be syntax is escaped
        assert_eq!(md_escape("&amp; &#38;", "", false), "\\&amp; \\&#38;");
        assert_eq!(md_escape("_nadruk_", "", false), "\\_nadruk\\_");
        assert_eq!(md_escape("![x](y)", "", false), "!\\[x](y)");
        assert_eq!(md_escape("eind\\", "", false), "eind\\\\");
        assert_eq!(md_escape("a|b", "", false), "a\\|b");
    }

    #[test]
    fn a_note_ending_in_a_newline_leaves_no_backslash() {
        assert_eq!(md_escape("regel\n", "  ", false), "regel");
        assert_eq!(md_escape("a\n\n\nb\n \n", "  ", false), "a  \n  b");
        // a break after a web address stays out of the address, and no line
        // ends in a backslash (issue 24)
        assert_eq!(
            md_escape("zie https://x.nl/a\nverder", "  ", false),
            "zie https://x.nl/a  \n  verder"
        );
    }

    #[test]
    fn a_strong_label_is_never_glued_to_its_value() {
        let v = [
            Inline::Strong("Uitkomst: ".into()),
            Inline::Text("▲ GO".into()),
        ];
        assert_eq!(md_inlines(&v, "", false), "**Uitkomst:** ▲ GO");
        let v = [
            Inline::Text("Bewoners:".into()),
            Inline::Strong(" ✖ oneens".into()),
        ];
        assert_eq!(md_inlines(&v, "", false), "Bewoners: **✖ oneens**");
        let doc = [Node::Fields(vec![(
            "Telling".into(),
            vec![Inline::Text("Go 6".into())],
        )])];
        assert_eq!(to_markdown(&doc), "- **Telling:** Go 6\n\n");
        let doc = [Node::Warning(
            "Let op".into(),
            vec![Inline::Text("1. tegenstrijdig".into())],
        )];
        assert_eq!(to_markdown(&doc), "**⚠ Let op:** 1. tegenstrijdig\n\n");
    }
}
