//! The facilitator's hands (issue 25): the point timer that runs by itself,
//! attendance over the point, the dissent taken from the stances, editing
//! keys, the ▶ marker, jumps in the overview, ballots that move on.

use jiff::Timestamp;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;
use wijktafel::session::{Session, Status};
use wijktafel::tui::app::{App, Screen};
use wijktafel::tui::keys::Ctx;
use wijktafel::tui::update;
use wijktafel::tui::{Action, map_event};

use crate::common;
use crate::common::press;
use common::{Fixture, NOW, now, open_app, render_text};

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(NOW + secs).unwrap()
}

/// Workshop 1 started with the four parties present, on point 1.1.1.
fn started(lang: Lang) -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    let mut f = open_app(fw, &s, lang);
    update(&mut f.app, Action::Confirm);
    assert_eq!(f.app.screen(), Screen::Main);
    f
}

fn press_mod(app: &mut App, code: KeyCode, m: KeyModifiers) {
    if let Some(a) = map_event(app, Event::Key(KeyEvent::new(code, m))) {
        update(app, a);
    }
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn seconds_on(app: &App, point: &str) -> u64 {
    app.session()
        .and_then(|s| s.record(point))
        .map(|r| r.seconds)
        .unwrap_or(0)
}

#[test]
fn the_point_timer_runs_from_the_start_and_through_attendance_and_help() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    assert!(app.open_session().unwrap().timer.is_some(), "runs at once");
    app.set_now(at(60));
    // attendance: a dialog over the point, the timer runs on
    press(app, KeyCode::Char('p'));
    assert!(app.dialog_is::<wijktafel::tui::dialogs::attendance::AttendanceDialog>());
    assert_eq!(app.screen(), Screen::Main, "the point stays");
    keys(app, "2");
    app.set_now(at(90));
    press(app, KeyCode::Enter);
    assert!(!app.has_dialog());
    assert!(app.open_session().unwrap().timer.is_some(), "still running");
    // help and a note do not stop it either
    keys(app, "?");
    press(app, KeyCode::Esc);
    keys(app, "n");
    press(app, KeyCode::Esc);
    assert!(app.open_session().unwrap().timer.is_some());
    assert_eq!(app.point_seconds(), 90);
    // `t` pauses, and the time so far is kept on the point
    keys(app, "t");
    assert!(app.open_session().unwrap().timer.is_none());
    assert_eq!(seconds_on(app, "1.1.1"), 90);
    app.set_now(at(200));
    keys(app, "j");
    assert!(
        app.open_session().unwrap().timer.is_none(),
        "a pause holds on the next point"
    );
    keys(app, "t");
    app.set_now(at(230));
    keys(app, "k");
    assert_eq!(seconds_on(app, "1.1.2"), 30);
    assert_eq!(seconds_on(app, "1.1.1"), 90);
}

#[test]
fn the_vote_and_the_summary_stop_the_timer() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    app.set_now(at(40));
    keys(app, "v");
    // not at the decision step: the vote is asked for first
    assert_eq!(app.ctx(), Ctx::Confirm);
    assert!(
        app.open_session().unwrap().timer.is_some(),
        "a question is not the vote"
    );
    keys(app, "j");
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::VoteDialog>());
    assert!(app.open_session().unwrap().timer.is_none());
    assert_eq!(seconds_on(app, "1.1.1"), 40);
    app.set_now(at(400));
    press(app, KeyCode::Esc);
    assert!(!app.has_dialog(), "{:?}", app.ctx());
    assert!(app.open_session().unwrap().timer.is_some());
    app.set_now(at(410));
    // the end summary (workshop 1 would first ask for the vote it needs)
    app.open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    update(app, Action::Tick);
    assert!(app.open_session().unwrap().timer.is_none());
    assert_eq!(
        seconds_on(app, "1.1.1"),
        50,
        "the vote's minutes are not the point's"
    );
}

#[test]
fn attendance_mid_workshop_logs_an_arrival_and_a_departure_over_the_point() {
    let mut f = started(Lang::En);
    let app = &mut f.app;
    keys(app, "j");
    let point = app.session().unwrap().cursor.clone();
    keys(app, "p");
    assert_eq!(app.ctx(), Ctx::Attendance);
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("▶ 1 ☑ present"), "{screen}");
    assert!(!screen.contains("Recap"), "{screen}");
    keys(app, "3");
    assert!(!app.session().unwrap().is_present(3));
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    keys(app, " ");
    assert!(!app.session().unwrap().is_present(4));
    keys(app, " ");
    assert!(app.session().unwrap().is_present(4), "Space again: back in");
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("▶ 4 ☑ present"), "{screen}");
    insta::assert_snapshot!("attendance_over_the_point_80x24_en", screen);
    press(app, KeyCode::Esc);
    assert_eq!(app.session().unwrap().cursor, point);
    // on disk at once: a departure of party 3
    let on_disk = wijktafel::store::load(&f.path).unwrap();
    assert!(!on_disk.is_present(3));
    assert!(on_disk.is_present(4));
}

#[test]
fn the_dissent_dialog_proposes_the_disagreeing_parties_with_their_reasons() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    // Politie and Bewoners say "oneens" (digit, o), each with a reason
    for (party, why) in [(3usize, "te weinig agenten"), (4, "geen draagvlak")] {
        keys(app, &format!("{party}o"));
        press(app, KeyCode::Tab);
        for _ in 1..party {
            press(app, KeyCode::Down);
        }
        keys(app, "r");
        update(app, Action::Paste(why.into()));
        press(app, KeyCode::Enter);
        press(app, KeyCode::Esc);
    }
    assert_eq!(app.ctx(), Ctx::Main);
    keys(app, "d");
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("☒ Politie"), "{screen}");
    assert!(screen.contains("☒ Bewoners"), "{screen}");
    assert!(
        screen.contains("Politie: te weinig agenten; Bewoners: geen"),
        "{screen}"
    );
    insta::assert_snapshot!("dissent_proposed_80x24", screen);
    // un-ticking Politie proposes Bewoners' reason alone
    keys(app, "3");
    let Some(d) = app.dialog::<wijktafel::tui::dialogs::dissent::DissentDialog>() else {
        panic!("dissent dialog")
    };
    assert_eq!(d.reason.lines().join("\n"), "geen draagvlak");
    keys(app, "3");
    // Enter on the complete form records at once
    press(app, KeyCode::Enter);
    assert!(!app.has_dialog(), "{:?}", app.flash());
    let sess = app.session().unwrap();
    let rec = sess.record(&sess.cursor).unwrap();
    assert_eq!(rec.status, Status::Dissent);
    assert_eq!(rec.dissenters, vec![3, 4]);
    assert_eq!(
        rec.dissent_reason,
        "Politie: te weinig agenten; Bewoners: geen draagvlak"
    );
    assert_eq!(
        rec.stance_entry(4).unwrap().reason,
        "geen draagvlak",
        "own reasons stay"
    );
}

#[test]
fn an_edited_reason_is_not_replaced_by_a_tick() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "4o");
    keys(app, "d");
    press(app, KeyCode::Tab);
    update(app, Action::Paste("eigen woorden".into()));
    press(app, KeyCode::Tab);
    keys(app, "3");
    let Some(d) = app.dialog::<wijktafel::tui::dialogs::dissent::DissentDialog>() else {
        panic!("dissent dialog")
    };
    assert_eq!(d.reason.lines().join("\n"), "eigen woorden");
}

#[test]
fn a_ballot_moves_on_to_the_next_party_without_one() {
    let mut f = started(Lang::En);
    let app = &mut f.app;
    keys(app, "vj");
    assert!(app.dialog_is::<wijktafel::tui::dialogs::vote::VoteDialog>());
    keys(app, "ggo");
    let Some(v) = app.dialog::<wijktafel::tui::dialogs::vote::VoteDialog>() else {
        panic!("vote")
    };
    assert_eq!(v.votes.selected, 3, "the fourth party is next");
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("▶ 4 ? "), "{screen}");
    // a No-go stays for its reason; the reason moves on
    keys(app, "n");
    let Some(v) = app.dialog::<wijktafel::tui::dialogs::vote::VoteDialog>() else {
        panic!("vote")
    };
    assert_eq!(v.votes.selected, 3, "a No-go waits for its reason");
    keys(app, "r");
    update(app, Action::Paste("te vroeg".into()));
    press(app, KeyCode::Enter);
    let Some(v) = app.dialog::<wijktafel::tui::dialogs::vote::VoteDialog>() else {
        panic!("vote")
    };
    assert_eq!(v.votes.selected, 3, "all have one: it stays");
    // back to the second, a new choice: nobody is left without one
    keys(app, "2n");
    let Some(v) = app.dialog::<wijktafel::tui::dialogs::vote::VoteDialog>() else {
        panic!("vote")
    };
    let choices: Vec<_> = v.votes.lines.iter().map(|l| l.choice).collect();
    use wijktafel::vote::Choice::*;
    assert_eq!(
        choices,
        vec![Some(Go), Some(NoGo), Some(Abstain), Some(NoGo)]
    );
}

#[test]
fn typing_an_id_in_the_overview_jumps_there() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "g");
    keys(app, "1.2.4");
    let Some(o) = app.dialog::<wijktafel::tui::dialogs::overview::OverviewDialog>() else {
        panic!("overview")
    };
    assert_eq!(app.fw().point_at(o.selected).id, "1.2.4");
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("▶   1.2.4"), "{screen}");
    assert!(screen.contains("Ga naar: 1.2.4"), "{screen}");
    press(app, KeyCode::Enter);
    assert_eq!(app.session().unwrap().cursor, "1.2.4");
    // a step: its first point; Backspace takes a character back
    keys(app, "g");
    keys(app, "1.34");
    press(app, KeyCode::Backspace);
    press(app, KeyCode::Enter);
    assert_eq!(
        app.session().unwrap().cursor,
        app.fw().point_at(app.fw().first_of_step(0, 2)).id
    );
}

#[test]
fn every_text_field_shows_its_editing_keys_in_the_hints_and_the_help() {
    use wijktafel::tui::keys::{Action as A, help_rows};
    use wijktafel::tui::widgets::footer::fitting_rows;
    for lang in [Lang::Nl, Lang::En] {
        for ctx in [
            Ctx::Note,
            Ctx::Skip,
            Ctx::Dissent,
            Ctx::StanceReason,
            Ctx::ActionItem,
            Ctx::AddParty,
            Ctx::NewSession,
            Ctx::GateOverride,
            Ctx::VoteReason,
            Ctx::Defer,
        ] {
            // a dialog at 80 columns: on one or two hint lines
            let keys: Vec<_> = fitting_rows(ctx, lang.strings(), 74, 2, false)
                .into_iter()
                .flatten()
                .map(|h| h.0)
                .collect();
            assert!(keys.contains(&"Ctrl+U"), "{ctx:?} {lang:?}: {keys:?}");
            assert!(
                help_rows(ctx).any(|b| b.action == A::EditKeys && b.label.contains("Ctrl+W")),
                "{ctx:?}"
            );
        }
    }
}

#[test]
fn ctrl_u_clears_a_prefilled_reason_in_one_key() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "s");
    update(
        app,
        Action::Paste("een lange reden die niet meer klopt".into()),
    );
    press_mod(app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    let Some(d) = app.dialog::<wijktafel::tui::dialogs::skip::SkipDialog>() else {
        panic!("skip")
    };
    assert_eq!(
        d.reason.lines().join("\n"),
        "een lange reden die niet meer "
    );
    press_mod(app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    let Some(d) = app.dialog::<wijktafel::tui::dialogs::skip::SkipDialog>() else {
        panic!("skip")
    };
    assert_eq!(d.reason.lines().join("\n"), "");
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("Ctrl+U wissen"), "{screen}");
}

#[test]
fn a_note_keeps_its_line_breaks_in_the_notes_panel() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "n");
    update(app, Action::Paste("Afspraken:".into()));
    press_mod(app, KeyCode::Enter, KeyModifiers::ALT);
    update(app, Action::Paste("- 华人社区 uitnodigen".into()));
    press(app, KeyCode::Enter);
    assert!(!app.has_dialog());
    let screen = render_text(app, 160, 45);
    let rows: Vec<&str> = screen.lines().collect();
    let at = rows
        .iter()
        .position(|l| l.contains("• Afspraken:"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(!rows[at].contains("华人社区"), "{screen}");
    assert!(rows[at + 1].contains("- 华人社区 uitnodigen"), "{screen}");
}

#[test]
fn the_end_summary_lines_up_its_columns() {
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "c");
    keys(app, "j");
    keys(app, "s");
    update(app, Action::Paste("later".into()));
    press(app, KeyCode::Enter);
    keys(app, "j");
    keys(app, "4od");
    update(app, Action::Paste("te duur".into()));
    press(app, KeyCode::Enter);
    app.open_dialog(wijktafel::tui::dialogs::summary::SummaryDialog::default());
    let screen = render_text(app, 80, 24);
    let cols: Vec<usize> = screen
        .lines()
        .filter(|l| l.contains("00:00") && !l.contains("tijd") && !l.contains("Urgentie"))
        .filter_map(|l| l.find("1.1.").map(|i| l[..i].chars().count()))
        .collect();
    assert_eq!(cols.len(), 3, "{screen}");
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "{cols:?}\n{screen}");
    insta::assert_snapshot!("summary_columns_80x24", screen);
}

#[test]
fn the_recap_lists_arrivals_and_departures_in_time_order_with_their_point() {
    let fw = Framework::builtin();
    let mut s = Session::new("Testwijk", &fw, now());
    for (o, r) in common::FOUR_PARTIES {
        s.add_party(o, r, "");
    }
    // Gemeente (1) comes late, after Woonstede (2) left at an earlier point
    s.start_workshop(&[2, 3, 4], now());
    s.cursor = "1.1.2".into();
    s.set_present(2, false, at(600));
    s.cursor = "1.1.4".into();
    s.set_present(1, true, at(1200));
    s.end_workshop(at(1800));
    let f = open_app(fw, &s, Lang::Nl);
    let screen = render_text(&f.app, 160, 45);
    let left = screen
        .find("Woonstede vertrok om 14:55, bij punt 1.1.2")
        .expect(&screen);
    let came = screen
        .find("Gemeente kwam om 15:05, bij punt 1.1.4")
        .expect(&screen);
    assert!(left < came, "in time order:\n{screen}");
}

#[test]
fn english_hints_and_help_name_the_keys_in_english() {
    use wijktafel::tui::keys::{BINDINGS, footer, key_label};
    let en = Lang::En.strings();
    for b in BINDINGS {
        for (key, text, _) in footer(b.ctx, en) {
            assert!(!key.contains("Spatie"), "{:?}: {key} {text}", b.ctx);
            assert!(key != "j" && key != "j/Enter", "{:?}: {key} {text}", b.ctx);
        }
        let label = key_label(b.label, en);
        assert!(!label.contains("Spatie"), "{:?}: {label}", b.ctx);
        assert!(label != "j" && label != "j/Enter", "{:?}: {label}", b.ctx);
    }
    // and the Dutch keep theirs
    let nl = Lang::Nl.strings();
    assert_eq!(key_label("Spatie", nl), "Spatie");
    assert_eq!(key_label("j", nl), "j");
}

#[test]
fn a_question_has_a_title_in_words() {
    let mut f = started(Lang::En);
    let app = &mut f.app;
    keys(app, "v");
    assert_eq!(app.ctx(), Ctx::Confirm);
    let screen = render_text(app, 80, 24);
    assert!(screen.contains("╔ Question ═"), "{screen}");
    assert!(!screen.contains("╔ ? ═"), "{screen}");
    assert!(screen.contains("y yes"), "{screen}");
}

#[test]
fn the_contrast_theme_underlines_glyphs_only_and_the_bar_stands_out() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    use wijktafel::tui::theme::{ThemeKind, contrast_ratio};
    let mut f = started(Lang::Nl);
    let app = &mut f.app;
    keys(app, "4od");
    update(app, Action::Paste("te duur".into()));
    press(app, KeyCode::Enter);
    keys(app, "f");
    for kind in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Contrast] {
        let th = kind.theme();
        let bar = contrast_ratio(th.selected.bg.unwrap(), th.base.bg.unwrap()).unwrap();
        assert!(bar >= 3.0, "{kind:?}: the selection bar is {bar:.2}:1");
    }
    app.set_theme(ThemeKind::Contrast);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|fr| wijktafel::tui::ui::render(app, fr)).unwrap();
    let buf = t.backend().buffer();
    let underlined: Vec<_> = buf
        .content
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .collect();
    assert!(
        !underlined.is_empty(),
        "the contrast theme underlines what is bad"
    );
    assert!(
        underlined.iter().all(|c| !c.symbol().trim().is_empty()),
        "a blank cell is underlined"
    );
}

/// Twelve parties (one with a CJK name, two with names over 80 characters).
fn twelve(lang: Lang) -> Fixture {
    let fw = Framework::builtin();
    let mut s = Session::new("Kadebuurt", &fw, now());
    for i in 1..=9 {
        s.add_party(&format!("Partij {i}"), "", "");
    }
    s.add_party("华人社区协会 Rotterdam", "Li", "");
    s.add_party(
        "Stichting Samenwerkende Woningcorporaties in de Regio Rotterdam-Rijnmond en Omstreken",
        "",
        "",
    );
    s.add_party(
        "Coöperatieve Vereniging van Bewoners, Ondernemers en Eigenaren van de Kadebuurt-Noord",
        "",
        "",
    );
    let mut f = open_app(fw, &s, lang);
    update(&mut f.app, Action::Confirm);
    f
}

const REASON: &str =
    "华人社区协会 vindt de nieuwbouwplannen zijn al vastgelegd zonder de bewoners te horen";

/// Every word of `REASON` is on `screen`, or the screen cuts it with "…".
fn reason_whole_or_cut(screen: &str) {
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let missing: Vec<_> = REASON
        .split_whitespace()
        .filter(|w| !flat.contains(w))
        .collect();
    assert!(
        missing.is_empty() || screen.contains('…'),
        "{missing:?}:\n{screen}"
    );
}

#[test]
fn twelve_parties_in_english_every_label_reachable_and_shown() {
    use wijktafel::tui::theme::ThemeKind;
    let mut f = twelve(Lang::En);
    let app = &mut f.app;
    // party 10 (CJK) disagrees with a reason: key 0; 11 and 12 through Tab, ↓, Space
    keys(app, "0o");
    press(app, KeyCode::Tab);
    for _ in 0..9 {
        press(app, KeyCode::Down);
    }
    keys(app, "r");
    update(app, Action::Paste(REASON.into()));
    press(app, KeyCode::Enter);
    press(app, KeyCode::Down);
    keys(app, " e");
    press(app, KeyCode::Down);
    keys(app, "e");
    press(app, KeyCode::Esc);
    let sess = app.session().unwrap();
    let rec = sess.record(&sess.cursor).unwrap();
    assert_eq!(
        rec.stance_of(11),
        wijktafel::session::Stance::Agree,
        "reached by keyboard"
    );
    assert_eq!(rec.stance_of(12), wijktafel::session::Stance::Agree);
    keys(app, "d");
    press(app, KeyCode::Enter);
    assert!(!app.has_dialog(), "recorded with the proposed reason");
    for theme in [ThemeKind::Dark, ThemeKind::Light, ThemeKind::Contrast] {
        app.set_theme(theme);
        let wide = render_text(app, 160, 45);
        for label in ["1 ", "9 ", "0 ", "11 ", "12 "] {
            assert!(wide.contains(&format!("  {label}")), "{label:?}:\n{wide}");
        }
        for name in ["华人社区协会 Rotterdam", "Partij 9"] {
            assert!(wide.contains(name), "{name}:\n{wide}");
        }
        // the long names are cut with "…", never mid-word without one
        assert!(
            wide.contains("Stichting Samenwerkende Woningcorporaties"),
            "{wide}"
        );
        reason_whole_or_cut(&wide);
        let small = render_text(app, 80, 24);
        assert!(small.contains('…') || small.contains("+"), "{small}");
        reason_whole_or_cut(&small);
        if theme == ThemeKind::Dark {
            insta::assert_snapshot!("twelve_parties_en_160x45", wide);
            insta::assert_snapshot!("twelve_parties_en_80x24", small);
        }
    }
    // the vote: every label, a cut name ends in "…"
    keys(app, "vy");
    for _ in 0..10 {
        press(app, KeyCode::Down);
    }
    let vote = render_text(app, 80, 24);
    assert!(vote.contains("▶ 11 ?"), "{vote}");
    let long = vote
        .lines()
        .find(|l| l.contains("Stichting Samenwerkende"))
        .unwrap_or_else(|| panic!("{vote}"));
    assert!(long.trim_end_matches(['║', ' ']).ends_with('…'), "{long}");
    insta::assert_snapshot!("twelve_parties_vote_en_80x24", vote);
}
