//! The key table: one list of bindings that drives dispatch, the footer and
//! the `?` help alike, so what is shown is what runs.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Strings;

/// Where a binding applies.
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
    /// Cycle the stance of the n-th present party (0-based).
    Stance(usize),
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
    /// A key for a text editor or dialog.
    Key(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// The clock ticked (once a second).
    Tick,
    Resize,
}

/// A key: a code plus the modifiers that must be held (Shift is ignored for characters).
#[derive(Debug, Clone, Copy)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn ch(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

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
}

macro_rules! b {
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| s.$help, footer: None, footer_label: "" }
    };
    ($ctx:ident, [$($k:expr),*], $label:expr, $action:expr, $help:ident, $short:ident, $fl:expr) => {
        Binding { ctx: Ctx::$ctx, keys: &[$($k),*], label: $label, action: $action, help: |s| s.$help, footer: Some(|s| s.$short), footer_label: $fl }
    };
}

/// Every key binding of the application.
pub static BINDINGS: &[Binding] = &[
    b!(
        Main,
        [ch('j'), code(KeyCode::Down)],
        "j/↓",
        Action::NextPoint,
        key_next_point,
        key_short_point,
        "j/k"
    ),
    b!(
        Main,
        [ch('k'), code(KeyCode::Up)],
        "k/↑",
        Action::PrevPoint,
        key_prev_point
    ),
    b!(
        Main,
        [ch('J'), code(KeyCode::PageDown)],
        "J/PgDn",
        Action::NextStep,
        key_next_step,
        key_short_step,
        "J/K"
    ),
    b!(
        Main,
        [ch('K'), code(KeyCode::PageUp)],
        "K/PgUp",
        Action::PrevStep,
        key_prev_step
    ),
    b!(
        Main,
        [ch('c')],
        "c",
        Action::MarkConsensus,
        key_consensus,
        key_consensus,
        "c"
    ),
    b!(
        Main,
        [ch('d')],
        "d",
        Action::MarkDissent,
        key_dissent,
        key_short_dissent,
        "d"
    ),
    b!(Main, [ch('o')], "o", Action::MarkOpen, key_open),
    b!(
        Main,
        [ch('s')],
        "s",
        Action::MarkSkipped,
        key_skip,
        key_short_skip,
        "s"
    ),
    b!(
        Main,
        [ch('1')],
        "1…9, 0",
        Action::Stance(0),
        key_stance,
        key_short_party,
        "1–9"
    ),
    b!(Main, [ch('2')], "", Action::Stance(1), key_stance),
    b!(Main, [ch('3')], "", Action::Stance(2), key_stance),
    b!(Main, [ch('4')], "", Action::Stance(3), key_stance),
    b!(Main, [ch('5')], "", Action::Stance(4), key_stance),
    b!(Main, [ch('6')], "", Action::Stance(5), key_stance),
    b!(Main, [ch('7')], "", Action::Stance(6), key_stance),
    b!(Main, [ch('8')], "", Action::Stance(7), key_stance),
    b!(Main, [ch('9')], "", Action::Stance(8), key_stance),
    b!(Main, [ch('0')], "", Action::Stance(9), key_stance),
    b!(
        Main,
        [code(KeyCode::Tab)],
        "Tab",
        Action::FocusStances,
        key_stance_focus
    ),
    b!(
        Main,
        [ch('n')],
        "n",
        Action::AddNote,
        key_note,
        key_note,
        "n"
    ),
    b!(
        Main,
        [ch('a')],
        "a",
        Action::AddAction,
        key_action,
        key_short_action,
        "a"
    ),
    b!(
        Main,
        [ch('v')],
        "v",
        Action::Vote,
        key_vote,
        key_short_vote,
        "v"
    ),
    b!(Main, [ch('i')], "i", Action::Info, key_info),
    b!(Main, [ch('g')], "g", Action::Overview, key_overview),
    b!(Main, [ch('t')], "t", Action::Timer, key_timer),
    b!(Main, [ch('u')], "u", Action::Undo, key_undo),
    b!(Main, [ctrl('r')], "Ctrl+r", Action::Redo, key_redo),
    b!(Main, [ch('w')], "w", Action::EndWorkshop, key_end),
    b!(Main, [ch('e')], "e", Action::Export, key_export),
    b!(Main, [ch('p')], "p", Action::Attendance, key_attendance),
    b!(Main, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(
        Main,
        [ch('?'), code(KeyCode::F(1))],
        "?",
        Action::Help,
        key_help,
        key_short_more,
        "?"
    ),
    b!(
        Main,
        [ch('q')],
        "q",
        Action::Quit,
        key_quit,
        key_short_quit,
        "q"
    ),
    // stance panel with focus
    b!(
        Stances,
        [ch('k'), code(KeyCode::Up)],
        "↑↓",
        Action::Up,
        key_stance_focus
    ),
    b!(
        Stances,
        [ch('j'), code(KeyCode::Down)],
        "",
        Action::Down,
        key_stance_focus
    ),
    b!(
        Stances,
        [ch(' '), code(KeyCode::Enter)],
        "Spatie/Enter",
        Action::Toggle,
        key_stance_cycle
    ),
    b!(
        Stances,
        [ch('r')],
        "r",
        Action::StanceReason,
        key_stance_reason
    ),
    b!(
        Stances,
        [code(KeyCode::Tab), code(KeyCode::Esc)],
        "Tab/Esc",
        Action::Back,
        key_stance_leave
    ),
    // overview
    b!(
        Overview,
        [ch('k'), code(KeyCode::Up)],
        "↑↓",
        Action::Up,
        ov_hint
    ),
    b!(
        Overview,
        [ch('j'), code(KeyCode::Down)],
        "",
        Action::Down,
        ov_hint
    ),
    b!(
        Overview,
        [code(KeyCode::PageUp), ch('K')],
        "",
        Action::PageUp,
        ov_hint
    ),
    b!(
        Overview,
        [code(KeyCode::PageDown), ch('J')],
        "",
        Action::PageDown,
        ov_hint
    ),
    b!(
        Overview,
        [code(KeyCode::Enter)],
        "Enter",
        Action::Confirm,
        ov_hint
    ),
    b!(
        Overview,
        [code(KeyCode::Esc), ch('g'), ch('q')],
        "Esc",
        Action::Back,
        ov_hint
    ),
    // help and info
    b!(
        Reading,
        [
            code(KeyCode::Esc),
            ch('?'),
            ch('q'),
            ch('i'),
            code(KeyCode::Enter)
        ],
        "Esc",
        Action::Back,
        help_close
    ),
    b!(
        Reading,
        [ch('k'), code(KeyCode::Up)],
        "↑↓",
        Action::Up,
        help_close
    ),
    b!(
        Reading,
        [ch('j'), code(KeyCode::Down)],
        "",
        Action::Down,
        help_close
    ),
    // home
    b!(
        Home,
        [ch('k'), code(KeyCode::Up)],
        "↑↓",
        Action::Up,
        home_hint
    ),
    b!(
        Home,
        [ch('j'), code(KeyCode::Down)],
        "",
        Action::Down,
        home_hint
    ),
    b!(
        Home,
        [code(KeyCode::Enter)],
        "Enter",
        Action::Confirm,
        home_hint
    ),
    b!(Home, [ch('n')], "n", Action::NewSession, form_title),
    b!(Home, [ch('d')], "d", Action::Demo, home_empty_hint),
    b!(
        Home,
        [ch('?'), code(KeyCode::F(1))],
        "?",
        Action::Help,
        key_help
    ),
    b!(Home, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(
        Home,
        [ch('q'), code(KeyCode::Esc)],
        "q",
        Action::Quit,
        key_quit
    ),
    // workshop start
    b!(
        Start,
        [ch('k'), code(KeyCode::Up)],
        "↑↓",
        Action::Up,
        start_hint
    ),
    b!(
        Start,
        [ch('j'), code(KeyCode::Down)],
        "",
        Action::Down,
        start_hint
    ),
    b!(Start, [ch(' ')], "Spatie", Action::Toggle, start_hint),
    b!(Start, [ch('1')], "1…9", Action::Stance(0), start_hint),
    b!(Start, [ch('2')], "", Action::Stance(1), start_hint),
    b!(Start, [ch('3')], "", Action::Stance(2), start_hint),
    b!(Start, [ch('4')], "", Action::Stance(3), start_hint),
    b!(Start, [ch('5')], "", Action::Stance(4), start_hint),
    b!(Start, [ch('6')], "", Action::Stance(5), start_hint),
    b!(Start, [ch('7')], "", Action::Stance(6), start_hint),
    b!(Start, [ch('8')], "", Action::Stance(7), start_hint),
    b!(Start, [ch('9')], "", Action::Stance(8), start_hint),
    b!(Start, [ch('0')], "", Action::Stance(9), start_hint),
    b!(Start, [ch('a')], "a", Action::AddParty, start_add_party),
    b!(
        Start,
        [code(KeyCode::Enter)],
        "Enter",
        Action::Confirm,
        start_hint
    ),
    b!(
        Start,
        [ch('?'), code(KeyCode::F(1))],
        "?",
        Action::Help,
        key_help
    ),
    b!(Start, [ch('T')], "T", Action::CycleTheme, key_theme),
    b!(Start, [ch('q')], "q", Action::Quit, key_quit),
];

/// The action bound to a key in a context.
pub fn lookup(ctx: Ctx, ev: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action.clone())
}

/// The bindings shown in the help of a context (rows with a label).
pub fn help_rows(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.ctx == ctx && !b.label.is_empty())
}

/// "j/↓ punt · J/PgDn stap · …" for the footer of a context.
pub fn footer(ctx: Ctx, s: &Strings) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .filter_map(|b| b.footer.map(|f| (b.footer_label, f(s))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code: c,
            modifiers: m,
            kind: KeyEventKind::Press,
            state: ratatui::crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn product_keys_are_bound() {
        let m = |c: char| lookup(Ctx::Main, &key(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(m('j'), Some(Action::NextPoint));
        assert_eq!(
            lookup(Ctx::Main, &key(KeyCode::Char('J'), KeyModifiers::SHIFT)),
            Some(Action::NextStep)
        );
        assert_eq!(m('0'), Some(Action::Stance(9)));
        assert_eq!(m('r'), None);
        assert_eq!(
            lookup(Ctx::Main, &key(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::Redo)
        );
        assert_eq!(
            lookup(Ctx::Main, &key(KeyCode::PageDown, KeyModifiers::NONE)),
            Some(Action::NextStep)
        );
        for c in [
            'c', 'd', 'o', 's', 'n', 'a', 'v', 'i', 'g', 't', 'u', 'w', '?', 'q',
        ] {
            assert!(m(c).is_some(), "{c} unbound");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.ctx != b.ctx {
                    continue;
                }
                for ka in a.keys {
                    let ev = key(ka.0, ka.1);
                    assert!(
                        !b.keys.iter().any(|kb| kb.matches(&ev)),
                        "{:?} twice in {:?}",
                        ka,
                        a.ctx
                    );
                }
            }
        }
    }
}
