//! `p` on the workshop screen: who arrives and who leaves, in a dialog over
//! the point. The point stays where it is (its timer runs on, the room
//! keeps seeing it); each tick is an arrival or a departure, saved at once.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::{label_width, marker, party_label};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendanceDialog {
    /// The selected row (a party still in the coalition, in session order).
    pub selected: usize,
}

impl AttendanceDialog {
    /// Mark the party of row `row` present or absent, and save.
    fn toggle(cx: &mut Cx<'_>, row: usize) {
        let now = cx.now();
        let Some(party) = cx.party_rows().get(row).map(|r| r.id) else {
            return;
        };
        let changed = cx
            .open_session_mut()
            .is_some_and(|o| o.toggle_present(party, now));
        if changed {
            cx.save_now();
            let Some(sess) = cx.session() else { return };
            let name = sess.party_name(party);
            let t = if sess.is_present(party) {
                fill(cx.s().att_came_in, &[&name])
            } else {
                fill(cx.s().att_went, &[&name])
            };
            cx.info(t);
        }
    }

    /// Mark the party of row `row` afgemeld (apologies), or not any more.
    fn excuse(cx: &mut Cx<'_>, row: usize) {
        let now = cx.now();
        let Some(party) = cx.party_rows().get(row).map(|r| r.id) else {
            return;
        };
        let changed = cx
            .open_session_mut()
            .is_some_and(|o| o.toggle_excused(party, now));
        if changed {
            cx.save_now();
            let Some(sess) = cx.session() else { return };
            let st = cx.lang().stances();
            let template = if sess.is_excused(party) {
                st.att_excused
            } else {
                st.att_not_excused
            };
            let t = fill(template, &[&sess.party_name(party)]);
            cx.info(t);
        }
    }
}

/// The mark of a party on an attendance list: aanwezig, afgemeld or
/// afwezig, padded to `w` columns, with its style.
pub fn mark(
    app: &App,
    present: bool,
    excused: bool,
    w: usize,
    th: &Theme,
) -> (String, ratatui::style::Style) {
    let s = app.s();
    if present {
        (format!("☑ {:<w$}", s.present), th.good)
    } else if excused {
        (format!("☐ {:<w$}", app.lang().stances().excused), th.dim)
    } else {
        (format!("☐ {:<w$}", s.ui_absent), th.dim)
    }
}

/// The widest word of [`mark`].
pub fn mark_width(app: &App) -> usize {
    let s = app.s();
    [s.present, s.ui_absent, app.lang().stances().excused]
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

impl Dialog for AttendanceDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Attendance
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let rows = cx.party_rows();
        let last = rows.len().saturating_sub(1);
        match action {
            Action::Back | Action::Confirm => return Transition::Close,
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected = (self.selected + 10).min(last),
            Action::Toggle => Self::toggle(cx, self.selected),
            Action::Excused => Self::excuse(cx, self.selected),
            // the party's number for the whole session, not its place here
            Action::Digit(i) => match rows.iter().position(|r| r.number == i + 1) {
                Some(k) => {
                    self.selected = k;
                    Self::toggle(cx, k);
                }
                None => {
                    let t = fill(cx.s().party_no_number, &[&(i + 1).to_string()]);
                    cx.info(t);
                }
            },
            _ => {}
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let rows = app.party_rows();
        let height = rows.len() as u16 + 4;
        let inner = popup(f, area, 76, height, s.start_attendance, th);
        let [list, h] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        // marker, key, mark, name; one column for the scrollbar
        let mark_w = 2 + mark_width(app);
        let label_w = label_width(rows.iter().map(|r| r.number).max().unwrap_or(1));
        let room = (list.width as usize).saturating_sub(2 + label_w + 1 + mark_w + 2);
        let lines: Vec<Line<'static>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let on = i == self.selected;
                let excused = app.open_session().is_some_and(|o| o.is_excused(r.id));
                let (mark, style) = mark(app, r.present, excused, mark_w - 2, th);
                let mark = format!("{mark} ");
                let name = fit(&safe_line(&sess.party_name(r.id)), room);
                Line::from(vec![
                    Span::styled(marker(on), th.focus),
                    Span::styled(party_label(r.number, label_w), th.focus),
                    Span::styled(mark, style),
                    Span::styled(name, if on { th.selected } else { th.base }),
                ])
            })
            .collect();
        render_list(lines, self.selected, f, list, th);
        f.render_widget(hint_line(Ctx::Attendance, s, h.width, false, th), h);
    }
}
