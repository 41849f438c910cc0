//! The agenda column: blocks and steps around the current one, with status.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::session::Status;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;

pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let fw = app.fw();
    let Some(sess) = app.session() else { return };
    let pos = fw.pos_at(app.cursor_flat());
    let blk = Block::new()
        .borders(Borders::RIGHT)
        .border_style(th.border)
        .title(Span::styled(format!(" {} ", s.ui_agenda), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    let mut rows: Vec<Line> = Vec::new();
    let mut current_row = 0;
    // room for a row's text (titles are cut with "…", never mid-word silently)
    let width = inner.width.saturating_sub(2) as usize;
    for (bi, b) in fw.blocks.iter().enumerate() {
        let total: usize = b.steps.iter().map(|st| st.points.len()).sum();
        let done: usize = b
            .steps
            .iter()
            .flat_map(|st| st.points.iter())
            .filter(|p| sess.status_of(&p.id) != Status::Open)
            .count();
        let locked = app.block_locked(bi);
        let marker = if bi == pos.block { "▾" } else { "▸" };
        let style = if bi == pos.block { th.title } else { th.base };
        let tail = format!(" {done}/{total}{}", if locked { " ⊘" } else { "" });
        let head = fit(
            &format!("{marker} {} {}", b.id, b.title),
            width.saturating_sub(tail.chars().count()),
        );
        let spans = vec![
            Span::styled(head, style),
            Span::styled(tail, if locked { th.warn } else { th.dim }),
        ];
        rows.push(Line::from(spans));
        let all_steps: usize =
            fw.step_count() + fw.blocks.len() + fw.blocks[pos.block].steps[pos.step].points.len();
        if bi != pos.block && all_steps > inner.height as usize {
            continue;
        }
        for (si, st) in b.steps.iter().enumerate() {
            let statuses: Vec<Status> = st.points.iter().map(|p| sess.status_of(&p.id)).collect();
            let sym = step_symbol(&statuses, th);
            let cur = bi == pos.block && si == pos.step;
            let style = if cur {
                th.selected
            } else if bi == pos.block {
                th.base
            } else {
                th.dim
            };
            rows.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(sym.0, sym.1),
                Span::styled(
                    fit(&format!(" {} {}", st.id, st.title), width.saturating_sub(3)),
                    style,
                ),
            ]));
            if cur {
                for (pi, p) in st.points.iter().enumerate() {
                    let status = sess.status_of(&p.id);
                    let here = pi == pos.point;
                    if here {
                        current_row = rows.len();
                    }
                    rows.push(Line::from(vec![
                        Span::styled(if here { "   ▶ " } else { "     " }, th.focus),
                        Span::styled(format!("{} ", status.symbol()), th.status(status)),
                        Span::styled(p.id.clone(), if here { th.focus } else { th.dim }),
                        Span::styled(format!(" {}", status.word(app.lang())), th.status(status)),
                    ]));
                }
            }
        }
    }
    // a window around the current point
    let h = inner.height as usize;
    let start = if rows.len() <= h {
        0
    } else {
        current_row.saturating_sub(h / 2).min(rows.len() - h)
    };
    let visible: Vec<Line> = rows.into_iter().skip(start).take(h).collect();
    f.render_widget(
        Paragraph::new(visible),
        inner.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
    );
}

/// A step's mark in the agenda from its points' statuses: dissent, all
/// done, some done, none.
fn step_symbol(statuses: &[Status], th: &Theme) -> (&'static str, Style) {
    if statuses.contains(&Status::Dissent) {
        (Status::Dissent.symbol(), th.bad)
    } else if statuses.iter().all(|&x| x != Status::Open) {
        ("✔", th.good)
    } else if statuses.iter().any(|&x| x != Status::Open) {
        ("◐", th.warn)
    } else {
        ("○", th.dim)
    }
}
