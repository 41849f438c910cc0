//! A store folder open to others is warned about on the program's own
//! status line when the full screen starts, never written underneath it.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;

use crate::common;
use common::{Tmux, new_session, shell};

#[test]
fn the_privacy_warning_shows_on_the_status_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("open");
    std::fs::create_dir(&store).unwrap();
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
    new_session(&store);
    let Some(t) = Tmux::start("warning", &shell(&store, "open Zuidrand"), 80, 24) else {
        return;
    };
    t.wait_for("Wie is er aanwezig?");
    let screen = t.wait_for("let op: de sessiemap");
    // on the status line, above the key hints, and no stray "wijktafel:" line
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("let op: de sessiemap"))
        .unwrap();
    assert!(lines[at + 1].contains("q stop"), "{screen}");
    assert!(!screen.contains("wijktafel: let op"), "{screen}");
    t.keys(&["q"]);
    t.wait_exit();
}
