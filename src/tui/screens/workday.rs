//! The workshop day in the recap (issue 26): whether the previous minutes
//! are adopted (`v` adopts them), first, and the parking lot's open
//! topics after the last vote.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::app::App;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::status::fit;

/// The parking lot beside the point (under its notes): the open topics,
/// newest last, each cut with "…" to its row and "+N meer" for those that
/// do not fit (`L` shows them whole). Takes the rows it needs from the
/// bottom of `area`, at most a third; returns what is left for the notes.
/// Nothing is drawn when no topic is open or the panel is small.
pub fn side_list(app: &App, sess: &Session, f: &mut Frame, area: Rect, th: &Theme) -> Rect {
    let s = app.s();
    let open: Vec<_> = sess.open_parked().collect();
    if open.is_empty() || area.height < 9 {
        return area;
    }
    let rows = (open.len() as u16 + 1).min(area.height / 3).max(2);
    let [rest, side] = Layout::vertical([Constraint::Min(1), Constraint::Length(rows)]).areas(area);
    let title = format!(" {} · L ", fill(s.parking_side, &[&open.len().to_string()]));
    let blk = Block::new()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(th.border)
        .title(Span::styled(title, th.title));
    let inner = blk.inner(side).inner(ratatui::layout::Margin {
        horizontal: 1,
        vertical: 0,
    });
    f.render_widget(blk, side);
    let room = inner.height as usize;
    let width = inner.width as usize;
    let shown = if open.len() > room {
        room.saturating_sub(1)
    } else {
        open.len()
    };
    let mut lines: Vec<Line> = open
        .iter()
        .skip(open.len() - shown)
        .map(|p| {
            let text = format!("◆ {} {}", p.id, safe_line(&p.text));
            Line::from(Span::styled(fit(&text, width), th.base))
        })
        .collect();
    if shown < open.len() {
        let more = fill(s.ui_more_parked, &[&(open.len() - shown).to_string()]);
        lines.insert(0, Line::from(Span::styled(more, th.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
    rest
}
