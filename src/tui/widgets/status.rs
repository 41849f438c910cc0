//! The status line (the last message, a failed save, or when it was last
//! saved) and the clock, shared by the screens.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::{App, Flash, FlashKind};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

/// The time of day, "14:45".
pub fn clock(app: &App) -> String {
    app.now
        .to_zoned(app.tz.clone())
        .strftime("%H:%M")
        .to_string()
}

/// A timer, "03:07".
pub fn mmss(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// What the status line says: a failed save first, then the last message,
/// else when the session was last saved.
pub fn flash_line(app: &App, th: &Theme) -> Line<'static> {
    let s = app.s();
    if let Some(o) = app.open_session()
        && let Some(e) = &o.save_error
    {
        return Line::from(Span::styled(
            safe_line(&fill(s.ui_not_saved, &[e])).into_owned(),
            th.bad,
        ));
    }
    match &app.flash {
        // over a dialog the error stands in the dialog's hint row: once
        Some(Flash {
            kind: FlashKind::Error,
            ..
        }) if app.overlay.is_some() => Line::default(),
        Some(Flash {
            text,
            kind: FlashKind::Error,
        }) => Line::from(Span::styled(format!("✖ {}", safe_line(text)), th.bad)),
        Some(Flash {
            text,
            kind: FlashKind::Info,
        }) => Line::from(Span::styled(safe_line(text).into_owned(), th.title)),
        None => match app.open_session().and_then(|o| o.last_saved) {
            Some(t) => Line::from(Span::styled(
                format!(
                    "{} {}",
                    s.ui_saved,
                    t.to_zoned(app.tz.clone()).strftime("%H:%M:%S")
                ),
                th.dim,
            )),
            None => Line::default(),
        },
    }
}

/// Cut `text` to `width` characters, ending in "…" when it was cut.
/// Cut text to `width` characters, with an ellipsis when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// The rows of a full screen: a header line, the body, the status line and
/// the key hints.
pub fn screen_rows(area: ratatui::layout::Rect) -> [ratatui::layout::Rect; 4] {
    use ratatui::layout::{Constraint, Layout};
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}
