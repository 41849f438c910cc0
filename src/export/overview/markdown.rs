//! The overview as Markdown: where each area stands (one row per area,
//! then a table per area), what the areas teach each other per framework,
//! and the files that could not be read.

use super::*;
use crate::export::md_escape;

/// User text in a table cell: isolated, escaped, on one line.
fn u(text: &str) -> String {
    md_escape(&crate::bidi::isolate(text), "", true)
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn head(cells: &[&str]) -> String {
    let mut out = row(&cells.iter().map(|c| u(c)).collect::<Vec<_>>());
    out.push_str(&row(&vec!["---".to_string(); cells.len()]));
    out
}

/// The whole overview as Markdown.
pub fn markdown(r: &Report, lang: Lang) -> String {
    let o = lang.overview();
    let ov = &r.overview;
    let mut out = format!("# {}\n\n", o.title);
    out.push_str(&fill(
        o.as_of,
        &[
            &lang.date(ov.today),
            &ov.areas.len().to_string(),
            &r.unreadable.len().to_string(),
        ],
    ));
    out.push_str("\n\n");
    if ov.areas.is_empty() {
        out.push_str(o.empty);
        out.push_str("\n\n");
    } else {
        out.push_str(&summary_table(ov, lang));
        for a in &ov.areas {
            out.push_str(&area_table(a, lang));
        }
    }
    for c in &ov.comparisons {
        out.push_str(&comparison(ov, c, lang));
    }
    if !r.unreadable.is_empty() {
        out.push_str(&format!("## {}\n\n", o.unreadable_head));
        out.push_str(&head(&[o.source, o.reason]));
        for x in &r.unreadable {
            out.push_str(&row(&[u(&x.path), u(&x.reason)]));
        }
        out.push('\n');
    }
    out
}

/// One row per area.
fn summary_table(ov: &Overview, lang: Lang) -> String {
    let o = lang.overview();
    let mut out = format!("## {}\n\n", o.areas_head);
    out.push_str(&head(&[
        o.area,
        o.municipality,
        o.block,
        o.decision,
        o.revisit,
        o.workshops,
        o.last_workshop,
        o.open_dissent,
        o.open_actions,
        o.overdue_actions,
    ]));
    for a in &ov.areas {
        out.push_str(&row(&[
            u(a.label()),
            u(&a.municipality),
            u(&a.block_label()),
            decision_text(a, lang),
            a.decision
                .as_ref()
                .map(|d| revisit_text(d, lang))
                .unwrap_or_default(),
            a.workshops.to_string(),
            last_text(a, lang),
            a.open_dissent.to_string(),
            a.open_actions.to_string(),
            overdue_actions_text(a.overdue_actions, lang),
        ]));
    }
    out.push('\n');
    out
}

/// The table of one area: a row per fact.
fn area_table(a: &AreaSummary, lang: Lang) -> String {
    let o = lang.overview();
    let mut out = format!("### {}\n\n", u(a.label()));
    out.push_str(&head(&["", ""]));
    let mut fact = |k: &str, v: String| out.push_str(&row(&[u(k), v]));
    fact(o.municipality, u(&a.municipality));
    fact(o.facilitator, u(&a.facilitator));
    fact(o.framework, u(&framework_text(a)));
    fact(o.block, u(&a.block_label()));
    fact(
        o.progress,
        progress_lines(a, lang)
            .iter()
            .map(|l| u(l))
            .collect::<Vec<_>>()
            .join("<br>"),
    );
    fact(o.decision, decision_text(a, lang));
    if let Some(d) = &a.decision {
        fact(o.decided_on, decided_text(d, lang));
        fact(o.rule, rule_text(d, lang));
        if let Some(route) = &d.route {
            fact(o.route, u(route));
        }
        if d.revisit.is_some() {
            fact(o.revisit, revisit_text(d, lang));
        }
    }
    fact(o.workshops, a.workshops.to_string());
    fact(o.last_workshop, last_text(a, lang));
    fact(o.open_dissent, a.open_dissent.to_string());
    fact(o.open_actions, a.open_actions.to_string());
    fact(
        o.overdue_actions,
        overdue_actions_text(a.overdue_actions, lang),
    );
    fact(o.source, u(&a.source));
    out.push('\n');
    out
}

/// One framework's areas compared: the points table (a row per point, a
/// column per area), the trouble points with their reasons, the median
/// time per step.
fn comparison(ov: &Overview, c: &Comparison, lang: Lang) -> String {
    let o = lang.overview();
    let mut out = format!("## {}\n\n", u(&comparison_head(c, lang)));
    out.push_str(if c.standard {
        o.teach_intro
    } else {
        o.other_intro
    });
    out.push_str(&format!("\n\n{}: {}\n\n", o.legend, legend(lang)));
    let mut cols: Vec<String> = vec![u(o.point)];
    cols.extend(c.areas.iter().map(|&i| u(ov.areas[i].label())));
    cols.extend(Status::ALL.iter().map(|s| s.symbol().to_string()));
    out.push_str(&row(&cols));
    out.push_str(&row(&vec!["---".to_string(); cols.len()]));
    for p in &c.points {
        let mut cells = vec![u(&format!("{} {}", p.id, p.text))];
        cells.extend(
            p.statuses
                .iter()
                .map(|s| s.map_or("—".to_string(), |s| s.symbol().to_string())),
        );
        cells.extend(p.counts.iter().map(|n| n.to_string()));
        out.push_str(&row(&cells));
    }
    out.push_str(&format!("\n### {}\n\n", o.trouble_head));
    if c.trouble.is_empty() {
        let n = crate::overview::compare::TROUBLE_MIN_AREAS.to_string();
        out.push_str(&fill(o.trouble_none, &[&n]));
        out.push_str("\n\n");
    } else {
        let (d, s) = (
            status_text(Status::Dissent, lang),
            status_text(Status::Skipped, lang),
        );
        out.push_str(&head(&[o.point, &d, &s, o.reasons]));
        for t in &c.trouble {
            let reasons: Vec<String> = t
                .reasons
                .iter()
                .map(|r| {
                    let why = if r.reason.trim().is_empty() {
                        o.no_reason
                    } else {
                        &r.reason
                    };
                    format!("{} {}: {}", r.status.symbol(), u(&r.area), u(why))
                })
                .collect();
            out.push_str(&row(&[
                u(&format!("{} {}", t.id, t.text)),
                t.dissent.to_string(),
                t.skipped.to_string(),
                reasons.join("<br>"),
            ]));
        }
        out.push('\n');
    }
    out.push_str(&format!("### {}\n\n", o.steps_head));
    out.push_str(&head(&[o.step, o.median, o.areas_with_time]));
    for m in &c.step_medians {
        out.push_str(&row(&[
            u(&format!("{} {}", m.id, m.title)),
            median_text(m),
            m.areas.to_string(),
        ]));
    }
    out.push('\n');
    out
}
