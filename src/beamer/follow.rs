//! Following the facilitator: the metadata (length and modification time)
//! of the session file and of the live file is looked at every
//! [`super::POLL`]; a file is read again only when it changed. The live
//! file, a few hundred bytes, is also read once a second whatever its
//! metadata says, for file systems whose times are coarse.
//!
//! Why a poll and not the `notify` crate: the facilitator replaces both
//! files by a rename, and on network folders (SMB, NFS) and in some
//! editors' sync folders the native watchers miss renames or report
//! nothing; two `stat` calls ten times a second work the same on Linux,
//! macOS and Windows, cost nothing measurable, and need no thread.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{Beamer, Loaded};
use crate::live;

/// What a file looked like: its length and modification time (`None`:
/// not there).
type Stamp = Option<(u64, Option<SystemTime>)>;

fn stamp(path: &Path) -> Stamp {
    fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// The two files followed and how they looked when last read.
pub struct Follower {
    session: PathBuf,
    live: PathBuf,
    session_seen: Stamp,
    live_seen: Stamp,
    live_read_at: i64,
    first: bool,
}

impl Follower {
    pub fn new(session: &Path) -> Follower {
        Follower {
            session: session.to_path_buf(),
            live: live::path_for(session),
            session_seen: None,
            live_seen: None,
            live_read_at: i64::MIN,
            first: true,
        }
    }

    /// Read what changed; returns whether the beamer's state changed.
    pub fn poll(&mut self, b: &mut Beamer) -> bool {
        let mut changed = false;
        let s = stamp(&self.session);
        if self.first || s != self.session_seen {
            self.session_seen = s;
            b.session = match crate::store::load(&self.session) {
                Ok(sess) => Loaded::Read(Box::new(sess)),
                Err(e) => Loaded::Unreadable(e.message(b.lang)),
            };
            changed = true;
        }
        let l = stamp(&self.live);
        if self.first || l != self.live_seen || b.now != self.live_read_at {
            self.live_seen = l;
            self.live_read_at = b.now;
            let state = live::read(&self.live);
            // a new heartbeat alone changes nothing on screen (whether the
            // facilitator is there is looked at by the loop)
            let beat = |l: &Option<live::LiveState>| {
                l.as_ref().map(|l| live::LiveState {
                    heartbeat: 0,
                    ..l.clone()
                })
            };
            changed |= beat(&state) != beat(&b.live);
            b.live = state;
        }
        self.first = false;
        changed
    }
}
