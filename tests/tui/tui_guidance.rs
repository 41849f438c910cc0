//! The framework in the terminal UI (issue 16): the guidance overlay (`b`)
//! and the block's guidance on the start screen of the workshop that enters
//! it, references named by kind in the info overlay (`i`), and the NO-GO
//! routes and the pulse question in the framework's words in the vote's
//! follow-up, the banner, the header, the recap and the summary.

use ratatui::crossterm::event::KeyCode;
use wijktafel::demo;
use wijktafel::framework::{DEFAULT_TOML, Framework};
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::store::{self};
use wijktafel::tui::Action;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::update;
use wijktafel::vote::{Outcome, Route};

use crate::common;
use crate::common::press;
use common::{Fixture, now, open_app, render_text};

fn app_with(fw: Framework, session: Session, lang: Lang) -> Fixture {
    open_app(fw, &session, lang)
}

/// A new session of `fw` with four parties, on its start screen.
fn four_parties(fw: Framework) -> Fixture {
    let mut s = Session::new("Testwijk", &fw, now());
    s.area = "Testwijk".into();
    s.municipality = "Voorbeeldstad".into();
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let f = app_with(fw, s, Lang::Nl);
    assert_eq!(f.app.screen(), Screen::Start);
    f
}

fn demo_fixture() -> Fixture {
    let fw = Framework::builtin();
    let s = demo::build(&fw, 2);
    let mut f = app_with(fw, s, Lang::Nl);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(app, w, h));
    }
}

/// The screen as one line of words (wrapped text joined again).
fn flat(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || "│║┃█░".contains(c)))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The follow-up's route column (from its title to the fields on its right)
/// as one line of words.
fn route_column(screen: &str) -> String {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let find = |needle: &str| {
        screen
            .lines()
            .find_map(|l| l.find(needle).map(|b| l[..b].chars().count()))
    };
    let from = find("NO-GO — welke").expect("the route list");
    // the words' field: "Anders, namelijk", or a note once a route is chosen
    let to = find("┌ Anders")
        .or_else(|| find("┌ Toelichting"))
        .expect("the fields");
    // the three columns before the fields hold the rule between them
    let to = to - 3;
    let col: Vec<String> = rows
        .iter()
        .filter(|r| r.len() > from)
        .map(|r| r[from..to.min(r.len())].iter().collect())
        .collect();
    flat(&col.join("\n"))
}

/// The first `n` words of a text.
fn opening(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------
// Guidance
// ---------------------------------------------------------------------------

#[test]
fn b_shows_the_guidance_of_the_current_block_and_of_the_framework() {
    let mut f = demo_fixture();
    let fw = Framework::builtin();
    for (cursor, block) in [("1.3.2", 0), ("2.1.2", 1), ("4.1.1", 3)] {
        f.app.open_session_mut().unwrap().session.cursor = cursor.into();
        ch(&mut f.app, 'b');
        assert_eq!(f.app.ctx(), Ctx::Guidance, "b opens the guidance");
        let screen = render_text(&f.app, 160, 45);
        let words = flat(&screen);
        let b = &fw.blocks[block];
        assert!(
            screen.contains(&format!("Toelichting bij blok {}", b.id)),
            "{screen}"
        );
        assert!(words.contains(&opening(&b.guidance, 8)), "{screen}");
        // another block's guidance is not shown
        let other = &fw.blocks[(block + 1) % 4];
        assert!(!words.contains(&opening(&other.guidance, 8)), "{screen}");
        // the framework's guidance is below: scroll to the end
        for _ in 0..20 {
            press(&mut f.app, KeyCode::PageDown);
        }
        let words = flat(&render_text(&f.app, 160, 45));
        assert!(words.contains("Over het afwegingskader"), "{words}");
        let last_para = fw.guidance.trim().rsplit("\n\n").next().unwrap();
        let tail: Vec<&str> = last_para.split_whitespace().rev().take(6).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        assert!(words.contains(&tail.join(" ")), "{words}");
        // read-only: Esc closes, nothing changed on disk
        press(&mut f.app, KeyCode::Esc);
        assert!(!f.app.has_dialog());
        assert_eq!(f.app.ctx(), Ctx::Main);
    }
    // `b` closes it as well
    ch(&mut f.app, 'b');
    ch(&mut f.app, 'b');
    assert!(!f.app.has_dialog());
    // `?` over it: its keys, and back to it
    ch(&mut f.app, 'b');
    ch(&mut f.app, '?');
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::help::HelpDialog>()
    );
    let help = render_text(&f.app, 160, 45);
    assert!(help.contains("PgUp/PgDn"), "{help}");
    press(&mut f.app, KeyCode::Esc);
    assert_eq!(f.app.ctx(), Ctx::Guidance);
}

#[test]
fn snapshots_of_the_guidance_overlay() {
    let mut f = demo_fixture();
    f.app.open_session_mut().unwrap().session.cursor = "2.1.2".into();
    ch(&mut f.app, 'b');
    snap("guidance_block2", &f.app);
    for _ in 0..3 {
        press(&mut f.app, KeyCode::PageDown);
    }
    snap("guidance_block2_scrolled", &f.app);
}

#[test]
fn the_start_screen_shows_the_guidance_of_a_block_nothing_is_recorded_in() {
    let fw = Framework::builtin();
    // a new session starts in block 1: its guidance is on the start screen
    let f = four_parties(fw.clone());
    let words = flat(&render_text(&f.app, 160, 45));
    assert!(
        words.contains("Nieuw blok 1 · Oriënteren en verkennen"),
        "{words}"
    );
    assert!(
        words.contains(&opening(&fw.blocks[0].guidance, 6)),
        "{words}"
    );
    // a session resuming at the start of block 1 after a capture there: no guidance
    let mut s = Session::new("Zuidrand", &fw, now());
    s.add_party("Gemeente", "Anna", "");
    s.resume(now());
    s.set_status("1.1.1", Status::Consensus, vec![], "", now());
    s.cursor = "1.1.1".into(); // its first point, but 1.1.1 is recorded
    s.end_workshop(now());
    let f = app_with(fw.clone(), s.clone(), Lang::Nl);
    assert_eq!(f.app.screen(), Screen::Start);
    let words = flat(&render_text(&f.app, 160, 45));
    assert!(!words.contains("Nieuw blok"), "{words}");
    // block 1 decided and a GO: the agenda resumes in block 2 (issue 24:
    // the next open point of the lowest open, unlocked block)
    let block_one: Vec<String> = fw
        .iter_points()
        .filter(|(pos, _, _)| pos.block == 0)
        .map(|(_, _, p)| p.id.clone())
        .collect();
    for id in &block_one {
        s.set_status(id, Status::Consensus, vec![], "", now());
    }
    let mut go = wijktafel::vote::Vote::cast(&s, vec![1], vec![], Default::default(), now());
    go.outcome = wijktafel::vote::Outcome::Go;
    go.deferred = None;
    s.votes.push(go);
    // resuming inside block 2, untouched: not its start, no guidance
    s.cursor = "2.1.2".into();
    let f = app_with(fw.clone(), s.clone(), Lang::Nl);
    assert!(!flat(&render_text(&f.app, 160, 45)).contains("Nieuw blok"));
    // resuming at the start of block 2, untouched: block 2's guidance
    s.cursor = "2.1.1".into();
    let f = app_with(fw.clone(), s, Lang::Nl);
    let screen = render_text(&f.app, 160, 45);
    let words = flat(&screen);
    assert!(words.contains("Nieuw blok 2 · Initiëren"), "{words}");
    assert!(
        words.contains(&opening(&fw.blocks[1].guidance, 6)),
        "{words}"
    );
    insta::assert_snapshot!("start_new_block_160x45", screen);
}

// ---------------------------------------------------------------------------
// References named by kind
// ---------------------------------------------------------------------------

#[test]
fn the_info_overlay_names_references_by_kind() {
    let mut f = demo_fixture();
    f.app.open_session_mut().unwrap().session.cursor = "2.2.1".into();
    ch(&mut f.app, 'i');
    let fw = Framework::builtin();
    let screen = render_text(&f.app, 160, 45);
    for (kind, id) in [("Uitgangspunt", "2.3"), ("Succesfactor", "3.3")] {
        let title = &fw.reference(id).unwrap().title;
        assert!(
            screen.contains(&format!("{kind} {id} {title}")),
            "{kind} {id}: {screen}"
        );
    }
    snap("info_named_refs", &f.app);
    // in English too
    f.app.set_lang(Lang::En);
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("Principle 2.3 "), "{screen}");
    assert!(screen.contains("Success factor 3.3 "), "{screen}");
}

// ---------------------------------------------------------------------------
// The NO-GO routes and the pulse question in the framework's words
// ---------------------------------------------------------------------------

const OWN_SECTORAL: &str = "Sectoraal beleid per wijk flink opschalen, met extra inzet van jeugdzorg, schuldhulp en wijkagenten";
const OWN_ROUTE: &str = "Een eigen buurtbudget dat bewoners zelf besteden";
const OWN_PULSE: &str = "Wanneer en met wie kijken we in deze gemeente opnieuw naar de wijk?";

/// The built-in framework with a municipality's own words for a route, a
/// route of its own in place of "community", and its own pulse question.
fn own_framework() -> Framework {
    let text = DEFAULT_TOML
        .replacen(
            "text = \"Een intensivering van sectoraal beleid\"",
            &format!("text = \"{OWN_SECTORAL}\""),
            1,
        )
        .replacen(
            "id = \"community\"\ntext = \"Investeren in community building\"",
            &format!("id = \"buurtbudget\"\ntext = \"{OWN_ROUTE}\""),
            1,
        )
        .replacen(
            "pulse = \"Op welke wijze houden de gemeente en andere partijen de vinger aan de pols?\"",
            &format!("pulse = \"{OWN_PULSE}\""),
            1,
        );
    assert_ne!(text, DEFAULT_TOML);
    let fw = Framework::parse(&text, "eigen.toml").unwrap();
    assert_eq!(fw.route_text("sectoral"), Some(OWN_SECTORAL));
    assert_eq!(fw.route_text("buurtbudget"), Some(OWN_ROUTE));
    assert_eq!(fw.pulse_question(), Some(OWN_PULSE));
    fw
}

/// At the decision step: one party votes NO-GO, the rest GO; the vote is
/// closed and read back; the follow-up is open.
fn to_follow_up(app: &mut App) {
    update(app, Action::Confirm);
    while app.session().unwrap().cursor != "1.5.1" {
        press(app, KeyCode::PageDown);
    }
    ch(app, 'v');
    for p in ['1', '2', '3', '4'] {
        ch(app, p);
        if p == '1' {
            ch(app, 'n');
            ch(app, 'r');
            for c in "eerst de bewoners".chars() {
                ch(app, c);
            }
            press(app, KeyCode::Enter);
        } else {
            ch(app, 'g');
        }
    }
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert_eq!(app.ctx(), Ctx::FollowUp);
}

#[test]
fn the_follow_up_and_the_banner_use_the_frameworks_words() {
    let mut f = four_parties(own_framework());
    to_follow_up(&mut f.app);
    let screen = render_text(&f.app, 160, 45);
    let routes = route_column(&screen);
    assert!(
        routes.contains(&format!("3 ○ {OWN_SECTORAL}")),
        "the route wraps whole: {screen}"
    );
    assert!(routes.contains(&format!("4 ○ {OWN_ROUTE}")), "{screen}");
    assert!(routes.contains("5 ○ anders"), "{screen}");
    assert!(
        flat(&screen).contains(OWN_PULSE),
        "the pulse question: {screen}"
    );
    assert!(
        !routes.contains("community building") && !routes.contains("intensivering"),
        "the built-in words are not shown: {screen}"
    );
    // at 80 columns the chosen long route wraps whole in view
    ch(&mut f.app, '3');
    let small = render_text(&f.app, 80, 24);
    let routes = route_column(&small);
    assert!(routes.contains(&format!("3 ◉ {OWN_SECTORAL}")), "{small}");
    assert!(
        routes.contains("buiten beeld"),
        "says what is out of view: {small}"
    );
    // once a route is chosen, the arrows change it (a digit is the date's)
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Down);
    let routes = route_column(&render_text(&f.app, 80, 24));
    assert!(routes.contains("5 ◉ anders"), "{routes}");
    // the third route is this framework's "sectoral"
    press(&mut f.app, KeyCode::Up);
    press(&mut f.app, KeyCode::Up);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Banner);
    let banner = render_text(&f.app, 80, 24);
    assert!(
        flat(&banner).contains(&format!("Vervolgroute: {OWN_SECTORAL}")),
        "{banner}"
    );
    let v = &store::load(&f.path).unwrap().votes[0];
    assert_eq!(v.outcome, Outcome::NoGo);
    assert_eq!(v.follow_up.as_ref().unwrap().route, Route::Sectoral);
    ch(&mut f.app, ' ');
    // the header names it too, cut with "…" where it does not fit whole
    let head = render_text(&f.app, 160, 45);
    let first = head.lines().next().unwrap();
    assert!(first.contains("vervolg: Sectoraal beleid"), "{first}");
    assert!(
        first.contains(OWN_SECTORAL) || first.contains('…'),
        "whole or marked as cut: {first}"
    );
}

#[test]
fn a_route_of_the_frameworks_own_is_stored_by_its_id() {
    let mut f = four_parties(own_framework());
    to_follow_up(&mut f.app);
    ch(&mut f.app, '4');
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Banner, "no words of our own are asked");
    let v = &store::load(&f.path).unwrap().votes[0];
    let fu = v.follow_up.as_ref().unwrap();
    assert_eq!(fu.route, Route::Other);
    // by its id (issue 31): the words come from the framework
    assert_eq!(fu.id.as_deref(), Some("buurtbudget"));
    assert_eq!(fu.text, "", "no words of the facilitator");
    assert_eq!(fu.route_words(&own_framework(), Lang::Nl), OWN_ROUTE);
    let banner = flat(&render_text(&f.app, 80, 24));
    assert!(
        banner.contains(&format!("Vervolgroute: {OWN_ROUTE}")),
        "its words, without \"anders:\": {banner}"
    );
    // the minutes name it the same way
    let sess = store::load(&f.path).unwrap();
    let o = wijktafel::export::Options {
        lang: Lang::Nl,
        anonymize: false,
        tz: jiff::tz::TimeZone::UTC,
    };
    let md = wijktafel::export::markdown(&own_framework(), &sess, Some(1), &o).unwrap();
    assert!(md.contains(OWN_ROUTE), "{md}");
    assert!(!md.contains(&format!("anders: {OWN_ROUTE}")), "{md}");
    // "anders" (5) still asks for the facilitator's words
    let mut f = four_parties(own_framework());
    to_follow_up(&mut f.app);
    ch(&mut f.app, '5');
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::FollowUp, "other needs its words");
}

#[test]
fn the_recap_and_the_summary_name_the_route_in_the_frameworks_words() {
    let mut f = four_parties(own_framework());
    to_follow_up(&mut f.app);
    ch(&mut f.app, '3');
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    f.app
        .open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let words = flat(&render_text(&f.app, 160, 45));
    assert!(
        words.contains(&format!("Vervolgroute: {OWN_SECTORAL}")),
        "{words}"
    );
    // the recap of the next workshop
    let mut s = store::load(&f.path).unwrap();
    s.end_workshop(now());
    let next = app_with(own_framework(), s, Lang::Nl);
    assert_eq!(next.app.screen(), Screen::Start);
    let words = flat(&render_text(&next.app, 160, 45));
    assert!(words.contains("Laatste go/no-go"), "{words}");
    assert!(
        !words.contains("Nieuw blok"),
        "resuming at 1.5.1 is not entering a block: {words}"
    );
    assert!(
        words.contains(&format!("Vervolgroute: {OWN_SECTORAL}")),
        "{words}"
    );
}

#[test]
fn the_builtin_routes_are_the_seeds_words_in_the_follow_up() {
    let fw = Framework::builtin();
    let mut f = four_parties(fw.clone());
    to_follow_up(&mut f.app);
    let screen = render_text(&f.app, 160, 45);
    let words = flat(&screen);
    let routes = route_column(&screen);
    for r in fw.no_go_routes() {
        assert!(routes.contains(&r.text), "{}: {screen}", r.id);
    }
    // the question above the date, in the fields' column
    let to = screen
        .lines()
        .find_map(|l| l.find("┌ Anders").map(|b| l[..b].chars().count()))
        .expect("the fields");
    let fields: Vec<String> = screen
        .lines()
        .map(|l| l.chars().skip(to).collect())
        .collect();
    assert!(
        flat(&fields.join("\n")).contains(fw.pulse_question().unwrap()),
        "{screen}"
    );
    assert!(words.contains("Op welke wijze"), "{screen}");
    snap("follow_up_routes", &f.app);
    // the longest route, chosen: the banner wraps it whole
    ch(&mut f.app, '1');
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Banner);
    let lighter = fw.route_text("lighter").unwrap();
    for (w, h) in [(80, 24), (160, 45)] {
        let banner = flat(&render_text(&f.app, w, h));
        assert!(
            banner.contains(&format!("Vervolgroute: {lighter}")),
            "{w}x{h}: {banner}"
        );
    }
    snap("banner_lighter", &f.app);
}
