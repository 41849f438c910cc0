//! The workshop day in the documents (issue 26): minutes adopted in the
//! next workshop, "concept" until then, and the parking lot.

use jiff::Timestamp;
use wijktafel::domain::workday::{Amendment, ParkedHow};
use wijktafel::export::{Format, Options, csv_parking, render};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::journal::commit_between;
use wijktafel::session::{Session, Status};

fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

/// Each step one event of the journal, as the facilitator's window makes them.
fn step(s: &mut Session, t: i64, f: impl FnOnce(&mut Session)) {
    let before = s.clone();
    f(s);
    commit_between(&before, s, at(t), None);
}

fn md(fw: &Framework, s: &Session, n: u32) -> String {
    let o = Options::new(Lang::Nl);
    String::from_utf8(render(fw, s, Format::Md, Some(n), &o).unwrap()).unwrap()
}

/// Workshop 1 parks two topics (one becomes an action) and ends; workshop
/// 2 starts.
fn session() -> (Framework, Session) {
    let fw = Framework::builtin();
    let mut s = Session::new("Wijktafel Noord", &fw, at(0));
    let (a, b) = (
        s.add_party("Bewoners", "Dirk", ""),
        s.add_party("Gemeente", "Anna", ""),
    );
    step(&mut s, 1, |s| {
        s.start_workshop(&[a, b], at(1));
    });
    step(&mut s, 2, |s| {
        s.set_status("1.1.1", Status::Consensus, vec![], "", at(2))
    });
    step(&mut s, 3, |s| {
        s.park("Verkeersdrempels Dorpsstraat", Some(b), "1.1.1", at(3));
    });
    step(&mut s, 4, |s| {
        s.park("Bankjes bij de school", None, "1.1.1", at(4));
    });
    step(&mut s, 5, |s| {
        s.move_parked(2, "1.1.2", ParkedHow::Action, at(5));
    });
    step(&mut s, 60, |s| s.end_workshop(at(60)));
    step(&mut s, 7 * 24 * 60, |s| {
        s.start_workshop(&[a, b], at(7 * 24 * 60));
    });
    (fw, s)
}

#[test]
fn minutes_say_concept_until_the_next_workshop_adopts_them_with_amendments() {
    let (fw, mut s) = session();
    let first = md(&fw, &s, 1);
    assert!(first.contains("concept: nog niet vastgesteld"), "{first}");
    assert!(!first.contains("Vastgesteld in"), "{first}");

    let t = 7 * 24 * 60 + 2;
    step(&mut s, t, |s| {
        let amendment = Amendment {
            text: "Gemeente was vertegenwoordigd door Anna".into(),
            party: Some(2),
            part: "Aanwezig".into(),
        };
        s.adopt_minutes(1, vec![amendment], at(t)).unwrap();
    });
    // the minutes of workshop 1 are built from the state at its end, yet
    // say that (and how) they were adopted later
    let first = md(&fw, &s, 1);
    assert!(
        first.contains("Vastgesteld in bijeenkomst 2 op") && first.contains("met wijziging (1)"),
        "{first}"
    );
    assert!(
        first.contains("Gemeente was vertegenwoordigd door Anna — gevraagd door Gemeente (Anna) — onderdeel: Aanwezig"),
        "{first}"
    );
    assert!(!first.contains("concept"), "{first}");
    // the minutes of workshop 2 mention the adoption
    let second = md(&fw, &s, 2);
    assert!(second.contains("## Vaststelling verslag"), "{second}");
    assert!(
        second.contains("Verslag bijeenkomst 1 vastgesteld om")
            && second.contains("met wijziging (1)"),
        "{second}"
    );
    // workshop 2 is running: its own minutes have no status yet
    assert!(!second.contains("Status verslag"), "{second}");
}

#[test]
fn the_minutes_have_a_parking_lot_section_and_the_csv_lists_every_topic() {
    let (fw, s) = session();
    let first = md(&fw, &s, 1);
    let park = &first[first.find("## Parkeerplaats").expect("a section")..];
    assert!(
        park.contains(
            "- Verkeersdrempels Dorpsstraat — ingebracht door Gemeente (Anna) — bij 1.1.1\n"
        ),
        "{park}"
    );
    assert!(
        park.contains("- Bankjes bij de school — bij 1.1.1 — werd actiepunt bij 1.1.2"),
        "{park}"
    );
    assert!(
        !park.contains("**Verplaatst:**"),
        "parked and moved in 1: once, as new: {park}"
    );
    // the next workshop lists the topic still open
    let second = md(&fw, &s, 2);
    let park = &second[second.find("## Parkeerplaats").expect("a section")..];
    assert!(park.contains("**Nog open:**"), "{park}");
    assert!(park.contains("Verkeersdrempels"), "{park}");
    assert!(!park.contains("Bankjes"), "settled in workshop 1: {park}");

    let o = Options::new(Lang::Nl);
    let csv = String::from_utf8(csv_parking(&fw, &s, None, &o).unwrap()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[0].contains("Onderwerp;Ingebracht door;Bij punt"),
        "{csv}"
    );
    assert!(
        lines[1].contains("Verkeersdrempels Dorpsstraat;Gemeente (Anna);1.1.1;1;open"),
        "{csv}"
    );
    assert!(lines[2].contains(";actiepunt;1.1.2;;1"), "{csv}");
    let none = String::from_utf8(csv_parking(&fw, &s, Some(2), &o).unwrap()).unwrap();
    assert_eq!(
        none.lines().count(),
        1,
        "nothing parked or settled in 2: {none}"
    );
}

#[test]
fn the_workbook_has_a_parking_lot_sheet_when_the_session_used_it() {
    use calamine::{Reader, Xlsx};
    let (fw, s) = session();
    let o = Options::new(Lang::Nl);
    let bytes = render(&fw, &s, Format::Xlsx, None, &o).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names().last().map(String::as_str),
        Some("Parkeerplaats")
    );
    let range = wb.worksheet_range("Parkeerplaats").unwrap();
    let rows: Vec<_> = range.rows().collect();
    assert_eq!(rows.len(), 3, "the head and two topics");
    assert_eq!(rows[1][1].to_string(), "Verkeersdrempels Dorpsstraat");
    assert_eq!(rows[2][5].to_string(), "actiepunt");
}

#[test]
fn the_agenda_invites_to_the_next_workshop_with_what_to_come_back_to() {
    let (fw, s) = session();
    let o = Options::new(Lang::Nl);
    let md = String::from_utf8(render(&fw, &s, Format::Agenda, None, &o).unwrap()).unwrap();
    assert!(
        md.starts_with("# Agenda bijeenkomst 3 — Wijktafel Noord\n"),
        "{md}"
    );
    assert!(md.contains("## 1. Opening en vaststellen verslag"), "{md}");
    assert!(md.contains("Verslag bijeenkomst 2 ("), "{md}");
    assert!(md.contains("### Actiepunten (open, hele sessie)"), "{md}");
    assert!(
        md.contains("| Bankjes bij de school |"),
        "the action from the parking lot: {md}"
    );
    let park = &md[md.find("### Parkeerplaats").expect("open topics")..];
    assert!(
        park.contains("- Verkeersdrempels Dorpsstraat — ingebracht door Gemeente (Anna)"),
        "{park}"
    );
    assert!(
        !park[..park.find("## 3.").unwrap()].contains("Bankjes"),
        "settled: {park}"
    );
    // the steps of the block from where the agenda resumes, with their open points
    assert!(
        md.contains("- **1.1 Urgentie** — 3 open: 1.1.2, 1.1.3, 1.1.4"),
        "{md}"
    );
    let html = String::from_utf8(render(&fw, &s, Format::AgendaHtml, None, &o).unwrap()).unwrap();
    assert!(html.contains("<h1>Agenda bijeenkomst 3"), "{html}");
}
