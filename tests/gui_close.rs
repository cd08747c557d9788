//! Closing the window when the annotations cannot be saved next to the article: the close is
//! refused once, a recovery copy is written to the data folder, and a second close quits.
//! The test runs itself again as a child process whose XDG data folder is a temporary one.

use std::path::PathBuf;

use egui::{Key, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use hashiya::annotation::sidecar;
use hashiya::app::{FixedPicker, HashiyaApp, Settings};
use hashiya::text::TextEngine;

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

const CHILD: &str = "HASHIYA_CLOSE_TEST_CHILD";

#[test]
fn an_unsavable_close_keeps_a_recovery_copy_and_asks_once() {
    let Some(data) = std::env::var_os(CHILD).map(PathBuf::from) else {
        let data = tempfile::tempdir().unwrap();
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "an_unsavable_close_keeps_a_recovery_copy_and_asks_once",
                "--nocapture",
            ])
            .env(CHILD, data.path())
            .env("XDG_DATA_HOME", data.path())
            .status()
            .unwrap();
        assert!(status.success(), "the test failed in the child process");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("raqqa.txt");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    let settings = Settings {
        author: "باحثة".to_owned(),
        ..Settings::default()
    };
    let mut app =
        HashiyaApp::new(settings, TextEngine::new(false)).with_picker(FixedPicker::default());
    app.open_blocking(&article);
    // sysfs refuses new files even to root: stands in for a read-only folder.
    app.session.as_mut().unwrap().annotations.sidecar_path =
        Some(PathBuf::from("/sys/raqqa.txt.annotations.json"));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app);
    harness.run_steps(2);
    harness.key_press(Key::J);
    harness.run_steps(2);
    harness.key_press(Key::Num2);
    harness.run_steps(2);

    assert!(close_request(&mut harness), "the first close is refused");
    let message = harness.state().message.clone().unwrap();
    assert!(message.contains("a copy was kept at"), "{message}");
    let recovery_dir = data.join("hashiya/recovery");
    let copies: Vec<_> = std::fs::read_dir(&recovery_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        message.contains(&copies[0].display().to_string()),
        "{message}"
    );
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

    assert!(!close_request(&mut harness), "a second close quits");
    assert!(!article.with_extension("txt.annotations.json").exists());
}
