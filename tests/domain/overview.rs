//! `wijktafel overzicht` (issue 30) over twenty areas made here: several
//! municipalities; GO, NO-GO with a passed and with a future revisit date,
//! deferred and no decision; overdue actions; one area on its own
//! framework; a second, read-only folder; a broken file. Checked in
//! Markdown, HTML (the heatmap's counts equal the data), xlsx read back
//! with calamine, and JSON against its schema; reading writes nothing.

use crate::common::areas;

use std::io::Cursor;
use std::path::{Path, PathBuf};

use areas::{Programme, TODAY};
use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use wijktafel::export::overview::{OverviewFormat, Report, render};
use wijktafel::i18n::Lang;
use wijktafel::overview::Overview;
use wijktafel::session::Status;
use wijktafel::vote::Outcome;

/// Every file of `dir` (recursively) with its length and modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let m = e.metadata().unwrap();
        if m.is_dir() {
            v.extend(listing(&e.path()));
        } else {
            v.push((e.path(), m.len(), m.modified().unwrap()));
        }
    }
    v.sort();
    v
}

#[test]
fn twenty_areas_are_gathered_read_only_and_a_broken_file_is_listed() {
    let p = Programme::new();
    let before = (listing(&p.store), listing(&p.other));
    let r = p.report();
    assert_eq!(
        (listing(&p.store), listing(&p.other)),
        before,
        "reading writes nothing"
    );
    let ov = &r.overview;
    assert_eq!(ov.areas.len(), 20);
    assert_eq!(r.unreadable.len(), 1);
    assert!(r.unreadable[0].path.ends_with("kapot.toml"));
    assert!(!r.unreadable[0].reason.is_empty());
    // the standard comparison holds 19 areas, the own framework 1
    assert_eq!(ov.comparisons.len(), 2);
    assert_eq!(ov.comparisons[0].areas.len(), 19);
    assert_eq!(ov.comparisons[1].framework_id, "kleinstad-kader");
    assert_eq!(ov.comparisons[1].areas.len(), 1);
    let by = |n: usize| {
        ov.areas
            .iter()
            .find(|a| a.area == format!("Wijk {n:02}"))
            .unwrap()
    };
    assert_eq!(by(0).decision.as_ref().unwrap().outcome, Outcome::Go);
    let passed = by(1).decision.clone().unwrap();
    assert!(passed.outcome == Outcome::NoGo && passed.revisit_overdue);
    let future = by(2).decision.clone().unwrap();
    assert!(future.outcome == Outcome::NoGo && !future.revisit_overdue);
    assert_eq!(by(3).decision.as_ref().unwrap().outcome, Outcome::Deferred);
    assert!(by(4).decision.is_none());
    assert_eq!((by(1).overdue_actions, by(2).overdue_actions), (1, 0));
    assert_eq!(by(6).open_actions, 2);
    // the trouble on the standard framework: dissent in 7 of 19 areas
    // (0, 3, …, 18), skipped in 5 (0, 4, …, 16)
    let t = &ov.comparisons[0].trouble;
    assert_eq!(
        (t[0].id.as_str(), t[0].dissent, t[0].skipped),
        ("1.1.2", 7, 0)
    );
    assert_eq!(t[0].reasons.len(), 7);
    assert!(t[0].reasons.iter().any(|x| x.reason == "reden van wijk 9"));
    assert_eq!((t[1].id.as_str(), t[1].skipped), ("1.1.3", 5));
    // selecting a municipality keeps its areas and compares only those
    let only = r.overview.clone().select("kleinstad");
    assert_eq!(only.areas.len(), 5);
    assert!(only.areas.iter().all(|a| a.municipality == "Kleinstad"));
}

fn text_of(r: &Report, f: OverviewFormat, lang: Lang) -> String {
    String::from_utf8(render(r, f, lang).unwrap()).unwrap()
}

#[test]
fn markdown_names_every_area_overdue_in_words_and_the_unreadable_file() {
    let p = Programme::new();
    let r = p.report();
    let md = text_of(&r, OverviewFormat::Md, Lang::Nl);
    for a in &r.overview.areas {
        assert!(md.contains(&format!("### {}", a.area)), "{}", a.area);
    }
    assert!(
        md.contains("⚠ 30-11-2026 verlopen"),
        "a passed revisit in symbol and word"
    );
    assert!(md.contains("01-03-2027 |"));
    assert!(!md.contains("01-03-2027 verlopen"));
    assert!(md.contains("⚠ 1 verlopen"));
    assert!(md.contains("## Wat de wijken van elkaar leren"));
    assert!(md.contains("## Ander kader: Kleinstad wijkkader (kleinstad-kader)"));
    assert!(md.contains("## Niet te lezen") && md.contains("kapot.toml"));
    assert!(md.contains("✖ Wijk 09: reden van wijk 9"));
    assert!(!md.contains('…'), "nothing shortened");
    let en = text_of(&r, OverviewFormat::Md, Lang::En);
    assert!(en.contains("# Overview of the areas") && en.contains("⚠ 2026-11-30 overdue"));
}

/// The number of heatmap cells with `data-status="key"` in `html`.
fn cells(html: &str, key: &str) -> usize {
    html.matches(&format!("<g data-status=\"{key}\">")).count()
}

#[test]
fn the_html_heatmap_counts_equal_the_data() {
    let p = Programme::new();
    let r = p.report();
    let html = text_of(&r, OverviewFormat::Html, Lang::Nl);
    assert!(html.contains("@page{size:A4 landscape}"));
    assert_eq!(html.matches("<svg").count(), 2, "a heatmap per framework");
    for (k, st) in Status::ALL.iter().enumerate() {
        let data: usize = r
            .overview
            .comparisons
            .iter()
            .flat_map(|c| &c.points)
            .map(|p| p.counts[k])
            .sum();
        assert_eq!(cells(&html, st.key()), data, "{st:?}");
    }
    // every cell is there: areas × points per comparison
    let all: usize = r
        .overview
        .comparisons
        .iter()
        .map(|c| c.areas.len() * c.points.len())
        .sum();
    let drawn: usize = Status::ALL
        .iter()
        .map(|s| cells(&html, s.key()))
        .sum::<usize>()
        + cells(&html, "none");
    assert_eq!(drawn, all);
    assert_eq!(
        cells(&html, "dissent"),
        7 + 1,
        "seven standard areas and the own one"
    );
    let at = html.find("30-11-2026").unwrap();
    assert!(
        html.contains(
            "<span class=\"overdue\"><span class=\"nw\">⚠ 30-11-2026</span> verlopen</span>"
        ),
        "{}",
        &html[at - 80..at + 60]
    );
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn the_xlsx_has_a_sheet_per_view_and_reads_back() {
    let p = Programme::new();
    let r = p.report();
    let bytes = render(&r, OverviewFormat::Xlsx, Lang::Nl).unwrap();
    let mut wb = Xlsx::new(Cursor::new(bytes)).expect("calamine reads it");
    assert_eq!(
        wb.sheet_names(),
        [
            "Wijken",
            "Punten per wijk",
            "Knelpunten",
            "Tijd per stap",
            "Niet te lezen"
        ]
    );
    let areas = wb.worksheet_range("Wijken").unwrap();
    let rows: Vec<Vec<String>> = areas
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    assert_eq!(rows.len(), 21, "head and twenty areas");
    assert_eq!(rows[0][0], "Wijk");
    let w1 = rows.iter().find(|r| r[0] == "Wijk 01").unwrap();
    assert!(w1.iter().any(|c| c == "⚠ 30-11-2026 verlopen"));
    assert!(w1.iter().any(|c| c == "⚠ 1 verlopen"));
    let points = wb.worksheet_range("Punten per wijk").unwrap();
    let std_points = r.overview.comparisons[0].points.len();
    let own_points = r.overview.comparisons[1].points.len();
    assert_eq!(points.rows().count(), 1 + std_points + own_points);
    let dissent_cells = points
        .rows()
        .skip(1)
        .flat_map(|r| r.iter())
        .filter(|c| cell_text(c) == "✖ verschil van mening")
        .count();
    assert_eq!(dissent_cells, 8);
    let trouble = wb.worksheet_range("Knelpunten").unwrap();
    assert_eq!(trouble.rows().count(), 1 + 7 + 5);
}

fn schema() -> (boon::Schemas, boon::SchemaIndex) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/overview-schema-v1.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let loc = schema["$id"].as_str().unwrap().to_string();
    let mut schemas = boon::Schemas::new();
    let mut c = boon::Compiler::new();
    c.enable_format_assertions();
    c.add_resource(&loc, schema).unwrap();
    let index = c.compile(&loc, &mut schemas).unwrap();
    (schemas, index)
}

#[test]
fn the_json_follows_its_schema_and_the_schema_rejects_a_stray_key() {
    let p = Programme::new();
    let r = p.report();
    let v: Value =
        serde_json::from_slice(&render(&r, OverviewFormat::Json, Lang::Nl).unwrap()).unwrap();
    let (schemas, index) = schema();
    if let Err(e) = schemas.validate(&v, index) {
        panic!("{e:#}");
    }
    assert_eq!(v["areas"].as_array().unwrap().len(), 20);
    assert_eq!(v["comparisons"][0]["standard"], true);
    let mut bad = v.clone();
    bad["areas"][0]["extra"] = Value::from(1);
    assert!(schemas.validate(&bad, index).is_err());
    let mut bad = v.clone();
    bad["areas"][0]["decision"]["outcome"] = Value::from("maybe");
    assert!(schemas.validate(&bad, index).is_err());
    // an empty overview is valid too
    let empty = Report {
        overview: Overview::build(vec![], "plv-afwegingskader", TODAY),
        unreadable: vec![],
    };
    let v: Value =
        serde_json::from_slice(&render(&empty, OverviewFormat::Json, Lang::Nl).unwrap()).unwrap();
    assert!(schemas.validate(&v, index).is_ok());
}

#[test]
fn the_command_reads_both_folders_and_selects_a_municipality() {
    let p = Programme::new();
    let before = listing(&p.store);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(&p.store)
        .arg("overzicht")
        .arg(&p.other)
        .args(["--municipality", "dorpen", "--format", "md"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("5 wijken, 1 bestanden niet te lezen"), "{md}");
    assert!(md.contains("### Wijk 03") && md.contains("### Wijk 19"));
    assert!(!md.contains("### Wijk 00"));
    assert_eq!(listing(&p.store), before);
    // and the whole programme to a file, as JSON
    let dest = p.store.parent().unwrap().join("overzicht.json");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(&p.store)
        .args(["--lang", "en", "overview"])
        .arg(&p.other)
        .args(["--format", "json", "-o"])
        .arg(&dest)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&dest).unwrap()).unwrap();
    assert_eq!(v["areas"].as_array().unwrap().len(), 20);
    // a municipality with no area is said, with the ones there are
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(&p.store)
        .args(["overzicht", "--municipality", "Kleinsted"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Kleinsted") && err.contains("Dorpen, Havenstad, Kleinstad, Voorbeeldstad"),
        "{err}"
    );
}

#[test]
fn an_older_format_is_read_as_it_is_and_compared_with_the_standard() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("oud.toml");
    let text = include_str!("../fixtures/demo-de-horst-framework-2022.1.toml");
    std::fs::write(&old, text).unwrap();
    let fw = wijktafel::framework::Framework::builtin();
    let mut new = wijktafel::demo::build(&fw, 2);
    new.name = "Nieuw".into();
    new.area = "Nieuwbuurt".into();
    wijktafel::framework::carried::carry(&mut new, &fw, None);
    wijktafel::store::Store::at(dir.path())
        .create(&new)
        .unwrap();
    let r = wijktafel::catalog::gather(&[dir.path().to_path_buf()], None, TODAY, Lang::En);
    assert!(r.unreadable.is_empty(), "{:?}", r.unreadable);
    assert_eq!(r.overview.areas.len(), 2);
    assert_eq!(
        r.overview.comparisons.len(),
        1,
        "one framework id: compared together"
    );
    let c = &r.overview.comparisons[0];
    assert!(c.standard && c.areas.len() == 2);
    assert!(
        c.points
            .iter()
            .all(|p| p.statuses.iter().all(Option::is_some))
    );
    let old_area = r
        .overview
        .areas
        .iter()
        .find(|a| a.source.ends_with("oud.toml"))
        .unwrap();
    assert!(
        old_area.blocks[0].settled() > 0,
        "the old file's records are counted"
    );
    assert_eq!(
        std::fs::read_to_string(&old).unwrap(),
        text,
        "reading writes nothing"
    );
}
