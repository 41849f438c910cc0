//! The current point: where the room is, the question, its status in block
//! letters, the dissent (also while it is being recorded), the text being
//! typed (`--live`), each party's stance, and the point's notes and action
//! items as saved.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Beamer;
use super::view::{Part, draw, where_part};
use crate::i18n::fill;
use crate::live::{LiveDialog, LiveState};
use crate::safe_text::{safe_line, safe_lines};
use crate::session::{Session, Stance, Status};
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
    parts.extend(super::plan::part(b, sess, th).map(|p| (4, p)));
    if let Some(d) = decision(b, sess, th) {
        parts.push((5, d));
    }
    parts.push((
        0,
        Part::Text(vec![
            (format!("{} ", pt.id), th.dim),
            (safe_line(&pt.text).into_owned(), th.point),
        ]),
    ));
    // decided under words the framework has changed since (issue 31)
    if let Some((then, at)) = crate::framework::carried::decided_under(sess, &pt.id, &pt.text) {
        let day = b.lang.date_long(at.to_zoned(b.tz.clone()).date());
        parts.push((
            2,
            Part::Text(vec![(
                safe_line(&fill(s.beamer_decided_under, &[&day, &then])).into_owned(),
                th.warn,
            )]),
        ));
    }
    // the status in block letters grows after who dissents and why (rank
    // 1): on a small screen the room reads the reasons first; its word is
    // always there on one line
    parts.push((
        2,
        Part::Big {
            symbol: (status.symbol().into(), th.status(status)),
            word: status.word(b.lang).into(),
            style: th.status(status),
        },
    ));
    // why the point was skipped, as the facilitator's screen says it
    if let Some(r) = rec.filter(|r| r.status == Status::Skipped)
        && !r.skip_reason.trim().is_empty()
    {
        parts.push((
            1,
            Part::Text(vec![(
                safe_line(&fill(s.ui_reason, &[&r.skip_reason])).into_owned(),
                th.muted,
            )]),
        ));
    }
    // consensus despite a recorded "oneens", as the facilitator's screen says it
    if let Some(r) = rec {
        let over: Vec<String> = r
            .consensus_over()
            .into_iter()
            .map(|p| safe_line(&sess.party_name(p)).into_owned())
            .collect();
        if !over.is_empty() {
            parts.push((
                1,
                Part::Text(vec![(
                    format!("⚠ {}", fill(s.ex_consensus_over, &[&over.join(", ")])),
                    th.warn,
                )]),
            ));
        }
    }
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
            parts.push((1, Part::Text(vec![(format!("✖ {who}"), th.bad)])));
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
                parts.push((1, Part::Text(pieces)));
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
                (typing_tail(&t.text), th.base),
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
    .chain([
        s.ui_absent.chars().count(),
        b.lang.stances().excused.chars().count(),
    ])
    .max()
    .unwrap_or(0);
    // the present parties that have not spoken share one line, so the
    // stances said, the notes and the actions keep their room
    let silent: Vec<String> = sess
        .active_parties()
        .filter(|p| {
            sess.is_present(p.id)
                && rec.map(|r| r.stance_of(p.id)).unwrap_or(Stance::NotStated) == Stance::NotStated
        })
        .map(|p| name(p.id))
        .collect();
    // who said something first (dissenters among them), absent parties after
    let mut said: Vec<_> = sess
        .active_parties()
        .filter(|p| !silent.contains(&name(p.id)))
        .collect();
    said.sort_by_key(|p| !sess.is_present(p.id));
    let mut items: Vec<super::view::WrappedItem> = said
        .into_iter()
        .map(|p| {
            let st = rec.map(|r| r.stance_of(p.id)).unwrap_or(Stance::NotStated);
            // as on the facilitator's screen: an absent party is absent, not
            // "niet uitgesproken"; what it said before stays, marked absent
            let present = sess.is_present(p.id);
            // apologies are not absence (issue 24): "afgemeld", as on the
            // facilitator's screen
            let absent_word = if sess.is_excused(p.id) {
                b.lang.stances().excused
            } else {
                s.ui_absent
            };
            let (word, style, name_style) = match (present, st) {
                (true, _) => (
                    format!("  {} {:<word_w$} ", st.symbol(), st.word(b.lang)),
                    th.stance(st),
                    th.base,
                ),
                (false, Stance::NotStated) => (
                    format!(
                        "  {} {:<word_w$} ",
                        crate::tui::widgets::ABSENT,
                        absent_word
                    ),
                    th.dim,
                    th.dim,
                ),
                (false, _) => (
                    format!("  {} {:<word_w$} ", st.symbol(), st.word(b.lang)),
                    th.dim,
                    th.dim,
                ),
            };
            // the name and its reason wrap under it into rows left free
            let mut line = vec![(name(p.id), name_style)];
            if !present && st != Stance::NotStated {
                line.push((format!("({absent_word})"), th.dim));
            }
            // the party's own reason; the dissent's is the point's (issue 24)
            if let Some(r) = rec
                && let Some(e) = r.stance_entry(p.id)
                && !crate::session::own_reason(r, e).is_empty()
            {
                let own = crate::session::own_reason(r, e);
                line.push((format!("— {}", safe_line(own)), th.dim));
            }
            ((word, style), line)
        })
        .collect();
    if !silent.is_empty() {
        let st = Stance::NotStated;
        items.push((
            (
                format!("  {} {:<word_w$} ", st.symbol(), st.word(b.lang)),
                th.stance(st),
            ),
            vec![(silent.join(", "), th.base)],
        ));
    }
    // a line per party first; names and reasons wrap into rows left free
    if !items.is_empty() {
        parts.push((
            3,
            Part::Wrapped {
                head: (s.beamer_stances.into(), th.title),
                items,
                mark: th.warn,
            },
        ));
    }
    if let Some(r) = rec {
        let notes: Vec<_> = r
            .live_notes()
            .map(|(_, n)| {
                // its line breaks kept, as on the facilitator's screen
                (
                    ("  • ".to_string(), th.base),
                    vec![(safe_lines(&n.text).join("\n"), th.base)],
                )
            })
            .collect();
        // what the room wrote weighs more than who has not spoken yet
        if !notes.is_empty() {
            parts.push((
                3,
                Part::Wrapped {
                    head: (s.ui_notes.into(), th.title),
                    items: notes,
                    mark: th.warn,
                },
            ));
        }
        let actions: Vec<_> = r
            .live_actions()
            .map(|(_, a)| {
                let (owner, due) = owner_and_due(sess, a, s);
                let mark = if a.done { "☑" } else { "☐" };
                (
                    (format!("  {mark} "), th.base),
                    vec![
                        (safe_line(&a.what).into_owned(), th.base),
                        (format!("— {}{due}", safe_line(&owner)), th.dim),
                    ],
                )
            })
            .collect();
        if !actions.is_empty() {
            parts.push((
                3,
                Part::Wrapped {
                    head: (s.ui_actions.into(), th.title),
                    items: actions,
                    mark: th.warn,
                },
            ));
        }
    }
    parts
}

/// What the latest go/no-go decided, in the words of the facilitator's
/// header ([`crate::view::decision`]), so the room sees it after the
/// banner too; it wraps here instead of being cut.
fn decision(b: &Beamer, sess: &Session, th: &Theme) -> Option<Part> {
    use crate::view::decision;
    let env = crate::view::Env {
        fw: &b.fw,
        lang: b.lang,
        tz: b.tz.clone(),
    };
    let v = sess.decision_in_force()?;
    let full = decision::forms(&env, sess).into_iter().next()?;
    // the outcome in its colour, the follow-up after it dimmed
    let dated = full.split(" · ").next().unwrap_or(&full).to_string();
    let mut pieces = vec![(dated.clone(), th.outcome(v.outcome))];
    if let Some(rest) = full.strip_prefix(&dated)
        && !rest.is_empty()
    {
        pieces.push((rest.to_string(), th.dim));
    }
    Some(Part::Text(pieces))
}

/// The words being typed: the end of a long text (what the room is
/// agreeing on now), with "…" before it when its start is left out.
pub fn typing_tail(text: &str) -> String {
    const SHOWN: usize = 400;
    let text = safe_line(text);
    let n = text.chars().count();
    if n <= SHOWN {
        return text.into_owned();
    }
    let tail: String = text.chars().skip(n - SHOWN).collect();
    // start at a word, not inside one
    let tail = tail.split_once(' ').map(|(_, t)| t).unwrap_or(&tail);
    format!("…{tail}")
}

pub fn render(b: &Beamer, sess: &Session, live: &LiveState, f: &mut Frame, area: Rect, th: &Theme) {
    draw(b, &parts(b, sess, live, th), f, area);
}
