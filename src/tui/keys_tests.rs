//! The key table's own checks (see `keys.rs`).

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
    assert_eq!(m('0'), Some(Action::Digit(9)));
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
fn every_help_row_of_a_context_says_something_of_its_own() {
    let s = crate::i18n::Lang::Nl.strings();
    let mut same = Vec::new();
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.ctx == b.ctx
                && !a.label.is_empty()
                && !b.label.is_empty()
                && (a.help)(s) == (b.help)(s)
            {
                same.push(format!("{:?}: {} and {}", a.ctx, a.label, b.label));
            }
        }
    }
    assert!(same.is_empty(), "{same:#?}");
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
