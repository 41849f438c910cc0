//! wijktafel: a facilitation tool for workshops of a local coalition deciding
//! on an area-based approach for a vulnerable neighbourhood.
//!
//! Layers (see ARCHITECTURE.md): [`domain`] holds the framework, the session,
//! the records, the votes and their rules, with no UI and no files; [`store`]
//! loads, saves and locks session files; [`export`] writes minutes and data;
//! the terminal UI lives in [`tui`] on top of them.

pub mod beamer;
pub mod bidi;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod emergency;
pub mod export;
pub mod i18n;
pub mod live;
pub mod safe_text;
pub mod store;
pub mod term;
pub mod textpos;
pub mod tui;
pub mod view;

// The domain's modules under their short names, as the rest of the crate
// and the tests use them.
pub use domain::{framework, gate, journal, overview, record, session, timing, vote};
