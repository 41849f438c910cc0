//! The go/no-go vote says exactly what the room decided (issue 14, item 8):
//! the result is read back before it is final and a ballot can be
//! corrected; cast ballots are not thrown away without asking; an earlier
//! vote is shown before a new one, which is added (never replacing it);
//! the latest vote decides the gate in every path; the header shows the
//! decision; `w` goes on from the vote to the summary; the minutes mark a
//! superseded vote.

use jiff::SignedDuration;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::store::Store;
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::update;
use wijktafel::tui::widgets::footer::fitting;
use wijktafel::tui::{Action, map_event};
use wijktafel::vote::Outcome;

/// A new session with four parties, in workshop 1 on the main screen.
fn four_parties(lang: Lang) -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    s.area = "Testwijk".into();
    s.municipality = "Voorbeeldstad".into();
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let mut f = open_app(Framework::builtin(), &s, lang);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

use wijktafel::tui::theme::ThemeKind;

use crate::common;
use crate::common::{on_disk, press};
use common::{Fixture, now, open_app, render_text};

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

fn cursor(app: &App) -> String {
    app.session().unwrap().cursor.clone()
}

fn to_decision_step(app: &mut App) {
    while cursor(app) != "1.5.1" {
        press(app, KeyCode::PageDown);
    }
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render_text(app, w, h));
    }
}

/// Every present party votes Go; party `nogo` (1-based, if any) No-go with a reason.
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

/// A whole GO vote at the decision step, banner closed.
fn vote_go(app: &mut App) {
    ch(app, 'v');
    if app.ctx() == Ctx::VoteEarlier {
        ch(app, 'n');
        // why the room votes again: optional
        ctx_is_vote(app, Ctx::VoteAgain);
        press(app, KeyCode::Enter);
    }
    cast(app, None);
    press(app, KeyCode::Enter);
    assert_eq!(app.ctx(), Ctx::VoteReadBack);
    press(app, KeyCode::Enter);
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>());
    ch(app, ' ');
    assert!(!app.has_dialog());
}

fn ctx_is_vote(app: &App, ctx: Ctx) {
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::VoteDialog>());
    assert_eq!(app.ctx(), ctx);
}

#[test]
fn the_result_is_read_back_and_a_mistaken_ballot_corrected_before_it_is_final() {
    let mut f = four_parties(Lang::Nl);
    let app = &mut f.app;
    to_decision_step(app);
    ch(app, 'v');
    ctx_is_vote(app, Ctx::Vote);
    keys(app, "1g2g3o4g");
    press(app, KeyCode::Enter);
    // not recorded yet: the read-back
    ctx_is_vote(app, Ctx::VoteReadBack);
    assert!(
        on_disk(&f.path).votes.is_empty(),
        "nothing final before Enter"
    );
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Uitkomst: ▲ GO — Go 3 · No-go 0 · Onthouding 1 · afwezig 0"),
        "{screen}"
    );
    assert!(screen.contains("– Onthouding  Politie"), "{screen}");
    assert!(screen.contains("Enter bevestigen"), "{screen}");
    assert!(screen.contains("Esc corrigeren"), "{screen}");
    // Esc: back to the ballots with everything kept; correct party 3
    press(&mut f.app, KeyCode::Esc);
    ctx_is_vote(&f.app, Ctx::Vote);
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("Go 3 · No-go 0 · Onthouding 1"), "{screen}");
    keys(&mut f.app, "3g");
    press(&mut f.app, KeyCode::Enter);
    ctx_is_vote(&f.app, Ctx::VoteReadBack);
    assert!(render_text(&f.app, 80, 24).contains("Uitkomst: ▲ GO — Go 4 · No-go 0"));
    press(&mut f.app, KeyCode::Enter);
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>()
    );
    let s = on_disk(&f.path);
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].tally.go, 4);
    assert_eq!(s.votes[0].tally.abstain, 0);
}

#[test]
fn a_no_go_is_read_back_before_its_follow_up() {
    let mut f = four_parties(Lang::Nl);
    let app = &mut f.app;
    to_decision_step(app);
    ch(app, 'v');
    cast(app, Some('2'));
    press(app, KeyCode::Enter);
    ctx_is_vote(app, Ctx::VoteReadBack);
    let screen = render_text(app, 80, 24);
    assert!(
        screen.contains("Uitkomst: ▼ NO-GO — Go 3 · No-go 1"),
        "{screen}"
    );
    assert!(screen.contains("eerst de bewoners horen"), "{screen}");
    assert!(screen.contains("vervolgroute"), "{screen}");
    snap("vote_read_back_no_go", app);
    press(app, KeyCode::Enter);
    ctx_is_vote(app, Ctx::FollowUp);
    ch(app, '1');
    press(app, KeyCode::Enter);
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>());
    assert_eq!(
        on_disk(&f.path).latest_vote().unwrap().outcome,
        Outcome::NoGo
    );
}

#[test]
fn esc_on_cast_ballots_asks_before_throwing_them_away() {
    let mut f = four_parties(Lang::Nl);
    let app = &mut f.app;
    to_decision_step(app);
    // nothing cast: Esc leaves at once
    ch(app, 'v');
    press(app, KeyCode::Esc);
    assert!(!app.has_dialog());
    ch(app, 'v');
    keys(app, "1g2n");
    press(app, KeyCode::Esc);
    ctx_is_vote(app, Ctx::VoteDrop);
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("stemmen weggooien?"), "{screen}");
    assert!(screen.contains("j weggooien"), "{screen}");
    // n: back, all kept
    ch(app, 'n');
    ctx_is_vote(app, Ctx::Vote);
    assert!(render_text(app, 80, 24).contains("Go 1 · No-go 1"));
    press(app, KeyCode::Esc);
    ch(app, 'j');
    assert!(!app.has_dialog());
    assert!(on_disk(&f.path).votes.is_empty());
}

#[test]
fn an_earlier_vote_is_shown_and_a_new_vote_is_added_and_decides() {
    let mut f = four_parties(Lang::Nl);
    to_decision_step(&mut f.app);
    vote_go(&mut f.app);
    // v again: the earlier vote first
    ch(&mut f.app, 'v');
    ctx_is_vote(&f.app, Ctx::VoteEarlier);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("Er is al gestemd"), "{screen}");
    assert!(
        screen.contains("Stemming van 12-10-2026 14:45 · bijeenkomst 1"),
        "{screen}"
    );
    assert!(screen.contains("▲ GO — Go 4"), "{screen}");
    assert!(screen.contains("n nieuwe stemming"), "{screen}");
    snap("vote_earlier", &f.app);
    // Esc: nothing changes
    press(&mut f.app, KeyCode::Esc);
    assert!(!f.app.has_dialog());
    assert_eq!(on_disk(&f.path).votes.len(), 1);
    // a new vote, twenty minutes later: NO-GO
    f.app.set_now(now() + SignedDuration::from_mins(20));
    ch(&mut f.app, 'v');
    ch(&mut f.app, 'n');
    // why the room votes again (optional): it goes into the minutes
    ctx_is_vote(&f.app, Ctx::VoteAgain);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Deze stemming vervangt het ▲ GO van bijeenkomst 1."),
        "{screen}"
    );
    keys(&mut f.app, "de wethouder vroeg erom");
    // Esc goes back to the earlier vote; n again keeps nothing typed
    press(&mut f.app, KeyCode::Esc);
    ctx_is_vote(&f.app, Ctx::VoteEarlier);
    ch(&mut f.app, 'n');
    keys(&mut f.app, "de wethouder vroeg erom");
    press(&mut f.app, KeyCode::Enter);
    ctx_is_vote(&f.app, Ctx::Vote);
    assert!(
        render_text(&f.app, 80, 24).contains("? nog niet gestemd"),
        "a new vote starts blank"
    );
    cast(&mut f.app, Some('4'));
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, '2');
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    let s = on_disk(&f.path);
    assert_eq!(s.votes.len(), 2, "the earlier vote is kept");
    assert_eq!(s.votes[0].outcome, Outcome::Go);
    assert_eq!(s.votes[1].outcome, Outcome::NoGo);
    assert!(!s.gate_open(), "the latest vote decides");
    assert!(f.app.block_locked(1));
    // the minutes list both, the first marked as superseded
    let opts = wijktafel::export::Options {
        tz: TimeZone::UTC,
        ..wijktafel::export::Options::new(Lang::Nl)
    };
    let md = wijktafel::export::markdown(&Framework::builtin(), &s, Some(1), &opts).unwrap();
    let first = md.find("Go/no-go — ▲ GO (14:45)").expect(&md);
    let second = md.find("Go/no-go — ▼ NO-GO (15:05)").expect(&md);
    assert!(first < second, "{md}");
    assert!(
        md[first..second].contains("Vervangen door de stemming van 15:05"),
        "{md}"
    );
    assert!(!md[second..].contains("Vervangen door"), "{md}");
    // the new vote says what it replaces and why
    assert_eq!(s.votes[1].again_because, "de wethouder vroeg erom");
    assert!(
        md[second..].contains("het ▲ GO van bijeenkomst 1 (de wethouder vroeg erom)"),
        "{md}"
    );
    // and v shows the latest one now
    ch(&mut f.app, 'v');
    assert!(render_text(&f.app, 80, 24).contains("Stemmingen in deze sessie: 2"));
    assert!(render_text(&f.app, 80, 24).contains("▼ NO-GO — Go 3 · No-go 1"));
}

#[test]
fn after_a_new_no_go_nothing_is_captured_in_the_locked_block_by_any_path() {
    let mut f = four_parties(Lang::Nl);
    to_decision_step(&mut f.app);
    vote_go(&mut f.app);
    // into block 2 with the GO; a capture there
    press(&mut f.app, KeyCode::PageDown);
    assert_eq!(cursor(&f.app), "2.1.1");
    ch(&mut f.app, 'c');
    assert_eq!(on_disk(&f.path).status_of("2.1.1"), Status::Consensus);
    // a new vote while in block 2: NO-GO
    ch(&mut f.app, 'v');
    ch(&mut f.app, 'j'); // the vote belongs to step 1.5: vote anyway
    ch(&mut f.app, 'n');
    press(&mut f.app, KeyCode::Enter); // no reason given
    cast(&mut f.app, Some('1'));
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, '1'); // the follow-up route
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    assert!(!f.app.has_dialog());
    assert!(f.app.block_locked(1));
    assert_eq!(cursor(&f.app), "2.1.1");
    assert!(render_text(&f.app, 80, 24).contains("⊘ vergrendeld"));
    let before = on_disk(&f.path);
    let esc = |app: &mut App| {
        assert!(
            app.dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>(),
            "the gate asks for a reason"
        );
        press(app, KeyCode::Esc);
        assert!(!app.has_dialog());
    };
    // status keys, stances, notes, actions: the override dialog, nothing captured
    for k in ['o', 'd', 's', '1', 'n', 'a'] {
        ch(&mut f.app, k);
        esc(&mut f.app);
    }
    press(&mut f.app, KeyCode::Tab);
    esc(&mut f.app);
    // j within the locked block does not move
    ch(&mut f.app, 'j');
    esc(&mut f.app);
    assert_eq!(cursor(&f.app), "2.1.1");
    // nor does a jump from the overview
    ch(&mut f.app, 'g');
    press(&mut f.app, KeyCode::Down);
    press(&mut f.app, KeyCode::Enter);
    esc(&mut f.app);
    assert_eq!(cursor(&f.app), "2.1.1");
    // undo does not reach behind the vote: the consensus in block 2 stays
    ch(&mut f.app, 'u');
    assert!(!f.app.has_dialog());
    assert!(f.app.flash().unwrap().text.contains("sinds de stemming"));
    let after = on_disk(&f.path);
    assert_eq!(after.points, before.points, "nothing captured");
    assert_eq!(after.status_of("2.1.1"), Status::Consensus);
    // K leaves for block 1, where captures go on
    ch(&mut f.app, 'K');
    assert_eq!(cursor(&f.app), "1.5.1");
    ch(&mut f.app, 'c');
    assert_eq!(on_disk(&f.path).status_of("1.5.1"), Status::Consensus);
    // J into block 2 asks; with a reason, it opens and captures land again
    ch(&mut f.app, 'J');
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>()
    );
    keys(&mut f.app, "wethouder wil doorpraten");
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, 'j'); // the reason read back: open it
    assert_eq!(cursor(&f.app), "2.1.1");
    ch(&mut f.app, 'o');
    assert_eq!(on_disk(&f.path).status_of("2.1.1"), Status::Open);
}

#[test]
fn ending_in_block_one_goes_from_the_vote_to_the_summary() {
    let mut f = four_parties(Lang::Nl);
    ch(&mut f.app, 'c');
    ch(&mut f.app, 'w');
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::confirm::ConfirmDialog>()
    );
    ch(&mut f.app, 'j');
    ctx_is_vote(&f.app, Ctx::Vote);
    cast(&mut f.app, None);
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.ctx(), Ctx::Banner);
    assert!(render_text(&f.app, 80, 24).contains("▲ GO"));
    ch(&mut f.app, ' ');
    assert!(
        f.app
            .dialog_is::<wijktafel::tui::dialogs::summary::SummaryDialog>(),
        "on to the end of the workshop"
    );
    press(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.screen(), Screen::Home);
    let s = on_disk(&f.path);
    assert!(s.workshops[0].ended.is_some());
    assert_eq!(s.votes.len(), 1);
}

#[test]
fn the_header_shows_the_decision_whole_or_its_route_cut_with_an_ellipsis() {
    let mut f = four_parties(Lang::Nl);
    let header = |app: &App, w: u16| render_text(app, w, 24).lines().next().unwrap().to_string();
    assert!(!header(&f.app, 160).contains("GO"), "no vote, no decision");
    to_decision_step(&mut f.app);
    vote_go(&mut f.app);
    for w in [80, 160] {
        assert!(header(&f.app, w).contains("▲ GO (14:45)"), "{w}");
    }
    // a NO-GO with its follow-up route, later
    f.app.set_now(now() + SignedDuration::from_mins(20));
    ch(&mut f.app, 'v');
    ch(&mut f.app, 'n');
    press(&mut f.app, KeyCode::Enter);
    cast(&mut f.app, Some('3'));
    press(&mut f.app, KeyCode::Enter);
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, '1');
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    // the route in the framework's words, cut with "…" where it does not fit
    let wide = header(&f.app, 160);
    assert!(
        wide.contains("▼ NO-GO (15:05) · vervolg: Een lichtere gebiedsgerichte aanpak"),
        "{wide}"
    );
    assert!(wide.contains("… · Bijeenkomst 1"), "{wide}");
    let narrow = header(&f.app, 80);
    assert!(
        narrow.contains("▼ NO-GO (15:05) · Bijeenkomst 1"),
        "{narrow}"
    );
    assert!(!narrow.contains("vervolg"), "{narrow}");
    snap("main_decision_no_go", &f.app);
    // whole or left out: for any room, one of the forms that fits, or none
    use wijktafel::view::decision;
    let sess = f.app.session().unwrap();
    let forms = decision::forms(&f.app.env(), sess);
    assert_eq!(forms.len(), 3, "{forms:?}");
    let full = &forms[0];
    let route = full.split("vervolg: ").nth(1).unwrap();
    let prefix: String = full
        .chars()
        .take(full.chars().count() - route.chars().count())
        .collect();
    let mut cut_seen = false;
    for room in 0..full.chars().count() + 10 {
        match decision::fitting(&f.app.env(), sess, room) {
            Some(d) if !forms.contains(&d) => {
                // the route cut: at least 16 columns of it, ending in "…"
                cut_seen = true;
                assert!(d.chars().count() <= room, "{room}: {d}");
                assert!(d.starts_with(&prefix) && d.ends_with('…'), "{d}");
                assert!(d.chars().count() >= prefix.chars().count() + 16, "{d}");
                let kept = d[prefix.len()..].trim_end_matches('…');
                assert!(route.starts_with(kept), "{d}");
            }
            Some(d) => assert!(d.chars().count() <= room),
            None => assert!(forms.iter().all(|d| d.chars().count() > room)),
        }
    }
    assert!(cut_seen, "some rooms show the route cut");
    assert_eq!(
        decision::fitting(&f.app.env(), sess, full.chars().count()).as_ref(),
        Some(full),
        "whole when it fits"
    );
    assert_eq!(
        decision::fitting(&f.app.env(), sess, 8).as_deref(),
        Some("▼ NO-GO")
    );
    assert_eq!(decision::fitting(&f.app.env(), sess, 6), None);
}

#[test]
fn english_vote_screens_speak_english() {
    let mut f = four_parties(Lang::En);
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    cast(&mut f.app, None);
    press(&mut f.app, KeyCode::Enter);
    let screen = render_text(&f.app, 80, 24);
    assert!(
        screen.contains("Check the result before it is recorded"),
        "{screen}"
    );
    assert!(screen.contains("Outcome: ▲ GO — Go 4"), "{screen}");
    assert!(
        !screen.contains("Uitkomst") && !screen.contains("bevestigen"),
        "{screen}"
    );
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, ' ');
    ch(&mut f.app, 'v');
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("A vote was held before"), "{screen}");
    assert!(screen.contains("n new vote"), "{screen}");
    assert!(
        !screen.contains("Stemming") && !screen.contains("gestemd"),
        "{screen}"
    );
}

#[test]
fn the_new_stages_keep_help_and_the_way_out_at_80_columns() {
    for lang in [Lang::Nl, Lang::En] {
        for ctx in [Ctx::VoteEarlier, Ctx::VoteReadBack, Ctx::VoteDrop] {
            let hints = fitting(ctx, lang.strings(), 72, false);
            let keys: Vec<&str> = hints.iter().map(|h| h.0).collect();
            assert!(keys.contains(&"?"), "{ctx:?}: {keys:?}");
            assert!(
                keys.last().is_some_and(|k| k.contains("Esc")),
                "{ctx:?}: {keys:?}"
            );
        }
    }
}

#[test]
fn a_draft_typed_before_the_lock_is_kept_but_nothing_else_lands_there() {
    // a file from before: a NO-GO, the cursor in block 2, a half-typed note there
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for o in ["Gemeente", "Woonstede"] {
        s.add_party(o, "", "");
    }
    s.start_workshop(&[1, 2], now());
    let mut v = wijktafel::vote::Vote::cast(
        &s,
        vec![1, 2],
        vec![],
        wijktafel::vote::Closing::default(),
        now(),
    );
    v.outcome = Outcome::NoGo;
    s.votes.push(v);
    s.cursor = "2.1.1".into();
    s.draft = Some(wijktafel::session::Draft {
        point: "2.1.1".into(),
        kind: wijktafel::session::DraftKind::Note,
        text: "half getypt".into(),
        at: now(),
    });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(
        Framework::builtin(),
        Lang::Nl,
        ThemeKind::Dark,
        store,
        now(),
    );
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    assert!(
        app.dialog_is::<wijktafel::tui::dialogs::note::NoteDialog>(),
        "the draft is back"
    );
    press(&mut app, KeyCode::Enter);
    assert!(!app.has_dialog());
    let r = on_disk(&path);
    assert_eq!(r.record("2.1.1").unwrap().notes[0].text, "half getypt");
    // but that was the draft's one capture: the block stays locked
    ch(&mut app, 'c');
    assert!(app.dialog_is::<wijktafel::tui::dialogs::gate_override::GateOverrideDialog>());
    press(&mut app, KeyCode::Esc);
    assert_eq!(on_disk(&path).status_of("2.1.1"), Status::Open);
    // with a reason the block opens, and the `c` that hit the lock goes on:
    // it need not be pressed again (seen by hand: it was dropped silently)
    ch(&mut app, 'c');
    keys(&mut app, "wethouder wil door");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        on_disk(&path).status_of("2.1.1"),
        Status::Open,
        "read back first"
    );
    ch(&mut app, 'j');
    assert!(!app.has_dialog(), "{:?}", app.ctx());
    let r = on_disk(&path);
    assert_eq!(r.overrides.len(), 1);
    assert_eq!(r.status_of("2.1.1"), Status::Consensus);
    assert_eq!(cursor(&app), "2.1.1", "the cursor stays on its point");
}

#[test]
fn on_the_follow_up_a_cut_ballot_list_says_how_many_parties_are_out_of_view() {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for i in 1..=8 {
        s.add_party(&format!("Partij {i}"), "", "");
    }
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.create(&s).unwrap();
    let mut app = App::new(fw, Lang::Nl, ThemeKind::Dark, store, now());
    app.set_tz(TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    update(&mut app, Action::Confirm);
    to_decision_step(&mut app);
    ch(&mut app, 'v');
    ch(&mut app, '1');
    ch(&mut app, 'n');
    ch(&mut app, 'r');
    keys(&mut app, "geen budget");
    press(&mut app, KeyCode::Enter);
    for i in 2..=8 {
        ch(&mut app, char::from_digit(i, 10).unwrap());
        ch(&mut app, 'g');
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let screen = render_text(&app, 80, 24);
    assert!(screen.contains("welke vervolgroute"), "{screen}");
    assert!(
        screen.contains("meer partijen"),
        "the list says it is cut: {screen}"
    );
    assert!(
        !screen.contains("+0"),
        "only the ways the list goes on: {screen}"
    );
    assert!(
        screen.contains("Quorum: 8 van 8 partijen aanwezig, nodig"),
        "{screen}"
    );
    let _ = path;
}

/// The earlier vote shown before a new one gives its revisit date as every
/// other view does (20-01-2027), not as the ISO date it is stored in
/// (issue 24, item 10).
#[test]
fn the_earlier_vote_gives_its_revisit_date_as_every_view_does() {
    use wijktafel::vote::{Ballot, Choice, Closing, FollowUp, Route, Vote};
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    s.resume(now());
    let ballots = (1..=4)
        .map(|p| Ballot {
            party: p,
            choice: if p == 1 { Choice::NoGo } else { Choice::Go },
            reason: String::new(),
        })
        .collect();
    let closing = Closing {
        follow_up: Some(FollowUp {
            route: Route::Other,
            text: "eerst een wijkanalyse".into(),
            id: None,
        }),
        revisit: Some(jiff::civil::date(2027, 1, 20)),
        ..Default::default()
    };
    let v = Vote::cast(&s, vec![1, 2, 3, 4], ballots, closing, now());
    assert_eq!(v.outcome, Outcome::NoGo);
    s.votes.push(v);
    let mut f = open_app(fw, &s, Lang::Nl);
    update(&mut f.app, Action::Confirm);
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    let screen = render_text(&f.app, 160, 45);
    assert!(screen.contains("Er is al gestemd"), "{screen}");
    assert!(screen.contains("20-01-2027"), "{screen}");
    assert!(!screen.contains("2027-01-20"), "{screen}");
}

/// A NO-GO is the room's decision once its read-back is confirmed: it is
/// on disk before its follow-up is asked (a kill while the route is chosen
/// lost the ballots and their reasons: an outside test), the route then
/// joins the same vote, and Esc on the routes closes with the NO-GO kept.
#[test]
fn a_confirmed_no_go_is_on_disk_before_its_follow_up() {
    for route in [true, false] {
        let mut f = four_parties(Lang::Nl);
        let app = &mut f.app;
        to_decision_step(app);
        ch(app, 'v');
        cast(app, Some('2'));
        press(app, KeyCode::Enter);
        ctx_is_vote(app, Ctx::VoteReadBack);
        press(app, KeyCode::Enter);
        ctx_is_vote(app, Ctx::FollowUp);
        // a kill now finds the vote in the file, ballots and reasons
        let disk = on_disk(&f.path);
        assert_eq!(disk.votes.len(), 1);
        let v = &disk.votes[0];
        assert_eq!(v.outcome, Outcome::NoGo);
        assert!(v.follow_up.is_none());
        assert!(
            v.ballots
                .iter()
                .any(|b| b.reason == "eerst de bewoners horen")
        );
        if route {
            ch(app, '1');
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Esc);
        }
        assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::banner::BannerDialog>());
        let disk = on_disk(&f.path);
        assert_eq!(
            disk.votes.len(),
            1,
            "the route joins the vote, no second vote"
        );
        assert_eq!(disk.votes[0].follow_up.is_some(), route);
        assert_eq!(disk.latest_vote().unwrap().outcome, Outcome::NoGo);
    }
}

/// `u` after a vote does not take back what the room decided on: the
/// consensus captured before the vote stays, with a message that says why;
/// a capture after the vote is undone as any other.
#[test]
fn undo_does_not_reach_behind_a_vote() {
    let mut f = four_parties(Lang::Nl);
    ch(&mut f.app, 'c');
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
    to_decision_step(&mut f.app);
    vote_go(&mut f.app);
    let voted = on_disk(&f.path);
    ch(&mut f.app, 'u');
    let flash = f.app.flash().unwrap().text.clone();
    assert!(flash.contains("sinds de stemming"), "{flash}");
    assert_eq!(on_disk(&f.path).points, voted.points, "nothing undone");
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
    // a capture after the vote can be undone, and then nothing more
    ch(&mut f.app, 'k');
    let point = cursor(&f.app);
    assert_ne!(point, "1.5.1");
    let was = on_disk(&f.path).status_of(&point);
    assert_ne!(was, Status::Consensus);
    ch(&mut f.app, 'c');
    assert_eq!(on_disk(&f.path).status_of(&point), Status::Consensus);
    ch(&mut f.app, 'u');
    assert_eq!(on_disk(&f.path).status_of(&point), was);
    ch(&mut f.app, 'u');
    assert!(f.app.flash().unwrap().text.contains("sinds de stemming"));
    assert_eq!(on_disk(&f.path).status_of("1.1.1"), Status::Consensus);
}

/// At the decision step, the vote open and party 1's ballot a No-go
/// without its reason yet.
fn no_go_by_party_one() -> Fixture {
    let mut f = four_parties(Lang::Nl);
    to_decision_step(&mut f.app);
    ch(&mut f.app, 'v');
    ch(&mut f.app, '1');
    ch(&mut f.app, 'n');
    f
}

/// A party's No-go with its reason changed to Go: the reason, given for
/// the No-go, is shown again to keep, change or clear; it is not carried
/// into the Go unseen.
#[test]
fn a_no_go_changed_to_go_shows_its_reason_again() {
    let mut f = no_go_by_party_one();
    ch(&mut f.app, 'r');
    keys(&mut f.app, "eerst vertrouwen herstellen");
    press(&mut f.app, KeyCode::Enter);
    ctx_is_vote(&f.app, Ctx::Vote);
    ch(&mut f.app, '1');
    ch(&mut f.app, 'g');
    ctx_is_vote(&f.app, Ctx::VoteReason);
    let screen = render_text(&f.app, 80, 24);
    assert!(screen.contains("eerst vertrouwen herstellen"), "{screen}");
    // cleared: the Go has no reason
    let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    if let Some(a) = map_event(&f.app, ctrl_u) {
        update(&mut f.app, a);
    }
    press(&mut f.app, KeyCode::Enter);
    ctx_is_vote(&f.app, Ctx::Vote);
    let screen = render_text(&f.app, 160, 45);
    assert!(!screen.contains("vertrouwen"), "{screen}");
    let first = screen
        .lines()
        .find(|l| l.contains("Gemeente"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(first.contains("▲ Go"), "{first}");
}

/// A deferral keeps the ballots cast so far, so a No-go among them needs
/// its reason first, as a closed vote's does (it was recorded without).
#[test]
fn a_deferral_asks_the_reason_of_a_no_go_cast_before_it() {
    let mut f = no_go_by_party_one();
    ch(&mut f.app, 'u');
    ctx_is_vote(&f.app, Ctx::VoteReason);
    assert!(f.app.flash().unwrap().text.contains("reden"));
    keys(&mut f.app, "eerst de cijfers");
    press(&mut f.app, KeyCode::Enter);
    ch(&mut f.app, 'u');
    ctx_is_vote(&f.app, Ctx::Defer);
}
