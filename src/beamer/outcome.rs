//! A vote just recorded: the outcome in block letters, the tally, and
//! after a NO-GO its follow-up (route, revisit date).

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Beamer;
use super::view::{Part, draw};
use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::view::vote::defer_text;
use crate::vote::Vote;

pub fn parts(b: &Beamer, sess: &Session, v: &Vote, th: &Theme) -> Vec<(u8, Part)> {
    let s = b.lang.strings();
    let [title, question] = super::vote::heading(b, sess, th, (4, 3));
    let mut parts = vec![
        title,
        question,
        (
            0,
            Part::Big {
                symbol: (v.outcome.symbol().into(), th.outcome(v.outcome)),
                word: v.outcome.word(b.lang).into(),
                style: th.outcome(v.outcome),
            },
        ),
    ];
    let why = defer_text(v.deferred, b.lang);
    // a deferral holds no ballots worth counting: who decided it, no tally
    let counted = if v.is_deferral() && v.ballots.is_empty() {
        why.trim().to_string()
    } else {
        format!("{}{why}", v.tally.describe(b.lang))
    };
    parts.push((2, Part::Text(vec![(counted, th.base)])));
    // the rule the room decided by
    parts.push((
        2,
        Part::Text(vec![(
            fill(s.vote_rule, &[&v.rule.describe(b.lang)]),
            th.dim,
        )]),
    ));
    // the reason for deferring (or a remark), as recorded
    if !v.remark.trim().is_empty() {
        let template = if v.is_deferral() {
            s.recap_defer_reason
        } else {
            s.ui_reason
        };
        parts.push((
            1,
            Part::Text(vec![(
                safe_line(&fill(template, &[&v.remark])).into_owned(),
                th.base,
            )]),
        ));
    }
    // a new vote: what it replaces, and why the room voted again
    if let Some(i) = sess.votes.iter().position(|x| std::ptr::eq(x, v))
        && let Some(words) = crate::vote::replaces_words(&sess.votes, i, b.lang)
    {
        parts.push((
            2,
            Part::Text(vec![(
                safe_line(&crate::vote::capitalized(&words)).into_owned(),
                th.base,
            )]),
        ));
    }
    if let Some(fu) = &v.follow_up {
        parts.push((
            1,
            Part::Text(vec![(
                safe_line(&fu.describe(&b.fw, b.lang)).into_owned(),
                th.base,
            )]),
        ));
    }
    if let Some(d) = v.revisit {
        parts.push((
            1,
            Part::Text(vec![(fill(s.start_revisit, &[&b.lang.date(d)]), th.base)]),
        ));
    }
    parts
}

pub fn render(b: &Beamer, sess: &Session, v: &Vote, f: &mut Frame, area: Rect, th: &Theme) {
    draw(b, &parts(b, sess, v, th), f, area);
}
