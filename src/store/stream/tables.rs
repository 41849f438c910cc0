//! The serde side of the streaming reader: tables from headers (a table's
//! keys, then the headers below it), arrays of tables, and the values
//! written after a key (scalars, arrays, inline tables).

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use toml_parser::parser::{Event, EventKind};

use super::StreamError;
use super::events::{Events, Header, Scalar};

pub(super) struct Reader<'a> {
    ev: Events<'a>,
    /// A header read but not yet entered.
    pending: Option<Header<'a>>,
    /// The path of the table being read (its first `depth` keys count).
    path: Vec<Cow<'a, str>>,
}

impl<'a> Reader<'a> {
    /// The parts of `text` (ranges of whole lines), one after the other.
    pub fn over(
        text: &'a str,
        parts: Vec<(usize, usize)>,
        stop: &'a std::sync::atomic::AtomicBool,
    ) -> Self {
        Reader {
            ev: Events::over(text, parts).until(stop),
            pending: None,
            path: Vec::new(),
        }
    }

    pub fn at(&self) -> usize {
        self.pending.as_ref().map_or(self.ev.at, |h| h.at)
    }

    /// Everything was read: no header or line is left over.
    pub fn finished(&mut self) -> Result<(), StreamError> {
        self.fill_pending()?;
        let left = self.pending.is_some() || self.ev.peek()?.is_some();
        match left {
            true => Err(StreamError::unsupported(
                "text after the session",
                self.at(),
            )),
            false => Ok(()),
        }
    }

    /// When the next line is a header, read it into `pending`.
    fn fill_pending(&mut self) -> Result<(), StreamError> {
        if self.pending.is_none()
            && let Some(e) = self.ev.peek()?
            && matches!(
                e.kind(),
                EventKind::StdTableOpen | EventKind::ArrayTableOpen
            )
        {
            self.ev.take()?;
            self.pending = Some(self.ev.header(e)?);
        }
        Ok(())
    }

    /// The pending header names a table strictly inside the one at `depth`.
    fn pending_below(&self, depth: usize) -> Option<Cow<'a, str>> {
        let h = self.pending.as_ref()?;
        (h.path.len() > depth && h.path[..depth] == self.path[..depth])
            .then(|| h.path[depth].clone())
    }

    /// A key given twice in one table stops the reader.
    fn once(&self, keys: &mut Keys<'a>, key: Cow<'a, str>) -> Result<(), StreamError> {
        match keys.insert(key) {
            true => Ok(()),
            false => Err(StreamError {
                kind: super::Kind::Twice,
                ..StreamError::unsupported("a key given twice", self.at())
            }),
        }
    }

    /// After `key`: `=`, or a dotted key (left to `toml` in an inline table).
    fn key_value_sep(&mut self) -> Result<(), StreamError> {
        let e = self.ev.expect()?;
        match e.kind() {
            EventKind::KeyValSep => Ok(()),
            _ => Err(StreamError::unsupported("a dotted key", e.span().start())),
        }
    }

    /// The next line's first `prefix` keys name the table of dotted keys
    /// at `depth` (the last `prefix` keys of its path), each followed by a
    /// dot: the line is one of that table's. Always for a table given by
    /// headers (`prefix` 0).
    fn own_line(&self, depth: usize, prefix: usize) -> Result<bool, StreamError> {
        for i in 0..prefix {
            let (Some(k), Some(sep)) =
                (self.ev.peek_on_line(2 * i), self.ev.peek_on_line(2 * i + 1))
            else {
                return Ok(false);
            };
            if k.kind() != EventKind::SimpleKey
                || sep.kind() != EventKind::KeySep
                || self.ev.key(k)? != self.path[depth - prefix + i]
            {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn unexpected(&self, e: Event) -> StreamError {
        StreamError::unsupported(e.kind().description(), e.span().start())
    }
}

#[derive(Clone, Copy)]
enum Opened {
    /// The whole file.
    Root,
    /// A key whose value is given by the pending header (or headers below).
    Header,
    /// A key whose value is given by dotted keys (`key.x = 1`) on the lines
    /// that follow, then maybe headers below.
    Dotted,
    /// An element of an array of tables, its header already read.
    Element,
}

/// A table given by headers (or the whole file), or by dotted keys.
pub(super) struct TableDe<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
    opened: Opened,
    /// How many keys of its path its own lines begin with (dotted keys).
    prefix: usize,
}

impl<'r, 'a> TableDe<'r, 'a> {
    pub fn root(r: &'r mut Reader<'a>) -> Self {
        TableDe {
            r,
            depth: 0,
            opened: Opened::Root,
            prefix: 0,
        }
    }
}

impl<'de> de::Deserializer<'de> for TableDe<'_, '_> {
    type Error = StreamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        let TableDe {
            r,
            depth,
            opened,
            prefix,
        } = self;
        if let Opened::Header = opened {
            let (exact, array) = match &r.pending {
                Some(h) => (h.path.len() == depth, h.array),
                None => return Err(StreamError::unsupported("a missing header", r.at())),
            };
            if exact && array {
                return visitor.visit_seq(ArrayTables { r, depth });
            }
            if exact {
                r.pending = None;
            }
        }
        visitor.visit_map(TableMap {
            r,
            depth,
            prefix,
            keys: Keys::default(),
            dotted: Keys::default(),
            child: Child::No,
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, StreamError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, StreamError> {
        Err(StreamError::unsupported("an enum as a table", self.r.at()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// The keys of a table: its own lines, then the tables whose headers lie
/// inside it. A table given by dotted keys (`prefix` > 0) owns the lines
/// that follow while they begin with its keys.
struct TableMap<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
    prefix: usize,
    keys: Keys<'a>,
    /// The keys given as tables of dotted keys.
    dotted: Keys<'a>,
    /// What gives the value of the key just given.
    child: Child,
}

impl<'a> TableMap<'_, 'a> {
    /// A key that names a table given by dotted keys (`key.x = 1`), or by
    /// headers below: given again after a table of dotted keys it may
    /// still be TOML (dotted keys apart, a header inside such a table),
    /// which the `toml` crate decides.
    fn once_more(&mut self, key: Cow<'a, str>, dotted: bool) -> Result<(), StreamError> {
        match self.r.once(&mut self.keys, key.clone()) {
            Err(_) if self.dotted.contains(&key) => Err(StreamError::unsupported(
                "a table of dotted keys given again",
                self.r.at(),
            )),
            Ok(()) if dotted => {
                self.dotted.insert(key);
                Ok(())
            }
            other => other,
        }
    }
}

#[derive(Clone, Copy)]
enum Child {
    /// The rest of its line.
    No,
    /// Headers below.
    Header,
    /// Dotted keys.
    Dotted,
}

impl<'de, 'a> MapAccess<'de> for TableMap<'_, 'a> {
    type Error = StreamError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, StreamError> {
        let r = &mut *self.r;
        r.path.truncate(self.depth);
        r.fill_pending()?;
        if r.pending.is_some() {
            let Some(key) = r.pending_below(self.depth) else {
                return Ok(None);
            };
            self.once_more(key.clone(), false)?;
            self.r.path.push(key.clone());
            self.child = Child::Header;
            return seed.deserialize(KeyDe(key)).map(Some);
        }
        if r.ev.peek()?.is_none() || !r.own_line(self.depth, self.prefix)? {
            return Ok(None);
        }
        let at = 2 * self.prefix;
        let e = r.ev.peek_on_line(at).expect("a line's first event");
        if e.kind() != EventKind::SimpleKey {
            return Err(r.unexpected(e));
        }
        let key = r.ev.key(e)?;
        let sep = r.ev.peek_on_line(at + 1);
        match sep.map(|e| e.kind()) {
            Some(EventKind::KeyValSep) => {
                for _ in 0..at + 2 {
                    r.ev.take()?;
                }
                r.once(&mut self.keys, key.clone())?;
                self.child = Child::No;
            }
            Some(EventKind::KeySep) => {
                self.once_more(key.clone(), true)?;
                self.r.path.push(key.clone());
                self.child = Child::Dotted;
            }
            _ => {
                return Err(StreamError::unsupported(
                    "a key without a value",
                    e.span().end(),
                ));
            }
        }
        seed.deserialize(KeyDe(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, StreamError> {
        let (opened, prefix) = match self.child {
            Child::No => return seed.deserialize(ValueDe { r: self.r }),
            Child::Header => (Opened::Header, 0),
            Child::Dotted => (Opened::Dotted, self.prefix + 1),
        };
        seed.deserialize(TableDe {
            r: self.r,
            depth: self.depth + 1,
            opened,
            prefix,
        })
    }
}

/// `[[a.b]]` headers in a row: one element each.
struct ArrayTables<'r, 'a> {
    r: &'r mut Reader<'a>,
    depth: usize,
}

impl<'de> SeqAccess<'de> for ArrayTables<'_, '_> {
    type Error = StreamError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, StreamError> {
        let r = &mut *self.r;
        r.path.truncate(self.depth);
        r.fill_pending()?;
        let next = r
            .pending
            .as_ref()
            .is_some_and(|h| h.array && h.path[..] == r.path[..]);
        if !next {
            return Ok(None);
        }
        r.pending = None;
        seed.deserialize(TableDe {
            r,
            depth: self.depth,
            opened: Opened::Element,
            prefix: 0,
        })
        .map(Some)
    }
}

/// The value after `key =`.
struct ValueDe<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> de::Deserializer<'de> for ValueDe<'_, '_> {
    type Error = StreamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        let r = self.r;
        let e = r.ev.expect()?;
        match e.kind() {
            EventKind::Scalar => match r.ev.scalar(e)? {
                Scalar::Str(Cow::Borrowed(s)) => visitor.visit_str(s),
                Scalar::Str(Cow::Owned(s)) => visitor.visit_string(s),
                Scalar::Bool(b) => visitor.visit_bool(b),
                Scalar::Int(i) => visitor.visit_i64(i),
                Scalar::Float(f) => visitor.visit_f64(f),
            },
            EventKind::ArrayOpen => visitor.visit_seq(InlineArray { r }),
            EventKind::InlineTableOpen => visitor.visit_map(InlineTable {
                r,
                keys: Keys::default(),
            }),
            _ => Err(r.unexpected(e)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, StreamError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, StreamError> {
        let r = self.r;
        let e = r.ev.expect()?;
        match (e.kind(), r.ev.scalar(e)) {
            (EventKind::Scalar, Ok(Scalar::Str(s))) => {
                visitor.visit_enum(s.into_owned().into_deserializer())
            }
            _ => Err(StreamError::unsupported(
                "an enum not given by name",
                e.span().start(),
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// `[a, b, …]`
struct InlineArray<'r, 'a> {
    r: &'r mut Reader<'a>,
}

impl<'de> SeqAccess<'de> for InlineArray<'_, '_> {
    type Error = StreamError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, StreamError> {
        loop {
            let Some(e) = self.r.ev.peek()? else {
                return Err(StreamError::unsupported("an open array", self.r.at()));
            };
            match e.kind() {
                EventKind::ValueSep => self.r.ev.take().map(drop)?,
                EventKind::ArrayClose => return self.r.ev.take().map(|_| None),
                _ => return seed.deserialize(ValueDe { r: self.r }).map(Some),
            }
        }
    }
}

/// `{ a = 1, … }`
struct InlineTable<'r, 'a> {
    r: &'r mut Reader<'a>,
    keys: Keys<'a>,
}

impl<'de, 'a> MapAccess<'de> for InlineTable<'_, 'a> {
    type Error = StreamError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, StreamError> {
        loop {
            let e = self.r.ev.expect()?;
            match e.kind() {
                EventKind::ValueSep => {}
                EventKind::InlineTableClose => return Ok(None),
                EventKind::SimpleKey => {
                    let key = self.r.ev.key(e)?;
                    self.r.key_value_sep()?;
                    self.r.once(&mut self.keys, key.clone())?;
                    return seed.deserialize(KeyDe(key)).map(Some);
                }
                _ => return Err(self.r.unexpected(e)),
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, StreamError> {
        seed.deserialize(ValueDe { r: self.r })
    }
}

/// The keys given so far in one table: a list while it is short, a set
/// when it is long (a hand-made file may give thousands).
#[derive(Default)]
struct Keys<'a> {
    few: Vec<Cow<'a, str>>,
    many: Option<std::collections::HashSet<Cow<'a, str>>>,
}

impl<'a> Keys<'a> {
    /// `false` when the key was given before.
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        if let Some(set) = &mut self.many {
            return set.insert(key);
        }
        if self.few.contains(&key) {
            return false;
        }
        self.few.push(key);
        if self.few.len() > 32 {
            self.many = Some(self.few.drain(..).collect());
        }
        true
    }

    fn contains(&self, key: &str) -> bool {
        match &self.many {
            Some(set) => set.contains(key),
            None => self.few.iter().any(|k| k == key),
        }
    }
}

/// A key, handed to serde without copying it when the text holds it as it is.
struct KeyDe<'a>(Cow<'a, str>);

impl<'de> de::Deserializer<'de> for KeyDe<'_> {
    type Error = StreamError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, StreamError> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any option newtype_struct enum
    }
}
