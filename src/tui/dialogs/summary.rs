//! `w`: the summary of the workshop before it ends: the points discussed,
//! the decisions, open dissent and action items. `Enter` ends the workshop
//! and writes the minutes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::fill;
use crate::session::{Session, Status};
use crate::tui::app::{App, finish_workshop, needs_vote};
use crate::tui::dialogs::vote::outcome_text;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::recap::{action_lines, dissent_lines};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SummaryDialog;

impl Dialog for SummaryDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Summary
    }

    fn raw_keys(&self) -> bool {
        false
    }

    fn update(&mut self, app: &mut App, action: Action) -> Transition {
        match action {
            Action::Confirm => {
                finish_workshop(app);
                Transition::Close
            }
            Action::Back => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let number = sess.workshop_number();
        let title = fill(s.summary_title, &[&number.to_string()]);
        let w = area.width.saturating_sub(6);
        let inner = popup(f, area, w, area.height.saturating_sub(2), &title, th);
        let [body, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let mut lines = points(app, sess, th);
        lines.push(Line::default());
        lines.extend(decisions(app, sess, th));
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.start_open_dissent, th.bad)));
        dissent_lines(sess, usize::MAX, s, th, &mut lines);
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.ui_actions, th.title)));
        // added in this workshop, or done in it: each once, done ones as done
        let actions = sess.workshop_actions(number);
        action_lines(sess, &actions, usize::MAX, s, th, &mut lines);
        if needs_vote(app) {
            lines.push(Line::from(Span::styled(s.end_needs_vote, th.warn)));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        f.render_widget(hint_line(Ctx::Summary, s, h.width, false, th), h);
    }
}

/// How many points this workshop touched, counted by status.
fn points(app: &App, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let number = sess.workshop_number();
    let discussed: Vec<Status> = app
        .fw
        .iter_points()
        .filter_map(|(_, _, p)| sess.record(&p.id).filter(|r| r.touched_in(number)))
        .map(|r| r.status)
        .collect();
    let counts = Status::ALL.into_iter().map(|st| {
        let n = discussed.iter().filter(|&&x| x == st).count();
        Span::styled(
            format!("{} {} {}   ", st.symbol(), n, st.word(app.lang)),
            th.status(st),
        )
    });
    vec![
        Line::from(Span::styled(
            fill(s.summary_points, &[&discussed.len().to_string()]),
            th.title,
        )),
        Line::from(counts.collect::<Vec<_>>()),
    ]
}

/// The votes of this workshop, or "no vote".
fn decisions(app: &App, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let number = sess.workshop_number();
    let mut lines = vec![Line::from(Span::styled(s.summary_decisions, th.title))];
    let votes: Vec<_> = sess.votes.iter().filter(|v| v.workshop == number).collect();
    if votes.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", s.no_vote), th.dim)));
    }
    for v in votes {
        lines.push(Line::from(Span::styled(
            format!("  {}", outcome_text(v.outcome, v.deferred, app.lang)),
            th.outcome(v.outcome),
        )));
    }
    lines
}
