//! The plan's rows under the step bar while a planned workshop runs (issue
//! 26): the step's time against its budget, the planned end and the end
//! to expect at the pace so far, and the minutes per open point left:
//! "Stap 1.1: 12:30 van 25 min ✖ OVER BUDGET (+02:30) · einde 14:00 ·
//! verwacht 14:15 ⚠ 15 min te laat · nog 35 min voor 6 punten: 6 min per
//! punt". Amber near the budget, red past it, and always as symbol and
//! word. The arithmetic is the domain's (`domain::budget`).

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use crate::domain::budget::{Pace, Progress, progress};
use crate::framework::Pos;
use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::mmss;
use crate::view::budget::workshop_pieces;

/// Seconds on the running timer of the point at `pos` not stored yet.
pub(super) fn unsaved_secs(app: &App, sess: &Session, pos: Pos) -> u64 {
    let running = app.open_session().is_some_and(|o| o.timer.is_some());
    if !running {
        return 0;
    }
    let stored = sess
        .record(&app.fw().step_at(pos).points[pos.point].id)
        .map(|r| r.seconds)
        .unwrap_or(0);
    app.point_seconds().saturating_sub(stored)
}

/// The style of a pace: amber near, red past (bold), quiet within.
pub(super) fn pace_style(pace: Pace, th: &Theme) -> Style {
    match pace {
        Pace::Over => th.bad.add_modifier(Modifier::BOLD),
        Pace::Near => th.warn,
        Pace::Within | Pace::Unplanned => th.dim,
    }
}

/// The running workshop against its plan, now; `None` without a plan.
pub fn now_progress(app: &App, sess: &Session, pos: Pos) -> Option<Progress> {
    let running = unsaved_secs(app, sess, pos);
    progress(app.fw(), sess, app.now(), running, app.tz())
}

/// The plan's pieces, each with its style, to wrap into the rows there are.
pub fn pieces(app: &App, sess: &Session, pos: Pos, th: &Theme) -> Vec<(String, Style)> {
    let Some(p) = now_progress(app, sess, pos) else {
        return Vec::new();
    };
    let ps = app.lang().plan();
    let mut out = Vec::new();
    match &p.step {
        Some(st) => {
            let style = pace_style(st.pace, th);
            let minutes = (st.budget_secs / 60).to_string();
            out.push((
                format!(
                    "⏱ {}",
                    fill(ps.hdr_step, &[&st.step, &mmss(st.spent_secs), &minutes])
                ),
                style,
            ));
            let word = match st.pace {
                Pace::Over => fill(ps.pace_over, &[&mmss(st.spent_secs - st.budget_secs)]),
                Pace::Near => ps.pace_near.to_string(),
                Pace::Within | Pace::Unplanned => ps.pace_within.to_string(),
            };
            out.push((word, style));
        }
        None => {
            let id = &app.fw().step_at(pos).id;
            out.push((fill(ps.hdr_step_unplanned, &[id]), th.dim));
        }
    }
    out.push(("·".into(), th.dim));
    out.extend(workshop_pieces(&p, app.lang(), app.tz(), th));
    out
}

/// The plan's rows at `width`: every piece, wrapped (never cut); none
/// without a plan.
pub fn lines(app: &App, sess: &Session, pos: Pos, width: u16, th: &Theme) -> Vec<Line<'static>> {
    let pieces = pieces(app, sess, pos, th);
    if pieces.is_empty() {
        return Vec::new();
    }
    crate::view::wrap::wrap_styled(&pieces, width.max(1) as usize, usize::MAX)
}
