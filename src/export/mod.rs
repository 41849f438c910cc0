//! Minutes and data exports: Markdown, self-contained HTML, JSON and CSV.
//!
//! The minutes are built once as a small document tree ([`Node`]) and then
//! written as Markdown or HTML, so both carry the same content. Every piece
//! of text is escaped for its format: user text can never change the
//! structure of the document.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::framework::Framework;
use crate::i18n::{Lang, Strings, fill};
use crate::session::{PartyId, Session, Status, Workshop};
use crate::store::{self, StoreError};
use crate::vote::Vote;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
    Csv,
}

/// Options for the minutes.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Replace representatives' names by their organisation, everywhere.
    pub anonymize: bool,
    /// Time zone for clock times in the minutes.
    pub tz: jiff::tz::TimeZone,
}

impl Options {
    pub fn new(lang: Lang) -> Options {
        Options {
            lang,
            anonymize: false,
            tz: jiff::tz::TimeZone::system(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Inline {
    Text(String),
    Strong(String),
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Heading(u8, Vec<Inline>),
    Para(Vec<Inline>),
    Quote(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    Tasks(Vec<(bool, Vec<Inline>)>),
    Table(Vec<String>, Vec<Vec<Vec<Inline>>>),
    /// Start of a workshop: a page break in print.
    Break,
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}
fn b(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

/// Text preparation: anonymisation of representatives' names.
struct Ctx<'a> {
    fw: &'a Framework,
    sess: &'a Session,
    s: &'static Strings,
    lang: Lang,
    tz: jiff::tz::TimeZone,
    /// (name, organisation) pairs to replace, longest names first.
    names: Vec<(String, String)>,
}

impl<'a> Ctx<'a> {
    fn new(fw: &'a Framework, sess: &'a Session, o: &Options) -> Ctx<'a> {
        let mut names: Vec<(String, String)> = if o.anonymize {
            sess.parties
                .iter()
                .filter(|p| !p.representative.trim().is_empty())
                .map(|p| (p.representative.trim().to_string(), p.organisation.clone()))
                .collect()
        } else {
            Vec::new()
        };
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        Ctx {
            fw,
            sess,
            s: o.lang.strings(),
            lang: o.lang,
            tz: o.tz.clone(),
            names,
        }
    }

    /// User text, anonymised if asked.
    fn user(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (name, org) in &self.names {
            if !name.is_empty() {
                out = out.replace(name.as_str(), org);
            }
        }
        out
    }

    fn party(&self, id: PartyId) -> String {
        match self.sess.party(id) {
            Some(p) if self.names.is_empty() => self.user(&p.label()),
            Some(p) => self.user(&p.organisation),
            None => format!("#{id}"),
        }
    }

    fn parties(&self, ids: &[PartyId]) -> String {
        ids.iter()
            .map(|&p| self.party(p))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn time_of(ts: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    ts.to_zoned(tz.clone()).strftime("%H:%M").to_string()
}

fn header_nodes(c: &Ctx, w: &Workshop, out: &mut Vec<Node>) {
    let s = c.s;
    let sess = c.sess;
    let present: Vec<PartyId> = w.present.clone();
    let absent: Vec<PartyId> = sess
        .active_parties()
        .map(|p| p.id)
        .filter(|p| !present.contains(p))
        .collect();
    let time = match w.ended {
        Some(e) => format!("{}–{}", time_of(w.started, &c.tz), time_of(e, &c.tz)),
        None => format!("{}–", time_of(w.started, &c.tz)),
    };
    let none = || s.start_none.to_string();
    let rows = vec![
        vec![vec![b(s.ex_session)], vec![t(c.user(&sess.name))]],
        vec![vec![b(s.field_area)], vec![t(c.user(&sess.area))]],
        vec![
            vec![b(s.field_municipality)],
            vec![t(c.user(&sess.municipality))],
        ],
        vec![
            vec![b(s.ex_date)],
            vec![t(format!("{} · {}", w.date, time))],
        ],
        vec![
            vec![b(s.field_facilitator)],
            vec![t(c.user(&sess.facilitator))],
        ],
        vec![
            vec![b(s.ex_present)],
            vec![t(if present.is_empty() {
                none()
            } else {
                c.parties(&present)
            })],
        ],
        vec![
            vec![b(s.ex_absent)],
            vec![t(if absent.is_empty() {
                none()
            } else {
                c.parties(&absent)
            })],
        ],
    ];
    out.push(Node::Table(vec![String::new(), String::new()], rows));
}

fn point_nodes(c: &Ctx, number: u32, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    let sess = c.sess;
    let mut any = false;
    for (pos, step, p) in c.fw.iter_points() {
        let Some(r) = sess.record(&p.id) else {
            continue;
        };
        if !r.touched_in(number) {
            continue;
        }
        any = true;
        let blk = &c.fw.blocks[pos.block];
        out.push(Node::Heading(
            level,
            vec![t(format!(
                "{} {} › {} {} › {}",
                s.block, blk.id, step.id, step.title, p.id
            ))],
        ));
        out.push(Node::Quote(vec![t(p.text.clone())]));
        let mut st = vec![
            b(format!("{}:", s.ui_status)),
            t(format!(" {} {}", r.status.symbol(), r.status.word(c.lang))),
        ];
        match r.status {
            Status::Dissent => {
                st.push(t(format!(
                    " — {}",
                    fill(s.ui_dissent_by, &[&c.parties(&r.dissenters)])
                )));
                if !r.dissent_reason.is_empty() {
                    st.push(t(format!(" — {}", c.user(&r.dissent_reason))));
                }
            }
            Status::Skipped => st.push(t(format!(
                " — {}",
                fill(s.ui_reason, &[&c.user(&r.skip_reason)])
            ))),
            _ => {}
        }
        out.push(Node::Para(st));
        let stances: Vec<Vec<Inline>> = r
            .stances
            .iter()
            .filter(|e| e.stance != crate::session::Stance::NotStated || !e.reason.is_empty())
            .map(|e| {
                let mut v = vec![
                    t(format!("{}: ", c.party(e.party))),
                    b(format!("{} {}", e.stance.symbol(), e.stance.word(c.lang))),
                ];
                if !e.reason.is_empty() {
                    v.push(t(format!(" — {}", c.user(&e.reason))));
                }
                v
            })
            .collect();
        if !stances.is_empty() {
            out.push(Node::Para(vec![b(format!("{}:", s.ui_stances))]));
            out.push(Node::List(stances));
        }
        let notes: Vec<Vec<Inline>> = r
            .notes
            .iter()
            .filter(|n| n.workshop == number)
            .map(|n| vec![t(c.user(&n.text))])
            .collect();
        if !notes.is_empty() {
            out.push(Node::Para(vec![b(format!("{}:", s.ui_notes))]));
            out.push(Node::List(notes));
        }
        let actions: Vec<(bool, Vec<Inline>)> = r
            .actions
            .iter()
            .filter(|a| a.workshop == number)
            .map(|a| (a.done, action_inline(c, a)))
            .collect();
        if !actions.is_empty() {
            out.push(Node::Para(vec![b(format!("{}:", s.ui_actions))]));
            out.push(Node::Tasks(actions));
        }
    }
    if !any {
        out.push(Node::Para(vec![t(s.ex_none_discussed)]));
    }
}

fn action_inline(c: &Ctx, a: &crate::session::ActionItem) -> Vec<Inline> {
    let s = c.s;
    let owner = a
        .owner
        .map(|p| c.party(p))
        .unwrap_or_else(|| s.ui_owner_none.into());
    let mut v = vec![t(c.user(&a.what)), t(format!(" — {owner}"))];
    if let Some(d) = a.due {
        v.push(t(format!(", {}", fill(s.ui_due, &[&d.to_string()]))));
    }
    v
}

fn vote_nodes(c: &Ctx, v: &Vote, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(
        level,
        vec![t(format!(
            "{} — {} {}",
            s.ex_votes_title,
            v.outcome.symbol(),
            v.outcome.word(c.lang)
        ))],
    ));
    let rows: Vec<Vec<Vec<Inline>>> = v
        .ballots
        .iter()
        .map(|bl| {
            vec![
                vec![t(c.party(bl.party))],
                vec![b(format!(
                    "{} {}",
                    bl.choice.symbol(),
                    bl.choice.word(c.lang)
                ))],
                vec![t(c.user(&bl.reason))],
            ]
        })
        .collect();
    out.push(Node::Table(
        vec![s.ex_party.into(), s.ex_vote.into(), s.field_reason.into()],
        rows,
    ));
    let mut items = vec![
        vec![
            b(format!("{}: ", s.ex_outcome)),
            t(format!("{} {}", v.outcome.symbol(), v.outcome.word(c.lang))),
        ],
        vec![b(format!("{}: ", s.ex_tally)), t(v.tally.describe(c.lang))],
        vec![t(fill(s.vote_rule, &[&v.rule.describe(c.lang)]))],
    ];
    if v.deferred.is_some() {
        items[0].push(t(format!(
            " ({})",
            v.deferred.map(|d| d.word(c.lang)).unwrap_or_default()
        )));
    }
    if !v.remark.is_empty() {
        items.push(vec![
            b(format!("{}: ", s.field_reason)),
            t(c.user(&v.remark)),
        ]);
    }
    if let Some(fu) = &v.follow_up {
        items.push(vec![t(c.user(&fu.describe(c.lang)))]);
    }
    if let Some(d) = v.revisit {
        items.push(vec![t(fill(s.start_revisit, &[&d.to_string()]))]);
    }
    out.push(Node::List(items));
}

fn dissent_nodes(c: &Ctx, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_dissent_title)]));
    let items: Vec<Vec<Inline>> =
        c.fw.iter_points()
            .filter_map(|(_, _, p)| {
                c.sess
                    .record(&p.id)
                    .filter(|r| r.status == Status::Dissent)
                    .map(|r| (p, r))
            })
            .map(|(p, r)| {
                let mut v = vec![
                    b(p.id.clone()),
                    t(format!(
                        " {} — {}",
                        p.text,
                        fill(s.ui_dissent_by, &[&c.parties(&r.dissenters)])
                    )),
                ];
                if !r.dissent_reason.is_empty() {
                    v.push(t(format!(": {}", c.user(&r.dissent_reason))));
                }
                v
            })
            .collect();
    if items.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
    } else {
        out.push(Node::List(items));
    }
}

fn actions_nodes(c: &Ctx, today: Date, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    out.push(Node::Heading(level, vec![t(s.ex_open_actions)]));
    let mut open = c.sess.open_actions();
    // overdue first, then by due date (none last), then by workshop
    open.sort_by_key(|(_, a)| {
        let overdue = a.due.is_some_and(|d| d < today);
        (!overdue, a.due.is_none(), a.due, a.workshop)
    });
    if open.is_empty() {
        out.push(Node::Para(vec![t(s.start_none)]));
        return;
    }
    let rows = open
        .iter()
        .map(|(pid, a)| {
            let overdue = a.due.is_some_and(|d| d < today);
            let due = match a.due {
                Some(d) if overdue => vec![b(format!("⚠ {d} ({})", s.ex_overdue))],
                Some(d) => vec![t(d.to_string())],
                None => vec![t("—")],
            };
            vec![
                vec![t(c.user(&a.what))],
                vec![t(a
                    .owner
                    .map(|p| c.party(p))
                    .unwrap_or_else(|| s.ui_owner_none.into()))],
                due,
                vec![t(a.workshop.to_string())],
                vec![t(pid.to_string())],
            ]
        })
        .collect();
    out.push(Node::Table(
        vec![
            s.field_what.into(),
            s.field_who.into(),
            s.ex_date.into(),
            s.ex_from.into(),
            s.point.into(),
        ],
        rows,
    ));
}

fn workshop_nodes(c: &Ctx, w: &Workshop, level: u8, out: &mut Vec<Node>) {
    let s = c.s;
    header_nodes(c, w, out);
    out.push(Node::Heading(level, vec![t(s.ex_discussed)]));
    point_nodes(c, w.number, level + 1, out);
    for v in c.sess.votes.iter().filter(|v| v.workshop == w.number) {
        vote_nodes(c, v, level, out);
    }
    let overrides: Vec<Vec<Inline>> = c
        .sess
        .overrides
        .iter()
        .filter(|o| o.workshop == w.number)
        .map(|o| {
            vec![
                b(format!("{} {}", s.block, o.block)),
                t(format!(": {}", c.user(&o.reason))),
            ]
        })
        .collect();
    if !overrides.is_empty() {
        out.push(Node::Heading(level, vec![t(s.ex_overrides)]));
        out.push(Node::List(overrides));
    }
}

fn document(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<Node>, String> {
    let c = Ctx::new(fw, sess, o);
    let s = c.s;
    let mut out = Vec::new();
    match workshop {
        Some(n) => {
            let w = sess
                .workshops
                .iter()
                .find(|w| w.number == n)
                .ok_or_else(|| fill(s.ex_not_found, &[&n.to_string()]))?;
            out.push(Node::Heading(
                1,
                vec![t(fill(s.ex_title, &[&n.to_string(), &c.user(&sess.name)]))],
            ));
            workshop_nodes(&c, w, 2, &mut out);
            dissent_nodes(&c, 2, &mut out);
            actions_nodes(&c, w.date, 2, &mut out);
        }
        None => {
            out.push(Node::Heading(
                1,
                vec![t(fill(s.ex_session_title, &[&c.user(&sess.name)]))],
            ));
            out.push(Node::Heading(2, vec![t(s.ex_overview)]));
            let rows = fw
                .iter_points()
                .map(|(pos, step, p)| {
                    let st = sess.status_of(&p.id);
                    vec![
                        vec![t(fw.blocks[pos.block].id.clone())],
                        vec![t(format!("{} {}", step.id, step.title))],
                        vec![t(format!("{} {}", p.id, p.text))],
                        vec![t(format!("{} {}", st.symbol(), st.word(c.lang)))],
                    ]
                })
                .collect();
            out.push(Node::Table(
                vec![
                    s.block.into(),
                    s.step.into(),
                    s.point.into(),
                    s.ui_status.into(),
                ],
                rows,
            ));
            dissent_nodes(&c, 2, &mut out);
            let today = sess
                .workshops
                .last()
                .map(|w| w.date)
                .unwrap_or(Date::constant(2000, 1, 1));
            actions_nodes(&c, today, 2, &mut out);
            out.push(Node::Heading(2, vec![t(s.ex_workshops)]));
            for w in &sess.workshops {
                out.push(Node::Break);
                out.push(Node::Heading(
                    3,
                    vec![t(format!(
                        "{} · {}",
                        fill(s.ui_workshop, &[&w.number.to_string()]),
                        w.date
                    ))],
                ));
                workshop_nodes(&c, w, 4, &mut out);
            }
        }
    }
    out.push(Node::Para(vec![t(fill(
        s.ex_generated,
        &[&format!("{} ({})", fw.title, fw.version)],
    ))]));
    Ok(out)
}

// ----------------------------------------------------------------------
// Markdown
// ----------------------------------------------------------------------

/// Escape text so that it stays plain text inside a Markdown paragraph,
/// list item or table cell. Newlines become hard line breaks indented by
/// `indent`; every line start is guarded against block syntax.
pub fn md_escape(text: &str, indent: &str, in_table: bool) -> String {
    md_escape_at(text, indent, in_table, true)
}

/// [`md_escape`] for a piece that may continue a line (`line_start` false):
/// its first line is then not guarded or trimmed as a line start.
fn md_escape_at(text: &str, indent: &str, in_table: bool, line_start: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            if in_table {
                out.push_str(" / ");
            } else {
                out.push_str("\\\n");
                out.push_str(indent);
            }
        }
        let first = i == 0 && !line_start;
        // leading whitespace would start a code block or continuation: drop it
        let line = if first {
            line
        } else {
            line.trim_start_matches([' ', '\t'])
        };
        let mut chars = line.char_indices().peekable();
        // block syntax only exists at the start of a line outside table cells and headings
        let mut at_start = !first && !in_table;
        while let Some((idx, ch)) = chars.next() {
            if crate::safe_text::is_bidi_control(ch) {
                // a character reference: exact when rendered, inert in the source
                crate::safe_text::push_markdown_inert(&mut out, ch);
                at_start = false;
                continue;
            }
            let c = if ch.is_control() { ' ' } else { ch };
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => {
                    out.push('\\');
                    out.push('&');
                }
                '#' | '-' | '+' | '=' if at_start => {
                    out.push('\\');
                    out.push(c);
                }
                '0'..='9' if at_start => {
                    // "1." or "1)" at the start of a line is a list item
                    let rest = &line[idx..];
                    let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
                    out.push_str(&rest[..digits]);
                    for _ in 1..digits {
                        chars.next();
                    }
                    if let Some(&(_, next)) = chars.peek()
                        && (next == '.' || next == ')')
                    {
                        chars.next();
                        out.push('\\');
                        out.push(next);
                    }
                }
                _ => out.push(c),
            }
            at_start = false;
        }
    }
    out
}

fn md_inlines(v: &[Inline], indent: &str, in_table: bool) -> String {
    let mut out = String::new();
    for i in v {
        let start = out.is_empty();
        match i {
            Inline::Text(s) => out.push_str(&md_escape_at(s, indent, in_table, start)),
            Inline::Strong(s) if s.trim().is_empty() => {}
            Inline::Strong(s) => {
                out.push_str("**");
                out.push_str(&md_escape_at(s.trim(), indent, in_table, false));
                out.push_str("**");
            }
        }
    }
    out
}

fn to_markdown(doc: &[Node]) -> String {
    let mut out = String::new();
    for n in doc {
        match n {
            Node::Heading(level, v) => {
                out.push_str(&"#".repeat(*level as usize));
                out.push(' ');
                out.push_str(&md_inlines(v, "", true));
                out.push_str("\n\n");
            }
            Node::Para(v) => {
                out.push_str(&md_inlines(v, "", false));
                out.push_str("\n\n");
            }
            Node::Quote(v) => {
                out.push_str("> ");
                out.push_str(&md_inlines(v, "> ", false));
                out.push_str("\n\n");
            }
            Node::List(items) => {
                for it in items {
                    out.push_str("- ");
                    out.push_str(&md_inlines(it, "  ", false));
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Tasks(items) => {
                for (done, it) in items {
                    out.push_str(if *done { "- [x] " } else { "- [ ] " });
                    out.push_str(&md_inlines(it, "  ", false));
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Table(head, rows) => {
                out.push('|');
                for h in head {
                    out.push_str(&format!(" {} |", md_escape(h, "", true)));
                }
                out.push_str("\n|");
                for _ in head {
                    out.push_str("---|");
                }
                out.push('\n');
                for r in rows {
                    out.push('|');
                    for cell in r {
                        out.push_str(&format!(" {} |", md_inlines(cell, "", true)));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Node::Break => out.push_str("---\n\n"),
        }
    }
    out
}

// ----------------------------------------------------------------------
// HTML
// ----------------------------------------------------------------------

/// Escape text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{fffd}'),
            // exact when rendered, but no raw bidi control in the source
            c if crate::safe_text::is_bidi_control(c) => {
                out.push_str(&format!("&#x{:X};", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

fn html_text(s: &str) -> String {
    html_escape(&s.replace("\r\n", "\n").replace('\r', "\n")).replace('\n', "<br>")
}

fn html_inlines(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text(s) => html_text(s),
            Inline::Strong(s) => format!("<strong>{}</strong>", html_text(s)),
        })
        .collect()
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}\
h1{font-size:1.6rem;border-bottom:3px solid #00468c;padding-bottom:.3rem}h2{font-size:1.3rem;color:#00468c;margin-top:2rem}h3,h4,h5{font-size:1.05rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eef3f9}\
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid #00468c;background:#f5f8fc;font-weight:600}\
ul.tasks{list-style:none;padding-left:1rem}footer{margin-top:2rem;color:#555;font-size:.85rem}\
@media print{@page{size:A4;margin:18mm}body{margin:0;max-width:none;font-size:11pt}.break{page-break-before:always;break-before:page}h2,h3,h4{page-break-after:avoid;break-after:avoid}tr,blockquote{page-break-inside:avoid;break-inside:avoid}}";

fn to_html(doc: &[Node], lang: Lang) -> String {
    let title = doc
        .iter()
        .find_map(|n| match n {
            Node::Heading(1, v) => Some(
                v.iter()
                    .map(|i| match i {
                        Inline::Text(s) | Inline::Strong(s) => s.as_str(),
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        html_escape(&title),
        CSS
    ));
    let last = doc.len().saturating_sub(1);
    for (i, n) in doc.iter().enumerate() {
        match n {
            Node::Heading(level, v) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", html_inlines(v)))
            }
            Node::Para(v) if i == last => {
                out.push_str(&format!("<footer>{}</footer>\n", html_inlines(v)))
            }
            Node::Para(v) => out.push_str(&format!("<p>{}</p>\n", html_inlines(v))),
            Node::Quote(v) => {
                out.push_str(&format!("<blockquote>{}</blockquote>\n", html_inlines(v)))
            }
            Node::List(items) => {
                out.push_str("<ul>\n");
                for it in items {
                    out.push_str(&format!("<li>{}</li>\n", html_inlines(it)));
                }
                out.push_str("</ul>\n");
            }
            Node::Tasks(items) => {
                out.push_str("<ul class=\"tasks\">\n");
                for (done, it) in items {
                    out.push_str(&format!(
                        "<li>{} {}</li>\n",
                        if *done { "☑" } else { "☐" },
                        html_inlines(it)
                    ));
                }
                out.push_str("</ul>\n");
            }
            Node::Table(head, rows) => {
                out.push_str("<table>\n");
                if head.iter().any(|h| !h.is_empty()) {
                    out.push_str("<thead><tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", html_escape(h)));
                    }
                    out.push_str("</tr></thead>\n");
                }
                out.push_str("<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for cell in r {
                        out.push_str(&format!("<td>{}</td>", html_inlines(cell)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Node::Break => out.push_str("<div class=\"break\"></div>\n"),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

// ----------------------------------------------------------------------
// Entry points
// ----------------------------------------------------------------------

/// Markdown minutes of one workshop, or of the whole session.
pub fn markdown(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<String, String> {
    Ok(to_markdown(&document(fw, sess, workshop, o)?))
}

/// Self-contained printable HTML minutes (inline CSS, no scripts, no external resources).
pub fn html(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<String, String> {
    Ok(to_html(&document(fw, sess, workshop, o)?, o.lang))
}

/// The complete session as pretty JSON (round-trips through the loader's
/// model). C1 controls, DEL and bidi controls are `\uXXXX` escapes, like C0.
pub fn json(sess: &Session, o: &Options) -> String {
    if o.anonymize {
        let mut copy = sess.clone();
        anonymize_session(&mut copy);
        crate::safe_text::json_pretty(&copy)
    } else {
        crate::safe_text::json_pretty(sess)
    }
}

/// Replace representatives' names by their organisation in every text field.
pub fn anonymize_session(sess: &mut Session) {
    let mut names: Vec<(String, String)> = sess
        .parties
        .iter()
        .filter(|p| !p.representative.trim().is_empty())
        .map(|p| (p.representative.trim().to_string(), p.organisation.clone()))
        .collect();
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let fix = |s: &mut String| {
        for (n, o) in &names {
            *s = s.replace(n.as_str(), o);
        }
    };
    for p in sess.parties.iter_mut() {
        p.representative = p.organisation.clone();
    }
    fix(&mut sess.name);
    fix(&mut sess.area);
    fix(&mut sess.facilitator);
    if let Some(d) = sess.draft.as_mut() {
        fix(&mut d.text);
    }
    for r in sess.points.values_mut() {
        fix(&mut r.skip_reason);
        fix(&mut r.dissent_reason);
        r.stances.iter_mut().for_each(|e| fix(&mut e.reason));
        r.notes.iter_mut().for_each(|n| fix(&mut n.text));
        r.actions.iter_mut().for_each(|a| fix(&mut a.what));
        r.history.iter_mut().for_each(|h| fix(&mut h.detail));
    }
    for v in sess.votes.iter_mut() {
        fix(&mut v.remark);
        v.ballots.iter_mut().for_each(|b| fix(&mut b.reason));
        if let Some(f) = v.follow_up.as_mut() {
            fix(&mut f.text);
        }
    }
    sess.overrides.iter_mut().for_each(|o| fix(&mut o.reason));
}

/// CSV for spreadsheets: UTF-8 with BOM, `;` delimiter, RFC 4180 quoting;
/// one row per point.
/// A CSV cell: CSV has no escapes, and its files are read in spreadsheets
/// and with `cat`, so control characters become visible symbols (the
/// terminal filter; line breaks stay).
fn csv_cell(text: &str) -> String {
    crate::safe_text::safe_text(text).into_owned()
}

pub fn csv(fw: &Framework, sess: &Session, o: &Options) -> Vec<u8> {
    let c = Ctx::new(fw, sess, o);
    let s = c.s;
    let mut buf: Vec<u8> = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .quote_style(::csv::QuoteStyle::Necessary)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut buf);
        let parties: Vec<PartyId> = sess.parties.iter().map(|p| p.id).collect();
        let mut head: Vec<String> = vec![
            s.ex_point_id.into(),
            s.block.into(),
            s.step.into(),
            s.point.into(),
            s.ui_status.into(),
        ];
        head.extend(parties.iter().map(|&p| {
            let org = c
                .sess
                .party(p)
                .map(|x| x.organisation.clone())
                .unwrap_or_default();
            c.user(&org)
        }));
        head.extend([
            s.ex_notes_count.into(),
            s.ex_open_actions_count.into(),
            s.ex_last_workshop.into(),
        ]);
        w.write_record(head.iter().map(|c| csv_cell(c)))
            .expect("write to memory");
        for (pos, step, p) in fw.iter_points() {
            let r = sess.record(&p.id);
            let mut row: Vec<String> = vec![
                p.id.clone(),
                format!("{} {}", fw.blocks[pos.block].id, fw.blocks[pos.block].title),
                format!("{} {}", step.id, step.title),
                p.text.clone(),
                r.map(|r| r.status)
                    .unwrap_or_default()
                    .word(c.lang)
                    .to_string(),
            ];
            for &pid in &parties {
                row.push(
                    r.map(|r| r.stance_of(pid))
                        .unwrap_or_default()
                        .word(c.lang)
                        .to_string(),
                );
            }
            row.push(r.map(|r| r.notes.len()).unwrap_or(0).to_string());
            row.push(
                r.map(|r| r.actions.iter().filter(|a| !a.done).count())
                    .unwrap_or(0)
                    .to_string(),
            );
            row.push(
                r.and_then(|r| r.last_workshop())
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            );
            w.write_record(row.iter().map(|c| csv_cell(c)))
                .expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    buf
}

/// Produce an export in the given format.
pub fn render(
    fw: &Framework,
    sess: &Session,
    format: Format,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Md => markdown(fw, sess, workshop, o)?.into_bytes(),
        Format::Html => html(fw, sess, workshop, o)?.into_bytes(),
        Format::Json => (json(sess, o) + "\n").into_bytes(),
        Format::Csv => csv(fw, sess, o),
    })
}

/// Write the minutes of a workshop as Markdown and HTML into `exports/`
/// next to the session file (0600, atomic). Returns the paths.
pub fn write_workshop_minutes(
    fw: &Framework,
    sess: &Session,
    session_path: &Path,
    workshop: u32,
    o: &Options,
) -> Result<Vec<PathBuf>, StoreError> {
    // `exports/` next to the session: made 0700 when new, refused when a symlink
    let dir = store::export_dir(session_path)?;
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    let lang = o.lang;
    let word = match lang {
        Lang::Nl => "bijeenkomst",
        Lang::En => "workshop",
    };
    let mut paths = Vec::new();
    for (ext, text) in [
        ("md", markdown(fw, sess, Some(workshop), o)),
        ("html", html(fw, sess, Some(workshop), o)),
    ] {
        let text = text.map_err(|e| StoreError::Io {
            path: dir.clone(),
            source: std::io::Error::other(e),
        })?;
        let path = dir.join(format!("{stem}-{word}-{workshop}.{ext}"));
        // one file each, replaced whole: no backups of minutes
        store::write_export(&path, text.as_bytes())?;
        paths.push(path);
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(md_escape("# kop", "", false), "\\# kop");
        assert_eq!(md_escape("- item", "", false), "\\- item");
        assert_eq!(md_escape("1. punt", "", false), "1\\. punt");
        assert_eq!(md_escape("12) punt", "", false), "12\\) punt");
        assert_eq!(md_escape("a|b", "", true), "a\\|b");
        assert_eq!(md_escape("`code`", "", false), "\\`code\\`");
        assert_eq!(md_escape("> quote", "", false), "\\> quote");
        assert_eq!(md_escape("x\n# y", "  ", false), "x\\\n  \\# y");
        assert_eq!(md_escape("x\ny", "", true), "x / y");
        assert_eq!(
            md_escape("achter-de-voordeur", "", false),
            "achter-de-voordeur"
        );
        assert_eq!(md_escape("    code", "", false), "code");
    }

    #[test]
    fn html_escaping() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
