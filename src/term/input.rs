//! Input folding: what arrived with a paste stays text. A paste whose text
//! ends early (it holds the end-of-paste marker) is made whole again from
//! the keys that followed it; on Windows, where the console reports a paste
//! as a burst of keys, the burst becomes one paste.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};

/// How long after a paste its tail can still arrive: bytes that came with
/// the paste are there at once; a person's next key comes much later.
const PASTE_TAIL: Duration = Duration::from_millis(10);

/// After a paste, read what arrived with it and fold it into the text.
pub(super) fn read_paste_tail(text: String) -> io::Result<Vec<Event>> {
    let mut tail = Vec::new();
    while event::poll(PASTE_TAIL)? {
        tail.push(event::read()?);
    }
    Ok(fold_paste_tail(text, tail))
}

/// A paste whose text holds the end-of-paste marker (`ESC [ 201 ~`) ends
/// early in the terminal library, and the rest of its text arrives as key
/// presses. Text inside a paste never runs as keys: the characters that came
/// in the same burst as the paste are put back into its text, other keys in
/// it are dropped, and only events that are not keys (a resize) are kept as
/// events, after the paste.
pub fn fold_paste_tail(mut text: String, tail: Vec<Event>) -> Vec<Event> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    let mut rest = Vec::new();
    for ev in tail {
        match ev {
            Event::Paste(more) => text.push_str(&more),
            Event::Key(k) if k.kind == KeyEventKind::Release => {}
            Event::Key(k) => match k.code {
                KeyCode::Char(c)
                    if !k
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    text.push(c)
                }
                KeyCode::Enter => text.push('\n'),
                KeyCode::Tab => text.push('\t'),
                _ => {}
            },
            other => rest.push(other),
        }
    }
    let mut out = vec![Event::Paste(text)];
    out.extend(rest);
    out
}

/// How soon after a key the next one must come to be part of a paste. A
/// paste puts all its keys in the console's input at once; a person's next
/// key comes tens of milliseconds later, and so does the release of a key.
pub const KEY_BURST_GAP: Duration = Duration::from_millis(5);

/// After a text key on Windows, read the keys that came with it.
#[cfg(windows)]
pub(super) fn read_key_burst(first: Event) -> io::Result<Vec<Event>> {
    let mut burst = vec![first];
    while event::poll(KEY_BURST_GAP)? {
        burst.push(event::read()?);
    }
    Ok(fold_key_burst(burst))
}

/// The text a key press stands for inside a paste: a character, a tab or a
/// line break (`\r` for Enter, `\n` for Ctrl+J, so that a pasted CRLF is one
/// line break once the editor has cleaned it). `None` for a release and for
/// keys that are no text (arrows, Esc, Ctrl+letter).
pub fn burst_text(k: &KeyEvent) -> Option<char> {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if k.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    match k.code {
        // Enter may carry Ctrl in a paste (crossterm issue 962)
        KeyCode::Enter => Some('\r'),
        KeyCode::Tab => Some('\t'),
        KeyCode::Char('j') if ctrl && !alt => Some('\n'),
        KeyCode::Char('m') if ctrl && !alt => Some('\r'),
        // AltGr is Ctrl+Alt on Windows: its characters are text
        KeyCode::Char(c) if ctrl == alt => Some(c),
        _ => None,
    }
}

/// A burst of key events read together: two or more text keys are a paste
/// (Windows, where the console reports a paste as keys) and become one
/// `Event::Paste`; other keys in it are dropped (text never runs as
/// commands), events that are not keys (a resize) follow the paste. A single
/// key stays as it is.
pub fn fold_key_burst(burst: Vec<Event>) -> Vec<Event> {
    let texts = burst
        .iter()
        .filter(|ev| matches!(ev, Event::Key(k) if burst_text(k).is_some()))
        .count();
    if texts < 2 {
        return burst;
    }
    let mut text = String::new();
    let mut rest = Vec::new();
    for ev in burst {
        match ev {
            Event::Key(k) => text.extend(burst_text(&k)),
            Event::Paste(more) => text.push_str(&more),
            other => rest.push(other),
        }
    }
    let mut out = vec![Event::Paste(text)];
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(c: KeyCode) -> Event {
        Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn keys_that_came_with_a_paste_are_text_not_commands() {
        // "abc ESC[201~ jc\nq" as crossterm delivers it: a short paste, then keys
        let tail = vec![
            key(KeyCode::Char('j')),
            key(KeyCode::Char('c')),
            key(KeyCode::Enter),
            key(KeyCode::Esc),
            key(KeyCode::Char('q')),
            Event::Resize(100, 30),
        ];
        let out = fold_paste_tail("abc".into(), tail);
        assert_eq!(
            out,
            vec![Event::Paste("abcjc\nq".into()), Event::Resize(100, 30)]
        );
    }

    #[test]
    fn a_paste_alone_stays_as_it_is() {
        assert_eq!(
            fold_paste_tail("x\ny".into(), vec![]),
            vec![Event::Paste("x\ny".into())]
        );
    }

    fn with_kind(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent::new_with_kind(code, mods, kind))
    }

    /// What the Windows console gives for a paste: a press and a release per
    /// key, all at once.
    fn typed(keys: &[(KeyCode, KeyModifiers)]) -> Vec<Event> {
        keys.iter()
            .flat_map(|&(c, m)| {
                [
                    with_kind(c, m, KeyEventKind::Press),
                    with_kind(c, m, KeyEventKind::Release),
                ]
            })
            .collect()
    }

    #[test]
    fn a_burst_of_keys_is_a_paste_and_its_crlf_one_line_break() {
        let none = KeyModifiers::NONE;
        // "a\r\nb": Enter for CR, Ctrl+J for LF; Enter with Ctrl (crossterm
        // issue 962) and a resize in the middle
        let mut burst = typed(&[
            (KeyCode::Char('a'), none),
            (KeyCode::Enter, none),
            (KeyCode::Char('j'), KeyModifiers::CONTROL),
            (KeyCode::Char('b'), none),
            (KeyCode::Enter, KeyModifiers::CONTROL),
            (KeyCode::Esc, none),
            (
                KeyCode::Char('€'),
                KeyModifiers::CONTROL | KeyModifiers::ALT,
            ),
        ]);
        burst.insert(3, Event::Resize(90, 30));
        let out = fold_key_burst(burst);
        assert_eq!(
            out,
            vec![Event::Paste("a\r\nb\r€".into()), Event::Resize(90, 30)]
        );
        let Event::Paste(text) = &out[0] else {
            unreachable!()
        };
        assert_eq!(crate::safe_text::clean_input(text), "a\nb\n€");
    }

    #[test]
    fn a_single_key_stays_a_key() {
        let one = typed(&[(KeyCode::Char('q'), KeyModifiers::NONE)]);
        assert_eq!(fold_key_burst(one.clone()), one);
        // a command key with a text key is still not a paste of two
        let two = typed(&[
            (KeyCode::Char('r'), KeyModifiers::CONTROL),
            (KeyCode::Char('q'), KeyModifiers::NONE),
        ]);
        assert_eq!(fold_key_burst(two.clone()), two);
        assert_eq!(
            burst_text(&KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
            None
        );
    }
}
