//! A vote just recorded: the outcome in block letters, the tally, and
//! after a NO-GO its follow-up (route, revisit date).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::Paragraph;

use super::Beamer;
use super::view::{Part, content, stack};
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::dialogs::vote::defer_text;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::vote::Vote;

pub fn parts(b: &Beamer, sess: &Session, v: &Vote, th: &Theme) -> Vec<(u8, Part)> {
    let s = b.lang.strings();
    let mut parts = vec![
        (
            4,
            Part::Text(vec![(
                safe_line(&fill(s.vote_title, &[&sess.name])).into_owned(),
                th.title,
            )]),
        ),
        (
            3,
            Part::Text(vec![(
                safe_line(&b.fw.vote_question(b.lang)).into_owned(),
                th.point,
            )]),
        ),
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
    parts.push((
        2,
        Part::Text(vec![(
            format!("{}{why}", v.tally.describe(b.lang)),
            th.base,
        )]),
    ));
    // the facilitator's reason for deferring (or a remark), as recorded
    if !v.remark.trim().is_empty() {
        parts.push((
            1,
            Part::Text(vec![(
                safe_line(&fill(s.ui_reason, &[&v.remark])).into_owned(),
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
    let area = content(area);
    let parts = parts(b, sess, v, th);
    let lines = stack(
        &parts,
        area.width as usize,
        area.height as usize,
        b.lang.strings(),
    );
    f.render_widget(Paragraph::new(Text::from(lines)), area);
}
