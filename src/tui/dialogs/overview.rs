//! `g`: all discussion points with their status; `Enter` jumps to one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::session::Status;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::fit;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewDialog {
    /// The selected point (flat index).
    pub selected: usize,
}

impl Dialog for OverviewDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Overview
    }

    fn raw_keys(&self) -> bool {
        false
    }

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        let last = app.fw.point_count() - 1;
        let sel = self.selected;
        self.selected = match action {
            Action::Back => return Transition::Close,
            Action::Confirm => {
                // the gate may open the override dialog instead
                app.go_to(sel);
                return Transition::Close;
            }
            Action::Up => sel.saturating_sub(1),
            Action::Down => (sel + 1).min(last),
            Action::PageUp => sel.saturating_sub(10),
            Action::PageDown => (sel + 10).min(last),
            _ => sel,
        };
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        render_points(app, self.selected, f, area, th);
    }
}

fn render_points(app: &App, selected: usize, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let inner = popup(
        f,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        s.ov_title,
        th,
    );
    let [counts, list, h] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    let c = sess.status_counts(&app.fw);
    let mut spans = Vec::new();
    for (i, st) in Status::ALL.iter().enumerate() {
        spans.push(Span::styled(
            format!("{} {} {}   ", st.symbol(), c[i], st.word(app.lang)),
            th.status(*st),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), counts);
    // every point (the framework's, not the session's: the cost does not
    // grow with the session); one column is the scrollbar's
    let width = (list.width as usize).saturating_sub(1);
    let lines: Vec<Line> = (0..app.fw.point_count())
        .map(|flat| {
            let pos = app.fw.pos_at(flat);
            let p = app.fw.point_at(flat);
            let st = sess.status_of(&p.id);
            let lock = if app.block_locked(pos.block) {
                "⊘ "
            } else {
                "  "
            };
            let head = format!("{lock}{:<7}", p.id);
            let word = format!("{} {:<20}", st.symbol(), st.word(app.lang));
            let room = width.saturating_sub(head.chars().count() + word.chars().count() + 1);
            let text = fit(&safe_line(&p.text), room);
            let (head_style, text_style) = if flat == selected {
                (th.selected, th.selected)
            } else {
                (th.dim, th.base)
            };
            Line::from(vec![
                Span::styled(head, head_style),
                Span::styled(word, th.status(st)),
                Span::styled(format!(" {text}"), text_style),
            ])
        })
        .collect();
    render_list(lines, selected, f, list, th);
    f.render_widget(hint_line(Ctx::Overview, s, h.width, false, th), h);
}
