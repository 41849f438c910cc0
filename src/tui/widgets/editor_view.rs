//! An editor's text on screen, wrapped as the rest of the program wraps
//! (issue 25): at spaces, by terminal columns, a word broken only when it
//! is longer than a row ([`wrap_ranges`]). ratatui-textarea's own wrapping
//! breaks at every Unicode word boundary ("deel (" / "Kadebuurt).") and
//! starts rows with the space it broke at; so the editor keeps the text,
//! the cursor and the keys, and this draws it. Only the rows around the
//! cursor are wrapped, so a frame costs what the window shows (and the
//! cursor's own line), not the whole text. `↑` and `↓` move by these rows.

use std::cell::Cell;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthStr;

use super::popup::clear;
use crate::tui::theme::Theme;
use crate::view::wrap::wrap_ranges;

thread_local! {
    /// The width of the editor with focus when it was last drawn (0: not yet).
    static WIDTH: Cell<u16> = const { Cell::new(0) };
}

/// A row on screen: a part of one of the editor's lines.
struct Row {
    line: usize,
    range: Range<usize>,
}

/// The byte offset of character `col` in `line`.
fn byte_of(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

/// The row of `ranges` that holds byte `at` (at a break: the later row).
fn row_of(ranges: &[Range<usize>], at: usize) -> usize {
    ranges.iter().rposition(|r| r.start <= at).unwrap_or(0)
}

/// The rows around the cursor, enough to fill `height` above and below it,
/// and which of them holds the cursor.
fn rows_around(ta: &TextArea<'_>, width: usize, height: usize) -> (Vec<Row>, usize) {
    let lines = ta.lines();
    let (crow, ccol) = (ta.cursor().0, ta.cursor().1);
    let rows_of = |l: usize| {
        wrap_ranges(&lines[l], width)
            .into_iter()
            .map(move |range| Row { line: l, range })
    };
    let mut above: Vec<Row> = Vec::new();
    for l in (0..crow).rev() {
        if above.len() >= height {
            break;
        }
        let mut r: Vec<Row> = rows_of(l).collect();
        r.append(&mut above);
        above = r;
    }
    let here: Vec<Row> = rows_of(crow).collect();
    let ranges: Vec<Range<usize>> = here.iter().map(|r| r.range.clone()).collect();
    let at = above.len() + row_of(&ranges, byte_of(&lines[crow], ccol));
    let mut rows = above;
    rows.extend(here);
    for l in crow + 1..lines.len() {
        if rows.len() > at + height {
            break;
        }
        rows.extend(rows_of(l));
    }
    (rows, at)
}

/// Whether the editor's text goes on beyond the rows it shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    pub above: bool,
    pub below: bool,
}

/// Draw the editor's text in `area` in the theme's colours; `cursor` (when
/// it has focus) is the style of the cursor's cell. Says whether text is
/// out of view above or below, for the frame to show it.
pub fn draw(
    ta: &TextArea<'_>,
    f: &mut Frame,
    area: Rect,
    cursor: Option<Style>,
    th: &Theme,
) -> Hidden {
    let area = area.intersection(f.area());
    clear(f, area, th);
    let (base, selected) = (th.base, th.selected);
    if area.width == 0 || area.height == 0 {
        return Hidden::default();
    }
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    if cursor.is_some() {
        WIDTH.with(|w| w.set(area.width));
    }
    let (rows, at) = rows_around(ta, width, height);
    let top = at.saturating_sub(height - 1);
    let lines = ta.lines();
    let hidden = Hidden {
        above: top > 0,
        below: rows.len() > top + height || rows.last().is_some_and(|r| r.line + 1 < lines.len()),
    };
    let selection = ta.selection_range();
    let buf = f.buffer_mut();
    for (i, row) in rows.iter().skip(top).take(height).enumerate() {
        let y = area.y + i as u16;
        let text = &lines[row.line][row.range.clone()];
        buf.set_stringn(area.x, y, text, width, base);
        if let Some(((sr, sc), (er, ec))) = selection {
            let first = lines[row.line][..row.range.start].chars().count();
            let mut x = 0;
            for (k, c) in text.chars().enumerate() {
                let pos = (row.line, first + k);
                let w = c.to_string().width();
                if pos >= (sr, sc) && pos < (er, ec) && x + w <= width {
                    buf.set_style(Rect::new(area.x + x as u16, y, w as u16, 1), selected);
                }
                x += w;
            }
        }
        if let (Some(style), true) = (cursor, top + i == at) {
            let line = &lines[row.line];
            let upto = byte_of(line, ta.cursor().1).max(row.range.start);
            let x = line[row.range.start..upto].width().min(width - 1);
            buf.set_style(Rect::new(area.x + x as u16, y, 1, 1), style);
        }
    }
    hidden
}

/// `↑` (`down` false) or `↓` in the editor with focus: to the row above or
/// below as drawn, at the same column or the end of a shorter row. False
/// when there is no such row, or the editor was not drawn yet (then the
/// editor's own move applies).
pub fn move_row(ta: &mut TextArea<'static>, down: bool) -> bool {
    let width = usize::from(WIDTH.with(Cell::get));
    if width == 0 {
        return false;
    }
    let lines = ta.lines();
    let (crow, ccol) = (ta.cursor().0, ta.cursor().1);
    let here = wrap_ranges(&lines[crow], width);
    let byte = byte_of(&lines[crow], ccol);
    let k = row_of(&here, byte);
    let x = lines[crow][here[k].start..byte].width();
    let (line, ranges, r) = if down && k + 1 < here.len() {
        (crow, here, k + 1)
    } else if down && crow + 1 < lines.len() {
        (crow + 1, wrap_ranges(&lines[crow + 1], width), 0)
    } else if !down && k > 0 {
        (crow, here, k - 1)
    } else if !down && crow > 0 {
        let above = wrap_ranges(&lines[crow - 1], width);
        let last = above.len() - 1;
        (crow - 1, above, last)
    } else {
        return false;
    };
    let text = &lines[line];
    let range = ranges[r].clone();
    let is_last = r + 1 == ranges.len();
    // the column `x` of that row, or its end (before the break, so that
    // the cursor stays on that row)
    let mut target = range.start;
    let mut used = 0;
    for (i, c) in text[range.clone()].char_indices() {
        let w = c.to_string().width();
        if used + w > x {
            break;
        }
        used += w;
        target = range.start + i + c.len_utf8();
    }
    if !is_last && target == range.end {
        target = text[..range.end]
            .char_indices()
            .last()
            .map_or(range.start, |(i, _)| i.max(range.start));
    }
    let col = text[..target].chars().count();
    match (u16::try_from(line), u16::try_from(col)) {
        (Ok(l), Ok(c)) => {
            ta.move_cursor(CursorMove::Jump(l, c));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::editor::editor;

    #[test]
    fn up_and_down_follow_the_rows_as_drawn() {
        WIDTH.with(|w| w.set(12));
        // rows: "een deel " / "(Kadebuurt). " / "华人社区协会 " / "ok"
        let mut ta = editor("een deel (Kadebuurt). 华人社区协会 ok\ntweede");
        ta.move_cursor(CursorMove::Jump(0, 2));
        assert!(move_row(&mut ta, true));
        assert_eq!((ta.cursor().0, ta.cursor().1), (0, 11), "( K at column 2");
        assert!(move_row(&mut ta, true));
        assert_eq!((ta.cursor().0, ta.cursor().1), (0, 23), "华 is two columns");
        assert!(move_row(&mut ta, true));
        assert_eq!((ta.cursor().0, ta.cursor().1), (0, 31), "the end of \"ok\"");
        assert!(move_row(&mut ta, true));
        assert_eq!((ta.cursor().0, ta.cursor().1), (1, 2));
        assert!(!move_row(&mut ta, true));
        assert!(move_row(&mut ta, false));
        assert_eq!((ta.cursor().0, ta.cursor().1), (0, 31));
        assert!(move_row(&mut ta, false));
        assert_eq!((ta.cursor().0, ta.cursor().1), (0, 23));
        WIDTH.with(|w| w.set(0));
    }
}
