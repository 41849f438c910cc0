//! Anonymisation: people's names replaced, as whole words, by what they
//! stand for.
//!
//! What is replaced (see README, "Anonimiseren"):
//! - a representative's full name, their first name alone, their surname
//!   with its prefix ("van Dijk", "el Idrissi") and the last word of the
//!   surname alone ("Dijk", "Idrissi"), each by their organisation;
//! - the facilitator's name and its parts, by the word for the facilitator.
//! - each of these also as typed without accents ("Yilmaz" for "Yılmaz",
//!   "Ozturk" and "Oeztuerk" for "Öztürk").
//!
//! Only whole words are replaced: a match must not touch a letter, digit or
//! hyphen on either side, so a representative called "Ad" leaves "Advies"
//! and "ad-hoc" alone and "Gert-Jan" is one word. Names of more than one
//! word match in any case, with any white space between the words (also a
//! line break); a single word matches as it is written in the name, so
//! "Boer" is replaced but the common noun "boer" is not. Prefixes ("van",
//! "de", "el", …) and initials ("J.") are never replaced alone. A part that
//! two people share ("Jan") becomes the neutral word for a name, since it
//! cannot be told whose it is. The names of the organisations themselves are
//! left as they are, even when a name hides in one ("Linde" in
//! "Woonstichting De Linde"). Everything is replaced in one pass, so an
//! organisation put in for a name is never replaced again.
//!
//! It cannot catch what it does not know: nicknames, misspellings, names of
//! people who are not a party's representative, and descriptions that
//! identify someone ("de wethouder", "de buurvrouw op nummer 12").
//!
//! One list of replacements serves the minutes (text replaced as it is
//! written), the CSV, and the JSON export (a copy of the session replaced in
//! place).

use crate::i18n::Lang;
use crate::session::Session;

/// Surname prefixes (tussenvoegsels and their like in other languages):
/// never replaced on their own.
const PREFIXES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "aan", "bij", "onder",
    "over", "uit", "voor", "el", "al", "la", "le", "les", "du", "des", "di", "da", "do", "dos",
    "das", "del", "della", "von", "zu", "vom", "zum", "zur", "y", "e", "bin", "ibn", "ben", "bint",
    "abu", "mc", "mac", "st", "st.",
];

/// Phrases to replace, longest first.
#[derive(Debug, Clone, Default)]
pub(super) struct Names(Vec<Phrase>);

#[derive(Debug, Clone)]
struct Phrase {
    /// The words of the phrase (matched with any white space between them),
    /// each with whether it matches in any case: the prefixes in a name of
    /// more than one word ("Van Dijk" at the start of a sentence).
    words: Vec<(Vec<char>, bool)>,
    /// What it becomes.
    to: String,
}

impl Phrase {
    fn new(text: &str, to: &str) -> Phrase {
        let words: Vec<&str> = text.split_whitespace().collect();
        let many = words.len() > 1;
        Phrase {
            words: words
                .iter()
                .map(|w| (w.chars().collect(), many && is_prefix(w)))
                .collect(),
            to: to.to_string(),
        }
    }

    fn len(&self) -> usize {
        self.words.iter().map(|w| w.0.len()).sum::<usize>() + self.words.len()
    }

    /// The same words (prefixes in any case).
    fn same_words(&self, other: &Phrase) -> bool {
        self.words.len() == other.words.len()
            && self.words.iter().zip(&other.words).all(|(a, b)| {
                a.0.len() == b.0.len() && a.0.iter().zip(&b.0).all(|(&x, &y)| same(x, y, a.1))
            })
    }
}

/// `text` without the parts in brackets.
fn without_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_prefix(word: &str) -> bool {
    PREFIXES.contains(&word.to_lowercase().as_str())
}

/// Part of a word: letters, digits, combining marks, and the hyphen and
/// underscore that join words into one.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '-' | '_' | '\u{2010}' | '\u{2011}')
        || matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn same(a: char, b: char, ci: bool) -> bool {
    a == b || (ci && a.to_lowercase().eq(b.to_lowercase()))
}

/// `text` in plain ASCII letters where it has a letter with a diacritic:
/// the letter without it ("ı" → "i", "ö" → "o", "ß" → "ss"), or with
/// `umlaut_e` the German and Dutch spelling of the umlauts ("ö" → "oe",
/// "ü" → "ue", "ä" → "ae"). Other characters stay as they are.
fn fold(text: &str, umlaut_e: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let upper = c.is_uppercase();
        let lower: String = c.to_lowercase().collect();
        let plain: &str = match lower.as_str() {
            "ä" | "ö" | "ü" if umlaut_e => match lower.as_str() {
                "ä" => "ae",
                "ö" => "oe",
                _ => "ue",
            },
            "à" | "á" | "â" | "ã" | "ä" | "å" | "ā" | "ă" | "ą" => "a",
            "æ" => "ae",
            "ç" | "ć" | "č" | "ĉ" | "ċ" => "c",
            "ď" | "đ" => "d",
            "è" | "é" | "ê" | "ë" | "ē" | "ė" | "ę" | "ě" => "e",
            "ğ" | "ģ" | "ĝ" | "ġ" => "g",
            "ì" | "í" | "î" | "ï" | "ı" | "ī" | "į" | "i̇" => "i",
            "ķ" => "k",
            "ł" | "ľ" | "ļ" | "ĺ" => "l",
            "ñ" | "ń" | "ň" | "ņ" => "n",
            "ò" | "ó" | "ô" | "õ" | "ö" | "ø" | "ō" | "ő" => "o",
            "œ" => "oe",
            "ř" | "ŕ" => "r",
            "ś" | "š" | "ş" | "ș" => "s",
            "ß" => "ss",
            "ť" | "ţ" | "ț" => "t",
            "ù" | "ú" | "û" | "ü" | "ū" | "ů" | "ű" | "ų" => "u",
            "ý" | "ÿ" => "y",
            "ź" | "ž" | "ż" => "z",
            _ => {
                out.push(c);
                continue;
            }
        };
        if upper {
            let mut chars = plain.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(plain);
        }
    }
    out
}

/// The word for the facilitator, for the facilitator's name.
fn facilitator_word(lang: Lang) -> &'static str {
    lang.strings().ex_anon_facilitator
}

impl Names {
    /// Every representative's and the facilitator's name in `sess`.
    pub(super) fn of(sess: &Session, lang: Lang) -> Names {
        let s = lang.strings();
        // (name or part of one, what it becomes)
        let mut wanted: Vec<(String, String)> = Vec::new();
        let mut add_person = |name: &str, to: &str| {
            if name.split_whitespace().next().is_none() {
                return;
            }
            // the name as written, then its words without what is in
            // brackets ("Lotte Visser (procesbegeleider)") and without
            // punctuation around them
            wanted.push((
                name.split_whitespace().collect::<Vec<_>>().join(" "),
                to.to_string(),
            ));
            let bare = without_brackets(name);
            let words: Vec<&str> = bare
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !word_char(c) && c != '\'' && c != '.'))
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return;
            }
            wanted.push((words.join(" "), to.to_string()));
            // the first name, the surname with its prefix, the surname's last word
            let first = words[0];
            let rest = &words[1..];
            wanted.push((first.to_string(), to.to_string()));
            if !rest.is_empty() {
                wanted.push((rest.join(" "), to.to_string()));
                let last_real = rest
                    .iter()
                    .position(|w| !PREFIXES.contains(&w.to_lowercase().as_str()));
                if let Some(i) = last_real {
                    // "van der Berg-de Vries": the words from the first that
                    // is no prefix ("Berg-de Vries"), and the last word
                    wanted.push((rest[i..].join(" "), to.to_string()));
                }
                wanted.push((rest[rest.len() - 1].to_string(), to.to_string()));
            }
        };
        for p in sess.parties.iter() {
            add_person(&p.representative, &p.organisation);
        }
        add_person(&sess.facilitator, facilitator_word(lang));
        // the same names as they are typed on a keyboard without accents:
        // "Yilmaz" for "Yılmaz", "Ozturk" and "Oeztuerk" for "Öztürk"
        let folded: Vec<(String, String)> = wanted
            .iter()
            .flat_map(|(text, to)| {
                [fold(text, false), fold(text, true)]
                    .into_iter()
                    .filter(move |f| f != text)
                    .map(move |f| (f, to.clone()))
            })
            .collect();
        wanted.extend(folded);
        let mut phrases: Vec<Phrase> = Vec::new();
        for (text, to) in wanted {
            let phrase = Phrase::new(&text, &to);
            if let [(w, _)] = phrase.words.as_slice() {
                let letters = w.iter().filter(|c| c.is_alphanumeric()).count();
                // initials and prefixes alone say nothing, and would hit words
                if letters < 2 || is_prefix(&text) {
                    continue;
                }
            }
            match phrases.iter_mut().find(|p| p.same_words(&phrase)) {
                // shared by two people: whose it is cannot be told
                Some(p) if p.to != to => p.to = s.ex_anon_name.to_string(),
                Some(_) => {}
                None => phrases.push(phrase),
            }
        }
        // the organisations stay as they are, also where a name hides in one
        for p in sess.parties.iter() {
            if !p.organisation.trim().is_empty() {
                phrases.push(Phrase::new(&p.organisation, &p.organisation));
            }
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        Names(phrases)
    }

    /// No replacements (anonymisation off).
    pub(super) fn none() -> Names {
        Names::default()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `text` with every name replaced, as whole words, in one pass.
    pub(super) fn apply(&self, text: &str) -> String {
        if self.0.is_empty() {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let at_start = i == 0 || !word_char(chars[i - 1]);
            if at_start && let Some((p, end)) = self.match_at(&chars, i) {
                out.push_str(&p.to);
                i = end;
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    }

    /// The longest phrase that matches whole at `i`, and where it ends.
    fn match_at(&self, chars: &[char], i: usize) -> Option<(&Phrase, usize)> {
        self.0.iter().find_map(|p| {
            let end = match_phrase(p, chars, i)?;
            (end == chars.len() || !word_char(chars[end])).then_some((p, end))
        })
    }

    fn apply_in_place(&self, text: &mut String) {
        if !self.0.is_empty() {
            *text = self.apply(text);
        }
    }
}

/// Where phrase `p` ends when it matches at `i` (white space between its
/// words: any run of white space).
fn match_phrase(p: &Phrase, chars: &[char], mut i: usize) -> Option<usize> {
    for (n, (word, ci)) in p.words.iter().enumerate() {
        if n > 0 {
            let from = i;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            if i == from {
                return None;
            }
        }
        for &w in word {
            if i < chars.len() && same(chars[i], w, *ci) {
                i += 1;
            } else {
                return None;
            }
        }
    }
    Some(i)
}

/// Replace people's names in every text field of a copy of the session:
/// representatives by their organisation, the facilitator by the word for
/// the facilitator (in `lang`).
pub fn anonymize_session(sess: &mut Session, lang: Lang) {
    let names = Names::of(sess, lang);
    let fix = |s: &mut String| names.apply_in_place(s);
    for p in sess.parties.iter_mut() {
        p.representative = p.organisation.clone();
    }
    fix(&mut sess.name);
    fix(&mut sess.area);
    fix(&mut sess.municipality);
    if !sess.facilitator.trim().is_empty() {
        sess.facilitator = facilitator_word(lang).to_string();
    }
    if let Some(d) = sess.draft.as_mut() {
        fix(&mut d.text);
    }
    for r in sess.points.values_mut() {
        fix(&mut r.skip_reason);
        fix(&mut r.dissent_reason);
        r.stances.iter_mut().for_each(|e| fix(&mut e.reason));
        for n in r.notes.iter_mut() {
            fix(&mut n.text);
            n.changes.iter_mut().for_each(|c| fix(&mut c.text));
        }
        for a in r.actions.iter_mut() {
            fix(&mut a.what);
            a.changes.iter_mut().for_each(|c| fix(&mut c.text));
        }
        r.history.iter_mut().for_each(|h| fix(&mut h.detail));
    }
    for v in sess.votes.iter_mut() {
        fix(&mut v.remark);
        v.ballots.iter_mut().for_each(|b| fix(&mut b.reason));
        if let Some(f) = v.follow_up.as_mut() {
            fix(&mut f.text);
        }
    }
    sess.overrides.iter_mut().for_each(|o| fix(&mut o.reason));
    for a in sess.adoptions.iter_mut() {
        for m in a.amendments.iter_mut() {
            fix(&mut m.text);
            fix(&mut m.part);
        }
    }
    for p in sess.parking.iter_mut() {
        fix(&mut p.text);
        if let Some(o) = p.outcome.as_mut() {
            fix(&mut o.reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;

    fn sess(reps: &[(&str, &str)], facilitator: &str) -> Session {
        let fw = Framework::builtin();
        let mut s = Session::new("S", &fw, jiff::Timestamp::UNIX_EPOCH);
        for (o, r) in reps {
            s.add_party(o, r, "");
        }
        s.facilitator = facilitator.into();
        s
    }

    #[test]
    fn whole_words_only() {
        let s = sess(&[("Gemeente Voorbeeldstad", "Ad")], "");
        let n = Names::of(&s, Lang::Nl);
        assert_eq!(
            n.apply("Advies van de Adviesraad; Ad zegt ja, ad hoc, ad-hoc, Ad."),
            "Advies van de Adviesraad; Gemeente Voorbeeldstad zegt ja, ad hoc, ad-hoc, Gemeente Voorbeeldstad."
        );
    }

    #[test]
    fn first_names_surnames_prefixes_and_the_facilitator() {
        let s = sess(
            &[
                ("School", "Pieter van Dijk"),
                ("Moskee", "Ömer el Idrissi"),
                ("Huurders", "Gert-Jan de Boer"),
                ("Woonstichting De Linde", "Linde Jansen"),
            ],
            "Lotte Visser (procesbegeleider)",
        );
        let n = Names::of(&s, Lang::Nl);
        for (text, want) in [
            ("Pieter zegt", "School zegt"),
            ("mevrouw Van Dijk en van\nDijk", "mevrouw School en School"),
            (
                "Dijk belt; de dijk ligt hoog",
                "School belt; de dijk ligt hoog",
            ),
            ("Ömer, El Idrissi, Idrissi", "Moskee, Moskee, Moskee"),
            ("Ömers fiets", "Ömers fiets"),
            ("Gert-Jan en Gert en Jan", "Huurders en Gert en Jan"),
            ("Boer de Boer, de boer", "Huurders Huurders, de boer"),
            (
                "Lotte vraagt Visser",
                "Procesbegeleider vraagt Procesbegeleider",
            ),
            ("de visser vist", "de visser vist"),
            (
                "Lotte Visser (procesbegeleider) opent",
                "Procesbegeleider opent",
            ),
            ("de procesbegeleider", "de procesbegeleider"),
            (
                "Woonstichting De Linde en Linde",
                "Woonstichting De Linde en Woonstichting De Linde",
            ),
            ("van de wijk", "van de wijk"),
        ] {
            assert_eq!(n.apply(text), want, "{text}");
        }
    }

    #[test]
    fn a_shared_first_name_becomes_a_neutral_word() {
        let s = sess(&[("A", "Jan Smit"), ("B", "Jan Bakker")], "");
        let n = Names::of(&s, Lang::Nl);
        assert_eq!(n.apply("Jan, Smit, Jan Bakker"), "[naam], A, B");
    }

    #[test]
    fn names_typed_without_their_accents_are_replaced_too() {
        let s = sess(
            &[("Wijkteam", "Fatma Yılmaz"), ("Moskee", "Ömer Öztürk")],
            "Zoë Müller",
        );
        let n = Names::of(&s, Lang::Nl);
        for (text, want) in [
            ("Yilmaz belt Fatma Yilmaz", "Wijkteam belt Wijkteam"),
            ("Ozturk, Oeztuerk, Öztürk", "Moskee, Moskee, Moskee"),
            ("Omer Ozturk zegt", "Moskee zegt"),
            (
                "Zoe Muller en Mueller",
                "Procesbegeleider en Procesbegeleider",
            ),
            // only whole words: a longer word that starts the same stays
            ("Yilmazstraat", "Yilmazstraat"),
        ] {
            assert_eq!(n.apply(text), want, "{text}");
        }
        assert_eq!(fold("Øyvind Łukasz", false), "Oyvind Lukasz");
        assert_eq!(fold("Öztürk", true), "Oeztuerk");
    }

    #[test]
    fn a_decomposed_accent_is_part_of_the_word() {
        let s = sess(&[("A", "Jose")], "");
        let n = Names::of(&s, Lang::Nl);
        // "Jose" followed by a combining acute is "José", someone else
        assert_eq!(n.apply("Jose\u{301} en Jose"), "Jose\u{301} en A");
    }
}
