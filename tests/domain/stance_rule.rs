//! The one rule of stances, dissent and consensus (issue 24, item 1): a
//! party listed as dissenting says "oneens", and a consensus over a present
//! party's "oneens" exists only with its recorded "ondanks". Random
//! sequences of stances, dissents, consensus, undo and redo never break it,
//! in the window or in the file read back (the journal replays it).

use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{PartyId, Session, Stance, Status};
use wijktafel::store::{self, Store};
use wijktafel::tui::open_session::OpenSession;

fn at(sec: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + sec).unwrap()
}

const POINTS: [&str; 2] = ["1.1.1", "1.1.2"];

fn new_session() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let fw = Framework::builtin();
    let mut s = Session::new("Regelwijk", &fw, at(0));
    for (o, r) in [
        ("Gemeente", "Anna"),
        ("Politie", "Bo"),
        ("Jongerenwerk", "Cas"),
    ] {
        s.add_party(o, r, "x");
    }
    let path = Store::at(dir.path()).create(&s).unwrap();
    (dir, path)
}

fn open(path: &Path) -> OpenSession {
    OpenSession::open(path, &Framework::builtin()).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    Stance(usize, PartyId, Stance, Option<Status>),
    Dissent(usize, Vec<PartyId>),
    Consensus(usize),
    Open(usize),
    Resolve(usize),
    Undo,
    Redo,
    Reopen,
}

fn stance() -> impl Strategy<Value = Stance> {
    prop_oneof![
        Just(Stance::NotStated),
        Just(Stance::Agree),
        Just(Stance::Reservations),
        Just(Stance::Disagree),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let point = 0..POINTS.len();
    let then = prop_oneof![
        Just(None),
        Just(Some(Status::Consensus)),
        Just(Some(Status::Open))
    ];
    prop_oneof![
        4 => (point.clone(), 1..=3u32, stance(), then).prop_map(|(p, a, s, t)| Op::Stance(p, a, s, t)),
        2 => (point.clone(), proptest::sample::subsequence(vec![1u32, 2, 3], 1..=3))
            .prop_map(|(p, v)| Op::Dissent(p, v)),
        1 => point.clone().prop_map(Op::Consensus),
        1 => point.clone().prop_map(Op::Open),
        1 => point.prop_map(Op::Resolve),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => Just(Op::Reopen),
    ]
}

fn apply(o: &mut OpenSession, op: &Op, t: i64) {
    let now = at(t);
    match op {
        Op::Stance(p, party, stance, then) => {
            let (party, stance, then) = (*party, *stance, *then);
            o.capture_at(POINTS[*p], "stance", now, move |s, p, now| {
                s.change_stance(p, party, stance, then, now)
            });
        }
        Op::Dissent(p, who) => {
            let who = who.clone();
            o.capture_at(POINTS[*p], "d", now, move |s, p, now| {
                s.set_status(p, Status::Dissent, who, "te vroeg", now)
            });
        }
        Op::Consensus(p) => {
            o.capture_at(POINTS[*p], "c", now, |s, p, now| {
                s.set_status(p, Status::Consensus, vec![], "", now)
            });
        }
        Op::Open(p) => {
            o.capture_at(POINTS[*p], "o", now, |s, p, now| {
                s.set_status(p, Status::Open, vec![], "", now)
            });
        }
        Op::Resolve(p) => {
            o.capture_at(POINTS[*p], "r", now, |s, p, now| {
                s.resolve_dissent(p, now);
            });
        }
        Op::Undo => {
            o.undo(true);
        }
        Op::Redo => {
            o.undo(false);
        }
        Op::Reopen => {}
    }
    o.save(now, Lang::Nl);
}

fn holds(s: &Session) -> Result<(), String> {
    for p in POINTS {
        s.stance_rule(p)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_rule_holds_after_every_capture_undo_redo_and_reopening(
        ops in proptest::collection::vec(op(), 1..40)
    ) {
        let (_d, path) = new_session();
        let mut o = open(&path);
        if o.start_workshop(at(100)) {
            o.save(at(100), Lang::Nl);
        }
        for (i, op) in ops.iter().enumerate() {
            let t = 200 + 7 * i as i64;
            if matches!(op, Op::Reopen) {
                drop(o);
                o = open(&path);
            } else {
                apply(&mut o, op, t);
            }
            prop_assert!(o.save_error.is_none(), "{:?}", o.save_error);
            let r = holds(&o.session);
            prop_assert!(r.is_ok(), "after {:?}: {:?}", op, r);
            let on_disk = store::load(&path).unwrap();
            let r = holds(&on_disk);
            prop_assert!(r.is_ok(), "read back after {:?}: {:?}", op, r);
            prop_assert_eq!(&on_disk.points, &o.session.points);
        }
    }
}

/// The scenario of issue 24: dissent by two parties, one changes its mind;
/// the record lists only the other, and never a stance the party did not take.
#[test]
fn a_dissenter_that_changes_its_mind_is_no_longer_listed() {
    let (_d, path) = new_session();
    let mut o = open(&path);
    assert!(o.start_workshop(at(100)));
    o.save(at(100), Lang::Nl);
    apply(&mut o, &Op::Dissent(0, vec![2, 3]), 200);
    apply(&mut o, &Op::Stance(0, 3, Stance::Reservations, None), 210);
    drop(o);
    let s = store::load(&path).unwrap();
    let r = s.record("1.1.1").unwrap();
    assert_eq!(r.dissenters, vec![2]);
    assert_eq!(r.stance_of(3), Stance::Reservations);
    let stances: Vec<&str> = r
        .history
        .iter()
        .filter(|h| h.detail.starts_with("3: "))
        .map(|h| h.detail.as_str())
        .collect();
    assert_eq!(
        stances,
        ["3: disagree", "3: reservations"],
        "no stance in between"
    );
}
