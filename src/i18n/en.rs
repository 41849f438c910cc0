//! English, per area in `en/`.

mod documents;
mod framework;
mod keys;
mod screens;
mod store;
mod votes;
mod workday;

use super::Strings;

pub static EN: Strings = Strings::join(
    framework::TEXT,
    votes::TEXT,
    store::TEXT,
    keys::TEXT,
    documents::TEXT,
    workday::TEXT,
    screens::TEXT,
);
