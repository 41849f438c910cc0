//! `r` in the stance panel: a party's reason for its stance. `Enter`
//! records it with the stance the party has, `Esc` closes.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::PartyId;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{EditorBox, edit, editor, editor_text, render_editor_box};

pub struct StanceReasonDialog {
    pub party: PartyId,
    pub editor: TextArea<'static>,
}

impl StanceReasonDialog {
    pub fn new(party: PartyId, text: &str) -> StanceReasonDialog {
        StanceReasonDialog {
            party,
            editor: editor(text),
        }
    }
}

impl Dialog for StanceReasonDialog {
    fn ctx(&self) -> Ctx {
        Ctx::StanceReason
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.typing =
            crate::tui::app::live_out::typing(crate::live::TypingKind::Reason, &self.editor);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match keys::command(Ctx::StanceReason, &action) {
            Some(Action::Confirm) => {
                let text = editor_text(&self.editor);
                let party = self.party;
                let stance = cx
                    .session()
                    .and_then(|s| s.record(&s.cursor))
                    .map(|r| r.stance_of(party))
                    .unwrap_or_default();
                let label = cx
                    .session()
                    .map(|s| s.party_name(party))
                    .unwrap_or_default();
                cx.capture(&label, |s, p, now| {
                    s.set_stance(p, party, stance, Some(&text), now)
                });
                Transition::Close
            }
            Some(Action::Back) => Transition::Close,
            Some(_) => Transition::Stay,
            None => {
                edit(&mut self.editor, &action, false);
                Transition::Stay
            }
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let name = app
            .session()
            .map(|x| x.party_name(self.party))
            .unwrap_or_default();
        let title = fill(s.dlg_stance_reason, &[&name]);
        let b = EditorBox {
            width: 80,
            height: 8,
            title: &title,
            label: s.field_reason,
            ctx: Ctx::StanceReason,
        };
        render_editor_box(b, &self.editor, s, f, area, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.editor, true)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn esc_closes_and_f1_is_not_text() {
        let mut app = crate::tui::app::test_app(Lang::En);
        let key = |c| Action::Key(KeyEvent::new(c, KeyModifiers::NONE));
        let mut d = StanceReasonDialog::new(1, "ok");
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::F(1))),
            Transition::Stay
        ));
        assert_eq!(editor_text(&d.editor), "ok");
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Esc)),
            Transition::Close
        ));
    }
}
