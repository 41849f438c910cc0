//! The lock of an open session: the session file itself (Unix) and
//! `<file>.lock`, which names the holder; a second opener is refused.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::*;

/// Held while a session is open; dropping it releases the lock.
///
/// Two locks are taken: an OS lock on `<file>.lock`, which also names the
/// holder, and (on unix) an OS lock on the session file itself, which a
/// deleted `.lock` cannot bypass. A save replaces the session file by a
/// rename; the new file is locked before the rename (see `lock_registry`),
/// so the lock never lapses. A session opened through a symlink, or with a
/// second name (hard link), is refused: each name would have its own lock.
/// (On Windows only the `.lock` file is locked: a locked file there cannot
/// be read by `list` or `export` while the session is open. And there only
/// one byte far past its end is locked, so that the holder's details stay
/// readable: see [`try_lock_file`].)
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
    #[cfg(unix)]
    held: Option<u64>,
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // a clean exit leaves no lock file naming a process that is gone;
        // only our own (the name may have been replaced meanwhile), and
        // while it is still locked. On Unix the session file itself stays
        // locked until below, so nobody gets in between; on Windows an
        // open file cannot be removed and the lock file stays.
        #[cfg(unix)]
        {
            let ours = self._file.metadata().ok();
            let there = fs::symlink_metadata(&self.path).ok();
            if let (Some(a), Some(b)) = (ours, there)
                && a.dev() == b.dev()
                && a.ino() == b.ino()
            {
                let _ = fs::remove_file(&self.path);
            }
        }
        #[cfg(unix)]
        if let Some(id) = self.held {
            lock_registry::release(id);
        }
    }
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
    /// A refused lock leaves no lock file behind that was not there.
    pub fn acquire(session: &Path) -> Result<SessionLock, StoreError> {
        let path = Self::path_for(session);
        let existed = fs::symlink_metadata(&path).is_ok();
        let r = Self::take(session);
        if r.is_err() && !existed {
            remove_if_unused(&path);
        }
        r
    }

    fn take(session: &Path) -> Result<SessionLock, StoreError> {
        let meta = refuse_symlink(session)?;
        // a FIFO or a device in place of the session: never opened
        if meta.as_ref().is_some_and(|m| !m.is_file()) {
            return Err(StoreError::NotRegular {
                path: session.to_path_buf(),
            });
        }
        #[cfg(unix)]
        if let Some(m) = &meta {
            let ours = backups(session)
                .iter()
                .filter(|b| b.meta.dev() == m.dev() && b.meta.ino() == m.ino())
                .count() as u64;
            let others = m.nlink().saturating_sub(1 + ours);
            if others > 0 {
                return Err(StoreError::HardLinked {
                    path: session.to_path_buf(),
                    links: others,
                });
            }
        }
        #[cfg(not(unix))]
        let _ = &meta;
        let path = Self::path_for(session);
        let mut opts = OpenOptions::new();
        opts.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        let mut file = opts.open(&path).map_err(|e| {
            if refuse_symlink(&path).is_err() {
                StoreError::Symlink { path: path.clone() }
            } else {
                StoreError::io(&path, e)
            }
        })?;
        let lmeta = file.metadata().map_err(|e| StoreError::io(&path, e))?;
        if !lmeta.is_file() {
            return Err(StoreError::io(
                &path,
                io::Error::other("not a regular file"),
            ));
        }
        #[cfg(unix)]
        if lmeta.nlink() > 1 {
            return Err(StoreError::HardLinked {
                path,
                links: lmeta.nlink() - 1,
            });
        }
        let locked = |file: &mut File| {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            StoreError::Locked {
                path: session.to_path_buf(),
                holder: if holder.trim().is_empty() {
                    String::new()
                } else {
                    describe_holder(&holder)
                },
            }
        };
        match try_lock_file(&file) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(locked(&mut file)),
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(&path, e)),
        }
        #[cfg(unix)]
        let held = match meta {
            Some(_) => Some(lock_registry::lock_session(session).map_err(|e| match e {
                None => locked(&mut file),
                Some(e) => StoreError::io(session, e),
            })?),
            None => None,
        };
        let info = Self::holder_info();
        let lock = SessionLock {
            _file: file,
            path,
            #[cfg(unix)]
            held,
        };
        let (mut file, path) = (&lock._file, &lock.path);
        file.set_len(0).map_err(|e| StoreError::io(path, e))?;
        use std::io::Seek;
        file.seek(io::SeekFrom::Start(0))
            .map_err(|e| StoreError::io(path, e))?;
        file.write_all(info.as_bytes())
            .map_err(|e| StoreError::io(path, e))?;
        #[cfg(unix)]
        let _ = file.set_permissions(fs::Permissions::from_mode(0o600));
        remove_stale_temps(session);
        Ok(lock)
    }

    /// What the lock file says of its holder: process, user, host, since.
    fn holder_info() -> String {
        format!(
            "pid = {}\nuser = \"{}\"\nhost = \"{}\"\nsince = \"{}\"\n",
            std::process::id(),
            // USER on Unix, USERNAME on Windows
            clean_line(
                &std::env::var("USER")
                    .or_else(|_| std::env::var("USERNAME"))
                    .unwrap_or_else(|_| "?".into())
            ),
            clean_line(&hostname()),
            Timestamp::now()
        )
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The OS locks this process holds on session files themselves (unix).
/// A save that replaces a locked session file locks the new file (a
/// duplicate handle of the temp file) before the rename, and drops the
/// lock on the old one after it.
#[cfg(unix)]
pub(super) mod lock_registry {
    use super::*;
    use std::sync::Mutex;

    struct Held {
        id: u64,
        dev: u64,
        ino: u64,
        file: File,
    }

    static HELD: Mutex<Vec<Held>> = Mutex::new(Vec::new());
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

    fn held() -> std::sync::MutexGuard<'static, Vec<Held>> {
        HELD.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lock the session file; `Err(None)`: another process holds it.
    pub(in crate::store) fn lock_session(session: &Path) -> Result<u64, Option<io::Error>> {
        let file = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(session)
            .map_err(Some)?;
        match try_lock_file(&file) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(None),
            Err(fs::TryLockError::Error(e)) => return Err(Some(e)),
        }
        let m = file.metadata().map_err(Some)?;
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        held().push(Held {
            id,
            dev: m.dev(),
            ino: m.ino(),
            file,
        });
        Ok(id)
    }

    pub(in crate::store) fn release(id: u64) {
        held().retain(|h| h.id != id);
    }

    /// Before the rename of a save: if this process locks the file at
    /// `path`, lock the new file too. Returns what [`moved`] needs.
    pub(in crate::store) fn prepare(path: &Path, new: &File) -> Option<(u64, File)> {
        let m = fs::symlink_metadata(path).ok()?;
        let id = held()
            .iter()
            .find(|h| h.dev == m.dev() && h.ino == m.ino())?
            .id;
        let keeper = new.try_clone().ok()?;
        keeper.try_lock().ok()?;
        Some((id, keeper))
    }

    /// After the rename: the lock now lives on the new file.
    pub(in crate::store) fn moved(moving: Option<(u64, File)>) {
        let Some((id, keeper)) = moving else { return };
        let Ok(m) = keeper.metadata() else { return };
        if let Some(h) = held().iter_mut().find(|h| h.id == id) {
            h.dev = m.dev();
            h.ino = m.ino();
            h.file = keeper; // the old file's lock is released here
        }
    }
}

#[cfg(not(unix))]
pub(super) mod lock_registry {
    use super::*;
    pub(in crate::store) fn prepare(_: &Path, _: &File) -> Option<()> {
        None
    }
    pub(in crate::store) fn moved(_: Option<()>) {}
}

/// Remove a lock file that an attempt to lock just made, when nobody
/// holds it and it names nobody (a refused command leaves nothing behind).
fn remove_if_unused(path: &Path) {
    let mut opts = OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    opts.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    let Ok(f) = opts.open(path) else { return };
    let unused = f.metadata().is_ok_and(|m| m.is_file() && m.len() == 0);
    if unused && try_lock_file(&f).is_ok() {
        let _ = fs::remove_file(path);
    }
}

/// Remove temp files of saves that were killed before their rename
/// (`.<file>.XXXXXX` next to the session). Only called with the lock held,
/// so no save of this session is in progress.
pub(super) fn remove_stale_temps(session: &Path) {
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

/// Take the OS lock of a lock file without waiting.
///
/// Unix: `File::try_lock` (flock). Windows: `File::try_lock` would lock the
/// whole file, and Windows locks are mandatory: nobody else could read who
/// holds it. So one byte at 2^62, far past the holder's details, is locked
/// instead (LockFileEx, exclusive, fail at once), the way SQLite keeps its
/// lock bytes apart from its data. Closing the handle releases it.
#[cfg(not(windows))]
fn try_lock_file(file: &File) -> Result<(), fs::TryLockError> {
    file.try_lock()
}

#[cfg(windows)]
fn try_lock_file(file: &File) -> Result<(), fs::TryLockError> {
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Foundation::ERROR_LOCK_VIOLATION;
    use windows_sys::Win32::Storage::FileSystem::{
        LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, LockFileEx,
    };
    use windows_sys::Win32::System::IO::OVERLAPPED;
    let mut at = OVERLAPPED::default();
    at.Anonymous.Anonymous.OffsetHigh = 0x4000_0000;
    // SAFETY: a valid handle owned by `file` for the whole call, and an
    // OVERLAPPED that outlives it (a synchronous handle: no I/O is pending).
    let ok = unsafe {
        LockFileEx(
            file.as_raw_handle(),
            LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
            0,
            1,
            0,
            &mut at,
        )
    };
    if ok != 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(ERROR_LOCK_VIOLATION as i32) {
        Err(fs::TryLockError::WouldBlock)
    } else {
        Err(fs::TryLockError::Error(e))
    }
}

/// The name of this machine, for the holder's details.
pub(super) fn hostname() -> String {
    #[cfg(windows)]
    if let Ok(name) = std::env::var("COMPUTERNAME") {
        return name;
    }
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".into())
}

/// "pid 123, user@host, since 2026-…" from the lock file's content.
pub(super) fn describe_holder(content: &str) -> String {
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
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    /// Issue 25: a clean exit removes the lock file (0600 while held), and
    /// never a lock file that is not its own.
    #[cfg(unix)]
    #[test]
    fn a_released_lock_removes_its_own_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        fs::write(&path, "").unwrap();
        let lock = SessionLock::acquire(&path).unwrap();
        let file = SessionLock::path_for(&path);
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
        drop(lock);
        assert!(!file.exists(), "removed on release");
        // replaced while held (a user removed it and something made a new
        // one): the new one is not ours and stays
        let lock = SessionLock::acquire(&path).unwrap();
        fs::remove_file(&file).unwrap();
        fs::write(&file, "someone else").unwrap();
        drop(lock);
        assert_eq!(fs::read_to_string(&file).unwrap(), "someone else");
    }

    /// Child side of the test below: take the lock, say so, hold it until
    /// stdin closes.
    #[test]
    fn lock_holder_child() {
        let Some(path) = std::env::var_os("WIJKTAFEL_LOCK_CHILD") else {
            return;
        };
        let _lock = SessionLock::acquire(Path::new(&path)).unwrap();
        println!("HELD");
        let _ = io::stdin().read_line(&mut String::new());
    }

    /// A second process is refused while the first holds the lock, and is
    /// told who holds it; once the holder is gone the lock is free. Runs on
    /// Windows too (under wine in CI: scripts/windows-check.sh).
    #[test]
    fn a_second_process_is_refused_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gedeeld.toml");
        fs::write(&path, "").unwrap();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "store::lock::tests::lock_holder_child"])
            .args(["--nocapture", "--test-threads=1"])
            .env("WIJKTAFEL_LOCK_CHILD", &path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("HELD") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "child ended early");
        }
        match SessionLock::acquire(&path) {
            Err(StoreError::Locked { holder, .. }) => {
                assert!(holder.contains(&format!("pid {}", child.id())), "{holder}");
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(child.stdin.take());
        assert!(child.wait().unwrap().success());
        SessionLock::acquire(&path).expect("free once the holder is gone");
    }

    /// Within one process too: a second handle is refused (Windows locks
    /// are per handle, Unix ones per open file).
    #[test]
    fn a_second_lock_in_the_same_process_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("een.toml");
        fs::write(&path, "").unwrap();
        let first = SessionLock::acquire(&path).unwrap();
        assert!(matches!(
            SessionLock::acquire(&path),
            Err(StoreError::Locked { .. })
        ));
        drop(first);
        // a child that another test starts in this process holds every open
        // file (and so the OS lock) between its fork and its exec: wait for it
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        loop {
            match SessionLock::acquire(&path) {
                Ok(_) => break,
                Err(StoreError::Locked { .. }) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(10))
                }
                Err(e) => panic!("free after drop: {e:?}"),
            }
        }
    }
}
