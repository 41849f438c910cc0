//! The stances of the parties on the current point, symbol and word, each
//! with its reason below it. Every party keeps its number (its place in the
//! session); an absent party is shown dimmed as absent. When not all fit,
//! the panel says how many more there are above and below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::{Strings, fill};
use crate::session::{PointRecord, Session, Stance, Status};
use crate::tui::app::{App, OpenSession, PartyRow};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;
use crate::tui::widgets::wrapped::Wrapped;

use crate::view::wrap::wrap_cut;

/// The stances panel: a line per party with its reason under it, as many as
/// fit with the selected one in view, and the suggestion to record
/// consensus when every party agrees.
pub fn render(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let o = app.open_session().expect("open");
    let focus = app.screen_state().expect("open").stance_focus;
    let inner = frame(s, focus.is_some(), f, area, th);
    if sess.parties.is_empty() {
        f.render_widget(Wrapped::new(s.ui_no_parties).style(th.dim), inner);
        return;
    }
    let rows = app.party_rows();
    let h = inner.height as usize;
    let panel = Panel {
        app,
        o,
        sess,
        rec: sess.record(&sess.cursor),
        th,
        width: inner.width as usize,
        label_w: crate::tui::widgets::label_width(rows.iter().map(|r| r.number).max().unwrap_or(1)),
        reason_max: reason_max(h),
    };
    let items: Vec<Vec<Line>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| panel.item(row, focus == Some(i)))
        .collect();
    let mut lines = window(&items, focus.unwrap_or(0), h, app, th);
    if app.all_agree() && sess.status_of(&sess.cursor) != Status::Consensus && lines.len() < h {
        lines.push(Line::from(Span::styled(s.ui_suggest_consensus, th.good)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// The panel's top border with its title, in the focus colour while a
/// party is selected; returns the room under it.
fn frame(s: &Strings, focused: bool, f: &mut Frame, area: Rect, th: &Theme) -> Rect {
    let blk = Block::new()
        .borders(Borders::TOP)
        .border_style(if focused { th.focus } else { th.border })
        .title(Span::styled(format!(" {} ", s.ui_stances), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    inner
}

/// The lines a reason may take in a panel of `h` rows: more where there is
/// room.
fn reason_max(h: usize) -> usize {
    if h >= 16 {
        3
    } else if h >= 10 {
        2
    } else {
        1
    }
}

/// What each party's item is drawn with: the window, the session as open,
/// the current point's record and the panel's measures.
struct Panel<'a> {
    app: &'a App,
    o: &'a OpenSession,
    sess: &'a Session,
    rec: Option<&'a PointRecord>,
    th: &'a Theme,
    /// The panel's columns.
    width: usize,
    /// The columns of a party's label ("1", or "11" and " 1" past ten).
    label_w: usize,
    /// The most lines a party's reason may take.
    reason_max: usize,
}

impl Panel<'_> {
    /// One party: marker, label ("11", "12" too), the name padded by
    /// display width, then the stance word whole; its own reason below.
    fn item(&self, row: &PartyRow, selected: bool) -> Vec<Line<'static>> {
        let th = self.th;
        let stance = self.rec.map(|r| r.stance_of(row.id)).unwrap_or_default();
        let (word, word_style) = self.stance_word(row, stance);
        let name_style = match (selected, row.present) {
            (true, _) => th.selected,
            (false, true) => th.base,
            (false, false) => th.dim,
        };
        let label = crate::tui::widgets::party_label(row.number, self.label_w);
        let name_room = self
            .width
            .saturating_sub(
                2 + label.len() + 1 + unicode_width::UnicodeWidthStr::width(word.as_str()),
            )
            .max(4);
        let name =
            crate::tui::widgets::status::pad(&safe_line(&self.sess.party_name(row.id)), name_room);
        let mut lines = vec![Line::from(vec![
            Span::styled(crate::tui::widgets::marker(selected), th.focus),
            Span::styled(label, if row.present { th.focus } else { th.dim }),
            Span::styled(format!("{name} "), name_style),
            Span::styled(word, word_style),
        ])];
        lines.extend(self.reason(row));
        lines
    }

    /// The party's stance, symbol and word in its colour; an absent party
    /// dimmed as absent or afgemeld (apologies, issue 24).
    fn stance_word(&self, row: &PartyRow, stance: Stance) -> (String, Style) {
        let (app, th) = (self.app, self.th);
        let absent = if self.o.is_excused(row.id) {
            app.lang().stances().excused
        } else {
            app.s().ui_absent
        };
        match (row.present, stance) {
            (true, _) => (
                format!("{} {}", stance.symbol(), stance.word(app.lang())),
                th.stance(stance),
            ),
            (false, Stance::NotStated) => {
                (format!("{} {absent}", crate::tui::widgets::ABSENT), th.dim)
            }
            // what it said before stays in view, with why it says no more
            (false, _) => (
                format!("{} {} · {absent}", stance.symbol(), stance.word(app.lang()),),
                th.dim,
            ),
        }
    }

    /// The party's own reason (the dissent's is the point's, issue 24),
    /// wrapped and indented under its line, cut at `reason_max` lines.
    fn reason(&self, row: &PartyRow) -> Vec<Line<'static>> {
        let reason = self
            .rec
            .and_then(|r| {
                r.stance_entry(row.id)
                    .map(|e| crate::session::own_reason(r, e))
            })
            .unwrap_or("");
        if reason.trim().is_empty() {
            return Vec::new();
        }
        wrap_cut(
            &safe_line(reason),
            self.width.saturating_sub(4),
            self.reason_max,
        )
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("    {l}"), self.th.dim)))
        .collect()
    }
}

/// The items (a party and its reason) that fit in `h` rows with item `sel`
/// in view, and a line saying how many more there are above and below.
fn window(
    items: &[Vec<Line<'static>>],
    sel: usize,
    h: usize,
    app: &App,
    th: &Theme,
) -> Vec<Line<'static>> {
    let s = app.s();
    let total: usize = items.iter().map(|i| i.len()).sum();
    if total <= h {
        return items.iter().flatten().cloned().collect();
    }
    let sel = sel.min(items.len().saturating_sub(1));
    // the first item shown: as early as possible with `sel` still whole
    let mut start = 0;
    loop {
        let marks = usize::from(start > 0) + usize::from(sel + 1 < items.len());
        let need: usize = items[start..=sel].iter().map(|i| i.len()).sum();
        if need + marks <= h || start == sel {
            break;
        }
        start += 1;
    }
    let mut out: Vec<Line> = Vec::new();
    if start > 0 {
        out.push(Line::from(Span::styled(
            fill(s.party_more_above, &[&start.to_string()]),
            th.dim,
        )));
    }
    let mut shown = start;
    for (i, item) in items.iter().enumerate().skip(start) {
        let below = items.len() - i - 1;
        let room = h.saturating_sub(out.len() + usize::from(below > 0));
        if item.len() <= room {
            out.extend(item.iter().cloned());
            shown = i + 1;
        } else if i == sel || i == start {
            // the selected party itself: its line, and of its reason what fits
            let mut part: Vec<Line> = item.iter().take(room.max(1)).cloned().collect();
            if part.len() < item.len()
                && part.len() > 1
                && let Some(last) = part.last_mut()
            {
                let text: String = last.spans.iter().map(|sp| sp.content.as_ref()).collect();
                let w = crate::view::wrap::columns(&text);
                *last = Line::from(Span::styled(fit(&format!("{text}…"), w), th.dim));
            }
            out.extend(part);
            shown = i + 1;
            break;
        } else {
            break;
        }
    }
    if shown < items.len() {
        out.push(Line::from(Span::styled(
            fill(s.party_more_below, &[&(items.len() - shown).to_string()]),
            th.dim,
        )));
    }
    out.truncate(h);
    out
}
