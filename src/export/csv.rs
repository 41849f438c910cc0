//! CSV for spreadsheets: UTF-8 with BOM, `;` delimiter, RFC 4180 quoting.
//! Two tables: the points (one row per point: status, each party's stance,
//! who dissents and why, the notes) and the action items (one row each).
//! Every cell passes [`neutralise`], so no cell is read as a formula.

use super::doc::Ctx;
use super::{ExportError, Options};
use crate::framework::{Framework, Point, Pos, Step};
use crate::session::{ActionItem, PartyId, PointRecord, Session, Status};

/// Which table a CSV export holds (`--items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvItems {
    /// One row per point (the default).
    #[default]
    Points,
    /// One row per action item.
    Actions,
}

/// Whether `s` is a number as it would be typed: an optional minus sign,
/// digits, and at most one decimal comma or point followed by digits.
fn plain_number(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let mut parts = body.splitn(2, [',', '.']);
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `s` is an international phone number as it is typed: `+`, a
/// digit, then only digits, spaces, hyphens and brackets, with at least one
/// space and 6 to 15 digits ("+31 6 12345678", "+31 (0)20 123 4567").
/// Spreadsheets read it as text; it can hold no formula (no letters, no
/// function, no reference).
fn phone_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else {
        return false;
    };
    let digits = rest.chars().filter(|c| c.is_ascii_digit()).count();
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.contains(' ')
        && (6..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
}

/// A cell made safe for a spreadsheet (CSV injection, as OWASP describes
/// it): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return (or the full-width `＝＋－＠`), also after spaces, gets a leading
/// `'`, so it is read as text and never as a formula. Left as they are:
/// plain numbers ("-5", "-2,5") and phone numbers as they are typed
/// ("+31 6 12345678"), which LibreOffice reads as a number and as text
/// (checked by hand; with a `'` it would show the `'`).
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    // leading spaces too: LibreOffice's "remove spaces" makes " =1+2" a formula
    let start = cell.trim_start_matches([' ', '\t']);
    let risky = cell.starts_with(['\t', '\r'])
        || start.starts_with([
            '=', '+', '-', '@', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
        ]);
    if risky && !plain_number(start) && !phone_number(start) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A CSV cell: CSV has no escapes, and its files are read in spreadsheets
/// and with `cat`, so control characters become visible symbols (the
/// terminal filter; line breaks stay); then [`neutralise`]d.
fn csv_cell(text: &str) -> String {
    neutralise(&crate::safe_text::safe_text(text)).into_owned()
}

/// `rows` as CSV for Dutch Excel: BOM, `;`, CRLF, every cell through [`csv_cell`].
fn write(rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut buf: Vec<u8> = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .quote_style(::csv::QuoteStyle::Necessary)
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut buf);
        for row in rows {
            w.write_record(row.iter().map(|c| csv_cell(c)))
                .expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    buf
}

/// The workshop asked for, if it exists.
fn check_workshop(sess: &Session, workshop: Option<u32>, o: &Options) -> Result<(), ExportError> {
    match workshop {
        Some(n) if !sess.workshops.iter().any(|w| w.number == n) => {
            Err(ExportError::NoSuchWorkshop {
                number: n,
                lang: o.lang,
            })
        }
        _ => Ok(()),
    }
}

/// The state of every point, with a column per party for its stance.
pub fn csv(fw: &Framework, sess: &Session, o: &Options) -> Vec<u8> {
    csv_points(fw, sess, None, o).expect("no workshop asked for")
}

/// The point table: every point, or with `workshop` the points on which
/// something was captured in that workshop (their state now; the notes of
/// that workshop).
pub fn csv_points(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    check_workshop(sess, workshop, o)?;
    // one workshop: the session as it was at its end, and the points on
    // which something happened in it (from the journal, where it has them)
    let journaled = workshop.and_then(|n| crate::journal::workshop(sess, n));
    let (sess, facts) = match &journaled {
        Some((f, end)) => (end, Some(f)),
        None => (sess, None),
    };
    let c = Ctx::new(fw, sess, o);
    let parties: Vec<PartyId> = sess.parties.iter().map(|p| p.id).collect();
    let mut rows = vec![head(&c, &parties)];
    for point in fw.iter_points() {
        let r = sess.record(&point.2.id);
        let happened = match (workshop, facts) {
            (None, _) => true,
            (Some(_), Some(f)) => f.point(&point.2.id).is_some_and(|p| p.touched()),
            (Some(n), None) => r.is_some_and(|r| r.touched_in(n)),
        };
        if happened {
            rows.push(row(&c, point, r, &parties, workshop));
        }
    }
    Ok(write(rows))
}

/// The action items that are still part of the record (not removed), in
/// the order of the points: every one, or with `workshop` those made or
/// changed (edited, done, reopened) in that workshop.
pub fn csv_actions(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    check_workshop(sess, workshop, o)?;
    let c = Ctx::new(fw, sess, o);
    let s = c.s;
    let mut rows: Vec<Vec<String>> = vec![vec![
        s.ex_point_id.into(),
        s.point.into(),
        s.csv_action.into(),
        s.csv_owner.into(),
        s.csv_due.into(),
        s.csv_done.into(),
        s.csv_workshop.into(),
    ]];
    let of_workshop = |a: &ActionItem| match workshop {
        None => true,
        Some(n) => a.workshop == n || a.changes.iter().any(|ch| ch.workshop == n),
    };
    for (_, _, p) in fw.iter_points() {
        let Some(r) = sess.record(&p.id) else {
            continue;
        };
        for (_, a) in r.live_actions().filter(|(_, a)| of_workshop(a)) {
            rows.push(vec![
                p.id.clone(),
                p.text.clone(),
                c.user(&a.what),
                c.owner(a),
                a.due.map(|d| d.to_string()).unwrap_or_default(),
                if a.done { s.csv_yes } else { s.csv_no }.into(),
                a.workshop.to_string(),
            ]);
        }
    }
    Ok(write(rows))
}

/// The header: the point's columns, an organisation per party, who
/// dissents and why, the reasons given with stances, the notes, the counts.
fn head(c: &Ctx, parties: &[PartyId]) -> Vec<String> {
    let s = c.s;
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
        s.csv_dissenters.into(),
        s.csv_reason.into(),
        s.csv_stance_reasons.into(),
        s.csv_notes.into(),
        s.csv_notes_count.into(),
        s.csv_open_actions_count.into(),
        s.ex_last_workshop.into(),
    ]);
    head
}

/// One point: where it is, its status, each party's stance, who dissents
/// and why, the reasons with stances, the notes (of `workshop`, or all),
/// the counts.
fn row(
    c: &Ctx,
    (pos, step, p): (Pos, &Step, &Point),
    r: Option<&PointRecord>,
    parties: &[PartyId],
    workshop: Option<u32>,
) -> Vec<String> {
    let block = &c.fw.blocks[pos.block];
    let status = r.map(|r| r.status).unwrap_or_default();
    let mut row: Vec<String> = vec![
        p.id.clone(),
        format!("{} {}", block.id, block.title),
        format!("{} {}", step.id, step.title),
        p.text.clone(),
        status.word(c.lang).to_string(),
    ];
    for &pid in parties {
        // "absent" (afwezig) for a party that was not in the room when the
        // point was discussed, rather than "not stated": see
        // `Session::absent_for_point` (absent at every capture on the point
        // in the last workshop that discussed it; a stated stance wins)
        if c.sess.absent_for_point(&p.id, pid) {
            row.push(c.s.ui_absent.to_string());
            continue;
        }
        row.push(
            r.map(|r| r.stance_of(pid))
                .unwrap_or_default()
                .word(c.lang)
                .to_string(),
        );
    }
    let Some(r) = r else {
        row.extend(["", "", "", "", "0", "0", ""].map(String::from));
        return row;
    };
    // who dissents and why: only while the status says so
    row.push(match status {
        Status::Dissent => c.parties(&r.dissenters),
        _ => String::new(),
    });
    row.push(match status {
        Status::Dissent => c.user(&r.dissent_reason),
        Status::Skipped => c.user(&r.skip_reason),
        _ => String::new(),
    });
    // "Organisation: reason", a line each
    row.push(
        r.stances
            .iter()
            .filter(|e| !e.reason.trim().is_empty())
            .map(|e| format!("{}: {}", c.party(e.party), c.user(&e.reason)))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    // the notes, a paragraph each, their line breaks kept
    let notes: Vec<String> = r
        .live_notes()
        .filter(|(_, n)| workshop.is_none_or(|w| n.workshop == w))
        .map(|(_, n)| c.user(&n.text))
        .collect();
    row.push(notes.join("\n\n"));
    row.push(notes.len().to_string());
    row.push(r.actions.iter().filter(|a| a.is_open()).count().to_string());
    row.push(r.last_workshop().map(|n| n.to_string()).unwrap_or_default());
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_and_phone_numbers_are_not() {
        for (cell, want) in [
            (
                "=HYPERLINK(\"http://x.invalid\",\"klik\")",
                "'=HYPERLINK(\"http://x.invalid\",\"klik\")",
            ),
            ("@SUM(1;2)", "'@SUM(1;2)"),
            ("-2+3", "'-2+3"),
            ("+2+3", "'+2+3"),
            ("+31612345678", "'+31612345678"),
            ("+31 6 12345678", "+31 6 12345678"),
            ("+31 (0)20 123 4567", "+31 (0)20 123 4567"),
            ("+1 2", "'+1 2"),
            ("+31 6 1234 cmd", "'+31 6 1234 cmd"),
            ("-5", "-5"),
            ("-2,5", "-2,5"),
            ("-2.5", "-2.5"),
            ("-", "'-"),
            ("-2,", "'-2,"),
            ("- punt", "'- punt"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("\u{ff1d}1+2", "'\u{ff1d}1+2"),
            ("\u{ff20}SUM(1)", "'\u{ff20}SUM(1)"),
            ("gewoon = tekst", "gewoon = tekst"),
            ("  =1+2", "'  =1+2"),
            (" @SUM(1)", "' @SUM(1)"),
            (" -5", " -5"),
            (" +31 6 12345678", " +31 6 12345678"),
            ("\n=1+2", "\n=1+2"),
            ("06-12345678", "06-12345678"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), want, "{cell:?}");
        }
    }
}
