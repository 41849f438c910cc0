//! Self-contained printable HTML minutes: inline CSS, no scripts, no
//! external resources. Every piece of text is escaped.

use super::doc::{Inline, Node};
use super::html_chart::push_chart;
use crate::i18n::Lang;

/// Escape text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            // exact when rendered, but no raw bidi control in the source
            c if crate::safe_text::is_bidi_control(c) => {
                out.push_str(&format!("&#x{:X};", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a piece of text stands. In running text an overdue date's
/// "(verlopen)" stays on the line of its date; in a table cell it may wrap
/// below it, so that a suffix does not widen the date's column (the date
/// itself, with its ⚠, still never breaks).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Place {
    Text,
    Cell,
}

pub(super) fn html_text(s: &str) -> String {
    html_text_in(s, Place::Text)
}

fn html_text_in(s: &str, place: Place) -> String {
    // no bidi control reaches past this piece of text ([`crate::bidi`])
    let s = crate::bidi::balance(s);
    let escaped = html_escape(&s.replace("\r\n", "\n").replace('\r', "\n"));
    let dates = no_break_long_dates(&no_break_dates(&escaped, place), place);
    bdi_tags(&no_break_amounts(&dates)).replace('\n', "<br>")
}

/// The isolates of escaped, balanced text as HTML: each FSI…PDI pair (a
/// piece of user text, [`crate::bidi::isolate`]) becomes `<bdi>…</bdi>`;
/// other isolates and controls stay character references.
fn bdi_tags(escaped: &str) -> String {
    const FSI: &str = "&#x2068;";
    const PDI: &str = "&#x2069;";
    let mut out = String::with_capacity(escaped.len());
    // for each open isolate: whether it is a <bdi>
    let mut open: Vec<bool> = Vec::new();
    let mut rest = escaped;
    while let Some(at) = rest.find("&#x206") {
        out.push_str(&rest[..at]);
        let token = &rest[at..at + 8.min(rest.len() - at)];
        match token {
            FSI => {
                open.push(true);
                out.push_str("<bdi>");
            }
            "&#x2066;" | "&#x2067;" => {
                open.push(false);
                out.push_str(token);
            }
            PDI if open.pop() == Some(true) => out.push_str("</bdi>"),
            _ => out.push_str(token),
        }
        rest = &rest[at + token.len()..];
    }
    out.push_str(rest);
    for bdi in open.into_iter().rev() {
        if bdi {
            out.push_str("</bdi>");
        }
    }
    out
}

/// The word after an overdue date, in both languages (`ex_overdue`).
const OVERDUE: [&str; 2] = ["verlopen", "overdue"];

/// An amount keeps its currency sign: "€ 1.250" never breaks after "€".
fn no_break_amounts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("€ ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "€ ".len()..];
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            out.push_str("€\u{a0}");
        } else {
            out.push_str("€ ");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A date in words keeps its day, month and year on one line: the two
/// spaces of "12 oktober 2026" become non-breaking, and in running text
/// the one before "(verlopen)" after it.
fn no_break_long_dates(text: &str, place: Place) -> String {
    let mut out = text.to_string();
    for m in crate::i18n::MONTHS.as_flattened() {
        let pat = format!(" {m} ");
        let mut from = 0;
        while let Some(rel) = out[from..].find(&pat) {
            let at = from + rel;
            let before = out[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = &out[at + pat.len()..];
            let year = after.chars().take_while(|c| c.is_ascii_digit()).count();
            if (1..=2).contains(&before) && year == 4 {
                // "(verlopen)" stays with its date
                let mut end = at + pat.len() + year;
                let overdue = OVERDUE
                    .iter()
                    .map(|w| format!(" ({w})"))
                    .find(|w| place == Place::Text && out[end..].starts_with(w.as_str()));
                if let Some(w) = &overdue {
                    end += w.len();
                }
                let mut start = at - before;
                // an overdue date's warning sign stays with it
                let sign = out[..start].ends_with("⚠ ");
                if sign {
                    start -= "⚠ ".len();
                }
                let joined = format!(
                    "<span class=\"nw\">{}{}\u{a0}{m}\u{a0}{}{}</span>",
                    if sign { "⚠\u{a0}" } else { "" },
                    &out[at - before..at],
                    &out[at + pat.len()..at + pat.len() + year],
                    overdue
                        .map(|w| w.replacen(' ', "\u{a0}", 1))
                        .unwrap_or_default()
                );
                out.replace_range(start..end, &joined);
                from = start + joined.len();
            } else {
                from = at + pat.len();
            }
        }
    }
    out
}

/// Every date "2026-10-05" in escaped text kept on one line: a column
/// never shows "2026-/10-05". In running text "(verlopen)" stays with it.
fn no_break_dates(escaped: &str, place: Place) -> String {
    let b = escaped.as_bytes();
    // 2026-10-05, and the Dutch short form 05-10-2026
    let is_date = |i: usize| {
        let shape = |dashes: [usize; 2]| {
            b[i..i + 10].iter().enumerate().all(|(k, &c)| {
                if dashes.contains(&k) {
                    c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            })
        };
        i + 10 <= b.len()
            && (shape([4, 7]) || shape([2, 5]))
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
    };
    let mut out = String::with_capacity(escaped.len());
    let mut i = 0;
    let mut from = 0;
    while i < b.len() {
        if is_date(i) {
            out.push_str(&escaped[from..i]);
            // an overdue date's warning sign stays with it
            let sign = out.ends_with("⚠ ");
            if sign {
                out.truncate(out.len() - "⚠ ".len());
            }
            out.push_str("<span class=\"nw\">");
            if sign {
                out.push_str("⚠ ");
            }
            out.push_str(&escaped[i..i + 10]);
            i += 10;
            // "(verlopen)" stays with its date
            if let Some(w) = OVERDUE
                .iter()
                .map(|w| format!(" ({w})"))
                .find(|w| place == Place::Text && escaped[i..].starts_with(w.as_str()))
            {
                out.push_str(&w.replacen(' ', "\u{a0}", 1));
                i += w.len();
            }
            out.push_str("</span>");
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&escaped[from..]);
    out
}

fn html_inlines(v: &[Inline]) -> String {
    html_inlines_in(v, Place::Text)
}

fn html_inlines_in(v: &[Inline], place: Place) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) => html_text_in(s, place),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_text_in(s, place)),
        })
        .collect()
}

/// Screen and print styles. In print: A4 with the title of the minutes at
/// the top left of every page and "page n / m" at the bottom right (CSS page
/// margin boxes: Chromium 131 and later); long words and links wrap inside
/// the page; tables keep to the page width; dates never break.
pub(super) const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111;overflow-wrap:break-word;hyphens:manual}\
h1,h2,h3,h4,h5,h6{line-height:1.25;page-break-after:avoid;break-after:avoid}\
h1{font-size:1.75rem;font-weight:800;border-bottom:3px solid #00468c;padding-bottom:.3rem;margin:0 0 1rem}\
h2{font-size:1.4rem;font-weight:700;color:#00468c;border-bottom:1px solid #9fb6d0;padding-bottom:.15rem;margin:2rem 0 .6rem}\
h3{font-size:1.2rem;font-weight:700;margin:1.6rem 0 .5rem}\
h4{font-size:1.05rem;font-weight:700;margin:1.3rem 0 .4rem}\
h5{font-size:.95rem;font-weight:600;font-style:italic;color:#333;margin:1.1rem 0 .3rem}\
h6{font-size:.9rem;font-weight:600;color:#444;margin:1rem 0 .3rem}\
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:#eef3f9;font-size:.85em;overflow-wrap:normal;hyphens:auto}\
.nw{white-space:nowrap}\
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #00468c;background:#f5f8fc;font-weight:600}\
ul.tasks{list-style:none;padding-left:1rem}.labelled{break-inside:avoid;page-break-inside:avoid}.labelled>p{margin-bottom:0;break-after:avoid;page-break-after:avoid}ul.first{margin-bottom:0}ul.rest{margin-top:0}footer{margin-top:2rem;color:#555;font-size:.85rem}\
figure.chart{margin:.8rem 0 1.2rem}figure.chart figcaption{font-weight:700;margin-bottom:.3rem}figure.chart svg{display:block;width:100%;height:auto}\
@page{size:A4;margin:18mm 16mm 20mm 16mm}\
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}.break{page-break-before:always;break-before:page}\
tr,blockquote,figure{page-break-inside:avoid;break-inside:avoid}h2,h3,h4,h5{page-break-inside:avoid;break-inside:avoid}p,li{orphans:2;widows:2}}";

/// A string for CSS `content`: every character that could end the string,
/// the rule or the style element is written as a CSS escape.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_alphanumeric() || " .,;:-–—_()/·#".contains(c) {
            out.push(c);
        } else {
            // a hex escape ends with a space
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The page margins: the title at the top left, "pagina n / m" at the bottom right.
pub(super) fn page_css(title: &str, page_word: &str) -> String {
    format!(
        "@page{{@top-left{{content:{};font-size:8.5pt;color:#555;font-family:'DejaVu Sans',sans-serif}}@bottom-right{{content:{} counter(page) \" / \" counter(pages);font-size:8.5pt;color:#555;font-family:'DejaVu Sans',sans-serif}}}}",
        css_string(title),
        css_string(&format!("{page_word} "))
    )
}

/// The text of the first level-1 heading: the page title.
fn title_of(doc: &[Node]) -> String {
    doc.iter()
        .find_map(|n| match n {
            Node::Heading(1, v) => Some(
                v.iter()
                    .map(|i| match i {
                        Inline::Text(s) | Inline::Strong(s) => s.as_str(),
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// The start of every HTML document wijktafel writes (minutes, handout,
/// overview) up to and including `<body>`: language, charset, viewport,
/// the escaped title and the style sheets given.
pub(crate) fn head(lang: Lang, title: &str, css: &[&str]) -> String {
    let lang_attr = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang_attr}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        html_escape(title),
        css.concat()
    )
}

pub(super) fn to_html(doc: &[Node], lang: Lang) -> String {
    let title = title_of(doc);
    let mut out = String::new();
    out.push_str(&head(
        lang,
        &title,
        &[CSS, &page_css(&title, lang.strings().ex_page)],
    ));
    let last = doc.len().saturating_sub(1);
    let mut skip = false;
    for (i, n) in doc.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        match n {
            // the last paragraph is the "generated by" line
            Node::Para(v) if i == last => {
                out.push_str(&format!("<footer>{}</footer>\n", html_inlines(v)))
            }
            // "Notities:" and the first note on one page
            Node::Para(v)
                if is_label(v) && doc.get(i + 1).is_some_and(|l| !items(l).is_empty()) =>
            {
                push_labelled(&mut out, v, &doc[i + 1]);
                skip = true;
            }
            // a page break right after a heading would leave the heading
            // alone at the bottom of a page; at the start, a blank page
            Node::Break if i == 0 || matches!(doc[i - 1], Node::Heading(..)) => {}
            n => push_node(&mut out, n),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A paragraph that is only a strong label ("Notities:").
fn is_label(v: &[Inline]) -> bool {
    matches!(v, [Inline::Strong(l)] if l.trim_end().ends_with(':'))
}

/// The items of a list as `<li>` elements (none for other nodes).
fn items(n: &Node) -> Vec<String> {
    match n {
        Node::List(items) => items
            .iter()
            .map(|it| format!("<li>{}</li>\n", html_inlines(it)))
            .collect(),
        Node::Tasks(items) => items
            .iter()
            .map(|(done, it)| {
                let bx = if *done { "☑" } else { "☐" };
                format!("<li>{bx} {}</li>\n", html_inlines(it))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A label and its list: the label and the first item in one block that
/// is never split over two pages (a label never ends a page), the other
/// items after it as one list to the eye.
fn push_labelled(out: &mut String, label: &[Inline], list: &Node) {
    let class = match list {
        Node::Tasks(_) => "tasks",
        _ => "items",
    };
    let mut li = items(list).into_iter();
    out.push_str(&format!(
        "<div class=\"labelled\"><p>{}</p>\n<ul class=\"{class} first\">\n{}</ul></div>\n",
        html_inlines(label),
        li.next().unwrap_or_default()
    ));
    let rest: String = li.collect();
    if !rest.is_empty() {
        out.push_str(&format!("<ul class=\"{class} rest\">\n{rest}</ul>\n"));
    }
}

fn push_node(out: &mut String, n: &Node) {
    match n {
        Node::Heading(level, v) => {
            out.push_str(&format!("<h{level}>{}</h{level}>\n", html_inlines(v)))
        }
        Node::Para(v) => out.push_str(&format!("<p>{}</p>\n", html_inlines(v))),
        Node::Quote(v) => out.push_str(&format!("<blockquote>{}</blockquote>\n", html_inlines(v))),
        Node::List(_) => out.push_str(&format!("<ul>\n{}</ul>\n", items(n).concat())),
        Node::Tasks(_) => out.push_str(&format!(
            "<ul class=\"tasks\">\n{}</ul>\n",
            items(n).concat()
        )),
        Node::Table(head, rows) => push_table(out, head, rows),
        Node::Fields(fields) => {
            out.push_str("<ul class=\"fields\">\n");
            for (label, value) in fields {
                out.push_str(&format!(
                    "<li><strong>{}:</strong> {}</li>\n",
                    html_text(label),
                    html_inlines(value)
                ));
            }
            out.push_str("</ul>\n");
        }
        Node::Warning(label, v) => out.push_str(&format!(
            "<p class=\"warning\"><strong>⚠ {}:</strong> {}</p>\n",
            html_text(label),
            html_inlines(v)
        )),
        Node::Break => out.push_str("<div class=\"break\"></div>\n"),
        Node::Chart(ch) => push_chart(out, ch),
    }
}

fn push_table(out: &mut String, head: &[String], rows: &[Vec<Vec<Inline>>]) {
    out.push_str("<table>\n<colgroup>");
    for pct in super::html_table::percent_widths(head, rows) {
        out.push_str(&format!("<col style=\"width:{pct}%\">"));
    }
    out.push_str("</colgroup>\n");
    if head.iter().any(|h| !h.is_empty()) {
        out.push_str("<thead><tr>");
        for h in head {
            out.push_str(&format!("<th>{}</th>", html_escape(h)));
        }
        out.push_str("</tr></thead>\n");
    }
    out.push_str("<tbody>\n");
    for r in rows {
        out.push_str("<tr>");
        for cell in r {
            out.push_str(&format!("<td>{}</td>", html_inlines_in(cell, Place::Cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_stay_on_one_line_and_other_numbers_do_not_change() {
        assert_eq!(
            no_break_dates("uiterlijk 2026-10-05, ⚠ 2026-11-30 (verlopen)", Place::Text),
            "uiterlijk <span class=\"nw\">2026-10-05</span>, <span class=\"nw\">⚠ 2026-11-30\u{a0}(verlopen)</span>"
        );
        assert_eq!(
            no_break_dates("⚠ 09-07-2029 (verlopen)", Place::Text),
            "<span class=\"nw\">⚠ 09-07-2029\u{a0}(verlopen)</span>"
        );
        for same in ["12026-10-05", "2026-10-051", "2026-1-05", "06-12345-67"] {
            assert_eq!(no_break_dates(same, Place::Text), same);
        }
    }

    /// In a table cell "(verlopen)" may wrap below its date: a column must
    /// not be widened by a suffix (the printed date column ran into the
    /// next one). The date and its ⚠ still never break. In running text
    /// (the tests above) the suffix stays with its date.
    #[test]
    fn in_a_cell_the_overdue_word_may_wrap_below_its_date() {
        assert_eq!(
            no_break_dates("⚠ 2026-11-30 (verlopen)", Place::Cell),
            "<span class=\"nw\">⚠ 2026-11-30</span> (verlopen)"
        );
        assert_eq!(
            no_break_long_dates("⚠ 5 mei 2027 (overdue)", Place::Cell),
            "<span class=\"nw\">⚠\u{a0}5\u{a0}mei\u{a0}2027</span> (overdue)"
        );
        assert_eq!(
            html_inlines_in(
                &[Inline::Strong("⚠ 5 oktober 2026 (verlopen)".into())],
                Place::Cell
            ),
            "<strong><span class=\"nw\">⚠\u{a0}5\u{a0}oktober\u{a0}2026</span> (verlopen)</strong>"
        );
    }

    #[test]
    fn a_date_with_its_overdue_word_and_an_amount_never_break() {
        assert_eq!(
            no_break_long_dates("op 10 oktober 2026 (verlopen) en 5 mei 2027.", Place::Text),
            "op <span class=\"nw\">10\u{a0}oktober\u{a0}2026\u{a0}(verlopen)</span> en <span class=\"nw\">5\u{a0}mei\u{a0}2027</span>."
        );
        assert_eq!(
            no_break_long_dates("⚠ 5 mei 2027 (overdue)", Place::Text),
            "<span class=\"nw\">⚠\u{a0}5\u{a0}mei\u{a0}2027\u{a0}(overdue)</span>"
        );
        assert_eq!(no_break_amounts("€ 1.250 of € x"), "€\u{a0}1.250 of € x");
    }

    #[test]
    fn a_css_string_cannot_be_left() {
        assert_eq!(
            css_string("a\"b\\c</style>{}"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\7b \\7d \""
        );
    }

    #[test]
    fn user_text_is_isolated_in_bdi_and_an_override_ends_with_it() {
        let label = format!("{} (Eva Mulder)", crate::bidi::isolate("Wijk\u{202e}raad"));
        assert_eq!(
            html_text(&label),
            "<bdi>Wijk&#x202E;raad&#x202C;</bdi> (Eva Mulder)"
        );
        // an override without its own isolate is still ended in its text
        assert_eq!(html_text("a\u{202e}b"), "a&#x202E;b&#x202C;");
    }

    #[test]
    fn html_escaping() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
