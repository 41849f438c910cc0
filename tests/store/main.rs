//! Session files: saves, crashes, locks, hostile files, backups.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod backups;
mod backups_copy;
mod store;
mod store_attacks;
mod store_hostile;
