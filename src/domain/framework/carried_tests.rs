use super::*;
use crate::record::Status;

const OWN: &str = include_str!("../../../tests/fixtures/kleinstad-kader.toml");
const OWN_V2: &str = include_str!("../../../tests/fixtures/kleinstad-kader-v2.toml");

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

fn own() -> Framework {
    Framework::parse(OWN, "kleinstad-kader.toml").unwrap()
}

fn given(text: &str) -> Given {
    Given {
        fw: Framework::parse(text, "given.toml").unwrap(),
        text: Some(text.to_string()),
    }
}

/// A session on the own framework, as `new --framework` makes it.
fn own_session() -> Session {
    let fw = own();
    let mut s = Session::new("Kleinstad Noord", &fw, t(0));
    carry(&mut s, &fw, Some(OWN));
    s
}

#[test]
fn a_new_session_carries_its_own_framework_through_the_file() {
    let s = own_session();
    assert_eq!(s.framework.hash.as_deref(), Some(fingerprint(OWN).as_str()));
    let text = crate::store::to_toml(&s);
    let back = crate::store::parse(&text, std::path::Path::new("k.toml")).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.framework_source.as_ref().unwrap().text, OWN);
    // read back without any --framework: its own points
    let r = resolve(&back, None).unwrap();
    assert_eq!(r.fw.point_at(0).id, "K1.1.1");
    assert_eq!(r.adopt, None);
    // the same file again is no change; the standard one is refused
    assert!(resolve(&back, Some(&given(OWN))).is_ok());
    let e = resolve(&back, Some(&given(DEFAULT_TOML))).unwrap_err();
    assert!(
        matches!(&e, CarriedError::Differs { given_id, .. } if given_id == "plv-afwegingskader")
    );
    let m = e.message("Kleinstad Noord", Lang::Nl);
    assert!(
        m.contains("framework switch") && m.contains("kleinstad-kader"),
        "{m}"
    );
}

#[test]
fn the_builtin_is_kept_by_reference_and_refuses_another_file() {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, t(0));
    carry(&mut s, &fw, Some(DEFAULT_TOML));
    assert!(s.framework_source.is_none());
    assert!(s.framework.hash.is_some());
    assert!(!crate::store::to_toml(&s).contains("framework_source"));
    assert_eq!(resolve(&s, None).unwrap().fw, fw);
    assert!(matches!(
        resolve(&s, Some(&given(OWN))),
        Err(CarriedError::Differs { .. })
    ));
    // an adapted copy that keeps the standard's id and version is another framework
    let adapted = DEFAULT_TOML.replacen("Bewoners toekomst bieden", "Bewoners perspectief", 1);
    assert!(resolve(&s, Some(&given(&adapted))).is_err());
}

#[test]
fn an_old_session_asks_for_its_framework_once_and_then_keeps_it() {
    let fw = own();
    // format 3: only id and version
    let old = Session::new("Oud", &fw, t(0));
    let e = resolve(&old, None).unwrap_err();
    assert_eq!(
        e,
        CarriedError::Missing {
            id: "kleinstad-kader".into(),
            version: "1".into()
        }
    );
    let m = e.message("Oud", Lang::En);
    assert!(m.contains("--framework FILE open Oud"), "{m}");
    // another version of the file is not taken for it
    assert!(matches!(
        resolve(&old, Some(&given(OWN_V2))),
        Err(CarriedError::Differs { .. })
    ));
    let r = resolve(&old, Some(&given(OWN))).unwrap();
    let mut kept = old.clone();
    adopt(&mut kept, &r.fw, r.adopt.as_ref().unwrap());
    assert_eq!(kept.framework_source.as_ref().unwrap().text, OWN);
    assert_eq!(resolve(&kept, None).unwrap().fw, fw);
    // an old session on the standard: the built-in one, not pinned to it
    // (an adapted copy that kept the standard's id can still be named once)
    let std_old = Session::new("Std", &Framework::builtin(), t(0));
    let r = resolve(&std_old, None).unwrap();
    assert_eq!((r.fw, r.adopt), (Framework::builtin(), None));
    let adapted = DEFAULT_TOML.replacen("Bewoners toekomst bieden", "Bewoners perspectief", 1);
    let r = resolve(&std_old, Some(&given(&adapted))).unwrap();
    assert_eq!(r.adopt, Some(Adopt::Text(adapted.clone())));
    let r = resolve(&std_old, Some(&given(DEFAULT_TOML))).unwrap();
    assert_eq!(r.adopt, Some(Adopt::Builtin));
}

#[test]
fn a_hand_edited_or_broken_text_is_refused() {
    let mut s = own_session();
    s.framework_source.as_mut().unwrap().text = OWN.replace("Noordbuurt?", "Zuidbuurt?");
    assert!(matches!(
        resolve(&s, None),
        Err(CarriedError::Tampered { .. })
    ));
    let mut b = own_session();
    b.framework_source.as_mut().unwrap().text = "id = ".into();
    b.framework.hash = Some(fingerprint("id = "));
    let e = resolve(&b, None).unwrap_err();
    assert!(matches!(e, CarriedError::Broken(_)));
    assert!(e.message("K", Lang::Nl).contains("[framework_source]:1:"));
}

#[test]
fn a_switch_keeps_the_earlier_words_and_every_record() {
    let fw = own();
    let mut s = own_session();
    s.start_workshop(&[], t(10));
    s.set_status("K1.1.1", Status::Consensus, vec![], "", t(20));
    s.set_status("K1.1.2", Status::Dissent, vec![], "geen geld", t(30));
    s.end_workshop(t(40));
    let new = Framework::parse(OWN_V2, "v2.toml").unwrap();
    let d = diff(&s, &fw, &new);
    assert_eq!(d.reworded.len(), 1);
    assert_eq!(d.reworded[0].0, "K1.1.1");
    assert_eq!(
        d.removed,
        vec![(
            "K1.1.2".to_string(),
            "Is er geld voor een buurtbudget?".to_string(),
            true
        )]
    );
    assert!(d.added.is_empty() && !d.decision_changed);
    let before = s.points.clone();
    switch(&mut s, OWN, &new, OWN_V2, t(100));
    assert_eq!(s.points, before, "no record is dropped");
    assert_eq!(s.framework.version, "2");
    assert_eq!(s.framework_source.as_ref().unwrap().text, OWN_V2);
    let sw = &s.framework_switches[0];
    assert_eq!((sw.after_workshop, sw.at), (1, t(100)));
    assert_eq!(sw.from.version, "1");
    assert_eq!(sw.from_text, OWN);
    // through the file and back
    let back = crate::store::parse(&crate::store::to_toml(&s), std::path::Path::new("k")).unwrap();
    assert_eq!(back, s);
    let now = resolve(&back, None).unwrap().fw;
    assert_eq!(now, new);
    // workshop 1 reads with the words of its time; a later one with today's
    let then = framework_of_workshop(&back, 1).unwrap();
    assert_eq!(then, fw);
    assert!(framework_of_workshop(&back, 2).is_none());
    assert_eq!(orphans(&back, &now).len(), 1);
    assert_eq!(orphans(&back, &now)[0].0, "K1.1.2");
    assert_eq!(
        earlier_text(&back, "K1.1.2").as_deref(),
        Some("Is er geld voor een buurtbudget?")
    );
    // the beamer's mark: K1.1.1 was decided under its earlier words
    let now_text = now
        .point_at(now.pos_of("K1.1.1").unwrap().flat)
        .text
        .clone();
    assert_eq!(
        decided_under(&back, "K1.1.1", &now_text),
        Some((
            "Herkennen alle partijen de zorgen over de Noordbuurt?".to_string(),
            t(100)
        ))
    );
    assert_eq!(decided_under(&back, "K1.2.1", "x"), None, "open");
    // decided again after the switch: under today's words
    let mut later = back.clone();
    later.start_workshop(&[], t(200));
    later.set_status("K1.1.1", Status::Dissent, vec![], "toch niet", t(210));
    assert_eq!(decided_under(&later, "K1.1.1", &now_text), None);
    // switching to the same framework again changes nothing to report
    assert!(diff(&back, &now, &new).is_empty());
}
