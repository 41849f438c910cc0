//! The framework as a printable A4 handout for the participants
//! (`wijktafel framework --format html`): fields to fill in (wijk, datum,
//! naam/organisatie), then per block its guidance and per step the
//! consideration and the discussion points, each with ruled lines to write
//! on. Inline CSS, no scripts, no external resources; every piece of the
//! framework's text is escaped (a framework file may be anybody's).

use super::html::{head, html_escape, page_css};
use crate::framework::{Block, Framework, Step};
use crate::i18n::{Lang, Strings, fill};

/// Ruled lines under each point: enough for a few sentences.
const LINES_PER_POINT: usize = 3;
/// Ruled lines for notes at the end of each block.
const NOTE_LINES: usize = 6;

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.4;color:#111;overflow-wrap:anywhere;hyphens:auto}\
h1,h2,h3{line-height:1.25;page-break-after:avoid;break-after:avoid}\
h1{font-size:1.6rem;font-weight:800;border-bottom:3px solid #00468c;padding-bottom:.3rem;margin:0 0 .4rem}\
h2{font-size:1.3rem;font-weight:700;color:#00468c;border-bottom:1px solid #9fb6d0;padding-bottom:.15rem;margin:0 0 .5rem}\
h3{font-size:1.05rem;font-weight:700;margin:1.2rem 0 .3rem}\
p.source{color:#444;font-size:.85rem;margin:0 0 1rem}\
table.fields{border-collapse:collapse;width:100%;table-layout:fixed;margin:.6rem 0 1rem}table.fields th{width:12rem;text-align:left;font-weight:700;padding:.2rem .5rem .2rem 0;vertical-align:bottom}table.fields td{border-bottom:1px solid #111;height:2.2rem}\
p.intro{margin:.2rem 0 .6rem}p.activities{margin:.2rem 0 .6rem;font-size:.95rem}\
blockquote{margin:.2rem 0 .4rem;padding:.2rem .6rem;border-left:4px solid #00468c;font-style:italic}\
p.see{margin:.2rem 0 .4rem;font-size:.85rem;color:#444}\
ol.points{list-style:none;padding:0;margin:.3rem 0}\
li.point{margin:.2rem 0 .7rem;page-break-inside:avoid;break-inside:avoid}\
li.point .q{font-weight:600;padding-left:3.4rem;text-indent:-3.4rem}li.point .id{display:inline-block;min-width:3.4rem;text-indent:0;font-weight:700;color:#00468c}\
div.step{page-break-inside:avoid;break-inside:avoid}\
.line{border-bottom:1px solid #777;height:1.7rem}\
section.block{margin-top:2rem}div.notes{page-break-inside:avoid;break-inside:avoid}\
ul.refs{padding-left:1.2rem}ul.refs li{margin:.15rem 0}\
@page{size:A4;margin:16mm 16mm 18mm 16mm}\
@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}section.block+section.block,section.refs{page-break-before:always;break-before:page;margin-top:0}}";

fn text(s: &str) -> String {
    html_escape(&s.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', "<br>")
}

/// The handout as a self-contained HTML page.
pub fn handout_html(fw: &Framework, lang: Lang) -> String {
    let s = lang.strings();
    let title = fill(s.ho_title, &[&fw.title]);
    let mut out = String::new();
    out.push_str(&head(lang, &title, &[CSS, &page_css(&title, s.ex_page)]));
    out.push_str(&format!("<h1>{}</h1>\n", text(&title)));
    out.push_str(&format!(
        "<p class=\"source\">{}: {}</p>\n",
        text(s.source),
        text(&fw.source)
    ));
    out.push_str(&fields(s));
    out.push_str(&format!("<p class=\"intro\">{}</p>\n", text(s.ho_intro)));
    for b in &fw.blocks {
        out.push_str(&block(fw, b, lang));
    }
    out.push_str(&references(fw, s));
    out.push_str("</body>\n</html>\n");
    out
}

/// The fields the participant fills in at the top: wijk, datum,
/// naam/organisatie, each with a line to write on.
fn fields(s: &Strings) -> String {
    let mut out = String::from("<table class=\"fields\">\n");
    for label in [s.ho_area, s.ho_date, s.ho_name] {
        out.push_str(&format!("<tr><th>{}</th><td></td></tr>\n", text(label)));
    }
    out.push_str("</table>\n");
    out
}

/// One block as a section: its heading, its guidance (intro with the count
/// of its points, activities), its steps, then ruled lines for notes that
/// do not belong to one point.
fn block(fw: &Framework, b: &Block, lang: Lang) -> String {
    let s = lang.strings();
    let count: usize = b.steps.iter().map(|st| st.points.len()).sum();
    let mut out = String::from("<section class=\"block\">\n");
    out.push_str(&format!(
        "<h2>{} {}. {}</h2>\n",
        text(s.block),
        text(&b.id),
        text(&b.title)
    ));
    if !b.intro.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"intro\">{} <em>({})</em></p>\n",
            text(&b.intro),
            text(&fill(s.ho_points_count, &[&count.to_string()]))
        ));
    }
    if !b.activities.is_empty() {
        out.push_str(&format!(
            "<p class=\"activities\"><strong>{}:</strong> {}</p>\n",
            text(s.activities),
            text(&b.activities.join(" · "))
        ));
    }
    for st in &b.steps {
        out.push_str(&step(fw, st, lang));
    }
    // room for what does not belong to one point
    out.push_str(&format!(
        "<div class=\"notes\"><h3>{}</h3>{}</div>\n",
        text(s.ho_notes),
        "<div class=\"line\"></div>".repeat(NOTE_LINES)
    ));
    out.push_str("</section>\n");
    out
}

/// One step: its heading, consideration and references kept together on
/// the page, then its points with ruled lines, then (for the decision
/// step) the routes after a NO-GO.
fn step(fw: &Framework, st: &Step, lang: Lang) -> String {
    let s = lang.strings();
    // the step's heading, consideration and references stay together
    let mut out = format!(
        "<div class=\"step\"><h3>{} {} {}</h3>\n",
        text(s.step),
        text(&st.id),
        text(&st.title)
    );
    if !st.consideration.trim().is_empty() {
        out.push_str(&format!(
            "<blockquote>{}</blockquote>\n",
            text(&st.consideration)
        ));
    }
    let refs: Vec<String> = st
        .refs
        .iter()
        .filter_map(|r| fw.reference(r))
        .map(|r| fw.reference_name(r, lang))
        .collect();
    if !refs.is_empty() {
        out.push_str(&format!(
            "<p class=\"see\">{}: {}</p>\n",
            text(s.see_also),
            text(&refs.join("; "))
        ));
    }
    out.push_str("</div>\n<ol class=\"points\">\n");
    for p in &st.points {
        out.push_str(&format!(
            "<li class=\"point\"><div class=\"q\"><span class=\"id\">{}</span> {}</div>{}</li>\n",
            text(&p.id),
            text(&p.text),
            "<div class=\"line\"></div>".repeat(LINES_PER_POINT)
        ));
    }
    out.push_str("</ol>\n");
    out.push_str(&routes(st, s));
    out
}

/// The decision step's routes after a NO-GO and how the parties keep a
/// finger on the pulse; empty for any other step.
fn routes(st: &Step, s: &Strings) -> String {
    if !st.decision || st.routes.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<div class=\"routes\"><p><strong>{}:</strong></p>\n<ul>\n",
        text(s.no_go_routes)
    );
    for r in &st.routes {
        out.push_str(&format!("<li>{}</li>\n", text(&r.text)));
    }
    out.push_str("</ul>\n");
    if let Some(q) = &st.pulse {
        out.push_str(&format!("<p><em>{}</em></p>\n", text(q)));
    }
    out.push_str("</div>\n");
    out
}

/// The principles and success factors the steps refer to, in a section of
/// their own (a page of its own in print).
fn references(fw: &Framework, s: &Strings) -> String {
    let mut out = String::from("<section class=\"refs\">\n");
    for (head, list) in [
        (s.principles, &fw.principles),
        (s.success_factors, &fw.success_factors),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("<h2>{}</h2>\n<ul class=\"refs\">\n", text(head)));
        for r in list {
            out.push_str(&format!(
                "<li><strong>{} {}</strong> — {}</li>\n",
                text(&r.id),
                text(&r.title),
                text(&r.summary)
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}
