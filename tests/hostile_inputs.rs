//! Hostile inputs and what each must give. Every case here once crashed, hung, garbled or
//! silently lost something; the table grows with every such bug. Each case runs on a worker
//! thread with a generous limit, so a hang fails the test instead of stalling the suite.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use hashiya::annotation::sidecar;
use hashiya::document::{self, DocumentError, MAX_PARAGRAPH_BYTES};

use common::corpus;

/// Runs `f` on a thread with the small stack the app's loader threads have, failing if it
/// does not return within a minute (a hang) or panics.
fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name(format!("hostile-{what}"))
        // The default for spawned threads: the stack the app's worker threads get.
        .stack_size(2 * 1024 * 1024)
        .spawn(move || sender.send(f()).ok())
        .unwrap();
    receiver
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("{what}: no answer ({e})"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const ARTICLE: &str = "news/alaraby_2016-10-25_paris_coalition_raqqa.txt";

#[test]
fn deeply_nested_markup_is_read_without_exhausting_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let cases: Vec<(&str, String)> = vec![
        (
            "divs.html",
            format!(
                "<html><head><meta charset=utf-8></head><body>{}<p>نص عربي</p>{}</body></html>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            ),
        ),
        (
            "inline.html",
            format!(
                "<html><body><p>{}نص عربي</p></body></html>",
                "<b><i>".repeat(depth)
            ),
        ),
        (
            "title.html",
            format!(
                "<html><head><title>{}عنوان</title></head><body><p>نص عربي</p></body></html>",
                "<b>".repeat(depth)
            ),
        ),
        ("quotes.md", format!("{}نص عربي\n", "> ".repeat(depth))),
        ("lists.md", format!("{}نص عربي\n", "- ".repeat(depth))),
        (
            "emphasis.md",
            format!("{}نص عربي{}\n", "*_".repeat(depth), "_*".repeat(depth)),
        ),
    ];
    for (name, content) in cases {
        let path = write(dir.path(), name, content.as_bytes());
        let result = bounded(name, move || document::load(&path).map(|d| d.text));
        // Whatever a parser makes of such markup, the Arabic text survives and nothing crashed.
        let text = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(text.contains("نص عربي"), "{name}");
    }
}

#[test]
fn deeply_nested_word_xml_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}<w:p><w:r><w:t>نص عربي</w:t></w:r></w:p>{}</w:body></w:document>"#,
        "<w:sdt><w:sdtContent>".repeat(depth),
        "</w:sdtContent></w:sdt>".repeat(depth)
    );
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    let path = write(dir.path(), "deep.docx", &bytes);
    let text = bounded("docx", move || document::load(&path).map(|d| d.text)).unwrap();
    assert!(text.contains("نص عربي"));
}

#[test]
fn a_deeply_nested_sidecar_is_damaged_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let json = format!(
        r#"{{"format":"hashiya-annotations","version":1,"x":{}1{}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let path = write(dir.path(), "a.txt.annotations.json", json.as_bytes());
    let result = bounded("sidecar", move || sidecar::read(&path).map(|_| ()));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("damaged"), "{message}");
}

#[test]
fn undecodable_bytes_in_utf8_arabic_are_replaced_not_taken_for_another_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus(ARTICLE)).unwrap();
    // One stray byte; then a bad byte on six lines.
    let mut one = text.clone().into_bytes();
    one.push(0xFF);
    let mut six = Vec::new();
    for (i, line) in text.lines().enumerate() {
        six.extend_from_slice(line.as_bytes());
        if i < 6 {
            six.push(0xFF);
        }
        six.push(b'\n');
    }
    // A lone Latin-1 byte inside the first Arabic word (a half-written character).
    let mut truncated = text.clone().into_bytes();
    let first_arabic = text.find('ا').unwrap();
    truncated.insert(first_arabic + 1, 0xD8);
    for (name, bytes, replaced) in [
        ("one.txt", one, 1),
        ("six.txt", six, 6),
        ("cut.txt", truncated, 1),
    ] {
        let path = write(dir.path(), name, &bytes);
        let document = document::load(&path).unwrap();
        assert_eq!(document.encoding_name, "UTF-8", "{name}");
        assert_eq!(document.replaced_chars, replaced, "{name}");
        assert!(
            document.text.contains("وزراء"),
            "{name}: the Arabic survives"
        );
    }
    // Real legacy files are still read in their encoding.
    let legacy = corpus("legacy_encoding/charset_normalizer_sample-arabic-1_cp1256.txt");
    let document = document::load(&legacy).unwrap();
    assert_eq!(document.encoding_name, "windows-1256");
    assert_eq!(document.replaced_chars, 0);
    // And a legacy file with one stray byte that happens to start a UTF-8 sequence is
    // still legacy.
    let mut bytes = std::fs::read(&legacy).unwrap();
    bytes.extend_from_slice("\n\u{e9}".as_bytes());
    let path = write(dir.path(), "legacy.txt", &bytes);
    assert_eq!(document::load(&path).unwrap().encoding_name, "windows-1256");
}

#[test]
fn a_huge_one_line_article_is_cut_into_paragraphs_and_its_quotes_stay_short() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus(ARTICLE)).unwrap();
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut huge = String::new();
    while huge.len() < 20 * 1024 * 1024 {
        huge.push_str(&line);
        huge.push(' ');
    }
    let path = write(dir.path(), "huge.txt", huge.as_bytes());
    let document = bounded("huge", move || document::load(&path).unwrap());
    assert_eq!(document.split_paragraphs, 1);
    assert!(
        document.paragraphs.len() > 300,
        "{}",
        document.paragraphs.len()
    );
    let mut previous_end = 0;
    for (i, paragraph) in document.paragraphs.iter().enumerate() {
        assert!(
            paragraph.byte_range.len() <= MAX_PARAGRAPH_BYTES,
            "piece {i}"
        );
        assert!(
            paragraph.byte_range.start >= previous_end,
            "pieces in order"
        );
        previous_end = paragraph.byte_range.end;
        let piece = document.paragraph_text(i).unwrap();
        assert_eq!(piece, piece.trim(), "piece {i} is trimmed");
    }
    // Nothing of the text is dropped: the pieces and the spaces between them are all of it.
    let covered: usize = document.paragraphs.iter().map(|p| p.byte_range.len()).sum();
    let spaces = document.text.len() - covered;
    assert!(spaces < document.paragraphs.len() * 2 + 2, "{spaces}");

    // A paragraph annotation of a long paragraph stores a bounded quote, and still anchors.
    let index = hashiya::annotation::CharIndex::new(&document.text);
    let target = hashiya::annotation::paragraph_target(&document, &index, 3).unwrap();
    assert_eq!(
        target.quote.exact.chars().count(),
        hashiya::annotation::model::MAX_PARAGRAPH_QUOTE_CHARS
    );
    let mut annotations = vec![hashiya::annotation::Annotation {
        id: uuid::Uuid::new_v4(),
        created: jiff::Timestamp::now(),
        modified: jiff::Timestamp::now(),
        author: "x".to_owned(),
        labels: vec!["claim".to_owned()],
        note: String::new(),
        color: None,
        target,
    }];
    let methods = hashiya::annotation::reanchor(&mut annotations, &document);
    assert_eq!(methods, [hashiya::annotation::AnchorMethod::Unchanged]);
    assert_eq!(annotations[0].target.paragraph, 3);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let path = fifo.clone();
    let error = bounded("fifo", move || document::load(&path).unwrap_err());
    assert!(matches!(error, DocumentError::NotRegularFile(_)), "{error}");
    assert!(error.to_string().ends_with("x.txt"), "{error}");
    // The command line says so and fails, naming the file, instead of hanging.
    let output = bounded("fifo-cli", move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("info")
            .arg(&fifo)
            .output()
            .unwrap()
    });
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not a regular file") && stderr.contains("x.txt"),
        "{stderr}"
    );
    // A sidecar that is a FIFO is refused too (reading it would block the window).
    let sidecar_fifo = dir.path().join("a.txt.annotations.json");
    std::process::Command::new("mkfifo")
        .arg(&sidecar_fifo)
        .status()
        .unwrap();
    let error = bounded("fifo-sidecar", move || {
        sidecar::read(&sidecar_fifo).map(|_| ())
    });
    assert!(
        error
            .unwrap_err()
            .to_string()
            .contains("not a regular file")
    );
}

#[test]
fn duplicate_annotation_ids_get_fresh_ones_the_same_way_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "a.txt",
        std::fs::read(corpus(ARTICLE)).unwrap().as_slice(),
    );
    let document = document::load(&article).unwrap();
    let index = hashiya::annotation::CharIndex::new(&document.text);
    let annotation = |paragraph: usize, label: &str| hashiya::annotation::Annotation {
        id: uuid::Uuid::from_u128(7),
        created: jiff::Timestamp::now(),
        modified: jiff::Timestamp::now(),
        author: "x".to_owned(),
        labels: vec![label.to_owned()],
        note: String::new(),
        color: None,
        target: hashiya::annotation::paragraph_target(&document, &index, paragraph).unwrap(),
    };
    let mut store = hashiya::annotation::AnnotationStore::new(
        &document,
        hashiya::annotation::LabelScheme::news_default(),
        "x",
    )
    .sidecar()
    .clone();
    store.annotations = vec![annotation(0, "claim"), annotation(2, "quotation")];
    let path = sidecar::sidecar_path(&article);
    std::fs::write(&path, sidecar::to_json(&store)).unwrap();

    let (first, _, repaired) = sidecar::read_repaired(&path).unwrap().unwrap();
    assert_eq!(repaired, 1);
    assert_ne!(first.annotations[0].id, first.annotations[1].id);
    let (again, _) = sidecar::read(&path).unwrap().unwrap();
    assert_eq!(first.annotations, again.annotations, "deterministic");

    // Exported rows have distinct ids too.
    let exported = hashiya::export::to_csv(&[hashiya::export::load(&article).unwrap()]);
    let ids: std::collections::HashSet<&str> = exported
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1))
        .collect();
    assert_eq!(ids.len(), 2, "{exported}");
}

#[test]
fn a_passage_outside_its_paragraph_or_inside_a_character_is_refused() {
    use hashiya::annotation::{AnnotationStore, LabelScheme, TargetKey};
    let document = document::parse_plain_text(std::fs::read_to_string(corpus(ARTICLE)).unwrap());
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "x");
    let paragraph = document.paragraphs[3].byte_range.clone();
    let other = document.paragraphs[5].byte_range.clone();
    let cases = [
        ("reversed", paragraph.start + 10..paragraph.start + 2),
        ("inside a letter", paragraph.start + 1..paragraph.start + 7),
        ("in another paragraph", other.start..other.start + 4),
        ("past the end", paragraph.end - 2..paragraph.end + 10),
        ("past the text", usize::MAX - 1..usize::MAX),
    ];
    for (what, bytes) in cases {
        let key = TargetKey::Span {
            paragraph: 3,
            bytes,
        };
        let result = store.toggle_label(&document, key, "claim");
        assert!(result.is_err(), "{what}");
    }
    assert!(store.annotations().is_empty());
    // A passage of whole characters inside the paragraph is fine.
    let end = paragraph.start
        + document.text[paragraph.start..]
            .char_indices()
            .nth(4)
            .unwrap()
            .0;
    let key = TargetKey::Span {
        paragraph: 3,
        bytes: paragraph.start..end,
    };
    store.toggle_label(&document, key, "claim").unwrap();
    assert_eq!(store.annotations().len(), 1);
}

/// Bundles that are empty, binary, truncated, huge or in an unexpected encoding: each gives
/// a message naming the file and no article, and never panics; a bundle whose last article
/// is cut off gives the others and names the one skipped.
#[test]
fn hostile_bundles_are_refused_with_the_file_named() {
    use hashiya::bundle::{self, BundleError};
    let dir = tempfile::tempdir().unwrap();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundles");
    let docx = std::fs::read(fixtures.join("nexis-uni.docx")).unwrap();
    let html = std::fs::read_to_string(fixtures.join("factiva.html")).unwrap();
    let utf16: Vec<u8> = html.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.docx", Vec::new()),
        ("blank.txt", b"  \n\n ".to_vec()),
        ("binary.rtf", (0u8..=255).cycle().take(4096).collect()),
        ("truncated.docx", docx[..docx.len() / 2].to_vec()),
        ("utf16-without-bom.html", utf16),
        (
            "deep.rtf",
            format!("{{\\rtf1 {}", "{".repeat(200_000)).into_bytes(),
        ),
        ("fake.pdf", b"%PDF-1.4 not really".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = write(dir.path(), name, &bytes);
        let error = bounded(name, move || {
            bundle::split_file(&path).map(|s| s.articles.len())
        })
        .expect_err(name);
        let message = error.to_string();
        assert!(message.ends_with(name), "{name}: {message}");
    }
    // Over the size limit: refused before reading (a sparse file).
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(bundle::MAX_BUNDLE_BYTES + 1)
        .unwrap();
    let error = bundle::split_file(&huge).unwrap_err();
    assert!(matches!(
        error,
        BundleError::Read(DocumentError::TooLarge { .. })
    ));
    assert!(error.to_string().ends_with("huge.txt"));

    // A Factiva export cut inside its last article: the others are read.
    let text = std::fs::read_to_string(fixtures.join("factiva.html")).unwrap();
    let cut = text
        .rfind("<tr><td class=\"index\" align=\"right\" valign=\"top\"><b>LP")
        .unwrap();
    let path = write(dir.path(), "cut.html", &text.as_bytes()[..cut]);
    let split = bundle::split_file(&path).unwrap();
    assert_eq!(split.articles.len(), 2);
    assert_eq!(split.skipped.len(), 1);
    assert_eq!(split.skipped[0].index, 3);
    assert!(
        split.skipped[0].reason.contains("no text"),
        "{:?}",
        split.skipped
    );
}

/// RTF and PDF articles that are damaged: a message naming the file, no panic.
#[test]
fn damaged_rtf_and_pdf_articles_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "hidden-only.rtf",
            b"{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\*\\x secret}}".to_vec(),
        ),
        ("not-rtf.rtf", b"\x00\x01\x02 binary".to_vec()),
        (
            "huge-bin.rtf",
            b"{\\rtf1 \\bin999999999999999999 x}".to_vec(),
        ),
        ("garbage.pdf", b"%PDF-1.7\n garbage".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = write(dir.path(), name, &bytes);
        let result = bounded(name, move || {
            document::load(&path).map(|d| d.paragraphs.len())
        });
        let message = result.expect_err(name).to_string();
        assert!(message.ends_with(name), "{name}: {message}");
    }
}
