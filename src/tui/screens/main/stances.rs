//! The stances of the parties on the current point, symbol and word, each
//! with its reason below it. Every party keeps its number (its place in the
//! session); an absent party is shown dimmed as absent. When not all fit,
//! the panel says how many more there are above and below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::i18n::fill;
use crate::session::{Session, Stance, Status};
use crate::tui::app::App;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;

use crate::view::wrap::wrap_cut;

pub fn render(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let o = app.open_session().expect("open");
    let focus = app.screen_state().expect("open").stance_focus;
    let blk = Block::new()
        .borders(Borders::TOP)
        .border_style(if focus.is_some() { th.focus } else { th.border })
        .title(Span::styled(format!(" {} ", s.ui_stances), th.title));
    let inner = blk.inner(area);
    f.render_widget(blk, area);
    if sess.parties.is_empty() {
        f.render_widget(
            Paragraph::new(s.ui_no_parties)
                .style(th.dim)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rows = app.party_rows();
    let rec = sess.record(&sess.cursor);
    let h = inner.height as usize;
    let width = inner.width as usize;
    // a reason gets more lines where there is room
    let reason_max = if h >= 16 {
        3
    } else if h >= 10 {
        2
    } else {
        1
    };
    let label_w =
        crate::tui::widgets::label_width(rows.iter().map(|r| r.number).max().unwrap_or(1));
    let items: Vec<Vec<Line>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let selected = focus == Some(i);
            let stance = rec.map(|r| r.stance_of(row.id)).unwrap_or_default();
            // absent, or afgemeld (apologies, issue 24)
            let absent = if o.is_excused(row.id) {
                app.lang.stances().excused
            } else {
                s.ui_absent
            };
            let (word, word_style) = match (row.present, stance) {
                (true, _) => (
                    format!("{} {}", stance.symbol(), stance.word(app.lang)),
                    th.stance(stance),
                ),
                (false, Stance::NotStated) => {
                    (format!("{} {absent}", crate::tui::widgets::ABSENT), th.dim)
                }
                // what it said before stays in view, with why it says no more
                (false, _) => (
                    format!("{} {} · {absent}", stance.symbol(), stance.word(app.lang),),
                    th.dim,
                ),
            };
            let name_style = match (selected, row.present) {
                (true, _) => th.selected,
                (false, true) => th.base,
                (false, false) => th.dim,
            };
            // marker, label ("11", "12" too), the name padded by display
            // width, then the stance word whole
            let label = crate::tui::widgets::party_label(row.number, label_w);
            let name_room = width
                .saturating_sub(
                    2 + label.len() + 1 + unicode_width::UnicodeWidthStr::width(word.as_str()),
                )
                .max(4);
            let name =
                crate::tui::widgets::status::pad(&safe_line(&sess.party_name(row.id)), name_room);
            let mut lines = vec![Line::from(vec![
                Span::styled(crate::tui::widgets::marker(selected), th.focus),
                Span::styled(label, if row.present { th.focus } else { th.dim }),
                Span::styled(format!("{name} "), name_style),
                Span::styled(word, word_style),
            ])];
            // the party's own reason; the dissent's is the point's (issue 24)
            let reason = rec
                .and_then(|r| {
                    r.stance_entry(row.id)
                        .map(|e| crate::session::own_reason(r, e))
                })
                .unwrap_or("");
            if !reason.trim().is_empty() {
                for l in wrap_cut(&safe_line(reason), width.saturating_sub(4), reason_max) {
                    lines.push(Line::from(Span::styled(format!("    {l}"), th.dim)));
                }
            }
            lines
        })
        .collect();
    let mut lines = window(&items, focus.unwrap_or(0), h, app, th);
    if app.all_agree() && sess.status_of(&sess.cursor) != Status::Consensus && lines.len() < h {
        lines.push(Line::from(Span::styled(s.ui_suggest_consensus, th.good)));
    }
    f.render_widget(Paragraph::new(lines), inner);
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
