//! "Throw away the typed text?", over the editor it belongs to.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct DiscardDialog {
    /// The dialog whose text would be thrown away.
    pub inner: Box<Overlay>,
}

impl Dialog for DiscardDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Discard
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Confirm => {
                cx.clear_draft();
                Transition::Close
            }
            Action::Back => {
                let inner = std::mem::replace(&mut self.inner, Box::new(Overlay::placeholder()));
                Transition::Open(inner)
            }
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        self.inner.render(app, f, area, th);
        let inner = popup(f, area, 64, 4, app.s().dlg_question, th);
        let [q, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        f.render_widget(
            Paragraph::new(Span::styled(s.dlg_discard, th.warn)).wrap(Wrap { trim: true }),
            q,
        );
        f.render_widget(hint_line(Ctx::Discard, s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut ratatui_textarea::TextArea<'static>, bool)> {
        self.inner.editors_mut()
    }
}
