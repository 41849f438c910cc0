//! Text in a box that scrolls with the arrows and the page keys, for the
//! help and the references; its hint line says so only when it scrolls.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Strings, fill};
use crate::tui::keys::{Action, Ctx};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::wrapped::Wrapped;

/// How far a text is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll(pub u16);

impl Scroll {
    /// Follow a scroll key; returns whether the action was one.
    pub fn follow(&mut self, action: &Action) -> bool {
        self.0 = match action {
            Action::Up => self.0.saturating_sub(1),
            Action::Down => self.0.saturating_add(1),
            Action::PageUp => self.0.saturating_sub(10),
            Action::PageDown => self.0.saturating_add(10),
            _ => return false,
        };
        true
    }

    /// Draw `lines` in `area` from the scroll position (never past the end),
    /// with the hint line of `ctx` below.
    pub fn render(
        self,
        lines: Vec<Line<'static>>,
        _trim: bool,
        (ctx, s): (Ctx, &Strings),
        f: &mut Frame,
        area: Rect,
        th: &Theme,
    ) {
        let [inner, hint_area] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let text = Wrapped::new(lines);
        let total = text.line_count(inner.width) as u16;
        let scroll = self.0.min(total.saturating_sub(inner.height));
        let below = total.saturating_sub(scroll + inner.height);
        if below > 0 && inner.height > 1 {
            // the last row says how much is below (it hides one more row)
            let [rows, more] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            f.render_widget(text.scroll(scroll), rows);
            let note = fill(s.recap_more, &[&(below + 1).to_string()]);
            f.render_widget(Paragraph::new(Span::styled(note, th.warn)), more);
        } else {
            f.render_widget(text.scroll(scroll), inner);
        }
        let scrolls = total > inner.height;
        f.render_widget(hint_line(ctx, s, hint_area.width, scrolls, th), hint_area);
    }
}
