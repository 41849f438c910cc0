//! Notes and action items of the current point: open actions first, then
//! the done ones (dimmed, with the day they were done), then the newest
//! notes until the panel is full. Removed items do not show (they stay in
//! the history: `x` lists the rest and what happened to them).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::i18n::{Strings, fill};
use crate::session::{ActionItem, PointRecord, Session};
use crate::tui::app::App;
use crate::tui::text::{safe_line, safe_lines};
use crate::tui::theme::Theme;
use crate::tui::widgets::recap::owner_and_due;
use crate::tui::widgets::wrapped::Wrapped;
use crate::view::text::note_prefix;
use crate::view::wrap::wrap_styled;

/// The panel of the current point's notes and action items: the actions
/// first, then the newest notes that fit, or a line saying there are none.
pub fn render(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let rec = sess.record(&sess.cursor).filter(|r| r.has_items());
    let inner = frame(s, rec.is_some(), f, area, th);
    let Some(rec) = rec else {
        f.render_widget(Wrapped::new(s.ui_no_notes).style(th.dim), inner);
        return;
    };
    let h = inner.height as usize;
    let width = inner.width.max(1) as usize;
    // open actions first (they matter to the room), newest first; then the
    // done ones; then the newest notes that fit
    let mut lines = action_lines(app, sess, rec, h, th);
    let room = h.saturating_sub(lines.len());
    lines.extend(note_lines(s, sess, rec, room, width, th));
    f.render_widget(Wrapped::new(lines), inner);
}

/// The panel's border and title (with the key for the items when there are
/// any); returns the room inside it, a column kept free on either side.
fn frame(s: &Strings, has_items: bool, f: &mut Frame, area: Rect, th: &Theme) -> Rect {
    let mut title = format!(" {} & {} ", s.ui_notes, s.ui_actions.to_lowercase());
    if has_items {
        title.push_str(&format!("· {} ", s.items_hint));
    }
    let blk = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(title, th.title));
    let inner = blk.inner(area).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    f.render_widget(blk, area);
    inner
}

/// The action items, open ones first, newest first, then the done ones;
/// they take a third of the panel's `h` rows at most, what does not fit is
/// counted on a line of its own.
fn action_lines(
    app: &App,
    sess: &Session,
    rec: &PointRecord,
    h: usize,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = app.s();
    let open = rec.live_actions().rev().filter(|(_, a)| !a.done);
    let done = rec.live_actions().rev().filter(|(_, a)| a.done);
    let actions: Vec<_> = open.chain(done).map(|(_, a)| a).collect();
    let cap = h.div_ceil(3).max(1);
    let shown_actions = if actions.len() > cap {
        cap.saturating_sub(1).max(1)
    } else {
        actions.len()
    };
    let mut lines: Vec<Line> = actions[..shown_actions]
        .iter()
        .map(|a| action_line(app, sess, a, th))
        .collect();
    if shown_actions < actions.len() {
        let more = fill(s.ui_more, &[&(actions.len() - shown_actions).to_string()]);
        lines.push(Line::from(Span::styled(more, th.warn)));
    }
    lines
}

/// One action item: an open one in bold with who does it by when, a done
/// one dimmed with the day it was done.
fn action_line(app: &App, sess: &Session, a: &ActionItem, th: &Theme) -> Line<'static> {
    let s = app.s();
    let (owner, due) = owner_and_due(sess, a, s);
    if a.done {
        let done = crate::tui::dialogs::items::done_word(a, s, app.tz());
        Line::from(vec![
            Span::styled("☑ ", th.dim),
            Span::styled(safe_line(&a.what).into_owned(), th.dim),
            Span::styled(format!(" — {} ({done})", safe_line(&owner)), th.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled("☐ ", th.focus),
            Span::styled(
                safe_line(&a.what).into_owned(),
                th.base.add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!(" — {}{due}", safe_line(&owner)), th.dim),
        ])
    }
}

/// The notes that fit in `room` rows of `width` columns: the newest first
/// (the one the room just dictated is never the one that falls off), each
/// as many rows as it wraps to; what does not fit is counted on the last
/// row, a note cut short ends in "…".
fn note_lines(
    s: &Strings,
    sess: &Session,
    rec: &PointRecord,
    room: usize,
    width: usize,
    th: &Theme,
) -> Vec<Line<'static>> {
    let notes: Vec<_> = rec.live_notes().rev().map(|(_, n)| n).collect();
    let current = sess.workshop_number();
    let mut note_lines: Vec<Line> = Vec::new();
    let mut used = 0;
    let mut shown = 0;
    for (k, n) in notes.iter().enumerate() {
        // its line breaks kept: a note dictated as a list reads as one
        let pieces = [
            (note_prefix(s, n.workshop, current), th.dim),
            (safe_lines(&n.text).join("\n"), th.base),
        ];
        let rows = wrap_styled(&pieces, width, usize::MAX);
        // one row stays free for "… N eerdere" when more notes follow
        let more_after = k + 1 < notes.len();
        let free = room.saturating_sub(used + usize::from(more_after));
        if rows.len() > free {
            if shown == 0 && free > 0 {
                // the newest note alone is too long: as much as fits, then "…"
                note_lines.extend(wrap_styled(&pieces, width, free));
                shown = 1;
            }
            break;
        }
        used += rows.len();
        note_lines.extend(rows);
        shown += 1;
    }
    if shown < notes.len() && room > 0 {
        note_lines.push(Line::from(Span::styled(
            fill(s.ui_more_above, &[&(notes.len() - shown).to_string()]),
            th.dim,
        )));
    }
    note_lines
}
