//! A TOML text's sections (a header with the lines below it) put in the
//! order the streaming reader reads: a table before the tables inside it,
//! each table in one piece, the elements of an array of tables in their
//! order with what belongs to each. TOML allows any order (a sub-table
//! before its table, a table continued after another one); a hand-edited
//! or hostile file read in this order costs the streaming reader's memory,
//! not the `toml` crate's tree (about 2.5 KB a table).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use toml_parser::parser::EventKind;

use super::events::Events;

/// A header's place: each key with the element of the array of tables it
/// names at that point of the text (0 for a table).
type Place<'a> = Vec<(Cow<'a, str>, u32)>;

/// The sections of `text` (ranges of it) in streaming order; `None` when a
/// line is not TOML (the caller has its fault already) or the order says
/// what a new order would not (a name given as a table, later as an array
/// of tables: toml names that fault).
pub fn reorder(text: &str) -> Option<Vec<(usize, usize)>> {
    let mut ev = Events::new(text);
    let mut sections: Vec<(Place, usize)> = vec![(Vec::new(), 0)];
    // how many elements each array of tables has so far
    let mut elements: HashMap<u64, u32> = HashMap::new();
    // names given as tables: one given as an array of tables later means
    // what the order says (toml's to name), not what a new order would
    let mut tables: HashSet<u64> = HashSet::new();
    while let Some(e) = ev.take().ok()? {
        if !matches!(
            e.kind(),
            EventKind::StdTableOpen | EventKind::ArrayTableOpen
        ) {
            continue;
        }
        let h = ev.header(e).ok()?;
        let mut place: Place = Vec::with_capacity(h.path.len());
        let last = h.path.len().saturating_sub(1);
        // each key's hash from the place before it (a header 1,000 keys
        // deep costs 1,000, not a million)
        let mut before = DefaultHasher::new();
        for (k, key) in h.path.into_iter().enumerate() {
            let mut with_key = before.clone();
            key.hash(&mut with_key);
            let id = with_key.finish();
            let element = k == last && h.array;
            if element && tables.contains(&id) {
                return None;
            }
            if !element && !elements.contains_key(&id) {
                tables.insert(id);
            }
            let index = match (element, elements.get_mut(&id)) {
                (true, Some(n)) => {
                    *n += 1;
                    *n - 1
                }
                (true, None) => {
                    elements.insert(id, 1);
                    0
                }
                (false, Some(n)) => *n - 1,
                (false, None) => 0,
            };
            (&key, index).hash(&mut before);
            place.push((key, index));
        }
        sections.push((place, h.at));
    }
    let ends: Vec<usize> = sections
        .iter()
        .skip(1)
        .map(|(_, at)| *at)
        .chain([text.len()])
        .collect();
    let mut order: Vec<usize> = (0..sections.len()).collect();
    order.sort_by(|a, b| sections[*a].0.cmp(&sections[*b].0));
    Some(
        order
            .into_iter()
            .map(|i| (sections[i].1, ends[i]))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::reorder;

    #[test]
    fn sections_come_in_streaming_order_with_their_elements() {
        let text = "x = 1\n[a.b]\ny = 2\n[[c]]\nn = 1\n[c.d]\nm = 1\n[[c]]\nn = 2\n[a]\nz = 3\n";
        let parts = reorder(text).unwrap();
        let read: String = parts.iter().map(|(s, e)| &text[*s..*e]).collect();
        assert_eq!(
            read,
            "x = 1\n[a]\nz = 3\n[a.b]\ny = 2\n[[c]]\nn = 1\n[c.d]\nm = 1\n[[c]]\nn = 2\n"
        );
        // an array of tables given after a table of that name: toml's
        assert_eq!(reorder("[a.b]\n[[a]]\n"), None);
    }
}
