//! Whether backups can be made next to a session: a save that could not
//! make one says so (see [`super::Saved`]), and `wijktafel backups` looks
//! (without writing anything) whether one could be made now.

use std::path::Path;

use super::*;
use crate::i18n::{Lang, fill};

/// Why no backup could be made next to this session file now, looked at
/// without writing: `backups/` is something other than a folder, cannot
/// be written in, or its disk is full. `None`: nothing stands in the way
/// that can be seen from outside.
pub fn backups_blocked(path: &Path) -> Option<StoreError> {
    let dir = backup_dir(path);
    match fs::symlink_metadata(&dir) {
        Ok(m) if m.file_type().is_symlink() => Some(StoreError::Symlink { path: dir }),
        Ok(m) if !m.is_dir() => Some(StoreError::NotADir { path: dir }),
        Ok(_) => os::blocked(&dir),
        // made by the next save, in the session's folder
        Err(_) => os::blocked(&sibling(path, ".")),
    }
}

/// What `wijktafel backups` says when [`backups_blocked`] finds a reason.
pub fn backups_blocked_note(path: &Path, lang: Lang) -> Option<String> {
    let why = backup_failure_text(&backups_blocked(path)?, lang);
    Some(fill(lang.strings().bk_blocked, &[&why]))
}

/// Why a backup failed or would fail, in a few words for the facilitator.
pub fn backup_failure_text(e: &StoreError, lang: Lang) -> String {
    match e {
        StoreError::NotADir { path } => {
            fill(lang.strings().bk_not_a_dir, &[&path.display().to_string()])
        }
        e => e.message(lang),
    }
}

#[cfg(unix)]
mod os {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    /// A folder that cannot be written in, or a full disk.
    pub(super) fn blocked(dir: &Path) -> Option<StoreError> {
        let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
        // SAFETY: a valid C string; access and statvfs only read it, and
        // statvfs fills the struct it is given.
        unsafe {
            if libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) != 0 {
                return Some(StoreError::io(dir, io::Error::last_os_error()));
            }
            let mut st: libc::statvfs = std::mem::zeroed();
            if libc::statvfs(c.as_ptr(), &mut st) == 0 {
                let root = libc::geteuid() == 0;
                if st.f_bfree == 0 || (st.f_bavail == 0 && !root) {
                    return Some(StoreError::io(
                        dir,
                        io::Error::from_raw_os_error(libc::ENOSPC),
                    ));
                }
            }
        }
        None
    }
}

#[cfg(not(unix))]
mod os {
    use super::*;

    /// A read-only folder.
    pub(super) fn blocked(dir: &Path) -> Option<StoreError> {
        let m = fs::metadata(dir).ok()?;
        m.permissions()
            .readonly()
            .then(|| StoreError::io(dir, io::Error::from(io::ErrorKind::PermissionDenied)))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_plain_file_in_place_of_backups_is_seen_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.toml");
        fs::write(&session, "x").unwrap();
        assert!(backups_blocked(&session).is_none());
        fs::write(dir.path().join("backups"), "geen map").unwrap();
        let e = backups_blocked(&session).unwrap();
        assert!(matches!(e, StoreError::NotADir { .. }), "{e:?}");
        let text = backup_failure_text(&e, Lang::Nl);
        assert!(
            text.contains("backups") && text.contains("geen map"),
            "{text}"
        );
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "nothing written");
    }
}
