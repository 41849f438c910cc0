//! The stances of the present parties on the current point, symbol and word.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::session::{Session, Status};
use crate::tui::app::App;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;

pub fn render(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) {
    let s = app.s();
    let o = app.open_session().expect("open");
    let focus = o.stance_focus;
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
    let present = app.present_parties();
    let rec = sess.record(&sess.cursor);
    let h = inner.height as usize;
    let sel = focus.unwrap_or(0);
    let start = if present.len() <= h {
        0
    } else {
        sel.saturating_sub(h / 2).min(present.len() - h)
    };
    let mut lines: Vec<Line> = Vec::new();
    for (i, &pid) in present.iter().enumerate().skip(start).take(h) {
        let stance = rec.map(|r| r.stance_of(pid)).unwrap_or_default();
        let reason = rec
            .and_then(|r| r.stance_entry(pid))
            .map(|e| e.reason.as_str())
            .unwrap_or("");
        let key = crate::tui::widgets::party_key(i).to_string();
        let selected = focus == Some(i);
        let name_style = if selected { th.selected } else { th.base };
        let word = format!("{} {}", stance.symbol(), stance.word(app.lang));
        let name_room = (inner.width as usize)
            .saturating_sub(2 + 1 + word.chars().count())
            .max(4);
        let name = fit(&safe_line(&sess.party_name(pid)), name_room);
        let mut spans = vec![
            Span::styled(format!("{key} "), th.focus),
            Span::styled(format!("{name:<name_room$} "), name_style),
            Span::styled(word, th.stance(stance)),
        ];
        if !reason.is_empty() {
            spans.push(Span::styled(format!(" — {}", safe_line(reason)), th.dim));
        }
        lines.push(Line::from(spans));
    }
    let absent: Vec<String> = sess
        .active_parties()
        .filter(|p| !present.contains(&p.id))
        .map(|p| safe_line(&p.organisation).into_owned())
        .collect();
    if !absent.is_empty() && lines.len() < h {
        lines.push(Line::from(Span::styled(
            format!("  – {}: {}", s.ui_absent, absent.join(", ")),
            th.dim,
        )));
    }
    if app.all_agree() && sess.status_of(&sess.cursor) != Status::Consensus && lines.len() < h {
        lines.push(Line::from(Span::styled(s.ui_suggest_consensus, th.good)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
