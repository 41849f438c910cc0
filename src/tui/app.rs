//! Application state and the one place that changes it: [`update`].
//!
//! The domain model (the [`Session`]) is kept apart from UI state (screen,
//! overlays, focus, selection). Every completed capture is saved through the
//! store before `update` returns, so before the next key is handled.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use crate::demo;
use crate::framework::Framework;
use crate::i18n::{Lang, Strings, fill};
use crate::session::{Draft, DraftKind, PartyId, Resume, Session, Stance, Status};
use crate::store::{self, SessionLock, Store, StoreError, clean_line};
use crate::tui::dialogs::action_item::ActionForm;
use crate::tui::dialogs::add_party::AddPartyDialog;
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::dialogs::discard::DiscardDialog;
use crate::tui::dialogs::dissent::DissentDialog;
use crate::tui::dialogs::gate_override::GateOverrideDialog;
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::dialogs::info::InfoDialog;
use crate::tui::dialogs::new_session::NewForm;
use crate::tui::dialogs::note::NoteDialog;
use crate::tui::dialogs::overview::OverviewDialog;
use crate::tui::dialogs::skip::SkipDialog;
use crate::tui::dialogs::stance_reason::StanceReasonDialog;
use crate::tui::dialogs::unsaved::UnsavedDialog;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::ThemeKind;
use crate::tui::undo::{Change, UndoStack};
pub use crate::tui::widgets::editor::{Edit, edit, editor, editor_text};
use crate::vote::{Ballot, Choice, FollowUp, Outcome, Route, Vote};

/// Seconds after the last keystroke in an editor before its draft is saved.
const DRAFT_SAVE_AFTER_SECS: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Start,
    Main,
}

/// The session that is open, with its file, lock and undo history.
pub struct Open {
    pub session: Session,
    pub path: PathBuf,
    _lock: Option<SessionLock>,
    pub undo: UndoStack,
    /// The timer of the current point runs since this moment.
    pub timer: Option<Timestamp>,
    pub save_error: Option<String>,
    pub last_saved: Option<Timestamp>,
    /// Changes that are not captures (cursor, timer, draft) wait for the next save.
    pub dirty: bool,
    pub draft_changed: Option<Timestamp>,
    /// Selected party row in the stance panel, when it has focus.
    pub stance_focus: Option<usize>,
    /// Selected row on the workshop start screen.
    pub start_sel: usize,
    /// Whether this opening started a new workshop (shows the recap).
    pub started_new: bool,
    /// The vote of this workshop being shown full-screen, if any.
    pub banner: Option<usize>,
    /// Reuses the saved text of unchanged points: saves stay fast in year ten.
    writer: store::TomlWriter,
    /// What the file held when loaded or last saved: a file changed by another program is not overwritten.
    pub stamp: store::FileStamp,
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

#[derive(Debug, Clone)]
pub struct HomeEntry {
    pub path: PathBuf,
    pub name: String,
    pub area: String,
    pub block: String,
    pub last: String,
    pub vote: String,
    pub error: Option<String>,
}

/// One party's line on the vote screen.
#[derive(Debug, Clone)]
pub struct VoteLine {
    pub party: PartyId,
    pub choice: Option<Choice>,
    pub reason: String,
}

#[allow(clippy::large_enum_variant)] // one short-lived value on the vote screen
pub enum VoteStage {
    /// Choosing per party; `editing` = a reason editor is open for the selected party.
    Ballots { editing: Option<TextArea<'static>> },
    /// Outcome NO-GO: follow-up route and revisit date.
    FollowUp {
        route: usize,
        other: TextArea<'static>,
        revisit: TextArea<'static>,
        field: usize,
    },
    /// Asking the facilitator's reason to defer.
    Defer { reason: TextArea<'static> },
}

pub struct VoteState {
    pub lines: Vec<VoteLine>,
    pub selected: usize,
    pub stage: VoteStage,
}

/// What sits on top of the screen.
pub enum Overlay {
    Help(HelpDialog),
    Info(InfoDialog),
    Overview(OverviewDialog),
    Dissent(DissentDialog),
    Skip(SkipDialog),
    Note(NoteDialog),
    StanceReason(StanceReasonDialog),
    Action(ActionForm),
    AddParty(AddPartyDialog),
    NewSession(NewForm),
    /// "Discard the text?" over an editor.
    ConfirmDiscard(DiscardDialog),
    /// A question answered with j/n (y/n).
    Confirm(ConfirmDialog),
    /// Override of the go/no-go gate: the reason.
    Override(GateOverrideDialog),
    Vote(VoteState),
    /// Outcome banner, full screen.
    Banner {
        vote: usize,
    },
    /// End of workshop summary; Enter ends it.
    Summary,
    /// Quitting while the last save failed.
    Unsaved(UnsavedDialog),
}

impl Overlay {
    /// The dialogs that own their update and render (see [`crate::tui::dialogs`]).
    pub fn dialog(&self) -> Option<&dyn Dialog> {
        match self {
            Overlay::Help(d) => Some(d),
            Overlay::Info(d) => Some(d),
            Overlay::Overview(d) => Some(d),
            Overlay::Note(d) => Some(d),
            Overlay::ConfirmDiscard(d) => Some(d),
            Overlay::Confirm(d) => Some(d),
            Overlay::Unsaved(d) => Some(d),
            Overlay::Skip(d) => Some(d),
            Overlay::Dissent(d) => Some(d),
            Overlay::StanceReason(d) => Some(d),
            Overlay::Action(d) => Some(d),
            Overlay::AddParty(d) => Some(d),
            Overlay::NewSession(d) => Some(d),
            Overlay::Override(d) => Some(d),
            _ => None,
        }
    }

    pub fn dialog_mut(&mut self) -> Option<&mut dyn Dialog> {
        match self {
            Overlay::Help(d) => Some(d),
            Overlay::Info(d) => Some(d),
            Overlay::Overview(d) => Some(d),
            Overlay::Note(d) => Some(d),
            Overlay::ConfirmDiscard(d) => Some(d),
            Overlay::Confirm(d) => Some(d),
            Overlay::Unsaved(d) => Some(d),
            Overlay::Skip(d) => Some(d),
            Overlay::Dissent(d) => Some(d),
            Overlay::StanceReason(d) => Some(d),
            Overlay::Action(d) => Some(d),
            Overlay::AddParty(d) => Some(d),
            Overlay::NewSession(d) => Some(d),
            Overlay::Override(d) => Some(d),
            _ => None,
        }
    }

    /// A stand-in while a dialog is taken out (never shown).
    pub fn placeholder() -> Overlay {
        Overlay::Summary
    }

    /// Draw this overlay.
    pub fn render(
        &self,
        app: &App,
        f: &mut ratatui::Frame,
        area: ratatui::layout::Rect,
        th: &crate::tui::theme::Theme,
    ) {
        crate::tui::ui::render_overlay(app, self, f, area, th);
    }

    /// The text editors of this overlay, each with whether it has focus.
    pub fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        if self.dialog().is_some() {
            return self
                .dialog_mut()
                .map(|d| d.editors_mut())
                .unwrap_or_default();
        }
        match self {
            Overlay::Vote(v) => match &mut v.stage {
                VoteStage::Ballots { editing } => editing.iter_mut().map(|ta| (ta, true)).collect(),
                VoteStage::FollowUp {
                    other,
                    revisit,
                    field,
                    ..
                } => {
                    let field = *field;
                    vec![(other, field == 1), (revisit, field == 2)]
                }
                VoteStage::Defer { reason } => vec![(reason, true)],
            },
            _ => vec![],
        }
    }
}

pub struct App {
    pub fw: Framework,
    pub lang: Lang,
    pub theme: ThemeKind,
    pub store: Store,
    pub now: Timestamp,
    pub tz: TimeZone,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub open: Option<Open>,
    pub flash: Option<Flash>,
    pub home: Vec<HomeEntry>,
    pub home_sel: usize,
    pub quit: bool,
    /// Paths of the last export, shown after `e` or `w`.
    pub exported: Vec<PathBuf>,
    /// Set when the app ends with work that is not in the session file:
    /// what to tell on the way out (the exit code is then non-zero).
    pub exit_report: Option<String>,
    /// The size of the terminal, once known; below the minimum only `q`
    /// and resizing work.
    pub viewport: Option<ratatui::layout::Size>,
}

/// "1,3 MB" (Dutch) or "1.3 MB", "980 kB": sizes in a message.
fn human_size(bytes: usize, lang: Lang) -> String {
    if bytes >= 1_000_000 {
        let t = format!("{:.1} MB", bytes as f64 / 1_000_000.0);
        if lang == Lang::Nl {
            t.replace('.', ",")
        } else {
            t
        }
    } else {
        format!("{} kB", bytes.div_ceil(1000))
    }
}

/// Parse a due date: 2026-12-15, 15-12-2026 or 15/12/2026.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() == 3 && parts[2].len() == 4 {
        let d: i8 = parts[0].parse().ok()?;
        let m: i8 = parts[1].parse().ok()?;
        let y: i16 = parts[2].parse().ok()?;
        return Date::new(y, m, d).ok();
    }
    None
}

impl App {
    pub fn new(fw: Framework, lang: Lang, theme: ThemeKind, store: Store, now: Timestamp) -> App {
        App {
            fw,
            lang,
            theme,
            store,
            now,
            tz: TimeZone::system(),
            screen: Screen::Home,
            overlay: None,
            open: None,
            flash: None,
            home: Vec::new(),
            home_sel: 0,
            quit: false,
            exported: Vec::new(),
            exit_report: None,
            viewport: None,
        }
    }

    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Give every open editor the style of the theme and its focus, so the
    /// renderer can draw it as it is (no copy of a large text per frame).
    pub fn restyle_editors(&mut self) {
        let th = self.theme.theme();
        let Some(overlay) = self.overlay.as_mut() else {
            return;
        };
        for (ta, active) in overlay.editors_mut() {
            let cursor = crate::tui::widgets::editor::editor_cursor_style(&th, active);
            if ta.style() != th.base {
                ta.set_style(th.base);
            }
            if ta.cursor_line_style() != ratatui::style::Style::default() {
                ta.set_cursor_line_style(ratatui::style::Style::default());
            }
            if ta.cursor_style() != cursor {
                ta.set_cursor_style(cursor);
            }
        }
    }

    /// Bytes in the editor that has focus (0 when none).
    fn focused_text_len(&mut self) -> usize {
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

    /// Whether the terminal is below the minimum size (see [`crate::tui::ui::MIN_WIDTH`]).
    pub fn too_small(&self) -> bool {
        self.viewport.is_some_and(|v| {
            v.width < crate::tui::ui::MIN_WIDTH || v.height < crate::tui::ui::MIN_HEIGHT
        })
    }

    pub fn session(&self) -> Option<&Session> {
        self.open.as_ref().map(|o| &o.session)
    }

    /// The open session, to change it (then call [`App::save_now`], or use
    /// [`App::capture`] for a capture on the current point).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.open.as_mut().map(|o| &mut o.session)
    }

    /// The open session with its file, lock, undo and save state.
    pub fn open_session(&self) -> Option<&Open> {
        self.open.as_ref()
    }

    pub fn open_session_mut(&mut self) -> Option<&mut Open> {
        self.open.as_mut()
    }

    /// Fill the home list from the store.
    pub fn refresh_home(&mut self) {
        let s = self.s();
        let list = crate::catalog::summaries(&self.store, &self.fw, self.lang).unwrap_or_default();
        self.home = list
            .into_iter()
            .map(|sum| HomeEntry {
                last: match (&sum.error, sum.last_workshop) {
                    (Some(_), _) => String::new(),
                    (None, Some((n, d))) => format!("{n} · {d}"),
                    (None, None) => "—".into(),
                },
                vote: match (&sum.error, sum.latest_vote) {
                    (Some(_), _) => String::new(),
                    (None, Some((o, _))) => format!("{} {}", o.symbol(), o.word(self.lang)),
                    (None, None) => s.no_vote.to_string(),
                },
                block: sum.block.unwrap_or_default(),
                path: sum.path,
                name: sum.name,
                area: sum.area,
                error: sum.error,
            })
            .collect();
        self.home_sel = self.home_sel.min(self.home.len().saturating_sub(1));
    }

    /// Open a session file: lock it, load it, apply the resume rule.
    pub fn open_path(&mut self, path: &Path) -> Result<(), StoreError> {
        let lock = SessionLock::acquire(path)?;
        let (mut session, stamp) = store::load_stamped(path)?;
        if self.fw.pos_of(&session.cursor).is_none() {
            session.cursor = self.fw.point_at(0).id.clone();
        }
        let resume = session.resume(self.now);
        let started_new = matches!(resume, Resume::Started(_));
        let draft = session.draft.clone();
        self.open = Some(Open {
            session,
            path: path.to_path_buf(),
            _lock: Some(lock),
            undo: UndoStack::default(),
            timer: None,
            save_error: None,
            last_saved: None,
            dirty: false,
            draft_changed: None,
            stance_focus: None,
            start_sel: 0,
            started_new,
            banner: None,
            writer: store::TomlWriter::default(),
            stamp,
        });
        if started_new {
            self.save_now();
        }
        self.screen = if started_new {
            Screen::Start
        } else {
            Screen::Main
        };
        self.overlay = None;
        if let Some(d) = draft
            && !d.text.is_empty()
        {
            self.restore_draft(&d);
        }
        self.mark_orientation();
        Ok(())
    }

    fn restore_draft(&mut self, d: &Draft) {
        if self.fw.pos_of(&d.point).is_none() {
            return;
        }
        if let Some(o) = self.open.as_mut() {
            o.session.cursor = d.point.clone();
        }
        self.overlay = Some(match d.kind {
            DraftKind::Skip => Overlay::Skip(SkipDialog::new(&d.text)),
            DraftKind::Dissent => Overlay::Dissent(DissentDialog::new(Vec::new(), &d.text, true)),
            DraftKind::Action => Overlay::Action(ActionForm::new(&d.text)),
            DraftKind::Note => Overlay::Note(NoteDialog::new(&d.text)),
        });
        self.screen = Screen::Main;
        self.flash = Some(Flash {
            text: self.s().ui_draft_restored.to_string(),
            kind: FlashKind::Info,
        });
    }

    /// Save the whole session now; a failure is shown and retried on the next change.
    pub fn save_now(&mut self) {
        let now = self.now;
        let Some(o) = self.open.as_mut() else { return };
        match store::save_checked(&mut o.writer, &o.path, &o.session, &mut o.stamp) {
            Ok(()) => {
                o.save_error = None;
                o.last_saved = Some(now);
                o.dirty = false;
            }
            Err(e) => {
                o.save_error = Some(e.message(self.lang));
                o.dirty = true;
            }
        }
    }

    /// The context for key lookup.
    pub fn ctx(&self) -> Ctx {
        match &self.overlay {
            Some(o) if o.dialog().is_some() => o.dialog().map(|d| d.ctx()).unwrap_or(Ctx::Main),
            Some(_) => Ctx::Main, // dialogs take raw keys; see `map_key`
            None => match self.screen {
                Screen::Home => Ctx::Home,
                Screen::Start => Ctx::Start,
                Screen::Main => {
                    if self.open.as_ref().is_some_and(|o| o.stance_focus.is_some()) {
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
        if let Some(d) = self.overlay.as_ref().and_then(|o| o.dialog()) {
            return d.raw_keys();
        }
        matches!(
            self.overlay,
            Some(Overlay::Vote(_) | Overlay::Banner { .. } | Overlay::Summary)
        )
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

    /// Present parties of the current workshop, in id order (stance keys 1–9, 0).
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
        let Some(o) = self.open.as_ref() else {
            return 0;
        };
        let stored = o
            .session
            .record(&o.session.cursor)
            .map(|r| r.seconds)
            .unwrap_or(0);
        let running = o
            .timer
            .map(|t| (self.now.as_second() - t.as_second()).max(0) as u64)
            .unwrap_or(0);
        stored.saturating_add(running)
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
    pub fn capture(&mut self, label: &str, f: impl FnOnce(&mut Session, &str, Timestamp)) {
        let now = self.now;
        let Some(o) = self.open.as_mut() else { return };
        let point = o.session.cursor.clone();
        let before = o.session.points.get(&point).cloned();
        f(&mut o.session, &point, now);
        let after = o.session.points.get(&point);
        match Change::between(&point, label, before.as_ref(), after) {
            Some(change) => o.undo.push(change),
            None => {
                match before {
                    Some(r) => o.session.points.insert(point, r),
                    None => o.session.points.remove(&point),
                };
                let t = fill(self.s().ui_no_change, &[label]);
                self.info(t);
                return;
            }
        }
        self.mark_orientation();
        self.save_now();
    }

    pub fn set_draft(&mut self, kind: DraftKind, text: String) {
        let now = self.now;
        let Some(o) = self.open.as_mut() else { return };
        let draft = if text.trim().is_empty() {
            None
        } else {
            Some(Draft {
                point: o.session.cursor.clone(),
                kind,
                text,
                at: now,
            })
        };
        if o.session.draft != draft {
            o.session.draft = draft;
            o.dirty = true;
            o.draft_changed = Some(now);
        }
    }

    pub fn clear_draft(&mut self) {
        if let Some(o) = self.open.as_mut()
            && o.session.draft.is_some()
        {
            o.session.draft = None;
            o.dirty = true;
        }
    }

    /// Remember that this workshop spent time in the orientation block.
    pub fn mark_orientation(&mut self) {
        let Some(o) = self.open.as_mut() else { return };
        if crate::gate::mark_orientation(&self.fw, &mut o.session) {
            o.dirty = true;
        }
    }

    pub fn stop_timer(&mut self) {
        let now = self.now;
        let Some(o) = self.open.as_mut() else { return };
        if let Some(t) = o.timer.take() {
            let secs = (now.as_second() - t.as_second()).max(0) as u64;
            let point = o.session.cursor.clone();
            let rec = o.session.points.entry(point).or_default();
            // never past what the loader accepts, never wrapping
            rec.seconds = rec
                .seconds
                .saturating_add(secs)
                .min(crate::session::MAX_SECONDS);
            o.dirty = true;
        }
    }

    /// Move the cursor to a point (by flat index), honouring the gate.
    pub fn go_to(&mut self, flat: usize) {
        let flat = flat.min(self.fw.point_count() - 1);
        let target = self.fw.pos_at(flat);
        let current = self.cursor_flat();
        if target.flat == current {
            return;
        }
        if self.block_locked(target.block) && self.fw.pos_at(current).block != target.block {
            self.overlay = Some(Overlay::Override(GateOverrideDialog::new(
                target.block,
                flat,
            )));
            return;
        }
        self.stop_timer();
        if let Some(o) = self.open.as_mut() {
            o.session.cursor = self.fw.point_at(flat).id.clone();
            o.dirty = true;
            o.stance_focus = None;
        }
        self.mark_orientation();
    }

    fn step_delta(&mut self, forward: bool) {
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

/// The one function that changes the application state.
pub fn update(app: &mut App, action: Action) {
    dispatch(app, action);
    app.restyle_editors();
}

fn dispatch(app: &mut App, action: Action) {
    if matches!(action, Action::Tick) {
        tick(app);
        return;
    }
    if matches!(action, Action::Resize) {
        return;
    }
    if app.too_small() {
        // the screen only says "too small": keys the user cannot see do nothing
        let quit = match &action {
            Action::Quit => true,
            Action::Key(ev) => ev.code == KeyCode::Char('q'),
            _ => false,
        };
        if quit {
            request_quit(app);
        }
        return;
    }
    if let Action::Paste(text) = &action
        && (text.len() + app.focused_text_len() > PASTE_LIMIT
            || text.matches('\n').count() > PASTE_LINE_LIMIT)
    {
        let t = fill(
            app.s().ui_paste_too_big,
            &[
                &human_size(text.len(), app.lang),
                &human_size(PASTE_LIMIT, app.lang),
            ],
        );
        app.error(t);
        return;
    }
    if !matches!(action, Action::Key(_) | Action::Paste(_)) || app.overlay.is_some() {
        // a new command replaces an old message
        if !matches!(app.overlay, Some(Overlay::Confirm(_))) {
            app.flash = app
                .flash
                .take()
                .filter(|f| f.kind == FlashKind::Error && app.overlay.is_some());
        }
    }
    if app.overlay.is_some() {
        overlay_update(app, action);
        return;
    }
    match app.screen {
        Screen::Home => home_update(app, action),
        Screen::Start => start_update(app, action),
        Screen::Main => main_update(app, action),
    }
}

/// Once a second: save drafts and pending changes that have waited long enough.
fn tick(app: &mut App) {
    let now = app.now;
    let Some(o) = app.open.as_ref() else { return };
    if !o.dirty {
        return;
    }
    let waited = o
        .draft_changed
        .map(|t| now.as_second() - t.as_second() >= DRAFT_SAVE_AFTER_SECS)
        .unwrap_or(true);
    if waited {
        app.save_now();
        if let Some(o) = app.open.as_mut() {
            o.draft_changed = None;
        }
    }
}

/// Leave the app: stop the timer and write whatever is pending. When that
/// cannot be saved, an emergency copy is written and `exit_report` says
/// where (the process then exits non-zero).
pub fn shutdown(app: &mut App) {
    app.stop_timer();
    if app.open.as_ref().is_some_and(|o| o.dirty) {
        app.save_now();
    }
    let Some(o) = app.open.as_ref() else { return };
    let Some(error) = o.save_error.clone() else {
        return;
    };
    let s = app.s();
    let mut report = fill(s.unsaved_exit, &[&o.path.display().to_string(), &error]);
    report.push('\n');
    match write_emergency_copy(app) {
        Ok(path) => report.push_str(&fill(s.unsaved_exit_copy, &[&path.display().to_string()])),
        Err(why) => report.push_str(&fill(s.unsaved_copy_failed, &[&why])),
    }
    app.exit_report = Some(report);
}

/// `q` in a session: quit when everything is saved; otherwise try once
/// more, and if that fails too, ask what to do.
fn request_quit(app: &mut App) {
    app.stop_timer();
    if app
        .open
        .as_ref()
        .is_some_and(|o| o.dirty || o.save_error.is_some())
    {
        app.save_now();
    }
    if app.open.as_ref().is_some_and(|o| o.save_error.is_some()) {
        app.overlay = Some(Overlay::Unsaved(UnsavedDialog::default()));
    } else {
        app.quit = true;
    }
}

/// Write the open session to the first place that takes it (see [`crate::emergency`]).
pub fn write_emergency_copy(app: &App) -> Result<PathBuf, String> {
    let Some(o) = app.open.as_ref() else {
        return Err(String::new());
    };
    let places = crate::emergency::candidates(app.store.dir());
    crate::emergency::write_copy(&o.path, &places, &store::to_toml(&o.session), app.now)
}

fn home_update(app: &mut App, action: Action) {
    match action {
        Action::Up => app.home_sel = app.home_sel.saturating_sub(1),
        Action::Down => app.home_sel = (app.home_sel + 1).min(app.home.len().saturating_sub(1)),
        Action::Confirm => {
            if let Some(e) = app.home.get(app.home_sel).cloned()
                && let Err(err) = app.open_path(&e.path)
            {
                app.error(err.message(app.lang));
            }
        }
        Action::NewSession => app.overlay = Some(Overlay::NewSession(NewForm::default())),
        Action::Demo => open_demo(app),
        Action::Help => app.overlay = Some(Overlay::Help(HelpDialog::new(app.ctx()))),
        Action::CycleTheme => app.theme = app.theme.next(),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

/// Write a fresh copy of the demo into the store and open it.
pub fn open_demo(app: &mut App) {
    let session = demo::build(&app.fw, 2);
    match write_fresh_demo(&app.store, session) {
        Ok(path) => {
            if let Err(e) = app.open_path(&path) {
                app.error(e.message(app.lang));
            }
        }
        Err(e) => app.error(e.message(app.lang)),
    }
}

/// Store a demo under a name that does not exist yet ("Demo De Horst", "… 2", …).
pub fn write_fresh_demo(store: &Store, mut session: Session) -> Result<PathBuf, StoreError> {
    let base = session.name.clone();
    for n in 1..1000 {
        session.name = if n == 1 {
            base.clone()
        } else {
            format!("{base} {n}")
        };
        match store.create(&session) {
            Ok(p) => return Ok(p),
            Err(StoreError::Exists { .. }) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::BadName(base))
}

fn start_update(app: &mut App, action: Action) {
    let now = app.now;
    let n = app
        .session()
        .map(|s| s.active_parties().count())
        .unwrap_or(0);
    match action {
        Action::Up => {
            if let Some(o) = app.open.as_mut() {
                o.start_sel = o.start_sel.saturating_sub(1);
            }
        }
        Action::Down => {
            if let Some(o) = app.open.as_mut() {
                o.start_sel = (o.start_sel + 1).min(n.saturating_sub(1));
            }
        }
        Action::Toggle | Action::Stance(_) => {
            let Some(o) = app.open.as_mut() else { return };
            let idx = match action {
                Action::Stance(i) => i,
                _ => o.start_sel,
            };
            let ids: Vec<PartyId> = o.session.active_parties().map(|p| p.id).collect();
            if let Some(&id) = ids.get(idx) {
                let present = o.session.is_present(id);
                o.session.set_present(id, !present, now);
                o.start_sel = idx;
                app.save_now();
            }
        }
        Action::AddParty => app.overlay = Some(Overlay::AddParty(AddPartyDialog::default())),
        Action::Confirm => {
            app.screen = Screen::Main;
            app.mark_orientation();
        }
        Action::Help => app.overlay = Some(Overlay::Help(HelpDialog::new(app.ctx()))),
        Action::CycleTheme => app.theme = app.theme.next(),
        Action::Quit => request_quit(app),
        _ => {}
    }
}

fn main_update(app: &mut App, action: Action) {
    if app.open.is_none() {
        return;
    }
    if app.open.as_ref().is_some_and(|o| o.stance_focus.is_some()) {
        stance_focus_update(app, action);
        return;
    }
    let s = app.s();
    match action {
        Action::NextPoint => app.go_to(app.cursor_flat() + 1),
        Action::PrevPoint => app.go_to(app.cursor_flat().saturating_sub(1)),
        Action::NextStep => app.step_delta(true),
        Action::PrevStep => app.step_delta(false),
        Action::MarkConsensus => app.capture(s.status_consensus, |sess, p, now| {
            sess.set_status(p, Status::Consensus, vec![], "", now)
        }),
        Action::MarkOpen => app.capture(s.status_open, |sess, p, now| {
            sess.set_status(p, Status::Open, vec![], "", now)
        }),
        Action::MarkDissent => {
            let sess = app.session().expect("open");
            let rec = sess.record(&sess.cursor);
            // preselect the parties whose stance is "disagree"
            let chosen: Vec<PartyId> = app
                .present_parties()
                .into_iter()
                .filter(|&p| rec.is_some_and(|r| r.stance_of(p) == Stance::Disagree))
                .collect();
            let reason = rec.map(|r| r.dissent_reason.clone()).unwrap_or_default();
            app.overlay = Some(Overlay::Dissent(DissentDialog::new(chosen, &reason, false)));
        }
        Action::MarkSkipped => {
            let reason = app
                .session()
                .and_then(|s| s.record(&s.cursor))
                .map(|r| r.skip_reason.clone())
                .unwrap_or_default();
            app.overlay = Some(Overlay::Skip(SkipDialog::new(&reason)));
        }
        Action::Stance(i) => cycle_stance(app, i),
        Action::FocusStances => {
            if !app.present_parties().is_empty()
                && let Some(o) = app.open.as_mut()
            {
                o.stance_focus = Some(0);
            }
        }
        Action::AddNote => app.overlay = Some(Overlay::Note(NoteDialog::new(""))),
        Action::AddAction => app.overlay = Some(Overlay::Action(ActionForm::new(""))),
        Action::Vote => open_vote(app, false),
        Action::Info => app.overlay = Some(Overlay::Info(InfoDialog::default())),
        Action::Overview => {
            app.overlay = Some(Overlay::Overview(OverviewDialog {
                selected: app.cursor_flat(),
            }))
        }
        Action::Timer => {
            let now = app.now;
            let running = app.open.as_ref().is_some_and(|o| o.timer.is_some());
            if running {
                app.stop_timer();
            } else if let Some(o) = app.open.as_mut() {
                o.timer = Some(now);
            }
        }
        Action::Undo => undo(app, true),
        Action::Redo => undo(app, false),
        Action::EndWorkshop => end_workshop(app),
        Action::Export => export_minutes(app),
        Action::Attendance => {
            app.stop_timer();
            app.screen = Screen::Start;
        }
        Action::CycleTheme => {
            app.theme = app.theme.next();
            let t = fill(s.ui_theme, &[app.theme.name()]);
            app.info(t);
        }
        Action::Help => app.overlay = Some(Overlay::Help(HelpDialog::new(app.ctx()))),
        Action::Quit => request_quit(app),
        _ => {}
    }
}

fn cycle_stance(app: &mut App, i: usize) {
    let present = app.present_parties();
    let Some(&party) = present.get(i) else {
        return;
    };
    let (current, name) = {
        let sess = app.session().expect("open");
        (
            sess.record(&sess.cursor)
                .map(|r| r.stance_of(party))
                .unwrap_or_default(),
            sess.party_name(party),
        )
    };
    let next = current.next();
    let label = format!("{name}: {}", next.word(app.lang));
    app.capture(&label, |sess, p, now| {
        sess.set_stance(p, party, next, None, now)
    });
    if app.all_agree()
        && app
            .session()
            .is_some_and(|s| s.status_of(&s.cursor) != Status::Consensus)
    {
        app.info(app.s().ui_suggest_consensus.to_string());
    }
}

fn stance_focus_update(app: &mut App, action: Action) {
    let n = app.present_parties().len();
    let sel = app.open.as_ref().and_then(|o| o.stance_focus).unwrap_or(0);
    match action {
        Action::Up => {
            if let Some(o) = app.open.as_mut() {
                o.stance_focus = Some(sel.saturating_sub(1));
            }
        }
        Action::Down => {
            if let Some(o) = app.open.as_mut() {
                o.stance_focus = Some((sel + 1).min(n.saturating_sub(1)));
            }
        }
        Action::Toggle => cycle_stance(app, sel),
        Action::StanceReason => {
            if let Some(&party) = app.present_parties().get(sel) {
                let sess = app.session().expect("open");
                let reason = sess
                    .record(&sess.cursor)
                    .and_then(|r| r.stance_entry(party))
                    .map(|e| e.reason.clone())
                    .unwrap_or_default();
                app.overlay = Some(Overlay::StanceReason(StanceReasonDialog::new(
                    party, &reason,
                )));
            }
        }
        Action::Back => {
            if let Some(o) = app.open.as_mut() {
                o.stance_focus = None;
            }
        }
        _ => {}
    }
}

fn undo(app: &mut App, is_undo: bool) {
    let s = app.s();
    let Some(o) = app.open.as_mut() else { return };
    let Some(change) = o.undo.take(is_undo) else {
        let t = if is_undo {
            s.ui_nothing_undo
        } else {
            s.ui_nothing_redo
        };
        app.info(t.to_string());
        return;
    };
    change.apply(&mut o.session.points, !is_undo);
    if o.session.cursor != change.point {
        o.session.cursor = change.point.clone();
    }
    let t = fill(
        if is_undo { s.ui_undone } else { s.ui_redone },
        &[&change.label],
    );
    o.undo.done(change, is_undo);
    app.save_now();
    app.info(t);
}

// ----------------------------------------------------------------------
// Overlays
// ----------------------------------------------------------------------

fn overlay_update(app: &mut App, action: Action) {
    let Some(mut overlay) = app.overlay.take() else {
        return;
    };
    if let Some(d) = overlay.dialog_mut() {
        let transition = d.update(app, action);
        app.overlay = match transition {
            Transition::Stay => Some(overlay),
            // whatever the update opened (the gate's override) stays open
            Transition::Close => app.overlay.take(),
            Transition::Open(next) => Some(*next),
            Transition::Cancel => cancel_editor(app, overlay),
        };
        return;
    }
    app.overlay = match overlay {
        Overlay::Vote(v) => vote_update(app, action, v),
        Overlay::Banner { vote } => match action {
            Action::Key(_) => None,
            _ => Some(Overlay::Banner { vote }),
        },
        Overlay::Summary => match action {
            Action::Key(ev) if ev.code == KeyCode::Enter => {
                finish_workshop(app);
                app.overlay.take()
            }
            Action::Key(ev) if matches!(ev.code, KeyCode::Esc | KeyCode::Char('q')) => None,
            _ => Some(Overlay::Summary),
        },
        dialog => Some(dialog),
    };
}

/// Esc in an editor: ask before throwing away typed text.
fn cancel_editor(app: &mut App, overlay: Overlay) -> Option<Overlay> {
    let empty = match &overlay {
        o if o.dialog().is_some() => !o.dialog().is_some_and(|d| d.has_text()),
        _ => true,
    };
    if empty {
        app.clear_draft();
        None
    } else {
        Some(Overlay::ConfirmDiscard(DiscardDialog {
            inner: Box::new(overlay),
        }))
    }
}

// ----------------------------------------------------------------------
// Go/no-go
// ----------------------------------------------------------------------

/// `v`: open the vote (step 1.5 directly; elsewhere in block 1 after a question).
pub fn open_vote(app: &mut App, confirmed: bool) {
    let Some((db, ds)) = app.fw.decision_step() else {
        return;
    };
    let pos = app.fw.pos_at(app.cursor_flat());
    let at_decision = pos.block == db && pos.step == ds;
    if !at_decision && !confirmed {
        let s = app.s();
        let step = &app.fw.blocks[db].steps[ds];
        app.overlay = Some(Overlay::Confirm(ConfirmDialog {
            text: fill(s.vote_confirm_elsewhere, &[&step.id, &step.title]),
            on_yes: OnYes::OpenVote,
        }));
        return;
    }
    let lines = app
        .present_parties()
        .into_iter()
        .map(|p| VoteLine {
            party: p,
            choice: None,
            reason: String::new(),
        })
        .collect();
    app.overlay = Some(Overlay::Vote(VoteState {
        lines,
        selected: 0,
        stage: VoteStage::Ballots { editing: None },
    }));
}

/// The live tally and outcome of the vote being held.
pub fn vote_preview(app: &App, v: &VoteState) -> crate::vote::Preview {
    let sess = app.session().expect("open");
    let total = sess.active_parties().count() as u32;
    crate::vote::preview(&sess.rule, &ballots_of(v), v.lines.len() as u32, total)
}

/// The ballots cast on the vote screen.
fn ballots_of(v: &VoteState) -> Vec<Ballot> {
    v.lines
        .iter()
        .filter_map(|l| {
            l.choice.map(|c| Ballot {
                party: l.party,
                choice: c,
                reason: l.reason.clone(),
            })
        })
        .collect()
}

fn vote_update(app: &mut App, action: Action, mut v: VoteState) -> Option<Overlay> {
    let s = app.s();
    let stage = std::mem::replace(&mut v.stage, VoteStage::Ballots { editing: None });
    match stage {
        VoteStage::Ballots {
            editing: Some(mut ed),
        } => {
            match edit(&mut ed, &action, false) {
                Edit::Submit => {
                    if let Some(l) = v.lines.get_mut(v.selected) {
                        l.reason = clean_line(&editor_text(&ed));
                    }
                    v.stage = VoteStage::Ballots { editing: None };
                }
                Edit::Cancel => v.stage = VoteStage::Ballots { editing: None },
                _ => v.stage = VoteStage::Ballots { editing: Some(ed) },
            }
            Some(Overlay::Vote(v))
        }
        VoteStage::Ballots { editing: None } => {
            let Action::Key(ev) = action else {
                return Some(Overlay::Vote(v));
            };
            let n = v.lines.len();
            let set = |v: &mut VoteState, c: Choice| {
                if let Some(l) = v.lines.get_mut(v.selected) {
                    l.choice = Some(c);
                }
            };
            match ev.code {
                KeyCode::Up | KeyCode::Char('k') => v.selected = v.selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => {
                    v.selected = (v.selected + 1).min(n.saturating_sub(1))
                }
                KeyCode::Char(c @ '0'..='9') => {
                    let i = if c == '0' {
                        9
                    } else {
                        c as usize - '1' as usize
                    };
                    if i < n {
                        v.selected = i;
                    }
                }
                KeyCode::Char('g') | KeyCode::Char('G') => set(&mut v, Choice::Go),
                KeyCode::Char('n') | KeyCode::Char('N') => set(&mut v, Choice::NoGo),
                KeyCode::Char('o')
                | KeyCode::Char('O')
                | KeyCode::Char('a')
                | KeyCode::Char('A') => set(&mut v, Choice::Abstain),
                KeyCode::Left | KeyCode::Right => {
                    if let Some(l) = v.lines.get_mut(v.selected) {
                        let order = [Choice::Go, Choice::NoGo, Choice::Abstain];
                        let i = l.choice.and_then(|c| order.iter().position(|&o| o == c));
                        l.choice = Some(match (i, ev.code == KeyCode::Right) {
                            (None, true) => order[0],
                            (None, false) => order[2],
                            (Some(i), true) => order[(i + 1) % 3],
                            (Some(i), false) => order[(i + 2) % 3],
                        });
                    }
                }
                KeyCode::Char('r') | KeyCode::Char('R') => {
                    let text = v
                        .lines
                        .get(v.selected)
                        .map(|l| l.reason.clone())
                        .unwrap_or_default();
                    v.stage = VoteStage::Ballots {
                        editing: Some(editor(&text)),
                    };
                }
                KeyCode::Char('u') | KeyCode::Char('U') => {
                    v.stage = VoteStage::Defer { reason: editor("") };
                }
                KeyCode::Esc => return None,
                KeyCode::Enter => {
                    // every present party votes; a No-go needs a reason
                    if let Some(i) = v.lines.iter().position(|l| l.choice.is_none()) {
                        v.selected = i;
                        app.error(s.vote_err_missing.to_string());
                        return Some(Overlay::Vote(v));
                    }
                    if let Some(i) = v
                        .lines
                        .iter()
                        .position(|l| l.choice == Some(Choice::NoGo) && l.reason.trim().is_empty())
                    {
                        v.selected = i;
                        app.error(s.vote_err_nogo_reason.to_string());
                        v.stage = VoteStage::Ballots {
                            editing: Some(editor("")),
                        };
                        return Some(Overlay::Vote(v));
                    }
                    let outcome = vote_preview(app, &v).outcome;
                    if outcome == Outcome::NoGo {
                        v.stage = VoteStage::FollowUp {
                            route: 0,
                            other: editor(""),
                            revisit: editor(""),
                            field: 0,
                        };
                        return Some(Overlay::Vote(v));
                    }
                    return record_vote(app, &v, None, None, String::new());
                }
                _ => {}
            }
            Some(Overlay::Vote(v))
        }
        VoteStage::Defer { mut reason } => match edit(&mut reason, &action, false) {
            Edit::Submit => {
                let text = clean_line(&editor_text(&reason));
                if text.is_empty() {
                    app.error(s.err_need_reason.to_string());
                    v.stage = VoteStage::Defer { reason };
                    Some(Overlay::Vote(v))
                } else {
                    record_vote(app, &v, None, None, text)
                }
            }
            Edit::Cancel => {
                v.stage = VoteStage::Ballots { editing: None };
                Some(Overlay::Vote(v))
            }
            _ => {
                v.stage = VoteStage::Defer { reason };
                Some(Overlay::Vote(v))
            }
        },
        VoteStage::FollowUp {
            mut route,
            mut other,
            mut revisit,
            mut field,
        } => {
            if field == 0 {
                if let Action::Key(ev) = &action {
                    match ev.code {
                        KeyCode::Up | KeyCode::Char('k') => route = route.saturating_sub(1),
                        KeyCode::Down | KeyCode::Char('j') => {
                            route = (route + 1).min(Route::ALL.len() - 1)
                        }
                        KeyCode::Char(c @ '1'..='5') => route = c as usize - '1' as usize,
                        KeyCode::Tab => field = 1,
                        KeyCode::Esc => {
                            v.stage = VoteStage::Ballots { editing: None };
                            return Some(Overlay::Vote(v));
                        }
                        KeyCode::Enter => field = 1,
                        _ => {}
                    }
                }
                v.stage = VoteStage::FollowUp {
                    route,
                    other,
                    revisit,
                    field,
                };
                return Some(Overlay::Vote(v));
            }
            let target = if field == 1 { &mut other } else { &mut revisit };
            match edit(target, &action, false) {
                Edit::Tab => field = (field + 1) % 3,
                Edit::BackTab => field = (field + 2) % 3,
                Edit::Cancel => field = 0,
                Edit::Submit => {
                    let r = Route::ALL[route];
                    let other_text = clean_line(&editor_text(&other));
                    if r == Route::Other && other_text.is_empty() {
                        app.error(s.err_need_reason.to_string());
                        v.stage = VoteStage::FollowUp {
                            route,
                            other,
                            revisit,
                            field: 1,
                        };
                        return Some(Overlay::Vote(v));
                    }
                    let rv = editor_text(&revisit);
                    let revisit_date = if rv.trim().is_empty() {
                        None
                    } else {
                        match parse_date(&rv) {
                            Some(d) => Some(d),
                            None => {
                                app.error(s.err_bad_date.to_string());
                                v.stage = VoteStage::FollowUp {
                                    route,
                                    other,
                                    revisit,
                                    field: 2,
                                };
                                return Some(Overlay::Vote(v));
                            }
                        }
                    };
                    let fu = FollowUp {
                        route: r,
                        text: other_text,
                    };
                    return record_vote(app, &v, Some(fu), revisit_date, String::new());
                }
                _ => {}
            }
            v.stage = VoteStage::FollowUp {
                route,
                other,
                revisit,
                field,
            };
            Some(Overlay::Vote(v))
        }
    }
}

/// Record the vote, save, and show the outcome banner.
fn record_vote(
    app: &mut App,
    v: &VoteState,
    follow_up: Option<FollowUp>,
    revisit: Option<Date>,
    defer_reason: String,
) -> Option<Overlay> {
    let now = app.now;
    let o = app.open.as_mut()?;
    let closing = crate::vote::Closing {
        follow_up,
        revisit,
        deferred_because: Some(defer_reason).filter(|r| !r.is_empty()),
    };
    let present = v.lines.iter().map(|l| l.party).collect();
    let vote = Vote::cast(&o.session, present, ballots_of(v), closing, now);
    o.session.votes.push(vote);
    let idx = o.session.votes.len() - 1;
    app.save_now();
    Some(Overlay::Banner { vote: idx })
}

// ----------------------------------------------------------------------
// Ending a workshop, exports
// ----------------------------------------------------------------------

/// Whether this workshop needs a vote outcome before it can end.
pub fn needs_vote(app: &App) -> bool {
    app.session()
        .is_some_and(|s| crate::gate::needs_vote(&app.fw, s))
}

fn end_workshop(app: &mut App) {
    if needs_vote(app) {
        app.overlay = Some(Overlay::Confirm(ConfirmDialog {
            text: app.s().end_needs_vote.to_string(),
            on_yes: OnYes::OpenVote,
        }));
        return;
    }
    app.overlay = Some(Overlay::Summary);
}

fn finish_workshop(app: &mut App) {
    app.stop_timer();
    let now = app.now;
    if let Some(o) = app.open.as_mut() {
        o.session.end_workshop(now);
    }
    app.save_now();
    export_minutes(app);
    let saved_ok = app.open.as_ref().is_some_and(|o| o.save_error.is_none());
    if saved_ok {
        let msg = app.flash.clone();
        app.open = None;
        app.screen = Screen::Home;
        app.refresh_home();
        app.flash = msg;
    }
}

/// `e`: write the minutes of this workshop as Markdown and HTML into `exports/`.
pub fn export_minutes(app: &mut App) {
    let Some(o) = app.open.as_ref() else { return };
    let number = o.session.workshop_number();
    let opts = crate::export::Options {
        tz: app.tz.clone(),
        ..crate::export::Options::new(app.lang)
    };
    let written = store::export_dir(&o.path).and_then(|_| {
        crate::export::write_workshop_minutes(&app.fw, &o.session, &o.path, number, &opts)
    });
    match written {
        Ok(paths) => {
            let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            let text = fill(app.s().export_done, &[&list.join(", ")]);
            app.exported = paths;
            app.info(text);
        }
        Err(e) => app.error(e.message(app.lang)),
    }
}
