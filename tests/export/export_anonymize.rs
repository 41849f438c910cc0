//! `--anonymize` on whole words, in all four formats (issue 15, item 3):
//! a representative called "Ad" leaves "Advies" alone, the facilitator is
//! covered, a first name or surname standing alone is replaced.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};

fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

/// A URL of 300 characters with "Advies" and "ad" in it, but no name.
fn long_url() -> String {
    let url = format!(
        "https://voorbeeld.invalid/Adviesraad?ad=1&q={}",
        "a".repeat(256)
    );
    assert_eq!(url.chars().count(), 300);
    url
}

fn session() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(0));
    s.facilitator = "Lotte Visser".into();
    let g = s.add_party("Gemeente Voorbeeldstad", "Ad", "");
    let m = s.add_party("Moskee Al Amal", "Ömer el Idrissi", "");
    let h = s.add_party("Huurdersvereniging", "Gert-Jan de Boer", "");
    let w = s.add_party("Woonstichting De Linde", "Linde Jansen", "");
    s.start_workshop(&[g, m, h, w], at(0));
    s.set_stance(
        "1.1.1",
        m,
        Stance::Disagree,
        Some("Idrissi: eerst de cijfers"),
        at(1),
    );
    s.set_status(
        "1.1.1",
        Status::Dissent,
        vec![m],
        "Ömer wil eerst het Advies van de Adviesraad",
        at(2),
    );
    s.add_note(
        "1.1.1",
        &format!(
            "Advies van de Adviesraad, zegt Ad; ad hoc.\nGert-Jan en El Idrissi eens; \
             Lotte vat samen, Visser noteert; de boer op de markt; Woonstichting De Linde \
             en Linde.\n{}",
            long_url()
        ),
        at(3),
    );
    s.add_action("1.1.1", "=Ad belt Jansen", Some(g), None, at(4));
    s.end_workshop(at(60));
    s
}

fn render(s: &Session, f: Format) -> String {
    let o = Options {
        lang: Lang::Nl,
        anonymize: true,
        tz: TimeZone::UTC,
    };
    String::from_utf8(export::render(&Framework::builtin(), s, f, None, &o).unwrap()).unwrap()
}

/// The words of a text: runs of letters, digits and hyphens.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn names_are_replaced_as_whole_words_in_all_four_formats() {
    let s = session();
    for f in [Format::Md, Format::Html, Format::Json, Format::Csv] {
        let out = render(&s, f);
        let ws = words(&out);
        for name in [
            "Ad", "Ömer", "Idrissi", "Gert-Jan", "Boer", "Lotte", "Visser", "Jansen",
        ] {
            assert!(!ws.contains(&name), "{name} in {f:?}:\n{out}");
        }
        // the text around the names is whole
        for kept in [
            "Advies van de Adviesraad",
            "ad hoc",
            "de boer op de markt",
            "Woonstichting De Linde en Woonstichting De Linde",
            "Huurdersvereniging en Moskee Al Amal eens",
            "Procesbegeleider vat samen, Procesbegeleider noteert",
        ] {
            assert!(out.contains(kept), "{kept:?} not in {f:?}:\n{out}");
        }
        assert!(!out.contains("Voorbeeldstadvies"), "{f:?}");
        // the URL whole (Markdown and HTML escape its `?` and `&`)
        if matches!(f, Format::Csv | Format::Json) {
            assert!(out.contains(&long_url()), "the URL whole in {f:?}");
        } else {
            assert!(out.contains("voorbeeld.invalid/Adviesraad"), "{f:?}");
            assert!(out.contains(&"a".repeat(256)), "{f:?}");
        }
    }
}

#[test]
fn the_anonymized_csv_is_neutralised_too() {
    let s = session();
    let fw = Framework::builtin();
    let o = Options {
        lang: Lang::Nl,
        anonymize: true,
        tz: TimeZone::UTC,
    };
    let bytes = export::csv_actions(&fw, &s, None, &o).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("\u{2060}=Gemeente Voorbeeldstad belt Woonstichting De Linde;"),
        "{text}"
    );
    assert!(text.contains(";Gemeente Voorbeeldstad;"), "{text}");
    let points = render(&s, Format::Csv);
    assert!(
        points.contains("Moskee Al Amal wil eerst het Advies van de Adviesraad"),
        "{points}"
    );
    assert!(points.contains("Moskee Al Amal: Moskee Al Amal: eerst de cijfers"));
}

#[test]
fn the_facilitator_field_is_covered() {
    let s = session();
    let md = render(&s, Format::Md);
    assert!(
        md.contains("- **Procesbegeleider:** Procesbegeleider\n"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_str(&render(&s, Format::Json)).unwrap();
    assert_eq!(json["facilitator"], "Procesbegeleider");
    assert_eq!(
        json["parties"][0]["representative"],
        "Gemeente Voorbeeldstad"
    );
}
