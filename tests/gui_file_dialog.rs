//! Hashiya's own file dialog: keyboard navigation and Arabic-aware filtering over a temporary
//! folder of Arabic and mixed-direction names, each dialog of the app (open, open folder,
//! save as, export, load scheme), and the fallback from a desktop dialog that cannot be
//! shown.

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::{
    DialogKind, DialogRequest, DialogUnavailable, FilePicker, FixedPicker, HashiyaApp, PickResult,
    Settings,
};
use hashiya::jobs::Job;

use common::{
    IPHONE, RAQQA, app, corpus, corpus_copy, harness_on, open_path, press, press_with, settle,
    type_text,
};

/// A folder like a researcher's: an article at the top, a sub-folder of Arabic-named
/// articles (one name mixing Arabic, Latin and digits), and files that are not articles.
fn research_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    corpus_copy(RAQQA, root, "الرقة.txt");
    let articles = root.join("مقالات");
    std::fs::create_dir(&articles).unwrap();
    std::fs::create_dir(root.join("صور")).unwrap();
    corpus_copy(IPHONE, &articles, "أيفون وأندرويد.txt");
    corpus_copy(RAQQA, &articles, "تقرير CNN 2016.txt");
    corpus_copy(RAQQA, &articles, "إعلان.md");
    std::fs::write(articles.join("صورة.png"), b"\x89PNG").unwrap();
    std::fs::write(root.join("notes.json"), b"{}").unwrap();
    dir
}

fn builtin_settings() -> Settings {
    Settings {
        builtin_dialogs: true,
        ..Settings::default()
    }
}

const WINDOW: egui::Vec2 = egui::vec2(1100.0, 820.0);

/// The app using its own dialogs, with `article` open.
fn builtin_harness(article: &Path) -> Harness<'static, HashiyaApp> {
    let app = app(builtin_settings()).with_picker(FixedPicker::default());
    harness_on(app, article, WINDOW, 2)
}

fn dialog_folder(harness: &Harness<'_, HashiyaApp>) -> PathBuf {
    harness
        .state()
        .file_dialog()
        .expect("the built-in dialog is shown")
        .folder()
        .to_owned()
}

fn visible(harness: &Harness<'_, HashiyaApp>) -> Vec<String> {
    harness
        .state()
        .file_dialog()
        .expect("the built-in dialog is shown")
        .visible_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

fn selected(harness: &Harness<'_, HashiyaApp>) -> Option<String> {
    harness
        .state()
        .file_dialog()
        .and_then(|d| d.selected_name())
        .map(str::to_owned)
}

fn ctrl_o(harness: &mut Harness<'_, HashiyaApp>) {
    press_with(harness, Modifiers::COMMAND, Key::O, 3);
}

#[test]
fn typing_part_of_an_arabic_name_filters_and_enter_opens_the_article() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    ctrl_o(&mut harness);
    // It starts in the open article's folder: folders first, then articles only.
    assert_eq!(dialog_folder(&harness), root);
    assert_eq!(visible(&harness), ["صور", "مقالات", "الرقة.txt"]);
    // Names are drawn by the text engine and reachable by name.
    harness.get_by_label("مقالات");
    harness.get_by_label("صور");

    type_text(&mut harness, "مقال");
    assert_eq!(visible(&harness), ["مقالات"]);
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    // Not the picture; the filter was cleared on entering.
    assert_eq!(
        visible(&harness),
        ["أيفون وأندرويد.txt", "إعلان.md", "تقرير CNN 2016.txt"]
    );

    // A bare alef finds أيفون, as search does.
    type_text(&mut harness, "ايفون");
    assert_eq!(visible(&harness), ["أيفون وأندرويد.txt"]);
    press(&mut harness, Key::Enter);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none(), "the dialog closed");
    assert_eq!(
        open_path(&harness),
        Some(root.join("مقالات").join("أيفون وأندرويد.txt"))
    );
    assert!(harness.state().workspace.message.is_none());
    // The keyboard is the reader's again.
    press(&mut harness, Key::J);
    let session = common::session(&harness);
    assert!(session.reader.selected.is_some());
}

#[test]
fn arrows_backspace_and_escape_work_from_the_keyboard() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    ctrl_o(&mut harness);
    assert_eq!(selected(&harness).as_deref(), Some("صور"));
    press(&mut harness, Key::ArrowDown);
    assert_eq!(selected(&harness).as_deref(), Some("مقالات"));
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    // The last entry stays selected.
    assert_eq!(selected(&harness).as_deref(), Some("الرقة.txt"));
    press(&mut harness, Key::ArrowUp);
    assert_eq!(selected(&harness).as_deref(), Some("مقالات"));
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));

    // Latin and digits inside an Arabic name match too.
    type_text(&mut harness, "cnn");
    assert_eq!(visible(&harness), ["تقرير CNN 2016.txt"]);
    // Backspace first edits the filter…
    for _ in 0..3 {
        press(&mut harness, Key::Backspace);
    }
    assert_eq!(visible(&harness).len(), 3);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    // …and, with the filter empty, goes to the parent folder.
    press(&mut harness, Key::Backspace);
    assert_eq!(dialog_folder(&harness), root);

    press(&mut harness, Key::Escape);
    settle(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    assert_eq!(open_path(&harness), Some(root.join("الرقة.txt")));
    assert!(harness.state().workspace.message.is_none());
}

#[test]
fn a_typed_path_goes_there() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    ctrl_o(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(2);
    // Select the path field's text and type over it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, &root.join("مقالات").display().to_string());
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    // Typing filters again in the folder shown.
    type_text(&mut harness, "تقرير");
    assert_eq!(visible(&harness), ["تقرير CNN 2016.txt"]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "لا يوجد");
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    harness.get_by_label_contains("No such file or folder");
}

#[test]
fn open_folder_enters_with_enter_and_opens_with_enter_on_no_selection() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    // Folders only.
    assert_eq!(visible(&harness), ["صور", "مقالات"]);
    harness.get_by_label_contains("1 article(s) in this folder");
    type_text(&mut harness, "مقالات");
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    assert!(visible(&harness).is_empty());
    press(&mut harness, Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().file_dialog().is_none());
    let folder = harness
        .state()
        .workspace
        .folder
        .as_ref()
        .expect("a folder is open");
    assert_eq!(folder.folder, root.join("مقالات"));
}

#[test]
fn ctrl_enter_opens_the_selected_folder_without_entering_it() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    type_text(&mut harness, "مقال");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run_steps(3);
    let folder = harness
        .state()
        .workspace
        .folder
        .as_ref()
        .expect("a folder is open");
    assert_eq!(folder.folder, root.join("مقالات"));
}

#[test]
fn save_as_suggests_the_name_and_asks_before_replacing() {
    let dir = research_folder();
    let root = dir.path();
    let article = root.join("الرقة.txt");
    let mut harness = builtin_harness(&article);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Save Annotations As…").click();
    harness.run_steps(3);
    // Only folders and files of the suggested kind (.json).
    assert_eq!(visible(&harness), ["صور", "مقالات", "notes.json"]);
    assert_eq!(selected(&harness), None);
    press(&mut harness, Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().file_dialog().is_none());
    let sidecar = root.join("الرقة.txt.annotations.json");
    assert!(sidecar.is_file(), "saved under the suggested name");

    // Choosing an existing file takes its name, and replacing it is asked first.
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Save Annotations As…").click();
    harness.run_steps(3);
    harness.get_by_label("notes.json").click();
    harness.run_steps(2);
    press(&mut harness, Key::Enter);
    harness.get_by_label_contains("already exists. Replace it?");
    assert_eq!(std::fs::read(root.join("notes.json")).unwrap(), b"{}");
    // Escape keeps the file and the dialog.
    press(&mut harness, Key::Escape);
    assert!(harness.state().file_dialog().is_some());
    assert_eq!(std::fs::read(root.join("notes.json")).unwrap(), b"{}");
    press(&mut harness, Key::Escape);
    assert!(harness.state().file_dialog().is_none());
}

#[test]
fn export_and_scheme_files_go_through_the_builtin_dialog() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = builtin_harness(&root.join("الرقة.txt"));
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export Annotations").click();
    harness.run_steps(2);
    harness.get_by_label("CSV (spreadsheets)…").click();
    harness.run_steps(3);
    // Into the sub-folder with Down (folders first) and Enter, then save with a new name.
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut harness, "تصدير.csv");
    press(&mut harness, Key::Enter);
    harness.run_steps(3);
    let exported = root.join("مقالات").join("تصدير.csv");
    assert!(
        exported.is_file(),
        "{:?}",
        harness.state().workspace.message
    );

    // Label scheme: save to a file, then load it back, both through the dialog.
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label("Label Scheme…").click();
    // Until the new window has its final size (its buttons move meanwhile).
    harness.run_steps(6);
    harness.get_by_label("Save to File…").click();
    harness.run_steps(3);
    // The dialog remembers the folder it last answered in.
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    press(&mut harness, Key::Enter);
    harness.run_steps(3);
    let schemes: Vec<PathBuf> = std::fs::read_dir(root.join("مقالات"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".labels.json"))
        .collect();
    assert_eq!(schemes.len(), 1, "{:?}", harness.state().workspace.message);
    harness.get_by_label("Load from File…").click();
    harness.run_steps(3);
    let name = schemes[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(visible(&harness), [name]);
    press(&mut harness, Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().file_dialog().is_none());
}

/// A desktop dialog that cannot be shown, as on X11 without a portal or zenity.
struct UnavailablePicker {
    asked: std::sync::Mutex<Vec<DialogKind>>,
}

impl FilePicker for UnavailablePicker {
    fn pick(&self, _ctx: &egui::Context, request: &DialogRequest) -> Job<PickResult> {
        self.asked.lock().unwrap().push(request.kind);
        Job::ready(Err(DialogUnavailable(
            "the desktop portal is not running".to_owned(),
        )))
    }
}

#[test]
fn a_desktop_dialog_that_cannot_be_shown_falls_back_to_the_builtin_one() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = harness_on(
        app(Settings::default()).with_picker(UnavailablePicker {
            asked: std::sync::Mutex::new(Vec::new()),
        }),
        &root.join("الرقة.txt"),
        WINDOW,
        2,
    );
    ctrl_o(&mut harness);
    let dialog = harness.state().file_dialog().expect("the built-in dialog");
    // The user learns why.
    assert!(
        dialog
            .notice
            .as_ref()
            .unwrap()
            .contains("the desktop portal is not running")
    );
    harness.get_by_label_contains("the desktop portal is not running");
    type_text(&mut harness, "مقال");
    press(&mut harness, Key::Enter);
    type_text(&mut harness, "أيفون");
    press(&mut harness, Key::Enter);
    settle(&mut harness);
    assert_eq!(
        open_path(&harness),
        Some(root.join("مقالات").join("أيفون وأندرويد.txt"))
    );
}

#[test]
fn a_cancelled_desktop_dialog_is_not_followed_by_the_builtin_one() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = harness_on(
        app(Settings::default()).with_picker(FixedPicker::default()),
        &root.join("الرقة.txt"),
        WINDOW,
        2,
    );
    ctrl_o(&mut harness);
    assert!(harness.state().file_dialog().is_none());
    assert!(harness.state().workspace.message.is_none());
    assert_eq!(open_path(&harness), Some(root.join("الرقة.txt")));
}

#[test]
fn the_view_menu_setting_skips_the_desktop_dialog() {
    let dir = research_folder();
    let root = dir.path();
    let picker = FixedPicker {
        article: Some(corpus(IPHONE)),
        ..FixedPicker::default()
    };
    let mut harness = harness_on(
        app(Settings::default()).with_picker(picker),
        &root.join("الرقة.txt"),
        WINDOW,
        2,
    );
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Use Hashiya's File Dialogs").click();
    harness.run_steps(2);
    assert!(harness.state().workspace.settings.builtin_dialogs);
    press(&mut harness, Key::Escape);
    ctrl_o(&mut harness);
    assert!(harness.state().file_dialog().is_some());
    press(&mut harness, Key::Escape);
    settle(&mut harness);
    // The fixed answer was never asked for.
    assert_eq!(open_path(&harness), Some(root.join("الرقة.txt")));
}

#[test]
fn a_narrow_window_still_shows_places_names_and_buttons() {
    let dir = research_folder();
    let root = dir.path();
    let mut harness = harness_on(
        app(builtin_settings()).with_picker(FixedPicker::default()),
        &root.join("الرقة.txt"),
        egui::vec2(420.0, 420.0),
        2,
    );
    ctrl_o(&mut harness);
    harness.get_by_label("مقالات");
    harness.get_by_label("Home");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.state().file_dialog().is_none());
}

#[test]
fn the_command_line_flag_skips_the_desktop_dialog_without_changing_the_setting() {
    let dir = research_folder();
    let root = dir.path();
    let picker = FixedPicker {
        folder: Some(root.join("مقالات")),
        ..FixedPicker::default()
    };
    let mut app = app(Settings::default()).with_picker(picker);
    app.use_builtin_dialogs();
    let mut harness = harness_on(app, &root.join("الرقة.txt"), WINDOW, 2);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    assert_eq!(visible(&harness), ["صور", "مقالات"]);
    // The picker's folder was not taken; the built-in dialog's choice is.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.run_steps(3);
    let folder = harness
        .state()
        .workspace
        .folder
        .as_ref()
        .expect("a folder is open");
    assert_eq!(folder.folder, root.join("صور"));
    assert!(!harness.state().workspace.settings.builtin_dialogs);
}

#[test]
fn import_bundle_falls_back_to_the_builtin_dialog_for_the_bundle_and_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bundles = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bundles");
    corpus_copy(RAQQA, root, "الرقة.txt");
    std::fs::copy(bundles.join("factiva.html"), root.join("factiva.html")).unwrap();
    std::fs::copy(bundles.join("nexis-uni.docx"), root.join("nexis-uni.docx")).unwrap();
    std::fs::write(root.join("scan.pdf"), b"%PDF-1.4").unwrap();
    std::fs::write(root.join("notes.json"), b"{}").unwrap();
    std::fs::create_dir(root.join("مقالات")).unwrap();
    let mut harness = harness_on(
        app(Settings::default()).with_picker(UnavailablePicker {
            asked: std::sync::Mutex::new(Vec::new()),
        }),
        &root.join("الرقة.txt"),
        WINDOW,
        2,
    );
    harness
        .state_mut()
        .push(hashiya::app::UiCommand::ImportBundle);
    harness.run_steps(3);
    harness.get_by_label("Import Bundles (Nexis, Factiva)");
    // Bundles are listed (and the article, a text file); the PDF and the JSON file are not.
    assert_eq!(
        visible(&harness),
        ["مقالات", "factiva.html", "nexis-uni.docx", "الرقة.txt"]
    );
    type_text(&mut harness, "factiva");
    press(&mut harness, Key::Enter);
    harness.run_steps(2);
    // Then the folder, in the same place.
    harness.get_by_label("Folder for the Imported Articles");
    assert_eq!(dialog_folder(&harness), root);
    type_text(&mut harness, "مقالات");
    press(&mut harness, Key::Enter);
    assert_eq!(dialog_folder(&harness), root.join("مقالات"));
    press_with(&mut harness, Modifiers::COMMAND, Key::Enter, 3);
    assert!(harness.state().file_dialog().is_none());
    harness.state_mut().workspace.wait_for_import();
    harness.run_steps(3);
    let out = root.join("مقالات");
    let written = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert_eq!(written, 3);
    assert_eq!(
        harness.state().workspace.folder.as_ref().unwrap().folder,
        out
    );
}
