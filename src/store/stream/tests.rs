use proptest::prelude::*;

use super::from_str;

/// What the `toml` crate reads from the same text.
fn by_toml(text: &str) -> Result<toml::Table, toml::de::Error> {
    toml::from_str(text)
}

/// The rule of this reader: where it reads, it reads what `toml` reads;
/// where it stops, `toml` decides.
fn agrees(text: &str) -> bool {
    match from_str::<toml::Table>(text) {
        Ok(mine) => {
            assert_eq!(Ok(&mine), by_toml(text).as_ref().map_err(|_| ()), "{text}");
            true
        }
        Err(_) => false,
    }
}

#[test]
fn reads_what_this_program_writes() {
    let text = r#"
# a comment
format_version = 4
name = "De \"Horst\"\n"
lit = 'C:\path'
n = -12
h = 0xff
f = 1.5e3
inf = -inf
yes = true
list = [1, 2,
  3, # a comment inside
]
inline = { a = 1, b = "x", c = [true] }
nested = [[1, 2], ["a"]]

[framework]
id = "plv"

[[parties]]
name = "Politie"

[[parties]]
name = "Bewoners"
tags = []

[points."1.1.1"]
status = "consensus"
text = """
twee
regels"""

[[points."1.1.1".notes]]
text = "een"

[[points."1.1.1".notes]]
text = "twee"

[[points."1.1.1".actions]]
what = "x"

[[points."1.1.1".actions.changes]]
at = 3

[points."1.1.1".actions.extra]
k = 1

[[points."1.2.1".notes]]
text = "drie"

[votes.tally]
go = 3
"#;
    assert!(agrees(text));
}

#[test]
fn leaves_to_toml_what_it_does_not_stream() {
    for text in [
        // dotted keys given apart, or a header inside their table later
        "a.b = 1\nc = 1\na.d = 2\n",
        // in an inline table
        "a = { b.c = 1 }\n",
        // a date
        "at = 2026-12-07T10:00:00Z\n",
    ] {
        assert_eq!(
            from_str::<toml::Table>(text).unwrap_err().kind,
            super::Kind::Unread,
            "{text}"
        );
        assert!(by_toml(text).is_ok(), "toml reads {text}");
    }
}

/// Dotted keys (issue 28: they sent the whole file to toml's tree) are
/// read as the tables they name, where each table's lines come together.
#[test]
fn dotted_keys_read_as_their_tables() {
    for text in [
        "a.b = 1\n",
        "[x]\n[a.b]\nc.d = 1\n",
        "a.b = 1\na.c = 2\n",
        "a.b.c = 1\na.b.d = 2\na.e = 3\nf = 1\n",
        "f = 1\na.b = 1\n\"a\".c = 3\n\"q.r\". s = 2\n",
        "[t]\na.b = 1\n[t.a.x]\ny = 1\n[[t.a.z]]\n",
        // read again in streaming order
        "[t]\na.b = 1\n[t.c]\n[t.a.x]\n",
        "[[arr]]\nx.y = 1\n[[arr]]\nx.y = 2\nx.z = [1, {a = 2}]\n",
        "[framework]\nid.x = 1\n[points]\n",
    ] {
        assert!(from_str::<toml::Table>(text).is_ok(), "{text}");
        assert!(agrees(text), "{text}");
    }
}

/// Serde's refusal in a table of dotted keys whose other keys come later
/// (a field missing so far) is no fault: toml reads the text.
#[test]
fn a_refusal_before_dotted_keys_given_apart_is_left_to_toml() {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct F {
        id: String,
        version: String,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Root {
        f: F,
        c: i64,
    }
    for text in [
        "f.id = \"x\"\nc = 1\nf.version = \"y\"\n",
        "[t]\nf.id = \"x\"\nz.q = 1\n[t.f.version]\n",
    ] {
        let mine = from_str::<Root>(text);
        assert!(
            matches!(&mine, Err(e) if e.kind == super::Kind::Unread),
            "{text}: {mine:?}"
        );
    }
    assert!(toml::from_str::<Root>("f.id = \"x\"\nc = 1\nf.version = \"y\"\n").is_ok());
}

/// Tables in another order than this program writes them are read in
/// streaming order, the same as toml reads them.
#[test]
fn tables_out_of_order_read_the_same() {
    for text in [
        // a table continued after another one
        "[a.b]\nx = 1\n[c]\ny = 2\n[a.d]\nz = 3\n",
        // a super-table given after its sub-table
        "[a.b]\nx = 1\n[a]\ny = 2\n",
        // an array of tables interleaved with another table
        "[[n]]\nx = 1\n[m]\ny = 1\n[[n]]\nx = 2\n[n.s]\nz = 1\n",
    ] {
        assert!(agrees(text), "{text}");
    }
}

#[test]
fn never_accepts_what_toml_refuses() {
    for text in [
        "a = 1\na = 2\n",
        "[a]\nx = 1\n[a]\ny = 2\n",
        "[[a]]\nx = 1\n[a]\ny = 2\n",
        "[a]\nx = 1\n[[a]]\ny = 2\n",
        "a = { x = 1, x = 2 }\n",
        "a = 1 b = 2\n",
        "a = \"\\q\"\n",
        "a = [1, 2\n",
        "a = 1\n[a]\n",
        "a = 99999999999999999999\n",
        "x = \"\u{7}\"\n",
        "# \u{0}\n",
        "[a\n",
        // lines the parser-free path takes: each is checked as it is decoded
        "a = \"abc\n",
        "a = 'abc\n",
        "a = \"\"\"abc\n",
        "a = \'\'\'abc\n",
        "a$ = 1\n",
        "\"a = 1\n",
        "a = \n",
        "a = tru\n",
        "a = 1\rb = 2\n",
        "a = \"x\" \u{7}\n",
        "a = \"\u{7f}\"\n",
        "a = 0x\n",
        "a = +\n",
        "a = 1__0\n",
        // dotted keys that give a key or a table twice
        "a.b = 1\na.b = 2\n",
        "a = 1\na.b = 2\n",
        "a.b = 1\na = 2\n",
        "a.b = 1\n[a]\n",
        "a.b = 1\n[[a]]\n",
        "a = { x = 1 }\na.y = 2\n",
        "[t.a]\nx = 1\n[t]\na.y = 2\n",
        "a.b = 1\nc = 1\na.b = 2\n",
        "a. = 1\n",
    ] {
        assert!(by_toml(text).is_err(), "toml refuses {text:?}");
        assert!(from_str::<toml::Table>(text).is_err(), "{text:?}");
    }
}

#[test]
fn a_session_reads_the_same_both_ways() {
    for workshops in [2, 40] {
        let session = crate::demo::build(&crate::framework::Framework::builtin(), workshops);
        let text = toml::to_string(&session).unwrap();
        let mine: crate::session::Session = from_str(&text).unwrap();
        let theirs: crate::session::Session = toml::from_str(&text).unwrap();
        assert_eq!(
            serde_json::to_value(&mine).unwrap(),
            serde_json::to_value(&theirs).unwrap()
        );
    }
}

fn value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(toml::Value::Integer),
        any::<bool>().prop_map(toml::Value::Boolean),
        "[a-z \"'\\\\\n\u{e9}\u{1f600}]{0,8}".prop_map(toml::Value::String),
        (-1e9f64..1e9).prop_map(toml::Value::Float),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::btree_map("[a-c]{1,2}|\"[a. ]{1,3}\"", inner, 0..4)
                .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Whatever `toml` writes, this reader reads the same; with its lines
    /// shuffled, it reads the same or leaves the text to `toml`.
    #[test]
    fn written_tables_read_the_same(
        table in prop::collection::btree_map("[a-d]{1,2}", value(), 0..5),
        swaps in prop::collection::vec((0usize..64, 0usize..64), 0..6),
    ) {
        let table: toml::Table = table.into_iter().collect();
        let text = toml::to_string(&table).unwrap();
        prop_assert_eq!(from_str::<toml::Table>(&text).ok(), Some(table));
        let mut lines: Vec<&str> = text.lines().collect();
        for (a, b) in swaps {
            if !lines.is_empty() {
                let n = lines.len();
                lines.swap(a % n, b % n);
            }
        }
        let shuffled = lines.join("\n");
        match from_str::<toml::Table>(&shuffled) {
            Ok(mine) => prop_assert_eq!(Some(mine), by_toml(&shuffled).ok()),
            // a fault of its own only where toml finds one too
            Err(e) if e.kind == super::Kind::Fault => {
                prop_assert!(by_toml(&shuffled).is_err(), "{}: {}", e, shuffled)
            }
            Err(_) => {}
        }
    }
}

/// A fault found while streaming is the file's, worded as toml words it,
/// at the same place.
#[test]
fn faults_are_named_as_toml_names_them() {
    use super::Kind;
    let session = crate::demo::build(&crate::framework::Framework::builtin(), 2);
    let good = toml::to_string(&session).unwrap();
    let cases = [
        // a line toml does not accept, after valid tables
        good.replacen("\n[[workshops]]\n", "\n[[workshops]]\nnumber = 1 y\n", 1),
        // a word that is no choice
        good.replacen("stance = \"agree\"", "stance = \"bogus\"", 1),
        // a number too large for its field
        good.replacen("party = 1\n", "party = 99999999999\n", 1),
    ];
    for text in &cases {
        assert_ne!(text, &good);
        let mine = from_str::<crate::session::Session>(text).unwrap_err();
        let theirs = toml::from_str::<crate::session::Session>(text).unwrap_err();
        assert_eq!(mine.kind, Kind::Fault, "{mine}");
        assert_eq!(mine.message, theirs.message().trim(), "{text}");
        let line = |at: usize| text[..at].matches('\n').count();
        assert_eq!(line(mine.offset), line(theirs.span().unwrap().start));
    }
}

/// Refused by serde where the tables are out of streaming order: read
/// again in that order first (the super-table after its sub-table is
/// fine), and a fault there is named where it is in the file.
#[test]
fn a_refusal_out_of_streaming_order_is_read_in_order_first() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct A {
        x: i64,
        b: toml::Table,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Root {
        a: A,
    }
    let text = "[a.b]\ny = 1\n[a]\nx = 2\n";
    assert!(toml::from_str::<Root>(text).is_ok());
    assert_eq!(from_str::<Root>(text).unwrap().a.x, 2);
    let text = "[a.b]\ny = 1\n[a]\nx = \"twee\"\n";
    let mine = from_str::<Root>(text).unwrap_err();
    let theirs = toml::from_str::<Root>(text).unwrap_err();
    assert_eq!(mine.kind, super::Kind::Fault);
    assert_eq!(mine.message, theirs.message().trim());
    assert_eq!(mine.offset, text.find("\"twee\"").unwrap());
    // a table given twice is toml's "duplicate key", on its line
    let text = "[a]\nx = 1\n[b]\n[a]\nx = 2\n";
    let mine = from_str::<toml::Table>(text).unwrap_err();
    let theirs = by_toml(text).unwrap_err();
    assert_eq!(
        (mine.kind, mine.message.as_str()),
        (super::Kind::Fault, theirs.message().trim())
    );
    let line = |at: usize| text[..at].matches('\n').count();
    assert_eq!(line(mine.offset), line(theirs.span().unwrap().start));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Whole tables moved (a header with its lines): read the same as toml
    /// reads them, or a fault only where toml finds one.
    #[test]
    fn moved_tables_read_as_toml_reads_them(
        table in prop::collection::btree_map("[a-d]{1,2}", value(), 1..6),
        moves in prop::collection::vec((0usize..64, 0usize..64), 1..6),
    ) {
        let table: toml::Table = table.into_iter().collect();
        let text = toml::to_string(&table).unwrap();
        let mut sections: Vec<String> = Vec::new();
        for line in text.split_inclusive('\n') {
            match sections.last_mut() {
                Some(s) if !line.starts_with('[') => s.push_str(line),
                _ => sections.push(line.to_string()),
            }
        }
        for (a, b) in moves {
            let n = sections.len();
            sections.swap(a % n, b % n);
        }
        let moved = sections.concat();
        match from_str::<toml::Table>(&moved) {
            Ok(mine) => prop_assert_eq!(Some(mine), by_toml(&moved).ok(), "{}", moved),
            Err(e) if e.kind == super::Kind::Fault => {
                prop_assert!(by_toml(&moved).is_err(), "{}: {}", e, moved)
            }
            Err(_) => {}
        }
    }
}

/// A table written with dotted keys: `prefix.key = value` for every value,
/// a table's values with its key added to the prefix.
fn dotted(table: &toml::Table, prefix: &str, out: &mut String) {
    for (k, v) in table {
        let key = format!("{prefix}{}", serde_json::to_string(k).unwrap());
        match v {
            toml::Value::Table(t) if !t.is_empty() => dotted(t, &format!("{key}."), out),
            v => out.push_str(&format!("{key} = {v}\n")),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Tables written with dotted keys read as toml reads them; with their
    /// lines shuffled, the same, or left to toml, or a fault only where
    /// toml finds one.
    #[test]
    fn dotted_tables_read_as_toml_reads_them(
        table in prop::collection::btree_map("[a-d]{1,2}", value(), 1..6),
        swaps in prop::collection::vec((0usize..64, 0usize..64), 0..4),
    ) {
        let table: toml::Table = table.into_iter().collect();
        let mut text = String::new();
        dotted(&table, "", &mut text);
        prop_assert_eq!(by_toml(&text).ok(), Some(table.clone()), "{}", text);
        prop_assert_eq!(from_str::<toml::Table>(&text).ok(), Some(table), "{}", text);
        let mut lines: Vec<&str> = text.lines().collect();
        for (a, b) in swaps {
            let n = lines.len();
            lines.swap(a % n, b % n);
        }
        let shuffled = lines.join("\n");
        match from_str::<toml::Table>(&shuffled) {
            Ok(mine) => prop_assert_eq!(Some(mine), by_toml(&shuffled).ok(), "{}", shuffled),
            Err(e) if e.kind == super::Kind::Fault => {
                prop_assert!(by_toml(&shuffled).is_err(), "{}: {}", e, shuffled)
            }
            Err(_) => {}
        }
    }
}
