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
mod layout;
mod tables;

use std::fmt;

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
    /// (see [`layout::in_stream_order`]), else left to `toml` (internal).
    Data,
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
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, StreamError> {
    let mut reader = tables::Reader::new(text);
    let read = T::deserialize(tables::TableDe::root(&mut reader)).and_then(|value| {
        reader.finished()?;
        Ok(value)
    });
    read.map_err(|mut e| {
        if e.offset == 0 {
            e.offset = reader.at();
        }
        if e.kind == Kind::Data {
            // a value refused where the text reads in another order than
            // this reader's (a table continued later) may be toml's to read
            e.kind = match layout::in_stream_order(text) {
                true => Kind::Fault,
                false => Kind::Unread,
            };
        }
        e
    })
}

#[cfg(test)]
mod tests;
