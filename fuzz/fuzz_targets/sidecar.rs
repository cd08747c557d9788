//! The sidecar parser on arbitrary bytes: refuses or parses, never panics; what it parses
//! writes back to JSON that parses to the same value.

#![no_main]

use std::path::Path;

use hashiya::annotation::sidecar;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = sidecar::parse(data, Path::new("fuzz.annotations.json")) {
        let json = sidecar::to_json(&parsed);
        let again = sidecar::parse(json.as_bytes(), Path::new("fuzz.annotations.json"))
            .expect("own output parses");
        assert_eq!(again, parsed);
    }
});
