//! The command line: arguments, help, hostile input, frameworks, the demo, the README.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod cli_attacks;
mod cli_help;
mod demo;
mod framework_carried;
mod framework_cli;
mod readme;
