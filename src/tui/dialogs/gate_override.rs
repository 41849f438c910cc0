//! Moving into a block the go/no-go gate locks: the reason for opening it
//! anyway. `Enter` reads the reason back and asks once more (`j` opens the
//! block and moves on, `n` goes back to the reason), so keys typed on after
//! the one that hit the lock never open a block by accident. An empty
//! reason is refused; `Esc` stays where the cursor was (asking first when a
//! reason was typed). The key that hit the lock on the current point (`c`,
//! `n`, a digit) goes on once the block is opened, so it need not be
//! pressed again.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui_textarea::TextArea;

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::{edit, editor, editor_text, render_editor};
use crate::tui::widgets::footer::{hint_line, render_hints};
use crate::tui::widgets::popup::popup;

pub struct GateOverrideDialog {
    /// The locked block.
    pub block: usize,
    /// The point (flat index) to go to once it is opened.
    pub target: usize,
    pub reason: TextArea<'static>,
    /// The reason is read back; only `j` opens the block.
    pub confirming: bool,
    /// The screen's key that hit the lock on the point where the cursor
    /// is (a capture, an editor): it goes on once the block is opened. A
    /// move is not repeated: opening the block moves the cursor itself.
    pub then: Option<Action>,
}

impl GateOverrideDialog {
    pub fn new(block: usize, target: usize) -> GateOverrideDialog {
        GateOverrideDialog {
            block,
            target,
            reason: editor(""),
            confirming: false,
            then: None,
        }
    }

    /// `j` after the read-back: the override is recorded, the cursor moves on.
    fn record(&mut self, cx: &mut Cx<'_>) -> Transition {
        let text = editor_text(&self.reason);
        let now = cx.now();
        let block = cx.fw().blocks[self.block].id.clone();
        if let Some(sess) = cx.session_mut() {
            let workshop = sess.workshop_number();
            sess.overrides.push(crate::session::GateOverride {
                workshop,
                at: now,
                block,
                reason: text.trim().to_string(),
            });
        }
        cx.save_now();
        let here = cx.cursor_flat() == self.target;
        cx.go_to(self.target);
        match self.then.take() {
            Some(key) if here => Transition::CloseThen(key),
            _ => Transition::Close,
        }
    }
}

impl Dialog for GateOverrideDialog {
    fn ctx(&self) -> Ctx {
        if self.confirming {
            Ctx::GateOverrideSure
        } else {
            Ctx::GateOverride
        }
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn has_text(&self) -> bool {
        !editor_text(&self.reason).trim().is_empty()
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        if self.confirming {
            return match keys::command(Ctx::GateOverrideSure, &action) {
                Some(Action::Confirm) => self.record(cx),
                Some(Action::Back) => {
                    self.confirming = false;
                    Transition::Stay
                }
                _ => Transition::Stay,
            };
        }
        match keys::command(Ctx::GateOverride, &action) {
            Some(Action::Confirm) => {
                if !self.has_text() {
                    cx.error(cx.s().err_need_reason.to_string());
                    return Transition::Stay;
                }
                self.confirming = true;
                Transition::Stay
            }
            Some(Action::Back) if self.has_text() => Transition::Cancel,
            Some(Action::Back) => Transition::Close,
            Some(_) => Transition::Stay,
            None => {
                edit(&mut self.reason, &action, false);
                Transition::Stay
            }
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let block = &app.fw().blocks[self.block].id;
        let title = fill(s.override_title, &[block]);
        let inner = popup(f, area, 84, 9, s.gate_locked, th);
        let [t, ed, h] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(3),
            Constraint::Length(2),
        ])
        .areas(inner);
        if self.confirming {
            let reason = safe_line(editor_text(&self.reason).trim()).into_owned();
            let q = fill(s.override_sure, &[block, &reason]);
            f.render_widget(Wrapped::new(Span::styled(q, th.warn)), t.union(ed));
            f.render_widget(hint_line(Ctx::GateOverrideSure, s, h.width, false, th), h);
            return;
        }
        f.render_widget(Wrapped::new(Span::styled(title, th.warn)), t);
        render_editor(&self.reason, f, ed, s.field_reason, true, s, th);
        render_hints(f, h, Ctx::GateOverride, s, th);
    }

    fn editors_mut(&mut self) -> Vec<(&mut TextArea<'static>, bool)> {
        if self.confirming {
            Vec::new()
        } else {
            vec![(&mut self.reason, true)]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::Lang;

    use crate::tui::widgets::footer::fitting_rows;

    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn an_empty_reason_keeps_the_block_locked() {
        let mut app = crate::tui::app::test_app(Lang::Nl);
        let mut d = GateOverrideDialog::new(1, 30);
        let enter = Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), enter),
            Transition::Stay
        ));
        assert!(
            app.flash()
                .is_some_and(|f| f.text == Lang::Nl.strings().err_need_reason)
        );
    }

    #[test]
    fn a_reason_is_read_back_and_only_j_opens_the_block() {
        let mut app = crate::tui::app::test_app(Lang::Nl);
        let mut d = GateOverrideDialog::new(1, 30);
        let k = |c| Action::Key(KeyEvent::new(c, KeyModifiers::NONE));
        for c in "Jc".chars() {
            d.update(&mut Cx::new(&mut app), k(KeyCode::Char(c)));
        }
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), k(KeyCode::Enter)),
            Transition::Stay
        ));
        assert!(d.confirming, "Enter reads back, it does not open");
        assert_eq!(d.ctx(), Ctx::GateOverrideSure);
        // typing on does nothing; n goes back to the reason, kept
        d.update(&mut Cx::new(&mut app), k(KeyCode::Char('x')));
        assert!(d.confirming);
        d.update(&mut Cx::new(&mut app), k(KeyCode::Char('n')));
        assert!(!d.confirming);
        assert_eq!(editor_text(&d.reason), "Jc");
        // Esc with a typed reason asks before throwing it away
        assert!(matches!(
            d.update(&mut Cx::new(&mut app), k(KeyCode::Esc)),
            Transition::Cancel
        ));
    }

    #[test]
    fn the_footer_is_whole_at_80_columns() {
        // the popup is 78 wide there: 74 columns for the hints
        for lang in [Lang::Nl, Lang::En] {
            // on two lines when one does not hold them
            let keys: Vec<_> = fitting_rows(Ctx::GateOverride, lang.strings(), 74, 2, false)
                .into_iter()
                .flatten()
                .map(|h| h.0)
                .collect();
            assert_eq!(keys, ["Enter", "Ctrl+U", "F1", "Esc"]);
        }
    }
}
