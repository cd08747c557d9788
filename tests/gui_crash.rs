//! A panic inside a frame does not lose annotations: they are saved, and a dialog says what
//! happened and where the log is.

mod common;

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar;
use hashiya::app::Settings;

use common::{RAQQA, app, article_copy, harness_on};

#[test]
fn a_panic_saves_pending_annotations_and_explains() {
    hashiya::app::crash::install_panic_hook();
    let (_dir, article) = article_copy(RAQQA, "article.txt");
    let mut harness = harness_on(
        app(Settings::default()),
        &article,
        egui::vec2(1100.0, 800.0),
        2,
    );
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
