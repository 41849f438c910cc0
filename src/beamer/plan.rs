//! The plan on the beamer, one line (issue 26): the planned end, the end
//! to expect at the pace so far and the minutes per point left, in the
//! words of the facilitator's row ([`crate::view::budget`]). The
//! step's own budget stays on the facilitator's screen: the beamer reads
//! the session file, where the running point's time is not yet stored.

use super::Beamer;
use super::view::Part;
use crate::session::Session;
use crate::tui::theme::Theme;

/// The line, when a planned workshop runs.
pub fn part(b: &Beamer, sess: &Session, th: &Theme) -> Option<Part> {
    let now = jiff::Timestamp::from_second(b.now).ok()?;
    let p = crate::domain::budget::progress(&b.fw, sess, now, 0, &b.tz)?;
    let mut text = crate::view::budget::workshop_pieces(&p, b.lang, &b.tz, th);
    if let Some(first) = text.first_mut() {
        first.0 = format!("⏱ {}", first.0);
    }
    Some(Part::Text(text))
}
