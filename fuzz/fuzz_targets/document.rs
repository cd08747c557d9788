//! The article loader on arbitrary bytes: every format (chosen by the first byte, or sniffed)
//! and encoding detection. It may refuse the input, but must not panic, and what it accepts
//! must be consistent: paragraph ranges inside the text, on character boundaries.

#![no_main]

use hashiya::document::{Format, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 5 {
        0 => None,
        1 => Some(Format::PlainText),
        2 => Some(Format::Markdown),
        3 => Some(Format::Html),
        _ => Some(Format::Docx),
    };
    let encoding = match selector / 5 % 4 {
        1 => Some(encoding_rs_label("windows-1256")),
        2 => Some(encoding_rs_label("UTF-16LE")),
        _ => None,
    };
    if let Ok(document) = parse_bytes(bytes, format, encoding) {
        assert!(!document.paragraphs.is_empty());
        for (idx, paragraph) in document.paragraphs.iter().enumerate() {
            let text = document
                .paragraph_text(idx)
                .expect("paragraph range inside the text on char boundaries");
            assert_eq!(text.len(), paragraph.byte_range.len());
        }
    }
});

fn encoding_rs_label(label: &str) -> &'static hashiya::document::Encoding {
    hashiya::document::Encoding::for_label(label.as_bytes()).expect("known label")
}
