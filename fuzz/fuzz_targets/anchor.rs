//! Re-anchoring sidecar annotations (arbitrary, possibly nonsensical targets) onto an
//! arbitrary article: never panics, never drops an annotation, and every placed annotation's
//! position holds its quote (for a whole paragraph, the quote is the paragraph's first
//! characters, at most `MAX_PARAGRAPH_QUOTE_CHARS`).

#![no_main]

use std::path::Path;

use hashiya::annotation::model::MAX_PARAGRAPH_QUOTE_CHARS;
use hashiya::annotation::{TargetKind, reanchor, sidecar};
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
        let exact = &annotation.target.quote.exact;
        if annotation.target.kind == TargetKind::Paragraph {
            let head: String = found.chars().take(MAX_PARAGRAPH_QUOTE_CHARS).collect();
            assert_eq!(&head, exact);
        } else {
            assert_eq!(&found, exact);
        }
    }
});
