//! The saved sessions at a glance, for `wijktafel list` and the home screen:
//! one summary per session file, gathered once, shown by each in its way.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::framework::Framework;
use crate::framework::carried::{Given, resolve};
use crate::i18n::Lang;
use crate::overview::{AreaSummary, Digest, Overview};
use crate::store::{self, Store, StoreError};
use crate::vote::Outcome;

/// What the list shows of one session file.
#[derive(Debug, Clone)]
pub struct Summary {
    pub path: PathBuf,
    /// The session name, or the file name when the file could not be read.
    pub name: String,
    pub area: String,
    /// "1 Oriënteren en verkennen": the block of the current point.
    pub block: Option<String>,
    /// Number and date of the last workshop.
    pub last_workshop: Option<(u32, Date)>,
    /// Outcome and workshop of the latest vote.
    pub latest_vote: Option<(Outcome, u32)>,
    /// Why the file could not be read (in the language asked for).
    pub error: Option<String>,
}

/// Summaries of every session file in the store, sorted by file name.
/// Each is read with its own framework (`given`, the one named on the
/// command line, only serves a session of the old format that names it).
/// Reading only: nothing is written.
pub fn summaries(
    store: &Store,
    given: Option<&Given>,
    lang: Lang,
) -> Result<Vec<Summary>, StoreError> {
    Ok(store
        .session_files()?
        .into_iter()
        .map(|path| summarize(path, given, lang))
        .collect())
}

fn summarize(path: PathBuf, given: Option<&Given>, lang: Lang) -> Summary {
    match read(&path, given) {
        Ok(Read::Digest(d)) => summary_of_digest(path, &d),
        Ok(Read::Unresolved(sess, _)) => summary_without_framework(path, *sess),
        Err(e) => unread_summary(path, e.message(lang)),
    }
}

/// A session file as the readers of many find it: its digest, the one kept
/// in the file when the file still is what it describes (a few kB read),
/// else made from the session read whole (see `store/digest.rs`); the
/// session alone when its framework cannot be read.
enum Read {
    Digest(Box<Digest>),
    Unresolved(
        Box<crate::session::Session>,
        crate::framework::carried::CarriedError,
    ),
}

fn read(path: &Path, given: Option<&Given>) -> Result<Read, StoreError> {
    if let Ok(Some(d)) = store::read_digest(path) {
        return Ok(Read::Digest(Box::new(d)));
    }
    // a file the guarded open refuses is refused by the load too, with the
    // same error; one without a usable digest is read whole
    let sess = store::load(path)?;
    Ok(
        match resolve(&sess, given).or_else(|_| resolve(&sess, None)) {
            Ok(r) => Read::Digest(Box::new(Digest::of(&sess, &r.fw))),
            Err(e) => Read::Unresolved(Box::new(sess), e),
        },
    )
}

fn summary_of_digest(path: PathBuf, d: &Digest) -> Summary {
    Summary {
        block: d.block_label.clone(),
        last_workshop: d.last_workshop,
        latest_vote: d.decision.as_ref().map(|v| (v.outcome, v.workshop)),
        name: d.name.clone(),
        area: d.area.clone(),
        error: None,
        path,
    }
}

/// What `list` can say of a session whose framework cannot be read: all
/// but its block.
fn summary_without_framework(path: PathBuf, sess: crate::session::Session) -> Summary {
    Summary {
        block: None,
        last_workshop: sess.current_workshop().map(|w| (w.number, w.date)),
        latest_vote: sess.decision_in_force().map(|v| (v.outcome, v.workshop)),
        name: sess.name,
        area: sess.area,
        error: None,
        path,
    }
}

fn unread_summary(path: PathBuf, error: String) -> Summary {
    Summary {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        area: String::new(),
        block: None,
        last_workshop: None,
        latest_vote: None,
        error: Some(error),
        path,
    }
}

// ---- the overview across areas (issue 30) ----

/// A session file (or a folder) that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

/// The overview of many sessions (`wijktafel overzicht`, the home
/// screen's areas) and the files it could not read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    pub overview: Overview,
    pub unreadable: Vec<Unreadable>,
}

/// The session files of `dirs` (each once, also when a folder is named
/// twice), and the folders that could not be listed, with why.
fn files_of(dirs: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, Vec<Unreadable>) {
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
fn area_of(
    path: &Path,
    given: Option<&Given>,
    today: Date,
    lang: Lang,
) -> Result<AreaSummary, String> {
    match read(path, given).map_err(|e| e.message(lang))? {
        Read::Digest(d) => Ok(d.area_summary(&path.display().to_string(), today, lang)),
        Read::Unresolved(sess, e) => Err(e.message(&sess.name, lang)),
    }
}

/// The overview of every session in `dirs` on `today`.
pub fn gather(dirs: &[PathBuf], given: Option<&Given>, today: Date, lang: Lang) -> Report {
    let (files, mut unreadable) = files_of(dirs, lang);
    let mut areas = Vec::with_capacity(files.len());
    for p in &files {
        match area_of(p, given, today, lang) {
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

/// The home screen's list and, with more than one session, the overview
/// of the store: each file read once.
pub fn home(
    store: &Store,
    given: Option<&Given>,
    today: Date,
    lang: Lang,
) -> Result<(Vec<Summary>, Option<Report>), StoreError> {
    let files = store.session_files()?;
    let mut list = Vec::with_capacity(files.len());
    let mut areas = Vec::new();
    let mut unreadable = Vec::new();
    for path in files {
        match read(&path, given) {
            Ok(Read::Digest(d)) => {
                list.push(summary_of_digest(path.clone(), &d));
                areas.push(d.area_summary(&path.display().to_string(), today, lang));
            }
            Ok(Read::Unresolved(sess, e)) => {
                unreadable.push(Unreadable {
                    path: path.display().to_string(),
                    reason: e.message(&sess.name, lang),
                });
                list.push(summary_without_framework(path, *sess));
            }
            Err(e) => {
                unreadable.push(Unreadable {
                    path: path.display().to_string(),
                    reason: e.message(lang),
                });
                list.push(unread_summary(path, e.message(lang)));
            }
        }
    }
    let report = (list.len() > 1).then(|| Report {
        overview: Overview::build(areas, &Framework::builtin().id, today),
        unreadable,
    });
    Ok((list, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_gets_a_summary_and_a_broken_one_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let fw = crate::framework::Framework::builtin();
        store
            .create(&crate::demo::build(&fw, 2))
            .expect("demo written");
        std::fs::write(dir.path().join("kapot.toml"), "format_version = 1\nname = ").unwrap();
        let listing = || {
            let mut v: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            v.sort();
            v
        };
        let before = listing();
        let list = summaries(&store, None, Lang::Nl).unwrap();
        assert_eq!(list.len(), 2);
        let demo = list.iter().find(|s| s.error.is_none()).unwrap();
        assert_eq!(demo.last_workshop.map(|w| w.0), Some(2));
        assert_eq!(demo.latest_vote.map(|v| v.0), Some(Outcome::Go));
        assert!(demo.block.as_deref().is_some_and(|b| b.starts_with("2 ")));
        let broken = list.iter().find(|s| s.error.is_some()).unwrap();
        assert_eq!(broken.name, "kapot.toml");
        assert_eq!(before, listing(), "reading writes nothing");
    }

    /// The digest in a file gives what the session itself gives: the same
    /// list line and the same overview, in both languages (the digest is a
    /// cache, never a second truth).
    #[test]
    fn the_digest_and_the_session_tell_the_same() {
        let fw = crate::framework::Framework::builtin();
        let today = Date::constant(2026, 12, 7);
        for n in [1, 2, 5] {
            let with = tempfile::tempdir().unwrap();
            let without = tempfile::tempdir().unwrap();
            let path = Store::at(with.path())
                .create(&crate::demo::build(&fw, n))
                .unwrap();
            assert!(store::read_digest(&path).unwrap().is_some());
            let text = std::fs::read_to_string(&path).unwrap();
            let stripped: String = text
                .split_inclusive('\n')
                .filter(|l| !l.starts_with("#% "))
                .collect();
            assert_eq!(
                stripped.len() + 1 + text.lines().nth(1).unwrap().len(),
                text.len()
            );
            std::fs::write(without.path().join(path.file_name().unwrap()), stripped).unwrap();
            for lang in [Lang::Nl, Lang::En] {
                let a = summaries(&Store::at(with.path()), None, lang).unwrap();
                let b = summaries(&Store::at(without.path()), None, lang).unwrap();
                let line = |s: &Summary| {
                    (
                        s.name.clone(),
                        s.area.clone(),
                        s.block.clone(),
                        s.last_workshop,
                        s.latest_vote,
                    )
                };
                assert_eq!(
                    a.iter().map(line).collect::<Vec<_>>(),
                    b.iter().map(line).collect::<Vec<_>>()
                );
                let mut ga = gather(&[with.path().to_path_buf()], None, today, lang);
                let mut gb = gather(&[without.path().to_path_buf()], None, today, lang);
                for g in [&mut ga, &mut gb] {
                    for a in &mut g.overview.areas {
                        a.source.clear();
                    }
                }
                assert_eq!(ga, gb, "{n} workshops, {lang:?}");
            }
        }
    }

    /// A file changed after its digest was written (an event appended) is
    /// read whole: the list shows the change.
    #[test]
    fn a_stale_digest_gives_way_to_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let fw = crate::framework::Framework::builtin();
        let mut s = crate::demo::build(&fw, 2);
        let path = store.create(&s).unwrap();
        let before = s.clone();
        s.name = "Nieuwe naam".into();
        let event = crate::journal::commit_between(&before, &mut s, jiff::Timestamp::now(), None)
            .expect("a change is an event");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&store::event_line(&event));
        std::fs::write(&path, text).unwrap();
        assert_eq!(store::read_digest(&path).unwrap(), None);
        let list = summaries(&store, None, Lang::Nl).unwrap();
        assert_eq!(list[0].name, "Nieuwe naam");
    }
}
