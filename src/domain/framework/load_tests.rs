use super::super::{DEFAULT_TOML, Framework, FrameworkErrorKind};

fn kind(text: &str) -> FrameworkErrorKind {
    Framework::parse(text, "t.toml").unwrap_err().kind
}

fn err(text: &str) -> String {
    Framework::parse(text, "t.toml").unwrap_err().to_string()
}

fn replace(from: &str, to: &str) -> String {
    assert!(DEFAULT_TOML.contains(from), "{from}");
    DEFAULT_TOML.replacen(from, to, 1)
}

/// The asset without the decision step's route tables, with `instead`
/// in their place.
fn without_routes(instead: &str) -> String {
    let start = DEFAULT_TOML.find("[[blocks.steps.routes]]").unwrap();
    let end = DEFAULT_TOML
        .find("[[blocks.steps.points]]\nid = \"1.5.1\"")
        .unwrap();
    format!(
        "{}{instead}{}",
        &DEFAULT_TOML[..start],
        &DEFAULT_TOML[end..]
    )
}

/// The framework's own guidance (first top-level `guidance = """ … """`).
fn top_guidance() -> (usize, usize) {
    let start = DEFAULT_TOML.find("\nguidance = \"\"\"").unwrap() + 1;
    let end = start + DEFAULT_TOML[start..].find("\n\"\"\"\n").unwrap() + 5;
    (start, end)
}

#[test]
fn the_builtin_has_guidance_routes_and_the_pulse_question() {
    let fw = Framework::builtin();
    assert!(fw.guidance.contains("niet is bedoeld als voorschrijvend"));
    assert!(fw.guidance.contains("stappen over te slaan"));
    assert!(fw.blocks[0].guidance.contains("tabula rasa"));
    assert!(fw.blocks[1].guidance.contains("change agent"));
    assert!(fw.blocks[3].guidance.contains("op de radar"));
    assert!(fw.blocks.iter().all(|b| !b.guidance.is_empty()));
    let ids: Vec<&str> = fw.no_go_routes().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["lighter", "neighbourhood", "sectoral", "community"]);
    assert_eq!(
        fw.route_text("community"),
        Some("Investeren in community building")
    );
    assert_eq!(fw.route_text("other"), None);
    assert!(fw.pulse_question().unwrap().contains("vinger aan de pols"));
    // every route the framework names is one a session can store
    for r in fw.no_go_routes() {
        assert!(
            crate::vote::Route::ALL
                .iter()
                .any(|v| v.id() == Some(&r.id)),
            "{}",
            r.id
        );
    }
    // only the decision step has routes
    let with_routes = fw
        .blocks
        .iter()
        .flat_map(|b| &b.steps)
        .filter(|s| !s.routes.is_empty() || s.pulse.is_some())
        .count();
    assert_eq!(with_routes, 1);
}

#[test]
fn guidance_missing_empty_or_misspelt_is_refused() {
    let (start, end) = top_guidance();
    let missing = format!("{}{}", &DEFAULT_TOML[..start], &DEFAULT_TOML[end..]);
    assert!(matches!(kind(&missing), FrameworkErrorKind::Syntax(m) if m.contains("guidance")));
    let empty = format!(
        "{}guidance = \"  \"\n{}",
        &DEFAULT_TOML[..start],
        &DEFAULT_TOML[end..]
    );
    assert_eq!(
        kind(&empty),
        FrameworkErrorKind::Empty {
            what: "guidance".into()
        }
    );
    let misspelt = replace("\nguidance = \"\"\"", "\nguidence = \"\"\"");
    assert!(err(&misspelt).contains("guidence"), "{}", err(&misspelt));
    // a block's guidance: missing and empty
    let block = replace("activities = []\n", "activities = []\nguidance = \"\"\n");
    // two guidance keys in one table is a TOML error; replace the block's own
    let b1 = DEFAULT_TOML.find("activities = []\n").unwrap();
    let g = b1 + DEFAULT_TOML[b1..].find("guidance = \"\"\"").unwrap();
    let ge = g + DEFAULT_TOML[g..].find("\n\"\"\"\n").unwrap() + 5;
    let no_block = format!("{}{}", &DEFAULT_TOML[..g], &DEFAULT_TOML[ge..]);
    let e = err(&no_block);
    assert!(e.contains("guidance") && e.starts_with("t.toml:"), "{e}");
    assert!(matches!(kind(&block), FrameworkErrorKind::Syntax(m) if m.contains("duplicate")));
    let empty_block = format!(
        "{}guidance = \"\"\n{}",
        &DEFAULT_TOML[..g],
        &DEFAULT_TOML[ge..]
    );
    assert_eq!(
        kind(&empty_block),
        FrameworkErrorKind::Empty {
            what: "guidance (1)".into()
        }
    );
}

#[test]
fn routes_missing_empty_duplicate_or_blank_are_refused() {
    assert_eq!(
        kind(&without_routes("")),
        FrameworkErrorKind::NoRoutes { step: "1.5".into() }
    );
    let empty = without_routes("").replacen("pulse = ", "routes = []\npulse = ", 1);
    assert_eq!(
        kind(&empty),
        FrameworkErrorKind::NoRoutes { step: "1.5".into() }
    );
    let e = err(&empty);
    assert!(e.starts_with("t.toml:") && e.contains("1.5"), "{e}");
    let dup = replace("id = \"sectoral\"", "id = \"lighter\"");
    assert_eq!(
        kind(&dup),
        FrameworkErrorKind::DuplicateId("lighter".into())
    );
    let blank = replace(
        "text = \"Versterking van het wijkgericht werken\"",
        "text = \" \"",
    );
    assert_eq!(
        kind(&blank),
        FrameworkErrorKind::Empty {
            what: "route text (1.5, neighbourhood)".into()
        }
    );
    let no_id = replace("id = \"community\"\n", "");
    assert!(matches!(kind(&no_id), FrameworkErrorKind::Syntax(m) if m.contains("id")));
    let unknown = replace(
        "id = \"community\"\n",
        "id = \"community\"\nlabel = \"x\"\n",
    );
    assert!(matches!(kind(&unknown), FrameworkErrorKind::Syntax(m) if m.contains("label")));
    // a route id that is not one of the program's still loads: the
    // vote offers "other" for what it does not know
    let own = replace("id = \"community\"", "id = \"buurtbudget\"");
    assert_eq!(
        Framework::parse(&own, "t.toml")
            .unwrap()
            .route_text("buurtbudget"),
        Some("Investeren in community building")
    );
}

#[test]
fn the_pulse_question_missing_or_empty_is_refused() {
    let line =
        "pulse = \"Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?\"\n";
    assert_eq!(
        kind(&replace(line, "")),
        FrameworkErrorKind::Empty {
            what: "pulse (1.5)".into()
        }
    );
    assert_eq!(
        kind(&replace(line, "pulse = \"\"\n")),
        FrameworkErrorKind::Empty {
            what: "pulse (1.5)".into()
        }
    );
}

#[test]
fn routes_or_a_pulse_question_elsewhere_are_refused() {
    let stray = replace(
        "refs = [\"3.2\"]\n",
        "refs = [\"3.2\"]\npulse = \"Houden we de vinger aan de pols?\"\n",
    );
    assert_eq!(
        kind(&stray),
        FrameworkErrorKind::NotDecision { step: "1.1".into() }
    );
    let not_decision = replace("decision = \"go_no_go\"\n", "");
    assert_eq!(
        kind(&not_decision),
        FrameworkErrorKind::NotDecision { step: "1.5".into() }
    );
}

// ---------------------------------------------------------------------------
// The decision step names its own question; exactly one; texts capped;
// messages in the interface's language with a place (issue 31)
// ---------------------------------------------------------------------------

use super::super::{FrameworkError, MAX_FILE_BYTES};
use super::MAX_TEXT_CHARS;
use crate::i18n::Lang;

fn error(text: &str) -> FrameworkError {
    Framework::parse(text, "t.toml").unwrap_err()
}

#[test]
fn a_second_decision_step_is_refused_where_it_is() {
    let header = "id = \"2.1\"\ntitle = \"Lokale coalitie\"\n";
    let two = replace(header, &format!("{header}decision = \"go_no_go\"\n"));
    let e = error(&two);
    assert_eq!(
        e.kind,
        FrameworkErrorKind::TwoDecisions {
            first: "1.5".into(),
            second: "2.1".into()
        }
    );
    // the line of step 2.1's added `decision`, at its value
    let want = DEFAULT_TOML[..DEFAULT_TOML.find(header).unwrap()]
        .lines()
        .count()
        + 3;
    assert_eq!((e.line, e.column), (want, 12), "{}", e.message(Lang::Nl));
    assert!(e.message(Lang::Nl).contains("tweede go/no-go-stap"));
    // none at all
    let none = without_routes("")
        .replacen("decision = \"go_no_go\"\n", "", 1)
        .replacen(
            "pulse = \"Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?\"\n",
            "",
            1,
        );
    let e = error(&none);
    assert_eq!(e.kind, FrameworkErrorKind::NoDecision);
    assert!(
        e.line > 0 && e.message(Lang::En).contains("exactly one step"),
        "{}",
        e.message(Lang::En)
    );
}

#[test]
fn the_vote_question_comes_from_the_decision_step() {
    let fw = Framework::builtin();
    assert_eq!(fw.vote_question(Lang::Nl), Lang::Nl.strings().vote_question);
    assert_eq!(fw.vote_question(Lang::En), Lang::En.strings().vote_question);
    let own = replace(
        "decision = \"go_no_go\"\n",
        "decision = \"go_no_go\"\nquestion = \"Gaan we door?\"\n",
    );
    let fw = Framework::parse(&own, "t.toml").unwrap();
    assert_eq!(fw.vote_question(Lang::En), "Gaan we door?");
    assert!(fw.to_markdown(Lang::Nl).contains("**Gaan we door?**"));
    let stray = replace(
        "refs = [\"3.2\"]\n",
        "refs = [\"3.2\"]\nquestion = \"Gaan we door?\"\n",
    );
    assert_eq!(
        kind(&stray),
        FrameworkErrorKind::NotDecision { step: "1.1".into() }
    );
    let empty = replace(
        "decision = \"go_no_go\"\n",
        "decision = \"go_no_go\"\nquestion = \" \"\n",
    );
    assert!(matches!(kind(&empty), FrameworkErrorKind::Empty { .. }));
}

#[test]
fn a_text_above_the_cap_is_refused_at_its_place() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let text = replace(
        "text = \"Investeren in community building\"",
        &format!("text = \"{long}\""),
    );
    let e = error(&text);
    assert!(matches!(&e.kind, FrameworkErrorKind::TooLong { max, .. } if *max == MAX_TEXT_CHARS));
    assert!(e.line > 1, "{}", e.message(Lang::Nl));
    assert!(e.message(Lang::Nl).contains("langer dan 20000 tekens"));
    // the cap itself is fine
    let at_cap = replace(
        "text = \"Investeren in community building\"",
        &format!("text = \"{}\"", "x".repeat(MAX_TEXT_CHARS)),
    );
    assert!(Framework::parse(&at_cap, "t.toml").is_ok());
    // and far above every text of the built-in framework
    let fw = Framework::builtin();
    let longest = fw
        .iter_points()
        .map(|(_, _, p)| p.text.chars().count())
        .chain(fw.blocks.iter().map(|b| b.guidance.chars().count()))
        .chain([fw.guidance.chars().count()])
        .max()
        .unwrap();
    assert!(longest * 5 < MAX_TEXT_CHARS, "{longest}");
}

#[test]
fn parser_messages_are_dutch_with_a_place() {
    let misspelt = replace("title = \"Urgentie\"", "titel = \"Urgentie\"");
    let m = error(&misspelt).message(Lang::Nl);
    assert!(
        m.starts_with("t.toml:") && m.contains("onbekend veld `titel`"),
        "{m}"
    );
    assert!(m.contains("`title`"), "{m}");
    let float = replace("version = \"2022.2\"", "version = 2022.2");
    let m = error(&float).message(Lang::Nl);
    assert!(
        m.contains("kommagetal") && m.contains("verwacht tekst"),
        "{m}"
    );
    let en = error(&float).message(Lang::En);
    assert!(en.contains("floating point"), "{en}");
    let table = replace("[[blocks]]\n", "[blocks]\n");
    let m = error(&table).message(Lang::Nl);
    assert!(m.starts_with("t.toml:"), "{m}");
    assert!(!m.contains("duplicate") && !m.contains("invalid"), "{m}");
    assert!(m.contains("`blocks`") && m.contains("twee keer"), "{m}");
}

#[test]
fn unreadable_files_are_named_in_the_interfaces_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("weg.toml");
    let e = Framework::load(&missing).unwrap_err();
    let m = e.message(Lang::Nl);
    assert!(m.contains("weg.toml") && m.contains("bestaat niet"), "{m}");
    assert!(!m.contains("No such file"), "{m}");
    let e = Framework::load(dir.path()).unwrap_err();
    assert!(
        e.message(Lang::Nl).contains("map"),
        "{}",
        e.message(Lang::Nl)
    );
    // bytes that are no UTF-8: the line and column of the first
    let latin1 = dir.path().join("latin1.toml");
    let mut bytes = DEFAULT_TOML.as_bytes().to_vec();
    let at = DEFAULT_TOML.find("title = \"Urgentie\"").unwrap() + "title = \"Urg".len();
    bytes[at] = 0xe9;
    std::fs::write(&latin1, &bytes).unwrap();
    let e = Framework::load(&latin1).unwrap_err();
    assert_eq!(e.kind, FrameworkErrorKind::NotUtf8);
    let line = DEFAULT_TOML[..at].lines().count();
    assert_eq!((e.line, e.column), (line, 13));
    assert!(e.message(Lang::Nl).contains("UTF-8"));
    // a file far too large is not read whole
    let big = dir.path().join("groot.toml");
    std::fs::write(&big, vec![b'#'; MAX_FILE_BYTES + 10]).unwrap();
    assert!(matches!(
        Framework::load(&big).unwrap_err().kind,
        FrameworkErrorKind::TooLarge { .. }
    ));
}
