//! The overview across areas as documents (issue 30): Markdown, printable
//! HTML with an SVG heatmap of areas × points, an xlsx workbook with a
//! sheet per view, and JSON (its schema: `assets/overview-schema-v1.json`).
//! The data comes from [`crate::overview`]; the files that could not be
//! read are listed with their reason.

mod html;
mod markdown;
mod sheets;

use serde::Serialize;

use super::ExportError;
use crate::i18n::{Lang, fill};
use crate::overview::{AreaSummary, Comparison, Decision, Overview};
use crate::record::Status;
use crate::vote::DecisionRule;

pub use html::html;
pub use markdown::markdown;

/// The version of the overview's JSON (its schema's file name).
pub const JSON_VERSION: u32 = 1;

pub use crate::catalog::{Report, Unreadable};

/// The formats of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OverviewFormat {
    Md,
    Html,
    Json,
    Xlsx,
}

/// The overview in `format`.
pub fn render(r: &Report, format: OverviewFormat, lang: Lang) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        OverviewFormat::Md => markdown(r, lang).into_bytes(),
        OverviewFormat::Html => html(r, lang).into_bytes(),
        OverviewFormat::Json => json(r),
        OverviewFormat::Xlsx => sheets::xlsx(r, lang)?,
    })
}

/// The JSON document (see the schema file).
pub fn json(r: &Report) -> Vec<u8> {
    #[derive(Serialize)]
    struct Doc<'a> {
        overview_version: u32,
        today: jiff::civil::Date,
        standard_framework: &'a str,
        areas: &'a [AreaSummary],
        comparisons: &'a [Comparison],
        unreadable: &'a [Unreadable],
    }
    let doc = Doc {
        overview_version: JSON_VERSION,
        today: r.overview.today,
        standard_framework: &r.overview.standard_id,
        areas: &r.overview.areas,
        comparisons: &r.overview.comparisons,
        unreadable: &r.unreadable,
    };
    let mut out = serde_json::to_vec_pretty(&doc).expect("plain data serializes");
    out.push(b'\n');
    out
}

/// A status as symbol and word: "✖ verschil van mening".
pub fn status_text(st: Status, lang: Lang) -> String {
    format!("{} {}", st.symbol(), st.word(lang))
}

/// The legend of the statuses, in one line.
pub fn legend(lang: Lang) -> String {
    Status::ALL
        .iter()
        .map(|s| status_text(*s, lang))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The current decision: "▼ NO-GO", or "nog geen besluit".
pub fn decision_text(a: &AreaSummary, lang: Lang) -> String {
    match &a.decision {
        Some(d) => format!("{} {}", d.outcome.symbol(), d.outcome.word(lang)),
        None => lang.overview().not_yet.to_string(),
    }
}

/// When the decision was taken: "bijeenkomst 3, 20-11-2026".
pub fn decided_text(d: &Decision, lang: Lang) -> String {
    let date = d.date.map(|x| lang.date(x)).unwrap_or_default();
    fill(
        lang.overview().in_workshop,
        &[&d.workshop.to_string(), &date],
    )
    .trim_end_matches([',', ' '])
    .to_string()
}

/// The rule of the decision: "consensus; quorum 50%".
pub fn rule_text(d: &Decision, lang: Lang) -> String {
    DecisionRule {
        kind: d.rule,
        quorum: d.quorum,
    }
    .describe(lang)
}

/// The revisit date, overdue in symbol and word: "⚠ 06-12-2026 verlopen".
pub fn revisit_text(d: &Decision, lang: Lang) -> String {
    match d.revisit {
        Some(x) if d.revisit_overdue => {
            format!("⚠ {} {}", lang.date(x), lang.overview().overdue)
        }
        Some(x) => lang.date(x),
        None => String::new(),
    }
}

/// Overdue actions: "⚠ 2 verlopen", or "0".
pub fn overdue_actions_text(n: usize, lang: Lang) -> String {
    if n == 0 {
        "0".into()
    } else {
        format!("⚠ {n} {}", lang.overview().overdue)
    }
}

/// The last workshop's date, or "geen".
pub fn last_text(a: &AreaSummary, lang: Lang) -> String {
    a.last_workshop
        .map_or_else(|| lang.overview().none.to_string(), |d| lang.date(d))
}

/// Progress per block, one block a line: "1 Title: 3 van 21 (✔ 1 ✖ 1 ↷ 1)".
pub fn progress_lines(a: &AreaSummary, lang: Lang) -> Vec<String> {
    let o = lang.overview();
    a.blocks
        .iter()
        .map(|b| {
            let mut line = format!(
                "{} {}: {}",
                b.id,
                b.title,
                fill(
                    o.settled_of,
                    &[&b.settled().to_string(), &b.points.to_string()]
                )
            );
            if b.settled() > 0 {
                line.push_str(&format!(
                    " ({} {} {} {} {} {})",
                    Status::Consensus.symbol(),
                    b.consensus,
                    Status::Dissent.symbol(),
                    b.dissent,
                    Status::Skipped.symbol(),
                    b.skipped
                ));
            }
            line
        })
        .collect()
}

/// Progress per block, short, one block a line: "1: 3/21 (✔ 1 ✖ 1 ↷ 1)".
pub fn progress_short(a: &AreaSummary) -> Vec<String> {
    a.blocks
        .iter()
        .map(|b| {
            let mut line = format!("{}: {}/{}", b.id, b.settled(), b.points);
            if b.settled() > 0 {
                line.push_str(&format!(
                    " ({} {} {} {} {} {})",
                    Status::Consensus.symbol(),
                    b.consensus,
                    Status::Dissent.symbol(),
                    b.dissent,
                    Status::Skipped.symbol(),
                    b.skipped
                ));
            }
            line
        })
        .collect()
}

/// The framework of an area: "Title (id, versie)".
pub fn framework_text(a: &AreaSummary) -> String {
    format!(
        "{} ({} {})",
        a.framework_title, a.framework_id, a.framework_version
    )
}

/// A duration for a reader: "1:05:00", "12:30".
pub fn minutes_text(secs: u64) -> String {
    crate::timing::duration_text(secs)
}

/// A step's median time, or "—" when no area spent time on it.
pub fn median_text(m: &crate::overview::StepMedian) -> String {
    if m.areas == 0 {
        "—".into()
    } else {
        minutes_text(m.median_seconds)
    }
}

/// A comparison's heading: the standard one's, or "Ander kader: …".
pub fn comparison_head(c: &Comparison, lang: Lang) -> String {
    let o = lang.overview();
    if c.standard {
        o.teach_head.to_string()
    } else {
        fill(o.other_head, &[&c.framework_title, &c.framework_id])
    }
}
