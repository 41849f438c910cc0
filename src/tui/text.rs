//! Making user text safe to show on a terminal: the filter lives in
//! [`crate::safe_text`] so that the command line uses the very same one.
//! And the small readings and writings of text the screens share: a due
//! date typed (a size in a message is `Lang::size`).

use jiff::civil::Date;

pub use crate::safe_text::{clean_input, safe_line, safe_lines};

/// Parse a due date: 2026-12-15, 15-12-2026 or 15/12/2026.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() == 3 && parts[2].len() == 4 {
        let d: i8 = parts[0].parse().ok()?;
        let m: i8 = parts[1].parse().ok()?;
        let y: i16 = parts[2].parse().ok()?;
        return Date::new(y, m, d).ok();
    }
    None
}
