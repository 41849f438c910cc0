//! Writing files: durable atomic saves checked against changes by others,
//! new files that never replace one, and exports that write one file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::session::Session;

use super::*;

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
) -> Result<Saved, StoreError> {
    if !stamp.still_matches(path)? {
        return Err(StoreError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    let text = writer.write(session);
    let new = FileStamp::of_bytes(text.as_bytes());
    match save_text_noting(path, &text) {
        Ok(saved) => {
            *stamp = new.seen_at(path);
            Ok(saved)
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

/// What a save did besides writing the file.
#[derive(Debug, Default)]
pub struct Saved {
    /// The version the save replaced could not be kept as a backup: why.
    pub backup_failed: Option<StoreError>,
}

/// Save already serialized text (see [`save`]). A symlinked session file
/// or `backups/` folder is refused, never followed.
pub fn save_text(path: &Path, text: &str) -> Result<(), StoreError> {
    save_text_noting(path, text).map(|_| ())
}

/// [`save_text`], saying whether the backup of the replaced version failed.
pub fn save_text_noting(path: &Path, text: &str) -> Result<Saved, StoreError> {
    let mut saved = Saved::default();
    if refuse_symlink(path)?.is_some() {
        saved.backup_failed = keep_backup(path)?;
    }
    #[cfg_attr(not(unix), allow(unused_mut))] // the mode is set on Unix only
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
    file.commit().map_err(|e| StoreError::io(path, e))?;
    lock_registry::moved(moving);
    Ok(saved)
}

/// Write a file that must not exist yet (`demo --out`, a new session):
/// complete in a temp file, then linked into place, which fails rather than
/// replace anything that appeared there (0600 on unix).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    // a session there is named as one (read whole, within the cap)
    let exists = || match is_session_file(path) {
        true => StoreError::IsSession {
            path: path.to_path_buf(),
        },
        false => StoreError::OutputExists {
            path: path.to_path_buf(),
        },
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

pub(super) fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(sibling(path, ".")) {
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
        _ if is_windows_device(path) => true,
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
        && is_session_file(path)
    {
        return Err(StoreError::IsSession {
            path: path.to_path_buf(),
        });
    }
    #[cfg_attr(not(unix), allow(unused_mut))] // the mode is set on Unix only
    let mut opts = atomic_write_file::OpenOptions::new();
    #[cfg(unix)]
    opts.mode(0o600);
    let mut file = opts.open(path).map_err(io_err)?;
    file.write_all(bytes).map_err(io_err)?;
    file.commit().map_err(io_err)
}

/// A Windows device (`NUL`, `CON`, `COM1`, … or `\\.\…`): written through,
/// as `/dev/…` on Unix. A device cannot be replaced by a rename.
fn is_windows_device(path: &Path) -> bool {
    if !cfg!(windows) {
        return false;
    }
    let whole = path.as_os_str().to_string_lossy();
    if whole.starts_with(r"\\.\") {
        return true;
    }
    let Some(name) = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_uppercase())
    else {
        return false;
    };
    let name = name.trim_end_matches(':');
    matches!(name, "NUL" | "CON" | "PRN" | "AUX" | "CONIN$" | "CONOUT$")
        || ((name.starts_with("COM") || name.starts_with("LPT"))
            && name.len() == 4
            && name.as_bytes()[3].is_ascii_digit()
            && name.as_bytes()[3] != b'0')
}

/// Whether a file is a wijktafel session file: it loads as one, or says
/// it is one (the writer's first comment, or a `format_version` before the
/// first table, however long the comments above it: a damaged or newer
/// session is a session too). Read guarded and whole, up to
/// [`SESSION_CAP`]; a file that cannot be read so (a FIFO, a device,
/// larger than the cap) is not one wijktafel could open.
pub fn is_session_file(path: &Path) -> bool {
    let Ok((bytes, _)) = read_guarded(path, SESSION_CAP) else {
        return false;
    };
    let text = String::from_utf8_lossy(&bytes);
    text.starts_with("# wijktafel session file")
        || declared_version(&text).is_some()
        || parse(&text, path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `export -o NUL` on Windows is written through, like `-o /dev/null`,
    /// and leaves no temp file (it used to fail, "Bad device type", and leave
    /// `.NUL.xxxxxx` behind). Runs under wine in CI.
    #[cfg(windows)]
    #[test]
    fn an_export_to_a_windows_device_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let before: Vec<_> = fs::read_dir(".")
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        write_export(Path::new("NUL"), b"verslag").unwrap();
        write_export(&dir.path().join("nul"), b"verslag").unwrap();
        let after: Vec<_> = fs::read_dir(".")
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(before, after, "nothing made in the current folder");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        for name in ["NUL", "con", "COM1", "lpt9", "CONOUT$", r"\\.\NUL"] {
            assert!(is_windows_device(Path::new(name)), "{name}");
        }
        for name in ["NULL", "COM0", "COM10", "verslag.md", "nul.md"] {
            assert!(!is_windows_device(Path::new(name)), "{name}");
        }
    }

    #[cfg(not(windows))]
    #[test]
    fn windows_device_names_are_plain_names_elsewhere() {
        assert!(!is_windows_device(Path::new("NUL")));
    }
}
