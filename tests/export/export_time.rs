//! The minutes give the time spent: per point, and per step of the workshop.

use jiff::Timestamp;
use wijktafel::export::{self, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};

#[test]
fn the_minutes_give_time_per_point_and_per_step() {
    let fw = Framework::builtin();
    let t = Timestamp::from_second(1_791_816_300).unwrap();
    let mut s = Session::new("Zuidrand", &fw, t);
    s.add_party("Gemeente", "Anna", "");
    s.resume(t);
    s.set_status("1.1.1", Status::Consensus, vec![], "", t);
    s.set_status("1.1.2", Status::Consensus, vec![], "", t);
    wijktafel::timing::add_time(&mut s, "1.1.1", 200);
    wijktafel::timing::add_time(&mut s, "1.1.2", 3500);
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: jiff::tz::TimeZone::UTC,
    };
    let md = export::markdown(&fw, &s, Some(1), &o).unwrap();
    assert!(md.contains("**Tijd:** 03:20"), "{md}");
    assert!(md.contains("**Tijd:** 58:20"), "{md}");
    assert!(md.contains("Tijd per stap"), "{md}");
    assert!(md.contains("| 1.1 Urgentie | 2 | 1:01:40 |"), "{md}");
}

#[test]
fn minutes_of_an_earlier_workshop_say_what_changed_after_it() {
    let fw = Framework::builtin();
    let t = |s: i64| Timestamp::from_second(1_791_816_300 + s).unwrap();
    let mut s = Session::new("Zuidrand", &fw, t(0));
    let a = s.add_party("Gemeente", "Anna", "");
    s.resume(t(0));
    s.set_status("1.1.2", Status::Dissent, vec![a], "te snel", t(10));
    s.set_status("1.1.3", Status::Consensus, vec![], "", t(20));
    s.end_workshop(t(3600));
    s.resume(t(86_400));
    s.set_status("1.1.2", Status::Consensus, vec![], "", t(86_500));
    let o = Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: jiff::tz::TimeZone::UTC,
    };
    let w1 = export::markdown(&fw, &s, Some(1), &o).unwrap();
    assert!(w1.contains("is later gemaakt, na bijeenkomst 2"), "{w1}");
    let p2 = w1.find("Gesprekspunt 1.1.2").expect(&w1);
    let p3 = w1.find("Gesprekspunt 1.1.3").expect(&w1);
    assert!(
        w1[p2..p3].contains("na deze bijeenkomst gewijzigd (laatst in bijeenkomst 2)"),
        "{w1}"
    );
    assert!(
        !w1[p3..].contains("na deze bijeenkomst gewijzigd"),
        "1.1.3 was not"
    );
    let w2 = export::markdown(&fw, &s, Some(2), &o).unwrap();
    assert!(!w2.contains("later gemaakt") && !w2.contains("na deze bijeenkomst gewijzigd"));
}
