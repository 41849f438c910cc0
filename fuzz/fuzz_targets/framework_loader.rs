//! The framework loader never panics; what it accepts can be printed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wijktafel::framework::Framework;
use wijktafel::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(fw) = Framework::parse(text, "fuzz.toml") {
        let _ = fw.to_json();
        let _ = fw.to_markdown(Lang::Nl);
        assert!(fw.point_count() > 0);
    }
});
