//! The data of the minutes' chart: how many points are consensus, dissent,
//! skipped or open, per block and (when a session has more than one
//! workshop) after each workshop. Data only: `markdown.rs` writes it as a
//! table of the same numbers, `html.rs` as an inline SVG.

use super::doc::Ctx;
use crate::session::{HistoryKind, PointRecord, Status};

/// The statuses in the order a bar shows them: what is settled first.
pub(super) const ORDER: [Status; 4] = [
    Status::Consensus,
    Status::Dissent,
    Status::Skipped,
    Status::Open,
];

/// One bar: its label and how many points have each status of [`ORDER`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ChartRow {
    pub(super) label: String,
    pub(super) counts: [usize; 4],
}

impl ChartRow {
    pub(super) fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// A chart of point statuses: a caption, the head of the label column, the
/// status names in [`ORDER`] (symbol and word), and one row per bar.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Chart {
    pub(super) caption: String,
    pub(super) row_head: String,
    pub(super) statuses: [String; 4],
    /// "{0} punten": the total of a row.
    pub(super) total_word: String,
    pub(super) rows: Vec<ChartRow>,
}

fn index_of(st: Status) -> usize {
    ORDER.iter().position(|&o| o == st).unwrap_or(3)
}

/// The status a point had at the end of workshop `n`: the last status its
/// history records up to then. A record with no status in its history (an
/// old file) counts with the status it has now.
fn status_after(r: &PointRecord, n: u32) -> Status {
    let is_status = |h: &&crate::record::HistoryEntry| h.kind == HistoryKind::Status;
    if !r.history.iter().any(|h| is_status(&h)) {
        return r.status;
    }
    r.history
        .iter()
        .rev()
        .filter(is_status)
        .find(|h| h.workshop <= n)
        .map(|h| {
            let key = h.detail.split([':', ' ']).next().unwrap_or("");
            Status::ALL
                .into_iter()
                .find(|s| s.key() == key)
                .unwrap_or(Status::Open)
        })
        .unwrap_or(Status::Open)
}

fn base(c: &Ctx, caption: String, row_head: &str) -> Chart {
    Chart {
        caption,
        row_head: row_head.to_string(),
        statuses: ORDER.map(|st| format!("{} {}", st.symbol(), st.word(c.lang))),
        total_word: c.s.ex_chart_points.to_string(),
        rows: Vec::new(),
    }
}

/// Per block, the status of its points: now (`after` None) or at the end of
/// workshop `after`.
pub(super) fn blocks_chart(c: &Ctx, after: Option<u32>) -> Chart {
    let s = c.s;
    let caption = match after {
        Some(n) => crate::i18n::fill(s.ex_chart_blocks_after, &[&n.to_string()]),
        None => s.ex_chart_blocks.to_string(),
    };
    let mut chart = base(c, caption, s.block);
    for blk in &c.fw.blocks {
        let mut counts = [0; 4];
        for step in &blk.steps {
            for p in &step.points {
                let st = match (c.sess.record(&p.id), after) {
                    (Some(r), Some(n)) => status_after(r, n),
                    (Some(r), None) => r.status,
                    (None, _) => Status::Open,
                };
                counts[index_of(st)] += 1;
            }
        }
        chart.rows.push(ChartRow {
            label: format!("{} {}", blk.id, blk.title),
            counts,
        });
    }
    chart
}

/// After each workshop, the status of all points; None when the session
/// has fewer than two workshops.
pub(super) fn workshops_chart(c: &Ctx) -> Option<Chart> {
    let s = c.s;
    if c.sess.workshops.len() < 2 {
        return None;
    }
    let mut chart = base(c, s.ex_chart_workshops.to_string(), "");
    for w in &c.sess.workshops {
        let mut counts = [0; 4];
        for (_, _, p) in c.fw.iter_points() {
            let st = c
                .sess
                .record(&p.id)
                .map(|r| status_after(r, w.number))
                .unwrap_or(Status::Open);
            counts[index_of(st)] += 1;
        }
        chart.rows.push(ChartRow {
            label: format!(
                "{} · {}",
                crate::i18n::fill(s.ui_workshop, &[&w.number.to_string()]),
                // the short form ("14-09-2026"): the label fits its column
                c.lang.date(w.date)
            ),
            counts,
        });
    }
    Some(chart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::HistoryEntry;

    fn entry(workshop: u32, kind: HistoryKind, detail: &str) -> HistoryEntry {
        HistoryEntry {
            workshop,
            at: jiff::Timestamp::from_second(1_790_000_000).unwrap(),
            kind,
            detail: detail.into(),
        }
    }

    #[test]
    fn the_status_at_the_end_of_a_workshop_comes_from_the_history() {
        let r = PointRecord {
            status: Status::Consensus,
            history: vec![
                entry(1, HistoryKind::Status, "dissent: te duur"),
                entry(1, HistoryKind::Stance, "3: disagree"),
                entry(2, HistoryKind::Status, "skipped: later"),
                entry(
                    3,
                    HistoryKind::Status,
                    "consensus: resolved dissent of 3: te duur",
                ),
            ],
            ..PointRecord::default()
        };
        assert_eq!(status_after(&r, 1), Status::Dissent);
        assert_eq!(status_after(&r, 2), Status::Skipped);
        assert_eq!(status_after(&r, 3), Status::Consensus);
        // before the first capture: open
        let later = PointRecord {
            history: vec![entry(
                2,
                HistoryKind::Status,
                "consensus (over disagree: 4)",
            )],
            ..PointRecord::default()
        };
        assert_eq!(status_after(&later, 1), Status::Open);
        assert_eq!(status_after(&later, 2), Status::Consensus);
        // an old record with a status and no history counts as it is
        let old = PointRecord {
            status: Status::Dissent,
            ..PointRecord::default()
        };
        assert_eq!(status_after(&old, 1), Status::Dissent);
    }
}
