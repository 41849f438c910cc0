//! The session store: where session files live, loading with format checks,
//! durable atomic saves with backups, and the per-session lock.
//!
//! Guarantees (see PRODUCT.md, "Never lose a note"):
//! - a save is a temp file in the same directory, fsync, rename, fsync of the
//!   directory (`atomic-write-file`), so a crash leaves the old or the new file;
//! - the version that a save replaces is kept in `backups/`: the last 10
//!   saves, the start of each workshop and one per 10 minutes, at most 40
//!   (see `backups.rs`, [`keep_rule`]);
//! - a file that does not parse, or comes from a newer format, is never written;
//! - files are 0600, the store directory 0700;
//! - a second process on the same session is refused, naming the holder.

mod backup_health;
mod backups;
mod digest;
mod dirs;
mod files;
mod follow;
mod journal;
mod lock;
mod names;
mod parse;
mod prescan;
mod read;
mod required;
mod schema;
mod stamp;
mod stream;
mod writer;

pub use backup_health::*;
pub use backups::*;
pub use digest::{digest_line, read_digest};
pub use dirs::*;
pub use files::*;
pub use follow::{Follow, Followed, take_events};
pub use journal::*;
pub use lock::*;
pub use names::*;
pub use parse::*;
pub use prescan::*;
pub use read::*;
pub use schema::*;
pub use stamp::*;
pub use writer::*;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, fill};
use crate::session::{FORMAT_VERSION, Session};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        backup: Option<PathBuf>,
    },
    #[error("{path}: newer format {version}")]
    Newer { path: PathBuf, version: u32 },
    #[error("{path}: locked by {holder}")]
    Locked { path: PathBuf, holder: String },
    #[error("session {name} exists at {path}")]
    Exists { name: String, path: PathBuf },
    #[error("session {0} not found")]
    NotFound(String),
    #[error("invalid session name {0:?}")]
    BadName(String),
    #[error("{path}: is a symbolic link")]
    Symlink { path: PathBuf },
    #[error("{path}: {links} other hard links")]
    HardLinked { path: PathBuf, links: u64 },
    #[error("{path}: not a directory")]
    NotADir { path: PathBuf },
    #[error("{path}: changed on disk by another program")]
    ChangedOnDisk { path: PathBuf },
    #[error("{path}: exists")]
    OutputExists { path: PathBuf },
    #[error("{path}: is a session file")]
    IsSession { path: PathBuf },
    #[error("{path}: not a regular file")]
    NotRegular { path: PathBuf },
    #[error("{path}: {size} bytes, more than {cap}")]
    TooLarge { path: PathBuf, size: u64, cap: u64 },
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A plain message for the facilitator, in the given language.
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        match self {
            StoreError::Io { path, source } => fill(
                s.err_io,
                &[&path.display().to_string(), &source.to_string()],
            ),
            StoreError::Corrupt {
                path,
                line,
                column,
                message,
                backup,
            } => {
                let mut m = fill(
                    s.err_corrupt,
                    &[
                        &path.display().to_string(),
                        &line.to_string(),
                        &column.to_string(),
                        message,
                    ],
                );
                if let Some(b) = backup {
                    m.push(' ');
                    m.push_str(&fill(s.err_backup_hint, &[&b.display().to_string()]));
                }
                m
            }
            StoreError::Newer { path, version } => fill(
                s.err_newer,
                &[
                    &path.display().to_string(),
                    &version.to_string(),
                    &FORMAT_VERSION.to_string(),
                ],
            ),
            StoreError::Locked { path, holder } => {
                let holder = if holder.is_empty() {
                    s.err_holder_unknown
                } else {
                    holder
                };
                fill(s.err_locked, &[&path.display().to_string(), holder])
            }
            StoreError::Exists { name, path } => {
                fill(s.err_exists, &[name, &path.display().to_string()])
            }
            StoreError::NotFound(q) => fill(s.err_not_found, &[q]),
            StoreError::BadName(n) => fill(s.err_bad_name, &[n]),
            StoreError::Symlink { path } => fill(s.err_symlink, &[&path.display().to_string()]),
            StoreError::HardLinked { path, links } => fill(
                s.err_hard_linked,
                &[&path.display().to_string(), &links.to_string()],
            ),
            StoreError::NotADir { path } => fill(s.err_not_a_dir, &[&path.display().to_string()]),
            StoreError::ChangedOnDisk { path } => {
                fill(s.err_changed_on_disk, &[&path.display().to_string()])
            }
            StoreError::OutputExists { path } => {
                fill(s.err_output_exists, &[&path.display().to_string()])
            }
            StoreError::IsSession { path } => {
                fill(s.err_is_session, &[&path.display().to_string()])
            }
            StoreError::NotRegular { path } => {
                fill(s.err_not_regular, &[&path.display().to_string()])
            }
            StoreError::TooLarge { path, size, cap } => fill(
                s.err_too_large,
                &[
                    &path.display().to_string(),
                    &size.to_string(),
                    &(cap >> 20).to_string(),
                ],
            ),
        }
    }

    /// Whether the problem is in the file's content (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. }
                | StoreError::Newer { .. }
                | StoreError::BadName(_)
                | StoreError::NotRegular { .. }
                | StoreError::TooLarge { .. }
        )
    }
}

/// The directory with the session files.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// `--dir`, else `$WIJKTAFEL_DIR`, else the platform data directory.
    pub fn resolve(dir: Option<PathBuf>) -> Result<Store, StoreError> {
        let dir = match dir {
            Some(d) => d,
            None => match std::env::var_os("WIJKTAFEL_DIR") {
                Some(d) if !d.is_empty() => PathBuf::from(d),
                _ => directories::ProjectDirs::from("nl", "wijktafel", "wijktafel")
                    .map(|p| p.data_dir().to_path_buf())
                    .ok_or_else(|| {
                        StoreError::io(
                            Path::new("~"),
                            io::Error::new(io::ErrorKind::NotFound, "no home directory"),
                        )
                    })?,
            },
        };
        Ok(Store { dir })
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Create the directory (0700) if needed. An existing directory is used
    /// as it is: its mode is never changed (see [`Store::privacy_warning`]).
    pub fn ensure_dir(&self) -> Result<(), StoreError> {
        ensure_dir_private(&self.dir)
    }

    /// A warning when the existing store directory can be read or written by
    /// others (wijktafel does not change the mode of a folder it did not make).
    pub fn privacy_warning(&self, lang: Lang) -> Option<String> {
        shared_dir_mode(&self.dir).map(|mode| {
            fill(
                lang.strings().warn_store_shared,
                &[&self.dir.display().to_string(), &format!("{mode:04o}")],
            )
        })
    }

    /// Refuses a store "directory" that is something else (a plain file).
    fn check_dir(&self) -> Result<(), StoreError> {
        match fs::metadata(&self.dir) {
            Ok(m) if !m.is_dir() => Err(StoreError::NotADir {
                path: self.dir.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// The path a session with this name is stored at.
    pub fn path_for(&self, name: &str) -> Result<PathBuf, StoreError> {
        let s = slug(name).ok_or_else(|| StoreError::BadName(clean_line(name)))?;
        Ok(self.dir.join(format!("{s}.toml")))
    }

    /// Session files in the store, sorted by file name.
    pub fn session_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        self.check_dir()?;
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(StoreError::io(&self.dir, e)),
        };
        let mut v: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        v.sort();
        Ok(v)
    }

    /// Find a session by path, file name or session name. A bare file name
    /// (`cafe.toml`) is looked up in the store first, then in the current
    /// directory.
    pub fn find(&self, query: &str) -> Result<PathBuf, StoreError> {
        self.check_dir()?;
        let as_path = Path::new(query);
        let bare = as_path.components().count() == 1;
        if bare && query.ends_with(".toml") {
            let p = self.dir.join(query);
            if p.is_file() {
                return Ok(p);
            }
        }
        if (!bare || query.ends_with(".toml")) && as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        if let Some(s) = slug(query) {
            let p = self.dir.join(format!("{s}.toml"));
            if p.is_file() {
                return Ok(p);
            }
        }
        for p in self.session_files()? {
            if let Ok(s) = load(&p)
                && s.name == query.trim()
            {
                return Ok(p);
            }
        }
        Err(StoreError::NotFound(clean_line(query)))
    }

    /// Write a new session; refuses if one with that name exists.
    pub fn create(&self, session: &Session) -> Result<PathBuf, StoreError> {
        let path = self.path_for(&session.name)?;
        self.ensure_dir()?;
        let exists = || StoreError::Exists {
            name: session.name.clone(),
            path: path.clone(),
        };
        if fs::symlink_metadata(&path).is_ok() {
            return Err(exists());
        }
        match write_new(&path, to_toml(session).as_bytes()) {
            Err(StoreError::OutputExists { .. } | StoreError::IsSession { .. }) => Err(exists()),
            r => r.map(|()| path.clone()),
        }
    }
}

/// Create a directory and its missing parents, each new level 0700. An
/// existing directory (or a symlink to one, for the store itself) is left
/// exactly as it is; something that is not a directory is refused.
/// Store a session under a name that does not exist yet ("Demo De Horst",
/// "Demo De Horst 2", …): a second demo never overwrites the first.
pub fn create_unique(store: &Store, mut session: Session) -> Result<PathBuf, StoreError> {
    let base = session.name.clone();
    for n in 1..1000 {
        session.name = if n == 1 {
            base.clone()
        } else {
            format!("{base} {n}")
        };
        match store.create(&session) {
            Ok(p) => return Ok(p),
            Err(StoreError::Exists { .. }) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::BadName(base))
}

/// Load a session file. Never writes to it.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_stamped(path).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn slugs_never_escape_the_store() {
        assert_eq!(slug("De Horst").as_deref(), Some("de-horst"));
        assert_eq!(
            slug("Oriënteren in Zuid-Oost").as_deref(),
            Some("orienteren-in-zuid-oost")
        );
        assert_eq!(slug("../../etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slug("a/b\\c").as_deref(), Some("a-b-c"));
        assert_eq!(slug("  \t "), None);
        assert_eq!(slug(".."), None);
        assert_eq!(slug("\u{1b}[31m"), Some("31m".into()));
        // an emoji name is accepted, under a stable name of its own
        assert!(slug("👍🏽").unwrap().starts_with("sessie-"));
        assert!(slug(&"x".repeat(500)).unwrap().len() <= 64);
        assert!(slug(&"حي".repeat(500)).unwrap().len() <= 64);
        assert!(slug(&format!("{}حي", "x".repeat(500))).unwrap().len() <= 64);
    }

    #[test]
    fn names_in_other_scripts_get_readable_file_names() {
        for (name, want) in [
            ("ß", "ss"),
            ("Straße", "strasse"),
            ("Işık", "isik"),
            ("İstanbul", "istanbul"),
            ("Łódź", "lodz"),
            ("Ærø Øst", "aero-ost"),
            ("Œuvre", "oeuvre"),
            ("Þórshöfn", "thorshofn"),
            ("Đakovo", "dakovo"),
            ("Ελληνικά", "ellinika"),
            ("Москва", "moskva"),
            ("Одеса", "odesa"),
            ("１２３", "123"),
            ("Ｗｉｊｋ　Ａ", "wijk-a"),
            ("Cafe\u{301} Noord", "cafe-noord"),
            ("Café ☕", "cafe"),
        ] {
            assert_eq!(slug(name).as_deref(), Some(want), "{name}");
        }
        // no common spelling: a stable hash, different per name
        let a = slug("حي").unwrap();
        let b = slug("حى").unwrap();
        assert!(a.starts_with("sessie-") && a.len() == 15, "{a}");
        assert_ne!(a, b);
        assert_eq!(slug("حي"), Some(a));
        assert_ne!(slug("😀"), slug("😃"));
        let mixed = slug("Wijk 東京").unwrap();
        assert!(mixed.starts_with("wijk-") && mixed != "wijk", "{mixed}");
        for n in ["حي", "東京", "👍", "Ελληνικά", "Işık", "a/../b"] {
            let s = slug(n).unwrap();
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s}"
            );
        }
    }

    #[test]
    fn unsafe_characters_are_escaped_in_every_kind_of_string() {
        let cases = [
            "a\u{85}b",
            "a'\u{85}\"b",
            "line1\nline2\u{202e}",
            "x\"y\u{202e}",
            "it's \"q\"\u{2066}",
            "a\nb'c\"\u{85}",
            "a\n\"\"\"b\u{9f}",
            "'''\n\u{2069}\"",
            "\"\u{202a}'",
            "\\\u{85}\\",
            "\r\n\u{85}\t\u{7f}\u{1b}",
            "ends with quote\u{85}\"",
            "ends with two\n\u{85}\"\"",
            "ends with two singles\n\u{85}''",
            "x\"\n'\u{80}''",
        ];
        for v in cases {
            let mut m = BTreeMap::new();
            m.insert(v, v);
            let text = chunk("t", &m);
            assert!(!text.chars().any(is_unsafe), "{v:?} → {text}");
            let back: BTreeMap<String, BTreeMap<String, String>> = toml::from_str(&text).unwrap();
            assert_eq!(back["t"][v], v, "{text}");
        }
    }

    #[test]
    fn backups_are_ordered_by_number_after_old_timed_names() {
        let p = "s.";
        assert_eq!(
            backup_order(p, "s.0000000012.toml"),
            Some(BackupOrder::Numbered(12))
        );
        assert!(matches!(
            backup_order(p, "s.20261127T101010.123456789Z.toml"),
            Some(BackupOrder::Timed(_))
        ));
        assert!(backup_order(p, "s.20261127T101010Z.toml").is_some());
        assert_eq!(backup_order(p, "s.x.toml"), None);
        assert_eq!(backup_order(p, "s.toml"), None);
        assert_eq!(backup_order(p, "s.1234567890123456789.toml"), None);
        assert!(backup_order(p, "s.99991231T235959Z.toml") < backup_order(p, "s.0000000001.toml"));
    }

    #[test]
    fn declared_version_is_read_from_the_top() {
        assert_eq!(
            declared_version("# c\nformat_version = 1\nname='x'"),
            Some(1)
        );
        assert_eq!(declared_version("format_version=7 # later"), Some(7));
        assert_eq!(declared_version("[points]\nformat_version = 3"), None);
        assert_eq!(declared_version(""), None);
    }
}
