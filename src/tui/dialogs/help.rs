//! `?`: the keys of the current screen, from the key table. Scrolls with
//! the arrows when it does not fit, and says so.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;

use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_text::Scroll;

#[derive(Default)]
pub struct HelpDialog {
    /// The context whose keys are shown.
    pub of: Option<Ctx>,
    pub scroll: Scroll,
    /// The dialog the help was asked from (F1): it comes back on close.
    pub under: Option<Overlay>,
}

impl HelpDialog {
    pub fn new(of: Ctx) -> HelpDialog {
        HelpDialog {
            of: Some(of),
            scroll: Scroll::default(),
            under: None,
        }
    }

    /// The help of a dialog, over it; closing it goes back to the dialog.
    pub fn over(dialog: Overlay) -> HelpDialog {
        HelpDialog {
            of: Some(dialog.ctx()),
            scroll: Scroll::default(),
            under: Some(dialog),
        }
    }

    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let s = app.s();
        let of = self.of.unwrap_or(Ctx::Main);
        let row = |b: &keys::Binding| {
            Line::from(vec![
                Span::styled(
                    format!("{:>12}  ", crate::tui::keys::key_label(b.label, s)),
                    th.focus,
                ),
                Span::styled((b.help)(s), th.base),
            ])
        };
        let mut lines: Vec<Line> = keys::help_rows(of).map(row).collect();
        if of == Ctx::Main {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.ui_stances, th.title)));
            lines.extend(keys::help_rows(Ctx::Stances).map(row));
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.help_editors, th.dim)));
        lines
    }
}

impl Dialog for HelpDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Reading
    }

    fn is_help(&self) -> bool {
        true
    }

    fn pauses_timer(&self) -> bool {
        self.under.as_ref().is_some_and(|d| d.pauses_timer())
    }

    fn seen(&self, state: &mut crate::live::LiveState) {
        // the room keeps seeing the dialog below
        if let Some(under) = &self.under {
            under.seen(state);
        }
    }

    fn update(&mut self, _cx: &mut Cx<'_>, action: Action) -> Transition {
        match action {
            Action::Back | Action::Help => {
                return match self.under.take() {
                    Some(dialog) => Transition::Open(dialog),
                    None => Transition::Close,
                };
            }
            other => {
                self.scroll.follow(&other);
            }
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        if let Some(under) = &self.under {
            under.render(app, f, area, th);
        }
        let box_area = popup(f, area, 76, area.height.saturating_sub(2), s.help_title, th);
        self.scroll.render(
            self.lines(app, th),
            false,
            (Ctx::Reading, s),
            f,
            box_area,
            th,
        );
    }
}
