//! The session that is open: its file and lock, its saves (checked against
//! changes by others), the draft being typed, captures with their undo, and
//! the timer. Everything the screens change in a session goes through here,
//! so every completed capture is on disk before the next key.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::framework::Framework;
use crate::i18n::Lang;
use crate::journal::{Baseline, What};
use crate::session::{Draft, DraftKind, Resume, Session};
use crate::store::{self, SessionLock, StoreError};
use crate::tui::undo::{Change, UndoStack};

pub struct OpenSession {
    pub session: Session,
    pub path: PathBuf,
    _lock: SessionLock,
    pub undo: UndoStack,
    /// The timer of the current point runs since this moment.
    pub timer: Option<Timestamp>,
    /// The facilitator paused the point's timer (`t`); otherwise it runs
    /// whenever a point of a started workshop is on screen (see `App::keep_timer`).
    pub timer_paused: bool,
    /// Why the last save failed (shown until a save succeeds).
    pub save_error: Option<String>,
    /// Why the last save could not keep the version it replaced as a
    /// backup (`None`: it could, or there was none).
    pub backup_error: Option<String>,
    pub last_saved: Option<Timestamp>,
    /// Changes that are not captures (cursor, timer, draft) wait for the next save.
    pub dirty: bool,
    pub draft_changed: Option<Timestamp>,
    /// The workshop was started from the start screen (a resolution in the
    /// recap) and attendance is still being taken there: ticks correct who
    /// was there from the start instead of logging arrivals and departures.
    pub taking_attendance: bool,
    /// Who will be present in the workshop that is not started yet: opening
    /// is not starting, so nothing is written until the facilitator starts
    /// it on the start screen (`None` once it runs).
    pub planned: Option<Vec<crate::session::PartyId>>,
    /// The parties of the planned workshop that sent apologies (afgemeld).
    pub planned_excused: Vec<crate::session::PartyId>,
    /// A point in a locked block where a restored draft may still be
    /// captured: its text was typed before (see `App::gate_allows`).
    pub gate_pass: Option<String>,
    /// Reuses the written text of unchanged points when the snapshot is
    /// written again (at a workshop's end).
    writer: store::TomlWriter,
    /// What the session was at the last event: the next event is the
    /// change since (see [`crate::journal::Baseline`]).
    baseline: Baseline,
    /// What the next event is, when the caller knows better than its change
    /// (an undo, a redo).
    hint: Option<(What, Option<u64>)>,
    /// The last event that is on disk: later ones are appended at the next save.
    written_seq: u64,
    /// Events were appended since the file was last written whole: its
    /// digest (`store/digest.rs`) no longer describes it.
    appended: bool,
    /// The whole file is to be written anew at the next save (a format-3 file
    /// on its first open, a torn last event set aside, a workshop's end).
    pub rewrite: bool,
    /// Why the file was written anew on opening, to tell the facilitator.
    pub opened_notice: Option<OpenedNotice>,
    /// In test builds: the session as of the last event, to check that
    /// every change made it into an event (see [`OpenSession::save`]).
    #[cfg(debug_assertions)]
    shadow: Session,
    /// What the file held when loaded or last saved: a file changed by
    /// another program is not overwritten.
    pub stamp: store::FileStamp,
}

/// Why a session file was written anew when it was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenedNotice {
    /// A file of an older format became a journal (a backup holds the old file).
    Migrated { from: u32 },
    /// The last event was cut short by a crash: set aside (in the backup),
    /// the events before it kept.
    TornTail { line: usize },
}

/// What a capture did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Captured {
    /// Something changed: it can be undone and it was saved (or the save failed and is shown).
    Changed,
    /// Nothing the room decided changed: nothing recorded, nothing saved.
    Unchanged,
}

impl OpenSession {
    /// Lock and load a session file. An unended workshop goes on; otherwise
    /// the next one is planned, and starts only with [`OpenSession::start_workshop`].
    pub fn open(path: &Path, fw: &Framework) -> Result<OpenSession, StoreError> {
        Ok(Self::load(path)?.open(fw))
    }

    /// Lock and read a session file, to be opened with its framework
    /// ([`Loading::open`]) once that is known from the session itself:
    /// the file is read once.
    pub fn load(path: &Path) -> Result<Loading, StoreError> {
        let lock = SessionLock::acquire(path)?;
        let loaded = store::load_for_window(path)?;
        Ok(Loading {
            path: path.to_path_buf(),
            lock,
            loaded,
        })
    }
}

/// A session file locked and read, not yet opened (see [`OpenSession::load`]).
pub struct Loading {
    path: std::path::PathBuf,
    lock: SessionLock,
    loaded: store::Loaded,
}

impl Loading {
    /// The session as read.
    pub fn session(&self) -> &crate::session::Session {
        &self.loaded.session
    }

    /// Open it with `fw`: an unended workshop goes on; otherwise the next
    /// one is planned.
    pub fn open(self, fw: &Framework) -> OpenSession {
        let Loading { path, lock, loaded } = self;
        let path = path.as_path();
        let mut session = loaded.session;
        if fw.pos_of(&session.cursor).is_none() {
            session.cursor = fw.point_at(0).id.clone();
        }
        let planned = session
            .next_workshop_due()
            .then(|| session.active_parties().map(|p| p.id).collect::<Vec<_>>());
        let opened_notice = match (loaded.torn, loaded.version) {
            (Some(t), _) => Some(OpenedNotice::TornTail { line: t.line }),
            (None, v) if v < crate::session::FORMAT_VERSION => {
                Some(OpenedNotice::Migrated { from: v })
            }
            _ => None,
        };
        OpenSession {
            baseline: Baseline::of(&session),
            written_seq: session.journal.last().map(|e| e.seq).unwrap_or(0),
            appended: false,
            #[cfg(debug_assertions)]
            shadow: session.clone(),
            session,
            path: path.to_path_buf(),
            _lock: lock,
            undo: UndoStack::default(),
            timer: None,
            timer_paused: false,
            save_error: None,
            backup_error: None,
            last_saved: None,
            dirty: opened_notice.is_some(),
            draft_changed: None,
            taking_attendance: false,
            planned,
            planned_excused: Vec::new(),
            gate_pass: None,
            writer: store::TomlWriter::default(),
            hint: None,
            rewrite: opened_notice.is_some(),
            opened_notice,
            stamp: loaded.stamp,
        }
    }
}

impl OpenSession {
    /// Start the planned workshop (on the start screen's Enter); returns
    /// whether one was started (then the session must be saved).
    pub fn start_workshop(&mut self, now: Timestamp) -> bool {
        let Some(plan) = self.planned.take() else {
            return false;
        };
        let started = matches!(self.session.start_workshop(&plan, now), Resume::Started(_));
        if started {
            for p in std::mem::take(&mut self.planned_excused) {
                self.session.set_excused(p, true, true, now);
            }
        }
        self.dirty |= started;
        // the file is written anew at a workshop's start: the version before
        // it goes to backups/ (a link to the old file, which no append
        // reaches), and the new snapshot holds every event so far
        self.rewrite |= started;
        self.taking_attendance = started;
        started
    }

    /// Whether a party is (or will be, in the planned workshop) present.
    pub fn is_present(&self, party: crate::session::PartyId) -> bool {
        match &self.planned {
            Some(plan) => plan.contains(&party),
            None => self.session.is_present(party),
        }
    }

    /// Tick a party present or absent; returns whether the session changed
    /// (a planned workshop only changes its plan: nothing to save).
    pub fn toggle_present(&mut self, party: crate::session::PartyId, now: Timestamp) -> bool {
        if let Some(plan) = self.planned.as_mut() {
            match plan.iter().position(|&p| p == party) {
                Some(i) => {
                    plan.remove(i);
                }
                None => {
                    plan.push(party);
                    // here after all: no longer afgemeld
                    self.planned_excused.retain(|&p| p != party);
                }
            }
            return false;
        }
        let present = self.session.is_present(party);
        if self.taking_attendance {
            self.session.amend_start_attendance(party, !present);
        } else {
            self.session.set_present(party, !present, now);
        }
        if !present {
            self.session
                .set_excused(party, false, self.taking_attendance, now);
        }
        true
    }

    /// Whether a party is (or will be, in the planned workshop) afgemeld.
    pub fn is_excused(&self, party: crate::session::PartyId) -> bool {
        match &self.planned {
            Some(_) => self.planned_excused.contains(&party),
            None => self.session.is_excused(party),
        }
    }

    /// Mark a party afgemeld (it sent apologies: absent, and known to be),
    /// or not any more (then it is absent); returns whether the session
    /// changed (a planned workshop only changes its plan).
    pub fn toggle_excused(&mut self, party: crate::session::PartyId, now: Timestamp) -> bool {
        let excused = !self.is_excused(party);
        if let Some(plan) = self.planned.as_mut() {
            if excused {
                plan.retain(|&p| p != party);
                self.planned_excused.push(party);
            } else {
                self.planned_excused.retain(|&p| p != party);
            }
            return false;
        }
        self.session
            .set_excused(party, excused, self.taking_attendance, now);
        true
    }

    /// Save now: what changed since the last event becomes an event, and
    /// every event not yet on disk is appended to the file (or, when
    /// [`OpenSession::rewrite`] asks, the whole file is written anew). A
    /// failure is kept in `save_error`; the events wait and are written with
    /// the next save.
    pub fn save(&mut self, now: Timestamp, lang: Lang) {
        let hint = self.hint.take();
        if let Some(_e) = self.baseline.commit(&mut self.session, now, hint) {
            #[cfg(debug_assertions)]
            self.check_event(&_e);
        }
        let result = if self.rewrite {
            store::save_checked(&mut self.writer, &self.path, &self.session, &mut self.stamp)
                .map(Some)
        } else {
            let lines: String = self
                .session
                .journal
                .iter()
                .filter(|e| e.seq > self.written_seq)
                .map(store::event_line)
                .collect();
            if lines.is_empty() {
                Ok(None)
            } else {
                let appended = store::append_events(&self.path, &lines, &mut self.stamp);
                self.appended |= appended.is_ok();
                appended.map(|()| None)
            }
        };
        match result {
            Ok(saved) => {
                // a rewrite keeps the replaced file as a backup (an append replaces nothing)
                if let Some(saved) = saved {
                    self.rewrite = false;
                    self.appended = false;
                    self.backup_error = saved
                        .backup_failed
                        .map(|e| store::backup_failure_text(&e, lang));
                }
                self.written_seq = self.session.journal.last().map(|e| e.seq).unwrap_or(0);
                self.save_error = None;
                self.last_saved = Some(now);
                self.dirty = false;
            }
            Err(e) => {
                self.save_error = Some(e.message(lang));
                self.dirty = true;
            }
        }
    }

    /// On a clean exit, after everything is saved: when events were
    /// appended since the file was last written whole, write it whole once
    /// more, so `list`, the home screen and `overzicht` find a digest that
    /// describes it (`store/digest.rs`). Nothing is lost when this fails:
    /// the events are in the file; the failure is not kept.
    pub fn refresh_digest(&mut self, now: Timestamp, lang: Lang) {
        if !self.appended || self.dirty || self.save_error.is_some() {
            return;
        }
        self.compact();
        self.save(now, lang);
        if self.save_error.take().is_some() {
            self.rewrite = false;
            self.dirty = false;
        }
    }

    /// Write the whole file anew at the next save: the snapshot then holds
    /// every event (done at a workshop's end, so opening replays little).
    pub fn compact(&mut self) {
        self.rewrite = true;
        self.dirty = true;
    }

    /// In test builds: the event just made takes the session as of the last
    /// event to the session now, exactly; a change that bypassed
    /// [`Baseline::touch`] would be lost from the journal, so it fails here.
    #[cfg(debug_assertions)]
    fn check_event(&mut self, e: &crate::journal::Event) {
        let mut replayed = self.shadow.clone();
        crate::journal::apply_events(&mut replayed, [e], true).expect("the event applies");
        replayed.journal = self.session.journal.clone();
        assert!(
            replayed == self.session,
            "a change is missing from event {e:?}: {:#?}",
            crate::journal::ValueDelta::between(
                &serde_json::to_value(&replayed.points).unwrap(),
                &serde_json::to_value(&self.session.points).unwrap()
            )
        );
        self.shadow = self.session.clone();
    }

    /// Apply a capture to the current point and record it for undo. A
    /// capture that changes nothing is taken back whole (see [`Change::between`]).
    /// The caller saves.
    pub fn capture(
        &mut self,
        label: &str,
        now: Timestamp,
        f: impl FnOnce(&mut Session, &str, Timestamp),
    ) -> Captured {
        let point = self.session.cursor.clone();
        self.capture_at(&point, label, now, f)
    }

    /// Apply a capture to any point (the recap resolves a dissent that is
    /// not the current point), recorded for undo like [`OpenSession::capture`].
    pub fn capture_at(
        &mut self,
        point: &str,
        label: &str,
        now: Timestamp,
        f: impl FnOnce(&mut Session, &str, Timestamp),
    ) -> Captured {
        let point = point.to_string();
        self.baseline.touch(&self.session, &point);
        let before = self.session.points.get(&point).cloned();
        // in test builds: no capture breaks the rule of stances, dissent
        // and consensus (issue 24) on a point where it held
        #[cfg(debug_assertions)]
        let held = self.session.stance_rule(&point).is_ok();
        f(&mut self.session, &point, now);
        #[cfg(debug_assertions)]
        if held && let Err(e) = self.session.stance_rule(&point) {
            panic!("capture {label:?} broke the stance rule: {e}");
        }
        let after = self.session.points.get(&point);
        match Change::between(&point, label, before.as_ref(), after) {
            Some(change) => {
                self.undo.push(change);
                Captured::Changed
            }
            None => {
                match before {
                    Some(r) => self.session.points.insert(point, r),
                    None => self.session.points.remove(&point),
                };
                Captured::Unchanged
            }
        }
    }

    /// A capture that changes the workshop day's lists (issue 26: the
    /// parking lot, the adopted minutes), and with it maybe `point` (a
    /// topic that becomes its note or action); undoable as one.
    pub fn capture_day(
        &mut self,
        point: &str,
        label: &str,
        now: Timestamp,
        f: impl FnOnce(&mut Session, Timestamp),
    ) -> Captured {
        self.baseline.touch(&self.session, point);
        let (record, parking) = (
            self.session.points.get(point).cloned(),
            crate::tui::undo::DayLists::of(&self.session),
        );
        f(&mut self.session, now);
        let now_record = self.session.points.get(point);
        let pair = (record.as_ref(), now_record);
        let now_lists = crate::tui::undo::DayLists::of(&self.session);
        match Change::with_day(point, label, pair, (&parking, &now_lists)) {
            Some(change) => {
                self.undo.push(change);
                Captured::Changed
            }
            None => Captured::Unchanged,
        }
    }

    /// Undo (or redo) the last capture; returns its label, `None` when there was none.
    pub fn undo(&mut self, is_undo: bool) -> Option<String> {
        let change = self.undo.take(is_undo)?;
        self.baseline.touch(&self.session, &change.point);
        self.hint = Some((if is_undo { What::Undo } else { What::Redo }, None));
        change.apply(&mut self.session.points, !is_undo);
        change.apply_day(&mut self.session, !is_undo);
        if self.session.cursor != change.point {
            self.session.cursor = change.point.clone();
        }
        let label = change.label.clone();
        self.undo.done(change, is_undo);
        Some(label)
    }

    /// Keep the text being typed as the session's draft (saved after a pause).
    pub fn set_draft(&mut self, kind: DraftKind, text: String, now: Timestamp) {
        let draft = (!text.trim().is_empty()).then(|| Draft {
            point: self.session.cursor.clone(),
            kind,
            text,
            at: now,
        });
        if self.session.draft != draft {
            self.session.draft = draft;
            self.dirty = true;
            self.draft_changed = Some(now);
        }
    }

    pub fn clear_draft(&mut self) {
        if self.session.draft.take().is_some() {
            self.dirty = true;
        }
    }

    /// Start the timer of the current point (it runs on until stopped).
    pub fn start_timer(&mut self, now: Timestamp) {
        if self.timer.is_none() {
            self.timer = Some(now);
        }
    }

    /// `t`: pause the point's timer (its time so far is kept), or go on.
    pub fn pause_timer(&mut self, paused: bool, now: Timestamp) {
        self.timer_paused = paused;
        if paused {
            self.stop_timer(now);
        }
    }

    /// Whether a workshop runs (started, not ended): then a point's timer may run.
    pub fn workshop_running(&self) -> bool {
        self.planned.is_none() && self.session.workshop_open()
    }

    /// Stop the timer of the current point and add its time to the point.
    pub fn stop_timer(&mut self, now: Timestamp) {
        if let Some(t) = self.timer.take() {
            let secs = (now.as_second() - t.as_second()).max(0) as u64;
            let point = self.session.cursor.clone();
            self.baseline.touch(&self.session, &point);
            crate::timing::add_time(&mut self.session, &point, secs);
            self.dirty = true;
        }
    }

    /// Seconds on the timer of the current point: stored plus running.
    pub fn point_seconds(&self, now: Timestamp) -> u64 {
        let stored = self
            .session
            .record(&self.session.cursor)
            .map(|r| r.seconds)
            .unwrap_or(0);
        let running = self
            .timer
            .map(|t| (now.as_second() - t.as_second()).max(0) as u64)
            .unwrap_or(0);
        stored.saturating_add(running)
    }
}
