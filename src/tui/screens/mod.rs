//! The screens: home (the sessions), start (recap and attendance) and main
//! (the workshop). Each has its `update` and its `render`.

pub mod home;
pub mod main;
pub mod recap;
pub mod start;
pub mod workday;
