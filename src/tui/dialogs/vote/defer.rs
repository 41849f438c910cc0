//! `u` on the vote screen: the facilitator defers the vote, with a reason.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::{Next, VoteStage};
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::vote::Closing;

pub struct DeferForm {
    pub reason: TextArea<'static>,
}

impl Default for DeferForm {
    fn default() -> DeferForm {
        DeferForm { reason: editor("") }
    }
}

impl DeferForm {
    pub fn update(&mut self, app: &mut App, action: Action) -> Next {
        match keys::command(Ctx::Defer, &action) {
            Some(Action::Confirm) => {
                let text = clean_line(&editor_text(&self.reason));
                if text.is_empty() {
                    app.error(app.s().err_need_reason.to_string());
                    return Next::Stay;
                }
                Next::Record(Closing {
                    deferred_because: Some(text),
                    ..Closing::default()
                })
            }
            Some(Action::Back) => Next::To(VoteStage::Ballots),
            Some(Action::Help) => Next::Stay,
            _ => {
                edit(&mut self.reason, &action, false);
                Next::Stay
            }
        }
    }

    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        render_editor(&self.reason, f, area, app.s().vote_defer_title, true, th);
    }
}
