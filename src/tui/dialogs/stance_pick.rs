//! A party's stance, picked directly (issue 24): its digit opens this
//! dialog, a letter picks the stance (e eens, v voorbehoud, o oneens, n niet
//! uitgesproken); nothing is saved on the way. When the stance changes the
//! point's status (a listed dissenter that no longer disagrees, a
//! "disagree" on a consensus point), the dialog asks first what follows,
//! and records the stance and its consequence as one capture (see
//! [`crate::session::Session::change_stance`]).

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::session::{PartyId, Stance, StanceEffect, Status};
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Overlay, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct StancePickDialog {
    pub party: PartyId,
    /// The stance picked, once the dialog asks what follows from it.
    pub picked: Option<(Stance, StanceEffect)>,
}

impl StancePickDialog {
    pub fn overlay(party: PartyId) -> Overlay {
        Box::new(StancePickDialog {
            party,
            picked: None,
        })
    }

    fn name(app: &App, party: PartyId) -> String {
        app.session()
            .and_then(|s| s.party(party))
            .map(|p| p.label())
            .unwrap_or_else(|| format!("#{party}"))
    }

    /// The text of the dialog: the picker's line, or the question.
    fn text(&self, app: &App) -> String {
        let st = app.lang().stances();
        let name = Self::name(app, self.party);
        match self.picked {
            None => {
                let now = app
                    .session()
                    .and_then(|s| s.record(&s.cursor))
                    .map(|r| r.stance_of(self.party))
                    .unwrap_or_default();
                fill(st.pick_now, &[&name, now.word(app.lang())])
            }
            Some((stance, StanceEffect::LeavesDissent { last: false })) => {
                fill(st.leaves_dissent, &[&name, stance.word(app.lang())])
            }
            Some((stance, StanceEffect::LeavesDissent { last: true })) => {
                fill(st.last_dissenter, &[&name, stance.word(app.lang())])
            }
            Some((_, _)) => fill(st.over_consensus, &[&name]),
        }
    }
}

/// Pick `stance` for `party` on the current point: recorded at once when
/// nothing follows for the status, else the question (returned as the
/// dialog to show).
pub fn pick(cx: &mut Cx<'_>, party: PartyId, stance: Stance) -> Option<Overlay> {
    let effect = cx
        .session()
        .map(|s| s.stance_effect(&s.cursor, party, stance))
        .unwrap_or(StanceEffect::None);
    if effect == StanceEffect::None {
        record(cx, party, stance, None);
        return None;
    }
    Some(Box::new(StancePickDialog {
        party,
        picked: Some((stance, effect)),
    }))
}

/// Record the stance and what follows for the status, as one capture.
fn record(cx: &mut Cx<'_>, party: PartyId, stance: Stance, then: Option<Status>) {
    let name = cx
        .session()
        .map(|s| s.party_name(party))
        .unwrap_or_default();
    let label = format!("{name}: {}", stance.word(cx.lang()));
    cx.capture(&label, |sess, p, now| {
        sess.change_stance(p, party, stance, then, now)
    });
    if cx.all_agree()
        && cx
            .session()
            .is_some_and(|s| s.status_of(&s.cursor) != Status::Consensus)
    {
        cx.info(cx.s().ui_suggest_consensus.to_string());
    }
}

impl Dialog for StancePickDialog {
    fn ctx(&self) -> Ctx {
        match self.picked {
            None => Ctx::StancePick,
            Some((_, StanceEffect::LeavesDissent { last: false })) => Ctx::Confirm,
            Some(_) => Ctx::StanceThen,
        }
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match (self.picked, action) {
            (None, Action::PickStance(stance)) => match pick(cx, self.party, stance) {
                Some(next) => Transition::Open(next),
                None => Transition::Close,
            },
            (Some((stance, _)), Action::Confirm) => {
                record(cx, self.party, stance, None);
                Transition::Close
            }
            (Some((stance, _)), Action::MarkConsensus) => {
                record(cx, self.party, stance, Some(Status::Consensus));
                Transition::Close
            }
            (Some((stance, _)), Action::MarkOpen) => {
                record(cx, self.party, stance, Some(Status::Open));
                Transition::Close
            }
            (_, Action::Back) => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let st = app.lang().stances();
        let text = self.text(app);
        // the picker: the stances and their keys, from the key table, one a line
        let options: Vec<Line<'static>> = if self.picked.is_none() {
            crate::tui::keys::help_rows(Ctx::StancePick)
                .filter(|b| matches!(b.action, Action::PickStance(_)))
                .map(|b| {
                    Line::from(vec![
                        Span::styled(format!("  {}  ", b.label), th.focus),
                        Span::styled((b.help)(app.s()).to_string(), th.base),
                    ])
                })
                .collect()
        } else {
            Vec::new()
        };
        let width = 76u16.min(area.width.saturating_sub(2));
        let rows = crate::view::wrap::wrapped_rows(&text, width.saturating_sub(4).max(1) as usize)
            as u16
            + options.len() as u16;
        let title = match self.picked {
            None => fill(st.pick_title, &[&Self::name(app, self.party)]),
            Some((_, StanceEffect::LeavesDissent { last: false })) => {
                app.s().dlg_question.to_string()
            }
            Some(_) => st.title_then.to_string(),
        };
        let inner = popup(f, area, 76, rows + 4, &title, th);
        let [q, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let style = if self.picked.is_some() {
            th.warn
        } else {
            th.base
        };
        let mut lines = vec![Line::from(Span::styled(
            safe_line(&text).into_owned(),
            style,
        ))];
        lines.extend(options);
        f.render_widget(Wrapped::new(lines), q);
        f.render_widget(hint_line(self.ctx(), app.s(), h.width, false, th), h);
    }
}
