//! The current point: where the room is, the question, its status in block
//! letters, the dissent (also while it is being recorded), the text being
//! typed (`--live`), each party's stance, and the point's notes and action
//! items as saved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::Paragraph;

use super::Beamer;
use super::view::{Part, content, stack, where_part};
use crate::i18n::fill;
use crate::live::{LiveDialog, LiveState};
use crate::session::{Session, Stance, Status};
use crate::tui::text::safe_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::recap::owner_and_due;

/// The parts of the point screen, each with its rank.
pub fn parts(b: &Beamer, sess: &Session, live: &LiveState, th: &Theme) -> Vec<(u8, Part)> {
    let s = b.lang.strings();
    let Some(pos) = b.fw.pos_of(&live.point) else {
        return vec![(0, Part::Text(vec![(s.beamer_waiting.into(), th.title)]))];
    };
    let pt = b.fw.point_at(pos.flat);
    let rec = sess.record(&pt.id);
    let status = sess.status_of(&pt.id);
    let mut parts = vec![(3, where_part(b, sess, &pt.id, th))];
    parts.push((
        0,
        Part::Text(vec![
            (format!("{} ", pt.id), th.dim),
            (safe_line(&pt.text).into_owned(), th.point),
        ]),
    ));
    parts.push((
        1,
        Part::Big {
            symbol: (status.symbol().into(), th.status(status)),
            word: status.word(b.lang).into(),
            style: th.status(status),
        },
    ));
    // dissent: as it is being recorded, else as saved
    let name = |p| safe_line(&sess.party_name(p)).into_owned();
    match &live.dialog {
        LiveDialog::Dissent { parties } => {
            let who = if parties.is_empty() {
                s.beamer_dissent_none.to_string()
            } else {
                fill(
                    s.beamer_dissent_who,
                    &[&parties
                        .iter()
                        .map(|&p| name(p))
                        .collect::<Vec<_>>()
                        .join(", ")],
                )
            };
            parts.push((2, Part::Text(vec![(format!("✖ {who}"), th.bad)])));
        }
        _ => {
            if let Some(r) = rec.filter(|r| r.status == Status::Dissent) {
                let who: Vec<String> = r.dissenters.iter().map(|&p| name(p)).collect();
                let mut pieces = vec![(
                    format!("✖ {}", fill(s.beamer_dissent_who, &[&who.join(", ")])),
                    th.bad,
                )];
                if !r.dissent_reason.trim().is_empty() {
                    pieces.push((format!("— {}", safe_line(&r.dissent_reason)), th.base));
                }
                parts.push((2, Part::Text(pieces)));
            }
        }
    }
    if b.opts.live
        && let Some(t) = &live.typing
        && !t.text.trim().is_empty()
    {
        parts.push((
            2,
            Part::Text(vec![
                (s.beamer_typing.into(), th.focus),
                (safe_line(&t.text).into_owned(), th.base),
            ]),
        ));
    }
    // each party's stance, symbol and word (the words in one column)
    let word_w = [
        Stance::NotStated,
        Stance::Agree,
        Stance::Reservations,
        Stance::Disagree,
    ]
    .iter()
    .map(|st| st.word(b.lang).chars().count())
    .max()
    .unwrap_or(0);
    let items: Vec<Vec<(String, ratatui::style::Style)>> = sess
        .active_parties()
        .map(|p| {
            let st = rec.map(|r| r.stance_of(p.id)).unwrap_or(Stance::NotStated);
            let mut line = vec![
                (
                    format!("  {} {:<word_w$} ", st.symbol(), st.word(b.lang)),
                    th.stance(st),
                ),
                (name(p.id), th.base),
            ];
            if let Some(e) = rec.and_then(|r| r.stance_entry(p.id))
                && !e.reason.trim().is_empty()
            {
                line.push((format!(" — {}", safe_line(&e.reason)), th.dim));
            }
            line
        })
        .collect();
    if !items.is_empty() {
        parts.push((
            4,
            Part::List {
                head: Some((s.beamer_stances.into(), th.title)),
                items,
            },
        ));
    }
    if let Some(r) = rec {
        let notes: Vec<_> = r
            .live_notes()
            .map(|(_, n)| vec![(format!("  • {}", safe_line(&n.text)), th.base)])
            .collect();
        if !notes.is_empty() {
            parts.push((
                5,
                Part::List {
                    head: Some((s.ui_notes.into(), th.title)),
                    items: notes,
                },
            ));
        }
        let actions: Vec<_> = r
            .live_actions()
            .map(|(_, a)| {
                let (owner, due) = owner_and_due(sess, a, s);
                let mark = if a.done { "☑" } else { "☐" };
                vec![
                    (format!("  {mark} {}", safe_line(&a.what)), th.base),
                    (format!(" — {}{due}", safe_line(&owner)), th.dim),
                ]
            })
            .collect();
        if !actions.is_empty() {
            parts.push((
                6,
                Part::List {
                    head: Some((s.ui_actions.into(), th.title)),
                    items: actions,
                },
            ));
        }
    }
    parts
}

pub fn render(b: &Beamer, sess: &Session, live: &LiveState, f: &mut Frame, area: Rect, th: &Theme) {
    let area = content(area);
    let parts = parts(b, sess, live, th);
    let lines = stack(
        &parts,
        area.width as usize,
        area.height as usize,
        b.lang.strings(),
    );
    f.render_widget(Paragraph::new(Text::from(lines)), area);
}
