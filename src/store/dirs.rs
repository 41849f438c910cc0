//! Folders of the store: made 0700 when wijktafel makes them, never
//! changed when they exist, and never followed when they are symlinks.

use std::fs;
#[cfg(unix)]
use std::fs::OpenOptions;
use std::io;
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::*;

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
pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg_attr(not(unix), allow(unused_mut))] // the mode is set on Unix only
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
pub(super) fn shared_dir_mode(dir: &Path) -> Option<u32> {
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
pub(super) fn private_subdir(dir: &Path) -> Result<PathBuf, StoreError> {
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
pub(super) fn sibling(path: &Path, name: &str) -> PathBuf {
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
