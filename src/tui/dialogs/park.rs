//! `P`: park a topic that comes up outside the current point (its text,
//! and with ←→ who raised it). The same box asks the closing word of a
//! parked topic (`c` in the parking lot). Every change to the parking lot
//! is a capture: saved at once, undoable with `u` (issue 26).

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::{PartyId, Session};
use crate::tui::app::App;
use crate::tui::dialogs::parking::ParkingDialog;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::open_session::Captured;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

/// A party picked with ←→ among the active parties, or nobody.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Who(pub Option<usize>);

impl Who {
    /// The previous (`forward` false) or next party, through "nobody".
    pub fn step(&mut self, parties: usize, forward: bool) {
        self.0 = match (self.0, forward) {
            (None, false) => parties.checked_sub(1),
            (Some(0), false) => None,
            (Some(i), false) => Some(i - 1),
            (None, true) if parties > 0 => Some(0),
            (Some(i), true) if i + 1 < parties => Some(i + 1),
            (_, true) => None,
        };
    }

    pub fn id(&self, sess: &Session) -> Option<PartyId> {
        self.0
            .and_then(|i| sess.active_parties().nth(i).map(|p| p.id))
    }

    /// The framed "◀ Organisation ▶" row of a form.
    pub fn render(
        &self,
        app: &App,
        label: &str,
        focused: bool,
        f: &mut Frame,
        area: Rect,
        th: &Theme,
    ) {
        let s = app.s();
        let name = app
            .session()
            .and_then(|x| self.id(x).map(|id| x.party_name(id)))
            .unwrap_or_else(|| s.ui_owner_none.to_string());
        let blk = Block::new()
            .borders(Borders::ALL)
            .border_style(if focused { th.focus } else { th.border })
            .title(Span::styled(
                format!(" {label} "),
                if focused { th.focus } else { th.dim },
            ));
        let inner = blk.inner(area);
        f.render_widget(blk, area);
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled("◀ ", th.focus),
                Span::styled(
                    safe_line(&name).into_owned(),
                    th.base.add_modifier(Modifier::BOLD),
                ),
                Span::styled(" ▶", th.focus),
            ])),
            inner,
        );
    }
}

/// Apply a change to the parking lot as one undoable capture (and maybe
/// to `point`), and save; returns whether anything changed.
pub fn capture_day(
    cx: &mut Cx<'_>,
    point: &str,
    label: &str,
    f: impl FnOnce(&mut Session, jiff::Timestamp),
) -> bool {
    let now = cx.now();
    let Some(o) = cx.open_session_mut() else {
        return false;
    };
    if o.capture_day(point, label, now, f) == Captured::Unchanged {
        return false;
    }
    cx.save_now();
    true
}

pub struct ParkDialog {
    pub text: TextArea<'static>,
    pub who: Who,
    /// At the "who" field (else at the text).
    pub at_who: bool,
    /// Closing this parked topic (its id, and the row of the parking lot
    /// to go back to), rather than parking a new one.
    pub closing: Option<(u32, usize)>,
}

impl ParkDialog {
    pub fn new() -> ParkDialog {
        ParkDialog {
            text: editor(""),
            who: Who::default(),
            at_who: false,
            closing: None,
        }
    }

    pub fn closing(id: u32, back: usize) -> ParkDialog {
        ParkDialog {
            closing: Some((id, back)),
            ..ParkDialog::new()
        }
    }

    fn submit(&mut self, cx: &mut Cx<'_>) -> Transition {
        let s = cx.s();
        let text = editor_text(&self.text).trim().to_string();
        let Some(sess) = cx.session() else {
            return Transition::Close;
        };
        let point = sess.cursor.clone();
        if text.is_empty() {
            let need = match self.closing {
                Some(_) => s.parking_need_reason,
                None => s.park_need_text,
            };
            cx.error(need.to_string());
            return Transition::Stay;
        }
        if let Some((id, back)) = self.closing {
            if capture_day(cx, &point, s.parking_close_label, |x, now| {
                x.close_parked(id, &text, now);
            }) {
                cx.info(fill(s.parking_closed_msg, &[&id.to_string()]));
            }
            return Transition::Open(Box::new(ParkingDialog { selected: back }));
        }
        let by = self.who.id(sess);
        let mut id = None;
        capture_day(cx, &point, s.park_label, |x, now| {
            id = x.park(&text, by, &point, now);
        });
        if let Some(id) = id {
            cx.info(fill(s.park_saved, &[&id.to_string()]));
        }
        Transition::Close
    }
}

impl Default for ParkDialog {
    fn default() -> Self {
        ParkDialog::new()
    }
}

impl Dialog for ParkDialog {
    fn ctx(&self) -> Ctx {
        if self.closing.is_some() {
            Ctx::ParkClose
        } else {
            Ctx::Park
        }
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let parties = cx
            .session()
            .map(|s| s.active_parties().count())
            .unwrap_or(0);
        let has_who = self.closing.is_none();
        match keys::command(self.ctx(), &action) {
            Some(Action::Confirm) => return self.submit(cx),
            Some(Action::Back) => return Transition::Cancel,
            Some(Action::NextField) if has_who => self.at_who = !self.at_who,
            Some(Action::Up) if self.at_who => self.who.step(parties, false),
            Some(Action::Down) if self.at_who => self.who.step(parties, true),
            Some(Action::Help) => {}
            _ if self.at_who => {
                // a letter typed at "who" is text: back to the text field
                if let Action::Key(ev) = &action
                    && matches!(ev.code, ratatui::crossterm::event::KeyCode::Char(_))
                {
                    self.at_who = false;
                    edit(&mut self.text, &action, false);
                }
            }
            _ => {
                edit(&mut self.text, &action, false);
            }
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let point = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
        let (title, height) = match self.closing {
            Some((id, _)) => (fill(s.parking_close_title, &[&id.to_string()]), 7),
            None => (fill(s.park_title, &[&point]), 10),
        };
        let inner = popup(f, area, 90, height, &title, th);
        let [text, who, h] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(if self.closing.is_some() { 0 } else { 3 }),
            Constraint::Length(1),
        ])
        .areas(inner);
        let label = if self.closing.is_some() {
            s.wd_csv_reason
        } else {
            s.park_text
        };
        render_editor(&self.text, f, text, label, !self.at_who, s, th);
        if self.closing.is_none() {
            self.who.render(app, s.park_who, self.at_who, f, who, th);
        }
        f.render_widget(hint_line(self.ctx(), s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        let focus = !self.at_who;
        vec![(&mut self.text, focus)]
    }

    fn has_text(&self) -> bool {
        !editor_text(&self.text).trim().is_empty()
    }
}
