//! Reading the TOML snapshot straight into the session (issue 23's cost of
//! `open`): a serde deserializer over `toml_parser`'s events, one line at a
//! time, that builds no document tree. The `toml` crate lexes the whole
//! text into tokens, then events, then a tree of spanned values before
//! serde sees a field: for the 100-workshop demo (2.6 MB) 54 ms and a
//! 46 MB peak. This reader holds one line's tokens and the session it
//! builds.
//!
//! It reads TOML in the order this program writes it: a table's keys, then
//! its sub-tables, each table in one piece. TOML allows more (a table
//! continued after another one, dotted keys, dates and times); where the
//! text does that, or breaks TOML's rules, or does not make a session, the
//! reader stops with [`StreamError`] and the caller reads the text with the
//! `toml` crate instead, which either reads it or names the exact fault.
//! So the faster path never decides alone that a file is corrupt, and
//! never accepts one that `toml` refuses: a key given twice, a table given
//! twice or continued later shows up as a key given twice in some table
//! above it, which stops this reader too.

mod events;
mod fast;
mod layout;
mod reorder;
mod tables;

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::de::DeserializeOwned;

/// Why the streaming reader stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamError {
    pub message: String,
    pub offset: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The file is not a session, for certain: a line TOML does not accept
    /// (the message is toml's own for that line), or text in the order this
    /// reader reads that does not make a session (serde's message).
    Fault,
    /// TOML this reader does not stream: the `toml` crate decides.
    Unread,
    /// Serde refused a value: a fault if the text is in streaming order
    /// (see [`layout::in_stream_order`]), else read in that order (internal).
    Data,
    /// A key given twice in a table: once the text is in streaming order,
    /// a fault (TOML's "duplicate key"); before, maybe a table continued
    /// (internal).
    Twice,
}

impl StreamError {
    fn unsupported(what: &str, offset: usize) -> Self {
        StreamError {
            message: what.to_string(),
            offset,
            kind: Kind::Unread,
        }
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for StreamError {}

impl serde::de::Error for StreamError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        StreamError {
            message: msg.to_string(),
            offset: 0,
            kind: Kind::Data,
        }
    }
}

/// Read TOML text into `T` without building a tree. A [`Kind::Fault`]
/// is the file's; after [`Kind::Unread`] the `toml` crate must decide.
/// Text whose tables come in another order than this program writes is
/// read again in streaming order (`reorder.rs`: its sections in another
/// order, no copy).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, StreamError> {
    from_str_until(text, &AtomicBool::new(false))
}

/// [`from_str`] that gives up ([`Kind::Unread`]) once `stop` is set (the
/// pre-scan, on another thread, refused the text).
pub fn from_str_until<T: DeserializeOwned>(
    text: &str,
    stop: &AtomicBool,
) -> Result<T, StreamError> {
    let read = |parts| read(text, parts, stop);
    let e = match read(vec![(0, text.len())]) {
        Ok(value) => return Ok(value),
        Err(e) if e.kind == Kind::Fault => return Err(e),
        // the pre-scan refused the text: nothing more is read
        Err(e) if stop.load(Ordering::Relaxed) => return Err(e),
        Err(e) => e,
    };
    if layout::in_stream_order(text) {
        return Err(settled(e));
    }
    let Some(parts) = reorder::reorder(text) else {
        return Err(StreamError {
            kind: Kind::Unread,
            ..e
        });
    };
    match read(parts.clone()) {
        Ok(value) => Ok(value),
        // in streaming order, a table given twice comes twice in a row
        Err(e) if matches!(e.kind, Kind::Fault | Kind::Twice) => Err(settled(e)),
        Err(e) if layout::in_order(events::Events::over(text, parts)) => Err(settled(e)),
        Err(e) => Err(StreamError {
            kind: Kind::Unread,
            ..e
        }),
    }
}

/// An error of text in streaming order: a refused value or a key given
/// twice is the file's fault.
fn settled(e: StreamError) -> StreamError {
    match e.kind {
        Kind::Data => StreamError {
            kind: Kind::Fault,
            ..e
        },
        Kind::Twice => StreamError {
            kind: Kind::Fault,
            message: "duplicate key".into(),
            ..e
        },
        _ => e,
    }
}

/// Read the parts of `text` (ranges of whole lines), one after the other.
fn read<T: DeserializeOwned>(
    text: &str,
    parts: Vec<(usize, usize)>,
    stop: &AtomicBool,
) -> Result<T, StreamError> {
    let mut reader = tables::Reader::over(text, parts, stop);
    let read = T::deserialize(tables::TableDe::root(&mut reader)).and_then(|value| {
        reader.finished()?;
        Ok(value)
    });
    read.map_err(|mut e| {
        if e.offset == 0 {
            e.offset = reader.at();
        }
        e
    })
}

#[cfg(test)]
mod tests;
