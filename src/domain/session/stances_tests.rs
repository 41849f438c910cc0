//! The one rule of stances, dissent and consensus (issue 24, items 1 and 12).

use super::*;
use crate::framework::Framework;

fn ts(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

/// Gemeente (1), Politie (2), Jongerenwerk (3), all present in workshop 1.
fn three() -> Session {
    let fw = Framework::builtin();
    let mut s = Session::new("x", &fw, ts(0));
    s.add_party("Gemeente", "Anna", "");
    s.add_party("Politie", "Bram", "");
    s.add_party("Jongerenwerk", "Cor", "");
    s.start_workshop(&[1, 2, 3], ts(10));
    s
}

const P: &str = "1.1.1";

#[test]
fn ticking_dissenters_gives_them_disagree_but_not_the_points_reason() {
    let mut s = three();
    s.set_stance(P, 3, Stance::Reservations, Some("eigen reden"), ts(20));
    s.set_status(P, Status::Dissent, vec![2, 3], "Politie: te vroeg", ts(30));
    let r = s.record(P).unwrap();
    assert_eq!(r.stance_of(2), Stance::Disagree);
    assert_eq!(
        r.stance_entry(2).unwrap().reason,
        "",
        "not the point's reason"
    );
    assert_eq!(r.stance_of(3), Stance::Disagree);
    assert_eq!(
        r.stance_entry(3).unwrap().reason,
        "eigen reden",
        "its own stays"
    );
    assert_eq!(r.dissent_reason, "Politie: te vroeg");
    s.stance_rule(P).unwrap();
}

#[test]
fn a_dissenter_that_changes_its_mind_leaves_the_dissent() {
    let mut s = three();
    s.set_status(P, Status::Dissent, vec![2, 3], "te vroeg", ts(30));
    assert_eq!(
        s.stance_effect(P, 3, Stance::Reservations),
        StanceEffect::LeavesDissent { last: false }
    );
    assert_eq!(s.stance_effect(P, 3, Stance::Disagree), StanceEffect::None);
    assert_eq!(s.stance_effect(P, 1, Stance::Agree), StanceEffect::None);
    s.change_stance(P, 3, Stance::Reservations, None, ts(40));
    let r = s.record(P).unwrap();
    assert_eq!(r.status, Status::Dissent);
    assert_eq!(r.dissenters, vec![2]);
    assert_eq!(r.dissent_reason, "te vroeg", "the point keeps its reason");
    assert_eq!(r.stance_of(3), Stance::Reservations);
    s.stance_rule(P).unwrap();

    // the last one: the point becomes what the facilitator answered
    assert_eq!(
        s.stance_effect(P, 2, Stance::Agree),
        StanceEffect::LeavesDissent { last: true }
    );
    s.change_stance(P, 2, Stance::Agree, Some(Status::Consensus), ts(50));
    let r = s.record(P).unwrap();
    assert_eq!(r.status, Status::Consensus);
    assert!(r.dissenters.is_empty() && r.dissent_reason.is_empty());
    s.stance_rule(P).unwrap();
}

#[test]
fn the_last_dissenter_leaving_opens_the_point_unless_told_otherwise() {
    let mut s = three();
    s.set_status(P, Status::Dissent, vec![2], "te vroeg", ts(30));
    s.change_stance(P, 2, Stance::NotStated, None, ts(40));
    assert_eq!(s.status_of(P), Status::Open);
    s.stance_rule(P).unwrap();
}

#[test]
fn a_disagree_on_a_consensus_point_is_recorded_as_its_ondanks_or_opens_it() {
    let mut s = three();
    s.set_status(P, Status::Consensus, vec![], "", ts(30));
    assert_eq!(
        s.stance_effect(P, 1, Stance::Disagree),
        StanceEffect::OverConsensus
    );
    s.change_stance(P, 1, Stance::Disagree, Some(Status::Consensus), ts(40));
    let r = s.record(P).unwrap();
    assert_eq!(r.status, Status::Consensus);
    assert_eq!(recorded_over(r), vec![1]);
    assert_eq!(
        r.history.last().unwrap().detail,
        "consensus (over disagree: 1)"
    );
    s.stance_rule(P).unwrap();

    s.change_stance(P, 2, Stance::Disagree, Some(Status::Open), ts(50));
    assert_eq!(s.status_of(P), Status::Open);
    s.stance_rule(P).unwrap();
}

#[test]
fn the_rule_finds_what_older_versions_let_through() {
    let mut s = three();
    s.set_status(P, Status::Dissent, vec![2, 3], "te vroeg", ts(30));
    // what `5 5 5` did before issue 24: the stance moved, the list stayed
    s.set_stance(P, 3, Stance::Reservations, None, ts(40));
    assert!(s.stance_rule(P).unwrap_err().contains("party 3"));

    let mut s = three();
    s.set_status(P, Status::Consensus, vec![], "", ts(30));
    s.set_stance(P, 1, Stance::Disagree, None, ts(40));
    assert!(s.stance_rule(P).unwrap_err().contains("ondanks"));
}

#[test]
fn resolving_a_dissent_names_a_standing_disagree_of_another_party() {
    let mut s = three();
    s.set_stance(P, 1, Stance::Disagree, None, ts(20));
    s.set_status(P, Status::Dissent, vec![2], "te vroeg", ts(30));
    assert!(s.resolve_dissent(P, ts(40)));
    let r = s.record(P).unwrap();
    assert_eq!(r.stance_of(2), Stance::NotStated);
    assert_eq!(recorded_over(r), vec![1]);
    s.stance_rule(P).unwrap();
}

#[test]
fn a_stance_reason_equal_to_the_points_reason_is_the_points() {
    let mut s = three();
    s.set_status(P, Status::Dissent, vec![2, 3], "te vroeg", ts(30));
    // an older file: the point's reason copied into each stance
    s.set_stance(P, 2, Stance::Disagree, Some("te vroeg"), ts(31));
    s.set_stance(P, 3, Stance::Disagree, Some("geen geld"), ts(32));
    let r = s.record(P).unwrap();
    assert_eq!(own_reason(r, r.stance_entry(2).unwrap()), "");
    assert_eq!(own_reason(r, r.stance_entry(3).unwrap()), "geen geld");
}
