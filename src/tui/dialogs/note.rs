//! `n`: a note on the current point. `Enter` saves, `Alt+Enter` starts a
//! new line, `Esc` asks before throwing typed text away. The same editor
//! changes a note from the list of the point's items (`x`, `Enter`): the
//! text it had stays in the note's history, and back it goes to the list.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::DraftKind;
use crate::tui::app::App;
use crate::tui::dialogs::items::ItemsDialog;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Edit, EditorBox, edit, editor, editor_text, render_editor_box};

pub struct NoteDialog {
    pub editor: TextArea<'static>,
    /// Set when an existing note is being changed.
    pub edit: Option<NoteEdit>,
}

/// Which note is being changed, what it said, and the row of the list of
/// items to go back to.
pub struct NoteEdit {
    pub index: usize,
    pub original: String,
    pub back: usize,
}

impl NoteDialog {
    pub fn new(text: &str) -> NoteDialog {
        NoteDialog {
            editor: editor(text),
            edit: None,
        }
    }

    /// Change note `index` of the current point, which says `text`.
    pub fn editing(index: usize, text: &str, back: usize) -> NoteDialog {
        NoteDialog {
            editor: editor(text),
            edit: Some(NoteEdit {
                index,
                original: text.to_string(),
                back,
            }),
        }
    }

    /// `Enter` while changing a note: record the new text (an unchanged
    /// one records nothing), then back to the list.
    fn save_edit(&self, cx: &mut Cx<'_>, e: &NoteEdit) -> Transition {
        let s = cx.s();
        let text = editor_text(&self.editor);
        if text.trim().is_empty() {
            cx.error(s.items_empty_text.to_string());
            return Transition::Stay;
        }
        if text.trim_end() == e.original {
            cx.info(s.items_unchanged.to_string());
        } else {
            let index = e.index;
            cx.capture(s.ch_note_edited, |sess, p, now| {
                sess.edit_note(p, index, &text, now);
            });
        }
        Transition::Open(ItemsDialog::overlay(e.back))
    }
}

impl Dialog for NoteDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Note
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.typing =
            crate::tui::app::live_out::typing(crate::live::TypingKind::Note, &self.editor);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let editing = self.edit.is_some();
        match keys::command(Ctx::Note, &action) {
            Some(Action::Confirm) if editing => {
                let e = self.edit.as_ref().expect("editing");
                return self.save_edit(cx, e);
            }
            Some(Action::Back) if editing && !self.has_text() => {
                let back = self.edit.as_ref().map(|e| e.back).unwrap_or(0);
                return Transition::Open(ItemsDialog::overlay(back));
            }
            Some(Action::Confirm) => {
                let text = editor_text(&self.editor);
                cx.clear_draft();
                if !text.trim().is_empty() {
                    let label = cx.s().ch_note_added.to_string();
                    cx.capture(&label, |s, p, now| s.add_note(p, text.trim_end(), now));
                }
                return Transition::Close;
            }
            Some(Action::Back) => return Transition::Cancel,
            Some(Action::NewLine) => {
                self.editor.insert_newline();
                if !editing {
                    cx.set_draft(DraftKind::Note, editor_text(&self.editor));
                }
                return Transition::Stay;
            }
            _ => {}
        }
        // a change to a note is no new note: it is not kept as the draft
        // (that would come back as a second note after a crash)
        if let Edit::Changed = edit(&mut self.editor, &action, true)
            && !editing
        {
            cx.set_draft(DraftKind::Note, editor_text(&self.editor));
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let point = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
        let title = if self.edit.is_some() {
            fill(s.dlg_note_edit, &[&point])
        } else {
            fill(s.dlg_note, &[&point])
        };
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
        let text = editor_text(&self.editor);
        match &self.edit {
            // changing a note: what would be lost is the change
            Some(e) => text.trim_end() != e.original,
            None => !text.trim().is_empty(),
        }
    }
}
