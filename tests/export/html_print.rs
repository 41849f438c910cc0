//! HTML minutes for print (issue 15): the chart of point statuses, the
//! print styles (A4, page margins, wrapping, table widths, headings), on a
//! session with hostile content: a 300-character URL in a note, a 60-letter
//! compound word, a long party name, actions with due dates, 40 workshops.
//!
//! `WIJKTAFEL_PRINT_DIR=/some/dir cargo test --test export html_print::` also writes
//! the HTML there, to print it in Chromium and look at it.

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use wijktafel::export::{self, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};

use crate::html_snap::style_of;

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        anonymize: false,
        tz: TimeZone::UTC,
    }
}

const URL: &str = "https://gemeentevoorbeeldstad.sharepoint.com/sites/Wijkaanpak-De-Horst/Gedeelde%20documenten/Forms/AllItems.aspx?id=%2Fsites%2FWijkaanpak%2DDe%2DHorst%2FGedeelde%20documenten%2FWijkanalyse%2F2026%2FConcept%2Dwijkanalyse%2Dversie%2D7%2Epdf&parent=%2Fsites%2FWijkaanpak%2DDe%2DHorst%2FGedeelde%20documenten%2FWijkanalyse&p=true&ga=1";
const WORD: &str = "wijkveiligheidsoverlegstructuurcoördinatiewerkgroepvergadering";
const PARTY: &str = "Stichting Maatschappelijke Dienstverlening en Welzijnsbevordering Regio Voorbeeldstad-Noord en Omstreken";

/// A session with 40 workshops and hostile content in every long place.
fn hostile(workshops: u32) -> Session {
    let fw = Framework::builtin();
    let t0 = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new("Kanaalzone-Noord en Oude Haven", &fw, t0);
    s.area = "Kanaalzone".into();
    s.municipality = "Voorbeeldstad".into();
    s.facilitator = "Lotte Visser".into();
    let long = s.add_party(
        PARTY,
        "Maria-Magdalena van den Hoogenband-Vermeulen",
        "zorg",
    );
    let gem = s.add_party("Gemeente Voorbeeldstad", "Anna de Vries", "bestuur");
    let pol = s.add_party("Politie", "Bram Jansen", "veiligheid");
    let points: Vec<String> = fw.iter_points().map(|(_, _, p)| p.id.clone()).collect();
    for n in 0..workshops {
        let t = Timestamp::from_second(1_790_000_000 + i64::from(n) * 7 * 86_400).unwrap();
        s.resume(t);
        // three points per workshop, in turn consensus, dissent, skipped
        for (k, st) in [Status::Consensus, Status::Dissent, Status::Skipped]
            .into_iter()
            .enumerate()
        {
            let Some(p) = points.get(n as usize * 3 + k) else {
                continue;
            };
            let (who, reason) = match st {
                Status::Dissent => (vec![long], format!("{WORD} ontbreekt")),
                Status::Skipped => (vec![], "niet aan de orde".to_string()),
                _ => (vec![], String::new()),
            };
            s.set_status(p, st, who, &reason, t);
        }
        if n == 0 {
            let p = &points[0];
            s.add_note(p, &format!("Zie de wijkanalyse: {URL}"), t);
            s.add_note(p, &format!("Het {WORD} komt elke maand bijeen."), t);
            s.add_action(
                p,
                &format!("Wijkanalyse delen via {URL}"),
                Some(long),
                Some(date(2026, 10, 5)),
                t,
            );
            s.add_action(
                p,
                &format!("{WORD} agenderen"),
                Some(gem),
                Some(date(2026, 11, 30)),
                t,
            );
            s.add_action(p, "Cijfers overlast", Some(pol), None, t);
        }
        s.end_workshop(t.checked_add(jiff::SignedDuration::from_hours(2)).unwrap());
    }
    s
}

fn print_dir_write(name: &str, html: &str) {
    if let Some(dir) = std::env::var_os("WIJKTAFEL_PRINT_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(name), html).unwrap();
    }
}

#[test]
fn write_hostile_minutes_for_printing() {
    let fw = Framework::builtin();
    let s = hostile(40);
    for (name, w, lang) in [
        ("hostile-session.html", None, Lang::Nl),
        ("hostile-w1.html", Some(1), Lang::Nl),
        ("hostile-w40-en.html", Some(40), Lang::En),
    ] {
        let html = export::html(&fw, &s, w, &opts(lang)).unwrap();
        print_dir_write(name, &html);
        assert!(html.contains("<svg"), "{name} has a chart");
    }
}

#[test]
fn session_minutes_open_with_a_chart_per_block_and_per_workshop() {
    let fw = Framework::builtin();
    let s = hostile(3);
    let md = export::markdown(&fw, &s, None, &opts(Lang::Nl)).unwrap();
    // the chart comes first, before the programme overview
    let chart = md.find("**Stand van de gesprekspunten per blok**").unwrap();
    assert!(chart < md.find("## Programma-overzicht").expect(&md));
    // block 1 has points 1.x: workshops 1–3 set 9 points, 3 of each
    let block1 = md[chart..]
        .lines()
        .find(|l| l.starts_with("| 1 Oriënteren en verkennen |"))
        .unwrap();
    let open = fw.blocks[0]
        .steps
        .iter()
        .map(|s| s.points.len())
        .sum::<usize>()
        - 9;
    assert_eq!(
        block1,
        format!("| 1 Oriënteren en verkennen | 3 | 3 | 3 | {open} |")
    );
    assert!(
        md.contains("| Blok | ✔ consensus | ✖ verschil van mening | ↷ overgeslagen | ○ open |")
    );
    // after each workshop: 3, 6, 9 points settled of all
    let all = fw.point_count();
    let per_workshop = &md[md
        .find("**Stand van alle gesprekspunten na elke bijeenkomst**")
        .unwrap()..];
    for (n, settled) in [(1, 1), (2, 2), (3, 3)] {
        let row = per_workshop
            .lines()
            .find(|l| l.starts_with(&format!("| Bijeenkomst {n} · ")))
            .unwrap();
        assert!(
            row.ends_with(&format!(
                "| {settled} | {settled} | {settled} | {} |",
                all - 3 * settled
            )),
            "{row}"
        );
    }
    // one workshop: no chart across workshops
    let one = export::markdown(&fw, &hostile(1), None, &opts(Lang::Nl)).unwrap();
    assert!(!one.contains("na elke bijeenkomst"));
}

#[test]
fn a_workshops_chart_shows_the_state_at_its_end() {
    let fw = Framework::builtin();
    let s = hostile(3);
    // workshop 1's minutes: 1 consensus, 1 dissent, 1 skipped in block 1
    let md = export::markdown(&fw, &s, Some(1), &opts(Lang::Nl)).unwrap();
    assert!(md.contains("**Stand per blok na bijeenkomst 1**"), "{md}");
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1 Oriënteren en verkennen |"))
        .unwrap();
    assert!(row.contains("| 1 | 1 | 1 |"), "{row}");
}

#[test]
fn the_svg_chart_reads_in_black_and_white() {
    let fw = Framework::builtin();
    let s = hostile(3);
    let html = export::html(&fw, &s, None, &opts(Lang::Nl)).unwrap();
    let svgs = html.matches("<svg ").count();
    assert_eq!(svgs, 2, "per block and per workshop");
    // patterns, not colour alone: hatching, cross-hatching, dots, drawn
    // as lines (an SVG <pattern> makes a PDF of megabytes in Chromium)
    assert!(!html.contains("<pattern"));
    // in the legend of each chart, and in each bar that has such points:
    // block 1 (the first 9 points) and 3 workshops have consensus, dissent
    // and skipped points
    for kind in ["hatch", "cross", "dots"] {
        assert_eq!(
            html.matches(&format!("<path class=\"{kind}\" d=\"M"))
                .count(),
            2 + 1 + 3,
            "{kind}"
        );
    }
    // every segment says its count; the legend says the words
    for word in [
        "✔ consensus",
        "✖ verschil van mening",
        "↷ overgeslagen",
        "○ open",
    ] {
        assert!(html.contains(&format!(">{word}</text>")), "legend {word}");
    }
    assert!(html.contains(">3 consensus</text>") || html.contains(">3 ✔</text>"));
    // no script, nothing external
    assert!(!html.contains("<script") && !html.contains("href="));
}

#[test]
fn print_styles_fit_a4() {
    let fw = Framework::builtin();
    let s = hostile(40);
    let html = export::html(&fw, &s, None, &opts(Lang::Nl)).unwrap();
    let css = style_of(&html);
    // page numbers and the title (with the session name) in the margin
    assert!(css.contains("@page{size:A4"), "{css}");
    assert!(css.contains("@bottom-right{content:\"pagina \" counter(page) \" / \" counter(pages)"));
    assert!(css.contains(
        "@top-left{content:\"Verslag Kanaalzone-Noord en Oude Haven — alle bijeenkomsten\""
    ));
    // long words wrap, tables keep to the width
    assert!(css.contains("overflow-wrap:break-word"));
    assert!(
        !css.contains("overflow-wrap:anywhere"),
        "a word breaks only when it must"
    );
    assert!(css.contains("table-layout:fixed"));
    // a heading of each level looks different
    let sizes: Vec<&str> = (1..=5)
        .map(|l| {
            let rule = &css[css.find(&format!("h{l}{{font-size:")).unwrap()..];
            &rule[..rule.find('}').unwrap()]
        })
        .map(|r| r.split(';').next().unwrap())
        .collect();
    let mut distinct = sizes.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 5, "{sizes:?}");
    // dates in the actions table never wrap; short columns get their width
    assert!(
        html.contains("5\u{a0}oktober\u{a0}2026"),
        "a date in words stays whole"
    );
    // the actions table: five columns that add up to the page width
    // (the one of the details: the board's summary has a shorter one)
    let head = html
        .find("<th>Uit bijeenkomst</th>")
        .expect("an actions table");
    let table = &html[html[..head].rfind("<table>").unwrap()..];
    let colgroup = &table[..table.find("</colgroup>").unwrap()];
    let pcts: Vec<usize> = colgroup
        .split("<col style=\"width:")
        .skip(1)
        .map(|c| c[..c.find('%').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(pcts.len(), 5, "{colgroup}");
    assert_eq!(pcts.iter().sum::<usize>(), 100, "never wider than the page");
    // what and who: room for a long word each (a page is 75ch)
    assert!(
        pcts[0] * 75 / 100 >= 14 && pcts[1] * 75 / 100 >= 14,
        "{pcts:?}"
    );
    // no heading directly before a page break
    assert!(!html.contains("</h2>\n<div class=\"break\">"));
    assert!(html.contains("<div class=\"break\">"));
}

#[test]
fn a_hostile_session_name_stays_inside_the_page_margin_string() {
    let fw = Framework::builtin();
    let mut s = hostile(1);
    s.name = "x\";}</style><script>alert(1)</script>\\ \n".into();
    let html = export::html(&fw, &s, Some(1), &opts(Lang::Nl)).unwrap();
    let css = style_of(&html);
    assert!(!css.contains('<') && !css.contains("\";}"), "{css}");
    // the name is in the page margin, escaped
    assert!(
        css.contains("@top-left{content:\"Verslag bijeenkomst 1 — x\\22 ;\\7d \\3c /style\\3e "),
        "{css}"
    );
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(!html.contains("<script"));
}
