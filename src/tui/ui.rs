//! Rendering: a pure function of the application state.
//!
//! Only what is visible is computed: the agenda shows a window around the
//! current step, notes are taken from the newest backwards until the panel
//! is full. User text always passes through [`safe_line`] first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};

use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::i18n::fill;
use crate::tui::app::{App, Dialog, Flash, FlashKind, Screen};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::popup::clear;
use crate::tui::widgets::wrapped::Wrapped;

pub use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draw the whole screen.
pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let th = app.theme().theme();
    // every cell starts in the theme's colours, never the terminal's own
    clear(f, area, &th);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let s = app.s();
        let msg = fill(
            s.ui_too_small,
            &[
                &MIN_WIDTH.to_string(),
                &MIN_HEIGHT.to_string(),
                &area.width.to_string(),
                &area.height.to_string(),
            ],
        );
        f.render_widget(
            Wrapped::new(msg)
                .style(th.warn)
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    match app.screen() {
        Screen::Home => crate::tui::screens::home::render(app, f, area, &th),
        Screen::Start => crate::tui::screens::start::render(app, f, area, &th),
        Screen::Main => crate::tui::screens::main::render(app, f, area, &th),
    }
    if let Some(o) = app.overlay() {
        // the screen's own key hints do not apply while a dialog is open
        let rows = match app.screen() {
            Screen::Main => crate::tui::screens::main::point::footer_rows(app, area.width),
            _ => 1,
        }
        .min(area.height);
        let footer = Rect::new(area.x, area.y + area.height - rows, area.width, rows);
        clear(f, footer, &th);
        render_overlay(app, o, f, area, &th);
    }
    crate::tui::theme::underline_glyphs_only(f.buffer_mut());
}

// ----------------------------------------------------------------------
// Overlays
// ----------------------------------------------------------------------

pub fn render_overlay(app: &App, o: &dyn Dialog, f: &mut Frame, area: Rect, th: &Theme) {
    o.render(app, f, area, th);
    if app.has_dialog()
        && let Some(Flash {
            text,
            kind: FlashKind::Error,
        }) = app.flash()
    {
        let r = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        clear(f, r, th);
        // one row: a longer message ends in "…", never cut silently
        let line =
            crate::tui::widgets::status::fit(&format!("✖ {}", safe_line(text)), r.width as usize);
        f.render_widget(Paragraph::new(Span::styled(line, th.bad)), r);
    }
}
