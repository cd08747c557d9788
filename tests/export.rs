//! Export: golden files for CSV, JSON Lines and W3C Web Annotation from a fixed set of
//! annotations, read back with real parsers; the command line; and exports after the
//! article was edited (re-anchored positions, orphans marked).

mod common;

use std::path::{Path, PathBuf};

use hashiya::annotation::model::TargetKind;
use hashiya::annotation::target::{CharIndex, paragraph_target, target_for};
use hashiya::annotation::{Annotation, AnnotationStore, LabelScheme, Sidecar, sidecar};
use hashiya::export::{self, ExportFormat};

use common::{RAQQA, article_copy};

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

/// The sample article in a temporary folder with a sidecar of four fixed annotations:
/// paragraph labels, an Arabic note, an English note with a colour, and a passage.
fn annotated_article() -> (tempfile::TempDir, PathBuf) {
    let (dir, article) = article_copy(RAQQA, "raqqa.txt");
    let document = hashiya::document::load(&article).unwrap();
    let index = CharIndex::new(&document.text);
    let store = AnnotationStore::new(&document, LabelScheme::news_default(), "x");
    let time = |s: i64| jiff::Timestamp::from_second(1_764_000_000 + s).unwrap();
    let annotation =
        |n: u128, target, labels: &[&str], note: &str, color: Option<&str>| Annotation {
            id: uuid::Uuid::from_u128(0x1000 + n),
            created: time(n as i64),
            modified: time(n as i64 + 60),
            author: "سارة".to_owned(),
            labels: labels.iter().map(|l| (*l).to_owned()).collect(),
            note: note.to_owned(),
            color: color.map(str::to_owned),
            target,
        };
    let passage_start = {
        let p = &document.paragraphs[5];
        p.byte_range.start
            + document.text[p.byte_range.clone()]
                .find("\"الدولة الإسلامية\"")
                .unwrap()
    };
    let passage = target_for(
        &document,
        &index,
        5,
        passage_start..passage_start + "\"الدولة الإسلامية\"".len(),
        TargetKind::Span,
    )
    .unwrap();
    let sidecar = Sidecar {
        annotations: vec![
            annotation(
                1,
                paragraph_target(&document, &index, 3).unwrap(),
                &["claim", "place"],
                "",
                None,
            ),
            annotation(
                2,
                passage,
                &["actor"],
                "تسمية التنظيم بين علامتي تنصيص",
                None,
            ),
            annotation(
                3,
                paragraph_target(&document, &index, 8).unwrap(),
                &[],
                "Hollande's quote, check the source",
                Some("#f2c14e"),
            ),
            annotation(
                4,
                paragraph_target(&document, &index, 10).unwrap(),
                &[],
                "",
                Some("#8ecae6"),
            ),
        ],
        ..store.sidecar().clone()
    };
    std::fs::write(sidecar::sidecar_path(&article), sidecar::to_json(&sidecar)).unwrap();
    (dir, article)
}

/// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it.
fn assert_golden(name: &str, actual: &str, article: &Path) {
    // The article's absolute path differs per run; goldens hold a placeholder.
    let portable = actual.replace(&export::file_url(article), "file:///ARTICLE");
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &portable).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        portable, expected,
        "{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"
    );
}

#[test]
fn csv_matches_its_golden_file_and_reads_back() {
    let (_dir, article) = annotated_article();
    let items = vec![export::load(&article).unwrap()];
    let csv_text = export::export(&items, ExportFormat::Csv);
    assert_golden("expected.csv", &csv_text, &article);
    assert!(
        csv_text.starts_with('\u{feff}'),
        "BOM for spreadsheet programs"
    );
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        export::CSV_HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let document = &items[0].document;
    let chars: Vec<char> = document.text.chars().collect();
    for row in &rows {
        assert_eq!(&row[0], "raqqa.txt");
        let (start, end): (usize, usize) = (row[9].parse().unwrap(), row[10].parse().unwrap());
        assert_eq!(chars[start..end].iter().collect::<String>(), row[8]);
        assert_eq!(&row[11], "سارة");
    }
    assert_eq!(&rows[0][5], "ادعاء claim; مكان place");
    assert_eq!(&rows[1][3], "span");
    assert_eq!(&rows[1][8], "\"الدولة الإسلامية\"");
}

#[test]
fn jsonl_matches_its_golden_file_with_paragraph_text() {
    let (_dir, article) = annotated_article();
    let items = vec![export::load(&article).unwrap()];
    let text = export::export(&items, ExportFormat::Jsonl);
    assert_golden("expected.jsonl", &text, &article);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for line in &lines {
        let paragraph = line["paragraph_index"].as_u64().unwrap() as usize;
        assert_eq!(
            line["paragraph_text"],
            items[0].document.paragraph_text(paragraph).unwrap()
        );
    }
}

#[test]
fn w3c_collection_follows_the_web_annotation_model() {
    let (_dir, article) = annotated_article();
    let items = vec![export::load(&article).unwrap()];
    let text = export::export(&items, ExportFormat::W3c);
    assert_golden("expected.jsonld", &text, &article);
    let collection: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(collection["type"], "AnnotationCollection");
    assert_eq!(collection["total"], 4);
    let items_json = collection["first"]["items"].as_array().unwrap();
    assert_eq!(collection["first"]["type"], "AnnotationPage");
    let motivations: Vec<&str> = items_json
        .iter()
        .map(|i| i["motivation"].as_str().unwrap())
        .collect();
    assert_eq!(
        motivations,
        ["classifying", "classifying", "commenting", "highlighting"]
    );
    let chars: Vec<char> = items[0].document.text.chars().collect();
    for item in items_json {
        assert_eq!(item["type"], "Annotation");
        assert!(item["id"].as_str().unwrap().starts_with("urn:uuid:"));
        // Only W3C vocabulary: no field outside the model.
        for key in item.as_object().unwrap().keys() {
            assert!(
                [
                    "id",
                    "type",
                    "motivation",
                    "created",
                    "modified",
                    "creator",
                    "body",
                    "target"
                ]
                .contains(&key.as_str()),
                "{key}"
            );
        }
        let selectors = item["target"]["selector"].as_array().unwrap();
        assert_eq!(selectors[0]["type"], "TextQuoteSelector");
        assert_eq!(selectors[1]["type"], "TextPositionSelector");
        let (start, end) = (
            selectors[1]["start"].as_u64().unwrap() as usize,
            selectors[1]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            selectors[0]["exact"]
        );
        assert!(
            item["target"]["source"]["id"]
                .as_str()
                .unwrap()
                .starts_with("file:///")
        );
        // The article's language, detected from its letters.
        assert_eq!(item["target"]["source"]["language"], "ar");
        for body in item["body"].as_array().unwrap() {
            assert_eq!(body["type"], "TextualBody");
            assert!(
                ["tagging", "commenting", "highlighting", "describing"]
                    .contains(&body["purpose"].as_str().unwrap())
            );
        }
    }
    let note = |i: usize| {
        items_json[i]["body"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["purpose"] == "commenting")
            .cloned()
            .unwrap()
    };
    assert_eq!(note(1)["language"], "ar");
    assert_eq!(note(2)["language"], "en");
    assert_eq!(
        items_json[0]["body"][0],
        serde_json::json!({"type": "TextualBody", "purpose": "tagging", "value": "ادعاء claim"})
    );
}

#[test]
fn exports_follow_an_edited_article_and_mark_orphans() {
    let (_dir, article) = annotated_article();
    let text = std::fs::read_to_string(&article).unwrap();
    let document = hashiya::document::parse_plain_text(text.clone());
    // Paragraph 10 (annotation 4) disappears; a line is added at the top.
    let removed = document.paragraph_text(10).unwrap().to_owned();
    std::fs::write(
        &article,
        format!("سطر جديد في الأعلى\n\n{}", text.replace(&removed, "")),
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "csv"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv_text = String::from_utf8(output.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let edited = hashiya::document::load(&article).unwrap();
    let chars: Vec<char> = edited.text.chars().collect();
    let mut orphans = 0;
    for row in &rows {
        if &row[14] == "true" {
            orphans += 1;
            assert_eq!(&row[8], removed, "the orphan keeps its last quote");
            continue;
        }
        let (start, end): (usize, usize) = (row[9].parse().unwrap(), row[10].parse().unwrap());
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            row[8],
            "quote at the new position"
        );
    }
    assert_eq!(orphans, 1);
    assert_eq!(&rows[0][2], "4", "paragraph 3 is now paragraph 4");

    // W3C to a file, with the orphan described.
    let out = article.with_extension("jsonld");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "w3c", "--out"])
        .arg(&out)
        .arg(&article)
        .status()
        .unwrap();
    assert!(status.success());
    let collection: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let described = collection["first"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            i["body"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["purpose"] == "describing")
        })
        .count();
    assert_eq!(described, 1);
}

#[test]
fn export_of_an_article_without_annotations_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("plain.txt");
    std::fs::write(&article, "عنوان\n\nنص").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "jsonl"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no annotations file"));
}
