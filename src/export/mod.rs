//! Minutes and data exports: Markdown, self-contained HTML, JSON, CSV and xlsx.
//!
//! The minutes are built once as a small document tree ([`doc`]) and then
//! written as Markdown or HTML, so both carry the same content. Every piece
//! of text is escaped for its format: user text can never change the
//! structure of the document.

use std::path::{Path, PathBuf};

use crate::framework::Framework;
use crate::i18n::{Lang, fill};
use crate::session::Session;
use crate::store::{self, StoreError};

mod actions;
mod agenda;
mod anonymize;
mod board;
mod budget;
mod chart;
mod csv;
mod doc;
pub use log::{LogFilter, log_text, restore_event_text};
mod handout_html;
mod html;
mod html_chart;
mod html_table;
mod journaled;
mod json;
mod log;
mod markdown;
pub mod overview;
mod sections;
mod tables;
mod votes;
mod wording;
mod workday;
mod xlsx;

pub use self::anonymize::anonymize_session;
pub use self::budget::plan_when;
pub use self::csv::{
    CsvItems, GUARD, csv, csv_actions, csv_parking, csv_points, csv_votes, neutralise,
};
pub use self::handout_html::handout_html;
pub use self::html::html_escape;
pub use self::json::{json, session_from_json};
pub use self::markdown::md_escape;
pub use self::xlsx::xlsx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Json,
    Csv,
    /// An Excel workbook (issue 27): the spreadsheet for people.
    Xlsx,
    /// The agenda of the next workshop, in Markdown (issue 26).
    Agenda,
    /// The agenda of the next workshop, as printable HTML.
    AgendaHtml,
}

/// Options for the minutes.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Replace people's names, as whole words, everywhere: representatives
    /// by their organisation, the facilitator by the word for the
    /// facilitator (see `anonymize.rs` for what it does and cannot do).
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

/// Why an export cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// The minutes of a workshop the session does not have; the message is
    /// in `lang`, the language of the minutes.
    #[error("{}", fill(.lang.strings().ex_not_found, &[&.number.to_string()]))]
    NoSuchWorkshop { number: u32, lang: Lang },
    /// JSON is always the whole session (so it can be read back): one
    /// workshop cannot be asked for.
    #[error("{}", .lang.strings().ex_json_whole_session)]
    JsonIsWholeSession { lang: Lang },
    /// The workbook could not be made (a limit of the format).
    #[error("xlsx: {0}")]
    Xlsx(String),
}

/// Markdown minutes of one workshop, or of the whole session.
pub fn markdown(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<String, ExportError> {
    Ok(markdown::to_markdown(&doc::document(
        fw, sess, workshop, o,
    )?))
}

/// Self-contained printable HTML minutes (inline CSS, no scripts, no external resources).
pub fn html(
    fw: &Framework,
    sess: &Session,
    workshop: Option<u32>,
    o: &Options,
) -> Result<String, ExportError> {
    Ok(html::to_html(
        &doc::document(fw, sess, workshop, o)?,
        o.lang,
    ))
}

/// Produce an export in the given format. `workshop` is honoured by every
/// format but JSON, which refuses it (see [`ExportError::JsonIsWholeSession`]);
/// the CSV is the point table (see [`csv_actions`] for the action items).
pub fn render(
    fw: &Framework,
    sess: &Session,
    format: Format,
    workshop: Option<u32>,
    o: &Options,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Md => markdown(fw, sess, workshop, o)?.into_bytes(),
        Format::Html => html(fw, sess, workshop, o)?.into_bytes(),
        Format::Json if workshop.is_some() => {
            return Err(ExportError::JsonIsWholeSession { lang: o.lang });
        }
        Format::Json => (json(fw, sess, o) + "\n").into_bytes(),
        Format::Csv => csv_points(fw, sess, workshop, o)?,
        Format::Xlsx => xlsx(fw, sess, workshop, o)?,
        Format::Agenda => markdown::to_markdown(&agenda::document(fw, sess, o)?).into_bytes(),
        Format::AgendaHtml => html::to_html(&agenda::document(fw, sess, o)?, o.lang).into_bytes(),
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
    let word = match o.lang {
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
