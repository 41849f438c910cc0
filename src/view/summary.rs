//! The summary at a workshop's end, as both windows show it: the
//! facilitator's dialog (`tui/dialogs/summary.rs`, which scrolls it and
//! ends the workshop) and the room's beamer (the decision first).

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::{Session, Status};
use crate::timing::{StepTouched, step_seconds_in, steps_touched};
use crate::tui::theme::Theme;
use crate::tui::widgets::recap::{action_lines, dissent_lines};
use crate::tui::widgets::status::{mmss, pad};
use crate::view::Env;

/// The summary's lines: the points, the decisions, open dissent, the
/// action items (open, and done in this workshop), and whether a vote is
/// still needed. The dialog scrolls them; the beamer shows them.
pub fn summary_lines(app: &Env, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let mut lines = points(app, sess, th);
    lines.push(Line::default());
    lines.extend(decisions(app, sess, th));
    lines.push(Line::default());
    lines.extend(open_lines(app, sess, th));
    lines
}

/// The summary for the room (the beamer): the decision first, as the
/// minutes have it, then what is open; the points and their times last,
/// so a small window cuts those first.
pub fn summary_lines_for_room(app: &Env, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let mut lines = decisions(app, sess, th);
    lines.push(Line::default());
    lines.extend(open_lines(app, sess, th));
    lines.push(Line::default());
    lines.extend(points(app, sess, th));
    lines
}

/// Open dissent, the open action items and those done in this workshop,
/// and whether a vote is still needed.
fn open_lines(app: &Env, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let number = sess.workshop_number();
    let mut lines = Vec::new();
    lines.push(Line::from(Span::styled(s.start_open_dissent, th.bad)));
    dissent_lines(sess, usize::MAX, s, th, &mut lines);
    lines.push(Line::default());
    // every open action item (also from earlier workshops), then the
    // ones done in this workshop: each once, a done one as done
    let open = sess.open_actions();
    let head = fill(s.summary_actions_head, &[&open.len().to_string()]);
    lines.push(Line::from(Span::styled(head, th.title)));
    action_lines(sess, &open, usize::MAX, s, th, &mut lines);
    let done: Vec<_> = sess
        .workshop_actions(number)
        .into_iter()
        .filter(|(_, a)| a.done_in(number))
        .collect();
    if !done.is_empty() {
        lines.push(Line::default());
        let head = fill(s.summary_done_head, &[&done.len().to_string()]);
        lines.push(Line::from(Span::styled(head, th.title)));
        action_lines(sess, &done, usize::MAX, s, th, &mut lines);
    }
    if crate::gate::needs_vote(app.fw, sess) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(s.end_needs_vote, th.warn)));
    }
    lines
}

/// The points this workshop touched: counted by status (only the statuses
/// that occur), then per step with its time against the plan and each point
/// with its status and time; then what is still open in the blocks it
/// worked on.
fn points(app: &Env, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let number = sess.workshop_number();
    let touched = steps_touched(app.fw, sess, number);
    let statuses: Vec<Status> = touched
        .iter()
        .flat_map(|t| t.points.iter().map(|p| sess.status_of(p)))
        .collect();
    let total: u64 = touched
        .iter()
        .map(|t| step_seconds_in(app.fw, sess, t.pos, number))
        .sum();
    let head = fill(
        s.summary_points,
        &[&statuses.len().to_string(), &mmss(total)],
    );
    let mut lines = vec![Line::from(Span::styled(head, th.title))];
    let counts: Vec<Span> = Status::ALL
        .into_iter()
        .filter_map(|st| {
            let n = statuses.iter().filter(|&&x| x == st).count();
            (n > 0).then(|| {
                Span::styled(
                    format!("  {} {} {}", st.symbol(), n, st.word(app.lang)),
                    th.status(st),
                )
            })
        })
        .collect();
    if !counts.is_empty() {
        lines.push(Line::from(counts));
    }
    // one set of columns for every step: the widest status word that
    // occurs, the longest id, the longest time
    let ids = || touched.iter().flat_map(|t| t.points.iter());
    let cols = Columns {
        word: statuses
            .iter()
            .map(|st| st.word(app.lang).width())
            .max()
            .unwrap_or(0),
        id: ids().map(|id| id.width()).max().unwrap_or(0),
        time: ids()
            .map(|id| {
                mmss(crate::timing::point_seconds_in(
                    sess,
                    id,
                    sess.workshop_number(),
                ))
                .width()
            })
            .max()
            .unwrap_or(0),
    };
    for t in &touched {
        lines.extend(step_lines(app, sess, t, cols, th));
    }
    lines.extend(still_open(app, sess, &touched, th));
    lines
}

/// The widths of the summary's point columns.
#[derive(Clone, Copy)]
struct Columns {
    word: usize,
    id: usize,
    time: usize,
}

/// A step: "1.2 Title — 18:20 van 20 min", then its points touched.
fn step_lines(
    app: &Env,
    sess: &Session,
    t: &StepTouched,
    cols: Columns,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = app.s();
    let step = app.fw.step_at(t.pos);
    let spent = mmss(step_seconds_in(app.fw, sess, t.pos, sess.workshop_number()));
    let time = match step.planned_minutes {
        Some(m) => fill(s.summary_step_planned, &[&spent, &m.to_string()]),
        None => spent,
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("  {} {}", step.id, safe_line(&step.title)), th.base),
        Span::styled(format!(" — {time}"), th.dim),
    ])];
    let times: Vec<String> = t
        .points
        .iter()
        .map(|id| {
            mmss(crate::timing::point_seconds_in(
                sess,
                id,
                sess.workshop_number(),
            ))
        })
        .collect();
    for (id, time) in t.points.iter().zip(times) {
        let st = sess.status_of(id);
        lines.push(Line::from(vec![
            Span::styled(
                format!("    {} {} ", st.symbol(), pad(st.word(app.lang), cols.word)),
                th.status(st),
            ),
            Span::styled(pad(id, cols.id), th.base),
            Span::styled(format!("  {time:>w$}", w = cols.time), th.dim),
        ]));
    }
    lines
}

/// "Nog open in Oriënteren en verkennen (blok 1): 1.3.2, 1.4.1": the open
/// points of each block this workshop worked on, every one named.
fn still_open(
    app: &Env,
    sess: &Session,
    touched: &[StepTouched],
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = app.s();
    let mut blocks: Vec<usize> = touched.iter().map(|t| t.pos.block).collect();
    blocks.dedup();
    let mut lines = Vec::new();
    for b in blocks {
        let open: Vec<String> = app
            .fw
            .iter_points()
            .filter(|(pos, _, p)| pos.block == b && sess.status_of(&p.id) == Status::Open)
            .map(|(_, _, p)| p.id.clone())
            .collect();
        let block = &app.fw.blocks[b];
        let name = format!("{} {}", block.id, safe_line(&block.title));
        let text = if open.is_empty() {
            fill(s.summary_block_done, &[&name])
        } else {
            fill(
                s.summary_still_open,
                &[&name, &open.len().to_string(), &open.join(", ")],
            )
        };
        let style = if open.is_empty() { th.good } else { th.warn };
        lines.push(Line::from(Span::styled(format!("  {text}"), style)));
    }
    lines
}

/// The votes of this workshop, each with its tally, follow-up route,
/// revisit date and remark; or "no vote".
fn decisions(app: &Env, sess: &Session, th: &Theme) -> Vec<Line<'static>> {
    let s = app.s();
    let number = sess.workshop_number();
    let mut lines = vec![Line::from(Span::styled(s.summary_decisions, th.title))];
    let votes: Vec<(usize, &crate::vote::Vote)> = sess
        .votes
        .iter()
        .enumerate()
        .filter(|(_, v)| v.workshop == number)
        .collect();
    if votes.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", s.no_vote), th.dim)));
    }
    for (i, v) in votes {
        let at = v.at.to_zoned(app.tz.clone()).strftime("%H:%M").to_string();
        // "(besloten door de deelnemers, 14:05)": one pair of brackets;
        // a deferral without ballots has nothing to count
        let about = match v.deferred {
            Some(d) => format!("{}, {at}", d.word(app.lang)),
            None => at,
        };
        lines.push(crate::view::vote::outcome_line(v, &about, app.lang, th));
        // an earlier vote stays, marked as replaced: nothing is silently overwritten
        if let Some(later) = crate::vote::superseded_by(&sess.votes, i) {
            let when = later
                .at
                .to_zoned(app.tz.clone())
                .strftime("%H:%M")
                .to_string();
            lines.push(Line::from(Span::styled(
                format!("    {}", fill(s.vote_superseded, &[&when])),
                th.warn,
            )));
        }
        let fu = crate::view::vote::follow_up(app, v);
        for text in fu.route.into_iter().chain(fu.revisit) {
            lines.push(Line::from(Span::styled(format!("    {text}"), th.base)));
        }
        if !v.remark.trim().is_empty() {
            let text = if v.is_deferral() {
                fill(s.recap_defer_reason, &[&v.remark])
            } else {
                v.remark.clone()
            };
            lines.push(Line::from(Span::styled(
                format!("    {}", safe_line(&text)),
                th.dim,
            )));
        }
        if let Some(words) = crate::vote::replaces_words(&sess.votes, i, app.lang) {
            lines.push(Line::from(Span::styled(
                format!("    {}", safe_line(&crate::vote::capitalized(&words))),
                th.base,
            )));
        }
    }
    lines
}
