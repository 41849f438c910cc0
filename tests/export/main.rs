//! Minutes, data exports, the handout and their print checks.
//!
//! One test binary per area (linking the library once, not once per file);
//! the helpers they share are in `tests/common/`.

#[path = "../common/mod.rs"]
mod common;

mod export;
mod export_anonymize;
mod export_attendance;
mod export_bidi;
mod export_csv;
mod export_minutes;
mod export_room;
mod export_schema;
mod export_time;
mod export_workday;
mod export_xlsx;
mod handout_html;
mod html_css;
mod html_print;
mod html_snap;
mod print_check;
