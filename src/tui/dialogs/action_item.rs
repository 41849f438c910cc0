//! `a`: an action item — what, who (←→, Space or 1–9 pick a party) and by
//! when. `Tab` moves on, `Enter` records, `Esc` asks before losing text.
//! The same form changes an action item from the list of the point's items
//! (`x`, `Enter`): what it was stays in the item's history.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::{DraftKind, PartyId};
use crate::tui::app::{App, parse_date};
use crate::tui::dialogs::items::ItemsDialog;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Edit, edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::{hint_rows, render_hints};
use crate::tui::widgets::popup::popup;

/// The field of the form that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    What,
    Who,
    Due,
}

impl ActionField {
    fn next(self) -> ActionField {
        match self {
            ActionField::What => ActionField::Who,
            ActionField::Who => ActionField::Due,
            ActionField::Due => ActionField::What,
        }
    }

    fn prev(self) -> ActionField {
        self.next().next()
    }
}

pub struct ActionForm {
    pub what: TextArea<'static>,
    pub due: TextArea<'static>,
    /// Index into the session's active parties; `None` = nobody yet.
    pub owner: Option<usize>,
    pub field: ActionField,
    /// Set when an existing action item is being changed.
    pub edit: Option<ActionEdit>,
}

/// Which action item is being changed, what it was, and the row of the
/// list of items to go back to.
pub struct ActionEdit {
    pub index: usize,
    pub what: String,
    pub owner: Option<PartyId>,
    pub due: String,
    /// Whether the owner was chosen again (until then it stays as it was,
    /// also when that party has left the coalition).
    pub owner_touched: bool,
    pub back: usize,
}

impl ActionForm {
    pub fn new(what: &str) -> ActionForm {
        ActionForm {
            what: editor(what),
            due: editor(""),
            owner: None,
            field: ActionField::What,
            edit: None,
        }
    }

    /// Change action item `index` of the current point: the form filled in.
    pub fn editing(app: &App, index: usize, back: usize) -> Option<ActionForm> {
        let sess = app.session()?;
        let a = sess.record(&sess.cursor)?.actions.get(index)?;
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        Some(ActionForm {
            what: editor(&a.what),
            due: editor(&due),
            owner: a
                .owner
                .and_then(|o| sess.active_parties().position(|p| p.id == o)),
            field: ActionField::What,
            edit: Some(ActionEdit {
                index,
                what: a.what.clone(),
                owner: a.owner,
                due,
                owner_touched: false,
                back,
            }),
        })
    }

    /// The owner the form stands for now: as it was until chosen again.
    fn owner_id(&self, app: &App) -> Option<PartyId> {
        match &self.edit {
            Some(e) if !e.owner_touched => e.owner,
            _ => self.owner.and_then(|i| {
                app.session()
                    .and_then(|s| s.active_parties().nth(i).map(|p| p.id))
            }),
        }
    }

    fn touch_owner(&mut self) {
        if let Some(e) = self.edit.as_mut() {
            e.owner_touched = true;
        }
    }

    /// At Who: the previous (`forward` false) or next party, or nobody.
    fn step_owner(&mut self, parties: usize, forward: bool) {
        self.touch_owner();
        self.owner = match (self.owner, forward) {
            (None, false) => parties.checked_sub(1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
            (None, true) if parties > 0 => Some(0),
            (Some(i), true) if i + 1 < parties => Some(i + 1),
            (_, true) => None,
        };
    }

    /// A key at Who that is not in the key table: 1–9 picks the party with
    /// that number (its number for the whole session, as on the main
    /// screen); a letter is text for "what" (never dropped).
    fn pick_owner(&mut self, action: &Action, app: &App) {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let Action::Key(ev) = action else { return };
        match ev.code {
            KeyCode::Char(c @ '1'..='9') => {
                let number = c as usize - '0' as usize;
                let Some(sess) = app.session() else { return };
                let id = sess.party_by_number(number).map(|p| p.id);
                if let Some(i) = sess.active_parties().position(|p| Some(p.id) == id) {
                    self.owner = Some(i);
                    self.touch_owner();
                }
            }
            KeyCode::Char(c)
                if !c.is_control()
                    && !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                self.field = ActionField::What;
                self.what.move_cursor(ratatui_textarea::CursorMove::End);
                edit(&mut self.what, action, false);
            }
            _ => {}
        }
    }

    /// `Enter`: record the action item, or put the focus where it is wrong.
    fn submit(&mut self, cx: &mut Cx<'_>) -> Transition {
        let what = editor_text(&self.what).trim().to_string();
        if what.is_empty() {
            cx.error(cx.s().err_need_what.to_string());
            self.field = ActionField::What;
            return Transition::Stay;
        }
        let due_text = editor_text(&self.due);
        let due = if due_text.trim().is_empty() {
            None
        } else {
            match parse_date(&due_text) {
                Some(d) => Some(d),
                None => {
                    cx.error(cx.s().err_bad_date.to_string());
                    self.field = ActionField::Due;
                    return Transition::Stay;
                }
            }
        };
        let owner = self.owner_id(cx);
        if let Some(e) = &self.edit {
            let s = cx.s();
            let a = cx
                .session()
                .and_then(|x| x.record(&x.cursor))
                .and_then(|r| r.actions.get(e.index));
            if a.is_some_and(|a| a.what == what && a.owner == owner && a.due == due) {
                cx.info(s.items_unchanged.to_string());
            } else {
                let index = e.index;
                cx.capture(s.ch_action_edited, |sess, p, now| {
                    sess.edit_action(p, index, &what, owner, due, now);
                });
            }
            return Transition::Open(ItemsDialog::overlay(e.back));
        }
        cx.clear_draft();
        let label = cx.s().ch_action_added.to_string();
        cx.capture(&label, |s, p, now| s.add_action(p, &what, owner, due, now));
        Transition::Close
    }
}

impl Dialog for ActionForm {
    fn ctx(&self) -> Ctx {
        Ctx::ActionItem
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.typing =
            crate::tui::app::live_out::typing(crate::live::TypingKind::Action, &self.what);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let parties = cx
            .session()
            .map(|s| s.active_parties().count())
            .unwrap_or(0);
        let at_who = self.field == ActionField::Who;
        match keys::command(Ctx::ActionItem, &action) {
            Some(Action::Confirm) => return self.submit(cx),
            Some(Action::Back) => {
                return match &self.edit {
                    // nothing changed: back to the list
                    Some(e) if !self.has_text() => Transition::Open(ItemsDialog::overlay(e.back)),
                    _ => Transition::Cancel,
                };
            }
            Some(Action::NextField) => self.field = self.field.next(),
            Some(Action::PrevField) => self.field = self.field.prev(),
            Some(Action::Up) if at_who => self.step_owner(parties, false),
            Some(Action::Down) if at_who => self.step_owner(parties, true),
            Some(Action::Help) => {}
            // ←→ and Space edit the text fields
            _ => match self.field {
                ActionField::Who => {
                    self.pick_owner(&action, cx);
                    if self.field == ActionField::What && self.edit.is_none() {
                        cx.set_draft(DraftKind::Action, editor_text(&self.what));
                    }
                }
                ActionField::Due => {
                    edit(&mut self.due, &action, false);
                }
                ActionField::What => {
                    // a change to an item is no new item: not kept as the draft
                    if let Edit::Changed = edit(&mut self.what, &action, false)
                        && self.edit.is_none()
                    {
                        cx.set_draft(DraftKind::Action, editor_text(&self.what));
                    }
                }
            },
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let point = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
        let title = if self.edit.is_some() {
            fill(s.dlg_action_edit, &[&point])
        } else {
            fill(s.dlg_action, &[&point])
        };
        let inner = popup(f, area, 90, 14, &title, th);
        let [what, who, due, h] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(hint_rows(Ctx::ActionItem, s, inner.width)),
        ])
        .areas(inner);
        render_editor(
            &self.what,
            f,
            what,
            s.field_what,
            self.field == ActionField::What,
            s,
            th,
        );
        let owner = self
            .owner_id(app)
            .and_then(|id| app.session().map(|x| x.party_name(id)))
            .unwrap_or_else(|| s.ui_owner_none.to_string());
        let at_who = self.field == ActionField::Who;
        let blk = Block::new()
            .borders(Borders::ALL)
            .border_style(if at_who { th.focus } else { th.border })
            .title(Span::styled(
                format!(" {} ", s.field_who),
                if at_who { th.focus } else { th.dim },
            ));
        let wi = blk.inner(who);
        f.render_widget(blk, who);
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled("◀ ", th.focus),
                Span::styled(
                    safe_line(&owner).into_owned(),
                    th.base.add_modifier(Modifier::BOLD),
                ),
                Span::styled(" ▶", th.focus),
            ])),
            wi,
        );
        render_editor(
            &self.due,
            f,
            due,
            s.field_due,
            self.field == ActionField::Due,
            s,
            th,
        );
        render_hints(f, h, Ctx::ActionItem, s, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        let field = self.field;
        vec![
            (&mut self.what, field == ActionField::What),
            (&mut self.due, field == ActionField::Due),
        ]
    }

    fn has_text(&self) -> bool {
        match &self.edit {
            // changing an item: what would be lost is the change
            Some(e) => {
                editor_text(&self.what).trim() != e.what
                    || editor_text(&self.due).trim() != e.due
                    || e.owner_touched
            }
            None => !editor_text(&self.what).trim().is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::store::Store;
    use crate::tui::theme::ThemeKind;
    use crate::tui::widgets::footer::fitting;
    use jiff::Timestamp;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    fn app() -> App {
        let store = Store::at(std::env::temp_dir().join("wijktafel-no-store"));
        let (fw, t) = (Framework::builtin(), Timestamp::UNIX_EPOCH);
        App::new(fw, Lang::Nl, ThemeKind::Dark, store, t)
    }

    #[test]
    fn tab_and_shift_tab_go_round_the_fields() {
        let mut app = app();
        let mut f = ActionForm::new("");
        for want in [ActionField::Who, ActionField::Due, ActionField::What] {
            f.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
            assert_eq!(f.field, want);
        }
        f.update(&mut Cx::new(&mut app), key(KeyCode::BackTab));
        assert_eq!(f.field, ActionField::Due);
    }

    #[test]
    fn arrows_and_space_edit_the_text_but_not_at_who() {
        let mut app = app();
        let mut f = ActionForm::new("ab");
        f.update(&mut Cx::new(&mut app), key(KeyCode::Left));
        f.update(&mut Cx::new(&mut app), key(KeyCode::Char(' ')));
        assert_eq!(editor_text(&f.what), "a b");
        f.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
        f.update(&mut Cx::new(&mut app), Action::Paste("x".into()));
        assert_eq!(f.field, ActionField::Who, "a paste at Who does nothing");
        assert_eq!(editor_text(&f.what), "a b");
    }

    #[test]
    fn enter_without_what_goes_back_to_it_with_an_error() {
        let mut app = app();
        let mut f = ActionForm::new("");
        f.field = ActionField::Due;
        assert!(matches!(
            f.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Transition::Stay
        ));
        assert_eq!(f.field, ActionField::What);
        assert_eq!(app.flash().unwrap().text, Lang::Nl.strings().err_need_what);
    }

    #[test]
    fn the_footer_is_whole_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            let keys: Vec<_> = fitting(Ctx::ActionItem, lang.strings(), 74, false)
                .into_iter()
                .map(|h| h.0)
                .collect();
            assert_eq!(keys, ["Enter", "Tab", "←→", "F1", "Esc"]);
        }
    }

    #[test]
    fn at_who_a_number_is_the_party_number_and_a_letter_is_text() {
        let mut app = crate::tui::app::test_app(crate::i18n::Lang::Nl);
        let fw = crate::framework::Framework::builtin();
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let mut sess = crate::session::Session::new("Eigenaar", &fw, now);
        sess.add_party("Gemeente", "", "");
        let gone = sess.add_party("Weg", "", "");
        sess.add_party("Politie", "", "");
        sess.parties[1].removed = Some(now);
        let _ = gone;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.toml");
        crate::store::save(&path, &sess).unwrap();
        crate::tui::dialogs::flow::open_path(&mut app, &path).unwrap();
        let mut f = ActionForm::new("");
        f.field = ActionField::Who;
        let k = |c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        f.update(&mut Cx::new(&mut app), k('3'));
        assert_eq!(f.owner_id(&app), Some(3), "3 is Politie, whose number is 3");
        f.update(&mut Cx::new(&mut app), k('2'));
        assert_eq!(
            f.owner_id(&app),
            Some(3),
            "2 left the coalition: nothing changes"
        );
        f.update(&mut Cx::new(&mut app), k('b'));
        assert_eq!(f.field, ActionField::What);
        assert_eq!(editor_text(&f.what), "b");
    }
}
