//! The app's [`Env`]: what the shared line builders of [`crate::view`]
//! need of it (the framework, the language and the time zone).

use crate::tui::app::App;
use crate::view::Env;

impl App {
    /// The framework, language and time zone of the app.
    pub fn env(&self) -> Env<'_> {
        Env {
            fw: self.fw(),
            lang: self.lang(),
            tz: self.tz().clone(),
        }
    }
}
