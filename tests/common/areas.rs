//! The programme of twenty areas the overview's tests use (issue 30):
//! `#[path = "common/areas.rs"] mod areas;` in a test file.
#![allow(dead_code)]

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use wijktafel::catalog::{Report, gather};
use wijktafel::framework::Framework;
use wijktafel::framework::carried::carry;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::store::Store;
use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};

pub const OWN: &str = include_str!("../fixtures/kleinstad-kader.toml");
pub const TODAY: Date = date(2026, 12, 7);
pub const MUNICIPALITIES: [&str; 4] = ["Kleinstad", "Voorbeeldstad", "Havenstad", "Dorpen"];

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

/// What decision area `i` has.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Go,
    NoGoPassed,
    NoGoFuture,
    Deferred,
    None,
}

const KINDS: [Kind; 5] = [
    Kind::Go,
    Kind::NoGoPassed,
    Kind::NoGoFuture,
    Kind::Deferred,
    Kind::None,
];

fn vote(s: &mut Session, choice: Choice, closing: Closing) {
    let present: Vec<_> = s.parties.iter().map(|p| p.id).collect();
    let ballots = present
        .iter()
        .map(|&party| Ballot {
            party,
            choice,
            reason: String::new(),
        })
        .collect();
    let v = Vote::cast(s, present, ballots, closing, ts(900_000));
    s.votes.push(v);
}

/// Area `i` on `fw`: its municipality, workshops, statuses, actions and
/// decision follow from `i`.
pub fn area(i: usize, fw: &Framework) -> Session {
    let name = format!("Wijk {i:02}");
    let mut s = Session::new(&name, fw, ts(0));
    s.area = name.clone();
    s.municipality = MUNICIPALITIES[i % 4].into();
    s.facilitator = format!("Begeleider {}", i % 3);
    let a = s.add_party("Gemeente", "Anna", "bestuur");
    s.add_party("Woonbron", "Bram", "wonen");
    let workshops = 1 + (i % 4) as u32;
    for n in 0..workshops {
        s.resume(ts(i64::from(n) * 10_000 + 1));
        let d = date(2026, 9, 1 + i as i8).checked_add(jiff::Span::new().days(i64::from(n) * 14));
        s.current_workshop_mut().unwrap().date = d.unwrap();
        s.end_workshop(ts(i64::from(n) * 10_000 + 500));
    }
    let ids: Vec<String> = fw.iter_points().map(|(_, _, p)| p.id.clone()).collect();
    // every area settles its first point; the second is dissent in every
    // third area (and in the one on its own framework), the third skipped
    // in every fourth
    s.set_status(&ids[0], Status::Consensus, vec![], "", ts(10));
    if i.is_multiple_of(3) || i == 19 {
        s.set_status(
            &ids[1],
            Status::Dissent,
            vec![a],
            &format!("reden van wijk {i}"),
            ts(11),
        );
    }
    if i.is_multiple_of(4) {
        s.set_status(&ids[2], Status::Skipped, vec![], "geen tijd", ts(12));
    }
    wijktafel::timing::add_time(&mut s, &ids[0], 60 * (i as u64 + 1));
    if i % 5 == 1 {
        s.add_action(
            &ids[0],
            "verlopen actie",
            Some(a),
            Some(date(2026, 11, 1)),
            ts(13),
        );
    }
    s.add_action(
        &ids[0],
        "lopende actie",
        None,
        Some(date(2027, 1, 1)),
        ts(14),
    );
    match KINDS[i % 5] {
        Kind::Go => {
            vote(&mut s, Choice::Go, Closing::default());
            // past the gate: on to the second block
            s.cursor = fw.point_at(fw.first_of_step(1, 0)).id.clone();
        }
        Kind::NoGoPassed | Kind::NoGoFuture => {
            let revisit = if KINDS[i % 5] == Kind::NoGoPassed {
                date(2026, 11, 30)
            } else {
                date(2027, 3, 1)
            };
            let closing = Closing {
                follow_up: Some(FollowUp {
                    route: Route::Lighter,
                    text: String::new(),
                    id: None,
                }),
                revisit: Some(revisit),
                deferred_because: None,
                ..Default::default()
            };
            vote(&mut s, Choice::NoGo, closing);
        }
        Kind::Deferred => {
            let closing = Closing {
                deferred_because: Some("te weinig partijen".into()),
                ..Closing::default()
            };
            vote(&mut s, Choice::Go, closing);
        }
        Kind::None => {}
    }
    s
}

/// Nineteen areas in the store, one on its own framework in a second
/// folder (read-only on Unix) with a broken file beside it.
pub struct Programme {
    pub tmp: tempfile::TempDir,
    pub store: PathBuf,
    pub other: PathBuf,
}

impl Programme {
    pub fn new() -> Programme {
        let tmp = tempfile::tempdir().unwrap();
        let store = tmp.path().join("opslag");
        let other = tmp.path().join("gedeeld");
        let fw = Framework::builtin();
        for i in 0..19 {
            let mut s = area(i, &fw);
            carry(&mut s, &fw, None);
            Store::at(&store).create(&s).unwrap();
        }
        let own = Framework::parse(OWN, "kleinstad-kader.toml").unwrap();
        let mut s = area(19, &own);
        carry(&mut s, &own, Some(OWN));
        Store::at(&other).create(&s).unwrap();
        std::fs::write(other.join("kapot.toml"), "format_version = 4\nname = ").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o500)).unwrap();
        }
        Programme { tmp, store, other }
    }

    pub fn dirs(&self) -> Vec<PathBuf> {
        vec![self.store.clone(), self.other.clone()]
    }

    pub fn report(&self) -> Report {
        gather(&self.dirs(), None, TODAY, Lang::Nl)
    }
}

impl Drop for Programme {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.other, std::fs::Permissions::from_mode(0o700));
        }
    }
}
