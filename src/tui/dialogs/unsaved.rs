//! "Not saved": asked when the facilitator quits while the last save failed.
//!
//! The choices: save again, write an emergency copy to a named place, or
//! quit anyway after a second confirmation. Whatever is chosen, leaving with
//! unsaved work writes an emergency copy and ends with a non-zero exit code
//! (see [`crate::tui::app::shutdown`]).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::keys::Action;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::ui::popup;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UnsavedDialog {
    /// "Quit anyway" was chosen once; the next `j`/`y` quits.
    pub confirming: bool,
    /// The outcome of the last "write an emergency copy".
    pub copy: Option<Result<PathBuf, String>>,
}

/// What the dialog asks of the app after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Transition {
    Stay,
    Close,
    Retry,
    WriteCopy,
    Quit,
}

impl UnsavedDialog {
    pub fn update(&mut self, action: &Action) -> Transition {
        let Action::Key(ev) = action else {
            return Transition::Stay;
        };
        if self.confirming {
            return match ev.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => Transition::Quit,
                KeyCode::Esc | KeyCode::Char('n' | 'N') => {
                    self.confirming = false;
                    Transition::Stay
                }
                _ => Transition::Stay,
            };
        }
        match ev.code {
            KeyCode::Char('r' | 'R') => Transition::Retry,
            KeyCode::Char('k' | 'K') => Transition::WriteCopy,
            KeyCode::Char('q' | 'Q') => {
                self.confirming = true;
                Transition::Stay
            }
            KeyCode::Esc => Transition::Close,
            _ => Transition::Stay,
        }
    }

    pub fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let error = app
            .open
            .as_ref()
            .and_then(|o| o.save_error.clone())
            .unwrap_or_default();
        let inner = popup(f, area, 84, 14, s.unsaved_title, th);
        let mut lines: Vec<Line> = crate::i18n::fill(s.unsaved_body, &[&safe_line(&error)])
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), th.bad)))
            .collect();
        lines.push(Line::default());
        if self.confirming {
            lines.push(Line::from(Span::styled(s.unsaved_sure, th.warn)));
        } else {
            for (key, what) in [
                ("r", s.unsaved_retry),
                ("k", s.unsaved_copy),
                ("q", s.unsaved_quit),
                ("Esc", s.unsaved_back),
            ] {
                lines.push(Line::from(vec![
                    Span::styled(format!("{key:>4}  "), th.focus),
                    Span::styled(what, th.base),
                ]));
            }
        }
        match &self.copy {
            Some(Ok(p)) => {
                let t = crate::i18n::fill(
                    s.unsaved_copy_written,
                    &[&safe_line(&p.display().to_string())],
                );
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(t, th.good)));
            }
            Some(Err(e)) => {
                let t = crate::i18n::fill(s.unsaved_copy_failed, &[&safe_line(e)]);
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(t, th.bad)));
            }
            None => {}
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(c: KeyCode) -> Action {
        Action::Key(KeyEvent::from(c))
    }

    #[test]
    fn quitting_anyway_takes_a_second_confirmation() {
        let mut d = UnsavedDialog::default();
        assert_eq!(d.update(&key(KeyCode::Char('q'))), Transition::Stay);
        assert!(d.confirming);
        assert_eq!(d.update(&key(KeyCode::Esc)), Transition::Stay);
        assert!(!d.confirming);
        d.update(&key(KeyCode::Char('q')));
        assert_eq!(d.update(&key(KeyCode::Char('x'))), Transition::Stay);
        assert_eq!(d.update(&key(KeyCode::Char('j'))), Transition::Quit);
    }

    #[test]
    fn the_other_keys_ask_for_what_they_say() {
        let mut d = UnsavedDialog::default();
        assert_eq!(d.update(&key(KeyCode::Char('r'))), Transition::Retry);
        assert_eq!(d.update(&key(KeyCode::Char('k'))), Transition::WriteCopy);
        assert_eq!(d.update(&key(KeyCode::Esc)), Transition::Close);
        // a plain j without "quit anyway" first does nothing
        assert_eq!(d.update(&key(KeyCode::Char('j'))), Transition::Stay);
    }
}
