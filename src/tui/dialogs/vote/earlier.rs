//! `v` when a vote was held before: that vote first (when, outcome, tally,
//! follow-up, who voted what), then the question whether to hold a new
//! one, and why (optional: the minutes say what the new vote replaces and
//! why). A new vote is added to the session's votes and decides from then
//! on; the earlier one stays in the history and the minutes. A deferral is
//! not a vote held: after one, `v` goes straight to the ballots.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Next, VoteStage, ballot_lines, when};
use crate::i18n::fill;
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::status::fit;
use crate::tui::widgets::wrapped::Wrapped;
use crate::view::vote::outcome_text;
use crate::view::wrap::wrap_styled;
use crate::view::wrap::wrapped_rows;
use ratatui_textarea::TextArea;

/// A key while the earlier vote is shown.
pub fn update(action: Action) -> Next {
    match keys::command(Ctx::VoteEarlier, &action) {
        Some(Action::NewVote) => Next::To(VoteStage::Again(editor(""))),
        Some(Action::Back) => Next::Close,
        _ => Next::Stay,
    }
}

/// A key while the reason for a new vote is typed: `Enter` goes on to the
/// ballots (the reason may stay empty), `Esc` back to the earlier vote.
pub fn again_update(ed: &mut TextArea<'static>, again: &mut String, action: Action) -> Next {
    match keys::command(Ctx::VoteAgain, &action) {
        Some(Action::Confirm) => {
            *again = clean_line(&editor_text(ed));
            Next::To(VoteStage::Ballots)
        }
        Some(Action::Back) => Next::To(VoteStage::Earlier),
        Some(Action::Help) => Next::Stay,
        _ => {
            edit(ed, &action, false);
            Next::Stay
        }
    }
}

/// The earlier vote's outcome and the reason being typed for a new one.
pub fn render_again(app: &App, ed: &TextArea<'static>, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let Some((_, v)) = crate::vote::latest_held(&sess.votes) else {
        return;
    };
    let [head, editor_area, _] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(5),
        Constraint::Min(0),
    ])
    .areas(area);
    let replaces = fill(
        s.vote_again_replaces,
        &[
            &outcome_text(v.outcome, v.deferred, app.lang()),
            &v.workshop.to_string(),
        ],
    );
    f.render_widget(
        Wrapped::new(vec![
            Line::from(Span::styled(replaces, th.outcome(v.outcome))),
            Line::from(Span::styled(s.vote_again_ask, th.focus)),
        ]),
        head,
    );
    render_editor(ed, f, editor_area, s.vote_again_title, true, s, th);
}

/// The latest vote of the session and the question, in `area`.
pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let Some((_, v)) = crate::vote::latest_held(&sess.votes) else {
        return;
    };
    let width = area.width as usize;
    let mut head = vec![
        Line::from(Span::styled(s.vote_earlier_title, th.warn)),
        Line::from(Span::styled(
            fill(
                s.vote_earlier_when,
                &[&when(app, v.at), &v.workshop.to_string()],
            ),
            th.base,
        )),
        Line::from(Span::styled(
            fill(
                s.vote_readback_outcome,
                &[
                    &outcome_text(v.outcome, v.deferred, app.lang()),
                    &v.tally.describe(app.lang()),
                ],
            ),
            th.outcome(v.outcome).add_modifier(Modifier::BOLD),
        )),
    ];
    let mut plain = |text: String| head.push(Line::from(Span::styled(fit(&text, width), th.base)));
    if !v.remark.is_empty() {
        plain(safe_line(&v.remark).into_owned());
    }
    let fu = crate::view::vote::follow_up(&app.env(), v);
    if let Some(route) = fu.route {
        // the route in the framework's words wraps (up to 3 rows, then "…")
        head.extend(wrap_styled(&[(route, th.base)], width, 3));
    }
    if let Some(revisit) = fu.revisit {
        head.push(Line::from(Span::styled(fit(&revisit, width), th.base)));
    }
    let count = fill(
        s.vote_earlier_count,
        &[&sess
            .votes
            .iter()
            .filter(|v| !v.is_deferral())
            .count()
            .to_string()],
    );
    // the question gets every row it needs: it is never cut
    let ask_rows =
        1 + wrapped_rows(&count, width.max(1)) + wrapped_rows(s.vote_earlier_ask, width.max(1));
    let [top, list, ask] = Layout::vertical([
        Constraint::Length(head.len() as u16 + 1),
        Constraint::Min(1),
        Constraint::Length(ask_rows as u16),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(head), top);
    let lines = ballot_lines(app, &v.ballots, list.height as usize, width, th);
    f.render_widget(Paragraph::new(lines), list);
    let ask_lines = vec![
        Line::default(),
        Line::from(Span::styled(count, th.dim)),
        Line::from(Span::styled(s.vote_earlier_ask, th.focus)),
    ];
    f.render_widget(Wrapped::new(ask_lines), ask);
}
