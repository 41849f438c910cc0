//! The beamer on a session with its own framework (issue 31): its own vote
//! question, and a point decided under words that were changed since is
//! marked with the words the room decided on.

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wijktafel::beamer::{self, Beamer, Loaded, Options};
use wijktafel::framework::Framework;
use wijktafel::framework::carried::{carry, switch};
use wijktafel::i18n::Lang;
use wijktafel::live::{self, LiveDialog, LiveScreen, LiveState, VoteStage};
use wijktafel::session::{Session, Status};
use wijktafel::tui::theme::ThemeKind;

const OWN: &str = include_str!("../fixtures/kleinstad-kader.toml");
const OWN_V2: &str = include_str!("../fixtures/kleinstad-kader-v2.toml");

fn t(s: i64) -> Timestamp {
    Timestamp::from_second(1_790_000_000 + s).unwrap()
}

fn view(fw: &Framework, sess: &Session, point: &str, dialog: LiveDialog) -> String {
    let mut b = Beamer::new(
        fw.clone(),
        Lang::Nl,
        ThemeKind::Dark,
        Path::new("/nergens/k.toml").to_path_buf(),
        Options::default(),
    );
    b.tz = TimeZone::UTC;
    b.now = t(300).as_second();
    b.session = Loaded::Read(Box::new(sess.clone()));
    b.live = Some(LiveState {
        format: live::LIVE_FORMAT,
        instance: "1-1".into(),
        heartbeat: t(300).as_second(),
        screen: LiveScreen::Point,
        point: point.into(),
        dialog,
        typing: None,
    });
    let mut term = Terminal::new(TestBackend::new(140, 40)).unwrap();
    term.draw(|f| beamer::render(&b, f)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..40 {
        let line: String = (0..140).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_room_sees_its_own_question_and_the_words_it_decided_on() {
    let v1 = Framework::parse(OWN, "v1").unwrap();
    let v2 = Framework::parse(OWN_V2, "v2").unwrap();
    let mut s = Session::new("Kleinstad Noord", &v1, t(0));
    carry(&mut s, &v1, Some(OWN));
    let p = s.add_party("Gemeente", "Anna", "bestuur");
    s.start_workshop(&[p], t(10));
    s.set_status("K1.1.1", Status::Consensus, vec![], "", t(20));
    // the vote asks the framework's own question
    let vote = LiveDialog::Vote {
        stage: VoteStage::Ballots,
        present: vec![p],
        ballots: vec![],
    };
    let screen = view(&v1, &s, "K1.2.1", vote);
    assert!(
        screen.contains("Gaan we door met een wijkaanpak in de Noordbuurt?"),
        "{screen}"
    );
    assert!(!screen.contains("gerechtvaardigd"), "{screen}");
    // before a switch: no mark
    let before = view(&v1, &s, "K1.1.1", LiveDialog::None);
    assert!(!before.contains("later anders geformuleerd"), "{before}");
    s.end_workshop(t(30));
    switch(&mut s, OWN, &v2, OWN_V2, t(100));
    let after = view(&v2, &s, "K1.1.1", LiveDialog::None);
    assert!(
        after.contains("Delen alle partijen"),
        "today's words: {after}"
    );
    assert!(after.contains("later anders geformuleerd"), "{after}");
    assert!(
        after.contains("Herkennen alle partijen"),
        "the words decided on: {after}"
    );
}
