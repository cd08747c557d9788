//! What the integration tests share: the test corpus, copies of its articles in a temporary
//! folder, the app in an `egui_kittest` harness, and the keys and frames that drive it.
//! Each test file declares `mod common;` and uses only some of these.

#![allow(dead_code, reason = "each test file uses only some of the helpers")]

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::{Harness, HarnessBuilder};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::text::TextEngine;

/// The news article about Raqqa, the one most tests open.
pub const RAQQA: &str = "news/alaraby_2016-10-25_paris_coalition_raqqa.txt";
/// A short news article whose title mixes Arabic and Latin.
pub const IPHONE: &str = "news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt";

/// The test corpus folder, `../shared/corpus` next to the crate.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// A file of the test corpus, by its path inside the corpus.
pub fn corpus(relative: &str) -> PathBuf {
    corpus_dir().join(relative)
}

/// The text of a corpus file.
pub fn corpus_text(relative: &str) -> String {
    std::fs::read_to_string(corpus(relative)).unwrap()
}

/// The `.txt` files of a corpus folder, sorted by path.
pub fn corpus_files(subdir: &str) -> Vec<PathBuf> {
    let dir = corpus(subdir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus folder {} missing: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    files
}

/// Copies the corpus file `relative` into `dir` as `name`, and returns the copy's path.
pub fn corpus_copy(relative: &str, dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(corpus(relative), &path).unwrap();
    path
}

/// A copy of the corpus file `relative`, named `name`, in a fresh temporary folder.
pub fn article_copy(relative: &str, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = corpus_copy(relative, dir.path(), name);
    (dir, path)
}

/// The default settings with `author` as the annotator's name.
pub fn settings_by(author: &str) -> Settings {
    Settings {
        author: author.to_owned(),
        ..Settings::default()
    }
}

/// The app with `settings` and the embedded fonts only.
pub fn app(settings: Settings) -> HashiyaApp {
    HashiyaApp::new(settings, TextEngine::new(false))
}

/// `app` in a harness made from `builder`.
pub fn harness_from(
    builder: HarnessBuilder<HashiyaApp>,
    app: HashiyaApp,
) -> Harness<'static, HashiyaApp> {
    builder.build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app)
}

/// `app` in a harness whose window is `size`; no frame has run yet.
/// The open article's session in the app under test (panics when none is open).
pub fn session<'h>(harness: &'h Harness<'_, HashiyaApp>) -> &'h hashiya::app::Session {
    harness
        .state()
        .workspace
        .session
        .as_ref()
        .expect("an article is open")
}

pub fn harness(app: HashiyaApp, size: egui::Vec2) -> Harness<'static, HashiyaApp> {
    harness_from(Harness::builder().with_size(size), app)
}

/// `app` with `article` opened, in a window of `size`, after `frames` frames.
pub fn harness_on(
    mut app: HashiyaApp,
    article: &Path,
    size: egui::Vec2,
    frames: usize,
) -> Harness<'static, HashiyaApp> {
    app.open_blocking(article);
    let mut harness = harness(app, size);
    harness.run_steps(frames);
    harness
}

/// The message the app shows in its window now (empty when none).
pub fn message(harness: &Harness<'_, HashiyaApp>) -> String {
    harness
        .state()
        .workspace
        .message
        .clone()
        .unwrap_or_default()
}

/// Presses `key` with `modifiers`, then runs `frames` frames.
pub fn press_with(
    harness: &mut Harness<'_, HashiyaApp>,
    modifiers: Modifiers,
    key: Key,
    frames: usize,
) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(frames);
}

/// Presses `key`, then runs two frames.
pub fn press(harness: &mut Harness<'_, HashiyaApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

/// Saves with Ctrl+S, then runs two frames.
pub fn save(harness: &mut Harness<'_, HashiyaApp>) {
    press_with(harness, Modifiers::COMMAND, Key::S, 2);
}

/// Types `text`, then runs two frames.
pub fn type_text(harness: &mut Harness<'_, HashiyaApp>, text: &str) {
    harness.event(Event::Text(text.to_owned()));
    harness.run_steps(2);
}

/// Waits until the folder open in the window has read every article.
pub fn wait_for_folder(harness: &mut Harness<'_, HashiyaApp>) {
    harness
        .state_mut()
        .workspace
        .folder
        .as_mut()
        .expect("the folder is open")
        .wait_until_indexed();
}

/// Waits until the open Agreement window has measured.
pub fn wait_for_agreement(harness: &mut Harness<'_, HashiyaApp>) {
    harness
        .state_mut()
        .windows
        .agreement
        .as_mut()
        .expect("the Agreement window")
        .wait();
}

/// Runs frames until a background load has been picked up.
pub fn settle(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(2);
    harness.state_mut().workspace.wait_for_load();
    harness.run_steps(3);
}

/// The path of the open article, if one is open.
pub fn open_path(harness: &Harness<'_, HashiyaApp>) -> Option<PathBuf> {
    harness
        .state()
        .workspace
        .session
        .as_ref()
        .and_then(|s| s.document.path.clone())
}

/// Selects paragraph `paragraph` of the open article, then runs `frames` frames.
pub fn select_paragraph(harness: &mut Harness<'_, HashiyaApp>, paragraph: usize, frames: usize) {
    harness
        .state_mut()
        .workspace
        .session
        .as_mut()
        .unwrap()
        .reader
        .select(paragraph);
    harness.run_steps(frames);
}
