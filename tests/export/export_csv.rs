//! The CSV for spreadsheets and the JSON (issue 15, items 2, 7 and 8):
//! hostile names and notes are never formulas, the point table holds who
//! dissents and why and the notes, action items have a table of their own,
//! `--workshop` is honoured or refused, a JSON export can be read back.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use wijktafel::export::{self, ExportError, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::store;

const HYPERLINK: &str = "=HYPERLINK(\"http://x.invalid\",\"klik\")";

/// 2026-10-12 13:00 UTC plus `min` minutes.
fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

fn opts() -> Options {
    Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    }
}

/// A 300-character URL.
fn long_url() -> String {
    let url = format!("https://voorbeeld.invalid/{}", "a".repeat(274));
    assert_eq!(url.chars().count(), 300);
    url
}

/// Hostile party names and notes over two workshops.
fn session() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    let a = s.add_party(HYPERLINK, "Ad", "");
    let b = s.add_party("@SUM(1;2)", "Bo Smit", "");
    let c = s.add_party("-2+3", "", "");
    let d = s.add_party("Bewoners", "Dirk", "");
    s.start_workshop(&[a, b, c, d], at(0));
    s.set_stance("1.1.1", b, Stance::Disagree, Some("=1+2 klopt niet"), at(5));
    s.set_status("1.1.1", Status::Dissent, vec![b], "@geen cijfers", at(6));
    s.add_note(
        "1.1.1",
        &format!(
            "-eerste regel\ntweede regel\nbel +31 6 12345678\n{}",
            long_url()
        ),
        at(7),
    );
    s.add_note("1.1.1", "+31 6 12345678", at(8));
    s.add_action(
        "1.1.1",
        "=cmd|'/c calc'!A1",
        Some(a),
        Some(date(2026, 11, 1)),
        at(9),
    );
    s.add_action("1.1.1", "weggehaald", None, None, at(9));
    s.remove_action("1.1.1", 1, at(9));
    s.set_status("1.1.2", Status::Skipped, vec![], "-geen tijd", at(10));
    s.end_workshop(at(60));
    s.start_workshop(&[a, b, d], at(10_080));
    s.set_status("1.2.1", Status::Consensus, vec![], "", at(10_090));
    s.add_note("1.2.1", "notitie uit bijeenkomst 2", at(10_091));
    s.add_action("1.2.1", "+ nog een actie", Some(d), None, at(10_092));
    s.set_action_done("1.1.1", 0, true, at(10_093));
    s.end_workshop(at(10_140));
    s
}

fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(&bytes[3..]);
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "ragged rows");
    rows
}

fn col(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name:?} in {:?}", rows[0]))
}

/// No cell starts as a formula would, unless it is a number or a typed phone number.
fn assert_no_formula(rows: &[Vec<String>]) {
    for cell in rows.iter().flatten() {
        let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
        let allowed = cell == "+31 6 12345678" || cell.parse::<f64>().is_ok();
        assert!(!risky || allowed, "formula-like cell {cell:?}");
        // the guard is invisible (issue 27): no apostrophe shows
        assert!(!cell.starts_with('\''), "a visible apostrophe in {cell:?}");
    }
}

#[test]
fn hostile_names_and_notes_never_become_formulas_in_the_point_table() {
    let s = session();
    let fw = Framework::builtin();
    let rows = rows(&export::csv_points(&fw, &s, None, &opts()).unwrap());
    assert_no_formula(&rows);
    // the party columns carry the names, neutralised
    assert!(
        rows[0].contains(&format!("\u{2060}{HYPERLINK}")),
        "{:?}",
        rows[0]
    );
    assert!(rows[0].contains(&"\u{2060}@SUM(1;2)".to_string()));
    assert!(rows[0].contains(&"\u{2060}-2+3".to_string()));
    let p = &rows[1];
    assert_eq!(p[0], "1.1.1");
    assert_eq!(p[col(&rows, "Status")], "verschil van mening");
    assert_eq!(p[col(&rows, "\u{2060}@SUM(1;2)")], "oneens");
    assert_eq!(
        p[col(&rows, "Oneens (verschil van mening)")],
        "\u{2060}@SUM(1;2) (Bo Smit)"
    );
    assert_eq!(
        p[col(&rows, "Reden (verschil van mening of overgeslagen)")],
        "\u{2060}@geen cijfers"
    );
    assert_eq!(
        p[col(&rows, "Toelichting bij standpunten")],
        "\u{2060}@SUM(1;2) (Bo Smit): =1+2 klopt niet"
    );
    // both notes in one cell, line breaks kept, the URL whole
    let notes = &p[col(&rows, "Notities")];
    assert_eq!(
        *notes,
        format!(
            "\u{2060}-eerste regel\ntweede regel\nbel +31 6 12345678\n{}\n\n+31 6 12345678",
            long_url()
        )
    );
    assert_eq!(p[col(&rows, "aantal notities")], "2");
    // done in workshop 2, the other removed: nothing open
    assert_eq!(p[col(&rows, "aantal open actiepunten")], "0");
    let skipped = &rows[2];
    assert_eq!(skipped[0], "1.1.2");
    assert_eq!(
        skipped[col(&rows, "Reden (verschil van mening of overgeslagen)")],
        "\u{2060}-geen tijd"
    );
    // the party not there in workshop 2 reads "afwezig" on its point
    let consensus = rows.iter().find(|r| r[0] == "1.2.1").unwrap();
    assert_eq!(consensus[col(&rows, "\u{2060}-2+3")], "afwezig");
    // a phone number alone stays as typed
    assert_eq!(
        export::neutralise("+31 6 12345678"),
        "+31 6 12345678",
        "phone numbers stay text"
    );
}

#[test]
fn action_items_have_a_table_of_their_own() {
    let s = session();
    let fw = Framework::builtin();
    let rows = rows(&export::csv_actions(&fw, &s, None, &opts()).unwrap());
    assert_no_formula(&rows);
    assert_eq!(
        rows[0],
        [
            "id",
            "Gesprekspunt",
            "Actiepunt",
            "Eigenaar",
            "Uiterlijk",
            "Gedaan",
            "Gedaan op",
            "Bijeenkomst"
        ]
    );
    // the removed item is not in the table
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][0], "1.1.1");
    assert_eq!(rows[1][2], "\u{2060}=cmd|'/c calc'!A1");
    assert_eq!(rows[1][3], format!("\u{2060}{HYPERLINK} (Ad)"));
    assert_eq!(rows[1][4], "2026-11-01");
    assert_eq!(rows[1][5], "ja");
    // the day it was done (issue 24)
    assert_eq!(rows[1][6].len(), "2026-11-01".len(), "{:?}", rows[1]);
    assert_eq!(rows[1][7], "1");
    assert_eq!(rows[2][0], "1.2.1");
    assert_eq!(rows[2][2], "\u{2060}+ nog een actie");
    assert_eq!(rows[2][3], "Bewoners (Dirk)");
    assert_eq!(rows[2][4], "");
    assert_eq!(rows[2][5], "nee");
    assert_eq!(rows[2][6], "");
    assert_eq!(rows[2][7], "2");
}

#[test]
fn workshop_n_is_honoured_by_the_csv_and_refused_by_the_json() {
    let s = session();
    let fw = Framework::builtin();
    // workshop 2: the point discussed then, and 1.1.1 whose action was done then
    let points = rows(&export::csv_points(&fw, &s, Some(2), &opts()).unwrap());
    let ids: Vec<&str> = points[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["1.1.1", "1.2.1"]);
    // the notes of workshop 2 only
    assert_eq!(points[1][col(&points, "Notities")], "");
    assert_eq!(
        points[2][col(&points, "Notities")],
        "notitie uit bijeenkomst 2"
    );
    let whole = export::render(&fw, &s, Format::Csv, None, &opts()).unwrap();
    let two = export::render(&fw, &s, Format::Csv, Some(2), &opts()).unwrap();
    assert_ne!(whole, two);
    let one = rows(&export::csv_points(&fw, &s, Some(1), &opts()).unwrap());
    let ids: Vec<&str> = one[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["1.1.1", "1.1.2"]);
    // the action items made or changed in workshop 2
    let actions = rows(&export::csv_actions(&fw, &s, Some(2), &opts()).unwrap());
    assert_eq!(actions.len(), 3);
    let actions = rows(&export::csv_actions(&fw, &s, Some(1), &opts()).unwrap());
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[1][0], "1.1.1");
    // a workshop the session does not have
    for e in [
        export::render(&fw, &s, Format::Csv, Some(3), &opts()).unwrap_err(),
        export::csv_actions(&fw, &s, Some(3), &opts()).unwrap_err(),
    ] {
        assert!(matches!(e, ExportError::NoSuchWorkshop { number: 3, .. }));
    }
    let e = export::render(&fw, &s, Format::Json, Some(1), &opts()).unwrap_err();
    assert!(
        e.to_string().contains("JSON bevat altijd de hele sessie"),
        "{e}"
    );
}

fn wijktafel(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_both_tables_reads_json_and_says_what_it_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let s = session();
    store::save(&dir.path().join("zuidrand.toml"), &s).unwrap();
    let d = dir.path();
    let out = wijktafel(
        d,
        &["export", "Zuidrand", "--format", "csv", "--items", "acties"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("\u{feff}id;Gesprekspunt;Actiepunt;"),
        "{text}"
    );
    // the English name works too, with --workshop
    let out = wijktafel(
        d,
        &[
            "export",
            "Zuidrand",
            "--format",
            "csv",
            "--items",
            "actions",
            "--workshop",
            "2",
        ],
    );
    assert!(out.status.success());
    // the head, the item done in workshop 2, the item made in it
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
    // --items belongs to the CSV
    let out = wijktafel(
        d,
        &["export", "Zuidrand", "--format", "md", "--items", "acties"],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--items geldt alleen voor --format csv"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // JSON with --workshop: refused, nothing written
    let target = d.join("x.json");
    let out = wijktafel(
        d,
        &[
            "export",
            "Zuidrand",
            "--format",
            "json",
            "--workshop",
            "1",
            "-o",
        ]
        .iter()
        .copied()
        .chain([target.to_str().unwrap()])
        .collect::<Vec<_>>(),
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--workshop"));
    assert!(!target.exists());
    // a JSON export is read back: minutes and CSV from it equal those from the file
    let out = wijktafel(
        d,
        &[
            "export",
            "Zuidrand",
            "--format",
            "json",
            "-o",
            target.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    for format in ["md", "csv"] {
        let from_toml = wijktafel(d, &["export", "Zuidrand", "--format", format]);
        let from_json = wijktafel(d, &["export", target.to_str().unwrap(), "--format", format]);
        assert!(
            from_json.status.success(),
            "{}",
            String::from_utf8_lossy(&from_json.stderr)
        );
        assert_eq!(from_json.stdout, from_toml.stdout);
    }
    // a JSON file that is not a session says so, not a TOML error
    let bad = d.join("kapot.json");
    std::fs::write(&bad, "{\"name\": 3}").unwrap();
    let out = wijktafel(d, &["export", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.to_lowercase().contains("toml"), "{err}");
    assert!(err.contains("kapot.json"), "{err}");
}

#[test]
fn the_votes_file_has_outcome_tally_ballots_and_reasons() {
    let mut s = session();
    let fw = Framework::builtin();
    let present = s.workshops[1].present.clone();
    let ballots = present
        .iter()
        .map(|&p| wijktafel::vote::Ballot {
            party: p,
            choice: wijktafel::vote::Choice::NoGo,
            reason: "-eerst geld".into(),
        })
        .collect();
    let closing = wijktafel::vote::Closing {
        follow_up: Some(wijktafel::vote::FollowUp {
            route: wijktafel::vote::Route::Lighter,
            text: String::new(),
            id: None,
        }),
        revisit: Some(date(2027, 1, 15)),
        deferred_because: None,
        ..Default::default()
    };
    let v = wijktafel::vote::Vote::cast(&s, present, ballots, closing, at(10_130));
    s.votes.push(v);
    let rows = rows(&export::csv_votes(&fw, &s, None, &opts()).unwrap());
    assert_no_formula(&rows);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let r = &rows[1];
    assert_eq!(r[col(&rows, "Uitkomst")], "NO-GO");
    assert_eq!(r[col(&rows, "No-go")], "3");
    assert_eq!(r[col(&rows, "Afwezig")], "1");
    assert_eq!(r[col(&rows, "Opnieuw bekijken")], "2027-01-15");
    assert!(!r[col(&rows, "Vervolgroute")].is_empty());
    assert_eq!(r[col(&rows, "Bewoners: stem")], "No-go");
    assert_eq!(r[col(&rows, "Bewoners: reden")], "\u{2060}-eerst geld");
    assert_eq!(r[col(&rows, "\u{2060}-2+3: stem")], "afwezig");
}

/// LibreOffice (where installed) reads the CSV with "evaluate formulas"
/// on: no cell becomes a formula, every hostile text stays as typed, and
/// plain numbers stay numbers.
#[test]
fn libreoffice_evaluating_formulas_finds_none() {
    use calamine::{Data, Reader, Xlsx};
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        eprintln!("SKIPPED: LibreOffice is not installed (apt-get install libreoffice-calc)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let s = session();
    let bytes = export::csv_points(&Framework::builtin(), &s, None, &opts()).unwrap();
    let path = dir.path().join("stand.csv");
    std::fs::write(&path, bytes).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    // ';', '"', UTF-8, from line 1, …, detect special numbers, …, evaluate formulas
    let out = std::process::Command::new(office)
        .args([
            &profile,
            "--headless",
            "--infilter=Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1,true",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("runs");
    let xlsx = dir.path().join("stand.xlsx");
    assert!(xlsx.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut wb: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let formulas = wb.worksheet_formula(&sheet).unwrap();
    let found: Vec<String> = formulas
        .used_cells()
        .map(|(_, _, f)| f.clone())
        .filter(|f| !f.is_empty())
        .collect();
    assert!(found.is_empty(), "formulas: {found:?}");
    let range = wb.worksheet_range(&sheet).unwrap();
    let head: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    for name in [HYPERLINK, "@SUM(1;2)", "-2+3"] {
        assert!(
            head.contains(&format!("\u{2060}{name}")),
            "{name} as typed (after the invisible guard): {head:?}"
        );
    }
    // a count stays a number
    let n = head.iter().position(|h| h == "aantal notities").unwrap();
    assert!(
        matches!(
            range.rows().nth(1).unwrap()[n],
            Data::Float(_) | Data::Int(_)
        ),
        "{:?}",
        range.rows().nth(1).unwrap()[n]
    );
}
