//! Right-to-left text and bidi controls in every format (issue 27): an
//! unterminated U+202E in a party's name ends with the name; the
//! representative's name after it reads as typed, in Markdown, HTML, CSV
//! and xlsx alike; Arabic text is isolated too.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};

fn session() -> Session {
    let fw = Framework::builtin();
    let t = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new("Bidi", &fw, t);
    let a = s.add_party("Wijkraad\u{202e}", "Eva Mulder", "");
    let b = s.add_party("مركز الحي", "Ahmed", "");
    s.start_workshop(&[a, b], t);
    s.set_status(
        "1.1.1",
        Status::Dissent,
        vec![a, b],
        "geen \u{2069}budget\u{202e}",
        t,
    );
    s.end_workshop(t);
    s
}

fn render(s: &Session, f: Format) -> Vec<u8> {
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    export::render(&Framework::builtin(), s, f, Some(1), &o).unwrap()
}

/// The party as every text format must carry it: isolated, the override
/// ended inside the isolate, the representative after it.
const PARTY: &str = "\u{2068}Wijkraad\u{202e}\u{202c}\u{2069} (Eva Mulder)";

#[test]
fn markdown_csv_and_xlsx_isolate_each_piece() {
    let s = session();
    let md = String::from_utf8(render(&s, Format::Md)).unwrap();
    let md_party = "&#x2068;Wijkraad&#x202E;&#x202C;&#x2069; (Eva Mulder)";
    assert!(md.contains(md_party), "{md}");
    assert!(md.contains("&#x2068;مركز الحي&#x2069; (Ahmed)"), "{md}");
    // a stray PDI in the reason is dropped: it cannot close the isolate
    assert!(
        md.contains("&#x2068;geen budget&#x202E;&#x202C;&#x2069;"),
        "{md}"
    );
    let csv = String::from_utf8(render(&s, Format::Csv)).unwrap();
    assert!(csv.contains(PARTY), "{csv}");
    let bytes = render(&s, Format::Xlsx);
    let mut wb = Xlsx::new(Cursor::new(bytes)).unwrap();
    let points = wb.worksheet_range("Gesprekspunten").unwrap();
    let cells: Vec<String> = points.rows().flatten().map(|d| d.to_string()).collect();
    assert!(cells.iter().any(|c| c.contains(PARTY)), "{cells:?}");
    // every line of every text format is balanced
    for text in [&md, &csv] {
        for line in text.lines() {
            assert_eq!(wijktafel::bidi::balance(line), line);
        }
    }
}

#[test]
fn html_isolates_each_piece_in_bdi() {
    let s = session();
    let html = String::from_utf8(render(&s, Format::Html)).unwrap();
    assert!(
        html.contains("<bdi>Wijkraad&#x202E;&#x202C;</bdi> (Eva Mulder)"),
        "{html}"
    );
    assert!(html.contains("<bdi>مركز الحي</bdi> (Ahmed)"), "{html}");
    assert_eq!(
        html.matches("<bdi>").count(),
        html.matches("</bdi>").count()
    );
}

/// Printed by Chromium (where installed), the representative's name reads
/// as typed after the override in the party's name.
#[test]
fn chromium_prints_the_name_after_the_override_as_typed() {
    let Some(browser) = ["chromium", "chromium-browser"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        eprintln!("SKIPPED: Chromium is not installed");
        return;
    };
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: pdftotext is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("m.html");
    let pdf = dir.path().join("m.pdf");
    std::fs::write(&src, render(&session(), Format::Html)).unwrap();
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
        ])
        .args(["--disable-sync", "--no-pdf-header-footer"])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("p").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", src.display()))
        .output()
        .unwrap();
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Eva Mulder"), "{text}");
    assert!(!text.contains("redluM"), "{text}");
}
