//! Attendance as it really was in the minutes (Markdown, HTML), the CSV and
//! the JSON; dissent and stances that agree (issue 14, items 3 and 5).

use jiff::Timestamp;
use jiff::tz::TimeZone;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};

/// 2026-10-12 13:00 UTC plus `min` minutes.
fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

/// Six parties and a seventh that never comes. Zorg (6) arrives at 13:40,
/// halfway through the orientation; Woonstede (2) leaves at 14:30.
fn session() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    for (o, r) in [
        ("Gemeente", "Anna"),
        ("Woonstede", "Bas"),
        ("Politie", "Cor"),
        ("Bewoners", "Dirk"),
        ("School", "Eva"),
        ("Zorg", "Fien"),
        ("Rijk", "Gert"),
    ] {
        s.add_party(o, r, "");
    }
    s.start_workshop(&[1, 2, 3, 4, 5], at(0));
    s.set_status("1.1.1", Status::Consensus, vec![], "", at(10));
    s.set_stance("1.1.2", 3, Stance::Reservations, None, at(20));
    s.set_status("1.1.2", Status::Dissent, vec![3], "geen cijfers", at(21));
    s.set_present(6, true, at(40));
    s.set_status("1.2.5", Status::Consensus, vec![], "", at(45));
    s.set_present(2, false, at(90));
    s.end_workshop(at(120));
    s
}

fn render(s: &Session, f: Format, lang: Lang) -> String {
    let o = Options {
        lang,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    // the minutes of workshop 1; the JSON (always whole) and the CSV (every
    // point, also those not discussed) of the whole session
    let w = match f {
        Format::Json | Format::Csv => None,
        _ => Some(1),
    };
    String::from_utf8(export::render(&Framework::builtin(), s, f, w, &o).unwrap()).unwrap()
}

#[test]
fn the_minutes_say_who_came_later_and_when_who_left_and_who_was_absent() {
    let s = session();
    let md = render(&s, Format::Md, Lang::Nl);
    assert!(
        md.contains(
            "- **Aanwezig:** Gemeente (Anna), Woonstede (Bas, vertrok om 14:30, bij punt 1.1.1), \
             Politie (Cor), Bewoners (Dirk), School (Eva)\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("- **Later gekomen:** Zorg (Fien, kwam om 13:40, bij punt 1.1.1)\n"),
        "{md}"
    );
    assert!(md.contains("- **Afwezig:** Rijk (Gert)\n"), "{md}");

    let html = render(&s, Format::Html, Lang::Nl);
    assert!(
        html.contains(
            "<li><strong>Later gekomen:</strong> Zorg (Fien, kwam om 13:40, bij punt 1.1.1)</li>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<li><strong>Afwezig:</strong> Rijk (Gert)</li>"),
        "{html}"
    );

    let en = render(&s, Format::Md, Lang::En);
    assert!(
        en.contains("- **Arrived later:** Zorg (Fien, arrived at 13:40, at point 1.1.1)\n"),
        "{en}"
    );
    assert!(
        en.contains("Woonstede (Bas, left at 14:30, at point 1.1.1)"),
        "{en}"
    );

    // the JSON holds the log itself
    let json = render(&s, Format::Json, Lang::Nl);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let log = &v["workshops"][0]["attendance_log"];
    assert_eq!(
        (&log[0]["party"], &log[0]["present"]),
        (&6.into(), &true.into())
    );
    assert_eq!(
        (&log[1]["party"], &log[1]["present"]),
        (&2.into(), &false.into())
    );
}

#[test]
fn the_csv_says_absent_for_a_party_that_was_not_there_when_the_point_was_discussed() {
    let s = session();
    let csv = render(&s, Format::Csv, Lang::Nl);
    let row = |id: &str| -> Vec<String> {
        csv.lines()
            .find(|l| l.starts_with(&format!("{id};")))
            .unwrap()
            .split(';')
            .map(|c| c.to_string())
            .collect()
    };
    // columns: id, block, step, point, status, then parties 1–7
    let r = row("1.1.1");
    assert_eq!(r[5 + 5], "afwezig", "Zorg came later: {r:?}");
    assert_eq!(r[5 + 6], "afwezig", "Rijk never came: {r:?}");
    // a consensus point: the parties there said nothing against it (issue 24)
    assert_eq!(r[5], "consensus", "Gemeente was there: {r:?}");
    let r = row("1.2.5");
    assert_eq!(r[5 + 5], "consensus", "Zorg was there: {r:?}");
    assert_eq!(r[5 + 6], "afwezig");
    // the dissenter disagrees, not "agree with reservations"
    let r = row("1.1.2");
    assert_eq!(r[5 + 2], "oneens", "{r:?}");
    assert!(!csv.contains("eens met voorbehoud"), "{csv}");
    let md = render(&s, Format::Md, Lang::Nl);
    // its stance says oneens; the reason is the point's, shown with it (issue 24)
    assert!(md.contains("Politie (Cor): **✖ oneens**\n"), "{md}");
    assert!(
        md.contains("Oneens: Politie (Cor). Reden: geen cijfers"),
        "{md}"
    );
    // a point nobody discussed has nobody absent
    assert_eq!(row("1.1.3")[5 + 6], "niet uitgesproken");
}
