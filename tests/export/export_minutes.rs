//! Minutes a board can sign (issue 15): the decision on page one, the
//! session report with the programme first, dates in words, "loopt nog",
//! a warning mark for consensus over "oneens", and Markdown that renders
//! the same everywhere (no glued bold, no empty head rows, escapes only
//! where needed). Golden files for the new layouts in Markdown and HTML.

use std::path::Path;

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use pulldown_cmark::{Event, Options as MdOptions, Parser};
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::store;
use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

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

fn render(s: &Session, f: Format, w: Option<u32>, lang: Lang) -> String {
    String::from_utf8(export::render(&Framework::builtin(), s, f, w, &opts(lang)).unwrap()).unwrap()
}

fn at(h: i8, m: i8) -> Timestamp {
    date(2026, 11, 16)
        .at(h, m, 0, 0)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// One ended workshop that votes NO-GO: a route, a date to look again, a
/// consensus recorded over a party's "oneens", a note that ends in a
/// newline after a web address, a party with "&" in its name.
fn no_go_session() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Zuidrand", &fw, at(9, 0));
    s.area = "Zuidrand".into();
    s.municipality = "Voorbeeldstad".into();
    s.facilitator = "Anouk de Vries".into();
    let g = s.add_party("Gemeente", "Bram", "gemeente");
    let w = s.add_party("Zorg & Welzijn", "Chantal", "zorg");
    let b = s.add_party("Bewoners_platform", "Dirk", "bewoners");
    s.resume(at(13, 0));
    s.set_stance(
        "1.1.1",
        b,
        Stance::Disagree,
        Some("niet herkend"),
        at(13, 5),
    );
    s.set_status("1.1.1", Status::Consensus, vec![], "", at(13, 10));
    s.add_note(
        "1.1.1",
        "Zie https://voorbeeldstad.nl/wijkmonitor\nen het rapport *2025*\n\n",
        at(13, 12),
    );
    s.set_status(
        "1.1.2",
        Status::Dissent,
        vec![w],
        "eerst de zorgvraag in kaart",
        at(13, 20),
    );
    s.add_action(
        "1.1.2",
        "Zorgvraag in kaart brengen",
        Some(w),
        Some(date(2026, 12, 1)),
        at(13, 25),
    );
    s.set_status(
        "1.1.4",
        Status::Skipped,
        vec![],
        "niet van toepassing",
        at(13, 30),
    );
    let present = s.current_workshop().unwrap().present.clone();
    let ballots = vec![
        Ballot {
            party: g,
            choice: Choice::Go,
            reason: String::new(),
        },
        Ballot {
            party: w,
            choice: Choice::NoGo,
            reason: "de zorgvraag is niet bekend".into(),
        },
        Ballot {
            party: b,
            choice: Choice::Abstain,
            reason: String::new(),
        },
    ];
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Lighter,
            text: String::new(),
            id: None,
        }),
        revisit: Some(date(2027, 3, 1)),
        deferred_because: None,
        ..Default::default()
    };
    let vote = Vote::cast(&s, present, ballots, closing, at(14, 30));
    wijktafel::vote::append(&mut s.votes, vote);
    s.end_workshop(at(14, 45));
    s
}

#[test]
fn golden_files_for_the_new_layouts() {
    let demo = example("demo-de-horst.toml");
    let no_go = no_go_session();
    let nl = Lang::Nl;
    // with a GO (workshop 2 of the demo, not ended)
    insta::assert_snapshot!("minutes_go_md", render(&demo, Format::Md, Some(2), nl));
    insta::assert_snapshot!(
        "minutes_go_html",
        readable(&render(&demo, Format::Html, Some(2), nl))
    );
    // with a NO-GO
    insta::assert_snapshot!("minutes_no_go_md", render(&no_go, Format::Md, Some(1), nl));
    insta::assert_snapshot!(
        "minutes_no_go_html",
        readable(&render(&no_go, Format::Html, Some(1), nl))
    );
    // without a vote (workshop 1 of the demo) and the session report in
    // Markdown: tests/export/export.rs (demo-de-horst_md_w1, _html_w1, _md)
    insta::assert_snapshot!(
        "session_report_html",
        readable(&render(&demo, Format::Html, None, nl))
    );
    insta::assert_snapshot!(
        "minutes_no_go_md_en",
        render(&no_go, Format::Md, Some(1), Lang::En)
    );
}

/// The text a reader sees when pulldown-cmark renders `md` (GFM tables and
/// task lists on): every text event, one per line.
fn rendered_text(md: &str) -> Vec<String> {
    let o = MdOptions::ENABLE_TABLES | MdOptions::ENABLE_TASKLISTS;
    Parser::new_ext(md, o)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

fn every_minutes() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, s) in [
        ("demo", example("demo-de-horst.toml")),
        ("kanaalzone", example("kanaalzone.toml")),
        ("no-go", no_go_session()),
        ("demo-3", wijktafel::demo::build(&Framework::builtin(), 3)),
    ] {
        for lang in [Lang::Nl, Lang::En] {
            let mut ws: Vec<Option<u32>> = s.workshops.iter().map(|w| Some(w.number)).collect();
            ws.push(None);
            for w in ws {
                out.push((
                    format!("{name} {w:?} {lang:?}"),
                    render(&s, Format::Md, w, lang),
                ));
            }
        }
    }
    out
}

#[test]
fn pulldown_cmark_shows_no_literal_asterisks_or_stray_backslashes() {
    for (name, md) in every_minutes() {
        for text in rendered_text(&md) {
            assert!(!text.contains("**"), "{name}: literal ** in {text:?}\n{md}");
            assert!(!text.contains('\\'), "{name}: stray \\ in {text:?}\n{md}");
        }
        // bold labels are closed before their value
        for line in md.lines() {
            if let Some(i) = line.find(":**") {
                let after = &line[i + 3..];
                assert!(
                    after.is_empty() || after.starts_with(' '),
                    "{name}: glued bold label in {line:?}"
                );
            }
        }
    }
}

#[test]
fn no_table_has_an_empty_head_row() {
    for (name, md) in every_minutes() {
        for line in md.lines() {
            if line.starts_with('|') {
                let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
                assert!(
                    cells.iter().any(|c| !c.trim().is_empty()),
                    "{name}: empty row {line:?}"
                );
            }
        }
        assert!(!md.contains("|  |  |"), "{name}");
    }
}

#[test]
fn escapes_only_where_needed() {
    let s = no_go_session();
    let md = render(&s, Format::Md, Some(1), Lang::Nl);
    assert!(md.contains("Zorg & Welzijn (Chantal)"), "{md}");
    assert!(!md.contains("\\&"), "{md}");
    assert!(md.contains("Bewoners_platform (Dirk)"), "{md}");
    // the note: its emphasis escaped, its line break two spaces (no `\`
    // to remove, issue 24), its trailing newlines gone
    assert!(
        md.contains(
            "- Zie https://voorbeeldstad.nl/wijkmonitor  \n  en het rapport \\*2025\\*\n\n"
        ),
        "{md}"
    );
    // and it reads as written
    let text = rendered_text(&md).concat();
    assert!(text.contains("en het rapport *2025*"), "{text}");
    assert!(text.contains("Zorg & Welzijn"), "{text}");
}

#[test]
fn workshop_minutes_put_the_decision_on_page_one() {
    let s = no_go_session();
    let md = render(&s, Format::Md, Some(1), Lang::Nl);
    let pos = |needle: &str| {
        md.find(needle)
            .unwrap_or_else(|| panic!("{needle:?}\n{md}"))
    };
    // the head: session, neighbourhood, date in words, time, facilitator, attendance
    for needle in [
        "- **Sessie:** Zuidrand\n",
        "- **Wijk:** Zuidrand\n",
        "- **Datum:** 16 november 2026\n",
        "- **Tijd:** 13:00–14:45\n",
        "- **Procesbegeleider:** Anouk de Vries\n",
        "- **Aanwezig:** Gemeente (Bram), Zorg & Welzijn (Chantal), Bewoners_platform (Dirk)\n",
        "- **Afwezig:** geen\n",
    ] {
        pos(needle);
    }
    // the decision
    let decision = pos("## Besluit");
    for needle in [
        "- **Uitkomst:** **▼ NO-GO**",
        "- **Telling:** Go 1 · No-go 1 · Onthouding 1 · afwezig 0",
        "- **Beslisregel:** consensus",
        "- **Vervolgroute:** Een lichtere gebiedsgerichte aanpak (gericht op preventie)",
        "- **Opnieuw bekijken:** 1 maart 2027",
    ] {
        assert!(pos(needle) > decision, "{needle}");
    }
    // the counts, open dissent, the action items: all before the points
    let counts = pos("## Gesprekspunten in deze bijeenkomst");
    pos("- **✔ consensus:** 1\n- **✖ verschil van mening:** 1\n- **↷ overgeslagen:** 1\n");
    let dissent = pos("## Verschillen van mening (open, hele sessie)");
    let new_actions = pos("## Actiepunten uit deze bijeenkomst");
    pos(
        "- ☐ Gesprekspunt 1.1.2: Zorgvraag in kaart brengen — Zorg & Welzijn (Chantal), uiterlijk 1 december 2026",
    );
    let open = pos("## Actiepunten (open, uit eerdere bijeenkomsten)");
    let points = pos("## Besproken gesprekspunten");
    let ballots = pos("## Go/no-go — ▼ NO-GO");
    assert!(decision < counts && counts < dissent && dissent < new_actions);
    assert!(new_actions < open && open < points && points < ballots);
    // page one ends before the points
    assert!(md[open..points].contains("\n---\n"), "{md}");
    // headings: the step, then its points a level deeper
    let step = pos("### Blok 1 · 1.1 Urgentie\n");
    assert!(step > points && pos("#### Gesprekspunt 1.1.1\n") > step);

    // without a vote
    let demo = example("demo-de-horst.toml");
    let w1 = render(&demo, Format::Md, Some(1), Lang::Nl);
    let d = w1
        .find("## Besluit\n\nGeen stemming in deze bijeenkomst.")
        .expect(&w1);
    assert!(d < w1.find("## Besproken gesprekspunten").unwrap());
    let en = render(&demo, Format::Md, Some(1), Lang::En);
    assert!(
        en.contains("## Decision\n\nNo vote in this workshop."),
        "{en}"
    );
}

#[test]
fn dates_in_prose_are_written_out() {
    assert_eq!(Lang::Nl.date_long(date(2026, 10, 12)), "12 oktober 2026");
    assert_eq!(Lang::En.date_long(date(2026, 10, 12)), "12 October 2026");
    assert_eq!(Lang::Nl.date_long(date(2027, 3, 1)), "1 maart 2027");
    // no ISO date anywhere in the Dutch minutes
    let iso = |text: &str| {
        text.as_bytes().windows(10).any(|w| {
            w.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            })
        })
    };
    for (name, md) in every_minutes() {
        if name.ends_with("Nl") {
            assert!(!iso(&md), "{name}: an ISO date in\n{md}");
        }
    }
}

#[test]
fn a_workshop_not_ended_says_so() {
    let demo = example("demo-de-horst.toml");
    let md = render(&demo, Format::Md, Some(2), Lang::Nl);
    assert!(md.contains("- **Tijd:** 13:00, loopt nog\n"), "{md}");
    assert!(!md.contains("13:00–\n") && !md.contains("13:00– "), "{md}");
    let en = render(&demo, Format::Md, Some(2), Lang::En);
    assert!(en.contains("- **Time:** 13:00, still running\n"), "{en}");
}

#[test]
fn consensus_over_oneens_carries_a_warning_mark() {
    let s = no_go_session();
    let md = render(&s, Format::Md, Some(1), Lang::Nl);
    let warning =
        "**⚠ Let op:** consensus vastgelegd ondanks “oneens” van Bewoners_platform (Dirk)";
    // at the point, right under its status
    assert!(
        md.contains(&format!("**Status:** ✔ consensus\n\n{warning}\n")),
        "{md}"
    );
    // and on page one, with the point
    let page_one = &md[..md.find("## Besproken gesprekspunten").unwrap()];
    assert!(
        page_one.contains(
            "**⚠ Let op:** Gesprekspunt 1.1.1: consensus vastgelegd ondanks “oneens” van Bewoners_platform (Dirk)"
        ),
        "{page_one}"
    );
    let html = render(&s, Format::Html, Some(1), Lang::Nl);
    assert!(
        html.contains("<p class=\"warning\"><strong>⚠ Let op:</strong> consensus vastgelegd"),
        "{html}"
    );
    let en = render(&s, Format::Md, Some(1), Lang::En);
    assert!(
        en.contains(
            "**⚠ Warning:** consensus recorded despite “disagree” from Bewoners_platform (Dirk)"
        ),
        "{en}"
    );
    // a consensus without "oneens" has none
    let demo = example("kanaalzone.toml");
    assert!(!render(&demo, Format::Md, Some(1), Lang::Nl).contains("⚠ Let op"));
}

#[test]
fn the_session_report_opens_with_the_programme() {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 12);
    let md = render(&s, Format::Md, None, Lang::Nl);
    let programme = md.find("## Programma-overzicht").expect(&md);
    let first_workshop = md.find("## Bijeenkomst 1 — ").expect(&md);
    assert!(programme < first_workshop);
    let head = &md[programme..first_workshop];
    // one row per block, the open points counted
    assert!(
        head.contains("| Blok | Punten | Vastgelegd | ✔ consensus | ✖ verschil van mening | ↷ overgeslagen | ○ open |"),
        "{head}"
    );
    for blk in &fw.blocks {
        assert!(
            head.contains(&format!("| {} {} |", blk.id, blk.title)),
            "{head}"
        );
    }
    assert!(
        !head.contains("○ open |\n|---|---|---|---|\n"),
        "no table of points"
    );
    assert!(!md.contains("## Stand van alle gesprekspunten"));
    // every vote, with its date and outcome, before the workshops
    assert!(!s.votes.is_empty());
    for v in &s.votes {
        let line = format!("** {} {} — ", v.outcome.symbol(), v.outcome.word(Lang::Nl));
        assert!(head.contains(&line), "{line} in\n{head}");
    }
    let votes = &head[head.find("### Stemmingen").unwrap()..];
    let votes = &votes[..votes[4..].find("###").unwrap() + 4];
    assert_eq!(
        votes.lines().filter(|l| l.starts_with("- **")).count(),
        s.votes.len(),
        "{votes}"
    );
    // the ones a later vote replaced say so; the last does not
    assert_eq!(
        votes.matches("vervangen door een latere stemming").count(),
        s.votes.len() - 1,
        "{votes}"
    );
    for needle in [
        "### Stemmingen",
        "### Verschillen van mening (open, hele sessie)",
        "### Actiepunten (open, hele sessie)",
    ] {
        assert!(head.contains(needle), "{needle} in\n{head}");
    }
    // a section per workshop, each starting a page, without a lone
    // "Bijeenkomsten" heading
    for w in &s.workshops {
        let h = format!(
            "---\n\n## Bijeenkomst {} — {}\n",
            w.number,
            Lang::Nl.date_long(w.date)
        );
        assert!(md.contains(&h), "{h}");
    }
    assert!(!md.contains("## Bijeenkomsten\n"));
}

#[test]
fn old_minutes_texts_stay_in_html_too() {
    // the labelled fields render as a list in HTML: no table without a head
    let s = no_go_session();
    let html = render(&s, Format::Html, Some(1), Lang::Nl);
    assert!(
        html.contains(
            "<li><strong>Datum:</strong> <span class=\"nw\">16\u{a0}november\u{a0}2026</span></li>"
        ),
        "{html}"
    );
    assert!(!html.contains("<td><strong>Datum</strong></td>"), "{html}");
}

/// The export of a 40-workshop session in every format stays under 150 ms
/// (release build: `cargo test --release --test export export_minutes::export_of_40`).
#[test]
#[cfg_attr(debug_assertions, ignore = "timed in a release build")]
fn export_of_40_workshops_is_fast_in_every_format() {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 40);
    for f in [Format::Md, Format::Html, Format::Json, Format::Csv] {
        for w in [None, Some(40)] {
            let mut times = Vec::new();
            for _ in 0..7 {
                let t = std::time::Instant::now();
                let out = export::render(&fw, &s, f, w, &opts(Lang::Nl)).unwrap();
                times.push(t.elapsed());
                assert!(!out.is_empty());
            }
            times.sort();
            let median = times[times.len() / 2];
            eprintln!("export {f:?} {w:?}: median {median:?}");
            assert!(median.as_millis() < 150, "{f:?} {w:?} took {median:?}");
        }
    }
}

/// Texts that are harmless now that fewer characters are escaped, and
/// texts that must still be escaped.
const TRICKY: [&str; 9] = [
    "Zorg & Welzijn, wijk_team, a > b!",
    "&copy; &#38; &amp;",
    "a | b\n:--|:--",
    "_nadruk_ en __sterk__",
    "C:\\map\\ en eind\\",
    "zie https://x.nl/a\nen www.y.nl\n",
    "![beeld](x) [link]: http://x",
    "regel\n\n\n- lijst\n> citaat\n",
    "~~weg~~ ~x~ <b>",
];

/// A session whose texts (facilitator, a party, a note, an action, reasons,
/// the vote's route) hold `text`.
fn session_with(text: &str) -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Sessie", &fw, at(9, 0));
    s.facilitator = format!("Begeleider {text}");
    let a = s.add_party(&format!("Org {text}"), "Rep", "d");
    let b = s.add_party("Tweede", "Iemand", "d");
    s.resume(at(13, 0));
    s.set_stance("1.1.1", b, Stance::Disagree, Some(text), at(13, 1));
    s.set_status("1.1.1", Status::Consensus, vec![], "", at(13, 2));
    s.set_status("1.1.2", Status::Dissent, vec![a], text, at(13, 3));
    s.add_note("1.1.2", &format!("notitie {text}"), at(13, 4));
    s.add_action("1.1.2", text, Some(a), None, at(13, 5));
    let present = s.current_workshop().unwrap().present.clone();
    let ballots = vec![Ballot {
        party: a,
        choice: Choice::NoGo,
        reason: text.to_string(),
    }];
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Other,
            text: text.to_string(),
            id: None,
        }),
        revisit: None,
        deferred_because: None,
        ..Default::default()
    };
    let vote = Vote::cast(&s, present, ballots, closing, at(14, 0));
    wijktafel::vote::append(&mut s.votes, vote);
    s
}

/// The structure of a Markdown document as pulldown-cmark reads it.
fn structure(md: &str) -> Vec<String> {
    let o =
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_TASKLISTS | MdOptions::ENABLE_STRIKETHROUGH;
    Parser::new_ext(md, o)
        .filter_map(|e| match e {
            Event::Start(tag) => Some(format!("start {tag:?}").chars().take(30).collect()),
            Event::End(end) => Some(format!("end {end:?}")),
            Event::Html(h) | Event::InlineHtml(h) => Some(format!("html {h}")),
            Event::Code(c) => Some(format!("code {c}")),
            _ => None,
        })
        .collect()
}

#[test]
fn fewer_escapes_still_keep_user_text_from_changing_the_structure() {
    let fw = Framework::builtin();
    for text in TRICKY {
        let benign: String = text
            .chars()
            .map(|c| if c == '\n' { '\n' } else { 'x' })
            .collect();
        for w in [Some(1), None] {
            let o = opts(Lang::Nl);
            let bad = export::markdown(&fw, &session_with(text), w, &o).unwrap();
            let good = export::markdown(&fw, &session_with(&benign), w, &o).unwrap();
            assert_eq!(
                structure(&bad),
                structure(&good),
                "structure changed by {text:?}:\n{bad}"
            );
            // and what was typed is what a reader sees (line breaks aside)
            let seen: String = rendered_text(&bad).concat();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                assert!(seen.contains(line.trim()), "lost {line:?} in\n{seen}");
            }
            // no backslash the user did not type, no escape where none is needed
            if !text.contains('\\') {
                assert!(!seen.contains('\\'), "stray \\ in\n{seen}");
            }
            if !text.contains(';') {
                assert!(!bad.contains("\\&"), "needless escape in\n{bad}");
            }
        }
    }
}

/// The minutes name the chosen NO-GO route in the framework's words, and a
/// municipality's own framework file words it its own way.
#[test]
fn the_minutes_show_the_chosen_route_in_the_frameworks_words() {
    let s = no_go_session();
    let fw = Framework::builtin();
    let seed = fw.route_text("lighter").unwrap();
    assert!(seed.contains("elementen uit de initiatief- en ontwerpfase"));
    for lang in [Lang::Nl, Lang::En] {
        let md = render(&s, Format::Md, Some(1), lang);
        assert!(md.contains(seed), "{lang:?}: {md}");
        // not the program's own shorter word for it
        assert!(!md.contains(lang.strings().route_lighter), "{lang:?}");
    }
    let own = wijktafel::framework::DEFAULT_TOML.replacen(
        "text = \"Een lichtere gebiedsgerichte aanpak",
        "text = \"Wijkprogramma light, zoals in Noord",
        1,
    );
    assert_ne!(own, wijktafel::framework::DEFAULT_TOML);
    let fw = Framework::parse(&own, "eigen.toml").unwrap();
    let md =
        String::from_utf8(export::render(&fw, &s, Format::Md, Some(1), &opts(Lang::Nl)).unwrap())
            .unwrap();
    assert!(md.contains("Wijkprogramma light, zoals in Noord"), "{md}");
    assert!(!md.contains(seed));
}

/// "Actiepunten (open, uit eerdere bijeenkomsten)" in the minutes of
/// workshop 30 of 40 lists the open items of workshops 1–29 only: the
/// minutes written later listed those of workshops 31–40 there too.
#[test]
fn earlier_open_actions_are_of_earlier_workshops_only() {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 40);
    let later = s
        .open_actions()
        .iter()
        .filter(|(_, a)| a.workshop > 30)
        .count();
    assert!(later > 0, "the demo has open items of later workshops");
    let md =
        String::from_utf8(export::render(&fw, &s, Format::Md, Some(30), &opts(Lang::Nl)).unwrap())
            .unwrap();
    let heading = "## Actiepunten (open, uit eerdere bijeenkomsten)\n";
    let section = &md[md.find(heading).expect(&md) + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    // (before the change: the later workshops' items, here)
    let rows: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with("|---"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(rows.is_empty() == section.contains("geen"), "{section}");
    for row in &rows {
        let from: u32 = row.split('|').nth(4).unwrap().trim().parse().expect(row);
        assert!(from < 30, "{row}");
    }
}

/// A vote deferred after a ballot was cast gives its reason in the list of
/// every vote, as a deferral without ballots does, with the ballots
/// counted after it (the list gave the count alone).
#[test]
fn a_deferral_with_ballots_gives_its_reason_in_the_list_of_votes() {
    let mut s = no_go_session();
    let a = s.active_parties().next().unwrap().id;
    let ballots = vec![Ballot {
        party: a,
        choice: Choice::NoGo,
        reason: "eerst de cijfers".into(),
    }];
    let closing = Closing {
        deferred_because: Some("nog steeds niet klaar".into()),
        deferred_by_room: true,
        ..Closing::default()
    };
    let v = Vote::cast(&s, vec![a], ballots, closing, at(15, 0));
    s.votes.push(v);
    let md = render(&s, Format::Md, None, Lang::Nl);
    let line = md
        .lines()
        .find(|l| l.starts_with("- ") && l.contains("UITGESTELD"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains("nog steeds niet klaar"), "{line}");
    assert!(line.contains("No-go 1"), "{line}");
}
