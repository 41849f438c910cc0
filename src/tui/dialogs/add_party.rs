//! `a` at the start of a workshop: a party that joins, written as
//! `Organisatie|Vertegenwoordiger|domein`; it is marked present at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::parse_party;
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct AddPartyDialog {
    pub editor: TextArea<'static>,
}

impl Default for AddPartyDialog {
    fn default() -> AddPartyDialog {
        AddPartyDialog { editor: editor("") }
    }
}

impl Dialog for AddPartyDialog {
    fn ctx(&self) -> Ctx {
        Ctx::AddParty
    }

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        match keys::command(Ctx::AddParty, &action) {
            Some(Action::Confirm) => {
                let text = clean_line(&editor_text(&self.editor));
                let Some((org, rep, dom)) = parse_party(&text) else {
                    app.error(fill(app.s().err_bad_party, &[&text]));
                    return Transition::Stay;
                };
                let now = app.now;
                if let Some(sess) = app.session_mut() {
                    let id = sess.add_party(&org, &rep, &dom);
                    sess.set_present(id, true, now);
                }
                app.save_now();
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
        let inner = popup(f, area, 80, 7, s.start_add_party, th);
        let [ed, h] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(inner);
        render_editor(&self.editor, f, ed, s.field_parties, true, th);
        f.render_widget(hint_line(Ctx::AddParty, s, h.width, false, th), h);
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
    fn an_empty_party_is_refused_in_place() {
        let store = Store::at(std::env::temp_dir().join("wijktafel-no-store"));
        let mut app = App::new(
            Framework::builtin(),
            Lang::Nl,
            ThemeKind::Dark,
            store,
            Timestamp::UNIX_EPOCH,
        );
        let mut d = AddPartyDialog::default();
        let enter = Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(d.update(&mut app, enter), Transition::Stay));
        assert!(app.flash.is_some());
    }
}
