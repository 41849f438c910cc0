//! `d`: dissent on the current point — who disagrees (a list of the
//! present parties) and why (a reason). `Tab` moves between the two,
//! `Enter` records it, `Esc` asks before throwing a typed reason away.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::session::{DraftKind, PartyId, Stance, Status};
use crate::tui::app::{App, PartyRow};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{Edit, edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::{hint_rows, render_hints};
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::status::fit;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use unicode_width::UnicodeWidthStr;

pub struct DissentDialog {
    /// The parties that disagree, in id order.
    pub chosen: Vec<PartyId>,
    /// The selected row of the party list.
    pub selected: usize,
    pub reason: TextArea<'static>,
    /// Whether the reason has the focus (else the party list has it).
    pub on_reason: bool,
    /// The reason as proposed from the parties' own stance reasons, while
    /// the facilitator has not changed it: ticking a party then proposes again.
    pub proposed: Option<String>,
}

impl DissentDialog {
    pub fn new(chosen: Vec<PartyId>, reason: &str, on_reason: bool) -> DissentDialog {
        DissentDialog {
            chosen,
            selected: 0,
            reason: editor(reason),
            on_reason,
            proposed: None,
        }
    }

    /// `d` on the current point: who dissents now and every present party
    /// whose stance is "oneens", ticked; the reason recorded before, or
    /// else the one proposed from those parties' own reasons (editable).
    pub fn open(app: &App) -> DissentDialog {
        let Some(sess) = app.session() else {
            return DissentDialog::new(Vec::new(), "", false);
        };
        let rec = sess.record(&sess.cursor);
        let mut chosen: Vec<PartyId> = rec
            .filter(|r| r.status == Status::Dissent)
            .map(|r| r.dissenters.clone())
            .unwrap_or_default();
        chosen.extend(
            app.present_parties()
                .into_iter()
                .filter(|&p| rec.is_some_and(|r| r.stance_of(p) == Stance::Disagree)),
        );
        chosen.sort_unstable();
        chosen.dedup();
        let recorded = rec.map(|r| r.dissent_reason.clone()).unwrap_or_default();
        if !recorded.trim().is_empty() {
            return DissentDialog::new(chosen, &recorded, false);
        }
        let proposal = proposal(app, &chosen);
        let mut d = DissentDialog::new(chosen, &proposal, false);
        d.proposed = Some(proposal);
        d
    }

    /// After a tick: propose the reason again, unless it was edited.
    fn propose_again(&mut self, app: &App) {
        let Some(before) = &self.proposed else { return };
        if editor_text(&self.reason) != *before {
            self.proposed = None;
            return;
        }
        let now = proposal(app, &self.chosen);
        self.reason = editor(&now);
        self.proposed = Some(now);
    }

    /// The rows of the party list: the present parties and whoever is
    /// chosen already (a dissenter from an earlier workshop who is absent
    /// now stays visible), each with its number for the whole session.
    pub fn rows(&self, app: &App) -> Vec<PartyRow> {
        app.party_rows()
            .into_iter()
            .filter(|r| r.present || self.chosen.contains(&r.id))
            .collect()
    }

    /// Add or remove a party.
    fn toggle(&mut self, p: PartyId) {
        if let Some(k) = self.chosen.iter().position(|&c| c == p) {
            self.chosen.remove(k);
        } else {
            self.chosen.push(p);
            self.chosen.sort_unstable();
        }
    }

    /// A command on the party list.
    fn list(&mut self, cx: &mut Cx<'_>, action: Action, rows: &[PartyRow]) {
        let last = rows.len().saturating_sub(1);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::Toggle => {
                if let Some(r) = rows.get(self.selected) {
                    self.toggle(r.id);
                }
            }
            // the party's number, not its place in this list; an absent
            // party says so (unless it is listed: then it can be un-ticked)
            Action::Digit(i) => match rows.iter().position(|r| r.number == i + 1) {
                Some(k) => {
                    self.toggle(rows[k].id);
                    self.selected = k;
                }
                None => {
                    cx.present_party_of_key(i);
                }
            },
            _ => {}
        }
    }

    /// `Enter`: record the dissent, or say what is missing.
    fn submit(&mut self, cx: &mut Cx<'_>, present: &[PartyId]) -> Transition {
        let text = editor_text(&self.reason);
        if self.chosen.is_empty() && !present.is_empty() {
            cx.error(cx.s().err_need_dissenter.to_string());
            return Transition::Stay;
        }
        if text.trim().is_empty() {
            cx.error(cx.s().err_need_reason.to_string());
            self.on_reason = true;
            return Transition::Stay;
        }
        cx.clear_draft();
        let label = cx.s().status_dissent.to_string();
        let chosen = self.chosen.clone();
        cx.capture(&label, |s, p, now| {
            s.set_status(p, Status::Dissent, chosen, &text, now)
        });
        Transition::Close
    }
}

/// The reason proposed for `chosen` from their own stance reasons on the
/// current point: one party's reason as it is, several as "Name: reason;
/// Name: reason" (parties without a reason left out).
pub fn proposal(app: &App, chosen: &[PartyId]) -> String {
    let Some(sess) = app.session() else {
        return String::new();
    };
    let Some(rec) = sess.record(&sess.cursor) else {
        return String::new();
    };
    let reasons: Vec<(PartyId, &str)> = chosen
        .iter()
        .filter_map(|&p| {
            rec.stance_entry(p)
                .map(|e| e.reason.trim())
                .filter(|r| !r.is_empty())
                .map(|r| (p, r))
        })
        .collect();
    match reasons.as_slice() {
        [] => String::new(),
        [(_, r)] if chosen.len() == 1 => r.to_string(),
        many => many
            .iter()
            .map(|(p, r)| format!("{}: {r}", sess.party_name(*p)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A key that types a character (no Ctrl or Alt held).
fn is_text_key(action: &Action) -> bool {
    match action {
        Action::Key(ev) => {
            matches!(ev.code, KeyCode::Char(_))
                && !ev
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        }
        _ => false,
    }
}

impl Dialog for DissentDialog {
    fn ctx(&self) -> Ctx {
        if self.on_reason {
            Ctx::Dissent
        } else {
            Ctx::DissentParties
        }
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        state.dialog = crate::live::LiveDialog::Dissent {
            parties: self.chosen.clone(),
        };
        state.typing =
            crate::tui::app::live_out::typing(crate::live::TypingKind::Reason, &self.reason);
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let present = cx.present_parties();
        let rows = self.rows(cx);
        match keys::command(self.ctx(), &action) {
            Some(Action::Confirm) => return self.submit(cx, &present),
            Some(Action::Back) => return Transition::Cancel,
            Some(Action::NextField | Action::PrevField) => {
                self.on_reason = !self.on_reason;
                return Transition::Stay;
            }
            Some(Action::Help) => return Transition::Stay,
            Some(command) if !self.on_reason => {
                self.list(cx, command, &rows);
                self.propose_again(cx);
                return Transition::Stay;
            }
            _ => {}
        }
        // a paste, or a letter typed, over the party list goes to the
        // reason: nothing typed is dropped
        if matches!(action, Action::Paste(_)) || (!self.on_reason && is_text_key(&action)) {
            self.on_reason = true;
        }
        if self.on_reason
            && let Edit::Changed = edit(&mut self.reason, &action, false)
        {
            cx.set_draft(DraftKind::Dissent, editor_text(&self.reason));
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let rows = self.rows(app);
        let height = (rows.len() as u16 + 9).min(area.height.saturating_sub(2));
        let inner = popup(f, area, 90, height, s.dlg_dissent, th);
        let [list, ed, h] = Layout::vertical([
            Constraint::Min(2),
            Constraint::Length(4),
            Constraint::Length(hint_rows(self.ctx(), s, inner.width)),
        ])
        .areas(inner);
        let rec = sess.record(&sess.cursor);
        let lh = list.height as usize;
        let start = if rows.len() <= lh {
            0
        } else {
            self.selected.saturating_sub(lh / 2).min(rows.len() - lh)
        };
        let label_w =
            crate::tui::widgets::label_width(rows.iter().map(|r| r.number).max().unwrap_or(1));
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(start)
            .take(lh)
            .map(|(i, row)| {
                let p = row.id;
                let on = self.chosen.contains(&p);
                let stance = rec.map(|r| r.stance_of(p)).unwrap_or_default();
                let key = crate::tui::widgets::party_label(row.number, label_w);
                let sel = i == self.selected && !self.on_reason;
                let name_style = if sel { th.selected } else { th.base };
                let (tail, tail_style) = if row.present {
                    (
                        format!("  ({} {})", stance.symbol(), stance.word(app.lang())),
                        th.stance(stance),
                    )
                } else {
                    (format!("  ({})", s.ui_absent), th.dim)
                };
                // the name gets what the marker, label, box and stance leave; cut with "…"
                let used = 2 + key.width() + 2 + tail.width();
                let name = fit(
                    &safe_line(&sess.party_name(p)),
                    (list.width as usize).saturating_sub(used),
                );
                Line::from(vec![
                    Span::styled(crate::tui::widgets::marker(sel), th.focus),
                    Span::styled(key, th.focus),
                    Span::styled(
                        if on { "☒ " } else { "☐ " },
                        if on { th.bad } else { th.dim },
                    ),
                    Span::styled(name, name_style),
                    Span::styled(tail, tail_style),
                ])
            })
            .collect();
        f.render_widget(Paragraph::new(lines), list);
        render_editor(&self.reason, f, ed, s.field_reason, self.on_reason, s, th);
        render_hints(f, h, self.ctx(), s, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        vec![(&mut self.reason, self.on_reason)]
    }

    fn has_text(&self) -> bool {
        !editor_text(&self.reason).trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::session::Session;
    use crate::store::Store;
    use crate::tui::theme::ThemeKind;
    use crate::tui::widgets::footer::fitting;
    use jiff::Timestamp;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    /// An app with a session of two parties, both present.
    fn app_with_parties(dir: &std::path::Path) -> App {
        let fw = Framework::builtin();
        let now = Timestamp::from_second(1_791_816_300).unwrap();
        let mut s = Session::new("Testwijk", &fw, now);
        s.add_party("Gemeente", "Anna", "");
        s.add_party("Bewoners", "Bas", "");
        let store = Store::at(dir);
        let path = store.create(&s).unwrap();
        let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, now);
        crate::tui::dialogs::flow::open_path(&mut app, &path).unwrap();
        // the start screen's Enter: the workshop starts with both present
        app.start_workshop();
        app
    }

    #[test]
    fn tab_moves_the_focus_between_the_parties_and_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_parties(dir.path());
        let mut d = DissentDialog::new(Vec::new(), "", false);
        assert_eq!(d.ctx(), Ctx::DissentParties);
        d.update(&mut Cx::new(&mut app), key(KeyCode::Char('2')));
        assert_eq!(d.chosen, vec![2]);
        assert_eq!(d.selected, 1);
        d.update(&mut Cx::new(&mut app), key(KeyCode::Tab));
        assert_eq!(d.ctx(), Ctx::Dissent);
        d.update(&mut Cx::new(&mut app), key(KeyCode::Char('2')));
        assert_eq!(editor_text(&d.reason), "2", "in the reason a digit is text");
        d.update(&mut Cx::new(&mut app), key(KeyCode::BackTab));
        assert!(!d.on_reason);
    }

    #[test]
    fn enter_says_what_is_missing_and_keeps_the_dialog_open() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with_parties(dir.path());
        let s = Lang::Nl.strings();
        let mut d = DissentDialog::new(Vec::new(), "", false);
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Transition::Stay
        ));
        assert_eq!(app.flash().unwrap().text, s.err_need_dissenter);
        d.update(&mut Cx::new(&mut app), key(KeyCode::Char(' ')));
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Transition::Stay
        ));
        assert_eq!(app.flash().unwrap().text, s.err_need_reason);
        assert!(d.on_reason, "the focus goes to the reason");
        d.update(&mut Cx::new(&mut app), Action::Paste("te duur".into()));
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), key(KeyCode::Enter)),
            Transition::Close
        ));
        let sess = app.session().unwrap();
        let rec = sess.record(&sess.cursor).unwrap();
        assert_eq!(rec.status, Status::Dissent);
        assert_eq!(rec.dissenters, vec![1]);
    }

    #[test]
    fn the_footers_keep_help_and_the_way_out_at_80_columns() {
        for lang in [Lang::Nl, Lang::En] {
            for ctx in [Ctx::DissentParties, Ctx::Dissent] {
                let keys: Vec<_> = fitting(ctx, lang.strings(), 74, false)
                    .into_iter()
                    .map(|h| h.0)
                    .collect();
                assert_eq!(keys[0], "Enter", "{keys:?}");
                assert!(keys.ends_with(&["F1", "Esc"]), "{keys:?}");
                assert!(keys.contains(&"Tab"), "{keys:?}");
            }
        }
    }
}
