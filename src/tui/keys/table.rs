//! The key table: every binding of the application, one line each,
//! grouped by context in the order of [`Ctx`]. Within a context the order
//! is the footer's and the help's (and the first binding of a key wins).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::{Action, Binding, Ctx, Keep, Key};
use crate::session::Stance;
use crate::vote::Choice;

const fn ch(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn alt(c: KeyCode) -> Key {
    Key(c, KeyModifiers::ALT)
}
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const F1: Key = code(KeyCode::F(1));

macro_rules! b {
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| s.$help, footer: None, footer_label: "", keep: Keep::Normal }
    };
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident, $short:ident, $fl:expr) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| s.$help, footer: Some(|s| s.$short), footer_label: $fl, keep: Keep::Normal }
    };
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident, $short:ident, $fl:expr, $keep:ident) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| s.$help, footer: Some(|s| s.$short), footer_label: $fl, keep: Keep::$keep }
    };
}

/// A binding whose texts are the stance keys' (`i18n/stances.rs`, issue 24).
macro_rules! bs {
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| crate::i18n::lang_of(s).stances().$help, footer: None, footer_label: "", keep: Keep::Normal }
    };
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident, $short:ident, $fl:expr) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| crate::i18n::lang_of(s).stances().$help, footer: Some(|s| crate::i18n::lang_of(s).stances().$short), footer_label: $fl, keep: Keep::Normal }
    };
}

/// Every key binding of the application, one line each.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // ---- Main: The projected workshop screen.
    // the footer keeps hints in this order while there is room (two lines at 80 columns)
    b!(Main, [ch('j'), code(KeyCode::Down)], "j/↓", Action::NextPoint, key_next_point, key_short_point, "j/k"),
    b!(Main, [ch('k'), code(KeyCode::Up)], "k/↑", Action::PrevPoint, key_prev_point),
    b!(Main, [ch('J'), code(KeyCode::PageDown)], "J/PgDn", Action::NextStep, key_next_step, key_short_step, "J/K"),
    b!(Main, [ch('K'), code(KeyCode::PageUp)], "K/PgUp", Action::PrevStep, key_prev_step),
    b!(Main, [ch('c')], "c", Action::MarkConsensus, key_consensus, key_consensus, "c"),
    b!(Main, [ch('d')], "d", Action::MarkDissent, key_dissent, key_short_dissent, "d"),
    b!(Main, [code(KeyCode::Tab)], "Tab", Action::FocusStances, key_stance_focus, hint_stance_tab, "Tab"),
    b!(Main, [ch('n')], "n", Action::AddNote, key_note, key_note, "n"),
    b!(Main, [ch('a')], "a", Action::AddAction, key_action, key_short_action, "a"),
    b!(Main, [ch('v')], "v", Action::Vote, key_vote, key_short_vote, "v"),
    b!(Main, [ch('w')], "w", Action::EndWorkshop, key_end, hint_end, "w"),
    b!(Main, [ch('s')], "s", Action::MarkSkipped, key_skip, key_short_skip, "s"),
    b!(Main, [ch('p')], "p", Action::Attendance, key_attendance, hint_attendance_short, "p"),
    b!(Main, [ch('1')], "1…9, 0", Action::Digit(0), key_stance, key_short_party, "1–9"),
    b!(Main, [ch('2')], "", Action::Digit(1), key_stance),
    b!(Main, [ch('3')], "", Action::Digit(2), key_stance),
    b!(Main, [ch('4')], "", Action::Digit(3), key_stance),
    b!(Main, [ch('5')], "", Action::Digit(4), key_stance),
    b!(Main, [ch('6')], "", Action::Digit(5), key_stance),
    b!(Main, [ch('7')], "", Action::Digit(6), key_stance),
    b!(Main, [ch('8')], "", Action::Digit(7), key_stance),
    b!(Main, [ch('9')], "", Action::Digit(8), key_stance),
    b!(Main, [ch('0')], "", Action::Digit(9), key_stance),
    b!(Main, [ch('u')], "u", Action::Undo, key_undo, hint_undo_short, "u"),
    b!(Main, [ch('g')], "g", Action::Overview, key_overview, hint_overview_short, "g"),
    b!(Main, [ch('o')], "o", Action::MarkOpen, key_open),
    b!(Main, [ch('i')], "i", Action::Info, key_info),
    b!(Main, [ch('b')], "b", Action::Guidance, key_guidance),
    b!(Main, [ch('h')], "h", Action::History, key_history),
    b!(Main, [ch('t')], "t", Action::Timer, key_timer),
    b!(Main, [ctrl('r')], "Ctrl+r", Action::Redo, key_redo),
    b!(Main, [ch('e')], "e", Action::Export, key_export),
    b!(Main, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(Main, [ch('?'), code(KeyCode::F(1))], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Main, [ch('q')], "q", Action::Quit, key_quit, key_short_quit, "q", Always),
    b!(Main, [ch('x')], "x", Action::Items, key_items),
    // `f` was free on the main screen; Esc had no meaning there
    b!(Main, [ch('f')], "f", Action::FocusView, key_focus, key_short_focus, "f", Always),
    b!(Main, [ESC], "Esc", Action::LeaveFocus, key_focus_leave),
    b!(Main, [ch('P')], "P", Action::Park, key_park),
    b!(Main, [ch('L')], "L", Action::Parking, key_parking),

    // ---- Stances: The stance panel has focus (arrows pick a party).
    // stance panel with focus
    b!(Stances, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, key_stance_focus, hint_choose, "↑↓"),
    b!(Stances, [ch('j'), code(KeyCode::Down)], "", Action::Down, key_stance_focus),
    b!(Stances, [ch(' '), ENTER], "Spatie/Enter", Action::Toggle, key_stance_cycle, key_short_party, "Spatie"),
    b!(Stances, [ch('r')], "r", Action::StanceReason, key_stance_reason, hint_reason, "r"),
    bs!(Stances, [ch('e')], "e", Action::PickStance(Stance::Agree), key_pick_agree, hint_direct, "e/v/o/n"),
    bs!(Stances, [ch('v')], "v", Action::PickStance(Stance::Reservations), key_pick_reservations),
    bs!(Stances, [ch('o')], "o", Action::PickStance(Stance::Disagree), key_pick_disagree),
    bs!(Stances, [ch('n')], "n", Action::PickStance(Stance::NotStated), key_pick_none),
    b!(Stances, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Stances, [code(KeyCode::Tab), ESC], "Tab/Esc", Action::Back, key_stance_leave, hint_back, "Esc", Always),

    // ---- Overview: The overview of all points (`g`).
    // overview (the footer keeps hints in this order while there is room)
    b!(Overview, [ENTER], "Enter", Action::Confirm, hint_jump, hint_jump, "Enter"),
    b!(Overview, [ch('1'), ch('2'), ch('3'), ch('4'), ch('5'), ch('6'), ch('7'), ch('8'), ch('9'), ch('0'), ch('.'), code(KeyCode::Backspace)], "1.2.4", Action::GoToId, key_overview_id, hint_overview_id, "1.2.4"),
    b!(Overview, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Overview, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Overview, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page, hint_page, "PgUp/PgDn"),
    b!(Overview, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_page),
    b!(Overview, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Overview, [ESC, ch('g'), ch('q')], "Esc", Action::Back, hint_back, hint_back, "Esc", Always),

    // ---- Reading: Read-only overlays (help, info).
    // help and info
    b!(Reading, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_scroll, hint_scroll, "↑↓", IfScrolls),
    b!(Reading, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_scroll),
    b!(Reading, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page, hint_page, "PgUp/PgDn", IfScrolls),
    b!(Reading, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_scroll),
    b!(Reading, [ESC, ch('?'), ch('q'), ch('i'), ENTER, F1], "Esc", Action::Back, help_close, hint_close, "Esc", Always),

    // ---- Home: The list of sessions.
    // home
    b!(Home, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Home, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Home, [ENTER], "Enter", Action::Confirm, hint_open, hint_open, "Enter"),
    b!(Home, [ch('n')], "n", Action::NewSession, form_title, hint_new_session, "n"),
    b!(Home, [ch('d')], "d", Action::Demo, key_demo, hint_demo, "d"),
    b!(Home, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(Home, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Home, [ch('q'), ESC], "q", Action::Quit, key_quit, key_short_quit, "q", Always),
    // home: the areas, with more than one session
    Binding { ctx: Ctx::Home, keys: &[ch('s')], label: "s", action: Action::SortAreas, help: |s| crate::i18n::lang_of(s).overview().key_sort_help, footer: Some(|s| crate::i18n::lang_of(s).overview().key_sort), footer_label: "s", keep: Keep::Normal },
    Binding { ctx: Ctx::Home, keys: &[ch('m')], label: "m", action: Action::NextMunicipality, help: |s| crate::i18n::lang_of(s).overview().key_municipality_help, footer: Some(|s| crate::i18n::lang_of(s).overview().key_municipality), footer_label: "m", keep: Keep::Normal },

    // ---- Start: Workshop start: recap and attendance.
    // workshop start
    b!(Start, [ENTER, ESC], "Enter/Esc", Action::Confirm, hint_to_agenda, hint_to_agenda, "Enter"),
    b!(Start, [ch(' ')], "Spatie", Action::Toggle, key_present_toggle, hint_present, "Spatie/1–9"),
    b!(Start, [code(KeyCode::Tab)], "Tab", Action::NextField, key_recap_focus, hint_recap, "Tab"),
    b!(Start, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Start, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Start, [ch('1')], "1…9, 0", Action::Digit(0), key_present_n),
    b!(Start, [ch('2')], "", Action::Digit(1), hint_present),
    b!(Start, [ch('3')], "", Action::Digit(2), hint_present),
    b!(Start, [ch('4')], "", Action::Digit(3), hint_present),
    b!(Start, [ch('5')], "", Action::Digit(4), hint_present),
    b!(Start, [ch('6')], "", Action::Digit(5), hint_present),
    b!(Start, [ch('7')], "", Action::Digit(6), hint_present),
    b!(Start, [ch('8')], "", Action::Digit(7), hint_present),
    b!(Start, [ch('9')], "", Action::Digit(8), hint_present),
    b!(Start, [ch('0')], "", Action::Digit(9), hint_present),
    b!(Start, [ch('a')], "a", Action::AddParty, start_add_party, hint_add_party, "a"),
    // attendance in three states: aanwezig, afgemeld, afwezig
    bs!(Start, [ch('m')], "m", Action::Excused, key_excused, hint_excused, "m"),
    b!(Start, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(Start, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Start, [ch('q')], "q", Action::Quit, key_quit, key_short_quit, "q", Always),
    b!(Start, [code(KeyCode::PageUp)], "PgUp/PgDn", Action::PageUp, key_recap_scroll, hint_page, "PgUp/PgDn", IfScrolls),
    b!(Start, [code(KeyCode::PageDown)], "", Action::PageDown, key_recap_scroll),
    b!(Start, [ch('v')], "v", Action::Adopt, key_adopt, hint_adopt, "v"),
    // the plan of the workshop with its time budget (`t` at the start)
    Binding { ctx: Ctx::Start, keys: &[ch('t')], label: "t", action: Action::Plan, help: |s| crate::i18n::lang_of(s).plan().key_plan, footer: Some(|s| crate::i18n::lang_of(s).plan().key_plan_short), footer_label: "t", keep: Keep::Normal },

    // ---- Note: A note being typed.
    // a note being typed
    b!(Note, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(Note, [alt(KeyCode::Enter), ctrl('j')], "Alt+Enter", Action::NewLine, hint_newline, hint_newline, "Alt+Enter"),
    b!(Note, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(Note, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Note, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Skip: A skip reason being typed.
    // skip: the reason
    b!(Skip, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(Skip, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(Skip, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Skip, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- DissentParties: The dissent dialog, its party list having the focus.
    // dissent, the party list having the focus
    b!(DissentParties, [ENTER], "Enter", Action::Confirm, hint_record, hint_record, "Enter"),
    b!(DissentParties, [code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", Action::NextField, hint_reason, hint_reason, "Tab"),
    b!(DissentParties, [ch('1')], "1…9, 0", Action::Digit(0), key_toggle_party_n, hint_toggle_party, "1–9"),
    b!(DissentParties, [ch('2')], "", Action::Digit(1), hint_toggle_party),
    b!(DissentParties, [ch('3')], "", Action::Digit(2), hint_toggle_party),
    b!(DissentParties, [ch('4')], "", Action::Digit(3), hint_toggle_party),
    b!(DissentParties, [ch('5')], "", Action::Digit(4), hint_toggle_party),
    b!(DissentParties, [ch('6')], "", Action::Digit(5), hint_toggle_party),
    b!(DissentParties, [ch('7')], "", Action::Digit(6), hint_toggle_party),
    b!(DissentParties, [ch('8')], "", Action::Digit(7), hint_toggle_party),
    b!(DissentParties, [ch('9')], "", Action::Digit(8), hint_toggle_party),
    b!(DissentParties, [ch('0')], "", Action::Digit(9), hint_toggle_party),
    b!(DissentParties, [ch(' ')], "Spatie", Action::Toggle, hint_toggle_party),
    // arrows only: every letter typed over the list goes to the reason
    b!(DissentParties, [code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(DissentParties, [code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(DissentParties, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(DissentParties, [ESC], "Esc", Action::Back, hint_back, hint_back, "Esc", Always),

    // ---- Dissent: The dissent dialog, its reason having the focus.
    // dissent, the reason having the focus
    b!(Dissent, [ENTER], "Enter", Action::Confirm, hint_record, hint_record, "Enter"),
    b!(Dissent, [code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", Action::PrevField, hint_to_parties, hint_to_parties, "Tab"),
    b!(Dissent, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(Dissent, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Dissent, [ESC], "Esc", Action::Back, hint_back, hint_back, "Esc", Always),

    // ---- StanceReason: A party's reason for its stance.
    // a party's reason for its stance
    b!(StanceReason, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(StanceReason, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(StanceReason, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(StanceReason, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- StancePick: A party's stance being picked (after its digit): e, v, o, n.
    // the picker lists these four in its body (from this table), whole
    bs!(StancePick, [ch('e')], "e", Action::PickStance(Stance::Agree), key_pick_agree),
    bs!(StancePick, [ch('v')], "v", Action::PickStance(Stance::Reservations), key_pick_reservations),
    bs!(StancePick, [ch('o')], "o", Action::PickStance(Stance::Disagree), key_pick_disagree),
    bs!(StancePick, [ch('n')], "n", Action::PickStance(Stance::NotStated), key_pick_none),
    b!(StancePick, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(StancePick, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- StanceThen: What a stance change makes of the point's status: consensus or open.
    bs!(StanceThen, [ch('c')], "c", Action::MarkConsensus, key_then_consensus, then_consensus, "c"),
    bs!(StanceThen, [ch('o')], "o", Action::MarkOpen, key_then_open, then_open, "o"),
    b!(StanceThen, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(StanceThen, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- ActionItem: The action-item form.
    // the action-item form (←→ and Space choose the owner at Who; in the text fields they edit)
    b!(ActionItem, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(ActionItem, [code(KeyCode::Tab)], "Tab", Action::NextField, hint_next_field, hint_next_field, "Tab"),
    b!(ActionItem, [code(KeyCode::BackTab)], "Shift+Tab", Action::PrevField, hint_prev_field),
    b!(ActionItem, [code(KeyCode::Left)], "←→", Action::Up, key_pick_owner, hint_pick_owner, "←→"),
    b!(ActionItem, [code(KeyCode::Right), ch(' ')], "", Action::Down, key_pick_owner),
    b!(ActionItem, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(ActionItem, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(ActionItem, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- AddParty: A party added at the start of a workshop.
    // a party added at the start of a workshop
    b!(AddParty, [ENTER], "Enter", Action::Confirm, hint_add, hint_add, "Enter"),
    b!(AddParty, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(AddParty, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(AddParty, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- NewSession: The new-session form.
    // the new-session form
    b!(NewSession, [ENTER], "Enter", Action::Confirm, hint_create, hint_create, "Enter"),
    b!(NewSession, [code(KeyCode::Tab)], "Tab", Action::NextField, hint_next_field, hint_next_field, "Tab"),
    b!(NewSession, [code(KeyCode::BackTab)], "Shift+Tab", Action::PrevField, hint_prev_field),
    b!(NewSession, [alt(KeyCode::Enter), ctrl('j')], "Alt+Enter", Action::NewLine, key_newline_parties, hint_newline, "Alt+Enter"),
    b!(NewSession, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(NewSession, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(NewSession, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Confirm: A yes/no question.
    // questions
    b!(Confirm, [ch('j'), ch('y'), ENTER], "j/Enter", Action::Confirm, hint_yes, hint_yes, "j", Always),
    b!(Confirm, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Confirm, [ch('n'), ESC], "n/Esc", Action::Back, hint_no, hint_no, "n/Esc", Always),

    // ---- Discard: "Throw away the typed text?"
    b!(Discard, [ch('j'), ch('y')], "j", Action::Confirm, hint_discard, hint_discard, "j", Always),
    b!(Discard, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Discard, [ch('n'), ESC], "n/Esc", Action::Back, hint_keep, hint_keep, "n/Esc", Always),

    // ---- GateOverride: The reason for opening a locked block.
    // the reason for opening a locked block
    b!(GateOverride, [ENTER], "Enter", Action::Confirm, hint_unlock, hint_unlock, "Enter"),
    b!(GateOverride, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(GateOverride, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(GateOverride, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Vote: The go/no-go: ballots per party.
    // the ballots (the footer keeps hints in this order while there is room)
    b!(Vote, [ch('g'), ch('G')], "g", Action::Cast(Choice::Go), vote_go, vote_go, "g"),
    b!(Vote, [ch('n'), ch('N')], "n", Action::Cast(Choice::NoGo), vote_no_go, vote_no_go, "n"),
    b!(Vote, [ch('o'), ch('O'), ch('a'), ch('A')], "o/a", Action::Cast(Choice::Abstain), vote_abstain, vote_abstain, "o"),
    b!(Vote, [ENTER], "Enter", Action::Confirm, key_vote_close, hint_close_vote, "Enter"),
    b!(Vote, [ch('k'), code(KeyCode::Up)], "↑↓, 1…9, 0", Action::Up, key_vote_party, hint_party, "↑↓/1–9"),
    b!(Vote, [ch('j'), code(KeyCode::Down)], "", Action::Down, key_vote_party),
    b!(Vote, [ch('1')], "", Action::Digit(0), key_vote_party),
    b!(Vote, [ch('2')], "", Action::Digit(1), key_vote_party),
    b!(Vote, [ch('3')], "", Action::Digit(2), key_vote_party),
    b!(Vote, [ch('4')], "", Action::Digit(3), key_vote_party),
    b!(Vote, [ch('5')], "", Action::Digit(4), key_vote_party),
    b!(Vote, [ch('6')], "", Action::Digit(5), key_vote_party),
    b!(Vote, [ch('7')], "", Action::Digit(6), key_vote_party),
    b!(Vote, [ch('8')], "", Action::Digit(7), key_vote_party),
    b!(Vote, [ch('9')], "", Action::Digit(8), key_vote_party),
    b!(Vote, [ch('0')], "", Action::Digit(9), key_vote_party),
    b!(Vote, [ch('r'), ch('R')], "r", Action::StanceReason, key_vote_reason, hint_reason, "r"),
    b!(Vote, [ch('u'), ch('U')], "u", Action::Defer, key_vote_defer, hint_defer, "u"),
    b!(Vote, [code(KeyCode::Right)], "←→", Action::Next, key_vote_cycle, hint_cycle, "←→"),
    b!(Vote, [code(KeyCode::Left)], "", Action::Prev, key_vote_cycle),
    b!(Vote, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Vote, [ESC], "Esc", Action::Back, key_vote_back, hint_back, "Esc", Always),

    // ---- VoteReason: The go/no-go: a party's reason being typed.
    // a party's reason for its ballot
    b!(VoteReason, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(VoteReason, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(VoteReason, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(VoteReason, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- FollowUp: The go/no-go after a NO-GO: route and revisit date.
    // after a NO-GO: route, "other" text, revisit date
    b!(FollowUp, [ch('k'), code(KeyCode::Up)], "↑↓, 1…", Action::Up, key_route, hint_route, "↑↓/1…"),
    b!(FollowUp, [ch('j'), code(KeyCode::Down)], "", Action::Down, key_route),
    b!(FollowUp, [ch('1')], "", Action::Digit(0), key_route),
    b!(FollowUp, [ch('2')], "", Action::Digit(1), key_route),
    b!(FollowUp, [ch('3')], "", Action::Digit(2), key_route),
    b!(FollowUp, [ch('4')], "", Action::Digit(3), key_route),
    b!(FollowUp, [ch('5')], "", Action::Digit(4), key_route),
    b!(FollowUp, [code(KeyCode::Tab)], "Tab", Action::NextField, key_next_field, hint_next_field, "Tab"),
    b!(FollowUp, [code(KeyCode::BackTab)], "Shift+Tab", Action::PrevField, key_prev_field),
    b!(FollowUp, [ENTER], "Enter", Action::Confirm, key_vote_close, hint_record, "Enter"),
    b!(FollowUp, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(FollowUp, [ESC], "Esc", Action::Back, key_followup_back, hint_back, "Esc", Always),

    // ---- Defer: The go/no-go deferred by the facilitator: the reason.
    // the facilitator defers: the reason
    b!(Defer, [ENTER], "Enter", Action::Confirm, key_vote_defer, hint_record, "Enter"),
    b!(Defer, [code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", Action::NextField, key_defer_who, hint_defer_who, "Tab"),
    b!(Defer, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(Defer, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Defer, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Banner: The outcome in large letters.
    // the outcome in large letters: any key goes on
    b!(Banner, [ENTER, ESC, ch(' ')], "Enter/Esc", Action::Back, banner_hint, hint_continue, "Enter/Esc", Always),

    // ---- Summary: The end-of-workshop summary.
    // the end-of-workshop summary
    b!(Summary, [ENTER], "Enter", Action::Confirm, key_summary_finish, hint_finish, "Enter"),
    b!(Summary, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Summary, [ESC, ch('q')], "Esc", Action::Back, hint_back, hint_back, "Esc", Always),
    b!(Summary, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_scroll, hint_scroll, "↑↓", IfScrolls),
    b!(Summary, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_scroll),
    b!(Summary, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page, hint_page, "PgUp/PgDn", IfScrolls),
    b!(Summary, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_page),

    // ---- Unsaved: Quitting while the last save failed.
    b!(Unsaved, [ch('r')], "r", Action::Retry, unsaved_retry, unsaved_retry, "r"),
    b!(Unsaved, [ch('k')], "k", Action::WriteCopy, unsaved_copy, unsaved_copy, "k", Always),
    b!(Unsaved, [ch('q')], "q", Action::Quit, unsaved_quit, unsaved_quit, "q", Always),
    b!(Unsaved, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Unsaved, [ESC], "Esc", Action::Back, unsaved_back, hint_back, "Esc", Always),

    // ---- UnsavedSure: "Quit anyway?" after a failed save.
    b!(UnsavedSure, [ch('j'), ch('y')], "j", Action::Confirm, unsaved_quit, hint_yes, "j", Always),
    b!(UnsavedSure, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(UnsavedSure, [ch('n'), ESC], "n/Esc", Action::Back, unsaved_back, hint_back, "n/Esc", Always),

    // ---- VoteEarlier: The go/no-go when a vote was held before: that vote, and a new one?
    // an earlier vote: hold a new one, or go back
    b!(VoteEarlier, [ch('n'), ch('N')], "n", Action::NewVote, key_vote_new, hint_vote_new, "n"),
    b!(VoteEarlier, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(VoteEarlier, [ESC, ch('q')], "Esc", Action::Back, key_vote_earlier_back, hint_back, "Esc", Always),

    // ---- VoteReadBack: The go/no-go read back before it is recorded.
    // the read-back: Enter records, Esc corrects
    b!(VoteReadBack, [ENTER], "Enter", Action::Confirm, key_vote_confirm, hint_confirm, "Enter"),
    b!(VoteReadBack, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(VoteReadBack, [ESC], "Esc", Action::Back, key_vote_correct, hint_correct, "Esc", Always),

    // ---- VoteDrop: Esc on ballots already cast: throw them away?
    // Esc on ballots already cast
    b!(VoteDrop, [ch('j'), ch('y')], "j", Action::Confirm, key_vote_drop, hint_discard, "j", Always),
    b!(VoteDrop, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(VoteDrop, [ch('n'), ESC], "n/Esc", Action::Back, key_vote_keep, hint_back, "n/Esc", Always),

    // ---- VoteAgain: A new vote after an earlier one: why (optional).
    // a new vote: why the room votes again (optional)
    b!(VoteAgain, [ENTER], "Enter", Action::Confirm, key_vote_again, hint_to_ballots, "Enter"),
    b!(VoteAgain, [], "Ctrl+U, Ctrl+W, Home/End", Action::EditKeys, key_edit_keys, hint_clear, "Ctrl+U"),
    b!(VoteAgain, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(VoteAgain, [ESC], "Esc", Action::Back, key_vote_again_back, hint_back, "Esc", Always),

    // ---- Items: The notes and action items of the current point (`x`).
    // the notes and action items of the point (the footer keeps hints in this order while there is room)
    b!(Items, [ENTER], "Enter", Action::Confirm, key_items_edit, hint_edit, "Enter"),
    b!(Items, [ch('x'), ch(' ')], "x", Action::Toggle, key_items_done, hint_done, "x"),
    b!(Items, [code(KeyCode::Delete), ch('-')], "Del/-", Action::RemoveItem, key_items_remove, hint_remove, "Del"),
    b!(Items, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Items, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Items, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page),
    b!(Items, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_page),
    b!(Items, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Items, [ESC, ch('q')], "Esc", Action::Back, hint_close, hint_close, "Esc", Always),

    // ---- StartRecap: Workshop start, the recap having the focus.
    b!(StartRecap, [ENTER], "Enter", Action::Confirm, hint_to_agenda, hint_to_agenda, "Enter"),
    b!(StartRecap, [ch('r')], "r", Action::ResolveDissent, key_resolve, hint_resolve, "r"),
    b!(StartRecap, [ch('x')], "x", Action::RecapDone, key_recap_done, hint_done_short, "x"),
    b!(StartRecap, [code(KeyCode::Tab), ESC], "Tab/Esc", Action::NextField, key_attendance_focus, hint_attendance_focus, "Tab"),
    b!(StartRecap, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, key_recap_choose, hint_choose, "↑↓"),
    b!(StartRecap, [ch('j'), code(KeyCode::Down)], "", Action::Down, key_recap_choose),
    b!(StartRecap, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, key_recap_scroll, hint_page, "PgUp/PgDn", IfScrolls),
    b!(StartRecap, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, key_recap_scroll),
    b!(StartRecap, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(StartRecap, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(StartRecap, [ch('q')], "q", Action::Quit, key_quit, key_short_quit, "q", Always),
    b!(StartRecap, [ch('v')], "v", Action::Adopt, key_adopt, hint_adopt, "v"),
    Binding { ctx: Ctx::StartRecap, keys: &[ch('t')], label: "t", action: Action::Plan, help: |s| crate::i18n::lang_of(s).plan().key_plan, footer: Some(|s| crate::i18n::lang_of(s).plan().key_plan_short), footer_label: "t", keep: Keep::Normal },

    // ---- GateOverrideSure: Opening a locked block: the reason read back, `j` or `n`.
    b!(GateOverrideSure, [ch('j'), ch('y')], "j", Action::Confirm, override_open, override_open, "j", Always),
    b!(GateOverrideSure, [F1, ch('?')], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(GateOverrideSure, [ch('n'), ESC], "n/Esc", Action::Back, override_back, override_back, "n/Esc", Always),

    // ---- Guidance: The guidance of the block and the framework (`b`), read-only.
    // the guidance of the block (`b`)
    b!(Guidance, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_scroll, hint_scroll, "↑↓", IfScrolls),
    b!(Guidance, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_scroll),
    b!(Guidance, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page, hint_page, "PgUp/PgDn", IfScrolls),
    b!(Guidance, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_scroll),
    b!(Guidance, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Guidance, [ESC, ch('b'), ch('q'), ENTER], "Esc", Action::Back, help_close, hint_close, "Esc", Always),

    // ---- History: What happened to the point, from the journal (`h`), read-only.
    b!(History, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_scroll, hint_scroll, "↑↓", IfScrolls),
    b!(History, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_scroll),
    b!(History, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page, hint_page, "PgUp/PgDn", IfScrolls),
    b!(History, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_scroll),
    b!(History, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(History, [ESC, ch('h'), ch('q'), ENTER], "Esc", Action::Back, help_close, hint_close, "Esc", Always),

    // ---- Beamer: `wijktafel beamer`: the room's view; it only quits (no hints drawn).
    b!(Beamer, [ch('q'), ESC, ctrl('c')], "q/Esc/Ctrl+c", Action::Quit, key_beamer_quit),

    // ---- Attendance: Attendance over the workshop screen (`p`): arrivals and departures.
    // attendance over the point (`p`)
    b!(Attendance, [ch(' ')], "Spatie", Action::Toggle, key_present_toggle, hint_present, "Spatie"),
    b!(Attendance, [ch('1')], "1…9, 0", Action::Digit(0), key_present_n, hint_present_n, "1–9"),
    b!(Attendance, [ch('2')], "", Action::Digit(1), key_present_n),
    b!(Attendance, [ch('3')], "", Action::Digit(2), key_present_n),
    b!(Attendance, [ch('4')], "", Action::Digit(3), key_present_n),
    b!(Attendance, [ch('5')], "", Action::Digit(4), key_present_n),
    b!(Attendance, [ch('6')], "", Action::Digit(5), key_present_n),
    b!(Attendance, [ch('7')], "", Action::Digit(6), key_present_n),
    b!(Attendance, [ch('8')], "", Action::Digit(7), key_present_n),
    b!(Attendance, [ch('9')], "", Action::Digit(8), key_present_n),
    b!(Attendance, [ch('0')], "", Action::Digit(9), key_present_n),
    bs!(Attendance, [ch('m')], "m", Action::Excused, key_excused, hint_excused, "m"),
    b!(Attendance, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Attendance, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Attendance, [code(KeyCode::PageUp), ch('K')], "PgUp/PgDn", Action::PageUp, hint_page),
    b!(Attendance, [code(KeyCode::PageDown), ch('J')], "", Action::PageDown, hint_page),
    b!(Attendance, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Attendance, [ESC, ENTER, ch('p'), ch('q')], "Esc/Enter", Action::Back, hint_close, hint_close, "Esc", Always),

    // ---- Park: `P`: a topic being parked (text, who raised it), or a parked topic's closing word.
    b!(Park, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(Park, [code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", Action::NextField, hint_next_field, hint_next_field, "Tab"),
    b!(Park, [code(KeyCode::Left)], "←→", Action::Up, key_pick_party, hint_pick_owner, "←→"),
    b!(Park, [code(KeyCode::Right)], "", Action::Down, key_pick_party),
    b!(Park, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Park, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- ParkClose: `c` in the parking lot: the closing word of a parked topic.
    b!(ParkClose, [ENTER], "Enter", Action::Confirm, hint_save, hint_save, "Enter"),
    b!(ParkClose, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(ParkClose, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Parking: `L`: the parking lot.
    b!(Parking, [ch('k'), code(KeyCode::Up)], "↑↓", Action::Up, hint_choose, hint_choose, "↑↓"),
    b!(Parking, [ch('j'), code(KeyCode::Down)], "", Action::Down, hint_choose),
    b!(Parking, [ch('n')], "n", Action::ParkedNote, key_parked_note, hint_to_note, "n"),
    b!(Parking, [ch('a')], "a", Action::ParkedAction, key_parked_action, hint_to_action, "a"),
    b!(Parking, [ch('c')], "c", Action::ParkedClose, key_parked_close, hint_close_topic, "c"),
    b!(Parking, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Parking, [ESC, ch('q'), ch('L')], "Esc", Action::Back, hint_close, hint_close, "Esc", Always),

    // ---- Adopt: `v` at the start: the previous minutes adopted, with amendments.
    b!(Adopt, [ENTER], "Enter", Action::Confirm, hint_add_or_adopt, hint_add_or_adopt, "Enter"),
    b!(Adopt, [code(KeyCode::Tab)], "Tab", Action::NextField, hint_next_field, hint_next_field, "Tab"),
    b!(Adopt, [code(KeyCode::BackTab)], "Shift+Tab", Action::PrevField, hint_prev_field),
    b!(Adopt, [code(KeyCode::Left)], "←→", Action::Up, key_pick_party, hint_pick_owner, "←→"),
    b!(Adopt, [code(KeyCode::Right)], "", Action::Down, key_pick_party),
    b!(Adopt, [F1], "F1", Action::Help, key_help, key_short_more, "F1", Always),
    b!(Adopt, [ESC], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),

    // ---- Plan: `t` at the start: the plan of the workshop (steps, minutes, start, end).
    Binding { ctx: Ctx::Plan, keys: &[ENTER], label: "Enter", action: Action::Confirm, help: |s| crate::i18n::lang_of(s).plan().key_save, footer: Some(|s| s.hint_save), footer_label: "Enter", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[ch(' ')], label: "Spatie", action: Action::Toggle, help: |s| crate::i18n::lang_of(s).plan().key_toggle, footer: Some(|s| crate::i18n::lang_of(s).plan().key_toggle_short), footer_label: "Spatie", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[code(KeyCode::Left)], label: "←→", action: Action::Prev, help: |s| crate::i18n::lang_of(s).plan().key_change, footer: Some(|s| crate::i18n::lang_of(s).plan().key_change_short), footer_label: "←→", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[code(KeyCode::Right)], label: "", action: Action::Next, help: |s| crate::i18n::lang_of(s).plan().key_change, footer: None, footer_label: "", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[ch('k'), code(KeyCode::Up)], label: "↑↓", action: Action::Up, help: |s| crate::i18n::lang_of(s).plan().key_rows, footer: Some(|s| s.hint_choose), footer_label: "↑↓", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[ch('j'), code(KeyCode::Down)], label: "", action: Action::Down, help: |s| crate::i18n::lang_of(s).plan().key_rows, footer: None, footer_label: "", keep: Keep::Normal },
    Binding { ctx: Ctx::Plan, keys: &[ch('d')], label: "d", action: Action::Spread, help: |s| crate::i18n::lang_of(s).plan().key_spread, footer: Some(|s| crate::i18n::lang_of(s).plan().key_spread_short), footer_label: "d", keep: Keep::Normal },
    b!(Plan, [ch('?'), F1], "?", Action::Help, key_help, key_short_more, "?", Always),
    b!(Plan, [ESC, ch('q')], "Esc", Action::Back, hint_cancel, hint_cancel, "Esc", Always),
];
