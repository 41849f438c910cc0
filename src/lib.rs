//! wijktafel: a facilitation tool for workshops of a local coalition deciding
//! on an area-based approach for a vulnerable neighbourhood.
//!
//! Layers: [`framework`] and [`session`] are the domain (no UI); [`store`]
//! loads, saves and locks session files; [`export`] writes minutes; the
//! terminal UI lives in [`tui`].

pub mod cli;
pub mod demo;
pub mod emergency;
pub mod export;
pub mod framework;
pub mod i18n;
pub mod safe_text;
pub mod session;
pub mod store;
pub mod textpos;
pub mod tui;
pub mod vote;
