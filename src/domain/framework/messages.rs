//! The TOML reader's messages in the interface's language (issue 31).

use crate::i18n::{Lang, fill};

/// The TOML reader's English message in the interface's language, for the
/// messages a hand-edited framework meets (unknown, missing or twice-given
/// keys, a value of the wrong kind); any other stays as the reader says it.
pub(super) fn toml_words(message: &str, lang: Lang) -> String {
    let s = lang.strings();
    let quoted = |m: &str| -> Vec<String> {
        m.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let q = quoted(rest);
        if let Some((field, allowed)) = q.split_first() {
            let allowed: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
            return fill(s.fw_toml_unknown_field, &[field, &allowed.join(", ")]);
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ")
        && let Some(field) = quoted(rest).first()
    {
        return fill(s.fw_toml_missing_field, &[field]);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((got, want)) = rest.split_once(", expected ")
    {
        return fill(
            s.fw_toml_invalid_type,
            &[&value_kind(got, lang), &value_kind(want, lang)],
        );
    }
    if message.starts_with("duplicate key") {
        return match quoted(message).first() {
            Some(key) => fill(s.fw_toml_duplicate_key, &[key]),
            None => s.fw_toml_duplicate.to_string(),
        };
    }
    message.to_string()
}

/// "floating point `1.0`" → "kommagetal `1.0`"; "a string" → "tekst".
fn value_kind(words: &str, lang: Lang) -> String {
    if lang != Lang::Nl {
        return words.to_string();
    }
    let table = [
        ("floating point", "kommagetal"),
        ("integer", "geheel getal"),
        ("a string", "tekst"),
        ("string", "tekst"),
        ("boolean", "waar/onwaar"),
        ("a sequence", "een lijst"),
        ("sequence", "lijst"),
        ("a map", "een tabel"),
        ("map", "tabel"),
        ("u32", "een geheel getal"),
    ];
    let mut out = words.to_string();
    for (en, nl) in table {
        if out.starts_with(en) {
            out = format!("{nl}{}", &out[en.len()..]);
            break;
        }
    }
    out
}
