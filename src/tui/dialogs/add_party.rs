//! `a` at the start of a workshop: a party that joins, written as
//! `Organisatie|Vertegenwoordiger|domein`; it is marked present at once.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::parse_party;
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{EditorBox, edit, editor, editor_text, render_editor_box};

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

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match keys::command(Ctx::AddParty, &action) {
            Some(Action::Confirm) => {
                let text = clean_line(&editor_text(&self.editor));
                let Some((org, rep, dom)) = parse_party(&text) else {
                    cx.error(fill(cx.s().err_bad_party, &[&text]));
                    return Transition::Stay;
                };
                let now = cx.now();
                if let Some(o) = cx.open_session_mut() {
                    let id = o.session.add_party(&org, &rep, &dom);
                    match o.planned.as_mut() {
                        // the workshop is not started yet: present from its start
                        Some(plan) => plan.push(id),
                        None => o.session.set_present(id, true, now),
                    }
                }
                cx.save_now();
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
        let title = s.start_add_party;
        let b = EditorBox {
            width: 80,
            height: 7,
            title,
            label: s.field_parties,
            ctx: Ctx::AddParty,
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
    fn an_empty_party_is_refused_in_place() {
        let mut app = crate::tui::app::test_app(Lang::Nl);
        let mut d = AddPartyDialog::default();
        let enter = Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), enter),
            Transition::Stay
        ));
        assert!(app.flash().is_some());
    }
}
