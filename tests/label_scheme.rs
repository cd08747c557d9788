//! Label schemes: edited in the app (Arabic names included), stored in the sidecar, shared
//! through a scheme file and loaded into another article.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar;
use hashiya::app::{FixedPicker, HashiyaApp, Settings};

use common::{IPHONE, RAQQA, app, corpus_copy, harness_on};

fn open(article: &std::path::Path, picker: FixedPicker) -> Harness<'static, HashiyaApp> {
    let app = app(Settings::default()).with_picker(picker);
    harness_on(app, article, egui::vec2(1200.0, 900.0), 3)
}

#[test]
fn a_new_arabic_label_is_added_used_shared_and_loaded_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let first = corpus_copy(RAQQA, dir.path(), "first.txt");
    let second = corpus_copy(IPHONE, dir.path(), "second.txt");
    let scheme_file = dir.path().join("team.labels.json");

    let mut harness = open(
        &first,
        FixedPicker {
            save_path: Some(scheme_file.clone()),
            ..FixedPicker::default()
        },
    );
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label("Label Scheme…").click();
    // The click's command takes effect at the end of its frame; the window shows next.
    harness.run_steps(3);
    harness.get_by_label("Add Label").click();
    harness.run_steps(2);
    // Rename it: select the name field's text and type an Arabic name.
    harness.get_by_label("Label name").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("مصدر source".to_owned()));
    harness.run_steps(2);
    let editor = harness.state().windows.scheme_editor.as_ref().unwrap();
    let added = editor.draft.labels.last().unwrap().clone();
    assert_eq!(added.name, "مصدر source");
    assert_eq!(added.shortcut, Some('8'), "the first free key");
    harness.get_by_label("8  مصدر source");
    harness.get_by_label("Save to File…").click();
    harness.run_steps(3);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert!(harness.state().windows.scheme_editor.is_none());

    // The new key labels a paragraph; the sidecar carries the scheme.
    harness.key_press(Key::J);
    harness.run_steps(1);
    harness.key_press(Key::Num8);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&first))
        .unwrap()
        .unwrap();
    assert!(saved.label_scheme.label(&added.id).is_some());
    assert_eq!(saved.annotations[0].labels, std::slice::from_ref(&added.id));
    drop(harness);

    // Another article loads the shared scheme.
    assert!(scheme_file.exists());
    let mut harness = open(
        &second,
        FixedPicker {
            scheme: Some(scheme_file.clone()),
            ..FixedPicker::default()
        },
    );
    harness.state_mut().open_scheme_editor();
    harness.run_steps(6);
    harness.get_by_label("Load from File…").click();
    harness.run_steps(3);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    let scheme = common::session(&harness)
        .annotations
        .store()
        .scheme()
        .clone();
    assert_eq!(
        scheme,
        hashiya::annotation::scheme::load(&scheme_file).unwrap()
    );
    harness.run_steps(2);
    // The filter chips of the panel show the new label by its Arabic name.
    harness.get_by_label("مصدر source");
}
