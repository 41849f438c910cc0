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
    let mut parts = vec![
        (
            3,
            Part::Text(vec![(
                safe_line(&fill(s.vote_title, &[&sess.name])).into_owned(),
                th.title,
            )]),
        ),
        (
            0,
            Part::Text(vec![(
                safe_line(&b.fw.vote_question(b.lang)).into_owned(),
                th.point,
            )]),
        ),
    ];
    // the rule the room decides by, with every vote
    parts.push((
        2,
        Part::Text(vec![(
            fill(s.vote_rule, &[&sess.rule.describe(b.lang)]),
            th.dim,
        )]),
    ));
    if *stage == VoteStage::Earlier {
        if let Some((_, v)) = crate::vote::latest_held(&sess.votes) {
            parts.push((
                1,
                Part::Text(vec![
                    (format!("{}: ", s.beamer_vote_earlier), th.dim),
                    (
                        crate::view::vote::outcome_text(v.outcome, v.deferred, b.lang),
                        th.outcome(v.outcome),
                    ),
                    (format!(" · {}", v.tally.describe(b.lang)), th.dim),
                ]),
            ));
        }
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
        VoteStage::FollowUp => parts.push((
            1,
            Part::Big {
                symbol: (preview.outcome.symbol().into(), th.outcome(preview.outcome)),
                word: preview.outcome.word(b.lang).into(),
                style: th.outcome(preview.outcome),
            },
        )),
        // being read back: a ballot may still change, so no outcome yet
        // (in plain letters: block letters are for an outcome)
        VoteStage::ReadBack => parts.push((
            1,
            Part::Text(vec![(
                format!("◐ {}", s.beamer_vote_checking),
                th.warn.add_modifier(ratatui::style::Modifier::BOLD),
            )]),
        )),
        _ if b.opts.hide_tally => {
            parts.push((
                1,
                Part::Big {
                    symbol: ("◐".into(), th.warn),
                    word: s.beamer_vote_running.into(),
                    style: th.warn,
                },
            ));
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
    if !items.is_empty() {
        parts.push((2, Part::List { head: None, items }));
    }
    if b.opts.live
        && let Some(t) = &live.typing
        && !t.text.trim().is_empty()
    {
        parts.push((
            3,
            Part::Text(vec![
                (s.beamer_typing.into(), th.focus),
                (super::point::typing_tail(&t.text), th.base),
            ]),
        ));
    }
    parts
}

pub fn render(b: &Beamer, sess: &Session, live: &LiveState, f: &mut Frame, area: Rect, th: &Theme) {
    draw(b, &parts(b, sess, live, th), f, area);
}
