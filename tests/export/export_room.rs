//! The room's words in the documents (issue 24, part A): minutes a
//! secretary need not edit (md and html of a rich session, read for each
//! pattern of item 10), apologies apart from absence (item 6), "consensus"
//! in the CSV for a party that said nothing on a consensus point (item 11)
//! and the dissent reason as the point's, shown once (item 12).

use crate::common;
use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

/// 2026-10-12 13:00 UTC plus `min` minutes.
fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

/// A workshop as the issue saw it: parties with representatives, one that
/// leaves, one that comes later, one afgemeld, one absent; a dissent by two
/// parties of which one changes its mind; a consensus over an "oneens"; a
/// point under a second; a note over two lines; an action made and done in
/// the workshop; a NO-GO with a route of the facilitator's own words.
fn rich() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Havenkwartier", &fw, at(0));
    for (o, r) in [
        ("Gemeente", "Anna"),
        ("Politie", "Bram"),
        ("Jongerenwerk Oost", "Cor"),
        ("GGD Havenstad", "Anne-Marie Koster"),
        ("Ministerie van BZK", "Eva"),
        ("Woonstede", "Fien"),
        ("Scholen", "Gert"),
    ] {
        s.add_party(o, r, "");
    }
    s.start_workshop(&[1, 2, 3, 4, 6], at(0));
    s.set_excused(5, true, true, at(0));
    // 1.1.1: dissent by Politie and Jongerenwerk; Jongerenwerk changes its mind
    s.set_status(
        "1.1.1",
        Status::Dissent,
        vec![2, 3],
        "de cijfers zijn van 2019",
        at(5),
    );
    s.change_stance("1.1.1", 3, Stance::Reservations, None, at(8));
    s.set_stance(
        "1.1.1",
        2,
        Stance::Disagree,
        Some("eigen telling politie"),
        at(9),
    );
    s.points.get_mut("1.1.1").unwrap().seconds = 420;
    // 1.1.2: consensus over Woonstede's "oneens"
    s.change_stance("1.1.2", 6, Stance::Disagree, None, at(12));
    s.set_status("1.1.2", Status::Consensus, vec![], "", at(13));
    s.points.get_mut("1.1.2").unwrap().seconds = 300;
    // 1.1.3: decided in under a second
    s.set_status("1.1.3", Status::Consensus, vec![], "", at(14));
    // 1.1.4: skipped; a note over two lines; an action done at once
    s.set_status(
        "1.1.4",
        Status::Skipped,
        vec![],
        "komt terug in blok 2",
        at(20),
    );
    s.add_note("1.1.4", "eerste regel\ntweede regel", at(21));
    s.add_action("1.1.4", "Cijfers opvragen", Some(4), None, at(22));
    s.set_action_done("1.1.4", 0, true, at(40));
    s.add_action(
        "1.1.4",
        "Planning delen",
        Some(1),
        Some(date(2026, 11, 1)),
        at(23),
    );
    s.set_present(4, false, at(45));
    s.set_present(7, true, at(50));
    // a NO-GO with the facilitator's own route and a revisit date
    let ballots = vec![
        Ballot {
            party: 1,
            choice: Choice::Go,
            reason: String::new(),
        },
        Ballot {
            party: 2,
            choice: Choice::NoGo,
            reason: "eerst de cijfers".into(),
        },
    ];
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Other,
            text: "BZK vraagt eerst een nieuwe wijkanalyse".into(),
            id: None,
        }),
        revisit: Some(date(2027, 1, 20)),
        deferred_because: None,
        ..Default::default()
    };
    let v = Vote::cast(&s, vec![1, 2, 3, 6, 7], ballots, closing, at(60));
    s.votes.push(v);
    s.end_workshop(at(90));
    s
}

fn render(s: &Session, f: Format, workshop: Option<u32>) -> String {
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    let bytes = export::render(&Framework::builtin(), s, f, workshop, &o).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The minutes' text without markup: tags dropped, entities read.
fn plain_html(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
}

#[test]
fn the_minutes_of_a_rich_workshop_need_no_edits() {
    let fw = Framework::builtin();
    let s = rich();
    let md = render(&s, Format::Md, Some(1));
    let html = plain_html(&render(&s, Format::Html, Some(1)));
    for (name, text) in [("md", &md), ("html", &html)] {
        let found = common::edits_needed(text, &fw);
        assert!(found.is_empty(), "{name}:\n{}\n\n{text}", found.join("\n"));
        // each action item once
        for what in ["Cijfers opvragen", "Planning delen"] {
            assert_eq!(text.matches(what).count(), 1, "{name}: {what}\n{text}");
        }
        // a "Tijd" line for every point discussed, also the one under a second
        assert_eq!(text.matches("Tijd:").count(), 1 + 4, "{name}\n{text}");
        // one date format for the revisit date
        assert!(text.contains("20 januari 2027"), "{name}\n{text}");
        assert!(
            !text.contains("2027-01-20") && !text.contains("20-01-2027"),
            "{name}\n{text}"
        );
    }
    // what the issue saw, written once and in one sentence
    assert!(
        md.contains("GGD Havenstad (Anne-Marie Koster, vertrok om 13:45, bij punt 1.1.1)"),
        "{md}"
    );
    assert!(
        md.contains("Vervolgroute:** BZK vraagt eerst een nieuwe wijkanalyse"),
        "{md}"
    );
    assert!(
        md.contains(
            "**Status:** ✖ verschil van mening — Oneens: Politie (Bram). Reden: de cijfers zijn van 2019"
        ),
        "{md}"
    );
    assert!(
        md.contains("eerste regel  \n"),
        "a hard break without \\:\n{md}"
    );
    assert!(
        md.contains("Gesprekspunt 1.1.4: Cijfers opvragen — GGD Havenstad (Anne-Marie Koster), klaar 12 oktober 2026"),
        "{md}"
    );
}

/// The test reads what it says it reads: each pattern is found where it is.
#[test]
fn the_edit_finder_finds_each_pattern() {
    let fw = Framework::builtin();
    for bad in [
        "GGD Havenstad (Anne-Marie Koster) (vertrok om 05:45)",
        "✖ verschil van mening — Oneens: X — reden",
        "Vervolgroute: anders: BZK vraagt",
        "eerste regel\\",
        "Go/no-go en go/no go",
    ] {
        assert_eq!(common::edits_needed(bad, &fw).len(), 1, "{bad}");
    }
}

#[test]
fn apologies_are_listed_apart_from_absence_in_minutes_csv_xlsx_and_json() {
    let s = rich();
    let md = render(&s, Format::Md, Some(1));
    assert!(
        md.contains("- **Afgemeld:** Ministerie van BZK (Eva)\n"),
        "{md}"
    );
    assert!(md.contains("- **Afwezig:** geen\n"), "{md}");
    let html = render(&s, Format::Html, Some(1));
    assert!(
        html.contains("<li><strong>Afgemeld:</strong> Ministerie van BZK (Eva)</li>"),
        "{html}"
    );
    // the CSV: the party's column says afgemeld where it was not there
    let csv = render(&s, Format::Csv, None);
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("1.1.1;"))
        .unwrap()
        .split(';')
        .collect();
    assert_eq!(row[5 + 4], "afgemeld", "{row:?}");
    // the JSON carries the list
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json, None)).unwrap();
    assert_eq!(json["workshops"][0]["excused"], serde_json::json!([5]));
    // the xlsx's attendance sheet: Afgemeld apart from Afwezig
    use calamine::{Reader, Xlsx};
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    let bytes = export::render(&Framework::builtin(), &s, Format::Xlsx, None, &o).unwrap();
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = wb.worksheet_range("Aanwezigheid").unwrap();
    let how = |party: &str| -> String {
        sheet
            .rows()
            .find(|r| r.iter().any(|c| c.to_string().starts_with(party)))
            .map(|r| r[3].to_string())
            .unwrap_or_default()
    };
    assert_eq!(how("Ministerie van BZK"), "Afgemeld");
    assert_eq!(how("Gemeente"), "vanaf het begin");
}

#[test]
fn the_csv_says_consensus_for_a_present_party_without_a_stance_on_a_consensus_point() {
    let s = rich();
    let csv = render(&s, Format::Csv, None);
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("1.1.2;"))
        .unwrap()
        .split(';')
        .collect();
    // Gemeente said nothing: the room agreed
    assert_eq!(row[5], "consensus", "{row:?}");
    assert_eq!(row[5 + 5], "oneens", "Woonstede: {row:?}");
    assert_eq!(row[5 + 4], "afgemeld", "{row:?}");
    // not on a point in dissent
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("1.1.1;"))
        .unwrap()
        .split(';')
        .collect();
    assert_eq!(row[5], "niet uitgesproken", "{row:?}");
}

#[test]
fn the_dissent_reason_is_the_points_and_each_party_keeps_its_own() {
    let s = rich();
    let md = render(&s, Format::Md, Some(1));
    // the point's reason with the point, the party's own where it gave one
    let stance_lines = |md: &str| -> Vec<String> {
        md.lines()
            .filter(|l| l.starts_with("- ") && l.contains(": **"))
            .map(String::from)
            .collect()
    };
    assert!(
        stance_lines(&md)
            .iter()
            .all(|l| !l.contains("de cijfers zijn van 2019")),
        "{md}"
    );
    assert!(
        md.contains("Politie (Bram): **✖ oneens** — eigen telling politie"),
        "{md}"
    );
    assert!(
        md.contains("Jongerenwerk Oost (Cor): **≈ eens met voorbehoud**\n"),
        "{md}"
    );
    // an older file: the point's reason copied into every dissenter's stance
    let mut old = rich();
    let r = old.points.get_mut("1.1.1").unwrap();
    for e in &mut r.stances {
        if e.party == 2 {
            e.reason = "de cijfers zijn van 2019".into();
        }
    }
    let old_md = render(&old, Format::Md, Some(1));
    assert_eq!(
        old_md.matches("de cijfers zijn van 2019").count(),
        md.matches("de cijfers zijn van 2019").count(),
        "{old_md}"
    );
    assert!(
        old_md.contains("Politie (Bram): **✖ oneens**\n"),
        "{old_md}"
    );
    let csv = render(&old, Format::Csv, None);
    assert_eq!(
        csv.matches("de cijfers zijn van 2019").count(),
        1,
        "the point's reason only: {csv}"
    );
}

#[test]
fn the_action_items_csv_says_when_an_item_was_done() {
    let s = rich();
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    let bytes = export::csv_actions(&Framework::builtin(), &s, None, &o).unwrap();
    let csv = String::from_utf8(bytes).unwrap();
    let head = csv.lines().next().unwrap();
    assert!(head.contains("Gedaan;Gedaan op"), "{head}");
    let done = csv
        .lines()
        .find(|l| l.contains("Cijfers opvragen"))
        .unwrap();
    assert!(done.contains(";ja;2026-10-12;"), "{done}");
    let open = csv.lines().find(|l| l.contains("Planning delen")).unwrap();
    assert!(open.contains(";nee;;"), "{open}");
}
