//! The status line (the last message, a failed save, or when it was last
//! saved) and the clock, shared by the screens.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::{App, Flash, FlashKind};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

/// The time of day, "14:45".
pub fn clock(app: &App) -> String {
    app.now()
        .to_zoned(app.tz().clone())
        .strftime("%H:%M")
        .to_string()
}

/// A timer, "03:07".
pub fn mmss(secs: u64) -> String {
    crate::timing::duration_text(secs)
}

/// What the status line says, cut with "…" to `width` columns.
pub fn flash_line(app: &App, th: &Theme, width: u16) -> Line<'static> {
    let line = flash_text(app, th);
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    // measured in terminal columns, as `fit` measures (a wide glyph is two)
    if unicode_width::UnicodeWidthStr::width(text.as_str()) <= width as usize {
        return line;
    }
    let style = line.spans.first().map(|s| s.style).unwrap_or_default();
    Line::from(Span::styled(fit(&text, width as usize), style))
}

/// What the status line says: a failed save first, then the last message,
/// else when the session was last saved.
fn flash_text(app: &App, th: &Theme) -> Line<'static> {
    let s = app.s();
    if let Some(o) = app.open_session()
        && let Some(e) = &o.save_error
    {
        return Line::from(Span::styled(
            safe_line(&fill(s.ui_not_saved, &[e])).into_owned(),
            th.bad,
        ));
    }
    match app.flash() {
        // over a dialog the error stands in the dialog's hint row: once
        Some(Flash {
            kind: FlashKind::Error,
            ..
        }) if app.has_dialog() => Line::default(),
        Some(Flash {
            text,
            kind: FlashKind::Error,
        }) => Line::from(Span::styled(format!("✖ {}", safe_line(text)), th.bad)),
        Some(Flash {
            text,
            kind: FlashKind::Info,
        }) => Line::from(Span::styled(safe_line(text).into_owned(), th.title)),
        None => match app
            .open_session()
            .and_then(|o| o.last_saved.map(|t| (o, t)))
        {
            Some((o, t)) => {
                let at = t.to_zoned(app.tz().clone()).strftime("%H:%M:%S");
                let mut line = Line::from(Span::styled(format!("{} {at}", s.ui_saved), th.dim));
                // the save went on without keeping the version it replaced
                if o.backup_error.is_some() {
                    line.push_span(Span::styled(format!(" · {}", s.ui_no_backup), th.bad));
                }
                line
            }
            None => Line::default(),
        },
    }
}

/// Cut `text` to `width` columns of the terminal (wide characters count
/// two), ending in "…" when it was cut.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` in exactly `width` terminal columns: cut with "…" by [`fit`],
/// then padded with blanks by display width (a CJK glyph is two columns).
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = fit(text, width);
    let used = out.width();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
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

#[cfg(test)]
mod fit_tests {
    use super::fit;

    #[test]
    fn fit_counts_columns_and_marks_a_cut() {
        assert_eq!(fit("kort", 10), "kort");
        assert_eq!(fit("Uitvoeren maatregelen", 10), "Uitvoeren…");
        // wide characters take two columns: never past the width
        let cut = fit("会议会议会议", 7);
        assert_eq!(cut, "会议会…");
        assert!(unicode_width::UnicodeWidthStr::width(cut.as_str()) <= 7);
    }
}
