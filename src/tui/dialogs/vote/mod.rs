//! `v`: the go/no-go vote that ends an orientation workshop, in stages:
//! an earlier vote and whether to hold a new one ([`earlier`]), the
//! ballots per party ([`ballots`]), the result read back before it is
//! final ([`read_back`]), after a NO-GO the follow-up ([`follow_up`]), or
//! the facilitator's reason to defer ([`defer`]). A recorded vote is shown
//! in large letters ([`banner`]); a vote held to end the workshop (`w`)
//! goes on to its summary.
//!
//! Votes are only ever added: a new vote keeps the earlier ones in the
//! history and the minutes, and the latest decides the gate
//! ([`crate::gate`]).
//!
//! The tally, the outcome and the vote itself come from [`crate::vote`]:
//! this dialog only collects the ballots and the closing.

pub mod ballots;
pub mod banner;
pub mod defer;
pub mod earlier;
pub mod follow_up;
pub mod read_back;

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::session::PartyId;
use crate::tui::app::App;
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::status::fit;
use crate::vote::{Ballot, Choice, Closing, Vote};

use banner::{BannerDialog, EndBanner};
use defer::DeferForm;
use follow_up::FollowUpForm;

/// One party's line on the vote screen.
#[derive(Debug, Clone)]
pub struct VoteLine {
    pub party: PartyId,
    pub choice: Option<Choice>,
    pub reason: String,
}

/// The ballots being collected: one line per present party.
#[derive(Debug, Clone, Default)]
pub struct VoteState {
    pub lines: Vec<VoteLine>,
    pub selected: usize,
}

/// Where the vote is.
#[allow(clippy::large_enum_variant)] // one short-lived value on the vote screen
pub enum VoteStage {
    /// A vote was held before: it is shown, and a new one is asked for.
    Earlier,
    /// A new vote: why the room votes again (optional).
    Again(TextArea<'static>),
    /// Choosing per party.
    Ballots,
    /// A reason being typed for the selected party.
    Reason(TextArea<'static>),
    /// The result read back before it is recorded.
    ReadBack,
    /// Esc on ballots already cast: throw them away?
    Drop,
    /// Outcome NO-GO: follow-up route and revisit date.
    FollowUp(FollowUpForm),
    /// Asking the facilitator's reason to defer.
    Defer(DeferForm),
}

/// What a stage asks of the vote after a key.
#[allow(clippy::large_enum_variant)] // one value per key, moved once
pub enum Next {
    Stay,
    /// Go on in another stage.
    To(VoteStage),
    /// Record the vote with this closing and show the outcome.
    Record(Closing),
    /// Record the NO-GO now (the read-back was confirmed: it is the room's
    /// decision, kept whatever happens next), then ask its follow-up.
    RecordThen(VoteStage),
    /// Leave without voting.
    Close,
}

/// The vote screen.
pub struct VoteDialog {
    pub votes: VoteState,
    pub stage: VoteStage,
    /// Held to end the workshop (`w`): after the outcome, its summary.
    pub ending: bool,
    /// Why the room votes again after an earlier vote (optional).
    pub again: String,
    /// The NO-GO recorded at its confirmation, whose follow-up is being
    /// asked (its index in the session's votes).
    pub recorded: Option<usize>,
}

impl VoteDialog {
    /// A vote among the present parties, nobody having chosen yet.
    pub fn new(present: Vec<PartyId>) -> VoteDialog {
        let lines = present
            .into_iter()
            .map(|party| VoteLine {
                party,
                choice: None,
                reason: String::new(),
            })
            .collect();
        VoteDialog {
            votes: VoteState { lines, selected: 0 },
            stage: VoteStage::Ballots,
            ending: false,
            again: String::new(),
            recorded: None,
        }
    }

    /// Whether a ballot or a reason was entered (Esc then asks first).
    pub fn has_ballots(&self) -> bool {
        self.votes
            .lines
            .iter()
            .any(|l| l.choice.is_some() || !l.reason.is_empty())
    }
}

/// `v`: open the vote (step 1.5 directly; elsewhere in block 1 after a question).
pub fn open_vote(cx: &mut Cx<'_>, confirmed: bool) {
    open_vote_for(cx, confirmed, false);
}

/// Open the vote; `ending`: to end the workshop, going on to its summary.
/// When a vote was held before, that vote is shown first.
pub fn open_vote_for(cx: &mut Cx<'_>, confirmed: bool, ending: bool) {
    let Some((db, ds)) = cx.fw().decision_step() else {
        return;
    };
    let pos = cx.fw().pos_at(cx.cursor_flat());
    let at_decision = pos.block == db && pos.step == ds;
    if !at_decision && !confirmed {
        let step = &cx.fw().blocks[db].steps[ds];
        cx.open(ConfirmDialog {
            text: fill(cx.s().vote_confirm_elsewhere, &[&step.id, &step.title]),
            on_yes: OnYes::OpenVote,
        });
        return;
    }
    let mut dialog = VoteDialog::new(cx.present_parties());
    dialog.ending = ending;
    // a deferral is not a vote: only a vote held is shown first
    if cx
        .session()
        .is_some_and(|s| crate::vote::latest_held(&s.votes).is_some())
    {
        dialog.stage = VoteStage::Earlier;
    }
    cx.open(dialog);
}

/// "12-10-2026 14:05": when a vote was held, in the app's time zone, its
/// date written as every other date on the screens.
pub fn when(app: &App, at: jiff::Timestamp) -> String {
    let z = at.to_zoned(app.tz().clone());
    format!("{} {}", app.lang().date(z.date()), z.strftime("%H:%M"))
}

/// One line per ballot: choice (symbol and word), party, reason; at most
/// `room` lines, the last saying "+N meer" when not all fit; each line
/// whole or ending in "…".
pub fn ballot_lines(
    app: &App,
    ballots: &[Ballot],
    room: usize,
    width: usize,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = app.s();
    let Some(sess) = app.session() else {
        return Vec::new();
    };
    let shown = if ballots.len() > room {
        room.saturating_sub(1)
    } else {
        ballots.len()
    };
    let mut lines: Vec<Line<'static>> = ballots[..shown]
        .iter()
        .map(|b| {
            let choice = format!("{} {:<12}", b.choice.symbol(), b.choice.word(app.lang()));
            let mut rest = safe_line(&sess.party_name(b.party)).into_owned();
            if !b.reason.is_empty() {
                rest.push_str(&format!(" — {}", safe_line(&b.reason)));
            }
            let rest = fit(&rest, width.saturating_sub(choice.chars().count()));
            Line::from(vec![
                Span::styled(choice, th.choice(Some(b.choice))),
                Span::styled(rest, th.base),
            ])
        })
        .collect();
    if shown < ballots.len() && room > 0 {
        let more = fill(s.vote_more, &[&(ballots.len() - shown).to_string()]);
        lines.push(Line::from(Span::styled(more, th.dim)));
    }
    lines
}

/// The live tally and outcome of the vote being held.
pub fn vote_preview(app: &App, v: &VoteState) -> crate::vote::Preview {
    let sess = app.session().expect("open");
    let total = sess.active_parties().count() as u32;
    crate::vote::preview(&sess.rule, &ballots_of(v), v.lines.len() as u32, total)
}

/// The ballots cast on the vote screen.
pub fn ballots_of(v: &VoteState) -> Vec<Ballot> {
    v.lines
        .iter()
        .filter_map(|l| {
            l.choice.map(|c| Ballot {
                party: l.party,
                choice: c,
                reason: l.reason.clone(),
            })
        })
        .collect()
}

/// Record the vote, save, and give the outcome banner. The vote is added
/// to the session's votes: an earlier one is never replaced.
pub fn record_vote(cx: &mut Cx<'_>, v: &VoteState, closing: Closing) -> Option<BannerDialog> {
    let now = cx.now();
    let sess = cx.session_mut()?;
    let present = v.lines.iter().map(|l| l.party).collect();
    let vote = Vote::cast(sess, present, ballots_of(v), closing, now);
    crate::vote::append(&mut sess.votes, vote);
    let vote = sess.votes.len() - 1;
    cx.seal_undo();
    cx.save_now();
    Some(BannerDialog { vote })
}

/// Give the NO-GO `votes[vote]`, recorded at its confirmation, its
/// follow-up route and revisit date, and save (a capture of its own).
fn add_follow_up(cx: &mut Cx<'_>, vote: usize, closing: Closing) -> Option<BannerDialog> {
    let v = cx.session_mut()?.votes.get_mut(vote)?;
    v.follow_up = closing.follow_up;
    v.revisit = closing.revisit;
    cx.save_now();
    Some(BannerDialog { vote })
}

impl VoteDialog {
    /// Record the vote (or give the NO-GO recorded at its confirmation its
    /// follow-up) and show its outcome (then, when ending, the summary).
    fn recorded(&self, cx: &mut Cx<'_>, closing: Closing) -> Transition {
        let banner = match self.recorded {
            Some(i) => add_follow_up(cx, i, closing),
            None => record_vote(cx, &self.votes, closing),
        };
        self.banner(banner)
    }

    fn banner(&self, banner: Option<BannerDialog>) -> Transition {
        match banner {
            Some(banner) if self.ending => Transition::Open(Box::new(EndBanner(banner))),
            Some(banner) => Transition::Open(Box::new(banner)),
            None => Transition::Close,
        }
    }
}

impl Dialog for VoteDialog {
    fn ctx(&self) -> Ctx {
        match self.stage {
            VoteStage::Earlier => Ctx::VoteEarlier,
            VoteStage::Again(_) => Ctx::VoteAgain,
            VoteStage::Ballots => Ctx::Vote,
            VoteStage::Reason(_) => Ctx::VoteReason,
            VoteStage::ReadBack => Ctx::VoteReadBack,
            VoteStage::Drop => Ctx::VoteDrop,
            VoteStage::FollowUp(_) => Ctx::FollowUp,
            VoteStage::Defer(_) => Ctx::Defer,
        }
    }

    fn pauses_timer(&self) -> bool {
        true
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        use crate::live::{LiveDialog, TypingKind, VoteStage as Seen};
        let stage = match &self.stage {
            VoteStage::Earlier | VoteStage::Again(_) => Seen::Earlier,
            VoteStage::Ballots | VoteStage::Reason(_) | VoteStage::Drop => Seen::Ballots,
            VoteStage::ReadBack => Seen::ReadBack,
            VoteStage::FollowUp(_) => Seen::FollowUp,
            VoteStage::Defer(_) => Seen::Defer,
        };
        state.dialog = LiveDialog::Vote {
            stage,
            present: self.votes.lines.iter().map(|l| l.party).collect(),
            ballots: ballots_of(&self.votes),
        };
        let typing = crate::tui::app::live_out::typing;
        state.typing = match &self.stage {
            VoteStage::Reason(ed) => typing(TypingKind::Reason, ed),
            VoteStage::Defer(form) => typing(TypingKind::Reason, &form.reason),
            VoteStage::Again(ed) => typing(TypingKind::Reason, ed),
            _ => None,
        };
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let next = match &mut self.stage {
            VoteStage::Earlier => earlier::update(action),
            VoteStage::Again(ed) => earlier::again_update(ed, &mut self.again, action),
            VoteStage::Ballots => ballots::update(&mut self.votes, cx, action),
            VoteStage::Reason(ed) => ballots::reason_update(ed, &mut self.votes, action),
            VoteStage::ReadBack => read_back::update(&self.votes, cx, action),
            VoteStage::Drop => match keys::command(Ctx::VoteDrop, &action) {
                Some(Action::Confirm) => Next::Close,
                Some(Action::Back) => Next::To(VoteStage::Ballots),
                _ => Next::Stay,
            },
            VoteStage::FollowUp(form) => form.update(cx, action),
            VoteStage::Defer(form) => form.update(cx, action),
        };
        match next {
            Next::Stay => Transition::Stay,
            // the NO-GO stands once confirmed: Esc on its routes closes
            // with the outcome (no route given), it does not reopen the ballots
            Next::To(VoteStage::Ballots) if self.recorded.is_some() => {
                self.banner(self.recorded.map(|vote| BannerDialog { vote }))
            }
            Next::To(stage) => {
                self.stage = stage;
                Transition::Stay
            }
            Next::Record(mut closing) => {
                closing.again_because = self.again.clone();
                self.recorded(cx, closing)
            }
            Next::RecordThen(stage) => {
                let closing = Closing {
                    again_because: self.again.clone(),
                    ..Closing::default()
                };
                match record_vote(cx, &self.votes, closing) {
                    Some(banner) => {
                        self.recorded = Some(banner.vote);
                        self.stage = stage;
                        Transition::Stay
                    }
                    None => Transition::Close,
                }
            }
            // Esc on the ballots: ask first when any were cast
            Next::Close if matches!(self.stage, VoteStage::Ballots) && self.has_ballots() => {
                self.stage = VoteStage::Drop;
                Transition::Stay
            }
            Next::Close => Transition::Close,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let title = fill(s.vote_title, &[&sess.name]);
        let w = area.width.saturating_sub(4);
        let inner = popup(f, area, w, area.height.saturating_sub(2), &title, th);
        let [q, rest, h] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let question = Wrapped::new(Span::styled(
            safe_line(&app.fw().vote_question(app.lang())).into_owned(),
            th.point,
        ));
        match &self.stage {
            VoteStage::Earlier | VoteStage::ReadBack | VoteStage::Again(_) => {
                f.render_widget(question, q);
                match &self.stage {
                    VoteStage::Earlier => earlier::render(app, f, rest, th),
                    VoteStage::Again(ed) => earlier::render_again(app, ed, f, rest, th),
                    _ => read_back::render(app, &self.votes, f, rest, th),
                }
                f.render_widget(hint_line(self.ctx(), s, h.width, false, th), h);
                return;
            }
            _ => {}
        }
        // the follow-up takes the rows its routes need, leaving the ballot
        // list its 3
        let fixed = 2 + 2 + 3 + 4 + 1;
        let extra_height = match &self.stage {
            VoteStage::Ballots => 0,
            VoteStage::Drop => 3,
            VoteStage::FollowUp(form) => form
                .height(app, inner.width, th)
                .min(inner.height.saturating_sub(fixed))
                .max(7),
            _ => 7,
        };
        let [q, rule, list, tally, extra, h] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Length(4),
            Constraint::Length(extra_height),
            Constraint::Length(crate::tui::widgets::footer::hint_rows(
                self.ctx(),
                s,
                inner.width,
            )),
        ])
        .areas(inner);
        f.render_widget(
            Wrapped::new(Span::styled(
                safe_line(&app.fw().vote_question(app.lang())).into_owned(),
                th.point,
            )),
            q,
        );
        let rule_text = fill(s.vote_rule, &[&sess.rule.describe(app.lang())]);
        f.render_widget(Paragraph::new(Span::styled(rule_text, th.dim)), rule);
        ballots::render_lines(app, &self.votes, f, list, th);
        ballots::render_tally(app, &self.votes, f, tally, th);
        match &self.stage {
            VoteStage::Ballots | VoteStage::Earlier | VoteStage::Again(_) | VoteStage::ReadBack => {
            }
            VoteStage::Drop => {
                f.render_widget(Wrapped::new(Span::styled(s.vote_drop_ask, th.warn)), extra)
            }
            VoteStage::Reason(ed) => ballots::render_reason(app, &self.votes, ed, f, extra, th),
            VoteStage::FollowUp(form) => form.render(app, f, extra, th),
            VoteStage::Defer(form) => form.render(app, f, extra, th),
        }
        crate::tui::widgets::footer::render_hints(f, h, self.ctx(), s, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        match &mut self.stage {
            VoteStage::Ballots | VoteStage::Earlier | VoteStage::ReadBack | VoteStage::Drop => {
                Vec::new()
            }
            VoteStage::Reason(ed) | VoteStage::Again(ed) => vec![(ed, true)],
            VoteStage::FollowUp(form) => form.editors_mut(),
            VoteStage::Defer(form) => vec![(&mut form.reason, true)],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::tui::keys::Ctx;
    use crate::tui::widgets::footer::fitting;

    #[test]
    fn at_80_columns_every_stage_keeps_its_help_and_its_way_out() {
        // the room inside the vote box, the summary box and the banner
        let stages = [
            (Ctx::Vote, Some("?"), 72),
            (Ctx::VoteReason, Some("F1"), 72),
            (Ctx::FollowUp, Some("F1"), 72),
            (Ctx::Defer, Some("F1"), 72),
            (Ctx::VoteAgain, Some("F1"), 72),
            (Ctx::Summary, Some("?"), 70),
            (Ctx::Banner, None, 80),
        ];
        for lang in [Lang::Nl, Lang::En] {
            for (ctx, help, room) in stages {
                let hints = fitting(ctx, lang.strings(), room, false);
                let keys: Vec<&str> = hints.iter().map(|h| h.0).collect();
                if let Some(help) = help {
                    assert!(keys.contains(&help), "{ctx:?}: {keys:?}");
                }
                assert!(
                    keys.last().is_some_and(|k| k.contains("Esc")),
                    "{ctx:?}: {keys:?}"
                );
                assert!(keys.contains(&"Enter") || ctx == Ctx::Banner, "{ctx:?}");
            }
        }
    }
}
