//! `g`: all discussion points with their status; `Enter` jumps to one.

use crate::tui::dialogs::Cx;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::session::Status;
use crate::tui::app::App;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{self, Action, Ctx};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::fit;
use ratatui::crossterm::event::KeyCode;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverviewDialog {
    /// The selected point (flat index).
    pub selected: usize,
    /// An id being typed ("1.2.4", a step "2.2", a block "3"): the
    /// selection follows it; `Enter` goes there.
    pub typed: String,
}

impl OverviewDialog {
    pub fn at(selected: usize) -> OverviewDialog {
        OverviewDialog {
            selected,
            typed: String::new(),
        }
    }
}

/// The point an id leads to: the point itself, the first point of a step
/// or a block with that id, or else the first point whose id begins with
/// it; `None` when nothing does.
pub fn find(fw: &crate::framework::Framework, id: &str) -> Option<usize> {
    let id = id.trim_end_matches('.');
    if id.is_empty() {
        return None;
    }
    if let Some(p) = fw.pos_of(id) {
        return Some(p.flat);
    }
    for (b, block) in fw.blocks.iter().enumerate() {
        if block.id == id {
            return Some(fw.first_of_step(b, 0));
        }
        if let Some(st) = block.steps.iter().position(|st| st.id == id) {
            return Some(fw.first_of_step(b, st));
        }
    }
    let prefix = format!("{id}.");
    fw.iter_points()
        .find(|(_, _, p)| p.id.starts_with(&prefix))
        .map(|(pos, _, _)| pos.flat)
}

impl Dialog for OverviewDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Overview
    }

    fn raw_keys(&self) -> bool {
        true
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        // digits and dots type an id (`GoToId` in the key table)
        let Some(command) = keys::command(Ctx::Overview, &action) else {
            return Transition::Stay;
        };
        if let (Action::GoToId, Action::Key(ev)) = (&command, &action) {
            match ev.code {
                KeyCode::Char(c) => self.type_char(cx, Some(c)),
                _ => self.type_char(cx, None),
            }
            return Transition::Stay;
        }
        let action = command;
        let last = cx.fw().point_count() - 1;
        let sel = self.selected;
        if action != Action::Confirm {
            self.typed.clear();
        }
        self.selected = match action {
            Action::Back => return Transition::Close,
            Action::Confirm => {
                // the gate may open the override dialog instead
                cx.go_to(sel);
                return Transition::Close;
            }
            Action::Up => sel.saturating_sub(1),
            Action::Down => (sel + 1).min(last),
            Action::PageUp => sel.saturating_sub(10),
            Action::PageDown => (sel + 10).min(last),
            _ => sel,
        };
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        render_points(app, self, f, area, th);
    }
}

impl OverviewDialog {
    /// A character typed (`None`: Backspace): the selection follows the id.
    fn type_char(&mut self, cx: &mut Cx<'_>, c: Option<char>) {
        match c {
            Some(c) if self.typed.len() < 16 => self.typed.push(c),
            Some(_) => {}
            None => {
                self.typed.pop();
            }
        }
        match find(cx.fw(), &self.typed) {
            Some(flat) => self.selected = flat,
            None if !self.typed.is_empty() => {
                let t = crate::i18n::fill(cx.s().ov_no_such, &[&self.typed]);
                cx.info(t);
            }
            None => {}
        }
    }
}

fn render_points(app: &App, d: &OverviewDialog, f: &mut Frame, area: Rect, th: &Theme) {
    let selected = d.selected;
    let s = app.s();
    let Some(sess) = app.session() else { return };
    let inner = popup(
        f,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
        s.ov_title,
        th,
    );
    let [counts, list, h] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(inner);
    let c = sess.status_counts(app.fw());
    let mut spans = Vec::new();
    for (i, st) in Status::ALL.iter().enumerate() {
        spans.push(Span::styled(
            format!("{} {} {}   ", st.symbol(), c[i], st.word(app.lang())),
            th.status(*st),
        ));
    }
    if !d.typed.is_empty() {
        spans.insert(
            0,
            Span::styled(format!("{} {}▏  ", s.ov_go_to, d.typed), th.focus),
        );
    }
    let mut line = Line::from(spans);
    let shown: usize = line.width() - 3; // the last count's trailing blanks
    if shown > counts.width as usize {
        // too narrow for every count: one row that ends in "…", never cut silently
        let pieces: Vec<(String, ratatui::style::Style)> = line
            .spans
            .iter()
            .map(|sp| (sp.content.to_string(), sp.style))
            .collect();
        line = crate::view::wrap::wrap_styled(&pieces, counts.width as usize, 1).swap_remove(0);
    }
    f.render_widget(Paragraph::new(line), counts);
    // every point (the framework's, not the session's: the cost does not
    // grow with the session); one column is the scrollbar's
    let width = (list.width as usize).saturating_sub(1);
    let lines: Vec<Line> = (0..app.fw().point_count())
        .map(|flat| {
            let pos = app.fw().pos_at(flat);
            let p = app.fw().point_at(flat);
            let st = sess.status_of(&p.id);
            let lock = if app.block_locked(pos.block) {
                "⊘ "
            } else {
                "  "
            };
            let mark = crate::tui::widgets::marker(flat == selected);
            let head = format!("{mark}{lock}{:<7}", p.id);
            let word = format!("{} {:<20}", st.symbol(), st.word(app.lang()));
            let room = width.saturating_sub(head.chars().count() + word.chars().count() + 1);
            let text = fit(&safe_line(&p.text), room);
            let (head_style, text_style) = if flat == selected {
                (th.selected, th.selected)
            } else {
                (th.dim, th.base)
            };
            Line::from(vec![
                Span::styled(head, head_style),
                Span::styled(word, th.status(st)),
                Span::styled(format!(" {text}"), text_style),
            ])
        })
        .collect();
    render_list(lines, selected, f, list, th);
    f.render_widget(hint_line(Ctx::Overview, s, h.width, false, th), h);
}
