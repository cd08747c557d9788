//! Closing the window, or opening another article, when the annotations cannot be saved next
//! to the article: refused once, then a recovery copy is written to the data folder and the
//! second attempt goes ahead; and the copy kept before annotations re-attached by a close
//! match are saved. Each test runs itself again as a child process whose XDG data folder is a
//! temporary one.

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use hashiya::annotation::sidecar;
use hashiya::app::{FixedPicker, HashiyaApp, Settings};

use common::{RAQQA, app, corpus_copy, harness, open_path, press, settings_by};

const CHILD: &str = "HASHIYA_CLOSE_TEST_CHILD";

/// In the child process: its data folder. In the parent: runs `test` in a child with a fresh
/// data folder, checks that it passed, and returns `None`.
fn in_child(test: &str) -> Option<PathBuf> {
    if let Some(data) = std::env::var_os(CHILD) {
        return Some(PathBuf::from(data));
    }
    let data = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture"])
        .env(CHILD, data.path())
        .env("XDG_DATA_HOME", data.path())
        .status()
        .unwrap();
    assert!(status.success(), "{test} failed in the child process");
    None
}

/// The corpus article about Raqqa, copied into `dir` as `raqqa.txt`.
fn raqqa(dir: &Path) -> PathBuf {
    corpus_copy(RAQQA, dir, "raqqa.txt")
}

/// The app with `article` open, its sidecar pointed at a place that cannot be written, and
/// one paragraph labelled "quotation".
fn unsavable_annotation(article: &Path) -> Harness<'static, HashiyaApp> {
    let mut app = app(settings_by("باحثة")).with_picker(FixedPicker::default());
    app.open_blocking(article);
    // sysfs refuses new files even to root: stands in for a read-only folder.
    app.workspace
        .session
        .as_mut()
        .unwrap()
        .annotations
        .sidecar_path = Some(PathBuf::from("/sys/raqqa.txt.annotations.json"));
    let mut harness = harness(app, egui::vec2(1200.0, 900.0));
    harness.run_steps(2);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num2);
    harness
}

/// The one recovery copy in the data folder, checked to hold the annotation.
fn recovery_copy(data: &Path) -> PathBuf {
    let copies: Vec<_> = std::fs::read_dir(data.join("hashiya/recovery"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let name = copies[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(name.ends_with("-raqqa.txt.annotations.json"), "{name}");
    let (copy, _) = sidecar::read(&copies[0]).unwrap().unwrap();
    assert_eq!(copy.annotations.len(), 1);
    assert_eq!(copy.annotations[0].labels, ["quotation"]);
    assert_eq!(copy.annotations[0].author, "باحثة");
    copies[0].clone()
}

fn close_request(harness: &mut Harness<'_, HashiyaApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let cancelled = harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&ViewportCommand::CancelClose));
    harness.run_steps(2);
    cancelled
}

#[test]
fn an_unsavable_close_keeps_a_recovery_copy_and_asks_once() {
    let Some(data) = in_child("an_unsavable_close_keeps_a_recovery_copy_and_asks_once") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = raqqa(dir.path());
    let mut harness = unsavable_annotation(&article);

    assert!(close_request(&mut harness), "the first close is refused");
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("a copy was kept at"), "{message}");
    let copy = recovery_copy(&data);
    assert!(message.contains(&copy.display().to_string()), "{message}");

    // More work after the warning is kept too when the window then closes.
    harness.key_press(Key::J);
    harness.run_steps(2);
    harness.key_press(Key::Num3);
    harness.run_steps(2);
    assert!(!close_request(&mut harness), "a second close quits");
    assert!(!article.with_extension("txt.annotations.json").exists());
    let newest = std::fs::read_dir(data.join("hashiya/recovery"))
        .unwrap()
        .map(|e| sidecar::read(&e.unwrap().path()).unwrap().unwrap().0)
        .map(|copy| copy.annotations.len())
        .max();
    assert_eq!(
        newest,
        Some(2),
        "the copy written on closing has both annotations"
    );
}

#[test]
fn opening_another_article_over_unsavable_annotations_asks_once_and_keeps_a_copy() {
    let Some(data) =
        in_child("opening_another_article_over_unsavable_annotations_asks_once_and_keeps_a_copy")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = raqqa(dir.path());
    let other = corpus_copy(
        "news/snn_alwatan_2015-08-10_1061_cnn_parens.txt",
        dir.path(),
        "cnn.txt",
    );
    let mut harness = unsavable_annotation(&article);

    harness.state_mut().open_blocking(&other);
    harness.run_steps(2);
    assert_eq!(open_path(&harness), Some(article.clone()), "refused once");
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("stays open"), "{message}");
    assert!(!data.join("hashiya/recovery").exists(), "no copy yet");
    let unsaved = &common::session(&harness).annotations;
    assert_eq!(unsaved.store().annotations().len(), 1, "still in memory");

    harness.state_mut().open_blocking(&other);
    harness.run_steps(2);
    assert_eq!(open_path(&harness), Some(other.clone()));
    let message = harness.state().workspace.message.clone().unwrap();
    let copy = recovery_copy(&data);
    assert!(message.contains(&copy.display().to_string()), "{message}");
}

#[test]
fn a_sidecar_re_anchored_by_close_match_is_kept_as_it_was() {
    let Some(data) = in_child("a_sidecar_re_anchored_by_close_match_is_kept_as_it_was") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = raqqa(dir.path());
    let document = hashiya::document::load(&article).unwrap();
    let mut store = hashiya::annotation::AnnotationStore::new(
        &document,
        hashiya::annotation::LabelScheme::news_default(),
        "باحثة",
    );
    store.toggle_label(&document, 5, "claim").unwrap();
    let sidecar_path = sidecar::sidecar_path(&article);
    let original = sidecar::to_json(store.sidecar());
    std::fs::write(&sidecar_path, &original).unwrap();
    // The article is edited: one word of the annotated paragraph changes.
    let paragraph = document.paragraph_text(5).unwrap().to_owned();
    assert!(paragraph.starts_with("اجتمع "));
    let text = std::fs::read_to_string(&article).unwrap();
    let reworded = paragraph.replacen("اجتمع ", "اجتمعت ", 1);
    std::fs::write(&article, text.replace(&paragraph, &reworded)).unwrap();

    let mut app = app(Settings::default()).with_picker(FixedPicker::default());
    app.open_blocking(&article);
    let message = app.workspace.message.clone().unwrap();
    assert!(message.contains("by a close match"), "{message}");
    let kept: Vec<PathBuf> = std::fs::read_dir(data.join("hashiya/before-reanchoring"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(
        message.contains(&kept[0].display().to_string()),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), original);
    let annotation = &app
        .workspace
        .session
        .as_ref()
        .unwrap()
        .annotations
        .store()
        .annotations()[0];
    assert_eq!(annotation.target.paragraph, 5);
}
