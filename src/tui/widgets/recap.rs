//! Lines for open dissent and open action items: who, what, why, due. The
//! start screen's recap and the end-of-workshop summary share them; a list
//! that is cut says how many more there are.

use ratatui::text::{Line, Span};

use crate::i18n::{Strings, fill};
use crate::session::Session;
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;

/// Lines for the points in dissent: who and why (at most `limit`).
pub fn dissent_lines(
    sess: &Session,
    limit: usize,
    s: &Strings,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    let dissents = sess.dissents();
    if dissents.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", s.start_none),
            th.dim,
        )));
    }
    for (pid, r) in dissents.iter().take(limit) {
        let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  ✖ {pid} "), th.bad),
            Span::styled(safe_line(&who.join(", ")).into_owned(), th.base),
            Span::styled(format!(" — {}", safe_line(&r.dissent_reason)), th.dim),
        ]));
    }
}

/// Lines for open action items: what, who, due date (at most `limit`).
pub fn action_lines(
    sess: &Session,
    actions: &[(&str, &crate::session::ActionItem)],
    limit: usize,
    s: &Strings,
    th: &Theme,
    lines: &mut Vec<Line<'static>>,
) {
    if actions.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", s.start_none),
            th.dim,
        )));
    }
    for (pid, a) in actions.iter().take(limit) {
        let owner = a
            .owner
            .map(|p| sess.party_name(p))
            .unwrap_or_else(|| s.ui_owner_none.into());
        let due = a
            .due
            .map(|d| format!(", {}", fill(s.ui_due, &[&d.to_string()])))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  ☐ {pid} "), th.focus),
            Span::styled(safe_line(&a.what).into_owned(), th.base),
            Span::styled(format!(" — {}{due}", safe_line(&owner)), th.dim),
        ]));
    }
}
