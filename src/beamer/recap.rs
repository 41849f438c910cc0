//! The start of a workshop: the recap of the one before, as the
//! facilitator's start screen builds it ([`crate::view::recap::recap_lines`]),
//! without the choosing and without key hints.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Beamer;
use super::summary::long_text_from;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::view::Env;
use crate::view::recap::{RecapView, recap_lines, recap_title};

/// `page`: how far the facilitator scrolled (the room follows, page by page).
pub fn render(
    b: &Beamer,
    sess: &Session,
    (planned, page): (bool, u16),
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let env = Env {
        fw: &b.fw,
        lang: b.lang,
        tz: b.tz.clone(),
    };
    let title = recap_title(&env, sess, planned);
    let (lines, _) = recap_lines(
        &env,
        sess,
        planned,
        &RecapView {
            for_room: true,
            ..RecapView::default()
        },
        th,
    );
    long_text_from(b, &title, lines, page, f, area, th);
}
