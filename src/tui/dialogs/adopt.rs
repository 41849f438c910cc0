//! `v` at the start of a workshop: "Verslag bijeenkomst N vaststellen"
//! (issue 26). Enter with an empty field adopts the minutes; an amendment
//! is typed (text, who asked with ←→, which part) and added with Enter
//! first. Adopting starts the workshop when it has not started (it is a
//! capture of that workshop), is saved at once as an event, and `u` on the
//! main screen takes it back.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui_textarea::TextArea;

use crate::domain::workday::Amendment;
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::park::Who;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Who,
    Part,
}

pub struct AdoptDialog {
    /// The workshop whose minutes are adopted.
    pub workshop: u32,
    text: TextArea<'static>,
    part: TextArea<'static>,
    who: Who,
    field: Field,
    amendments: Vec<Amendment>,
}

/// The minutes the start screen can adopt: those of the last workshop
/// before the one starting (or just started), when not adopted yet.
pub fn to_adopt(app: &App) -> Option<u32> {
    let o = app.open_session()?;
    let sess = &o.session;
    if o.planned.is_some() {
        let last = sess.workshops.last()?;
        (last.ended.is_some() && sess.adoption_of(last.number).is_none()).then_some(last.number)
    } else {
        sess.minutes_to_adopt()
    }
}

/// `v`: open the dialog, or say there is nothing to adopt.
pub fn open(cx: &mut Cx<'_>) {
    match to_adopt(cx) {
        Some(n) => {
            cx.open(AdoptDialog {
                workshop: n,
                text: editor(""),
                part: editor(""),
                who: Who::default(),
                field: Field::Text,
                amendments: Vec::new(),
            });
        }
        None => cx.info(cx.s().adopt_nothing.to_string()),
    }
}

impl AdoptDialog {
    fn submit(&mut self, cx: &mut Cx<'_>) -> Transition {
        let s = cx.s();
        let text = editor_text(&self.text).trim().to_string();
        if !text.is_empty() {
            let party = cx.session().and_then(|x| self.who.id(x));
            self.amendments.push(Amendment {
                text,
                party,
                part: editor_text(&self.part).trim().to_string(),
            });
            self.text = editor("");
            self.part = editor("");
            self.who = Who::default();
            self.field = Field::Text;
            return Transition::Stay;
        }
        // a part or a party without the amendment's text: ask for the text
        // rather than adopting and dropping them
        if self.who.0.is_some() || !editor_text(&self.part).trim().is_empty() {
            cx.error(s.adopt_need_text.to_string());
            self.field = Field::Text;
            return Transition::Stay;
        }
        // a workshop not started yet starts now: the adoption is its capture
        cx.start_workshop();
        let n = self.workshop;
        let amendments = std::mem::take(&mut self.amendments);
        let count = amendments.len();
        let point = cx.session().map(|x| x.cursor.clone()).unwrap_or_default();
        let mut adopted = false;
        crate::tui::dialogs::park::capture_day(cx, &point, s.adopt_label, |x, now| {
            adopted = x.adopt_minutes(n, amendments, now).is_ok();
        });
        if !adopted {
            cx.info(s.adopt_nothing.to_string());
            return Transition::Close;
        }
        let msg = if count == 0 {
            fill(s.adopt_done_msg, &[&n.to_string()])
        } else {
            fill(
                s.adopt_done_amended_msg,
                &[&n.to_string(), &count.to_string()],
            )
        };
        cx.info(msg);
        Transition::Close
    }
}

impl Dialog for AdoptDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Adopt
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let parties = cx
            .session()
            .map(|s| s.active_parties().count())
            .unwrap_or(0);
        let at_who = self.field == Field::Who;
        match keys::command(Ctx::Adopt, &action) {
            Some(Action::Confirm) => return self.submit(cx),
            Some(Action::Back) => return Transition::Cancel,
            Some(Action::NextField) => {
                self.field = match self.field {
                    Field::Text => Field::Who,
                    Field::Who => Field::Part,
                    Field::Part => Field::Text,
                }
            }
            Some(Action::PrevField) => {
                self.field = match self.field {
                    Field::Text => Field::Part,
                    Field::Who => Field::Text,
                    Field::Part => Field::Who,
                }
            }
            Some(Action::Up) if at_who => self.who.step(parties, false),
            Some(Action::Down) if at_who => self.who.step(parties, true),
            Some(Action::Help) => {}
            _ => match self.field {
                Field::Text => {
                    edit(&mut self.text, &action, false);
                }
                Field::Part => {
                    edit(&mut self.part, &action, false);
                }
                Field::Who => {}
            },
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let title = fill(s.adopt_title, &[&self.workshop.to_string()]);
        let listed = self.amendments.len() as u16;
        let inner = popup(f, area, 96, 20 + listed.min(8), &title, th);
        let [intro, list, text, who, part, h] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(2),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Length(1),
        ])
        .areas(inner);
        f.render_widget(Wrapped::new(s.adopt_intro).style(th.dim), intro);
        let mut lines = Vec::new();
        if self.amendments.is_empty() {
            lines.push(Line::from(Span::styled(s.adopt_none_yet, th.dim)));
        } else {
            let head = fill(s.adopt_list, &[&self.amendments.len().to_string()]);
            lines.push(Line::from(Span::styled(head, th.title)));
            for m in &self.amendments {
                let mut t = format!("• {}", safe_line(&m.text));
                if let Some(p) = m.party.and_then(|p| app.session().map(|x| x.party_name(p))) {
                    t.push_str(&format!(" — {}", fill(s.wd_asked_by, &[&safe_line(&p)])));
                }
                if !m.part.is_empty() {
                    t.push_str(&format!(" — {}", fill(s.wd_part, &[&safe_line(&m.part)])));
                }
                lines.push(Line::from(Span::styled(t, th.base)));
            }
        }
        f.render_widget(Wrapped::new(lines), list);
        render_editor(
            &self.text,
            f,
            text,
            s.adopt_text,
            self.field == Field::Text,
            s,
            th,
        );
        self.who
            .render(app, s.adopt_who, self.field == Field::Who, f, who, th);
        render_editor(
            &self.part,
            f,
            part,
            s.adopt_part,
            self.field == Field::Part,
            s,
            th,
        );
        f.render_widget(hint_line(Ctx::Adopt, s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        let field = self.field;
        vec![
            (&mut self.text, field == Field::Text),
            (&mut self.part, field == Field::Part),
        ]
    }

    fn has_text(&self) -> bool {
        !self.amendments.is_empty() || !editor_text(&self.text).trim().is_empty()
    }
}
