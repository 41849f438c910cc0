//! Making user text safe to show on a terminal: the filter lives in
//! [`crate::safe_text`] so that the command line uses the very same one.

pub use crate::safe_text::{clean_input, safe_line, safe_lines};
