//! Tables in the Arabic interface: the Agreement window's table starts at the right, its
//! first column (the labels) right of the next; in English it starts at the left.
//!
//! The interface language is process-wide, so these checks run in one test of their own
//! binary.

mod common;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar::{self, annotator_sidecar_path};
use hashiya::annotation::{AnnotationStore, LabelScheme};
use hashiya::app::command::{Command, UiCommand};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::i18n::UiLanguage;

use common::{app, corpus, harness, wait_for_folder};

/// Writes a sidecar at `path` for `article` by `author`, with `claim` on `claims`.
fn write_sidecar(article: &Path, author: &str, claims: &[usize]) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), author);
    for &p in claims {
        store.toggle_label(&document, p, "claim").unwrap();
    }
    let path = annotator_sidecar_path(article, author);
    std::fs::write(path, sidecar::to_json(store.sidecar())).unwrap();
}

/// The rectangles of the Agreement table's first two headings, the label column's and the
/// items column's.
fn first_headings(harness: &Harness<'_, HashiyaApp>) -> (egui::Rect, egui::Rect) {
    let rect = |text: String| {
        harness
            .query_all_by_label(&text)
            .next()
            .unwrap_or_else(|| panic!("the heading «{text}»"))
            .rect()
    };
    (
        rect(hashiya::tr!("agreement-column-label")),
        rect(hashiya::tr!("agreement-column-items")),
    )
}

#[test]
fn the_agreement_table_runs_from_the_right_in_arabic() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a-raqqa.txt");
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    write_sidecar(&article, "alice", &[5, 6, 9]);
    write_sidecar(&article, "bilal", &[5, 9]);

    let settings = Settings {
        author: "x".to_owned(),
        interface_language: Some(UiLanguage::Arabic),
        ..Settings::default()
    };
    let mut harness = harness(app(settings), egui::vec2(1300.0, 900.0));
    harness.run_steps(2);
    harness
        .state_mut()
        .push(Command::OpenPath(dir.path().to_owned()));
    harness.run_steps(3);
    wait_for_folder(&mut harness);
    harness.run_steps(3);
    harness.state_mut().push(UiCommand::Agreement);
    harness.run_steps(2);
    harness
        .state_mut()
        .windows
        .agreement
        .as_mut()
        .expect("the Agreement window")
        .wait();
    harness.run_steps(4);

    let (label, items) = first_headings(&harness);
    assert!(
        label.left() > items.right(),
        "Arabic: the label column at {label:?} is right of the items column at {items:?}"
    );

    harness
        .state_mut()
        .push(Command::SetInterfaceLanguage(UiLanguage::English));
    harness.run_steps(4);
    let (label, items) = first_headings(&harness);
    assert!(
        label.right() < items.left(),
        "English: the label column at {label:?} is left of the items column at {items:?}"
    );
}
