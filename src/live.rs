//! The live-state file: what the facilitator's window shows the room, for
//! `wijktafel beamer` in another window. Plain data, no terminal.
//!
//! The facilitator's process writes it next to the session
//! (`<stem>.live.json`) when what the room should see changes, and at least
//! every [`HEARTBEAT_SECS`] seconds; it removes it on quit and when the
//! session is closed. It is not part of the record: it never ends in
//! `.toml`, so `list`, backups and restore never see it, and it is written
//! without fsync (a lost write is followed by the next one). A file whose
//! heartbeat is older than [`STALE_AFTER_SECS`] is left by a process that
//! is gone (killed, crashed): the beamer then waits as when there is none.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::PartyId;
use crate::vote::Ballot;

/// The format written; a reader refuses a newer one.
pub const LIVE_FORMAT: u32 = 1;
/// The writer renews the file at least this often (seconds).
pub const HEARTBEAT_SECS: i64 = 3;
/// A heartbeat older than this (seconds) means no facilitator is there.
pub const STALE_AFTER_SECS: i64 = 10;
/// A heartbeat up to this many seconds ahead of the reader's clock is
/// still fresh (two clocks that differ a little); further ahead it is stale.
pub const FUTURE_SLACK_SECS: i64 = 5;
/// Text being typed is carried up to this many characters (then "…").
pub const TYPING_LIMIT: usize = 2000;
/// A live file larger than this is not read (it is not one of ours).
const READ_LIMIT: u64 = 1 << 20;

/// What the room should see now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveState {
    pub format: u32,
    /// The writer: its process id and when it started, so a reopened
    /// session is told apart from the one before.
    pub instance: String,
    /// When the writer last wrote (Unix seconds).
    pub heartbeat: i64,
    pub screen: LiveScreen,
    /// The id of the current point.
    pub point: String,
    #[serde(default)]
    pub dialog: LiveDialog,
    /// The text being typed (a note, a reason), for `beamer --live`.
    #[serde(default)]
    pub typing: Option<Typing>,
}

/// Which screen the facilitator is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LiveScreen {
    /// The start of a workshop: the recap (`planned`: not started yet;
    /// `page`: how many pages the facilitator scrolled it, the room follows).
    Recap {
        planned: bool,
        #[serde(default)]
        page: u16,
    },
    /// The main screen: the current point.
    Point,
    /// The end of a workshop: its summary.
    Summary,
}

/// What the room sees of an open dialog.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LiveDialog {
    #[default]
    None,
    /// Dissent being recorded: the parties ticked so far.
    Dissent { parties: Vec<PartyId> },
    /// The go/no-go being held: its stage, who is present, the ballots
    /// entered so far.
    Vote {
        stage: VoteStage,
        present: Vec<PartyId>,
        ballots: Vec<Ballot>,
    },
    /// A vote recorded: its place in the session's votes (the outcome and
    /// follow-up are read from the session).
    Outcome { vote: usize },
}

/// The stage of the vote, as the room sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteStage {
    /// An earlier vote is shown; a new one may follow.
    Earlier,
    /// Ballots are being entered.
    Ballots,
    /// The result is read back before it is recorded.
    ReadBack,
    /// After a NO-GO: the follow-up is being chosen.
    FollowUp,
    /// The facilitator defers the vote.
    Defer,
}

/// Text being typed in a dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typing {
    pub kind: TypingKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypingKind {
    Note,
    Reason,
    Action,
}

impl LiveState {
    /// Whether the writer was alive at `now` (Unix seconds).
    /// A heartbeat more than [`FUTURE_SLACK_SECS`] ahead of `now` (a clock
    /// set back since) is stale too; the difference is computed checked, so
    /// no heartbeat, however far off, wraps into a fresh one.
    pub fn fresh(&self, now: i64) -> bool {
        now.checked_sub(self.heartbeat)
            .is_some_and(|age| (-FUTURE_SLACK_SECS..=STALE_AFTER_SECS).contains(&age))
    }
}

/// The live file of a session file: `<stem>.live.json` next to it.
pub fn path_for(session: &Path) -> PathBuf {
    session.with_extension("live.json")
}

fn tmp_path(live: &Path) -> PathBuf {
    let mut s = live.as_os_str().to_os_string();
    s.push(".tmp");
    PathBuf::from(s)
}

/// Write the live file: a new temporary file (0600 on Unix, never through
/// a link that was there), then renamed over the old one. No fsync: the
/// file is a view, not a record.
pub fn write(live: &Path, state: &LiveState) -> io::Result<()> {
    let bytes = serde_json::to_vec(state).map_err(io::Error::other)?;
    let tmp = tmp_path(live);
    let _ = fs::remove_file(&tmp);
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let written = opts.open(&tmp).and_then(|mut f| f.write_all(&bytes));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, live).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Read a live file; `None` when there is none, or it is not one this
/// version understands (damaged, half written, newer).
/// Read guarded like a session file ([`crate::store::read_guarded`]: a
/// regular file, no link followed, never blocking, at most 1 MiB).
pub fn read(live: &Path) -> Option<LiveState> {
    let (bytes, _) = crate::store::read_guarded(live, READ_LIMIT).ok()?;
    let state: LiveState = serde_json::from_slice(&bytes).ok()?;
    (state.format <= LIVE_FORMAT).then_some(state)
}

/// Remove the live file (and a temporary one left behind); a file that is
/// not there is fine.
pub fn remove(live: &Path) {
    let _ = fs::remove_file(tmp_path(live));
    let _ = fs::remove_file(live);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> LiveState {
        LiveState {
            format: LIVE_FORMAT,
            instance: "42-1".into(),
            heartbeat: 1_790_000_000,
            screen: LiveScreen::Point,
            point: "1.2.1".into(),
            dialog: LiveDialog::Vote {
                stage: VoteStage::Ballots,
                present: vec![1, 2],
                ballots: vec![Ballot {
                    party: 1,
                    choice: crate::vote::Choice::NoGo,
                    reason: "te vroeg \"nu\"\n".into(),
                }],
            },
            typing: Some(Typing {
                kind: TypingKind::Note,
                text: "Eerst de bewoners\x1b[2J".into(),
            }),
        }
    }

    #[test]
    fn written_state_reads_back_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let live = path_for(&dir.path().join("de-horst.toml"));
        assert!(live.ends_with("de-horst.live.json"));
        write(&live, &state()).unwrap();
        assert_eq!(read(&live), Some(state()));
        // a second write replaces the first, and leaves no temporary file
        let mut next = state();
        next.dialog = LiveDialog::Outcome { vote: 0 };
        write(&live, &next).unwrap();
        assert_eq!(read(&live), Some(next));
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("de-horst.live.json")]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&live).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        remove(&live);
        assert!(!live.exists());
        assert_eq!(read(&live), None);
    }

    #[test]
    fn damaged_or_newer_files_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let live = dir.path().join("s.live.json");
        fs::write(&live, b"{\"format\":1,").unwrap();
        assert_eq!(read(&live), None);
        let mut newer = state();
        newer.format = LIVE_FORMAT + 1;
        write(&live, &newer).unwrap();
        assert_eq!(read(&live), None);
    }

    #[test]
    fn a_heartbeat_older_than_the_limit_is_stale() {
        let s = state();
        assert!(s.fresh(s.heartbeat));
        assert!(s.fresh(s.heartbeat + STALE_AFTER_SECS));
        assert!(!s.fresh(s.heartbeat + STALE_AFTER_SECS + 1));
    }

    /// A clock stepped back, then the facilitator killed: a heartbeat from
    /// the future was fresh forever (`now - heartbeat` is negative, and
    /// wrapped for heartbeats far off). Now it is fresh only within a few
    /// seconds ahead, and no value wraps.
    #[test]
    fn a_heartbeat_from_the_future_or_far_off_is_stale_and_nothing_wraps() {
        let now = 1_790_000_000;
        let at = |heartbeat| LiveState {
            heartbeat,
            ..state()
        };
        assert!(at(now + FUTURE_SLACK_SECS).fresh(now));
        assert!(!at(now + FUTURE_SLACK_SECS + 1).fresh(now));
        assert!(!at(now + 3600).fresh(now));
        for far in [i64::MIN, i64::MIN + 1, -1, 0, i64::MAX - 1, i64::MAX] {
            assert!(!at(far).fresh(now), "{far}");
            assert!(
                !at(far).fresh(i64::MIN) || far <= i64::MIN + FUTURE_SLACK_SECS,
                "{far} at MIN"
            );
            assert!(
                !at(far).fresh(i64::MAX) || far > i64::MAX - STALE_AFTER_SECS,
                "{far}"
            );
        }
        assert!(!at(now).fresh(i64::MIN));
    }
}
