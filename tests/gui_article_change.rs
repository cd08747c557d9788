//! The article changing on disk while it is open: reloaded, annotations (saved or not)
//! re-anchored to the new text, the reader kept on the same paragraph, and a file that
//! disappears reported without touching the annotations.

mod common;

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::Harness;
use hashiya::annotation::sidecar;
use hashiya::app::{FixedPicker, HashiyaApp, Settings};

use common::{
    RAQQA, app, article_copy, harness_on, press, save, select_paragraph, settings_by,
    wait_for_folder,
};

const WINDOW: egui::Vec2 = egui::vec2(1300.0, 900.0);

fn raqqa_copy() -> (tempfile::TempDir, PathBuf) {
    article_copy(RAQQA, "الرقة.txt")
}

fn open(path: &Path) -> Harness<'static, HashiyaApp> {
    let app = app(settings_by("x")).with_picker(FixedPicker::default());
    harness_on(app, path, WINDOW, 3)
}

/// The window with the folder `dir` open in its panel and `article` open.
fn open_in_folder(dir: &Path, article: &Path) -> Harness<'static, HashiyaApp> {
    let mut app = app(Settings::default()).with_picker(FixedPicker::default());
    let ctx = egui::Context::default();
    app.workspace.open_folder(&ctx, dir.to_owned());
    app.workspace.folder.as_mut().unwrap().wait_until_indexed();
    harness_on(app, article, WINDOW, 3)
}

fn label(harness: &mut Harness<'_, HashiyaApp>, paragraph: usize, key: Key) {
    select_paragraph(harness, paragraph, 1);
    press(harness, key);
}

fn check(harness: &mut Harness<'_, HashiyaApp>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().workspace.check_article_now(&ctx);
    harness.run_steps(2);
}

/// Inserts a new first paragraph after the title.
fn insert_paragraph(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let (title, rest) = text.split_once('\n').unwrap();
    let added = "فقرة جديدة أضيفت إلى المقال بعد نشره.";
    // A block of its own (blank lines around it).
    std::fs::write(path, format!("{title}\n\n{added}\n{rest}")).unwrap();
    added.to_owned()
}

/// The saved annotations, each as (paragraph, labels), checking that every position slices
/// the article on disk to the annotation's quote.
fn saved(article: &Path) -> Vec<(usize, Vec<String>)> {
    let (sidecar, _) = sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .unwrap();
    let document = hashiya::document::load(article).unwrap();
    assert_eq!(
        sidecar.article.sha256,
        hashiya::annotation::sha256_hex(&document.text),
        "the sidecar names the text on disk"
    );
    let chars: Vec<char> = document.text.chars().collect();
    sidecar
        .annotations
        .iter()
        .map(|a| {
            let p = a.target.position;
            let text: String = chars[p.start..p.end].iter().collect();
            assert!(
                text.starts_with(&a.target.quote.exact),
                "{text} / {}",
                a.target.quote.exact
            );
            (a.target.paragraph, a.labels.clone())
        })
        .collect()
}

#[test]
fn a_changed_article_is_reloaded_and_saved_and_unsaved_annotations_follow_their_text() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    label(&mut harness, 5, Key::Num1);
    save(&mut harness);
    // An edit not yet saved when the file changes.
    label(&mut harness, 7, Key::Num2);
    let before = common::session(&harness).document.paragraphs.len();
    let added = insert_paragraph(&article);

    check(&mut harness);
    let session = common::session(&harness);
    assert_eq!(session.document.paragraphs.len(), before + 1);
    assert_eq!(session.document.paragraph_text(1), Some(added.as_str()));
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(
        message.contains("changed on disk") && message.contains("2 annotation(s) re-attached"),
        "{message}"
    );
    // The selected paragraph is still the one labelled last, by content.
    assert_eq!(session.reader.selected, Some(8));

    save(&mut harness);
    let mut annotations = saved(&article);
    annotations.sort();
    assert_eq!(
        annotations,
        [
            (6, vec!["claim".to_owned()]),
            (8, vec!["quotation".to_owned()])
        ]
    );
}

#[test]
fn saving_reads_a_changed_article_first_so_positions_never_describe_an_old_text() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    label(&mut harness, 5, Key::Num1);
    save(&mut harness);
    insert_paragraph(&article);
    // No event, no focus change: the next edit's save notices the change itself.
    label(&mut harness, 9, Key::Num3);
    for _ in 0..50 {
        save(&mut harness);
        harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
        let state = harness.state();
        if state
            .workspace
            .session
            .as_ref()
            .unwrap()
            .document
            .paragraphs
            .len()
            > 18
            && !state
                .workspace
                .session
                .as_ref()
                .unwrap()
                .annotations
                .has_unsaved_changes()
        {
            break;
        }
    }
    let mut annotations = saved(&article);
    annotations.sort();
    assert_eq!(annotations[0], (6, vec!["claim".to_owned()]));
    assert_eq!(annotations.len(), 2);
}

#[test]
fn a_deleted_article_keeps_its_annotations_and_is_read_again_when_it_returns() {
    let (dir, article) = raqqa_copy();
    let mut harness = open(&article);
    label(&mut harness, 5, Key::Num1);
    save(&mut harness);
    let sidecar_path = sidecar::sidecar_path(&article);
    let sidecar_bytes = std::fs::read(&sidecar_path).unwrap();
    let moved = dir.path().join("elsewhere.txt");
    std::fs::rename(&article, &moved).unwrap();

    check(&mut harness);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("no longer on disk"), "{message}");
    // Labelling goes on in memory; nothing is written while the article is gone.
    label(&mut harness, 6, Key::Num2);
    harness.run_steps(3);
    assert_eq!(
        std::fs::read(&sidecar_path).unwrap(),
        sidecar_bytes,
        "untouched"
    );
    let store = &common::session(&harness).annotations.store();
    assert_eq!(store.annotations().len(), 2);

    // It comes back: read again, and the edit made meanwhile is saved.
    std::fs::rename(&moved, &article).unwrap();
    check(&mut harness);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("reloaded"), "{message}");
    save(&mut harness);
    assert_eq!(saved(&article).len(), 2);
}

#[test]
fn a_renamed_article_in_a_folder_is_reported_and_listed_under_its_new_name() {
    let (dir, article) = raqqa_copy();
    let mut harness = open_in_folder(dir.path(), &article);
    let renamed = dir.path().join("الرقة ٢.txt");
    std::fs::rename(&article, &renamed).unwrap();
    check(&mut harness);
    assert!(
        harness
            .state()
            .workspace
            .message
            .clone()
            .unwrap()
            .contains("no longer on disk")
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().workspace.refresh_folder(&ctx);
    wait_for_folder(&mut harness);
    let rows: Vec<PathBuf> = harness
        .state()
        .workspace
        .folder
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(rows, [renamed]);
}

#[test]
fn a_changed_article_in_a_folder_updates_its_row() {
    let (dir, article) = raqqa_copy();
    let mut harness = open_in_folder(dir.path(), &article);
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("عنوان جديد للمقال\n{text}")).unwrap();
    check(&mut harness);
    let folder = harness.state().workspace.folder.as_ref().unwrap();
    let entry = folder.rows[0].entry.as_ref().unwrap();
    assert_eq!(entry.title, "عنوان جديد للمقال");
    assert_eq!(
        entry.paragraphs,
        text.lines().filter(|l| !l.trim().is_empty()).count() + 1
    );
}
