//! `n`: a note on the current point. `Enter` saves, `Alt+Enter` starts a
//! new line, `Esc` asks before throwing typed text away.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::DraftKind;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Edit, EditorBox, edit, editor, editor_text, render_editor_box};

pub struct NoteDialog {
    pub editor: TextArea<'static>,
}

impl NoteDialog {
    pub fn new(text: &str) -> NoteDialog {
        NoteDialog {
            editor: editor(text),
        }
    }
}

impl Dialog for NoteDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Note
    }

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        match keys::command(Ctx::Note, &action) {
            Some(Action::Confirm) => {
                let text = editor_text(&self.editor);
                app.clear_draft();
                if !text.trim().is_empty() {
                    let label = app.s().ui_notes.to_string();
                    app.capture(&label, |s, p, now| s.add_note(p, text.trim_end(), now));
                }
                return Transition::Close;
            }
            Some(Action::Back) => return Transition::Cancel,
            Some(Action::NewLine) => {
                self.editor.insert_newline();
                app.set_draft(DraftKind::Note, editor_text(&self.editor));
                return Transition::Stay;
            }
            _ => {}
        }
        if let Edit::Changed = edit(&mut self.editor, &action, true) {
            app.set_draft(DraftKind::Note, editor_text(&self.editor));
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let point = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
        let title = fill(s.dlg_note, &[&point]);
        let b = EditorBox {
            width: 90,
            height: 14,
            title: &title,
            label: s.ui_notes,
            ctx: Ctx::Note,
        };
        render_editor_box(b, &self.editor, s, f, area, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.editor, true)]
    }

    fn has_text(&self) -> bool {
        !editor_text(&self.editor).trim().is_empty()
    }
}
