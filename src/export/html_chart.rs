//! The status chart of the HTML minutes as inline SVG (issue 15): one
//! stacked bar per row, each status with a colour and a pattern so it also
//! reads in black and white. One SVG element a line (white space between
//! elements draws nothing; none is written inside a `<text>`), so that a
//! change of the chart is a readable diff.

use super::chart::Chart;
use super::html::html_escape;
use crate::i18n::fill;

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
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{bg}\"/>\n"
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
            "<path class=\"{kind}\" d=\"{d}\" stroke=\"{fg}\" {stroke} fill=\"none\"/>\n"
        ));
    }
    out.push_str(&format!(
        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"none\" stroke=\"#222\" stroke-width=\"1\"/>\n"
    ));
    out
}

/// An estimate of the width of `text` at font size `size` (sans-serif).
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// A row's label, whole (never cut): on one line when it fits, else on
/// two lines split at the space nearest its middle, each line narrowed to
/// the room (SVG `textLength`) when it is still too wide.
fn label_svg(text: &str, width: f64, size: f64, mid: f64) -> String {
    let line = |t: &str, y: f64, size: f64| {
        let squeeze = if text_width(t, size) > width {
            format!(" textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\"")
        } else {
            String::new()
        };
        format!(
            "<text x=\"0\" y=\"{y:.1}\" dominant-baseline=\"central\" font-size=\"{size:.1}\"{squeeze}>{}</text>\n",
            html_escape(t)
        )
    };
    if text_width(text, size) <= width {
        return line(text, mid, size);
    }
    let half = text.chars().count() / 2;
    let split = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .min_by_key(|&(i, _)| text[..i].chars().count().abs_diff(half))
        .map(|(i, _)| i);
    match split {
        Some(i) => {
            let small = size * 0.85;
            line(&text[..i], mid - small * 0.55, small)
                + &line(text[i + 1..].trim_start(), mid + small * 0.55, small)
        }
        None => line(text, mid, size),
    }
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
pub(super) fn push_chart(out: &mut String, ch: &Chart) {
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
        "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {height}\" width=\"{W}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"'DejaVu Sans',system-ui,sans-serif\" font-size=\"{font}\">\n",
        html_escape(&ch.caption),
        html_escape(&ch.caption)
    ));
    // the legend: a swatch and the symbol and word of each status
    let mut x = 0.0;
    for (i, word) in ch.statuses.iter().enumerate() {
        out.push_str(&format!(
            "{}<text x=\"{:.1}\" y=\"15\" font-size=\"11\">{}</text>\n",
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
            "<g><title>{}</title>\n{}",
            html_escape(&row.label),
            label_svg(&row.label, LABEL - 8.0, font, mid)
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
                "<g><title>{n} {}</title>\n{}<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{lw:.1}\" height=\"{:.1}\" rx=\"2\" fill=\"#fff\" fill-opacity=\"0.9\"/>\n<text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"middle\" dominant-baseline=\"central\" font-weight=\"600\">{}</text>\n</g>\n",
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
            "<text x=\"{:.1}\" y=\"{mid:.1}\" dominant-baseline=\"central\">{}</text>\n</g>\n",
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
    fn a_label_is_never_cut() {
        let short = label_svg("2 Initiëren", 182.0, 11.0, 10.0);
        assert!(short.contains(">2 Initiëren</text>") && !short.contains("textLength"));
        let long = "Bijeenkomst 12 · 14 september 2026 (extra lang)";
        let svg = label_svg(long, 182.0, 11.0, 10.0);
        assert!(!svg.contains('…'), "{svg}");
        assert_eq!(svg.matches("<text").count(), 2, "two lines: {svg}");
        let words: String = svg
            .split('>')
            .filter_map(|p| p.strip_suffix("</text"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(words, long, "every word");
    }

    #[test]
    fn every_segment_with_points_is_wide_enough_for_its_count() {
        let w = segment_widths(&[88, 1, 1, 1], 370.0, 28.0);
        assert!((w.iter().sum::<f64>() - 370.0).abs() < 0.01, "{w:?}");
        assert!(w.iter().all(|&x| x >= 28.0), "{w:?}");
        assert_eq!(segment_widths(&[0, 0, 0, 0], 370.0, 28.0), [0.0; 4]);
        let w = segment_widths(&[10, 0, 10, 0], 300.0, 28.0);
        assert_eq!(w, [150.0, 0.0, 150.0, 0.0]);
    }
}
