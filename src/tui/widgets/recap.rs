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
    more_line(dissents.len(), limit, s, th, lines);
    for (pid, r) in dissents.iter().take(limit) {
        let who: Vec<String> = r.dissenters.iter().map(|&p| sess.party_name(p)).collect();
        lines.push(Line::from(vec![
            Span::styled(format!("  ✖ {pid} "), th.bad),
            Span::styled(safe_line(&who.join(", ")).into_owned(), th.base),
            Span::styled(format!(" — {}", safe_line(&r.dissent_reason)), th.dim),
        ]));
    }
}

/// Lines for action items: what, who, due date (at most `limit`); one that
/// is done shows as done ("☑ … (klaar)").
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
    more_line(actions.len(), limit, s, th, lines);
    for (pid, a) in actions.iter().take(limit) {
        let (owner, due) = owner_and_due(sess, a, s);
        if a.done {
            lines.push(Line::from(vec![
                Span::styled(format!("  ☑ {pid} "), th.dim),
                Span::styled(safe_line(&a.what).into_owned(), th.dim),
                Span::styled(
                    format!(" — {} ({})", safe_line(&owner), s.ui_done_word),
                    th.dim,
                ),
            ]));
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  ☐ {pid} "), th.focus),
            Span::styled(safe_line(&a.what).into_owned(), th.base),
            Span::styled(format!(" — {}{due}", safe_line(&owner)), th.dim),
        ]));
    }
}

/// Who owns an action item ("nog niemand" when nobody), and ", uiterlijk
/// <date>" when it has a due date.
pub fn owner_and_due(
    sess: &Session,
    a: &crate::session::ActionItem,
    s: &Strings,
) -> (String, String) {
    let owner = a
        .owner
        .map(|p| sess.party_name(p))
        .unwrap_or_else(|| s.ui_owner_none.into());
    let due = a
        .due
        .map(|d| format!(", {}", fill(s.ui_due, &[&crate::i18n::lang_of(s).date(d)])))
        .unwrap_or_default();
    (owner, due)
}

/// "+N meer" when a list is cut (said first, so it is seen even when the
/// list runs past the screen).
fn more_line(total: usize, limit: usize, s: &Strings, th: &Theme, lines: &mut Vec<Line<'static>>) {
    if total > limit {
        let more = fill(s.ui_more, &[&(total - limit).to_string()]);
        lines.push(Line::from(Span::styled(format!("  {more}"), th.warn)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::session::Status;

    #[test]
    fn a_cut_list_says_how_many_more() {
        let fw = Framework::builtin();
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let mut sess = Session::new("Recap", &fw, now);
        let p = sess.add_party("Politie", "", "");
        sess.resume(now);
        for i in 0..8 {
            let id = fw.point_at(i).id.clone();
            sess.set_status(&id, Status::Dissent, vec![p], "te snel", now);
        }
        let s = crate::i18n::Lang::Nl.strings();
        let th = crate::tui::theme::ThemeKind::Dark.theme();
        let mut lines = Vec::new();
        dissent_lines(&sess, 6, s, &th, &mut lines);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text.len(), 7, "{text:?}");
        assert!(text.iter().any(|l| l.contains("+2 meer")), "{text:?}");
        let mut all = Vec::new();
        dissent_lines(&sess, usize::MAX, s, &th, &mut all);
        assert_eq!(all.len(), 8, "nothing said when nothing is cut");
    }
}
