//! What the test binaries share (each declares it once in its `main.rs`;
//! a test file says `use crate::common;`): the tmux driver for the real
//! binary (`Tmux`, `shell`, `new_session`, `open_workshop`, `end_workshop`,
//! waits bounded by [`limit`]), the app on a TestBackend (`open_app`,
//! `press`, `on_disk`, `render_text`), the binary as a command (`bin`), and
//! child processes of a test binary (`child`).
#![allow(dead_code)]

pub mod areas;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long a wait of the end-to-end tests may take: `base` times
/// `WIJKTAFEL_E2E_SCALE` (a number, 1 when unset), the one setting for every
/// limit of these tests, for a slow or loaded machine.
pub fn limit(base: Duration) -> Duration {
    let scale = std::env::var("WIJKTAFEL_E2E_SCALE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(1.0);
    base.mul_f64(scale)
}

/// The longest a screen, a file or an exit is waited for.
fn wait_limit() -> Duration {
    limit(Duration::from_secs(15))
}

/// A tmux server of our own (own socket), so tests never touch a user's tmux.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, cmd: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
            eprintln!("tmux not installed: skipping {name}");
            return None;
        }
        let socket = format!("wijktafel-test-{name}-{}", std::process::id());
        let t = Tmux { socket };
        let ok = t
            .cmd()
            .args([
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                cmd,
            ])
            .status()
            .unwrap();
        assert!(ok.success());
        Some(t)
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket]);
        c
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut c = self.cmd();
        c.args(["send-keys", "-t", "t"]);
        c.args(keys);
        assert!(c.status().unwrap().success());
    }

    pub fn text(&self, text: &str) {
        assert!(
            self.cmd()
                // `--`: a text that starts with "-" is text, not a flag
                .args(["send-keys", "-t", "t", "-l", "--", text])
                .status()
                .unwrap()
                .success()
        );
    }

    /// Paste as a terminal does (bracketed paste when the app asked for it).
    pub fn paste(&self, text: &str) {
        assert!(
            self.cmd()
                .args(["set-buffer", "--", text])
                .status()
                .unwrap()
                .success()
        );
        assert!(
            self.cmd()
                .args(["paste-buffer", "-p", "-t", "t"])
                .status()
                .unwrap()
                .success()
        );
    }

    pub fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows `needle` (polling; the app is a separate process).
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + wait_limit();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until `check` holds for the session file.
    pub fn wait_file(&self, path: &Path, check: impl Fn(&wijktafel::session::Session) -> bool) {
        let deadline = Instant::now() + wait_limit();
        loop {
            if let Ok(s) = wijktafel::store::load(path)
                && check(&s)
            {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for the file; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) -> String {
        let deadline = Instant::now() + wait_limit();
        loop {
            let s = self.screen();
            if !s.contains(needle) {
                return s;
            }
            assert!(Instant::now() < deadline, "still there: {needle:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen shows one of `needles`; which one.
    pub fn wait_any(&self, needles: &[&str]) -> usize {
        let deadline = Instant::now() + wait_limit();
        loop {
            let s = self.screen();
            if let Some(i) = needles.iter().position(|n| s.contains(n)) {
                return i;
            }
            assert!(Instant::now() < deadline, "none of {needles:?}:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait until the screen differs from `before` (a key was handled and
    /// drawn), then until it holds still: the next frame in full.
    pub fn wait_change(&self, before: &str) -> String {
        let deadline = Instant::now() + wait_limit();
        loop {
            let s = self.screen();
            if s != before {
                return self.wait_still();
            }
            assert!(Instant::now() < deadline, "the screen did not change:\n{s}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until two captures 50 ms apart are the same: a frame drawn in
    /// full, not one the terminal is still receiving.
    pub fn wait_still(&self) -> String {
        let deadline = Instant::now() + wait_limit();
        let mut last = self.screen();
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let s = self.screen();
            if s == last {
                return s;
            }
            assert!(Instant::now() < deadline, "the screen keeps changing:\n{s}");
            last = s;
        }
    }

    pub fn wait_exit(&self) {
        let deadline = Instant::now() + wait_limit();
        loop {
            let s = self.screen();
            if s.contains("EXIT=") {
                assert!(s.contains("EXIT=0"), "non-zero exit:\n{s}");
                return;
            }
            assert!(Instant::now() < deadline, "did not exit:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

/// The binary on `dir`, run from `dir` (an emergency copy that falls back
/// to the current folder lands there, never in the checkout).
pub fn shell(dir: &Path, args: &str) -> String {
    // a store the program is still to make: from the folder above it
    let cwd = if dir.exists() {
        dir
    } else {
        dir.parent().unwrap_or(dir)
    };
    format!(
        "cd {} && {} --dir {} {args}; echo EXIT=$?; sleep 600",
        cwd.display(),
        env!("CARGO_BIN_EXE_wijktafel"),
        dir.display()
    )
}

/// Open the session "Zuidrand" in tmux at 120×35, take attendance as it
/// is, and wait for the point; `None` without tmux.
pub fn open_workshop(dir: &Path, name: &str) -> Option<Tmux> {
    let t = Tmux::start(name, &shell(dir, "open Zuidrand"), 120, 35)?;
    t.wait_for("Wie is er aanwezig?");
    t.keys(&["Enter"]);
    t.wait_for("GESPREKSPUNT");
    Some(t)
}

/// `w` in block 1: the go/no-go asked first is deferred (with a reason),
/// then the summary's Enter ends workshop `number`, written to `path`.
pub fn end_workshop(t: &Tmux, path: &Path, number: u32) {
    t.keys(&["w"]);
    if t.wait_any(&["Nu stemmen?", "afsluiten en verslag"]) == 0 {
        t.keys(&["j"]);
        if t.wait_for("Go/no-go").contains("Er is al gestemd") {
            t.keys(&["n"]);
        }
        t.wait_for("nog niet gestemd");
        t.keys(&["u"]);
        t.text("volgende keer");
        t.keys(&["Enter"]);
        t.wait_for("verder (elke toets)");
        t.keys(&["Enter"]);
    }
    t.wait_for("afsluiten en verslag");
    t.keys(&["Enter"]);
    t.wait_file(path, |s| {
        s.workshops
            .iter()
            .any(|w| w.number == number && w.ended.is_some())
    });
}

/// The binary as a command, without the user's `WIJKTAFEL_DIR`.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wijktafel"));
    c.env_remove("WIJKTAFEL_DIR");
    c
}

/// The session "Zuidrand" with four parties, made by the binary (`new
/// --no-open`) in `dir`; its path.
pub fn new_session(dir: &Path) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_wijktafel"))
        .arg("--dir")
        .arg(dir)
        .args([
            "new",
            "Zuidrand",
            "--area",
            "Zuidrand",
            "--municipality",
            "Voorbeeldstad",
            "--party",
            "Gemeente|Anna|bestuur",
            "--party",
            "Woonstede|Bas|wonen",
            "--party",
            "Politie|Cor|veiligheid",
            "--party",
            "Bewoners|Dirk|bewoners",
            "--no-open",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

/// The screen the app draws at `w`×`h`, as text: one line per row, trailing
/// blanks cut (the TUI tests read and snapshot this).
pub fn render_text(app: &wijktafel::tui::app::App, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| wijktafel::tui::ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        // as a terminal shows it: a wide glyph once, without its other half
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..w {
            let sym = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// The app on a TestBackend: one fixture for the TUI and beamer tests
// ---------------------------------------------------------------------------

/// Press a key (no modifiers) as the terminal would send it: through the
/// one key table, then `update`.
pub fn press(app: &mut wijktafel::tui::app::App, code: ratatui::crossterm::event::KeyCode) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    press_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// Press a key with its modifiers as the terminal would send it.
pub fn press_key(app: &mut wijktafel::tui::app::App, ev: ratatui::crossterm::event::KeyEvent) {
    use ratatui::crossterm::event::Event;
    if let Some(a) = wijktafel::tui::map_event(app, Event::Key(ev)) {
        wijktafel::tui::update(app, a);
    }
}

/// The session file at `path` as the store reads it.
pub fn on_disk(path: &Path) -> wijktafel::session::Session {
    wijktafel::store::load(path).unwrap()
}

/// The tests' fixed moment: 2026-10-12T14:45:00Z.
pub const NOW: i64 = 1_791_816_300;

pub fn now() -> jiff::Timestamp {
    jiff::Timestamp::from_second(NOW).unwrap()
}

/// The four parties most TUI tests start with.
pub const FOUR_PARTIES: [(&str, &str); 4] = [
    ("Gemeente", "Anna"),
    ("Woonstede", "Bas"),
    ("Politie", "Cor"),
    ("Bewoners", "Dirk"),
];

/// An app with `session` saved in a store of its own and opened (on the
/// start screen, or where an unended workshop left off), in UTC.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub app: wijktafel::tui::app::App,
}

pub fn open_app(
    fw: wijktafel::framework::Framework,
    session: &wijktafel::session::Session,
    lang: wijktafel::i18n::Lang,
) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = wijktafel::store::Store::at(dir.path());
    let path = store.create(session).unwrap();
    let mut app = wijktafel::tui::app::App::new(
        fw,
        lang,
        wijktafel::tui::theme::ThemeKind::Dark,
        store,
        now(),
    );
    app.set_tz(jiff::tz::TimeZone::UTC);
    wijktafel::tui::open_path(&mut app, &path).unwrap();
    Fixture { dir, path, app }
}

// ---------------------------------------------------------------------------
// Child processes: a test that must run in a process of its own
// ---------------------------------------------------------------------------

/// Run the `#[ignore]`d child entry `entry` of the module at `module_path`
/// (pass `module_path!()`) in a new process of this test binary, with
/// `env` set; the entry returns at once without it. Ignored, so that it is
/// not counted as a passing test of its own.
pub fn child(module_path: &str, entry: &str, env: (&str, &std::ffi::OsStr)) -> Command {
    // a test's name is its module path without the crate's name
    let name = match module_path.split_once("::") {
        Some((_, m)) => format!("{m}::{entry}"),
        None => entry.to_string(),
    };
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--ignored",
        "--exact",
        &name,
        "--nocapture",
        "--test-threads=1",
    ])
    .env(env.0, env.1);
    c
}

/// Every edit of item 10 a secretary would have to make, found in `text`
/// (the framework's own questions and titles taken out first: they are
/// quoted, not written by the program).
pub fn edits_needed(text: &str, fw: &wijktafel::framework::Framework) -> Vec<String> {
    let mut text = text.to_string();
    for (_, step, p) in fw.iter_points() {
        text = text.replace(&p.text, "«vraag»");
        text = text.replace(&step.title, "«stap»");
    }
    let mut found = Vec::new();
    for line in text.lines() {
        let l = line.trim_end_matches(' ');
        if l.contains(") (") {
            found.push(format!("double brackets: {line}"));
        }
        if l.matches(" — ").count() > 1 {
            found.push(format!("two dashes: {line}"));
        }
        if l.contains("anders: ") {
            found.push(format!("\"anders:\": {line}"));
        }
        if l.ends_with('\\') {
            found.push(format!("a backslash at the end: {line}"));
        }
    }
    // one spelling of go/no-go in what the program writes
    let lower = text.to_lowercase();
    let spellings: std::collections::BTreeSet<&str> = ["go/no-go", "go/no go", "go-no-go"]
        .into_iter()
        .filter(|w| lower.contains(w))
        .collect();
    if spellings.len() > 1 {
        found.push(format!("spellings of go/no-go: {spellings:?}"));
    }
    found
}
