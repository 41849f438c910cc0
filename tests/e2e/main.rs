//! The real binary driven in tmux (Unix only; tmux and, for some, strace).
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod e2e_beamer;
mod e2e_decisions;
mod e2e_framework;
mod e2e_hands;
mod e2e_items;
mod e2e_journal;
mod e2e_orientation;
mod e2e_parties;
mod e2e_room;
mod e2e_suspend;
mod e2e_theme;
mod e2e_tmux;
mod e2e_vote;
mod e2e_warning;
mod e2e_workday;

/// Without tmux (or strace) the tests above return early and would pass
/// unseen; this one fails instead, naming what is missing, unless
/// `WIJKTAFEL_ALLOW_SKIP=1` says that skipping them is meant. CI installs
/// both (`.ci/run`), so there it passes.
#[cfg(unix)]
#[test]
fn the_tools_of_the_end_to_end_tests_are_installed() {
    let missing: Vec<&str> = ["tmux", "strace"]
        .into_iter()
        // strace is Linux's; elsewhere the network test is not meant to run
        .filter(|tool| cfg!(target_os = "linux") || *tool != "strace")
        .filter(|tool| std::process::Command::new(tool).arg("-V").output().is_err())
        .collect();
    let allowed = std::env::var("WIJKTAFEL_ALLOW_SKIP").is_ok_and(|v| v == "1");
    assert!(
        missing.is_empty() || allowed,
        "not installed: {}. The end-to-end tests that need it returned without \
         testing anything. Install it, or run with WIJKTAFEL_ALLOW_SKIP=1 to skip \
         them knowingly.",
        missing.join(", ")
    );
}
