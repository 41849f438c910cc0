//! The JSON export and its published schema (issue 27):
//! `assets/export-schema-v{FORMAT_VERSION}.json` (JSON Schema 2020-12)
//! validates the export of the demo, of a long programme, of a hostile
//! session and of their anonymised copies, with formats asserted; it
//! rejects a key it does not name. The export carries the question, block
//! and step of every point with a record, and reads back without them.

use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;
use serde_json::Value;
use wijktafel::export::{self, Format, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{FORMAT_VERSION, Session, Stance, Status};
use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

const NASTY: &str = "X\u{1b}]0;t\u{7}\u{0}\u{7f}\u{9b}\u{85}\u{202e}\u{2066}Y\"\\</script>=1+2";

fn schema_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(format!("export-schema-v{FORMAT_VERSION}.json"))
}

/// The schema of this format version, compiled with format assertions on.
fn compiled() -> (boon::Schemas, boon::SchemaIndex) {
    let text = std::fs::read_to_string(schema_path())
        .expect("a schema for this format version (a new format needs a new schema file)");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    assert_eq!(
        schema["properties"]["format_version"]["const"], FORMAT_VERSION,
        "the schema names its format version"
    );
    let loc = schema["$id"].as_str().expect("$id").to_string();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(&loc, schema).expect("resource");
    let index = compiler.compile(&loc, &mut schemas).expect("compiles");
    (schemas, index)
}

fn export_of(s: &Session, anonymize: bool) -> Value {
    let o = Options {
        lang: Lang::Nl,
        anonymize,
        tz: TimeZone::UTC,
    };
    let bytes = export::render(&Framework::builtin(), s, Format::Json, None, &o).unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

fn assert_valid(what: &str, v: &Value) {
    let (schemas, index) = compiled();
    if let Err(e) = schemas.validate(v, index) {
        panic!("{what}: {e:#}");
    }
}

fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_791_810_000 + min * 60).unwrap()
}

/// Every kind of record, each text hostile: a party that left, a gate
/// override, a draft, notes and actions changed and removed, a NO-GO with
/// a route and a date, a deferred vote.
fn hostile() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new(&format!("S {NASTY}"), &fw, at(0));
    s.area = NASTY.into();
    s.municipality = NASTY.into();
    s.facilitator = format!("Lotte {NASTY}");
    let a = s.add_party(&format!("Org {NASTY}"), &format!("Rep {NASTY}"), NASTY);
    let b = s.add_party("-2+3", "Fatma Yılmaz", "");
    let c = s.add_party("Weg", "", "");
    s.start_workshop(&[a, b, c], at(0));
    // afgemeld (issue 24): the schema carries it
    s.set_excused(c, true, true, at(0));
    s.set_stance("1.1.1", a, Stance::Disagree, Some(NASTY), at(1));
    s.set_status("1.1.1", Status::Dissent, vec![a], NASTY, at(2));
    s.add_note("1.1.1", NASTY, at(3));
    s.edit_note("1.1.1", 0, "anders", at(4));
    s.add_action("1.1.1", NASTY, Some(b), Some(date(2026, 11, 1)), at(5));
    s.set_action_done("1.1.1", 0, true, at(6));
    s.add_action("1.1.1", "weg", None, None, at(7));
    s.remove_action("1.1.1", 1, at(8));
    s.set_status("1.1.2", Status::Skipped, vec![], NASTY, at(9));
    let ballots = vec![
        Ballot {
            party: a,
            choice: Choice::NoGo,
            reason: NASTY.into(),
        },
        Ballot {
            party: b,
            choice: Choice::Go,
            reason: String::new(),
        },
    ];
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Other,
            text: NASTY.into(),
            id: None,
        }),
        revisit: Some(date(2027, 2, 1)),
        deferred_because: None,
        ..Default::default()
    };
    let v = Vote::cast(&s, vec![a, b], ballots, closing, at(10));
    s.votes.push(v);
    let closing = Closing {
        deferred_because: Some(NASTY.into()),
        ..Closing::default()
    };
    let v = Vote::cast(&s, vec![a], vec![], closing, at(11));
    s.votes.push(v);
    // deferred by the room, and a new vote with its reason (issue 24)
    let closing = Closing {
        deferred_because: Some(NASTY.into()),
        deferred_by_room: true,
        ..Closing::default()
    };
    let v = Vote::cast(&s, vec![a], vec![], closing, at(11));
    s.votes.push(v);
    let closing = Closing {
        again_because: NASTY.into(),
        ..Closing::default()
    };
    let go = vec![Ballot {
        party: a,
        choice: Choice::Go,
        reason: String::new(),
    }];
    let v = Vote::cast(&s, vec![a, b], go, closing, at(11));
    s.votes.push(v);
    s.overrides.push(wijktafel::session::GateOverride {
        workshop: 1,
        at: at(12),
        block: "2".into(),
        reason: NASTY.into(),
    });
    // the parking lot (issue 26): open, moved, closed
    s.park(NASTY, Some(a), "1.1.1", at(12));
    let moved = s.park("naar een actie", None, "1.1.1", at(12)).unwrap();
    s.move_parked(
        moved,
        "1.1.2",
        wijktafel::domain::workday::ParkedHow::Action,
        at(12),
    );
    let closed = s.park("dicht", Some(b), "", at(12)).unwrap();
    s.close_parked(closed, NASTY, at(12));
    s.parties[2].removed = Some(at(13));
    assert_eq!(s.parties[2].id, c);
    s.end_workshop(at(60));
    // minutes adopted with an amendment (issue 26)
    s.adoptions.push(wijktafel::domain::workday::Adoption {
        workshop: 1,
        in_workshop: 2,
        at: at(70),
        amendments: vec![wijktafel::domain::workday::Amendment {
            text: NASTY.into(),
            party: Some(a),
            part: NASTY.into(),
        }],
    });
    // a workshop's plan with its budgets (issue 26)
    s.set_plan(wijktafel::domain::budget::WorkshopPlan {
        workshop: 2,
        date: Some(jiff::civil::date(2026, 12, 14)),
        start: Some(jiff::civil::time(13, 0, 0, 0)),
        end: Some(jiff::civil::time(15, 0, 0, 0)),
        steps: vec![wijktafel::domain::budget::StepBudget {
            step: "1.4".into(),
            minutes: 40,
        }],
        at: at(65),
    });
    s.draft = Some(wijktafel::session::Draft {
        point: "1.1.1".into(),
        kind: wijktafel::session::DraftKind::Note,
        text: NASTY.into(),
        at: at(61),
    });
    s
}

#[test]
fn the_demo_a_long_programme_and_a_hostile_session_follow_the_schema() {
    let fw = Framework::builtin();
    for (name, s) in [
        ("demo", wijktafel::demo::build(&fw, 2)),
        ("demo-12", wijktafel::demo::build(&fw, 12)),
        ("hostile", hostile()),
    ] {
        assert_valid(name, &export_of(&s, false));
        assert_valid(&format!("{name} anonymised"), &export_of(&s, true));
    }
}

#[test]
fn the_schema_rejects_what_it_does_not_name() {
    let (schemas, index) = compiled();
    let good = export_of(&hostile(), false);
    assert!(schemas.validate(&good, index).is_ok());
    let mut extra = good.clone();
    extra["votes"][0]["secret"] = Value::from(1);
    assert!(schemas.validate(&extra, index).is_err(), "an unknown key");
    let mut bad = good.clone();
    bad["votes"][0]["outcome"] = Value::from("maybe");
    assert!(schemas.validate(&bad, index).is_err(), "an unknown outcome");
    // the parking lot and the adoptions (issue 26) are named too
    assert_eq!(good["parking"][1]["outcome"]["how"], "action");
    let mut bad = good.clone();
    bad["parking"][1]["outcome"]["how"] = Value::from("lost");
    assert!(
        schemas.validate(&bad, index).is_err(),
        "an unknown parking outcome"
    );
    let mut bad = good.clone();
    bad["adoptions"][0]["amendments"][0]["by"] = Value::from(1);
    assert!(
        schemas.validate(&bad, index).is_err(),
        "an unknown amendment key"
    );
    assert_eq!(good["plans"][0]["steps"][0]["minutes"], 40);
    let mut bad = good.clone();
    bad["plans"][0]["steps"][0]["points"] = Value::from(3);
    assert!(
        schemas.validate(&bad, index).is_err(),
        "an unknown key of a planned step"
    );
    let mut bad = good.clone();
    bad["workshops"][0]["date"] = Value::from("12-10-2026");
    assert!(
        schemas.validate(&bad, index).is_err(),
        "a date that is no date"
    );
    let mut bad = good;
    bad["format_version"] = Value::from(FORMAT_VERSION + 1);
    assert!(
        schemas.validate(&bad, index).is_err(),
        "another format version"
    );
}

#[test]
fn the_export_names_the_question_block_and_step_and_reads_back_without_them() {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 2);
    let v = export_of(&s, false);
    let q = &v["questions"];
    let keys: Vec<&String> = q.as_object().unwrap().keys().collect();
    let records: Vec<&String> = s.points.keys().collect();
    assert_eq!(keys, records, "a question for every point with a record");
    let (pos, step, point) = fw.iter_points().find(|p| p.2.id == "1.1.1").unwrap();
    assert_eq!(q["1.1.1"]["text"], point.text.as_str());
    assert_eq!(q["1.1.1"]["step"], step.title.as_str());
    assert_eq!(q["1.1.1"]["step_id"], step.id.as_str());
    assert_eq!(q["1.1.1"]["block"], fw.blocks[pos.block].title.as_str());
    let text = serde_json::to_string(&v).unwrap();
    let back = export::session_from_json(&text, std::path::Path::new("x.json")).unwrap();
    assert_eq!(back, s, "read back, the session is the same");
}

#[test]
fn an_anonymised_export_read_back_names_no_one_twice() {
    let fw = Framework::builtin();
    let s = wijktafel::demo::build(&fw, 2);
    let text = serde_json::to_string(&export_of(&s, true)).unwrap();
    let back = export::session_from_json(&text, std::path::Path::new("x.json")).unwrap();
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: TimeZone::UTC,
    };
    let md = export::markdown(&fw, &back, None, &o).unwrap();
    for p in &back.parties {
        let doubled = format!("{0} ({0})", p.organisation);
        assert!(!md.contains(&doubled), "{doubled} in the minutes");
    }
    assert!(
        md.contains("Bewonersplatform De Horst"),
        "the party is there"
    );
}

/// A session with a journal (issue 23): every event follows the schema,
/// hostile text included, and an anonymised export carries no journal.
#[test]
fn a_journaled_session_follows_the_schema() {
    let before = hostile();
    let mut s = before.clone();
    // the hostile session's captures as one event, then one per capture
    wijktafel::journal::commit_between(
        &Session::new("x", &Framework::builtin(), at(0)),
        &mut s,
        at(50),
        None,
    );
    let mut prev = s.clone();
    s.add_note("1.1.2", NASTY, at(51));
    wijktafel::journal::commit_between(&prev, &mut s, at(51), None);
    prev = s.clone();
    s.set_status("1.1.2", Status::Skipped, vec![], NASTY, at(52));
    wijktafel::journal::commit_between(&prev, &mut s, at(52), None);
    assert_eq!(s.journal.len(), 3);
    let v = export_of(&s, false);
    assert_eq!(v["journal"].as_array().map(Vec::len), Some(3), "{v}");
    assert_valid("journaled", &v);
    let anon = export_of(&s, true);
    assert!(anon.get("journal").is_none());
    assert_valid("journaled, anonymised", &anon);
}
