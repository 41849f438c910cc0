//! Unit tests of the journal: deltas both ways, events from a baseline,
//! and what happened in one workshop.

use super::*;
use crate::framework::Framework;
use crate::session::{Stance, Status};
use proptest::prelude::*;
use serde_json::json;

fn at(min: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + min * 60).unwrap()
}

fn session() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("Proef", &fw, at(0));
    s.add_party("Gemeente", "Anna", "bestuur");
    s.add_party("Politie", "Bo", "veiligheid");
    s
}

/// Apply a change through a baseline, as the facilitator's window does.
fn capture(s: &mut Session, b: &mut Baseline, point: &str, m: i64, f: impl FnOnce(&mut Session)) {
    b.touch(s, point);
    f(s);
    b.commit(s, at(m), None);
}

#[test]
fn a_delta_goes_forward_and_back() {
    let a = json!({"status": "open", "notes": [1, 2], "x": {"y": 1}});
    let b = json!({"status": "dissent", "notes": [1, 2, 3], "dissenters": [4], "x": {"y": 2}});
    let d = ValueDelta::between(&a, &b).unwrap();
    let mut v = a.clone();
    d.apply(&mut v, true);
    assert_eq!(v, b);
    d.apply(&mut v, false);
    assert_eq!(v, a);
    assert_eq!(ValueDelta::between(&a, &a), None);
    // a list that grows at the end keeps only the new item
    match &d {
        ValueDelta::Fields(f) => {
            assert_eq!(f["notes"], ValueDelta::List(2, 0, vec![], vec![json!(3)]))
        }
        other => panic!("{other:?}"),
    }
}

proptest! {
    #[test]
    fn any_two_values_have_a_delta_both_ways(
        a in proptest::collection::vec(0u8..4, 0..8),
        b in proptest::collection::vec(0u8..4, 0..8),
        ka in 0u8..3, kb in 0u8..3,
    ) {
        let wrap = |l: &Vec<u8>, k: u8| json!({"l": l, "k": k, "o": {"l": l}});
        let (va, vb) = (wrap(&a, ka), wrap(&b, kb));
        if let Some(d) = ValueDelta::between(&va, &vb) {
            let mut v = va.clone();
            d.apply(&mut v, true);
            prop_assert_eq!(&v, &vb);
            d.apply(&mut v, false);
            prop_assert_eq!(&v, &va);
        } else {
            prop_assert_eq!(va, vb);
        }
    }
}

#[test]
fn every_capture_is_one_event_that_replays_and_takes_back() {
    let mut s = session();
    let start = s.clone();
    let mut b = Baseline::of(&s);
    s.start_workshop(&[1, 2], at(1));
    assert_eq!(
        b.commit(&mut s, at(1), None).unwrap().what,
        What::WorkshopStart
    );
    capture(&mut s, &mut b, "1.1.1", 2, |s| {
        s.set_status("1.1.1", Status::Dissent, vec![2], "te vroeg", at(2))
    });
    capture(&mut s, &mut b, "1.1.1", 3, |s| {
        s.add_note("1.1.1", "een notitie", at(3))
    });
    capture(&mut s, &mut b, "1.1.2", 4, |s| {
        s.set_stance("1.1.2", 1, Stance::Agree, None, at(4))
    });
    assert!(b.commit(&mut s, at(5), None).is_none(), "nothing changed");
    let whats: Vec<What> = s.journal.iter().map(|e| e.what).collect();
    assert_eq!(
        whats,
        [What::WorkshopStart, What::Status, What::Note, What::Stance]
    );
    assert_eq!(
        s.journal.iter().map(|e| e.seq).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert!(s.journal.iter().all(|e| e.workshop == 1));
    assert_eq!(s.journal[1].point, "1.1.1");
    // from the start, the events give the session
    let mut replayed = start.clone();
    apply_events(&mut replayed, &s.journal, true).unwrap();
    replayed.journal = s.journal.clone();
    assert_eq!(replayed, s);
    // and back from the present, the state after any event
    let after_two = state_after(&s, 2).unwrap();
    assert_eq!(after_two.status_of("1.1.1"), Status::Dissent);
    assert!(after_two.record("1.1.1").unwrap().notes.is_empty());
    assert!(after_two.record("1.1.2").is_none());
    assert_eq!(after_two.journal.len(), 2);
    let before_all = state_after(&s, 0).unwrap();
    assert!(before_all.workshops.is_empty() && before_all.points.is_empty());
}

#[test]
fn a_workshops_facts_come_from_its_own_events() {
    let mut s = session();
    let mut b = Baseline::of(&s);
    s.start_workshop(&[1, 2], at(0));
    b.commit(&mut s, at(0), None);
    capture(&mut s, &mut b, "1.1.1", 1, |s| {
        s.set_status("1.1.1", Status::Dissent, vec![2], "te vroeg", at(1))
    });
    capture(&mut s, &mut b, "1.1.1", 2, |s| {
        crate::timing::add_time(s, "1.1.1", 90)
    });
    s.end_workshop(at(60));
    b.commit(&mut s, at(60), None);
    // workshop 2: the dissent is resolved, a note goes to 1.1.2 (not discussed)
    s.start_workshop(&[1, 2], at(1000));
    b.commit(&mut s, at(1000), None);
    capture(&mut s, &mut b, "1.1.1", 1001, |s| {
        s.set_status("1.1.1", Status::Consensus, vec![], "", at(1001))
    });
    capture(&mut s, &mut b, "1.1.2", 1002, |s| {
        s.add_note("1.1.2", "later", at(1002))
    });
    capture(&mut s, &mut b, "1.1.1", 1003, |s| {
        crate::timing::add_time(s, "1.1.1", 30)
    });
    let (one, end1) = workshop(&s, 1).unwrap();
    assert!(one.discussed("1.1.1"));
    assert_eq!(one.seconds("1.1.1"), 90, "only workshop 1's time");
    assert_eq!(one.point("1.1.1").unwrap().changed_later_in, Some(2));
    assert_eq!(end1.status_of("1.1.1"), Status::Dissent, "as it was then");
    assert!(end1.record("1.1.2").is_none());
    let (two, end2) = workshop(&s, 2).unwrap();
    assert!(two.discussed("1.1.1"));
    assert_eq!(two.seconds("1.1.1"), 30);
    let note = two.point("1.1.2").unwrap();
    assert!(!note.discussed() && note.other() && note.notes_added == 1);
    assert_eq!(end2.status_of("1.1.1"), Status::Consensus);
    assert_eq!(crate::timing::point_seconds_in(&s, "1.1.1", 1), 90);
    // a file that became a journal after workshop 2 has no facts for it
    s.journal_from = Some(JournalFrom {
        at: at(2000),
        after_workshop: 2,
    });
    assert!(workshop_facts(&s, 2).is_none());
    assert_eq!(crate::timing::point_seconds_in(&s, "1.1.1", 2), 120);
}

#[test]
fn an_undone_decision_is_not_a_decision() {
    let mut s = session();
    let mut b = Baseline::of(&s);
    s.start_workshop(&[1, 2], at(0));
    b.commit(&mut s, at(0), None);
    capture(&mut s, &mut b, "1.1.1", 1, |s| {
        s.set_status("1.1.1", Status::Consensus, vec![], "", at(1))
    });
    b.touch(&s, "1.1.1");
    s.points.get_mut("1.1.1").unwrap().status = Status::Open;
    let e = b.commit(&mut s, at(2), Some((What::Undo, None))).unwrap();
    assert_eq!(e.what, What::Undo);
    let f = workshop_facts(&s, 1).unwrap();
    assert!(!f.point("1.1.1").is_some_and(|p| p.decided));
}

#[test]
fn a_workshop_is_found_when_a_later_event_belongs_to_an_earlier_one() {
    let mut s = session();
    let mut b = Baseline::of(&s);
    s.start_workshop(&[1, 2], at(0));
    b.commit(&mut s, at(0), None);
    s.end_workshop(at(10));
    b.commit(&mut s, at(10), None);
    s.start_workshop(&[1, 2], at(100));
    b.commit(&mut s, at(100), None);
    capture(&mut s, &mut b, "1.1.1", 101, |s| {
        s.set_status("1.1.1", Status::Consensus, vec![], "", at(101))
    });
    // a restore back into workshop 1 comes after workshop 2's events
    let mut back = s.journal[1].clone();
    back.seq = s.journal.len() as u64 + 1;
    back.what = What::Restore;
    s.journal.push(back);
    let two = workshop_facts(&s, 2).expect("found by the whole search");
    assert!(two.discussed("1.1.1"));
    assert!(covers(&s, 1) && covers(&s, 2) && !covers(&s, 3));
}
