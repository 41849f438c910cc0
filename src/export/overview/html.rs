//! The overview as one printable HTML page (A4 landscape): where each area
//! stands, and per framework an SVG heatmap of areas × points (each cell
//! coloured and marked with the status's symbol, so it reads in black and
//! white), the trouble points with their reasons and the median times.

use super::*;
use crate::export::html::{CSS, head, html_escape, html_text};

/// User text: isolated, escaped.
fn u(text: &str) -> String {
    html_text(&crate::bidi::isolate(text))
}

/// User text inside the SVG: isolated, escaped (no `<bdi>` in SVG; the
/// isolates are character references there).
fn sv(text: &str) -> String {
    html_escape(&crate::bidi::isolate(text))
}

/// Fill colour of each status in [`Status::ALL`] order.
const FILL: [&str; 4] = ["#ffffff", "#cfe9d2", "#f8d3cf", "#fbeec2"];
/// Size of one heatmap cell (SVG units).
const CELL: usize = 14;

const EXTRA_CSS: &str = "@page{size:A4 landscape}body{max-width:80rem}\
.overdue{color:#b71c1c;font-weight:700}td.n{text-align:right}\
figure.heat{margin:.8rem 0 1.2rem}figure.heat figcaption{font-weight:700;margin-bottom:.3rem}figure.heat svg{display:block;width:100%;height:auto}\
ul.reasons{margin:0;padding-left:1rem}table.areas{font-size:.85em}\
@media print{table.areas{font-size:8.5pt}}";

/// The whole overview as HTML.
pub fn html(r: &Report, lang: Lang) -> String {
    let o = lang.overview();
    let ov = &r.overview;
    let mut out = head(lang, o.title, &[CSS, EXTRA_CSS]);
    out += &format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        html_escape(o.title),
        html_escape(&fill(
            o.as_of,
            &[
                &lang.date(ov.today),
                &ov.areas.len().to_string(),
                &r.unreadable.len().to_string()
            ]
        )),
    );
    if ov.areas.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", html_escape(o.empty)));
    } else {
        out.push_str(&areas_table(ov, lang));
    }
    for c in &ov.comparisons {
        out.push_str(&comparison(ov, c, lang));
    }
    if !r.unreadable.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>\n",
            html_escape(o.unreadable_head),
            html_escape(o.source),
            html_escape(o.reason)
        ));
        for x in &r.unreadable {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td></tr>\n",
                u(&x.path),
                u(&x.reason)
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// One row per area, every fact in it.
fn areas_table(ov: &Overview, lang: Lang) -> String {
    let o = lang.overview();
    let th = |t: &str, w: u8| format!("<th style=\"width:{w}%\">{}</th>", html_escape(t));
    let mut out = format!(
        "<h2>{}</h2>\n<table class=\"areas\"><thead><tr>{}{}{}{}{}{}</tr></thead><tbody>\n",
        html_escape(o.areas_head),
        th(o.area, 18),
        th(o.block, 24),
        th(o.decision, 24),
        th(o.workshops, 13),
        th(o.open_dissent, 8),
        th(o.open_actions, 13),
    );
    for a in &ov.areas {
        let mut who = format!("<strong>{}</strong>", u(a.label()));
        for (k, v) in [
            (o.municipality, &a.municipality),
            (o.facilitator, &a.facilitator),
        ] {
            if !v.trim().is_empty() {
                who.push_str(&format!("<br>{}: {}", html_escape(k), u(v)));
            }
        }
        if !a.framework_id.is_empty() && a.framework_id != ov.standard_id {
            who.push_str(&format!(
                "<br>{}: {}",
                html_escape(o.framework),
                u(&framework_text(a))
            ));
        }
        let block = format!(
            "<strong>{}</strong><br>{}",
            u(&a.block_label()),
            progress_short(a)
                .iter()
                .map(|l| u(l))
                .collect::<Vec<_>>()
                .join("<br>")
        );
        let mut decision = format!("<strong>{}</strong>", html_escape(&decision_text(a, lang)));
        if let Some(d) = &a.decision {
            decision.push_str(&format!(
                "<br>{}<br>{}",
                html_text(&decided_text(d, lang)),
                html_escape(&rule_text(d, lang))
            ));
            if let Some(route) = &d.route {
                decision.push_str(&format!("<br>{}: {}", html_escape(o.route), u(route)));
            }
            if d.revisit.is_some() {
                let class = if d.revisit_overdue {
                    " class=\"overdue\""
                } else {
                    ""
                };
                decision.push_str(&format!(
                    "<br>{}: <span{class}>{}</span>",
                    html_escape(o.revisit),
                    html_text(&revisit_text(d, lang))
                ));
            }
        }
        let overdue = overdue_actions_text(a.overdue_actions, lang);
        let overdue = if a.overdue_actions > 0 {
            format!("<span class=\"overdue\">{}</span>", html_escape(&overdue))
        } else {
            html_escape(&overdue)
        };
        out.push_str(&format!(
            "<tr><td>{who}</td><td>{block}</td><td>{decision}</td><td>{}<br>{}: {}</td><td class=\"n\">{}</td><td>{}<br>{}: {overdue}</td></tr>\n",
            a.workshops,
            html_escape(o.last_workshop),
            html_text(&last_text(a, lang)),
            a.open_dissent,
            a.open_actions,
            html_escape(o.overdue_actions),
        ));
    }
    out.push_str("</tbody></table>\n");
    out
}

/// One framework's areas: heatmap, trouble points, median times.
fn comparison(ov: &Overview, c: &Comparison, lang: Lang) -> String {
    let o = lang.overview();
    let mut out = format!(
        "<h2 class=\"break\">{}</h2>\n<p>{}</p>\n",
        u(&comparison_head(c, lang)),
        html_escape(if c.standard {
            o.teach_intro
        } else {
            o.other_intro
        })
    );
    out.push_str(&heatmap(ov, c, lang));
    out.push_str(&format!("<h3>{}</h3>\n", html_escape(o.trouble_head)));
    if c.trouble.is_empty() {
        let n = crate::overview::compare::TROUBLE_MIN_AREAS.to_string();
        out.push_str(&format!(
            "<p>{}</p>\n",
            html_escape(&fill(o.trouble_none, &[&n]))
        ));
    } else {
        out.push_str(&format!(
            "<table><thead><tr><th style=\"width:30%\">{}</th><th style=\"width:9%\">{}</th><th style=\"width:9%\">{}</th><th>{}</th></tr></thead><tbody>\n",
            html_escape(o.point),
            html_escape(&status_text(Status::Dissent, lang)),
            html_escape(&status_text(Status::Skipped, lang)),
            html_escape(o.reasons)
        ));
        for t in &c.trouble {
            let items: String = t
                .reasons
                .iter()
                .map(|r| {
                    let why = if r.reason.trim().is_empty() {
                        o.no_reason
                    } else {
                        &r.reason
                    };
                    format!(
                        "<li>{} <strong>{}</strong>: {}</li>",
                        r.status.symbol(),
                        u(&r.area),
                        u(why)
                    )
                })
                .collect();
            out.push_str(&format!(
                "<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td><ul class=\"reasons\">{items}</ul></td></tr>\n",
                html_escape(&t.id),
                u(&t.text),
                t.dissent,
                t.skipped
            ));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str(&format!(
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        html_escape(o.steps_head),
        html_escape(o.step),
        html_escape(o.median),
        html_escape(o.areas_with_time)
    ));
    for m in &c.step_medians {
        out.push_str(&format!(
            "<tr><td>{} {}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            html_escape(&m.id),
            u(&m.title),
            median_text(m),
            m.areas
        ));
    }
    out.push_str("</tbody></table>\n");
    out
}

/// The heatmap: a row per area, a column per point; each cell a `<g>`
/// with `data-status` (the status's key), its colour, its symbol and a
/// title naming area, point and status. The legend under it counts the
/// cells of each status.
pub fn heatmap(ov: &Overview, c: &Comparison, lang: Lang) -> String {
    let o = lang.overview();
    let longest = c
        .areas
        .iter()
        .map(|&i| ov.areas[i].label().chars().count())
        .max()
        .unwrap_or(0);
    let label_w = longest * 7 + 10;
    let head_h = 44;
    let w = label_w + c.points.len() * CELL + 2;
    let h = head_h + c.areas.len() * CELL + 2;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\" font-family=\"DejaVu Sans, sans-serif\">",
        html_escape(o.heatmap_caption)
    );
    for (k, p) in c.points.iter().enumerate() {
        let x = label_w + k * CELL + CELL / 2 + 3;
        svg.push_str(&format!(
            "<text x=\"{x}\" y=\"{}\" font-size=\"8\" transform=\"rotate(-90 {x} {})\">{}</text>",
            head_h - 3,
            head_h - 3,
            html_escape(&p.id)
        ));
    }
    let mut totals = [0usize; 4];
    for (row, &i) in c.areas.iter().enumerate() {
        let area = ov.areas[i].label();
        let y = head_h + row * CELL;
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
            label_w - 4,
            y + CELL - 3,
            sv(area)
        ));
        for (k, p) in c.points.iter().enumerate() {
            let x = label_w + k * CELL;
            let Some(st) = p.statuses[row] else {
                svg.push_str(&format!(
                    "<g data-status=\"none\"><rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"#e0e0e0\" stroke=\"#999\" stroke-width=\"0.5\"/><title>{} — {} {}</title></g>",
                    sv(area), html_escape(&p.id), html_escape(o.not_in_framework)
                ));
                continue;
            };
            let n = Status::ALL.iter().position(|s| *s == st).unwrap_or(0);
            totals[n] += 1;
            svg.push_str(&format!(
                "<g data-status=\"{}\"><rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{}\" stroke=\"#777\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\">{}</text><title>{} — {} {}: {}</title></g>",
                st.key(),
                FILL[n],
                x + CELL / 2,
                y + CELL - 3,
                st.symbol(),
                sv(area),
                html_escape(&p.id),
                sv(&p.text),
                html_escape(&status_text(st, lang))
            ));
        }
    }
    svg.push_str("</svg>");
    let legend: Vec<String> = Status::ALL
        .iter()
        .zip(totals)
        .map(|(s, n)| {
            format!(
                "<span data-legend=\"{}\">{}: {n}</span>",
                s.key(),
                html_escape(&status_text(*s, lang))
            )
        })
        .collect();
    format!(
        "<figure class=\"heat\"><figcaption>{}</figcaption>{svg}<p>{}: {}</p></figure>\n",
        html_escape(o.heatmap_caption),
        html_escape(o.legend),
        legend.join(" · ")
    )
}
