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
    // Only the start of a text is read, so every stretch of each file is checked on its own.
    let chunk = hashiya::arabic::language::DETECTION_CHARS;
    let mut with_persian_letters = 0;
    for file in &files {
        let document = hashiya::document::load(file).unwrap();
        assert_eq!(document.language(), Language::Arabic, "{}", file.display());
        let chars: Vec<char> = document.text.chars().collect();
        for (n, piece) in chars.chunks(chunk).enumerate() {
            let piece: String = piece.iter().collect();
            let counts = hashiya::arabic::language::LetterCounts::of(&piece);
            if counts.persian > 0 {
                with_persian_letters += 1;
            }
            assert_eq!(
                counts.language(),
                Language::Arabic,
                "{} from character {}",
                file.display(),
                n * chunk
            );
        }
    }
    // The large file quotes a few names with پ or گ and still reads as Arabic.
    assert!(with_persian_letters >= 1);
}

/// How far, in points, the ink of any glyph of `text` set in `style` at `width_pt` reaches
/// outside its line (0 when every glyph stays inside), and the family names of the fonts its
/// glyphs came from.
fn ink_overflow(
    font_system: &mut cosmic_text::FontSystem,
    text: &str,
    style: &hashiya::text::ParagraphStyle,
    width_pt: f32,
) -> (f32, Vec<String>) {
    const PPP: f32 = 2.0;
    let layout = hashiya::text::ParagraphLayout::new(font_system, text, style, width_pt);
    let mut swash = cosmic_text::SwashCache::new();
    let mut overflow: f32 = 0.0;
    let mut families = Vec::new();
    let runs: Vec<_> = layout
        .runs()
        .map(|run| {
            (
                run.line_top,
                run.line_height,
                run.line_y,
                run.glyphs.to_vec(),
            )
        })
        .collect();
    for (line_top, line_height, line_y, glyphs) in runs {
        for glyph in glyphs {
            if let Some(face) = font_system.db().face(glyph.font_id) {
                let family = face.families[0].0.clone();
                if !families.contains(&family) {
                    families.push(family);
                }
            }
            let physical = glyph.physical((0.0, 0.0), PPP);
            let Some(image) = swash.get_image_uncached(font_system, physical.cache_key) else {
                continue;
            };
            if image.placement.height == 0 {
                continue;
            }
            // Glyph images are placed from the baseline: `top` pixels above it.
            let top = line_y + (physical.y - image.placement.top) as f32 / PPP;
            let bottom = top + image.placement.height as f32 / PPP;
            overflow = overflow
                .max(line_top - top)
                .max(bottom - (line_top + line_height));
        }
    }
    (overflow, families)
}

#[test]
fn urdu_is_set_in_nastaliq_with_every_glyph_inside_its_line() {
    use hashiya::text::{ReadingFace, TextStyle};
    let document = hashiya::document::load(&fixture("ur-karachi-rain.txt")).unwrap();
    let settings = hashiya::app::Settings::default();
    let mut font_system = hashiya::text::fonts::font_system(false);
    for (size, spacing, width) in [(20.0, 1.7, 600.0), (14.0, 1.4, 260.0), (32.0, 2.4, 420.0)] {
        let style = TextStyle {
            font_size_pt: size,
            line_spacing: spacing,
            ..settings.text_style(Language::Urdu)
        };
        assert_eq!(style.face, ReadingFace::NotoNastaliqUrdu);
        for (idx, paragraph) in document.paragraphs.iter().enumerate() {
            let text = &document.text[paragraph.byte_range.clone()];
            let paragraph_style = style.for_kind(paragraph.kind);
            let (overflow, families) =
                ink_overflow(&mut font_system, text, &paragraph_style, width);
            // Half a pixel at two pixels per point: antialiasing, not a cut.
            assert!(
                overflow <= 0.25,
                "paragraph {idx} at {size} pt, {width} pt wide: ink {overflow} pt outside its line"
            );
            assert_eq!(families, ["Noto Nastaliq Urdu"], "paragraph {idx}");
        }
    }
    // The same text at the line height Naskh is happy with (and at 2.4, the widest spacing
    // offered) does run out of its lines, so the check above can fail.
    for spacing in [1.7, 2.4] {
        let tight = hashiya::text::ParagraphStyle {
            font_size_pt: 20.0,
            line_height_pt: 20.0 * spacing,
            bold: false,
            face: ReadingFace::NotoNastaliqUrdu,
        };
        let (overflow, _) = ink_overflow(
            &mut font_system,
            document.paragraph_text(1).unwrap(),
            &tight,
            600.0,
        );
        assert!(overflow > 1.0, "{spacing}: {overflow}");
    }
}

#[test]
fn info_reports_the_language_and_the_face_it_is_read_in() {
    for (file, language, face) in [
        ("ur-karachi-rain.txt", "ur", "Noto Nastaliq Urdu"),
        ("fa-tehran-rain.txt", "fa", "Noto Naskh Arabic"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("info")
            .arg(fixture(file))
            .output()
            .unwrap();
        assert!(output.status.success(), "{file}");
        let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(info["language"], language, "{file}");
        assert_eq!(info["face"], face, "{file}");
        assert_eq!(info["paragraphs"], 5, "{file}");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("info")
        .arg(common::corpus(common::RAQQA))
        .output()
        .unwrap();
    let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(info["language"], "ar");
    assert_eq!(info["face"], "Noto Naskh Arabic");
}

/// «می‌روم» with its ZWNJ, as written in the Persian test article.
const MIRAVAM: &str = "می\u{200c}روم";

#[test]
fn a_persian_passage_with_zwnj_round_trips_through_the_sidecar_and_the_exports() {
    use hashiya::annotation::model::TargetKind;
    use hashiya::annotation::target::{CharIndex, target_for};
    use hashiya::annotation::{Annotation, AnnotationStore, LabelScheme, Sidecar, sidecar};
    use hashiya::export::{self, ExportFormat};

    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("fa.txt");
    std::fs::copy(fixture("fa-tehran-rain.txt"), &article).unwrap();
    let document = hashiya::document::load(&article).unwrap();
    let index = CharIndex::new(&document.text);
    let paragraph = (0..document.paragraphs.len())
        .find(|&p| document.paragraph_text(p).unwrap().contains(MIRAVAM))
        .unwrap();
    let start = document.text.find(MIRAVAM).unwrap();
    let target = target_for(
        &document,
        &index,
        paragraph,
        start..start + MIRAVAM.len(),
        TargetKind::Span,
    )
    .unwrap();
    assert_eq!(target.quote.exact, MIRAVAM);
    let char_start = document.text[..start].chars().count();
    assert_eq!(target.position.start, char_start);
    assert_eq!(target.position.end, char_start + 6, "ZWNJ counted");
    let store = AnnotationStore::new(&document, LabelScheme::news_default(), "x");
    let annotation = Annotation {
        id: uuid::Uuid::from_u128(7),
        created: jiff::Timestamp::from_second(1_764_000_000).unwrap(),
        modified: jiff::Timestamp::from_second(1_764_000_000).unwrap(),
        author: "x".to_owned(),
        labels: vec!["actor".to_owned()],
        note: "یادداشت".to_owned(),
        color: None,
        target,
    };
    let sidecar = Sidecar {
        annotations: vec![annotation],
        ..store.sidecar().clone()
    };
    let json = sidecar::to_json(&sidecar);
    assert!(
        json.contains(MIRAVAM),
        "the sidecar keeps the ZWNJ as written"
    );
    std::fs::write(sidecar::sidecar_path(&article), json).unwrap();

    // Read back and re-anchored: the same passage, ZWNJ and all.
    let item = export::load(&article).unwrap();
    let read = &item.sidecar.annotations[0].target;
    assert!(!read.orphaned);
    assert_eq!(read.quote.exact, MIRAVAM);
    assert_eq!(
        (read.position.start, read.position.end),
        (char_start, char_start + 6)
    );
    let chars: Vec<char> = item.document.text.chars().collect();
    assert_eq!(
        chars[read.position.start..read.position.end]
            .iter()
            .collect::<String>(),
        MIRAVAM
    );

    // brat: offsets in code points of the text, the T line's text as written.
    let brat = hashiya::export::entities::to_brat(&item);
    let line = brat.ann.lines().next().unwrap();
    assert_eq!(
        line,
        format!("T1\tactor {} {}\t{MIRAVAM}", char_start, char_start + 6)
    );
    // spaCy: offsets into the paragraph's text, and the article's language.
    let spacy = hashiya::export::entities::to_spacy(std::slice::from_ref(&item));
    let line: serde_json::Value = spacy
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|l| !l["spans"].as_array().unwrap().is_empty())
        .unwrap();
    let text: Vec<char> = line["text"].as_str().unwrap().chars().collect();
    let span = &line["spans"][0];
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), MIRAVAM);
    assert_eq!(line["meta"]["language"], "fa");
    // W3C and JSON Lines carry the passage and the language too.
    let w3c: serde_json::Value = serde_json::from_str(&export::export(
        std::slice::from_ref(&item),
        ExportFormat::W3c,
    ))
    .unwrap();
    let annotation = &w3c["first"]["items"][0];
    assert_eq!(annotation["target"]["selector"][0]["exact"], MIRAVAM);
    assert_eq!(annotation["target"]["source"]["language"], "fa");
    let jsonl = export::export(std::slice::from_ref(&item), ExportFormat::Jsonl);
    let row: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(row["language"], "fa");
    assert_eq!(row["quote"]["exact"], MIRAVAM);
}
