//! `t` on the start screen: plan the workshop (issue 26). Its start and
//! end (←→ by the quarter hour), then every step of the framework with its
//! open points: Space takes a step in or out, ←→ give it 5 minutes less or
//! more. Steps not set by hand share what the others leave of the
//! workshop's length, by their open points (`d` spreads them all again).
//! Enter saves the plan as one event of the journal; it does not start
//! the workshop (`wijktafel plan` does the same without the screen).

use crate::tui::dialogs::Cx;
use jiff::civil::Time;
use jiff::{SignedDuration, Timestamp};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use crate::domain::budget::{
    DEFAULT_MINUTES, StepBudget, WorkshopPlan, default_budgets, open_points, split, suggest_steps,
};
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

/// A step of the framework in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    step: String,
    title: String,
    open: usize,
    on: bool,
    minutes: u32,
    /// Its minutes were set with ←→ (else it shares what is left).
    by_hand: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDialog {
    workshop: u32,
    start: Time,
    end: Time,
    date: Option<jiff::civil::Date>,
    rows: Vec<Row>,
    /// 0: start, 1: end, 2…: the steps.
    sel: usize,
}

/// The next quarter hour after `now` in the app's time zone.
fn next_quarter(now: Timestamp, tz: &jiff::tz::TimeZone) -> Time {
    let t = now.to_zoned(tz.clone()).time();
    let mins = (i32::from(t.hour()) * 60 + i32::from(t.minute()) + 14) / 15 * 15;
    let mins = mins.min(23 * 60 + 45);
    Time::new((mins / 60) as i8, (mins % 60) as i8, 0, 0).unwrap_or(Time::midnight())
}

/// `t`: open the form with the plan there is, or with the steps that fit.
pub fn open(cx: &mut Cx<'_>) {
    let Some(sess) = cx.session() else { return };
    let fw = cx.fw();
    let workshop = match cx.open_session() {
        Some(o) if o.planned.is_some() => sess.workshop_number().saturating_add(1),
        _ => sess.plan_target(),
    };
    let old = sess.plan_for(workshop);
    let start = old
        .and_then(|p| p.start)
        .unwrap_or_else(|| next_quarter(cx.now(), cx.tz()));
    let end = old.and_then(|p| p.end).unwrap_or_else(|| {
        start.saturating_add(SignedDuration::from_mins(i64::from(DEFAULT_MINUTES)))
    });
    let length = minutes_between(start, end);
    let chosen: Vec<StepBudget> = match old {
        Some(p) => p.steps.clone(),
        None => default_budgets(fw, sess, &suggest_steps(fw, sess, length), length),
    };
    let rows = fw
        .blocks
        .iter()
        .flat_map(|b| &b.steps)
        .map(|st| {
            let mine = chosen.iter().find(|c| c.step == st.id);
            Row {
                step: st.id.clone(),
                title: st.title.clone(),
                open: open_points(fw, sess, &st.id),
                on: mine.is_some(),
                minutes: mine.map_or(0, |c| c.minutes),
                by_hand: old.is_some() && mine.is_some(),
            }
        })
        .collect();
    let first = chosen
        .first()
        .and_then(|c| {
            fw.blocks
                .iter()
                .flat_map(|b| &b.steps)
                .position(|s| s.id == c.step)
        })
        .map_or(0, |i| i + 2);
    cx.open(PlanDialog {
        workshop,
        start,
        end,
        date: old.and_then(|p| p.date),
        rows,
        sel: first,
    });
}

fn minutes_between(start: Time, end: Time) -> u32 {
    let secs = end.duration_since(start).as_secs();
    u32::try_from(secs.max(0) / 60).unwrap_or(0)
}

impl PlanDialog {
    fn length(&self) -> u32 {
        minutes_between(self.start, self.end)
    }

    fn total(&self) -> u32 {
        self.rows
            .iter()
            .filter(|r| r.on)
            .fold(0, |sum, r| sum.saturating_add(r.minutes))
    }

    /// The steps not set by hand share what the others leave.
    fn spread(&mut self) {
        let hand: u32 = self
            .rows
            .iter()
            .filter(|r| r.on && r.by_hand)
            .fold(0, |sum, r| sum.saturating_add(r.minutes));
        let auto: Vec<usize> = (0..self.rows.len())
            .filter(|&i| self.rows[i].on && !self.rows[i].by_hand)
            .collect();
        let weights: Vec<u32> = auto
            .iter()
            .map(|&i| (self.rows[i].open as u32).max(1))
            .collect();
        for (i, m) in auto
            .into_iter()
            .zip(split(self.length().saturating_sub(hand), &weights))
        {
            self.rows[i].minutes = m;
        }
    }

    /// ←→ on the chosen row.
    fn change(&mut self, more: bool) {
        let quarter = SignedDuration::from_mins(if more { 15 } else { -15 });
        match self.sel {
            0 => {
                let t = self.start.saturating_add(quarter);
                if t < self.end {
                    self.start = t;
                }
            }
            1 => {
                let t = self.end.saturating_add(quarter);
                if t > self.start {
                    self.end = t;
                }
            }
            i => {
                let Some(r) = self.rows.get_mut(i - 2) else {
                    return;
                };
                if !r.on {
                    if more {
                        r.on = true;
                        r.by_hand = false;
                    }
                } else {
                    r.minutes = if more {
                        r.minutes.saturating_add(5)
                    } else {
                        r.minutes.saturating_sub(5).max(1)
                    };
                    r.by_hand = true;
                }
            }
        }
        self.spread();
    }

    fn save(&self, cx: &mut Cx<'_>) -> Transition {
        let ps = cx.lang().plan();
        if !self.rows.iter().any(|r| r.on) {
            cx.error(ps.form_need_step.to_string());
            return Transition::Stay;
        }
        let plan = WorkshopPlan {
            workshop: self.workshop,
            date: self.date,
            start: Some(self.start),
            end: Some(self.end),
            steps: self
                .rows
                .iter()
                .filter(|r| r.on)
                .map(|r| StepBudget {
                    step: r.step.clone(),
                    minutes: r.minutes,
                })
                .collect(),
            at: cx.now(),
        };
        let (n, steps, total) = (
            self.workshop.to_string(),
            plan.steps.len().to_string(),
            plan.total().to_string(),
        );
        let same = cx
            .session()
            .and_then(|s| s.plan_for(self.workshop))
            .is_some_and(|old| {
                WorkshopPlan {
                    at: old.at,
                    ..plan.clone()
                } == *old
            });
        if !same {
            // a change of the session's plans: the next save makes it an event
            let Some(o) = cx.open_session_mut() else {
                return Transition::Close;
            };
            o.session.set_plan(plan);
            cx.save_now();
        }
        cx.info(fill(ps.form_saved, &[&n, &steps, &total]));
        Transition::Close
    }
}

impl Dialog for PlanDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Plan
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let last = self.rows.len() + 1;
        match action {
            Action::Up => self.sel = self.sel.saturating_sub(1),
            Action::Down => self.sel = (self.sel + 1).min(last),
            Action::Next => self.change(true),
            Action::Prev => self.change(false),
            Action::Toggle => {
                if let Some(r) = self.sel.checked_sub(2).and_then(|i| self.rows.get_mut(i)) {
                    r.on = !r.on;
                    r.by_hand = false;
                    self.spread();
                }
            }
            Action::Spread => {
                for r in &mut self.rows {
                    r.by_hand = false;
                }
                self.spread();
            }
            Action::Confirm => return self.save(cx),
            Action::Back => return Transition::Close,
            _ => {}
        }
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let ps = app.lang().plan();
        let title = fill(ps.form_title, &[&self.workshop.to_string()]);
        let inner = popup(f, area, 84, area.height.saturating_sub(2), &title, th);
        let [list, sum, hints] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        let hm = |t: Time| t.strftime("%H:%M").to_string();
        let width = list.width.saturating_sub(2) as usize;
        let mut lines = Vec::with_capacity(self.rows.len() + 2);
        for (i, (label, t)) in [(ps.form_start, self.start), (ps.form_end, self.end)]
            .into_iter()
            .enumerate()
        {
            let style = if self.sel == i { th.selected } else { th.base };
            lines.push(Line::from(vec![
                Span::styled(crate::tui::widgets::marker(self.sel == i), th.focus),
                Span::styled(format!("{label:<8} ◀ {} ▶", hm(t)), style),
            ]));
        }
        for (k, r) in self.rows.iter().enumerate() {
            let chosen = self.sel == k + 2;
            let mark = if r.on { "☑" } else { "☐" };
            let minutes = if r.on {
                format!("◀ {:>3} min ▶", r.minutes)
            } else {
                " ".repeat(11)
            };
            let open = fill(ps.form_open, &[&r.open.to_string()]);
            let room = width.saturating_sub(2 + 2 + 12 + 10);
            let text = format!("{} {}", r.step, safe_line(&r.title));
            let style = if chosen {
                th.selected
            } else if r.on {
                th.base
            } else {
                th.dim
            };
            lines.push(Line::from(vec![
                Span::styled(crate::tui::widgets::marker(chosen), th.focus),
                Span::styled(format!("{mark} "), if r.on { th.good } else { th.dim }),
                Span::styled(format!("{minutes} "), style),
                Span::styled(format!("{:<room$} ", fit(&text, room)), style),
                Span::styled(open, th.dim),
            ]));
        }
        render_list(lines, self.sel, f, list, th);
        let (total, length) = (self.total(), self.length());
        let mut spans = vec![Span::styled(
            fill(ps.form_sum, &[&total.to_string(), &length.to_string()]),
            th.title,
        )];
        if total > length {
            spans.push(Span::styled(
                format!("  {}", fill(ps.form_over, &[&(total - length).to_string()])),
                th.warn,
            ));
        }
        f.render_widget(Line::from(spans), sum);
        f.render_widget(hint_line(Ctx::Plan, s, hints.width, false, th), hints);
    }
}
