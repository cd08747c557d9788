//! Article language: Arabic, Persian and Urdu told apart by their letters, on the corpus and
//! on the Persian and Urdu test articles, and reported by `hashiya info`.

mod common;

use std::path::{Path, PathBuf};

use hashiya::arabic::Language;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/languages")
        .join(name)
}

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            corpus_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn the_test_articles_are_urdu_and_persian() {
    let urdu = hashiya::document::load(&fixture("ur-karachi-rain.txt")).unwrap();
    assert_eq!(urdu.language(), Language::Urdu);
    let persian = hashiya::document::load(&fixture("fa-tehran-rain.txt")).unwrap();
    assert_eq!(persian.language(), Language::Persian);
    assert!(persian.text.contains("می\u{200c}روم"));
}

#[test]
fn every_corpus_article_stays_arabic() {
    let mut files = Vec::new();
    corpus_files(&common::corpus_dir(), &mut files);
    assert!(files.len() >= 10, "{} corpus files", files.len());
    let mut with_persian_letters = 0;
    for file in &files {
        let document = hashiya::document::load(file).unwrap();
        let counts = hashiya::arabic::language::LetterCounts::of(&document.text);
        if counts.persian > 0 {
            with_persian_letters += 1;
        }
        assert_eq!(document.language(), Language::Arabic, "{}", file.display());
    }
    // The large file quotes a few names with پ or گ and still reads as Arabic.
    assert!(with_persian_letters >= 1);
}
