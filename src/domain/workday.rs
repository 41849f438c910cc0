//! The workshop day around the points (issue 26): the previous minutes
//! adopted in the next workshop (vaststellen verslag), and the parking lot
//! (parkeerplaats) of topics that came up outside the current point.
//!
//! Both are top-level fields of the [`Session`], so the journal records
//! every change to them as an event without anything else to do; the
//! minutes of a workshop, built from the session at that workshop's end,
//! read the adoption from the present session (it happens later).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::session::{PartyId, Session};

/// The minutes of one workshop adopted in a later one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adoption {
    /// The workshop whose minutes were adopted.
    pub workshop: u32,
    /// The workshop in which they were adopted.
    pub in_workshop: u32,
    pub at: Timestamp,
    /// Adopted with these amendments (none: as they are).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
}

/// One amendment to minutes being adopted: what, who asked, where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    pub text: String,
    /// The party that asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// Which part of the minutes ("1.4", "Aanwezig", …); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub part: String,
}

/// A topic parked outside the current point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkedTopic {
    /// 1, 2, 3, … in the order parked; never reused.
    pub id: u32,
    pub text: String,
    /// The party that raised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised_by: Option<PartyId>,
    /// The point under discussion when it came up.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub point: String,
    /// The workshop it was parked in (0: between workshops).
    pub workshop: u32,
    pub at: Timestamp,
    /// What became of it; absent while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ParkedOutcome>,
}

/// What became of a parked topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkedOutcome {
    pub how: ParkedHow,
    /// The point it moved to (a note or an action); empty when closed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub point: String,
    /// The closing word; empty when moved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    pub workshop: u32,
    pub at: Timestamp,
}

/// A parked topic became a note or an action of a point, or was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParkedHow {
    Note,
    Action,
    Closed,
}

impl ParkedTopic {
    pub fn is_open(&self) -> bool {
        self.outcome.is_none()
    }

    /// Whether it was parked in workshop `n`.
    pub fn parked_in(&self, n: u32) -> bool {
        self.workshop == n
    }

    /// What became of it, in words ("werd actiepunt bij 1.2.1"); `None`
    /// while it is open.
    pub fn outcome_words(&self, s: &crate::i18n::Strings) -> Option<String> {
        use crate::i18n::fill;
        let o = self.outcome.as_ref()?;
        Some(match o.how {
            ParkedHow::Note => fill(s.wd_to_note, &[&o.point]),
            ParkedHow::Action => fill(s.wd_to_action, &[&o.point]),
            ParkedHow::Closed => fill(s.wd_closed_because, &[&o.reason]),
        })
    }

    /// Whether what became of it happened in workshop `n`.
    pub fn settled_in(&self, n: u32) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.workshop == n)
    }
}

impl Session {
    /// The adoption of the minutes of workshop `n`, if they were adopted.
    pub fn adoption_of(&self, n: u32) -> Option<&Adoption> {
        self.adoptions.iter().find(|a| a.workshop == n)
    }

    /// The minutes adopted in workshop `n`.
    pub fn adopted_in(&self, n: u32) -> impl Iterator<Item = &Adoption> {
        self.adoptions.iter().filter(move |a| a.in_workshop == n)
    }

    /// The workshop whose minutes the open workshop can adopt: the one
    /// before it, when it has ended and is not adopted yet.
    pub fn minutes_to_adopt(&self) -> Option<u32> {
        let current = self.workshops.last()?;
        if current.ended.is_some() {
            return None;
        }
        let previous = self.workshops.iter().rev().nth(1)?;
        (previous.ended.is_some() && self.adoption_of(previous.number).is_none())
            .then_some(previous.number)
    }

    /// Adopt the minutes of workshop `n` in the current workshop, with
    /// `amendments` (empty: as they are). Minutes are adopted once; the
    /// amendments are kept as typed (trimmed, empty ones left out).
    pub fn adopt_minutes(
        &mut self,
        n: u32,
        amendments: Vec<Amendment>,
        now: Timestamp,
    ) -> Result<(), AdoptError> {
        let in_workshop = self.workshop_number();
        if !self.workshops.iter().any(|w| w.number == n) || n >= in_workshop {
            return Err(AdoptError::NoSuchWorkshop(n));
        }
        if self.adoption_of(n).is_some() {
            return Err(AdoptError::AlreadyAdopted(n));
        }
        let amendments = amendments
            .into_iter()
            .map(|a| Amendment {
                text: a.text.trim().to_string(),
                party: a.party,
                part: a.part.trim().to_string(),
            })
            .filter(|a| !a.text.is_empty())
            .collect();
        self.adoptions.push(Adoption {
            workshop: n,
            in_workshop,
            at: now,
            amendments,
        });
        Ok(())
    }

    /// Park a topic raised while `point` was discussed; returns its id, or
    /// `None` when the text is empty.
    pub fn park(
        &mut self,
        text: &str,
        raised_by: Option<PartyId>,
        point: &str,
        now: Timestamp,
    ) -> Option<u32> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let id = self.parking.iter().map(|p| p.id).max().unwrap_or(0) + 1;
        self.parking.push(ParkedTopic {
            id,
            text: text.to_string(),
            raised_by,
            point: point.to_string(),
            workshop: self.workshop_number(),
            at: now,
            outcome: None,
        });
        Some(id)
    }

    pub fn parked(&self, id: u32) -> Option<&ParkedTopic> {
        self.parking.iter().find(|p| p.id == id)
    }

    /// The open parked topics, oldest first.
    pub fn open_parked(&self) -> impl Iterator<Item = &ParkedTopic> {
        self.parking.iter().filter(|p| p.is_open())
    }

    /// Turn open topic `id` into a note or an action (owned by whoever
    /// raised it) of `point`. Returns whether it moved.
    pub fn move_parked(&mut self, id: u32, point: &str, how: ParkedHow, now: Timestamp) -> bool {
        let Some(topic) = self.parked(id).filter(|p| p.is_open()).cloned() else {
            return false;
        };
        match how {
            ParkedHow::Note => self.add_note(point, &topic.text, now),
            ParkedHow::Action => {
                self.add_action(point, &topic.text, topic.raised_by, None, now);
            }
            ParkedHow::Closed => return false,
        }
        self.settle(id, how, point, "", now)
    }

    /// Close open topic `id` with a word (why it needs nothing more).
    pub fn close_parked(&mut self, id: u32, reason: &str, now: Timestamp) -> bool {
        self.settle(id, ParkedHow::Closed, "", reason.trim(), now)
    }

    fn settle(
        &mut self,
        id: u32,
        how: ParkedHow,
        point: &str,
        reason: &str,
        now: Timestamp,
    ) -> bool {
        let workshop = self.workshop_number();
        let Some(topic) = self.parking.iter_mut().find(|p| p.id == id && p.is_open()) else {
            return false;
        };
        topic.outcome = Some(ParkedOutcome {
            how,
            point: point.to_string(),
            reason: reason.to_string(),
            workshop,
            at: now,
        });
        true
    }
}

/// Why minutes could not be adopted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdoptError {
    /// No such workshop before the current one.
    NoSuchWorkshop(u32),
    AlreadyAdopted(u32),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_second(1_790_000_000 + s).unwrap()
    }

    /// A session with two parties and workshop 1 ended, workshop 2 open.
    fn two_workshops() -> Session {
        let fw = Framework::builtin();
        let mut s = Session::new("S", &fw, at(0));
        s.add_party("Bewoners", "Dirk", "");
        s.add_party("Gemeente", "Anna", "");
        s.start_workshop(&[1, 2], at(10));
        s.end_workshop(at(100));
        s.start_workshop(&[1, 2], at(1000));
        s
    }

    #[test]
    fn the_previous_minutes_are_adopted_once_with_their_amendments() {
        let mut s = two_workshops();
        assert_eq!(s.minutes_to_adopt(), Some(1));
        let amendment = Amendment {
            text: "  Dirk was er vanaf 13:10 ".into(),
            party: Some(1),
            part: "Aanwezig".into(),
        };
        let blank = Amendment {
            text: "  ".into(),
            party: None,
            part: String::new(),
        };
        s.adopt_minutes(1, vec![amendment, blank], at(1010))
            .unwrap();
        let a = s.adoption_of(1).unwrap();
        assert_eq!((a.workshop, a.in_workshop, a.at), (1, 2, at(1010)));
        assert_eq!(a.amendments.len(), 1, "the blank amendment is left out");
        assert_eq!(a.amendments[0].text, "Dirk was er vanaf 13:10");
        assert_eq!(a.amendments[0].party, Some(1));
        assert_eq!(s.adopted_in(2).count(), 1);
        assert_eq!(s.minutes_to_adopt(), None, "adopted: nothing left to adopt");
        assert_eq!(
            s.adopt_minutes(1, Vec::new(), at(1020)),
            Err(AdoptError::AlreadyAdopted(1))
        );
        assert_eq!(
            s.adopt_minutes(2, Vec::new(), at(1020)),
            Err(AdoptError::NoSuchWorkshop(2)),
            "the open workshop's own minutes cannot be adopted in it"
        );
    }

    #[test]
    fn nothing_to_adopt_before_the_second_workshop_or_between_workshops() {
        let fw = Framework::builtin();
        let mut s = Session::new("S", &fw, at(0));
        assert_eq!(s.minutes_to_adopt(), None);
        s.start_workshop(&[1, 2], at(10));
        assert_eq!(
            s.minutes_to_adopt(),
            None,
            "the first workshop has no previous"
        );
        s.end_workshop(at(20));
        assert_eq!(s.minutes_to_adopt(), None, "between workshops");
    }

    #[test]
    fn a_parked_topic_moves_to_a_note_or_an_action_or_is_closed() {
        let mut s = two_workshops();
        assert_eq!(s.park("  ", None, "1.1.1", at(1)), None);
        let a = s
            .park("Parkeren bij de school", Some(2), "1.1.1", at(1))
            .unwrap();
        let b = s.park("Bankjes in het park", None, "1.1.2", at(2)).unwrap();
        let c = s.park("Hondenpoep", Some(1), "1.1.2", at(3)).unwrap();
        assert_eq!((a, b, c), (1, 2, 3));
        assert_eq!(s.open_parked().count(), 3);
        assert_eq!(s.parked(a).unwrap().workshop, 2);

        assert!(s.move_parked(a, "1.2.1", ParkedHow::Action, at(4)));
        let r = s.record("1.2.1").unwrap();
        assert_eq!(r.actions[0].what, "Parkeren bij de school");
        assert_eq!(r.actions[0].owner, Some(2), "owned by who raised it");
        assert!(s.move_parked(b, "1.2.1", ParkedHow::Note, at(5)));
        assert_eq!(
            s.record("1.2.1").unwrap().notes[0].text,
            "Bankjes in het park"
        );
        assert!(s.close_parked(c, " al geregeld ", at(6)));
        let o = s.parked(c).unwrap().outcome.clone().unwrap();
        assert_eq!(
            (o.how, o.reason.as_str(), o.workshop),
            (ParkedHow::Closed, "al geregeld", 2)
        );
        assert_eq!(s.open_parked().count(), 0);
        assert!(s.parked(b).unwrap().settled_in(2));

        // settled once: moving or closing again changes nothing
        assert!(!s.move_parked(a, "1.2.2", ParkedHow::Note, at(7)));
        assert!(!s.close_parked(b, "x", at(7)));
        assert!(s.record("1.2.2").is_none());
        // ids are never reused
        assert_eq!(s.park("Nog een", None, "", at(8)), Some(4));
    }

    #[test]
    fn parking_and_adoption_are_events_of_the_journal_and_go_back() {
        let mut s = two_workshops();
        let before = s.clone();
        s.park("Bankjes", Some(1), "1.1.1", at(1));
        let e = crate::journal::commit_between(&before, &mut s, at(1), None).unwrap();
        assert!(e.session.contains_key("parking"), "{e:?}");
        let mid = s.clone();
        s.adopt_minutes(1, Vec::new(), at(2)).unwrap();
        let e = crate::journal::commit_between(&mid, &mut s, at(2), None).unwrap();
        assert!(e.session.contains_key("adoptions"), "{e:?}");
        // the state after the first event has the parked topic, not the adoption
        let past = crate::journal::state_after(&s, e.seq - 1).unwrap();
        assert_eq!(past.parking.len(), 1);
        assert!(past.adoptions.is_empty());
    }
}
