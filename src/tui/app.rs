//! Application state. The one place that changes it is
//! [`crate::tui::dispatch::update`]; the app knows its dialogs only as the
//! [`Dialog`] trait (`app/dialog.rs`), its screens not at all.
//!
//! The domain model (the [`Session`]) is kept apart from UI state (screen,
//! overlays, focus, selection). Every completed capture is saved through the
//! store before `update` returns, so before the next key is handled.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyEvent;

use crate::framework::Framework;
use crate::i18n::{Lang, Strings, fill};
use crate::session::{DraftKind, PartyId, Session, Stance};
use crate::store::Store;
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::open_session::Captured;
use crate::tui::theme::ThemeKind;

/// Seconds after the last keystroke in an editor before its draft is saved.
pub(crate) const DRAFT_SAVE_AFTER_SECS: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Start,
    Main,
}

pub use crate::tui::open_session::OpenSession;
pub use crate::tui::session_view::{AreasView, HomeEntry, SessionView};

/// Where the app is: the home screen, or a session open on its start or
/// main screen. A screen that needs a session holds it, so "no session
/// open" cannot happen there; beside it, the screens' state of it.
pub enum Mode {
    Home,
    Start(Box<OpenSession>, SessionView),
    Main(Box<OpenSession>, SessionView),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub struct Flash {
    pub text: String,
    pub kind: FlashKind,
}

/// A party as listed with its number (see [`App::party_rows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyRow {
    /// Its place in the session, 1-based: the key `1`–`9`, `0` for 1–10.
    pub number: usize,
    pub id: PartyId,
    pub present: bool,
}

mod context;
pub mod cx;
pub mod dialog;
pub mod flow;
pub mod live_out;
mod overlay;
mod said;

pub use cx::Cx;
pub use dialog::{Dialog, Overlay, Transition};
pub use flow::{
    OpenError, export_minutes, finish_workshop, needs_vote, shutdown, tick, write_emergency_copy,
};

/// The smallest terminal the screens are drawn in; below it the app only
/// says so (and `q` and resizing work).
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The block a point's capture was refused in, and that point: the
/// override dialog asks for the reason to open it once the update is done
/// (see [`App::gate_allows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateAsk {
    pub block: usize,
    pub flat: usize,
}

pub struct App {
    /// The framework of the open session (its own, see
    /// [`crate::framework::carried`]); at home, the one new sessions get.
    fw: Framework,
    /// The framework named on the command line (`--framework`): what new
    /// sessions are made with, and what an old session without its
    /// framework takes on once; `None` for the built-in one.
    framework_arg: Option<crate::framework::carried::Given>,
    lang: Lang,
    theme: ThemeKind,
    store: Store,
    now: Timestamp,
    tz: TimeZone,
    /// The open dialog (see `app/overlay.rs` for the ways to it).
    overlay: Option<Overlay>,
    /// The gate refused a point in this update (see [`GateAsk`]).
    pub(crate) gate_ask: Option<GateAsk>,
    /// Which screen, and the open session where one is needed.
    pub(crate) mode: Mode,
    flash: Option<Flash>,
    pub(crate) home: Vec<HomeEntry>,
    pub(crate) home_sel: usize,
    /// The areas of the store, with more than one session (issue 30).
    areas: AreasView,
    quit: bool,
    /// Paths of the last export, shown after `e` or `w`.
    exported: Vec<PathBuf>,
    /// Set when the app ends with work that is not in the session file:
    /// what to tell on the way out (the exit code is then non-zero).
    exit_report: Option<String>,
    /// The size of the terminal, once known; below the minimum only `q`
    /// and resizing work.
    pub(crate) viewport: Option<ratatui::layout::Size>,
    /// The writer of the live-state file for `wijktafel beamer` (issue 17);
    /// `None` (the default) writes nothing.
    live: Option<live_out::LiveOut>,
}

pub use crate::tui::text::parse_date;

impl App {
    /// `fw` is the framework of new sessions; one that is not the
    /// built-in one counts as named on the command line (without its text).
    pub fn new(fw: Framework, lang: Lang, theme: ThemeKind, store: Store, now: Timestamp) -> App {
        let framework_arg =
            (fw != Framework::builtin()).then(|| crate::framework::carried::Given {
                fw: fw.clone(),
                text: None,
            });
        App {
            fw,
            framework_arg,
            lang,
            theme,
            store,
            now,
            tz: TimeZone::system(),
            overlay: None,
            gate_ask: None,
            mode: Mode::Home,
            flash: None,
            home: Vec::new(),
            home_sel: 0,
            areas: Default::default(),
            quit: false,
            exported: Vec::new(),
            exit_report: None,
            viewport: None,
            live: None,
        }
    }

    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Bytes in the editor that has focus (0 when none).
    pub(crate) fn focused_text_len(&mut self) -> usize {
        let Some(overlay) = self.overlay.as_mut() else {
            return 0;
        };
        overlay
            .editors_mut()
            .into_iter()
            .filter(|(_, active)| *active)
            .map(|(ta, _)| ta.lines().iter().map(|l| l.len() + 1).sum::<usize>())
            .sum()
    }

    /// The terminal has this size now (drawn, or resized).
    pub fn resized(&mut self, size: ratatui::layout::Size) {
        self.viewport = Some(size);
    }

    /// The sessions listed on the home screen.
    pub fn home_entries(&self) -> &[HomeEntry] {
        &self.home
    }

    /// Whether the terminal is below the minimum size (see [`MIN_WIDTH`]).
    pub fn too_small(&self) -> bool {
        self.viewport
            .is_some_and(|v| v.width < MIN_WIDTH || v.height < MIN_HEIGHT)
    }

    /// The screen on show.
    pub fn screen(&self) -> Screen {
        match self.mode {
            Mode::Home => Screen::Home,
            Mode::Start(..) => Screen::Start,
            Mode::Main(..) => Screen::Main,
        }
    }

    /// Go to the start or main screen of the open session (or home).
    pub fn show(&mut self, screen: Screen) {
        self.mode = match (std::mem::replace(&mut self.mode, Mode::Home), screen) {
            (Mode::Start(o, v) | Mode::Main(o, v), Screen::Start) => Mode::Start(o, v),
            (Mode::Start(o, v) | Mode::Main(o, v), Screen::Main) => Mode::Main(o, v),
            (_, _) => Mode::Home,
        };
    }

    pub fn session(&self) -> Option<&Session> {
        self.open_session().map(|o| &o.session)
    }

    /// The open session, to change it (then call [`App::save_now`], or use
    /// [`App::capture`] for a capture on the current point).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.open_session_mut().map(|o| &mut o.session)
    }

    /// The open session with its file, lock, undo and save state.
    pub fn open_session(&self) -> Option<&OpenSession> {
        match &self.mode {
            Mode::Home => None,
            Mode::Start(o, _) | Mode::Main(o, _) => Some(o),
        }
    }

    pub fn open_session_mut(&mut self) -> Option<&mut OpenSession> {
        match &mut self.mode {
            Mode::Home => None,
            Mode::Start(o, _) | Mode::Main(o, _) => Some(o),
        }
    }

    /// The screens' state of the open session (selection, focus).
    pub fn screen_state(&self) -> Option<&SessionView> {
        match &self.mode {
            Mode::Home => None,
            Mode::Start(_, v) | Mode::Main(_, v) => Some(v),
        }
    }

    pub fn screen_state_mut(&mut self) -> Option<&mut SessionView> {
        match &mut self.mode {
            Mode::Home => None,
            Mode::Start(_, v) | Mode::Main(_, v) => Some(v),
        }
    }

    /// The open session and the screens' state of it, both to change.
    pub fn open_session_and_state_mut(&mut self) -> Option<(&mut OpenSession, &mut SessionView)> {
        match &mut self.mode {
            Mode::Home => None,
            Mode::Start(o, v) | Mode::Main(o, v) => Some((o, v)),
        }
    }

    /// The context for key lookup.
    pub fn ctx(&self) -> Ctx {
        match &self.overlay {
            Some(o) => o.ctx(),
            None => match self.screen() {
                Screen::Home => Ctx::Home,
                Screen::Start => {
                    if self.screen_state().is_some_and(|v| v.recap.focused) {
                        Ctx::StartRecap
                    } else {
                        Ctx::Start
                    }
                }
                Screen::Main => {
                    if self
                        .screen_state()
                        .is_some_and(|v| v.stance_focus.is_some())
                    {
                        Ctx::Stances
                    } else {
                        Ctx::Main
                    }
                }
            },
        }
    }

    /// Whether keys go to a dialog (text editors, vote, confirmations) as they are.
    pub fn raw_keys(&self) -> bool {
        self.overlay.as_ref().is_some_and(|o| o.raw_keys())
    }

    /// Turn a key into an action for the current state.
    pub fn map_key(&self, ev: KeyEvent) -> Option<Action> {
        if self.raw_keys() {
            return Some(Action::Key(ev));
        }
        keys::lookup(self.ctx(), &ev)
    }

    // ------------------------------------------------------------------
    // Derived views
    // ------------------------------------------------------------------

    /// The parties of the stance panel, the dissent list and the attendance
    /// list: every party still in the coalition, in session order, with its
    /// number (its place in the session, see [`Session::party_number`]; the
    /// keys `1`–`9`, `0` are numbers 1–10) and whether it is present.
    pub fn party_rows(&self) -> Vec<PartyRow> {
        let Some(o) = self.open_session() else {
            return Vec::new();
        };
        o.session
            .parties
            .iter()
            .enumerate()
            .filter(|(_, p)| p.active())
            .map(|(i, p)| PartyRow {
                number: i + 1,
                id: p.id,
                present: o.is_present(p.id),
            })
            .collect()
    }

    /// The party of number key `key` (0-based: `1` is 0, `0` is 9) when it
    /// is present; otherwise a message says why nothing happens (absent, or
    /// no such party), so a key never captures for another party.
    pub fn present_party_of_key(&mut self, key: usize) -> Option<PartyId> {
        let number = key + 1;
        let found = self
            .session()
            .and_then(|s| s.party_by_number(number))
            .map(|p| (p.id, p.label()));
        match found {
            Some((id, _)) if self.open_session().is_some_and(|o| o.is_present(id)) => Some(id),
            Some((_, label)) => {
                let t = fill(self.s().party_absent, &[&number.to_string(), &label]);
                self.info(t);
                None
            }
            None => {
                let t = fill(self.s().party_no_number, &[&number.to_string()]);
                self.info(t);
                None
            }
        }
    }

    /// Present parties of the current workshop, in id order (the vote's ballots).
    pub fn present_parties(&self) -> Vec<PartyId> {
        self.session()
            .and_then(|s| s.current_workshop())
            .map(|w| {
                let mut v = w.present.clone();
                v.sort_unstable();
                v
            })
            .unwrap_or_default()
    }

    pub fn cursor_flat(&self) -> usize {
        self.session()
            .and_then(|s| self.fw.pos_of(&s.cursor))
            .map(|p| p.flat)
            .unwrap_or(0)
    }

    /// Whether a block is locked by the go/no-go gate (see [`crate::gate`]).
    pub fn block_locked(&self, block: usize) -> bool {
        self.session()
            .is_some_and(|s| crate::gate::block_locked(&self.fw, s, block))
    }

    /// Seconds on the timer of the current point (stored plus running).
    pub fn point_seconds(&self) -> u64 {
        self.open_session()
            .map(|o| o.point_seconds(self.now))
            .unwrap_or(0)
    }

    /// Whether every present party agrees with the current point.
    pub fn all_agree(&self) -> bool {
        let Some(s) = self.session() else {
            return false;
        };
        let present = self.present_parties();
        !present.is_empty()
            && s.record(&s.cursor)
                .is_some_and(|r| present.iter().all(|&p| r.stance_of(p) == Stance::Agree))
    }

    pub fn info(&mut self, text: String) {
        self.flash = Some(Flash {
            text,
            kind: FlashKind::Info,
        });
    }

    pub fn error(&mut self, text: String) {
        self.flash = Some(Flash {
            text,
            kind: FlashKind::Error,
        });
    }

    // ------------------------------------------------------------------
    // Captures
    // ------------------------------------------------------------------

    /// Apply a capture to the current point, record it for undo, and save.
    /// A capture that changes nothing the room decided (the same status or
    /// stance again) records nothing and saves nothing.
    /// Nothing is captured in a block the gate locks (see [`App::gate_allows`]).
    pub fn capture(&mut self, label: &str, f: impl FnOnce(&mut Session, &str, Timestamp)) {
        let now = self.now;
        let point = self.session().map(|s| s.cursor.clone()).unwrap_or_default();
        if !self.gate_allows(&point) {
            return;
        }
        let Some(o) = self.open_session_mut() else {
            return;
        };
        if o.capture(label, now, f) == Captured::Unchanged {
            let t = fill(self.s().ui_no_change, &[label]);
            self.info(t);
            return;
        }
        self.mark_orientation();
        self.save_now();
    }

    pub fn set_draft(&mut self, kind: DraftKind, text: String) {
        let now = self.now;
        if let Some(o) = self.open_session_mut() {
            o.set_draft(kind, text, now);
        }
    }

    pub fn clear_draft(&mut self) {
        if let Some(o) = self.open_session_mut() {
            o.clear_draft();
        }
    }

    /// Remember that this workshop spent time in the orientation block.
    pub fn mark_orientation(&mut self) {
        let fw = &self.fw;
        let (Mode::Start(o, _) | Mode::Main(o, _)) = &mut self.mode else {
            return;
        };
        if crate::gate::mark_orientation(fw, &mut o.session) {
            o.dirty = true;
        }
    }

    /// Stop the point's timer; the time spent is an event, saved now (so
    /// the summary and the minutes of this workshop count it).
    pub fn stop_timer(&mut self) {
        let now = self.now;
        let stopped = self.open_session_mut().is_some_and(|o| {
            let running = o.timer.is_some();
            o.stop_timer(now);
            running
        });
        if stopped {
            self.save_now();
        }
    }

    /// The gate in every path (keys, jumps from the overview, steps, undo):
    /// whether something may be captured on (or the cursor moved to)
    /// `point`. In a block the latest vote locks, nothing is; the override
    /// dialog asks for the reason to open it instead. The one check of the
    /// rule [`crate::gate::locked_block_of`]. The dialog itself opens after
    /// the update ([`GateAsk`]): the app does not know its dialogs.
    pub fn gate_allows(&mut self, point: &str) -> bool {
        let fw = &self.fw;
        let (Mode::Start(o, _) | Mode::Main(o, _)) = &mut self.mode else {
            return true;
        };
        let Some(block) = crate::gate::locked_block_of(fw, &o.session, point) else {
            return true;
        };
        // text typed before the block was locked (a draft restored after a
        // crash) is never refused: one capture, the draft's own
        if o.gate_pass.as_deref() == Some(point) {
            o.gate_pass = None;
            return true;
        }
        if self.overlay.is_none() {
            let flat = self.fw.pos_of(point).map(|p| p.flat).unwrap_or(0);
            self.gate_ask = Some(GateAsk { block, flat });
        }
        false
    }

    /// Move the cursor to a point (by flat index), honouring the gate: also
    /// within a locked block (the cursor may be there when a new vote
    /// locked it), a move asks for the override first.
    pub fn go_to(&mut self, flat: usize) {
        let flat = flat.min(self.fw.point_count() - 1);
        let target = self.fw.pos_at(flat);
        let current = self.cursor_flat();
        if target.flat == current {
            return;
        }
        let id = self.fw.point_at(flat).id.clone();
        if !self.gate_allows(&id) {
            return;
        }
        // each point keeps its own time: the timer goes on with the next
        // point after the update (see `App::keep_timer`)
        self.stop_timer();
        if let Some((o, v)) = self.open_session_and_state_mut() {
            o.session.cursor = id;
            o.dirty = true;
            v.stance_focus = None;
            o.gate_pass = None;
        }
        self.mark_orientation();
    }

    pub fn step_delta(&mut self, forward: bool) {
        let pos = self.fw.pos_at(self.cursor_flat());
        let (mut b, mut s) = (pos.block, pos.step);
        if forward {
            if s + 1 < self.fw.blocks[b].steps.len() {
                s += 1;
            } else if b + 1 < self.fw.blocks.len() {
                b += 1;
                s = 0;
            } else {
                return;
            }
        } else if pos.point > 0 {
            // first back to the start of this step
        } else if s > 0 {
            s -= 1;
        } else if b > 0 {
            b -= 1;
            s = self.fw.blocks[b].steps.len() - 1;
        } else {
            return;
        }
        self.go_to(self.fw.first_of_step(b, s));
    }
}

/// An editor holds at most this much text (1 MiB): a paste that would make
/// it larger is refused with a message, so editing and redraws stay quick.
pub const PASTE_LIMIT: usize = 1 << 20;

/// A paste of more lines than this is refused too (the editor scrolls by
/// screen rows counted in 16 bits; this keeps every row reachable).
pub const PASTE_LINE_LIMIT: usize = 30_000;

/// An app on its home screen with no session and a store that is never
/// written (for the unit tests of dialogs that only read keys).
#[cfg(test)]
pub fn test_app(lang: Lang) -> App {
    let store = Store::at(std::env::temp_dir().join("wijktafel-no-store"));
    App::new(
        Framework::builtin(),
        lang,
        ThemeKind::Dark,
        store,
        Timestamp::UNIX_EPOCH,
    )
}
