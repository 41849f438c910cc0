//! A list with one selected row, kept in view by ratatui's `List` and
//! `ListState`; when it does not all fit, a scrollbar says so.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{List, ListState, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::theme::Theme;

/// Draw `lines` in `area` with row `selected` in view (the caller styles the
/// selected row: it knows which part of it to mark).
pub fn render_list(
    lines: Vec<Line<'static>>,
    selected: usize,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let total = lines.len();
    let scrolls = total > area.height as usize;
    let list_area = if scrolls {
        Rect {
            width: area.width.saturating_sub(1),
            ..area
        }
    } else {
        area
    };
    let mut state = ListState::default().with_selected(Some(selected.min(total.saturating_sub(1))));
    f.render_stateful_widget(List::new(lines), list_area, &mut state);
    if scrolls {
        let mut bar = ScrollbarState::new(total).position(selected);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("░"))
                .thumb_symbol("█")
                .style(th.dim),
            area.inner(Margin {
                horizontal: 0,
                vertical: 0,
            }),
            &mut bar,
        );
    }
}
