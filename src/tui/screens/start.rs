//! The start of a workshop: the recap of the previous one and who is here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::fill;
use crate::session::PartyId;
use crate::tui::app::{App, Screen};
use crate::tui::dialogs::add_party::AddPartyDialog;
use crate::tui::dialogs::flow::request_quit;
use crate::tui::dialogs::help::HelpDialog;
use crate::tui::keys::Action;
use crate::tui::open_session::OpenSession;
use crate::tui::session_view::SessionView;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

use crate::tui::widgets::footer::hint_line;
use crate::tui::widgets::scroll_list::render_list;
use crate::tui::widgets::status::{fit, flash_line};

pub fn update(app: &mut App, action: Action) {
    let now = app.now();
    let n = app
        .session()
        .map(|s| s.active_parties().count())
        .unwrap_or(0);
    if super::recap::update(app, &action) {
        return;
    }
    match action {
        Action::Up => {
            if let Some(v) = app.screen_state_mut() {
                v.start_sel = v.start_sel.saturating_sub(1);
            }
        }
        Action::Down => {
            if let Some(v) = app.screen_state_mut() {
                v.start_sel = (v.start_sel + 1).min(n.saturating_sub(1));
            }
        }
        Action::Toggle | Action::Digit(_) => {
            let Some(sess) = app.session() else {
                return;
            };
            let ids: Vec<PartyId> = sess.active_parties().map(|p| p.id).collect();
            // a number key is the party's number for the whole session
            let number = match action {
                Action::Digit(i) => Some(i + 1),
                _ => None,
            };
            let by_number = number.map(|n| {
                sess.party_by_number(n)
                    .and_then(|p| ids.iter().position(|&x| x == p.id))
            });
            if let (Some(n), Some(None)) = (number, by_number) {
                let t = fill(app.s().party_no_number, &[&n.to_string()]);
                app.info(t);
                return;
            }
            let Some((o, v)) = app.open_session_and_state_mut() else {
                return;
            };
            let idx = by_number.flatten().unwrap_or(v.start_sel);
            if let Some(&id) = ids.get(idx) {
                v.start_sel = idx;
                if o.toggle_present(id, now) {
                    app.save_now();
                }
            }
        }
        Action::Excused => {
            let ids: Vec<PartyId> = app
                .session()
                .map(|s| s.active_parties().map(|p| p.id).collect())
                .unwrap_or_default();
            let Some((o, v)) = app.open_session_and_state_mut() else {
                return;
            };
            if let Some(&id) = ids.get(v.start_sel)
                && o.toggle_excused(id, now)
            {
                app.save_now();
            }
        }
        Action::AddParty => app.open_dialog(AddPartyDialog::default()),
        Action::Confirm => {
            // the workshop starts here, not when the session was opened;
            // from now on a tick is an arrival or a departure
            app.start_workshop();
            if let Some(o) = app.open_session_mut() {
                o.taking_attendance = false;
            }
            app.show(Screen::Main);
            app.mark_orientation();
        }
        Action::Help => app.open_dialog(HelpDialog::new(app.ctx())),
        Action::CycleTheme => app.set_theme(app.theme().next()),
        Action::Quit => request_quit(app),
        _ => {}
    }
}

pub fn render(app: &App, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let (Some(o), Some(view)) = (app.open_session(), app.screen_state()) else {
        return;
    };
    let sess = &o.session;
    let planned = o.planned.is_some();
    let number = (sess.workshop_number() + u32::from(planned)).to_string();
    let [header, body, flash, footer] = crate::tui::widgets::status::screen_rows(area);
    let title = fill(s.start_title, &[&sess.name, &number]);
    f.render_widget(
        Paragraph::new(format!(" {} ", safe_line(&title))).style(th.header),
        header,
    );
    let [recap, attend] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    let scrolls = super::recap::render(app, sess, planned, f, recap, th);
    attendance(app, o, view, f, attend, th);
    f.render_widget(Paragraph::new(flash_line(app, th, flash.width)), flash);
    f.render_widget(hint_line(app.ctx(), s, footer.width, scrolls, th), footer);
}

/// Who is here: every party with its key, ticked present or absent.
fn attendance(
    app: &App,
    o: &OpenSession,
    view: &SessionView,
    f: &mut Frame,
    area: Rect,
    th: &Theme,
) {
    let s = app.s();
    let sess = &o.session;
    let blk = Block::new()
        .borders(Borders::LEFT)
        .border_style(th.border)
        .title(if view.recap.focused {
            Span::styled(format!(" {} ", s.start_attendance), th.title)
        } else {
            Span::styled(format!(" ▶ {} ", s.start_attendance), th.focus)
        });
    let inner = blk.inner(area).inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 1,
    });
    f.render_widget(blk, area);
    let parties: Vec<_> = sess.active_parties().collect();
    if parties.is_empty() {
        f.render_widget(Paragraph::new(s.ui_need_parties).style(th.warn), inner);
        return;
    }
    // marker, label, mark, and a column for the scrollbar
    let last = parties.iter().filter_map(|p| sess.party_number(p.id)).max();
    let label_w = crate::tui::widgets::label_width(last.unwrap_or(1));
    let room = (inner.width as usize).saturating_sub(2 + label_w + 1 + 12 + 1);
    let lines: Vec<Line> = parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let here = o.is_present(p.id);
            let number = sess.party_number(p.id).unwrap_or(0);
            let key = crate::tui::widgets::party_label(number, label_w);
            let sel = i == view.start_sel && !view.recap.focused;
            let style = if sel { th.selected } else { th.base };
            let w = crate::tui::dialogs::attendance::mark_width(app).max(10);
            let (mark, mark_style) =
                crate::tui::dialogs::attendance::mark(app, here, o.is_excused(p.id), w, th);
            Line::from(vec![
                Span::styled(crate::tui::widgets::marker(sel), th.focus),
                Span::styled(key, th.focus),
                Span::styled(mark, mark_style),
                Span::styled(fit(&safe_line(&p.label()), room), style),
            ])
        })
        .collect();
    render_list(lines, view.start_sel, f, inner, th);
}
