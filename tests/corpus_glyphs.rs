//! Every character of the news and vowelled corpus texts is drawn with a real glyph: none
//! falls to `.notdef` (the empty box) in either reading face, using only the embedded fonts.

mod common;

use std::path::PathBuf;

use hashiya::text::fonts::{self, ReadingFace};
use hashiya::text::{ParagraphLayout, TextStyle};

use common::corpus_files;

#[test]
fn no_notdef_glyph_in_news_and_diacritized_corpus() {
    let mut font_system = fonts::font_system(false);
    let mut missing = Vec::new();
    let mut glyphs_checked = 0usize;
    let files: Vec<PathBuf> = ["news", "diacritized"]
        .iter()
        .flat_map(|d| corpus_files(d))
        .collect();
    assert!(
        files.len() >= 16,
        "expected the whole corpus, found {}",
        files.len()
    );
    for path in &files {
        let document = hashiya::document::load(path).expect("corpus file loads");
        for face in ReadingFace::ALL {
            let style = TextStyle {
                face,
                ..TextStyle::default()
            };
            for (idx, paragraph) in document.paragraphs.iter().enumerate() {
                let text = document.paragraph_text(idx).unwrap();
                let layout = ParagraphLayout::new(
                    &mut font_system,
                    text,
                    &style.for_kind(paragraph.kind),
                    700.0,
                );
                for run in layout.runs() {
                    for glyph in run.glyphs {
                        glyphs_checked += 1;
                        if glyph.glyph_id == 0 {
                            missing.push(format!(
                                "{} ({face:?}) paragraph {idx}: {:?}",
                                path.file_name().unwrap().to_string_lossy(),
                                &text[glyph.start..glyph.end]
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        glyphs_checked > 1_000_000,
        "only {glyphs_checked} glyphs checked"
    );
    assert!(
        missing.is_empty(),
        "{} .notdef glyphs:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn a_character_no_embedded_font_has_is_reported_as_notdef() {
    // Guards the test above: the check it relies on does see a missing glyph.
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default().for_kind(hashiya::document::ParagraphKind::Body);
    let layout = ParagraphLayout::new(&mut font_system, "漢", &style, 700.0);
    let ids: Vec<u16> = layout
        .runs()
        .flat_map(|run| run.glyphs.iter().map(|g| g.glyph_id))
        .collect();
    assert_eq!(ids, [0]);
}
