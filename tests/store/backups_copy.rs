//! Backups where no hard link can be made (issue 18): a FAT32 or exFAT USB
//! stick, some network shares on Windows. A backup is then a copy. Here the
//! `backups/` folder is a file system of its own (a tmpfs mounted on it), so
//! every hard link into it fails (EXDEV) and the copy is what is tested.
#![cfg(target_os = "linux")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wijktafel::demo;
use wijktafel::framework::Framework;
use wijktafel::session::Session;
use wijktafel::store;

struct Unmount(PathBuf);

impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn mount_tmpfs(at: &Path) -> Option<Unmount> {
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs"])
        .arg(at)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        let root = fs::read_to_string("/proc/self/status")
            .map(|s| {
                s.lines()
                    .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
            })
            .unwrap_or(false);
        assert!(
            std::env::var_os("CI").is_none() || !root,
            "CI runs as root: mount should work"
        );
        eprintln!("cannot mount tmpfs here: skipped");
        return None;
    }
    Some(Unmount(at.to_path_buf()))
}

fn state(k: usize) -> Session {
    let mut s = demo::build(&Framework::builtin(), 2);
    for i in 0..k {
        s.add_note(
            "2.1.2",
            &format!("notitie {i}"),
            jiff::Timestamp::from_second(1_790_000_000 + i as i64).unwrap(),
        );
    }
    s
}

#[test]
fn without_hard_links_a_backup_is_a_copy_of_the_replaced_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("usb.toml");
    let backups = dir.path().join("backups");
    fs::create_dir(&backups).unwrap();
    let Some(_mounted) = mount_tmpfs(&backups) else {
        return;
    };
    // the link really fails here: the fallback is what runs below
    fs::write(dir.path().join("probe"), "x").unwrap();
    assert!(fs::hard_link(dir.path().join("probe"), backups.join("probe")).is_err());
    fs::remove_file(dir.path().join("probe")).unwrap();

    for k in 0..4 {
        store::save(&path, &state(k)).unwrap();
    }
    let kept = store::backups_of(&path);
    assert_eq!(kept.len(), 3, "{kept:?}");
    for (k, b) in kept.iter().enumerate() {
        assert_eq!(store::load(b).unwrap(), state(k), "{b:?}");
        // a copy, not a second name of the session file
        use std::os::unix::fs::MetadataExt;
        assert_eq!(fs::metadata(b).unwrap().nlink(), 1);
        assert_eq!(fs::metadata(b).unwrap().mode() & 0o777, 0o600);
    }
    assert_eq!(store::load(&path).unwrap(), state(3));
    // restore works from a copied backup too
    store::restore_backup(&path, 2).unwrap();
    assert_eq!(store::load(&path).unwrap(), state(1));
}
