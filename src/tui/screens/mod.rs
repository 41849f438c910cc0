//! The screens: home (the sessions; `areas`: the overview across areas
//! when there is more than one), start (recap and attendance) and main
//! (the workshop). Each has its `update` and its `render`.

pub mod areas;
pub mod home;
pub mod main;
pub mod recap;
pub mod start;
pub mod workday;
