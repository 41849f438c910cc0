#![cfg(unix)]
//! Issue 28 in a real terminal (tmux): suspend and resume give the
//! terminal back and take it again (SIGTSTP, a resize while stopped,
//! SIGCONT), and the beamer ends on `q` and SIGTERM within a second
//! whatever is put in place of the session file (a FIFO, a link to
//! `/dev/zero`), leaving the terminal as it found it.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common;
use common::{Tmux, new_session, shell};

/// The wijktafel process in the pane (the pane runs `sh -c`).
fn app_pid(t: &Tmux) -> i32 {
    let out = t
        .cmd()
        .args(["display", "-p", "-t", "t", "#{pane_pid}"])
        .output()
        .unwrap();
    let sh = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let deadline = Instant::now() + common::limit(Duration::from_secs(10));
    loop {
        let out = Command::new("pgrep")
            .args(["-P", &sh, "-x", "wijktafel"])
            .output()
            .unwrap();
        if let Some(pid) = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .and_then(|l| l.trim().parse().ok())
        {
            return pid;
        }
        assert!(Instant::now() < deadline, "no wijktafel in the pane");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(pid: i32, sig: &str) {
    let ok = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success(), "kill {sig} {pid}");
}

/// The process state letter (`S` sleeping, `T` stopped), `None` when gone.
fn state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit(") ").next()?.chars().next()
}

fn wait_state(pid: i32, want: char) {
    let deadline = Instant::now() + common::limit(Duration::from_secs(5));
    while state(pid) != Some(want) {
        assert!(
            Instant::now() < deadline,
            "state {:?}, want {want}",
            state(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `stty -a` of the pane's terminal.
fn stty(t: &Tmux) -> String {
    let out = t
        .cmd()
        .args(["display", "-p", "-t", "t", "#{pane_tty}"])
        .output()
        .unwrap();
    let tty = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let out = Command::new("stty")
        .args(["-F", &tty, "-a"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Cooked mode with echo: a shell could read a line.
fn cooked(modes: &str) -> bool {
    let words: Vec<&str> = modes.split_whitespace().collect();
    words.contains(&"icanon") && words.contains(&"echo")
}

/// Raw mode: no line editing, no echo.
fn raw(modes: &str) -> bool {
    let words: Vec<&str> = modes.split_whitespace().collect();
    words.contains(&"-icanon") && words.contains(&"-echo")
}

/// Without the fix: after `kill -TSTP` and `fg` the program ran in cooked
/// mode with echo over a stale screen, and keys arrived only after Enter.
#[test]
fn suspend_gives_the_terminal_back_and_resume_repaints_at_the_new_size() {
    let dir = tempfile::tempdir().unwrap();
    new_session(dir.path());
    let Some(t) = Tmux::start("suspend", &shell(dir.path(), "open Zuidrand"), 100, 30) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT 1.1.1");
    assert!(raw(&stty(&t)), "raw while running");
    let pid = app_pid(&t);

    signal(pid, "-TSTP");
    wait_state(pid, 'T');
    let screen = t.screen();
    assert!(!screen.contains("GESPREKSPUNT"), "screen left:\n{screen}");
    let modes = stty(&t);
    assert!(cooked(&modes), "terminal restored while stopped: {modes}");

    // the window changes size while the program is stopped
    assert!(
        t.cmd()
            .args(["resize-window", "-t", "t", "-x", "90", "-y", "26"])
            .status()
            .unwrap()
            .success()
    );
    // the new size reached the pane (the stopped program is told on resume)
    let deadline = Instant::now() + common::limit(Duration::from_secs(5));
    loop {
        let size = t
            .cmd()
            .args([
                "display-message",
                "-p",
                "-t",
                "t",
                "#{pane_width}x#{pane_height}",
            ])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&size.stdout).trim() == "90x26" {
            break;
        }
        assert!(Instant::now() < deadline, "the pane was not resized");
        std::thread::sleep(Duration::from_millis(20));
    }
    signal(pid, "-CONT");
    // repainted without a key, at the new size (the frame whole: its
    // first and its last rows)
    t.wait_for("GESPREKSPUNT 1.1.1");
    let screen = t.wait_for("q stop");
    assert!(raw(&stty(&t)), "raw again after resume");
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[0].contains("Bijeenkomst 1") && lines[0].trim_end().chars().count() >= 85,
        "header right-aligned to 90 columns:\n{screen}"
    );
    assert!(
        lines.iter().take(26).any(|l| l.contains("q stop")),
        "footer within 26 rows:\n{screen}"
    );
    // a key works at once, without Enter
    t.keys(&["j"]);
    t.wait_for("GESPREKSPUNT 1.1.2");
    t.keys(&["q"]);
    t.wait_exit();
    assert!(cooked(&stty(&t)), "terminal restored at the end");
}

/// Put `kind` in place of the session file.
fn replace_session(path: &Path, kind: &str) {
    std::fs::remove_file(path).unwrap();
    match kind {
        "fifo" => {
            let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        }
        _ => std::os::unix::fs::symlink("/dev/zero", path).unwrap(),
    }
}

/// Without the fix a FIFO hung the beamer in `open()` for good (`q`, Esc
/// and SIGTERM did nothing; `kill -9` left the terminal raw), and a link
/// to `/dev/zero` grew it by gigabytes.
#[test]
fn the_beamer_ends_on_q_and_sigterm_whatever_the_session_file_is() {
    for kind in ["fifo", "zero"] {
        for how in ["q", "TERM"] {
            let dir = tempfile::tempdir().unwrap();
            let path = new_session(dir.path());
            let name = format!("beam-{kind}-{how}");
            let Some(t) = Tmux::start(&name, &shell(dir.path(), "beamer Zuidrand"), 100, 30) else {
                return;
            };
            t.wait_for("Wacht op de procesbegeleider");
            let pid = app_pid(&t);
            replace_session(&path, kind);
            let screen = t.wait_for("De sessie is nu niet te lezen");
            assert!(!screen.contains("EXIT="), "{screen}");
            // it never read /dev/zero: its peak memory stays small
            std::thread::sleep(Duration::from_millis(500));
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
            let peak_kb: u64 = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap();
            assert!(peak_kb < 100_000, "{kind}: peak {peak_kb} kB");
            let start = Instant::now();
            match how {
                "q" => t.keys(&["q"]),
                _ => signal(pid, "-TERM"),
            }
            let screen = t.wait_for("EXIT=");
            let took = start.elapsed();
            assert!(
                took < common::limit(Duration::from_millis(1500)),
                "{kind} {how}: {took:?}"
            );
            assert!(screen.contains("EXIT=0"), "{kind} {how}:\n{screen}");
            assert!(cooked(&stty(&t)), "{kind} {how}: terminal restored");
            assert!(state(pid).is_none_or(|s| s == 'Z'), "{kind} {how}: ended");
        }
    }
}
