//! The end of a workshop: its summary, as the facilitator's summary builds
//! it ([`crate::tui::dialogs::summary::summary_lines`]). Also the long-text
//! layout the recap uses: a title, the text wrapped, and "+N meer" when the
//! window is too small for all of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Beamer;
use super::view::content;
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::env::Env;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;

pub fn render(b: &Beamer, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let env = Env {
        fw: &b.fw,
        lang: b.lang,
        tz: b.tz.clone(),
    };
    let s = b.lang.strings();
    let title = fill(s.beamer_summary, &[&sess.workshop_number().to_string()]);
    let lines = crate::tui::dialogs::summary::summary_lines(&env, sess, th);
    long_text(b, &title, lines, f, area, th);
}

/// A title and a long text from its top; when it does not fit, the last
/// row says how many rows more there are.
pub fn long_text(
    b: &Beamer,
    title: &str,
    lines: Vec<Line<'static>>,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let area = content(area);
    if area.height == 0 || area.width == 0 {
        return;
    }
    let gap = u16::from(area.height >= 20);
    let title = fit(&safe_line(title), area.width as usize);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(title, th.title))),
        Rect { height: 1, ..area },
    );
    let body = Rect {
        y: area.y + 1 + gap,
        height: area.height.saturating_sub(1 + gap),
        ..area
    };
    if body.height == 0 {
        return;
    }
    let para = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = para.line_count(body.width) as u16;
    if total <= body.height {
        f.render_widget(para, body);
        return;
    }
    let shown = Rect {
        height: body.height - 1,
        ..body
    };
    f.render_widget(para, shown);
    let more = fill(
        b.lang.strings().vote_more,
        &[&(total - shown.height).to_string()],
    );
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(&format!("  {more}"), body.width as usize),
            th.warn,
        ))),
        Rect {
            y: body.y + body.height - 1,
            height: 1,
            ..body
        },
    );
}
