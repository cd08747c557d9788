//! Replays the fuzz seeds and every saved fuzz crash (`fuzz/regressions/<target>/`) through
//! the same checks the fuzz targets make, so a crash once found stays fixed.

use std::path::{Path, PathBuf};

use hashiya::annotation::{reanchor, sidecar};
use hashiya::document::{Encoding, Format, parse_bytes, parse_plain_text};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut files = Vec::new();
    for folder in [
        root.join("seeds").join(target),
        root.join("regressions").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            files.push((path, bytes));
        }
    }
    files
}

#[test]
fn document_inputs() {
    let files = inputs("document");
    assert!(files.len() >= 6);
    for (path, data) in files {
        let Some((&selector, bytes)) = data.split_first() else {
            continue;
        };
        let format = match selector % 6 {
            0 => None,
            1 => Some(Format::PlainText),
            2 => Some(Format::Markdown),
            3 => Some(Format::Html),
            4 => Some(Format::Rtf),
            _ => Some(Format::Docx),
        };
        let text = String::from_utf8_lossy(bytes);
        for paragraph in hashiya::document::pdf::repair_text_layer(&text) {
            assert!(!paragraph.text.is_empty(), "{}", path.display());
        }
        hashiya::bundle::split_bytes(bytes, "seed").ok();
        if format.is_none() && bytes.starts_with(b"%PDF-") {
            continue;
        }
        let encoding = match selector / 5 % 4 {
            1 => Encoding::for_label(b"windows-1256"),
            2 => Encoding::for_label(b"UTF-16LE"),
            _ => None,
        };
        if let Ok(document) = parse_bytes(bytes, format, encoding) {
            for idx in 0..document.paragraphs.len() {
                assert!(document.paragraph_text(idx).is_some(), "{}", path.display());
            }
        }
    }
}

#[test]
fn sidecar_inputs() {
    for (path, data) in inputs("sidecar") {
        if let Ok(parsed) = sidecar::parse(&data, &path) {
            let json = sidecar::to_json(&parsed);
            let again = sidecar::parse(json.as_bytes(), &path).unwrap();
            // Written in canonical form: the same annotations in a fixed order.
            let mut canonical = parsed.clone();
            sidecar::canonicalize(&mut canonical);
            assert_eq!(again, canonical, "{}", path.display());
            assert_eq!(sidecar::to_json(&again), json, "{}", path.display());
        }
    }
}

#[test]
fn anchor_inputs() {
    let files = inputs("anchor");
    assert!(files.len() >= 2);
    for (path, data) in files {
        let text = String::from_utf8_lossy(&data);
        let Some((article, json)) = text.split_once('\u{0}') else {
            continue;
        };
        let Ok(parsed) = sidecar::parse(json.as_bytes(), &path) else {
            continue;
        };
        let document = parse_plain_text(article.to_owned());
        let mut annotations = parsed.annotations.clone();
        reanchor(&mut annotations, &document);
        assert_eq!(annotations.len(), parsed.annotations.len());
        let chars: Vec<char> = document.text.chars().collect();
        for annotation in annotations.iter().filter(|a| !a.target.orphaned) {
            let p = annotation.target.position;
            assert_eq!(
                chars[p.start..p.end].iter().collect::<String>(),
                annotation.target.quote.exact,
                "{}",
                path.display()
            );
        }
    }
}
