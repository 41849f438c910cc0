//! Rendering: a pure function of the application state.
//!
//! Only what is visible is computed: the agenda shows a window around the
//! current step, notes are taken from the newest backwards until the panel
//! is full. User text always passes through [`safe_line`] first.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::i18n::fill;
use crate::session::Status;
use crate::tui::app::{
    App, Flash, FlashKind, Overlay, Screen, VoteStage, needs_vote, vote_preview,
};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::render_editor;
use crate::tui::widgets::popup::{hint, popup};
use crate::tui::widgets::recap::{action_lines, dissent_lines};
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
        Screen::Home => crate::tui::screens::home::render(app, f, area, &th),
        Screen::Start => crate::tui::screens::start::render(app, f, area, &th),
        Screen::Main => crate::tui::screens::main::render(app, f, area, &th),
    }
    if let Some(o) = &app.overlay {
        render_overlay(app, o, f, area, &th);
    }
}

// ----------------------------------------------------------------------
// Main screen
// ----------------------------------------------------------------------

// ----------------------------------------------------------------------
// Home and start screens
// ----------------------------------------------------------------------

// ----------------------------------------------------------------------
// Overlays
// ----------------------------------------------------------------------

pub fn render_overlay(app: &App, o: &Overlay, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let point_id = app.session().map(|x| x.cursor.clone()).unwrap_or_default();
    match o {
        Overlay::Skip { reason } => {
            let inner = popup(f, area, 80, 8, s.dlg_skip, th);
            let [ed, h] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(inner);
            render_editor(reason, f, ed, s.field_reason, true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
        Overlay::StanceReason { party, editor } => {
            let name = app
                .session()
                .map(|x| x.party_name(*party))
                .unwrap_or_default();
            let inner = popup(f, area, 80, 8, &fill(s.dlg_stance_reason, &[&name]), th);
            let [ed, h] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(inner);
            render_editor(editor, f, ed, s.field_reason, true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
        Overlay::Dissent {
            chosen,
            selected,
            reason,
            on_reason,
        } => {
            let present = app.present_parties();
            let height = (present.len() as u16 + 9).min(area.height.saturating_sub(2));
            let inner = popup(f, area, 90, height, s.dlg_dissent, th);
            let [list, ed, h] = Layout::vertical([
                Constraint::Min(2),
                Constraint::Length(4),
                Constraint::Length(1),
            ])
            .areas(inner);
            let sess = app.session().expect("open");
            let rec = sess.record(&sess.cursor);
            let lh = list.height as usize;
            let start = if present.len() <= lh {
                0
            } else {
                selected.saturating_sub(lh / 2).min(present.len() - lh)
            };
            let lines: Vec<Line> = present
                .iter()
                .enumerate()
                .skip(start)
                .take(lh)
                .map(|(i, &p)| {
                    let on = chosen.contains(&p);
                    let stance = rec.map(|r| r.stance_of(p)).unwrap_or_default();
                    let key = if i < 9 {
                        format!("{} ", i + 1)
                    } else if i == 9 {
                        "0 ".into()
                    } else {
                        "  ".into()
                    };
                    Line::from(vec![
                        Span::styled(key, th.focus),
                        Span::styled(
                            if on { "☒ " } else { "☐ " },
                            if on { th.bad } else { th.dim },
                        ),
                        Span::styled(
                            safe_line(&sess.party_name(p)).into_owned(),
                            if i == *selected && !on_reason {
                                th.selected
                            } else {
                                th.base
                            },
                        ),
                        Span::styled(
                            format!("  ({} {})", stance.symbol(), stance.word(app.lang)),
                            th.stance(stance),
                        ),
                    ])
                })
                .collect();
            f.render_widget(Paragraph::new(lines), list);
            render_editor(reason, f, ed, s.field_reason, *on_reason, th);
            hint(f, h, s.dlg_dissent_hint, th);
        }
        Overlay::Action(form) => {
            let inner = popup(f, area, 90, 14, &fill(s.dlg_action, &[&point_id]), th);
            let [what, who, due, h] = Layout::vertical([
                Constraint::Length(4),
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Length(1),
            ])
            .areas(inner);
            render_editor(&form.what, f, what, s.field_what, form.field == 0, th);
            let owner = form
                .owner
                .and_then(|i| {
                    app.session()
                        .and_then(|x| x.active_parties().nth(i).map(|p| p.organisation.clone()))
                })
                .unwrap_or_else(|| s.ui_owner_none.to_string());
            let blk = Block::new()
                .borders(Borders::ALL)
                .border_style(if form.field == 1 { th.focus } else { th.border })
                .title(Span::styled(
                    format!(" {} ", s.field_who),
                    if form.field == 1 { th.focus } else { th.dim },
                ));
            let wi = blk.inner(who);
            f.render_widget(blk, who);
            f.render_widget(
                Paragraph::new(Line::from(vec![
                    Span::styled("◀ ", th.focus),
                    Span::styled(
                        safe_line(&owner).into_owned(),
                        th.base.add_modifier(Modifier::BOLD),
                    ),
                    Span::styled(" ▶", th.focus),
                ])),
                wi,
            );
            render_editor(&form.due, f, due, s.field_due, form.field == 2, th);
            hint(f, h, s.dlg_action_hint, th);
        }
        Overlay::AddParty { editor } => {
            let inner = popup(f, area, 80, 7, s.start_add_party, th);
            let [ed, h] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(inner);
            render_editor(editor, f, ed, s.field_parties, true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
        Overlay::NewSession(form) => {
            let inner = popup(f, area, 90, 22, s.form_title, th);
            let labels = [
                s.field_name,
                s.field_area,
                s.field_municipality,
                s.field_facilitator,
                s.field_parties,
            ];
            let [a, b, c, d, e, h] = Layout::vertical([
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Length(3),
                Constraint::Min(3),
                Constraint::Length(1),
            ])
            .areas(inner);
            for (i, r) in [a, b, c, d, e].into_iter().enumerate() {
                render_editor(&form.fields[i], f, r, labels[i], form.field == i, th);
            }
            hint(f, h, s.form_hint, th);
        }
        Overlay::Override { block, reason, .. } => {
            let title = fill(s.override_title, &[&app.fw.blocks[*block].id]);
            let inner = popup(f, area, 84, 8, s.gate_locked, th);
            let [t, ed, h] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(3),
                Constraint::Length(1),
            ])
            .areas(inner);
            f.render_widget(
                Paragraph::new(Span::styled(title, th.warn)).wrap(Wrap { trim: true }),
                t,
            );
            render_editor(reason, f, ed, s.field_reason, true, th);
            hint(f, h, s.dlg_editor_hint, th);
        }
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
