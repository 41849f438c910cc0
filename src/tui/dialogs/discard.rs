//! "Throw away the typed text?", over the editor it belongs to.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

pub struct DiscardDialog {
    /// The dialog whose text would be thrown away.
    pub inner: Overlay,
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
                // this dialog is dropped now: a stand-in takes the inner's place
                let stand_in = Box::new(super::summary::SummaryDialog::default());
                Transition::Open(std::mem::replace(&mut self.inner, stand_in))
            }
            _ => Transition::Stay,
        }
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        self.inner.render(app, f, area, th);
        let inner = popup(f, area, 64, 4, app.s().dlg_question, th);
        let [q, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        f.render_widget(Wrapped::new(Span::styled(s.dlg_discard, th.warn)), q);
        f.render_widget(hint_line(Ctx::Discard, s, h.width, false, th), h);
    }

    fn editors_mut(&mut self) -> Vec<(&mut ratatui_textarea::TextArea<'static>, bool)> {
        self.inner.editors_mut()
    }

    fn pauses_timer(&self) -> bool {
        self.inner.pauses_timer()
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        // the room keeps seeing the dialog below
        self.inner.seen(state);
    }
}
