//! Backups of a session file: numbered in the order the program made them,
//! never two of the same content, and spread over time so that a mistake
//! from ten minutes or two workshops ago can still be undone.
//!
//! # Which backups are kept
//!
//! Every save keeps the version it replaces in `backups/`, then
//! [`keep_rule`] decides what stays. A backup is kept when it is
//!
//! 1. one of the newest [`BACKUPS_KEPT`] ("laatste opslagen"), or
//! 2. the first backup of a workshop ("begin bijeenkomst N": the session as
//!    it was when that workshop began), for the newest
//!    [`WORKSHOP_STARTS_KEPT`] workshops, or
//! 3. the first backup in a ten-minute window of the clock ("elke 10
//!    minuten"), for the newest [`WINDOWS_KEPT`] windows.
//!
//! "First" and "newest" always follow the program's numbering, never the
//! clock: the time of a version only says which window it falls in. A clock
//! set wrong therefore never pushes out the backups made now. At most
//! [`BACKUPS_MAX`] backups (40) remain per session, however long it runs; a
//! two-hour workshop saved every 20 seconds keeps its start, one version per
//! ten minutes and the last ten saves.
//!
//! # What a backup knows about itself
//!
//! Its name: `<stem>.<number>.b<workshop>.<time>.toml`, e.g.
//! `de-horst.0000000042.b3.20261127T101010Z.toml`. The number is the
//! program's count; the workshop is the last workshop in the file (0 before
//! the first), read from the top of the file when it is backed up; the time
//! is when that version was written (the file's modification time, UTC).
//! So pruning reads only the folder, never the backups. Older names keep
//! working: `<stem>.<number>.toml` (time from the file, workshop unknown) and
//! the time-named backups of the first versions, `<stem>.20261127T101010.123Z.toml`,
//! which are older than any numbered one and count as "laatste opslagen" only.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::{self, BufRead, Read};
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;

// These numbers are also said in words: `bk_footer` and `bk_reason_window`
// in `i18n/`, the `backups` help in `cli/args.rs`, README.md and RELIABILITY.md.

/// How many of the newest backups are always kept ("laatste opslagen").
pub const BACKUPS_KEPT: usize = 10;
/// For how many workshops (the newest) the backup of their start is kept.
pub const WORKSHOP_STARTS_KEPT: usize = 10;
/// The width of a time window: one backup is kept per window.
pub const WINDOW_SECONDS: i64 = 600;
/// How many time windows (the newest) keep a backup: 20 × 10 minutes.
pub const WINDOWS_KEPT: usize = 20;
/// The most backups a session ever has (each is kept for at least one of
/// the three reasons, and each reason keeps at most its own number).
pub const BACKUPS_MAX: usize = BACKUPS_KEPT + WORKSHOP_STARTS_KEPT + WINDOWS_KEPT;

/// What the keep rule knows of one backup: when the version was written
/// (seconds since 1970, UTC; only to find its window) and the workshop it
/// belongs to (0 before the first; `None` when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VersionInfo {
    pub time: Option<i64>,
    pub workshop: Option<u32>,
}

/// Why a backup is kept; all false: it goes at the next save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeptFor {
    /// One of the newest [`BACKUPS_KEPT`].
    pub recent: bool,
    /// The first backup of this workshop.
    pub workshop_start: Option<u32>,
    /// The first backup in its ten-minute window.
    pub window: bool,
}

impl KeptFor {
    pub fn kept(&self) -> bool {
        self.recent || self.workshop_start.is_some() || self.window
    }
}

/// The keep rule (see the module documentation), a pure function:
/// `versions` in the program's order, oldest first; the answer has one
/// entry per version.
pub fn keep_rule(versions: &[VersionInfo]) -> Vec<KeptFor> {
    let n = versions.len();
    let mut out = vec![KeptFor::default(); n];
    for k in out.iter_mut().skip(n.saturating_sub(BACKUPS_KEPT)) {
        k.recent = true;
    }
    // the first version of each workshop, then of each window
    let mut starts: BTreeMap<u32, usize> = BTreeMap::new();
    let mut windows: BTreeMap<i64, usize> = BTreeMap::new();
    for (i, v) in versions.iter().enumerate() {
        if let Some(w) = v.workshop.filter(|&w| w >= 1) {
            starts.entry(w).or_insert(i);
        }
        if let Some(t) = v.time {
            windows.entry(t.div_euclid(WINDOW_SECONDS)).or_insert(i);
        }
    }
    // the newest by position, not by workshop number or clock
    let mut firsts: Vec<(usize, u32)> = starts.into_iter().map(|(w, i)| (i, w)).collect();
    firsts.sort_unstable_by(|a, b| b.cmp(a));
    for &(i, w) in firsts.iter().take(WORKSHOP_STARTS_KEPT) {
        out[i].workshop_start = Some(w);
    }
    let mut firsts: Vec<usize> = windows.into_values().collect();
    firsts.sort_unstable_by(|a, b| b.cmp(a));
    for &i in firsts.iter().take(WINDOWS_KEPT) {
        out[i].window = true;
    }
    out
}

/// The newest backup of a session file, if any.
pub fn newest_backup(path: &Path) -> Option<PathBuf> {
    backups_of(path).pop()
}

pub(super) fn backup_dir(path: &Path) -> PathBuf {
    sibling(path, "backups")
}

pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

mod names;
mod restore;
pub(super) use names::*;
pub use restore::*;

pub(super) struct Backup {
    pub(super) order: BackupOrder,
    pub(super) name: BackupName,
    pub(super) path: PathBuf,
    pub(super) meta: fs::Metadata,
}

impl Backup {
    /// What the keep rule knows of this backup: from its name; a numbered
    /// backup without the workshop in its name has the time of its file.
    fn info(&self) -> VersionInfo {
        match self.name.order {
            BackupOrder::Timed(_) => VersionInfo::default(),
            BackupOrder::Numbered(_) => VersionInfo {
                time: self.name.time.or_else(|| mtime(&self.meta)),
                workshop: self.name.workshop,
            },
        }
    }

    /// When this version was written, as far as is known.
    fn time(&self) -> Option<i64> {
        match &self.name.order {
            BackupOrder::Timed(t) => parse_name_time(&format!("{}Z", &t[..15])),
            BackupOrder::Numbered(_) => self.info().time,
        }
    }
}

fn mtime(m: &fs::Metadata) -> Option<i64> {
    let t = m.modified().ok()?;
    Timestamp::try_from(t).ok().map(|t| t.as_second())
}

/// The backups of a session file, oldest first: plain files only (a
/// symlink in `backups/`, or a symlinked `backups/`, is not ours).
pub(super) fn backups(path: &Path) -> Vec<Backup> {
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
            let name = parse_backup_name(&prefix, e.file_name().to_str()?)?;
            let path = e.path();
            let meta = fs::symlink_metadata(&path).ok().filter(|m| m.is_file())?;
            Some(Backup {
                order: name.order.clone(),
                name,
                path,
                meta,
            })
        })
        .collect();
    v.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.path.cmp(&b.path)));
    v
}

/// Backups of a session file, oldest first.
pub fn backups_of(path: &Path) -> Vec<PathBuf> {
    backups(path).into_iter().map(|b| b.path).collect()
}

/// Whether two files hold the same bytes (the same file: no reading).
pub(super) fn same_content(a: &Path, am: &fs::Metadata, b: &Path, bm: &fs::Metadata) -> bool {
    #[cfg(unix)]
    if am.dev() == bm.dev() && am.ino() == bm.ino() {
        return true;
    }
    if am.len() != bm.len() {
        return false;
    }
    match (read_guarded(a, SESSION_CAP), read_guarded(b, SESSION_CAP)) {
        (Ok((x, _)), Ok((y, _))) => x == y,
        _ => false,
    }
}

/// Whether two backups are one file (hard links to the same inode), read
/// from their metadata only: pruning never reads the backups.
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

/// The workshop a session file is in: the number of its last workshop (0
/// before the first). Reads only the top of the file, up to the points
/// (settings, parties and workshops come first), line by line as the
/// writer writes them (`[[workshops]]`, then `number = N`); `None` when
/// that part does not read so. Best effort: the number only decides which
/// backup counts as a workshop's start.
pub(super) fn workshop_in_file(path: &Path) -> Option<u32> {
    let (file, _) = open_guarded(path, SESSION_CAP).ok()?;
    let mut r = io::BufReader::with_capacity(64 * 1024, file.take(16 << 20));
    let mut line = String::new();
    let (mut in_workshop, mut last) = (false, 0u32);
    loop {
        line.clear();
        if r.read_line(&mut line).ok()? == 0 {
            break;
        }
        let t = line.trim();
        if t.starts_with('[') {
            if t.starts_with("[points") || t == "[[votes]]" || t == "[[overrides]]" {
                break;
            }
            in_workshop = t == "[[workshops]]";
        } else if in_workshop
            && let Some(v) = t.strip_prefix("number")
            && let Some(v) = v.trim_start().strip_prefix('=')
        {
            last = last.max(v.trim().parse().ok()?);
            in_workshop = false;
        }
    }
    Some(last)
}

/// Keep the current file as a backup and prune old ones (see
/// [`backup_current`]). Only a symlinked `backups/` stops the save; any
/// other failure is `Ok(Some(why))`: the save goes on and says so.
pub(super) fn keep_backup(path: &Path) -> Result<Option<StoreError>, StoreError> {
    match backup_current(path) {
        Err(e @ StoreError::Symlink { .. }) => Err(e),
        Err(e) => Ok(Some(e)),
        Ok(_) => Ok(None),
    }
}

/// Keep the current file as a backup (a hard link: no copy) and prune old
/// ones. Never makes a backup equal to the newest one (a save retried after
/// a failure), and removes copies of the same content before any older
/// version. Returns the backup that holds the current content (the new one,
/// or the newest when it was equal), `None` when there is no current file.
pub(super) fn backup_current(path: &Path) -> Result<Option<PathBuf>, StoreError> {
    let dir = private_subdir(&backup_dir(path))?;
    let cur = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    let mut all = backups(path);
    if let Some(newest) = all.last()
        && same_content(path, &cur, &newest.path, &newest.meta)
    {
        return Ok(Some(newest.path.clone()));
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
    let time = mtime(&cur).unwrap_or_else(|| Timestamp::now().as_second());
    let workshop = workshop_in_file(path).unwrap_or(0);
    let target = dir.join(format!(
        "{}.{:010}.b{workshop}.{}.toml",
        stem(path),
        last + 1,
        name_time(time)
    ));
    if let Err(link_err) = fs::hard_link(path, &target) {
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        opts.mode(0o600);
        // (a name that is taken is never removed: it is not ours)
        let mut t = opts.open(&target).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => StoreError::io(&target, link_err),
            _ => StoreError::io(&target, e),
        })?;
        let copied = open_guarded(path, SESSION_CAP)
            .map_err(|e| io::Error::other(e.to_string()))
            .and_then(|(mut f, _)| io::copy(&mut f, &mut t))
            .and_then(|_| t.sync_all());
        if let Err(e) = copied {
            drop(t);
            let _ = fs::remove_file(&target);
            return Err(StoreError::io(&target, e));
        }
    }
    // private, whatever the mode of the file it was (the same file, about
    // to be replaced)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
    }
    prune(path);
    Ok(Some(target))
}

/// Give the numbered backups the numbers 1, 2, … in their order.
pub(super) fn renumber(path: &Path, all: &mut [Backup]) -> u64 {
    let mut n = 0;
    for b in all.iter_mut() {
        if let BackupOrder::Numbered(_) = b.order {
            n += 1;
            let to = b
                .path
                .with_file_name(format!("{}.{n:010}{}.toml", stem(path), b.name.tail));
            if fs::symlink_metadata(&to).is_err() || to == b.path {
                let _ = fs::rename(&b.path, &to);
            }
        }
    }
    n
}

/// Keep what [`keep_rule`] keeps. First, while there are more than
/// [`BACKUPS_KEPT`], older names of a file that a newer backup also is
/// (links left by retried saves of old versions) go; then every backup the
/// rule does not keep. The newest is always kept.
pub(super) fn prune(path: &Path) {
    let mut all = backups(path);
    if all.len() <= BACKUPS_KEPT {
        return;
    }
    let mut i = all.len() - 1;
    while i > 0 && all.len() > BACKUPS_KEPT {
        i -= 1;
        // the same file under two names (links made by retried saves); a
        // version that came back later (A, B, A) is history and stays
        let dup = all[i + 1..]
            .iter()
            .any(|n| same_file(&all[i].meta, &n.meta));
        if dup && fs::remove_file(&all[i].path).is_ok() {
            all.remove(i);
        }
    }
    let infos: Vec<VersionInfo> = all.iter().map(Backup::info).collect();
    for (b, k) in all.iter().zip(keep_rule(&infos)) {
        if !k.kept() {
            let _ = fs::remove_file(&b.path);
        }
    }
}
