//! Attendance: who is present at a workshop, who arrived or left during
//! it, who sent word (afgemeld), and who was absent for a point.

use jiff::Timestamp;

use super::{AttendanceChange, Party, PartyAttendance, PartyId, Session, Stance, party_attendance};

impl Session {
    /// Mark a party present or absent in the current workshop.
    pub fn set_present(&mut self, party: PartyId, present: bool, now: Timestamp) {
        let point = self.cursor.clone();
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        let is = w.present.contains(&party);
        if is == present {
            return;
        }
        if present {
            w.present.push(party);
            w.present.sort_unstable();
        } else {
            w.present.retain(|&p| p != party);
        }
        w.attendance_log.push(AttendanceChange {
            at: now,
            party,
            present,
            point,
        });
    }

    /// Correct who was there when the current workshop began, while the
    /// facilitator is still taking attendance on the start screen (a
    /// resolution recorded from the recap starts the workshop before the
    /// list is done): no arrival or departure is logged, because none took
    /// place. Not for changes during the workshop: those are
    /// [`Session::set_present`].
    pub fn amend_start_attendance(&mut self, party: PartyId, present: bool) {
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        if present && !w.present.contains(&party) {
            w.present.push(party);
            w.present.sort_unstable();
        } else if !present {
            w.present.retain(|&p| p != party);
        }
    }

    /// Mark a party afgemeld (it sent apologies) in the current workshop,
    /// or not any more. Afgemeld is absent: a present party is marked
    /// absent with it (at the start, as how the workshop began; later, as a
    /// departure). A party that arrives after all keeps the mark, but is
    /// present (see [`PartyAttendance::excused_throughout`]).
    pub fn set_excused(&mut self, party: PartyId, excused: bool, at_start: bool, now: Timestamp) {
        if excused && self.is_present(party) {
            if at_start {
                self.amend_start_attendance(party, false);
            } else {
                self.set_present(party, false, now);
            }
        }
        let Some(w) = self.workshops.last_mut() else {
            return;
        };
        let is = w.excused.contains(&party);
        if excused && !is {
            w.excused.push(party);
            w.excused.sort_unstable();
        } else if !excused && is {
            w.excused.retain(|&p| p != party);
        }
    }

    /// Whether a party was marked afgemeld in workshop `number`.
    pub fn excused_in(&self, number: u32, party: PartyId) -> bool {
        self.workshops
            .iter()
            .any(|w| w.number == number && w.excused.contains(&party))
    }

    /// Whether a party is marked afgemeld in the current workshop.
    pub fn is_excused(&self, party: PartyId) -> bool {
        self.workshops
            .last()
            .is_some_and(|w| w.excused.contains(&party))
    }

    pub fn is_present(&self, party: PartyId) -> bool {
        self.workshops
            .last()
            .is_some_and(|w| w.present.contains(&party))
    }

    /// A party's number for the whole session: its place in the party list
    /// (1-based). Numbers never shift: a party that arrives, leaves or is
    /// absent keeps its number, and a removed party keeps its place (its
    /// number is then simply not used), so the keys `1`–`9`, `0` mean the
    /// same party from the first workshop to the last.
    pub fn party_number(&self, id: PartyId) -> Option<usize> {
        self.parties.iter().position(|p| p.id == id).map(|i| i + 1)
    }

    /// The party with number `n` (see [`Session::party_number`]), if it is
    /// still in the coalition.
    pub fn party_by_number(&self, n: usize) -> Option<&Party> {
        n.checked_sub(1)
            .and_then(|i| self.parties.get(i))
            .filter(|p| p.active())
    }

    /// Who was there in workshop `number`, as it really was: per party
    /// (session order) whether it was present from the start, and every
    /// arrival and departure with its time. One place for the minutes, the
    /// CSV and the start screen's recap. `None` when there is no such workshop.
    pub fn attendance(&self, number: u32) -> Option<Vec<PartyAttendance>> {
        let w = self.workshops.iter().find(|w| w.number == number)?;
        let mut out = Vec::new();
        for p in &self.parties {
            let a = party_attendance(w, p.id);
            if !p.active() && !w.present.contains(&p.id) && a.changes.is_empty() {
                continue;
            }
            out.push(a);
        }
        Some(out)
    }

    /// Whether `party` was present in workshop `number` at moment `at`.
    pub fn present_at(&self, number: u32, party: PartyId, at: Timestamp) -> bool {
        let Some(w) = self.workshops.iter().find(|w| w.number == number) else {
            return false;
        };
        let a = party_attendance(w, party);
        let mut present = a.from_start;
        for c in a.changes.iter().take_while(|c| c.at <= at) {
            present = c.present;
        }
        present
    }

    /// Whether a party was absent when `point` was discussed, for a party
    /// that stated no stance on it. "Absent" here means: absent at every
    /// capture on the point (status, stance, note, action) in the last
    /// workshop in which the point was discussed. A party that was in the
    /// room for any of them could have spoken and is "not stated"; a party
    /// that stated a stance is never absent for the point; a point never
    /// discussed has nobody absent.
    pub fn absent_for_point(&self, point: &str, party: PartyId) -> bool {
        let Some(r) = self.record(point) else {
            return false;
        };
        if r.stance_of(party) != Stance::NotStated {
            return false;
        }
        let Some(number) = r.last_workshop() else {
            return false;
        };
        let moments = r
            .history
            .iter()
            .filter(|h| h.workshop == number)
            .map(|h| h.at)
            .chain(
                r.notes
                    .iter()
                    .filter(|n| n.workshop == number)
                    .map(|n| n.at),
            )
            .chain(
                r.actions
                    .iter()
                    .filter(|a| a.workshop == number)
                    .map(|a| a.at),
            );
        let mut any = false;
        for at in moments {
            any = true;
            if self.present_at(number, party, at) {
                return false;
            }
        }
        any
    }
}
