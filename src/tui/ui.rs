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
use crate::tui::app::{App, Flash, FlashKind, Overlay, Screen};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::editor::render_editor;
use crate::tui::widgets::popup::{hint, popup};

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
