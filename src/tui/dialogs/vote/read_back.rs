//! The read-back: after `Enter` on the ballots, the result as it will be
//! recorded (outcome, tally, who voted what) before it is final. `Enter`
//! confirms (after a NO-GO the follow-up comes next), `Esc` goes back to
//! the ballots with everything kept, so a mistaken ballot can be corrected.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::follow_up::FollowUpForm;
use super::{Next, VoteStage, VoteState, ballot_lines, ballots_of, vote_preview};
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::view::vote::outcome_text;
use crate::vote::{Closing, Outcome};

/// A key on the read-back.
pub fn update(v: &VoteState, cx: &mut Cx<'_>, action: Action) -> Next {
    match keys::command(Ctx::VoteReadBack, &action) {
        Some(Action::Confirm) => {
            if vote_preview(cx, v).outcome == Outcome::NoGo {
                Next::RecordThen(VoteStage::FollowUp(FollowUpForm::new(cx.fw(), cx.lang())))
            } else {
                Next::Record(Closing::default())
            }
        }
        Some(Action::Back) => Next::To(VoteStage::Ballots),
        _ => Next::Stay,
    }
}

/// The result as it will be recorded, in `area` (the vote box below its question).
pub fn render(app: &App, v: &VoteState, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let p = vote_preview(app, v);
    let outcome = outcome_text(p.outcome, p.deferred, app.lang());
    let no_go = p.outcome == Outcome::NoGo;
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(1),
        Constraint::Length(if no_go { 2 } else { 0 }),
    ])
    .areas(area);
    let head_lines = vec![
        Line::from(Span::styled(s.vote_readback_title, th.warn)),
        Line::from(Span::styled(
            fill(
                s.vote_readback_outcome,
                &[&outcome, &p.tally.describe(app.lang())],
            ),
            th.outcome(p.outcome).add_modifier(Modifier::BOLD),
        )),
        Line::from(Span::styled(
            fill(s.vote_rule, &[&sess.rule.describe(app.lang())]),
            th.dim,
        )),
    ];
    f.render_widget(Paragraph::new(head_lines), head);
    let ballots = ballots_of(v);
    let lines = ballot_lines(app, &ballots, list.height as usize, list.width as usize, th);
    f.render_widget(Paragraph::new(lines), list);
    if no_go {
        f.render_widget(
            Wrapped::new(Span::styled(s.vote_readback_follow_up, th.bad)),
            foot,
        );
    }
}
