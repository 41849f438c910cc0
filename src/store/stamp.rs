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
    hash: StreamHash,
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
        self.len == other.len && self.hash.finish(self.len) == other.hash.finish(other.len)
    }
}

impl Eq for FileStamp {}

/// A fast 64-bit hash of a file's bytes, eight at a time (not for names:
/// see [`slug`] for a hash that is stable in file names). It can go on
/// where it stopped: an append to the file extends the hash of what was
/// there ([`FileStamp::appended`]) without reading the file again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StreamHash {
    h: u64,
    /// Bytes not yet folded in (fewer than eight), little-endian.
    pending: u64,
    n: u8,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

impl StreamHash {
    const START: StreamHash = StreamHash {
        h: 0,
        pending: 0,
        n: 0,
    };

    fn feed(mut self, mut bytes: &[u8]) -> StreamHash {
        while self.n != 0 && !bytes.is_empty() {
            self.push_byte(bytes[0]);
            bytes = &bytes[1..];
        }
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.h = (self.h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.push_byte(b);
        }
        self
    }

    fn push_byte(&mut self, b: u8) {
        self.pending |= u64::from(b) << (8 * self.n);
        self.n += 1;
        if self.n == 8 {
            self.h = (self.h.rotate_left(5) ^ self.pending).wrapping_mul(K);
            self.pending = 0;
            self.n = 0;
        }
    }

    fn finish(&self, len: u64) -> u64 {
        (self.h ^ len ^ self.pending.rotate_left(17) ^ u64::from(self.n)).wrapping_mul(K)
    }
}

impl FileStamp {
    pub fn of_bytes(bytes: &[u8]) -> FileStamp {
        FileStamp {
            len: bytes.len() as u64,
            hash: StreamHash::START.feed(bytes),
            seen: None,
        }
    }

    /// The stamp of the file after `bytes` were appended to it (its
    /// metadata is to be taken anew with [`FileStamp::seen_at`]).
    pub fn appended(&self, bytes: &[u8]) -> FileStamp {
        FileStamp {
            len: self.len + bytes.len() as u64,
            hash: self.hash.feed(bytes),
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
    let (text, stamp) = read_stamped(path)?;
    parse(&text, path).map(|s| (s, stamp))
}

/// A session file read by the facilitator's window, which may write it.
#[derive(Debug)]
pub struct Loaded {
    pub session: Session,
    pub stamp: FileStamp,
    /// A last event that a crash cut short, left out of `session`: the
    /// file is to be written anew (the backup keeps the torn line).
    pub torn: Option<Torn>,
    /// The format the file was written in (older: written anew as a journal).
    pub version: u32,
}

/// [`load_stamped`], telling also what the facilitator's window must repair.
pub fn load_for_writing(path: &Path) -> Result<Loaded, StoreError> {
    load_read(path, Scan::First)
}

/// [`load_for_writing`] for the facilitator's window, its first frame
/// waiting: the pre-scan beside the reader ([`Scan::Beside`]).
pub fn load_for_window(path: &Path) -> Result<Loaded, StoreError> {
    load_read(path, Scan::Beside)
}

fn load_read(path: &Path, scan: Scan) -> Result<Loaded, StoreError> {
    let (text, stamp) = read_stamped(path)?;
    let version = declared_version(&text).unwrap_or(1);
    let (session, torn) = parse_journaled_as(&text, path, scan)?;
    Ok(Loaded {
        session,
        stamp,
        torn,
        version,
    })
}

/// The text of a session file, read guarded, with its stamp.
fn read_stamped(path: &Path) -> Result<(String, FileStamp), StoreError> {
    // the metadata (of the handle) before the bytes: a change while
    // reading shows as a change
    let (bytes, meta) = read_guarded(path, SESSION_CAP)?;
    let stamp = FileStamp {
        seen: Seen::of(&meta),
        ..FileStamp::of_bytes(&bytes)
    };
    // a crash in the middle of a character of the last appended line: that
    // line is torn (its checksum fails), the rest stands
    if let Err(e) = std::str::from_utf8(&bytes)
        && !bytes[e.valid_up_to()..].contains(&b'\n')
        && journal_start(&String::from_utf8_lossy(&bytes[..e.valid_up_to()])) < e.valid_up_to()
    {
        return Ok((String::from_utf8_lossy(&bytes).into_owned(), stamp));
    }
    let text = utf8_text(bytes, path, || newest_backup(path))?;
    Ok((text, stamp))
}
