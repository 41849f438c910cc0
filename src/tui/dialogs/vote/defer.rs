//! `u` on the vote screen: the vote is deferred. Who decides (the room, by
//! default, or the facilitator; `Tab` switches) and the reason.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::{Next, VoteStage};
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::vote::Closing;

pub struct DeferForm {
    /// The room decides to defer (the default), else the facilitator.
    pub by_room: bool,
    pub reason: TextArea<'static>,
}

impl Default for DeferForm {
    fn default() -> DeferForm {
        DeferForm {
            by_room: true,
            reason: editor(""),
        }
    }
}

impl DeferForm {
    pub fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Next {
        match keys::command(Ctx::Defer, &action) {
            Some(Action::Confirm) => {
                let text = clean_line(&editor_text(&self.reason));
                if text.is_empty() {
                    cx.error(cx.s().err_need_reason.to_string());
                    return Next::Stay;
                }
                Next::Record(Closing {
                    deferred_because: Some(text),
                    deferred_by_room: self.by_room,
                    ..Closing::default()
                })
            }
            Some(Action::NextField) => {
                self.by_room = !self.by_room;
                Next::Stay
            }
            Some(Action::Back) => Next::To(VoteStage::Ballots),
            Some(Action::Help) => Next::Stay,
            _ => {
                edit(&mut self.reason, &action, false);
                Next::Stay
            }
        }
    }

    /// "Wie besluit: (•) de deelnemers  ( ) de procesbegeleider", then the reason.
    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let [who, reason] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
        let mark = |on: bool| if on { "(•)" } else { "( )" };
        let pick = |on: bool| if on { th.focus } else { th.dim };
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{} ", s.vote_defer_who), th.base),
                Span::styled(
                    format!("{} {}", mark(self.by_room), s.vote_defer_by_room),
                    pick(self.by_room),
                ),
                Span::styled("  ", th.base),
                Span::styled(
                    format!("{} {}", mark(!self.by_room), s.vote_defer_by_facilitator),
                    pick(!self.by_room),
                ),
            ])),
            who,
        );
        render_editor(&self.reason, f, reason, s.vote_defer_title, true, s, th);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::Action;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn the_room_decides_by_default_and_tab_gives_it_to_the_facilitator() {
        let mut app = crate::tui::app::test_app(crate::i18n::Lang::Nl);
        let mut form = DeferForm::default();
        assert!(form.by_room);
        for c in "wachten".chars() {
            form.update(&mut Cx::new(&mut app), key(KeyCode::Char(c)));
        }
        let Next::Record(closing) = form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)) else {
            panic!("Enter with a reason records");
        };
        assert!(closing.deferred_by_room);
        assert_eq!(closing.deferred_because.as_deref(), Some("wachten"));
        form.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
        assert!(!form.by_room, "Tab: the facilitator decides");
        let Next::Record(closing) = form.update(&mut Cx::new(&mut app), key(KeyCode::Enter)) else {
            panic!("records");
        };
        assert!(!closing.deferred_by_room);
        form.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
        assert!(form.by_room, "Tab again: the room");
    }
}
