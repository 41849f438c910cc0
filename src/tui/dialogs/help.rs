//! `?`: the keys of the current screen, from the key table. Scrolls with
//! the arrows when it does not fit, and says so.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;

#[derive(Default)]
pub struct HelpDialog {
    /// The context whose keys are shown.
    pub of: Option<Ctx>,
    pub scroll: u16,
    /// The dialog the help was asked from (F1): it comes back on close.
    pub under: Option<Box<Overlay>>,
}

impl HelpDialog {
    pub fn new(of: Ctx) -> HelpDialog {
        HelpDialog {
            of: Some(of),
            scroll: 0,
            under: None,
        }
    }

    /// The help of a dialog, over it; closing it goes back to the dialog.
    pub fn over(dialog: Overlay) -> HelpDialog {
        HelpDialog {
            of: Some(dialog.dialog().ctx()),
            scroll: 0,
            under: Some(Box::new(dialog)),
        }
    }

    fn lines(&self, app: &App, th: &Theme) -> Vec<Line<'static>> {
        let s = app.s();
        let of = self.of.unwrap_or(Ctx::Main);
        let row = |b: &keys::Binding| {
            Line::from(vec![
                Span::styled(format!("{:>12}  ", b.label), th.focus),
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

    fn raw_keys(&self) -> bool {
        false
    }

    fn update(&mut self, _app: &mut App, action: Action) -> Transition {
        match action {
            Action::Back | Action::Help => {
                return match self.under.take() {
                    Some(dialog) => Transition::Open(dialog),
                    None => Transition::Close,
                };
            }
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            _ => {}
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        if let Some(under) = &self.under {
            under.render(app, f, area, th);
        }
        let box_area = popup(f, area, 76, area.height.saturating_sub(2), s.help_title, th);
        let [inner, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(box_area);
        let text = Paragraph::new(self.lines(app, th)).wrap(Wrap { trim: false });
        let total = text.line_count(inner.width) as u16;
        let scroll = self.scroll.min(total.saturating_sub(inner.height));
        f.render_widget(text.scroll((scroll, 0)), inner);
        let scrolls = total > inner.height;
        f.render_widget(
            hint_line(Ctx::Reading, s, hint_area.width, scrolls, th),
            hint_area,
        );
    }
}
