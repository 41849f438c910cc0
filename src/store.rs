//! The session store: where session files live, loading with format checks,
//! durable atomic saves with backups, and the per-session lock.
//!
//! Guarantees (see PRODUCT.md, "Never lose a note"):
//! - a save is a temp file in the same directory, fsync, rename, fsync of the
//!   directory (`atomic-write-file`), so a crash leaves the old or the new file;
//! - the version that a save replaces is kept in `backups/` (last 10);
//! - a file that does not parse, or comes from a newer format, is never written;
//! - files are 0600, the store directory 0700;
//! - a second process on the same session is refused, naming the holder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use serde::Serialize;

use crate::i18n::{Lang, fill};
use crate::session::{Draft, FORMAT_VERSION, FrameworkRef, PointRecord, Session};
use crate::textpos::line_col;
use crate::vote::DecisionRule;

/// How many replaced versions are kept per session in `backups/`.
pub const BACKUPS_KEPT: usize = 10;

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
}

impl StoreError {
    fn io(path: &Path, source: io::Error) -> StoreError {
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
        }
    }

    /// Whether the problem is in the file's content (exit code 2).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::Corrupt { .. } | StoreError::Newer { .. } | StoreError::BadName(_)
        )
    }
}

/// A file name (without extension) for a session name: lowercase ASCII
/// letters, digits and dashes. Letters of other scripts are spelled in ASCII
/// where a common scheme exists (ß → ss, Ελληνικά → ellinika, １２３ → 123);
/// a name with letters that cannot be spelled so (Arabic, CJK) gets a short
/// hash of the whole name, and a name of symbols only (an emoji) becomes
/// `sessie-<hash>`, so that different names do not share a file.
/// `None` if the name has nothing visible but ASCII punctuation.
pub fn slug(name: &str) -> Option<String> {
    const MAX: usize = 64;
    let name = name.trim();
    let mut out = String::new();
    let mut lost = false;
    let mut symbol = false;
    let sep = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    };
    for c in name.chars() {
        if out.len() >= MAX {
            break;
        }
        // full-width forms (U+FF01–U+FF5E) are ASCII in another width
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_ascii() || c.is_whitespace() || c.is_control() {
            sep(&mut out);
            continue;
        }
        for lc in c.to_lowercase() {
            if ('\u{300}'..='\u{36f}').contains(&lc) {
                continue; // a combining accent: the letter before it is kept
            }
            if lc.is_ascii_alphanumeric() {
                out.push(lc); // 'İ' lowercases to 'i' and a combining dot
            } else if let Some(t) = transliterate(lc) {
                out.push_str(t);
            } else if lc.is_alphanumeric() {
                lost = true;
                sep(&mut out);
            } else {
                symbol = true;
                sep(&mut out);
            }
        }
    }
    out.truncate(MAX);
    let out = out.trim_matches('-').to_string();
    let hash = || format!("{:08x}", fnv1a(name.as_bytes()) as u32);
    if lost {
        let mut base = out;
        base.truncate(MAX - 9);
        let base = base.trim_matches('-');
        return Some(if base.is_empty() {
            format!("sessie-{}", hash())
        } else {
            format!("{base}-{}", hash())
        });
    }
    if out.is_empty() {
        return symbol.then(|| format!("sessie-{}", hash()));
    }
    Some(out)
}

/// FNV-1a (64 bit): a small hash that is the same on every platform and
/// in every version, for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// ASCII spelling of a lowercase letter of a Latin, Greek or Cyrillic
/// alphabet (common schemes: German, Scandinavian, Turkish, Polish, Czech,
/// ELOT 743 for Greek, the passport scheme for Cyrillic).
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' | 'ő' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ç' | 'ć' | 'č' => "c",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ĳ' => "y",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'ş' | 'ș' | 'ś' | 'š' => "s",
        'ţ' | 'ț' | 'ť' => "t",
        'ğ' | 'ģ' => "g",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ž' | 'ź' | 'ż' => "z",
        'ř' | 'ŕ' => "r",
        'ď' | 'đ' | 'ð' => "d",
        'ķ' => "k",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        // Greek (ELOT 743, simplified)
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian)
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ђ' => "dj",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' | 'ѕ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Remove control characters from a one-line name; trims whitespace.
pub fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
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
            Err(StoreError::OutputExists { .. }) => Err(exists()),
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

pub fn ensure_dir_private(dir: &Path) -> Result<(), StoreError> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(StoreError::NotADir {
                path: dir.to_path_buf(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(StoreError::io(dir, e)),
    }
    let mut missing = Vec::new();
    let mut cur = dir;
    while fs::symlink_metadata(cur).is_err() {
        missing.push(cur);
        match cur.parent() {
            Some(p) if !p.as_os_str().is_empty() => cur = p,
            _ => break,
        }
    }
    for level in missing.iter().rev() {
        create_private_dir(level)?;
    }
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(StoreError::NotADir {
            path: dir.to_path_buf(),
        }),
        Err(e) => Err(StoreError::io(dir, e)),
    }
}

/// Make one directory, 0700 whatever the umask. Only a directory this call
/// created has its mode set; one that appeared meanwhile is left alone.
fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    b.mode(0o700);
    match b.create(dir) {
        Ok(()) => {
            #[cfg(unix)]
            {
                // through a handle that cannot be a symlink swapped in meanwhile
                let d = OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
                    .open(dir)
                    .map_err(|e| StoreError::io(dir, e))?;
                d.set_permissions(fs::Permissions::from_mode(0o700))
                    .map_err(|e| StoreError::io(dir, e))?;
            }
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(StoreError::io(dir, e)),
    }
}

/// The mode of an existing directory when others may read or write it.
fn shared_dir_mode(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        let m = fs::metadata(dir).ok()?;
        let mode = m.permissions().mode() & 0o7777;
        (m.is_dir() && mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// A folder of wijktafel's own next to the session (`backups/`, `exports/`):
/// created 0700 when new; a symlink is refused, never followed.
fn private_subdir(dir: &Path) -> Result<PathBuf, StoreError> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(StoreError::Symlink {
            path: dir.to_path_buf(),
        }),
        Ok(m) if m.is_dir() => Ok(dir.to_path_buf()),
        Ok(_) => Err(StoreError::NotADir {
            path: dir.to_path_buf(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            create_private_dir(dir)?;
            private_subdir(dir)
        }
        Err(e) => Err(StoreError::io(dir, e)),
    }
}

/// The `exports/` folder next to a session file, created 0700 when new; a
/// symlink there is refused.
pub fn export_dir(session_path: &Path) -> Result<PathBuf, StoreError> {
    private_subdir(&sibling(session_path, "exports"))
}

/// `name` in the directory of `path`.
fn sibling(path: &Path, name: &str) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(name),
        _ => PathBuf::from(name),
    }
}

/// Refuse a path whose last component is a symlink.
pub fn refuse_symlink(path: &Path) -> Result<Option<fs::Metadata>, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(StoreError::Symlink {
            path: path.to_path_buf(),
        }),
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

/// The `format_version` declared at the top of a session file, if any.
fn declared_version(text: &str) -> Option<u32> {
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix("format_version") {
            let rest = rest.trim_start().strip_prefix('=')?;
            let num = rest.split('#').next()?.trim();
            return num.parse().ok();
        }
    }
    None
}

/// The newest backup of a session file, if any.
pub fn newest_backup(path: &Path) -> Option<PathBuf> {
    backups_of(path).pop()
}

fn backup_dir(path: &Path) -> PathBuf {
    sibling(path, "backups")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Where a backup stands in the order wijktafel made them. Backups are named
/// `<stem>.<sequence>.toml` with a number the program increments; the
/// clock plays no part. Backups of older versions of wijktafel were named
/// by the time (`<stem>.20261127T101010.123Z.toml`): they are all older
/// than any numbered one, and ordered by name among themselves.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum BackupOrder {
    Timed(String),
    Numbered(u64),
}

/// Numbers stay below this; beyond it the backups are renumbered 1, 2, ….
const MAX_SEQ: u64 = 999_999_999_999_999_999;

fn backup_order(prefix: &str, name: &str) -> Option<BackupOrder> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".toml")?;
    if !rest.is_empty() && rest.len() <= 18 && rest.bytes().all(|b| b.is_ascii_digit()) {
        return rest.parse().ok().map(BackupOrder::Numbered);
    }
    // 20261127T101010Z or 20261127T101010.123456789Z
    let b = rest.as_bytes();
    let digits = |r: &[u8]| !r.is_empty() && r.iter().all(u8::is_ascii_digit);
    let timed = b.len() >= 16
        && digits(&b[..8])
        && b[8] == b'T'
        && digits(&b[9..15])
        && b[b.len() - 1] == b'Z'
        && (b.len() == 16 || (b[15] == b'.' && digits(&b[16..b.len() - 1])));
    timed.then(|| BackupOrder::Timed(rest.to_string()))
}

struct Backup {
    order: BackupOrder,
    path: PathBuf,
    meta: fs::Metadata,
}

/// The backups of a session file, oldest first: plain files only (a
/// symlink in `backups/`, or a symlinked `backups/`, is not ours).
fn backups(path: &Path) -> Vec<Backup> {
    let prefix = format!("{}.", stem(path));
    let dir = backup_dir(path);
    if fs::symlink_metadata(&dir).map_or(true, |m| !m.is_dir()) {
        return vec![];
    }
    let Ok(rd) = fs::read_dir(&dir) else {
        return vec![];
    };
    let mut v: Vec<Backup> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let order = backup_order(&prefix, e.file_name().to_str()?)?;
            let path = e.path();
            let meta = fs::symlink_metadata(&path).ok().filter(|m| m.is_file())?;
            Some(Backup { order, path, meta })
        })
        .collect();
    v.sort_by(|a, b| a.order.cmp(&b.order));
    v
}

/// Backups of a session file, oldest first.
pub fn backups_of(path: &Path) -> Vec<PathBuf> {
    backups(path).into_iter().map(|b| b.path).collect()
}

/// Whether two files hold the same bytes (the same file: no reading).
fn same_content(a: &Path, am: &fs::Metadata, b: &Path, bm: &fs::Metadata) -> bool {
    #[cfg(unix)]
    if am.dev() == bm.dev() && am.ino() == bm.ino() {
        return true;
    }
    if am.len() != bm.len() {
        return false;
    }
    match (fs::read(a), fs::read(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Parse session text; `path` is used in errors only.
pub fn parse(text: &str, path: &Path) -> Result<Session, StoreError> {
    if let Some(v) = declared_version(text)
        && v > FORMAT_VERSION
    {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            version: v,
        });
    }
    let corrupt = |offset: usize, message: String| {
        let (line, column) = line_col(text, offset);
        StoreError::Corrupt {
            path: path.to_path_buf(),
            line,
            column,
            message,
            backup: newest_backup(path),
        }
    };
    if text.trim().is_empty() {
        return Err(corrupt(0, "empty file".into()));
    }
    let session: Session = toml::from_str(text).map_err(|e| {
        corrupt(
            e.span().map(|s| s.start).unwrap_or(0),
            e.message().trim().to_string(),
        )
    })?;
    migrate(session)
        .and_then(|s| s.validate().map(|()| s))
        .map_err(|m| corrupt(0, m))
}

/// Bring an older format up to [`FORMAT_VERSION`]. Version 1 is the first
/// format; later versions add their steps here.
fn migrate(session: Session) -> Result<Session, String> {
    match session.format_version {
        FORMAT_VERSION => Ok(session),
        v => Err(format!("unknown format_version {v}")),
    }
}

/// Load a session file. Never writes to it.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_stamped(path).map(|(s, _)| s)
}

/// What a session file held when it was loaded or last saved: a save with
/// [`save_checked`] refuses to write when the file no longer matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub hash: u64,
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8]) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            hash: fnv1a(bytes),
        }
    }

    /// The stamp of the file as it is now; `None` when there is no file.
    pub fn read(path: &Path) -> Result<Option<FileStamp>, StoreError> {
        match fs::read(path) {
            Ok(b) => Ok(Some(FileStamp::of_bytes(&b))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(path, e)),
        }
    }

    /// Whether the file at `path` still holds what this stamp describes
    /// (a missing file counts as unchanged: writing it overwrites nothing).
    fn still_matches(&self, path: &Path) -> Result<bool, StoreError> {
        match fs::metadata(path) {
            Ok(m) if m.len() != self.len => return Ok(false),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
            _ => {}
        }
        Ok(FileStamp::read(path)?.is_none_or(|now| now == *self))
    }
}

/// [`load`], with the stamp of exactly the bytes that were parsed.
pub fn load_stamped(path: &Path) -> Result<(Session, FileStamp), StoreError> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| StoreError::io(path, e))?;
    let stamp = FileStamp::of_bytes(&bytes);
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let (line, column) = line_col(&lossy, offset);
            return Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                line,
                column,
                message: "invalid UTF-8".into(),
                backup: newest_backup(path),
            });
        }
    };
    parse(&text, path).map(|s| (s, stamp))
}

/// Serialize a session to its TOML text (stable order: settings, parties,
/// workshops, points by id, votes, overrides).
pub fn to_toml(session: &Session) -> String {
    TomlWriter::default().write(session)
}

/// Writes sessions as TOML, keeping the text of every point it wrote: a
/// save after one capture serializes only the point that changed, so the
/// cost of a save does not grow with the number of notes elsewhere.
#[derive(Default)]
pub struct TomlWriter {
    points: HashMap<String, (PointRecord, String)>,
}

#[derive(Serialize)]
struct Head<'a> {
    format_version: u32,
    name: &'a str,
    area: &'a str,
    municipality: &'a str,
    facilitator: &'a str,
    created: jiff::Timestamp,
    cursor: &'a str,
    framework: &'a FrameworkRef,
    rule: &'a DecisionRule,
    #[serde(skip_serializing_if = "Option::is_none")]
    draft: Option<&'a Draft>,
}

/// `{ key = value }` as TOML: a top-level table or array of tables.
fn chunk<T: Serialize>(key: &str, value: T) -> String {
    let mut m = BTreeMap::new();
    m.insert(key, value);
    escape_unsafe(toml::to_string(&m).expect("session serializes to TOML"))
}

/// Characters that must not reach a terminal raw when someone runs
/// `cat session.toml`: C1 controls and bidi overrides/isolates. (The toml
/// serializer already escapes C0 controls and DEL.)
fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Rewrite serialized TOML so that [`is_unsafe`] characters appear only as
/// `\uXXXX` escapes. They can only occur inside strings (keys or values):
/// in basic strings (`"…"`, `"""…"""`) the character is replaced by its
/// escape; a literal string (`'…'`, `'''…'''`), where escapes do not work,
/// is rewritten as a basic string with the same value.
fn escape_unsafe(text: String) -> String {
    if !text.chars().any(is_unsafe) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text.as_str();
    while let Some(i) = rest.find(['"', '\'']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let quote = if rest.starts_with('"') { '"' } else { '\'' };
        let multi = rest.starts_with("\"\"\"") || rest.starts_with("\'\'\'");
        let open = if multi { 3 } else { 1 };
        let body = &rest[open..];
        // the end of the string: the closing delimiter, skipping escapes in basic strings
        let mut end = None;
        let mut chars = body.char_indices();
        while let Some((j, c)) = chars.next() {
            if c == '\\' && quote == '"' {
                chars.next();
            } else if c == quote {
                if !multi {
                    end = Some((j, j + 1));
                    break;
                }
                let run = body[j..]
                    .bytes()
                    .take_while(|b| char::from(*b) == quote)
                    .count();
                if run >= 3 {
                    // up to two quotes before the delimiter belong to the value
                    end = Some((j + run - 3, j + run));
                    break;
                }
                for _ in 1..run {
                    chars.next();
                }
            }
        }
        let Some((content_end, close_end)) = end else {
            out.push_str(rest); // not TOML we wrote: leave it
            return out;
        };
        let content = &body[..content_end];
        if quote == '"' {
            out.push_str(&rest[..open]);
            for c in content.chars() {
                if is_unsafe(c) {
                    out.push_str(&format!("\\u{:04X}", c as u32));
                } else {
                    out.push(c);
                }
            }
            out.push_str(&body[content_end..close_end]);
        } else if content.chars().any(is_unsafe) {
            // a literal string's value is its text, minus a first newline in the multi-line form
            let value = if multi {
                content
                    .strip_prefix("\r\n")
                    .or_else(|| content.strip_prefix('\n'))
                    .unwrap_or(content)
            } else {
                content
            };
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c.is_control() || is_unsafe(c) => {
                        out.push_str(&format!("\\u{:04X}", c as u32))
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        } else {
            out.push_str(&rest[..open + close_end]);
        }
        rest = &rest[open + close_end..];
    }
    out.push_str(rest);
    out
}

impl TomlWriter {
    pub fn write(&mut self, s: &Session) -> String {
        let head = Head {
            format_version: s.format_version,
            name: &s.name,
            area: &s.area,
            municipality: &s.municipality,
            facilitator: &s.facilitator,
            created: s.created,
            cursor: &s.cursor,
            framework: &s.framework,
            rule: &s.rule,
            draft: s.draft.as_ref(),
        };
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(
            "# wijktafel session file. Edit with care; wijktafel keeps backups in backups/.\n",
        );
        out.push_str(&escape_unsafe(
            toml::to_string(&head).expect("session serializes to TOML"),
        ));
        if !s.parties.is_empty() {
            out.push('\n');
            out.push_str(&chunk("parties", &s.parties));
        }
        if !s.workshops.is_empty() {
            out.push('\n');
            out.push_str(&chunk("workshops", &s.workshops));
        }
        self.points.retain(|id, _| s.points.contains_key(id));
        for (id, rec) in &s.points {
            let fresh = !matches!(self.points.get(id), Some((cached, _)) if cached == rec);
            if fresh {
                let mut one = BTreeMap::new();
                one.insert(id.as_str(), rec);
                let text = chunk("points", one);
                self.points.insert(id.clone(), (rec.clone(), text));
            }
            out.push('\n');
            out.push_str(&self.points[id].1);
        }
        if !s.votes.is_empty() {
            out.push('\n');
            out.push_str(&chunk("votes", &s.votes));
        }
        if !s.overrides.is_empty() {
            out.push('\n');
            out.push_str(&chunk("overrides", &s.overrides));
        }
        out
    }
}

/// Save a session durably: keep the replaced version as a backup, write a
/// temp file (0600) in the same directory, fsync, rename, fsync the directory.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    save_text(path, &to_toml(session))
}

/// [`save`] with a writer that reuses the text of unchanged points.
pub fn save_with(
    writer: &mut TomlWriter,
    path: &Path,
    session: &Session,
) -> Result<(), StoreError> {
    save_text(path, &writer.write(session))
}

/// [`save_with`], but only if the file still holds what `stamp` describes
/// (what was loaded or last saved): a file changed by another program is
/// never overwritten ([`StoreError::ChangedOnDisk`]). On success `stamp`
/// describes the new file. (Between this check and the rename there is a
/// moment of a few milliseconds in which a change would still be lost.)
pub fn save_checked(
    writer: &mut TomlWriter,
    path: &Path,
    session: &Session,
    stamp: &mut FileStamp,
) -> Result<(), StoreError> {
    if !stamp.still_matches(path)? {
        return Err(StoreError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let text = writer.write(session);
    let new = FileStamp::of_bytes(text.as_bytes());
    match save_text(path, &text) {
        Ok(()) => {
            *stamp = new;
            Ok(())
        }
        Err(e) => {
            // a save that failed after its rename (the directory sync) did write
            if matches!(FileStamp::read(path), Ok(Some(now)) if now == new) {
                *stamp = new;
            }
            Err(e)
        }
    }
}

/// Save already serialized text (see [`save`]). A symlinked session file
/// or `backups/` folder is refused, never followed.
pub fn save_text(path: &Path, text: &str) -> Result<(), StoreError> {
    if refuse_symlink(path)?.is_some() {
        keep_backup(path)?;
    }
    let mut opts = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    {
        atomic_write_file::unix::OpenOptionsExt::preserve_mode(&mut opts, false);
        opts.mode(0o600);
    }
    let mut file = opts.open(path).map_err(|e| StoreError::io(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| StoreError::io(path, e))?;
    #[cfg(unix)]
    file.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .map_err(|e| StoreError::io(path, e))?;
    let moving = lock_registry::prepare(path, file.as_file());
    let r = file.commit().map_err(|e| StoreError::io(path, e));
    if r.is_ok() {
        lock_registry::moved(moving);
    }
    r
}

/// Write a file that must not exist yet (`demo --out`, a new session):
/// complete in a temp file, then linked into place, which fails rather than
/// replace anything that appeared there (0600 on unix).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let exists = || StoreError::OutputExists {
        path: path.to_path_buf(),
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let name = path
        .file_name()
        .ok_or_else(|| StoreError::io(path, io::Error::from(io::ErrorKind::InvalidInput)))?;
    // `.<name>.XXXXXX` like atomic-write-file: cleared with the stale temps
    let suffix = format!(
        "{:06x}",
        fnv1a(format!("{:?}", std::time::SystemTime::now()).as_bytes()) & 0xff_ffff
    );
    let temp = sibling(path, &format!(".{}.{suffix}", name.to_string_lossy()));
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(0o600);
    let written = opts.open(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(StoreError::io(path, e));
    }
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            sync_dir(path);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists()),
        Err(_) => {
            // a filesystem without hard links: an exclusive create instead
            let mut opts = OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            opts.mode(0o600);
            let mut f = opts.open(path).map_err(|e| match e.kind() {
                io::ErrorKind::AlreadyExists => exists(),
                _ => StoreError::io(path, e),
            })?;
            let r = f.write_all(bytes).and_then(|_| f.sync_all());
            if let Err(e) = r {
                drop(f);
                let _ = fs::remove_file(path);
                return Err(StoreError::io(path, e));
            }
            sync_dir(path);
            Ok(())
        }
    }
}

fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(sibling(path, ".")) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Write an export (`export -o FILE`): that one file and nothing else (no
/// backups). A new or regular file is replaced whole, atomically (0600 when
/// new); a terminal, pipe or other special file, and anything under `/dev/`
/// (`/dev/stdout`), is written through; a symlink to a regular file is
/// refused; a session file is never overwritten.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io_err = |e| StoreError::io(path, e);
    // a folder (or a name ending in a separator) is never made into a file
    let names_folder = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator)
        || path.is_dir();
    if names_folder {
        return Err(io_err(io::Error::from(io::ErrorKind::IsADirectory)));
    }
    let lmeta = fs::symlink_metadata(path);
    let through = match &lmeta {
        Err(_) => false,
        Ok(_) if path.starts_with("/dev") => true,
        Ok(m) if m.file_type().is_symlink() => match fs::metadata(path) {
            Ok(t) if !t.is_file() && !t.is_dir() => true,
            _ => {
                return Err(StoreError::Symlink {
                    path: path.to_path_buf(),
                });
            }
        },
        Ok(m) => !m.is_file() && !m.is_dir(),
    };
    if through {
        let mut f = OpenOptions::new().append(true).open(path).map_err(io_err)?;
        return f.write_all(bytes).and_then(|_| f.flush()).map_err(io_err);
    }
    if let Ok(m) = &lmeta
        && m.is_file()
        && looks_like_session(path)
    {
        return Err(StoreError::IsSession {
            path: path.to_path_buf(),
        });
    }
    let mut opts = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    opts.mode(0o600);
    let mut file = opts.open(path).map_err(io_err)?;
    file.write_all(bytes).map_err(io_err)?;
    file.commit().map_err(io_err)
}

/// Whether a file starts like a wijktafel session file.
fn looks_like_session(path: &Path) -> bool {
    let mut head = Vec::new();
    let Ok(f) = File::open(path) else {
        return false;
    };
    if f.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    text.starts_with("# wijktafel session file") || declared_version(&text).is_some()
}

/// Keep the current file as a backup (a hard link: no copy) and prune old
/// ones. Never makes a backup equal to the newest one (a save retried after
/// a failure), and removes copies of the same content before any older
/// version. Best effort: only a symlinked `backups/` stops the save.
fn keep_backup(path: &Path) -> Result<(), StoreError> {
    let dir = match private_subdir(&backup_dir(path)) {
        Ok(d) => d,
        Err(e @ StoreError::Symlink { .. }) => return Err(e),
        Err(_) => return Ok(()),
    };
    let Ok(cur) = fs::symlink_metadata(path) else {
        return Ok(());
    };
    let mut all = backups(path);
    if let Some(newest) = all.last()
        && same_content(path, &cur, &newest.path, &newest.meta)
    {
        return Ok(());
    }
    let mut last = all
        .iter()
        .filter_map(|b| match b.order {
            BackupOrder::Numbered(n) => Some(n),
            BackupOrder::Timed(_) => None,
        })
        .max()
        .unwrap_or(0);
    if last >= MAX_SEQ {
        last = renumber(path, &mut all);
    }
    let target = dir.join(format!("{}.{:010}.toml", stem(path), last + 1));
    if fs::hard_link(path, &target).is_err() {
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        opts.mode(0o600);
        let copied = opts
            .open(&target)
            .and_then(|mut t| io::copy(&mut File::open(path)?, &mut t));
        if copied.is_err() {
            let _ = fs::remove_file(&target);
        }
    }
    prune(path);
    Ok(())
}

/// Give the numbered backups the numbers 1, 2, … in their order.
fn renumber(path: &Path, all: &mut [Backup]) -> u64 {
    let mut n = 0;
    for b in all.iter_mut() {
        if let BackupOrder::Numbered(_) = b.order {
            n += 1;
            let to = b
                .path
                .with_file_name(format!("{}.{n:010}.toml", stem(path)));
            if fs::symlink_metadata(&to).is_err() || to == b.path {
                let _ = fs::rename(&b.path, &to);
            }
        }
    }
    n
}

/// Keep the newest [`BACKUPS_KEPT`] versions: first drop older copies of a
/// content that a newer backup holds, then the oldest. The newest is kept.
fn prune(path: &Path) {
    let mut all = backups(path);
    if all.len() <= BACKUPS_KEPT {
        return;
    }
    let mut i = all.len() - 1;
    while i > 0 && all.len() > BACKUPS_KEPT {
        i -= 1;
        let dup = all[i + 1..]
            .iter()
            .any(|n| same_content(&all[i].path, &all[i].meta, &n.path, &n.meta));
        if dup && fs::remove_file(&all[i].path).is_ok() {
            all.remove(i);
        }
    }
    let excess = all.len().saturating_sub(BACKUPS_KEPT);
    for old in &all[..excess] {
        let _ = fs::remove_file(&old.path);
    }
}

/// Held while a session is open; dropping it releases the lock.
///
/// Two locks are taken: an OS lock on `<file>.lock`, which also names the
/// holder, and (on unix) an OS lock on the session file itself, which a
/// deleted `.lock` cannot bypass. A save replaces the session file by a
/// rename; the new file is locked before the rename (see `lock_registry`),
/// so the lock never lapses. A session opened through a symlink, or with a
/// second name (hard link), is refused: each name would have its own lock.
/// (On Windows only the `.lock` file is locked: a locked file there cannot
/// be read by `list` or `export` while the session is open.)
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
    #[cfg(unix)]
    held: Option<u64>,
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(id) = self.held {
            lock_registry::release(id);
        }
    }
}

impl SessionLock {
    /// The lock file of a session file: `<file>.lock`.
    pub fn path_for(session: &Path) -> PathBuf {
        let mut s = session.as_os_str().to_os_string();
        s.push(".lock");
        PathBuf::from(s)
    }

    /// Take the lock, or say who holds it. A lock left by a process that is
    /// gone is free again (the OS releases it), so it is simply taken over.
    pub fn acquire(session: &Path) -> Result<SessionLock, StoreError> {
        let meta = refuse_symlink(session)?;
        #[cfg(unix)]
        if let Some(m) = &meta {
            let ours = backups(session)
                .iter()
                .filter(|b| b.meta.dev() == m.dev() && b.meta.ino() == m.ino())
                .count() as u64;
            let others = m.nlink().saturating_sub(1 + ours);
            if others > 0 {
                return Err(StoreError::HardLinked {
                    path: session.to_path_buf(),
                    links: others,
                });
            }
        }
        #[cfg(not(unix))]
        let _ = &meta;
        let path = Self::path_for(session);
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        let mut file = opts.open(&path).map_err(|e| {
            if refuse_symlink(&path).is_err() {
                StoreError::Symlink { path: path.clone() }
            } else {
                StoreError::io(&path, e)
            }
        })?;
        let lmeta = file.metadata().map_err(|e| StoreError::io(&path, e))?;
        if !lmeta.is_file() {
            return Err(StoreError::io(
                &path,
                io::Error::other("not a regular file"),
            ));
        }
        #[cfg(unix)]
        if lmeta.nlink() > 1 {
            return Err(StoreError::HardLinked {
                path,
                links: lmeta.nlink() - 1,
            });
        }
        let locked = |file: &mut File| {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            StoreError::Locked {
                path: session.to_path_buf(),
                holder: if holder.trim().is_empty() {
                    String::new()
                } else {
                    describe_holder(&holder)
                },
            }
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(locked(&mut file)),
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
        }
        #[cfg(unix)]
        let held = match meta {
            Some(_) => Some(lock_registry::lock_session(session).map_err(|e| match e {
                None => locked(&mut file),
                Some(e) => StoreError::io(session, e),
            })?),
            None => None,
        };
        let info = format!(
            "pid = {}\nuser = \"{}\"\nhost = \"{}\"\nsince = \"{}\"\n",
            std::process::id(),
            clean_line(&std::env::var("USER").unwrap_or_else(|_| "?".into())),
            clean_line(&hostname()),
            Timestamp::now()
        );
        let lock = SessionLock {
            _file: file,
            path,
            #[cfg(unix)]
            held,
        };
        let (mut file, path) = (&lock._file, &lock.path);
        file.set_len(0).map_err(|e| StoreError::io(path, e))?;
        use std::io::Seek;
        file.seek(io::SeekFrom::Start(0))
            .map_err(|e| StoreError::io(path, e))?;
        file.write_all(info.as_bytes())
            .map_err(|e| StoreError::io(path, e))?;
        #[cfg(unix)]
        let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        remove_stale_temps(session);
        Ok(lock)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The OS locks this process holds on session files themselves (unix).
/// A save that replaces a locked session file locks the new file (a
/// duplicate handle of the temp file) before the rename, and drops the
/// lock on the old one after it.
#[cfg(unix)]
mod lock_registry {
    use super::*;
    use std::sync::Mutex;

    struct Held {
        id: u64,
        dev: u64,
        ino: u64,
        file: File,
    }

    static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

    fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
        HELD.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lock the session file; `Err(None)`: another process holds it.
    pub(super) fn lock_session(session: &Path) -> Result<u64, Option<io::Error>> {
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(session)
            .map_err(Some)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(None),
            Err(fs::TryLockError::Error(e)) => return Err(Some(e)),
        }
        let m = file.metadata().map_err(Some)?;
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        held().push(Held {
            id,
            dev: m.dev(),
            ino: m.ino(),
            file,
        });
        Ok(id)
    }

    pub(super) fn release(id: u64) {
        held().retain(|h| h.id != id);
    }

    /// Before the rename of a save: if this process locks the file at
    /// `path`, lock the new file too. Returns what [`moved`] needs.
    pub(super) fn prepare(path: &Path, new: &File) -> Option<(u64, File)> {
        let m = fs::symlink_metadata(path).ok()?;
        let id = held()
            .iter()
            .find(|h| h.dev == m.dev() && h.ino == m.ino())?
            .id;
        let keeper = new.try_clone().ok()?;
        keeper.try_lock().ok()?;
        Some((id, keeper))
    }

    /// After the rename: the lock now lives on the new file.
    pub(super) fn moved(moving: Option<(u64, File)>) {
        let Some((id, keeper)) = moving else { return };
        let Ok(m) = keeper.metadata() else { return };
        if let Some(h) = held().iter_mut().find(|h| h.id == id) {
            h.dev = m.dev();
            h.ino = m.ino();
            h.file = keeper; // the old file's lock is released here
        }
    }
}

#[cfg(not(unix))]
mod lock_registry {
    use super::*;
    pub(super) fn prepare(_: &Path, _: &File) -> Option<()> {
        None
    }
    pub(super) fn moved(_: Option<()>) {}
}

/// Remove temp files of saves that were killed before their rename
/// (`.<file>.XXXXXX` next to the session). Only called with the lock held,
/// so no save of this session is in progress.
fn remove_stale_temps(session: &Path) {
    let (Some(dir), Some(name)) = (session.parent(), session.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(rd) = fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(|e| e.ok()) {
        let n = e.file_name();
        let n = n.to_string_lossy();
        if n.starts_with(&prefix) && n.len() == prefix.len() + 6 {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn hostname() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".into())
}

/// "pid 123, user@host, since 2026-…" from the lock file's content.
fn describe_holder(content: &str) -> String {
    let get = |key: &str| {
        content
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| {
                v.trim_start()
                    .trim_start_matches('=')
                    .trim()
                    .trim_matches('"')
                    .to_string()
            })
            .unwrap_or_else(|| "?".into())
    };
    clean_line(&format!(
        "pid {}, {}@{}, {}",
        get("pid"),
        get("user"),
        get("host"),
        get("since")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
