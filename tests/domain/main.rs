//! The journal and the overview across areas.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod journal;
mod overview;
mod overview_measure;
mod stance_rule;
