//! Minutes and data exports: golden files on the example sessions, injection
//! safety of Markdown and HTML, CSV for Dutch Excel, JSON round trips.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use wijktafel::demo;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::store;

use crate::html_snap::readable;

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        anonymize: false,
        tz: TimeZone::UTC,
    }
}

fn example(name: &str) -> Session {
    store::load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .join(name),
    )
    .unwrap()
}

fn render(s: &Session, f: Format, w: Option<u32>, o: &Options) -> String {
    String::from_utf8(export::render(&Framework::builtin(), s, f, w, o).unwrap()).unwrap()
}

#[test]
fn golden_files_for_every_format() {
    for file in ["demo-de-horst.toml", "kanaalzone.toml"] {
        let s = example(file);
        let stem = file.trim_end_matches(".toml");
        let o = opts(Lang::Nl);
        insta::assert_snapshot!(format!("{stem}_md"), render(&s, Format::Md, None, &o));
        insta::assert_snapshot!(format!("{stem}_md_w1"), render(&s, Format::Md, Some(1), &o));
        insta::assert_snapshot!(
            format!("{stem}_html_w1"),
            readable(&render(&s, Format::Html, Some(1), &o))
        );
        insta::assert_snapshot!(format!("{stem}_csv"), render(&s, Format::Csv, None, &o));
        insta::assert_snapshot!(format!("{stem}_json"), render(&s, Format::Json, None, &o));
    }
    insta::assert_snapshot!(
        "demo_md_w2_en",
        render(
            &example("demo-de-horst.toml"),
            Format::Md,
            Some(2),
            &opts(Lang::En)
        )
    );
}

#[test]
fn workshop_minutes_have_every_required_part() {
    let s = example("demo-de-horst.toml");
    let md = render(&s, Format::Md, Some(2), &opts(Lang::Nl));
    for needle in [
        "# Verslag bijeenkomst 2 — Demo De Horst",
        "- **Aanwezig:** ",
        "- **Procesbegeleider:** Lotte Visser",
        "- **Datum:** 12 oktober 2026\n- **Tijd:** 13:00, loopt nog",
        "### Blok 1 · 1.5 Besluitvorming: go/no go\n\n#### Gesprekspunt 1.5.1",
        "**Status:** ✔ consensus",
        "## Go/no-go — ▲ GO",
        "| Woonstichting De Linde (Karim El Amrani) | **– Onthouding** | steunt de aanpak",
        "- **Beslisregel:** consensus",
        "## Verschillen van mening (open, hele sessie)",
        "**1.2.1**",
        "Stichting Basisonderwijs De Horst (Pieter van Dijk): onderwijs vindt de wijkanalyse onvolledig",
        // this workshop's items are listed above: the table holds the others (issue 24)
        "## Actiepunten (open, uit eerdere bijeenkomsten)",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    // overdue actions come first, flagged
    let actions = &md[md.find("## Actiepunten").unwrap()..];
    let first_row = actions
        .lines()
        .find(|l| l.starts_with("| ") && !l.starts_with("| Wat"))
        .unwrap();
    assert!(
        first_row.contains("⚠") && first_row.contains("verlopen"),
        "{first_row}"
    );
    // points of workshop 1 only are not in the minutes of workshop 2
    assert!(!md.contains("Gesprekspunt 1.1.1\n"));
    let whole = render(&s, Format::Md, None, &opts(Lang::Nl));
    assert!(whole.contains("## Programma-overzicht"));
    assert!(
        whole.contains("| 4 Uitvoeren | 21 | 0 | 0 | 0 | 0 | 21 |"),
        "every point of block 4 in the overview, counted"
    );
    assert!(
        whole.contains("## Bijeenkomst 1 — 14 september 2026")
            && whole.contains("## Bijeenkomst 2 — 12 oktober 2026")
    );
    // a workshop that does not exist
    let err = export::render(
        &Framework::builtin(),
        &s,
        Format::Md,
        Some(9),
        &opts(Lang::Nl),
    )
    .unwrap_err();
    assert!(err.to_string().contains("bijeenkomst 9 bestaat niet"));
}

const HOSTILE: [&str; 8] = [
    "# kop\n- lijst\n> citaat\n1. genummerd",
    "a | b | c",
    "<script>alert('x')</script>",
    "`code` **vet** _schuin_ [link](http://x) ![img](y)",
    "&amp; &lt; \"aanhalingstekens\" 'enkel'",
    "\u{1b}[31mrood\u{1b}]52;c;aGk=\u{7}",
    "    ingesprongen\n---\n===",
    "<!-- commentaar --> <a href=x>klik</a>",
];

/// A session whose every text field holds `text` (benign or hostile).
fn session_with(text: &str) -> Session {
    let fw = Framework::builtin();
    let t = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new("Sessie", &fw, t);
    s.facilitator = format!("Begeleider {text}");
    let a = s.add_party(&format!("Org {text}"), &format!("Rep {text}"), "d");
    let b = s.add_party("Tweede", "Iemand", "d");
    s.resume(t);
    s.set_status(
        "1.1.1",
        Status::Dissent,
        vec![a],
        &format!("reden {text}"),
        t,
    );
    s.set_stance(
        "1.1.1",
        b,
        wijktafel::session::Stance::Disagree,
        Some(&format!("stand {text}")),
        t,
    );
    s.add_note("1.1.1", &format!("notitie {text}"), t);
    s.add_action("1.1.1", &format!("actie {text}"), Some(a), None, t);
    s.set_status("1.1.2", Status::Skipped, vec![], &format!("skip {text}"), t);
    s
}

/// The structure of a Markdown document: its tags, without the text.
fn md_structure(md: &str) -> Vec<String> {
    let opts = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_TASKLISTS;
    Parser::new_ext(md, opts)
        .filter_map(|e| match e {
            Event::Start(tag) => Some(format!("start {}", tag_name(&tag))),
            Event::End(end) => Some(format!("end {end:?}")),
            Event::Html(h) | Event::InlineHtml(h) => Some(format!("html {h}")),
            Event::Code(c) => Some(format!("code {c}")),
            Event::TaskListMarker(b) => Some(format!("task {b}")),
            Event::Rule => Some("rule".into()),
            _ => None,
        })
        .collect()
}

fn tag_name(t: &Tag) -> String {
    match t {
        Tag::Heading { level, .. } => format!("heading {level:?}"),
        Tag::Link { .. } => "link".into(),
        Tag::Image { .. } => "image".into(),
        other => format!("{other:?}")
            .split([' ', '(', '{'])
            .next()
            .unwrap()
            .to_string(),
    }
}

fn md_text(md: &str) -> String {
    let opts = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_TASKLISTS;
    let mut out = String::new();
    for e in Parser::new_ext(md, opts) {
        match e {
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_structure_never_changes_with_user_text() {
    let fw = Framework::builtin();
    for hostile in HOSTILE {
        let benign = hostile
            .chars()
            .map(|c| if c == '\n' { '\n' } else { 'x' })
            .collect::<String>();
        for w in [Some(1), None] {
            let o = opts(Lang::Nl);
            let bad = export::markdown(&fw, &session_with(hostile), w, &o).unwrap();
            let good = export::markdown(&fw, &session_with(&benign), w, &o).unwrap();
            assert_eq!(
                md_structure(&bad),
                md_structure(&good),
                "structure changed by {hostile:?}:\n{bad}"
            );
            // the text itself is all there, as text (newlines in cells become " / ")
            let squash = |t: &str| {
                t.split(|c: char| c.is_whitespace() || c.is_control())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let text = squash(&md_text(&bad));
            for line in hostile.lines() {
                let visible = squash(line);
                assert!(text.contains(&visible), "lost {visible:?} in\n{text}");
            }
        }
    }
}

/// Every element of an HTML document, by name.
fn html_elements(html: &str) -> Vec<String> {
    let dom = tl::parse(html, tl::ParserOptions::default()).unwrap();
    dom.nodes()
        .iter()
        .filter_map(|n| n.as_tag().map(|t| t.name().as_utf8_str().to_string()))
        .collect()
}

#[test]
fn html_escapes_every_piece_of_user_text() {
    let fw = Framework::builtin();
    for hostile in HOSTILE {
        let benign = hostile
            .chars()
            .map(|c| if c == '\n' { '\n' } else { 'x' })
            .collect::<String>();
        for w in [Some(1), None] {
            let o = opts(Lang::Nl);
            let bad = export::html(&fw, &session_with(hostile), w, &o).unwrap();
            let good = export::html(&fw, &session_with(&benign), w, &o).unwrap();
            assert_eq!(
                html_elements(&bad),
                html_elements(&good),
                "elements changed by {hostile:?}"
            );
            assert!(
                !html_elements(&bad)
                    .iter()
                    .any(|e| e == "script" || e == "a" || e == "img")
            );
            assert!(!bad.contains('\u{1b}'), "no ESC in HTML");
            // self-contained: no scripts, no links, no external resources
            assert!(!bad.contains("<script"));
            let dom = tl::parse(&bad, tl::ParserOptions::default()).unwrap();
            for n in dom.nodes() {
                if let Some(t) = n.as_tag() {
                    for a in ["src", "href", "onclick", "onload"] {
                        assert!(
                            t.attributes().get(a).is_none(),
                            "{a} on <{}>",
                            t.name().as_utf8_str()
                        );
                    }
                }
            }
        }
    }
    let html = export::html(&fw, &session_with("<b>"), Some(1), &opts(Lang::Nl)).unwrap();
    assert!(html.contains("&lt;b&gt;"));
    assert!(
        html.contains("@media print")
            && html.contains("size:A4")
            && html.contains("page-break-before")
    );
}

#[test]
fn csv_opens_in_dutch_excel() {
    let fw = Framework::builtin();
    let tricky = "Wonen; \"Samen\"\nNoord";
    let mut s = session_with("x");
    s.parties[1].organisation = tricky.into();
    let bytes = export::csv(&fw, &s, &opts(Lang::Nl));
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with("id;Blok;Stap;Gesprekspunt;Status;")
    );
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let head = r.headers().unwrap().clone();
    assert!(head.iter().any(|h| h == tricky), "{head:?}");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), fw.point_count());
    assert_eq!(&rows[0][0], "1.1.1");
    assert_eq!(&rows[0][4], "verschil van mening");
    assert_eq!(&rows[0][6], "oneens");
    assert!(rows.iter().all(|r| r.len() == head.len()));
    let with_diacritics = rows.iter().any(|r| r[1].contains("Oriënteren"));
    assert!(with_diacritics);
}

#[test]
fn json_round_trips_through_the_loader() {
    for file in ["demo-de-horst.toml", "kanaalzone.toml"] {
        let s = example(file);
        let json = render(&s, Format::Json, None, &opts(Lang::Nl));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format_version"], wijktafel::session::FORMAT_VERSION);
        // (through the reader of exports: `questions` is only for readers)
        let back: Session =
            wijktafel::export::session_from_json(&json, std::path::Path::new("x.json")).unwrap();
        assert_eq!(back, s);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.toml");
        store::save(&p, &back).unwrap();
        assert_eq!(store::load(&p).unwrap(), s);
    }
}

#[test]
fn anonymize_leaves_no_representative_name() {
    let s = demo::build(&Framework::builtin(), 3);
    let names: Vec<String> = s.parties.iter().map(|p| p.representative.clone()).collect();
    let o = Options {
        anonymize: true,
        ..opts(Lang::Nl)
    };
    for f in [Format::Md, Format::Html, Format::Json, Format::Csv] {
        // JSON is always the whole session: it refuses a workshop
        for w in [None, Some(2)]
            .into_iter()
            .filter(|w| f != Format::Json || w.is_none())
        {
            let out = render(&s, f, w, &o);
            for n in &names {
                assert!(!out.contains(n.as_str()), "{n} in {f:?}");
            }
            assert!(out.contains("Woonstichting De Linde"));
        }
    }
}

#[test]
fn export_from_the_command_line_writes_private_files() {
    let dir = tempfile::tempdir().unwrap();
    store::save(
        &dir.path().join("kanaalzone.toml"),
        &example("kanaalzone.toml"),
    )
    .unwrap();
    let out_file = dir.path().join("verslag.html");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args([
            "export",
            "Kanaalzone",
            "--format",
            "html",
            "--workshop",
            "1",
            "-o",
        ])
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // modes are Unix only (Windows: the ACL of the user's folder, RELIABILITY.md)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .contains("<h1>Verslag bijeenkomst 1 — Kanaalzone</h1>")
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["--lang", "en", "export", "Kanaalzone", "--format", "md"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# Minutes Kanaalzone — all workshops"),
        "{md}"
    );
}
