//! Following a session file as it grows (issue 23): the beamer reads the
//! file whole once, and after that only the event lines the facilitator's
//! window appended, so a capture costs the beamer what the capture wrote,
//! not the whole session. Whenever the file is not simply longer by whole
//! event lines (a workshop's start or end rewrites it, a restore, a torn
//! append, an edit by hand, another file put in its place), it is read
//! whole again: the appended lines are trusted only on top of the very
//! bytes that were read before.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::journal::Event;
use crate::session::Session;

use super::read::{SESSION_CAP, open_guarded, read_guarded, utf8_text};
use super::{StoreError, parse, parse_events};

/// How many bytes at the start and before the end of what was read are
/// compared before appended lines are taken on top of it.
const HEAD: usize = 4096;
const TAIL: usize = 256;

/// What a look at the file found.
#[derive(Debug)]
pub enum Followed {
    /// Nothing new (or an append still being written).
    Unchanged,
    /// The file read whole.
    Whole(Box<Session>),
    /// Only these events were appended since the last look.
    Events(Vec<Event>),
}

/// What was read of the file: enough to recognise it at the next look.
#[derive(Debug, Default)]
pub struct Follow {
    /// Bytes read so far (0: read whole at the next look).
    len: u64,
    head: Vec<u8>,
    tail: Vec<u8>,
    /// The last event read.
    seq: u64,
    #[cfg(unix)]
    ino: u64,
}

impl Follow {
    pub fn new() -> Follow {
        Follow::default()
    }

    /// Read the file whole at the next look (what was appended could not
    /// be taken on top of what the reader holds).
    pub fn reset(&mut self) {
        self.len = 0;
    }

    /// Look at the file at `path`: the events appended since the last
    /// look when that is all that changed, else the session read whole.
    /// Reads guarded; writes nothing.
    pub fn look(&mut self, path: &Path) -> Result<Followed, StoreError> {
        if self.len > 0
            && let Some(found) = self.appended(path)?
        {
            return Ok(found);
        }
        self.whole(path)
    }

    fn whole(&mut self, path: &Path) -> Result<Followed, StoreError> {
        self.len = 0;
        let (bytes, meta) = read_guarded(path, SESSION_CAP)?;
        let text = utf8_text(bytes, path, || super::newest_backup(path))?;
        let session = parse(&text, path)?;
        // followed only from a file that ends with a whole line (a torn
        // last line is read whole again, as the facilitator repairs it)
        if text.ends_with('\n') {
            let b = text.as_bytes();
            self.head = b[..b.len().min(HEAD)].to_vec();
            self.tail = b[b.len().saturating_sub(TAIL)..].to_vec();
            self.seq = session.journal_seq;
            self.len = b.len() as u64;
            #[cfg(unix)]
            {
                self.ino = std::os::unix::fs::MetadataExt::ino(&meta);
            }
        }
        let _ = meta;
        Ok(Followed::Whole(Box::new(session)))
    }

    /// `Some` when the file is what was read plus whole event lines (or
    /// nothing more yet); `None` when it must be read whole.
    fn appended(&mut self, path: &Path) -> Result<Option<Followed>, StoreError> {
        let (mut file, meta) = open_guarded(path, SESSION_CAP)?;
        #[cfg(unix)]
        if std::os::unix::fs::MetadataExt::ino(&meta) != self.ino {
            return Ok(None);
        }
        let now = meta.len();
        if now < self.len {
            return Ok(None);
        }
        let io = |e| StoreError::io(path, e);
        let mut head = vec![0; self.head.len()];
        file.read_exact(&mut head).map_err(io)?;
        if head != self.head {
            return Ok(None);
        }
        let from = self.len - self.tail.len() as u64;
        file.seek(SeekFrom::Start(from)).map_err(io)?;
        let mut rest = Vec::with_capacity((now - from) as usize);
        file.take(now - from).read_to_end(&mut rest).map_err(io)?;
        if rest.len() as u64 != now - from || rest[..self.tail.len()] != self.tail[..] {
            return Ok(None);
        }
        let new = &rest[self.tail.len()..];
        // only whole lines: an append still being written waits
        let Some(end) = new.iter().rposition(|&b| b == b'\n').map(|i| i + 1) else {
            return Ok(Some(Followed::Unchanged));
        };
        let Ok(text) = std::str::from_utf8(&new[..end]) else {
            return Ok(None);
        };
        if text.lines().any(|l| !l.starts_with("#@ ")) {
            return Ok(None);
        }
        let Ok((events, None)) = parse_events(text, 0, 1) else {
            return Ok(None);
        };
        let follows = events
            .iter()
            .enumerate()
            .all(|(i, e)| e.seq == self.seq + 1 + i as u64);
        if !follows {
            return Ok(None);
        }
        let mut tail = self.tail.clone();
        tail.extend_from_slice(&new[..end]);
        self.tail = tail[tail.len().saturating_sub(TAIL)..].to_vec();
        self.len += end as u64;
        self.seq = events.last().map_or(self.seq, |e| e.seq);
        Ok(Some(Followed::Events(events)))
    }
}

/// Take `events` (read by [`Follow::look`]) into `session`, as the file
/// now holds them. An error means the session must be read whole.
pub fn take_events(session: &mut Session, events: Vec<Event>) -> Result<(), String> {
    if events
        .first()
        .is_some_and(|e| e.seq != session.journal_seq + 1)
    {
        return Err("the events do not follow the session".into());
    }
    crate::journal::apply_events(session, events.iter(), true)?;
    session.journal_seq = events.last().map_or(session.journal_seq, |e| e.seq);
    session.journal.extend(events);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with_demo(dir: &Path) -> (std::path::PathBuf, Session) {
        let fw = crate::framework::Framework::builtin();
        let s = crate::demo::build(&fw, 2);
        let path = super::super::Store::at(dir).create(&s).unwrap();
        (path.clone(), super::super::load(&path).unwrap())
    }

    /// Append one event that renames the session, as the facilitator's
    /// window would.
    fn append_rename(path: &Path, s: &mut Session, name: &str) -> String {
        let before = s.clone();
        s.name = name.into();
        let e = crate::journal::commit_between(&before, s, jiff::Timestamp::now(), None).unwrap();
        let line = super::super::event_line(&e);
        let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
        std::io::Write::write_all(&mut f, line.as_bytes()).unwrap();
        line
    }

    #[test]
    fn appended_events_are_read_alone_and_give_what_a_whole_read_gives() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut s) = file_with_demo(dir.path());
        let mut f = Follow::new();
        let Followed::Whole(mut held) = f.look(&path).unwrap() else {
            panic!("first look reads whole")
        };
        assert!(matches!(f.look(&path).unwrap(), Followed::Unchanged));
        append_rename(&path, &mut s, "Een");
        append_rename(&path, &mut s, "Twee");
        let Followed::Events(ev) = f.look(&path).unwrap() else {
            panic!("two appended events")
        };
        assert_eq!(ev.len(), 2);
        take_events(&mut held, ev).unwrap();
        assert_eq!(*held, super::super::load(&path).unwrap());
        assert_eq!(held.name, "Twee");
    }

    #[test]
    fn a_half_written_line_waits_and_anything_else_reads_whole() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut s) = file_with_demo(dir.path());
        let mut f = Follow::new();
        f.look(&path).unwrap();
        // an append cut in two
        let line = {
            let mut t = s.clone();
            let l = append_rename(&path, &mut t, "Drie");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, &text[..text.len() - l.len()]).unwrap();
            l
        };
        let mut text = std::fs::read_to_string(&path).unwrap();
        let half = line.len() / 2;
        text.push_str(&line[..half]);
        std::fs::write(&path, &text).unwrap();
        assert!(matches!(f.look(&path).unwrap(), Followed::Unchanged));
        text.push_str(&line[half..]);
        std::fs::write(&path, &text).unwrap();
        assert!(matches!(f.look(&path).unwrap(), Followed::Events(e) if e.len() == 1));
        // a line that is no event: read whole
        text.push_str("# een opmerking\n");
        std::fs::write(&path, &text).unwrap();
        assert!(matches!(f.look(&path).unwrap(), Followed::Whole(_)));
        // the file written anew (a workshop's end): read whole
        s.name = "Vier".into();
        super::super::save(&path, &s).unwrap();
        let Followed::Whole(w) = f.look(&path).unwrap() else {
            panic!("a rewrite reads whole")
        };
        assert_eq!(w.name, "Vier");
        // an event that does not follow the last one read: read whole
        let mut t = (*w).clone();
        t.journal_seq += 5;
        append_rename(&path, &mut t, "Vijf");
        assert!(matches!(f.look(&path), Ok(Followed::Whole(_)) | Err(_)));
    }
}
