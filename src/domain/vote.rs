//! Go/no-go votes and the decision rules that turn ballots into an outcome.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::session::PartyId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// GO when at least one Go and no No-go.
    #[default]
    Consensus,
    /// GO when Go votes outnumber No-go votes.
    Majority,
}

/// The session's decision rule: the rule and the quorum, the minimum share
/// of the session's parties that must be present (0.0–1.0).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionRule {
    pub kind: RuleKind,
    pub quorum: f64,
}

impl Default for DecisionRule {
    fn default() -> Self {
        DecisionRule {
            kind: RuleKind::Consensus,
            quorum: 0.5,
        }
    }
}

impl DecisionRule {
    pub fn describe(&self, lang: Lang) -> String {
        let s = lang.strings();
        let rule = match self.kind {
            RuleKind::Consensus => s.rule_consensus,
            RuleKind::Majority => s.rule_majority,
        };
        format!("{rule}; quorum {:.0}%", self.quorum * 100.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Go,
    NoGo,
    Abstain,
}

impl Choice {
    pub fn word(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Choice::Go => s.vote_go,
            Choice::NoGo => s.vote_no_go,
            Choice::Abstain => s.vote_abstain,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Choice::Go => "▲",
            Choice::NoGo => "▼",
            Choice::Abstain => "–",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    pub party: PartyId,
    pub choice: Choice,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Go,
    NoGo,
    Deferred,
}

impl Outcome {
    pub fn word(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Outcome::Go => s.outcome_go,
            Outcome::NoGo => s.outcome_no_go,
            Outcome::Deferred => s.outcome_deferred,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Go => "▲",
            Outcome::NoGo => "▼",
            Outcome::Deferred => "‖", // in every print font (⏸ is not)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeferReason {
    /// Fewer parties present than the quorum.
    Quorum,
    /// Nobody voted Go or No-go.
    NoVotes,
    /// The facilitator deferred the decision.
    Facilitator,
    /// The room decided to defer the decision.
    Room,
}

impl DeferReason {
    pub fn word(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            DeferReason::Quorum => s.defer_quorum,
            DeferReason::NoVotes => s.defer_no_votes,
            DeferReason::Facilitator => s.defer_facilitator,
            DeferReason::Room => s.defer_room,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    pub go: u32,
    pub no_go: u32,
    pub abstain: u32,
    /// Active parties of the session not present at the vote.
    pub absent: u32,
}

impl Tally {
    /// "Go 2 · No-go 0 · Onthouding 1 · afwezig 1"
    pub fn describe(&self, lang: Lang) -> String {
        crate::i18n::fill(
            lang.strings().vote_tally,
            &[
                &self.go.to_string(),
                &self.no_go.to_string(),
                &self.abstain.to_string(),
                &self.absent.to_string(),
            ],
        )
    }
}

/// The follow-up routes after a NO-GO named in the framework (figure 4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Lighter,
    Neighbourhood,
    Sectoral,
    Community,
    Other,
}

impl Route {
    pub const ALL: [Route; 5] = [
        Route::Lighter,
        Route::Neighbourhood,
        Route::Sectoral,
        Route::Community,
        Route::Other,
    ];

    /// The name a session file stores, and the id of the route in the
    /// framework's decision step (`None` for "other": the framework does
    /// not name it).
    pub fn id(self) -> Option<&'static str> {
        match self {
            Route::Lighter => Some("lighter"),
            Route::Neighbourhood => Some("neighbourhood"),
            Route::Sectoral => Some("sectoral"),
            Route::Community => Some("community"),
            Route::Other => None,
        }
    }

    /// The route in the framework's words (its decision step's `routes`),
    /// else the program's own word for it.
    pub fn words(self, fw: &crate::framework::Framework, lang: Lang) -> String {
        self.id()
            .and_then(|id| fw.route_text(id))
            .map_or_else(|| self.word(lang).to_string(), str::to_string)
    }

    pub fn word(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Route::Lighter => s.route_lighter,
            Route::Neighbourhood => s.route_neighbourhood,
            Route::Sectoral => s.route_sectoral,
            Route::Community => s.route_community,
            Route::Other => s.route_other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub route: Route,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The id of the framework's own route (`route = "other"` then): a
    /// route the program has no name of its own for, stored by its id
    /// (issue 31); `text` holds only the facilitator's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl FollowUp {
    /// The route in the framework's words, with the facilitator's own
    /// words after it ("intensivering: <text>"); "anders" with words is
    /// those words alone (issue 24: never "Vervolgroute: anders: …").
    /// A route of the framework with an id of its own is stored as "other"
    /// with its words: those words alone, without "anders:".
    pub fn route_words(&self, fw: &crate::framework::Framework, lang: Lang) -> String {
        if let Some(id) = self.id.as_ref().filter(|_| self.route == Route::Other) {
            // the framework's own route by its id (the id itself when the
            // framework no longer names it)
            let words = fw.route_text(id).unwrap_or(id).to_string();
            return if self.text.is_empty() {
                words
            } else {
                format!("{words} — {}", self.text)
            };
        }
        let own_route = self.route == Route::Other
            && fw
                .no_go_routes()
                .iter()
                .any(|r| !r.text.is_empty() && self.text.starts_with(&r.text));
        if own_route {
            return self.text.clone();
        }
        let words = self.route.words(fw, lang);
        if self.text.is_empty() {
            words
        } else if self.route == Route::Other {
            self.text.clone()
        } else {
            format!("{words}: {}", self.text)
        }
    }

    /// "Vervolgroute: <the route in the framework's words>".
    pub fn describe(&self, fw: &crate::framework::Framework, lang: Lang) -> String {
        crate::i18n::fill(
            lang.strings().start_follow_up,
            &[&self.route_words(fw, lang)],
        )
    }
}

/// A recorded go/no-go vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub workshop: u32,
    pub at: Timestamp,
    pub rule: DecisionRule,
    /// Active parties of the session at the time of the vote.
    pub parties_total: u32,
    pub present: Vec<PartyId>,
    pub ballots: Vec<Ballot>,
    pub tally: Tally,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deferred: Option<DeferReason>,
    /// Free text: the facilitator's reason for deferring, or a remark.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remark: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// When to look again ("vinger aan de pols").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revisit: Option<Date>,
    /// Why the room voted again after an earlier outcome (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub again_because: String,
}

/// A vote as far as the ballots go: the tally and what the rule decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    pub tally: Tally,
    pub outcome: Outcome,
    pub deferred: Option<DeferReason>,
}

/// The tally and outcome of `ballots` by the present parties, with
/// `parties_total` active parties, under `rule`.
pub fn preview(
    rule: &DecisionRule,
    ballots: &[Ballot],
    present: u32,
    parties_total: u32,
) -> Preview {
    let tally = tally(ballots, parties_total, present);
    let (outcome, deferred) = decide(rule, &tally, present, parties_total);
    Preview {
        tally,
        outcome,
        deferred,
    }
}

/// What the facilitator settles besides the ballots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closing {
    /// The NO-GO follow-up route (kept only when the outcome is NO-GO).
    pub follow_up: Option<FollowUp>,
    /// When to look again (kept unless the outcome is GO).
    pub revisit: Option<Date>,
    /// The decision is deferred, with this reason.
    pub deferred_because: Option<String>,
    /// Who decided to defer: the room (`true`) or the facilitator.
    pub deferred_by_room: bool,
    /// Why the room votes again after an earlier outcome (optional).
    pub again_because: String,
}

impl Vote {
    /// Cast the vote of the running workshop: tally, apply the rule, and keep
    /// of `closing` only what fits the outcome. The one place a vote is built.
    pub fn cast(
        s: &crate::session::Session,
        present: Vec<PartyId>,
        ballots: Vec<Ballot>,
        closing: Closing,
        at: Timestamp,
    ) -> Vote {
        let total = s.active_parties().count() as u32;
        let mut p = preview(&s.rule, &ballots, present.len() as u32, total);
        let remark = closing.deferred_because.unwrap_or_default();
        if !remark.is_empty() {
            p.outcome = Outcome::Deferred;
            p.deferred = Some(if closing.deferred_by_room {
                DeferReason::Room
            } else {
                DeferReason::Facilitator
            });
        }
        Vote {
            workshop: s.workshop_number(),
            at,
            rule: s.rule,
            parties_total: total,
            present,
            ballots,
            tally: p.tally,
            outcome: p.outcome,
            deferred: p.deferred,
            remark,
            follow_up: closing.follow_up.filter(|_| p.outcome == Outcome::NoGo),
            revisit: closing.revisit.filter(|_| p.outcome != Outcome::Go),
            again_because: closing.again_because,
        }
    }

    /// Whether this is a deferral decided by the room or the facilitator:
    /// no vote was held (unlike a vote deferred for want of a quorum or
    /// of Go and No-go ballots, where the room did vote).
    pub fn is_deferral(&self) -> bool {
        matches!(
            self.deferred,
            Some(DeferReason::Room | DeferReason::Facilitator)
        )
    }
}

/// Add a vote to the session's votes. Votes are only ever added, in the
/// order they were held: the latest decides (see
/// [`crate::session::Session::latest_vote`]), the earlier ones stay in the
/// history and the minutes.
pub fn append(votes: &mut Vec<Vote>, vote: Vote) {
    votes.push(vote);
}

/// The vote that replaced `votes[i]` as the decision: the next vote held
/// after it. A deferral is not a vote: it replaces nothing and is replaced
/// by nothing.
pub fn superseded_by(votes: &[Vote], i: usize) -> Option<&Vote> {
    if votes.get(i)?.is_deferral() {
        return None;
    }
    votes.iter().skip(i + 1).find(|v| !v.is_deferral())
}

/// The vote `votes[i]` replaced: the last vote held before it (`None` for a
/// deferral, and for the first vote held).
pub fn replaces(votes: &[Vote], i: usize) -> Option<&Vote> {
    if votes.get(i)?.is_deferral() {
        return None;
    }
    votes[..i].iter().rev().find(|v| !v.is_deferral())
}

/// "vervangt het ▼ NO-GO van bijeenkomst 2 (reden)": what `votes[i]`
/// replaced, and why the room voted again when it said so; `None` when it
/// replaced nothing.
pub fn replaces_words(votes: &[Vote], i: usize, lang: Lang) -> Option<String> {
    let earlier = replaces(votes, i)?;
    let what = format!(
        "{} {}",
        earlier.outcome.symbol(),
        earlier.outcome.word(lang)
    );
    let mut out = crate::i18n::fill(
        lang.strings().ex_replaces,
        &[&what, &earlier.workshop.to_string()],
    );
    let why = votes[i].again_because.trim();
    if !why.is_empty() {
        out.push_str(&format!(" ({why})"));
    }
    Some(out)
}

/// The same words starting with a capital, for a line of their own.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The latest vote held (deferrals left out): what `v` shows before a new
/// vote, with its place in `votes`.
pub fn latest_held(votes: &[Vote]) -> Option<(usize, &Vote)> {
    votes
        .iter()
        .enumerate()
        .rev()
        .find(|(_, v)| !v.is_deferral())
}

/// How many of `total` parties must be present for the quorum.
pub fn quorum_needed(rule: &DecisionRule, total: u32) -> u32 {
    (0..=total)
        .find(|&present| quorum_met(rule, present, total))
        .unwrap_or(total)
}

/// Count the ballots of present parties.
pub fn tally(ballots: &[Ballot], parties_total: u32, present: u32) -> Tally {
    let mut t = Tally {
        absent: parties_total.saturating_sub(present),
        ..Tally::default()
    };
    for b in ballots {
        match b.choice {
            Choice::Go => t.go += 1,
            Choice::NoGo => t.no_go += 1,
            Choice::Abstain => t.abstain += 1,
        }
    }
    t
}

/// Whether `present` of `total` parties meet the quorum (exactly at the
/// quorum counts as met).
pub fn quorum_met(rule: &DecisionRule, present: u32, total: u32) -> bool {
    if total == 0 {
        return false;
    }
    // a small tolerance, so that 4 of 6 meets a quorum of 2/3 despite rounding
    present as f64 + 1e-9 >= rule.quorum.clamp(0.0, 1.0) * total as f64
}

/// Apply the decision rule.
pub fn decide(
    rule: &DecisionRule,
    t: &Tally,
    present: u32,
    total: u32,
) -> (Outcome, Option<DeferReason>) {
    if !quorum_met(rule, present, total) {
        return (Outcome::Deferred, Some(DeferReason::Quorum));
    }
    if t.go == 0 && t.no_go == 0 {
        return (Outcome::Deferred, Some(DeferReason::NoVotes));
    }
    let go = match rule.kind {
        RuleKind::Consensus => t.go >= 1 && t.no_go == 0,
        RuleKind::Majority => t.go > t.no_go,
    };
    if go {
        (Outcome::Go, None)
    } else {
        (Outcome::NoGo, None)
    }
}

#[cfg(test)]
#[path = "vote_tests.rs"]
mod tests;
