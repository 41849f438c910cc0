//! No facilitator (yet): "Wacht op de procesbegeleider…", calm and
//! centred; and the calm message when the session file cannot be read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::Paragraph;

use super::Beamer;
use super::view::{Part, content, stack};
use crate::i18n::fill;
use crate::safe_text::safe_line;
use crate::tui::theme::Theme;

/// The name of the session as the room knows it (its file's stem until read).
fn name(b: &Beamer) -> String {
    match &b.session {
        super::Loaded::Read(s) => s.name.clone(),
        _ => b
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

fn centred(b: &Beamer, parts: Vec<(u8, Part)>, f: &mut Frame, area: Rect) {
    let area = content(area);
    let s = b.lang.strings();
    let lines = stack(&parts, area.width as usize, area.height as usize, s);
    let top = (area.height as usize).saturating_sub(lines.len()) / 2;
    let area = Rect {
        y: area.y + top as u16,
        height: area.height - top as u16,
        ..area
    };
    f.render_widget(Paragraph::new(Text::from(lines)), area);
}

pub fn render(b: &Beamer, f: &mut Frame, area: Rect, th: &Theme) {
    let s = b.lang.strings();
    let how = fill(
        s.beamer_waiting_how,
        &[&format!("\u{201c}{}\u{201d}", name(b))],
    );
    let parts = vec![
        (0, Part::Text(vec![(s.beamer_waiting.into(), th.title)])),
        (1, Part::Text(vec![(safe_line(&how).into_owned(), th.dim)])),
    ];
    centred(b, parts, f, area);
}

/// A session file that cannot be read: one calm line for the room. Why
/// (a parser's message, paths in the user's folders) is the facilitator's
/// business, not the projector's: `wijktafel list` and `open` say it.
pub fn render_unreadable(b: &Beamer, f: &mut Frame, area: Rect, th: &Theme) {
    let s = b.lang.strings();
    let parts = vec![(0, Part::Text(vec![(s.beamer_unreadable.into(), th.title)]))];
    centred(b, parts, f, area);
}
