//! Dialogs and overlays: each in a file of its own, owning its state, its
//! [`Dialog::update`] and its [`Dialog::render`].
//!
//! Adding a dialog: write its file (a struct that implements [`Dialog`]),
//! add it to `dialogs!` below (one line), and give its keys a context in
//! `tui/keys/table.rs`. While a dialog is open, `update` takes it out of
//! the app, hands it a [`Cx`] (what a dialog may change: see `cx.rs`), and
//! puts back what [`Transition`] says.

pub mod action_item;
pub mod add_party;
pub mod adopt;
pub mod attendance;
pub mod confirm;
pub mod consensus_check;
pub mod cx;
pub mod discard;
pub mod dissent;
pub mod gate_override;
pub mod guidance;
pub mod help;
pub mod history;
pub mod info;
pub mod items;
pub mod new_session;
pub mod note;
pub mod overview;
pub mod park;
pub mod parking;
pub mod plan;
pub mod skip;
pub mod stance_pick;
pub mod stance_reason;
pub mod summary;
pub mod unsaved;
pub mod vote;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::tui::app::App;
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
pub use cx::Cx;

/// What happens to a dialog after a key.
pub enum Transition {
    /// It stays open, as its update left it.
    Stay,
    /// It closes (whatever the update opened meanwhile stays open).
    Close,
    /// Another dialog takes its place.
    Open(Box<Overlay>),
    /// Esc in a dialog with text: close, asking first when text would be lost.
    Cancel,
}

macro_rules! dialogs {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// What sits on top of the screen: one of the dialogs.
        pub enum Overlay {
            $($(#[$doc])* $variant($ty),)*
        }

        impl Overlay {
            /// The dialog, to draw it or ask it something.
            pub fn dialog(&self) -> &dyn Dialog {
                match self {
                    $(Overlay::$variant(d) => d,)*
                }
            }

            /// The dialog, to update it.
            pub fn dialog_mut(&mut self) -> &mut dyn Dialog {
                match self {
                    $(Overlay::$variant(d) => d,)*
                }
            }
        }
    };
}

// Every dialog, one line each.
dialogs! {
    /// `?`: the keys of the screen.
    Help(help::HelpDialog),
    /// `i`: the references of the step.
    Info(info::InfoDialog),
    /// `g`: all points.
    Overview(overview::OverviewDialog),
    /// `d`: who dissents, and why.
    Dissent(dissent::DissentDialog),
    /// `s`: why the point is skipped.
    Skip(skip::SkipDialog),
    /// `n`: a note.
    Note(note::NoteDialog),
    /// `r` in the stance panel: a party's reason.
    StanceReason(stance_reason::StanceReasonDialog),
    /// `a`: an action item.
    Action(action_item::ActionForm),
    /// `a` on the start screen: a party arrives.
    AddParty(add_party::AddPartyDialog),
    /// `n` on the home screen: a new session.
    NewSession(new_session::NewForm),
    /// "Discard the text?" over an editor.
    ConfirmDiscard(discard::DiscardDialog),
    /// A question answered with yes or no.
    Confirm(confirm::ConfirmDialog),
    /// Entering a locked block: the reason.
    Override(gate_override::GateOverrideDialog),
    /// The go/no-go vote and its follow-up.
    Vote(vote::VoteDialog),
    /// The outcome in large letters.
    Banner(vote::banner::BannerDialog),
    /// The end of the workshop; Enter ends it.
    Summary(summary::SummaryDialog),
    /// Quitting while the last save failed.
    Unsaved(unsaved::UnsavedDialog),
    // ---- vote (issue 14) ----
    /// The outcome of a vote held to end the workshop; then its summary.
    EndBanner(vote::banner::EndBanner),
    // (end of section)
    // ---- notes and actions (issue 14) ----
    /// `x`: the notes and action items of the point.
    Items(items::ItemsDialog),
    // (end of section)
    // ---- parties, stances, attendance (issue 14) ----
    /// `c` over a present party's "disagree": consensus anyway?
    ConsensusCheck(consensus_check::ConsensusCheckDialog),
    // (end of section)
    // ---- backups (issue 14) ----
    // (end of section)
    // ---- recap and summary (issue 14) ----
    // (end of section)
    // ---- framework in the TUI (issue 16) ----
    /// `b`: the guidance of the block and of the framework.
    Guidance(guidance::GuidanceDialog),
    /// `h`: what happened to the point, from the journal (issue 23).
    History(history::HistoryDialog),
    // ---- the facilitator's hands (issue 25) ----
    /// `p` on the workshop screen: who arrives, who leaves.
    Attendance(attendance::AttendanceDialog),
    // ---- the workshop day (issue 26) ----
    /// `P`: park a topic; `c` in the parking lot: its closing word.
    Park(park::ParkDialog),
    /// `L`: the parking lot.
    Parking(parking::ParkingDialog),
    /// `v` at the start: adopt the previous minutes.
    Adopt(adopt::AdoptDialog),
    /// `t` at the start: plan the workshop (steps, minutes, start, end).
    Plan(plan::PlanDialog),
    // (end of section)
    // ---- stances in the room's words (issue 24) ----
    /// A digit (or Space in the stance panel): the party's stance, picked;
    /// then what follows for the point's status, when something does.
    StancePick(stance_pick::StancePickDialog),
    // (end of section)
}

impl Overlay {
    /// A stand-in while a dialog is taken out (never shown).
    pub fn placeholder() -> Overlay {
        Overlay::Summary(summary::SummaryDialog::default())
    }

    /// Draw this overlay.
    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        self.dialog().render(app, f, area, th);
    }

    /// Whether the point's timer stops while this is open: the vote and
    /// the end of the workshop are not time spent on the point (help over
    /// them, or a question over them, counts as them).
    pub fn pauses_timer(&self) -> bool {
        match self {
            Overlay::Vote(_)
            | Overlay::Banner(_)
            | Overlay::EndBanner(_)
            | Overlay::Summary(_)
            | Overlay::Unsaved(_) => true,
            Overlay::Help(h) => h.under.as_deref().is_some_and(Overlay::pauses_timer),
            Overlay::ConfirmDiscard(d) => d.inner.pauses_timer(),
            _ => false,
        }
    }

    /// The text editors of this overlay, each with whether it has focus.
    pub fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        self.dialog_mut().editors_mut()
    }
}

/// A dialog or overlay.
pub trait Dialog {
    /// The key-table context: its keys, footer hints and help.
    fn ctx(&self) -> Ctx;

    /// Whether keys reach the dialog as they are (text fields), rather than
    /// as the actions of its key-table context. Opt-in: a dialog that takes
    /// text says so; every other one gets typed actions.
    fn raw_keys(&self) -> bool {
        false
    }

    /// Handle an action; the dialog edits itself in place, and the app
    /// only through `cx`.
    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition;

    /// Draw it over `area`.
    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme);

    /// Its text editors, each with whether it has the focus.
    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        Vec::new()
    }

    /// Whether closing it would throw away typed text (Esc then asks first).
    fn has_text(&self) -> bool {
        false
    }
}
