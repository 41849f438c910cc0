//! Small pieces the screens and dialogs are drawn with.

pub mod big_letters;
pub mod editor;
pub mod footer;
pub mod popup;
pub mod recap;
pub mod scroll_text;
pub mod status;
