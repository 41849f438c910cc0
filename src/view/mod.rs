//! The wording and layout both windows share: the facilitator's (`tui/`)
//! and the room's (`beamer/`). What the room sees of a recap, a summary, a
//! decision or a vote is built here once, so that an edit to one screen of
//! the facilitator's cannot change the room's view unnoticed, and the two
//! never drift apart. No `App`, no keys: only a session, an [`Env`] and a
//! theme in, lines out.
//!
//! - [`wrap`]: the one word wrap, by terminal columns;
//! - [`recap`], [`workday`]: the recap of the previous workshop;
//! - [`summary`]: the summary at a workshop's end;
//! - [`decision`]: the decision in force in its shorter and longer forms;
//! - [`vote`]: a vote's outcome, its follow-up route and revisit date;
//! - [`budget`]: the workshop's plan and pace in words;
//! - [`place`]: the "Blok · Stap" line;
//! - [`text`]: guidance as paragraphs.

pub mod budget;
pub mod decision;
pub mod place;
pub mod recap;
pub mod summary;
pub mod text;
pub mod vote;
pub mod workday;
pub mod wrap;

use jiff::tz::TimeZone;

use crate::framework::Framework;
use crate::i18n::{Lang, Strings};

/// The framework, language and time zone a screen is drawn in: what the
/// shared line builders need. The facilitator's screens pass `App::env`;
/// the beamer builds one from its own.
pub struct Env<'a> {
    pub fw: &'a Framework,
    pub lang: Lang,
    pub tz: TimeZone,
}

impl Env<'_> {
    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }
}
