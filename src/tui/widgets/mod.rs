//! Small pieces the screens and dialogs are drawn with.

pub mod big_letters;
pub mod editor;
pub mod editor_view;
pub mod footer;
pub mod popup;
pub mod recap;
pub mod scroll_list;
pub mod scroll_text;
pub mod status;
pub mod wrapped;

/// The label of the n-th party (0-based): its key "1"…"9", "0" for the
/// tenth, then its number "11", "12", … (those are reached in the list
/// itself: ↑↓ and Space, or Tab to the stance panel). Every party has one.
pub fn party_key(i: usize) -> String {
    const KEYS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];
    KEYS.get(i)
        .map(|k| k.to_string())
        .unwrap_or_else(|| (i + 1).to_string())
}

/// The label of party number `number` (1-based) right-aligned in `width`
/// columns, and a blank: "1 " in a list of up to ten, " 1 " beside "11 ".
pub fn party_label(number: usize, width: usize) -> String {
    format!("{:>width$} ", party_key(number.saturating_sub(1)))
}

/// The columns the labels of party numbers up to `last` take ("0" is the tenth).
pub fn label_width(last: usize) -> usize {
    if last > 10 { last.to_string().len() } else { 1 }
}

/// The symbol of an absent party: its own, never the abstention's "–".
pub const ABSENT: &str = "∅";

/// The marker of the selected row of a list ("▶ "), or its width in blanks:
/// the selection is seen without colour too (a projector, a print).
pub fn marker(selected: bool) -> &'static str {
    if selected { "▶ " } else { "  " }
}
