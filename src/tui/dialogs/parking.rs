//! `L`: the parking lot, open topics first. `n` or `a` turns the chosen
//! open topic into a note or an action item of the current point, `c`
//! closes it with a word (issue 26). Each is a capture, undoable with `u`.

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::domain::workday::{ParkedHow, ParkedTopic};
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::dialogs::park::{ParkDialog, capture_day};
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::fit;

#[derive(Debug, Default)]
pub struct ParkingDialog {
    pub selected: usize,
}

/// The topics in the order shown: open ones first (oldest first), then
/// the settled ones.
pub fn ordered(sess: &Session) -> Vec<&ParkedTopic> {
    let mut v: Vec<&ParkedTopic> = sess.open_parked().collect();
    v.extend(sess.parking.iter().filter(|p| !p.is_open()));
    v
}

impl ParkingDialog {
    fn chosen(&self, app: &App) -> Option<ParkedTopic> {
        let sess = app.session()?;
        ordered(sess).get(self.selected).map(|p| (*p).clone())
    }

    fn settle(&mut self, cx: &mut Cx<'_>, how: ParkedHow) -> Transition {
        let s = cx.s();
        let Some(topic) = self.chosen(cx) else {
            return Transition::Stay;
        };
        if !topic.is_open() {
            cx.info(s.parking_not_open.to_string());
            return Transition::Stay;
        }
        if how == ParkedHow::Closed {
            let d = ParkDialog::closing(topic.id, self.selected);
            return Transition::Open(Box::new(d));
        }
        let point = cx.session().map(|x| x.cursor.clone()).unwrap_or_default();
        if !cx.gate_allows(&point) {
            return Transition::Close;
        }
        let (label, msg) = match how {
            ParkedHow::Note => (s.parking_to_note_label, s.parking_to_note_msg),
            _ => (s.parking_to_action_label, s.parking_to_action_msg),
        };
        let target = point.clone();
        if capture_day(cx, &point, label, |x, now| {
            x.move_parked(topic.id, &target, how, now);
        }) {
            cx.info(fill(msg, &[&topic.id.to_string(), &point]));
        }
        Transition::Stay
    }
}

impl Dialog for ParkingDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Parking
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let n = cx.session().map(|s| s.parking.len()).unwrap_or(0);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::ParkedNote => return self.settle(cx, ParkedHow::Note),
            Action::ParkedAction => return self.settle(cx, ParkedHow::Action),
            Action::ParkedClose => return self.settle(cx, ParkedHow::Closed),
            Action::Back => return Transition::Close,
            _ => {}
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let list = ordered(sess);
        let open = sess.open_parked().count();
        let title = fill(
            s.parking_title,
            &[&open.to_string(), &(list.len() - open).to_string()],
        );
        let inner = popup(
            f,
            area,
            area.width.saturating_sub(4).min(110),
            // the message row under it stays in view ("… is nu een actiepunt")
            area.height.saturating_sub(4),
            &title,
            th,
        );
        let [body, detail, h] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(5),
            Constraint::Length(1),
        ])
        .areas(inner);
        f.render_widget(hint_line(Ctx::Parking, s, h.width, false, th), h);
        if list.is_empty() {
            f.render_widget(Wrapped::new(s.parking_empty).style(th.dim), body);
            return;
        }
        let sel = self.selected.min(list.len() - 1);
        // the list cuts a long topic with "…"; the box below shows it whole
        let width = (body.width as usize).saturating_sub(3);
        let lines = list
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mark = if i == sel { "▶ " } else { "  " };
                let symbol = if p.is_open() { "◆" } else { "✓" };
                let text = fit(
                    &format!("{mark}{symbol} {} {}", p.id, safe_line(&p.text)),
                    width,
                );
                let style = match (i == sel, p.is_open()) {
                    (true, _) => th.selected,
                    (false, true) => th.base,
                    (false, false) => th.dim,
                };
                Line::from(Span::styled(text, style))
            })
            .collect();
        render_list(lines, sel, f, body, th);
        let p = list[sel];
        let mut parts = vec![safe_line(&p.text).into_owned()];
        if let Some(by) = p.raised_by {
            parts.push(fill(s.wd_raised_by, &[&safe_line(&sess.party_name(by))]));
        }
        if !p.point.is_empty() {
            parts.push(fill(s.wd_came_up_at, &[&p.point]));
        }
        parts.extend(p.outcome_words(s).map(|w| safe_line(&w).into_owned()));
        let blk = Block::new().borders(Borders::TOP).border_style(th.border);
        f.render_widget(
            Wrapped::new(parts.join(" — ")).style(th.base).block(blk),
            detail,
        );
    }
}
