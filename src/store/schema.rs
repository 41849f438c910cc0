//! The shape of a session file for the pre-scan (see `prescan.rs`): which
//! keys each table may hold, what kind of value each key takes, and how
//! many of a kind a real session can have. The key names are the serde
//! types' own: a test compares every table here with the fields its type's
//! `Deserialize` declares ([`struct_fields`]), so a field added to a type
//! and not here fails that test, not a user's file.

/// What a key holds.
#[derive(Debug)]
pub enum Shape {
    /// A quoted string (text, a time, a date, the name of a choice).
    Str,
    /// A bare integer.
    Int,
    /// A bare number.
    Float,
    /// `true` or `false`.
    Bool,
    /// An inline array of these, at most this many in one array.
    List(&'static Shape, usize),
    /// One table (`[x]` or `x = { … }`).
    Table(&'static Schema),
    /// An array of tables (`[[x]]` or `x = [{ … }]`), at most this many in
    /// the whole file.
    Tables(&'static Schema, usize),
    /// A table whose keys are data (the points, keyed by point id), at
    /// most this many keys in the whole file.
    Map(&'static Shape, usize),
}

/// The keys one table may hold.
#[derive(Debug)]
pub struct Schema {
    /// The Rust type it is read into (for messages and the test).
    pub name: &'static str,
    pub fields: &'static [(&'static str, Shape)],
    /// The type's fields and the bits of those without a default, as its
    /// `Deserialize` has them ([`of`]).
    pub serde: fn() -> (&'static [&'static str], u64),
    /// [`Schema::required`], worked out once.
    pub required: std::sync::OnceLock<u64>,
}

/// The fields of `T` and which of them it cannot do without.
pub fn of<T: serde::de::DeserializeOwned>() -> (&'static [&'static str], u64) {
    let f = struct_fields::<T>();
    (f, super::required::required_fields::<T>(f))
}

impl Schema {
    /// The bits (by index in `fields`) of the keys a table of this schema
    /// must hold itself: the fields without a default whose value is not a
    /// table (those come under headers of their own).
    pub fn required(&self) -> u64 {
        *self.required.get_or_init(|| {
            let (names, mask) = (self.serde)();
            let mut mine = 0;
            for (i, (name, shape)) in self.fields.iter().enumerate() {
                let table = matches!(shape, Table(_) | Tables(..) | Map(..));
                let required = names
                    .iter()
                    .position(|n| n == name)
                    .is_some_and(|j| j < 64 && mask & (1 << j) != 0);
                if required && !table {
                    mine |= 1 << i;
                }
            }
            mine
        })
    }

    /// The index and shape of the key `name`.
    pub fn field(&self, name: &str) -> Option<(usize, &'static Shape)> {
        self.fields
            .iter()
            .position(|(n, _)| *n == name)
            .map(|i| (i, &self.fields[i].1))
    }
}

/// More parties than this is no coalition a workshop table can hold.
pub const MAX_PARTIES: usize = 1_000;
/// A weekly workshop for almost 200 years.
pub const MAX_WORKSHOPS: usize = 10_000;
/// Points with a record: a framework has a few hundred.
pub const MAX_POINTS: usize = 10_000;
/// Votes: at most a few per workshop.
pub const MAX_VOTES: usize = 5 * MAX_WORKSHOPS;
/// Framework switches, gate overrides, adoptions and parked topics are a
/// handful per workshop at most.
const MAX_PER_WORKSHOP: usize = 10 * MAX_WORKSHOPS;
/// Tables inside the points (notes, actions, stances, history, changes)
/// are bounded by the pre-scan's overall limits only.
const ANY: usize = usize::MAX;

use Shape::*;

const PARTY_IDS: Shape = List(&Int, MAX_PARTIES);

static FRAMEWORK_REF: Schema = Schema {
    name: "FrameworkRef",
    fields: &[("id", Str), ("version", Str), ("hash", Str)],
    serde: of::<crate::session::FrameworkRef>,
    required: std::sync::OnceLock::new(),
};

static RULE: Schema = Schema {
    name: "DecisionRule",
    fields: &[("kind", Str), ("quorum", Float)],
    serde: of::<crate::domain::vote::DecisionRule>,
    required: std::sync::OnceLock::new(),
};

static DRAFT: Schema = Schema {
    name: "Draft",
    fields: &[("point", Str), ("kind", Str), ("text", Str), ("at", Str)],
    serde: of::<crate::domain::record::Draft>,
    required: std::sync::OnceLock::new(),
};

static PARTY: Schema = Schema {
    name: "Party",
    fields: &[
        ("id", Int),
        ("organisation", Str),
        ("representative", Str),
        ("domain", Str),
        ("removed", Str),
    ],
    serde: of::<crate::session::Party>,
    required: std::sync::OnceLock::new(),
};

static ATTENDANCE_CHANGE: Schema = Schema {
    name: "AttendanceChange",
    fields: &[
        ("at", Str),
        ("party", Int),
        ("present", Bool),
        ("point", Str),
    ],
    serde: of::<crate::session::AttendanceChange>,
    required: std::sync::OnceLock::new(),
};

static WORKSHOP: Schema = Schema {
    name: "Workshop",
    fields: &[
        ("number", Int),
        ("date", Str),
        ("started", Str),
        ("ended", Str),
        ("present", PARTY_IDS),
        ("excused", PARTY_IDS),
        ("attendance_log", Tables(&ATTENDANCE_CHANGE, ANY)),
        ("in_orientation", Bool),
    ],
    serde: of::<crate::session::Workshop>,
    required: std::sync::OnceLock::new(),
};

static STANCE: Schema = Schema {
    name: "StanceEntry",
    fields: &[("party", Int), ("stance", Str), ("reason", Str)],
    serde: of::<crate::domain::record::StanceEntry>,
    required: std::sync::OnceLock::new(),
};

static ITEM_CHANGE: Schema = Schema {
    name: "ItemChange",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("kind", Str),
        ("text", Str),
        ("owner", Int),
        ("due", Str),
    ],
    serde: of::<crate::domain::record::ItemChange>,
    required: std::sync::OnceLock::new(),
};

static NOTE: Schema = Schema {
    name: "Note",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("text", Str),
        ("changes", Tables(&ITEM_CHANGE, ANY)),
    ],
    serde: of::<crate::domain::record::Note>,
    required: std::sync::OnceLock::new(),
};

static ACTION: Schema = Schema {
    name: "ActionItem",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("what", Str),
        ("owner", Int),
        ("due", Str),
        ("done", Bool),
        ("changes", Tables(&ITEM_CHANGE, ANY)),
    ],
    serde: of::<crate::domain::record::ActionItem>,
    required: std::sync::OnceLock::new(),
};

static HISTORY: Schema = Schema {
    name: "HistoryEntry",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("kind", Str),
        ("detail", Str),
    ],
    serde: of::<crate::domain::record::HistoryEntry>,
    required: std::sync::OnceLock::new(),
};

static POINT: Schema = Schema {
    name: "PointRecord",
    fields: &[
        ("status", Str),
        ("skip_reason", Str),
        ("dissenters", PARTY_IDS),
        ("dissent_reason", Str),
        ("stances", Tables(&STANCE, ANY)),
        ("notes", Tables(&NOTE, ANY)),
        ("actions", Tables(&ACTION, ANY)),
        ("seconds", Int),
        ("history", Tables(&HISTORY, ANY)),
    ],
    serde: of::<crate::domain::record::PointRecord>,
    required: std::sync::OnceLock::new(),
};

static BALLOT: Schema = Schema {
    name: "Ballot",
    fields: &[("party", Int), ("choice", Str), ("reason", Str)],
    serde: of::<crate::domain::vote::Ballot>,
    required: std::sync::OnceLock::new(),
};

static TALLY: Schema = Schema {
    name: "Tally",
    fields: &[
        ("go", Int),
        ("no_go", Int),
        ("abstain", Int),
        ("absent", Int),
    ],
    serde: of::<crate::domain::vote::Tally>,
    required: std::sync::OnceLock::new(),
};

static FOLLOW_UP: Schema = Schema {
    name: "FollowUp",
    fields: &[("route", Str), ("text", Str), ("id", Str)],
    serde: of::<crate::domain::vote::FollowUp>,
    required: std::sync::OnceLock::new(),
};

static VOTE: Schema = Schema {
    name: "Vote",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("rule", Table(&RULE)),
        ("parties_total", Int),
        ("present", PARTY_IDS),
        ("ballots", Tables(&BALLOT, MAX_PARTIES * MAX_VOTES)),
        ("tally", Table(&TALLY)),
        ("outcome", Str),
        ("deferred", Str),
        ("remark", Str),
        ("follow_up", Table(&FOLLOW_UP)),
        ("revisit", Str),
        ("again_because", Str),
    ],
    serde: of::<crate::domain::vote::Vote>,
    required: std::sync::OnceLock::new(),
};

static OVERRIDE: Schema = Schema {
    name: "GateOverride",
    fields: &[
        ("workshop", Int),
        ("at", Str),
        ("block", Str),
        ("reason", Str),
    ],
    serde: of::<crate::session::GateOverride>,
    required: std::sync::OnceLock::new(),
};

static SWITCH: Schema = Schema {
    name: "FrameworkSwitch",
    fields: &[
        ("at", Str),
        ("after_workshop", Int),
        ("from", Table(&FRAMEWORK_REF)),
        ("to", Table(&FRAMEWORK_REF)),
        ("from_text", Str),
    ],
    serde: of::<crate::domain::framework::carried::FrameworkSwitch>,
    required: std::sync::OnceLock::new(),
};

static SOURCE: Schema = Schema {
    name: "FrameworkSource",
    fields: &[("text", Str)],
    serde: of::<crate::domain::framework::carried::FrameworkSource>,
    required: std::sync::OnceLock::new(),
};

static JOURNAL_FROM: Schema = Schema {
    name: "JournalFrom",
    fields: &[("at", Str), ("after_workshop", Int)],
    serde: of::<crate::domain::journal::JournalFrom>,
    required: std::sync::OnceLock::new(),
};

static AMENDMENT: Schema = Schema {
    name: "Amendment",
    fields: &[("text", Str), ("party", Int), ("part", Str)],
    serde: of::<crate::domain::workday::Amendment>,
    required: std::sync::OnceLock::new(),
};

static ADOPTION: Schema = Schema {
    name: "Adoption",
    fields: &[
        ("workshop", Int),
        ("in_workshop", Int),
        ("at", Str),
        ("amendments", Tables(&AMENDMENT, ANY)),
    ],
    serde: of::<crate::domain::workday::Adoption>,
    required: std::sync::OnceLock::new(),
};

static PARKED_OUTCOME: Schema = Schema {
    name: "ParkedOutcome",
    fields: &[
        ("how", Str),
        ("point", Str),
        ("reason", Str),
        ("workshop", Int),
        ("at", Str),
    ],
    serde: of::<crate::domain::workday::ParkedOutcome>,
    required: std::sync::OnceLock::new(),
};

static PARKED: Schema = Schema {
    name: "ParkedTopic",
    fields: &[
        ("id", Int),
        ("text", Str),
        ("raised_by", Int),
        ("point", Str),
        ("workshop", Int),
        ("at", Str),
        ("outcome", Table(&PARKED_OUTCOME)),
    ],
    serde: of::<crate::domain::workday::ParkedTopic>,
    required: std::sync::OnceLock::new(),
};

static STEP_BUDGET: Schema = Schema {
    name: "StepBudget",
    fields: &[("step", Str), ("minutes", Int)],
    serde: of::<crate::domain::budget::StepBudget>,
    required: std::sync::OnceLock::new(),
};

static PLAN: Schema = Schema {
    name: "WorkshopPlan",
    fields: &[
        ("workshop", Int),
        ("date", Str),
        ("start", Str),
        ("end", Str),
        ("steps", Tables(&STEP_BUDGET, ANY)),
        ("at", Str),
    ],
    serde: of::<crate::domain::budget::WorkshopPlan>,
    required: std::sync::OnceLock::new(),
};

/// A session file. Its `journal` is not here: the journal is written as
/// comment lines after the snapshot, never as TOML (see `journal.rs`), so a
/// `journal` key in the TOML is refused.
pub static SESSION: Schema = Schema {
    name: "Session",
    fields: &[
        ("format_version", Int),
        ("name", Str),
        ("area", Str),
        ("municipality", Str),
        ("facilitator", Str),
        ("created", Str),
        ("framework", Table(&FRAMEWORK_REF)),
        ("framework_migrated_from", Str),
        ("rule", Table(&RULE)),
        ("cursor", Str),
        ("draft", Table(&DRAFT)),
        ("parties", Tables(&PARTY, MAX_PARTIES)),
        ("workshops", Tables(&WORKSHOP, MAX_WORKSHOPS)),
        ("points", Map(&Table(&POINT), MAX_POINTS)),
        ("votes", Tables(&VOTE, MAX_VOTES)),
        ("overrides", Tables(&OVERRIDE, MAX_PER_WORKSHOP)),
        ("framework_switches", Tables(&SWITCH, MAX_PER_WORKSHOP)),
        ("framework_source", Table(&SOURCE)),
        ("journal_seq", Int),
        ("journal_from", Table(&JOURNAL_FROM)),
        ("adoptions", Tables(&ADOPTION, MAX_PER_WORKSHOP)),
        ("parking", Tables(&PARKED, MAX_PER_WORKSHOP)),
        ("plans", Tables(&PLAN, MAX_PER_WORKSHOP)),
    ],
    serde: of::<crate::session::Session>,
    required: std::sync::OnceLock::new(),
};

/// The whole session file: a table of [`SESSION`]'s keys.
pub static SESSION_FILE: Shape = Table(&SESSION);

/// The fields of `Session` that its file never holds as TOML.
pub const NOT_IN_THE_SNAPSHOT: &[&str] = &["journal"];

/// The names a struct accepts at its top level, as its `Deserialize`
/// declares them (so the list never goes out of step with the type).
pub fn struct_fields<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    struct Grab;
    #[derive(Debug)]
    struct Fields(&'static [&'static str]);
    impl std::fmt::Display for Fields {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "fields")
        }
    }
    impl std::error::Error for Fields {}
    impl serde::de::Error for Fields {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Fields(&[])
        }
    }
    impl<'de> serde::Deserializer<'de> for Grab {
        type Error = Fields;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
            Err(Fields(&[]))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Fields> {
            Err(Fields(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    match T::deserialize(Grab) {
        Err(Fields(f)) => f,
        Ok(_) => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{framework::carried, journal, record, session, vote, workday};

    /// Every table of the schema, with the fields its type declares.
    fn declared() -> Vec<(&'static Schema, &'static [&'static str])> {
        vec![
            (&SESSION, struct_fields::<session::Session>()),
            (&FRAMEWORK_REF, struct_fields::<session::FrameworkRef>()),
            (&RULE, struct_fields::<vote::DecisionRule>()),
            (&DRAFT, struct_fields::<record::Draft>()),
            (&PARTY, struct_fields::<session::Party>()),
            (
                &ATTENDANCE_CHANGE,
                struct_fields::<session::AttendanceChange>(),
            ),
            (&WORKSHOP, struct_fields::<session::Workshop>()),
            (&STANCE, struct_fields::<record::StanceEntry>()),
            (&ITEM_CHANGE, struct_fields::<record::ItemChange>()),
            (&NOTE, struct_fields::<record::Note>()),
            (&ACTION, struct_fields::<record::ActionItem>()),
            (&HISTORY, struct_fields::<record::HistoryEntry>()),
            (&POINT, struct_fields::<record::PointRecord>()),
            (&BALLOT, struct_fields::<vote::Ballot>()),
            (&TALLY, struct_fields::<vote::Tally>()),
            (&FOLLOW_UP, struct_fields::<vote::FollowUp>()),
            (&VOTE, struct_fields::<vote::Vote>()),
            (&OVERRIDE, struct_fields::<session::GateOverride>()),
            (&SWITCH, struct_fields::<carried::FrameworkSwitch>()),
            (&SOURCE, struct_fields::<carried::FrameworkSource>()),
            (&JOURNAL_FROM, struct_fields::<journal::JournalFrom>()),
            (&AMENDMENT, struct_fields::<workday::Amendment>()),
            (&ADOPTION, struct_fields::<workday::Adoption>()),
            (&PARKED_OUTCOME, struct_fields::<workday::ParkedOutcome>()),
            (&PARKED, struct_fields::<workday::ParkedTopic>()),
            (
                &STEP_BUDGET,
                struct_fields::<crate::domain::budget::StepBudget>(),
            ),
            (
                &PLAN,
                struct_fields::<crate::domain::budget::WorkshopPlan>(),
            ),
        ]
    }

    fn reachable(s: &'static Schema, out: &mut Vec<&'static str>) {
        fn shape(sh: &'static Shape, out: &mut Vec<&'static str>) {
            match sh {
                Table(s) | Tables(s, _) => reachable(s, out),
                List(e, _) | Map(e, _) => shape(e, out),
                Str | Int | Float | Bool => {}
            }
        }
        if !out.contains(&s.name) {
            out.push(s.name);
            for (_, sh) in s.fields {
                shape(sh, out);
            }
        }
    }

    /// A field added to a type of the session file and not to the schema
    /// (or one removed) fails here.
    #[test]
    fn every_table_has_exactly_the_fields_its_type_declares() {
        let all = declared();
        for (schema, fields) in &all {
            assert!(!fields.is_empty(), "{}: no fields from serde", schema.name);
            let mut mine: Vec<&str> = schema.fields.iter().map(|(n, _)| *n).collect();
            if schema.name == "Session" {
                mine.extend(NOT_IN_THE_SNAPSHOT);
            }
            let mut theirs = fields.to_vec();
            mine.sort_unstable();
            theirs.sort_unstable();
            assert_eq!(mine, theirs, "the keys of {}", schema.name);
            assert!(schema.fields.len() <= 64, "a bit each in the pre-scan");
        }
        let mut seen = Vec::new();
        reachable(&SESSION, &mut seen);
        let mut listed: Vec<&str> = all.iter().map(|(s, _)| s.name).collect();
        seen.sort_unstable();
        listed.sort_unstable();
        assert_eq!(seen, listed, "every table of the file is compared");
    }
}
