//! A framed box in the middle of the screen, over what is below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

/// Clear `area` to the theme's base colours (foreground and background).
/// Use this, never ratatui's bare `Clear`: that resets cells to the
/// terminal's own default colours, a dark gap in the light theme on a dark
/// terminal.
pub fn clear(f: &mut Frame, area: Rect, th: &Theme) {
    let area = area.intersection(f.area());
    f.render_widget(Clear, area);
    f.render_widget(Block::new().style(th.base), area);
}

/// Draw an empty box of at most `width` × `height` with a title; returns
/// the area inside it.
pub fn popup(f: &mut Frame, area: Rect, width: u16, height: u16, title: &str, th: &Theme) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(2)).max(1);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    clear(f, r, th);
    let blk = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(th.focus)
        .style(th.base)
        .title(Span::styled(format!(" {} ", safe_line(title)), th.title));
    let inner = blk.inner(r);
    f.render_widget(blk, r);
    inner.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    })
}

/// One dimmed line at the bottom of `area` (a dialog's own hint).
pub fn hint(f: &mut Frame, area: Rect, text: &str, th: &Theme) {
    if area.height == 0 {
        return;
    }
    let r = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
    f.render_widget(Paragraph::new(Span::styled(text.to_string(), th.dim)), r);
}
