//! The workshop day in the documents (issue 26): whether the minutes of a
//! workshop were adopted (read from the present session: the adoption
//! happens in a later workshop, after the state these minutes are built
//! from), the adoption of the previous minutes in the workshop that did
//! it, and the parking lot (new, moved, closed, still open). The CSV
//! table of the parking lot is here too.

use super::doc::{Ctx, Inline, Node, b, t};
use super::tables::{Cell, Table};
use crate::domain::workday::{Adoption, Amendment, ParkedHow, ParkedTopic};
use crate::i18n::{Strings, fill};
use crate::session::Session;

/// Below the head of the minutes of workshop `number`: "Vastgesteld in
/// bijeenkomst N+1 op DATUM" with the amendments, or "concept". A
/// workshop still running has no status yet.
pub(super) fn minutes_status_nodes(c: &Ctx, number: u32, out: &mut Vec<Node>) {
    let s = c.s;
    let ended = c
        .present
        .workshops
        .iter()
        .any(|w| w.number == number && w.ended.is_some());
    if !ended {
        return;
    }
    let Some(a) = c.present.adoption_of(number) else {
        head_field(out, s.wd_minutes_status, vec![b(s.wd_minutes_concept)]);
        return;
    };
    let (n, day) = (a.in_workshop.to_string(), c.day_of(a.at));
    let text = if a.amendments.is_empty() {
        fill(s.wd_minutes_adopted, &[&n, &day])
    } else {
        let count = a.amendments.len().to_string();
        fill(s.wd_minutes_adopted_amended, &[&n, &day, &count])
    };
    head_field(out, s.wd_minutes_status, vec![t(text)]);
    if !a.amendments.is_empty() {
        out.push(amendment_list(c, a));
    }
}

/// One more line of the head's fields (the head ends in them), or a
/// list of its own when nothing precedes.
fn head_field(out: &mut Vec<Node>, label: &str, value: Vec<Inline>) {
    match out.last_mut() {
        Some(Node::Fields(rows)) => rows.push((label.to_string(), value)),
        _ => out.push(Node::Fields(vec![(label.to_string(), value)])),
    }
}

/// In the minutes of the workshop that adopted earlier minutes: that it did,
/// when, and with which amendments.
pub(super) fn adopted_here_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    let here: Vec<&Adoption> = c.present.adopted_in(number).collect();
    if here.is_empty() {
        return;
    }
    out.push(Node::Heading(level, vec![t(s.wd_adoption_heading)]));
    for a in here {
        let (n, time) = (a.workshop.to_string(), c.time_of(a.at));
        let text = if a.amendments.is_empty() {
            fill(s.wd_adopted_here, &[&n, &time])
        } else {
            let count = a.amendments.len().to_string();
            fill(s.wd_adopted_here_amended, &[&n, &time, &count])
        };
        out.push(Node::Para(vec![t(text)]));
        if !a.amendments.is_empty() {
            out.push(amendment_list(c, a));
        }
    }
}

fn amendment_list(c: &Ctx, a: &Adoption) -> Node {
    Node::List(a.amendments.iter().map(|m| amendment(c, m)).collect())
}

/// "text — gevraagd door X — onderdeel: 1.4"
fn amendment(c: &Ctx, m: &Amendment) -> Vec<Inline> {
    let mut line = vec![t(c.user(&m.text))];
    if let Some(p) = m.party {
        line.push(t(format!(" — {}", fill(c.s.wd_asked_by, &[&c.party(p)]))));
    }
    if !m.part.trim().is_empty() {
        line.push(t(format!(" — {}", fill(c.s.wd_part, &[&c.user(&m.part)]))));
    }
    line
}

/// "Parkeerplaats" in the minutes of workshop `number` (from the session
/// at its end): topics parked in it (with what became of them), earlier
/// topics moved or closed in it, and earlier ones still open at its end.
/// Nothing when the parking lot was not used.
pub(super) fn parking_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    let all = &c.sess.parking;
    let new: Vec<&ParkedTopic> = all.iter().filter(|p| p.parked_in(number)).collect();
    let settled = |how: fn(ParkedHow) -> bool| -> Vec<&ParkedTopic> {
        all.iter()
            .filter(|p| {
                !p.parked_in(number)
                    && p.settled_in(number)
                    && p.outcome.as_ref().is_some_and(|o| how(o.how))
            })
            .collect()
    };
    let moved = settled(|h| h != ParkedHow::Closed);
    let closed = settled(|h| h == ParkedHow::Closed);
    let open: Vec<&ParkedTopic> = all
        .iter()
        .filter(|p| p.is_open() && !p.parked_in(number))
        .collect();
    if new.is_empty() && moved.is_empty() && closed.is_empty() && open.is_empty() {
        return;
    }
    out.push(Node::Heading(level, vec![t(s.wd_parking)]));
    for (label, list) in [
        (s.wd_parked_new, new),
        (s.wd_parked_moved, moved),
        (s.wd_parked_closed, closed),
        (s.wd_parked_open, open),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push(Node::Para(vec![b(format!("{label}:"))]));
        out.push(Node::List(list.iter().map(|p| topic_line(c, p)).collect()));
    }
}

/// "Bankjes in het park — ingebracht door X — bij 1.2.1 — werd actiepunt bij 2.1.1"
fn topic_line(c: &Ctx, p: &ParkedTopic) -> Vec<Inline> {
    let s = c.s;
    let mut parts = vec![c.user(&p.text)];
    if let Some(by) = p.raised_by {
        parts.push(fill(s.wd_raised_by, &[&c.party(by)]));
    }
    if !p.point.is_empty() {
        parts.push(fill(s.wd_came_up_at, &[&p.point]));
    }
    if let Some(o) = &p.outcome {
        parts.push(match o.how {
            ParkedHow::Closed => fill(s.wd_closed_because, &[&c.user(&o.reason)]),
            _ => p.outcome_words(s).unwrap_or_default(),
        });
    }
    vec![t(parts.join(" — "))]
}

/// The parking lot as a table: every topic, or with `workshop` those
/// parked or settled in it.
pub(super) fn parking_table(c: &Ctx, workshop: Option<u32>) -> Table {
    let s = c.s;
    let head = [
        s.wd_csv_nr,
        s.wd_csv_topic,
        s.wd_csv_raised_by,
        s.wd_csv_at_point,
        s.csv_workshop,
        s.wd_csv_outcome,
        s.wd_csv_to_point,
        s.wd_csv_reason,
        s.wd_csv_settled_in,
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let text = |v: String| Cell::Text(v);
    let rows = c
        .sess
        .parking
        .iter()
        .filter(|p| workshop.is_none_or(|n| p.parked_in(n) || p.settled_in(n)))
        .map(|p| {
            let o = p.outcome.as_ref();
            let how = match o.map(|o| o.how) {
                None => s.wd_how_open,
                Some(ParkedHow::Note) => s.wd_how_note,
                Some(ParkedHow::Action) => s.wd_how_action,
                Some(ParkedHow::Closed) => s.wd_how_closed,
            };
            vec![
                Cell::Number(p.id.into()),
                text(c.user(&p.text)),
                p.raised_by.map_or(Cell::Empty, |by| text(c.party(by))),
                text(p.point.clone()),
                Cell::Number(p.workshop.into()),
                text(how.to_string()),
                o.map_or(Cell::Empty, |o| text(o.point.clone())),
                o.map_or(Cell::Empty, |o| text(c.user(&o.reason))),
                o.map_or(Cell::Empty, |o| Cell::Number(o.workshop.into())),
            ]
        })
        .collect();
    Table { head, rows }
}

/// For `wijktafel log`: minutes adopted, and each parked topic that
/// appeared, moved, closed or opened again (undo) between two states.
pub(super) fn log_words(s: &Strings, was: &Session, now: &Session) -> Vec<String> {
    let mut out = Vec::new();
    for a in now.adoptions.iter().filter(|a| !was.adoptions.contains(a)) {
        out.push(fill(s.log_adoption, &[&a.workshop.to_string()]));
    }
    for p in &now.parking {
        let old = was.parking.iter().find(|o| o.id == p.id);
        if old == Some(p) {
            continue;
        }
        let state = p
            .outcome_words(s)
            .unwrap_or_else(|| s.wd_how_open.to_string());
        out.push(fill(s.log_parking, &[&format!("{} ({state})", p.text)]));
    }
    out
}
