//! What the app works in: the framework, the language and theme, the
//! store, the clock and time zone, the home screen's areas view and the
//! writer of the room's live file. Read by every screen and dialog; set by
//! the loop (the clock), the command line (the framework, the live file),
//! `t` (the theme) and tests (a fixed clock and zone, the other language).

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::live_out::LiveOut;
use super::{App, AreasView};
use crate::framework::Framework;
use crate::framework::carried::Given;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::theme::ThemeKind;

impl App {
    /// The framework of the open session; at home, the one new sessions get.
    pub fn fw(&self) -> &Framework {
        &self.fw
    }

    /// The framework named on the command line (`--framework`), if any.
    pub fn framework_arg(&self) -> Option<&Given> {
        self.framework_arg.as_ref()
    }

    /// Name the framework of the command line (see [`App::framework_arg`]).
    pub fn set_framework_arg(&mut self, given: Option<Given>) {
        self.framework_arg = given;
    }

    /// The language of the interface.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The colour theme.
    pub fn theme(&self) -> ThemeKind {
        self.theme
    }

    pub fn set_theme(&mut self, theme: ThemeKind) {
        self.theme = theme;
    }

    /// The folder of sessions.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The time of this update (the loop's clock, or a test's).
    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn set_now(&mut self, now: Timestamp) {
        self.now = now;
    }

    /// The time zone dates and times are shown in.
    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }

    pub fn set_tz(&mut self, tz: TimeZone) {
        self.tz = tz;
    }

    /// The home screen's view of the areas (more than one session).
    pub fn areas(&self) -> &AreasView {
        &self.areas
    }

    pub fn areas_mut(&mut self) -> &mut AreasView {
        &mut self.areas
    }

    /// The writer of the live file for `wijktafel beamer`, if the app has one.
    pub fn live(&self) -> Option<&LiveOut> {
        self.live.as_ref()
    }

    /// Write the live file for the room from now on (the real program;
    /// tests opt in).
    pub fn set_live_writer(&mut self, out: LiveOut) {
        self.live = Some(out);
    }

    /// Drop the live file's writer (the file stays as last written).
    pub fn stop_live_writer(&mut self) {
        self.live = None;
    }
}
