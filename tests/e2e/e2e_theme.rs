//! The real binary in a real terminal (tmux) paints every cell in its theme
//! (issue 17): the pane is captured with its colours (`capture-pane -e -N`)
//! on the start screen, the main screen, the focus view, a dialog over it,
//! the help and the "window too small" message, in each theme at 80×24 and
//! 160×45; no cell may show the terminal's default background (SGR 49, a
//! reset, or a cell the program never wrote), and no visible character its
//! default foreground.

use unicode_width::UnicodeWidthChar;

use crate::common;
use common::{Tmux, shell};

/// A cell of the captured pane on the terminal's own colours: the first
/// one as (row, column, character), or a row that is not written to its
/// full width.
fn first_default_cell(capture: &str, width: usize) -> Option<String> {
    let mut fg_default = true;
    let mut bg_default = true;
    for (y, row) in capture.lines().enumerate() {
        let mut col = 0;
        let mut chars = row.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                // CSI … final byte; only SGR (m) changes colours
                let mut seq = String::new();
                if chars.peek() == Some(&'[') {
                    chars.next();
                }
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        if d == 'm' {
                            sgr(&seq, &mut fg_default, &mut bg_default);
                        }
                        break;
                    }
                    seq.push(d);
                }
                continue;
            }
            if bg_default || (!c.is_whitespace() && fg_default) {
                return Some(format!(
                    "row {y} column {col} {c:?} (default fg {fg_default}, bg {bg_default})"
                ));
            }
            col += c.width().unwrap_or(0);
        }
        if col < width {
            return Some(format!("row {y} written to column {col} of {width}"));
        }
    }
    None
}

/// Apply one SGR sequence to whether fg and bg are the terminal's default.
fn sgr(seq: &str, fg_default: &mut bool, bg_default: &mut bool) {
    let ps: Vec<&str> = if seq.is_empty() {
        vec!["0"]
    } else {
        seq.split(';').collect()
    };
    let mut i = 0;
    while i < ps.len() {
        let n: u32 = ps[i].parse().unwrap_or(0);
        match n {
            0 => {
                *fg_default = true;
                *bg_default = true;
            }
            39 => *fg_default = true,
            49 => *bg_default = true,
            30..=37 | 90..=97 => *fg_default = false,
            40..=47 | 100..=107 => *bg_default = false,
            38 | 48 => {
                if n == 38 {
                    *fg_default = false;
                } else {
                    *bg_default = false;
                }
                // 38;2;r;g;b or 38;5;n
                i += if ps.get(i + 1) == Some(&"2") { 4 } else { 2 };
            }
            _ => {}
        }
        i += 1;
    }
}

#[test]
fn the_parser_finds_default_cells() {
    let painted = "\x1b[38;2;1;2;3m\x1b[48;2;4;5;6mab\n\x1b[1mcd";
    assert_eq!(first_default_cell(painted, 2), None);
    assert!(first_default_cell("ab", 2).unwrap().contains("'a'"));
    let reset = "\x1b[38;2;1;2;3m\x1b[48;2;4;5;6mab\x1b[0m\x1b[38;2;1;2;3m c";
    assert!(first_default_cell(reset, 4).unwrap().contains("column 2"));
    let bg49 = "\x1b[38;2;1;2;3m\x1b[48;2;4;5;6ma\x1b[49mb";
    assert!(first_default_cell(bg49, 2).unwrap().contains("column 1"));
    let short = "\x1b[38;2;1;2;3m\x1b[48;2;4;5;6mab";
    assert!(
        first_default_cell(short, 3)
            .unwrap()
            .contains("written to column 2")
    );
}

fn capture(t: &Tmux) -> String {
    let out = t
        .cmd()
        .args(["capture-pane", "-e", "-p", "-N", "-t", "t"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Wait for `needle`, then check the pane (drawn once more after the
/// needle appears, so the whole frame is there).
fn check(t: &Tmux, needle: &str, width: usize, what: &str, failures: &mut Vec<String>) {
    t.wait_for(needle);
    t.wait_still();
    if let Some(cell) = first_default_cell(&capture(t), width) {
        failures.push(format!("{what}: {cell}"));
    }
}

#[test]
fn every_theme_paints_every_cell_in_a_real_terminal() {
    let mut failures = Vec::new();
    for theme in ["dark", "light", "contrast"] {
        for (w, h) in [(80u16, 24u16), (160, 45)] {
            let dir = tempfile::tempdir().unwrap();
            let store = dir.path().join("s");
            let name = format!("theme-{theme}-{w}");
            let Some(t) = Tmux::start(
                &name,
                &shell(&store, &format!("--theme {theme} demo")),
                w,
                h,
            ) else {
                return;
            };
            let width = w as usize;
            let what = |s: &str| format!("{theme} {w}x{h} {s}");
            check(&t, "Bijeenkomst", width, &what("start"), &mut failures);
            t.keys(&["Enter"]);
            check(&t, "GESPREKSPUNT", width, &what("main"), &mut failures);
            t.keys(&["f"]);
            // the focus view: the panels are gone
            t.wait_gone("Standpunten");
            check(&t, "f focus", width, &what("focus view"), &mut failures);
            t.keys(&["n"]);
            check(
                &t,
                "Notitie",
                width,
                &what("note over the focus view"),
                &mut failures,
            );
            // one key at a time: Esc followed at once by a key reads as Alt+key
            let before = t.screen();
            t.keys(&["Escape"]);
            let before = t.wait_change(&before);
            t.keys(&["f"]);
            t.wait_change(&before);
            t.keys(&["?"]);
            check(&t, "Esc sluiten", width, &what("help"), &mut failures);
            let before = t.screen();
            t.keys(&["Escape"]);
            t.wait_change(&before);
            t.cmd()
                .args(["resize-window", "-t", "t", "-x", "60", "-y", "20"])
                .status()
                .unwrap();
            check(
                &t,
                "Venster te klein",
                60,
                &what("too small"),
                &mut failures,
            );
            t.keys(&["q"]);
            t.wait_exit();
        }
    }
    assert!(
        failures.is_empty(),
        "cells on the terminal's default colours:\n{}",
        failures.join("\n")
    );
}
