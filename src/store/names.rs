//! Session names and file names: a readable, safe file name for any name
//! (transliterated where a common scheme exists), and one-line cleaning.

/// A file name (without extension) for a session name: lowercase ASCII
/// letters, digits and dashes. Letters of other scripts are spelled in ASCII
/// where a common scheme exists (ß → ss, Ελληνικά → ellinika, １２３ → 123);
/// a name with letters that cannot be spelled so (Arabic, CJK) gets a short
/// hash of the whole name, and a name of symbols only (an emoji) becomes
/// `sessie-<hash>`, so that different names do not share a file.
/// `None` if the name has nothing visible but ASCII punctuation.
pub fn slug(name: &str) -> Option<String> {
    const MAX: usize = 64;
    let name = name.trim();
    let mut out = String::new();
    let mut lost = false;
    let mut symbol = false;
    let sep = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    };
    for c in name.chars() {
        if out.len() >= MAX {
            break;
        }
        // full-width forms (U+FF01–U+FF5E) are ASCII in another width
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_ascii() || c.is_whitespace() || c.is_control() {
            sep(&mut out);
            continue;
        }
        for lc in c.to_lowercase() {
            if ('\u{300}'..='\u{36f}').contains(&lc) {
                continue; // a combining accent: the letter before it is kept
            }
            if lc.is_ascii_alphanumeric() {
                out.push(lc); // 'İ' lowercases to 'i' and a combining dot
            } else if let Some(t) = transliterate(lc) {
                out.push_str(t);
            } else if lc.is_alphanumeric() {
                lost = true;
                sep(&mut out);
            } else {
                symbol = true;
                sep(&mut out);
            }
        }
    }
    out.truncate(MAX);
    let out = out.trim_matches('-').to_string();
    let hash = || format!("{:08x}", fnv1a(name.as_bytes()) as u32);
    if lost {
        let mut base = out;
        base.truncate(MAX - 9);
        let base = base.trim_matches('-');
        return Some(if base.is_empty() {
            format!("sessie-{}", hash())
        } else {
            format!("{base}-{}", hash())
        });
    }
    if out.is_empty() {
        return symbol.then(|| format!("sessie-{}", hash()));
    }
    Some(out)
}

/// FNV-1a (64 bit): a small hash that is the same on every platform and
/// in every version, for file names.
pub(super) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// ASCII spelling of a lowercase letter of a Latin, Greek or Cyrillic
/// alphabet (common schemes: German, Scandinavian, Turkish, Polish, Czech,
/// ELOT 743 for Greek, the passport scheme for Cyrillic).
pub(super) fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' | 'ő' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ç' | 'ć' | 'č' => "c",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ĳ' => "y",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'ş' | 'ș' | 'ś' | 'š' => "s",
        'ţ' | 'ț' | 'ť' => "t",
        'ğ' | 'ģ' => "g",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ž' | 'ź' | 'ż' => "z",
        'ř' | 'ŕ' => "r",
        'ď' | 'đ' | 'ð' => "d",
        'ķ' => "k",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        // Greek (ELOT 743, simplified)
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian)
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "c",
        'ђ' => "dj",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' | 'ѕ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Remove control characters from a one-line name; trims whitespace.
pub fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}
