//! The life of an open session in the app: opening it (handing back the
//! draft that was being typed, for its editor), the clock tick that saves
//! pending changes, ending the workshop with its minutes, and leaving
//! (writing an emergency copy when work would be lost). What opens a
//! dialog on the way (the draft's editor, "quit without saving?", the
//! summary) is the dialogs' own: `tui/dialogs/flow.rs`.

use std::path::{Path, PathBuf};

use crate::i18n::fill;
use crate::session::Draft;
use crate::store::{self, StoreError};
use crate::tui::app::{App, DRAFT_SAVE_AFTER_SECS, Flash, FlashKind, Mode, Screen};
use crate::tui::open_session::{OpenSession, OpenedNotice};
use crate::tui::session_view::SessionView;

/// Why a session could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Store(StoreError),
    /// Its framework: missing, damaged, or another than `--framework` names
    /// (the message in the interface's language).
    Framework(String),
}

impl From<StoreError> for OpenError {
    fn from(e: StoreError) -> Self {
        OpenError::Store(e)
    }
}

impl OpenError {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        match self {
            OpenError::Store(e) => e.message(lang),
            OpenError::Framework(m) => m.clone(),
        }
    }
}

impl App {
    /// Save the whole session now; a failure is shown and retried on the
    /// next change. A backup that could not be made is said once (again
    /// only when the reason changes, or after backups worked again).
    pub fn save_now(&mut self) {
        let (now, lang) = (self.now, self.lang);
        let Some(o) = self.open_session_mut() else {
            return;
        };
        let before = o.backup_error.take();
        o.save(now, lang);
        if let Some(why) = o
            .backup_error
            .clone()
            .filter(|w| Some(w) != before.as_ref())
        {
            self.error(fill(self.s().backup_failed, &[&why]));
        } else if o.backup_error.is_none() && o.save_error.is_some() {
            // a failed save made no backup either: still the old reason
            o.backup_error = before;
        }
    }

    /// The framework new sessions get (the one named on the command line,
    /// or the built-in one) with its text, when it was read from a file.
    pub fn new_session_framework(&self) -> (crate::framework::Framework, Option<&str>) {
        match &self.framework_arg {
            Some(g) => (g.fw.clone(), g.text.as_deref()),
            None => (
                crate::framework::Framework::builtin(),
                Some(crate::framework::DEFAULT_TOML),
            ),
        }
    }

    /// The point timer runs whenever the facilitator is on a point of a
    /// started workshop, unless paused with `t`; attendance, help and the
    /// dialogs about the point keep it running, the vote and the end
    /// summary stop it ([`crate::tui::app::Dialog::pauses_timer`]). Called after every update.
    pub fn keep_timer(&mut self) {
        let now = self.now;
        let paused_by_overlay = self.overlay.as_ref().is_some_and(|d| d.pauses_timer());
        let quitting = self.quit;
        let Mode::Main(o, _) = &mut self.mode else {
            return;
        };
        let run = !quitting && !paused_by_overlay && !o.timer_paused && o.workshop_running();
        if run {
            o.start_timer(now);
        } else if o.timer.is_some() {
            // the time spent is an event, saved now: the summary and the
            // minutes of this workshop count it
            o.stop_timer(now);
            self.save_now();
        }
    }

    /// Start the planned workshop, if there is one, and save it.
    pub fn start_workshop(&mut self) {
        let now = self.now;
        // the agenda resumes where the one rule says (`gate::resume_point`)
        let resume = self
            .open_session()
            .map(|o| crate::gate::resume_point(&self.fw, &o.session));
        let started = self.open_session_mut().is_some_and(|o| {
            let started = o.start_workshop(now);
            if let (true, Some(point)) = (started, resume) {
                o.session.cursor = point;
            }
            started
        });
        if started {
            self.mark_orientation();
            self.save_now();
        }
    }

    /// Open a session file: lock it, load it with its own framework
    /// (refused when `--framework` names another); a new workshop waits for
    /// the start screen. A draft that was being typed comes back: its point
    /// and workshop are taken up again, and it is handed back for its
    /// editor to open ([`crate::tui::dialogs::flow::open_path`]).
    pub fn open_file(&mut self, path: &Path) -> Result<Option<Draft>, OpenError> {
        use crate::framework::carried::{Adopt, adopt, resolve};
        let loading = OpenSession::load(path)?;
        let peek = loading.session();
        let resolved = resolve(peek, self.framework_arg.as_ref()).map_err(|e| {
            OpenError::Framework(e.message(&crate::safe_text::shell_word(&peek.name), self.lang))
        })?;
        self.fw = resolved.fw;
        let mut open = loading.open(&self.fw);
        // an old session given its framework once keeps it: written now
        // (the one deliberate write of an open); the built-in one's
        // fingerprint waits for the next save
        let keep_now = matches!(resolved.adopt, Some(Adopt::Text(_)));
        if let Some(a) = &resolved.adopt {
            adopt(&mut open.session, &self.fw, a);
            open.dirty |= keep_now;
        }
        let draft = open.session.draft.clone();
        let notice = open.opened_notice.clone().map(|n| match n {
            OpenedNotice::Migrated { from } => {
                fill(self.s().ui_journal_migrated, &[&from.to_string()])
            }
            OpenedNotice::TornTail { line } => fill(self.s().ui_journal_torn, &[&line.to_string()]),
        });
        // a workshop still to start shows the start screen (recap, attendance)
        self.mode = if open.planned.is_some() {
            Mode::Start(Box::new(open), SessionView::default())
        } else {
            Mode::Main(Box::new(open), SessionView::default())
        };
        // opening is not starting: nothing is written until the start
        // screen's Enter (see `App::start_workshop`)
        self.overlay = None;
        let draft = draft.filter(|d| !d.text.is_empty() && self.take_up_draft(d));
        self.mark_orientation();
        if let Some(text) = notice {
            self.info(text);
        }
        if keep_now {
            self.save_now();
        }
        Ok(draft)
    }

    /// Go back to where a draft was being typed (its point, in a running
    /// workshop, on the main screen); false for a point the framework no
    /// longer has.
    fn take_up_draft(&mut self, d: &Draft) -> bool {
        if self.fw.pos_of(&d.point).is_none() {
            return false;
        }
        if let Some(o) = self.open_session_mut() {
            o.session.cursor = d.point.clone();
            o.gate_pass = Some(d.point.clone());
        }
        // the draft goes on in a running workshop
        self.start_workshop();
        self.show(Screen::Main);
        self.flash = Some(Flash {
            text: self.s().ui_draft_restored.to_string(),
            kind: FlashKind::Info,
        });
        true
    }
}

/// Once a second: save drafts and pending changes that have waited long enough.
pub fn tick(app: &mut App) {
    let now = app.now;
    let Some(o) = app.open_session() else { return };
    if !o.dirty {
        return;
    }
    let waited = o
        .draft_changed
        .map(|t| now.as_second() - t.as_second() >= DRAFT_SAVE_AFTER_SECS)
        .unwrap_or(true);
    if waited {
        app.save_now();
        if let Some(o) = app.open_session_mut() {
            o.draft_changed = None;
        }
    }
}

/// Leave the app: stop the timer and write whatever is pending. When that
/// cannot be saved, an emergency copy is written and `exit_report` says
/// where (the process then exits non-zero).
pub fn shutdown(app: &mut App) {
    crate::tui::app::live_out::stop(app);
    app.stop_timer();
    if app.open_session().is_some_and(|o| o.dirty) {
        app.save_now();
    }
    let Some(o) = app.open_session() else { return };
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

/// Write the open session to the first place that takes it (see [`crate::emergency`]).
pub fn write_emergency_copy(app: &App) -> Result<PathBuf, String> {
    let Some(o) = app.open_session() else {
        return Err(String::new());
    };
    let places = crate::emergency::candidates(app.store.dir());
    crate::emergency::write_copy(&o.path, &places, &store::to_toml(&o.session), app.now)
}

/// Whether this workshop needs a vote outcome before it can end.
pub fn needs_vote(app: &App) -> bool {
    app.session()
        .is_some_and(|s| crate::gate::needs_vote(&app.fw, s))
}

/// `Enter` on the summary: end the workshop, save, write the minutes, and
/// go home when saved.
pub fn finish_workshop(app: &mut App) {
    app.stop_timer();
    let (now, lang) = (app.now, app.lang);
    if let Some(o) = app.open_session_mut() {
        o.session.end_workshop(now);
        // the end of a workshop is one event; then the snapshot is written
        // anew with every event in it, so the next opening replays nothing
        o.save(now, lang);
        o.compact();
    }
    app.save_now();
    export_minutes(app);
    let saved_ok = app.open_session().is_some_and(|o| o.save_error.is_none());
    if saved_ok {
        let msg = app.flash.clone();
        app.mode = Mode::Home;
        app.refresh_home();
        app.flash = msg;
    }
}

/// `e`: write the minutes of this workshop as Markdown and HTML into `exports/`.
pub fn export_minutes(app: &mut App) {
    let Some(o) = app.open_session() else { return };
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
            // the file names first, the folder last: a cut keeps what matters
            let names: Vec<String> = paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            let folder = paths
                .first()
                .and_then(|p| p.parent())
                .map(|d| d.display().to_string())
                .unwrap_or_default();
            let text = fill(app.s().export_done, &[&names.join(", "), &folder]);
            app.exported = paths;
            app.info(text);
        }
        Err(e) => app.error(e.message(app.lang)),
    }
}
