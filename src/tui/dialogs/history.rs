//! `h`: what happened to the current point, from the journal (issue 23):
//! the same lines as `wijktafel log --point`, per workshop, read-only and
//! scrolling.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::export::{LogFilter, log_text};
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_text::Scroll;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryDialog {
    pub scroll: Scroll,
}

impl HistoryDialog {
    /// The point's events, a line each, the workshops as headings.
    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let Some(sess) = app.session() else {
            return Vec::new();
        };
        let filter = LogFilter {
            point: Some(sess.cursor.clone()),
            ..LogFilter::default()
        };
        log_text(app.fw(), sess, app.lang(), app.tz(), &filter)
            .lines()
            .skip_while(|l| l.trim().is_empty())
            .map(|l| {
                let style = if l.starts_with(' ') {
                    th.base
                } else {
                    th.title
                };
                Line::from(Span::styled(safe_line(l.trim_end()).into_owned(), style))
            })
            .collect()
    }
}

impl Dialog for HistoryDialog {
    fn ctx(&self) -> Ctx {
        Ctx::History
    }

    fn update(&mut self, _cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Back => Transition::Close,
            other => {
                self.scroll.follow(&other);
                Transition::Stay
            }
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let point = app.session().map(|s| s.cursor.clone()).unwrap_or_default();
        let title = fill(s.history_title, &[&point]);
        let box_area = popup(f, area, 110, area.height.saturating_sub(4), &title, th);
        self.scroll.render(
            self.lines(app, th),
            true,
            (Ctx::History, s),
            f,
            box_area,
            th,
        );
    }
}
