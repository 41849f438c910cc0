//! "Not saved": asked when the facilitator quits while the last save failed.
//!
//! The choices: save again, write an emergency copy to a named place, or
//! quit anyway after a second confirmation. Whatever is chosen, leaving with
//! unsaved work writes an emergency copy and ends with a non-zero exit code
//! (see [`crate::tui::app::shutdown`]).

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::{App, write_emergency_copy};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UnsavedDialog {
    /// "Quit anyway" was chosen once; the next yes quits.
    pub confirming: bool,
    /// The outcome of the last "write an emergency copy".
    pub copy: Option<Result<PathBuf, String>>,
}

impl Dialog for UnsavedDialog {
    fn ctx(&self) -> Ctx {
        if self.confirming {
            Ctx::UnsavedSure
        } else {
            Ctx::Unsaved
        }
    }

    fn pauses_timer(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match (self.confirming, action) {
            (true, Action::Confirm) => {
                cx.quit();
                Transition::Close
            }
            (true, Action::Back) => {
                self.confirming = false;
                Transition::Stay
            }
            (false, Action::Retry) => {
                cx.save_now();
                if cx.open_session().is_some_and(|o| o.save_error.is_none()) {
                    cx.info(cx.s().unsaved_saved_now.to_string());
                    Transition::Close
                } else {
                    Transition::Stay
                }
            }
            (false, Action::WriteCopy) => {
                self.copy = Some(write_emergency_copy(cx));
                Transition::Stay
            }
            (false, Action::Quit) => {
                self.confirming = true;
                Transition::Stay
            }
            (false, Action::Back) => Transition::Close,
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let error = app
            .open_session()
            .and_then(|o| o.save_error.clone())
            .unwrap_or_default();
        let inner = popup(f, area, 84, 16, s.unsaved_title, th);
        let [body, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        let mut lines: Vec<Line> = fill(s.unsaved_body, &[&safe_line(&error)])
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), th.bad)))
            .collect();
        lines.push(Line::default());
        if self.confirming {
            lines.push(Line::from(Span::styled(s.unsaved_sure, th.warn)));
        } else {
            // the choices, each on its line (the footer may not hold them all)
            for (key, text, _) in crate::tui::keys::footer(Ctx::Unsaved, s) {
                lines.push(Line::from(vec![
                    Span::styled(format!("{key:>4}  "), th.focus),
                    Span::styled(text, th.base),
                ]));
            }
        }
        match &self.copy {
            Some(Ok(p)) => {
                let t = fill(
                    s.unsaved_copy_written,
                    &[&safe_line(&p.display().to_string())],
                );
                lines.push(Line::from(Span::styled(t, th.good)));
            }
            Some(Err(e)) => {
                let t = fill(s.unsaved_copy_failed, &[&safe_line(e)]);
                lines.push(Line::from(Span::styled(t, th.bad)));
            }
            None => {}
        }
        f.render_widget(Wrapped::new(lines), body);
        f.render_widget(hint_line(self.ctx(), s, h.width, false, th), h);
    }
}
