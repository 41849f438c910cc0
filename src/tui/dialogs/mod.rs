//! Dialogs that own their state, their update and their rendering.

pub mod unsaved;
