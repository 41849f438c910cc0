//! The ballots: a choice per present party, a reason where wanted (a
//! No-go needs one), and the live tally with the outcome if closed now.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

use super::defer::DeferForm;
use super::{Next, VoteStage, VoteState, vote_preview};
use crate::i18n::fill;
use crate::store::clean_line;
use crate::tui::app::App;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::status::fit;
use crate::tui::widgets::{label_width, marker, party_label};
use crate::view::vote::outcome_text;
use crate::vote::{Choice, quorum_met, quorum_needed};
use unicode_width::UnicodeWidthStr;

/// The choices in the order `←→` walks through them.
const ORDER: [Choice; 3] = [Choice::Go, Choice::NoGo, Choice::Abstain];

/// A key while choosing per party.
pub fn update(v: &mut VoteState, cx: &mut Cx<'_>, action: Action) -> Next {
    let n = v.lines.len();
    match keys::command(Ctx::Vote, &action) {
        Some(Action::Up) => v.selected = v.selected.saturating_sub(1),
        Some(Action::Down) => v.selected = (v.selected + 1).min(n.saturating_sub(1)),
        // a number key is the party's number for the whole session, as on
        // the main screen; an absent party's key says so and picks nobody
        Some(Action::Digit(i)) => {
            let target = cx
                .session()
                .and_then(|s| s.party_by_number(i + 1))
                .map(|p| p.id);
            match v.lines.iter().position(|l| Some(l.party) == target) {
                Some(k) => v.selected = k,
                None => {
                    cx.present_party_of_key(i);
                }
            }
        }
        Some(Action::Cast(c)) => {
            let was = v
                .lines
                .get(v.selected)
                .map(|l| (l.choice, l.reason.clone()));
            set(v, |_| c);
            // a reason given for a No-go is no reason for another ballot:
            // shown again, to keep, change or clear, never carried silently
            if let Some((Some(Choice::NoGo), reason)) = was
                && c != Choice::NoGo
                && !reason.trim().is_empty()
            {
                return Next::To(VoteStage::Reason(editor(&reason)));
            }
            // a No-go stays for its reason (`r`), which then moves on
            let needs_reason = c == Choice::NoGo
                && v.lines
                    .get(v.selected)
                    .is_some_and(|l| l.reason.trim().is_empty());
            if !needs_reason {
                to_next_without_ballot(v);
            }
        }
        Some(Action::Next) => set(v, |old| cycle(old, true)),
        Some(Action::Prev) => set(v, |old| cycle(old, false)),
        Some(Action::StanceReason) => {
            let text = v.lines.get(v.selected).map(|l| l.reason.as_str());
            return Next::To(VoteStage::Reason(editor(text.unwrap_or_default())));
        }
        // a deferral keeps the ballots cast so far: a No-go among them
        // needs its reason as in a closed vote
        Some(Action::Defer) => {
            if let Some(i) = v.lines.iter().position(no_go_without_reason) {
                v.selected = i;
                cx.error(cx.s().vote_err_nogo_reason.to_string());
                return Next::To(VoteStage::Reason(editor("")));
            }
            return Next::To(VoteStage::Defer(DeferForm::default()));
        }
        Some(Action::Back) => return Next::Close,
        Some(Action::Confirm) => return close(v, cx),
        _ => {}
    }
    Next::Stay
}

/// Give the selected party the choice `f` makes of its current one.
fn set(v: &mut VoteState, f: impl FnOnce(Option<Choice>) -> Choice) {
    if let Some(l) = v.lines.get_mut(v.selected) {
        l.choice = Some(f(l.choice));
    }
}

/// After a ballot (a No-go: after its reason): the selection moves on to
/// the next party that has none (after this one, then from the top), so
/// `g g o` needs no digits; when every party has one, it stays.
fn to_next_without_ballot(v: &mut VoteState) {
    let n = v.lines.len();
    if let Some(k) = (1..n)
        .map(|d| (v.selected + d) % n)
        .find(|&k| v.lines[k].choice.is_none())
    {
        v.selected = k;
    }
}

/// The next (or previous) choice; from none, the first (or last).
fn cycle(c: Option<Choice>, forward: bool) -> Choice {
    let i = c.and_then(|c| ORDER.iter().position(|&o| o == c));
    match (i, forward) {
        (None, true) => ORDER[0],
        (None, false) => ORDER[2],
        (Some(i), true) => ORDER[(i + 1) % 3],
        (Some(i), false) => ORDER[(i + 2) % 3],
    }
}

/// `Enter`: every present party votes and a No-go needs a reason; then the
/// result is read back before it is recorded (see [`super::read_back`]).
fn close(v: &mut VoteState, cx: &mut Cx<'_>) -> Next {
    let s = cx.s();
    if let Some(i) = v.lines.iter().position(|l| l.choice.is_none()) {
        v.selected = i;
        cx.error(s.vote_err_missing.to_string());
        return Next::Stay;
    }
    if let Some(i) = v.lines.iter().position(no_go_without_reason) {
        v.selected = i;
        cx.error(s.vote_err_nogo_reason.to_string());
        return Next::To(VoteStage::Reason(editor("")));
    }
    Next::To(VoteStage::ReadBack)
}

/// A No-go without its reason (a No-go needs one, also in a deferral).
fn no_go_without_reason(l: &super::VoteLine) -> bool {
    l.choice == Some(Choice::NoGo) && l.reason.trim().is_empty()
}

/// A key while the selected party's reason is typed.
pub fn reason_update(ed: &mut TextArea<'static>, v: &mut VoteState, action: Action) -> Next {
    match keys::command(Ctx::VoteReason, &action) {
        Some(Action::Confirm) => {
            if let Some(l) = v.lines.get_mut(v.selected) {
                l.reason = clean_line(&editor_text(ed));
                if l.choice.is_some() {
                    to_next_without_ballot(v);
                }
            }
            Next::To(VoteStage::Ballots)
        }
        Some(Action::Back) => Next::To(VoteStage::Ballots),
        Some(Action::Help) => Next::Stay,
        _ => {
            edit(ed, &action, false);
            Next::Stay
        }
    }
}

/// The reason editor of the selected party.
pub fn render_reason(
    app: &App,
    v: &VoteState,
    ed: &TextArea<'static>,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let name = match (app.session(), v.lines.get(v.selected)) {
        (Some(sess), Some(l)) => sess.party_name(l.party),
        _ => String::new(),
    };
    let label = fill(app.s().vote_reason_for, &[&name]);
    render_editor(ed, f, area, &label, true, app.s(), th);
}

/// One line per party: its key, its choice, its name and reason; the
/// selected one stays in view.
pub fn render_lines(app: &App, v: &VoteState, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    // when not every party fits, the last row says how many are above and below
    let scrolls = v.lines.len() > area.height as usize;
    let lh = (area.height as usize)
        .saturating_sub(usize::from(scrolls))
        .max(1);
    let start = if v.lines.len() <= lh {
        0
    } else {
        v.selected.saturating_sub(lh / 2).min(v.lines.len() - lh)
    };
    let last = v
        .lines
        .iter()
        .filter_map(|l| sess.party_number(l.party))
        .max();
    let label_w = label_width(last.unwrap_or(1));
    let lines: Vec<Line> = v
        .lines
        .iter()
        .enumerate()
        .skip(start)
        .take(lh)
        .map(|(i, l)| {
            let number = sess.party_number(l.party).unwrap_or(i + 1);
            let key = party_label(number, label_w);
            let choice = match l.choice {
                Some(c) => format!("{} {:<18}", c.symbol(), c.word(app.lang())),
                None => format!("? {:<18}", s.vote_not_voted),
            };
            let name_style = if i == v.selected {
                th.selected
            } else {
                th.base
            };
            // marker, key, choice: the name gets the rest, cut with "…"
            let used = 2 + key.width() + choice.width();
            let room = (area.width as usize).saturating_sub(used);
            let name = fit(&safe_line(&sess.party_name(l.party)), room);
            let mut spans = vec![
                Span::styled(marker(i == v.selected), th.focus),
                Span::styled(key, th.focus),
                Span::styled(choice, th.choice(l.choice)),
                Span::styled(name, name_style),
            ];
            if !l.reason.is_empty() {
                spans.push(Span::styled(format!(" — {}", safe_line(&l.reason)), th.dim));
            }
            Line::from(spans)
        })
        .collect();
    let mut lines = lines;
    if scrolls {
        let below = v.lines.len().saturating_sub(start + lh);
        // only the ways the list goes on: "↑ +3", "↓ +5" or both
        let ways: Vec<String> = [("↑", start), ("↓", below)]
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(arrow, n)| format!("{arrow} +{n}"))
            .collect();
        let more = fill(s.vote_list_more, &[&ways.join(" · ")]);
        lines.push(Line::from(Span::styled(more, th.warn)));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The live tally, the quorum, who is missing, and the outcome if closed now.
pub fn render_tally(app: &App, v: &VoteState, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let p = vote_preview(app, v);
    let total = sess.active_parties().count() as u32;
    let present = v.lines.len() as u32;
    let needed = quorum_needed(&sess.rule, total);
    let q_style = if quorum_met(&sess.rule, present, total) {
        th.good
    } else {
        th.bad
    };
    let quorum = fill(
        s.vote_quorum,
        &[
            &present.to_string(),
            &total.to_string(),
            &needed.to_string(),
        ],
    );
    let outcome = outcome_text(p.outcome, p.deferred, app.lang());
    let mut lines = vec![
        Line::from(vec![Span::styled(
            p.tally.describe(app.lang()),
            th.base.add_modifier(Modifier::BOLD),
        )]),
        // the quorum on a line of its own: never cut
        Line::from(Span::styled(quorum, q_style)),
        Line::from(Span::styled(
            fill(s.vote_preview, &[&outcome]),
            th.outcome(p.outcome),
        )),
    ];
    let missing: Vec<String> = sess
        .active_parties()
        .filter(|p| !v.lines.iter().any(|l| l.party == p.id))
        .map(|p| safe_line(&p.organisation).into_owned())
        .collect();
    if !missing.is_empty() {
        lines.push(Line::from(Span::styled(
            fill(s.vote_missing, &[&missing.join(", ")]),
            th.dim,
        )));
    }
    f.render_widget(Wrapped::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_walk_the_choices_round() {
        assert_eq!(cycle(None, true), Choice::Go);
        assert_eq!(cycle(None, false), Choice::Abstain);
        assert_eq!(cycle(Some(Choice::Go), true), Choice::NoGo);
        assert_eq!(cycle(Some(Choice::Abstain), true), Choice::Go);
        assert_eq!(cycle(Some(Choice::Go), false), Choice::Abstain);
    }
}
