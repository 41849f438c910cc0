//! The recap on the start screen: the previous workshop's open dissent,
//! open action items, the last vote and where the agenda resumes. Complete,
//! never capped: it scrolls (`PgUp`/`PgDn`) and says how much more there is.
//! With the focus (`Tab`), `↑↓` choose an open dissent and `r` marks it
//! resolved, which is recorded with its time in the point's history.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::keys::Action;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::wrapped::Wrapped;
use crate::view::recap::{RecapItem, recap_items, recap_lines, recap_title};

/// Rows a page key moves.
pub use crate::tui::session_view::RECAP_PAGE as PAGE;

/// Keys for the recap; returns whether the action was one of them.
pub fn update(app: &mut App, action: &Action) -> bool {
    let choosable = app.session().map(|s| recap_items(s).len()).unwrap_or(0);
    let Some(view) = app.screen_state_mut() else {
        return false;
    };
    let v = &mut view.recap;
    match action {
        Action::PageDown => {
            v.scroll = v.scroll.saturating_add(PAGE);
            v.follow = false;
        }
        Action::PageUp => {
            v.scroll = v.scroll.saturating_sub(PAGE);
            v.follow = false;
        }
        Action::NextField => {
            v.focused = !v.focused;
            v.follow = v.focused;
        }
        Action::Up if v.focused => {
            v.sel = v.sel.saturating_sub(1);
            v.follow = true;
        }
        Action::Down if v.focused => {
            v.sel = (v.sel + 1).min(choosable.saturating_sub(1));
            v.follow = true;
        }
        Action::ResolveDissent => ask(app, Ask::Resolve),
        Action::RecapDone => ask(app, Ask::Done),
        Action::Adopt => crate::tui::dialogs::adopt::open(&mut crate::tui::dialogs::Cx::new(app)),
        Action::Plan => crate::tui::dialogs::plan::open(&mut crate::tui::dialogs::Cx::new(app)),
        _ => return false,
    }
    true
}

/// What `r` and `x` ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Resolve,
    Done,
}

/// `r` (a dissent resolved) or `x` (an action done): ask first, and before
/// the workshop has started say that this starts it (a change is a capture
/// of the workshop).
fn ask(app: &mut App, what: Ask) {
    let s = app.s();
    let (Some(o), Some(view)) = (app.open_session(), app.screen_state()) else {
        return;
    };
    let chosen = recap_items(&o.session).get(view.recap.sel).cloned();
    let (mut text, on_yes) = match (what, chosen) {
        (Ask::Resolve, Some(RecapItem::Dissent(point))) => {
            let Some(pos) = app.fw().pos_of(&point) else {
                return;
            };
            (
                fill(s.recap_resolve_q, &[&point]),
                OnYes::ResolveDissent(pos.flat),
            )
        }
        (Ask::Done, Some(RecapItem::Action(point, i))) => {
            let Some(pos) = app.fw().pos_of(&point) else {
                return;
            };
            let what = o
                .session
                .record(&point)
                .map(|r| r.actions[i].what.clone())
                .unwrap_or_default();
            let what = crate::tui::widgets::status::fit(&safe_line(&what), 60);
            (
                fill(s.recap_done_q, &[&point, &what]),
                OnYes::ActionDone(pos.flat, i),
            )
        }
        (Ask::Resolve, _) => {
            app.info(s.recap_no_dissent.to_string());
            return;
        }
        (Ask::Done, _) => {
            app.info(s.recap_no_action.to_string());
            return;
        }
    };
    if o.planned.is_some() {
        let number = (o.session.workshop_number() + 1).to_string();
        text.push(' ');
        text.push_str(&fill(s.recap_resolve_starts, &[&number]));
    }
    app.open_dialog(ConfirmDialog { text, on_yes });
}

/// Draw the recap in `area`: a frame whose title shows the focus, the text
/// from the scroll position, a scrollbar and "+N meer" when it runs on.
/// Returns whether it scrolls (the footer then shows the page keys).
pub fn render(
    app: &App,
    sess: &Session,
    planned: bool,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) -> bool {
    let s = app.s();
    let Some(view) = app.screen_state() else {
        return false;
    };
    let v = view.recap;
    let title_style = if v.focused { th.focus } else { th.title };
    let marker = if v.focused { "▶ " } else { "" };
    let env = app.env();
    let title = format!("{marker}{}", recap_title(&env, sess, planned));
    let room_for_title = (area.width as usize).saturating_sub(2);
    let blk = Block::new().title(Span::styled(
        format!(" {} ", fit(&title, room_for_title)),
        title_style,
    ));
    let inner = blk.inner(area).inner(Margin {
        horizontal: 2,
        vertical: 1,
    });
    f.render_widget(blk, area);
    if inner.height == 0 || inner.width == 0 {
        return false;
    }
    let (lines, sel_line) = recap_lines(&env, sess, planned, &v, th);
    let width = inner.width.saturating_sub(2);
    let para = |l: Vec<Line<'static>>| Wrapped::new(l);
    let total = para(lines.clone()).line_count(width) as u16;
    let room = inner.height;
    let mut scroll = v.scroll;
    if v.follow
        && let Some(i) = sel_line
    {
        let row = para(lines[..i].to_vec()).line_count(width) as u16;
        let row = if i == 0 { 0 } else { row };
        // the chosen dissent in view, a few rows of context above it
        if row < scroll || row >= scroll + room.saturating_sub(1) {
            scroll = row.saturating_sub(room / 3);
        }
    }
    let scroll = scroll.min(total.saturating_sub(room));
    let below = total.saturating_sub(scroll + room);
    let text_area = Rect {
        width,
        height: if below > 0 { room - 1 } else { room },
        ..inner
    };
    f.render_widget(para(lines).scroll(scroll), text_area);
    if below > 0 {
        // the last row says how much is below (one more row is hidden by it)
        let more = fill(s.recap_more, &[&(below + 1).to_string()]);
        let row = Rect {
            y: inner.y + room - 1,
            height: 1,
            width,
            ..inner
        };
        f.render_widget(Paragraph::new(Span::styled(more, th.warn)), row);
    }
    if total > room {
        let mut bar = ScrollbarState::new(total.saturating_sub(room) as usize + 1)
            .viewport_content_length(room as usize)
            .position(scroll as usize);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("░"))
                .thumb_symbol("█")
                .style(th.dim),
            inner,
            &mut bar,
        );
    }
    total > room
}
