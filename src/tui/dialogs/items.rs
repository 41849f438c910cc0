//! `x`: the notes and action items of the current point, newest first.
//! `Enter` edits the selected one (the note editor or the action form,
//! filled in), `x`/Space marks an action item done or open again, `Del`
//! deletes after a question. Every change is a capture: saved at once,
//! undoable, and kept in the item's history (nothing is replaced silently).

use crate::tui::dialogs::Cx;
use crate::tui::widgets::wrapped::Wrapped;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::i18n::{Strings, fill};
use crate::session::{ActionItem, ItemChange, ItemChangeKind, PointRecord, Session};
use crate::tui::app::{App, Overlay};
use crate::tui::dialogs::action_item::ActionForm;
use crate::tui::dialogs::confirm::{ConfirmDialog, OnYes};
use crate::tui::dialogs::note::NoteDialog;
use crate::tui::dialogs::{Dialog, Transition};
use crate::tui::keys::{Action, Ctx};
use crate::tui::text::{safe_line, safe_lines};
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::popup::popup;
use crate::tui::widgets::recap::owner_and_due;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::fit;
use crate::view::wrap::wrapped_rows;

/// A note or action item of the current point, by its index in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRef {
    Note(usize),
    Action(usize),
}

/// The items of a point that are not removed, newest first.
pub fn rows(rec: Option<&PointRecord>) -> Vec<ItemRef> {
    let Some(r) = rec else {
        return Vec::new();
    };
    // by time, then (typed in the same instant) by place in the list
    let mut v: Vec<(Timestamp, usize, ItemRef)> = r
        .live_notes()
        .map(|(i, n)| (n.at, i, ItemRef::Note(i)))
        .chain(r.live_actions().map(|(i, a)| (a.at, i, ItemRef::Action(i))))
        .collect();
    v.sort_by_key(|(at, i, _)| std::cmp::Reverse((*at, *i)));
    v.into_iter().map(|(_, _, r)| r).collect()
}

/// "28-11": the day an item was marked done (in the app's time zone).
pub fn day(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned(tz.clone()).strftime("%d-%m").to_string()
}

/// "klaar 28-11", or "klaar" for an item done before dates were kept.
pub fn done_word(a: &ActionItem, s: &Strings, tz: &TimeZone) -> String {
    match a.done_change() {
        Some(c) => fill(s.ui_done_on, &[&day(c.at, tz)]),
        None => s.ui_done_word.to_string(),
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemsDialog {
    /// The selected row (see [`rows`]).
    pub selected: usize,
}

impl ItemsDialog {
    pub fn overlay(selected: usize) -> Overlay {
        Box::new(ItemsDialog { selected })
    }
}

fn current_rows(app: &App) -> Vec<ItemRef> {
    rows(app.session().and_then(|s| s.record(&s.cursor)))
}

/// Delete an item of the current point (after the question): a capture.
pub fn remove(cx: &mut Cx<'_>, item: ItemRef) {
    let s = cx.s();
    match item {
        ItemRef::Note(i) => cx.capture(s.ch_note_removed, |sess, p, now| {
            sess.remove_note(p, i, now);
        }),
        ItemRef::Action(i) => cx.capture(s.ch_action_removed, |sess, p, now| {
            sess.remove_action(p, i, now);
        }),
    }
}

impl Dialog for ItemsDialog {
    fn ctx(&self) -> Ctx {
        Ctx::Items
    }

    fn update(&mut self, cx: &mut Cx<'_>, action: Action) -> Transition {
        let rows = current_rows(cx);
        let last = rows.len().saturating_sub(1);
        let sel = self.selected.min(last);
        let item = rows.get(sel).copied();
        self.selected = match action {
            Action::Back => return Transition::Close,
            Action::Up => sel.saturating_sub(1),
            Action::Down => (sel + 1).min(last),
            Action::PageUp => sel.saturating_sub(10),
            Action::PageDown => (sel + 10).min(last),
            Action::Confirm => return edit(cx, item, sel),
            Action::Toggle => {
                toggle_done(cx, item);
                sel
            }
            Action::RemoveItem => return ask_remove(cx, item, sel),
            _ => sel,
        };
        Transition::Stay
    }

    fn render(&self, app: &App, f: &mut Frame, area: Rect, th: &Theme) {
        let s = app.s();
        let Some(sess) = app.session() else { return };
        let rec = sess.record(&sess.cursor);
        let rows = rows(rec);
        let title = fill(s.items_title, &[&sess.cursor]);
        let inner = popup(
            f,
            area,
            area.width.saturating_sub(4).min(120),
            area.height.saturating_sub(2),
            &title,
            th,
        );
        let (Some(rec), false) = (rec, rows.is_empty()) else {
            let [body, h] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
            f.render_widget(Wrapped::new(s.items_none).style(th.dim), body);
            f.render_widget(hint_line(Ctx::Items, s, h.width, false, th), h);
            return;
        };
        let sel = self.selected.min(rows.len() - 1);
        let room = inner.height.saturating_sub(1);
        let list_h = (rows.len() as u16).min(room / 2).max(1);
        let [list, detail, h] = Layout::vertical([
            Constraint::Length(list_h),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        // one column is the scrollbar's, two the marker's
        let width = (list.width as usize).saturating_sub(3);
        let lines = rows
            .iter()
            .enumerate()
            .map(|(i, item)| row_line(app, sess, rec, *item, i == sel, width, th))
            .collect();
        render_list(lines, sel, f, list, th);
        detail_box(app, sess, rec, rows[sel], f, detail, th);
        f.render_widget(hint_line(Ctx::Items, s, h.width, false, th), h);
    }
}

/// One row of the list: symbol, text (cut with "…"), owner and due or done.
fn row_line(
    app: &App,
    sess: &Session,
    rec: &PointRecord,
    item: ItemRef,
    selected: bool,
    width: usize,
    th: &Theme,
) -> Line<'static> {
    let s = app.s();
    let (symbol, text, tail, dim) = match item {
        ItemRef::Note(i) => {
            let n = &rec.notes[i];
            let mut lines = safe_lines(&n.text).into_iter();
            let first = lines.next().unwrap_or_default();
            let more = if lines.next().is_some() { " …" } else { "" };
            (
                crate::view::text::note_prefix(s, n.workshop, sess.workshop_number()),
                format!("{first}{more}"),
                String::new(),
                false,
            )
        }
        ItemRef::Action(i) => {
            let a = &rec.actions[i];
            let (owner, due) = owner_and_due(sess, a, s);
            if a.done {
                let done = done_word(a, s, app.tz());
                (
                    "☑ ".to_string(),
                    safe_line(&a.what).into_owned(),
                    format!(" — {} ({done})", safe_line(&owner)),
                    true,
                )
            } else {
                (
                    "☐ ".to_string(),
                    safe_line(&a.what).into_owned(),
                    format!(" — {}{due}", safe_line(&owner)),
                    false,
                )
            }
        }
    };
    let marker = if selected { "▶ " } else { "  " };
    let room = width.saturating_sub(symbol.chars().count());
    // the text gets the room first; owner and date what is left, or are cut
    let text_w = text.chars().count();
    let (text, tail) = if text_w + tail.chars().count() <= room {
        (text, tail)
    } else if text_w < room {
        let t = fit(&tail, room - text_w);
        (text, t)
    } else {
        (fit(&text, room), String::new())
    };
    let (sym_style, text_style, tail_style) = if selected {
        (th.selected, th.selected, th.selected)
    } else if dim {
        (th.dim, th.dim, th.dim)
    } else {
        (th.focus, th.base, th.dim)
    };
    Line::from(vec![
        Span::styled(marker, th.focus),
        Span::styled(symbol, sym_style),
        Span::styled(text, text_style),
        Span::styled(tail, tail_style),
    ])
}

/// The selected item whole, with its history: when it was recorded, and
/// every edit (with what it replaced), done, reopened.
fn detail_box(
    app: &App,
    sess: &Session,
    rec: &PointRecord,
    item: ItemRef,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let s = app.s();
    let blk = Block::new()
        .borders(Borders::TOP)
        .border_style(th.border)
        .title(Span::styled(format!(" {} ", s.items_history), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (workshop, at, changes, is_note) = match item {
        ItemRef::Note(i) => {
            let n = &rec.notes[i];
            for l in safe_lines(&n.text) {
                lines.push(Line::from(Span::styled(l, th.base)));
            }
            (n.workshop, n.at, &n.changes, true)
        }
        ItemRef::Action(i) => {
            let a = &rec.actions[i];
            let (owner, due) = owner_and_due(sess, a, s);
            let (symbol, state) = if a.done {
                ("☑ ", format!(" ({})", done_word(a, s, app.tz())))
            } else {
                ("☐ ", String::new())
            };
            lines.push(Line::from(vec![
                Span::styled(symbol, th.focus),
                Span::styled(
                    safe_line(&a.what).into_owned(),
                    th.base.add_modifier(Modifier::BOLD),
                ),
                Span::styled(format!(" — {}{due}{state}", safe_line(&owner)), th.dim),
            ]));
            (a.workshop, a.at, &a.changes, false)
        }
    };
    let stamp = |w: u32, t: Timestamp| {
        let z = t.to_zoned(app.tz().clone());
        let when = z.strftime("%d-%m %H:%M").to_string();
        format!("{}: ", fill(s.items_stamp, &[&w.to_string(), &when]))
    };
    lines.push(Line::from(vec![
        Span::styled(stamp(workshop, at), th.dim),
        Span::styled(s.items_recorded, th.dim),
    ]));
    for c in changes {
        lines.push(Line::from(vec![
            Span::styled(stamp(c.workshop, c.at), th.dim),
            Span::styled(change_text(sess, c, is_note, s), th.base),
        ]));
    }
    // never cut silently: what does not fit is counted
    let width = inner.width.max(1) as usize;
    let room = inner.height as usize;
    let mut used = 0;
    let mut shown = 0;
    for l in &lines {
        let rows = wrapped_rows(&l.to_string(), width);
        if used + rows > room {
            break;
        }
        used += rows;
        shown += 1;
    }
    if shown < lines.len() {
        let keep = shown.saturating_sub(1);
        let more = fill(s.ui_more, &[&(lines.len() - keep).to_string()]);
        lines.truncate(keep);
        lines.push(Line::from(Span::styled(more, th.warn)));
    }
    f.render_widget(Wrapped::new(lines), inner);
}

/// "Notitie gewijzigd — was: …", "Actiepunt klaar", …
pub fn change_text(sess: &Session, c: &ItemChange, is_note: bool, s: &Strings) -> String {
    match (c.kind, is_note) {
        (ItemChangeKind::Edited, true) => format!(
            "{} — {}",
            s.ch_note_edited,
            fill(s.ch_was, &[&safe_line(&c.text)])
        ),
        (ItemChangeKind::Edited, false) => {
            let owner = c
                .owner
                .map(|p| sess.party_name(p))
                .unwrap_or_else(|| s.ui_owner_none.into());
            let due = c
                .due
                .map(|d| format!(", {}", fill(s.ui_due, &[&d.to_string()])))
                .unwrap_or_default();
            let was = format!("{} — {}{due}", c.text, owner);
            format!(
                "{} — {}",
                s.ch_action_edited,
                fill(s.ch_was, &[&safe_line(&was)])
            )
        }
        (ItemChangeKind::Removed, true) => s.ch_note_removed.to_string(),
        (ItemChangeKind::Removed, false) => s.ch_action_removed.to_string(),
        (ItemChangeKind::Done, _) => s.ch_action_done.to_string(),
        (ItemChangeKind::Reopened, _) => s.ch_action_reopened.to_string(),
    }
}

/// `Enter`: the note editor or the action form, filled in with the item.
fn edit(cx: &mut Cx<'_>, item: Option<ItemRef>, sel: usize) -> Transition {
    let Some(rec) = cx.session().and_then(|s| s.record(&s.cursor)) else {
        return Transition::Stay;
    };
    match item {
        Some(ItemRef::Note(i)) => {
            let text = rec.notes[i].text.clone();
            Transition::Open(Box::new(NoteDialog::editing(i, &text, sel)))
        }
        Some(ItemRef::Action(i)) => match ActionForm::editing(cx, i, sel) {
            Some(form) => Transition::Open(Box::new(form)),
            None => Transition::Stay,
        },
        None => Transition::Stay,
    }
}

/// `x`/Space: an action item done, or open again; a note cannot be done.
fn toggle_done(cx: &mut Cx<'_>, item: Option<ItemRef>) {
    let s = cx.s();
    match item {
        Some(ItemRef::Action(i)) => {
            let done = cx
                .session()
                .and_then(|x| x.record(&x.cursor))
                .is_some_and(|r| r.actions[i].done);
            let label = if done {
                s.ch_action_reopened
            } else {
                s.ch_action_done
            };
            cx.capture(label, |sess, p, now| {
                sess.set_action_done(p, i, !done, now);
            });
        }
        Some(ItemRef::Note(_)) => cx.info(s.items_only_actions.to_string()),
        None => {}
    }
}

/// `Del`: ask first; "yes" deletes (the item stays in the history).
fn ask_remove(cx: &mut Cx<'_>, item: Option<ItemRef>, sel: usize) -> Transition {
    let s = cx.s();
    let Some(rec) = cx.session().and_then(|x| x.record(&x.cursor)) else {
        return Transition::Stay;
    };
    let Some(item) = item else {
        return Transition::Stay;
    };
    let text = match item {
        ItemRef::Note(i) => fill(
            s.items_remove_note_q,
            &[&fit(&safe_line(&rec.notes[i].text), 40)],
        ),
        ItemRef::Action(i) => fill(
            s.items_remove_action_q,
            &[&fit(&safe_line(&rec.actions[i].what), 40)],
        ),
    };
    Transition::Open(Box::new(ConfirmDialog {
        text,
        on_yes: OnYes::RemoveItem(item, sel),
    }))
}
