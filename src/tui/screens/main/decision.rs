//! The decision in the header of the main screen: what the latest vote
//! decided, with symbol and word ("▲ GO (14:05)", "▼ NO-GO (14:05) ·
//! vervolg: …", "‖ UITGESTELD (bijeenkomst 1)"), so the room sees it after
//! the banner too. Whole or left out: a shorter form when the full one
//! does not fit, never a cut word.

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::text::safe_line;
use crate::vote::Outcome;

/// The forms of the decision, longest first; empty when no vote was held.
pub fn forms(app: &App, sess: &Session) -> Vec<String> {
    let s = app.s();
    let Some(v) = sess.latest_vote() else {
        return Vec::new();
    };
    let word = format!("{} {}", v.outcome.symbol(), v.outcome.word(app.lang));
    let when = if v.workshop == sess.workshop_number() {
        v.at.to_zoned(app.tz.clone()).strftime("%H:%M").to_string()
    } else {
        fill(s.vote_of_workshop, &[&v.workshop.to_string()])
    };
    let dated = format!("{word} ({when})");
    let mut out = Vec::new();
    if let (Outcome::NoGo, Some(fu)) = (v.outcome, &v.follow_up) {
        let route = if fu.text.is_empty() {
            fu.route.word(app.lang).to_string()
        } else {
            format!("{}: {}", fu.route.word(app.lang), safe_line(&fu.text))
        };
        out.push(format!("{dated} · {}", fill(s.head_follow_up, &[&route])));
    }
    out.push(dated);
    out.push(word);
    out
}

/// The longest form that fits in `room` columns, if any.
pub fn fitting(app: &App, sess: &Session, room: usize) -> Option<String> {
    forms(app, sess)
        .into_iter()
        .find(|f| f.chars().count() <= room)
}
