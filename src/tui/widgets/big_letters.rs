//! Block letters, five rows high, for words that must be read across a room.

/// The five rows of one letter (unknown characters are blank).
fn glyph(c: char) -> [&'static str; 5] {
    match c {
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
        // ---- the rest of the alphabet, for status words on the beamer (issue 17) ----
        'A' => [" ██ ", "█  █", "████", "█  █", "█  █"],
        'B' => ["███ ", "█  █", "███ ", "█  █", "███ "],
        'C' => [" ███", "█   ", "█   ", "█   ", " ███"],
        'H' => ["█  █", "█  █", "████", "█  █", "█  █"],
        'J' => ["   █", "   █", "   █", "█  █", " ██ "],
        'K' => ["█  █", "█ █ ", "██  ", "█ █ ", "█  █"],
        'M' => ["█   █", "██ ██", "█ █ █", "█   █", "█   █"],
        'P' => ["███ ", "█  █", "███ ", "█   ", "█   "],
        'Q' => [" ██ ", "█  █", "█  █", "█ ██", " ███"],
        'V' => ["█   █", "█   █", "█   █", " █ █ ", "  █  "],
        'W' => ["█   █", "█   █", "█ █ █", "██ ██", "█   █"],
        'X' => ["█   █", " █ █ ", "  █  ", " █ █ ", "█   █"],
        'Y' => ["█   █", " █ █ ", "  █  ", "  █  ", "  █  "],
        'Z' => ["████", "   █", "  █ ", " █  ", "████"],
        // (end of section)
        _ => ["  ", "  ", "  ", "  ", "  "],
    }
}

/// The rows of a word in block letters, each pixel `scale` cells wide.
pub fn big_text(word: &str, scale: usize) -> Vec<String> {
    let mut rows = vec![String::new(); 5];
    for (i, c) in word.chars().enumerate() {
        let g = glyph(c);
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
