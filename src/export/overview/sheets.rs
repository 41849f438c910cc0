//! The overview as an xlsx workbook: a sheet per view (the areas, the
//! points per area of each framework, the trouble points, the time per
//! step, the files not read), through the session workbook's writer.

use super::*;
use crate::export::tables::{Cell, Table};

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn date(d: Option<jiff::civil::Date>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

/// The workbook.
pub fn xlsx(r: &Report, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let o = lang.overview();
    let mut sheets = vec![
        (o.sheet_areas, areas(r, lang), 1),
        (o.sheet_points, points(r, lang), 2),
        (o.sheet_trouble, trouble(r, lang), 2),
        (o.sheet_steps, steps(r, lang), 2),
    ];
    if !r.unreadable.is_empty() {
        let rows = r
            .unreadable
            .iter()
            .map(|x| vec![text(&x.path), text(&x.reason)])
            .collect();
        let head = vec![o.source.to_string(), o.reason.to_string()];
        sheets.push((o.sheet_unreadable, Table { head, rows }, 1));
    }
    crate::export::xlsx::workbook(o.title, &sheets, lang.strings().xl_cut)
}

fn areas(r: &Report, lang: Lang) -> Table {
    let o = lang.overview();
    let head = [
        o.area,
        o.municipality,
        o.facilitator,
        o.framework,
        o.block,
        o.progress,
        o.decision,
        o.decided_on,
        o.rule,
        o.route,
        o.revisit,
        o.workshops,
        o.last_workshop,
        o.open_dissent,
        o.open_actions,
        o.overdue_actions,
        o.source,
    ]
    .map(String::from)
    .to_vec();
    let rows = r
        .overview
        .areas
        .iter()
        .map(|a| {
            let d = a.decision.as_ref();
            vec![
                text(a.label()),
                text(&a.municipality),
                text(&a.facilitator),
                text(framework_text(a)),
                text(a.block_label()),
                text(progress_lines(a, lang).join("\n")),
                text(decision_text(a, lang)),
                date(d.and_then(|d| d.date)),
                text(d.map(|d| rule_text(d, lang)).unwrap_or_default()),
                text(d.and_then(|d| d.route.clone()).unwrap_or_default()),
                // the revisit as text: its overdue word goes with it
                text(d.map(|d| revisit_text(d, lang)).unwrap_or_default()),
                Cell::Number(a.workshops as u64),
                date(a.last_workshop),
                Cell::Number(a.open_dissent as u64),
                Cell::Number(a.open_actions as u64),
                text(overdue_actions_text(a.overdue_actions, lang)),
                text(&a.source),
            ]
        })
        .collect();
    Table { head, rows }
}

/// A row per point of each framework, a column per area (the areas of
/// every framework; a cell stays empty where an area is on another).
fn points(r: &Report, lang: Lang) -> Table {
    let o = lang.overview();
    let ov = &r.overview;
    let mut head = vec![o.framework.to_string(), o.point.to_string()];
    head.extend(ov.areas.iter().map(|a| a.label().to_string()));
    head.extend(Status::ALL.iter().map(|s| status_text(*s, lang)));
    let mut rows = Vec::new();
    for c in &ov.comparisons {
        for p in &c.points {
            let mut row = vec![text(&c.framework_id), text(format!("{} {}", p.id, p.text))];
            let mut cells = vec![Cell::Empty; ov.areas.len()];
            for (k, &i) in c.areas.iter().enumerate() {
                cells[i] = match p.statuses[k] {
                    Some(st) => text(status_text(st, lang)),
                    None => text(o.not_in_framework),
                };
            }
            row.extend(cells);
            row.extend(p.counts.iter().map(|n| Cell::Number(*n as u64)));
            rows.push(row);
        }
    }
    Table { head, rows }
}

/// A row per area's reason on each trouble point.
fn trouble(r: &Report, lang: Lang) -> Table {
    let o = lang.overview();
    let head = [o.framework, o.point, o.area, o.reason]
        .map(String::from)
        .to_vec();
    let mut head = head;
    head.insert(3, lang.strings().ui_status.to_string());
    let mut rows = Vec::new();
    for c in &r.overview.comparisons {
        for t in &c.trouble {
            for x in &t.reasons {
                rows.push(vec![
                    text(&c.framework_id),
                    text(format!("{} {}", t.id, t.text)),
                    text(&x.area),
                    text(status_text(x.status, lang)),
                    text(&x.reason),
                ]);
            }
        }
    }
    Table { head, rows }
}

fn steps(r: &Report, lang: Lang) -> Table {
    let o = lang.overview();
    let head = vec![
        o.framework.to_string(),
        o.step.to_string(),
        format!("{} (s)", o.median),
        o.median.to_string(),
        o.areas_with_time.to_string(),
    ];
    let mut rows = Vec::new();
    for c in &r.overview.comparisons {
        for m in &c.step_medians {
            rows.push(vec![
                text(&c.framework_id),
                text(format!("{} {}", m.id, m.title)),
                Cell::Number(m.median_seconds),
                text(minutes_text(m.median_seconds)),
                Cell::Number(m.areas as u64),
            ]);
        }
    }
    Table { head, rows }
}
