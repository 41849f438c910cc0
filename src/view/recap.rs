//! The recap of the previous workshop, as both windows show it: the
//! facilitator's start screen (`tui/screens/recap.rs`, which adds the
//! choosing, the scrolling and the keys) and the room's beamer. Open
//! dissent, open action items, the last vote and where the agenda resumes.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::recap::owner_and_due;
use crate::view::Env;
use crate::view::workday::previous_workshop;

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
            crate::view::workday::adoption_lines(app, sess, w.number, v.for_room, th, &mut lines);
            attendance_lines(app, sess, w.number, th, &mut lines);
            lines.push(Line::default());
            sel_line = open_items_lines(app, sess, v, th, &mut lines);
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(s.start_last_vote, th.title)));
            vote_lines(app, sess, th, &mut lines);
            crate::view::workday::parked_lines(app, sess, th, &mut lines);
        }
    }
    crate::view::workday::plan_lines(app, sess, planned, v.for_room, th, &mut lines);
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
            lines.extend(crate::view::text::paragraphs(&block.guidance, th.base));
            if !v.for_room {
                lines.push(Line::from(Span::styled(s.recap_guidance_key, th.dim)));
            }
        }
    }
    (lines, sel_line)
}

/// The open dissent and the open action items, each chosen one marked;
/// returns which line is the chosen one.
fn open_items_lines(
    app: &Env,
    sess: &Session,
    v: &RecapView,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) -> Option<usize> {
    let s = app.s();
    let mut sel_line = None;
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
    sel_line
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
    lines.push(crate::view::vote::outcome_line(
        v,
        &about.join(", "),
        app.lang,
        th,
    ));
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
    let fu = crate::view::vote::follow_up(app, v);
    for text in fu.route.into_iter().chain(fu.revisit) {
        plain(text);
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
