//! A yes/no question; what "yes" does is given when it is asked.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

/// What a "yes" does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnYes {
    /// Open the go/no-go vote.
    OpenVote,
    /// Record the dissent on a point (flat index) as resolved.
    ResolveDissent(usize),
    /// Record an action item (point by flat index, place in its list) done.
    ActionDone(usize, usize),
    /// Open the go/no-go vote to end the workshop: after it, the summary.
    VoteThenEnd,
    /// Delete a note or action item of the current point, then go back to
    /// the list of them (with this row selected).
    RemoveItem(crate::tui::dialogs::items::ItemRef, usize),
}

pub struct ConfirmDialog {
    pub text: String,
    pub on_yes: OnYes,
}

impl Dialog for ConfirmDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Confirm
    }

    fn keeps_flash(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Confirm => match self.on_yes {
                OnYes::OpenVote => {
                    crate::tui::dialogs::vote::open_vote(cx, true);
                    Transition::Close
                }
                OnYes::ResolveDissent(flat) => {
                    super::recap_answer::resolve(cx, flat);
                    Transition::Close
                }
                OnYes::ActionDone(flat, i) => {
                    super::recap_answer::mark_done(cx, flat, i);
                    Transition::Close
                }
                OnYes::VoteThenEnd => {
                    crate::tui::dialogs::vote::open_vote_for(cx, true, true);
                    Transition::Close
                }
                OnYes::RemoveItem(item, sel) => {
                    crate::tui::dialogs::items::remove(cx, item);
                    Transition::Open(crate::tui::dialogs::items::ItemsDialog::overlay(sel))
                }
            },
            Action::Back => match self.on_yes {
                OnYes::RemoveItem(_, sel) => {
                    Transition::Open(crate::tui::dialogs::items::ItemsDialog::overlay(sel))
                }
                _ => Transition::Close,
            },
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let inner = popup(f, area, 76, 6, app.s().dlg_question, th);
        let [q, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        f.render_widget(Wrapped::new(Span::styled(self.text.clone(), th.warn)), q);
        f.render_widget(hint_line(Ctx::Confirm, app.s(), h.width, false, th), h);
    }
}
