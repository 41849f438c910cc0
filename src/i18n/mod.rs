//! User-facing strings, one file per language (`nl.rs` is the default,
//! `en.rs` the English translation). Both fill the same [`Strings`] struct,
//! so the compiler keeps the two languages in step; placeholders are `{0}`,
//! `{1}`, … and are checked by a test.

mod en;
mod nl;
pub mod overview;
pub mod plan;
pub mod stances;
mod strings;

pub use strings::Strings;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// The months' names in running text, Dutch then English: the one table
/// (`Lang::date_long`, and the HTML minutes keeping such a date on one line).
pub const MONTHS: [[&str; 12]; 2] = [
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

impl Lang {
    /// A date as its readers write it: 12-10-2026 in Dutch, ISO in English.
    pub fn date(self, d: jiff::civil::Date) -> String {
        match self {
            Lang::Nl => format!("{:02}-{:02}-{}", d.day(), d.month(), d.year()),
            Lang::En => d.to_string(),
        }
    }

    /// A date in running text: "12 oktober 2026", "12 October 2026".
    pub fn date_long(self, d: jiff::civil::Date) -> String {
        let months = match self {
            Lang::Nl => &MONTHS[0],
            Lang::En => &MONTHS[1],
        };
        let m = months[(d.month() as usize).clamp(1, 12) - 1];
        format!("{} {m} {}", d.day(), d.year())
    }

    /// A size as its readers write it: "980 B", "12,3 kB" (Dutch) or
    /// "12.3 kB", "1,2 MB" (`backups`, the paste limit).
    pub fn size(self, bytes: u64) -> String {
        let t = match bytes {
            0..1_000 => format!("{bytes} B"),
            1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1_000.0),
            _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
        };
        match self {
            Lang::Nl => t.replace('.', ","),
            Lang::En => t,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nl => &nl::NL,
            Lang::En => &en::EN,
        }
    }
}

/// The language a string table is in.
pub fn lang_of(s: &Strings) -> Lang {
    if std::ptr::eq(s, &en::EN) {
        Lang::En
    } else {
        Lang::Nl
    }
}

/// Replace `{0}`, `{1}`, … in `template` by `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => match after[..end].parse::<usize>() {
                Ok(n) if n < args.len() => {
                    out.push_str(args[n]);
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            },
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that give the other language away (whole words, any case).
    const ENGLISH: &[&str] = &[
        "the",
        "and",
        "to",
        "workshop",
        "session",
        "theme",
        "light",
        "dark",
        "points",
        "point",
        "party",
        "parties",
        "save",
        "saved",
        "back",
        "yes",
        "no",
        "cancel",
        "open actions",
        "choose",
        "scroll",
    ];
    const DUTCH: &[&str] = &[
        "de",
        "het",
        "een",
        "van",
        "bijeenkomst",
        "niet",
        "wijk",
        "partij",
        "punt",
        "opslaan",
        "terug",
        "kiezen",
        "aanwezig",
        "afwezig",
        "stap",
        "blok",
        "verslag",
        "sessie",
    ];

    fn words_of(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase())
            .collect()
    }

    #[test]
    fn no_english_in_the_dutch_interface_and_no_dutch_in_the_english() {
        let mut wrong = Vec::new();
        for (lang, foreign) in [(Lang::Nl, ENGLISH), (Lang::En, DUTCH)] {
            for (key, text) in lang.strings().entries() {
                let words = words_of(text);
                for f in foreign {
                    let f_words: Vec<String> = f.split(' ').map(String::from).collect();
                    let found = words
                        .windows(f_words.len())
                        .any(|w| w == f_words.as_slice());
                    if found {
                        wrong.push(format!("{lang:?} {key} = {text:?} has the word {f:?}"));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| s.contains(p.as_str()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn both_languages_have_every_text_with_the_same_placeholders() {
        let nl = Lang::Nl.strings().entries();
        let en = Lang::En.strings().entries();
        assert_eq!(nl.len(), en.len());
        for ((k1, v1), (k2, v2)) in nl.iter().zip(en.iter()) {
            assert_eq!(k1, k2);
            assert!(!v1.trim().is_empty(), "nl.{k1} is empty");
            assert!(!v2.trim().is_empty(), "en.{k2} is empty");
            assert_eq!(
                placeholders(v1),
                placeholders(v2),
                "placeholders differ for {k1}"
            );
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders_only() {
        assert_eq!(fill("{0} en {1}", &["a", "b"]), "a en b");
        assert_eq!(fill("{x} {0} {5}", &["a"]), "{x} a {5}");
        assert_eq!(fill("open {", &[]), "open {");
        // arguments are not re-expanded
        assert_eq!(fill("{0}{1}", &["{1}", "z"]), "{1}z");
    }
}
