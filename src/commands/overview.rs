//! `wijktafel overzicht [MAP…]` (issue 30): where every area stands, from
//! every session in the store and in the folders named. Read only: each
//! file through the guarded reader (`store::load`), no lock taken, nothing
//! written but the `-o` file. A file that cannot be read is listed with
//! its reason; it never stops the overview.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::cli::Failure;
use crate::export::overview::{OverviewFormat, Report, Unreadable, render};
use crate::framework::Framework;
use crate::framework::carried::{Given, resolve};
use crate::i18n::Lang;
use crate::overview::{AreaSummary, Overview};
use crate::store::{self, Store, StoreError};

/// What `overzicht` is asked for.
#[derive(Debug, Clone, clap::Args)]
pub struct OverviewArgs {
    /// Nog meer mappen met sessies (alleen gelezen), naast de map van --dir
    #[arg(value_name = "MAP")]
    pub dirs: Vec<PathBuf>,
    /// Alleen de wijken van deze gemeente
    #[arg(long, value_name = "GEMEENTE")]
    pub municipality: Option<String>,
    /// md (standaard), html (afdrukbaar op A4, met warmtekaart), json (zie assets/overview-schema-v1.json) of xlsx (een tabblad per weergave)
    #[arg(long, value_enum, default_value_t = OverviewFormat::Md)]
    pub format: OverviewFormat,
    /// Naar dit bestand schrijven (0600) in plaats van naar het scherm
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The session files of `dirs` (each once, also when a folder is named
/// twice), and the folders that could not be listed, with why.
fn session_files(dirs: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<Unreadable>) {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut bad = Vec::new();
    for dir in dirs {
        let listed = match std::fs::metadata(dir) {
            Err(e) => Err(StoreError::io(dir, e)),
            Ok(_) => Store::at(dir).session_files(),
        };
        match listed {
            Ok(v) => {
                for p in v {
                    let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
                    if seen.insert(key) {
                        files.push(p);
                    }
                }
            }
            Err(e) => bad.push(Unreadable {
                path: dir.display().to_string(),
                reason: e.message(lang),
            }),
        }
    }
    (files, bad)
}

/// One file's summary, or why it cannot be read. The session is read with
/// its own framework, as `list` does; it is dropped before the next.
fn summarize(
    path: &Path,
    given: Option<&Given>,
    today: Date,
    lang: Lang,
) -> Result<AreaSummary, String> {
    let sess = store::load(path).map_err(|e| e.message(lang))?;
    let fw = resolve(&sess, given)
        .or_else(|_| resolve(&sess, None))
        .map_err(|e| e.message(&sess.name, lang))?
        .fw;
    Ok(AreaSummary::of(
        &path.display().to_string(),
        &sess,
        &fw,
        today,
        lang,
    ))
}

/// The overview of every session in `dirs` on `today`.
pub fn gather(dirs: &[PathBuf], given: Option<&Given>, today: Date, lang: Lang) -> Report {
    let (files, mut unreadable) = session_files(dirs, lang);
    let mut areas = Vec::with_capacity(files.len());
    for p in &files {
        match summarize(p, given, today, lang) {
            Ok(a) => areas.push(a),
            Err(reason) => unreadable.push(Unreadable {
                path: p.display().to_string(),
                reason,
            }),
        }
    }
    Report {
        overview: Overview::build(areas, &Framework::builtin().id, today),
        unreadable,
    }
}

/// `overzicht`: gather, select, write.
pub fn run(
    store_dir: &Path,
    given: Option<&Given>,
    args: &OverviewArgs,
    lang: Lang,
) -> Result<(), Failure> {
    if args.format == OverviewFormat::Xlsx
        && args.output.is_none()
        && std::io::IsTerminal::is_terminal(&std::io::stdout())
    {
        return Err(Failure::Usage(lang.overview().not_to_terminal.into()));
    }
    let mut dirs = vec![store_dir.to_path_buf()];
    dirs.extend(args.dirs.iter().cloned());
    let today = jiff::Zoned::now().date();
    let mut report = gather(&dirs, given, today, lang);
    if let Some(m) = &args.municipality {
        report.overview = report.overview.select(m);
    }
    let bytes = render(&report, args.format, lang)?;
    match &args.output {
        Some(out) => {
            store::write_export(out, &bytes)?;
            Ok(crate::cli::write_path_line(out)?)
        }
        None => Ok(crate::cli::write_stdout_bytes(&bytes)?),
    }
}
