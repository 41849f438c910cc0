//! What the shared line builders (recap, summary) need of the app: the
//! framework, the language and the time zone. The facilitator's screens
//! pass [`App::env`]; the beamer, which has no `App`, builds one itself.

use jiff::tz::TimeZone;

use crate::framework::Framework;
use crate::i18n::{Lang, Strings};
use crate::tui::app::App;

/// The framework, language and time zone a screen is drawn in.
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

impl App {
    /// The framework, language and time zone of the app.
    pub fn env(&self) -> Env<'_> {
        Env {
            fw: &self.fw,
            lang: self.lang,
            tz: self.tz.clone(),
        }
    }
}
