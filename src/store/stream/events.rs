//! The TOML text as a stream of parser events, one top-level line at a
//! time: `toml_parser` lexes and checks the grammar of each line (a table
//! header, a key with its value, a comment), so no more than one line's
//! tokens and events are ever held. Blanks, comments and line ends are
//! dropped; what is left says everything the reader needs.

use std::borrow::Cow;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Lexer, Token, TokenKind};
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
    /// The part being lexed, from `base`, and the parts still to come.
    part: &'a str,
    base: usize,
    rest: std::vec::IntoIter<(usize, usize)>,
    lexer: Lexer<'a>,
    tokens: Vec<Token>,
    /// The events of the line being read (kept to reuse its memory).
    parsed: Vec<Event>,
    line: Vec<Event>,
    next: usize,
    /// Where the last event handed out starts (for messages).
    pub at: usize,
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
            lexer: Source::new("").lex(),
            tokens: Vec::new(),
            parsed: Vec::new(),
            line: Vec::new(),
            next: 0,
            at: 0,
        }
    }

    /// The next event, without taking it; `None` at the end of the text.
    pub fn peek(&mut self) -> Result<Option<Event>, StreamError> {
        while self.next == self.line.len() {
            if !self.read_line()? {
                return Ok(None);
            }
        }
        Ok(Some(self.line[self.next]))
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

    /// Lex the next top-level line (up to a line end outside brackets, so
    /// an array over several lines is one) and parse it into events.
    /// `false` at the end of the text.
    fn read_line(&mut self) -> Result<bool, StreamError> {
        self.tokens.clear();
        self.line.clear();
        self.next = 0;
        let mut depth = 0usize;
        for token in self.lexer.by_ref() {
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
        if self.tokens.is_empty() {
            let Some((start, end)) = self.rest.next() else {
                return Ok(false);
            };
            self.part = &self.text[start..end];
            self.base = start;
            self.lexer = Source::new(self.part).lex();
            return Ok(true);
        }
        if self.simple_line() {
            return Ok(true);
        }
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
        Ok(true)
    }

    /// The commonest line, `key = value` with a bare or quoted key and one
    /// scalar token, taken as events without the parser (7% of the time
    /// of reading a session); anything else, a comment included (its
    /// characters are checked by the parser), is not simple. The key and
    /// the value are checked when they are decoded, as after the parser.
    fn simple_line(&mut self) -> bool {
        let mut t = self
            .tokens
            .iter()
            .filter(|t| t.kind() != TokenKind::Whitespace);
        let (Some(key), Some(eq), Some(value)) = (t.next(), t.next(), t.next()) else {
            return false;
        };
        // then only a line end ("\n" or "\r\n") and the end of the text
        let line_end = |n: &Token| {
            n.kind() == TokenKind::Newline
                && matches!(&self.part[n.span().start()..n.span().end()], "\n" | "\r\n")
        };
        let end_ok = match (t.next(), t.next(), t.next()) {
            (None, _, _) => true,
            (Some(a), None, _) => a.kind() == TokenKind::Eof || line_end(a),
            (Some(a), Some(b), None) => line_end(a) && b.kind() == TokenKind::Eof,
            _ => false,
        };
        let key_enc = scalar_encoding(key.kind())
            .filter(|e| !matches!(e, Some(Encoding::MlBasicString | Encoding::MlLiteralString)));
        let (Some(key_enc), Some(value_enc), true, true) = (
            key_enc,
            scalar_encoding(value.kind()),
            eq.kind() == TokenKind::Equals,
            end_ok,
        ) else {
            return false;
        };
        let at = |t: &Token| {
            Span::new_unchecked(self.base + t.span().start(), self.base + t.span().end())
        };
        let events = [
            Event::new_unchecked(EventKind::SimpleKey, key_enc, at(key)),
            Event::new_unchecked(EventKind::KeyValSep, None, at(eq)),
            Event::new_unchecked(EventKind::Scalar, value_enc, at(value)),
        ];
        self.line.extend(events);
        true
    }

    /// The fault of the line being read, as the `toml` crate words it for
    /// that line alone (a line is a TOML document of its own; the offset
    /// is the file's); left to `toml` if it reads the line after all.
    fn line_fault(&self) -> StreamError {
        let (Some(first), Some(last)) = (self.tokens.first(), self.tokens.last()) else {
            return StreamError::unsupported("an empty line", self.at);
        };
        let start = first.span().start();
        match toml::from_str::<toml::Table>(&self.part[start..last.span().end()]) {
            Err(e) => StreamError {
                message: e.message().trim().to_string(),
                offset: self.base + start + e.span().map_or(0, |s| s.start),
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

/// The encoding of a token that can be a key or a scalar (`Some(None)`:
/// bare); `None` for any other token.
fn scalar_encoding(kind: TokenKind) -> Option<Option<Encoding>> {
    match kind {
        TokenKind::Atom => Some(None),
        TokenKind::BasicString => Some(Some(Encoding::BasicString)),
        TokenKind::LiteralString => Some(Some(Encoding::LiteralString)),
        TokenKind::MlBasicString => Some(Some(Encoding::MlBasicString)),
        TokenKind::MlLiteralString => Some(Some(Encoding::MlLiteralString)),
        _ => None,
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
