//! The key table: one list of bindings that drives dispatch, the footer and
//! the `?` help alike, so what is shown is what runs.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Strings;
use crate::vote::Choice;

/// Where a binding applies: every screen and every dialog has one, so its
/// keys, its footer hints and its help come from this one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The projected workshop screen.
    Main,
    /// The stance panel has focus (arrows pick a party).
    Stances,
    /// The overview of all points (`g`).
    Overview,
    /// Read-only overlays (help, info).
    Reading,
    /// The list of sessions.
    Home,
    /// Workshop start: recap and attendance.
    Start,
    /// A note being typed.
    Note,
    /// A skip reason being typed.
    Skip,
    /// The dissent dialog, its party list having the focus.
    DissentParties,
    /// The dissent dialog, its reason having the focus.
    Dissent,
    /// A party's reason for its stance.
    StanceReason,
    /// A party's stance being picked (after its digit): e, v, o, n.
    StancePick,
    /// What a stance change makes of the point's status: consensus or open.
    StanceThen,
    /// The action-item form.
    ActionItem,
    /// A party added at the start of a workshop.
    AddParty,
    /// The new-session form.
    NewSession,
    /// A yes/no question.
    Confirm,
    /// "Throw away the typed text?"
    Discard,
    /// The reason for opening a locked block.
    GateOverride,
    /// The go/no-go: ballots per party.
    Vote,
    /// The go/no-go: a party's reason being typed.
    VoteReason,
    /// The go/no-go after a NO-GO: route and revisit date.
    FollowUp,
    /// The go/no-go deferred by the facilitator: the reason.
    Defer,
    /// The outcome in large letters.
    Banner,
    /// The end-of-workshop summary.
    Summary,
    /// Quitting while the last save failed.
    Unsaved,
    /// "Quit anyway?" after a failed save.
    UnsavedSure,
    /// The go/no-go when a vote was held before: that vote, and a new one?
    VoteEarlier,
    /// The go/no-go read back before it is recorded.
    VoteReadBack,
    /// Esc on ballots already cast: throw them away?
    VoteDrop,
    /// A new vote after an earlier one: why (optional).
    VoteAgain,
    /// The notes and action items of the current point (`x`).
    Items,
    /// Workshop start, the recap having the focus.
    StartRecap,
    /// Opening a locked block: the reason read back, `j` or `n`.
    GateOverrideSure,
    /// The guidance of the block and the framework (`b`), read-only.
    Guidance,
    /// What happened to the point, from the journal (`h`), read-only.
    History,
    /// `wijktafel beamer`: the room's view; it only quits (no hints drawn).
    Beamer,
    /// Attendance over the workshop screen (`p`): arrivals and departures.
    Attendance,
    /// `P`: a topic being parked (text, who raised it), or a parked topic's closing word.
    Park,
    /// `c` in the parking lot: the closing word of a parked topic.
    ParkClose,
    /// `L`: the parking lot.
    Parking,
    /// `v` at the start: the previous minutes adopted, with amendments.
    Adopt,
    /// `t` at the start: the plan of the workshop (steps, minutes, start, end).
    Plan,
}

/// Which footer hints stay when the footer is narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Dropped (whole, from the end) when there is no room.
    Normal,
    /// Always shown: the help and the way out.
    Always,
    /// Shown only when the content scrolls.
    IfScrolls,
}

/// A typed command; only `update` turns it into state changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    NextPoint,
    PrevPoint,
    NextStep,
    PrevStep,
    MarkConsensus,
    MarkDissent,
    MarkOpen,
    MarkSkipped,
    /// A digit key, 1…9 as 0…8 and 0 as 9: the party with number n + 1
    /// (pick its stance, tick it, mark it present, select its ballot) or,
    /// after a NO-GO, the route n + 1.
    Digit(usize),
    /// This stance for the party being picked (issue 24: never by cycling).
    PickStance(crate::session::Stance),
    /// The selected party sent apologies (afgemeld), or not after all.
    Excused,
    FocusStances,
    StanceReason,
    /// Back to the attendance list (parties arrive or leave).
    Attendance,
    AddNote,
    AddAction,
    Vote,
    Info,
    Overview,
    Timer,
    Undo,
    Redo,
    EndWorkshop,
    Export,
    CycleTheme,
    Help,
    Quit,
    // generic list and dialog actions
    Up,
    Down,
    PageUp,
    PageDown,
    Confirm,
    Back,
    Toggle,
    NewSession,
    Demo,
    AddParty,
    /// A new line in a text field.
    NewLine,
    /// The next or previous field of a form.
    NextField,
    PrevField,
    /// Save again after a failed save.
    Retry,
    /// Write an emergency copy of the session.
    WriteCopy,
    /// The go/no-go: the selected party's choice.
    Cast(Choice),
    /// The next value of what is selected: the party's choice in the
    /// go/no-go, a step's minutes or a time in the plan (→).
    Next,
    /// Its previous value (←).
    Prev,
    /// The go/no-go: the facilitator defers the vote.
    Defer,
    /// A key for a text editor or dialog.
    Key(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// The clock ticked (once a second).
    Tick,
    Resize,
    /// The go/no-go: hold a new vote after an earlier one.
    NewVote,
    /// Open the notes and action items of the current point.
    Items,
    /// Delete the selected note or action item (after a question).
    RemoveItem,
    /// In the overview: a digit or dot of a point or step id typed (Backspace: one less).
    GoToId,
    /// The editing keys of every text field (Ctrl+U, Ctrl+W, Home/End): the
    /// editor handles them (`widgets::editor::edit`); the row is their help and hint.
    EditKeys,
    /// Mark the chosen open dissent resolved (from the recap).
    ResolveDissent,
    /// Mark the chosen open action item done (from the recap).
    RecapDone,
    /// Open the guidance of the current block and of the framework.
    Guidance,
    /// Open what happened to the current point (the journal).
    History,
    /// The main screen's focus view on or off.
    FocusView,
    /// Back from the focus view to the normal main screen (Esc).
    LeaveFocus,
    /// Park a topic outside the current point.
    Park,
    /// Open the parking lot.
    Parking,
    /// The chosen parked topic becomes a note, an action item of the current point, or is closed.
    ParkedNote,
    ParkedAction,
    ParkedClose,
    /// Adopt the previous workshop's minutes.
    Adopt,
    /// Plan the workshop: its steps with their budgets, start and end.
    Plan,
    /// In the plan: spread the minutes over the steps again.
    Spread,
    /// The next sort order of the areas.
    SortAreas,
    /// Only the next municipality's areas (then all again).
    NextMunicipality,
}

/// A key: a code plus the modifiers that must be held (Shift is ignored for characters).
#[derive(Debug, Clone, Copy)]
pub struct Key(pub KeyCode, pub KeyModifiers);

impl Key {
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let mods = ev.modifiers - KeyModifiers::SHIFT;
        let want = self.1 - KeyModifiers::SHIFT;
        if mods != want {
            return false;
        }
        match (self.0, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

type Text = fn(&Strings) -> &'static str;

pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    /// How the keys are written in the help and footer.
    pub label: &'static str,
    pub action: Action,
    pub help: Text,
    /// Short text for the footer; `None` keeps the binding out of the footer.
    pub footer: Option<Text>,
    /// How the keys are written in the footer (shorter than `label`).
    pub footer_label: &'static str,
    /// Whether the footer hint stays when space is short.
    pub keep: Keep,
}

mod table;
pub use table::BINDINGS;

/// The action bound to a key in a context.
pub fn lookup(ctx: Ctx, ev: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action.clone())
}

/// A key's name as the language writes it: the table writes the Dutch
/// "Spatie" and "j" (ja); in English they read "Space" and "y" (both keys work).
pub fn key_label(label: &'static str, s: &Strings) -> &'static str {
    match label {
        "Spatie" => s.key_space,
        "Spatie/Enter" => s.key_space_enter,
        "Spatie/1–9" => s.key_space_digits,
        "j" => s.key_yes,
        "j/Enter" => s.key_yes_enter,
        other => other,
    }
}

/// The bindings shown in the help of a context (rows with a label).
pub fn help_rows(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctx == ctx && !b.label.is_empty())
}

/// The footer hints of a context, in table order: key, text, and whether it stays.
pub fn footer(ctx: Ctx, s: &Strings) -> Vec<(&'static str, &'static str, Keep)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .filter_map(|b| {
            b.footer
                .map(|f| (key_label(b.footer_label, s), f(s), b.keep))
        })
        .collect()
}

/// A key pressed in a dialog that takes raw keys: the command the table
/// binds to it in `ctx` (Enter, Esc, Tab, …), if any.
pub fn command(ctx: Ctx, action: &Action) -> Option<Action> {
    match action {
        Action::Key(ev) => lookup(ctx, ev),
        _ => None,
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
