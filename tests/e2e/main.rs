//! The real binary driven in tmux (Unix only; tmux and, for some, strace).
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod e2e_beamer;
mod e2e_framework;
mod e2e_hands;
mod e2e_items;
mod e2e_journal;
mod e2e_orientation;
mod e2e_parties;
mod e2e_suspend;
mod e2e_theme;
mod e2e_tmux;
mod e2e_vote;
mod e2e_warning;
mod e2e_workday;

