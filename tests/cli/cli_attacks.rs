//! Issue 12: holes an outside attack found in the command line, tested on
//! the real binary. Text that reaches a terminal from the command line (item
//! 8), `open` without a terminal (item 10), numbers that wrap (item 12).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use jiff::Timestamp;
use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::safe_text::unsafe_char;
use wijktafel::session::{Session, Status};
use wijktafel::store;

/// Escape sequences that set the window title, write the clipboard (OSC 52)
/// and clear the screen, plus NUL, DEL, C1 controls (CSI, NEL) and bidi
/// overrides/isolates.
const NASTY: &str =
    "X\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{0}\u{7f}\u{9b}31m\u{85}\u{202e}\u{2066}Y";

/// The binary with nothing on standard input.
fn bin() -> Command {
    let mut c = crate::common::bin();
    c.stdin(Stdio::null());
    c
}

/// Characters that must not reach a terminal; line ends are fine.
fn unsafe_in(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| unsafe_char(c) && c != '\n' && c != '\r')
        .collect()
}

fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad = unsafe_in(&text);
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
}

/// No control character but bidi controls, and those balanced on every
/// line and only inside an isolate (FSI … PDI) of a piece of user text
/// (issue 27), so none reaches past the text it was typed in.
fn assert_isolated(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = unsafe_in(&text)
        .into_iter()
        .filter(|&c| !wijktafel::safe_text::is_bidi_control(c))
        .collect();
    assert!(bad.is_empty(), "{what}: raw {bad:?} in {text:?}");
    for line in text.lines() {
        assert_eq!(wijktafel::bidi::balance(line), line, "{what}: balanced");
        let mut depth = 0i32;
        for c in line.chars() {
            match c {
                '\u{2066}'..='\u{2068}' => depth += 1,
                '\u{2069}' => depth -= 1,
                '\u{202e}' => assert!(
                    depth > 0,
                    "{what}: an override outside an isolate: {line:?}"
                ),
                _ => {}
            }
        }
    }
    assert!(
        text.contains('\u{202e}'),
        "{what}: the override is kept as typed"
    );
}

/// A session whose texts all hold [`NASTY`], saved in `dir`.
fn hostile_session(dir: &Path) -> PathBuf {
    let fw = Framework::builtin();
    let t = Timestamp::from_second(1_790_000_000).unwrap();
    let mut s = Session::new(&format!("Sessie {NASTY}"), &fw, t);
    s.area = format!("Wijk {NASTY}");
    s.facilitator = format!("Begeleider {NASTY}");
    let a = s.add_party(&format!("Org {NASTY}"), &format!("Rep {NASTY}"), "d");
    let b = s.add_party("Tweede", "Iemand", "d");
    s.resume(t);
    s.set_status(
        "1.1.1",
        Status::Dissent,
        vec![a],
        &format!("reden {NASTY}"),
        t,
    );
    s.set_stance(
        "1.1.1",
        b,
        wijktafel::session::Stance::Disagree,
        Some(&format!("stand {NASTY}")),
        t,
    );
    s.add_note("1.1.1", &format!("notitie {NASTY}"), t);
    s.add_action("1.1.1", &format!("actie {NASTY}"), Some(a), None, t);
    let path = dir.join("hostile.toml");
    store::save(&path, &s).unwrap();
    assert_eq!(
        store::load(&path).unwrap(),
        s,
        "the file keeps the text exact"
    );
    path
}

/// The built-in framework with hostile text in a block title, a step title,
/// a consideration and a point.
fn hostile_framework(dir: &Path) -> PathBuf {
    let toml_nasty: String = NASTY
        .chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect();
    let text = wijktafel::framework::DEFAULT_TOML
        .replacen(
            "title = \"Oriënteren en verkennen\"",
            &format!("title = \"Oriënteren {toml_nasty}\""),
            1,
        )
        .replacen(
            "title = \"Urgentie\"",
            &format!("title = \"Urgentie {toml_nasty}\""),
            1,
        )
        .replacen(
            "consideration = \"",
            &format!("consideration = \"{toml_nasty} "),
            1,
        );
    assert_ne!(text, wijktafel::framework::DEFAULT_TOML);
    let path = dir.join("kader.toml");
    fs::write(&path, text).unwrap();
    let fw = Framework::load(&path).unwrap();
    assert!(fw.blocks[0].title.contains(NASTY));
    path
}

/// Run the binary inside a pseudo terminal (util-linux `script`), so that
/// stdin and stdout are terminals. `None` where that is not available.
fn in_terminal(args: &[&str]) -> Option<Output> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    if Command::new("script").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "script is required in CI");
        eprintln!("script(1) not available: skipping a terminal test");
        return None;
    }
    let quote = |s: &str| format!("'{}'", s.replace('\'', "'\\''"));
    let mut cmd = quote(env!("CARGO_BIN_EXE_wijktafel"));
    for a in args {
        cmd.push(' ');
        cmd.push_str(&quote(a));
    }
    Some(
        Command::new("script")
            .args(["-qefc", &cmd, "/dev/null"])
            .env_remove("WIJKTAFEL_DIR")
            .env("TERM", "dumb")
            .stdin(Stdio::null())
            .output()
            .unwrap(),
    )
}

// ---------------------------------------------------------------------------
// Item 8: text that reaches the terminal
// ---------------------------------------------------------------------------

/// A session file with a hostile unknown key and a hostile unknown enum
/// variant: the parser quotes them in its error.
#[test]
fn errors_quoting_a_hostile_session_file_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let fw = Framework::builtin();
    let base = store::to_toml(&Session::new("x", &fw, Timestamp::UNIX_EPOCH));
    let files = [
        (
            "key",
            format!("{base}\n\"\\u001b]0;pwned\\u0007\" = 2\n"),
            "␛]0;pwned␇",
        ),
        (
            "variant",
            format!("{base}\n[points.\"1.1.1\"]\nstatus = \"\\u001b]52;c;aGk=\\u0007\\u009b2J\"\n"),
            "␛]52;c;aGk=␇",
        ),
    ];
    for (name, text, shown) in files {
        let path = dir.path().join(format!("{name}.toml"));
        fs::write(&path, &text).unwrap();
        for args in [
            &["open"][..],
            &["export", "--format", "md"],
            &["export", "--format", "csv"],
        ] {
            let out = bin().args(args).arg(&path).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
            assert_inert(name, &out.stderr);
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(err.contains(shown), "{name}: {err}");
            assert!(err.contains(&path.display().to_string()), "{err}");
            assert!(out.stdout.is_empty());
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), text, "untouched");
    }
}

#[test]
fn errors_quoting_a_hostile_framework_file_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kader.toml");
    let text = wijktafel::framework::DEFAULT_TOML.replacen(
        "consideration =",
        "\"con\\u001b]0;pwned\\u0007\\u001b]52;c;aGk=\\u0007\" =",
        1,
    );
    fs::write(&path, text).unwrap();
    for format in ["md", "json"] {
        let out = bin()
            .arg("--framework")
            .arg(&path)
            .args(["framework", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_inert("framework error", &out.stderr);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("con␛]0;pwned␇␛]52;c;aGk=␇"), "{err}");
    }
}

/// clap quotes a wrong argument in its error; on a terminal it would write
/// it raw (with its colours).
#[test]
fn an_argument_error_is_shown_escaped() {
    let bad = "a\u{1b}]0;pwned\u{7}b\u{9b}2J\u{202e}c";
    let out = bin()
        .args(["export", "x", "--format", bad])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_inert("clap error", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format"));
    if let Some(out) = in_terminal(&["export", "x", "--format", bad]) {
        assert_eq!(out.status.code(), Some(2));
        assert_inert("clap error on a terminal", &out.stdout);
        assert!(String::from_utf8_lossy(&out.stdout).contains("--format"));
    }
    // help and version still print normally
    let out = bin().arg("--version").output().unwrap();
    assert!(out.status.success() && !out.stdout.is_empty());
}

/// JSON to a pipe: every unsafe character is a `\uXXXX` escape, and the
/// export still loads back to exactly the same session.
#[test]
fn json_export_escapes_c1_del_and_bidi_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_session(dir.path());
    let out = bin()
        .args(["export", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_inert("json", &out.stdout);
    let json = String::from_utf8(out.stdout).unwrap();
    for esc in [
        "\\u001b", "\\u0000", "\\u007f", "\\u009b", "\\u0085", "\\u202e", "\\u2066",
    ] {
        assert!(json.contains(esc), "{esc}");
    }
    // (read as exports are read: `questions` is there for readers only)
    let back: Session = wijktafel::export::session_from_json(&json, &path).unwrap();
    assert_eq!(back, store::load(&path).unwrap());
}

#[test]
fn framework_json_and_markdown_of_a_hostile_framework_are_inert() {
    let dir = tempfile::tempdir().unwrap();
    let kader = hostile_framework(dir.path());
    let out = bin()
        .arg("--framework")
        .arg(&kader)
        .args(["framework", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_inert("framework json", &out.stdout);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["blocks"][0]["title"].as_str().unwrap(),
        format!("Oriënteren {NASTY}"),
        "exact after decoding"
    );

    let out = bin()
        .arg("--framework")
        .arg(&kader)
        .args(["framework", "--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_inert("framework md", &out.stdout);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("&#x202E;&#x2066;Y"), "bidi as references");
}

/// Markdown and HTML minutes to a pipe hold no control characters: controls
/// become a space (Markdown) or U+FFFD (HTML), bidi controls a character
/// reference that renders as the exact character.
#[test]
fn markdown_and_html_exports_hold_no_controls() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_session(dir.path());
    for args in [
        &["--format", "md"][..],
        &["--format", "md", "--workshop", "1"],
        &["--format", "html"],
        &["--format", "html", "--workshop", "1"],
        &["--format", "md", "--anonymize"],
    ] {
        let out = bin().arg("export").arg(&path).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert_inert(&format!("{args:?}"), &out.stdout);
        assert!(String::from_utf8_lossy(&out.stdout).contains("&#x202E;"));
    }
}

/// CSV cannot escape: to a file or pipe it is exact (a data file), to a
/// terminal it is filtered.
#[test]
fn csv_holds_no_control_characters_to_a_pipe_a_file_or_a_terminal() {
    // CSV cannot escape, and `export … | head` ends on a terminal too: the
    // cells show control characters as visible symbols everywhere; bidi
    // controls are kept as typed in a file (issue 27: the formats agree),
    // but only balanced, inside the isolate of their piece of text
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_session(dir.path());
    let out = bin()
        .args(["export", "--format", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_isolated("csv to a pipe", &out.stdout);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("Org X␛]0;pwned␇"), "{csv}");
    let file = dir.path().join("stand.csv");
    let out = bin()
        .args(["export", "--format", "csv", "-o"])
        .arg(&file)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_isolated("csv to a file", &std::fs::read(&file).unwrap());

    let p = path.to_str().unwrap();
    let Some(out) = in_terminal(&["export", p, "--format", "csv"]) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_inert("csv on a terminal", &out.stdout);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("Org X␛]0;pwned␇␛]52;c;aGk=␇␛[2J␀␡"),
        "{shown}"
    );
}

/// Every stdout writer, on a terminal.
#[test]
fn every_output_on_a_terminal_is_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_session(dir.path());
    let kader = hostile_framework(dir.path());
    let p = path.to_str().unwrap();
    let k = kader.to_str().unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        &["export", p, "--format", "md"][..],
        &["export", p, "--format", "html"],
        &["export", p, "--format", "json"],
        &["--framework", k, "framework", "--format", "md"],
        &["--framework", k, "framework", "--format", "json"],
        &["--framework", k, "--dir", d, "list"],
    ] {
        let Some(out) = in_terminal(args) else {
            return;
        };
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty());
        assert_inert(&format!("{args:?}"), &out.stdout);
    }
}

/// `list` is for reading: filtered also when piped. Names, areas, the block
/// title of a hostile framework and the name of a damaged file.
#[test]
fn list_shows_hostile_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    hostile_session(dir.path());
    let kader = hostile_framework(dir.path());
    let kader_in_list = dir.path().join("kader-elders");
    fs::create_dir(&kader_in_list).unwrap();
    let kader2 = kader_in_list.join("kader.toml");
    fs::rename(&kader, &kader2).unwrap();
    fs::write(dir.path().join("kapot\u{1b}]0;pwned\u{7}.toml"), "x = [").unwrap();
    let out = bin()
        .arg("--dir")
        .arg(dir.path())
        .arg("--framework")
        .arg(&kader2)
        .arg("list")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_inert("list", &out.stdout);
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.contains("Sessie X␛]0;pwned␇"), "{list}");
    assert!(list.contains("1 Oriënteren X␛]0;pwned␇"), "{list}");
    assert_eq!(list.lines().count(), 3, "{list}");
}

// ---------------------------------------------------------------------------
// Item 10: `open` without a terminal
// ---------------------------------------------------------------------------

fn new_session(dir: &Path) -> PathBuf {
    let out = bin()
        .arg("--dir")
        .arg(dir)
        .args([
            "new",
            "De Horst",
            "--party",
            "Gemeente|Anna|bestuur",
            "--no-open",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn assert_unchanged(dir: &Path, path: &Path, before: &[u8]) {
    assert_eq!(fs::read(path).unwrap(), before, "file changed");
    assert!(!dir.join("backups").exists(), "a save was attempted");
    assert!(
        !store::SessionLock::path_for(path).exists(),
        "lock file left behind"
    );
}

#[test]
fn open_without_a_terminal_refuses_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let before = fs::read(&path).unwrap();
    // `wijktafel open X | head`: stdout a pipe
    let out = bin()
        .arg("--dir")
        .arg(dir.path())
        .args(["open", "De Horst"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("terminal") && err.contains("niets"), "{err}");
    assert_unchanged(dir.path(), &path, &before);

    // `echo | wijktafel open X`: stdin a pipe
    let mut child = bin()
        .arg("--dir")
        .arg(dir.path())
        .arg("--lang")
        .arg("en")
        .arg("open")
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(b"\n");
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
    assert_unchanged(dir.path(), &path, &before);

    assert!(store::load(&path).unwrap().workshops.is_empty());
}

/// The pseudo terminal gives stdout, but stdin comes from /dev/null.
#[test]
fn open_with_only_stdout_on_a_terminal_is_refused() {
    if !cfg!(target_os = "linux") || Command::new("script").arg("-V").output().is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path());
    let before = fs::read(&path).unwrap();
    let cmd = format!(
        "'{}' open '{}' < /dev/null",
        env!("CARGO_BIN_EXE_wijktafel"),
        path.display()
    );
    let out = Command::new("script")
        .args(["-qefc", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("terminal"));
    assert_unchanged(dir.path(), &path, &before);
}

/// A damaged or locked file is still reported as such without a terminal.
#[test]
fn open_without_a_terminal_still_reports_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.toml");
    fs::write(&path, "format_version = 1\nname = [").unwrap();
    let out = bin().arg("open").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("beschadigd"));
    assert!(!store::SessionLock::path_for(&path).exists());
}

#[test]
fn new_without_a_terminal_creates_the_session_but_does_not_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--dir")
        .arg(dir.path())
        .args(["new", "De Horst", "--party", "Gemeente|Anna|bestuur"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    assert_eq!(path, dir.path().join("de-horst.toml"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("aangemaakt") && err.contains("terminal"),
        "{err}"
    );
    let s = store::load(&path).unwrap();
    assert!(s.workshops.is_empty(), "no workshop started");
    assert!(!store::SessionLock::path_for(&path).exists());
}

#[test]
fn demo_without_a_terminal_writes_the_demo_but_starts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // written as today, then not opened: the file is exactly the generated demo
    let out = bin()
        .arg("--dir")
        .arg(dir.path())
        .arg("demo")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    let fw = Framework::builtin();
    assert_eq!(store::load(&path).unwrap(), demo::build(&fw, 2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terminal"));
}

// ---------------------------------------------------------------------------
// Item 12: numbers that wrap
// ---------------------------------------------------------------------------

/// A demo file (7 parties, 2 workshops) with one edit; refused with exit 2,
/// the message naming the value, the file untouched.
#[test]
fn numbers_that_cannot_be_continued_are_refused() {
    let fw = Framework::builtin();
    let good = store::to_toml(&demo::build(&fw, 2));
    // the example's first point has a time of its own: replace it
    let with_seconds = |n: &str| {
        let at = good.find("[points.\"1.1.1\"]\n").unwrap();
        let line = at + good[at..].find("seconds = ").unwrap();
        let end = line + good[line..].find('\n').unwrap();
        format!("{}seconds = {n}{}", &good[..line], &good[end..])
    };
    let cases = [
        (
            "party-max",
            good.replacen("id = 7\n", "id = 4294967295\n", 1),
            "4294967295",
        ),
        (
            "party-dup",
            good.replacen("id = 7\n", "id = 6\n", 1),
            "party id 6",
        ),
        (
            "workshop-max",
            good.replacen("number = 2\n", "number = 4294967295\n", 1),
            "4294967295",
        ),
        (
            "workshop-dup",
            good.replacen("number = 2\n", "number = 1\n", 1),
            "workshop number 1",
        ),
        (
            "seconds",
            with_seconds("9223372036854775807"),
            "9223372036854775807",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, text, value) in cases {
        assert_ne!(text, good, "{name}: edit applied");
        let path = dir.path().join(format!("{name}.toml"));
        fs::write(&path, &text).unwrap();
        match store::load(&path) {
            Err(e @ store::StoreError::Corrupt { .. }) => {
                assert!(
                    e.message(wijktafel::i18n::Lang::En).contains(value),
                    "{name}: {e}"
                )
            }
            other => panic!("{name}: expected Corrupt, got {other:?}"),
        }
        for args in [&["open"][..], &["export", "--format", "json"]] {
            let out = bin().args(args).arg(&path).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
            assert!(String::from_utf8_lossy(&out.stderr).contains(value));
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }
    // beyond i64 the TOML parser itself refuses
    fs::write(
        dir.path().join("u64.toml"),
        with_seconds("18446744073709551615"),
    )
    .unwrap();
    assert!(store::load(&dir.path().join("u64.toml")).is_err());
    // the ceiling itself loads
    fs::write(
        dir.path().join("ok.toml"),
        good.replacen("id = 7\n", "id = 1000000\n", 1),
    )
    .unwrap();
    let s = store::load(&dir.path().join("ok.toml")).unwrap();
    assert_eq!(s.parties.last().unwrap().id, 1_000_000);
}

#[test]
fn every_example_session_and_the_longest_demo_are_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut n = 0;
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            let s = store::load(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            s.validate().unwrap();
            n += 1;
        }
    }
    assert!(n >= 2);
    let fw = Framework::builtin();
    let big = demo::build(&fw, 100);
    assert_eq!(big.validate(), Ok(()));
    let d = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["demo", "--workshops", "100", "--out"])
        .arg(d.path().join("groot.toml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(store::load(&d.path().join("groot.toml")).unwrap(), big);
}

/// Found by the second attack: a closed pipe after `-o`/`--out` is no panic.
#[test]
fn a_closed_pipe_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec![
            "demo".to_string(),
            "--out".into(),
            dir.path().join("d.toml").display().to_string(),
        ],
        vec!["framework".into(), "--format".into(), "json".into()],
    ] {
        let mut child = bin()
            .arg("--dir")
            .arg(dir.path())
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_ne!(
            out.status.code(),
            Some(101),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

#[test]
fn export_of_a_workshop_that_does_not_exist_is_a_usage_error() {
    let out = bin()
        .args([
            "export",
            "sessions/demo-de-horst.toml",
            "--format",
            "md",
            "--workshop",
            "9",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "wijktafel: bijeenkomst 9 bestaat niet in deze sessie\n"
    );
}

/// An xlsx file is binary: never written to a terminal (issue 27), but to
/// a file or a pipe.
#[test]
fn xlsx_goes_to_a_file_or_a_pipe_never_to_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = hostile_session(dir.path());
    let out = bin()
        .args(["export", "--format", "xlsx"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"), "a zip file to a pipe");
    let p = path.to_str().unwrap();
    let Some(out) = in_terminal(&["export", p, "--format", "xlsx"]) else {
        return;
    };
    assert!(!out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(!shown.contains("PK\u{3}\u{4}"), "no zip on the screen");
    assert!(shown.contains("-o"), "says how: {shown}");
}
