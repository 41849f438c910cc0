//! [`Cx`]: what a dialog may change in the app. A dialog's
//! [`update`](crate::tui::app::Dialog::update) gets this, not `&mut App`: it reads
//! the app freely (`Cx` derefs to `&App`, never to `&mut App`), and changes
//! it only through the methods below, each the same path the screens use
//! (a capture records undo, journals and saves as it always did).

use std::ops::Deref;
use std::path::Path;

use jiff::Timestamp;

use crate::session::{Draft, DraftKind, PartyId, Session};
use crate::store::StoreError;
use crate::tui::app::{App, Dialog, OpenError};
use crate::tui::open_session::OpenSession;
use crate::tui::session_view::SessionView;

/// The narrow context of a dialog's update.
pub struct Cx<'a> {
    app: &'a mut App,
}

impl Deref for Cx<'_> {
    type Target = App;

    fn deref(&self) -> &App {
        self.app
    }
}

impl<'a> Cx<'a> {
    /// The context over `app` (the dispatch makes one per dialog update;
    /// a screen makes one to open a dialog through a dialog's helper).
    pub fn new(app: &'a mut App) -> Cx<'a> {
        Cx { app }
    }

    // ---- messages ----

    /// A message in the status line.
    pub fn info(&mut self, text: String) {
        self.app.info(text);
    }

    /// An error in the status line.
    pub fn error(&mut self, text: String) {
        self.app.error(text);
    }

    // ---- dialogs ----

    /// Open `dialog` over the screen while this dialog is taken out: it
    /// stays open when this dialog closes ([`crate::tui::app::Transition::Close`]).
    pub fn open(&mut self, dialog: impl Dialog) {
        self.app.overlay = Some(Box::new(dialog));
    }

    /// Ask the app to end (the last save failed and the user chose to go).
    pub fn quit(&mut self) {
        self.app.quit = true;
    }

    // ---- the open session ----

    /// Apply a capture to the current point: undo, journal and save, as
    /// [`App::capture`].
    pub fn capture(&mut self, label: &str, f: impl FnOnce(&mut Session, &str, Timestamp)) {
        self.app.capture(label, f);
    }

    /// Save the open session now ([`App::save_now`]).
    pub fn save_now(&mut self) {
        self.app.save_now();
    }

    /// The draft of the open editor, saved a moment after the last key.
    pub fn set_draft(&mut self, kind: DraftKind, text: String) {
        self.app.set_draft(kind, text);
    }

    /// The editor closed: its draft is gone.
    pub fn clear_draft(&mut self) {
        self.app.clear_draft();
    }

    /// The open session with its undo and save state, for the changes
    /// that are not a capture on the current point (the parking lot, the
    /// attendance, the plan, a vote); the caller saves.
    pub fn open_session_mut(&mut self) -> Option<&mut OpenSession> {
        self.app.open_session_mut()
    }

    /// A vote was recorded: nothing before it can be undone
    /// ([`crate::tui::undo::UndoStack::seal`]).
    pub fn seal_undo(&mut self) {
        if let Some(o) = self.app.open_session_mut() {
            o.undo.seal();
        }
    }

    /// The open session's model, to change it (the caller saves).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.app.session_mut()
    }

    /// The party of number key `key` when present, else a message
    /// ([`App::present_party_of_key`]).
    pub fn present_party_of_key(&mut self, key: usize) -> Option<PartyId> {
        self.app.present_party_of_key(key)
    }

    /// Move the cursor to a point, honouring the gate ([`App::go_to`]).
    pub fn go_to(&mut self, flat: usize) {
        self.app.go_to(flat);
    }

    /// Whether the gate allows `point` ([`App::gate_allows`]; when not, the
    /// override dialog opens after this update).
    pub fn gate_allows(&mut self, point: &str) -> bool {
        self.app.gate_allows(point)
    }

    /// Start the planned workshop ([`App::start_workshop`]).
    pub fn start_workshop(&mut self) {
        self.app.start_workshop();
    }

    // ---- sessions and the workshop's end ----

    /// Write a new session file into the store.
    pub fn create_session(&mut self, session: &Session) -> Result<std::path::PathBuf, StoreError> {
        self.app.store.create(session)
    }

    /// Open a session file ([`App::open_file`]); the draft it had, for
    /// its editor to open.
    pub fn open_file(&mut self, path: &Path) -> Result<Option<Draft>, OpenError> {
        self.app.open_file(path)
    }

    /// Finish the workshop from its summary ([`App::finish_workshop`]).
    pub fn finish_workshop(&mut self) {
        crate::tui::app::flow::finish_workshop(self.app);
    }

    /// The open session with the screens' state of it.
    pub fn open_session_and_state_mut(&mut self) -> Option<(&mut OpenSession, &mut SessionView)> {
        self.app.open_session_and_state_mut()
    }
}
