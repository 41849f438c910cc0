//! The decision in force, as the main screen's header and the room show it: what the latest vote
//! decided, with symbol and word ("▲ GO (14:05)", "▼ NO-GO (14:05) ·
//! vervolg: …", "‖ UITGESTELD (bijeenkomst 1)"), so the room sees it after
//! the banner too. The route is in the framework's words; when they do not
//! fit, they are cut with "…" as long as 16 columns of them are left (the
//! whole route is in the recap and the minutes); otherwise a shorter form,
//! whole.

use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::widgets::status::fit;
use crate::view::Env;
use crate::vote::Outcome;
use unicode_width::UnicodeWidthStr;

/// The forms of the decision in force (the latest vote held; a deferral
/// after it changes nothing), longest first; empty when there is none.
pub fn forms(app: &Env, sess: &Session) -> Vec<String> {
    let s = app.s();
    let Some(v) = sess.decision_in_force() else {
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
    if let Some(route) = route(app, sess) {
        out.push(format!("{dated} · {}", fill(s.head_follow_up, &[&route])));
    }
    out.push(dated);
    out.push(word);
    out
}

/// The route after the NO-GO in force, in the framework's words.
fn route(app: &Env, sess: &Session) -> Option<String> {
    let v = sess.decision_in_force()?;
    match (v.outcome, &v.follow_up) {
        (Outcome::NoGo, Some(fu)) => {
            Some(safe_line(&fu.route_words(app.fw, app.lang)).into_owned())
        }
        _ => None,
    }
}

/// The fewest columns of a route worth showing cut.
const ROUTE_MIN: usize = 16;

/// The longest form that fits in `room` columns, if any; the route cut
/// with "…" when at least [`ROUTE_MIN`] columns of it fit.
/// Measured in terminal columns (a CJK glyph is two).
pub fn fitting(env: &Env, sess: &Session, room: usize) -> Option<String> {
    let forms = forms(env, sess);
    if let (Some(full), Some(route)) = (forms.first(), route(env, sess))
        && full.width() > room
        && let Some(head) = full.strip_suffix(route.as_str())
    {
        let prefix = head.width();
        if room >= prefix + ROUTE_MIN {
            return Some(format!("{head}{}", fit(&route, room - prefix)));
        }
    }
    forms.into_iter().find(|f| f.width() <= room)
}
