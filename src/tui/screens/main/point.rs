//! The main screen's layout: header, step bar, the point, and the panels.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use crate::i18n::fill;
use crate::session::Status;
use crate::tui::app::App;
use crate::tui::keys::Ctx;
use crate::tui::screens::main::notes::wrapped_rows;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::status::{clock, flash_line, mmss};

pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let Some(o) = &app.open else { return };
    let sess = &o.session;
    let s = app.s();
    let fw = &app.fw;
    let pos = fw.pos_at(app.cursor_flat());
    let block = &fw.blocks[pos.block];
    let step = &block.steps[pos.step];
    let point = &step.points[pos.point];

    let [header, stepbar, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(10),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);

    // header: session, workshop, clock
    let w = sess.current_workshop();
    let title = format!(
        " wijktafel · {} · {}{} ",
        safe_line(&sess.name),
        safe_line(&sess.area),
        if sess.municipality.is_empty() {
            String::new()
        } else {
            format!(", {}", safe_line(&sess.municipality))
        }
    );
    let right = format!(
        " {} · {} · {} ",
        fill(
            s.ui_workshop,
            &[&w.map(|w| w.number).unwrap_or(0).to_string()]
        ),
        w.map(|w| w.date.to_string()).unwrap_or_default(),
        clock(app)
    );
    let rw = right.chars().count() as u16;
    let title = fit(&title, header.width.saturating_sub(rw + 1) as usize);
    f.render_widget(Paragraph::new(title).style(th.header), header);
    if rw < header.width {
        f.render_widget(
            Paragraph::new(right).style(th.header),
            Rect::new(header.x + header.width - rw, header.y, rw, 1),
        );
    }

    // block and step
    let mut bar = vec![Span::styled(
        fill(
            s.ui_block_step,
            &[
                &block.id,
                &block.title,
                &(pos.step + 1).to_string(),
                &block.steps.len().to_string(),
            ],
        ),
        th.title,
    )];
    bar.push(Span::styled(
        format!(": {} {}", step.id, step.title),
        th.title,
    ));
    if app.block_locked(pos.block) {
        bar.push(Span::styled(format!("  {}", s.gate_locked), th.warn));
    }
    f.render_widget(Paragraph::new(Line::from(bar)), stepbar);

    // body: agenda column on wide screens
    let wide = body.width >= 120;
    let main_area = if wide {
        let agenda_width = if body.width >= 150 { 44 } else { 36 };
        let [agenda, rest] =
            Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(60)]).areas(body);
        super::agenda::render(app, f, agenda, th);
        rest
    } else {
        body
    };

    // the consideration gets the rows it needs, up to 2 (small) or 6 (large screens)
    let cons_cap: usize = if main_area.height >= 30 { 6 } else { 2 };
    let consideration_lines = wrapped_rows(
        &step.consideration,
        main_area.width.saturating_sub(2).max(1) as usize,
    )
    .min(cons_cap) as u16;
    // the point box fits its text, with a blank line of air when there is room
    let text_width = main_area.width.saturating_sub(4).max(1) as usize;
    let text_rows = wrapped_rows(&point.text, text_width) as u16;
    let air = if main_area.height >= 30 { 2 } else { 0 };
    let point_height = (text_rows + 2 + air).clamp(4, main_area.height / 2);
    let [cons_area, point_area, status_area, lower] = Layout::vertical([
        Constraint::Length(consideration_lines + 1),
        Constraint::Length(point_height),
        Constraint::Length(2),
        Constraint::Min(6),
    ])
    .areas(main_area);

    f.render_widget(
        Paragraph::new(Text::from(vec![
            Line::from(Span::styled(
                format!("{} — ", s.ui_consideration),
                th.dim.add_modifier(Modifier::BOLD),
            )),
            Line::from(Span::styled(
                safe_line(&step.consideration).into_owned(),
                th.dim,
            )),
        ]))
        .wrap(Wrap { trim: true })
        .block(Block::new().borders(Borders::NONE)),
        cons_area.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
    );

    // the point itself, large and prominent
    let in_step = format!("{}", pos.point + 1);
    let label = fill(
        s.ui_point_pos,
        &[&point.id, &in_step, &step.points.len().to_string()],
    );
    let timer = app.point_seconds();
    let running = o.timer.is_some();
    let mut timer_style = th.dim;
    let mut timer_text = format!(
        "⏱ {} {}",
        mmss(timer),
        if running {
            s.ui_timer_running
        } else {
            s.ui_timer_paused
        }
    );
    if let Some(planned) = step.planned_minutes {
        // the running timer's seconds that are not stored yet count too
        let stored = sess.record(&point.id).map(|r| r.seconds).unwrap_or(0);
        let unsaved = if running {
            timer.saturating_sub(stored)
        } else {
            0
        };
        timer_style = match crate::gate::step_pace(&app.fw, sess, pos, unsaved) {
            crate::gate::Pace::Over => th.bad,
            crate::gate::Pace::Near => th.warn,
            crate::gate::Pace::Within | crate::gate::Pace::Unplanned => th.dim,
        };
        timer_text.push_str(&format!(
            " · {}",
            fill(s.ui_planned, &[&planned.to_string()])
        ));
    } else if running {
        timer_style = th.focus;
    }
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
    let mut point_lines = Vec::new();
    if air > 0 {
        point_lines.push(Line::default());
    }
    point_lines.push(Line::from(Span::styled(
        safe_line(&point.text).into_owned(),
        th.point,
    )));
    f.render_widget(
        Paragraph::new(point_lines)
            .wrap(Wrap { trim: true })
            .block(point_block.padding(ratatui::widgets::Padding::horizontal(1))),
        point_area,
    );

    // status: symbol and word, with who dissents or why skipped
    let rec = sess.record(&point.id);
    let status = rec.map(|r| r.status).unwrap_or_default();
    let mut st = vec![
        Span::styled(format!(" {}: ", s.ui_status), th.dim),
        Span::styled(
            format!(
                "{} {}",
                status.symbol(),
                status.word(app.lang).to_uppercase()
            ),
            th.status(status).add_modifier(Modifier::BOLD),
        ),
    ];
    if let Some(r) = rec {
        match r.status {
            Status::Dissent => {
                let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
                st.push(Span::styled(
                    format!(
                        "  {}",
                        safe_line(&fill(s.ui_dissent_by, &[&who.join(", ")]))
                    ),
                    th.bad,
                ));
                if !r.dissent_reason.is_empty() {
                    st.push(Span::styled(
                        format!(" — {}", safe_line(&r.dissent_reason)),
                        th.base,
                    ));
                }
            }
            Status::Skipped => st.push(Span::styled(
                format!("  {}", safe_line(&fill(s.ui_reason, &[&r.skip_reason]))),
                th.muted,
            )),
            _ => {}
        }
    }
    f.render_widget(
        Paragraph::new(Line::from(st)).wrap(Wrap { trim: true }),
        status_area,
    );

    // stances and notes side by side
    let [stance_area, notes_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lower);
    super::stances::render(app, sess, f, stance_area, th);
    super::notes::render(app, sess, f, notes_area, th);

    f.render_widget(Paragraph::new(flash_line(app, th)), flash);
    let ctx = if o.stance_focus.is_some() {
        Ctx::Stances
    } else {
        Ctx::Main
    };
    f.render_widget(hint_line(ctx, app.s(), footer.width, false, th), footer);
}
