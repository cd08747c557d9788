//! Re-anchoring annotations after the article is edited: paragraphs inserted, deleted,
//! reworded, vowelled; passages inside paragraphs; orphans kept, never dropped.

mod common;

use hashiya::annotation::model::TargetKind;
use hashiya::annotation::target::{CharIndex, target_for};
use hashiya::annotation::{AnchorMethod, Annotation, AnnotationStore, LabelScheme, reanchor};
use hashiya::document::{Document, parse_plain_text};

use common::corpus_text;

const ARTICLE: &str = "news/snn_aawsat_2015-07-21_226_guillemets_isis_isil.txt";

/// Annotates paragraphs `paragraphs` of `document`, each with its own note.
fn annotate(document: &Document, paragraphs: &[usize]) -> Vec<Annotation> {
    let mut store = AnnotationStore::new(document, LabelScheme::news_default(), "tester");
    for &p in paragraphs {
        store
            .set_note(document, p, &format!("note for {p}"))
            .unwrap();
        store.end_note_editing();
    }
    store.annotations().to_vec()
}

fn paragraphs_of(document: &Document) -> Vec<String> {
    (0..document.paragraphs.len())
        .map(|i| document.paragraph_text(i).unwrap().to_owned())
        .collect()
}

fn rebuild(paragraphs: &[String]) -> Document {
    parse_plain_text(paragraphs.join("\n\n") + "\n")
}

/// The note each paragraph of `document` carries after re-anchoring.
fn placed(annotations: &[Annotation]) -> Vec<(String, usize, bool)> {
    annotations
        .iter()
        .map(|a| (a.note.clone(), a.target.paragraph, a.target.orphaned))
        .collect()
}

#[test]
fn unchanged_article_keeps_every_position() {
    let document = parse_plain_text(corpus_text(ARTICLE));
    let mut annotations = annotate(&document, &[1, 5, 9]);
    let before = annotations.clone();
    let methods = reanchor(&mut annotations, &document);
    assert!(methods.iter().all(|m| *m == AnchorMethod::Unchanged));
    assert_eq!(annotations, before);
}

#[test]
fn inserted_and_deleted_paragraphs_move_annotations_by_paragraph_hash() {
    let original = parse_plain_text(corpus_text(ARTICLE));
    let mut annotations = annotate(&original, &[2, 6, 10, 14]);
    let mut paragraphs = paragraphs_of(&original);
    assert!(paragraphs.len() > 16);
    paragraphs.insert(1, "فقرة جديدة أضيفت في أول المقال بعد العنوان.".to_owned());
    paragraphs.insert(8, "فقرة أخرى جديدة في الوسط.".to_owned());
    paragraphs.remove(11); // original paragraph 9: not annotated
    let edited = rebuild(&paragraphs);
    let methods = reanchor(&mut annotations, &edited);
    assert!(
        methods.iter().all(|m| *m == AnchorMethod::ParagraphHash),
        "{methods:?}"
    );
    assert_eq!(
        placed(&annotations),
        [
            ("note for 2".to_owned(), 3, false),
            ("note for 6".to_owned(), 7, false),
            ("note for 10".to_owned(), 11, false),
            ("note for 14".to_owned(), 15, false),
        ]
    );
    // Positions were rewritten for the new text: they cover the whole paragraph, and the
    // quote holds its first characters (all of it when it is short).
    let chars: Vec<char> = edited.text.chars().collect();
    for annotation in &annotations {
        let p = annotation.target.position;
        let paragraph = edited.paragraph_text(annotation.target.paragraph).unwrap();
        assert_eq!(chars[p.start..p.end].iter().collect::<String>(), paragraph);
        let head: String = paragraph
            .chars()
            .take(hashiya::annotation::model::MAX_PARAGRAPH_QUOTE_CHARS)
            .collect();
        assert_eq!(annotation.target.quote.exact, head);
    }
}

#[test]
fn a_deleted_annotated_paragraph_is_kept_as_an_orphan() {
    let original = parse_plain_text(corpus_text(ARTICLE));
    let mut annotations = annotate(&original, &[4, 7]);
    let quote_before = annotations[0].target.quote.exact.clone();
    let mut paragraphs = paragraphs_of(&original);
    paragraphs.remove(4);
    let edited = rebuild(&paragraphs);
    let methods = reanchor(&mut annotations, &edited);
    assert_eq!(
        methods,
        [AnchorMethod::Orphaned, AnchorMethod::ParagraphHash]
    );
    assert!(annotations[0].target.orphaned);
    assert_eq!(
        annotations[0].target.quote.exact, quote_before,
        "the orphan keeps its quote"
    );
    assert_eq!(annotations[0].note, "note for 4");
    assert_eq!(annotations[1].target.paragraph, 6);
}

#[test]
fn reworded_paragraphs_are_found_by_fuzzy_matching() {
    let original = parse_plain_text(corpus_text(ARTICLE));
    let mut annotations = annotate(&original, &[3, 8]);
    let mut paragraphs = paragraphs_of(&original);
    // Reword: change a few words and the punctuation of paragraph 3; prepend a sentence to 8.
    let words: Vec<&str> = paragraphs[3].split(' ').collect();
    assert!(words.len() > 20);
    let mut reworded: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    reworded[2] = "كلمة".to_owned();
    reworded[10] = "بديلة".to_owned();
    reworded.truncate(reworded.len() - 2);
    paragraphs[3] = reworded.join(" ");
    paragraphs[8] = format!("وفي سياق متصل، {}", paragraphs[8]);
    paragraphs.insert(0, "سطر تمهيدي".to_owned());
    let edited = rebuild(&paragraphs);
    let methods = reanchor(&mut annotations, &edited);
    // Paragraph 8 still holds its old text whole, after the new opening words.
    assert_eq!(methods, [AnchorMethod::Fuzzy, AnchorMethod::ExactQuote]);
    assert_eq!(
        placed(&annotations),
        [
            ("note for 3".to_owned(), 4, false),
            ("note for 8".to_owned(), 9, false)
        ]
    );
}

/// Puts a fatha after every third Arabic letter, as a vowelled edition might.
fn add_diacritics(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        out.push(c);
        if ('\u{0628}'..='\u{064A}').contains(&c) && i % 3 == 0 {
            out.push('\u{064E}');
        }
    }
    out
}

#[test]
fn adding_diacritics_and_alef_variants_does_not_lose_annotations() {
    let original = parse_plain_text(corpus_text(ARTICLE));
    let mut annotations = annotate(&original, &[5, 12]);
    let mut paragraphs = paragraphs_of(&original);
    paragraphs[5] = add_diacritics(&paragraphs[5]);
    paragraphs[12] = paragraphs[12]
        .replace('ا', "أ")
        .replace('ي', "ى")
        .replace('ه', "ة");
    let edited = rebuild(&paragraphs);
    assert_ne!(
        edited.paragraph_text(5).unwrap(),
        original.paragraph_text(5).unwrap()
    );
    let methods = reanchor(&mut annotations, &edited);
    assert_eq!(methods, [AnchorMethod::Fuzzy, AnchorMethod::Fuzzy]);
    assert_eq!(
        placed(&annotations),
        [
            ("note for 5".to_owned(), 5, false),
            ("note for 12".to_owned(), 12, false)
        ]
    );
    // The new quote is the vowelled text as it now stands.
    assert_eq!(annotations[0].target.quote.exact, paragraphs[5]);
}

fn span_annotation(document: &Document, paragraph: usize, needle: &str) -> Annotation {
    let index = CharIndex::new(&document.text);
    let paragraph_range = document.paragraphs[paragraph].byte_range.clone();
    let offset = document.text[paragraph_range.clone()]
        .find(needle)
        .expect("needle in paragraph");
    let start = paragraph_range.start + offset;
    let target = target_for(
        document,
        &index,
        paragraph,
        start..start + needle.len(),
        TargetKind::Span,
    )
    .unwrap();
    let mut annotation = annotate(document, &[paragraph]).remove(0);
    annotation.target = target;
    annotation
}

#[test]
fn passages_follow_their_text_inside_edited_paragraphs() {
    let original = parse_plain_text(corpus_text(
        "news/alaraby_2016-10-25_paris_coalition_raqqa.txt",
    ));
    let paragraph = 5;
    let text = original.paragraph_text(paragraph).unwrap();
    assert!(text.contains("\"الدولة الإسلامية\" (داعش)"));
    let mut annotations = vec![
        span_annotation(&original, paragraph, "\"الدولة الإسلامية\" (داعش)"),
        span_annotation(&original, paragraph, "13 بلداً"),
    ];
    let mut paragraphs = paragraphs_of(&original);
    // Words added before the passages; the second passage gains a vowel.
    paragraphs[paragraph] =
        format!("في خبر عاجل، {}", paragraphs[paragraph]).replace("13 بلداً", "13 بَلداً");
    let edited = rebuild(&paragraphs);
    let methods = reanchor(&mut annotations, &edited);
    assert_eq!(methods, [AnchorMethod::ExactQuote, AnchorMethod::Fuzzy]);
    let chars: Vec<char> = edited.text.chars().collect();
    let found: Vec<String> = annotations
        .iter()
        .map(|a| {
            chars[a.target.position.start..a.target.position.end]
                .iter()
                .collect()
        })
        .collect();
    assert_eq!(found, ["\"الدولة الإسلامية\" (داعش)", "13 بَلداً"]);
    assert!(
        annotations
            .iter()
            .all(|a| a.target.paragraph == paragraph && a.target.kind == TargetKind::Span)
    );
}

#[test]
fn a_store_loaded_from_an_old_sidecar_reports_what_moved() {
    let original = parse_plain_text(corpus_text(ARTICLE));
    let mut store = AnnotationStore::new(&original, LabelScheme::news_default(), "a");
    for p in [1, 2, 3] {
        store.toggle_label(&original, p, "claim").unwrap();
    }
    let sidecar = store.sidecar().clone();
    let mut paragraphs = paragraphs_of(&original);
    paragraphs.remove(2);
    paragraphs.insert(0, "جديد".to_owned());
    let edited = rebuild(&paragraphs);
    let (store, summary) = AnnotationStore::from_sidecar(
        sidecar,
        &edited,
        "a",
        hashiya::annotation::Availability::Editable,
    );
    assert_eq!(summary.orphaned, 1);
    assert_eq!(summary.moved, 2);
    assert_eq!(store.orphans().count(), 1);
    assert_eq!(store.annotations().len(), 3, "nothing dropped");
    assert_eq!(
        store.sidecar().article.sha256,
        hashiya::annotation::sha256_hex(&edited.text)
    );
}
