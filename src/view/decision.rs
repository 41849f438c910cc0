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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};
    use jiff::Timestamp;
    use jiff::tz::TimeZone;

    /// A NO-GO whose route is the facilitator's own words, in Chinese: in
    /// chars the header's forms are half as wide as they are on screen.
    #[test]
    fn the_forms_fit_by_columns_with_a_wide_route() {
        let fw = Framework::builtin();
        let at = Timestamp::from_second(1_790_000_000).unwrap();
        let mut sess = Session::new("Kade", &fw, at);
        sess.add_party("Gemeente", "Anna", "");
        sess.resume(at);
        let present: Vec<_> = sess.parties.iter().map(|p| p.id).collect();
        let ballots = vec![Ballot {
            party: present[0],
            choice: Choice::NoGo,
            reason: String::new(),
        }];
        let closing = Closing {
            follow_up: Some(FollowUp {
                route: Route::Other,
                text: "华人社区协会先与居民再谈一次华人社区协会".into(),
                id: None,
            }),
            ..Default::default()
        };
        let v = Vote::cast(&sess, present, ballots, closing, at);
        sess.votes.push(v);
        let env = Env {
            fw: &fw,
            lang: Lang::Nl,
            tz: TimeZone::UTC,
        };
        let forms = forms(&env, &sess);
        assert_eq!(forms.len(), 3, "{forms:?}");
        let full = &forms[0];
        for room in 0..full.width() + 4 {
            match fitting(&env, &sess, room) {
                Some(d) => {
                    assert!(d.width() <= room, "{room}: {d:?} is {} columns", d.width());
                    if !forms.contains(&d) {
                        assert!(d.ends_with('…'), "{d}");
                    }
                }
                None => assert!(forms.iter().all(|f| f.width() > room), "{room}"),
            }
        }
        // a room that holds the route's chars but not its columns: cut
        let room = full.chars().count() + 2;
        assert!(room < full.width());
        let cut = fitting(&env, &sess, room).unwrap();
        assert!(cut.ends_with('…') && cut.width() <= room, "{cut}");
    }
}
