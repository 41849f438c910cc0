//! Self-contained printable HTML minutes: inline CSS, no scripts, no
//! external resources. Every piece of text is escaped.

use super::chart::Chart;
use super::doc::{Inline, Node};
use crate::i18n::Lang;
use crate::i18n::fill;

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

fn html_text(s: &str) -> String {
    let escaped = html_escape(&s.replace("\r\n", "\n").replace('\r', "\n"));
    no_break_long_dates(&no_break_dates(&escaped)).replace('\n', "<br>")
}

/// Month names as the minutes write dates in prose ("12 oktober 2026").
const MONTHS: [&str; 24] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date in words keeps its day, month and year on one line: the two
/// spaces of "12 oktober 2026" become non-breaking.
fn no_break_long_dates(text: &str) -> String {
    let mut out = text.to_string();
    for m in MONTHS {
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
                let joined = format!("\u{a0}{m}\u{a0}");
                out.replace_range(at..at + pat.len(), &joined);
                from = at + joined.len();
            } else {
                from = at + pat.len();
            }
        }
    }
    out
}

/// Every date "2026-10-05" in escaped text kept on one line: a column
/// never shows "2026-/10-05".
fn no_break_dates(escaped: &str) -> String {
    let b = escaped.as_bytes();
    let is_date = |i: usize| {
        i + 10 <= b.len()
            && b[i..i + 10].iter().enumerate().all(|(k, &c)| match k {
                4 | 7 => c == b'-',
                _ => c.is_ascii_digit(),
            })
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
            out.push_str("</span>");
            i += 10;
            from = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&escaped[from..]);
    out
}

fn html_inlines(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) => html_text(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_text(s)),
        })
        .collect()
}

/// Screen and print styles. In print: A4 with the title of the minutes at
/// the top left of every page and "page n / m" at the bottom right (CSS page
/// margin boxes: Chromium 131 and later); long words and links wrap inside
/// the page; tables keep to the page width; dates never break.
const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111;overflow-wrap:anywhere;hyphens:auto}\
h1,h2,h3,h4,h5,h6{line-height:1.25;page-break-after:avoid;break-after:avoid}\
h1{font-size:1.75rem;font-weight:800;border-bottom:3px solid #00468c;padding-bottom:.3rem;margin:0 0 1rem}\
h2{font-size:1.4rem;font-weight:700;color:#00468c;border-bottom:1px solid #9fb6d0;padding-bottom:.15rem;margin:2rem 0 .6rem}\
h3{font-size:1.2rem;font-weight:700;margin:1.6rem 0 .5rem}\
h4{font-size:1.05rem;font-weight:700;margin:1.3rem 0 .4rem}\
h5{font-size:.95rem;font-weight:600;font-style:italic;color:#333;margin:1.1rem 0 .3rem}\
h6{font-size:.9rem;font-weight:600;color:#444;margin:1rem 0 .3rem}\
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eef3f9;font-size:.85em;overflow-wrap:normal;hyphens:auto}\
.nw{white-space:nowrap}\
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #00468c;background:#f5f8fc;font-weight:600}\
ul.tasks{list-style:none;padding-left:1rem}footer{margin-top:2rem;color:#555;font-size:.85rem}\
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

pub(super) fn to_html(doc: &[Node], lang: Lang) -> String {
    let title = title_of(doc);
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        html_escape(&title),
        CSS,
        page_css(&title, lang.strings().ex_page)
    ));
    let last = doc.len().saturating_sub(1);
    for (i, n) in doc.iter().enumerate() {
        match n {
            // the last paragraph is the "generated by" line
            Node::Para(v) if i == last => {
                out.push_str(&format!("<footer>{}</footer>\n", html_inlines(v)))
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

fn push_node(out: &mut String, n: &Node) {
    match n {
        Node::Heading(level, v) => {
            out.push_str(&format!("<h{level}>{}</h{level}>\n", html_inlines(v)))
        }
        Node::Para(v) => out.push_str(&format!("<p>{}</p>\n", html_inlines(v))),
        Node::Quote(v) => out.push_str(&format!("<blockquote>{}</blockquote>\n", html_inlines(v))),
        Node::List(items) => {
            out.push_str("<ul>\n");
            for it in items {
                out.push_str(&format!("<li>{}</li>\n", html_inlines(it)));
            }
            out.push_str("</ul>\n");
        }
        Node::Tasks(items) => {
            out.push_str("<ul class=\"tasks\">\n");
            for (done, it) in items {
                out.push_str(&format!(
                    "<li>{} {}</li>\n",
                    if *done { "☑" } else { "☐" },
                    html_inlines(it)
                ));
            }
            out.push_str("</ul>\n");
        }
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

fn inline_text(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) | Inline::Strong(s) => s.as_str(),
        })
        .collect()
}

/// The width of each column in `ch`, or None for a column that shares the
/// rest of the table: a column whose cells are all short (a date, a number,
/// a status, a label) gets the room of its longest word (at least of a short
/// cell), so the text columns get the rest and nothing runs past the page.
fn column_widths(head: &[String], rows: &[Vec<Vec<Inline>>]) -> Vec<Option<usize>> {
    const SHORT: usize = 24;
    const WHOLE: usize = 12;
    let longest_word = |s: &str| {
        s.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<Option<usize>> = (0..head.len())
        .map(|k| {
            let cells: Vec<String> = rows
                .iter()
                .filter_map(|r| r.get(k))
                .map(|c| inline_text(c))
                .collect();
            let longest_cell = cells.iter().map(|c| c.chars().count()).max().unwrap_or(0);
            let word = cells.iter().map(|c| longest_word(c)).max().unwrap_or(0);
            (longest_cell <= SHORT).then(|| {
                // the head is set smaller (.85em); an eighth more for bold
                // labels and two for the padding
                let head_word = (longest_word(&head[k]) * 85).div_ceil(100);
                let n = head_word.max(word).max(longest_cell.min(WHOLE));
                n + n.div_ceil(8) + 2
            })
        })
        .collect();
    // at least one column takes the rest; all short: let the widest share
    if widths.iter().all(|w| w.is_some()) {
        let mut w = widths;
        if let Some(widest) = (0..w.len()).max_by_key(|&k| w[k]) {
            w[widest] = None;
        }
        return w;
    }
    widths
}

/// The width of a printed A4 page's text in `ch` (178 mm at 10.5 pt).
const PAGE_CH: usize = 75;

/// Widths in percent when two or more text columns (width None) share the
/// table: the short columns as their `ch` on an A4 page, the text columns
/// the rest by the length of their text (the longest at most twice
/// the shortest), each at least its longest word. All in percent, so the table is never wider than the page;
/// None when fewer than two text columns share (they then share equally).
fn percent_widths(widths: &[Option<usize>], rows: &[Vec<Vec<Inline>>]) -> Option<Vec<usize>> {
    let flex: Vec<usize> = (0..widths.len()).filter(|&k| widths[k].is_none()).collect();
    if flex.len() < 2 {
        return None;
    }
    let fixed: usize = widths.iter().flatten().sum();
    // the short columns take at most 60% of the page
    let scale = |ch: usize| ch * 100 / PAGE_CH.max(fixed * 100 / 60);
    let mut out: Vec<usize> = widths.iter().map(|w| w.map_or(0, scale)).collect();
    let rest = 100 - out.iter().sum::<usize>();
    let cells = |k: usize| {
        rows.iter()
            .filter_map(move |r| r.get(k))
            .map(|c| inline_text(c))
    };
    // each text column at least its longest word, where the page allows
    let least: Vec<usize> = flex
        .iter()
        .map(|&k| {
            let word = cells(k)
                .flat_map(|c| {
                    c.split_whitespace()
                        .map(|w| w.chars().count())
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0)
                .min(16);
            (word + word.div_ceil(8) + 2) * 100 / PAGE_CH
        })
        .collect();
    let lengths: Vec<usize> = flex
        .iter()
        .map(|&k| cells(k).map(|c| c.chars().count()).sum::<usize>().max(1))
        .collect();
    let shortest = *lengths.iter().min().unwrap_or(&1);
    let weights: Vec<usize> = lengths.iter().map(|&l| l.min(shortest * 2)).collect();
    let total: usize = weights.iter().sum();
    let mut share: Vec<usize> = weights.iter().map(|w| w * rest / total).collect();
    // a column below its longest word takes it from those above theirs (all
    // of them in proportion when the page is too narrow for every word)
    let sum_least = least.iter().sum::<usize>();
    let least: Vec<usize> = if sum_least > rest {
        least.iter().map(|l| l * rest / sum_least).collect()
    } else {
        least
    };
    {
        let deficit: usize = (0..share.len())
            .map(|i| least[i].saturating_sub(share[i]))
            .sum();
        let surplus: usize = (0..share.len())
            .map(|i| share[i].saturating_sub(least[i]))
            .sum();
        if deficit > 0 && surplus > 0 {
            for i in 0..share.len() {
                share[i] = if share[i] < least[i] {
                    least[i]
                } else {
                    share[i] - (share[i] - least[i]) * deficit / surplus
                };
            }
        }
    }
    let mut given = 0;
    for (i, &k) in flex.iter().enumerate() {
        // the last takes what rounding left
        out[k] = if i + 1 == flex.len() {
            rest - given
        } else {
            share[i]
        };
        given += out[k];
    }
    Some(out)
}

fn push_table(out: &mut String, head: &[String], rows: &[Vec<Vec<Inline>>]) {
    out.push_str("<table>\n<colgroup>");
    let widths = column_widths(head, rows);
    match percent_widths(&widths, rows) {
        Some(pcts) => {
            for pct in pcts {
                out.push_str(&format!("<col style=\"width:{pct}%\">"));
            }
        }
        None => {
            for w in widths {
                match w {
                    Some(ch) => out.push_str(&format!("<col style=\"width:{ch}ch\">")),
                    None => out.push_str("<col>"),
                }
            }
        }
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
            out.push_str(&format!("<td>{}</td>", html_inlines(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Fill colour, pattern colour and pattern of each status of the chart, in
/// [`chart::ORDER`](super::chart::ORDER): hatching, cross-hatching, dots and
/// blank, so the chart reads in black and white too.
const FILLS: [(&str, &str, &str); 4] = [
    ("#cfe9d2", "#1b5e20", "hatch"),
    ("#f8d3cf", "#b71c1c", "cross"),
    ("#fbeec2", "#6d5200", "dots"),
    ("#ffffff", "#ffffff", "none"),
];

/// Space between the lines of a pattern.
const STEP: f64 = 6.0;

/// A box filled with the colour and pattern of status `i`, outlined. The
/// pattern is drawn as lines cut to the box (no SVG `<pattern>`: Chromium
/// writes every tile of one into the PDF, megabytes for one chart).
fn svg_box(x: f64, y: f64, w: f64, h: f64, i: usize) -> String {
    let (bg, fg, kind) = FILLS[i];
    let mut out = format!(
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{bg}\"/>"
    );
    let mut d = String::new();
    // lines going up to the right: (x + a, y + t - a) for a in the box
    let up = |d: &mut String| {
        let mut t = STEP / 2.0;
        while t < w + h {
            let (a, b) = ((t - h).max(0.0), t.min(w));
            d.push_str(&format!(
                "M{:.1} {:.1}L{:.1} {:.1}",
                x + a,
                y + t - a,
                x + b,
                y + t - b
            ));
            t += STEP;
        }
    };
    match kind {
        "hatch" => up(&mut d),
        "cross" => {
            up(&mut d);
            // and down to the right: (x + a, y + a - t)
            let mut t = -h + STEP / 2.0;
            while t < w {
                let (a, b) = (t.max(0.0), (t + h).min(w));
                d.push_str(&format!(
                    "M{:.1} {:.1}L{:.1} {:.1}",
                    x + a,
                    y + a - t,
                    x + b,
                    y + b - t
                ));
                t += STEP;
            }
        }
        "dots" => {
            let mut r = STEP / 2.0;
            while r < h {
                d.push_str(&format!("M{:.1} {:.1}H{:.1}", x + STEP / 2.0, y + r, x + w));
                r += STEP;
            }
        }
        _ => {}
    }
    if !d.is_empty() {
        let stroke = match kind {
            "hatch" => "stroke-width=\"1.6\"".to_string(),
            "cross" => "stroke-width=\"1\"".to_string(),
            // round dots: a dash of nothing with round caps, every STEP
            _ => {
                format!("stroke-width=\"2\" stroke-linecap=\"round\" stroke-dasharray=\"0 {STEP}\"")
            }
        };
        out.push_str(&format!(
            "<path class=\"{kind}\" d=\"{d}\" stroke=\"{fg}\" {stroke} fill=\"none\"/>"
        ));
    }
    out.push_str(&format!(
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"none\" stroke=\"#222\" stroke-width=\"1\"/>"
    ));
    out
}

/// An estimate of the width of `text` at font size `size` (sans-serif).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` cut with "…" to fit `width` (the whole text is in the SVG title).
fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let keep = ((width / (size * 0.6)) as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut = cut.trim_end().to_string();
    cut.push('…');
    cut
}

/// The widths of a bar's segments: in proportion to the counts, but every
/// segment that has points at least `min` wide so its count can be read.
fn segment_widths(counts: &[usize; 4], width: f64, min: f64) -> [f64; 4] {
    let total: usize = counts.iter().sum();
    let mut w = [0.0; 4];
    if total == 0 {
        return w;
    }
    let nonzero = counts.iter().filter(|&&c| c > 0).count() as f64;
    let mut free = width;
    let mut rest_total = 0usize;
    for (i, &c) in counts.iter().enumerate() {
        let share = width * c as f64 / total as f64;
        if c > 0 && share < min {
            w[i] = min;
            free -= min;
        } else {
            rest_total += c;
        }
    }
    let free = free.max(min * nonzero.min(1.0));
    for (i, &c) in counts.iter().enumerate() {
        if c > 0 && w[i] == 0.0 {
            w[i] = free * c as f64 / rest_total.max(1) as f64;
        }
    }
    w
}

/// The chart as inline SVG: a legend, then one stacked bar per row, each
/// segment with its pattern and its count (with the status word when it
/// fits, the symbol otherwise); the row's total at the right.
fn push_chart(out: &mut String, ch: &Chart) {
    const W: f64 = 640.0;
    const LABEL: f64 = 190.0;
    const TOTAL: f64 = 80.0;
    let bar_x = LABEL;
    let bar_w = W - LABEL - TOTAL - 8.0;
    let many = ch.rows.len() > 12;
    let (row_h, bar_h, font) = if many {
        (18.0, 14.0, 9.5)
    } else {
        (30.0, 22.0, 11.0)
    };
    let legend_h = 26.0;
    let height = legend_h + row_h * ch.rows.len() as f64 + 4.0;
    out.push_str(&format!(
        "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {height}\" width=\"{W}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"'DejaVu Sans',system-ui,sans-serif\" font-size=\"{font}\">",
        html_escape(&ch.caption),
        html_escape(&ch.caption)
    ));
    // the legend: a swatch and the symbol and word of each status
    let mut x = 0.0;
    for (i, word) in ch.statuses.iter().enumerate() {
        out.push_str(&format!(
            "{}<text x=\"{}\" y=\"15\" font-size=\"11\">{}</text>",
            svg_box(x, 4.0, 22.0, 14.0, i),
            x + 28.0,
            html_escape(word)
        ));
        x += 28.0 + text_width(word, 11.0) + 22.0;
    }
    let min_seg = if many { 22.0 } else { 28.0 };
    for (r, row) in ch.rows.iter().enumerate() {
        let y = legend_h + row_h * r as f64;
        let mid = y + bar_h / 2.0;
        out.push_str(&format!(
            "<g><title>{}</title><text x=\"0\" y=\"{:.1}\" dominant-baseline=\"central\">{}</text>",
            html_escape(&row.label),
            mid,
            html_escape(&fit(&row.label, LABEL - 8.0, font))
        ));
        let widths = segment_widths(&row.counts, bar_w, min_seg);
        let mut sx = bar_x;
        for (i, &n) in row.counts.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let w = widths[i];
            let symbol_word = &ch.statuses[i];
            let symbol = symbol_word.split(' ').next().unwrap_or("");
            let full = format!(
                "{n} {}",
                symbol_word
                    .split_once(' ')
                    .map_or(symbol_word.as_str(), |(_, w)| w)
            );
            let short = format!("{n} {symbol}");
            let count = n.to_string();
            let label = [full, short, count]
                .into_iter()
                .find(|l| text_width(l, font) + 6.0 <= w)
                .unwrap_or_else(|| n.to_string());
            let lw = text_width(&label, font) + 4.0;
            out.push_str(&format!(
                "<g><title>{n} {}</title>{}<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{lw:.1}\" height=\"{:.1}\" rx=\"2\" fill=\"#fff\" fill-opacity=\"0.9\"/><text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-weight=\"600\">{}</text></g>",
                html_escape(symbol_word),
                svg_box(sx, y, w, bar_h, i),
                sx + (w - lw) / 2.0,
                mid - font * 0.65,
                font * 1.3,
                sx + w / 2.0,
                html_escape(&label)
            ));
            sx += w;
        }
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{mid:.1}\" dominant-baseline=\"central\">{}</text></g>",
            bar_x + bar_w + 8.0,
            html_escape(&fill(&ch.total_word, &[&row.total().to_string()]))
        ));
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_segment_with_points_is_wide_enough_for_its_count() {
        let w = segment_widths(&[88, 1, 1, 1], 370.0, 28.0);
        assert!((w.iter().sum::<f64>() - 370.0).abs() < 0.01, "{w:?}");
        assert!(w.iter().all(|&x| x >= 28.0), "{w:?}");
        assert_eq!(segment_widths(&[0, 0, 0, 0], 370.0, 28.0), [0.0; 4]);
        let w = segment_widths(&[10, 0, 10, 0], 300.0, 28.0);
        assert_eq!(w, [150.0, 0.0, 150.0, 0.0]);
    }

    #[test]
    fn dates_stay_on_one_line_and_other_numbers_do_not_change() {
        assert_eq!(
            no_break_dates("uiterlijk 2026-10-05, ⚠ 2026-11-30 (verlopen)"),
            "uiterlijk <span class=\"nw\">2026-10-05</span>, <span class=\"nw\">⚠ 2026-11-30</span> (verlopen)"
        );
        for same in ["12026-10-05", "2026-10-051", "2026-1-05", "06-12345-67"] {
            assert_eq!(no_break_dates(same), same);
        }
    }

    #[test]
    fn a_css_string_cannot_be_left() {
        assert_eq!(
            css_string("a\"b\\c</style>{}"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\7b \\7d \""
        );
    }

    #[test]
    fn html_escaping() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
