//! Key hints from the key table, for the footer of a screen or the bottom
//! line of a dialog. A hint is shown whole or not at all: when the line is
//! too narrow, hints are dropped from the end, but the help and the way out
//! ([`Keep::Always`]) always stay.

use ratatui::text::{Line, Span};

use crate::i18n::Strings;
use crate::tui::keys::{self, Ctx, Keep};
use crate::tui::theme::Theme;

const SEP: &str = " · ";

fn width(key: &str, text: &str) -> usize {
    use unicode_width::UnicodeWidthStr;
    key.width() + 1 + text.width()
}

/// The hints of `ctx` that fit in `room` columns, in table order, with the
/// ones that must stay at the end. `scrolls`: whether the content scrolls
/// (then the scroll keys are shown).
pub fn fitting(
    ctx: Ctx,
    s: &Strings,
    room: usize,
    scrolls: bool,
) -> Vec<(&'static str, &'static str)> {
    let all: Vec<_> = keys::footer(ctx, s)
        .into_iter()
        .filter(|(_, _, keep)| scrolls || *keep != Keep::IfScrolls)
        .collect();
    let kept: Vec<_> = all.iter().filter(|h| h.2 == Keep::Always).collect();
    let sep = SEP.chars().count();
    let mut used: usize =
        kept.iter().map(|h| width(h.0, h.1)).sum::<usize>() + sep * kept.len().saturating_sub(1);
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for (key, text, keep) in &all {
        if *keep == Keep::Always {
            continue;
        }
        let w = width(key, text) + sep;
        if used + w > room {
            break;
        }
        used += w;
        shown.push((key, text));
    }
    shown.extend(kept.iter().map(|h| (h.0, h.1)));
    shown
}

/// The hints of `ctx` over at most `rows` lines of `room` columns: as many
/// as fit, in table order, filling the first line before the next; the
/// ones that must stay at the end of the last. One line when all fit.
pub fn fitting_rows(
    ctx: Ctx,
    s: &Strings,
    room: usize,
    rows: usize,
    scrolls: bool,
) -> Vec<Vec<(&'static str, &'static str)>> {
    let all: Vec<_> = keys::footer(ctx, s)
        .into_iter()
        .filter(|(_, _, keep)| scrolls || *keep != Keep::IfScrolls)
        .collect();
    let one = fitting(ctx, s, room, scrolls);
    if rows <= 1 || one.len() == all.len() {
        return vec![one];
    }
    let sep = SEP.chars().count();
    let kept: Vec<_> = all.iter().filter(|h| h.2 == Keep::Always).collect();
    let kept_w: usize = kept
        .iter()
        .map(|h| width(h.0, h.1) + sep)
        .sum::<usize>()
        .saturating_sub(sep);
    // the room of line `i` (the last keeps room for the hints that stay)
    let cap = |i: usize| {
        if i + 1 == rows {
            room.saturating_sub(kept_w + sep)
        } else {
            room
        }
    };
    let mut lines: Vec<Vec<(&'static str, &'static str)>> = vec![Vec::new()];
    let mut used = 0;
    for (key, text, keep) in &all {
        if *keep == Keep::Always {
            continue;
        }
        let w = width(key, text);
        let gap = if used == 0 { 0 } else { sep };
        if used + gap + w <= cap(lines.len() - 1) {
            used += gap + w;
        } else if lines.len() < rows && w <= cap(lines.len()) {
            lines.push(Vec::new());
            used = w;
        } else {
            break;
        }
        lines.last_mut().expect("a line").push((key, text));
    }
    while lines.len() < rows {
        lines.push(Vec::new());
    }
    lines
        .last_mut()
        .expect("a line")
        .extend(kept.iter().map(|h| (h.0, h.1)));
    lines
}

/// The hints of `ctx` as up to `rows` lines (see [`fitting_rows`]).
pub fn hint_lines(
    ctx: Ctx,
    s: &Strings,
    room: u16,
    rows: usize,
    scrolls: bool,
    th: &Theme,
) -> Vec<Line<'static>> {
    fitting_rows(ctx, s, room as usize, rows, scrolls)
        .into_iter()
        .map(|hints| styled(hints, th))
        .collect()
}

fn styled(hints: Vec<(&'static str, &'static str)>, th: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (key, text)) in hints.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEP, th.dim));
        }
        spans.push(Span::styled(key, th.focus));
        spans.push(Span::styled(format!(" {text}"), th.dim));
    }
    Line::from(spans)
}

/// How many rows (1 or 2) the hints of `ctx` take in `room` columns.
pub fn hint_rows(ctx: Ctx, s: &Strings, room: u16) -> u16 {
    fitting_rows(ctx, s, room as usize, 2, false).len() as u16
}

/// Draw the hints of `ctx` in `area` (its rows, one or two; see [`hint_rows`]).
pub fn render_hints(
    f: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    ctx: Ctx,
    s: &Strings,
    th: &Theme,
) {
    let lines = hint_lines(ctx, s, area.width, area.height as usize, false, th);
    f.render_widget(ratatui::widgets::Paragraph::new(lines), area);
}

/// The hint line of `ctx` for `room` columns.
pub fn hint_line(ctx: Ctx, s: &Strings, room: u16, scrolls: bool, th: &Theme) -> Line<'static> {
    styled(fitting(ctx, s, room as usize, scrolls), th)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn line_width(hints: &[(&str, &str)]) -> usize {
        hints.iter().map(|(k, t)| width(k, t)).sum::<usize>()
            + SEP.chars().count() * hints.len().saturating_sub(1)
    }

    #[test]
    fn narrow_footers_drop_whole_hints_and_keep_help_and_the_way_out() {
        for lang in [Lang::Nl, Lang::En] {
            let s = lang.strings();
            for room in [30, 50, 78, 120, 158] {
                let hints = fitting(Ctx::Main, s, room, false);
                assert!(line_width(&hints) <= room, "{room}: {hints:?}");
                let keys: Vec<&str> = hints.iter().map(|h| h.0).collect();
                assert!(
                    keys.contains(&"?") && keys.contains(&"q"),
                    "{room}: {keys:?}"
                );
            }
            let wide = fitting(Ctx::Main, s, 400, false);
            assert!(wide.len() > fitting(Ctx::Main, s, 78, false).len());
        }
    }

    #[test]
    fn scroll_keys_show_only_when_the_text_scrolls() {
        let s = Lang::Nl.strings();
        assert!(
            !fitting(Ctx::Reading, s, 80, false)
                .iter()
                .any(|h| h.0 == "↑↓")
        );
        assert!(
            fitting(Ctx::Reading, s, 80, true)
                .iter()
                .any(|h| h.0 == "↑↓")
        );
    }
}
