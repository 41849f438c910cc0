//! `s`: skip the current point, with a reason. `Enter` records it (an
//! empty reason is refused), `Esc` asks before throwing typed text away.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::session::{DraftKind, Status};
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Edit, EditorBox, edit, editor, editor_text, render_editor_box};

pub struct SkipDialog {
    pub reason: TextArea<'static>,
}

impl SkipDialog {
    pub fn new(text: &str) -> SkipDialog {
        SkipDialog {
            reason: editor(text),
        }
    }
}

impl Dialog for SkipDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Skip
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.typing =
            crate::tui::app::live_out::typing(crate::live::TypingKind::Reason, &self.reason);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match keys::command(Ctx::Skip, &action) {
            Some(Action::Confirm) => {
                let text = editor_text(&self.reason);
                if text.trim().is_empty() {
                    cx.error(cx.s().err_need_reason.to_string());
                    return Transition::Stay;
                }
                cx.clear_draft();
                let label = cx.s().status_skipped.to_string();
                cx.capture(&label, |s, p, now| {
                    s.set_status(p, Status::Skipped, vec![], &text, now)
                });
                return Transition::Close;
            }
            Some(Action::Back) => return Transition::Cancel,
            Some(_) => return Transition::Stay,
            None => {}
        }
        if let Edit::Changed = edit(&mut self.reason, &action, false) {
            cx.set_draft(DraftKind::Skip, editor_text(&self.reason));
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let title = s.dlg_skip;
        let b = EditorBox {
            width: 80,
            height: 8,
            title,
            label: s.field_reason,
            ctx: Ctx::Skip,
        };
        render_editor_box(b, &self.reason, s, f, area, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.reason, true)]
    }

    fn has_text(&self) -> bool {
        !editor_text(&self.reason).trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    use crate::tui::widgets::footer::fitting;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn app() -> App {
        crate::tui::app::test_app(Lang::Nl)
    }

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn enter_without_a_reason_keeps_the_dialog_open_with_an_error() {
        let mut app = app();
        let mut d = SkipDialog::new("  ");
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Transition::Stay
        ));
        assert!(
            app.flash()
                .is_some_and(|f| f.text == Lang::Nl.strings().err_need_reason)
        );
    }

    #[test]
    fn esc_asks_only_when_there_is_text_and_typing_edits() {
        let mut app = app();
        let mut d = SkipDialog::new("");
        d.update(&mut Cx::new(&mut app), key(KeyCode::Char('x')));
        assert!(d.has_text());
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Esc)),
            Transition::Cancel
        ));
    }

    #[test]
    fn the_footer_keeps_help_and_the_way_out_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            let keys: Vec<_> = fitting(Ctx::Skip, lang.strings(), 74, false)
                .into_iter()
                .map(|h| h.0)
                .collect();
            assert_eq!(keys, ["Enter", "Ctrl+U", "F1", "Esc"]);
        }
    }
}
