//! The recap on the start screen: the previous workshop's open dissent,
//! open action items, the last vote and where the agenda resumes. Complete,
//! never capped: it scrolls (`PgUp`/`PgDn`) and says how much more there is.
//! With the focus (`Tab`), `↑↓` choose an open dissent and `r` marks it
//! resolved, which is recorded with its time in the point's history.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::env::Env;
use crate::tui::keys::Action;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::recap::owner_and_due;
use crate::tui::widgets::status::fit;

/// Where the recap stands: focus, the chosen dissent, how far it scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecapView {
    /// The recap has the focus (`Tab`); otherwise the attendance list has it.
    pub focused: bool,
    /// The chosen item (an index into [`recap_items`]).
    pub sel: usize,
    /// The first row shown.
    pub scroll: u16,
    /// Keep the chosen dissent in view (after `↑↓`; the page keys scroll freely).
    pub follow: bool,
    /// Drawn for the room (the beamer): no key hints.
    pub for_room: bool,
}

/// Rows a page key moves.
pub const PAGE: u16 = 10;

/// What can be chosen in the recap: an open dissent, or an open action item
/// (its point and its place in the point's list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecapItem {
    Dissent(String),
    Action(String, usize),
}

/// The recap's choosable items in the order shown: the open dissent, then
/// the open action items.
pub fn recap_items(sess: &Session) -> Vec<RecapItem> {
    let mut items: Vec<RecapItem> = sess
        .dissents()
        .into_iter()
        .map(|(p, _)| RecapItem::Dissent(p.to_string()))
        .collect();
    for (id, r) in &sess.points {
        for (i, a) in r.actions.iter().enumerate() {
            if a.is_open() {
                items.push(RecapItem::Action(id.clone(), i));
            }
        }
    }
    items
}

/// Keys for the recap; returns whether the action was one of them.
pub fn update(app: &mut App, action: &Action) -> bool {
    let choosable = app.session().map(|s| recap_items(s).len()).unwrap_or(0);
    let Some(o) = app.open_session_mut() else {
        return false;
    };
    let v = &mut o.recap;
    match action {
        Action::PageDown => {
            v.scroll = v.scroll.saturating_add(PAGE);
            v.follow = false;
        }
        Action::PageUp => {
            v.scroll = v.scroll.saturating_sub(PAGE);
            v.follow = false;
        }
        Action::NextField => {
            v.focused = !v.focused;
            v.follow = v.focused;
        }
        Action::Up if v.focused => {
            v.sel = v.sel.saturating_sub(1);
            v.follow = true;
        }
        Action::Down if v.focused => {
            v.sel = (v.sel + 1).min(choosable.saturating_sub(1));
            v.follow = true;
        }
        Action::ResolveDissent => ask(app, Ask::Resolve),
        Action::RecapDone => ask(app, Ask::Done),
        Action::Adopt => crate::tui::dialogs::adopt::open(app),
        Action::Plan => crate::tui::dialogs::plan::open(app),
        _ => return false,
    }
    true
}

/// What `r` and `x` ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    Resolve,
    Done,
}

/// `r` (a dissent resolved) or `x` (an action done): ask first, and before
/// the workshop has started say that this starts it (a change is a capture
/// of the workshop).
fn ask(app: &mut App, what: Ask) {
    let s = app.s();
    let Some(o) = app.open_session() else { return };
    let chosen = recap_items(&o.session).get(o.recap.sel).cloned();
    let (mut text, on_yes) = match (what, chosen) {
        (Ask::Resolve, Some(RecapItem::Dissent(point))) => {
            let Some(pos) = app.fw.pos_of(&point) else {
                return;
            };
            (
                fill(s.recap_resolve_q, &[&point]),
                OnYes::ResolveDissent(pos.flat),
            )
        }
        (Ask::Done, Some(RecapItem::Action(point, i))) => {
            let Some(pos) = app.fw.pos_of(&point) else {
                return;
            };
            let what = o
                .session
                .record(&point)
                .map(|r| r.actions[i].what.clone())
                .unwrap_or_default();
            let what = crate::tui::widgets::status::fit(&safe_line(&what), 60);
            (
                fill(s.recap_done_q, &[&point, &what]),
                OnYes::ActionDone(pos.flat, i),
            )
        }
        (Ask::Resolve, _) => {
            app.info(s.recap_no_dissent.to_string());
            return;
        }
        (Ask::Done, _) => {
            app.info(s.recap_no_action.to_string());
            return;
        }
    };
    if o.planned.is_some() {
        let number = (o.session.workshop_number() + 1).to_string();
        text.push(' ');
        text.push_str(&fill(s.recap_resolve_starts, &[&number]));
    }
    app.overlay = Some(Overlay::Confirm(ConfirmDialog { text, on_yes }));
}

/// The "yes" to `x`: mark the action done (in the workshop, started if need
/// be; undoable, saved at once).
pub fn mark_done(app: &mut App, flat: usize, index: usize) {
    let point = app.fw.point_at(flat).id.clone();
    if !app.gate_allows(&point) {
        return;
    }
    app.start_workshop();
    let label = app.s().recap_done;
    let now = app.now;
    let Some(o) = app.open_session_mut() else {
        return;
    };
    let changed = o.capture_at(&point, label, now, |sess, p, now| {
        sess.set_action_done(p, index, true, now);
    });
    let left = recap_items(&o.session).len();
    o.recap.sel = o.recap.sel.min(left.saturating_sub(1));
    if changed == crate::tui::open_session::Captured::Changed {
        app.save_now();
        let t = fill(app.s().recap_done_msg, &[&point]);
        app.info(t);
    }
}

/// The "yes" to `r`: start the planned workshop if need be,
/// then record the resolution (undoable, saved at once).
pub fn resolve(app: &mut App, flat: usize) {
    let point = app.fw.point_at(flat).id.clone();
    // a point in a block the latest vote locks asks for the override first
    if !app.gate_allows(&point) {
        return;
    }
    app.start_workshop();
    let label = app.s().recap_resolved;
    let now = app.now;
    let Some(o) = app.open_session_mut() else {
        return;
    };
    let changed = o.capture_at(&point, label, now, |sess, p, now| {
        sess.resolve_dissent(p, now);
    });
    let left = recap_items(&o.session).len();
    o.recap.sel = o.recap.sel.min(left.saturating_sub(1));
    if changed == crate::tui::open_session::Captured::Changed {
        app.save_now();
        let t = fill(app.s().recap_resolved_msg, &[&point]);
        app.info(t);
    }
}

/// Draw the recap in `area`: a frame whose title shows the focus, the text
/// from the scroll position, a scrollbar and "+N meer" when it runs on.
/// Returns whether it scrolls (the footer then shows the page keys).
pub fn render(
    app: &App,
    sess: &Session,
    planned: bool,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) -> bool {
    let s = app.s();
    let Some(o) = app.open_session() else {
        return false;
    };
    let v = o.recap;
    let title_style = if v.focused { th.focus } else { th.title };
    let marker = if v.focused { "▶ " } else { "" };
    let env = app.env();
    let title = format!("{marker}{}", recap_title(&env, sess, planned));
    let room_for_title = (area.width as usize).saturating_sub(2);
    let blk = Block::new().title(Span::styled(
        format!(" {} ", fit(&title, room_for_title)),
        title_style,
    ));
    let inner = blk.inner(area).inner(Margin {
        horizontal: 2,
        vertical: 1,
    });
    f.render_widget(blk, area);
    if inner.height == 0 || inner.width == 0 {
        return false;
    }
    let (lines, sel_line) = recap_lines(&env, sess, planned, &v, th);
    let width = inner.width.saturating_sub(2);
    let para = |l: Vec<Line<'static>>| Paragraph::new(l).wrap(Wrap { trim: false });
    let total = para(lines.clone()).line_count(width) as u16;
    let room = inner.height;
    let mut scroll = v.scroll;
    if v.follow
        && let Some(i) = sel_line
    {
        let row = para(lines[..i].to_vec()).line_count(width) as u16;
        let row = if i == 0 { 0 } else { row };
        // the chosen dissent in view, a few rows of context above it
        if row < scroll || row >= scroll + room.saturating_sub(1) {
            scroll = row.saturating_sub(room / 3);
        }
    }
    let scroll = scroll.min(total.saturating_sub(room));
    let below = total.saturating_sub(scroll + room);
    let text_area = Rect {
        width,
        height: if below > 0 { room - 1 } else { room },
        ..inner
    };
    f.render_widget(para(lines).scroll((scroll, 0)), text_area);
    if below > 0 {
        // the last row says how much is below (one more row is hidden by it)
        let more = fill(s.recap_more, &[&(below + 1).to_string()]);
        let row = Rect {
            y: inner.y + room - 1,
            height: 1,
            width,
            ..inner
        };
        f.render_widget(Paragraph::new(Span::styled(more, th.warn)), row);
    }
    if total > room {
        let mut bar = ScrollbarState::new(total.saturating_sub(room) as usize + 1)
            .viewport_content_length(room as usize)
            .position(scroll as usize);
        f.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("░"))
                .thumb_symbol("█")
                .style(th.dim),
            inner,
            &mut bar,
        );
    }
    total > room
}

/// The workshop looked back on: the last one when the next is not started
/// yet, else the one before the current.
pub fn previous_workshop(sess: &Session, planned: bool) -> Option<&crate::session::Workshop> {
    sess.workshops.iter().rev().nth(usize::from(!planned))
}

/// "Terugblik op bijeenkomst 1 (12-10-2026)", or "Terugblik" before the first.
pub fn recap_title(app: &Env, sess: &Session, planned: bool) -> String {
    let s = app.s();
    match previous_workshop(sess, planned) {
        Some(p) => fill(
            s.start_recap,
            &[&p.number.to_string(), &app.lang.date(p.date)],
        ),
        None => s.recap_title.to_string(),
    }
}

/// The recap's lines, and which of them is the chosen dissent.
pub fn recap_lines(
    app: &Env,
    sess: &Session,
    planned: bool,
    v: &RecapView,
    th: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let s = app.s();
    let mut lines: Vec<Line> = Vec::new();
    let mut sel_line = None;
    // the previous workshop: the last one when the next is not started yet
    match previous_workshop(sess, planned) {
        None => lines.push(Line::from(Span::styled(s.start_first, th.dim))),
        Some(w) => {
            super::workday::adoption_lines(app, sess, w.number, v.for_room, th, &mut lines);
            attendance_lines(app, sess, w.number, th, &mut lines);
            lines.push(Line::default());
            let dissents = sess.dissents();
            let head = fill(s.recap_dissent_head, &[&dissents.len().to_string()]);
            lines.push(Line::from(Span::styled(head, th.bad)));
            if dissents.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("  {}", s.start_none),
                    th.dim,
                )));
            }
            for (i, (pid, r)) in dissents.iter().enumerate() {
                let chosen = v.focused && i == v.sel;
                if chosen {
                    sel_line = Some(lines.len());
                }
                let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
                let mark = if chosen { "▶ ✖ " } else { "  ✖ " };
                let style = if chosen { th.selected } else { th.base };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{mark}{pid} "),
                        if chosen { th.selected } else { th.bad },
                    ),
                    Span::styled(safe_line(&who.join(", ")).into_owned(), style),
                    Span::styled(
                        format!(" — {}", safe_line(&r.dissent_reason)),
                        if chosen { th.selected } else { th.dim },
                    ),
                ]));
            }
            lines.push(Line::default());
            let actions: Vec<(String, usize)> = recap_items(sess)
                .into_iter()
                .filter_map(|i| match i {
                    RecapItem::Action(p, i) => Some((p, i)),
                    RecapItem::Dissent(_) => None,
                })
                .collect();
            let head = fill(s.recap_actions_head, &[&actions.len().to_string()]);
            lines.push(Line::from(Span::styled(head, th.title)));
            if actions.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("  {}", s.start_none),
                    th.dim,
                )));
            }
            for (k, (pid, i)) in actions.iter().enumerate() {
                let chosen = v.focused && dissents.len() + k == v.sel;
                if chosen {
                    sel_line = Some(lines.len());
                }
                let Some(a) = sess.record(pid).and_then(|r| r.actions.get(*i)) else {
                    continue;
                };
                let (owner, due) = owner_and_due(sess, a, s);
                let mark = if chosen { "▶ ☐ " } else { "  ☐ " };
                let pick = |base| if chosen { th.selected } else { base };
                lines.push(Line::from(vec![
                    Span::styled(format!("{mark}{pid} "), pick(th.focus)),
                    Span::styled(safe_line(&a.what).into_owned(), pick(th.base)),
                    Span::styled(format!(" — {}{due}", safe_line(&owner)), pick(th.dim)),
                ]));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.start_last_vote, th.title)));
            vote_lines(app, sess, th, &mut lines);
            super::workday::parked_lines(app, sess, th, &mut lines);
        }
    }
    super::workday::plan_lines(app, sess, planned, v.for_room, th, &mut lines);
    orphan_lines(app, sess, th, &mut lines);
    // where the agenda resumes: the one rule (`gate::resume_point`)
    if let Some(p) = app.fw.pos_of(&crate::gate::resume_point(app.fw, sess)) {
        let pt = app.fw.point_at(p.flat);
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            fill(s.start_resume_at, &[&pt.id, &safe_line(&pt.text)]),
            th.focus,
        )));
        // the first workshop that enters a block: the agenda resumes at the
        // block's first point and nothing of the block is recorded yet, so
        // its guidance is read here before the room starts
        let block = &app.fw.blocks[p.block];
        let untouched = p.step == 0
            && p.point == 0
            && block
                .steps
                .iter()
                .flat_map(|st| &st.points)
                .all(|pt| sess.record(&pt.id).is_none());
        if untouched && !block.guidance.trim().is_empty() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                safe_line(&fill(s.recap_new_block, &[&block.id, &block.title])).into_owned(),
                th.title,
            )));
            lines.extend(crate::tui::dialogs::guidance::paragraphs(
                &block.guidance,
                th.base,
            ));
            if !v.for_room {
                lines.push(Line::from(Span::styled(s.recap_guidance_key, th.dim)));
            }
        }
    }
    (lines, sel_line)
}

/// "Punten buiten het kader": records on points the session's framework no
/// longer has (after a switch, issue 31), each with its status, dissent
/// reason and open actions; nothing when there are none.
fn orphan_lines(app: &Env, sess: &Session, th: &Theme, lines: &mut Vec<Line<'static>>) {
    let s = app.s();
    let list = crate::framework::carried::orphans(sess, app.fw);
    if list.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("{} ({})", s.orphan_heading, list.len()),
        th.title,
    )));
    for (id, r) in list {
        let mut text = format!("  {} {id} {}", r.status.symbol(), r.status.word(app.lang));
        if !r.dissent_reason.is_empty() {
            text.push_str(&format!(" — {}", r.dissent_reason));
        }
        let open = r.live_actions().filter(|(_, a)| !a.done).count();
        if open > 0 {
            text.push_str(&format!(" · {} {open}", s.ui_actions));
        }
        lines.push(Line::from(Span::styled(
            safe_line(&text).into_owned(),
            th.base,
        )));
    }
}

/// The latest vote: outcome, tally, follow-up route and revisit date; a
/// deferral with who decided it and why (as a NO-GO with its route); a new
/// vote with what it replaced and why.
fn vote_lines(app: &Env, sess: &Session, th: &Theme, lines: &mut Vec<Line<'static>>) {
    let s = app.s();
    let Some(v) = sess.latest_vote() else {
        lines.push(Line::from(Span::styled(format!("  {}", s.no_vote), th.dim)));
        return;
    };
    // "(besloten door de deelnemers, bijeenkomst 1)": one pair of brackets
    let mut about: Vec<String> = v
        .deferred
        .map(|d| d.word(app.lang).to_string())
        .into_iter()
        .collect();
    about.push(fill(s.vote_of_workshop, &[&v.workshop.to_string()]));
    // a deferral holds no ballots worth counting: no tally after it
    let tally = if v.is_deferral() && v.ballots.is_empty() {
        String::new()
    } else {
        format!(" · {}", v.tally.describe(app.lang))
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!("  {} {}", v.outcome.symbol(), v.outcome.word(app.lang)),
            th.outcome(v.outcome),
        ),
        Span::styled(format!(" ({}){tally}", about.join(", ")), th.dim),
    ]));
    let mut plain = |text: String| {
        lines.push(Line::from(Span::styled(
            format!("  {}", safe_line(&text)),
            th.base,
        )))
    };
    if v.is_deferral() && !v.remark.trim().is_empty() {
        plain(fill(s.recap_defer_reason, &[&v.remark]));
    }
    if let Some(words) = crate::vote::replaces_words(&sess.votes, sess.votes.len() - 1, app.lang) {
        plain(crate::vote::capitalized(&words));
    }
    if let Some(fu) = &v.follow_up {
        plain(fu.describe(app.fw, app.lang));
    }
    if let Some(d) = v.revisit {
        plain(fill(s.start_revisit, &[&app.lang.date(d)]));
    }
}

/// Who was at the workshop looked back on: present from the start, who came
/// later and when, who left and when, who was absent throughout.
fn attendance_lines(
    app: &Env,
    sess: &Session,
    number: u32,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let s = app.s();
    let Some(list) = sess.attendance(number) else {
        return;
    };
    let time = |t: jiff::Timestamp| t.to_zoned(app.tz.clone()).strftime("%H:%M").to_string();
    let name = |p| safe_line(&sess.party_name(p)).into_owned();
    let mut present = Vec::new();
    let mut absent = Vec::new();
    let mut excused = Vec::new();
    let mut later = Vec::new();
    for a in &list {
        if a.excused_throughout() {
            excused.push(name(a.party));
            continue;
        }
        if a.absent_throughout() {
            absent.push(name(a.party));
            continue;
        }
        if a.from_start {
            present.push(name(a.party));
        }
        for c in &a.changes {
            let t = if c.present {
                s.recap_came
            } else {
                s.recap_left
            };
            let mut text = fill(t, &[&name(a.party), &time(c.at)]);
            if !c.point.is_empty() {
                text.push_str(&fill(s.recap_at_point, &[&c.point]));
            }
            later.push((c.at, text));
        }
    }
    // arrivals and departures in time order, whoever they are
    later.sort_by_key(|(at, _)| *at);
    let later: Vec<String> = later.into_iter().map(|(_, t)| t).collect();
    lines.push(Line::from(Span::styled(s.recap_attendance_head, th.title)));
    let none = || s.start_none.to_string();
    let join = |v: &Vec<String>| if v.is_empty() { none() } else { v.join(", ") };
    lines.push(Line::from(vec![
        Span::styled(format!("  ☑ {}: ", s.present), th.good),
        Span::styled(join(&present), th.base),
    ]));
    for l in later {
        lines.push(Line::from(Span::styled(format!("  ↔ {l}"), th.base)));
    }
    if !excused.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("  ☐ {}: ", app.lang.stances().excused), th.dim),
            Span::styled(join(&excused), th.base),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("  ☐ {}: ", s.ui_absent), th.dim),
        Span::styled(join(&absent), th.base),
    ]));
}
