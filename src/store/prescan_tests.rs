use super::super::schema::{Schema, Shape, Shape::*, struct_fields};
use super::*;

static INNER: Schema = Schema {
    name: "Inner",
    fields: &[("a", Int), ("b", List(&Table(&LEAF), 10)), ("c", Int)],
    serde: || (&[], 0),
    required: std::sync::OnceLock::new(),
};
static LEAF: Schema = Schema {
    name: "Leaf",
    fields: &[("c", Int)],
    serde: || (&[], 0),
    required: std::sync::OnceLock::new(),
};
static POINT: Schema = Schema {
    name: "Point",
    fields: &[
        ("a", Int),
        ("note", Str),
        ("list", List(&Str, 300)),
        ("notes", Tables(&INNER, 5)),
        ("t", Table(&INNER)),
        ("ok", Bool),
        ("q", Float),
    ],
    serde: || (&[], 0),
    required: std::sync::OnceLock::new(),
};
static NEEDS: Schema = Schema {
    name: "Needs",
    fields: &[("a", Int), ("t", Table(&LEAF)), ("c", Int)],
    // as serde would say it: its own order, `t` too (a table: under a header of its own)
    serde: || (&["c", "t", "a"], 0b111),
    required: std::sync::OnceLock::new(),
};
static TOP: Schema = Schema {
    name: "Top",
    fields: &[
        ("format_version", Int),
        ("name", Str),
        ("points", Map(&Table(&POINT), 3)),
        ("workshops", Tables(&INNER, 100)),
        ("needs", Tables(&NEEDS, 10)),
    ],
    serde: || (&[], 0),
    required: std::sync::OnceLock::new(),
};
static ROOT: Shape = Table(&TOP);

fn prescan_unit(t: &str, l: ScanLimits) -> Result<(), ScanError> {
    prescan(t, &ROOT, l).map(|_| ())
}

fn scan(t: &str) -> Result<(), ScanError> {
    prescan_unit(
        t,
        ScanLimits {
            tables: 1000,
            items: 3000,
        },
    )
}

fn refused_with(t: &str, words: &str) {
    match scan(t) {
        Err(e) => assert!(e.message.contains(words), "{t:?}: {e:?}"),
        Ok(()) => panic!("{t:?} passed"),
    }
}

/// The largest demo (100 workshops: ten years) fits three times over, and
/// every session file of the repository passes.
#[test]
fn the_largest_demo_fits_three_times_in_the_limits() {
    let fw = crate::framework::Framework::builtin();
    let text = crate::store::to_toml(&crate::demo::build(&fw, 100));
    let all = ScanLimits {
        tables: usize::MAX,
        items: usize::MAX,
    };
    let n = prescan_session(&text, all).unwrap();
    eprintln!("100-workshop demo: {} bytes, {n:?}", text.len());
    assert!(n.tables * 3 <= SESSION_LIMITS.tables, "{n:?}");
    assert!(n.items * 3 <= SESSION_LIMITS.items, "{n:?}");
    assert!(n.tables > 15_000, "{n:?}");
    for dir in ["sessions", "tests/fixtures"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            if p.extension().is_some_and(|x| x == "toml") && crate::store::parse(&text, &p).is_ok()
            {
                prescan_session(&text, SESSION_LIMITS).unwrap_or_else(|e| panic!("{p:?}: {e:?}"));
            }
        }
    }
}

#[test]
fn known_names_pass_and_unknown_ones_are_refused_where_they_are() {
    assert_eq!(
        scan("format_version = 3\nname = 'x'\n[points.\"1.1\"]\na=1"),
        Ok(())
    );
    let e = scan("format_version = 3\n\n[t0]\n").unwrap_err();
    assert_eq!(e.offset, 21);
    assert_eq!(
        e.message,
        "unknown field `t0`, expected one of `format_version`, `name`, `points`, `workshops`, `needs`"
    );
    assert!(scan("[[t0]]").is_err());
    assert!(scan("t0.x = 1").is_err());
    assert!(scan("\"t0\" = 1").is_err());
    let e = scan("\"na\\u006de\\u001b\\n\\q\" = 1").unwrap_err();
    assert!(
        e.message.starts_with("unknown field `name\u{1b}\n\\q`"),
        "escaped: not taken as known, shown as toml reads it: {e:?}"
    );
    assert_eq!(scan("[ 'points' . x ]\n"), Ok(()));
}

/// Every level is checked, not only the top: the keys of a point, of a
/// note inside it, of an inline table inside that.
#[test]
fn unknown_keys_are_refused_at_every_level() {
    let e = scan("[points.x]\na = 1\nk0 = 1\n").unwrap_err();
    assert_eq!(e.offset, 17);
    assert!(
        e.message
            .starts_with("unknown field `k0`, expected one of `a`, `note`"),
        "{e:?}"
    );
    refused_with("[[points.x.notes]]\nzz = 1\n", "unknown field `zz`");
    refused_with("[points.x.t]\nzz = 1\n", "unknown field `zz`");
    refused_with("[points.x.zz]\n", "unknown field `zz`");
    refused_with(
        "[[workshops]]\nb = [{ c = 1, d = 2 }]\n",
        "unknown field `d`",
    );
    refused_with("[points.x]\nt = { a = 1, zz = 2 }\n", "unknown field `zz`");
    refused_with("points = { x = { zz = 1 } }\n", "unknown field `zz`");
    refused_with("[points.x]\nt.zz = 1\n", "unknown field `zz`");
    assert_eq!(
        scan("[points.x]\nt = { a = 1, b = [{ c = 1 }, {c=2}] }\nnote = \"\"\"\nzz = 1\n\"\"\"\n"),
        Ok(())
    );
}

#[test]
fn a_value_of_the_wrong_kind_or_a_key_given_twice_is_refused() {
    refused_with("name = 3\n", "expected a string");
    refused_with("format_version = 'x'\n", "expected an integer");
    refused_with("format_version = [1, 2]\n", "expected an integer");
    refused_with("name = { a = 1 }\n", "expected a string");
    refused_with("[points.x]\nok = 1\n", "expected true or false");
    refused_with("[points.x]\nlist = [1]\n", "expected a string");
    refused_with("[points.x]\nnotes = 1\n", "expected an array of tables");
    refused_with("[points.x]\nnotes = [1]\n", "expected an array of tables");
    refused_with("[name]\n", "`name`: expected a string");
    refused_with("[[points]]\n", "`points`: expected a table of keys");
    refused_with("[points.x.t.a]\n", "`points.x.t.a`: expected an integer");
    refused_with("[[points.x.t]]\n", "`points.x.t`: expected a table");
    refused_with("[points.x]\na = 1\na = 2\n", "duplicate key `a`");
    refused_with("[points.x]\nt = { a = 1, a = 2 }\n", "duplicate key `a`");
    assert_eq!(
        scan("[points.x]\nok = true\nq = 0.5\na = -3\n[points.y]\nq = inf\na = 1\n"),
        Ok(())
    );
    // each table has its own keys
    assert_eq!(scan("[[workshops]]\na = 1\n[[workshops]]\na = 1\n"), Ok(()));
}

#[test]
fn every_kind_has_its_own_limit() {
    let ok: String = (0..5).map(|_| "[[points.x.notes]]\n").collect();
    assert_eq!(scan(&ok), Ok(()));
    refused_with(
        &format!("{ok}[[points.y.notes]]\n"),
        "more than 5 of `points.y.notes`",
    );
    refused_with(
        "points = { a = {}, b = {}, c = {}, d = {} }\n",
        "more than 3 of",
    );
    refused_with(
        "[points.a]\n[points.b]\n[points.c]\n[points.d]\n",
        "more than 3",
    );
    refused_with(
        &format!("[points.x]\nlist = [{}]\n", "'a',".repeat(301)),
        "more than 300 values in `list`",
    );
}

#[test]
fn strings_and_comments_hide_nothing_and_show_nothing() {
    let t = "name = \"\"\"\n[t0]\n\\\"\"\"\n[t1]\"\"\"\"\nformat_version = 3 # [t2]\n\
             [points.x]\nnote = '''\n[t3]'''''\n# [t4]\nlist = [\n  \"a\", # ]\n  'b',\n]\n\
             t = { a = 1, b = [ { c = 1 } ] }\n";
    assert_eq!(scan(t), Ok(()));
}

#[test]
fn too_many_items_or_too_deep_is_refused() {
    let many: String = (0..101).map(|_| "[[workshops]]\n").collect();
    let e = prescan_unit(
        &many,
        ScanLimits {
            tables: 100,
            items: 300,
        },
    )
    .unwrap_err();
    assert_eq!(e.offset, 100 * 14);
    assert!(e.message.contains("more than 100 tables"), "{e:?}");
    let small = ScanLimits {
        tables: 100,
        items: 300,
    };
    let list = |n: usize| format!("[points.x]\nlist = [{}]", "'a',".repeat(n));
    assert_eq!(prescan_unit(&list(250), small), Ok(()));
    let e = prescan_unit(&list(299), small).unwrap_err();
    assert!(e.message.contains("more than 300 tables, keys"), "{e:?}");
    let deep = format!("name = {}{}", "[".repeat(100), "]".repeat(100));
    assert!(scan(&deep).is_err());
}

#[test]
fn a_line_it_does_not_understand_is_left_to_the_parser() {
    assert_eq!(scan("name = \n= 3\n[points]\n"), Ok(()));
    assert_eq!(scan("name = 'unterminated\n[points]\n"), Ok(()));
    assert!(scan("name = 'x' junk\n[t9]\n").is_err(), "scanning goes on");
    // after a header it does not understand, its keys are the parser's
    assert_eq!(scan("[points.x\nzz = 1\n"), Ok(()));
}

#[test]
fn the_session_fields_are_read_from_its_type() {
    let f = struct_fields::<crate::session::Session>();
    for name in [
        "format_version",
        "name",
        "points",
        "workshops",
        "votes",
        "draft",
    ] {
        assert!(f.contains(&name), "{name} in {f:?}");
    }
}

/// The journal is never TOML: a `[[journal]]` table in the snapshot is refused.
#[test]
fn a_journal_in_the_toml_is_refused() {
    let e = prescan_session(
        "format_version = 4\nname = 'x'\ncreated = '2026-12-07T10:00:00Z'\n[[journal]]\nseq = 1\n",
        SESSION_LIMITS,
    );
    let e = e.unwrap_err();
    assert!(e.message.starts_with("unknown field `journal`, "), "{e:?}");
}

/// A table without a key its type cannot do without is refused where the
/// table starts, before toml builds anything (a table-valued field comes
/// under a header of its own, so it is not asked for in the body).
#[test]
fn a_table_without_a_required_key_is_refused() {
    assert_eq!(scan("[[needs]]\na = 1\nc = 2\n[needs.t]\nc = 1\n"), Ok(()));
    let e = scan("[[needs]]\na = 1\nc = 2\n[[needs]]\na = 1\n[[needs]]\n").unwrap_err();
    assert_eq!((e.offset, e.message.as_str()), (22, "missing field `c`"));
    refused_with("[[needs]]\nc = 1\n", "missing field `a`");
    refused_with("needs = [{ a = 1 }]\n", "missing field `c`");
    assert_eq!(scan("needs = [{ a = 1, c = 1 }]\n"), Ok(()));
    let s = crate::store::SESSION.required();
    let names: Vec<&str> = (0..64)
        .filter(|i| s & (1 << i) != 0)
        .map(|i| crate::store::SESSION.fields[i].0)
        .collect();
    assert_eq!(
        names,
        ["format_version", "name", "created"],
        "`framework` is a table"
    );
}
