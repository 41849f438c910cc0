//! Tests of the session's domain operations.

use super::*;

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

#[test]
fn resume_continues_an_unended_workshop_and_starts_the_next_otherwise() {
    let fw = Framework::builtin();
    let mut s = Session::new("De Horst", &fw, ts(0));
    let a = s.add_party("Gemeente", "Anna", "bestuur");
    let b = s.add_party("Politie", "Bram", "veiligheid");
    assert_eq!(s.resume(ts(1)), Resume::Started(1));
    assert_eq!(s.current_workshop().unwrap().present, vec![a, b]);
    s.set_present(b, false, ts(2));
    assert_eq!(s.resume(ts(3)), Resume::Continue(1));
    s.end_workshop(ts(4));
    assert_eq!(s.resume(ts(5)), Resume::Started(2));
    // a new workshop starts with everybody present again
    assert_eq!(s.current_workshop().unwrap().present, vec![a, b]);
    assert_eq!(s.workshops[0].attendance_log.len(), 1);
}

#[test]
fn captures_record_workshop_and_history() {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    let a = s.add_party("Gemeente", "", "");
    s.resume(ts(1));
    s.set_status("1.1.1", Status::Dissent, vec![a], "te vroeg", ts(2));
    s.set_stance("1.1.1", a, Stance::Disagree, Some("geen data"), ts(3));
    s.add_note("1.1.1", "regel 1\nregel 2", ts(4));
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.status, Status::Dissent);
    assert_eq!(r.dissenters, vec![a]);
    assert_eq!(r.history.len(), 2);
    assert!(r.history.iter().all(|h| h.workshop == 1));
    assert!(r.touched_in(1) && !r.touched_in(2));
    assert_eq!(r.last_workshop(), Some(1));
    s.set_status("1.1.1", Status::Consensus, vec![], "", ts(5));
    let r = s.record("1.1.1").unwrap();
    assert!(r.dissenters.is_empty() && r.dissent_reason.is_empty());
    assert_eq!(r.history.len(), 3, "history is kept");
}

#[test]
fn a_party_id_at_the_end_of_the_range_is_not_wrapped() {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    s.add_party("A", "", "");
    s.parties[0].id = u32::MAX;
    let b = s.add_party("B", "", "");
    let c = s.add_party("C", "", "");
    assert_ne!(b, c, "two new parties, two ids");
    assert!(b != u32::MAX && c != u32::MAX && b != 0 && c != 0);
    assert!(s.validate().unwrap_err().contains("4294967295"));
}

#[test]
fn a_workshop_number_at_the_end_of_the_range_is_not_followed_by_zero() {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    s.resume(ts(1));
    s.end_workshop(ts(2));
    s.workshops[0].number = u32::MAX;
    assert_eq!(s.next_workshop_number(), None);
    assert_eq!(s.resume(ts(3)), Resume::Continue(u32::MAX));
    assert_eq!(s.workshops.len(), 1, "nothing started");
    assert!(s.validate().unwrap_err().contains("4294967295"));
}

#[test]
fn validate_names_the_value_it_refuses() {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    s.add_party("A", "", "");
    s.add_party("B", "", "");
    s.resume(ts(1));
    s.end_workshop(ts(2));
    s.resume(ts(3));
    assert_eq!(s.validate(), Ok(()));

    let mut t = s.clone();
    t.parties[1].id = 1;
    assert_eq!(t.validate().unwrap_err(), "party id 1 occurs twice");
    let mut t = s.clone();
    t.parties[1].id = MAX_NUMBER + 1;
    assert!(t.validate().unwrap_err().contains("1000001"));
    let mut t = s.clone();
    t.parties[1].id = MAX_NUMBER;
    assert_eq!(t.validate(), Ok(()), "the ceiling itself is fine");
    let mut t = s.clone();
    t.workshops[1].number = 1;
    assert!(
        t.validate()
            .unwrap_err()
            .contains("workshop number 1 follows")
    );
    let mut t = s.clone();
    t.workshops[0].number = 3;
    assert!(
        t.validate()
            .unwrap_err()
            .contains("workshop number 2 follows")
    );
    let mut t = s.clone();
    t.points.entry("1.1.1".into()).or_default().seconds = u64::MAX;
    assert!(
        t.validate()
            .unwrap_err()
            .contains("seconds = 18446744073709551615")
    );
    let mut t = s.clone();
    t.points.entry("1.1.1".into()).or_default().seconds = MAX_SECONDS;
    assert_eq!(t.validate(), Ok(()));
    let mut t = s.clone();
    t.rule.quorum = f64::NAN;
    assert!(t.validate().unwrap_err().contains("NaN"));
}

#[test]
fn parties_parse_from_the_command_line_form() {
    assert_eq!(
        parse_party("Gemeente|Anna de Vries|bestuur"),
        Some(("Gemeente".into(), "Anna de Vries".into(), "bestuur".into()))
    );
    assert_eq!(
        parse_party("Politie"),
        Some(("Politie".into(), "".into(), "".into()))
    );
    assert_eq!(parse_party("|x|y"), None);
    assert_eq!(parse_party("a|b|c|d"), None);
}

#[test]
fn a_resolved_dissent_leaves_the_open_list_and_stays_in_the_history() {
    let fw = Framework::builtin();
    let t0 = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new("Opgelost", &fw, t0);
    let a = s.add_party("Politie", "", "");
    let b = s.add_party("Bewoners", "", "");
    s.resume(t0);
    s.set_status("1.5.3", Status::Dissent, vec![a, b], "te snel", t0);
    assert_eq!(s.dissents().len(), 1);
    let later = Timestamp::from_second(1_790_600_000).unwrap();
    assert!(s.resolve_dissent("1.5.3", later));
    assert!(s.dissents().is_empty());
    let r = s.record("1.5.3").unwrap();
    assert_eq!(r.status, Status::Consensus);
    let resolved = r
        .history
        .iter()
        .find(|h| h.detail.starts_with("consensus: resolved"))
        .unwrap();
    assert_eq!(resolved.at, later);
    assert_eq!(
        resolved.detail,
        "consensus: resolved dissent of 1, 2: te snel"
    );
    // the dissenters' "oneens" (set with the dissent) is withdrawn, kept in the history
    assert_eq!(r.stance_of(a), Stance::NotStated);
    assert_eq!(r.stance_of(b), Stance::NotStated);
    assert!(r.history.iter().any(|h| h.detail == "1: disagree"));
    // the dissent itself is still in the history
    assert!(r.history.iter().any(|h| h.detail == "dissent: te snel"));
    // only a point in dissent can be resolved
    assert!(!s.resolve_dissent("1.5.3", later));
    assert!(!s.resolve_dissent("1.1.1", later));
}
