//! The domain: the framework, the session and what is captured in it, the
//! votes, and the rules that follow from them (the block gate, the need for
//! a vote, time against plan). Plain data and functions: no terminal, no
//! files (the store reads and writes them), no ratatui or crossterm.

pub mod budget;
pub mod framework;
pub mod gate;
pub mod handout;
pub mod journal;
pub mod overview;
pub mod record;
pub mod session;
pub mod timing;
pub mod vote;
pub mod workday;
