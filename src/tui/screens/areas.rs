//! The home screen with more than one session (issue 30): the areas of the
//! store, where each stands, sortable (`s`: area, block, last workshop,
//! overdue) and filtered by municipality (`m`); the selected area's facts
//! in full beside or under the list; `Enter` opens its session as before.
//! Nothing is cut: a row too wide for the screen goes on a second line,
//! the list scrolls.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    List, ListItem, ListState, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};
use unicode_width::UnicodeWidthStr;

use crate::export::overview as words;
use crate::i18n::{Lang, fill};
use crate::overview::{AreaSummary, SortKey};
use crate::tui::app::App;
use crate::tui::keys::Ctx;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::status::flash_line;

pub use crate::tui::session_view::{AreasView, Row};

/// The word of a sort order.
fn sort_word(k: SortKey, lang: Lang) -> &'static str {
    let o = lang.overview();
    match k {
        SortKey::Area => o.sort_area,
        SortKey::Block => o.sort_block,
        SortKey::LastWorkshop => o.sort_last,
        SortKey::Overdue => o.sort_overdue,
    }
}

/// Pieces laid out on lines of `width`: a piece that does not fit on the
/// line goes to the next (indented by `indent`); a piece wider than a
/// line is laid out word by word, and a word wider than a line is broken
/// between characters. Nothing is left out.
pub fn flow(pieces: Vec<(String, Style)>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(indent + 8);
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    let mut used = 0;
    for (text, style) in pieces {
        let w = text.width();
        if used + w <= width {
            lines
                .last_mut()
                .unwrap()
                .push_span(Span::styled(text, style));
            used += w;
        } else if w <= width - indent {
            lines.push(Line::from(" ".repeat(indent)));
            lines
                .last_mut()
                .unwrap()
                .push_span(Span::styled(text, style));
            used = indent + w;
        } else {
            for word in text.split_inclusive(' ') {
                put_word(&mut lines, &mut used, word, style, width, indent);
            }
        }
    }
    lines
}

/// One word of a long piece: on this line, the next, or broken.
fn put_word(
    lines: &mut Vec<Line<'static>>,
    used: &mut usize,
    word: &str,
    style: Style,
    width: usize,
    indent: usize,
) {
    let w = word.trim_end().width();
    if *used > indent && *used + w > width {
        lines.push(Line::from(" ".repeat(indent)));
        *used = indent;
    }
    let mut chunk = String::new();
    for c in word.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if *used + cw > width && c != ' ' {
            let done = std::mem::take(&mut chunk);
            lines
                .last_mut()
                .unwrap()
                .push_span(Span::styled(done, style));
            lines.push(Line::from(" ".repeat(indent)));
            *used = indent;
        }
        chunk.push(c);
        *used += cw;
    }
    lines
        .last_mut()
        .unwrap()
        .push_span(Span::styled(chunk, style));
}

/// A cell padded to `w` columns (never cut: wider text stays whole).
fn pad(text: &str, w: usize) -> String {
    let n = text.width();
    format!("{text}{}", " ".repeat(w.saturating_sub(n) + 2))
}

/// The list's rows as items, each on as many lines as it needs.
fn items(app: &App, rows: &[Row], width: usize, th: &Theme) -> Vec<ListItem<'static>> {
    let r = app.areas().report.as_ref().expect("active");
    let lang = app.lang();
    let areas = &r.overview.areas;
    let widest = |f: &dyn Fn(&AreaSummary) -> String, cap: usize| {
        rows.iter()
            .filter_map(|row| match row {
                Row::Area(i) => Some(f(&areas[*i]).width()),
                Row::Unreadable(_) => None,
            })
            .max()
            .unwrap_or(0)
            .min(cap)
    };
    let wn = widest(&|a| safe_line(a.label()).into_owned(), width / 4);
    let wm = widest(&|a| safe_line(&a.municipality).into_owned(), width / 5);
    let wb = widest(
        &|a| {
            a.blocks
                .get(a.block_reached)
                .map_or(String::new(), |b| b.id.clone())
        },
        6,
    );
    let wd = widest(&|a| words::decision_text(a, lang), 24);
    let wl = widest(&|a| words::last_text(a, lang), 12);
    rows.iter()
        .enumerate()
        .map(|(k, row)| {
            let sel = k == app.home_sel;
            let name_style = if sel { th.selected } else { th.base };
            let pieces = match *row {
                Row::Area(i) => {
                    let a = &areas[i];
                    let block = a
                        .blocks
                        .get(a.block_reached)
                        .map_or(String::new(), |b| b.id.clone());
                    let overdue = if a.overdue() {
                        (format!("⚠ {}", lang.overview().overdue), th.bad)
                    } else {
                        (String::new(), th.base)
                    };
                    vec![
                        (pad(&safe_line(a.label()), wn), name_style),
                        (pad(&safe_line(&a.municipality), wm), th.base),
                        (pad(&block, wb), th.dim),
                        (pad(&words::decision_text(a, lang), wd), th.title),
                        (pad(&words::last_text(a, lang), wl), th.dim),
                        overdue,
                    ]
                }
                Row::Unreadable(i) => {
                    let x = &r.unreadable[i];
                    vec![
                        (format!("{}  ", safe_line(&x.path)), name_style),
                        (format!("⚠ {}", safe_line(&x.reason)), th.bad),
                    ]
                }
            };
            ListItem::new(Text::from(flow(pieces, width, 4)))
        })
        .collect()
}

/// The selected area's facts in full, laid out on `width`; `roomy` puts
/// each block's progress on a line of its own.
fn details(
    app: &App,
    row: Option<Row>,
    width: usize,
    roomy: bool,
    th: &Theme,
) -> Vec<Line<'static>> {
    let (Some(r), Some(Row::Area(i))) = (app.areas().report.as_ref(), row) else {
        return vec![];
    };
    let a = &r.overview.areas[i];
    let lang = app.lang();
    let o = lang.overview();
    let mut out = Vec::new();
    let fact = |pairs: &[(&str, String, Style)]| {
        let mut pieces = Vec::new();
        for (k, (key, v, style)) in pairs.iter().enumerate() {
            // the separator ends the piece before: a line never starts with it
            let sep = if k + 1 < pairs.len() { " · " } else { "" };
            pieces.push((format!("{key}: "), th.dim));
            // an empty field says so
            let v = if v.trim().is_empty() {
                "—"
            } else {
                v.as_str()
            };
            pieces.push((format!("{}{sep}", safe_line(v)), *style));
        }
        flow(pieces, width, 2)
    };
    if roomy {
        out.extend(fact(&[(o.area, a.label().to_string(), th.title)]));
        out.extend(fact(&[(o.municipality, a.municipality.clone(), th.base)]));
    }
    out.extend(fact(&[(o.facilitator, a.facilitator.clone(), th.base)]));
    if a.framework_id != r.overview.standard_id {
        out.extend(fact(&[(o.framework, words::framework_text(a), th.warn)]));
    }
    let progress = words::progress_lines(a, lang);
    if roomy {
        out.extend(fact(&[(o.block, a.block_label(), th.base)]));
        for line in progress {
            out.extend(flow(vec![(format!("  {line}"), th.dim)], width, 4));
        }
    } else {
        let short: Vec<String> = a
            .blocks
            .iter()
            .map(|b| format!("{} {}/{}", b.id, b.settled(), b.points))
            .collect();
        out.extend(fact(&[(o.progress, short.join(" · "), th.base)]));
    }
    match &a.decision {
        Some(d) => {
            let text = format!(
                "{} · {} · {}",
                words::decision_text(a, lang),
                words::decided_text(d, lang),
                words::rule_text(d, lang)
            );
            out.extend(fact(&[(o.decision, text, th.title)]));
            if let Some(route) = &d.route {
                out.extend(fact(&[(o.route, route.clone(), th.base)]));
            }
            if d.revisit.is_some() {
                let style = if d.revisit_overdue { th.bad } else { th.base };
                out.extend(fact(&[(o.revisit, words::revisit_text(d, lang), style)]));
            }
        }
        None => out.extend(fact(&[(o.decision, o.not_yet.to_string(), th.base)])),
    }
    let actions_style = if a.overdue_actions > 0 {
        th.bad
    } else {
        th.base
    };
    out.extend(fact(&[
        (o.workshops, a.workshops.to_string(), th.base),
        (o.last_workshop, words::last_text(a, lang), th.base),
    ]));
    out.extend(fact(&[
        (o.open_dissent, a.open_dissent.to_string(), th.base),
        (o.open_actions, a.open_actions.to_string(), th.base),
        (
            o.overdue_actions,
            words::overdue_actions_text(a.overdue_actions, lang),
            actions_style,
        ),
    ]));
    // the file's name: every file on this screen is in the store
    let file = std::path::Path::new(&a.source)
        .file_name()
        .map_or_else(|| a.source.clone(), |n| n.to_string_lossy().into_owned());
    out.extend(fact(&[(o.source, file, th.dim)]));
    out
}

/// The home screen as the areas view.
pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let o = app.lang().overview();
    let [header, body, flash, footer] = crate::tui::widgets::status::screen_rows(area);
    let rows = app.areas().rows();
    let filter = match &app.areas().municipality {
        Some(m) => fill(o.ui_only, &[m]),
        None => o.ui_all_municipalities.to_string(),
    };
    let areas = rows.iter().filter(|r| matches!(r, Row::Area(_))).count();
    let head = format!(
        " {} ({areas}) · {} · {} ",
        o.ui_title,
        fill(o.ui_sorted_by, &[sort_word(app.areas().sort, app.lang())]),
        filter
    );
    let head = flow(
        vec![(safe_line(&head).into_owned(), th.header)],
        header.width as usize,
        1,
    );
    // a header wider than the screen (a long municipality) goes on as
    // many lines as it needs, taken from the body: never cut
    let extra = head.len().saturating_sub(1).min(body.height as usize / 2) as u16;
    let [more, body] =
        Layout::vertical([Constraint::Length(extra), Constraint::Fill(1)]).areas(body);
    f.render_widget(Paragraph::new(head[0].clone()).style(th.header), header);
    if extra > 0 {
        f.render_widget(Paragraph::new(head[1..].to_vec()).style(th.header), more);
    }
    let inner = body.inner(Margin {
        horizontal: 1,
        vertical: 1,
    });
    let side = inner.width >= 140;
    let selected = rows.get(app.home_sel).copied();
    let (list_area, detail_area) = if side {
        let [l, _, d] = Layout::horizontal([
            Constraint::Percentage(60),
            Constraint::Length(2),
            Constraint::Fill(1),
        ])
        .areas(inner);
        (l, d)
    } else {
        let need = details(app, selected, inner.width as usize, false, th).len() as u16;
        let h = need.min(inner.height.saturating_sub(4));
        let [l, _, d] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(h),
        ])
        .areas(inner);
        (l, d)
    };
    // the ▶ of the selected row and its room on every row (issue 25)
    let list_width = list_area.width.saturating_sub(3) as usize;
    let items = items(app, &rows, list_width, th);
    let total: usize = items.iter().map(ListItem::height).sum();
    let list = List::new(items)
        .highlight_symbol(Line::from(Span::styled("▶ ", th.selected)))
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
    let mut state = ListState::default().with_selected(Some(app.home_sel));
    f.render_stateful_widget(list, list_area, &mut state);
    if total > list_area.height as usize {
        // more rows than lines: the bar says so (the header has the count)
        let mut bar = ScrollbarState::new(rows.len()).position(app.home_sel);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("░"))
                .thumb_symbol("█")
                .style(th.dim),
            list_area,
            &mut bar,
        );
    }
    let lines = details(app, selected, detail_area.width as usize, side, th);
    f.render_widget(Paragraph::new(lines).style(th.base), detail_area);
    f.render_widget(Paragraph::new(flash_line(app, th, flash.width)), flash);
    f.render_widget(
        hint_line(Ctx::Home, app.s(), footer.width, false, th),
        footer,
    );
}
