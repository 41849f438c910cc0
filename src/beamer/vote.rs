//! The go/no-go being held: the question and the decision rule, then the
//! ballots as they are entered with the tally, or (with `--hide-tally`)
//! only "stemming loopt" until the vote is closed. While the facilitator
//! reads the result back, the room sees "uitslag wordt gecontroleerd" with
//! the tally and no outcome: a ballot may still be corrected. The outcome
//! comes once the read-back is confirmed, and stays while the follow-up
//! route is chosen.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Beamer;
use super::view::{Part, draw};
use crate::i18n::fill;
use crate::live::{LiveDialog, LiveState, VoteStage};
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::vote::{Ballot, Outcome};

/// The parts of the vote screen, each with its rank: the question, then
/// (by the vote's stage) the earlier outcome, or the ballots with the
/// outcome, the read-back or "stemming loopt" above them.
pub fn parts(b: &Beamer, sess: &Session, live: &LiveState, th: &Theme) -> Vec<(u8, Part)> {
    let s = b.lang.strings();
    let LiveDialog::Vote {
        stage,
        present,
        ballots,
    } = &live.dialog
    else {
        return Vec::new();
    };
    let mut parts = question(b, sess, th);
    if *stage == VoteStage::Earlier {
        parts.extend(earlier(b, sess, th).map(|p| (1, p)));
        return parts;
    }
    let entered = fill(
        s.beamer_ballots_in,
        &[&ballots.len().to_string(), &present.len().to_string()],
    );
    let total = sess.active_parties().count() as u32;
    let preview = crate::vote::preview(&sess.rule, ballots, present.len() as u32, total);
    match stage {
        // confirmed: the outcome, kept while the follow-up is chosen
        VoteStage::FollowUp => parts.push((1, outcome(b, preview.outcome, th))),
        // being read back: a ballot may still change, so no outcome yet
        VoteStage::ReadBack => parts.push((1, checking(b, th))),
        _ if b.opts.hide_tally => {
            parts.push((1, running(b, th)));
            parts.push((2, Part::Text(vec![(entered, th.dim)])));
            return parts;
        }
        _ => {}
    }
    parts.push((
        1,
        Part::Text(vec![
            (preview.tally.describe(b.lang), th.base),
            (format!(" · {entered}"), th.dim),
        ]),
    ));
    parts.extend(ballot_list(b, sess, ballots, th).map(|p| (2, p)));
    parts.extend(super::point::typing(b, live, th).map(|p| (3, p)));
    parts
}

/// What the vote is about: its title with the session's name, the
/// framework's question, and the rule the room decides by (with every vote).
fn question(b: &Beamer, sess: &Session, th: &Theme) -> Vec<(u8, Part)> {
    let s = b.lang.strings();
    let [title, question] = heading(b, sess, th, (3, 0));
    vec![
        title,
        question,
        (
            2,
            Part::Text(vec![(
                fill(s.vote_rule, &[&sess.rule.describe(b.lang)]),
                th.dim,
            )]),
        ),
    ]
}

/// The vote's title (with the session's name) and the framework's
/// question, at the priorities `(title, question)` (the vote and its
/// outcome both open with them).
pub fn heading(b: &Beamer, sess: &Session, th: &Theme, (t, q): (u8, u8)) -> [(u8, Part); 2] {
    let s = b.lang.strings();
    [
        (
            t,
            Part::Text(vec![(
                safe_line(&fill(s.vote_title, &[&sess.name])).into_owned(),
                th.title,
            )]),
        ),
        (
            q,
            Part::Text(vec![(
                safe_line(&b.fw.vote_question(b.lang)).into_owned(),
                th.point,
            )]),
        ),
    ]
}

/// The outcome of the latest vote held, while the facilitator looks at it
/// before holding another; `None` when none was held.
fn earlier(b: &Beamer, sess: &Session, th: &Theme) -> Option<Part> {
    let s = b.lang.strings();
    let (_, v) = crate::vote::latest_held(&sess.votes)?;
    Some(Part::Text(vec![
        (format!("{}: ", s.beamer_vote_earlier), th.dim),
        (
            crate::view::vote::outcome_text(v.outcome, v.deferred, b.lang),
            th.outcome(v.outcome),
        ),
        (format!(" · {}", v.tally.describe(b.lang)), th.dim),
    ]))
}

/// The confirmed outcome in block letters.
fn outcome(b: &Beamer, outcome: Outcome, th: &Theme) -> Part {
    Part::Big {
        symbol: (outcome.symbol().into(), th.outcome(outcome)),
        word: outcome.word(b.lang).into(),
        style: th.outcome(outcome),
    }
}

/// "Uitslag wordt gecontroleerd" while the result is read back, in plain
/// letters: block letters are for an outcome.
fn checking(b: &Beamer, th: &Theme) -> Part {
    Part::Text(vec![(
        format!("◐ {}", b.lang.strings().beamer_vote_checking),
        th.warn.add_modifier(ratatui::style::Modifier::BOLD),
    )])
}

/// "Stemming loopt" in block letters, in place of the tally with
/// `--hide-tally`.
fn running(b: &Beamer, th: &Theme) -> Part {
    Part::Big {
        symbol: ("◐".into(), th.warn),
        word: b.lang.strings().beamer_vote_running.into(),
        style: th.warn,
    }
}

/// The ballots entered so far, one line each: the choice, the party and
/// its reason; `None` before the first.
fn ballot_list(b: &Beamer, sess: &Session, ballots: &[Ballot], th: &Theme) -> Option<Part> {
    let items: Vec<_> = ballots
        .iter()
        .map(|bl| {
            let mut line = vec![
                (
                    format!("  {} {:<12} ", bl.choice.symbol(), bl.choice.word(b.lang)),
                    th.choice(Some(bl.choice)),
                ),
                (safe_line(&sess.party_name(bl.party)).into_owned(), th.base),
            ];
            if !bl.reason.trim().is_empty() {
                line.push((format!(" — {}", safe_line(&bl.reason)), th.dim));
            }
            line
        })
        .collect();
    (!items.is_empty()).then_some(Part::List { head: None, items })
}

pub fn render(b: &Beamer, sess: &Session, live: &LiveState, f: &mut Frame, area: Rect, th: &Theme) {
    draw(b, &parts(b, sess, live, th), f, area);
}
