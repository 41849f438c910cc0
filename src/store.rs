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
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
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
                fill(s.err_locked, &[&path.display().to_string(), holder])
            }
            StoreError::Exists { name, path } => {
                fill(s.err_exists, &[name, &path.display().to_string()])
            }
            StoreError::NotFound(q) => fill(s.err_not_found, &[q]),
            StoreError::BadName(n) => fill(s.err_bad_name, &[n]),
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
/// letters, digits and dashes; diacritics folded. `None` if nothing is left.
pub fn slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        let folded = fold(c);
        match folded {
            Some(f) if f.is_ascii_alphanumeric() => out.push(f.to_ascii_lowercase()),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
        if out.len() >= 64 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { None } else { Some(out) }
}

fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let f = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ĳ' | 'Ĳ' => 'y',
        _ => return None,
    };
    Some(f)
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

    /// Create the directory (0700) if needed.
    pub fn ensure_dir(&self) -> Result<(), StoreError> {
        ensure_dir_private(&self.dir)
    }

    /// The path a session with this name is stored at.
    pub fn path_for(&self, name: &str) -> Result<PathBuf, StoreError> {
        let s = slug(name).ok_or_else(|| StoreError::BadName(clean_line(name)))?;
        Ok(self.dir.join(format!("{s}.toml")))
    }

    /// Session files in the store, sorted by file name.
    pub fn session_files(&self) -> Result<Vec<PathBuf>, StoreError> {
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

    /// Find a session by path, file name or session name.
    pub fn find(&self, query: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(query);
        if (query.contains('/') || query.ends_with(".toml")) && as_path.is_file() {
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
        self.ensure_dir()?;
        let path = self.path_for(&session.name)?;
        if path.exists() {
            return Err(StoreError::Exists {
                name: session.name.clone(),
                path,
            });
        }
        save(&path, session)?;
        Ok(path)
    }
}

pub fn ensure_dir_private(dir: &Path) -> Result<(), StoreError> {
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| StoreError::io(dir, e))?;
    }
    // recursive creation applies the mode to every new level; make sure of the last
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| StoreError::io(dir, e))
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
    path.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Backups of a session file, oldest first.
pub fn backups_of(path: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}.", stem(path));
    let Ok(rd) = fs::read_dir(backup_dir(path)) else {
        return vec![];
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".toml"))
        })
        .collect();
    v.sort();
    v
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
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| StoreError::io(path, e))?;
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
    parse(&text, path)
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
    toml::to_string(&m).expect("session serializes to TOML")
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
        out.push_str(&toml::to_string(&head).expect("session serializes to TOML"));
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

/// Save already serialized text (see [`save`]).
pub fn save_text(path: &Path, text: &str) -> Result<(), StoreError> {
    if path.exists() {
        keep_backup(path);
    }
    let mut opts = atomic_write_file::OpenOptions::new();
    atomic_write_file::unix::OpenOptionsExt::preserve_mode(&mut opts, false);
    opts.mode(0o600);
    let mut file = opts.open(path).map_err(|e| StoreError::io(path, e))?;
    file.write_all(text.as_bytes())
        .map_err(|e| StoreError::io(path, e))?;
    file.as_file()
        .set_permissions(fs::Permissions::from_mode(0o600))
        .map_err(|e| StoreError::io(path, e))?;
    file.commit().map_err(|e| StoreError::io(path, e))
}

/// Keep the current file as a backup (a hard link: no copy) and prune old ones.
/// Best effort: a failing backup never blocks the save itself.
fn keep_backup(path: &Path) {
    let dir = backup_dir(path);
    if ensure_dir_private(&dir).is_err() {
        return;
    }
    let ts = Timestamp::now().strftime("%Y%m%dT%H%M%S%.9fZ").to_string();
    let target = dir.join(format!("{}.{ts}.toml", stem(path)));
    if fs::hard_link(path, &target).is_err() && fs::copy(path, &target).is_ok() {
        let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
    }
    let all = backups_of(path);
    if all.len() > BACKUPS_KEPT {
        for old in &all[..all.len() - BACKUPS_KEPT] {
            let _ = fs::remove_file(old);
        }
    }
}

/// Held while a session is open; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
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
        let path = Self::path_for(session);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(&path)
            .map_err(|e| StoreError::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(StoreError::Locked {
                    path: session.to_path_buf(),
                    holder: describe_holder(&holder),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
        }
        let info = format!(
            "pid = {}\nuser = \"{}\"\nhost = \"{}\"\nsince = \"{}\"\n",
            std::process::id(),
            clean_line(&std::env::var("USER").unwrap_or_else(|_| "?".into())),
            clean_line(&hostname()),
            Timestamp::now()
        );
        file.set_len(0).map_err(|e| StoreError::io(&path, e))?;
        use std::io::Seek;
        file.seek(io::SeekFrom::Start(0))
            .map_err(|e| StoreError::io(&path, e))?;
        file.write_all(info.as_bytes())
            .map_err(|e| StoreError::io(&path, e))?;
        let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
        remove_stale_temps(session);
        Ok(SessionLock { _file: file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
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
        assert_eq!(slug("👍🏽"), None);
        assert!(slug(&"x".repeat(500)).unwrap().len() <= 64);
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
