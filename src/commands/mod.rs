//! Commands of the command line that live outside `cli.rs` (which holds
//! the parsing and the dispatch): one file each.

pub mod carried;
pub mod framework_switch;
pub mod list;
pub mod log;
pub mod overview;
pub mod plan;
