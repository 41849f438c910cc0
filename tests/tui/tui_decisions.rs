//! The room's decisions in the room's words (issue 24, items 2–5, 8, 9):
//! a deferral says who decided it and why, is no vote held (`v` goes
//! straight to the ballots; the minutes say "Stemming uitgesteld: reden"
//! without an empty ballot table; nothing "replaces" it), and the next
//! recap gives its reason; a new vote says what it replaces and why, in
//! the minutes and in the session report's chain of decisions; consensus
//! over a recorded "oneens" is marked in the CSV; the next workshop
//! resumes at the next open point of the lowest open, unlocked block.

use std::path::Path;

use jiff::SignedDuration;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use wijktafel::export::{self, Options};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Stance, Status};
use wijktafel::store::{self, Store};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::theme::ThemeKind;
use wijktafel::tui::update;
use wijktafel::tui::{Action, map_event};
use wijktafel::vote::{DeferReason, Outcome};

use crate::common;
use common::{Fixture, now, open_app, render_text};

fn press(app: &mut App, c: KeyCode) {
    let ev = KeyEvent::new(c, KeyModifiers::NONE);
    if let Some(a) = map_event(app, Event::Key(ev)) {
        update(app, a);
    }
}

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn on_disk(path: &Path) -> Session {
    store::load(path).unwrap()
}

fn cursor(app: &App) -> String {
    app.session().unwrap().cursor.clone()
}

fn to_decision_step(app: &mut App) {
    while cursor(app) != "1.5.1" {
        press(app, KeyCode::PageDown);
    }
}

fn opts() -> Options {
    Options {
        tz: TimeZone::UTC,
        ..Options::new(Lang::Nl)
    }
}

/// A new session with four parties, in workshop 1 on the main screen.
fn four_parties() -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    s.area = "Testwijk".into();
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let mut f = open_app(Framework::builtin(), &s, Lang::Nl);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

/// `w`, then the summary's Enter: the workshop ends (a vote of this
/// workshop, or none needed).
fn end_workshop(app: &mut App) {
    ch(app, 'w');
    assert_eq!(app.ctx(), Ctx::Summary, "{}", render_text(app, 80, 24));
    press(app, KeyCode::Enter);
}

/// The session opened anew, `hours` later, on the start screen of the
/// next workshop (the first app is dropped: its lock goes with it).
fn reopen(f: Fixture, hours: i64) -> Fixture {
    let Fixture { dir, path, app } = f;
    drop(app);
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        Store::at(dir.path()),
        now() + SignedDuration::from_hours(hours),
    );
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert_eq!(app.screen(), Screen::Start);
    Fixture { dir, path, app }
}

/// Every present party votes; party `nogo` (1-based) No-go with a reason.
fn cast(app: &mut App, nogo: Option<char>) {
    for p in ['1', '2', '3', '4'] {
        ch(app, p);
        if Some(p) == nogo {
            ch(app, 'n');
            ch(app, 'r');
            keys(app, "eerst de bewoners horen");
            press(app, KeyCode::Enter);
        } else {
            ch(app, 'g');
        }
    }
}

#[test]
fn a_deferral_by_the_room_is_no_vote_and_the_next_recap_gives_its_reason() {
    let mut f = four_parties();
    let app = &mut f.app;
    to_decision_step(app);
    ch(app, 'v');
    assert_eq!(app.ctx(), Ctx::Vote);
    ch(app, 'u');
    assert_eq!(app.ctx(), Ctx::Defer);
    // the dialog asks who decides: the room by default
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("Wie besluit tot uitstel:"), "{screen}");
    assert!(screen.contains("(•) de deelnemers"), "{screen}");
    assert!(screen.contains("( ) de procesbegeleider"), "{screen}");
    assert!(screen.contains("Tab wie besluit"), "{screen}");
    keys(app, "eerst de cijfers van de GGD");
    press(app, KeyCode::Enter);
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>());
    let screen = render_text(app, 80, 24);
    assert!(
        screen.contains("‖ UITGESTELD (besloten door de deelnemers)"),
        "{screen}"
    );
    assert!(!screen.contains("procesbegeleider"), "{screen}");
    ch(app, ' ');
    let s = on_disk(&f.path);
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].outcome, Outcome::Deferred);
    assert_eq!(s.votes[0].deferred, Some(DeferReason::Room));
    assert_eq!(s.votes[0].remark, "eerst de cijfers van de GGD");
    // a deferral is no vote: v goes straight to the ballots
    ch(&mut f.app, 'v');
    assert_eq!(f.app.ctx(), Ctx::Vote);
    assert!(!render_text(&f.app, 80, 24).contains("Er is al gestemd"));
    press(&mut f.app, KeyCode::Esc);
    assert!(!f.app.has_dialog());
    // the minutes: "Stemming uitgesteld: reden", who decided, no ballot table
    let md = export::markdown(&Framework::builtin(), &s, Some(1), &opts()).unwrap();
    assert!(
        md.contains("Stemming uitgesteld: eerst de cijfers van de GGD"),
        "{md}"
    );
    assert!(md.contains("besloten door de deelnemers"), "{md}");
    assert!(
        !md.contains("| Partij | Stem |"),
        "no empty ballot table:\n{md}"
    );
    assert!(!md.contains("Go 0 · No-go 0"), "no tally of nothing:\n{md}");
    assert!(!md.contains("procesbegeleider"), "{md}");
    end_workshop(&mut f.app);
    // the next workshop's recap gives the reason, as a NO-GO's route
    let mut f = reopen(f, 24 * 7);
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains("‖ UITGESTELD (besloten door de deelnemers, bijeenkomst 1)"),
        "{screen}"
    );
    assert!(
        screen.contains("Reden van uitstel: eerst de cijfers van de GGD"),
        "{screen}"
    );
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    // in workshop 2: still no vote held, so v goes straight to the ballots
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    assert_eq!(f.app.ctx(), Ctx::Vote);
    // a NO-GO
    cast(&mut f.app, Some('2'));
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::VoteReadBack);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::FollowUp);
    ch(&mut f.app, '1');
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    end_workshop(&mut f.app);
    // workshop 3: v shows the NO-GO, n asks why the room votes again
    let mut f = reopen(f, 24 * 14);
    update(&mut f.app, Action::Confirm);
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    assert_eq!(f.app.ctx(), Ctx::VoteEarlier);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("▼ NO-GO"), "{screen}");
    assert!(screen.contains("Stemmingen in deze sessie: 1."), "{screen}");
    ch(&mut f.app, 'n');
    assert_eq!(f.app.ctx(), Ctx::VoteAgain);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Deze stemming vervangt het ▼ NO-GO van bijeenkomst 2."),
        "{screen}"
    );
    keys(&mut f.app, "BZK heeft nu wel middelen");
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Vote);
    cast(&mut f.app, None);
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    let screen = render_text(&f.app, 120, 40);
    assert!(
        screen.contains("Vervangt het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)"),
        "the banner: {screen}"
    );
    ch(&mut f.app, ' ');
    let s = on_disk(&f.path);
    assert_eq!(s.votes.len(), 3);
    assert_eq!(s.votes[2].outcome, Outcome::Go);
    assert_eq!(s.votes[2].again_because, "BZK heeft nu wel middelen");
    // the minutes of workshop 3 say which vote the GO replaces and why
    let md = export::markdown(&Framework::builtin(), &s, Some(3), &opts()).unwrap();
    assert!(
        md.contains("het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)"),
        "{md}"
    );
    // the session report: the chain of decisions in order; the deferral
    // gives its reason and is never "replaced"
    let md = export::markdown(&Framework::builtin(), &s, None, &opts()).unwrap();
    let chain = &md[md.find("Stemmingen").expect(&md)..];
    let deferral = chain.find("eerst de cijfers van de GGD").expect(chain);
    let no_go = chain
        .find("▼ NO-GO — Go 3 · No-go 1")
        .expect("the NO-GO in the chain");
    let go = chain
        .find("vervangt het ▼ NO-GO van bijeenkomst 2 (BZK heeft nu wel middelen)")
        .expect("the GO says what it replaces");
    assert!(deferral < no_go && no_go < go, "{chain}");
    let deferral_line = chain[deferral..].lines().next().unwrap();
    assert!(!deferral_line.contains("vervangen"), "{deferral_line}");
    let no_go_line = chain[no_go..].lines().next().unwrap();
    assert!(
        no_go_line.contains("vervangen door een latere stemming"),
        "{no_go_line}"
    );
    // the votes' CSV: the NO-GO replaced by vote 3, the GO's reason, and
    // nobody "nog niet gestemd" in the deferral (no vote was held)
    let csv = export::csv_votes(&Framework::builtin(), &s, None, &opts()).unwrap();
    let text = String::from_utf8(csv).unwrap();
    let rows: Vec<Vec<String>> = text.lines().map(cells).collect();
    let col = |name: &str| rows[0].iter().position(|h| h.contains(name)).expect(name);
    let (by, why) = (col("Vervangen door stemming"), col("Reden nieuwe stemming"));
    assert_eq!(rows[2][by], "3", "{text}");
    assert_eq!(rows[1][by], "", "a deferral is not replaced: {text}");
    assert_eq!(rows[3][why], "BZK heeft nu wel middelen", "{text}");
    assert!(!rows[1].join(";").contains("nog niet gestemd"), "{text}");
}

#[test]
fn the_facilitator_may_decide_the_deferral_and_says_so() {
    let mut f = four_parties();
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    ch(&mut f.app, 'u');
    press(&mut f.app, KeyCode::Tab);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("( ) de deelnemers"), "{screen}");
    assert!(screen.contains("(•) de procesbegeleider"), "{screen}");
    keys(&mut f.app, "de zaal moet om tien uur leeg");
    press(&mut f.app, KeyCode::Enter);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("‖ UITGESTELD (besloten door de procesbegeleider)"),
        "{screen}"
    );
    assert_eq!(
        on_disk(&f.path).votes[0].deferred,
        Some(DeferReason::Facilitator)
    );
}

/// Item 9: a note added to a decided point of block 1 leaves the cursor
/// there; the next workshop opens at the next open point of the lowest
/// open, unlocked block, and the recap and `list` say so too.
#[test]
fn the_next_workshop_resumes_at_the_next_open_point_not_at_the_cursor() {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    s.area = "Testwijk".into();
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    s.resume(now());
    let block = |b: usize| -> Vec<String> {
        fw.iter_points()
            .filter(|(pos, _, _)| pos.block == b)
            .map(|(_, _, p)| p.id.clone())
            .collect()
    };
    for id in block(0) {
        s.set_status(&id, Status::Consensus, vec![], "", now());
    }
    let ballots = (1..=4)
        .map(|party| wijktafel::vote::Ballot {
            party,
            choice: wijktafel::vote::Choice::Go,
            reason: String::new(),
        })
        .collect();
    let go = wijktafel::vote::Vote::cast(
        &s,
        vec![1, 2, 3, 4],
        ballots,
        wijktafel::vote::Closing::default(),
        now(),
    );
    s.votes.push(go);
    let two = block(1);
    for id in &two[..4] {
        s.set_status(id, Status::Consensus, vec![], "", now());
    }
    // a note on a decided point of block 1 leaves the cursor there
    s.cursor = "1.2.4".into();
    s.add_note("1.2.4", "nagekomen cijfers", now());
    s.end_workshop(now() + SignedDuration::from_hours(2));
    let f = open_app(fw.clone(), &s, Lang::Nl);
    let screen = render_text(&f.app, 160, 45);
    assert!(
        screen.contains(&format!("Verder bij {}", two[4])),
        "{screen}"
    );
    // list: the block the next workshop resumes in
    let listed = wijktafel::cli::list_text(&Store::at(f.dir.path()), None, Lang::Nl).unwrap();
    assert!(listed.contains(&fw.blocks[1].title), "{listed}");
    // the agenda of the next workshop: block 2's steps from there
    let agenda = export::render(&fw, &s, export::Format::Agenda, None, &opts()).unwrap();
    let agenda = String::from_utf8(agenda).unwrap();
    assert!(
        agenda.contains(&format!("Blok 2 — {}", fw.blocks[1].title)),
        "{agenda}"
    );
    let mut f = f;
    update(&mut f.app, Action::Confirm);
    assert_eq!(cursor(&f.app), two[4]);
    assert_eq!(on_disk(&f.path).cursor, two[4], "saved with the start");
}

/// The cells of one CSV line (`;`, quotes around a cell holding one).
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(String::new()),
            _ => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Item 8: consensus over a recorded "oneens" is in the CSV, in its own
/// column, as the facilitator's screen and the minutes say it.
#[test]
fn the_csv_marks_a_consensus_despite_disagree() {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    s.resume(now());
    s.set_stance("1.1.1", 2, Stance::Disagree, None, now());
    s.set_status("1.1.1", Status::Consensus, vec![], "", now());
    s.set_status("1.1.2", Status::Consensus, vec![], "", now());
    let csv = export::csv(&fw, &s, &opts());
    let text = String::from_utf8(csv).unwrap();
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(
        head.last().copied(),
        Some("Consensus ondanks oneens van"),
        "{head:?}"
    );
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id};")))
            .unwrap()
            .to_string()
    };
    let over = row("1.1.1");
    assert!(over.ends_with(";Woonstede (Bas)"), "{over}");
    assert!(row("1.1.2").ends_with(';'), "{}", row("1.1.2"));
}
