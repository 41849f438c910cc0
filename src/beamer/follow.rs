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
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::SystemTime;

use super::{Beamer, Loaded};
use crate::i18n::Lang;
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
struct Files {
    session: PathBuf,
    live: PathBuf,
    session_seen: Stamp,
    live_seen: Stamp,
    live_read_at: i64,
    first: bool,
}

/// What one look at the files read again: the session (when it changed)
/// and the live file (when it changed, or a second passed).
#[derive(Debug, Default)]
pub struct Update {
    session: Option<Loaded>,
    live: Option<Option<live::LiveState>>,
}

impl Files {
    fn look(&mut self, lang: Lang, now: i64) -> Update {
        let mut u = Update::default();
        let s = stamp(&self.session);
        if self.first || s != self.session_seen {
            self.session_seen = s;
            u.session = Some(match crate::store::load(&self.session) {
                Ok(sess) => Loaded::Read(Box::new(sess)),
                Err(e) => Loaded::Unreadable(e.message(lang)),
            });
        }
        let l = stamp(&self.live);
        if self.first || l != self.live_seen || now != self.live_read_at {
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
}

impl Follower {
    /// A follower that reads on the caller's thread, in [`Follower::poll`].
    pub fn new(session: &Path) -> Follower {
        Follower {
            reader: Reader::Here(Box::new(Files::new(session))),
        }
    }

    /// A follower that looks at the files every `every` on a thread of its
    /// own; [`Follower::poll`] only takes what it read, never waits. (Should
    /// the thread not start, the reading is done in `poll`.)
    pub fn spawn(session: &Path, lang: Lang, every: std::time::Duration) -> Follower {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut files = Files::new(session);
        let started = std::thread::Builder::new()
            .name("beamer-files".into())
            .spawn(move || {
                loop {
                    let now = jiff::Timestamp::now().as_second();
                    let u = files.look(lang, now);
                    if (u.session.is_some() || u.live.is_some()) && tx.send(u).is_err() {
                        return; // the beamer has ended
                    }
                    std::thread::sleep(every);
                }
            });
        match started {
            Ok(_) => Follower {
                reader: Reader::Thread(rx),
            },
            Err(_) => Follower::new(session),
        }
    }

    /// Take in what changed; returns whether the beamer's state changed.
    pub fn poll(&mut self, b: &mut Beamer) -> bool {
        match &mut self.reader {
            Reader::Here(files) => {
                let u = files.look(b.lang, b.now);
                apply(b, u)
            }
            Reader::Thread(rx) => {
                let mut changed = false;
                loop {
                    match rx.try_recv() {
                        Ok(u) => changed |= apply(b, u),
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
            first: true,
        }
    }
}

/// Put what was read into the beamer; whether that changes what it shows.
fn apply(b: &mut Beamer, u: Update) -> bool {
    let mut changed = false;
    if let Some(session) = u.session {
        b.session = session;
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
