//! Backups of a session file: numbered in the order the program made them,
//! never two of the same content, the last [`BACKUPS_KEPT`] kept.

use std::fs::{self, File, OpenOptions};
use std::io;
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::*;

/// How many replaced versions are kept per session in `backups/`.
pub const BACKUPS_KEPT: usize = 10;

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

/// Where a backup stands in the order wijktafel made them. Backups are named
/// `<stem>.<sequence>.toml` with a number the program increments; the
/// clock plays no part. Backups of older versions of wijktafel were named
/// by the time (`<stem>.20261127T101010.123Z.toml`): they are all older
/// than any numbered one, and ordered by name among themselves.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum BackupOrder {
    Timed(String),
    Numbered(u64),
}

/// Numbers stay below this; beyond it the backups are renumbered 1, 2, ….
pub(super) const MAX_SEQ: u64 = 999_999_999_999_999_999;

pub(super) fn backup_order(prefix: &str, name: &str) -> Option<BackupOrder> {
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

pub(super) struct Backup {
    pub(super) order: BackupOrder,
    pub(super) path: PathBuf,
    pub(super) meta: fs::Metadata,
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
pub(super) fn same_content(a: &Path, am: &fs::Metadata, b: &Path, bm: &fs::Metadata) -> bool {
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

/// Keep the current file as a backup (a hard link: no copy) and prune old
/// ones. Never makes a backup equal to the newest one (a save retried after
/// a failure), and removes copies of the same content before any older
/// version. Best effort: only a symlinked `backups/` stops the save.
pub(super) fn keep_backup(path: &Path) -> Result<(), StoreError> {
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
pub(super) fn renumber(path: &Path, all: &mut [Backup]) -> u64 {
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
    let excess = all.len().saturating_sub(BACKUPS_KEPT);
    for old in &all[..excess] {
        let _ = fs::remove_file(&old.path);
    }
}
