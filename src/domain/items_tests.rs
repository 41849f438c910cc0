//! Tests of the life of notes and action items after they are typed: done
//! and reopened, edited, removed; each change kept with its workshop and time.

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::framework::Framework;
use crate::session::Session;

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

/// A session in its second workshop with one action and one note on 1.1.1,
/// both from the first workshop.
fn session() -> (Session, u32) {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    let a = s.add_party("Gemeente", "", "");
    s.resume(ts(1));
    s.add_action(
        "1.1.1",
        "Cijfers ophalen",
        Some(a),
        Some(date(2026, 12, 1)),
        ts(2),
    );
    s.add_note("1.1.1", "Eerste notitie", ts(3));
    s.end_workshop(ts(4));
    s.resume(ts(100));
    (s, a)
}

#[test]
fn done_and_reopened_are_kept_with_workshop_and_time() {
    let (mut s, _) = session();
    assert_eq!(s.open_actions().len(), 1);
    assert!(s.set_action_done("1.1.1", 0, true, ts(110)));
    assert!(
        !s.set_action_done("1.1.1", 0, true, ts(111)),
        "done twice is one change"
    );
    assert!(s.open_actions().is_empty(), "a done action is not open");
    let a = &s.record("1.1.1").unwrap().actions[0];
    let done = a.done_change().unwrap();
    assert_eq!((done.workshop, done.at), (2, ts(110)));
    assert!(a.done_in(2) && !a.done_in(1));
    assert!(s.set_action_done("1.1.1", 0, false, ts(120)));
    let a = &s.record("1.1.1").unwrap().actions[0];
    assert!(!a.done && a.done_change().is_none());
    let kinds: Vec<_> = a.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ItemChangeKind::Done, ItemChangeKind::Reopened]);
    assert_eq!(s.open_actions().len(), 1);
    // the change touches the point in this workshop
    assert!(s.record("1.1.1").unwrap().touched_in(2));
    assert_eq!(s.record("1.1.1").unwrap().last_workshop(), Some(2));
}

#[test]
fn a_workshop_lists_its_actions_once_and_those_done_in_it() {
    let (mut s, _) = session();
    s.add_action("1.1.2", "Nieuw", None, None, ts(105));
    let ids = |s: &Session, n| {
        s.workshop_actions(n)
            .iter()
            .map(|(_, a)| a.what.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&s, 2), ["Nieuw"]);
    s.set_action_done("1.1.1", 0, true, ts(110));
    assert_eq!(ids(&s, 2), ["Cijfers ophalen", "Nieuw"]);
    // done in its own workshop: still once
    s.set_action_done("1.1.2", 0, true, ts(111));
    assert_eq!(ids(&s, 2), ["Cijfers ophalen", "Nieuw"]);
    s.remove_action("1.1.2", 0, ts(112));
    assert_eq!(ids(&s, 2), ["Cijfers ophalen"]);
}

#[test]
fn an_edit_keeps_what_it_replaced_and_the_same_text_records_nothing() {
    let (mut s, a) = session();
    assert!(!s.edit_note("1.1.1", 0, "Eerste notitie", ts(110)));
    assert!(
        !s.edit_note("1.1.1", 0, "   ", ts(110)),
        "an empty text is no edit"
    );
    assert!(!s.edit_note("1.1.1", 5, "x", ts(110)), "no such note");
    assert!(s.edit_note("1.1.1", 0, "Eerste notitie, verbeterd\n", ts(110)));
    let n = &s.record("1.1.1").unwrap().notes[0];
    assert_eq!(n.text, "Eerste notitie, verbeterd");
    assert_eq!(n.changes.len(), 1);
    assert_eq!(n.changes[0].text, "Eerste notitie");
    assert_eq!(
        (n.changes[0].workshop, n.changes[0].kind),
        (2, ItemChangeKind::Edited)
    );
    assert_eq!(n.workshop, 1, "the note keeps the workshop it was typed in");

    let due = Some(date(2026, 12, 1));
    assert!(!s.edit_action("1.1.1", 0, "Cijfers ophalen", Some(a), due, ts(111)));
    assert!(s.edit_action("1.1.1", 0, "Cijfers ophalen", None, None, ts(111)));
    let act = &s.record("1.1.1").unwrap().actions[0];
    assert_eq!((act.owner, act.due), (None, None));
    let c = &act.changes[0];
    assert_eq!(
        (c.text.as_str(), c.owner, c.due),
        ("Cijfers ophalen", Some(a), due)
    );
}

#[test]
fn removed_items_stay_in_the_record_but_leave_the_lists() {
    let (mut s, _) = session();
    assert!(s.remove_note("1.1.1", 0, ts(110)));
    assert!(!s.remove_note("1.1.1", 0, ts(111)), "removed once");
    assert!(
        !s.edit_note("1.1.1", 0, "te laat", ts(112)),
        "a removed note is not edited"
    );
    assert!(s.remove_action("1.1.1", 0, ts(113)));
    assert!(!s.set_action_done("1.1.1", 0, true, ts(114)));
    let r = s.record("1.1.1").unwrap();
    assert_eq!((r.notes.len(), r.actions.len()), (1, 1), "nothing dropped");
    let gone = r.notes[0].removed().unwrap();
    assert_eq!((gone.workshop, gone.at), (2, ts(110)));
    assert_eq!(r.notes[0].text, "Eerste notitie");
    assert!(!r.has_items());
    assert!(s.open_actions().is_empty());
    assert!(s.workshop_actions(1).is_empty());
    // workshop 1's captures are gone from the lists; workshop 2 removed them
    assert!(!r.touched_in(1));
    assert!(r.touched_in(2));
}

#[test]
fn old_files_without_changes_load_and_write_the_same() {
    let old = r#"
status = "open"

[[notes]]
workshop = 1
at = "2026-09-21T18:00:00Z"
text = "oud"

[[actions]]
workshop = 1
at = "2026-09-21T18:01:00Z"
what = "bellen"
done = false

[[actions]]
workshop = 1
at = "2026-09-21T18:02:00Z"
what = "al gedaan"
done = true
"#;
    let r: PointRecord = toml::from_str(old).unwrap();
    assert!(r.notes[0].changes.is_empty() && r.notes[0].live());
    assert!(r.actions[0].is_open());
    // done in a file from before: done, without a date
    assert!(!r.actions[1].is_open() && r.actions[1].done_change().is_none());
    let again = toml::to_string(&r).unwrap();
    assert!(!again.contains("changes"), "{again}");
    let back: PointRecord = toml::from_str(&again).unwrap();
    assert_eq!(back, r);
}

#[test]
fn changes_round_trip_through_toml() {
    let (mut s, _) = session();
    s.edit_note("1.1.1", 0, "nieuw", ts(110));
    s.remove_note("1.1.1", 0, ts(111));
    s.set_action_done("1.1.1", 0, true, ts(112));
    let r = s.record("1.1.1").unwrap();
    let text = toml::to_string(r).unwrap();
    let back: PointRecord = toml::from_str(&text).unwrap();
    assert_eq!(&back, r, "{text}");
}
