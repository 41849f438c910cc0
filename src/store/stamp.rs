//! What a session file held when it was loaded or last saved, so that a
//! save never overwrites a file another program changed meanwhile.

use std::fs;
use std::io;
use std::path::Path;

use crate::session::Session;

use super::*;

/// What a session file held when it was loaded or last saved: a save with
/// [`save_checked`] refuses to write when the file no longer matches.
///
/// Equal stamps have the same length and content hash. The file's own
/// metadata (modification time, and inode on Unix) is kept beside them: while
/// it is unchanged the file is not read again, so a save costs no extra read.
#[derive(Debug, Clone, Copy)]
pub struct FileStamp {
    pub len: u64,
    pub hash: u64,
    seen: Option<Seen>,
}

/// The metadata of the file as last written or read by us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seen {
    modified: std::time::SystemTime,
    /// inode and status-change time: a replaced file, or a modification
    /// time set back by hand, still shows
    #[cfg(unix)]
    ino: u64,
    #[cfg(unix)]
    ctime: (i64, i64),
}

impl Seen {
    fn of(m: &fs::Metadata) -> Option<Seen> {
        Some(Seen {
            modified: m.modified().ok()?,
            #[cfg(unix)]
            ino: std::os::unix::fs::MetadataExt::ino(m),
            #[cfg(unix)]
            ctime: (
                std::os::unix::fs::MetadataExt::ctime(m),
                std::os::unix::fs::MetadataExt::ctime_nsec(m),
            ),
        })
    }
}

impl PartialEq for FileStamp {
    fn eq(&self, other: &FileStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Eq for FileStamp {}

/// A fast 64-bit hash of a file's bytes, eight at a time (not for names:
/// see [`slug`] for a hash that is stable in file names).
fn content_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8]) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            hash: content_hash(bytes),
            seen: None,
        }
    }

    /// The stamp of the file as it is now; `None` when there is no file.
    /// Read guarded: a file that is no longer a regular file within
    /// [`SESSION_CAP`] is an error (and so never taken as unchanged).
    pub fn read(path: &Path) -> Result<Option<FileStamp>, StoreError> {
        Ok(read_guarded_if_there(path, SESSION_CAP)?.map(|b| FileStamp::of_bytes(&b)))
    }

    /// Remember the file's metadata as it is now (after we wrote or read it).
    pub fn seen_at(mut self, path: &Path) -> FileStamp {
        self.seen = fs::metadata(path).ok().and_then(|m| Seen::of(&m));
        self
    }

    /// Whether the file at `path` still holds what this stamp describes
    /// (a missing file counts as unchanged: writing it overwrites nothing).
    pub(crate) fn still_matches(&self, path: &Path) -> Result<bool, StoreError> {
        match fs::metadata(path) {
            Ok(m) if m.len() != self.len => return Ok(false),
            // untouched since we wrote or read it: no need to read it again
            Ok(m) if self.seen.is_some() && Seen::of(&m) == self.seen => return Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
            _ => {}
        }
        Ok(FileStamp::read(path)?.is_none_or(|now| now == *self))
    }
}

/// [`load`], with the stamp of exactly the bytes that were parsed. The
/// file is read guarded ([`read_guarded`], at most [`SESSION_CAP`]).
pub fn load_stamped(path: &Path) -> Result<(Session, FileStamp), StoreError> {
    // the metadata (of the handle) before the bytes: a change while
    // reading shows as a change
    let (bytes, meta) = read_guarded(path, SESSION_CAP)?;
    let stamp = FileStamp {
        seen: Seen::of(&meta),
        ..FileStamp::of_bytes(&bytes)
    };
    let text = utf8_text(bytes, path, || newest_backup(path))?;
    parse(&text, path).map(|s| (s, stamp))
}
