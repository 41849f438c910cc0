//! The one word wrap of the program: by terminal columns (a CJK glyph or
//! an emoji is two, a combining mark none), at spaces, a line break in the
//! text kept as one, a word longer than a line broken between glyphs, never
//! inside one (an emoji of several code points, a letter with its accent,
//! a flag stay whole). Columns are counted per glyph (grapheme) as ratatui
//! counts them when it draws. The screens, the dialogs and the beamer all
//! wrap with it, so what one shows fits the others.

use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `s` takes on a terminal: the sum of its glyphs' widths.
pub fn columns(s: &str) -> usize {
    if plain_ascii(s) {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Whether `s` is printable ASCII only: every byte a glyph one column
/// wide, so columns and glyph boundaries are bytes (most words of a note;
/// the way round grapheme segmentation, the main cost of a frame).
fn plain_ascii(s: &str) -> bool {
    s.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// The longest start of `s` that takes at most `room` columns, and the
/// rest; split between glyphs only.
fn split_at_width(s: &str, room: usize) -> (&str, &str) {
    if plain_ascii(s) {
        return s.split_at(room.min(s.len()));
    }
    let mut used = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = g.width();
        if used + w > room {
            return s.split_at(i);
        }
        used += w;
    }
    (s, "")
}

/// Word-wrap styled pieces of text to `width` columns in at most `max`
/// lines (words keep their piece's style; runs of spaces become one; a
/// `\n` starts a new line); when it is cut, the last line ends in "…".
pub fn wrap_styled(pieces: &[(String, Style)], width: usize, max: usize) -> Vec<Line<'static>> {
    let width = width.max(2);
    let mut lines: Vec<Vec<(String, Style)>> = vec![Vec::new()];
    let mut col = 0;
    for (text, style) in pieces {
        for (k, para) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Vec::new());
                col = 0;
            }
            for word in para.split_whitespace() {
                if col > 0 && col + 1 + columns(word) > width {
                    lines.push(Vec::new());
                    col = 0;
                }
                if col > 0 {
                    lines.last_mut().expect("a line").push((" ".into(), *style));
                    col += 1;
                }
                let mut rest = word;
                while col + columns(rest) > width {
                    let (head, tail) = split_at_width(rest, width - col);
                    if !head.is_empty() {
                        lines
                            .last_mut()
                            .expect("a line")
                            .push((head.into(), *style));
                    }
                    lines.push(Vec::new());
                    col = 0;
                    rest = tail;
                }
                col += columns(rest);
                lines
                    .last_mut()
                    .expect("a line")
                    .push((rest.into(), *style));
            }
        }
    }
    if lines.last().is_some_and(|l| l.is_empty()) && lines.len() > 1 {
        lines.pop();
    }
    if lines.len() > max && max > 0 {
        lines.truncate(max);
        end_in_ellipsis(lines.last_mut().expect("a line"), width);
    }
    lines
        .into_iter()
        .map(|l| {
            Line::from(
                l.into_iter()
                    .map(|(t, s)| Span::styled(t, s))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// Make room for "…" at the end of a line of `width` columns, and add it.
fn end_in_ellipsis(last: &mut Vec<(String, Style)>, width: usize) {
    let mut len: usize = last.iter().map(|(t, _)| columns(t)).sum();
    while len + 1 > width {
        let Some((t, _)) = last.last_mut() else { break };
        // the last glyph goes whole
        match t.grapheme_indices(true).next_back() {
            Some((i, g)) => {
                len -= g.width();
                t.truncate(i);
            }
            None => {
                last.pop();
            }
        }
    }
    // a cut line does not end in a blank before its "…"
    if let Some((t, _)) = last.last_mut() {
        let kept = t.trim_end().len();
        t.truncate(kept);
    }
    let style = last.last().map(|(_, s)| *s).unwrap_or_default();
    last.push(("…".into(), style));
}

/// Word-wrap `text` to `width` columns in at most `max` lines; when it is
/// cut, the last line ends in "…". Words longer than a line are broken.
pub fn wrap_cut(text: &str, width: usize, max: usize) -> Vec<String> {
    wrap_styled(&[(text.to_string(), Style::default())], width, max)
        .into_iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// Rows that `text` takes when word-wrapped at `width` (exactly as
/// [`wrap_styled`] wraps it).
pub fn wrapped_rows(text: &str, width: usize) -> usize {
    wrap_styled(&[(text.to_string(), Style::default())], width, usize::MAX).len()
}

/// Where a line of an editor breaks when it is wrapped to `width` columns,
/// as [`wrap_styled`] breaks words (at spaces, by terminal columns, a word
/// longer than a row broken between glyphs), but keeping every character:
/// byte ranges, one per row, that cover the whole line. The spaces at a
/// break stay at the end of their row (past its edge if need be), so no
/// row but the first starts with a space.
pub fn wrap_ranges(line: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let (mut start, mut col) = (0, 0);
    let mut rest = line;
    while !rest.is_empty() {
        let at = line.len() - rest.len();
        let space = rest.starts_with(' ');
        let n = rest
            .find(|c: char| (c == ' ') != space)
            .unwrap_or(rest.len());
        let (token, tail) = rest.split_at(n);
        rest = tail;
        if space {
            col += columns(token);
            continue;
        }
        if col > 0 && col + columns(token) > width {
            rows.push(start..at);
            (start, col) = (at, 0);
        }
        let mut word = token;
        while col + columns(word) > width {
            let (head, _) = split_at_width(word, width - col);
            // a glyph wider than the row still takes a row of its own
            let head = if head.is_empty() && col == 0 {
                let c = word.graphemes(true).next().map_or(0, str::len);
                if c == word.len() {
                    break;
                }
                &word[..c]
            } else {
                head
            };
            let end = line.len() - rest.len() - word.len() + head.len();
            if end > start {
                rows.push(start..end);
            }
            (start, col) = (end, 0);
            word = &word[head.len()..];
        }
        col += columns(word);
    }
    if start < line.len() || rows.is_empty() {
        rows.push(start..line.len());
    }
    rows
}

/// Text as it is drawn in `width` columns: every line broken where
/// [`wrap_ranges`] breaks it (at spaces, by terminal columns, a word longer
/// than a row between glyphs), each row keeping its spans' styles and its
/// line's style and alignment. A row's spaces at a break are dropped, the
/// first row's indentation kept. Every screen, dialog and beamer view draws
/// wrapped text through this, and counts its rows with it, so what is
/// measured is what is drawn.
pub fn wrap_text<'a>(text: impl Into<Text<'a>>, width: u16) -> Text<'static> {
    let text = text.into();
    let mut out = Text::default().style(text.style);
    out.alignment = text.alignment;
    for line in &text.lines {
        out.lines.extend(wrap_line(line, width as usize));
    }
    out
}

/// The rows of one line in `width` columns (see [`wrap_text`]).
pub fn wrap_line(line: &Line<'_>, width: usize) -> Vec<Line<'static>> {
    let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let mut rows = Vec::new();
    let mut at = 0;
    for part in plain.split('\n') {
        for r in wrap_ranges(part, width) {
            let (start, end) = (at + r.start, at + r.end);
            let kept = plain[start..end].trim_end_matches(' ').len();
            rows.push(row_of(line, start, start + kept));
        }
        at += part.len() + 1;
    }
    rows
}

/// The part `start..end` (bytes of the line's text) of a line, with its
/// spans' styles.
fn row_of(line: &Line<'_>, start: usize, end: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut at = 0;
    for s in &line.spans {
        let (from, to) = (at, at + s.content.len());
        at = to;
        let (a, b) = (start.max(from), end.min(to));
        if a < b {
            spans.push(Span::styled(
                s.content[a - from..b - from].to_string(),
                s.style,
            ));
        }
    }
    let mut row = Line::from(spans).style(line.style);
    row.alignment = line.alignment;
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_by_display_width_and_loses_no_word() {
        let t = "华人社区协会 Rotterdam vindt de nieuwbouwplannen zijn al vastgelegd";
        let lines = wrap_cut(t, 20, 10);
        for l in &lines {
            assert!(l.width() <= 20, "{l:?} is {} columns", l.width());
            assert!(!l.starts_with(' '), "{l:?}");
        }
        assert_eq!(lines.join(" "), t, "every word, in order");
        assert_eq!(lines[0], "华人社区协会");
    }

    #[test]
    fn a_line_break_is_a_line_and_a_long_word_breaks_between_glyphs() {
        assert_eq!(wrap_cut("eerste\ntweede", 40, 9), ["eerste", "tweede"]);
        assert_eq!(wrap_cut("a\n\nb", 40, 9), ["a", "", "b"]);
        assert_eq!(wrapped_rows("eerste\ntweede regel", 40), 2);
        assert_eq!(wrap_cut("社区协会社区", 5, 9), ["社区", "协会", "社区"]);
        assert_eq!(wrap_cut("abcdefgh", 3, 9), ["abc", "def", "gh"]);
    }

    #[test]
    fn a_cut_ends_in_an_ellipsis_within_the_width() {
        let lines = wrap_cut("een twee drie vier vijf zes zeven", 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines[1].width() <= 9);
        let cjk = wrap_cut("社区协会 社区协会 社区协会", 8, 1);
        assert_eq!(cjk, ["社区协…"]);
    }

    #[test]
    fn styled_pieces_keep_their_style() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let lines = wrap_styled(
            &[("Status:".into(), Style::default()), ("OPEN".into(), bold)],
            40,
            1,
        );
        assert_eq!(text(&lines), ["Status: OPEN"]);
        assert_eq!(lines[0].spans.last().unwrap().style, bold);
    }

    fn rows(line: &str, width: usize) -> Vec<&str> {
        wrap_ranges(line, width)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn editor_rows_keep_every_character_and_break_where_words_do() {
        let t = "een deel (Kadebuurt). 华人社区协会 ok";
        assert_eq!(
            rows(t, 12),
            ["een deel ", "(Kadebuurt). ", "华人社区协会 ", "ok"]
        );
        assert_eq!(rows(t, 12).concat(), t);
        assert_eq!(rows("", 5), [""]);
        assert_eq!(rows("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(rows("a  b", 1), ["a  ", "b"]);
        assert_eq!(rows("华人", 1), ["华", "人"], "a glyph wider than a row");
        assert_eq!(rows("ab 华人社区", 5), ["ab ", "华人", "社区"]);
        for w in 1..30 {
            let r = rows(t, w);
            assert_eq!(r.concat(), t, "{w}");
            for row in &r[1..] {
                assert!(!row.starts_with(' '), "{w}: {r:?}");
            }
            for row in &r {
                assert!(row.trim_end().width() <= w.max(2), "{w}: {r:?}");
            }
        }
        // the same rows as the program's wrap, but for the kept spaces
        let words: Vec<String> = rows(t, 14)
            .iter()
            .map(|r| r.trim_end().to_string())
            .collect();
        assert_eq!(words, wrap_cut(t, 14, 99));
    }

    #[test]
    fn wrapped_text_is_whole_or_ends_in_an_ellipsis() {
        assert_eq!(wrap_cut("een twee drie", 8, 3), vec!["een twee", "drie"]);
        assert_eq!(wrap_cut("een twee drie", 8, 1), vec!["een twe…"]);
        // a word longer than a line is broken, never lost
        assert_eq!(wrap_cut("abcdefghij", 4, 5), vec!["abcd", "efgh", "ij"]);
        for max in 1..4 {
            for line in wrap_cut("één twee drie vier vijf zes zeven", 7, max) {
                assert!(columns(&line) <= 7, "{line:?}");
            }
        }
    }

    /// Counted in chars, "😀😀😀😀" would be four and fit in four columns;
    /// it takes eight. Emoji of several code points (a family joined by
    /// ZWJ, a heart with its emoji selector, a flag) are one glyph, two
    /// columns, and never broken.
    #[test]
    fn wide_glyphs_and_emoji_wrap_by_their_columns_and_stay_whole() {
        assert_eq!(wrap_cut("😀😀😀😀😀", 4, 9), ["😀😀", "😀😀", "😀"]);
        assert_eq!(
            wrap_cut("社区 😀 协会 🏠", 5, 9),
            ["社区", "😀", "协会", "🏠"]
        );
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(columns(family), 2);
        assert_eq!(
            wrap_cut(&format!("{family}{family}{family}"), 4, 9),
            [format!("{family}{family}"), family.to_string()]
        );
        let heart = "❤\u{fe0f}";
        assert_eq!(wrap_cut(&heart.repeat(3), 2, 9), [heart; 3]);
        assert_eq!(wrap_cut("🇳🇱🇧🇪🇩🇪", 4, 9), ["🇳🇱🇧🇪", "🇩🇪"]);
        // a cut: the ellipsis after whole glyphs, within the width
        assert_eq!(wrap_cut("😀😀😀 😀😀😀", 6, 1), ["😀😀…"]);
        let text = "Bewoners 华人社区协会 🏠🏠 zeggen ❤\u{fe0f} voor het plein 🇳🇱";
        for w in 2..30 {
            for max in [1, 2, 99] {
                for l in wrap_cut(text, w, max) {
                    assert!(
                        columns(&l) <= w,
                        "{w}/{max}: {l:?} is {} columns",
                        columns(&l)
                    );
                }
            }
            let r = rows(text, w);
            assert_eq!(r.concat(), text, "{w}");
            for row in &r {
                assert!(columns(row.trim_end()) <= w.max(2), "{w}: {r:?}");
            }
        }
    }

    #[test]
    fn wrapped_text_keeps_styles_indentation_and_alignment() {
        let bold = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let line = Line::from(vec![
            Span::raw("  Wie: "),
            Span::styled("Gemeente Voorbeeldstad", bold),
            Span::raw(" en 华人社区"),
        ])
        .alignment(ratatui::layout::Alignment::Center);
        let t = wrap_text(line, 16);
        let rows = text(&t.lines);
        assert_eq!(rows, ["  Wie: Gemeente", "Voorbeeldstad en", "华人社区"]);
        assert!(t.lines.iter().all(|l| l.width() <= 16));
        assert_eq!(t.lines[0].spans[1].style, bold, "{:?}", t.lines[0]);
        assert_eq!(t.lines[1].spans[0].style, bold);
        assert_eq!(t.lines[1].spans[0].content, "Voorbeeldstad");
        assert!(
            t.lines
                .iter()
                .all(|l| l.alignment == Some(ratatui::layout::Alignment::Center))
        );
        // a long word breaks between glyphs; an empty line stays a row
        assert_eq!(text(&wrap_text("abcdefgh", 3).lines), ["abc", "def", "gh"]);
        assert_eq!(
            wrap_text(vec![Line::default(), Line::from("x")], 5)
                .lines
                .len(),
            2
        );
    }

    #[test]
    fn plain_ascii_is_measured_as_every_other_text() {
        for t in ["abc def", "a  b", "x~y", "", "é", "a\tb", "社区 ok"] {
            let slow: usize = t.graphemes(true).map(UnicodeWidthStr::width).sum();
            assert_eq!(columns(t), slow, "{t:?}");
        }
        assert_eq!(split_at_width("abcdef", 4), ("abcd", "ef"));
        assert_eq!(split_at_width("abc", 9), ("abc", ""));
        assert_eq!(split_at_width("ab社区", 3), ("ab", "社区"));
    }
}
