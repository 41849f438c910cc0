//! A vote in words, as every view of it says them: the facilitator's
//! read-back, banner, earlier-vote question, summary and recap, and the
//! room's outcome and vote screens.

use ratatui::text::{Line, Span};

use crate::i18n::{Lang, fill};
use crate::safe_text::safe_line;
use crate::tui::theme::Theme;
use crate::view::Env;
use crate::vote::{DeferReason, Vote};

/// After a NO-GO: the route in the framework's words (filtered for the
/// terminal), and "Opnieuw bekijken op 20-01-2027" (or that no date was
/// agreed yet). Each view lays them
/// out as it needs (wrapped, indented); the words are these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUp {
    pub route: Option<String>,
    pub revisit: Option<String>,
}

/// The follow-up route and revisit date of `v`, in words.
pub fn follow_up(env: &Env, v: &Vote) -> FollowUp {
    FollowUp {
        route: v
            .follow_up
            .as_ref()
            .map(|fu| safe_line(&fu.describe(env.fw, env.lang)).into_owned()),
        // a NO-GO without a date to look again says so, never nothing
        revisit: match v.revisit {
            Some(d) => Some(fill(env.s().start_revisit, &[&env.lang.date(d)])),
            None if v.outcome == crate::vote::Outcome::NoGo => {
                Some(env.s().start_no_revisit.to_string())
            }
            None => None,
        },
    }
}

/// "  ▼ NO-GO (about) · Go 2 · No-go 1 · …": a vote's outcome in its colour,
/// what `about` says of it in brackets, and its tally (none after a
/// deferral without ballots: nothing to count). The recap and the summary
/// list votes so.
pub fn outcome_line(v: &Vote, about: &str, lang: Lang, th: &Theme) -> Line<'static> {
    let tally = if v.is_deferral() && v.ballots.is_empty() {
        String::new()
    } else {
        format!(" · {}", v.tally.describe(lang))
    };
    Line::from(vec![
        Span::styled(
            format!("  {} {}", v.outcome.symbol(), v.outcome.word(lang)),
            th.outcome(v.outcome),
        ),
        Span::styled(format!(" ({about}){tally}"), th.dim),
    ])
}

/// " (quorum)" after a deferred outcome: why it was deferred.
pub fn defer_text(d: Option<DeferReason>, lang: Lang) -> String {
    d.map(|d| format!(" ({})", d.word(lang)))
        .unwrap_or_default()
}

/// "▲ GO", "▼ NO-GO", "◆ UITGESTELD (geen quorum)": symbol, word and why deferred.
pub fn outcome_text(outcome: crate::vote::Outcome, d: Option<DeferReason>, lang: Lang) -> String {
    format!(
        "{} {}{}",
        outcome.symbol(),
        outcome.word(lang),
        defer_text(d, lang)
    )
}
