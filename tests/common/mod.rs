//! Shared helpers for the tests of the real binary in tmux: `mod common;`
//! in a test file, then `common::Tmux`, `common::shell`, `common::new_session`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

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
        let deadline = Instant::now() + Duration::from_secs(15);
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
        let deadline = Instant::now() + Duration::from_secs(15);
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

    pub fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
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
    app.tz = jiff::tz::TimeZone::UTC;
    app.open_path(&path).unwrap();
    Fixture { dir, path, app }
}
