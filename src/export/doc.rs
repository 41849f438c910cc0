//! The minutes as a small document tree, built once and then written as
//! Markdown or HTML, so both carry the same content.

use jiff::civil::Date;

use super::actions::{actions_nodes, workshop_actions_nodes};
use super::anonymize::Names;
use super::sections::{
    counts_nodes, decision_nodes, dissent_nodes, point_nodes, programme_nodes, vote_nodes,
    votes_list_nodes,
};
use super::{ExportError, Options};
use crate::framework::Framework;
use crate::i18n::{Lang, Strings, fill};
use crate::session::{ActionItem, PartyAttendance, PartyId, Session, Workshop};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Inline {
    Text(String),
    Strong(String),
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Heading(u8, Vec<Inline>),
    Para(Vec<Inline>),
    Quote(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    Tasks(Vec<(bool, Vec<Inline>)>),
    Table(Vec<String>, Vec<Vec<Vec<Inline>>>),
    /// Labelled values, one a line: "Datum: 12 oktober 2026" (no table
    /// with an empty head row).
    Fields(Vec<(String, Vec<Inline>)>),
    /// A warning: "⚠ Let op: …" (the label is the word after the symbol).
    Warning(String, Vec<Inline>),
    /// Start of a workshop: a page break in print.
    Break,
    /// A chart of point statuses (issue 15): SVG in HTML, a table in Markdown.
    Chart(super::chart::Chart),
}

/// Plain text.
pub(super) fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// Strong text.
pub(super) fn b(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

/// A table with these column heads.
pub(super) fn table(head: &[&str], rows: Vec<Vec<Vec<Inline>>>) -> Node {
    Node::Table(head.iter().map(|h| h.to_string()).collect(), rows)
}

/// What the builders share: the framework, the session, the language, the
/// time zone, and the names to anonymise.
pub(super) struct Ctx<'a> {
    pub(super) fw: &'a Framework,
    pub(super) sess: &'a Session,
    pub(super) s: &'static Strings,
    pub(super) lang: Lang,
    tz: jiff::tz::TimeZone,
    names: Names,
    /// In the minutes of one workshop that the journal covers: what
    /// happened in it (`sess` is then the session at its end).
    pub(super) facts: Option<crate::journal::WorkshopFacts>,
    /// The frameworks of the workshops before each switch (issue 31).
    pub(super) eras: Vec<super::wording::Era>,
    /// The session's framework now, when these minutes are read with an
    /// earlier one (`fw`: the minutes of a workshop before a switch).
    pub(super) now_fw: Option<Framework>,
    /// The session as it is now (the minutes of an earlier workshop read
    /// their adoption from it, which happened later; issue 26).
    pub(super) present: &'a Session,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(fw: &'a Framework, sess: &'a Session, o: &Options) -> Ctx<'a> {
        Ctx {
            fw,
            sess,
            s: o.lang.strings(),
            lang: o.lang,
            tz: o.tz.clone(),
            names: if o.anonymize {
                Names::of(sess, o.lang)
            } else {
                Names::none()
            },
            facts: None,
            eras: super::wording::eras(sess),
            now_fw: None,
            present: sess,
        }
    }

    /// The same context for the minutes of one workshop: the session as it
    /// was at its end, and what happened in it.
    pub(super) fn at_workshop<'b>(
        &self,
        sess: &'b Session,
        facts: Option<crate::journal::WorkshopFacts>,
    ) -> Ctx<'b>
    where
        'a: 'b,
    {
        Ctx {
            fw: self.fw,
            sess,
            s: self.s,
            lang: self.lang,
            tz: self.tz.clone(),
            names: self.names.clone(),
            facts,
            eras: self.eras.clone(),
            now_fw: self.now_fw.clone(),
            present: self.present,
        }
    }

    /// Whether point `id` was discussed in workshop `number`: from the
    /// journal, decided, stances heard or time spent in it; for a workshop
    /// from before the journal, anything captured on it then.
    pub(super) fn discussed(&self, id: &str, number: u32) -> bool {
        match &self.facts {
            Some(f) => f.discussed(id),
            None => self.sess.record(id).is_some_and(|r| r.touched_in(number)),
        }
    }

    /// The session's framework as it is now.
    pub(super) fn current(&self) -> &Framework {
        self.now_fw.as_ref().unwrap_or(self.fw)
    }

    /// User text, anonymised if asked, and isolated when it holds
    /// right-to-left letters or bidi controls ([`crate::bidi::isolate`]):
    /// nothing typed can reorder the text after it.
    pub(super) fn user(&self, text: &str) -> String {
        crate::bidi::isolate(&self.names.apply(text)).into_owned()
    }

    /// "Organisation (Representative)", each isolated on its own; the
    /// organisation alone when anonymising, or when the representative is
    /// the organisation (an anonymised export read back).
    pub(super) fn party(&self, id: PartyId) -> String {
        match self.sess.party(id) {
            Some(p)
                if self.names.is_empty()
                    && !p.representative.trim().is_empty()
                    && p.representative.trim() != p.organisation.trim() =>
            {
                format!(
                    "{} ({})",
                    self.user(&p.organisation),
                    self.user(&p.representative)
                )
            }
            Some(p) => self.user(&p.organisation),
            None => format!("#{id}"),
        }
    }

    /// A party's organisation alone (a column head), or "#id".
    pub(super) fn organisation(&self, id: PartyId) -> String {
        match self.sess.party(id) {
            Some(p) => self.user(&p.organisation),
            None => format!("#{id}"),
        }
    }

    /// The minutes' time zone.
    pub(super) fn tz(&self) -> &jiff::tz::TimeZone {
        &self.tz
    }

    pub(super) fn parties(&self, ids: &[PartyId]) -> String {
        ids.iter()
            .map(|&p| self.party(p))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Who owns an action item, or the word for nobody.
    pub(super) fn owner(&self, a: &ActionItem) -> String {
        self.owner_of(a.owner)
    }

    /// A party that owns (or owned) an action item, or the word for nobody.
    pub(super) fn owner_of(&self, owner: Option<PartyId>) -> String {
        owner
            .map(|p| self.party(p))
            .unwrap_or_else(|| self.s.ui_owner_none.into())
    }

    /// "28 november 2026": the day of a change in the minutes' time zone.
    pub(super) fn day_of(&self, ts: jiff::Timestamp) -> String {
        self.date(ts.to_zoned(self.tz.clone()).date())
    }

    /// A date in running text: "12 oktober 2026".
    pub(super) fn date(&self, d: Date) -> String {
        self.lang.date_long(d)
    }

    /// A clock time in the minutes' time zone.
    pub(super) fn time_of(&self, ts: jiff::Timestamp) -> String {
        ts.to_zoned(self.tz.clone()).strftime("%H:%M").to_string()
    }
}

/// A labelled value of plain text.
fn field(label: &str, text: String) -> (String, Vec<Inline>) {
    (label.to_string(), vec![t(text)])
}

/// A labelled value of the session's own (a neighbourhood, a facilitator),
/// left out when the session does not say it.
fn session_field(rows: &mut Vec<(String, Vec<Inline>)>, label: &str, text: String) {
    if !text.trim().is_empty() {
        rows.push(field(label, text));
    }
}

/// `text` with `more` in brackets after it, in its own brackets when it
/// ends in some: "GGD (Anne, vertrok om 05:45)", never "GGD (Anne)
/// (vertrok om 05:45)" (issue 24).
pub(super) fn in_brackets(text: &str, more: &str) -> String {
    match text.strip_suffix(')') {
        Some(open) if open.contains('(') => format!("{open}, {more})"),
        _ => format!("{text} ({more})"),
    }
}

/// Attendance as it really was (see [`Session::attendance`]): present from
/// the start, arrived later, absent throughout; every arrival and departure
/// with its time, e.g. "Bewoners (Dirk) (kwam om 15:10)".
fn attendance_fields(c: &Ctx, w: &Workshop) -> Vec<(String, Vec<Inline>)> {
    let s = c.s;
    let all = c.sess.attendance(w.number).unwrap_or_default();
    let describe = |a: &PartyAttendance| {
        let text = c.party(a.party);
        let changes: Vec<String> = a
            .changes
            .iter()
            .map(|ch| {
                let template = if ch.present {
                    s.att_arrived
                } else {
                    s.att_left
                };
                let mut said = fill(template, &[&c.time_of(ch.at)]);
                // the point it happened at, as the recap says it
                if !ch.point.is_empty() {
                    said.push_str(&fill(s.recap_at_point, &[&ch.point]));
                }
                said
            })
            .collect();
        if changes.is_empty() {
            return text;
        }
        in_brackets(&text, &changes.join(", "))
    };
    let list = |items: Vec<String>| {
        if items.is_empty() {
            s.start_none.to_string()
        } else {
            items.join(", ")
        }
    };
    let from_start: Vec<String> = all.iter().filter(|a| a.from_start).map(describe).collect();
    let later: Vec<String> = all
        .iter()
        .filter(|a| !a.from_start && !a.changes.is_empty())
        .map(describe)
        .collect();
    // afgemeld (apologies) apart from absent (issue 24)
    let excused: Vec<String> = all
        .iter()
        .filter(|a| a.excused_throughout())
        .map(describe)
        .collect();
    let absent: Vec<String> = all
        .iter()
        .filter(|a| a.absent_unexcused())
        .map(describe)
        .collect();
    let mut rows = vec![field(s.ex_present, list(from_start))];
    if !later.is_empty() {
        rows.push(field(s.ex_arrived_later, list(later)));
    }
    if !excused.is_empty() {
        rows.push(field(c.lang.stances().ex_excused, list(excused)));
    }
    rows.push(field(s.ex_absent, list(absent)));
    rows
}

/// "13:00–15:00", or "13:00, loopt nog" for a workshop not ended.
fn time_text(c: &Ctx, w: &Workshop) -> String {
    match w.ended {
        Some(e) => format!("{}–{}", c.time_of(w.started), c.time_of(e)),
        None => fill(c.s.ex_running, &[&c.time_of(w.started)]),
    }
}

/// The head of a workshop: time and attendance; with `whole` also the
/// session, the neighbourhood, the date and the facilitator (the minutes of
/// one workshop, where no heading above says them).
fn header_nodes(c: &Ctx, w: &Workshop, whole: bool, out: &mut Vec<Node>) {
    let s = c.s;
    let sess = c.sess;
    // the minutes of an earlier workshop, written later: say so first
    let last = sess.workshops.last().map(|l| l.number).unwrap_or(w.number);
    if whole && w.number < last {
        out.push(Node::Warning(
            s.ex_changed_label.to_string(),
            vec![t(fill(
                s.ex_written_later,
                &[&w.number.to_string(), &last.to_string()],
            ))],
        ));
    }
    let mut rows = Vec::new();
    if whole {
        rows.push(field(s.ex_session, c.user(&sess.name)));
        session_field(&mut rows, s.field_area, c.user(&sess.area));
        session_field(&mut rows, s.field_municipality, c.user(&sess.municipality));
    }
    if whole {
        // (in the session report the workshop's heading has the date)
        rows.push(field(s.ex_date, c.date(w.date)));
    }
    rows.push(field(s.ex_time, time_text(c, w)));
    if whole {
        session_field(&mut rows, s.field_facilitator, c.user(&sess.facilitator));
    }
    rows.extend(attendance_fields(c, w));
    out.push(Node::Fields(rows));
}

/// One workshop, decision first: the head, the decision, the counts, open
/// dissent and action items (`whole`: the minutes of this one workshop),
/// the action items of the workshop; then the points discussed, the votes
/// in full, time per step and gate overrides. Sections at `level`.
fn workshop_nodes(c: &Ctx, w: &Workshop, level: u8, whole: bool, out: &mut Vec<Node>) {
    match crate::journal::workshop(c.sess, w.number) {
        Some((facts, end)) => {
            workshop_body(&c.at_workshop(&end, Some(facts)), w, level, whole, out)
        }
        None => workshop_body(c, w, level, whole, out),
    }
}

fn workshop_body(c: &Ctx, w: &Workshop, level: u8, whole: bool, out: &mut Vec<Node>) {
    let s = c.s;
    header_nodes(c, w, whole, out);
    super::workday::minutes_status_nodes(c, w.number, out);
    out.extend(super::journaled::provenance_nodes(c, w.number));
    super::workday::adopted_here_nodes(c, w.number, level, out);
    decision_nodes(c, w.number, level, out);
    counts_nodes(c, w.number, level, out);
    if whole {
        // ---- chart (issue 15): per block, the status at the end of this workshop ----
        out.push(Node::Chart(super::chart::blocks_chart(c, Some(w.number))));
        // ---- (end of chart) ----
    }
    if whole {
        dissent_nodes(c, level, out);
    }
    workshop_actions_nodes(c, w.number, level, out);
    if whole {
        actions_nodes(c, w.date, Some(w.number), level, out);
        // page one ends here: the decision and what follows from it
        out.push(Node::Break);
    }
    out.push(Node::Heading(level, vec![t(s.ex_discussed)]));
    point_nodes(c, w.number, level + 1, out);
    super::journaled::other_changes_nodes(c, w.number, level, out);
    if whole {
        super::wording::orphan_nodes(c, Some(w.number), level, out);
    }
    for v in c.sess.votes.iter().filter(|v| v.workshop == w.number) {
        vote_nodes(c, v, level, out);
    }
    super::workday::parking_nodes(c, w.number, level, out);
    super::budget::time_nodes(c, w.number, level, out);
    let overrides: Vec<Vec<Inline>> = c
        .sess
        .overrides
        .iter()
        .filter(|o| o.workshop == w.number)
        .map(|o| {
            vec![
                b(format!("{} {}:", s.block, o.block)),
                t(format!(" {}", c.user(&o.reason))),
            ]
        })
        .collect();
    if !overrides.is_empty() {
        out.push(Node::Heading(level, vec![t(s.ex_overrides)]));
        out.push(Node::List(overrides));
    }
}

/// The minutes of workshop `n`.
fn workshop_document(c: &Ctx, n: u32, out: &mut Vec<Node>) -> Result<(), ExportError> {
    let w = c
        .sess
        .workshops
        .iter()
        .find(|w| w.number == n)
        .ok_or(ExportError::NoSuchWorkshop {
            number: n,
            lang: c.lang,
        })?;
    out.push(Node::Heading(
        1,
        vec![t(fill(
            c.s.ex_title,
            &[&n.to_string(), &c.user(&c.sess.name)],
        ))],
    ));
    workshop_nodes(c, w, 2, true, out);
    Ok(())
}

/// The report of the whole session: the programme first (per block, every
/// vote, open dissent and action items), then a section per workshop.
fn session_document(c: &Ctx, out: &mut Vec<Node>) {
    let s = c.s;
    let sess = c.sess;
    out.push(Node::Heading(
        1,
        vec![t(fill(s.ex_session_title, &[&c.user(&sess.name)]))],
    ));
    let mut rows = vec![field(s.ex_session, c.user(&sess.name))];
    session_field(&mut rows, s.field_area, c.user(&sess.area));
    session_field(&mut rows, s.field_municipality, c.user(&sess.municipality));
    session_field(&mut rows, s.field_facilitator, c.user(&sess.facilitator));
    if let (Some(first), Some(last)) = (sess.workshops.first(), sess.workshops.last()) {
        let span = if first.date == last.date {
            c.date(first.date)
        } else {
            format!("{} – {}", c.date(first.date), c.date(last.date))
        };
        rows.push(field(
            s.ex_workshops,
            format!("{} ({span})", sess.workshops.len()),
        ));
    }
    out.push(Node::Fields(rows));
    let today = sess
        .workshops
        .last()
        .map(|w| w.date)
        .unwrap_or(Date::constant(2000, 1, 1));
    // a long programme: what a board reads first, then the details
    if sess.workshops.len() >= super::board::LONG_PROGRAMME {
        super::board::summary_nodes(c, today, 2, out);
        out.push(Node::Break);
    }
    // ---- chart (issue 15): per block now, and after each workshop ----
    out.push(Node::Chart(super::chart::blocks_chart(c, None)));
    out.extend(super::chart::workshops_chart(c).map(Node::Chart));
    // ---- (end of chart) ----
    programme_nodes(c, 2, out);
    votes_list_nodes(c, 3, out);
    dissent_nodes(c, 3, out);
    super::wording::orphan_nodes(c, None, 3, out);
    actions_nodes(c, today, None, 3, out);
    for w in &sess.workshops {
        out.push(Node::Break);
        out.push(Node::Heading(
            2,
            vec![t(fill(
                s.ex_workshop_heading,
                &[&w.number.to_string(), &c.date(w.date)],
            ))],
        ));
        workshop_nodes(c, w, 3, false, out);
    }
}

/// The document tree of the minutes of one workshop, or of the whole session.
pub(super) fn document(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<Node>, ExportError> {
    // a workshop held before a switch reads with the framework of its time
    let then = workshop.and_then(|n| crate::framework::carried::framework_of_workshop(sess, n));
    let mut c = Ctx::new(then.as_ref().unwrap_or(fw), sess, o);
    if then.is_some() {
        c.now_fw = Some(fw.clone());
    }
    let fw = c.fw;
    let mut out = Vec::new();
    match workshop {
        Some(n) => workshop_document(&c, n, &mut out)?,
        None => session_document(&c, &mut out),
    }
    out.push(Node::Para(vec![t(fill(
        c.s.ex_generated,
        &[&format!("{} ({})", fw.title, fw.version)],
    ))]));
    Ok(group_warnings(out, c.s))
}

/// Three or more warnings in a row with the same label become one
/// labelled list ("⚠ Let op (27 meldingen):"), not a paragraph each.
fn group_warnings(nodes: Vec<Node>, s: &Strings) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    let mut run: Vec<(String, Vec<Inline>)> = Vec::new();
    let flush = |run: &mut Vec<(String, Vec<Inline>)>, out: &mut Vec<Node>| {
        if run.len() >= 3 {
            let label = format!("⚠ {} ({} {}):", run[0].0, run.len(), s.bd_notices);
            out.push(Node::Para(vec![b(label)]));
            out.push(Node::List(run.drain(..).map(|(_, v)| v).collect()));
        } else {
            out.extend(run.drain(..).map(|(l, v)| Node::Warning(l, v)));
        }
    };
    for n in nodes {
        match n {
            Node::Warning(label, v) if run.first().is_none_or(|(l, _)| *l == label) => {
                run.push((label, v))
            }
            Node::Warning(label, v) => {
                flush(&mut run, &mut out);
                run.push((label, v));
            }
            n => {
                flush(&mut run, &mut out);
                out.push(n);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}
