//! Emergency copies: when the session file cannot be written (a full disk,
//! a vanished folder, a file changed by another program), the session is
//! written to the first place that takes it, so nothing typed is lost.
//!
//! The copy is a complete session file (`wijktafel open PATH` opens it). It is
//! never written over an existing file, and it is private (0600 on Unix).

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Folder inside the store for emergency copies (not listed as sessions).
pub const FOLDER: &str = "noodkopie";

/// Where a copy of `session_path` may go, in order: the store's own
/// emergency folder, the system's temporary folder, the current folder.
pub fn candidates(store_dir: &Path) -> Vec<PathBuf> {
    let mut v = vec![store_dir.join(FOLDER), std::env::temp_dir()];
    if let Ok(cwd) = std::env::current_dir() {
        v.push(cwd);
    }
    v
}

/// The file name of a copy: `<stem>.noodkopie.<utc time>.toml`.
fn file_name(session_path: &Path, now: jiff::Timestamp) -> String {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sessie".into());
    format!("{stem}.noodkopie.{}.toml", now.strftime("%Y%m%dT%H%M%SZ"))
}

/// Write `text` as a new file in the first of `places` that takes it.
/// Returns its path, or every place with the reason it failed.
pub fn write_copy(
    session_path: &Path,
    places: &[PathBuf],
    text: &str,
    now: jiff::Timestamp,
) -> Result<PathBuf, String> {
    let name = file_name(session_path, now);
    let mut failures = Vec::new();
    for dir in places {
        match write_new(dir, &name, text) {
            Ok(p) => return Ok(p),
            Err(e) => failures.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(failures.join("; "))
}

fn write_new(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    if !dir.exists() {
        create_private_dir(dir)?;
    }
    let mut path = dir.join(name);
    for n in 2.. {
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        match opts.open(&path) {
            Ok(mut f) => {
                // a copy that could not be written whole (a full disk) is
                // removed, so only complete copies are ever left behind
                return match f.write_all(text.as_bytes()).and_then(|_| f.sync_all()) {
                    Ok(()) => Ok(path),
                    Err(e) => {
                        drop(f);
                        let _ = fs::remove_file(&path);
                        Err(e)
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => {
                path = dir.join(format!("{n}-{name}"));
            }
            Err(e) => return Err(e),
        }
    }
    unreachable!("the loop returns")
}

/// Create one folder level (never the missing folders above it: a store
/// folder that vanished is not made again by an emergency copy).
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))] // the mode is set on Unix only
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_place_that_takes_it_gets_the_copy() {
        let d = tempfile::tempdir().unwrap();
        let blocked = d.path().join("file-not-folder");
        fs::write(&blocked, "x").unwrap();
        let ok = d.path().join("ok");
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let p = write_copy(
            Path::new("/gone/de-horst.toml"),
            &[blocked.clone(), ok.clone()],
            "format_version = 1\n",
            now,
        )
        .unwrap();
        assert!(p.starts_with(&ok), "{p:?}");
        assert!(
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("de-horst.noodkopie.")
        );
        assert_eq!(fs::read_to_string(&p).unwrap(), "format_version = 1\n");
        // a second copy at the same second never overwrites the first
        let q = write_copy(
            Path::new("de-horst.toml"),
            std::slice::from_ref(&ok),
            "2",
            now,
        )
        .unwrap();
        assert_ne!(p, q);
        assert_eq!(fs::read_to_string(&p).unwrap(), "format_version = 1\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
    }

    /// A full filesystem (needs root to mount a tmpfs): no empty copy is left there.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_copy_that_does_not_fit_leaves_nothing_behind() {
        let d = tempfile::tempdir().unwrap();
        let small = d.path().join("klein");
        fs::create_dir(&small).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
            .arg(&small)
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("cannot mount a tmpfs here: skipped");
            return;
        }
        let ok = d.path().join("ok");
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let text = "x".repeat(64 * 1024);
        let p = write_copy(
            Path::new("s.toml"),
            &[small.clone(), ok.clone()],
            &text,
            now,
        );
        let left: Vec<_> = fs::read_dir(&small).unwrap().collect();
        let _ = std::process::Command::new("umount").arg(&small).status();
        assert!(p.unwrap().starts_with(&ok));
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn when_no_place_takes_it_every_reason_is_given() {
        let d = tempfile::tempdir().unwrap();
        let blocked = d.path().join("f");
        fs::write(&blocked, "x").unwrap();
        let now = jiff::Timestamp::from_second(1_790_000_000).unwrap();
        let e = write_copy(
            Path::new("a.toml"),
            std::slice::from_ref(&blocked),
            "t",
            now,
        )
        .unwrap_err();
        assert!(e.contains(&blocked.display().to_string()), "{e}");
    }
}
