//! The one guarded way to read a file of the store (a session file, a
//! backup, and later the journal next to it): regular files only, opened
//! without following a link and without blocking (a FIFO put in place of
//! the session answers at once), checked with `fstat` on the handle (not
//! the path, which may change in between), and read only up to a cap: a
//! link to `/dev/zero` or a file of gigabytes is refused before it is read.
//! What is read is then looked over by [`super::prescan`] before the TOML
//! parser builds anything from it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::StoreError;

/// The largest session file that is read: 64 MiB. A demo of 100 workshops
/// (the most the generator makes, ten years of ten workshops, with 12,945
/// notes) is 2.6 MB; this leaves room for 25 of them.
pub const SESSION_CAP: u64 = 64 << 20;

/// Open a file for reading as [`read_guarded`] does, without reading it:
/// the handle and its metadata (from the handle). A symlink is
/// [`StoreError::Symlink`], anything that is not a regular file
/// [`StoreError::NotRegular`], a file larger than `cap`
/// [`StoreError::TooLarge`].
pub fn open_guarded(path: &Path, cap: u64) -> Result<(File, fs::Metadata), StoreError> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut opts,
        libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC,
    );
    // FILE_FLAG_OPEN_REPARSE_POINT: the link itself, not what it points to
    #[cfg(windows)]
    std::os::windows::fs::OpenOptionsExt::custom_flags(&mut opts, 0x0020_0000);
    let file = opts.open(path).map_err(|e| {
        // O_NOFOLLOW on a link: ELOOP
        match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => StoreError::Symlink {
                path: path.to_path_buf(),
            },
            _ => StoreError::io(path, e),
        }
    })?;
    let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
    if meta.file_type().is_symlink() {
        return Err(StoreError::Symlink {
            path: path.to_path_buf(),
        });
    }
    if !meta.is_file() {
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > cap {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            cap,
        });
    }
    Ok((file, meta))
}

/// Read a whole file of the store, guarded (see the module documentation):
/// its bytes and its metadata as they were when it was opened. At most
/// `cap + 1` bytes are read, so a file that grows while it is read is
/// refused too.
pub fn read_guarded(path: &Path, cap: u64) -> Result<(Vec<u8>, fs::Metadata), StoreError> {
    let (file, meta) = open_guarded(path, cap)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.len() as u64 > cap {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok((bytes, meta))
}

/// Bytes as text; invalid UTF-8 is [`StoreError::Corrupt`] at its place.
pub fn utf8_text(
    bytes: Vec<u8>,
    path: &Path,
    backup: impl FnOnce() -> Option<std::path::PathBuf>,
) -> Result<String, StoreError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes());
        let (line, column) = crate::textpos::line_col(&lossy, offset);
        StoreError::Corrupt {
            path: path.to_path_buf(),
            line,
            column,
            message: "invalid UTF-8".into(),
            backup: backup(),
        }
    })
}

/// A [`read_guarded`] that keeps [`io::ErrorKind::NotFound`] apart: `None`
/// when there is no file.
pub fn read_guarded_if_there(path: &Path, cap: u64) -> Result<Option<Vec<u8>>, StoreError> {
    match read_guarded(path, cap) {
        Ok((b, _)) => Ok(Some(b)),
        Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn fifos_devices_links_and_big_files_are_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.toml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_guarded(&fifo, 10),
            Err(StoreError::NotRegular { .. })
        ));
        let zero = dir.path().join("z.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_guarded(&zero, 10),
            Err(StoreError::Symlink { .. })
        ));
        assert!(matches!(
            read_guarded(Path::new("/dev/zero"), 10),
            Err(StoreError::NotRegular { .. })
        ));
        let big = dir.path().join("b.toml");
        fs::write(&big, [b'x'; 11]).unwrap();
        assert!(matches!(
            read_guarded(&big, 10),
            Err(StoreError::TooLarge {
                size: 11,
                cap: 10,
                ..
            })
        ));
        assert_eq!(read_guarded(&big, 11).unwrap().0.len(), 11);
        assert_eq!(
            read_guarded_if_there(&dir.path().join("none"), 1).unwrap(),
            None
        );
    }
}
