//! Nederlands (standaardtaal), per area in `nl/`.

mod documents;
mod framework;
mod keys;
mod screens;
mod store;
mod votes;
mod workday;

use super::Strings;

pub static NL: Strings = Strings::join(
    framework::TEXT,
    votes::TEXT,
    store::TEXT,
    keys::TEXT,
    documents::TEXT,
    workday::TEXT,
    screens::TEXT,
);
