//! HTML snapshots a person can read (issue 29, item 5): the style sheet,
//! one 2–7 kB line, is replaced by a line with its length and hash (a
//! change of the CSS still fails every snapshot, in one short line), and
//! the CSS itself is a snapshot of its own, one rule a line
//! (`html_css.rs`).

/// FNV-1a, 64 bits: a hash that does not depend on a crate or a platform.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The one line that stands for a style sheet: its length and hash.
pub fn css_line(css: &str) -> String {
    format!(
        "/* style sheet: {} bytes, FNV-1a {:016x} (in full: the html_css snapshots) */",
        css.len(),
        fnv1a(css)
    )
}

/// The style element's text (the document has exactly one).
pub fn style_of(html: &str) -> &str {
    assert_eq!(html.matches("<style>").count(), 1, "one style element");
    let a = html.find("<style>").unwrap() + "<style>".len();
    let b = html[a..].find("</style>").unwrap();
    &html[a..a + b]
}

/// `html` with its style sheet replaced by [`css_line`].
pub fn readable(html: &str) -> String {
    let css = style_of(html);
    html.replacen(
        &format!("<style>{css}</style>"),
        &format!("<style>{}</style>", css_line(css)),
        1,
    )
}

/// A style sheet one rule a line, the rules inside an at-rule (`@media`,
/// `@page` with margin boxes) indented below it; a first line says its
/// length and hash. Nothing is left out: joined again, the lines (less
/// the first, their indent and the line breaks) are the sheet.
pub fn pretty_css(css: &str) -> String {
    let mut out = css_line(css) + "\n";
    push_rules(&mut out, css, 0);
    out
}

fn push_rules(out: &mut String, css: &str, depth: usize) {
    let mut rest = css;
    while !rest.is_empty() {
        let Some(open) = find_outside_quotes(rest, '{') else {
            // text after the last rule (none in a sheet of ours)
            out.push_str(&format!("{}{rest}\n", "  ".repeat(depth)));
            return;
        };
        let close = matching(rest, open);
        let (prelude, body) = (&rest[..open], &rest[open + 1..close]);
        if prelude.starts_with('@') && find_outside_quotes(body, '{').is_some() {
            out.push_str(&format!("{}{prelude}{{\n", "  ".repeat(depth)));
            push_rules(out, body, depth + 1);
            out.push_str(&format!("{}}}\n", "  ".repeat(depth)));
        } else {
            out.push_str(&format!("{}{}\n", "  ".repeat(depth), &rest[..=close]));
        }
        rest = &rest[close + 1..];
    }
}

/// The byte index of the first `c` outside a quoted string.
fn find_outside_quotes(text: &str, c: char) -> Option<usize> {
    let mut quote = None;
    let mut escaped = false;
    for (i, ch) in text.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if ch == '\\' => escaped = true,
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None if ch == '"' || ch == '\'' => quote = Some(ch),
            None if ch == c => return Some(i),
            None => {}
        }
    }
    None
}

/// The index of the `}` that closes the `{` at `open`.
fn matching(text: &str, open: usize) -> usize {
    let mut depth = 0usize;
    let mut at = open;
    loop {
        let rest = &text[at..];
        let next_open = find_outside_quotes(rest, '{');
        let next_close = find_outside_quotes(rest, '}').expect("a closing brace");
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                at += o + 1;
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    return at + next_close;
                }
                at += next_close + 1;
            }
        }
    }
}
