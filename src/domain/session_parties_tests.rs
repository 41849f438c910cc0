//! Tests of attendance, party numbers, and the agreement of dissent,
//! stances and consensus (issue 14, items 3–5).

use super::*;

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

/// Gemeente (1), Politie (2), Bewoners (3); workshop 1 started without Bewoners.
fn three() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    s.add_party("Gemeente", "Anna", "");
    s.add_party("Politie", "Bram", "");
    s.add_party("Bewoners", "Cor", "");
    s.start_workshop(&[1, 2], ts(10));
    s
}

#[test]
fn attendance_says_who_was_there_from_the_start_who_came_and_who_left() {
    let mut s = three();
    s.set_present(3, true, ts(100));
    s.set_present(2, false, ts(200));
    let a = s.attendance(1).unwrap();
    assert_eq!(a.len(), 3);
    assert!(a[0].from_start && a[0].changes.is_empty());
    assert!(a[1].from_start);
    assert_eq!(a[1].changes.len(), 1);
    assert!(!a[1].changes[0].present && a[1].changes[0].at == ts(200));
    assert!(!a[2].from_start && !a[2].absent_throughout());
    assert!(a[2].changes[0].present && a[2].changes[0].at == ts(100));
    assert_eq!(s.attendance(2), None);

    let s = three();
    let a = s.attendance(1).unwrap();
    assert!(a[2].absent_throughout(), "never came");
}

#[test]
fn presence_at_a_moment_follows_the_log() {
    let mut s = three();
    s.set_present(3, true, ts(100));
    assert!(!s.present_at(1, 3, ts(50)));
    assert!(s.present_at(1, 3, ts(100)));
    assert!(s.present_at(1, 1, ts(50)));
    s.set_present(1, false, ts(300));
    assert!(s.present_at(1, 1, ts(299)) && !s.present_at(1, 1, ts(301)));
}

#[test]
fn a_party_is_absent_for_a_point_discussed_before_it_came() {
    let mut s = three();
    s.set_status("1.1.1", Status::Consensus, vec![], "", ts(50));
    s.set_present(3, true, ts(100));
    s.set_status("1.1.2", Status::Consensus, vec![], "", ts(150));
    assert!(s.absent_for_point("1.1.1", 3));
    assert!(!s.absent_for_point("1.1.2", 3), "there, silent");
    assert!(!s.absent_for_point("1.1.1", 1));
    assert!(!s.absent_for_point("1.1.3", 3), "never discussed");
    // a stated stance is never "absent"
    s.set_stance("1.1.1", 3, Stance::Agree, None, ts(160));
    assert!(!s.absent_for_point("1.1.1", 3));
}

#[test]
fn a_dissenting_party_disagrees_and_keeps_only_its_own_reason() {
    let mut s = three();
    s.set_stance("1.1.1", 1, Stance::Reservations, None, ts(20));
    s.set_stance(
        "1.1.1",
        2,
        Stance::Reservations,
        Some("eigen reden"),
        ts(30),
    );
    s.set_status("1.1.1", Status::Dissent, vec![1, 2], "te vroeg", ts(40));
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.stance_of(1), Stance::Disagree);
    assert_eq!(
        r.stance_entry(1).unwrap().reason,
        "",
        "the dissent reason is the point's (issue 24)"
    );
    assert_eq!(r.stance_of(2), Stance::Disagree);
    assert_eq!(r.stance_entry(2).unwrap().reason, "eigen reden");
    // each change of stance is in the history
    let stance_entries: Vec<&str> = r
        .history
        .iter()
        .filter(|h| h.kind == HistoryKind::Stance)
        .map(|h| h.detail.as_str())
        .collect();
    assert!(stance_entries.contains(&"1: disagree") && stance_entries.contains(&"2: disagree"));
    // un-ticking a dissenter keeps what it said
    s.set_status("1.1.1", Status::Dissent, vec![1], "te vroeg", ts(60));
    assert_eq!(s.record("1.1.1").unwrap().stance_of(2), Stance::Disagree);
}

#[test]
fn consensus_over_a_present_disagree_is_found_and_recorded() {
    let mut s = three();
    s.set_stance("1.1.1", 2, Stance::Disagree, None, ts(20));
    s.set_stance("1.1.1", 3, Stance::Disagree, None, ts(21));
    assert_eq!(s.consensus_conflicts("1.1.1"), vec![2], "3 is absent");
    assert!(s.consensus_conflicts("1.1.2").is_empty());
    s.set_status("1.1.1", Status::Consensus, vec![], "", ts(30));
    let h = s.record("1.1.1").unwrap().history.last().unwrap();
    // only the present one is asked about; the record names both
    assert_eq!(h.detail, "consensus (over disagree: 2, 3)");
    assert_eq!(
        s.record("1.1.1").unwrap().stance_of(2),
        Stance::Disagree,
        "the stance stays"
    );
}

#[test]
fn party_numbers_are_places_in_the_session_and_do_not_shift() {
    let mut s = three();
    assert_eq!(s.party_number(3), Some(3));
    s.set_present(3, true, ts(100));
    assert_eq!(s.party_number(2), Some(2));
    assert_eq!(s.party_by_number(2).unwrap().organisation, "Politie");
    s.parties[0].removed = Some(ts(200));
    assert_eq!(
        s.party_by_number(1),
        None,
        "a removed party's number is unused"
    );
    assert_eq!(s.party_number(2), Some(2), "the others keep theirs");
    assert_eq!(s.party_by_number(0), None);
    assert_eq!(s.party_by_number(4), None);
}

#[test]
fn a_change_logged_at_the_start_is_how_the_workshop_began() {
    // older files logged a party unticked at the start as a departure
    let mut s = three();
    s.set_present(2, false, ts(10));
    let a = s.attendance(1).unwrap();
    assert!(a[1].absent_throughout(), "{:?}", a[1]);
    assert!(!s.present_at(1, 2, ts(10)));
}

#[test]
fn apologies_are_not_absence_and_old_absence_stays_absence() {
    let mut s = three();
    // Bewoners (3) was not there from the start; it sent apologies
    s.set_excused(3, true, true, ts(11));
    assert!(s.is_excused(3) && !s.is_present(3));
    // Politie (2) is marked afgemeld while present at the start: absent then
    s.set_excused(2, true, true, ts(12));
    assert!(!s.is_present(2));
    assert!(
        s.workshops[0].attendance_log.is_empty(),
        "no departure at the start"
    );
    let a = s.attendance(1).unwrap();
    assert!(a[2].excused_throughout() && !a[2].absent_unexcused());
    assert!(a[1].excused_throughout());
    assert!(!a[0].absent_throughout());
    // not afgemeld after all: absent
    s.set_excused(2, false, true, ts(13));
    let a = s.attendance(1).unwrap();
    assert!(a[1].absent_unexcused());
    // a file from before: no `excused` field, absent stays absent
    let text = toml::to_string(&s.workshops[0]).unwrap();
    assert!(text.contains("excused = [3]"), "{text}");
    let old: Workshop = toml::from_str(&text.replace("excused = [3]\n", "")).unwrap();
    assert!(old.excused.is_empty());
}
