//! The workshop day in the recap (issue 26): whether the previous minutes
//! are adopted (`v` adopts them), first, and the parking lot's open
//! topics after the last vote.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::session::Session;
use crate::tui::env::Env;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

/// "Verslag bijeenkomst N: nog niet vastgesteld (v: vaststellen)" or
/// "… vastgesteld", and an empty line; the key only on the facilitator's
/// screen, not for the room.
pub fn adoption_lines(
    env: &Env,
    sess: &Session,
    previous: u32,
    for_room: bool,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let s = env.s();
    let n = previous.to_string();
    if sess.adoption_of(previous).is_some() {
        lines.push(Line::from(Span::styled(
            fill(s.recap_adopted, &[&n]),
            th.good,
        )));
    } else {
        let mut spans = vec![Span::styled(fill(s.recap_adopt_open, &[&n]), th.warn)];
        if !for_room {
            spans.push(Span::styled(format!(" ({})", s.recap_adopt_key), th.dim));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
}

/// "Parkeerplaats: K open" with every open topic (nothing when none).
pub fn parked_lines(env: &Env, sess: &Session, th: &Theme, lines: &mut Vec<Line<'static>>) {
    let s = env.s();
    let open: Vec<_> = sess.open_parked().collect();
    if open.is_empty() {
        return;
    }
    lines.push(Line::default());
    let head = fill(s.recap_parked_head, &[&open.len().to_string()]);
    lines.push(Line::from(Span::styled(head, th.title)));
    for p in open {
        let mut t = format!("  ◆ {} {}", p.id, safe_line(&p.text));
        if let Some(by) = p.raised_by {
            t.push_str(&format!(" — {}", safe_line(&sess.party_name(by))));
        }
        lines.push(Line::from(Span::styled(t, th.base)));
    }
}
