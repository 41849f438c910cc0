//! End-to-end tests of the real binary in a real terminal (tmux): start,
//! type, quit, check the session file, reopen.
#![cfg(unix)] // tmux drives the real binary

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use wijktafel::session::Status;
use wijktafel::store;

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn a_workshop_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("workshop", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    // workshop start: attendance, then Enter
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    // consensus on 1.1.1
    t.keys(&["c"]);
    t.wait_for("✔ CONSENSUS");
    // dissent on 1.1.2: Politie (3), with a reason
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.keys(&["d"]);
    t.wait_for("wie is het oneens");
    t.keys(&["3", "Tab"]);
    t.text("Politie ziet geen stijging");
    t.keys(&["Enter"]);
    t.wait_for("✖ VERSCHIL VAN MENING");
    // a note with diacritics, an emoji, and a pasted two-line text
    t.keys(&["n"]);
    t.wait_for("Notitie bij 1.1.2");
    t.text("Café geëerd, 👍🏽 ");
    t.paste("eerste geplakte regel\ntweede geplakte regel");
    // keys within 10 ms of a paste count as part of it (see `fold_paste_tail`);
    // a person's Enter comes later: once the paste is on the screen
    t.wait_for("tweede geplakte regel");
    t.keys(&["Enter"]);
    t.wait_for("tweede geplakte regel");
    t.wait_file(&path, |s| {
        s.record("1.1.2").is_some_and(|r| !r.notes.is_empty())
    });
    t.keys(&["q"]);
    t.wait_exit();

    let s = store::load(&path).unwrap();
    assert_eq!(s.workshops.len(), 1);
    assert_eq!(s.status_of("1.1.1"), Status::Consensus);
    let r = s.record("1.1.2").unwrap();
    assert_eq!(r.status, Status::Dissent);
    assert_eq!(r.dissenters, vec![3]);
    assert_eq!(r.dissent_reason, "Politie ziet geen stijging");
    assert_eq!(
        r.notes[0].text,
        "Café geëerd, 👍🏽 eerste geplakte regel\ntweede geplakte regel"
    );
    assert_eq!(s.cursor, "1.1.2");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Café geëerd, 👍🏽"));
    drop(t);

    // reopen: the same workshop continues at the same point, with the note
    let t = Tmux::start("reopen", &shell(dir.path(), "open Zuidrand"), 120, 35).unwrap();
    let screen = t.wait_for("GESPREKSPUNT 1.1.2");
    assert!(screen.contains("Bijeenkomst 1"), "{screen}");
    assert!(screen.contains("Café geëerd"), "{screen}");
    assert!(screen.contains("✖ VERSCHIL VAN MENING"), "{screen}");
    t.keys(&["q"]);
    t.wait_exit();
}

#[test]
fn a_second_instance_is_refused_naming_the_holder() {
    let dir = tempfile::tempdir().unwrap();
    let _path = new_session(dir.path());
    let Some(first) = Tmux::start("first", &shell(dir.path(), "open Zuidrand"), 100, 30) else {
        return;
    };
    first.wait_for("Wie is er aanwezig?");
    let second = Tmux::start("second", &shell(dir.path(), "open Zuidrand"), 100, 30).unwrap();
    let screen = second.wait_for("EXIT=");
    assert!(screen.contains("al geopend door pid"), "{screen}");
    assert!(screen.contains("EXIT=1"), "{screen}");
    first.keys(&["q"]);
    first.wait_exit();
}

#[test]
fn go_vote_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("vote", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["4"]); // Bewoners absent
    t.wait_for("☐ afwezig");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    for _ in 0..4 {
        t.keys(&["J"]);
    }
    t.wait_for("GESPREKSPUNT 1.5.1");
    t.keys(&["v"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "g", "2", "g", "3", "o", "Enter"]);
    t.wait_for("Controleer de uitslag");
    t.keys(&["Enter"]);
    let screen = t.wait_for("verder (elke toets)");
    assert!(screen.contains("█"), "block letters:\n{screen}");
    assert!(screen.contains("▲ GO"));
    t.keys(&["Space"]);
    t.wait_file(&path, |s| s.latest_vote().is_some());
    // block 2 is open now: J goes straight in, no override asked
    t.keys(&["J"]);
    t.wait_for("GESPREKSPUNT 2.1.1");
    t.keys(&["q"]);
    t.wait_exit();
    let s = store::load(&path).unwrap();
    let v = s.latest_vote().unwrap();
    assert_eq!(
        (v.tally.go, v.tally.no_go, v.tally.abstain, v.tally.absent),
        (2, 0, 1, 1)
    );
    assert_eq!(v.rule.kind, wijktafel::vote::RuleKind::Consensus);
    assert!(s.overrides.is_empty());
}

#[test]
fn no_go_keeps_block_two_locked_until_an_override_with_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("nogo", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    for _ in 0..4 {
        t.keys(&["J"]);
    }
    t.wait_for("GESPREKSPUNT 1.5.1");
    t.keys(&["v"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "g", "2", "g", "3", "g", "4", "n", "Enter"]);
    t.wait_for("No-go vraagt een reden");
    t.text("bewoners zijn nog niet gehoord");
    t.keys(&["Enter"]);
    t.wait_for("bewoners zijn nog niet gehoord");
    t.keys(&["Enter"]);
    t.wait_for("Controleer de uitslag");
    t.keys(&["Enter"]);
    t.wait_for("welke vervolgroute");
    t.keys(&["1", "Tab"]);
    t.text("2027-02-01");
    t.keys(&["Enter"]);
    let screen = t.wait_for("verder (elke toets)");
    assert!(screen.contains("▼ NO-GO"), "{screen}");
    t.keys(&["Space"]);
    t.wait_file(&path, |s| s.latest_vote().is_some());
    // block 2 stays locked: J asks for an override with a reason
    t.keys(&["J"]);
    t.wait_for("vergrendeld tot een GO");
    t.keys(&["Enter"]);
    t.wait_for("Een reden is verplicht");
    t.text("lichtere aanpak voorbereiden");
    t.keys(&["Enter"]);
    t.wait_for("zonder GO, met deze reden");
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 2.1.1");
    t.wait_file(&path, |s| !s.overrides.is_empty());
    t.keys(&["q"]);
    t.wait_exit();
    let s = store::load(&path).unwrap();
    let v = s.latest_vote().unwrap();
    assert_eq!(v.outcome, wijktafel::vote::Outcome::NoGo);
    assert_eq!(
        v.follow_up.as_ref().unwrap().route,
        wijktafel::vote::Route::Lighter
    );
    assert_eq!(v.revisit.unwrap().to_string(), "2027-02-01");
    assert_eq!(v.ballots[3].reason, "bewoners zijn nog niet gehoord");
    assert!(!s.gate_open());
    assert_eq!(s.overrides[0].reason, "lichtere aanpak voorbereiden");
    // the minutes show the vote, the route and the override
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir.path())
        .args(["export", "Zuidrand", "--format", "md", "--workshop", "1"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("NO-GO"), "{md}");
    assert!(
        md.contains("Een lichtere gebiedsgerichte aanpak (gericht op preventie)"),
        "{md}"
    );
    assert!(md.contains("lichtere aanpak voorbereiden"), "{md}");
}

#[test]
fn the_demo_opens_where_it_stopped_and_leaves_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let Some(t) = Tmux::start("demo", &shell(&store_dir, "demo"), 120, 35) else {
        return;
    };
    let screen = t.wait_for("GESPREKSPUNT 2.1.2");
    assert!(screen.contains("Bijeenkomst 2"), "{screen}");
    assert!(screen.contains("Blok 2 · Initiëren"), "{screen}");
    t.keys(&["q"]);
    t.wait_exit();
    let files: Vec<String> = std::fs::read_dir(&store_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    assert_eq!(files, vec!["demo-de-horst.toml".to_string()]);
    drop(t);
    // a second demo is a fresh copy next to the first, never over it
    let before = std::fs::read(store_dir.join("demo-de-horst.toml")).unwrap();
    let t = Tmux::start("demo2", &shell(&store_dir, "demo"), 120, 35).unwrap();
    t.wait_for("Demo De Horst 2");
    t.keys(&["q"]);
    t.wait_exit();
    assert_eq!(
        std::fs::read(store_dir.join("demo-de-horst.toml")).unwrap(),
        before
    );
}

// ---------------------------------------------------------------------------
// Reliability in the real terminal
// ---------------------------------------------------------------------------

impl Tmux {
    /// Pid of the wijktafel process in the pane (the pane runs a shell).
    fn app_pid(&self) -> Option<i32> {
        let out = self
            .cmd()
            .args(["display", "-p", "-t", "t", "#{pane_pid}"])
            .output()
            .unwrap();
        let shell: i32 = String::from_utf8_lossy(&out.stdout).trim().parse().ok()?;
        let out = Command::new("pgrep")
            .args(["-P", &shell.to_string(), "-x", "wijktafel"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    }

    fn wait_ended(&self, pid: i32) {
        let deadline = Instant::now() + common::limit(Duration::from_secs(15));
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            // a zombie counts as gone
            if std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .is_ok_and(|s| s.contains(") Z "))
            {
                return;
            }
            assert!(Instant::now() < deadline, "process {pid} did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn kill(pid: i32, sig: &str) {
    assert!(
        Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap()
            .success()
    );
}

/// SIGKILL at random moments while captures and notes are typed: after every
/// round the file loads, and every capture seen on screen (so handled, so
/// saved) is in it.
fn kill_rounds(rounds: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let mut rng = 0x2545_f491_u64;
    let mut rand = |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n
    };
    let mut confirmed: Vec<String> = Vec::new();
    for round in 0..rounds {
        let t = Tmux::start(
            &format!("kill{round}"),
            &shell(dir.path(), "open Zuidrand"),
            100,
            30,
        )
        .unwrap();
        let s = t.wait_for("Zuidrand");
        if s.contains("Wie is er aanwezig?") {
            t.keys(&["Enter"]);
        }
        t.wait_for("GESPREKSPUNT");
        // confirmed captures: each one visible on screen before the next key
        for i in 0..1 + rand(3) {
            let text = format!("r{round}n{i}");
            t.keys(&["n"]);
            t.wait_for("Notitie bij");
            t.text(&text);
            t.keys(&["Enter"]);
            // in the notes panel ("• text"), not just typed in the editor
            t.wait_for(&format!("• {text}"));
            confirmed.push(text);
            // a status, or a stance: its digit and a letter (issue 24)
            let choices: [&[&str]; 4] = [&["c"], &["o"], &["1", "e"], &["2", "v"]];
            t.keys(choices[rand(4) as usize]);
        }
        // unconfirmed keys in flight, then SIGKILL at a random moment
        t.keys(&["j", "n"]);
        t.text("onaf");
        t.keys(&["Enter", "c", "3"]);
        std::thread::sleep(Duration::from_millis(rand(40)));
        let pid = t.app_pid().expect("app running");
        kill(pid, "-KILL");
        t.wait_ended(pid);
        let s = store::load(&path).unwrap_or_else(|e| panic!("round {round}: {e:?}"));
        let notes: Vec<&str> = s
            .points
            .values()
            .flat_map(|r| r.notes.iter().map(|n| n.text.as_str()))
            .collect();
        for c in &confirmed {
            assert!(notes.contains(&c.as_str()), "round {round}: lost {c}");
        }
    }
    println!(
        "kill -9 rounds: {rounds}, confirmed notes all present: {}",
        confirmed.len()
    );
}

#[test]
fn kill_9_loses_no_handled_capture() {
    kill_rounds(5);
}

/// ≥ 50 rounds: `cargo test --test e2e -- --ignored e2e_tmux::kill_9`.
#[test]
#[ignore]
fn kill_9_long_run() {
    kill_rounds(50);
}

fn draft_survives(sig: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let t = Tmux::start(
        &format!("draft{}", sig.trim_start_matches('-')),
        &shell(dir.path(), "open Zuidrand"),
        100,
        30,
    )
    .unwrap();
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["n"]);
    t.wait_for("Notitie bij");
    t.text("de wethouder zei net dat");
    t.wait_for("de wethouder zei net dat");
    let pid = t.app_pid().unwrap();
    if sig == "HUP" {
        // close the window: the terminal goes away
        drop(t);
    } else {
        kill(pid, sig);
    }
    let deadline = Instant::now() + common::limit(Duration::from_secs(15));
    while std::path::Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
    {
        assert!(Instant::now() < deadline, "did not end on {sig}");
        std::thread::sleep(Duration::from_millis(20));
    }
    let s = store::load(&path).unwrap();
    assert_eq!(
        s.draft.as_ref().map(|d| d.text.as_str()),
        Some("de wethouder zei net dat"),
        "{sig}"
    );
    // reopen: the editor is back with the text
    let t = Tmux::start(
        &format!("redraft{}", sig.trim_start_matches('-')),
        &shell(dir.path(), "open Zuidrand"),
        100,
        30,
    )
    .unwrap();
    let screen = t.wait_for("Onafgemaakte tekst teruggezet");
    assert!(screen.contains("de wethouder zei net dat"), "{screen}");
    t.text(" het budget rond is.");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.draft.is_none() && s.record("1.1.1").is_some_and(|r| !r.notes.is_empty())
    });
    t.keys(&["q"]);
    t.wait_exit();
    let s = store::load(&path).unwrap();
    assert_eq!(
        s.record("1.1.1").unwrap().notes[0].text,
        "de wethouder zei net dat het budget rond is."
    );
}

#[test]
fn closing_the_window_keeps_the_half_typed_note() {
    draft_survives("HUP");
}

#[test]
fn sigterm_keeps_the_half_typed_note() {
    draft_survives("-TERM");
}

#[test]
fn a_lock_left_by_kill_9_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let first = Tmux::start("holder", &shell(dir.path(), "open Zuidrand"), 100, 30).unwrap();
    first.wait_for("Wie is er aanwezig?");
    let second = Tmux::start("refused", &shell(dir.path(), "open Zuidrand"), 100, 30).unwrap();
    assert!(second.wait_for("EXIT=").contains("al geopend door pid"));
    let pid = first.app_pid().unwrap();
    kill(pid, "-KILL");
    first.wait_ended(pid);
    assert!(
        std::path::Path::new(&format!("{}.lock", path.display())).exists(),
        "the lock file stays behind"
    );
    let third = Tmux::start("taker", &shell(dir.path(), "open Zuidrand"), 100, 30).unwrap();
    // the first never started its workshop (opening is not starting): the
    // third is on the start screen again
    third.wait_for("Wie is er aanwezig?");
    third.keys(&["q"]);
    third.wait_exit();
}

/// The binary makes no network system call during a whole workshop.
#[test]
fn no_network_system_calls() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "strace is required in CI");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let log = dir.path().join("strace.log");
    let cmd = format!(
        "strace -f -e trace=network -o {} {} --dir {} open Zuidrand; echo EXIT=$?; sleep 600",
        log.display(),
        env!("CARGO_BIN_EXE_wijktafel"),
        dir.path().display()
    );
    let t = Tmux::start("strace", &cmd, 120, 35).unwrap();
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["c", "j", "1", "e", "2", "e", "n"]);
    t.wait_for("Notitie bij");
    t.text("een notitie");
    t.keys(&["Enter"]);
    t.wait_for("een notitie");
    for _ in 0..4 {
        t.keys(&["J"]);
    }
    t.wait_for("GESPREKSPUNT 1.5.1");
    t.keys(&["v"]);
    t.wait_for("Beslisregel");
    t.keys(&["1", "g", "2", "g", "3", "g", "4", "g", "Enter"]);
    t.wait_for("Controleer de uitslag");
    t.keys(&["Enter"]);
    t.wait_for("verder (elke toets)");
    t.keys(&["Space"]);
    t.keys(&["e"]);
    t.wait_for("Verslag geschreven");
    t.keys(&["q"]);
    t.wait_exit();
    assert!(store::load(&path).unwrap().latest_vote().is_some());
    let trace = std::fs::read_to_string(&log).unwrap();
    // the only socket call allowed is a local AF_UNIX socketpair (the
    // terminal library's signal self-pipe); nothing that can reach a network
    let calls: Vec<&str> = trace
        .lines()
        .filter(|l| !l.contains("+++") && !l.contains("---") && l.contains('('))
        .filter(|l| !l.contains("socketpair(AF_UNIX"))
        .collect();
    assert!(
        calls.is_empty(),
        "network system calls:\n{}",
        calls.join("\n")
    );
    assert!(!trace.contains("AF_INET"), "{trace}");
}

/// Issue 12, item 1: the store folder vanishes while a session is open; `q`
/// asks, `k` writes an emergency copy, quitting anyway exits non-zero and says where the copy is.
#[test]
fn quit_after_a_failed_save_keeps_the_work_in_an_emergency_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let tmp = dir.path().join("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    new_session(&store_dir);
    let cmd = format!(
        "export TMPDIR={}; {}",
        tmp.display(),
        shell(&store_dir, "open Zuidrand")
    );
    let Some(t) = Tmux::start("unsaved", &cmd, 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    std::fs::rename(&store_dir, dir.path().join("elders")).unwrap();
    t.keys(&["n"]);
    t.text("niet verloren");
    t.keys(&["Enter"]);
    t.wait_for("NIET OPGESLAGEN");
    t.keys(&["q"]);
    t.wait_for("noodkopie schrijven");
    t.keys(&["k"]);
    t.wait_for("Noodkopie geschreven");
    t.keys(&["q"]);
    t.wait_for("Zeker weten?");
    t.keys(&["j"]);
    let s = t.wait_for("EXIT=");
    assert!(s.contains("EXIT=1"), "non-zero exit:\n{s}");
    assert!(s.contains("noodkopie"), "the copy is named:\n{s}");
    let copies: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!copies.is_empty(), "{s}");
    for c in &copies {
        let kept = store::load(c).unwrap();
        assert_eq!(
            kept.record("1.1.1").unwrap().notes.last().unwrap().text,
            "niet verloren"
        );
    }
}

/// Issue 12, item 9: a paste that holds the end-of-paste marker and then
/// `jc` never moves the cursor or marks consensus: it is text.
#[test]
fn a_paste_holding_the_end_marker_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let Some(t) = Tmux::start("pastemark", &shell(dir.path(), "open Zuidrand"), 120, 35) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.keys(&["n"]);
    t.wait_for("Notitie");
    t.paste("voor\u{1b}[201~\njc");
    // the whole paste is text in the editor before Enter is pressed
    t.wait_for("jc");
    t.keys(&["Enter"]);
    t.wait_file(&path, |s| {
        s.record("1.1.1").is_some_and(|r| !r.notes.is_empty())
    });
    let s = store::load(&path).unwrap();
    let r = s.record("1.1.1").unwrap();
    assert_eq!(s.cursor, "1.1.1", "j did not run");
    assert_eq!(r.status, Status::Open, "c did not run");
    assert!(r.notes[0].text.starts_with("voor"), "{:?}", r.notes[0].text);
    assert!(r.notes[0].text.ends_with("jc"), "{:?}", r.notes[0].text);
    t.keys(&["q"]);
    t.wait_exit();
}

/// Issue 14, item 7: opening is not preparing. Open, look, quit: the file is
/// byte-identical and no backup is made; the next open shows the start
/// screen again; only its Enter starts the workshop.
#[test]
fn opening_and_quitting_on_the_start_screen_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let before = std::fs::read(&path).unwrap();
    let t = Tmux::start("look", &shell(dir.path(), "open Zuidrand"), 120, 35).unwrap();
    t.wait_for("Wie is er aanwezig?");
    // who is here can be ticked while looking: still nothing written
    t.keys(&["2"]);
    t.wait_for("afwezig");
    t.keys(&["q"]);
    t.wait_exit();
    drop(t);
    assert_eq!(std::fs::read(&path).unwrap(), before, "byte-identical");
    assert!(store::backups_of(&path).is_empty(), "no backup");
    let t = Tmux::start("start", &shell(dir.path(), "open Zuidrand"), 120, 35).unwrap();
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["2"]);
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    t.wait_file(&path, |s| s.workshops.len() == 1);
    let s = store::load(&path).unwrap();
    assert!(
        !s.workshops[0].present.contains(&2),
        "ticked absent at the start"
    );
    assert!(
        s.workshops[0].attendance_log.is_empty(),
        "absent from the start is no departure"
    );
    t.keys(&["q"]);
    t.wait_exit();
}
