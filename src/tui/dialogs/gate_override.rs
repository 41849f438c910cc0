//! Moving into a block the go/no-go gate locks: the reason for opening it
//! anyway. `Enter` records the override and moves on (an empty reason is
//! refused), `Esc` stays where the cursor was.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct GateOverrideDialog {
    /// The locked block.
    pub block: usize,
    /// The point (flat index) to go to once it is opened.
    pub target: usize,
    pub reason: TextArea<'static>,
}

impl GateOverrideDialog {
    pub fn new(block: usize, target: usize) -> GateOverrideDialog {
        GateOverrideDialog {
            block,
            target,
            reason: editor(""),
        }
    }
}

impl Dialog for GateOverrideDialog {
    fn ctx(&self) -> Ctx {
        Ctx::GateOverride
    }

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        match keys::command(Ctx::GateOverride, &action) {
            Some(Action::Confirm) => {
                let text = editor_text(&self.reason);
                if text.trim().is_empty() {
                    app.error(app.s().err_need_reason.to_string());
                    return Transition::Stay;
                }
                let now = app.now;
                let block = app.fw.blocks[self.block].id.clone();
                if let Some(sess) = app.session_mut() {
                    let workshop = sess.workshop_number();
                    sess.overrides.push(crate::session::GateOverride {
                        workshop,
                        at: now,
                        block,
                        reason: text.trim().to_string(),
                    });
                }
                app.save_now();
                app.go_to(self.target);
                Transition::Close
            }
            Some(Action::Back) => Transition::Close,
            Some(_) => Transition::Stay,
            None => {
                edit(&mut self.reason, &action, false);
                Transition::Stay
            }
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let title = fill(s.override_title, &[&app.fw.blocks[self.block].id]);
        let inner = popup(f, area, 84, 8, s.gate_locked, th);
        let [t, ed, h] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        f.render_widget(
            Paragraph::new(Span::styled(title, th.warn)).wrap(Wrap { trim: true }),
            t,
        );
        render_editor(&self.reason, f, ed, s.field_reason, true, th);
        f.render_widget(hint_line(Ctx::GateOverride, s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.reason, true)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    use crate::tui::widgets::footer::fitting;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn an_empty_reason_keeps_the_block_locked() {
        let mut app = crate::tui::app::test_app(Lang::Nl);
        let mut d = GateOverrideDialog::new(1, 30);
        let enter = Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(d.update(&mut app, enter), Transition::Stay));
        assert!(
            app.flash
                .as_ref()
                .is_some_and(|f| f.text == Lang::Nl.strings().err_need_reason)
        );
    }

    #[test]
    fn the_footer_is_whole_at_80_columns() {
        // the popup is 78 wide there: 74 columns for the hints
        for lang in [Lang::Nl, Lang::En] {
            let keys: Vec<_> = fitting(Ctx::GateOverride, lang.strings(), 74, false)
                .into_iter()
                .map(|h| h.0)
                .collect();
            assert_eq!(keys, ["Enter", "F1", "Esc"]);
        }
    }
}
