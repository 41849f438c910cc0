//! `n` on the home screen: a new session — name, area, municipality,
//! facilitator and its parties (one a line). `Tab` moves between the
//! fields, `Enter` creates and opens it, `Esc` closes the form.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::{Session, parse_party};
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::{hint_rows, render_hints};
use crate::tui::widgets::popup::popup;

/// A field of the form, in the order `Tab` visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Name,
    Area,
    Municipality,
    Facilitator,
    /// One party a line: `Organisatie|Vertegenwoordiger|domein`.
    Parties,
}

impl NewField {
    pub const ALL: [NewField; 5] = [
        NewField::Name,
        NewField::Area,
        NewField::Municipality,
        NewField::Facilitator,
        NewField::Parties,
    ];

    fn index(self) -> usize {
        self as usize
    }

    fn next(self) -> NewField {
        NewField::ALL[(self.index() + 1) % NewField::ALL.len()]
    }

    fn prev(self) -> NewField {
        NewField::ALL[(self.index() + NewField::ALL.len() - 1) % NewField::ALL.len()]
    }
}

pub struct NewForm {
    /// One editor per field, in the order of [`NewField::ALL`].
    pub fields: Vec<TextArea<'static>>,
    pub field: NewField,
}

impl Default for NewForm {
    fn default() -> NewForm {
        NewForm {
            fields: NewField::ALL.iter().map(|_| editor("")).collect(),
            field: NewField::Name,
        }
    }
}

impl NewForm {
    /// The text of a one-line field, cleaned.
    fn get(&self, field: NewField) -> String {
        clean_line(&editor_text(&self.fields[field.index()]))
    }

    /// `Enter`: create the session and open it, or say what is wrong.
    fn submit(&mut self, cx: &mut Cx<'_>) -> Transition {
        let (fw, text) = cx.new_session_framework();
        let mut session = Session::new(&self.get(NewField::Name), &fw, cx.now());
        crate::framework::carried::carry(&mut session, &fw, text);
        session.area = self.get(NewField::Area);
        session.municipality = self.get(NewField::Municipality);
        session.facilitator = self.get(NewField::Facilitator);
        for line in editor_text(&self.fields[NewField::Parties.index()]).lines() {
            let line = clean_line(line);
            if line.is_empty() {
                continue;
            }
            let Some((o, r, d)) = parse_party(&line) else {
                cx.error(fill(cx.s().err_bad_party, &[&line]));
                self.field = NewField::Parties;
                return Transition::Stay;
            };
            session.add_party(&o, &r, &d);
        }
        match cx.create_session(&session) {
            Ok(path) => match cx.open_file(&path) {
                // a file just made has no draft; were there one, its editor
                // takes this form's place
                Ok(Some(draft)) => Transition::Open(super::flow::draft_editor(&draft)),
                Ok(None) => Transition::Close,
                Err(e) => {
                    cx.error(e.message(cx.lang()));
                    Transition::Close
                }
            },
            Err(e) => {
                cx.error(e.message(cx.lang()));
                self.field = NewField::Name;
                Transition::Stay
            }
        }
    }
}

impl Dialog for NewForm {
    fn ctx(&self) -> Ctx {
        Ctx::NewSession
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let parties = self.field == NewField::Parties;
        match keys::command(Ctx::NewSession, &action) {
            Some(Action::Confirm) => return self.submit(cx),
            Some(Action::Back) => return Transition::Close,
            Some(Action::NextField) => self.field = self.field.next(),
            Some(Action::PrevField) => self.field = self.field.prev(),
            Some(Action::NewLine) if parties => {
                self.fields[NewField::Parties.index()].insert_newline();
            }
            Some(_) => {}
            None => {
                edit(&mut self.fields[self.field.index()], &action, parties);
            }
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let inner = popup(f, area, 90, 22, s.form_title, th);
        let labels = [
            s.field_name,
            s.field_area,
            s.field_municipality,
            s.field_facilitator,
            s.field_parties,
        ];
        let [a, b, c, d, e, h] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(hint_rows(Ctx::NewSession, s, inner.width)),
        ])
        .areas(inner);
        for (i, r) in [a, b, c, d, e].into_iter().enumerate() {
            let active = self.field.index() == i;
            render_editor(&self.fields[i], f, r, labels[i], active, s, th);
        }
        render_hints(f, h, Ctx::NewSession, s, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        let field = self.field.index();
        self.fields
            .iter_mut()
            .enumerate()
            .map(|(i, ta)| (ta, i == field))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    use crate::tui::widgets::footer::fitting;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode, m: KeyModifiers) -> Action {
        Action::Key(KeyEvent::new(c, m))
    }

    #[test]
    fn tab_visits_the_fields_and_only_parties_take_new_lines() {
        let mut app = crate::tui::app::test_app(Lang::Nl);
        let mut f = NewForm::default();
        let alt_enter = key(KeyCode::Enter, KeyModifiers::ALT);
        f.update(&mut Cx::new(&mut app), alt_enter.clone());
        assert_eq!(f.fields[0].lines().len(), 1, "the name is one line");
        f.update(
            &mut Cx::new(&mut app),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
        );
        assert_eq!(f.field, NewField::Parties);
        f.update(
            &mut Cx::new(&mut app),
            key(KeyCode::Char('a'), KeyModifiers::NONE),
        );
        f.update(&mut Cx::new(&mut app), alt_enter);
        f.update(
            &mut Cx::new(&mut app),
            key(KeyCode::Char('b'), KeyModifiers::NONE),
        );
        assert_eq!(editor_text(&f.fields[NewField::Parties.index()]), "a\nb");
        f.update(
            &mut Cx::new(&mut app),
            key(KeyCode::Tab, KeyModifiers::NONE),
        );
        assert_eq!(f.field, NewField::Name);
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert!(matches!(
            f.update(&mut Cx::new(&mut app), esc),
            Transition::Close
        ));
    }

    #[test]
    fn the_footer_keeps_help_and_the_way_out_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            let keys: Vec<_> = fitting(Ctx::NewSession, lang.strings(), 74, false)
                .into_iter()
                .map(|h| h.0)
                .collect();
            assert_eq!(&keys[..2], ["Enter", "Tab"], "{keys:?}");
            assert!(keys.ends_with(&["F1", "Esc"]), "{keys:?}");
        }
    }
}
