//! `r` in the stance panel: a party's reason for its stance. `Enter`
//! records it with the stance the party has, `Esc` closes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::PartyId;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

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

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        match keys::command(Ctx::StanceReason, &action) {
            Some(Action::Confirm) => {
                let text = editor_text(&self.editor);
                let party = self.party;
                let stance = app
                    .session()
                    .and_then(|s| s.record(&s.cursor))
                    .map(|r| r.stance_of(party))
                    .unwrap_or_default();
                let label = app
                    .session()
                    .map(|s| s.party_name(party))
                    .unwrap_or_default();
                app.capture(&label, |s, p, now| {
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
        let inner = popup(f, area, 80, 8, &fill(s.dlg_stance_reason, &[&name]), th);
        let [ed, h] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(inner);
        render_editor(&self.editor, f, ed, s.field_reason, true, th);
        f.render_widget(hint_line(Ctx::StanceReason, s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.editor, true)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::store::Store;
    use crate::tui::theme::ThemeKind;
    use jiff::Timestamp;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn esc_closes_and_f1_is_not_text() {
        let store = Store::at(std::env::temp_dir().join("wijktafel-no-store"));
        let mut app = App::new(
            Framework::builtin(),
            Lang::En,
            ThemeKind::Dark,
            store,
            Timestamp::UNIX_EPOCH,
        );
        let key = |c| Action::Key(KeyEvent::new(c, KeyModifiers::NONE));
        let mut d = StanceReasonDialog::new(1, "ok");
        assert!(matches!(
            d.update(&mut app, key(KeyCode::F(1))),
            Transition::Stay
        ));
        assert_eq!(editor_text(&d.editor), "ok");
        assert!(matches!(
            d.update(&mut app, key(KeyCode::Esc)),
            Transition::Close
        ));
    }
}
