//! `wijktafel log`: what happened in a session, from its journal, in the
//! session's language (issue 23). One line per event: the workshop, the
//! time, the event's number (for `restore --event`), what happened and to
//! which point. The journal is replayed from its start, one event at a
//! time, so each line compares the point as it was just before and after.

use jiff::tz::TimeZone;

use crate::framework::Framework;
use crate::i18n::{Lang, Strings, fill};
use crate::journal::{Event, What, apply_events, state_after};
use crate::session::{PointRecord, Session, Stance, Status};

/// Which events `log` shows.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub workshop: Option<u32>,
    pub point: Option<String>,
    /// Also the cursor moving and drafts being kept.
    pub all: bool,
}

/// The log of a session as text, a line per event, under a heading per workshop.
pub fn log_text(
    fw: &Framework,
    sess: &Session,
    lang: Lang,
    tz: &TimeZone,
    f: &LogFilter,
) -> String {
    let s = lang.strings();
    let mut out = String::new();
    if let Some(from) = &sess.journal_from {
        let day = from.at.to_zoned(tz.clone()).date();
        out.push_str(&fill(
            s.log_from,
            &[&day.to_string(), &from.after_workshop.to_string()],
        ));
        out.push('\n');
    }
    let Ok(mut state) = state_after(sess, 0) else {
        return out;
    };
    let mut heading = None;
    let mut shown = 0;
    for e in &sess.journal {
        let before: Vec<(String, Option<PointRecord>)> = e
            .points
            .keys()
            .map(|id| (id.clone(), state.points.get(id).cloned()))
            .collect();
        let was = crate::journal::without_points(&state);
        if apply_events(&mut state, [e], true).is_err() {
            break;
        }
        if !wanted(e, f) {
            continue;
        }
        if heading != Some(e.workshop) {
            heading = Some(e.workshop);
            out.push('\n');
            out.push_str(&match e.workshop {
                0 => s.log_between.to_string(),
                n => fill(s.log_workshop, &[&n.to_string()]),
            });
            out.push('\n');
        }
        let time = e.at.to_zoned(tz.clone());
        let what = describe(fw, s, lang, e, &before, &was, &state);
        out.push_str(&format!(
            "  {} #{:<4} {}\n",
            time.strftime("%Y-%m-%d %H:%M"),
            e.seq,
            crate::safe_text::safe_line(&what)
        ));
        shown += 1;
    }
    if shown == 0 {
        out.push_str(s.log_none);
        out.push('\n');
    }
    out
}

fn wanted(e: &Event, f: &LogFilter) -> bool {
    if !f.all && matches!(e.what, What::Cursor | What::Draft) {
        return false;
    }
    if f.workshop.is_some_and(|n| n != e.workshop) {
        return false;
    }
    match &f.point {
        Some(p) => e.points.contains_key(p),
        None => true,
    }
}

/// What one event did, in words.
fn describe(
    fw: &Framework,
    s: &Strings,
    lang: Lang,
    e: &Event,
    before: &[(String, Option<PointRecord>)],
    was: &Session,
    now: &Session,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    let head = match e.what {
        What::Undo => Some(s.log_undo.to_string()),
        What::Redo => Some(s.log_redo.to_string()),
        What::Restore => Some(fill(s.log_restore, &[&e.of.unwrap_or(0).to_string()])),
        _ => None,
    };
    parts.extend(head);
    parts.extend(session_words(s, lang, was, now));
    for (id, b) in before {
        let a = now.points.get(id);
        let words = point_words(s, lang, now, b.as_ref(), a);
        if !words.is_empty() {
            let known = fw.pos_of(id).is_some();
            let id = if known { id.clone() } else { format!("{id}?") };
            parts.push(format!("{id}: {}", words.join("; ")));
        }
    }
    if parts.is_empty() {
        parts.push(match e.what {
            What::Cursor => fill(s.log_cursor, &[&now.cursor]),
            What::Draft => s.log_draft.to_string(),
            _ => s.log_other.to_string(),
        });
    }
    parts.join(" · ")
}

/// Workshops started and ended, arrivals and departures, votes, parties,
/// gate overrides.
fn session_words(s: &Strings, lang: Lang, was: &Session, now: &Session) -> Vec<String> {
    let mut out = Vec::new();
    for w in &now.workshops {
        let old = was.workshops.iter().find(|o| o.number == w.number);
        match old {
            None => out.push(fill(
                s.log_started,
                &[&w.number.to_string(), &names(now, &w.present)],
            )),
            Some(o) => {
                if o.ended.is_none() && w.ended.is_some() {
                    out.push(fill(s.log_ended, &[&w.number.to_string()]));
                }
                if o.ended.is_some() && w.ended.is_none() {
                    out.push(fill(s.log_reopened, &[&w.number.to_string()]));
                }
                for c in w.attendance_log.iter().skip(o.attendance_log.len()) {
                    let word = if c.present { s.log_arrived } else { s.log_left };
                    out.push(fill(word, &[&now.party_name(c.party)]));
                }
                if o.attendance_log.len() == w.attendance_log.len() && o.present != w.present {
                    out.push(fill(s.log_present, &[&names(now, &w.present)]));
                }
            }
        }
        // who sent apologies (afgemeld, issue 24), when that changed
        let was_excused = old.map(|o| o.excused.as_slice()).unwrap_or(&[]);
        if w.excused != was_excused {
            let who = if w.excused.is_empty() {
                s.start_none.to_string()
            } else {
                names(now, &w.excused)
            };
            out.push(fill(lang.stances().log_excused, &[&who]));
        }
    }
    for v in now.votes.iter().skip(was.votes.len()) {
        out.push(fill(
            s.log_vote,
            &[&format!("{} {}", v.outcome.symbol(), v.outcome.word(lang))],
        ));
    }
    for w in was
        .workshops
        .iter()
        .filter(|w| !now.workshops.iter().any(|n| n.number == w.number))
    {
        out.push(fill(s.log_workshop_gone, &[&w.number.to_string()]));
    }
    for v in was.votes.iter().skip(now.votes.len()) {
        out.push(fill(
            s.log_vote_gone,
            &[&format!("{} {}", v.outcome.symbol(), v.outcome.word(lang))],
        ));
    }
    if now.votes.len() == was.votes.len() && now.votes != was.votes {
        out.push(s.log_vote_changed.to_string());
    }
    for p in now
        .parties
        .iter()
        .filter(|p| !was.parties.iter().any(|o| o.id == p.id))
    {
        out.push(fill(s.log_party, &[&p.label()]));
    }
    for sw in now
        .framework_switches
        .iter()
        .skip(was.framework_switches.len())
    {
        out.push(fill(
            s.log_framework,
            &[
                &format!("{} {}", sw.from.id, sw.from.version),
                &format!("{} {}", sw.to.id, sw.to.version),
            ],
        ));
    }
    for o in now.overrides.iter().skip(was.overrides.len()) {
        out.push(fill(s.log_override, &[&o.block, &o.reason]));
    }
    out.extend(super::workday::log_words(s, was, now));
    out.extend(super::budget::log_words(lang, was, now));
    out
}

fn names(s: &Session, ids: &[u32]) -> String {
    ids.iter()
        .map(|&p| s.party_name(p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A point's record before and after, in words.
fn point_words(
    s: &Strings,
    lang: Lang,
    sess: &Session,
    b: Option<&PointRecord>,
    a: Option<&PointRecord>,
) -> Vec<String> {
    let empty = PointRecord::default();
    let (b, a) = (b.unwrap_or(&empty), a.unwrap_or(&empty));
    let mut out = Vec::new();
    let status_changed = b.status != a.status;
    if status_changed
        || b.dissenters != a.dissenters
        || b.dissent_reason != a.dissent_reason
        || b.skip_reason != a.skip_reason
    {
        let mut t = format!("{} {}", a.status.symbol(), a.status.word(lang));
        if a.status == Status::Dissent {
            t.push_str(&format!(
                " ({}: {})",
                names(sess, &a.dissenters),
                a.dissent_reason
            ));
        }
        if a.status == Status::Skipped {
            t.push_str(&format!(" ({})", a.skip_reason));
        }
        if !status_changed {
            t = format!("{}: {t}", s.ex_what_corrected);
        }
        out.push(t);
    }
    for st in &a.stances {
        let old = b.stance_entry(st.party);
        if old != Some(st)
            && !(old.is_none() && st.stance == Stance::NotStated && st.reason.is_empty())
        {
            let mut t = format!(
                "{}: {} {}",
                sess.party_name(st.party),
                st.stance.symbol(),
                st.stance.word(lang)
            );
            if !st.reason.is_empty() {
                t.push_str(&format!(" ({})", st.reason));
            }
            out.push(t);
        }
    }
    for n in a.notes.iter().skip(b.notes.len()) {
        out.push(format!("{}: {}", s.ex_what_note, n.text));
    }
    for (old, new) in b.notes.iter().zip(&a.notes) {
        if old != new {
            let word = if new.live() {
                s.ch_note_edited
            } else {
                s.ch_note_removed
            };
            out.push(format!("{word}: {}", new.text));
        }
    }
    for n in b.notes.iter().skip(a.notes.len()) {
        out.push(format!("{}: {}", s.log_note_gone, n.text));
    }
    for x in b.actions.iter().skip(a.actions.len()) {
        out.push(format!("{}: {}", s.log_action_gone, x.what));
    }
    for x in a.actions.iter().skip(b.actions.len()) {
        out.push(format!("{}: {}", s.ex_what_action, x.what));
    }
    for (old, new) in b.actions.iter().zip(&a.actions) {
        if old != new {
            let word = if !new.live() {
                s.log_action_removed
            } else if new.done && !old.done {
                s.ex_what_done
            } else if old.done && !new.done {
                s.log_action_reopened
            } else {
                s.log_action_edited
            };
            out.push(format!("{word}: {}", new.what));
        }
    }
    if a.seconds > b.seconds {
        out.push(fill(
            s.log_time,
            &[&crate::timing::duration_text(a.seconds - b.seconds)],
        ));
    }
    out
}

/// `restore --event N`: put the session back to after event N, and say so.
pub fn restore_event_text(
    path: &std::path::Path,
    session: &str,
    to: u64,
    lang: Lang,
) -> Result<String, crate::store::StoreError> {
    use crate::store::EventRestore;
    let s = lang.strings();
    let shown = path.display().to_string();
    let line = match crate::store::restore_event(path, to, jiff::Timestamp::now())? {
        EventRestore::Done { to, seq } => fill(
            s.rs_event_done,
            &[
                &shown,
                &to.to_string(),
                &seq.to_string(),
                &(seq - 1).to_string(),
                session,
            ],
        ),
        EventRestore::Unchanged { to } => fill(s.rs_event_unchanged, &[&shown, &to.to_string()]),
        EventRestore::NoSuchEvent { to, last } => fill(
            s.rs_event_none,
            &[&shown, &to.to_string(), &last.to_string()],
        ),
    };
    Ok(format!("{}\n", crate::safe_text::safe_line(&line)))
}
