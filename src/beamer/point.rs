//! The current point: where the room is, the question, its status in block
//! letters, the dissent (also while it is being recorded), the text being
//! typed (`--live`), each party's stance, and the point's notes and action
//! items as saved.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Beamer;
use super::view::{Part, WrappedItem, draw, where_part};
use crate::framework::Point;
use crate::i18n::fill;
use crate::live::{LiveDialog, LiveState};
use crate::safe_text::{safe_line, safe_lines};
use crate::session::{PartyId, PointRecord, Session, Stance, Status};
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
    let mut parts = vec![(3, where_part(b, sess, &pt.id, th))];
    parts.extend(super::plan::part(b, sess, th).map(|p| (4, p)));
    parts.extend(decision(b, sess, th).map(|p| (5, p)));
    parts.push((0, question(pt, th)));
    parts.extend(decided_under(b, sess, pt, th).map(|p| (2, p)));
    // the status in block letters grows after who dissents and why (rank
    // 1): on a small screen the room reads the reasons first; its word is
    // always there on one line
    parts.push((2, status_in_letters(b, sess.status_of(&pt.id), th)));
    parts.extend(skip_reason(b, rec, th).map(|p| (1, p)));
    parts.extend(consensus_over(b, sess, rec, th).map(|p| (1, p)));
    parts.extend(dissent(b, sess, live, rec, th).map(|p| (1, p)));
    parts.extend(typing(b, live, th).map(|p| (2, p)));
    parts.extend(stances(b, sess, rec, th).map(|p| (3, p)));
    // what the room wrote weighs more than who has not spoken yet
    parts.extend(notes(b, rec, th).map(|p| (3, p)));
    parts.extend(actions(b, sess, rec, th).map(|p| (3, p)));
    parts
}

/// A party's name as the room may see it (control characters taken out).
fn name(sess: &Session, p: PartyId) -> String {
    safe_line(&sess.party_name(p)).into_owned()
}

/// The point itself: its number dimmed, then its question.
fn question(pt: &Point, th: &Theme) -> Part {
    Part::Text(vec![
        (format!("{} ", pt.id), th.dim),
        (safe_line(&pt.text).into_owned(), th.point),
    ])
}

/// A warning that the point was decided under words the framework has
/// changed since (issue 31): the day and the words it was decided under.
fn decided_under(b: &Beamer, sess: &Session, pt: &Point, th: &Theme) -> Option<Part> {
    let s = b.lang.strings();
    let (then, at) = crate::framework::carried::decided_under(sess, &pt.id, &pt.text)?;
    let day = b.lang.date_long(at.to_zoned(b.tz.clone()).date());
    Some(Part::Text(vec![(
        safe_line(&fill(s.beamer_decided_under, &[&day, &then])).into_owned(),
        th.warn,
    )]))
}

/// The point's status: its symbol and word, in block letters when they fit.
fn status_in_letters(b: &Beamer, status: Status, th: &Theme) -> Part {
    Part::Big {
        symbol: (status.symbol().into(), th.status(status)),
        word: status.word(b.lang).into(),
        style: th.status(status),
    }
}

/// Why the point was skipped, as the facilitator's screen says it; `None`
/// when it was not skipped or no reason was given.
fn skip_reason(b: &Beamer, rec: Option<&PointRecord>, th: &Theme) -> Option<Part> {
    let s = b.lang.strings();
    let r = rec.filter(|r| r.status == Status::Skipped)?;
    if r.skip_reason.trim().is_empty() {
        return None;
    }
    Some(Part::Text(vec![(
        safe_line(&fill(s.ui_reason, &[&r.skip_reason])).into_owned(),
        th.muted,
    )]))
}

/// A warning that consensus was recorded despite a recorded "oneens", with
/// who said it, as the facilitator's screen says it.
fn consensus_over(
    b: &Beamer,
    sess: &Session,
    rec: Option<&PointRecord>,
    th: &Theme,
) -> Option<Part> {
    let s = b.lang.strings();
    let over: Vec<String> = rec?
        .consensus_over()
        .into_iter()
        .map(|p| name(sess, p))
        .collect();
    if over.is_empty() {
        return None;
    }
    Some(Part::Text(vec![(
        format!("⚠ {}", fill(s.ex_consensus_over, &[&over.join(", ")])),
        th.warn,
    )]))
}

/// Who dissents: as it is being recorded in the dissent dialog, else as
/// saved with the point's reason after it.
fn dissent(
    b: &Beamer,
    sess: &Session,
    live: &LiveState,
    rec: Option<&PointRecord>,
    th: &Theme,
) -> Option<Part> {
    let s = b.lang.strings();
    if let LiveDialog::Dissent { parties } = &live.dialog {
        let who = if parties.is_empty() {
            s.beamer_dissent_none.to_string()
        } else {
            let names: Vec<String> = parties.iter().map(|&p| name(sess, p)).collect();
            fill(s.beamer_dissent_who, &[&names.join(", ")])
        };
        return Some(Part::Text(vec![(format!("✖ {who}"), th.bad)]));
    }
    let r = rec.filter(|r| r.status == Status::Dissent)?;
    let who: Vec<String> = r.dissenters.iter().map(|&p| name(sess, p)).collect();
    let mut pieces = vec![(
        format!("✖ {}", fill(s.beamer_dissent_who, &[&who.join(", ")])),
        th.bad,
    )];
    if !r.dissent_reason.trim().is_empty() {
        pieces.push((format!("— {}", safe_line(&r.dissent_reason)), th.base));
    }
    Some(Part::Text(pieces))
}

/// The text the facilitator is typing, with `--live` only; shared with the
/// vote screen (the reason of a ballot being typed).
pub fn typing(b: &Beamer, live: &LiveState, th: &Theme) -> Option<Part> {
    let t = live.typing.as_ref().filter(|_| b.opts.live)?;
    if t.text.trim().is_empty() {
        return None;
    }
    Some(Part::Text(vec![
        (b.lang.strings().beamer_typing.into(), th.focus),
        (typing_tail(&t.text), th.base),
    ]))
}

/// The width of the widest stance word (absent and excused among them), so
/// the names after them start in one column.
fn stance_word_width(b: &Beamer) -> usize {
    let s = b.lang.strings();
    [
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
    .unwrap_or(0)
}

/// Each party's stance under one heading: who said something first
/// (dissenters among them), absent parties after, and the present parties
/// that have not spoken on one shared line; `None` with no party at all.
fn stances(b: &Beamer, sess: &Session, rec: Option<&PointRecord>, th: &Theme) -> Option<Part> {
    let s = b.lang.strings();
    let word_w = stance_word_width(b);
    // the present parties that have not spoken share one line, so the
    // stances said, the notes and the actions keep their room
    let silent: Vec<String> = sess
        .active_parties()
        .filter(|p| {
            sess.is_present(p.id)
                && rec.map(|r| r.stance_of(p.id)).unwrap_or(Stance::NotStated) == Stance::NotStated
        })
        .map(|p| name(sess, p.id))
        .collect();
    // who said something first (dissenters among them), absent parties after
    let mut said: Vec<_> = sess
        .active_parties()
        .filter(|p| !silent.contains(&name(sess, p.id)))
        .collect();
    said.sort_by_key(|p| !sess.is_present(p.id));
    let mut items: Vec<WrappedItem> = said
        .into_iter()
        .map(|p| stance_item(b, sess, rec, p.id, word_w, th))
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
    (!items.is_empty()).then(|| Part::Wrapped {
        head: (s.beamer_stances.into(), th.title),
        items,
        mark: th.warn,
    })
}

/// One party's line of the stances: its symbol and word in a column of
/// `word_w`, then its name and its own reason, which wrap under it.
fn stance_item(
    b: &Beamer,
    sess: &Session,
    rec: Option<&PointRecord>,
    p: PartyId,
    word_w: usize,
    th: &Theme,
) -> WrappedItem {
    let s = b.lang.strings();
    let st = rec.map(|r| r.stance_of(p)).unwrap_or(Stance::NotStated);
    // as on the facilitator's screen: an absent party is absent, not
    // "niet uitgesproken"; what it said before stays, marked absent
    let present = sess.is_present(p);
    // apologies are not absence (issue 24): "afgemeld", as on the
    // facilitator's screen
    let absent_word = if sess.is_excused(p) {
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
    let mut line = vec![(name(sess, p), name_style)];
    if !present && st != Stance::NotStated {
        line.push((format!("({absent_word})"), th.dim));
    }
    // the party's own reason; the dissent's is the point's (issue 24)
    if let Some(r) = rec
        && let Some(e) = r.stance_entry(p)
        && !crate::session::own_reason(r, e).is_empty()
    {
        let own = crate::session::own_reason(r, e);
        line.push((format!("— {}", safe_line(own)), th.dim));
    }
    ((word, style), line)
}

/// The point's notes as saved, each with its line breaks kept as on the
/// facilitator's screen; `None` when there are none.
fn notes(b: &Beamer, rec: Option<&PointRecord>, th: &Theme) -> Option<Part> {
    let items: Vec<WrappedItem> = rec?
        .live_notes()
        .map(|(_, n)| {
            (
                ("  • ".to_string(), th.base),
                vec![(safe_lines(&n.text).join("\n"), th.base)],
            )
        })
        .collect();
    (!items.is_empty()).then(|| Part::Wrapped {
        head: (b.lang.strings().ui_notes.into(), th.title),
        items,
        mark: th.warn,
    })
}

/// The point's action items as saved: done or not, what, and who does it
/// by when; `None` when there are none.
fn actions(b: &Beamer, sess: &Session, rec: Option<&PointRecord>, th: &Theme) -> Option<Part> {
    let s = b.lang.strings();
    let items: Vec<WrappedItem> = rec?
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
    (!items.is_empty()).then(|| Part::Wrapped {
        head: (s.ui_actions.into(), th.title),
        items,
        mark: th.warn,
    })
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
