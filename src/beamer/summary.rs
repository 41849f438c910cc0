//! The end of a workshop: its summary, as the facilitator's summary builds
//! it ([`crate::view::summary::summary_lines`]). Also the long-text
//! layout the recap uses: a title, the text wrapped, and "+N meer" when the
//! window is too small for all of it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Beamer;
use super::view::content;
use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::wrapped::Wrapped;
use crate::view::Env;

pub fn render(b: &Beamer, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let env = Env {
        fw: &b.fw,
        lang: b.lang,
        tz: b.tz.clone(),
    };
    let s = b.lang.strings();
    let title = fill(s.beamer_summary, &[&sess.workshop_number().to_string()]);
    let lines = crate::view::summary::summary_lines_for_room(&env, sess, th);
    long_text(b, &title, lines, f, area, th);
}

/// A long text from page `page` on (a page: the rows below the title but
/// one); the last page shows the end. Page 0 is [`long_text`].
pub fn long_text_from(
    b: &Beamer,
    title: &str,
    mut lines: Vec<Line<'static>>,
    page: u16,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let inner = content(area);
    let gap = u16::from(inner.height >= 20);
    let per_page = inner.height.saturating_sub(2 + gap).max(1) as usize;
    let rows = |l: &Line<'static>| Wrapped::new(l.clone()).line_count(inner.width);
    let total: usize = lines.iter().map(rows).sum();
    // never past the page that shows the end
    let want = (usize::from(page) * per_page).min(total.saturating_sub(per_page + 1));
    let mut skipped = 0;
    let mut n = 0;
    while n < lines.len() && skipped + rows(&lines[n]) <= want {
        skipped += rows(&lines[n]);
        n += 1;
    }
    lines.drain(..n);
    long_text(b, title, lines, f, area, th);
}

/// A title and a long text from its top; when it does not fit, the last
/// row says how many rows more there are.
pub fn long_text(
    b: &Beamer,
    title: &str,
    mut lines: Vec<Line<'static>>,
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
    let rows = |l: &Line<'static>| Wrapped::new(l.clone()).line_count(body.width) as u16;
    let total: u16 = lines.iter().map(rows).sum();
    if total <= body.height {
        f.render_widget(Wrapped::new(lines), body);
        return;
    }
    // whole lines while they fit, one row kept for "+N meer"
    let room = body.height - 1;
    let (mut n, mut used) = (0, 0);
    for l in &lines {
        if used + rows(l) > room {
            break;
        }
        used += rows(l);
        n += 1;
    }
    // never end on a blank line or on a heading whose items are cut
    while n > 1 && ends_badly(&lines, n) {
        n -= 1;
        used -= rows(&lines[n]);
    }
    let shown = if n == 0 {
        // one line longer than the window: as much of it as fits
        f.render_widget(
            Wrapped::new(lines[0].clone()),
            Rect {
                height: room,
                ..body
            },
        );
        room
    } else {
        lines.truncate(n);
        f.render_widget(
            Wrapped::new(lines),
            Rect {
                height: used,
                ..body
            },
        );
        used
    };
    let more = fill(b.lang.strings().vote_more, &[&(total - shown).to_string()]);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(&format!("  {more}"), body.width as usize),
            th.warn,
        ))),
        Rect {
            y: body.y + shown,
            height: 1,
            ..body
        },
    );
}

/// Whether showing the first `n` lines would end on a blank line, or on a
/// heading (not indented) whose indented items follow unseen.
fn ends_badly(lines: &[Line<'static>], n: usize) -> bool {
    let text = |l: &Line| {
        l.spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()
    };
    let last = text(&lines[n - 1]);
    let indented = |t: &str| t.starts_with(' ');
    last.trim().is_empty() || (!indented(&last) && lines.get(n).is_some_and(|l| indented(&text(l))))
}
