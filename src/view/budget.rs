//! The workshop against its plan in words (issue 26), the same for the
//! facilitator's plan row (`tui/screens/main/budget.rs`) and the room.

use ratatui::style::{Modifier, Style};

use crate::domain::budget::{Lateness, Progress};
use crate::i18n::fill;
use crate::tui::theme::Theme;

/// The workshop against its plan, the same words for the facilitator and
/// the room: "einde 14:00 · verwacht 14:15 ⚠ 15 min te laat · nog 35 min
/// voor 6 punten: 6 min per punt".
pub fn workshop_pieces(
    p: &Progress,
    lang: crate::i18n::Lang,
    tz: &jiff::tz::TimeZone,
    th: &Theme,
) -> Vec<(String, Style)> {
    let ps = lang.plan();
    let time = |t: jiff::Timestamp| t.to_zoned(tz.clone()).strftime("%H:%M").to_string();
    let mut out = vec![(fill(ps.hdr_end, &[&time(p.planned_end)]), th.base)];
    if p.points_left > 0 && p.lateness != Lateness::Past {
        out.push(("·".into(), th.dim));
        out.push((fill(ps.hdr_expected, &[&time(p.expected_end)]), th.base));
    }
    let (word, style) = match p.lateness {
        Lateness::OnTime => (ps.on_time.to_string(), th.good),
        Lateness::Late => (fill(ps.late, &[&p.minutes_late().to_string()]), th.warn),
        Lateness::Past => (ps.past_end.to_string(), th.bad.add_modifier(Modifier::BOLD)),
    };
    out.push((word, style));
    out.push(("·".into(), th.dim));
    out.push((left_words(p, lang), th.base));
    out
}

/// "nog 35 min voor 12 punten: 3 min per punt", and its cases.
fn left_words(p: &Progress, lang: crate::i18n::Lang) -> String {
    let ps = lang.plan();
    let (min, left) = (p.minutes_left().to_string(), p.points_left.to_string());
    match (p.points_left, p.minutes_per_point()) {
        (0, _) => ps.hdr_all_done.to_string(),
        (_, None) => fill(ps.hdr_left_none, &[&left]),
        (1, Some(_)) => fill(ps.hdr_left_one, &[&min]),
        (_, Some(0)) => fill(ps.hdr_left_less, &[&min, &left]),
        (_, Some(per)) => fill(ps.hdr_left, &[&min, &left, &per.to_string()]),
    }
}
