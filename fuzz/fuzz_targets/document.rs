//! The article loader on arbitrary bytes: every format (chosen by the first byte, or sniffed;
//! RTF included, PDF by the repair of extracted text) and the bundle splitters
//! and encoding detection. It may refuse the input, but must not panic, and what it accepts
//! must be consistent: paragraph ranges inside the text, on character boundaries, none longer
//! than the paragraph limit.
//!
//! The first byte also picks a shape that small inputs cannot reach by themselves: the input
//! nested tens of thousands of levels deep (HTML and Markdown), repeated into one huge line,
//! or sprinkled as a few stray bytes into a long valid UTF-8 Arabic text (which must still be
//! read as UTF-8).

#![no_main]

use hashiya::document::{Format, MAX_PARAGRAPH_BYTES, parse_bytes};
use libfuzzer_sys::fuzz_target;

const ARABIC: &str = "اجتماع التحالف الدولي بباريس: فرنسا تصوّب الأنظار إلى الرقة (AFP) 2016. ";

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 6 {
        0 => None,
        1 => Some(Format::PlainText),
        2 => Some(Format::Markdown),
        3 => Some(Format::Html),
        4 => Some(Format::Rtf),
        _ => Some(Format::Docx),
    };
    // PDFs go to an external extractor; the repairs of its output are fuzzed as text, and
    // bundles are split from the same bytes.
    let text = String::from_utf8_lossy(bytes);
    for paragraph in hashiya::document::pdf::repair_text_layer(&text) {
        assert!(!paragraph.text.is_empty() && paragraph.page >= 1);
    }
    if let Ok(split) = hashiya::bundle::split_bytes(bytes, "fuzz") {
        for article in &split.articles {
            assert!(!article.paragraphs.is_empty());
        }
    }
    let encoding = match selector / 5 % 4 {
        1 => Some(encoding_rs_label("windows-1256")),
        2 => Some(encoding_rs_label("UTF-16LE")),
        _ => None,
    };
    let depth = 20_000 + bytes.len() * 7;
    let (input, near_utf8) = match selector / 20 % 4 {
        1 if format == Some(Format::Markdown) => {
            ([&b"> ".repeat(depth), bytes].concat(), false)
        }
        1 => (
            [&b"<div>".repeat(depth), bytes, &b"</div>".repeat(depth)].concat(),
            false,
        ),
        2 => {
            let line: Vec<u8> = bytes.iter().map(|&b| if b == b'\n' { b' ' } else { b }).collect();
            let times = (MAX_PARAGRAPH_BYTES * 2) / line.len().max(1) + 1;
            (line.repeat(times.min(200_000)), false)
        }
        // Only the text formats: DOCX and RTF have their own structure around the text.
        3 if encoding.is_none() && !matches!(format, Some(Format::Docx | Format::Rtf)) => {
            // At most 8 stray bytes, spread over a long Arabic text.
            let mut text = ARABIC.repeat(100).into_bytes();
            let stray = &bytes[..bytes.len().min(8)];
            for (i, &byte) in stray.iter().enumerate() {
                let at = (i + 1) * text.len() / (stray.len() + 1);
                text.insert(at, byte);
            }
            (text, !stray.contains(&0))
        }
        _ => (bytes.to_vec(), false),
    };
    // A sniffed PDF would start the external extractor: not here.
    if format.is_none() && input.starts_with(b"%PDF-") {
        return;
    }
    if let Ok(document) = parse_bytes(&input, format, encoding) {
        assert!(!document.paragraphs.is_empty());
        for (idx, paragraph) in document.paragraphs.iter().enumerate() {
            let text = document
                .paragraph_text(idx)
                .expect("paragraph range inside the text on char boundaries");
            assert_eq!(text.len(), paragraph.byte_range.len());
            assert!(paragraph.byte_range.len() <= MAX_PARAGRAPH_BYTES);
        }
        if near_utf8 {
            assert_eq!(document.encoding_name, "UTF-8", "a few stray bytes in UTF-8");
            assert!(document.text.contains("التحالف"));
        }
    } else if near_utf8 {
        panic!("a long UTF-8 text with a few stray bytes was refused");
    }
});

fn encoding_rs_label(label: &str) -> &'static hashiya::document::Encoding {
    hashiya::document::Encoding::for_label(label.as_bytes()).expect("known label")
}
