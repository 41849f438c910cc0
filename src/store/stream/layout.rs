//! Whether a TOML text's tables come in the order the streaming reader
//! reads them: each table in one piece, a table before the tables inside
//! it. Only asked after serde refused a value, to tell a file that is no
//! session from one the `toml` crate may still read (a table continued
//! after another one, a super-table given after its sub-table).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use toml_parser::parser::{Event, EventKind};

use super::events::Events;

/// Every header in order: a path given before may come again only while
/// it is still open (a prefix of the header just before, or the same
/// array of tables); a table's own header never after a header inside it.
/// Dotted keys: a table they name has its lines together in its section
/// (`a.b = 1`, `c = 1`, `a.d = 1` is TOML, but not read in this order),
/// and no header names a table inside one (TOML allows some; the `toml`
/// crate decides). One pass over the text, a hash for each table path seen.
pub fn in_stream_order(text: &str) -> bool {
    in_order(Events::new(text))
}

/// [`in_stream_order`] of the events given.
pub fn in_order(mut ev: Events) -> bool {
    let mut seen: HashSet<u64> = HashSet::new();
    let mut arrays: HashSet<u64> = HashSet::new();
    let mut last: Vec<String> = Vec::new();
    let mut dotted = Dotted::default();
    loop {
        let first = match ev.peek() {
            Ok(Some(_)) => ev.first_on_line(),
            Ok(None) => return true,
            // a line toml does not accept: toml names it
            Err(_) => return false,
        };
        let Ok(Some(e)) = ev.take() else {
            return false;
        };
        if first && e.kind() == EventKind::SimpleKey {
            match dotted.key_line(&mut ev, e, &last) {
                Some(true) => continue,
                _ => return false,
            }
        }
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
            if dotted.tables.contains(&id) {
                return false;
            }
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
        dotted.section();
    }
}

/// The tables named by dotted keys: in the whole text, and in the section
/// being read (the table of the line before, and those given so far).
#[derive(Default)]
struct Dotted {
    tables: HashSet<u64>,
    here: HashSet<u64>,
    last: Vec<String>,
}

impl Dotted {
    /// A new section begins.
    fn section(&mut self) {
        self.here.clear();
        self.last.clear();
    }

    /// The key line that starts with `key` (taken), in the section of the
    /// header `header`: `Some(true)` while each table it names by dotted
    /// keys is the one of the line before or new in this section.
    fn key_line(&mut self, ev: &mut Events, key: Event, header: &[String]) -> Option<bool> {
        let mut keys = vec![ev.key(key).ok()?.to_string()];
        loop {
            match ev.take().ok()??.kind() {
                EventKind::KeySep => {
                    let k = ev.take().ok()??;
                    keys.push(ev.key(k).ok()?.to_string());
                }
                EventKind::KeyValSep => break,
                _ => return None,
            }
        }
        keys.pop();
        let mut whole = DefaultHasher::new();
        header.iter().for_each(|k| k.hash(&mut whole));
        let mut here = DefaultHasher::new();
        for (j, k) in keys.iter().enumerate() {
            k.hash(&mut whole);
            k.hash(&mut here);
            self.tables.insert(whole.finish());
            let open = self.last.get(j) == Some(k) && self.last[..j] == keys[..j];
            if !self.here.insert(here.finish()) && !open {
                return Some(false);
            }
        }
        self.last = keys;
        Some(true)
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
    fn dotted_keys_together_are_in_stream_order_and_apart_not() {
        assert!(in_stream_order("a.b = 1\na.c = 1\nd = 1\n[x]\na.b = 1\n"));
        assert!(in_stream_order("a.b.c = 1\na.b.d = 1\na.e = 1\n"));
        assert!(!in_stream_order("a.b = 1\nc = 1\na.d = 1\n"));
        assert!(!in_stream_order("a.b.c = 1\na.d = 1\na.b.e = 1\n"));
        assert!(!in_stream_order("[t]\na.b = 1\n[t.a.x]\n"));
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
