//! Following the facilitator: the metadata (length and modification time)
//! of the session file and of the live file is looked at every
//! [`super::POLL`]; a file is read again only when it changed. The live
//! file, a few hundred bytes, is also read once a second whatever its
//! metadata says, for file systems whose times are coarse, and at every
//! look while it was last read within [`RACY`] of its modification time
//! (two writes of the same length in one tick of the file system's clock
//! look alike: the "racy" rule of git's index). After the first
//! read of the session, only the events the facilitator appended are read
//! and applied to the session held ([`crate::store::Follow`]); a file
//! written anew (a workshop's start or end) is read whole.
//!
//! Why a poll and not the `notify` crate: the facilitator replaces both
//! files by a rename, and on network folders (SMB, NFS) and in some
//! editors' sync folders the native watchers miss renames or report
//! nothing; two `stat` calls ten times a second work the same on Linux,
//! macOS and Windows, and cost nothing measurable.
//!
//! In the real beamer ([`Follower::spawn`]) the files are looked at and
//! read on a thread of their own, never on the thread that handles keys and
//! signals: whatever is put in place of the session file (a FIFO, a link to
//! `/dev/zero`, a file on a hung network folder), `q` and SIGTERM still end
//! the beamer at once. Each file is read guarded
//! ([`crate::store::read_guarded`]). Tests use [`Follower::new`], which
//! reads on the caller's thread.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::SystemTime;

use super::{Beamer, Loaded};
use crate::i18n::Lang;
use crate::live;
use crate::store::Followed;

/// What a file looked like: its length and modification time (`None`:
/// not there).
type Stamp = Option<(u64, Option<SystemTime>)>;

/// How close to a file's modification time a read may have been and
/// still miss a later write of the same length in the same tick of the
/// file system's clock (ext4 a few ms, NTFS 100 ns, HFS+ 1 s, FAT 2 s).
const RACY: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether a file of stamp `s`, read now, may still change unseen.
fn racy(s: &Stamp) -> bool {
    let Some((_, Some(modified))) = s else {
        return false;
    };
    SystemTime::now()
        .duration_since(*modified)
        .map_or(true, |since| since < RACY)
}

fn stamp(path: &Path) -> Stamp {
    fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// The two files followed and how they looked when last read.
struct Files {
    session: PathBuf,
    live: PathBuf,
    session_seen: Stamp,
    live_seen: Stamp,
    live_read_at: i64,
    /// The live file was last read within [`RACY`] of its modification
    /// time: it is read again at the next look.
    live_racy: bool,
    first: bool,
    /// What was read of the session: after the first read, only the
    /// events appended to it are read (`store/follow.rs`).
    follow: crate::store::Follow,
    /// Set by the beamer when appended events did not fit what it holds:
    /// the session is then read whole.
    reread: Arc<AtomicBool>,
}

/// What one look at the files read again: the session (when it changed)
/// and the live file (when it changed, or a second passed).
#[derive(Debug, Default)]
pub struct Update {
    session: Option<Loaded>,
    /// Events appended to the session read before.
    events: Option<Vec<crate::journal::Event>>,
    live: Option<Option<live::LiveState>>,
}

impl Update {
    /// Nothing was read again: nothing to send.
    fn is_empty(&self) -> bool {
        self.session.is_none() && self.events.is_none() && self.live.is_none()
    }
}

impl Files {
    fn look(&mut self, lang: Lang, now: i64) -> Update {
        let mut u = Update::default();
        let s = stamp(&self.session);
        let reread = self.reread.swap(false, Ordering::Relaxed);
        if reread {
            self.follow.reset();
        }
        if self.first || reread || s != self.session_seen {
            self.session_seen = s;
            match self.follow.look(&self.session) {
                Ok(Followed::Unchanged) => {}
                Ok(Followed::Events(ev)) => u.events = Some(ev),
                Ok(Followed::Whole(sess)) => u.session = Some(Loaded::Read(sess)),
                Err(e) => {
                    self.follow.reset();
                    u.session = Some(Loaded::Unreadable(e.message(lang)));
                }
            }
        }
        let l = stamp(&self.live);
        if self.first || l != self.live_seen || now != self.live_read_at || self.live_racy {
            self.live_racy = racy(&l);
            self.live_seen = l;
            self.live_read_at = now;
            u.live = Some(live::read(&self.live));
        }
        self.first = false;
        u
    }
}

/// Where the reading happens.
enum Reader {
    /// On the caller's thread, in [`Follower::poll`].
    Here(Box<Files>),
    /// On a thread of its own, which sends what it read.
    Thread(Receiver<Update>),
}

/// Follows the session file and its live file.
pub struct Follower {
    reader: Reader,
    reread: Arc<AtomicBool>,
}

impl Follower {
    /// A follower that reads on the caller's thread, in [`Follower::poll`].
    pub fn new(session: &Path) -> Follower {
        let files = Files::new(session);
        Follower {
            reread: files.reread.clone(),
            reader: Reader::Here(Box::new(files)),
        }
    }

    /// A follower that looks at the files every `every` on a thread of its
    /// own; [`Follower::poll`] only takes what it read, never waits. (Should
    /// the thread not start, the reading is done in `poll`.)
    pub fn spawn(session: &Path, lang: Lang, every: std::time::Duration) -> Follower {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut files = Files::new(session);
        let reread = files.reread.clone();
        let started = std::thread::Builder::new()
            .name("beamer-files".into())
            .spawn(move || {
                loop {
                    let now = jiff::Timestamp::now().as_second();
                    let u = files.look(lang, now);
                    if !u.is_empty() && tx.send(u).is_err() {
                        return; // the beamer has ended
                    }
                    std::thread::sleep(every);
                }
            });
        match started {
            Ok(_) => Follower {
                reader: Reader::Thread(rx),
                reread,
            },
            Err(_) => Follower::new(session),
        }
    }

    /// Take in what changed; returns whether the beamer's state changed.
    pub fn poll(&mut self, b: &mut Beamer) -> bool {
        match &mut self.reader {
            Reader::Here(files) => {
                let u = files.look(b.lang, b.now);
                apply(b, u, &self.reread)
            }
            Reader::Thread(rx) => {
                let mut changed = false;
                loop {
                    match rx.try_recv() {
                        Ok(u) => changed |= apply(b, u, &self.reread),
                        Err(TryRecvError::Empty | TryRecvError::Disconnected) => return changed,
                    }
                }
            }
        }
    }
}

impl Files {
    fn new(session: &Path) -> Files {
        Files {
            session: session.to_path_buf(),
            live: live::path_for(session),
            session_seen: None,
            live_seen: None,
            live_read_at: i64::MIN,
            live_racy: false,
            first: true,
            follow: crate::store::Follow::new(),
            reread: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// Put what was read into the beamer; whether that changes what it shows.
fn apply(b: &mut Beamer, u: Update, reread: &AtomicBool) -> bool {
    let mut changed = false;
    if let Some(session) = u.session {
        b.session = session;
        changed = true;
    }
    if let Some(events) = u.events {
        // taken on top of the session held; when they do not fit (the
        // session held is not the one read before them), it is read whole
        // at the next look and shown as it is until then
        let fits = match &mut b.session {
            Loaded::Read(s) => crate::store::take_events(s, events).is_ok(),
            _ => false,
        };
        if !fits {
            reread.store(true, Ordering::Relaxed);
        }
        changed = true;
    }
    if let Some(state) = u.live {
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
    changed
}
