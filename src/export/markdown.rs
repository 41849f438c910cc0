//! Markdown minutes. Every piece of text is escaped: user text can never
//! change the structure of the document.

use super::doc::{Inline, Node};

/// Escape text so that it stays plain text inside a Markdown paragraph,
/// list item or table cell. Newlines become hard line breaks indented by
/// `indent`; every line start is guarded against block syntax.
pub fn md_escape(text: &str, indent: &str, in_table: bool) -> String {
    md_escape_at(text, indent, in_table, true)
}

/// [`md_escape`] for a piece that may continue a line (`line_start` false):
/// its first line is then not guarded or trimmed as a line start.
fn md_escape_at(text: &str, indent: &str, in_table: bool, line_start: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            if in_table {
                out.push_str(" / ");
            } else {
                out.push_str("\\\n");
                out.push_str(indent);
            }
        }
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
        while let Some((idx, ch)) = chars.next() {
            if crate::safe_text::is_bidi_control(ch) {
                // a character reference: exact when rendered, inert in the source
                crate::safe_text::push_markdown_inert(&mut out, ch);
                at_start = false;
                continue;
            }
            let c = if ch.is_control() { ' ' } else { ch };
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => {
                    out.push('\\');
                    out.push('&');
                }
                '#' | '-' | '+' | '=' if at_start => {
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
        }
    }
    out
}

fn md_inlines(v: &[Inline], indent: &str, in_table: bool) -> String {
    let mut out = String::new();
    for i in v {
        let start = out.is_empty();
        match i {
            Inline::Text(s) => out.push_str(&md_escape_at(s, indent, in_table, start)),
            Inline::Strong(s) if s.trim().is_empty() => {}
            Inline::Strong(s) => {
                out.push_str("**");
                out.push_str(&md_escape_at(s.trim(), indent, in_table, false));
                out.push_str("**");
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
                    out.push_str(if *done { "- [x] " } else { "- [ ] " });
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
        assert_eq!(md_escape("x\n# y", "  ", false), "x\\\n  \\# y");
        assert_eq!(md_escape("x\ny", "", true), "x / y");
        assert_eq!(
            md_escape("achter-de-voordeur", "", false),
            "achter-de-voordeur"
        );
        assert_eq!(md_escape("    code", "", false), "code");
    }
}
