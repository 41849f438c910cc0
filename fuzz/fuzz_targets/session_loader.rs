//! The session loader never panics on any input, and what it accepts
//! survives a save and a load unchanged.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use wijktafel::store;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(session) = store::parse(text, Path::new("fuzz.toml")) {
        let again = store::to_toml(&session);
        let back = store::parse(&again, Path::new("fuzz.toml")).expect("a saved session loads");
        assert_eq!(back, session);
    }
});
