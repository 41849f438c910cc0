//! Across neighbourhoods (issue 30): where every area stands, gathered from
//! its session. One [`AreaSummary`] per session, made while the session is
//! in hand and kept small (the session itself is dropped after it), then
//! [`Overview::build`] puts them side by side: the areas on the standard
//! framework compared point by point ("what the areas teach each other",
//! [`compare`]), areas on another framework apart, each framework's areas
//! with their own.
//!
//! Plain data and functions: no files, no terminal.

pub mod compare;
pub mod digest;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::framework::Framework;
use crate::i18n::Lang;
use crate::record::Status;
use crate::session::Session;
use crate::vote::{Outcome, RuleKind};

pub use compare::{Comparison, PointColumn, StepMedian, Trouble, TroubleReason};
pub use digest::{DIGEST_VERSION, Digest, DigestDecision};

/// Progress in one block: how many of its points have each status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockProgress {
    pub id: String,
    pub title: String,
    pub points: usize,
    pub open: usize,
    pub consensus: usize,
    pub dissent: usize,
    pub skipped: usize,
}

impl BlockProgress {
    /// Points no longer open.
    pub fn settled(&self) -> usize {
        self.points - self.open
    }
}

/// The current decision of an area: its latest vote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub workshop: u32,
    /// The date of the workshop the vote was in.
    pub date: Option<Date>,
    pub rule: RuleKind,
    pub quorum: f64,
    /// The NO-GO route in the framework's words.
    pub route: Option<String>,
    pub revisit: Option<Date>,
    /// The revisit date is before today.
    pub revisit_overdue: bool,
}

/// One point of an area: its status and, for dissent or skipped, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointCell {
    pub id: String,
    pub text: String,
    /// Id of the point's step.
    pub step: String,
    pub status: Status,
    /// The dissent reason, or the skip reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Seconds spent on one step of an area's framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTime {
    pub id: String,
    pub title: String,
    pub seconds: u64,
}

/// Where one area stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaSummary {
    /// Where the session was read (a path, as text).
    pub source: String,
    pub name: String,
    pub area: String,
    pub municipality: String,
    pub facilitator: String,
    pub framework_id: String,
    pub framework_version: String,
    pub framework_title: String,
    /// Index of the block reached (the block of the current point).
    pub block_reached: usize,
    pub blocks: Vec<BlockProgress>,
    pub decision: Option<Decision>,
    pub workshops: usize,
    pub last_workshop: Option<Date>,
    pub open_dissent: usize,
    pub open_actions: usize,
    pub overdue_actions: usize,
    /// Every point of the framework, in agenda order.
    #[serde(skip)]
    pub points: Vec<PointCell>,
    #[serde(skip)]
    pub steps: Vec<StepTime>,
}

impl AreaSummary {
    /// The summary of `s`, read with its framework `fw`, on `today`: its
    /// [`Digest`] read on that day (one rule for a parsed session and for
    /// the digest kept in its file).
    pub fn of(source: &str, s: &Session, fw: &Framework, today: Date, lang: Lang) -> AreaSummary {
        Digest::of(s, fw).area_summary(source, today, lang)
    }

    /// The area's name for a reader: the area, else the session's name.
    pub fn label(&self) -> &str {
        if self.area.trim().is_empty() {
            &self.name
        } else {
            &self.area
        }
    }

    /// The block reached, as "2 Title".
    pub fn block_label(&self) -> String {
        self.blocks
            .get(self.block_reached)
            .map(|b| format!("{} {}", b.id, b.title))
            .unwrap_or_default()
    }

    /// Something in this area is past its date: a revisit or an action.
    pub fn overdue(&self) -> bool {
        self.overdue_actions > 0 || self.decision.as_ref().is_some_and(|d| d.revisit_overdue)
    }
}

/// How the areas can be ordered (the TUI's sort keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Area,
    /// Furthest block first.
    Block,
    /// Most recent workshop first.
    LastWorkshop,
    /// Most overdue first: overdue revisit, then overdue actions.
    Overdue,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Area,
        SortKey::Block,
        SortKey::LastWorkshop,
        SortKey::Overdue,
    ];

    /// The next key, round.
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|k| *k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }
}

/// Indices of `areas` in the order of `key` (ties by area name, then
/// source), only those of `municipality` when given.
pub fn ordered(areas: &[AreaSummary], key: SortKey, municipality: Option<&str>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..areas.len())
        .filter(|&i| municipality.is_none_or(|m| same_municipality(&areas[i].municipality, m)))
        .collect();
    let by_name = |a: &AreaSummary, b: &AreaSummary| {
        a.label()
            .to_lowercase()
            .cmp(&b.label().to_lowercase())
            .then_with(|| a.source.cmp(&b.source))
    };
    idx.sort_by(|&i, &j| {
        let (a, b) = (&areas[i], &areas[j]);
        let primary = match key {
            SortKey::Area => std::cmp::Ordering::Equal,
            SortKey::Block => b.block_reached.cmp(&a.block_reached),
            SortKey::LastWorkshop => b.last_workshop.cmp(&a.last_workshop),
            SortKey::Overdue => {
                let rank = |x: &AreaSummary| {
                    (
                        x.decision.as_ref().is_some_and(|d| d.revisit_overdue),
                        x.overdue_actions,
                    )
                };
                rank(b).cmp(&rank(a))
            }
        };
        primary.then_with(|| by_name(a, b))
    });
    idx
}

/// Municipality names match without regard to case or surrounding space.
pub fn same_municipality(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The municipalities of `areas`, each once, sorted (an empty name too).
pub fn municipalities(areas: &[AreaSummary]) -> Vec<String> {
    let mut m: Vec<String> = areas
        .iter()
        .map(|a| a.municipality.trim().to_string())
        .collect();
    m.sort_by_key(|x| x.to_lowercase());
    m.dedup_by(|a, b| same_municipality(a, b));
    m
}

/// The overview of many areas.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub today: Date,
    /// The id of the standard framework (the built-in one).
    pub standard_id: String,
    /// Every area, in the order of [`SortKey::Area`].
    pub areas: Vec<AreaSummary>,
    /// The areas on the standard framework, compared; then each other
    /// framework's areas among themselves.
    pub comparisons: Vec<Comparison>,
}

impl Overview {
    /// Put the summaries side by side. `standard_id` is the id of the
    /// standard framework (the built-in one): its comparison comes first.
    pub fn build(areas: Vec<AreaSummary>, standard_id: &str, today: Date) -> Overview {
        let order = ordered(&areas, SortKey::Area, None);
        let mut slots: Vec<Option<AreaSummary>> = areas.into_iter().map(Some).collect();
        let areas: Vec<AreaSummary> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let comparisons = compare::compare_all(&areas, standard_id);
        Overview {
            today,
            standard_id: standard_id.to_string(),
            areas,
            comparisons,
        }
    }

    /// Only the areas of `municipality` (and the comparisons of those).
    pub fn select(self, municipality: &str) -> Overview {
        let areas: Vec<AreaSummary> = self
            .areas
            .into_iter()
            .filter(|a| same_municipality(&a.municipality, municipality))
            .collect();
        Overview::build(areas, &self.standard_id, self.today)
    }
}

#[cfg(test)]
mod tests;
