//! Whether a TOML text's tables come in the order the streaming reader
//! reads them: each table in one piece, a table before the tables inside
//! it. Only asked after serde refused a value, to tell a file that is no
//! session from one the `toml` crate may still read (a table continued
//! after another one, a super-table given after its sub-table).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use toml_parser::parser::EventKind;

use super::events::Events;

/// Every header in order: a path given before may come again only while
/// it is still open (a prefix of the header just before, or the same
/// array of tables); a table's own header never after a header inside it.
/// One pass over the text, a hash for each table path seen.
pub fn in_stream_order(text: &str) -> bool {
    in_order(Events::new(text))
}

/// [`in_stream_order`] of the events given.
pub fn in_order(mut ev: Events) -> bool {
    let mut seen: HashSet<u64> = HashSet::new();
    let mut arrays: HashSet<u64> = HashSet::new();
    let mut last: Vec<String> = Vec::new();
    loop {
        let e = match ev.take() {
            Ok(Some(e)) => e,
            Ok(None) => return true,
            // a line toml does not accept: toml names it
            Err(_) => return false,
        };
        if !matches!(
            e.kind(),
            EventKind::StdTableOpen | EventKind::ArrayTableOpen
        ) {
            continue;
        }
        let Ok(h) = ev.header(e) else {
            return false;
        };
        let path: Vec<String> = h.path.iter().map(|k| k.to_string()).collect();
        // the keys it shares with the header before; each prefix's hash
        // from the one before it (a header 1,000 keys deep costs 1,000)
        let common = last.iter().zip(&path).take_while(|(a, b)| a == b).count();
        let mut prefix = DefaultHasher::new();
        for k in 1..=path.len() {
            let open = k <= common;
            let whole = k == path.len();
            path[k - 1].hash(&mut prefix);
            let id = prefix.finish();
            let again = !seen.insert(id);
            // still open: a prefix of the header before; its own header
            // again only for the next element of an array of tables
            let next_element = whole && h.array && arrays.contains(&id);
            if again && !(open && (!whole || next_element)) {
                return false;
            }
            if whole && h.array {
                arrays.insert(id);
            }
        }
        last = path;
    }
}

#[cfg(test)]
mod tests {
    use super::in_stream_order;

    #[test]
    fn tables_in_one_piece_are_in_stream_order() {
        assert!(in_stream_order(
            "a = 1\n[b]\nx = 1\n[b.c]\n[[b.d]]\n[[b.d]]\n[b.d.e]\n[f]\n"
        ));
        assert!(in_stream_order(
            "[[p.\"1\".n]]\n[[p.\"1\".n]]\n[[p.\"2\".n]]\n"
        ));
    }

    #[test]
    fn a_table_continued_or_given_late_is_not() {
        assert!(!in_stream_order("[a.b]\n[c]\n[a.d]\n"));
        assert!(!in_stream_order("[a.b]\n[a]\n"));
        assert!(!in_stream_order("[a]\n[a]\n"));
        assert!(!in_stream_order("[[a]]\n[b]\n[[a]]\n"));
        assert!(!in_stream_order("[a]\n[[a]]\n"));
    }
}
