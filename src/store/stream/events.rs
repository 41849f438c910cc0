//! The TOML text as a stream of parser events, one top-level line at a
//! time: `toml_parser` lexes and checks the grammar of each line (a table
//! header, a key with its value, a comment), so no more than one line's
//! tokens and events are ever held. Blanks, comments and line ends are
//! dropped; what is left says everything the reader needs.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ParseError, Raw, Source, Span};

use super::StreamError;

/// How deep arrays and inline tables may nest (as the `toml` crate).
const MAX_NESTING: u32 = 80;

/// A table header: `[a.b]` or `[[a.b]]`.
#[derive(Debug)]
pub(super) struct Header<'a> {
    pub array: bool,
    pub path: Vec<Cow<'a, str>>,
    pub at: usize,
}

/// A scalar value, decoded.
pub(super) enum Scalar<'a> {
    Str(Cow<'a, str>),
    Bool(bool),
    Int(i64),
    Float(f64),
}

pub(super) struct Events<'a> {
    /// The whole text (spans handed out are offsets in it).
    text: &'a str,
    /// What is left of the part being read (it starts at `base` in the
    /// text), and the parts still to come.
    part: &'a str,
    base: usize,
    rest: std::vec::IntoIter<(usize, usize)>,
    /// The tokens of the line being read (spans in `part`).
    tokens: Vec<Token>,
    /// The line being read: where it starts and ends in the text.
    line_at: (usize, usize),
    /// The events of the line being read (kept to reuse its memory).
    parsed: Vec<Event>,
    line: Vec<Event>,
    next: usize,
    /// Where the last event handed out starts (for messages).
    pub at: usize,
    /// Set from another thread: stop reading.
    stop: Option<&'a AtomicBool>,
}

impl<'a> Events<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::over(text, vec![(0, text.len())])
    }

    /// The parts of `text` (ranges of whole lines) one after the other.
    pub fn over(text: &'a str, parts: Vec<(usize, usize)>) -> Self {
        Events {
            text,
            part: "",
            base: 0,
            rest: parts.into_iter(),
            tokens: Vec::new(),
            line_at: (0, 0),
            parsed: Vec::new(),
            line: Vec::new(),
            next: 0,
            at: 0,
            stop: None,
        }
    }

    /// Stop at the next line once `stop` is set.
    pub fn until(self, stop: &'a AtomicBool) -> Self {
        Events {
            stop: Some(stop),
            ..self
        }
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|s| s.load(Ordering::Relaxed))
    }

    /// The next event, without taking it; `None` at the end of the text.
    #[inline]
    pub fn peek(&mut self) -> Result<Option<Event>, StreamError> {
        match self.line.get(self.next) {
            Some(e) => Ok(Some(*e)),
            None => self.peek_next_line(),
        }
    }

    /// [`Events::peek`] at the end of a line (kept apart: the common case
    /// above stays small).
    #[inline(never)]
    fn peek_next_line(&mut self) -> Result<Option<Event>, StreamError> {
        while self.next == self.line.len() {
            if !self.read_line()? {
                return Ok(None);
            }
        }
        Ok(Some(self.line[self.next]))
    }

    /// The next event (after [`Events::peek`]) is the first of its line.
    pub fn first_on_line(&self) -> bool {
        self.next == 0
    }

    /// The event `n` after the next one on the line being read (after
    /// [`Events::peek`]); `None` past the line's end.
    pub fn peek_on_line(&self, n: usize) -> Option<Event> {
        self.line.get(self.next + n).copied()
    }

    pub fn take(&mut self) -> Result<Option<Event>, StreamError> {
        let event = self.peek()?;
        if let Some(e) = event {
            self.next += 1;
            self.at = e.span().start();
        }
        Ok(event)
    }

    /// The next event, which must be there.
    pub fn expect(&mut self) -> Result<Event, StreamError> {
        self.take()?
            .ok_or_else(|| StreamError::unsupported("unexpected end", self.text.len()))
    }

    /// Read the next top-level line into events: a simple one by its
    /// bytes (`fast.rs`), any other lexed (up to a line end outside
    /// brackets, so an array over several lines is one) and parsed.
    /// `false` at the end of the text.
    fn read_line(&mut self) -> Result<bool, StreamError> {
        if self.stopped() {
            return Err(StreamError::unsupported("stopped", self.base));
        }
        self.line.clear();
        self.next = 0;
        if self.part.is_empty() {
            let Some((start, end)) = self.rest.next() else {
                return Ok(false);
            };
            self.part = &self.text[start..end];
            self.base = start;
            return Ok(true);
        }
        if let Some(simple) = super::fast::simple_line(self.part) {
            self.take_simple(&simple);
            return Ok(true);
        }
        if let Some(len) = super::fast::blank_line(self.part) {
            self.advance(len);
            return Ok(true);
        }
        if let Some(header) = super::fast::simple_header(self.part) {
            self.take_header(&header);
            return Ok(true);
        }
        self.tokens.clear();
        let mut depth = 0usize;
        for token in Source::new(self.part).lex() {
            if token.kind() == TokenKind::Eof {
                break;
            }
            // a line can be long (an array): look at `stop` within it too
            if self.tokens.len() % 1024 == 1023 && self.stopped() {
                return Err(StreamError::unsupported("stopped", self.base));
            }
            self.tokens.push(token);
            match token.kind() {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                    depth = depth.saturating_sub(1)
                }
                TokenKind::Newline if depth == 0 => break,
                _ => {}
            }
        }
        let len = self
            .tokens
            .last()
            .map_or(self.part.len(), |t| t.span().end());
        self.line_at = (self.base, self.base + len);
        let read = self.parse_tokens();
        self.part = &self.part[len..];
        self.base += len;
        read.map(|()| true)
    }

    /// The events of a line found by its bytes.
    fn take_simple(&mut self, s: &super::fast::Simple) {
        let at = |(a, b): (usize, usize)| Span::new_unchecked(self.base + a, self.base + b);
        let value = match s.quoted {
            true => Some(Encoding::BasicString),
            false => None,
        };
        let events = [
            Event::new_unchecked(EventKind::SimpleKey, None, at(s.key)),
            Event::new_unchecked(EventKind::KeyValSep, None, at((s.eq, s.eq + 1))),
            Event::new_unchecked(EventKind::Scalar, value, at(s.value)),
        ];
        self.line.extend(events);
        self.advance(s.len);
    }

    /// The events of a header found by its bytes.
    fn take_header(&mut self, h: &super::fast::SimpleHeader) {
        let at = |a: usize, b: usize| Span::new_unchecked(self.base + a, self.base + b);
        let (open, close, width) = match h.array {
            true => (EventKind::ArrayTableOpen, EventKind::ArrayTableClose, 2),
            false => (EventKind::StdTableOpen, EventKind::StdTableClose, 1),
        };
        self.line
            .push(Event::new_unchecked(open, None, at(0, width)));
        for (n, &((a, b), quoted)) in h.keys.iter().enumerate() {
            if n > 0 {
                let dot = at(a - 1, a);
                self.line
                    .push(Event::new_unchecked(EventKind::KeySep, None, dot));
            }
            let encoding = quoted.then_some(Encoding::BasicString);
            self.line.push(Event::new_unchecked(
                EventKind::SimpleKey,
                encoding,
                at(a, b),
            ));
        }
        let end = at(h.close, h.close + width);
        self.line.push(Event::new_unchecked(close, None, end));
        self.advance(h.len);
    }

    /// The line of `len` bytes at the start of the part was read.
    fn advance(&mut self, len: usize) {
        self.line_at = (self.base, self.base + len);
        self.part = &self.part[len..];
        self.base += len;
    }

    /// Parse the tokens of the line into events (spans made offsets in the text).
    fn parse_tokens(&mut self) -> Result<(), StreamError> {
        let source = Source::new(self.part);
        let mut error: Option<ParseError> = None;
        self.parsed.clear();
        {
            let mut valid = ValidateWhitespace::new(&mut self.parsed, source);
            let mut guard = RecursionGuard::new(&mut valid, MAX_NESTING);
            toml_parser::parser::parse_document(&self.tokens, &mut guard, &mut error);
        }
        if error.is_some() {
            return Err(self.line_fault());
        }
        // spans in the part, made offsets in the text
        let base = self.base;
        self.line.extend(self.parsed.iter().filter_map(|e| {
            let span = e.span();
            let kept = !matches!(
                e.kind(),
                EventKind::Whitespace | EventKind::Comment | EventKind::Newline
            );
            kept.then(|| {
                let span = Span::new_unchecked(base + span.start(), base + span.end());
                Event::new_unchecked(e.kind(), e.encoding(), span)
            })
        }));
        Ok(())
    }

    /// The fault of the line being read, as the `toml` crate words it for
    /// that line alone (a line is a TOML document of its own; the offset
    /// is the file's); left to `toml` if it reads the line after all.
    fn line_fault(&self) -> StreamError {
        let (start, end) = self.line_at;
        match toml::from_str::<toml::Table>(&self.text[start..end]) {
            Err(e) => StreamError {
                message: e.message().trim().to_string(),
                offset: start + e.span().map_or(0, |s| s.start),
                kind: super::Kind::Fault,
            },
            Ok(_) => StreamError::unsupported("a line read apart", start),
        }
    }

    fn raw(&self, event: Event) -> Raw<'a> {
        let span = event.span();
        Raw::new_unchecked(&self.text[span.start()..span.end()], event.encoding(), span)
    }

    /// A key's text (quoted or bare).
    pub fn key(&self, event: Event) -> Result<Cow<'a, str>, StreamError> {
        if let Some(plain) = self.plain_string(event).or_else(|| self.bare_key(event)) {
            return Ok(Cow::Borrowed(plain));
        }
        let mut out: Cow<'a, str> = Cow::Borrowed("");
        let mut error: Option<ParseError> = None;
        self.raw(event).decode_key(&mut out, &mut error);
        match error {
            None => Ok(out),
            Some(_) => Err(StreamError::unsupported(
                "a key TOML does not accept",
                event.span().start(),
            )),
        }
    }

    /// A scalar's value; dates and times are left to the `toml` crate.
    pub fn scalar(&self, event: Event) -> Result<Scalar<'a>, StreamError> {
        let at = event.span().start();
        if let Some(plain) = self.plain_string(event) {
            return Ok(Scalar::Str(Cow::Borrowed(plain)));
        }
        let mut out: Cow<'a, str> = Cow::Borrowed("");
        let mut error: Option<ParseError> = None;
        let kind = self.raw(event).decode_scalar(&mut out, &mut error);
        if error.is_some() {
            return Err(self.line_fault());
        }
        let bad = || self.line_fault();
        Ok(match kind {
            ScalarKind::String => Scalar::Str(out),
            ScalarKind::Boolean(b) => Scalar::Bool(b),
            ScalarKind::Integer(radix) => {
                Scalar::Int(i64::from_str_radix(&out, radix.value()).map_err(|_| bad())?)
            }
            ScalarKind::Float => Scalar::Float(parse_float(&out).ok_or_else(bad)?),
            ScalarKind::DateTime => {
                return Err(StreamError::unsupported("a date-time value", at));
            }
        })
    }

    /// A basic string with nothing to decode: no escape and no character
    /// TOML refuses in it (controls but tab, DEL), so its text is its value
    /// (most strings of a session; the decoder is the rest's).
    #[inline]
    fn plain_string(&self, event: Event) -> Option<&'a str> {
        if event.encoding() != Some(Encoding::BasicString) {
            return None;
        }
        let span = event.span();
        let raw = self.text.get(span.start()..span.end())?;
        let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
        // every byte looked at (no early return: the loop vectorizes)
        let plain = inner.bytes().fold(true, |ok, b| {
            ok & ((b >= 0x20 && b != b'\\' && b != b'"' && b != 0x7f) | (b == b'\t'))
        });
        plain.then_some(inner)
    }

    /// A bare key (letters, digits, `_`, `-`): its text is its name.
    #[inline]
    fn bare_key(&self, event: Event) -> Option<&'a str> {
        if event.encoding().is_some() {
            return None;
        }
        let span = event.span();
        let raw = self.text.get(span.start()..span.end())?;
        let bare = !raw.is_empty()
            && raw
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        bare.then_some(raw)
    }

    /// The header that starts with `open` (taken): its keys up to its close.
    pub fn header(&mut self, open: Event) -> Result<Header<'a>, StreamError> {
        let array = open.kind() == EventKind::ArrayTableOpen;
        let mut path = Vec::new();
        loop {
            let e = self.expect()?;
            match e.kind() {
                EventKind::SimpleKey => path.push(self.key(e)?),
                EventKind::KeySep => {}
                EventKind::StdTableClose | EventKind::ArrayTableClose => break,
                _ => return Err(StreamError::unsupported("a header", e.span().start())),
            }
        }
        Ok(Header {
            array,
            path,
            at: open.span().start(),
        })
    }
}

/// A TOML float's text as the decoder leaves it (`inf`, `nan`, digits).
fn parse_float(s: &str) -> Option<f64> {
    let s = s.replace('_', "");
    match s.as_str() {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => s.parse().ok(),
    }
}
