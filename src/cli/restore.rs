//! `wijktafel restore N`: put a backup back in place of the session file
//! (`restore --event` is in `log.rs`).

use crate::i18n::fill;
use crate::safe_text::{safe_line, shell_word};
use crate::store;

use super::args::Cli;
use super::backups::{session_or_its_backups, time_label, workshop_label};
use super::failure::Failure;
use super::launch::open_store;
use super::output::write_stdout;

/// `restore`: put backup N back in place of the session file, after keeping
/// the current file as a backup.
pub(super) fn run(cli: &Cli, session: &str, number: usize) -> Result<(), Failure> {
    use store::RestoreError;
    let lang = cli.lang;
    let s = lang.strings();
    let store = open_store(cli)?;
    let path = session_or_its_backups(&store, session)?;
    let shown = path.display().to_string();
    let what = |e: &store::BackupEntry| {
        let workshop = e
            .workshop
            .map(|w| workshop_label(Some(w), lang))
            .into_iter();
        std::iter::once(time_label(e.time, lang))
            .chain(workshop)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match store::restore_backup(&path, number) {
        Ok(r) => {
            let n = number.to_string();
            let line = match (&r.previous, r.unchanged) {
                (_, true) => fill(s.rs_unchanged, &[&shown, &n, &what(&r.from)]),
                (Some(prev), false) => fill(
                    s.rs_done,
                    &[
                        &shown,
                        &n,
                        &what(&r.from),
                        &prev.number.to_string(),
                        &shell_word(session),
                        if r.renumbered { s.rs_renumbered } else { "" },
                    ],
                ),
                (None, false) => fill(s.rs_done_new, &[&shown, &n, &what(&r.from)]),
            };
            Ok(write_stdout(&format!("{}\n", safe_line(&line)))?)
        }
        Err(RestoreError::Store(e)) => Err(Failure::Store(e)),
        Err(RestoreError::NoSuchBackup { count: 0, .. }) => {
            Err(Failure::Usage(fill(s.rs_none, &[&shown])))
        }
        Err(RestoreError::NoSuchBackup { number, count }) => Err(Failure::Usage(fill(
            s.rs_no_such,
            &[
                &number.to_string(),
                &shown,
                &count.to_string(),
                &shell_word(session),
            ],
        ))),
        Err(RestoreError::BadBackup { number, error }) => Err(Failure::Usage(fill(
            s.rs_bad_backup,
            &[&number.to_string(), &error.message(lang), &shown],
        ))),
        Err(RestoreError::KeepFailed(e)) => Err(Failure::Failed(fill(
            s.rs_keep_failed,
            &[&shown, &e.message(lang)],
        ))),
    }
}
