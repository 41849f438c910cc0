//! `i`: the principles and success factors the current step refers to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InfoDialog {
    pub scroll: u16,
}

impl InfoDialog {
    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let s = app.s();
        let step = app.fw.step_at(app.fw.pos_at(app.cursor_flat()));
        let mut lines: Vec<Line> = Vec::new();
        if step.refs.is_empty() {
            lines.push(Line::from(Span::styled(s.info_none, th.dim)));
        }
        for r in step.refs.iter().filter_map(|r| app.fw.reference(r)) {
            let kind = if app.fw.principles.iter().any(|p| p.id == r.id) {
                s.principles
            } else {
                s.success_factors
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{} {} ", r.id, safe_line(&r.title)), th.title),
                Span::styled(format!("({})", kind.to_lowercase()), th.dim),
            ]));
            lines.push(Line::from(Span::styled(
                safe_line(&r.summary).into_owned(),
                th.base,
            )));
            lines.push(Line::default());
        }
        lines
    }
}

impl Dialog for InfoDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Reading
    }

    fn raw_keys(&self) -> bool {
        false
    }

    fn update(&mut self, _app: &mut App, action: Action) -> Transition {
        match action {
            Action::Back => return Transition::Close,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let step = app.fw.step_at(app.fw.pos_at(app.cursor_flat()));
        let title = fill(s.info_title, &[&step.id]);
        let box_area = popup(f, area, 90, area.height.saturating_sub(4), &title, th);
        let [inner, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(box_area);
        let text = Paragraph::new(self.lines(app, th)).wrap(Wrap { trim: true });
        let total = text.line_count(inner.width) as u16;
        let scroll = self.scroll.min(total.saturating_sub(inner.height));
        f.render_widget(text.scroll((scroll, 0)), inner);
        let scrolls = total > inner.height;
        f.render_widget(
            hint_line(Ctx::Reading, s, hint_area.width, scrolls, th),
            hint_area,
        );
    }
}
