//! `wijktafel backups`: the kept versions of a session, newest first.

use std::path::PathBuf;

use crate::i18n::{Lang, fill};
use crate::safe_text::{safe_line, shell_word};
use crate::session::Session;
use crate::store::{self, Store, StoreError};

use super::args::Cli;
use super::failure::Failure;
use super::launch::open_store;
use super::list::cell;
use super::output::{aligned, write_stdout};

/// `backups`: the kept versions of a session, newest first. Reads only:
/// no lock is taken and nothing is written.
pub(super) fn run(cli: &Cli, session: &str) -> Result<(), Failure> {
    let store = open_store(cli)?;
    let path = session_or_its_backups(&store, session)?;
    Ok(write_stdout(&backups_text(&path, session, cli.lang)?)?)
}

/// The `backups` output: a title, one aligned line per backup, how to restore.
pub fn backups_text(path: &std::path::Path, query: &str, lang: Lang) -> Result<String, StoreError> {
    let s = lang.strings();
    let list = store::list_backups(path)?;
    let shown = path.display().to_string();
    let name = match store::load(path) {
        Ok(sess) => sess.name,
        Err(_) => store::clean_line(query),
    };
    let blocked = store::backups_blocked_note(path, lang);
    let blocked = blocked.map_or(String::new(), |t| format!("{}\n", safe_line(&t)));
    if list.is_empty() {
        let dir = path.with_file_name("backups").display().to_string();
        let empty = fill(s.bk_empty, &[&name, &dir]);
        return Ok(format!("{}\n{blocked}", safe_line(&empty)));
    }
    let mut out = format!(
        "{}\n{blocked}\n",
        safe_line(&fill(s.bk_title, &[&name, &shown]))
    );
    let head: Vec<String> = s.bk_header.split('|').map(String::from).collect();
    let mut rows = vec![head];
    for e in &list {
        let (workshop, holds, at_start) = match store::load(&e.path) {
            Ok(sess) => (
                workshop_label(Some(sess.current_workshop().map_or(0, |w| w.number)), lang),
                holds_text(&sess, lang),
                e.kept_for
                    .workshop_start
                    .is_some_and(|w| nothing_captured_in(&sess, w)),
            ),
            Err(err) => (
                workshop_label(e.workshop, lang),
                fill(s.bk_damaged, &[&err.message(lang)]),
                false,
            ),
        };
        rows.push(vec![
            e.number.to_string(),
            time_label(e.time, lang),
            workshop,
            reasons(&e.kept_for, at_start, lang),
            lang.size(e.size),
            cell(&holds),
        ]);
    }
    out.push_str(&aligned(&rows));
    out.push('\n');
    out.push_str(&safe_line(&fill(s.bk_footer, &[&shell_word(query)])));
    out.push('\n');
    Ok(out)
}

/// Whether a version holds nothing captured yet in workshop `w`: then the
/// first backup of that workshop is its start.
pub(super) fn nothing_captured_in(sess: &Session, w: u32) -> bool {
    !sess.points.values().any(|r| r.touched_in(w)) && !sess.votes.iter().any(|v| v.workshop == w)
}

/// The session file named on the command line, as `open` finds it; when
/// it is gone but its backups are there (a file deleted by mistake), the
/// path it had, so that `backups` lists them and `restore` brings it back.
pub(super) fn session_or_its_backups(store: &Store, query: &str) -> Result<PathBuf, StoreError> {
    match store.find(query) {
        Err(StoreError::NotFound(q)) => {
            let as_path = std::path::Path::new(query);
            let path = if as_path.components().count() > 1 {
                as_path.to_path_buf()
            } else if query.ends_with(".toml") {
                store.dir().join(query)
            } else {
                store.path_for(query)?
            };
            let gone = std::fs::symlink_metadata(&path).is_err();
            if gone && store::list_backups(&path).is_ok_and(|l| !l.is_empty()) {
                Ok(path)
            } else {
                Err(StoreError::NotFound(q))
            }
        }
        r => r,
    }
}

/// Why a backup is kept, in words ("begin bijeenkomst 2, elke 10 minuten").
/// The first backup of a workshop is called its start only when nothing
/// was captured in it yet (backups that began mid-workshop say "eerste van").
pub(super) fn reasons(k: &store::KeptFor, at_start: bool, lang: Lang) -> String {
    let s = lang.strings();
    let mut v = Vec::new();
    if let Some(w) = k.workshop_start {
        let word = if at_start {
            s.bk_reason_start
        } else {
            s.bk_reason_first
        };
        v.push(fill(word, &[&w.to_string()]));
    }
    if k.window {
        v.push(s.bk_reason_window.to_string());
    }
    if k.recent {
        v.push(s.bk_reason_recent.to_string());
    }
    if v.is_empty() {
        v.push(s.bk_reason_none.to_string());
    }
    v.join(", ")
}

pub(super) fn workshop_label(workshop: Option<u32>, lang: Lang) -> String {
    let s = lang.strings();
    match workshop {
        Some(0) => s.bk_before_first.to_string(),
        Some(n) => fill(s.bk_workshop, &[&n.to_string()]),
        None => s.bk_unknown.to_string(),
    }
}

/// Date and time on this computer's clock (`2026-11-27 10:10`).
pub(super) fn time_label(time: Option<jiff::Timestamp>, lang: Lang) -> String {
    match time {
        Some(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        None => lang.strings().bk_unknown.to_string(),
    }
}

/// What a version holds, in one line.
pub(super) fn holds_text(sess: &Session, lang: Lang) -> String {
    let s = lang.strings();
    let captured = sess
        .points
        .values()
        .filter(|r| r.status != crate::session::Status::Open)
        .count();
    let notes: usize = sess.points.values().map(|r| r.notes.len()).sum();
    let actions: usize = sess.points.values().map(|r| r.actions.len()).sum();
    let vote = sess
        .latest_vote()
        .map(|v| format!("{} {}", v.outcome.symbol(), v.outcome.word(lang)))
        .unwrap_or_else(|| s.no_vote.to_string());
    fill(
        s.bk_holds,
        &[
            &captured.to_string(),
            &notes.to_string(),
            &actions.to_string(),
            &vote,
        ],
    )
}
