//! The room's view (`wijktafel beamer`) and the live file it follows.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod beamer;
mod beamer_framework;
