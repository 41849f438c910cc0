//! `w`: the summary of the workshop before it ends, complete and scrolling:
//! the points discussed per step with their time against the plan, what is
//! still open in the blocks it worked on, the decisions with their follow-up,
//! open dissent and the action items. `Enter` ends the workshop and writes
//! the minutes.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_text::Scroll;
use crate::view::summary::summary_lines;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SummaryDialog {
    pub scroll: Scroll,
}

impl Dialog for SummaryDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Summary
    }

    fn pauses_timer(&self) -> bool {
        true
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.screen = crate::live::LiveScreen::Summary;
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        if self.scroll.follow(&action) {
            return Transition::Stay;
        }
        match action {
            Action::Confirm => {
                cx.finish_workshop();
                Transition::Close
            }
            Action::Back => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let number = sess.workshop_number();
        let title = fill(s.summary_title, &[&number.to_string()]);
        let w = area.width.saturating_sub(6);
        let inner = popup(f, area, w, area.height.saturating_sub(2), &title, th);
        let lines = summary_lines(&app.env(), sess, th);
        self.scroll
            .render(lines, false, (Ctx::Summary, s), f, inner, th);
    }
}
