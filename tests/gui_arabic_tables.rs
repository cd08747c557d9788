//! Tables in the Arabic interface: the Agreement window's table starts at the right, its
//! first column (the labels) right of the next; in English it starts at the left. In the
//! Compare window's table, the chips in a cell line up at the right in Arabic, at the left in
//! English, and the window's close button is at its left in Arabic.
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

use common::{app, corpus, harness, settle, wait_for_agreement, wait_for_folder};

/// Writes a sidecar at `path` for `article` by `author`, with each paragraph's label.
fn write_sidecar(article: &Path, author: &str, labels: &[(usize, &str)]) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), author);
    for &(p, label) in labels {
        store.toggle_label(&document, p, label).unwrap();
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

/// In the Compare window, the rectangles of Alice's two chips on paragraph 6, the only cell
/// with two: «claim» and the wider «quotation» below it. (The annotation panel's labels are
/// check boxes, not labels.)
fn alices_chips(harness: &Harness<'_, HashiyaApp>) -> (egui::Rect, egui::Rect) {
    let chips = |name: &'static str| {
        harness
            .query_all_by(move |node| {
                node.role() == egui::accesskit::Role::Label
                    && node.value().is_some_and(|value| value.ends_with(name))
            })
            .map(|node| node.rect())
            .collect::<Vec<_>>()
    };
    let quotations = chips("quotation");
    assert_eq!(quotations.len(), 1, "{quotations:?}");
    let quotation = quotations[0];
    let claim = chips("claim")
        .into_iter()
        .find(|rect| {
            rect.bottom() <= quotation.top() + 1.0 && rect.x_range().intersects(quotation.x_range())
        })
        .expect("the claim chip above the quotation chip");
    (claim, quotation)
}

/// Opens the Agreement window and waits until it has measured.
fn open_agreement(harness: &mut Harness<'_, HashiyaApp>) {
    harness.state_mut().push(UiCommand::Agreement);
    harness.run_steps(2);
    wait_for_agreement(harness);
    harness.run_steps(4);
}

/// In Arabic, the Compare window's title bar is mirrored: the close button at the window's
/// left, the fold arrow at its right. Folding hides the table (whose wider chip is
/// `quotation_width` wide); the close button closes the window.
fn check_the_mirrored_title_bar(harness: &mut Harness<'_, HashiyaApp>, quotation_width: f32) {
    let window = harness
        .get_by_label(&hashiya::tr!("compare-window-title"))
        .rect();
    let close = harness.get_by_label(&hashiya::tr!("window-close")).rect();
    let fold = harness.get_by_label(&hashiya::tr!("window-fold")).rect();
    assert!(
        close.left() - window.left() < 20.0 && window.right() - fold.right() < 20.0,
        "window {window:?}, close {close:?}, fold {fold:?}"
    );
    harness.get_by_label(&hashiya::tr!("window-fold")).click();
    harness.run_steps(12);
    assert!(
        harness
            .query_by_label(&hashiya::tr!("window-fold"))
            .is_none()
    );
    assert!(
        harness.query_all_by_label_contains("quotation").count() == 1,
        "only the annotation panel's check box is left"
    );
    harness.get_by_label(&hashiya::tr!("window-unfold")).click();
    harness.run_steps(12);
    assert!((alices_chips(harness).1.width() - quotation_width).abs() < 0.5);
    harness.get_by_label(&hashiya::tr!("window-close")).click();
    harness.run_steps(2);
    assert!(harness.state().windows.compare.is_none());
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
    write_sidecar(
        &article,
        "alice",
        &[(5, "claim"), (5, "quotation"), (6, "claim"), (9, "claim")],
    );
    write_sidecar(&article, "bilal", &[(5, "claim"), (9, "claim")]);

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
    open_agreement(&mut harness);

    let (label, items) = first_headings(&harness);
    assert!(
        label.left() > items.right(),
        "Arabic: the label column at {label:?} is right of the items column at {items:?}"
    );

    // The Compare window alone, so that no other «claim» stands above a «quotation».
    harness.state_mut().windows.agreement = None;
    harness.state_mut().push(Command::OpenPath(article.clone()));
    settle(&mut harness);
    harness.state_mut().push(UiCommand::CompareAnnotators);
    harness.run_steps(4);
    let (claim, quotation) = alices_chips(&harness);
    assert!(
        (claim.width() - quotation.width()).abs() > 4.0,
        "{claim:?} {quotation:?}"
    );
    assert!(
        (claim.right() - quotation.right()).abs() < 1.0,
        "Arabic: the chips of a cell line up at the right: {claim:?} {quotation:?}"
    );

    check_the_mirrored_title_bar(&mut harness, quotation.width());
    harness.state_mut().push(UiCommand::CompareAnnotators);
    harness.run_steps(4);

    harness
        .state_mut()
        .push(Command::SetInterfaceLanguage(UiLanguage::English));
    harness.run_steps(4);
    let (claim, quotation) = alices_chips(&harness);
    assert!(
        (claim.left() - quotation.left()).abs() < 1.0,
        "English: the chips of a cell line up at the left: {claim:?} {quotation:?}"
    );
    // egui's own title bar: its close button at the right.
    let window = harness
        .get_by_label(&hashiya::tr!("compare-window-title"))
        .rect();
    let close = harness.get_by_label("Close window").rect();
    assert!(
        window.right() - close.right() < 20.0,
        "window {window:?}, close {close:?}"
    );

    harness.state_mut().windows.compare = None;
    open_agreement(&mut harness);
    let (label, items) = first_headings(&harness);
    assert!(
        label.right() < items.left(),
        "English: the label column at {label:?} is left of the items column at {items:?}"
    );
}
