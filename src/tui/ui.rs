//! Rendering: a pure function of the application state.
//!
//! Only what is visible is computed: the agenda shows a window around the
//! current step, notes are taken from the newest backwards until the panel
//! is full. User text always passes through [`safe_line`] first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use crate::i18n::{Strings, fill};
use crate::session::{Session, Status};
use crate::tui::app::{
    App, Flash, FlashKind, Overlay, Screen, VoteStage, needs_vote, vote_preview,
};
use crate::tui::keys::Ctx;
use crate::tui::text::{safe_line, safe_lines};
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::render_editor;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::{hint, popup};
use crate::vote::{DeferReason, Route, quorum_met};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draw the whole screen.
pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let th = app.theme.theme();
    f.render_widget(Block::new().style(th.base), area);
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
            Paragraph::new(msg)
                .style(th.warn)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    match app.screen {
        Screen::Home => render_home(app, f, area, &th),
        Screen::Start => render_start(app, f, area, &th),
        Screen::Main => render_main(app, f, area, &th),
    }
    if let Some(o) = &app.overlay {
        render_overlay(app, o, f, area, &th);
    }
}

fn hline<'a>(spans: Vec<Span<'a>>) -> Line<'a> {
    Line::from(spans)
}

fn clock(app: &App) -> String {
    app.now
        .to_zoned(app.tz.clone())
        .strftime("%H:%M")
        .to_string()
}

fn mmss(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

fn flash_line(app: &App, th: &Theme) -> Line<'static> {
    let s = app.s();
    if let Some(o) = &app.open
        && let Some(e) = &o.save_error
    {
        return Line::from(Span::styled(
            safe_line(&fill(s.ui_not_saved, &[e])).into_owned(),
            th.bad,
        ));
    }
    match &app.flash {
        Some(Flash {
            text,
            kind: FlashKind::Error,
        }) => Line::from(Span::styled(format!("✖ {}", safe_line(text)), th.bad)),
        Some(Flash {
            text,
            kind: FlashKind::Info,
        }) => Line::from(Span::styled(safe_line(text).into_owned(), th.title)),
        None => match app.open.as_ref().and_then(|o| o.last_saved) {
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

// ----------------------------------------------------------------------
// Main screen
// ----------------------------------------------------------------------

fn render_main(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
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
    f.render_widget(Paragraph::new(hline(bar)), stepbar);

    // body: agenda column on wide screens
    let wide = body.width >= 120;
    let main_area = if wide {
        let agenda_width = if body.width >= 150 { 44 } else { 36 };
        let [agenda, rest] =
            Layout::horizontal([Constraint::Length(agenda_width), Constraint::Min(60)]).areas(body);
        render_agenda(app, f, agenda, th);
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
        Paragraph::new(hline(st)).wrap(Wrap { trim: true }),
        status_area,
    );

    // stances and notes side by side
    let [stance_area, notes_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(lower);
    render_stances(app, sess, f, stance_area, th);
    render_notes(app, sess, f, notes_area, th);

    f.render_widget(Paragraph::new(flash_line(app, th)), flash);
    let ctx = if o.stance_focus.is_some() {
        Ctx::Stances
    } else {
        Ctx::Main
    };
    f.render_widget(hint_line(ctx, app.s(), footer.width, false, th), footer);
}

fn render_agenda(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let fw = &app.fw;
    let Some(sess) = app.session() else { return };
    let pos = fw.pos_at(app.cursor_flat());
    let blk = Block::new()
        .borders(Borders::RIGHT)
        .border_style(th.border)
        .title(Span::styled(format!(" {} ", s.ui_agenda), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    let mut rows: Vec<Line> = Vec::new();
    let mut current_row = 0;
    for (bi, b) in fw.blocks.iter().enumerate() {
        let total: usize = b.steps.iter().map(|st| st.points.len()).sum();
        let done: usize = b
            .steps
            .iter()
            .flat_map(|st| st.points.iter())
            .filter(|p| sess.status_of(&p.id) != Status::Open)
            .count();
        let locked = app.block_locked(bi);
        let marker = if bi == pos.block { "▾" } else { "▸" };
        let style = if bi == pos.block { th.title } else { th.base };
        let mut spans = vec![Span::styled(
            format!("{marker} {} {}", b.id, b.title),
            style,
        )];
        spans.push(Span::styled(format!(" {done}/{total}"), th.dim));
        if locked {
            spans.push(Span::styled(" ⊘", th.warn));
        }
        rows.push(Line::from(spans));
        let all_steps: usize =
            fw.step_count() + fw.blocks.len() + fw.blocks[pos.block].steps[pos.step].points.len();
        if bi != pos.block && all_steps > inner.height as usize {
            continue;
        }
        for (si, st) in b.steps.iter().enumerate() {
            let statuses: Vec<Status> = st.points.iter().map(|p| sess.status_of(&p.id)).collect();
            let sym = if statuses.contains(&Status::Dissent) {
                (Status::Dissent.symbol(), th.bad)
            } else if statuses.iter().all(|&x| x != Status::Open) {
                ("✔", th.good)
            } else if statuses.iter().any(|&x| x != Status::Open) {
                ("◐", th.warn)
            } else {
                ("○", th.dim)
            };
            let cur = bi == pos.block && si == pos.step;
            let style = if cur {
                th.selected
            } else if bi == pos.block {
                th.base
            } else {
                th.dim
            };
            rows.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(sym.0, sym.1),
                Span::styled(format!(" {} {}", st.id, st.title), style),
            ]));
            if cur {
                for (pi, p) in st.points.iter().enumerate() {
                    let status = sess.status_of(&p.id);
                    let here = pi == pos.point;
                    if here {
                        current_row = rows.len();
                    }
                    rows.push(Line::from(vec![
                        Span::styled(if here { "   ▶ " } else { "     " }, th.focus),
                        Span::styled(format!("{} ", status.symbol()), th.status(status)),
                        Span::styled(p.id.clone(), if here { th.focus } else { th.dim }),
                        Span::styled(format!(" {}", status.word(app.lang)), th.status(status)),
                    ]));
                }
            }
        }
    }
    // a window around the current point
    let h = inner.height as usize;
    let start = if rows.len() <= h {
        0
    } else {
        current_row.saturating_sub(h / 2).min(rows.len() - h)
    };
    let visible: Vec<Line> = rows.into_iter().skip(start).take(h).collect();
    f.render_widget(
        Paragraph::new(visible),
        inner.inner(ratatui::layout::Margin {
            horizontal: 1,
            vertical: 0,
        }),
    );
}

fn render_stances(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let o = app.open.as_ref().expect("open");
    let focus = o.stance_focus;
    let blk = Block::new()
        .borders(Borders::TOP)
        .border_style(if focus.is_some() { th.focus } else { th.border })
        .title(Span::styled(format!(" {} ", s.ui_stances), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    if sess.parties.is_empty() {
        f.render_widget(
            Paragraph::new(s.ui_no_parties)
                .style(th.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let present = app.present_parties();
    let rec = sess.record(&sess.cursor);
    let h = inner.height as usize;
    let sel = focus.unwrap_or(0);
    let start = if present.len() <= h {
        0
    } else {
        sel.saturating_sub(h / 2).min(present.len() - h)
    };
    let mut lines: Vec<Line> = Vec::new();
    for (i, &pid) in present.iter().enumerate().skip(start).take(h) {
        let stance = rec.map(|r| r.stance_of(pid)).unwrap_or_default();
        let reason = rec
            .and_then(|r| r.stance_entry(pid))
            .map(|e| e.reason.as_str())
            .unwrap_or("");
        let key = match i {
            0..=8 => format!("{}", i + 1),
            9 => "0".into(),
            _ => " ".into(),
        };
        let selected = focus == Some(i);
        let name_style = if selected { th.selected } else { th.base };
        let word = format!("{} {}", stance.symbol(), stance.word(app.lang));
        let name_room = (inner.width as usize)
            .saturating_sub(2 + 1 + word.chars().count())
            .max(4);
        let name = fit(&safe_line(&sess.party_name(pid)), name_room);
        let mut spans = vec![
            Span::styled(format!("{key} "), th.focus),
            Span::styled(format!("{name:<name_room$} "), name_style),
            Span::styled(word, th.stance(stance)),
        ];
        if !reason.is_empty() {
            spans.push(Span::styled(format!(" — {}", safe_line(reason)), th.dim));
        }
        lines.push(Line::from(spans));
    }
    let absent: Vec<String> = sess
        .active_parties()
        .filter(|p| !present.contains(&p.id))
        .map(|p| safe_line(&p.organisation).into_owned())
        .collect();
    if !absent.is_empty() && lines.len() < h {
        lines.push(Line::from(Span::styled(
            format!("  – {}: {}", s.ui_absent, absent.join(", ")),
            th.dim,
        )));
    }
    if app.all_agree() && sess.status_of(&sess.cursor) != Status::Consensus && lines.len() < h {
        lines.push(Line::from(Span::styled(s.ui_suggest_consensus, th.good)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Cut text to `width` characters, with an ellipsis when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// Rows that `text` takes when word-wrapped at `width` (an estimate that
/// never undercounts by more than a row per long word).
fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut col = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            rows += 1;
            col = 0;
        }
        if col > 0 {
            col += 1;
        }
        col += w;
        while col > width {
            rows += 1;
            col -= width;
        }
    }
    rows
}

fn render_notes(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let blk = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(
            format!(" {} & {} ", s.ui_notes, s.ui_actions.to_lowercase()),
            th.title,
        ));
    let inner = blk.inner(area).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    f.render_widget(blk, area);
    let Some(rec) = sess.record(&sess.cursor) else {
        f.render_widget(
            Paragraph::new(s.ui_no_notes)
                .style(th.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    if rec.notes.is_empty() && rec.actions.is_empty() {
        f.render_widget(
            Paragraph::new(s.ui_no_notes)
                .style(th.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let h = inner.height as usize;
    let width = inner.width.max(1) as usize;
    // open actions first (they matter to the room), then the newest notes that fit
    let mut lines: Vec<Line> = Vec::new();
    for a in rec.actions.iter().rev().take(h.div_ceil(3).max(1)) {
        let owner = a
            .owner
            .map(|p| sess.party_name(p))
            .unwrap_or_else(|| s.ui_owner_none.into());
        let due = a
            .due
            .map(|d| format!(", {}", fill(s.ui_due, &[&d.to_string()])))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(if a.done { "☑ " } else { "☐ " }, th.focus),
            Span::styled(
                safe_line(&a.what).into_owned(),
                th.base.add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!(" — {}{due}", safe_line(&owner)), th.dim),
        ]));
    }
    let room = h.saturating_sub(lines.len());
    let mut note_lines: Vec<Line> = Vec::new();
    let mut shown = 0;
    for n in rec.notes.iter().rev() {
        if note_lines.len() >= room {
            break;
        }
        let mut block: Vec<Line> = Vec::new();
        for (i, l) in safe_lines(&n.text).into_iter().enumerate() {
            let prefix = if i == 0 {
                format!("• B{} ", n.workshop)
            } else {
                "  ".into()
            };
            block.push(Line::from(vec![
                Span::styled(prefix, th.dim),
                Span::styled(l, th.base),
            ]));
        }
        // approximate wrapped height to stop early on long notes
        let rows: usize = block.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
        if note_lines.len() + rows > room && shown > 0 {
            break;
        }
        shown += 1;
        for l in block.into_iter().rev() {
            note_lines.push(l);
        }
    }
    note_lines.reverse();
    if shown < rec.notes.len() && room > 0 {
        note_lines.insert(
            0,
            Line::from(Span::styled(
                fill(s.ui_more_above, &[&(rec.notes.len() - shown).to_string()]),
                th.dim,
            )),
        );
    }
    lines.extend(note_lines);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

// ----------------------------------------------------------------------
// Home and start screens
// ----------------------------------------------------------------------

fn render_home(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let [header, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(format!(" {} ", s.home_title)).style(th.header),
        header,
    );
    let inner = body.inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 1,
    });
    if app.home.is_empty() {
        let dir = app.store.dir().display().to_string();
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(
                    safe_line(&fill(s.home_empty, &[&dir])).into_owned(),
                    th.base,
                )),
                Line::default(),
                Line::from(Span::styled(s.home_empty_hint, th.title)),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
    } else {
        let h = inner.height as usize;
        let start = app.home_sel.saturating_sub(h.saturating_sub(1));
        // column widths: name, area, block, last workshop; the vote takes the rest
        let wide = inner.width >= 110;
        let (wn, wa, wb, wl) = if wide {
            (28, 18, 30, 18)
        } else {
            (20, 12, 18, 14)
        };
        let lines: Vec<Line> = app
            .home
            .iter()
            .enumerate()
            .skip(start)
            .take(h)
            .map(|(i, e)| {
                let style = if i == app.home_sel {
                    th.selected
                } else {
                    th.base
                };
                match &e.error {
                    Some(err) => Line::from(vec![
                        Span::styled(format!("{:<24}", safe_line(&e.name)), style),
                        Span::styled(format!(" ⚠ {}", safe_line(err)), th.bad),
                    ]),
                    None => Line::from(vec![
                        Span::styled(format!("{:<wn$}", fit(&safe_line(&e.name), wn)), style),
                        Span::styled(format!(" {:<wa$}", fit(&safe_line(&e.area), wa)), th.base),
                        Span::styled(format!(" {:<wb$}", fit(&e.block, wb)), th.dim),
                        Span::styled(format!(" {:<wl$}", fit(&e.last, wl)), th.dim),
                        Span::styled(format!(" {}", e.vote), th.title),
                    ]),
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), inner);
    }
    f.render_widget(Paragraph::new(flash_line(app, th)), flash);
    f.render_widget(hint_line(Ctx::Home, s, footer.width, false, th), footer);
}

/// Lines for the points in dissent: who and why (at most `limit`).
fn dissent_lines(
    sess: &Session,
    limit: usize,
    s: &Strings,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let dissents = sess.dissents();
    if dissents.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", s.start_none),
            th.dim,
        )));
    }
    for (pid, r) in dissents.iter().take(limit) {
        let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  ✖ {pid} "), th.bad),
            Span::styled(safe_line(&who.join(", ")).into_owned(), th.base),
            Span::styled(format!(" — {}", safe_line(&r.dissent_reason)), th.dim),
        ]));
    }
}

/// Lines for open action items: what, who, due date (at most `limit`).
fn action_lines(
    sess: &Session,
    actions: &[(&str, &crate::session::ActionItem)],
    limit: usize,
    s: &Strings,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    if actions.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", s.start_none),
            th.dim,
        )));
    }
    for (pid, a) in actions.iter().take(limit) {
        let owner = a
            .owner
            .map(|p| sess.party_name(p))
            .unwrap_or_else(|| s.ui_owner_none.into());
        let due = a
            .due
            .map(|d| format!(", {}", fill(s.ui_due, &[&d.to_string()])))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  ☐ {pid} "), th.focus),
            Span::styled(safe_line(&a.what).into_owned(), th.base),
            Span::styled(format!(" — {}{due}", safe_line(&owner)), th.dim),
        ]));
    }
}

fn render_start(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(o) = &app.open else { return };
    let sess = &o.session;
    let number = sess.workshop_number();
    let [header, body, flash, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(5),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(
        Paragraph::new(format!(
            " {} ",
            safe_line(&fill(s.start_title, &[&sess.name, &number.to_string()]))
        ))
        .style(th.header),
        header,
    );
    let [recap, attend] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    // recap of the previous workshop
    let mut lines: Vec<Line> = Vec::new();
    let prev = sess.workshops.iter().rev().nth(1);
    match prev {
        None => lines.push(Line::from(Span::styled(s.start_first, th.dim))),
        Some(p) => {
            lines.push(Line::from(Span::styled(
                fill(s.start_recap, &[&p.number.to_string(), &p.date.to_string()]),
                th.title,
            )));
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.start_open_dissent, th.bad)));
            dissent_lines(sess, 6, s, th, &mut lines);
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.start_open_actions, th.title)));
            action_lines(sess, &sess.open_actions(), 8, s, th, &mut lines);
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.start_last_vote, th.title)));
            match sess.latest_vote() {
                None => lines.push(Line::from(Span::styled(format!("  {}", s.no_vote), th.dim))),
                Some(v) => {
                    lines.push(Line::from(vec![
                        Span::styled(
                            format!("  {} {}", v.outcome.symbol(), v.outcome.word(app.lang)),
                            th.outcome(v.outcome),
                        ),
                        Span::styled(
                            format!(
                                " ({}) · {}",
                                fill(s.ui_workshop, &[&v.workshop.to_string()]),
                                v.tally.describe(app.lang)
                            ),
                            th.dim,
                        ),
                    ]));
                    if let Some(fu) = &v.follow_up {
                        lines.push(Line::from(Span::styled(
                            format!("  {}", safe_line(&fu.describe(app.lang))),
                            th.base,
                        )));
                    }
                    if let Some(d) = v.revisit {
                        lines.push(Line::from(Span::styled(
                            format!("  {}", fill(s.start_revisit, &[&d.to_string()])),
                            th.base,
                        )));
                    }
                }
            }
        }
    }
    if let Some(p) = app.fw.pos_of(&sess.cursor) {
        let pt = app.fw.point_at(p.flat);
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            fill(s.start_resume_at, &[&pt.id, &safe_line(&pt.text)]),
            th.focus,
        )));
    }
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        recap.inner(ratatui::layout::Margin {
            horizontal: 2,
            vertical: 1,
        }),
    );
    // attendance
    let blk = Block::new()
        .borders(Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(format!(" {} ", s.start_attendance), th.title));
    let inner = blk.inner(attend).inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 1,
    });
    f.render_widget(blk, attend);
    let parties: Vec<_> = sess.active_parties().collect();
    let h = inner.height as usize;
    let start = o.start_sel.saturating_sub(h.saturating_sub(1));
    let lines: Vec<Line> = parties
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, p)| {
            let here = sess.is_present(p.id);
            let key = match i {
                0..=8 => format!("{} ", i + 1),
                9 => "0 ".into(),
                _ => "  ".into(),
            };
            let style = if i == o.start_sel {
                th.selected
            } else {
                th.base
            };
            Line::from(vec![
                Span::styled(key, th.focus),
                Span::styled(
                    if here {
                        format!("☑ {:<10}", s.present)
                    } else {
                        format!("☐ {:<10}", s.ui_absent)
                    },
                    if here { th.good } else { th.dim },
                ),
                Span::styled(safe_line(&p.label()).into_owned(), style),
            ])
        })
        .collect();
    if parties.is_empty() {
        f.render_widget(Paragraph::new(s.ui_need_parties).style(th.warn), inner);
    } else {
        f.render_widget(Paragraph::new(lines), inner);
    }
    f.render_widget(Paragraph::new(flash_line(app, th)), flash);
    f.render_widget(hint_line(Ctx::Start, s, footer.width, false, th), footer);
}

// ----------------------------------------------------------------------
// Overlays
// ----------------------------------------------------------------------

pub fn render_overlay(app: &App, o: &Overlay, f: &mut Frame, area: Rect, th: &Theme) {
    match o {
        Overlay::Vote(v) => render_vote(app, v, f, area, th),
        Overlay::Banner { vote } => render_banner(app, *vote, f, area, th),
        Overlay::Summary => render_summary(app, f, area, th),
        dialog => {
            if let Some(d) = dialog.dialog() {
                d.render(app, f, area, th);
            }
        }
    }
    if app.overlay.is_some()
        && let Some(Flash {
            text,
            kind: FlashKind::Error,
        }) = &app.flash
    {
        let r = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(Span::styled(format!("✖ {}", safe_line(text)), th.bad)).style(th.base),
            r,
        );
    }
}

fn render_vote(app: &App, v: &crate::tui::app::VoteState, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let inner = popup(
        f,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        &fill(s.vote_title, &[&sess.name]),
        th,
    );
    let [q, rule, list, tally_area, extra, h] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(if matches!(v.stage, VoteStage::Ballots { editing: None }) {
            0
        } else {
            7
        }),
        Constraint::Length(1),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(Span::styled(s.vote_question, th.point)).wrap(Wrap { trim: true }),
        q,
    );
    f.render_widget(
        Paragraph::new(Span::styled(
            fill(s.vote_rule, &[&sess.rule.describe(app.lang)]),
            th.dim,
        )),
        rule,
    );
    let lh = list.height as usize;
    let start = if v.lines.len() <= lh {
        0
    } else {
        v.selected.saturating_sub(lh / 2).min(v.lines.len() - lh)
    };
    let lines: Vec<Line> = v
        .lines
        .iter()
        .enumerate()
        .skip(start)
        .take(lh)
        .map(|(i, l)| {
            let key = if i < 9 {
                format!("{} ", i + 1)
            } else if i == 9 {
                "0 ".into()
            } else {
                "  ".into()
            };
            let choice = match l.choice {
                Some(c) => format!("{} {:<18}", c.symbol(), c.word(app.lang)),
                None => format!("? {:<18}", s.vote_not_voted),
            };
            let mut spans = vec![
                Span::styled(key, th.focus),
                Span::styled(choice, th.choice(l.choice)),
                Span::styled(
                    safe_line(&sess.party_name(l.party)).into_owned(),
                    if i == v.selected {
                        th.selected
                    } else {
                        th.base
                    },
                ),
            ];
            if !l.reason.is_empty() {
                spans.push(Span::styled(format!(" — {}", safe_line(&l.reason)), th.dim));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    // live tally, quorum, who is missing, and the outcome if closed now
    let crate::vote::Preview {
        tally: t,
        outcome,
        deferred,
    } = vote_preview(app, v);
    let total = sess.active_parties().count() as u32;
    let present = v.lines.len() as u32;
    let needed = crate::vote::quorum_needed(&sess.rule, total);
    let missing: Vec<String> = sess
        .active_parties()
        .filter(|p| !v.lines.iter().any(|l| l.party == p.id))
        .map(|p| safe_line(&p.organisation).into_owned())
        .collect();
    let q_style = if quorum_met(&sess.rule, present, total) {
        th.good
    } else {
        th.bad
    };
    let mut tl = vec![
        Line::from(vec![
            Span::styled(t.describe(app.lang), th.base.add_modifier(Modifier::BOLD)),
            Span::styled("   ", th.base),
            Span::styled(
                fill(
                    s.vote_quorum,
                    &[
                        &present.to_string(),
                        &total.to_string(),
                        &needed.to_string(),
                    ],
                ),
                q_style,
            ),
        ]),
        Line::from(Span::styled(
            fill(
                s.vote_preview,
                &[&format!(
                    "{} {}{}",
                    outcome.symbol(),
                    outcome.word(app.lang),
                    defer_text(deferred, app.lang)
                )],
            ),
            th.outcome(outcome),
        )),
    ];
    if !missing.is_empty() {
        tl.push(Line::from(Span::styled(
            fill(s.vote_missing, &[&missing.join(", ")]),
            th.dim,
        )));
    }
    f.render_widget(Paragraph::new(tl), tally_area);
    match &v.stage {
        VoteStage::Ballots { editing: Some(ed) } => {
            let name = v
                .lines
                .get(v.selected)
                .map(|l| sess.party_name(l.party))
                .unwrap_or_default();
            render_editor(ed, f, extra, &fill(s.vote_reason_for, &[&name]), true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
        VoteStage::Ballots { editing: None } => hint(f, h, s.vote_hint, th),
        VoteStage::Defer { reason } => {
            render_editor(reason, f, extra, s.vote_defer_title, true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
        VoteStage::FollowUp {
            route,
            other,
            revisit,
            field,
        } => {
            let [routes, fields] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(extra);
            let lines: Vec<Line> =
                std::iter::once(Line::from(Span::styled(s.vote_followup_title, th.bad)))
                    .chain(Route::ALL.iter().enumerate().map(|(i, r)| {
                        Line::from(Span::styled(
                            format!(
                                "{} {} {}",
                                i + 1,
                                if i == *route { "◉" } else { "○" },
                                r.word(app.lang)
                            ),
                            if i == *route {
                                if *field == 0 { th.selected } else { th.focus }
                            } else {
                                th.base
                            },
                        ))
                    }))
                    .collect();
            f.render_widget(Paragraph::new(lines), routes);
            let [a, b] =
                Layout::vertical([Constraint::Length(3), Constraint::Length(3)]).areas(fields);
            render_editor(other, f, a, s.vote_other, *field == 1, th);
            render_editor(revisit, f, b, s.vote_revisit, *field == 2, th);
            hint(f, h, s.vote_followup_hint, th);
        }
    }
}

fn defer_text(d: Option<DeferReason>, lang: crate::i18n::Lang) -> String {
    d.map(|d| format!(" ({})", d.word(lang)))
        .unwrap_or_default()
}

/// Block letters, five rows high, for the outcome banner.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        'G' => [" ███ ", "█    ", "█  ██", "█   █", " ███ "],
        'O' => [" ███ ", "█   █", "█   █", "█   █", " ███ "],
        'N' => ["█   █", "██  █", "█ █ █", "█  ██", "█   █"],
        '-' => ["    ", "    ", "████", "    ", "    "],
        'U' => ["█   █", "█   █", "█   █", "█   █", " ███ "],
        'I' => ["███", " █ ", " █ ", " █ ", "███"],
        'T' => ["█████", "  █  ", "  █  ", "  █  ", "  █  "],
        'E' => ["████", "█   ", "███ ", "█   ", "████"],
        'S' => [" ███", "█   ", " ██ ", "   █", "███ "],
        'L' => ["█   ", "█   ", "█   ", "█   ", "████"],
        'D' => ["███ ", "█  █", "█  █", "█  █", "███ "],
        'F' => ["████", "█   ", "███ ", "█   ", "█   "],
        'R' => ["███ ", "█  █", "███ ", "█ █ ", "█  █"],
        _ => ["  ", "  ", "  ", "  ", "  "],
    }
}

/// The rows of a word in block letters, each pixel `scale` cells wide.
pub fn big_text(word: &str, scale: usize) -> Vec<String> {
    let mut rows = vec![String::new(); 5];
    for (i, c) in word.chars().enumerate() {
        let g = glyph(c);
        for (r, row) in rows.iter_mut().enumerate() {
            if i > 0 {
                row.push_str(&" ".repeat(scale));
            }
            for ch in g[r].chars() {
                row.push_str(&ch.to_string().repeat(scale));
            }
        }
    }
    rows
}

fn render_banner(app: &App, idx: usize, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let Some(v) = sess.votes.get(idx) else { return };
    f.render_widget(Clear, area);
    f.render_widget(Block::new().style(th.base), area);
    let word = v.outcome.word(app.lang);
    let natural = big_text(word, 1)[0].chars().count();
    let scale = if natural * 2 + 4 <= area.width as usize {
        2
    } else {
        1
    };
    let mut rows = big_text(word, scale);
    if natural > area.width as usize {
        rows = vec![word.to_string()];
    }
    let style = th.outcome(v.outcome).add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    let tall = area.height >= 30 && scale == 2;
    for r in &rows {
        lines.push(Line::from(Span::styled(r.clone(), style)));
        if tall {
            lines.push(Line::from(Span::styled(r.clone(), style)));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!(
            "{} {}{}",
            v.outcome.symbol(),
            v.outcome.word(app.lang),
            defer_text(v.deferred, app.lang)
        ),
        style,
    )));
    lines.push(Line::from(Span::styled(
        v.tally.describe(app.lang),
        th.base.add_modifier(Modifier::BOLD),
    )));
    lines.push(Line::from(Span::styled(
        fill(s.vote_rule, &[&v.rule.describe(app.lang)]),
        th.dim,
    )));
    if !v.remark.is_empty() {
        lines.push(Line::from(Span::styled(
            safe_line(&v.remark).into_owned(),
            th.base,
        )));
    }
    if let Some(fu) = &v.follow_up {
        lines.push(Line::from(Span::styled(
            format!("{}", safe_line(&fu.describe(app.lang))),
            th.base,
        )));
    }
    if let Some(d) = v.revisit {
        lines.push(Line::from(Span::styled(
            fill(s.start_revisit, &[&d.to_string()]),
            th.base,
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(s.banner_hint, th.dim)));
    let h = lines.len() as u16;
    let top = area.y + area.height.saturating_sub(h) / 2;
    let r = Rect::new(area.x, top, area.width, h.min(area.height));
    f.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}

fn render_summary(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let number = sess.workshop_number();
    let inner = popup(
        f,
        area,
        area.width.saturating_sub(6),
        area.height.saturating_sub(2),
        &fill(s.summary_title, &[&number.to_string()]),
        th,
    );
    let mut lines: Vec<Line> = Vec::new();
    let discussed: Vec<(&str, Status)> = app
        .fw
        .iter_points()
        .filter_map(|(_, _, p)| {
            sess.record(&p.id)
                .filter(|r| r.touched_in(number))
                .map(|r| (p.id.as_str(), r.status))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        fill(s.summary_points, &[&discussed.len().to_string()]),
        th.title,
    )));
    let mut spans = Vec::new();
    for st in Status::ALL {
        let n = discussed.iter().filter(|(_, x)| *x == st).count();
        spans.push(Span::styled(
            format!("{} {} {}   ", st.symbol(), n, st.word(app.lang)),
            th.status(st),
        ));
    }
    lines.push(Line::from(spans));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(s.summary_decisions, th.title)));
    let votes: Vec<_> = sess.votes.iter().filter(|v| v.workshop == number).collect();
    if votes.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", s.no_vote), th.dim)));
    }
    for v in votes {
        lines.push(Line::from(Span::styled(
            format!(
                "  {} {}{}",
                v.outcome.symbol(),
                v.outcome.word(app.lang),
                defer_text(v.deferred, app.lang)
            ),
            th.outcome(v.outcome),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(s.start_open_dissent, th.bad)));
    dissent_lines(sess, usize::MAX, s, th, &mut lines);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(s.ui_actions, th.title)));
    let actions: Vec<_> = sess
        .open_actions()
        .into_iter()
        .filter(|(_, a)| a.workshop == number)
        .collect();
    action_lines(sess, &actions, usize::MAX, s, th, &mut lines);
    if needs_vote(app) {
        lines.push(Line::from(Span::styled(s.end_needs_vote, th.warn)));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    hint(f, inner, s.summary_hint, th);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_letters_have_five_rows_of_equal_width() {
        for w in ["GO", "NO-GO", "UITGESTELD", "DEFERRED"] {
            let rows = big_text(w, 1);
            assert_eq!(rows.len(), 5);
            let width = rows[0].chars().count();
            assert!(rows.iter().all(|r| r.chars().count() == width), "{w}");
            assert!(width <= 78, "{w} fits 80 columns");
            assert!(rows.iter().any(|r| r.contains('█')));
        }
        assert_eq!(
            big_text("GO", 2)[0].chars().count(),
            big_text("GO", 1)[0].chars().count() * 2
        );
    }
}
