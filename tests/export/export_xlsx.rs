//! The workbook (issue 27): read back with a reader crate, every vote,
//! ballot and reason of the demo is there; text cells are strings (never
//! formulas, no apostrophe), dates are dates, heads are Dutch (English with
//! `--lang en`); LibreOffice opens it where it is installed.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::Session;
use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

fn opts(lang: Lang) -> Options {
    Options {
        lang,
        anonymize: false,
        tz: TimeZone::UTC,
    }
}

/// The demo, plus a NO-GO with a follow-up route and a date to look again,
/// and a vote the facilitator deferred (hostile reasons: a formula, a
/// leading minus, a phone number).
fn session() -> Session {
    let fw = Framework::builtin();
    let mut s = wijktafel::demo::build(&fw, 2);
    let ids: Vec<u32> = s.active_parties().map(|p| p.id).collect();
    let present = s.current_workshop().expect("running").present.clone();
    let reasons = ["=1+2", "- geen geld", "+31612345678", "", "@SUM(1)", "-2+3"];
    let ballots: Vec<Ballot> = present
        .iter()
        .enumerate()
        .map(|(i, &p)| Ballot {
            party: p,
            choice: if i == 0 { Choice::NoGo } else { Choice::Go },
            reason: reasons[i % reasons.len()].to_string(),
        })
        .collect();
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Other,
            text: "=HYPERLINK(\"http://x.invalid\")".into(),
            id: None,
        }),
        revisit: Some(date(2027, 3, 1)),
        deferred_because: None,
        ..Default::default()
    };
    let at = Timestamp::from_second(1_800_000_000).unwrap();
    let v = Vote::cast(&s, present.clone(), ballots, closing, at);
    s.votes.push(v);
    let closing = Closing {
        deferred_because: Some("wachten op de wethouder".into()),
        ..Closing::default()
    };
    let ballots = vec![Ballot {
        party: ids[0],
        choice: Choice::Go,
        reason: "eerst de begroting".into(),
    }];
    let v = Vote::cast(&s, present, ballots, closing, at);
    s.votes.push(v);
    s
}

fn workbook(s: &Session, lang: Lang) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes =
        export::render(&Framework::builtin(), s, Format::Xlsx, None, &opts(lang)).expect("xlsx");
    assert!(bytes.starts_with(b"PK"), "a zip file");
    Xlsx::new(Cursor::new(bytes)).expect("calamine reads it")
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("a string cell, not {other:?}"),
    }
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("a number cell, not {other:?}"),
    }
}

/// Excel's serial number of a day.
fn serial(d: Date) -> f64 {
    (d - date(1899, 12, 30)).get_days() as f64
}

#[test]
fn every_vote_ballot_and_reason_is_in_the_workbook() {
    let s = session();
    let mut wb = workbook(&s, Lang::Nl);
    assert_eq!(
        wb.sheet_names(),
        [
            "Gesprekspunten",
            "Stemmingen",
            "Actiepunten",
            "Aanwezigheid"
        ]
    );
    let range = wb.worksheet_range("Stemmingen").expect("votes sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let head: Vec<String> = rows[0].iter().map(text).collect();
    let col = |name: &str| {
        head.iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?} in {head:?}"))
    };
    assert_eq!(rows.len(), s.votes.len() + 1, "a row per vote");
    assert_eq!(s.votes.len(), 3);
    let fw = Framework::builtin();
    for (i, v) in s.votes.iter().enumerate() {
        let row = rows[i + 1];
        assert_eq!(number(&row[col("Stemming")]), (i + 1) as f64);
        assert_eq!(number(&row[col("Bijeenkomst")]), f64::from(v.workshop));
        let day = v.at.to_zoned(TimeZone::UTC).date();
        match &row[col("Datum")] {
            Data::DateTime(x) => assert_eq!(x.as_f64(), serial(day)),
            other => panic!("a date cell, not {other:?}"),
        }
        assert_eq!(text(&row[col("Uitkomst")]), v.outcome.word(Lang::Nl));
        assert_eq!(number(&row[col("Go")]), f64::from(v.tally.go));
        assert_eq!(number(&row[col("No-go")]), f64::from(v.tally.no_go));
        assert_eq!(number(&row[col("Onthouding")]), f64::from(v.tally.abstain));
        assert_eq!(number(&row[col("Afwezig")]), f64::from(v.tally.absent));
        assert_eq!(text(&row[col("Beslisregel")]), v.rule.describe(Lang::Nl));
        assert_eq!(
            text(&row[col("Uitgesteld omdat")]),
            v.deferred.map(|d| d.word(Lang::Nl)).unwrap_or("")
        );
        assert_eq!(text(&row[col("Toelichting")]), v.remark);
        assert_eq!(
            text(&row[col("Vervolgroute")]),
            v.follow_up
                .as_ref()
                .map(|f| f.route_words(&fw, Lang::Nl))
                .unwrap_or_default()
        );
        match (v.revisit, &row[col("Opnieuw bekijken")]) {
            (Some(d), Data::DateTime(x)) => assert_eq!(x.as_f64(), serial(d)),
            (None, Data::Empty) => {}
            (want, got) => panic!("revisit {want:?}, cell {got:?}"),
        }
        for p in &s.parties {
            let ballot = v.ballots.iter().find(|b| b.party == p.id);
            let stem = text(&row[col(&format!("{}: stem", p.organisation))]);
            let reden = text(&row[col(&format!("{}: reden", p.organisation))]);
            match ballot {
                Some(b) => {
                    assert_eq!(stem, b.choice.word(Lang::Nl), "{}", p.organisation);
                    assert_eq!(reden, b.reason, "{}", p.organisation);
                }
                None if v.present.contains(&p.id) => assert_eq!(stem, "nog niet gestemd"),
                None => assert_eq!(stem, "afwezig"),
            }
        }
    }
    // the vote that was replaced says by which
    assert_eq!(number(&rows[1][col("Vervangen door stemming")]), 2.0);
    assert_eq!(rows[3][col("Vervangen door stemming")], Data::Empty);
    // no formula anywhere, and no apostrophe before the hostile texts
    for sheet in wb.sheet_names() {
        let f = wb.worksheet_formula(&sheet).expect("formulas");
        assert!(
            f.used_cells().all(|(_, _, x)| x.is_empty()),
            "{sheet}: {f:?}"
        );
    }
    let all: Vec<String> = range.rows().flatten().map(|d| d.to_string()).collect();
    for hostile in ["=1+2", "- geen geld", "+31612345678", "@SUM(1)", "-2+3"] {
        assert!(all.iter().any(|c| c == hostile), "{hostile} as typed");
    }
    assert!(!all.iter().any(|c| c.starts_with('\'')), "no apostrophe");
}

#[test]
fn points_actions_and_attendance_are_typed_and_headed_in_the_language() {
    let s = session();
    let mut wb = workbook(&s, Lang::En);
    assert_eq!(
        wb.sheet_names(),
        ["Discussion points", "Votes", "Action items", "Attendance"]
    );
    let points = wb.worksheet_range("Discussion points").expect("points");
    let head: Vec<String> = points.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(
        head[..5],
        ["id", "Block", "Step", "Discussion point", "Status"]
    );
    for p in &s.parties {
        assert!(
            head.contains(&p.organisation),
            "a column for {}",
            p.organisation
        );
    }
    let fw = Framework::builtin();
    assert_eq!(
        points.height(),
        fw.iter_points().count() + 1,
        "a row per point"
    );
    // counts are numbers
    let notes = head
        .iter()
        .position(|h| h == "number of notes")
        .expect("count");
    for row in points.rows().skip(1) {
        number(&row[notes]);
    }
    let actions = wb.worksheet_range("Action items").expect("actions");
    let head: Vec<String> = actions.rows().next().unwrap().iter().map(text).collect();
    let due = head.iter().position(|h| h == "Due").expect("due");
    let mut dates = 0;
    for row in actions.rows().skip(1) {
        match &row[due] {
            Data::DateTime(_) => dates += 1,
            Data::Empty => {}
            other => panic!("a due date is a date, not {other:?}"),
        }
    }
    assert!(dates > 0, "the demo has due dates");
    let att = wb.worksheet_range("Attendance").expect("attendance");
    assert_eq!(
        att.height(),
        1 + s.workshops.len() * s.parties.len(),
        "a row per workshop and party"
    );
}

#[test]
fn one_workshop_and_an_unknown_one() {
    let s = session();
    let fw = Framework::builtin();
    let bytes = export::render(&fw, &s, Format::Xlsx, Some(1), &opts(Lang::Nl)).expect("xlsx");
    let mut wb = Xlsx::new(Cursor::new(bytes)).expect("reads");
    let votes = wb.worksheet_range("Stemmingen").expect("votes");
    let in_1 = s.votes.iter().filter(|v| v.workshop == 1).count();
    assert_eq!(votes.height().max(1), in_1 + 1);
    assert!(export::render(&fw, &s, Format::Xlsx, Some(99), &opts(Lang::Nl)).is_err());
}

/// LibreOffice (where installed) converts the workbook to CSV headless:
/// it opens, and the votes' outcomes come out as text.
#[test]
fn libreoffice_opens_the_workbook() {
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
    let bytes = export::render(
        &Framework::builtin(),
        &s,
        Format::Xlsx,
        None,
        &opts(Lang::Nl),
    )
    .expect("xlsx");
    let path = dir.path().join("stand.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = std::process::Command::new(office)
        .args([
            &profile,
            "--headless",
            "--convert-to",
            // the second sheet (the votes), UTF-8, comma-separated
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
        ])
        .arg("--outdir")
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("runs");
    let csv = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .unwrap_or_else(|| panic!("no csv: {}", String::from_utf8_lossy(&out.stderr)));
    let text = std::fs::read_to_string(csv).unwrap();
    assert!(text.contains("Stemming"), "{text}");
    assert!(
        text.contains("NO-GO") && text.contains("UITGESTELD"),
        "{text}"
    );
    assert!(
        text.contains("=1+2") && text.contains("-2+3"),
        "as typed: {text}"
    );
}
