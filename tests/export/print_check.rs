//! The printed minutes, as Chromium prints them to A4 (issue 27), where
//! Chromium and pdftotext are installed (skipped with a message
//! otherwise): the decision on page 1 of the demo's minutes and of the
//! 40-workshop report, the board's summary of that report in at most 5
//! pages, no date split over two lines anywhere (the text of the PDF read
//! line by line) and no label ("Notities:") at the foot of a page.

use std::path::Path;
use std::process::Command;

use jiff::tz::TimeZone;
use wijktafel::export::{self, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;

/// The Dutch month names, as the minutes write them.
const MONTHS: [&str; 12] = wijktafel::i18n::MONTHS[0];

fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok());
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    match (found, pdftotext) {
        (Some(b), true) => Some(b),
        _ => {
            eprintln!(
                "SKIPPED: the print check needs Chromium and pdftotext (apt-get install chromium poppler-utils)"
            );
            None
        }
    }
}

/// `html` printed to A4 by Chromium; the text of each page.
fn print(browser: &str, dir: &Path, name: &str, html: &str) -> Vec<String> {
    let src = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&src, html).unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", src.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(text.stdout)
        .unwrap()
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// Lines that end in a date cut short ("5 oktober 202", "10 oktober",
/// "09-07-"), or start with what was cut off ("6 (verlopen)", "(verlopen)
/// en …"). In a table cell "(verlopen)" may wrap below its whole date: a
/// line that is only "(verlopen)" is such a cell's second line (pdftotext
/// does not always put the date's line just before it).
fn split_dates(pages: &[String]) -> Vec<String> {
    let mut bad = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for line in page.lines() {
            let line = line.trim();
            let words: Vec<&str> = line.split_whitespace().collect();
            let n = words.len();
            let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
            let ends_in_month = n >= 2 && MONTHS.contains(&words[n - 1]) && digits(words[n - 2]);
            let ends_in_short_year = n >= 3
                && MONTHS.contains(&words[n - 2])
                && digits(words[n - 1])
                && words[n - 1].len() < 4;
            let ends_in_day = n >= 1
                && digits(words[n - 1])
                && words[n - 1].len() <= 2
                && line.ends_with(&format!("⚠ {}", words[n - 1]));
            let cut_short = line.ends_with('-')
                && line
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.trim_end_matches('-').split('-').all(digits));
            let starts_cut = (line.starts_with("(verlopen)") && line != "(verlopen)")
                || (words.first().is_some_and(|w| digits(w) && w.len() < 4)
                    && words.get(1).is_some_and(|w| *w == "(verlopen)"));
            if ends_in_month || ends_in_short_year || ends_in_day || cut_short || starts_cut {
                bad.push(format!("page {}: {line:?}", p + 1));
            }
        }
    }
    bad
}

/// Pages whose last line (before the page number) is a label.
fn labels_at_the_foot(pages: &[String]) -> Vec<String> {
    pages
        .iter()
        .enumerate()
        .filter_map(|(p, page)| {
            let last = page
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty() && !l.starts_with("pagina "))?;
            ["Notities:", "Standpunten:", "Actiepunten:", "Wijzigingen:"]
                .contains(&last)
                .then(|| format!("page {}: {last}", p + 1))
        })
        .collect()
}

fn opts() -> Options {
    Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    }
}

#[test]
fn the_demo_minutes_print_with_the_decision_first_and_no_date_split() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 2);
    for w in [1, 2] {
        let html = export::html(&fw, &s, Some(w), &opts()).unwrap();
        let pages = print(browser, dir.path(), &format!("w{w}"), &html);
        assert!(
            pages[0].contains("Besluit"),
            "the decision on page 1: {}",
            pages[0]
        );
        if w == 2 {
            assert!(pages[0].contains("GO"), "{}", pages[0]);
        }
        let bad = split_dates(&pages);
        assert!(bad.is_empty(), "dates split: {bad:#?}");
        let bad = labels_at_the_foot(&pages);
        assert!(bad.is_empty(), "labels alone: {bad:#?}");
    }
}

#[test]
fn the_report_of_40_workshops_opens_with_a_summary_of_at_most_5_pages() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 40);
    let html = export::html(&fw, &s, None, &opts()).unwrap();
    let pages = print(browser, dir.path(), "report", &html);
    assert!(
        pages[0].contains("Huidig besluit") && pages[0].contains("GO"),
        "the decision on page 1: {}",
        pages[0]
    );
    // the details start with the chart per block, after the summary
    let details = pages
        .iter()
        .position(|p| p.contains("Stand van de gesprekspunten per blok"))
        .expect("the details follow");
    assert!(details <= 5, "the summary takes {details} pages");
    assert!(
        pages[..details]
            .iter()
            .any(|p| p.contains("Bijeenkomsten, elk in één regel"))
    );
    let bad = split_dates(&pages);
    assert!(bad.is_empty(), "dates split: {bad:#?}");
    let bad = labels_at_the_foot(&pages);
    assert!(bad.is_empty(), "labels alone: {bad:#?}");
    // before the first workshop, the notices are grouped, not a paragraph each
    let first = pages
        .iter()
        .position(|p| p.contains("Bijeenkomst 1 — 14 september 2026"))
        .expect("the workshops follow");
    let warnings: usize = pages[..first]
        .iter()
        .map(|p| p.matches("⚠ Let op:").count())
        .sum();
    assert!(
        warnings <= 2,
        "{warnings} separate notices before the workshops"
    );
    assert!(
        pages[..first].iter().any(|p| p.contains("⚠ Let op (")),
        "grouped"
    );
}

#[test]
fn the_split_date_check_finds_a_split_date() {
    let pages = vec![
        "Cijfers\n5 oktober 202\n6 (verlopen)\n".to_string(),
        "uiterlijk 10 oktober\n2026\n⚠ 09-07-\n2029\n".to_string(),
        "10 oktober 2026 (verlopen)\nNotities:\npagina 3 / 3\n".to_string(),
    ];
    let bad = split_dates(&pages);
    assert_eq!(bad.len(), 4, "{bad:#?}");
    assert_eq!(labels_at_the_foot(&pages).len(), 1);
}
