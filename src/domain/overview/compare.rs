//! What the areas teach each other: areas × points with each point's
//! status, the points in dissent or skipped in many areas with their
//! reasons side by side, and per step the median time spent. Only areas
//! on the same framework (by id) are compared; the standard one first.

use serde::Serialize;

use super::AreaSummary;
use crate::record::Status;

/// A point is "trouble" when it is in dissent or skipped in at least this
/// many areas of a comparison.
pub const TROUBLE_MIN_AREAS: usize = 2;

/// One point across the areas of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointColumn {
    pub id: String,
    pub text: String,
    pub step: String,
    /// The point's status in each area of the comparison (its `areas`
    /// order); `None` where that area's framework has no such point.
    pub statuses: Vec<Option<Status>>,
    /// Areas with each status: open, consensus, dissent, skipped
    /// ([`Status::ALL`] order).
    pub counts: [usize; 4],
}

/// Why a point is in dissent or skipped in one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TroubleReason {
    pub area: String,
    pub status: Status,
    pub reason: String,
}

/// A point in dissent or skipped in many areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trouble {
    pub id: String,
    pub text: String,
    pub dissent: usize,
    pub skipped: usize,
    pub reasons: Vec<TroubleReason>,
}

/// The median time spent on one step, over the areas that spent any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepMedian {
    pub id: String,
    pub title: String,
    pub median_seconds: u64,
    /// Areas that spent time on the step (the median is over these).
    pub areas: usize,
}

/// The areas of one framework, compared point by point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub framework_id: String,
    pub framework_title: String,
    /// This is the standard framework.
    pub standard: bool,
    /// Indices into the overview's areas.
    pub areas: Vec<usize>,
    pub points: Vec<PointColumn>,
    /// Most areas first.
    pub trouble: Vec<Trouble>,
    pub step_medians: Vec<StepMedian>,
}

/// One comparison per framework id: the standard one first, the others by
/// id.
pub fn compare_all(areas: &[AreaSummary], standard_id: &str) -> Vec<Comparison> {
    let mut ids: Vec<&str> = areas.iter().map(|a| a.framework_id.as_str()).collect();
    ids.sort_by_key(|id| (*id != standard_id, *id));
    ids.dedup();
    ids.into_iter()
        .map(|id| {
            let idx: Vec<usize> = (0..areas.len())
                .filter(|&i| areas[i].framework_id == id)
                .collect();
            compare(areas, idx, id == standard_id)
        })
        .collect()
}

/// Compare the areas at `idx` (all on one framework id).
fn compare(areas: &[AreaSummary], idx: Vec<usize>, standard: bool) -> Comparison {
    let first = &areas[idx[0]];
    // the columns: every point of the first area's framework, then any
    // point another version of it adds, in the order met
    let mut points: Vec<PointColumn> = Vec::new();
    for &i in &idx {
        for p in &areas[i].points {
            if !points.iter().any(|c| c.id == p.id) {
                points.push(PointColumn {
                    id: p.id.clone(),
                    text: p.text.clone(),
                    step: p.step.clone(),
                    statuses: Vec::with_capacity(idx.len()),
                    counts: [0; 4],
                });
            }
        }
    }
    let mut trouble: Vec<Trouble> = Vec::new();
    for col in &mut points {
        let mut t = Trouble {
            id: col.id.clone(),
            text: col.text.clone(),
            dissent: 0,
            skipped: 0,
            reasons: Vec::new(),
        };
        for &i in &idx {
            let cell = areas[i].points.iter().find(|p| p.id == col.id);
            col.statuses.push(cell.map(|c| c.status));
            let Some(c) = cell else { continue };
            let k = Status::ALL.iter().position(|s| *s == c.status).unwrap_or(0);
            col.counts[k] += 1;
            match c.status {
                Status::Dissent => t.dissent += 1,
                Status::Skipped => t.skipped += 1,
                _ => continue,
            }
            t.reasons.push(TroubleReason {
                area: areas[i].label().to_string(),
                status: c.status,
                reason: c.reason.clone(),
            });
        }
        if t.dissent + t.skipped >= TROUBLE_MIN_AREAS {
            trouble.push(t);
        }
    }
    trouble.sort_by(|a, b| {
        (b.dissent + b.skipped, b.dissent).cmp(&(a.dissent + a.skipped, a.dissent))
    });
    let step_medians = first
        .steps
        .iter()
        .map(|st| {
            let mut secs: Vec<u64> = idx
                .iter()
                .filter_map(|&i| areas[i].steps.iter().find(|x| x.id == st.id))
                .map(|x| x.seconds)
                .filter(|&x| x > 0)
                .collect();
            StepMedian {
                id: st.id.clone(),
                title: st.title.clone(),
                median_seconds: median(&mut secs),
                areas: secs.len(),
            }
        })
        .collect();
    Comparison {
        framework_id: first.framework_id.clone(),
        framework_title: first.framework_title.clone(),
        standard,
        areas: idx,
        points,
        trouble,
        step_medians,
    }
}

/// The median (the mean of the middle two for an even count; 0 for none).
pub fn median(v: &mut [u64]) -> u64 {
    if v.is_empty() {
        return 0;
    }
    v.sort_unstable();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        v[n / 2 - 1] / 2 + v[n / 2] / 2 + (v[n / 2 - 1] % 2 + v[n / 2] % 2) / 2
    }
}
