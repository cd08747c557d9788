//! Entity work in the window, from the keyboard: a selection that steps and grows word by
//! word in visual order, span labels that nest, a relation made by marking its source, span
//! jumps, deleting a span with its relations in one undo step, and the proclitic rule.

mod common;

use std::path::{Path, PathBuf};

use common::{app, harness_on, press, press_with, save, session, settings_by};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::{AnnotationStore, Label, LabelScheme, Sidecar, TargetKind, sidecar};
use hashiya::app::{Command, FixedPicker, HashiyaApp, UiCommand};
use hashiya::arabic::tokens::{TokenKind, tokens};

const ARTICLE: &str = "news/alaraby_2016-10-25_paris_coalition_raqqa.txt";

fn label(id: &str, key: char, color: &str) -> Label {
    Label {
        id: id.to_owned(),
        name: id.to_owned(),
        color: color.to_owned(),
        shortcut: Some(key),
        description: String::new(),
    }
}

/// A scheme with entity types ORG (1), GPE (2) and a relation type `part_of` (1).
fn ner_scheme(detach: bool) -> LabelScheme {
    LabelScheme {
        span_labels: vec![label("ORG", '1', "#2e86ab"), label("GPE", '2', "#d1495b")],
        relation_types: vec![label("part_of", '1', "#e07a5f")],
        detach_proclitics: detach,
        ..LabelScheme::news_default()
    }
}

/// A copy of the article with a sidecar holding only `scheme`.
fn article_with(scheme: LabelScheme) -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = common::article_copy(ARTICLE, "raqqa.txt");
    let document = hashiya::document::load(&path).unwrap();
    let store = AnnotationStore::new(&document, scheme, "setup");
    sidecar::write_atomic(
        &sidecar::sidecar_path(&path),
        sidecar::to_json(store.sidecar()).as_bytes(),
    )
    .unwrap();
    (dir, path)
}

fn open(path: &Path) -> Harness<'static, HashiyaApp> {
    let app = app(settings_by("tester")).with_picker(FixedPicker::default());
    harness_on(app, path, egui::vec2(1200.0, 900.0), 4)
}

fn on_disk(article: &Path) -> Sidecar {
    sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .unwrap()
        .0
}

/// The selected passage's text.
fn selected_text(harness: &Harness<'_, HashiyaApp>) -> String {
    let session = session(harness);
    let selection = session
        .reader
        .text_selection
        .expect("a passage is selected");
    let text = session
        .document
        .paragraph_text(selection.paragraph)
        .unwrap();
    text[selection.range()].to_owned()
}

/// The paragraph holding `needle`, and how many word tokens come before it.
fn locate(harness: &Harness<'_, HashiyaApp>, needle: &str) -> (usize, usize) {
    let document = &session(harness).document;
    for paragraph in 0..document.paragraphs.len() {
        let text = document.paragraph_text(paragraph).unwrap();
        if let Some(at) = text.find(needle) {
            let words = tokens(text)
                .iter()
                .filter(|t| t.kind == TokenKind::Word && t.bytes.start < at)
                .count();
            return (paragraph, words);
        }
    }
    panic!("{needle} is not in the article");
}

/// Selects paragraph `paragraph` with j, from nothing selected.
fn go_to_paragraph(harness: &mut Harness<'_, HashiyaApp>, paragraph: usize) {
    for _ in 0..=paragraph {
        press(harness, Key::J);
    }
    assert_eq!(session(harness).reader.selected, Some(paragraph));
}

fn spans(store: &AnnotationStore) -> Vec<(String, String)> {
    store
        .annotations()
        .iter()
        .filter(|a| a.target.kind == TargetKind::Span)
        .map(|a| (a.labels.join(","), a.target.quote.exact.clone()))
        .collect()
}

#[test]
fn keyboard_only_nested_entities_and_a_relation() {
    let (_dir, path) = article_with(ner_scheme(false));
    let mut harness = open(&path);
    let (paragraph, before) = locate(&harness, "الحكومة العراقية");
    go_to_paragraph(&mut harness, paragraph);

    // Arabic reads right to left: Left steps to the next word. The first Left selects the
    // paragraph's first word; punctuation is stepped over.
    press(&mut harness, Key::ArrowLeft);
    for _ in 0..before {
        press(&mut harness, Key::ArrowLeft);
    }
    assert_eq!(selected_text(&harness), "الحكومة");
    press_with(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 2);
    assert_eq!(selected_text(&harness), "الحكومة العراقية");
    press(&mut harness, Key::Num1);
    // Shift+Right shrinks the selection again, from its moving end.
    press_with(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 2);
    assert_eq!(selected_text(&harness), "الحكومة");
    press_with(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 2);
    // The inner entity: on to the next word and back.
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowRight);
    assert_eq!(selected_text(&harness), "العراقية");
    press(&mut harness, Key::Num2);
    let store = session(&harness).annotations.store();
    assert_eq!(
        spans(store),
        vec![
            ("ORG".to_owned(), "الحكومة العراقية".to_owned()),
            ("GPE".to_owned(), "العراقية".to_owned()),
        ]
    );
    let gpe = session(&harness)
        .selected_span()
        .expect("the new span is selected");

    // The relation: mark the source (m), go to the target ([ jumps to the outer span,
    // which comes first), press the relation type's key.
    press(&mut harness, Key::M);
    assert_eq!(session(&harness).relation_source, Some(gpe));
    press(&mut harness, Key::OpenBracket);
    assert_eq!(selected_text(&harness), "الحكومة العراقية");
    let org = session(&harness).selected_span().unwrap();
    press(&mut harness, Key::Num1);
    let store = session(&harness).annotations.store();
    assert_eq!(store.relations().len(), 1);
    let relation = &store.relations()[0];
    assert_eq!(
        (
            relation.source,
            relation.target,
            relation.relation_type.as_str()
        ),
        (gpe, org, "part_of")
    );
    assert_eq!(session(&harness).relation_source, None);
    // Both spans stay: the key made a relation, not a label.
    assert_eq!(spans(store).len(), 2);

    save(&mut harness);
    let written = on_disk(&path);
    assert_eq!(written.relations.len(), 1);
    assert_eq!(
        written
            .annotations
            .iter()
            .filter(|a| a.target.kind == TargetKind::Span)
            .count(),
        2
    );

    // Deleting the outer span takes its relation with it; one undo brings both back.
    assert_eq!(session(&harness).selected_span(), Some(org));
    press(&mut harness, Key::Delete);
    let store = session(&harness).annotations.store();
    assert_eq!(
        spans(store),
        vec![("GPE".to_owned(), "العراقية".to_owned())]
    );
    assert!(store.relations().is_empty());
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    let store = session(&harness).annotations.store();
    assert_eq!(spans(store).len(), 2);
    assert_eq!(store.relations().len(), 1);

    // ] and [ walk the spans in document order, outer before inner.
    press(&mut harness, Key::Escape);
    assert!(session(&harness).reader.text_selection.is_none());
    press(&mut harness, Key::CloseBracket);
    assert_eq!(selected_text(&harness), "الحكومة العراقية");
    press(&mut harness, Key::CloseBracket);
    assert_eq!(selected_text(&harness), "العراقية");
    // The key of a span label already on exactly this text removes that span.
    press(&mut harness, Key::Num2);
    assert_eq!(
        spans(session(&harness).annotations.store()),
        vec![("ORG".to_owned(), "الحكومة العراقية".to_owned())]
    );
}

#[test]
fn a_scheme_that_detaches_proclitics_starts_spans_after_them() {
    let (_dir, path) = article_with(ner_scheme(true));
    let mut harness = open(&path);
    // «بباريس» in the title: the span starts at «باريس».
    let (paragraph, before) = locate(&harness, "بباريس");
    go_to_paragraph(&mut harness, paragraph);
    for _ in 0..=before {
        press(&mut harness, Key::ArrowLeft);
    }
    assert_eq!(selected_text(&harness), "باريس");
    press(&mut harness, Key::Num2);
    let quotes = spans(session(&harness).annotations.store());
    assert_eq!(quotes, vec![("GPE".to_owned(), "باريس".to_owned())]);
    // p puts the proclitic back for this one selection.
    press(&mut harness, Key::P);
    assert_eq!(selected_text(&harness), "بباريس");
    press(&mut harness, Key::P);
    assert_eq!(selected_text(&harness), "باريس");
    // A word that only looks prefixed is never cut: «التحالف» keeps its article, «بلداً»
    // stays whole.
    let (paragraph, before) = locate(&harness, "بلداً");
    press(&mut harness, Key::Escape);
    harness
        .state_mut()
        .workspace
        .session
        .as_mut()
        .unwrap()
        .reader
        .selected = None;
    go_to_paragraph(&mut harness, paragraph);
    for _ in 0..=before {
        press(&mut harness, Key::ArrowLeft);
    }
    assert_eq!(selected_text(&harness), "بلداً");
}

#[test]
fn import_and_export_entities_from_the_file_menu() {
    let (dir, path) = article_with(ner_scheme(false));
    let text = std::fs::read_to_string(&path).unwrap();
    let find = |needle: &str| {
        let byte = text.find(needle).unwrap();
        let from = text[..byte].chars().count();
        (from, from + needle.chars().count())
    };
    let (a, b) = find("الحكومة العراقية");
    let (c, d) = find("العراقية");
    let ann = dir.path().join("raqqa.ann");
    std::fs::write(
        &ann,
        format!(
            "T1\tORG {a} {b}\tالحكومة العراقية\nT2\tGPE {c} {d}\tالعراقية\nR1\tpart_of Arg1:T2 Arg2:T1\n"
        ),
    )
    .unwrap();
    let picker = FixedPicker {
        article: Some(ann.clone()),
        save_path: Some(dir.path().join("out.ann")),
        ..FixedPicker::default()
    };
    let app = app(settings_by("tester")).with_picker(picker);
    let mut harness = harness_on(app, &path, egui::vec2(1200.0, 900.0), 4);
    harness.state_mut().push(UiCommand::ImportEntities);
    harness.run_steps(4);
    let store = session(&harness).annotations.store();
    assert_eq!(spans(store).len(), 2);
    assert_eq!(store.relations().len(), 1);
    // One undo step takes the whole import back.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    let store = session(&harness).annotations.store();
    assert!(spans(store).is_empty());
    assert!(store.relations().is_empty());
    press_with(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::Z,
        2,
    );

    // Export to brat: the same entities and relation come out.
    harness.state_mut().push(Command::ExportEntities(
        hashiya::export::entities::EntityFormat::Brat,
    ));
    harness.run_steps(4);
    let exported = std::fs::read_to_string(dir.path().join("out.ann")).unwrap();
    assert!(
        exported.contains(&format!("ORG {a} {b}\tالحكومة العراقية")),
        "{exported}"
    );
    assert!(
        exported.contains(&format!("GPE {c} {d}\tالعراقية")),
        "{exported}"
    );
    assert!(exported.contains("part_of Arg1:"), "{exported}");

    // A broken file changes nothing and says which line.
    std::fs::write(
        &ann,
        format!("T1\tORG {a} {b}\tالحكومة العراقية\nT2\tGPE 5\n"),
    )
    .unwrap();
    let before = session(&harness).annotations.store().annotations().len();
    harness.state_mut().push(UiCommand::ImportEntities);
    harness.run_steps(4);
    assert_eq!(
        session(&harness).annotations.store().annotations().len(),
        before
    );
    let message = common::message(&harness);
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains("raqqa.ann"), "{message}");
}

#[test]
fn the_scheme_editor_edits_entity_types_relation_types_and_the_proclitic_rule() {
    let (_dir, path) = common::article_copy(ARTICLE, "raqqa.txt");
    let mut harness = open(&path);
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label("Label Scheme…").click();
    harness.run_steps(3);
    harness.get_by_label("Entity types").click();
    harness.run_steps(2);
    harness.get_by_label("Add Label").click();
    harness.run_steps(2);
    harness
        .get_by_label("Start spans after a proclitic (wa-, fa-, bi-, ka-, li- and al- forms)")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Relation types").click();
    harness.run_steps(2);
    harness.get_by_label("Add Label").click();
    harness.run_steps(2);
    harness.get_by_label("Apply").click();
    harness.run_steps(3);
    let scheme = session(&harness).annotations.store().scheme().clone();
    assert_eq!(scheme.span_labels.len(), 1);
    assert_eq!(scheme.span_labels[0].shortcut, Some('1'));
    assert_eq!(scheme.relation_types.len(), 1);
    assert!(scheme.detach_proclitics);
    // The paragraph labels are untouched.
    assert_eq!(scheme.labels, LabelScheme::news_default().labels);
    // With entity types, a passage key adds a span, and the span's type is the new one.
    let (paragraph, before) = locate(&harness, "الحكومة العراقية");
    go_to_paragraph(&mut harness, paragraph);
    for _ in 0..=before {
        press(&mut harness, Key::ArrowLeft);
    }
    press(&mut harness, Key::Num1);
    let store = session(&harness).annotations.store();
    assert_eq!(
        spans(store),
        vec![(scheme.span_labels[0].id.clone(), "الحكومة".to_owned())]
    );
}
