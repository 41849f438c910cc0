//! The backups as `wijktafel backups` lists them, and `restore`: one put
//! back, the version it replaces kept first.

use super::*;

/// One backup as `wijktafel backups` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupEntry {
    /// Its place in the list: 1 is the newest.
    pub number: usize,
    pub path: PathBuf,
    /// When this version was written, as far as is known.
    pub time: Option<Timestamp>,
    /// The workshop its name records (0: before the first; `None`: an older
    /// backup that does not say).
    pub workshop: Option<u32>,
    pub kept_for: KeptFor,
    pub size: u64,
}

/// The backups of a session file, newest first, numbered from 1. Reads the
/// `backups/` folder only: no file is opened, nothing is written, no lock
/// is taken. A symlinked `backups/` is refused.
pub fn list_backups(path: &Path) -> Result<Vec<BackupEntry>, StoreError> {
    refuse_symlink(&backup_dir(path))?;
    let all = backups(path);
    let infos: Vec<VersionInfo> = all.iter().map(Backup::info).collect();
    let kept = keep_rule(&infos);
    let n = all.len();
    Ok(all
        .iter()
        .zip(kept)
        .enumerate()
        .rev()
        .map(|(i, (b, kept_for))| BackupEntry {
            number: n - i,
            path: b.path.clone(),
            time: b.time().and_then(|t| Timestamp::from_second(t).ok()),
            workshop: b.info().workshop,
            kept_for,
            size: b.meta.len(),
        })
        .collect())
}

/// Why a restore did not happen. Nothing was written in any of these cases.
#[derive(Debug)]
pub enum RestoreError {
    /// The session is open elsewhere, a symlink, unreadable, …
    Store(StoreError),
    /// There is no backup with this number; `count` backups exist.
    NoSuchBackup { number: usize, count: usize },
    /// The backup does not load (damaged, or from a newer format).
    BadBackup { number: usize, error: StoreError },
    /// The current file could not be kept as a backup first.
    KeepFailed(StoreError),
}

impl From<StoreError> for RestoreError {
    fn from(e: StoreError) -> Self {
        RestoreError::Store(e)
    }
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The backup whose content the session file now holds (as listed before).
    pub from: BackupEntry,
    /// The backup that holds the version the restore replaced (as listed
    /// now): restoring it undoes the restore.
    pub previous: Option<BackupEntry>,
    /// The session file already held exactly this content: nothing written.
    pub unchanged: bool,
    /// A new backup was made of the replaced version, so the numbers of the
    /// others changed (the newest is 1).
    pub renumbered: bool,
}

/// Restore backup `number` (as [`list_backups`] numbers them) into the
/// session file: refused while the session is open (the lock names the
/// holder); the backup must load as a session of a format this version
/// knows; the current file is first kept as a backup (so the restore can be
/// undone), then replaced atomically (0600). A symlinked session file,
/// `backups/` or backup is refused, never followed.
pub fn restore_backup(path: &Path, number: usize) -> Result<Restored, RestoreError> {
    let lock_path = SessionLock::path_for(path);
    let lock_existed = fs::symlink_metadata(&lock_path).is_ok();
    let lock = SessionLock::acquire(path)?;
    let r = restore_locked(path, number);
    if !lock_existed {
        let _ = fs::remove_file(lock.path());
    }
    drop(lock);
    r
}

fn restore_locked(path: &Path, number: usize) -> Result<Restored, RestoreError> {
    let list = list_backups(path)?;
    let Some(from) = number.checked_sub(1).and_then(|i| list.get(i)).cloned() else {
        return Err(RestoreError::NoSuchBackup {
            number,
            count: list.len(),
        });
    };
    let bad = |error| RestoreError::BadBackup { number, error };
    let (bytes, _) = read_guarded(&from.path, SESSION_CAP).map_err(|e| match e {
        e @ (StoreError::Symlink { .. } | StoreError::Io { .. }) => RestoreError::Store(e),
        e => bad(e),
    })?;
    let text = utf8_text(bytes, &from.path, || None).map_err(bad)?;
    parse(&text, &from.path).map_err(bad)?;
    let current = read_guarded_if_there(path, SESSION_CAP)?;
    if current.as_deref() == Some(text.as_bytes()) {
        return Ok(Restored {
            from,
            previous: None,
            unchanged: true,
            renumbered: false,
        });
    }
    let kept = backup_current(path).map_err(RestoreError::KeepFailed)?;
    if let Some(k) = &kept {
        sync_dir(k);
    }
    save_text(path, &text)?;
    let renumbered = kept
        .as_ref()
        .is_some_and(|k| !list.iter().any(|e| &e.path == k));
    let previous = kept.and_then(|k| list_backups(path).ok()?.into_iter().find(|e| e.path == k));
    Ok(Restored {
        from,
        previous,
        unchanged: false,
        renumbered,
    })
}
