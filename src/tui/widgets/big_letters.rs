//! Block letters, five rows high, for words that must be read across a room.

const BLANK: [&str; 5] = ["  ", "  ", "  ", "  ", "  "];

/// The five rows of one letter; `None` for a character without one.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        'G' => [" ███ ", "█    ", "█  ██", "█   █", " ███ "],
        'O' => [" ███ ", "█   █", "█   █", "█   █", " ███ "],
        'N' => ["█   █", "██  █", "█ █ █", "█  ██", "█   █"],
        '-' => ["    ", "    ", "████", "    ", "    "],
        'U' => ["█   █", "█   █", "█   █", "█   █", " ███ "],
        'I' => ["███", " █ ", " █ ", " █ ", "███"],
        'T' => ["█████", "  █  ", "  █  ", "  █  ", "  █  "],
        'E' => ["████", "█   ", "███ ", "█   ", "████"],
        'S' => [" ███", "█   ", " ██ ", "   █", "███ "],
        'L' => ["█   ", "█   ", "█   ", "█   ", "████"],
        'D' => ["███ ", "█  █", "█  █", "█  █", "███ "],
        'F' => ["████", "█   ", "███ ", "█   ", "█   "],
        'R' => ["███ ", "█  █", "███ ", "█ █ ", "█  █"],
        // the status words of the focus view (issue 17)
        'P' => ["███ ", "█  █", "███ ", "█   ", "█   "],
        'C' => [" ███", "█   ", "█   ", "█   ", " ███"],
        'V' => ["█   █", "█   █", "█   █", " █ █ ", "  █  "],
        'H' => ["█  █", "█  █", "████", "█  █", "█  █"],
        'A' => [" ██ ", "█  █", "████", "█  █", "█  █"],
        'M' => ["█   █", "██ ██", "█ █ █", "█   █", "█   █"],
        'K' => ["█  █", "█ █ ", "██  ", "█ █ ", "█  █"],
        'B' => ["███ ", "█  █", "███ ", "█  █", "███ "],
        'J' => ["   █", "   █", "   █", "█  █", " ██ "],
        'Q' => [" ██ ", "█  █", "█  █", "█ ██", " ███"],
        'W' => ["█   █", "█   █", "█ █ █", "██ ██", "█   █"],
        'X' => ["█   █", " █ █ ", "  █  ", " █ █ ", "█   █"],
        'Y' => ["█   █", " █ █ ", "  █  ", "  █  ", "  █  "],
        'Z' => ["████", "   █", "  █ ", " █  ", "████"],
        ' ' => BLANK,
        _ => return None,
    })
}

/// Whether every character of `word` has a block letter (else a caller
/// shows the word in plain text rather than with gaps).
pub fn drawable(word: &str) -> bool {
    word.chars().all(|c| glyph(c).is_some())
}

/// The rows of a word in block letters, each pixel `scale` cells wide.
pub fn big_text(word: &str, scale: usize) -> Vec<String> {
    let mut rows = vec![String::new(); 5];
    for (i, c) in word.chars().enumerate() {
        // unknown characters are blank
        let g = glyph(c).unwrap_or(BLANK);
        for (r, row) in rows.iter_mut().enumerate() {
            if i > 0 {
                row.push_str(&" ".repeat(scale));
            }
            for ch in g[r].chars() {
                row.push_str(&ch.to_string().repeat(scale));
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_letters_have_five_rows_of_equal_width() {
        for w in ["GO", "NO-GO", "UITGESTELD", "DEFERRED"] {
            let rows = big_text(w, 1);
            assert_eq!(rows.len(), 5);
            let width = rows[0].chars().count();
            assert!(rows.iter().all(|r| r.chars().count() == width), "{w}");
            assert!(width <= 78, "{w} fits 80 columns");
            assert!(rows.iter().any(|r| r.contains('█')));
        }
        // the status words of the focus view, in both languages
        for w in [
            "OPEN",
            "CONSENSUS",
            "VERSCHIL VAN MENING",
            "OVERGESLAGEN",
            "DISSENT",
            "SKIPPED",
        ] {
            assert!(drawable(w), "{w}");
            let rows = big_text(w, 1);
            let width = rows[0].chars().count();
            assert!(rows.iter().all(|r| r.chars().count() == width), "{w}");
        }
        assert!(!drawable("ÉÉN?"));
        // every letter of the alphabet has a glyph (the beamer's status words)
        for c in 'A'..='Z' {
            assert!(
                big_text(&c.to_string(), 1).iter().any(|r| r.contains('█')),
                "{c}"
            );
        }
        assert_eq!(
            big_text("GO", 2)[0].chars().count(),
            big_text("GO", 1)[0].chars().count() * 2
        );
    }
}
