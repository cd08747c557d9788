//! Re-anchoring sidecar annotations (arbitrary, possibly nonsensical targets) onto an
//! arbitrary article: never panics, never drops an annotation, and every placed annotation's
//! position holds its quote.

#![no_main]

use std::path::Path;

use hashiya::annotation::{reanchor, sidecar};
use hashiya::document::parse_plain_text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some((article, sidecar_json)) = text.split_once('\u{0}') else {
        return;
    };
    let Ok(parsed) = sidecar::parse(sidecar_json.as_bytes(), Path::new("fuzz.json")) else {
        return;
    };
    let document = parse_plain_text(article.to_owned());
    let mut annotations = parsed.annotations.clone();
    reanchor(&mut annotations, &document);
    assert_eq!(annotations.len(), parsed.annotations.len());
    let chars: Vec<char> = document.text.chars().collect();
    for annotation in annotations.iter().filter(|a| !a.target.orphaned) {
        let position = annotation.target.position;
        let found: String = chars[position.start..position.end].iter().collect();
        assert_eq!(found, annotation.target.quote.exact);
    }
});
