//! A panic inside a frame does not lose annotations: they are saved, and a dialog says what
//! happened and where the log is.

use std::path::PathBuf;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar;
use hashiya::app::{HashiyaApp, Settings};
use hashiya::text::TextEngine;

#[test]
fn a_panic_saves_pending_annotations_and_explains() {
    hashiya::app::crash::install_panic_hook();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
    app.open_blocking(&article);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app);
    harness.run_steps(2);
    harness.key_press(Key::J);
    harness.key_press(Key::Num1);
    harness.run_steps(1);
    // The change is younger than the autosave delay: nothing on disk yet.
    assert!(!sidecar::sidecar_path(&article).exists());

    harness.state_mut().inject_panic_for_test();
    harness.run_steps(2);
    let report = harness
        .state()
        .crash_report()
        .expect("the panic was caught")
        .clone();
    assert!(
        report.message.contains("a panic injected by a test"),
        "{report:?}"
    );
    assert_eq!(report.annotations, "Your annotations have been saved.");
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&article))
        .unwrap()
        .unwrap();
    assert_eq!(saved.annotations.len(), 1);
    assert_eq!(saved.annotations[0].labels, ["claim"]);
    harness.get_by_label("Hashiya ran into a problem");
    harness.get_by_label_contains("Details are in the log");
    harness.get_by_label("Quit");
}
