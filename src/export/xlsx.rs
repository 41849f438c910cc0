//! The session as an Excel workbook (issue 27): a real spreadsheet for
//! the board secretary and the data analyst. Sheets: the points (a column
//! per party), every vote (tally, rule, each ballot and its reason,
//! deferral, follow-up route and date), the action items and attendance.
//!
//! Every text cell is written as a string cell: a spreadsheet never reads
//! a string cell as a formula, so nothing needs a leading `'` and nothing
//! exported can run. Numbers are numbers and dates are dates (shown as
//! 2026-10-12 in every locale); the head row is bold, frozen and has a
//! filter; columns are as wide as their text (long text wraps).

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::doc::Ctx;
use super::tables::{self, Cell, Table};
use super::{ExportError, Options};
use crate::framework::Framework;
use crate::i18n::fill;
use crate::session::Session;

/// The most characters (UTF-16 units) a cell holds in Excel.
const CELL_MAX: usize = 32_767;

/// The widest a column is made, in characters; longer text wraps.
const WIDE: usize = 60;

/// The workbook of the whole session, or with `workshop` of what that
/// workshop discussed, decided and made (the same selection as the CSV's).
pub fn xlsx(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    super::csv::check_workshop(sess, workshop, o)?;
    let c = Ctx::new(fw, sess, o);
    let s = c.s;
    let mut sheets = vec![
        (s.xl_sheet_points, tables::points(&c, workshop), 1),
        (s.xl_sheet_votes, tables::votes(&c, workshop), 1),
        (s.xl_sheet_actions, tables::actions(&c, workshop), 1),
        (s.xl_sheet_attendance, tables::attendance(&c, workshop), 1),
    ];
    // the parking lot (issue 26), when the session used it
    if !sess.parking.is_empty() {
        let table = super::workday::parking_table(&c, workshop);
        sheets.push((s.wd_parking, table, 2));
    }
    build(&c, &sheets).map_err(|e| ExportError::Xlsx(e.to_string()))
}

fn build(c: &Ctx, sheets: &[(&str, Table, u16)]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // the session's own creation time, so the same session gives the same file
    let created = ExcelDateTime::from_timestamp(c.sess.created.as_second())?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(cell_text(&c.user(&c.sess.name)))
            .set_author("wijktafel")
            .set_creation_datetime(&created),
    );
    for (name, table, frozen_cols) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name)?;
        write_sheet(c.s.xl_cut, ws, table, *frozen_cols)?;
    }
    wb.save_to_buffer()
}

/// A workbook of `sheets` (name, table, frozen columns) titled `title`,
/// for documents other than one session's (the overview, issue 30).
/// `cut` is the note on a cell cut to Excel's limit.
pub(super) fn workbook(
    title: &str,
    sheets: &[(&str, Table, u16)],
    cut: &str,
) -> Result<Vec<u8>, ExportError> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut wb = Workbook::new();
        // no clock time in the file: the same data gives the same file
        let created = ExcelDateTime::from_timestamp(0)?;
        wb.set_properties(
            &DocProperties::new()
                .set_title(cell_text(title))
                .set_author("wijktafel")
                .set_creation_datetime(&created),
        );
        for (name, table, frozen_cols) in sheets {
            let ws = wb.add_worksheet();
            ws.set_name(*name)?;
            write_sheet(cut, ws, table, *frozen_cols)?;
        }
        wb.save_to_buffer()
    };
    build().map_err(|e| ExportError::Xlsx(e.to_string()))
}

/// One table as a sheet: the head row (bold, frozen, with a filter), then
/// the rows, typed; widths from the text.
fn write_sheet(
    cut: &str,
    ws: &mut Worksheet,
    table: &Table,
    frozen_cols: u16,
) -> Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xEEF3F9)
        .set_border_bottom(FormatBorder::Thin);
    let plain = Format::new().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let widths = widths(table);
    for (k, h) in table.head.iter().enumerate() {
        let col = k as u16;
        ws.write_string_with_format(0, col, cell_text(h), &head)?;
        ws.set_column_width(col, widths[k] as f64)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        // a wrapped cell's lines: not every program grows the row itself
        let lines = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| match cell {
                Cell::Text(t) => wrapped_lines(t, w),
                _ => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(r, (15.0 * lines as f64).min(409.0))?;
        }
        for (k, cell) in row.iter().enumerate() {
            let col = k as u16;
            let long = widths[k] >= WIDE;
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    let fmt = if long || t.contains('\n') {
                        &wrap
                    } else {
                        &plain
                    };
                    ws.write_string_with_format(r, col, fit(cut, &cell_text(t)), fmt)?;
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, col, *n as f64, &plain)?;
                }
                Cell::Date(d) => match excel_date(*d) {
                    Some(x) => {
                        ws.write_datetime_with_format(r, col, x, &date)?;
                    }
                    // outside Excel's calendar (before 1900): as text
                    None => {
                        ws.write_string_with_format(r, col, d.to_string(), &plain)?;
                    }
                },
                Cell::Empty => {}
            }
        }
    }
    let last_col = table.head.len().saturating_sub(1) as u16;
    ws.set_freeze_panes(1, frozen_cols)?;
    ws.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    // printed: A4 landscape, as wide as the page, the head on every page
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// How many lines `text` takes in a column `width` characters wide
/// (words wrapped whole where they fit; a column of n characters holds
/// about a fifth more of an average proportional text).
fn wrapped_lines(text: &str, width: usize) -> usize {
    let room = (width + width / 5).saturating_sub(3).max(4);
    text.lines()
        .map(|line| {
            let mut lines = 1;
            let mut used = 0;
            for word in line.split(' ') {
                let n = word.chars().count();
                if used > 0 && used + 1 + n > room {
                    lines += 1;
                    used = 0;
                }
                used += if used > 0 { 1 } else { 0 } + n;
                while used > room {
                    lines += 1;
                    used -= room;
                }
            }
            lines
        })
        .sum::<usize>()
        .max(1)
}

/// A date Excel can hold (1900–9999).
fn excel_date(d: jiff::civil::Date) -> Option<ExcelDateTime> {
    let y = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
}

/// Text for a cell: controls made visible (line breaks kept), the same
/// filter as the CSV's ([`super::csv::cell_chars`]).
fn cell_text(s: &str) -> String {
    super::csv::cell_chars(s)
}

/// A cell's text within Excel's limit, with a visible note where it was
/// cut (never shortened silently); the JSON export has it whole.
fn fit(cut: &str, text: &str) -> String {
    if text.encode_utf16().count() <= CELL_MAX {
        return text.to_string();
    }
    let note_of = |left_out: usize| format!("\n{}", fill(cut, &[&left_out.to_string()]));
    let room = CELL_MAX - note_of(text.chars().count()).encode_utf16().count();
    let mut used = 0;
    let kept: String = text
        .chars()
        .take_while(|ch| {
            used += ch.len_utf16();
            used <= room
        })
        .collect();
    let left_out = text.chars().count() - kept.chars().count();
    kept + &note_of(left_out)
}

/// Each column as wide as its longest line (at least its head's longest
/// word, at most [`WIDE`]), plus a little room.
fn widths(table: &Table) -> Vec<usize> {
    (0..table.head.len())
        .map(|k| {
            let head = table.head[k]
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
                .max(table.head[k].chars().count().min(18));
            let longest = table
                .rows
                .iter()
                .filter_map(|r| r.get(k))
                .map(|cell| match cell {
                    Cell::Date(_) => 10,
                    cell => cell
                        .to_text()
                        .lines()
                        .map(|l| l.chars().count())
                        .max()
                        .unwrap_or(0),
                })
                .max()
                .unwrap_or(0);
            (head.max(longest) + 2).clamp(8, WIDE)
        })
        .collect()
}
