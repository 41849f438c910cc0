//! `i`: the principles and success factors the current step refers to.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_text::Scroll;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InfoDialog {
    pub scroll: Scroll,
}

impl InfoDialog {
    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let s = app.s();
        let step = app.fw().step_at(app.fw().pos_at(app.cursor_flat()));
        let mut lines: Vec<Line> = Vec::new();
        if step.refs.is_empty() {
            lines.push(Line::from(Span::styled(s.info_none, th.dim)));
        }
        for r in step.refs.iter().filter_map(|r| app.fw().reference(r)) {
            // named by kind: "Uitgangspunt 2.3 …", never a bare id that
            // reads like a step
            lines.push(Line::from(Span::styled(
                safe_line(&app.fw().reference_name(r, app.lang())).into_owned(),
                th.title,
            )));
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

    fn update(&mut self, _cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Back => return Transition::Close,
            other => {
                self.scroll.follow(&other);
            }
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let step = app.fw().step_at(app.fw().pos_at(app.cursor_flat()));
        let title = fill(s.info_title, &[&step.id]);
        let box_area = popup(f, area, 90, area.height.saturating_sub(4), &title, th);
        self.scroll.render(
            self.lines(app, th),
            true,
            (Ctx::Reading, s),
            f,
            box_area,
            th,
        );
    }
}
