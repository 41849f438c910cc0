//! The stances of the parties on a point and the point's status, under one
//! rule (issue 24), kept by every operation here and checked by
//! [`Session::stance_rule`]:
//!
//! - a party listed as dissenting has the stance "disagree" (oneens);
//! - a consensus over a party's "disagree" exists only with its recorded
//!   "ondanks": the consensus's history entry names it ("consensus (over
//!   disagree: 3, 4)").
//!
//! A stance is what a party said, so only the party changes it; the point's
//! status follows from what the facilitator answers (see
//! [`Session::stance_effect`] and [`Session::change_stance`]).

use jiff::Timestamp;

use super::{HistoryKind, PartyId, PointRecord, Session, Stance, StanceEntry, Status};

/// Stance changes of one party within this many seconds are one entry in
/// the history (a correction moments after a key).
pub const STANCE_CYCLE_SECS: i64 = 5;

/// What a stance change means for the point's status, asked before it is
/// recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceEffect {
    /// Nothing else changes.
    None,
    /// The party is listed as dissenting and its new stance is not
    /// "disagree": it leaves the dissent. `last`: no dissenter is left, so
    /// the point needs another status (open or consensus).
    LeavesDissent { last: bool },
    /// The point is consensus and the party now says "disagree": the
    /// consensus stands only "ondanks" it (or the point becomes open).
    OverConsensus,
}

/// The parties a consensus entry of the history records as "ondanks"
/// ("consensus (over disagree: 3, 4)"), from the last status entry.
pub fn recorded_over(r: &PointRecord) -> Vec<PartyId> {
    let Some(h) = r
        .history
        .iter()
        .rev()
        .find(|h| h.kind == HistoryKind::Status)
    else {
        return Vec::new();
    };
    if !h.detail.starts_with(Status::Consensus.key()) {
        return Vec::new();
    }
    let Some((_, tail)) = h.detail.rsplit_once("(over disagree: ") else {
        return Vec::new();
    };
    tail.trim_end_matches(')')
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect()
}

/// A party's stance reason as the record means it: a reason equal to the
/// point's dissent reason was copied there by versions before issue 24
/// (ticking a dissenter gave it the point's reason) and is the point's, not
/// the party's; it is shown once, with the point (a rule when reading: the
/// file is not rewritten).
pub fn own_reason<'a>(r: &'a PointRecord, e: &'a StanceEntry) -> &'a str {
    let reason = e.reason.trim();
    if !reason.is_empty() && reason == r.dissent_reason.trim() {
        ""
    } else {
        reason
    }
}

impl Session {
    /// Present parties whose stance on `point` is "disagree": consensus over
    /// them contradicts what they said, so the facilitator is asked first.
    pub fn consensus_conflicts(&self, point: &str) -> Vec<PartyId> {
        let Some(r) = self.record(point) else {
            return Vec::new();
        };
        self.parties
            .iter()
            .filter(|p| self.is_present(p.id) && r.stance_of(p.id) == Stance::Disagree)
            .map(|p| p.id)
            .collect()
    }

    /// Every party whose stance on `point` is "disagree", present or not.
    fn disagreeing(&self, point: &str) -> Vec<PartyId> {
        self.record(point)
            .map(|r| {
                r.stances
                    .iter()
                    .filter(|e| e.stance == Stance::Disagree)
                    .map(|e| e.party)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The rule of this module on `point`: `Err` names what contradicts it.
    /// A consensus is held to it for the parties present now (an absent
    /// party's "disagree" was not heard when the room agreed; the record
    /// names it all the same).
    pub fn stance_rule(&self, point: &str) -> Result<(), String> {
        let Some(r) = self.record(point) else {
            return Ok(());
        };
        if r.status != Status::Dissent && !r.dissenters.is_empty() {
            return Err(format!("{point}: dissenters listed while {:?}", r.status));
        }
        for &p in &r.dissenters {
            if r.stance_of(p) != Stance::Disagree {
                return Err(format!(
                    "{point}: party {p} is listed as dissenting with the stance {:?}",
                    r.stance_of(p)
                ));
            }
        }
        if r.status == Status::Consensus {
            let over = recorded_over(r);
            for p in self.consensus_conflicts(point) {
                if !over.contains(&p) {
                    return Err(format!(
                        "{point}: consensus over party {p}'s \"disagree\" without its recorded \"ondanks\""
                    ));
                }
            }
        }
        Ok(())
    }

    /// What setting `party`'s stance on `point` to `stance` means for the
    /// point's status (the question the facilitator is asked first).
    pub fn stance_effect(&self, point: &str, party: PartyId, stance: Stance) -> StanceEffect {
        let Some(r) = self.record(point) else {
            return StanceEffect::None;
        };
        if r.status == Status::Dissent
            && r.dissenters.contains(&party)
            && stance != Stance::Disagree
        {
            return StanceEffect::LeavesDissent {
                last: r.dissenters.iter().all(|&p| p == party),
            };
        }
        if r.status == Status::Consensus
            && stance == Stance::Disagree
            && r.stance_of(party) != Stance::Disagree
        {
            return StanceEffect::OverConsensus;
        }
        StanceEffect::None
    }

    /// A party's stance as picked by the facilitator, with what follows for
    /// the point (see [`Session::stance_effect`]): a dissenter with another
    /// stance leaves the dissent, and when none is left the point becomes
    /// `then` (open, or consensus; open when not given); a "disagree" on a
    /// consensus point keeps the consensus "ondanks" it when `then` is
    /// consensus (or not given), else the point becomes `then`.
    pub fn change_stance(
        &mut self,
        point: &str,
        party: PartyId,
        stance: Stance,
        then: Option<Status>,
        now: Timestamp,
    ) {
        let effect = self.stance_effect(point, party, stance);
        self.set_stance(point, party, stance, None, now);
        match effect {
            StanceEffect::None => {}
            StanceEffect::LeavesDissent { last } => {
                let (mut rest, reason) = self
                    .record(point)
                    .map(|r| (r.dissenters.clone(), r.dissent_reason.clone()))
                    .unwrap_or_default();
                rest.retain(|&p| p != party);
                // a reason copied from the point (before issue 24) was never the party's
                if let Some(e) = self
                    .record_mut(point)
                    .stances
                    .iter_mut()
                    .find(|e| e.party == party && e.reason.trim() == reason.trim())
                {
                    e.reason.clear();
                }
                if last {
                    let status = match then {
                        Some(Status::Consensus) => Status::Consensus,
                        _ => Status::Open,
                    };
                    self.set_status(point, status, vec![], "", now);
                } else {
                    self.set_status(point, Status::Dissent, rest, &reason, now);
                }
            }
            StanceEffect::OverConsensus => match then {
                None | Some(Status::Consensus) => {
                    self.set_status(point, Status::Consensus, vec![], "", now)
                }
                Some(other) => self.set_status(point, other, vec![], "", now),
            },
        }
    }

    /// Set the status of a point. `reason` is the skip reason for `Skipped`
    /// or the dissent reason for `Dissent` (the point's: no party's stance
    /// gets it); `dissenters` only for `Dissent`.
    ///
    /// The record never contradicts itself: a party named as dissenting
    /// gets the stance "disagree" (its own reason, if it gave one, stays),
    /// each a stance entry in the history. The reverse is not done:
    /// un-ticking a dissenter, or moving the point to open or consensus,
    /// leaves the parties' "disagree" as it is, because a stance is what a
    /// party said and only the party changes it. A consensus over a present
    /// party's "disagree" is asked first (see
    /// [`Session::consensus_conflicts`]); its history entry names every
    /// party whose stance is "disagree" ("consensus (over disagree: 3,
    /// 4)"), the recorded "ondanks", and the minutes show it.
    pub fn set_status(
        &mut self,
        point: &str,
        status: Status,
        dissenters: Vec<PartyId>,
        reason: &str,
        now: Timestamp,
    ) {
        let reason = reason.trim().to_string();
        let dissenting = if status == Status::Dissent {
            dissenters.clone()
        } else {
            Vec::new()
        };
        let r = self.record_mut(point);
        r.status = status;
        match status {
            Status::Dissent => {
                r.dissenters = dissenters;
                r.dissent_reason = reason.clone();
                r.skip_reason.clear();
            }
            Status::Skipped => {
                r.skip_reason = reason.clone();
                r.dissenters.clear();
                r.dissent_reason.clear();
            }
            Status::Open | Status::Consensus => {
                r.dissenters.clear();
                r.dissent_reason.clear();
                r.skip_reason.clear();
            }
        }
        let over = if status == Status::Consensus {
            self.disagreeing(point)
        } else {
            Vec::new()
        };
        let mut detail = if reason.is_empty() {
            status.key().to_string()
        } else {
            format!("{}: {reason}", status.key())
        };
        if !over.is_empty() {
            let ids: Vec<String> = over.iter().map(|p| p.to_string()).collect();
            detail.push_str(&format!(" (over disagree: {})", ids.join(", ")));
        }
        self.log(point, now, HistoryKind::Status, detail);
        for party in dissenting {
            if self.record(point).map(|r| r.stance_of(party)) != Some(Stance::Disagree) {
                self.set_stance(point, party, Stance::Disagree, None, now);
            }
        }
    }

    /// Record `party`'s stance on `point` as it is (its reason replaced when
    /// one is given), without asking what follows for the status: the
    /// facilitator's keys go through [`Session::change_stance`].
    pub fn set_stance(
        &mut self,
        point: &str,
        party: PartyId,
        stance: Stance,
        reason: Option<&str>,
        now: Timestamp,
    ) {
        let r = self.record_mut(point);
        match r.stances.iter_mut().find(|s| s.party == party) {
            Some(e) => {
                e.stance = stance;
                if let Some(reason) = reason {
                    e.reason = reason.trim().to_string();
                }
            }
            None => r.stances.push(StanceEntry {
                party,
                stance,
                reason: reason.unwrap_or("").trim().to_string(),
            }),
        }
        r.stances.sort_by_key(|s| s.party);
        // a correction moments after the previous change of the same party
        // replaces that entry instead of adding to it
        let workshop = self.workshop_number();
        let prefix = format!("{party}: ");
        let r = self.record_mut(point);
        if let Some(last) = r.history.last()
            && last.kind == HistoryKind::Stance
            && last.workshop == workshop
            && last.detail.starts_with(&prefix)
            && (0..STANCE_CYCLE_SECS).contains(&(now.as_second() - last.at.as_second()))
        {
            r.history.pop();
        }
        self.log(
            point,
            now,
            HistoryKind::Stance,
            format!("{party}: {}", stance.key()),
        );
    }

    /// Mark a point's dissent resolved (from the recap at the start of a
    /// workshop): the point becomes consensus, and its history says which
    /// dissent was resolved, of whom and why, and when. A dissenter's
    /// "oneens" is withdrawn with it; another party's "oneens" stays, and
    /// the consensus names it as its "ondanks". Returns false when the
    /// point is not in dissent.
    pub fn resolve_dissent(&mut self, point: &str, now: Timestamp) -> bool {
        let Some(r) = self.points.get(point) else {
            return false;
        };
        if r.status != Status::Dissent {
            return false;
        }
        let dissenters = r.dissenters.clone();
        let who: Vec<String> = dissenters.iter().map(|p| p.to_string()).collect();
        let mut detail = format!(
            "{}: resolved dissent of {}: {}",
            Status::Consensus.key(),
            who.join(", "),
            r.dissent_reason
        );
        let others: Vec<String> = self
            .disagreeing(point)
            .into_iter()
            .filter(|p| !dissenters.contains(p))
            .map(|p| p.to_string())
            .collect();
        if !others.is_empty() {
            detail.push_str(&format!(" (over disagree: {})", others.join(", ")));
        }
        let r = self.record_mut(point);
        r.dissenters.clear();
        r.status = Status::Consensus;
        r.dissent_reason.clear();
        self.log(point, now, HistoryKind::Status, detail);
        // the objection is withdrawn: a dissenter's "oneens" goes back to
        // "not stated" (the history keeps what it was), so the record does
        // not say consensus over a standing disagreement
        for p in dissenters {
            let disagrees = self
                .record(point)
                .is_some_and(|r| r.stance_of(p) == Stance::Disagree);
            if disagrees {
                self.set_stance(point, p, Stance::NotStated, Some(""), now);
            }
        }
        true
    }
}

#[cfg(test)]
#[path = "stances_tests.rs"]
mod tests;
