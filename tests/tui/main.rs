//! The facilitator's program on a TestBackend: screens, dialogs, keys, snapshots.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod hints;
mod paste_crlf;
mod tui;
mod tui_areas;
mod tui_decisions;
mod tui_focus;
mod tui_guidance;
mod tui_hands;
mod tui_items;
mod tui_note_wrap;
mod tui_parties;
mod tui_plan;
mod tui_recap;
mod tui_room;
mod tui_theme;
mod tui_vote;
mod tui_workday;
mod ui_attacks;
