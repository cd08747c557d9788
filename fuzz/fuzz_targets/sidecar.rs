//! The sidecar parser on arbitrary bytes: refuses or parses, never panics; what it parses has
//! unique annotation ids and writes back to JSON that parses to the same value in canonical
//! order and writes again to the same bytes. Whatever it parses is also written back with
//! every annotation given the first one's id: parsing that must give each its own id again,
//! the same way each time.

#![no_main]

use std::collections::HashSet;
use std::path::Path;

use hashiya::annotation::sidecar;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.annotations.json");
    let Ok(parsed) = sidecar::parse(data, path) else {
        return;
    };
    let ids: HashSet<_> = parsed.annotations.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), parsed.annotations.len(), "ids are unique");
    let json = sidecar::to_json(&parsed);
    let again = sidecar::parse(json.as_bytes(), path).expect("own output parses");
    // What is written is the canonical form: the same annotations, in a fixed order.
    let mut canonical = parsed.clone();
    sidecar::canonicalize(&mut canonical);
    assert_eq!(again, canonical);
    assert_eq!(sidecar::to_json(&again), json, "writing again gives the same bytes");

    let Some(first) = parsed.annotations.first().map(|a| a.id) else {
        return;
    };
    let mut duplicated = parsed.clone();
    for annotation in &mut duplicated.annotations {
        annotation.id = first;
    }
    let json = sidecar::to_json(&duplicated);
    let (repaired, count) = sidecar::parse_repaired(json.as_bytes(), path).expect("parses");
    assert_eq!(count, duplicated.annotations.len() - 1);
    let ids: HashSet<_> = repaired.annotations.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), repaired.annotations.len(), "duplicates repaired");
    let (twice, _) = sidecar::parse_repaired(json.as_bytes(), path).expect("parses");
    assert_eq!(twice, repaired, "the same ids every time");
});
