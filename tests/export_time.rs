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
