//! Dialogs and overlays: each in a file of its own, owning its state, its
//! [`Dialog::update`] and its [`Dialog::render`].
//!
//! Adding a dialog: write its file (a struct that implements [`Dialog`]),
//! declare it below, and give its keys a context in `tui/keys/table.rs`.
//! A screen or another dialog opens it ([`Cx::open`], [`crate::tui::app::App::open_dialog`]
//! or [`Transition::Open`]). While a dialog is open, the dispatch takes it
//! out of the app, hands it a [`Cx`] (what a dialog may change: see
//! `tui/app/cx.rs`), and puts back what [`Transition`] says. The app knows
//! a dialog only as the trait (`tui/app/dialog.rs`); code above the app
//! that must know which one is open asks [`crate::tui::app::App::dialog`].

pub mod action_item;
pub mod add_party;
pub mod adopt;
pub mod attendance;
pub mod confirm;
pub mod consensus_check;
pub mod discard;
pub mod dissent;
pub mod flow;
pub mod gate_override;
pub mod guidance;
pub mod help;
pub mod history;
pub mod info;
pub mod items;
pub mod new_session;
pub mod note;
pub mod overview;
pub mod park;
pub mod parking;
pub mod plan;
pub mod recap_answer;
pub mod skip;
pub mod stance_pick;
pub mod stance_reason;
pub mod summary;
pub mod unsaved;
pub mod vote;

pub use crate::tui::app::{Cx, Dialog, Overlay, Transition};
