//! Tests of the decision rules and of the chain of votes.

use super::*;

fn rule(kind: RuleKind, quorum: f64) -> DecisionRule {
    DecisionRule { kind, quorum }
}

/// Every combination of Go / No-go / Abstain / absent for 1–6 parties,
/// both rules, checked against the rule's plain statement.
#[test]
fn every_combination_up_to_six_parties() {
    let mut cases = 0;
    for n in 1u32..=6 {
        // each party: 0 go, 1 no-go, 2 abstain, 3 absent
        for code in 0..4u32.pow(n) {
            let mut c = code;
            let mut ballots = vec![];
            let mut present = 0;
            for p in 0..n {
                let v = c % 4;
                c /= 4;
                if v == 3 {
                    continue;
                }
                present += 1;
                let choice = [Choice::Go, Choice::NoGo, Choice::Abstain][v as usize];
                ballots.push(Ballot {
                    party: p + 1,
                    choice,
                    reason: String::new(),
                });
            }
            let t = tally(&ballots, n, present);
            assert_eq!(t.go + t.no_go + t.abstain + t.absent, n);
            for kind in [RuleKind::Consensus, RuleKind::Majority] {
                let r = rule(kind, 0.5);
                let (o, why) = decide(&r, &t, present, n);
                let quorum = 2 * present >= n;
                let expected = if !quorum || (t.go == 0 && t.no_go == 0) {
                    Outcome::Deferred
                } else if match kind {
                    RuleKind::Consensus => t.go >= 1 && t.no_go == 0,
                    RuleKind::Majority => t.go > t.no_go,
                } {
                    Outcome::Go
                } else {
                    Outcome::NoGo
                };
                assert_eq!(o, expected, "n={n} code={code} {kind:?} {t:?}");
                assert_eq!(why.is_some(), o == Outcome::Deferred);
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 2 * (4 + 16 + 64 + 256 + 1024 + 4096));
}

#[test]
fn quorum_edges() {
    let r = rule(RuleKind::Consensus, 0.5);
    assert!(quorum_met(&r, 2, 4), "exactly at the quorum");
    assert!(!quorum_met(&r, 1, 4), "just below");
    assert!(quorum_met(&r, 3, 5));
    assert!(!quorum_met(&r, 2, 5));
    let r = rule(RuleKind::Majority, 2.0 / 3.0);
    assert!(quorum_met(&r, 4, 6));
    assert!(!quorum_met(&r, 3, 6));
    assert!(quorum_met(&rule(RuleKind::Consensus, 0.0), 0, 3));
    assert!(!quorum_met(&r, 0, 0));
    // quorum not met: never GO or NO-GO, even when everyone present agrees
    let t = Tally {
        go: 1,
        no_go: 0,
        abstain: 0,
        absent: 3,
    };
    assert_eq!(
        decide(&rule(RuleKind::Consensus, 0.5), &t, 1, 4),
        (Outcome::Deferred, Some(DeferReason::Quorum))
    );
}

#[test]
fn consensus_and_majority_differ_on_a_single_no_go() {
    let t = Tally {
        go: 3,
        no_go: 1,
        abstain: 0,
        absent: 0,
    };
    assert_eq!(
        decide(&rule(RuleKind::Consensus, 0.5), &t, 4, 4).0,
        Outcome::NoGo
    );
    assert_eq!(
        decide(&rule(RuleKind::Majority, 0.5), &t, 4, 4).0,
        Outcome::Go
    );
    let tie = Tally {
        go: 2,
        no_go: 2,
        abstain: 0,
        absent: 0,
    };
    assert_eq!(
        decide(&rule(RuleKind::Majority, 0.5), &tie, 4, 4).0,
        Outcome::NoGo
    );
}

fn session() -> crate::session::Session {
    let fw = crate::framework::Framework::builtin();
    let now = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = crate::session::Session::new("Stemmen", &fw, now);
    s.add_party("A", "", "");
    s.add_party("B", "", "");
    s.resume(now);
    s
}

fn cast(s: &crate::session::Session, choice: Choice, closing: Closing) -> Vote {
    let ballots = [1, 2]
        .map(|party| Ballot {
            party,
            choice,
            reason: "r".into(),
        })
        .to_vec();
    let at = Timestamp::from_second(1_790_000_100).unwrap();
    Vote::cast(s, vec![1, 2], ballots, closing, at)
}

/// Items 2 and 4 of issue 24: the room (or the facilitator) defers, with
/// a reason; a deferral is no vote held.
#[test]
fn a_deferral_says_who_decided_and_is_no_vote() {
    let s = session();
    let deferral = |by_room| Closing {
        deferred_because: Some("de wethouder is er niet".into()),
        deferred_by_room: by_room,
        ..Closing::default()
    };
    let room = Vote::cast(
        &s,
        vec![1, 2],
        vec![],
        deferral(true),
        Timestamp::UNIX_EPOCH,
    );
    assert_eq!(room.outcome, Outcome::Deferred);
    assert_eq!(room.deferred, Some(DeferReason::Room));
    assert_eq!(room.remark, "de wethouder is er niet");
    assert!(room.is_deferral());
    let fac = Vote::cast(
        &s,
        vec![1, 2],
        vec![],
        deferral(false),
        Timestamp::UNIX_EPOCH,
    );
    assert_eq!(fac.deferred, Some(DeferReason::Facilitator));
    assert!(fac.is_deferral());
    // a vote deferred for want of a quorum was held: the room voted
    let mut quorum = cast(&s, Choice::Go, Closing::default());
    quorum.outcome = Outcome::Deferred;
    quorum.deferred = Some(DeferReason::Quorum);
    assert!(!quorum.is_deferral());
    // the words say who decided
    assert_ne!(
        DeferReason::Room.word(Lang::Nl),
        DeferReason::Facilitator.word(Lang::Nl)
    );
    // an old file's facilitator deferral reads as before
    let toml = toml::to_string(&fac).unwrap();
    assert!(toml.contains("deferred = \"facilitator\""), "{toml}");
    assert!(!toml.contains("again_because"), "empty, not written");
}

/// Items 4 and 5 of issue 24: deferral, NO-GO, new vote with a reason, GO.
/// The chain: the GO replaces the NO-GO (with the reason); the deferral
/// replaces nothing and nothing replaces it.
#[test]
fn the_chain_of_decisions_leaves_deferrals_out() {
    let mut s = session();
    assert!(latest_held(&s.votes).is_none());
    let deferral = Closing {
        deferred_because: Some("eerst de cijfers".into()),
        deferred_by_room: true,
        ..Closing::default()
    };
    let v = Vote::cast(&s, vec![1, 2], vec![], deferral, Timestamp::UNIX_EPOCH);
    s.votes.push(v);
    assert!(
        latest_held(&s.votes).is_none(),
        "a deferral is no vote held"
    );
    s.votes[0].workshop = 1;
    let mut no_go = cast(&s, Choice::NoGo, Closing::default());
    no_go.workshop = 2;
    s.votes.push(no_go);
    assert_eq!(latest_held(&s.votes).map(|(i, _)| i), Some(1));
    assert!(
        superseded_by(&s.votes, 0).is_none(),
        "a deferral is not replaced"
    );
    assert!(
        replaces(&s.votes, 1).is_none(),
        "the NO-GO replaced no vote"
    );
    let mut go = cast(
        &s,
        Choice::Go,
        Closing {
            again_because: "BZK heeft nu wel middelen".into(),
            ..Closing::default()
        },
    );
    go.workshop = 3;
    assert_eq!(go.again_because, "BZK heeft nu wel middelen");
    s.votes.push(go);
    assert_eq!(
        superseded_by(&s.votes, 1).map(|v| v.outcome),
        Some(Outcome::Go)
    );
    assert_eq!(
        replaces(&s.votes, 2).map(|v| v.outcome),
        Some(Outcome::NoGo)
    );
    assert_eq!(
        replaces_words(&s.votes, 2, Lang::Nl).as_deref(),
        Some("vervangt het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)")
    );
    assert_eq!(
        capitalized(&replaces_words(&s.votes, 2, Lang::Nl).unwrap())[..8].to_string(),
        "Vervangt"
    );
    assert!(replaces_words(&s.votes, 1, Lang::Nl).is_none());
    // a deferral after the GO: the GO is still the last vote held and
    // nothing replaced it
    let later = Vote::cast(
        &s,
        vec![1],
        vec![],
        Closing {
            deferred_because: Some("later".into()),
            ..Closing::default()
        },
        Timestamp::UNIX_EPOCH,
    );
    s.votes.push(later);
    assert_eq!(latest_held(&s.votes).map(|(i, _)| i), Some(2));
    assert!(superseded_by(&s.votes, 2).is_none());
}

/// The decision in force (what the headers and `list` show): a deferral
/// after a GO leaves the GO in force; with no vote held, the deferral.
#[test]
fn a_deferral_after_a_go_leaves_the_go_in_force() {
    let fw = crate::framework::Framework::builtin();
    let mut s = crate::demo::build(&fw, 2);
    assert_eq!(s.decision_in_force().map(|v| v.outcome), Some(Outcome::Go));
    let deferral = Vote::cast(
        &s,
        vec![1, 2],
        vec![],
        Closing {
            deferred_because: Some("de wethouder is er niet".into()),
            deferred_by_room: true,
            ..Closing::default()
        },
        Timestamp::UNIX_EPOCH,
    );
    s.votes.push(deferral.clone());
    assert_eq!(s.latest_vote().map(|v| v.outcome), Some(Outcome::Deferred));
    assert_eq!(s.decision_in_force().map(|v| v.outcome), Some(Outcome::Go));
    s.votes = vec![deferral];
    assert_eq!(
        s.decision_in_force().map(|v| v.outcome),
        Some(Outcome::Deferred)
    );
}
