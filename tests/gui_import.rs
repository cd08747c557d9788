//! File ▸ Import Bundle… in the window: the bundles and the folder come from the dialogs
//! (answered here by a `FixedPicker`), the import runs in the background with its progress
//! shown and a Cancel button, and the folder opens as a corpus when it is done.

mod common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{app, harness, wait_for_folder};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hashiya::app::{FixedPicker, HashiyaApp, Settings, UiCommand};
use hashiya::bundle::ImportProgress;

const WINDOW: egui::Vec2 = egui::vec2(1100.0, 800.0);
/// Only a broken import waits this long; a guard against hanging, not a timing assertion.
const HANG: Duration = Duration::from_secs(120);

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bundles")
        .join(name)
}

/// Holds the import's thread when `at` says so, until the test lets it go.
struct Gate {
    reached: mpsc::Receiver<ImportProgress>,
    go: mpsc::Sender<()>,
}

fn gated(at: fn(&ImportProgress) -> bool) -> (Gate, hashiya::app::import::ImportHook) {
    let (reached_tx, reached) = mpsc::channel();
    let (go, go_rx) = mpsc::channel::<()>();
    let (reached_tx, go_rx) = (Mutex::new(reached_tx), Mutex::new(go_rx));
    let hook = Arc::new(move |state: &ImportProgress| {
        if at(state) {
            reached_tx.lock().unwrap().send(state.clone()).ok();
            go_rx.lock().unwrap().recv_timeout(HANG).ok();
        }
    });
    (Gate { reached, go }, hook)
}

fn importing_app(bundles: Vec<PathBuf>, out: &Path) -> HashiyaApp {
    let mut app = app(Settings::default()).with_picker(FixedPicker {
        bundles,
        output_folder: Some(out.to_owned()),
        ..FixedPicker::default()
    });
    app.show_document(hashiya::app::sample_document());
    app
}

/// Chooses File ▸ Import Bundle… with the pointer.
fn choose_import(harness: &mut Harness<'_, HashiyaApp>) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Import Bundle…").click();
    harness.run_steps(2);
}

/// Waits for the import to end and runs the frames that report it.
fn finish(harness: &mut Harness<'_, HashiyaApp>) {
    harness.state_mut().workspace.wait_for_import();
    harness.run_steps(3);
    assert!(harness.state().workspace.import.is_none());
}

fn message(harness: &Harness<'_, HashiyaApp>) -> String {
    common::message(harness)
}

/// The `.txt` articles in `folder`, sorted.
fn articles_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The rows of a CSV listing written by the import (after its byte order mark).
fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        hashiya::bundle::CSV_HEADER
    );
    reader.records().map(Result::unwrap).collect()
}

#[test]
fn the_menu_imports_two_bundles_with_progress_and_opens_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("مقالات");
    let bundles = vec![fixture("nexis-uni.docx"), fixture("factiva.html")];
    let (gate, hook) = gated(|s| s.bundle_idx == 1 && s.article_idx == 1);
    let app = importing_app(bundles, &out).with_import_hook(hook);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    // From here on the app records the commands it carries out.
    harness.state_mut().take_applied_commands();
    choose_import(&mut harness);
    assert_eq!(
        harness.state_mut().take_applied_commands(),
        [UiCommand::ImportBundle.into()]
    );

    // Held after the first article of the second bundle: the window says so.
    let held = gate.reached.recv_timeout(HANG).unwrap();
    assert_eq!(held.written, 4);
    harness.run_steps(2);
    harness.get_by_label("Importing Bundles");
    harness.get_by_label("Bundle 2 of 2");
    harness.get_by_label("factiva.html");
    harness.get_by_label("Article 1 of 3");
    harness.get_by_label("4 articles written");
    harness.get_by_label("Cancel");
    // Another import cannot start meanwhile: the menu item is disabled.
    harness.get_by_label("File").click();
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label("Import Bundle…")
            .accesskit_node()
            .is_disabled()
    );
    // Esc closes the menu and leaves the import running.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Import Bundle…").is_none(),
        "menu closed"
    );
    assert!(
        !harness
            .state()
            .workspace
            .import
            .as_ref()
            .unwrap()
            .cancelling
    );
    gate.go.send(()).unwrap();
    finish(&mut harness);

    // Six articles, each with its sidecar, and the listing.
    let articles = articles_in(&out);
    assert_eq!(articles.len(), 6, "{articles:?}");
    for article in &articles {
        assert!(hashiya::annotation::sidecar_path(article).is_file());
    }
    let rows = csv_rows(&out.join("articles.csv"));
    assert_eq!(rows.len(), 6);
    let bundles: Vec<&str> = rows.iter().map(|r| &r[9]).collect();
    assert_eq!(
        bundles,
        [
            "nexis-uni.docx",
            "nexis-uni.docx",
            "nexis-uni.docx",
            "factiva.html",
            "factiva.html",
            "factiva.html"
        ]
    );
    for row in &rows {
        assert!(out.join(&row[0]).is_file(), "{}", &row[0]);
    }
    let text = message(&harness);
    assert!(text.starts_with("Imported 6 articles into"), "{text}");
    assert!(
        text.contains("مقالات") && text.contains("articles.csv"),
        "{text}"
    );
    assert!(!text.contains("Skipped"), "{text}");

    // The folder is open as a corpus and lists the six articles.
    let folder = harness.state().workspace.folder.as_ref().unwrap();
    assert_eq!(folder.folder, out);
    wait_for_folder(&mut harness);
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .workspace
            .folder
            .as_ref()
            .unwrap()
            .rows
            .len(),
        6
    );
}

#[test]
fn importing_again_renames_instead_of_replacing_and_names_skipped_articles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // The older Nexis bundle with a third article that has no text.
    let mut text = std::fs::read_to_string(fixture("nexis-classic.txt")).unwrap();
    text = text.replace(" of 2 DOCUMENTS", " of 3 DOCUMENTS");
    text.push_str(
        "\n                              3 of 3 DOCUMENTS\n\n                              Aen Alyoum\n\n                         July 26, 2015 Sunday\n\nعنوان بلا نص\n\nLENGTH: 0 words\n\nLANGUAGE: ARABIC\n",
    );
    let broken = dir.path().join("nexis-broken.txt");
    std::fs::write(&broken, text).unwrap();

    let mut harness = harness(importing_app(vec![broken.clone()], &out), WINDOW);
    harness.run_steps(2);
    choose_import(&mut harness);
    finish(&mut harness);
    let first = articles_in(&out);
    assert_eq!(first.len(), 2);
    let before: Vec<Vec<u8>> = first.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let text = message(&harness);
    assert!(text.starts_with("Imported 2 articles"), "{text}");
    assert!(
        text.contains("Skipped: nexis-broken.txt article 3: no text after \"LENGTH:\""),
        "{text}"
    );
    assert!(!text.contains("suffix"), "{text}");

    // The same bundle into the same folder: new names, nothing replaced, and the message
    // says so.
    choose_import(&mut harness);
    finish(&mut harness);
    let all = articles_in(&out);
    assert_eq!(all.len(), 4);
    for (path, bytes) in first.iter().zip(&before) {
        assert_eq!(&std::fs::read(path).unwrap(), bytes);
    }
    let text = message(&harness);
    assert!(text.contains("listed in articles-2.csv"), "{text}");
    assert!(
        text.contains("Nothing was replaced: 2 articles got a -2, -3 … suffix"),
        "{text}"
    );
    assert_eq!(csv_rows(&out.join("articles.csv")).len(), 2);
    let second = csv_rows(&out.join("articles-2.csv"));
    assert_eq!(second.len(), 2);
    assert!(
        second.iter().all(|r| r[0].ends_with("-2.txt")),
        "{second:?}"
    );
}

#[test]
fn cancel_stops_after_an_article_and_leaves_a_consistent_folder() {
    for by_key in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let (gate, hook) = gated(|s| s.written == 2);
        let bundles = vec![fixture("nexis-uni.docx"), fixture("factiva.html")];
        let app = importing_app(bundles, &out).with_import_hook(hook);
        let mut harness = harness(app, WINDOW);
        harness.run_steps(2);
        choose_import(&mut harness);
        gate.reached.recv_timeout(HANG).unwrap();
        harness.run_steps(2);
        if by_key {
            harness.key_press(egui::Key::Escape);
        } else {
            harness.get_by_label("Cancel").click();
        }
        harness.run_steps(2);
        assert!(
            harness
                .state()
                .workspace
                .import
                .as_ref()
                .unwrap()
                .cancelling
        );
        harness.get_by_label("Cancelling after this article…");
        gate.go.send(()).unwrap();
        finish(&mut harness);

        // Two articles, each with its sidecar, both listed; the folder is not opened.
        let articles = articles_in(&out);
        assert_eq!(articles.len(), 2, "by key: {by_key}");
        let rows = csv_rows(&out.join("articles.csv"));
        let listed: Vec<PathBuf> = rows.iter().map(|r| out.join(&r[0])).collect();
        assert_eq!(listed, articles);
        for article in &articles {
            let (sidecar, _) =
                hashiya::annotation::sidecar::read(&hashiya::annotation::sidecar_path(article))
                    .unwrap()
                    .unwrap();
            assert!(sidecar.article.metadata.is_some());
            assert!(hashiya::document::load(article).is_ok());
        }
        let entries = std::fs::read_dir(&out).unwrap().count();
        assert_eq!(
            entries,
            2 + 2 + 1,
            "articles, sidecars and the listing only"
        );
        let text = message(&harness);
        assert!(
            text.starts_with("Import cancelled: the 2 articles written before it stopped are in"),
            "{text}"
        );
        assert!(harness.state().workspace.folder.is_none());
    }
}

#[test]
fn a_bundle_that_cannot_be_read_or_a_folder_that_cannot_be_written_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = dir.path().join("notes.txt");
    std::fs::write(&unknown, "Just a note, no articles here.\n").unwrap();
    let out = dir.path().join("out");
    let mut harness = harness(importing_app(vec![unknown.clone()], &out), WINDOW);
    harness.run_steps(2);
    choose_import(&mut harness);
    finish(&mut harness);
    let text = message(&harness);
    assert!(text.starts_with("Nothing was imported into"), "{text}");
    assert!(
        text.contains("Not imported: no article found (formats tried"),
        "{text}"
    );
    assert!(text.contains(&unknown.display().to_string()), "{text}");
    assert!(harness.state().workspace.folder.is_none());
    // The message is shown in the window.
    harness.get_by_label(&text);

    // A readable bundle and an unknown file: the articles are imported, the file is named.
    let out = dir.path().join("out-2");
    let mut harness = harness_with(vec![fixture("factiva.html"), unknown.clone()], &out);
    choose_import(&mut harness);
    finish(&mut harness);
    let text = message(&harness);
    assert!(text.starts_with("Imported 3 articles"), "{text}");
    assert!(text.contains("Not imported: no article found"), "{text}");
    assert!(text.contains("notes.txt"), "{text}");
    assert_eq!(articles_in(&out).len(), 3);

    // An output "folder" inside a file cannot be made: the import stops and says where.
    let out = unknown.join("out");
    let mut harness = harness_with(vec![fixture("factiva.html")], &out);
    choose_import(&mut harness);
    finish(&mut harness);
    let text = message(&harness);
    assert!(
        text.starts_with("The import stopped: could not write"),
        "{text}"
    );
    assert!(text.contains(&out.display().to_string()), "{text}");
    assert!(harness.state().workspace.folder.is_none());
}

fn harness_with(bundles: Vec<PathBuf>, out: &Path) -> Harness<'static, HashiyaApp> {
    let mut harness = harness(importing_app(bundles, out), WINDOW);
    harness.run_steps(2);
    harness
}

#[test]
fn cancelling_a_dialog_starts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // No bundles chosen.
    let mut harness = harness_with(Vec::new(), &out);
    choose_import(&mut harness);
    harness.run_steps(2);
    assert!(harness.state().workspace.import.is_none());
    // Bundles chosen, but no folder.
    let mut app = app(Settings::default()).with_picker(FixedPicker {
        bundles: vec![fixture("factiva.html")],
        ..FixedPicker::default()
    });
    app.show_document(hashiya::app::sample_document());
    let mut harness = common::harness(app, WINDOW);
    harness.run_steps(2);
    choose_import(&mut harness);
    harness.run_steps(2);
    assert!(harness.state().workspace.import.is_none());
    assert!(!out.exists());
    assert!(harness.state().workspace.message.is_none());
}

#[test]
fn the_bundle_being_read_is_marked_so_a_crash_in_it_is_named_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let busy = dir.path().join("busy");
    let out = dir.path().join("out");
    let (gate, hook) = gated(|s| s.written == 1);
    let app = importing_app(vec![fixture("factiva.html")], &out)
        .with_busy_dir(Some(busy.clone()))
        .with_import_hook(hook);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    choose_import(&mut harness);
    gate.reached.recv_timeout(HANG).unwrap();
    // While the bundle is read, a marker names it.
    let markers: Vec<PathBuf> = std::fs::read_dir(&busy)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(markers.len(), 1, "{markers:?}");
    assert!(markers[0].to_string_lossy().ends_with("-importing"));
    assert_eq!(
        std::fs::read(&markers[0]).unwrap(),
        fixture("factiva.html").as_os_str().as_encoded_bytes()
    );
    gate.go.send(()).unwrap();
    finish(&mut harness);
    assert_eq!(std::fs::read_dir(&busy).unwrap().count(), 0, "removed");

    // A marker left by a process that died is reported at the next start.
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    std::fs::write(busy.join(format!("{pid}-0-importing")), "/tmp/nexis.docx").unwrap();
    let mut next = common::app(Settings::default()).with_busy_dir(Some(busy.clone()));
    let article = out.read_dir().unwrap().next().unwrap().unwrap().path();
    next.workspace.startup_targets(Some(article));
    let text = next.workspace.message.clone().unwrap_or_default();
    assert!(
        text.contains("stopped while importing this bundle") && text.ends_with("/tmp/nexis.docx"),
        "{text}"
    );
}
