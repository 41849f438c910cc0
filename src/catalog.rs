//! The saved sessions at a glance, for `wijktafel list` and the home screen:
//! one summary per session file, gathered once, shown by each in its way.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::framework::carried::{Given, resolve};
use crate::i18n::Lang;
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
    match store::load(&path) {
        Ok(sess) => Summary {
            block: resolve(&sess, given)
                .or_else(|_| resolve(&sess, None))
                .ok()
                .and_then(|r| {
                    let fw = r.fw;
                    fw.pos_of(&sess.cursor)
                        .map(|p| format!("{} {}", fw.blocks[p.block].id, fw.blocks[p.block].title))
                }),
            last_workshop: sess.current_workshop().map(|w| (w.number, w.date)),
            latest_vote: sess.latest_vote().map(|v| (v.outcome, v.workshop)),
            name: sess.name,
            area: sess.area,
            error: None,
            path,
        },
        Err(e) => Summary {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            area: String::new(),
            block: None,
            last_workshop: None,
            latest_vote: None,
            error: Some(e.message(lang)),
            path,
        },
    }
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
}
