//! `wijktafel export`: minutes or data of a session, to a file or stdout.

use std::path::PathBuf;

use crate::framework::carried::Given;
use crate::store::{self, StoreError};

use super::args::{Cli, ExportFormat};
use super::carried::session_framework;
use super::failure::Failure;
use super::launch::open_store;
use super::output::{write_path_line, write_stdout_bytes};

/// What `export` was asked for.
pub(super) struct ExportArgs<'a> {
    pub(super) session: &'a str,
    pub(super) format: ExportFormat,
    pub(super) workshop: Option<u32>,
    pub(super) items: Option<crate::export::CsvItems>,
    pub(super) anonymize: bool,
    pub(super) output: Option<&'a std::path::Path>,
}

/// `export`: minutes or data of a session (a session file, or a JSON
/// export of one), to a file or stdout.
pub(super) fn run(cli: &Cli, given: Option<&Given>, a: &ExportArgs) -> Result<(), Failure> {
    use crate::export::CsvItems;
    if a.items.is_some() && a.format != ExportFormat::Csv {
        return Err(Failure::Usage(cli.lang.strings().ex_items_csv_only.into()));
    }
    if a.format == ExportFormat::Xlsx
        && a.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Failure::Usage(cli.lang.strings().xl_not_to_terminal.into()));
    }
    if a.format == ExportFormat::Json && a.workshop.is_some() {
        // said before the session is read: it holds whatever the file holds
        return Err(crate::export::ExportError::JsonIsWholeSession { lang: cli.lang }.into());
    }
    let sess = match json_session_path(a.session) {
        Some(path) => {
            let (text, _) = store::read_guarded(&path, store::SESSION_CAP)?;
            let text = String::from_utf8(text).map_err(|e| StoreError::Corrupt {
                path: path.clone(),
                line: 1,
                column: 1,
                message: format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                backup: None,
            })?;
            crate::export::session_from_json(&text, &path)?
        }
        None => {
            let store = open_store(cli)?;
            let path = store.find(a.session)?;
            store::load(&path)?
        }
    };
    let fw = &session_framework(&sess, given, cli.lang)?;
    let opts = crate::export::Options {
        anonymize: a.anonymize,
        ..crate::export::Options::new(cli.lang)
    };
    let bytes = match a.items {
        Some(CsvItems::Actions) => crate::export::csv_actions(fw, &sess, a.workshop, &opts)?,
        Some(CsvItems::Votes) => crate::export::csv_votes(fw, &sess, a.workshop, &opts)?,
        Some(CsvItems::Parking) => crate::export::csv_parking(fw, &sess, a.workshop, &opts)?,
        _ => crate::export::render(fw, &sess, a.format, a.workshop, &opts)?,
    };
    match a.output {
        Some(out) => {
            store::write_export(out, &bytes)?;
            Ok(write_path_line(out)?)
        }
        None => Ok(write_stdout_bytes(&bytes)?),
    }
}

/// The path of a JSON export named on the command line: an existing file
/// whose name ends in `.json` (in any case).
fn json_session_path(query: &str) -> Option<PathBuf> {
    let p = std::path::Path::new(query);
    let json = p
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    (json && p.is_file()).then(|| p.to_path_buf())
}
