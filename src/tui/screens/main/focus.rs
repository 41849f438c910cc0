//! The focus view of the main screen (`f`), for rooms with one screen: the
//! current point and its status fill the window in a large, calm layout;
//! the agenda and the stance and note panels hide. Who dissents and why
//! still shows. Every key of the main screen works as there (the dialogs
//! open over this view); `f` or Esc returns. The status word is drawn in
//! block letters when there is room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Paragraph;

use crate::framework::Pos;
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::keys::Ctx;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::big_letters::{big_text, drawable};
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::status::flash_line;

use crate::view::wrap::wrap_styled;

/// Draw the focus view over the whole of `area`.
pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let (Some(o), Some(view)) = (app.open_session(), app.screen_state()) else {
        return;
    };
    let sess = &o.session;
    let s = app.s();
    let pos = app.fw().pos_at(app.cursor_flat());
    let step = app.fw().step_at(pos);
    let point = &step.points[pos.point];
    // the plan's row, as on the normal screen (issue 26)
    let plan = super::budget::lines(app, sess, pos, area.width, th);
    let [top, plan_area, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(plan.len() as u16),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    step_row(app, sess, pos, f, top, th);
    f.render_widget(Paragraph::new(plan).style(th.base), plan_area);

    let inner = text_area(body);
    let width = inner.width as usize;
    let mut room = inner.height as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();

    // the point's label and the point itself: first claim on the rows
    let in_step = (pos.point + 1).to_string();
    let label = fill(
        s.ui_point_pos,
        &[&point.id, &in_step, &step.points.len().to_string()],
    );
    lines.push(Line::from(Span::styled(
        label,
        th.focus.add_modifier(Modifier::BOLD),
    )));
    lines.push(Line::default());
    room = room.saturating_sub(2);
    let status_pieces = super::point::status_pieces(app, sess, &point.id, th);
    let status_full = wrap_styled(&status_pieces, width, usize::MAX).len();
    // the status (symbol, word, who dissents and why) keeps up to half the
    // rows, at least one; the point gets the others
    let status_keep = status_full.min(room / 2).max(1);
    let point_rows = room.saturating_sub(status_keep + 1).max(1);
    let text = wrap_styled(
        &[(safe_line(&point.text).into_owned(), th.point)],
        width,
        point_rows,
    );
    room = room.saturating_sub(text.len() + 1);
    lines.extend(text);
    lines.push(Line::default());

    // the status in block letters when they fit, then symbol, word and who
    // dissents and why
    let status = sess.record(&point.id).map(|r| r.status).unwrap_or_default();
    let word = status.word(app.lang()).to_uppercase();
    let status_rows = status_full.min(room.max(1));
    let style = th.status(status).add_modifier(Modifier::BOLD);
    let big = big_word(&word, width, room, status_rows);
    if !big.is_empty() {
        room -= big.len() + 1;
        lines.extend(big.into_iter().map(|r| Line::from(Span::styled(r, style))));
        lines.push(Line::default());
    }
    lines.extend(wrap_styled(&status_pieces, width, status_rows.max(1)));
    room = room.saturating_sub(status_rows);

    // the consideration in the rows that are left, cut with "…"
    let cons = consideration(s.ui_consideration, &step.consideration, width, room, th);
    // the whole a third of the way down what is left over (calm, not glued
    // to the top); the stance panel, while it has the focus, gets the rest
    let stances = view.stance_focus.is_some();
    let content = lines.len() + if stances { 0 } else { cons.len() + 1 };
    let spare = (inner.height as usize).saturating_sub(content);
    let top = if stances { 0 } else { spare / 3 } as u16;
    let inner = Rect::new(inner.x, inner.y + top, inner.width, inner.height - top);
    let used = lines.len() as u16;
    f.render_widget(Paragraph::new(Text::from(lines)), inner);

    below(app, sess, f, inner, used, cons, th);

    f.render_widget(Paragraph::new(flash_line(app, th, flash.width)), flash);
    let ctx = if view.stance_focus.is_some() {
        Ctx::Stances
    } else {
        Ctx::Main
    };
    f.render_widget(hint_line(ctx, s, footer.width, false, th), footer);
}

/// Where the focus view's text goes in `body`: a wide margin on large
/// windows, a row of air under the step bar.
fn text_area(body: Rect) -> Rect {
    let margin = if body.width >= 120 {
        body.width / 10
    } else {
        2
    };
    Rect::new(
        body.x + margin,
        body.y + 1,
        body.width.saturating_sub(2 * margin).max(1),
        body.height.saturating_sub(1),
    )
}

/// The status word in block letters: twice as wide and tall when that
/// leaves the consideration 4 rows, else once, else none (empty).
fn big_word(word: &str, width: usize, room: usize, status_rows: usize) -> Vec<String> {
    let fits = |scale: usize, rows: usize| {
        drawable(word)
            && big_text(word, scale)[0].chars().count() <= width
            && room > status_rows + rows
    };
    if fits(2, 10 + 4) {
        big_text(word, 2)
            .into_iter()
            .flat_map(|r| [r.clone(), r])
            .collect()
    } else if fits(1, 5) {
        big_text(word, 1)
    } else {
        Vec::new()
    }
}

/// The step's consideration with its label, in at most `room - 1` rows
/// (none when fewer than 2 are left or there is none).
fn consideration(
    label: &str,
    text: &str,
    width: usize,
    room: usize,
    th: &Theme,
) -> Vec<Line<'static>> {
    if room < 2 || text.trim().is_empty() {
        return Vec::new();
    }
    let pieces = vec![
        (format!("{label} —"), th.dim.add_modifier(Modifier::BOLD)),
        (safe_line(text).into_owned(), th.dim),
    ];
    wrap_styled(&pieces, width, room - 1)
}

/// The step, and the point's timer on the right when both fit.
fn step_row(app: &App, sess: &Session, pos: Pos, f: &mut Frame, top: Rect, th: &Theme) {
    let (timer, timer_style) = super::point::timer(app, sess, pos, th);
    let bar = super::point::step_bar(app, pos, f, top, th);
    if bar + 2 + timer.chars().count() <= top.width as usize {
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(timer, timer_style)).right_aligned()),
            top,
        );
    }
}

/// Below the point and its status: the stance panel while it has the
/// focus (Tab), else the consideration, a row of air above it.
fn below(
    app: &App,
    sess: &Session,
    f: &mut Frame,
    inner: Rect,
    used: u16,
    cons: Vec<Line<'static>>,
    th: &Theme,
) {
    let stances = app.screen_state().is_some_and(|v| v.stance_focus.is_some());
    let rest = Rect::new(
        inner.x,
        inner.y + used.min(inner.height),
        inner.width,
        inner.height.saturating_sub(used),
    );
    if stances {
        if rest.height >= 4 {
            super::stances::render(app, sess, f, rest, th);
        }
    } else if !cons.is_empty() {
        let r = Rect::new(
            rest.x,
            rest.y + 1,
            rest.width,
            rest.height.saturating_sub(1),
        );
        f.render_widget(Paragraph::new(Text::from(cons)), r);
    }
}
