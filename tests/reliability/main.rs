//! Damaged files, full disks, and the other ways a workshop could lose work.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod reliability;
