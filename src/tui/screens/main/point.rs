//! The main screen's layout: header, step bar, the point, and the panels.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::framework::Pos;
use crate::i18n::fill;
use crate::session::{Session, Status};
use crate::tui::app::App;
use crate::tui::keys::Ctx;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_lines;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::status::{clock, flash_line, mmss};
use crate::tui::widgets::wrapped::Wrapped;
use crate::view::wrap::wrap_styled;
use crate::view::wrap::wrapped_rows;

/// Draw the workshop screen.
pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let (Some(o), Some(view)) = (app.open_session(), app.screen_state()) else {
        return;
    };
    if view.focus_view {
        super::focus::render(app, f, area, th);
        return;
    }
    let sess = &o.session;
    let pos = app.fw().pos_at(app.cursor_flat());
    let ctx = if view.stance_focus.is_some() {
        Ctx::Stances
    } else {
        Ctx::Main
    };
    // the essential keys on two lines when one does not hold them
    let hints = hint_lines(ctx, app.s(), area.width, 2, false, th);
    // the plan of the workshop, when it has one: budget, end, pace (issue 26)
    let plan = super::budget::lines(app, sess, pos, area.width, th);
    let [header_area, stepbar, plan_area, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(plan.len() as u16),
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(hints.len() as u16),
    ])
    .areas(area);
    header(app, sess, f, header_area, th);
    step_bar(app, pos, f, stepbar, th);
    f.render_widget(Paragraph::new(plan).style(th.base), plan_area);
    // body: agenda column on wide screens
    let main_area = if body.width >= 120 {
        let agenda_width = if body.width >= 150 { 44 } else { 36 };
        let [agenda, rest] =
            Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(60)]).areas(body);
        super::agenda::render(app, f, agenda, th);
        rest
    } else {
        body
    };
    point_column(app, sess, pos, f, main_area, th);
    f.render_widget(Paragraph::new(flash_line(app, th, flash.width)), flash);
    f.render_widget(Paragraph::new(hints), footer);
}

/// The rows the workshop screen's key hints take at `width` (1 or 2).
pub fn footer_rows(app: &App, width: u16) -> u16 {
    let focus = app.screen_state().is_some_and(|v| v.focus_view);
    if focus {
        return 1;
    }
    let ctx = if app.screen_state().is_some_and(|v| v.stance_focus.is_some()) {
        Ctx::Stances
    } else {
        Ctx::Main
    };
    crate::tui::widgets::footer::hint_rows(ctx, app.s(), width)
}

/// Session, workshop and clock.
fn header(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let w = sess.current_workshop();
    // name, then area and municipality as far as they are known
    let place: Vec<String> = [&sess.area, &sess.municipality]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| safe_line(p).into_owned())
        .collect();
    let mut parts = vec!["wijktafel".to_string(), safe_line(&sess.name).into_owned()];
    if !place.is_empty() {
        parts.push(place.join(", "));
    }
    let title = format!(" {} ", parts.join(" · "));
    let number = w.map(|w| w.number).unwrap_or(0).to_string();
    let mut right = format!(
        " {} · {} · {} ",
        fill(s.ui_workshop, &[&number]),
        w.map(|w| app.lang().date(w.date)).unwrap_or_default(),
        clock(app)
    );
    // the decision of the latest vote, whole, while the title keeps 24
    // columns (terminal columns: a name or a route may be Chinese)
    let columns = crate::view::wrap::columns;
    let keep = columns(&title).min(24) + 4;
    let room = (area.width as usize).saturating_sub(columns(&right) + keep);
    if let Some(d) = crate::view::decision::fitting(&app.env(), sess, room) {
        right = format!(" {d} ·{right}");
    }
    let rw = columns(&right) as u16;
    let title = fit(&title, area.width.saturating_sub(rw + 1) as usize);
    f.render_widget(Paragraph::new(title).style(th.header), area);
    if rw < area.width {
        f.render_widget(
            Paragraph::new(right).style(th.header),
            Rect::new(area.x + area.width - rw, area.y, rw, 1),
        );
    }
}

/// "Blok 1 · … · Stap 2/5: 1.2 …", and the lock of a gated block.
pub(super) fn step_bar(app: &App, pos: Pos, f: &mut Frame, area: Rect, th: &Theme) -> usize {
    let s = app.s();
    let block = &app.fw().blocks[pos.block];
    let step = &block.steps[pos.step];
    let where_ = crate::view::place::block_step(app.fw(), pos, s);
    let mut bar = vec![
        Span::styled(where_, th.title),
        Span::styled(format!(": {} {}", step.id, step.title), th.title),
    ];
    if app.block_locked(pos.block) {
        bar.push(Span::styled(format!("  {}", s.gate_locked), th.warn));
    }
    let line = Line::from(bar);
    let width = line.width();
    f.render_widget(Paragraph::new(line), area);
    width
}

/// The consideration, the point, its status, and the stances and notes below.
fn point_column(app: &App, sess: &Session, pos: Pos, f: &mut Frame, area: Rect, th: &Theme) {
    let step = app.fw().step_at(pos);
    let point = &step.points[pos.point];
    // the consideration gets the rows it needs, up to 2 (small) or 6 (large screens)
    let cons_cap: usize = if area.height >= 30 { 6 } else { 2 };
    let cons_rows = wrapped_rows(
        &step.consideration,
        area.width.saturating_sub(2).max(1) as usize,
    )
    .min(cons_cap) as u16;
    // the point box fits its text, with a blank line of air when there is room
    let text_width = area.width.saturating_sub(4).max(1) as usize;
    let text_rows = wrapped_rows(&point.text, text_width) as u16;
    let air = if area.height >= 30 { 2 } else { 0 };
    let point_height = (text_rows + 2 + air).clamp(4, area.height / 2);
    // the status (who dissents and why) gets the rows it needs: up to 3 on
    // small screens, 8 on large ones, never taking the panels' 6 rows
    let status_cap = if area.height >= 30 { 8 } else { 3 };
    let left = area
        .height
        .saturating_sub(cons_rows + 1 + point_height + 6)
        .max(2);
    let pieces = status_pieces(app, sess, &point.id, th);
    let status_rows = (wrap_styled(&pieces, area.width.max(1) as usize, usize::MAX).len() as u16)
        .clamp(2, status_cap.min(left));
    let [cons_area, point_area, status_area, lower] = Layout::vertical([
        Constraint::Length(cons_rows + 1),
        Constraint::Length(point_height),
        Constraint::Length(status_rows),
        Constraint::Min(6),
    ])
    .areas(area);
    consideration(app, &step.consideration, f, cons_area, th);
    point_box(app, sess, pos, air > 0, f, point_area, th);
    status_line(app, sess, &point.id, f, status_area, th);
    let [stance_area, notes_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lower);
    super::stances::render(app, sess, f, stance_area, th);
    let notes_area = crate::tui::screens::workday::side_list(app, sess, f, notes_area, th);
    super::notes::render(app, sess, f, notes_area, th);
}

/// "Afweging — text" as one paragraph in the rows it has; cut with "…"
/// (the whole text is under `i`).
fn consideration(app: &App, text: &str, f: &mut Frame, area: Rect, th: &Theme) {
    let inner = area.inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    let pieces = vec![
        (
            format!("{} —", app.s().ui_consideration),
            th.dim.add_modifier(Modifier::BOLD),
        ),
        (safe_line(text).into_owned(), th.dim),
    ];
    let lines = crate::view::wrap::wrap_styled(
        &pieces,
        inner.width.max(1) as usize,
        inner.height.max(1) as usize,
    );
    f.render_widget(Paragraph::new(Text::from(lines)), inner);
}

/// The point itself, large and prominent, with its timer in the frame.
fn point_box(
    app: &App,
    sess: &Session,
    pos: Pos,
    air: bool,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let s = app.s();
    let step = app.fw().step_at(pos);
    let point = &step.points[pos.point];
    let in_step = (pos.point + 1).to_string();
    let label = fill(
        s.ui_point_pos,
        &[&point.id, &in_step, &step.points.len().to_string()],
    );
    let (timer_text, timer_style) = timer(app, sess, pos, th);
    let point_block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus)
        .title(Span::styled(
            format!(" {label} "),
            th.focus.add_modifier(Modifier::BOLD),
        ))
        .title_top(
            Line::from(Span::styled(format!(" {timer_text} "), timer_style)).right_aligned(),
        );
    let mut lines = Vec::new();
    if air {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        safe_line(&point.text).into_owned(),
        th.point,
    )));
    f.render_widget(
        Wrapped::new(lines).block(point_block.padding(ratatui::widgets::Padding::horizontal(1))),
        area,
    );
}

/// "⏱ 03:07 ▶ loopt · gepland 10 min", coloured by the step's pace: the
/// budget of the workshop's plan, else the framework's planned minutes.
pub(super) fn timer(
    app: &App,
    sess: &Session,
    pos: Pos,
    th: &Theme,
) -> (String, ratatui::style::Style) {
    let s = app.s();
    let seconds = app.point_seconds();
    let running = app.open_session().is_some_and(|o| o.timer.is_some());
    let state = if running {
        s.ui_timer_running
    } else {
        s.ui_timer_paused
    };
    let mut text = format!("⏱ {} {state}", mmss(seconds));
    // the running timer's seconds that are not stored yet count too
    let unsaved = super::budget::unsaved_secs(app, sess, pos);
    let Some(p) = crate::domain::budget::step_progress(app.fw(), sess, pos, unsaved) else {
        return (text, if running { th.focus } else { th.dim });
    };
    let planned = (p.budget_secs / 60).to_string();
    text.push_str(&format!(" · {}", fill(s.ui_planned, &[&planned])));
    (text, super::budget::pace_style(p.pace, th))
}

/// The status as symbol and word, with who dissents and why, or why
/// skipped, or over whose "disagree" a consensus was recorded; as styled
/// pieces to wrap.
pub(super) fn status_pieces(
    app: &App,
    sess: &Session,
    point: &str,
    th: &Theme,
) -> Vec<(String, Style)> {
    let s = app.s();
    let rec = sess.record(point);
    let status = rec.map(|r| r.status).unwrap_or_default();
    let mut st = vec![
        (format!("{}:", s.ui_status), th.dim),
        (
            format!(
                "{} {}",
                status.symbol(),
                status.word(app.lang()).to_uppercase()
            ),
            th.status(status).add_modifier(Modifier::BOLD),
        ),
    ];
    match rec {
        Some(r) if r.status == Status::Dissent => {
            let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
            let by = fill(s.ui_dissent_by, &[&who.join(", ")]);
            st.push((format!(" {}", safe_line(&by)), th.bad));
            if !r.dissent_reason.is_empty() {
                st.push((format!("— {}", safe_line(&r.dissent_reason)), th.base));
            }
        }
        Some(r) if r.status == Status::Skipped => st.push((
            safe_line(&fill(s.ui_reason, &[&r.skip_reason])).into_owned(),
            th.muted,
        )),
        Some(r) if r.status == Status::Consensus => {
            let over: Vec<String> = sess
                .parties
                .iter()
                .filter(|p| r.stance_of(p.id) == crate::session::Stance::Disagree)
                .map(|p| sess.party_name(p.id))
                .collect();
            if !over.is_empty() {
                st.push((
                    format!(
                        "— {}",
                        safe_line(&fill(s.consensus_over_disagree, &[&over.join(", ")]))
                    ),
                    th.warn,
                ));
            }
        }
        _ => {}
    }
    st
}

/// The status line: wrapped in the rows it has, ending in "…" when cut.
fn status_line(app: &App, sess: &Session, point: &str, f: &mut Frame, area: Rect, th: &Theme) {
    let pieces = status_pieces(app, sess, point, th);
    let lines = wrap_styled(
        &pieces,
        area.width.max(1) as usize,
        area.height.max(1) as usize,
    );
    f.render_widget(Paragraph::new(lines), area);
}
