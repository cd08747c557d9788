//! Bundles from news databases (`hashiya import-bundle`), RTF and PDF articles, on the
//! fixtures made by `scripts/bundle-fixtures.py` from corpus text. Titles and bodies are
//! compared with the source articles (`tests/fixtures/bundles/sources/`); the metadata with
//! expectations written here by hand.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};

use hashiya::annotation::{AnnotationStore, Availability, sidecar};
use hashiya::bundle::{self, BundleFormat, ImportProgress};
use hashiya::document::{self, DocumentError, Format, PdfError};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bundles")
        .join(name)
}

/// A source article: its title and paragraphs.
fn source(key: &str) -> (String, Vec<String>) {
    let text = std::fs::read_to_string(fixture(&format!("sources/{key}.txt"))).unwrap();
    let mut blocks = text
        .split("\n\n")
        .filter(|b| !b.is_empty())
        .map(str::to_owned);
    let title = blocks.next().unwrap();
    (title, blocks.collect())
}

/// (key, source, ISO date, byline, section, length) as the fixture script wrote them.
const EXPECTED: [(&str, &str, &str, &str, &str, &str); 3] = [
    (
        "fifa",
        "Aen Alyoum",
        "2015-07-25",
        "رغد عشميل",
        "Sports",
        "69 words",
    ),
    (
        "algeria",
        "الشروق",
        "2015-07-27",
        "سعيد زياني",
        "أخبار",
        "154 words",
    ),
    (
        "flaperon",
        "Sabq",
        "2015-08-01",
        "سبق - الرياض",
        "World",
        "175 words",
    ),
];

fn check_articles(split: &bundle::SplitBundle, keys: &[&str], bundle_name: &str) {
    assert_eq!(split.articles.len(), keys.len(), "{:?}", split.skipped);
    assert!(split.skipped.is_empty(), "{:?}", split.skipped);
    for (idx, (article, key)) in split.articles.iter().zip(keys).enumerate() {
        let (title, paragraphs) = source(key);
        let (_, source_name, date, byline, section, length) =
            EXPECTED.iter().find(|e| e.0 == *key).unwrap();
        let m = &article.metadata;
        assert_eq!(m.title, title, "{key}");
        assert_eq!(article.paragraphs, paragraphs, "{key}");
        assert_eq!(m.source, *source_name, "{key}");
        assert_eq!(m.date, *date, "{key}");
        assert_eq!(m.byline, *byline, "{key}");
        assert_eq!(m.language, "ar", "{key}");
        assert_eq!(m.bundle, bundle_name);
        assert_eq!(m.index, Some(idx + 1));
        if split.format != BundleFormat::FactivaHtml && split.format != BundleFormat::FactivaText {
            assert_eq!(m.section, *section, "{key}");
        }
        assert_eq!(m.length, *length, "{key}");
    }
}

#[test]
fn nexis_uni_docx_skips_the_cover_and_the_classification_block() {
    let split = bundle::split_file(&fixture("nexis-uni.docx")).unwrap();
    assert_eq!(split.format, BundleFormat::NexisUni);
    check_articles(&split, &["fifa", "algeria", "flaperon"], "nexis-uni.docx");
    let all: String = split
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter().cloned())
        .collect();
    for trailer in [
        "Classification",
        "Load-Date",
        "End of Document",
        "Job Number",
    ] {
        assert!(!all.contains(trailer), "{trailer} leaked into an article");
    }
}

#[test]
fn older_nexis_text_and_windows_1256_rtf() {
    let split = bundle::split_file(&fixture("nexis-classic.txt")).unwrap();
    assert_eq!(split.format, BundleFormat::NexisClassic);
    check_articles(&split, &["fifa", "algeria"], "nexis-classic.txt");
    let split = bundle::split_file(&fixture("nexis-classic-1256.rtf")).unwrap();
    assert_eq!(split.format, BundleFormat::NexisClassic);
    check_articles(&split, &["algeria", "flaperon"], "nexis-classic-1256.rtf");
}

#[test]
fn factiva_html_and_rtf() {
    let split = bundle::split_file(&fixture("factiva.html")).unwrap();
    assert_eq!(split.format, BundleFormat::FactivaHtml);
    check_articles(&split, &["fifa", "algeria", "flaperon"], "factiva.html");
    let accessions: Vec<&str> = split
        .articles
        .iter()
        .map(|a| a.metadata.accession.as_str())
        .collect();
    assert_eq!(
        accessions,
        [
            "AENALY0020150725eb7p0000b",
            "SHRUQ00020150727eb7r0000c",
            "SABQON0020150801eb810000d"
        ]
    );
    assert_eq!(split.articles[1].metadata.section, "أخبار");
    let split = bundle::split_file(&fixture("factiva.rtf")).unwrap();
    assert_eq!(split.format, BundleFormat::FactivaText);
    check_articles(&split, &["fifa", "algeria"], "factiva.rtf");
    assert_eq!(
        split.articles[0].metadata.accession,
        "AENALY0020150725eb7p0000b"
    );
}

fn import(files: &[PathBuf], out: &Path) -> bundle::ImportReport {
    bundle::import_bundles(files, out, &mut |_| {}, &AtomicBool::new(false)).unwrap()
}

#[test]
fn import_writes_articles_sidecars_and_csv_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let report = import(&[fixture("nexis-uni.docx")], &out);
    assert!(report.failed.is_empty() && report.skipped.is_empty());
    assert_eq!(report.written.len(), 3);
    let first = &report.written[0].path;
    assert_eq!(
        first.file_name().unwrap().to_string_lossy(),
        format!("2015-07-25_Aen-Alyoum_{}.txt", {
            let (title, _) = source("fifa");
            title
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
    );
    for (written, key) in report.written.iter().zip(["fifa", "algeria", "flaperon"]) {
        let text = std::fs::read_to_string(&written.path).unwrap();
        let expected = std::fs::read_to_string(fixture(&format!("sources/{key}.txt"))).unwrap();
        assert_eq!(text, expected, "{key}");
        // The sidecar carries the metadata and describes the text as Hashiya reads it.
        let (saved, _) = sidecar::read(&sidecar::sidecar_path(&written.path))
            .unwrap()
            .unwrap();
        let metadata = saved.article.metadata.as_ref().unwrap();
        assert_eq!(metadata, &written.metadata);
        let document = document::load(&written.path).unwrap();
        assert_eq!(saved.article.paragraph_count, document.paragraphs.len());
        assert_eq!(document.title(), metadata.title);
    }
    let csv_path = report.csv_path.clone().unwrap();
    assert_eq!(csv_path, out.join("articles.csv"));
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        bundle::CSV_HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][2], "الشروق");
    assert_eq!(&rows[1][3], "2015-07-27");
    assert_eq!(&rows[1][9], "nexis-uni.docx");
    assert_eq!(&rows[1][10], "2");
    // The folder is a corpus of three articles (the CSV and sidecars are not articles).
    assert_eq!(hashiya::corpus::list_articles(&out).len(), 3);

    // Again into the same folder: new names, nothing replaced.
    let before = std::fs::read(first).unwrap();
    let again = import(&[fixture("nexis-uni.docx")], &out);
    assert_eq!(again.csv_path.unwrap(), out.join("articles-2.csv"));
    assert!(again.written[0].path.to_string_lossy().ends_with("-2.txt"));
    assert_eq!(std::fs::read(first).unwrap(), before);
    assert_eq!(hashiya::corpus::list_articles(&out).len(), 6);
}

#[test]
fn metadata_survives_annotating_and_reaches_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let report = import(&[fixture("factiva.html")], dir.path());
    let article = &report.written[1].path;
    let document = document::load(article).unwrap();
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .unwrap();
    let (mut store, _) =
        AnnotationStore::from_sidecar(saved, &document, "tester", Availability::Editable);
    store.toggle_label(&document, 1, "claim").unwrap();
    assert!(store.sidecar().article.metadata.is_some());
    sidecar::write_atomic(
        &sidecar::sidecar_path(article),
        sidecar::to_json(store.sidecar()).as_bytes(),
    )
    .unwrap();
    let items = hashiya::export::load_all(article).unwrap();
    let csv = hashiya::export::export(&items, hashiya::export::ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let column = |name: &str| {
        let idx = headers.iter().position(|h| h == name).unwrap();
        row[idx].to_owned()
    };
    assert_eq!(column("article_source"), "الشروق");
    assert_eq!(column("article_date"), "2015-07-27");
    assert_eq!(column("article_accession"), "SHRUQ00020150727eb7r0000c");
    let jsonl = hashiya::export::export(&items, hashiya::export::ExportFormat::Jsonl);
    let line: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(line["article_metadata"]["byline"], "سعيد زياني");
}

#[test]
fn progress_is_reported_and_cancel_stops_after_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen: Vec<ImportProgress> = Vec::new();
    let files = [fixture("nexis-uni.docx"), fixture("factiva.html")];
    let report = bundle::import_bundles(
        &files,
        dir.path(),
        &mut |state| {
            seen.push(state.clone());
            if state.written == 4 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    )
    .unwrap();
    assert!(report.cancelled);
    assert_eq!(report.written.len(), 4);
    let written: Vec<usize> = seen.iter().map(|s| s.written).collect();
    assert_eq!(written, [0, 1, 2, 3, 3, 4]);
    assert_eq!(seen[4].bundle_idx, 1);
    assert_eq!(seen[4].bundles, 2);
    assert_eq!(seen[5].articles, 3);
    // What was written before the cancel is listed.
    let csv = std::fs::read_to_string(report.csv_path.unwrap()).unwrap();
    assert_eq!(csv.lines().count(), 5);
}

#[test]
fn a_windows_1256_rtf_article_opens_with_its_arabic_intact() {
    let document = document::load(&fixture("article-1256.rtf")).unwrap();
    assert_eq!(document.format, Format::Rtf);
    assert_eq!(document.encoding_name, "windows-1256");
    let (title, paragraphs) = source("algeria");
    let expected: Vec<String> = std::iter::once(title).chain(paragraphs).collect();
    let got: Vec<&str> = (0..document.paragraphs.len())
        .map(|i| document.paragraph_text(i).unwrap())
        .collect();
    assert_eq!(got, expected);
}

fn pdftotext_available() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    assert!(
        found || std::env::var_os("HASHIYA_REQUIRE_E2E").is_none(),
        "pdftotext (poppler-utils) is required here"
    );
    found
}

#[test]
fn generated_arabic_pdfs_round_trip_to_their_source_text() {
    if !pdftotext_available() {
        eprintln!("skipped: pdftotext is not installed");
        return;
    }
    let source = std::fs::read_to_string(fixture("pdf-source.txt")).unwrap();
    let expected: Vec<&str> = source.lines().collect();
    for name in ["presentation-forms.pdf", "visual-order.pdf"] {
        let document = document::load(&fixture(name)).unwrap();
        assert_eq!(document.format, Format::Pdf);
        let got: Vec<&str> = (0..document.paragraphs.len())
            .map(|i| document.paragraph_text(i).unwrap())
            .collect();
        assert_eq!(got, expected, "{name}");
        // Three paragraphs on the first page, the rest on the second.
        let pages: Vec<u32> = (0..expected.len())
            .map(|i| if i < 3 { 1 } else { 2 })
            .collect();
        assert_eq!(document.paragraph_pages, pages, "{name}");
        assert!(
            !document
                .text
                .chars()
                .any(|c| ('\u{fb50}'..='\u{feff}').contains(&c))
        );
    }
}

/// A one-page PDF with nothing drawn on it, as a scan without OCR looks to a text extractor.
fn textless_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (idx, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", idx + 1).into_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}

#[test]
fn a_pdf_without_text_says_so() {
    if !pdftotext_available() {
        eprintln!("skipped: pdftotext is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, textless_pdf()).unwrap();
    let error = document::load(&path).unwrap_err();
    assert!(
        matches!(
            error,
            DocumentError::Pdf {
                source: PdfError::NoTextLayer,
                ..
            }
        ),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.contains("no text layer") && message.ends_with("scan.pdf"),
        "{message}"
    );
}

#[test]
fn cli_import_bundle_lists_what_it_wrote_and_fails_on_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["import-bundle", "--out"])
        .arg(&out)
        .arg(fixture("factiva.rtf"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2);
    assert!(out.join("articles.csv").exists());

    let plain = dir.path().join("not-a-bundle.txt");
    std::fs::write(&plain, "مقال عادي\n\nفقرة واحدة فقط.\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["import-bundle", "--out"])
        .arg(&out)
        .arg(&plain)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no article found") && stderr.contains("Factiva HTML"),
        "{stderr}"
    );
    assert!(stderr.contains("not-a-bundle.txt"), "{stderr}");
}
