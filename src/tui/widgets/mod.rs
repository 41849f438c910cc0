//! Small pieces the screens and dialogs are drawn with.

pub mod big_letters;
pub mod editor;
pub mod footer;
pub mod popup;
pub mod recap;
pub mod scroll_list;
pub mod scroll_text;
pub mod status;

/// The key of the n-th party in a list (0-based): "1"…"9", "0" for the
/// tenth, a blank after that (more parties go through the list itself).
pub fn party_key(i: usize) -> &'static str {
    const KEYS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];
    KEYS.get(i).copied().unwrap_or(" ")
}
