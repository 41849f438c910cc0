//! CSV for spreadsheets: UTF-8 with BOM, `;` delimiter, RFC 4180 quoting.
//! Three tables: the points (one row per point: status, each party's
//! stance, who dissents and why, the notes), the action items and the
//! votes (one row each), built as typed tables in `tables.rs` (the sheets
//! of the xlsx). Every cell passes [`neutralise`], so no cell is read as a
//! formula.

use super::doc::Ctx;
use super::tables::{self, Cell, Table};
use super::{ExportError, Options};
use crate::framework::Framework;
use crate::session::Session;

/// Which table a CSV export holds (`--items`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvItems {
    /// One row per point (the default).
    #[default]
    Points,
    /// One row per action item.
    Actions,
    /// One row per vote: outcome, tally, each ballot and reason.
    Votes,
    /// One row per parked topic: who raised it, where, what became of it.
    Parking,
}

impl CsvItems {
    /// `--items`: the table of a CSV export, in Dutch (`punten`, `acties`,
    /// `stemmingen`) or English (`points`, `actions`, `votes`).
    pub fn parser() -> impl clap::builder::TypedValueParser<Value = CsvItems> {
        use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
        PossibleValuesParser::new([
            PossibleValue::new("punten").alias("points"),
            PossibleValue::new("acties")
                .alias("actions")
                .alias("actiepunten"),
            PossibleValue::new("stemmingen").alias("votes"),
            PossibleValue::new("parkeerplaats").alias("parking"),
        ])
        .map(|v| match v.as_str() {
            "acties" | "actions" | "actiepunten" => CsvItems::Actions,
            "stemmingen" | "votes" => CsvItems::Votes,
            "parkeerplaats" | "parking" => CsvItems::Parking,
            _ => CsvItems::Points,
        })
    }
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

/// The invisible guard put before a cell that a spreadsheet would read as
/// a formula: U+2060 WORD JOINER. It shows nothing and takes no room, and
/// a cell that starts with it is text to Excel and LibreOffice.
pub const GUARD: char = '\u{2060}';

/// A cell made safe for a spreadsheet (CSV injection, as OWASP describes
/// it). A spreadsheet reads a cell as a formula when it starts with `=`,
/// `+`, `-` or `@` (Excel also after a tab or a line break; LibreOffice
/// also after spaces it removes; both the full-width `＝＋－＠`): then
/// `-2+3` shows 1, "- Bewoners willen…" shows #NAME? and
/// `=HYPERLINK(…)` or `+cmd|…` runs. Such a cell gets the invisible
/// [`GUARD`] in front, so it is read as the text it is and shown exactly
/// as typed: no visible `'` (which Excel and Calc show as part of the
/// text of a CSV cell). Left as they are: plain numbers ("-5", "-2,5"),
/// which stay numbers, and phone numbers typed with spaces
/// ("+31 6 12345678"), which spreadsheets read as text and which hold no
/// formula. Nothing else is changed.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    // leading spaces and bidi controls too: a spreadsheet may remove them
    let start = cell.trim_start_matches(|c: char| {
        c == ' ' || crate::safe_text::is_bidi_control(c) || c == '\u{2060}'
    });
    let risky = cell.starts_with(['\t', '\r', '\n'])
        || start.starts_with([
            '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
        ]);
    if risky && !plain_number(start) && !phone_number(start) {
        format!("{GUARD}{cell}").into()
    } else {
        cell.into()
    }
}

/// The characters of a cell (CSV and xlsx): control characters become
/// visible symbols (the terminal filter; line breaks stay, since CSV has
/// no escapes and its files are also read with `cat`); bidi controls stay
/// as typed but balanced ([`crate::bidi::balance`]), so none reaches past
/// its cell or its piece of text.
pub(super) fn cell_chars(text: &str) -> String {
    let balanced = crate::bidi::balance(text);
    let mut out = String::with_capacity(balanced.len());
    for c in balanced.chars() {
        if crate::safe_text::is_bidi_control(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            out.push_str(&crate::safe_text::safe_text(c.encode_utf8(&mut buf)));
        }
    }
    out
}

/// A CSV cell: its characters ([`cell_chars`]), then [`neutralise`]d.
fn csv_cell(text: &str) -> String {
    neutralise(&cell_chars(text)).into_owned()
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

/// A typed table as CSV: numbers as digits, dates as 2026-10-12.
fn write_table(t: Table) -> Vec<u8> {
    let mut rows = vec![t.head];
    rows.extend(
        t.rows
            .into_iter()
            .map(|r| r.iter().map(Cell::to_text).collect()),
    );
    write(rows)
}

/// The workshop asked for, if it exists.
pub(super) fn check_workshop(
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<(), ExportError> {
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
/// that workshop). See [`tables::points`].
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
    let (sess, facts) = match journaled {
        Some((f, end)) => (std::borrow::Cow::Owned(end), Some(f)),
        None => (std::borrow::Cow::Borrowed(sess), None),
    };
    let mut c = Ctx::new(fw, &sess, o);
    c.facts = facts;
    Ok(write_table(tables::points(&c, workshop)))
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
    Ok(write_table(tables::actions(
        &Ctx::new(fw, sess, o),
        workshop,
    )))
}

/// Every vote (or those of `workshop`): outcome, tally, rule, deferral,
/// follow-up route and date, and each party's ballot and reason (see
/// [`tables::votes`]).
pub fn csv_votes(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    check_workshop(sess, workshop, o)?;
    Ok(write_table(tables::votes(&Ctx::new(fw, sess, o), workshop)))
}

/// The parking lot (issue 26): every parked topic, or with `workshop`
/// those parked or settled in it (see [`super::workday::parking_table`]).
pub fn csv_parking(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    check_workshop(sess, workshop, o)?;
    Ok(write_table(super::workday::parking_table(
        &Ctx::new(fw, sess, o),
        workshop,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_and_phone_numbers_are_not() {
        // the guard is invisible: no "'" that a spreadsheet would show
        assert!(!neutralise("-2+3").contains('\''));
        for (cell, want) in [
            (
                "=HYPERLINK(\"http://x.invalid\",\"klik\")",
                "\u{2060}=HYPERLINK(\"http://x.invalid\",\"klik\")",
            ),
            ("@SUM(1;2)", "\u{2060}@SUM(1;2)"),
            ("-2+3", "\u{2060}-2+3"),
            ("+2+3", "\u{2060}+2+3"),
            ("+31612345678", "\u{2060}+31612345678"),
            ("+31 6 12345678", "+31 6 12345678"),
            ("+31 (0)20 123 4567", "+31 (0)20 123 4567"),
            ("+1 2", "\u{2060}+1 2"),
            ("+31 6 1234 cmd", "\u{2060}+31 6 1234 cmd"),
            ("-5", "-5"),
            ("-2,5", "-2,5"),
            ("-2.5", "-2.5"),
            ("-", "\u{2060}-"),
            ("-2,", "\u{2060}-2,"),
            ("- punt", "\u{2060}- punt"),
            ("\tx", "\u{2060}\tx"),
            ("\r=1", "\u{2060}\r=1"),
            ("\u{ff1d}1+2", "\u{2060}\u{ff1d}1+2"),
            ("\u{ff20}SUM(1)", "\u{2060}\u{ff20}SUM(1)"),
            ("gewoon = tekst", "gewoon = tekst"),
            ("  =1+2", "\u{2060}  =1+2"),
            (" @SUM(1)", "\u{2060} @SUM(1)"),
            (" -5", " -5"),
            (" +31 6 12345678", " +31 6 12345678"),
            ("\n=1+2", "\u{2060}\n=1+2"),
            ("06-12345678", "06-12345678"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), want, "{cell:?}");
        }
    }
}
