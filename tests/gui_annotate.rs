//! Annotating through the GUI with `egui_kittest`: keyboard labelling, the note editor with
//! Arabic, undo, saving to the sidecar, reopening, and every way the sidecar can fail.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar;
use hashiya::app::{FixedPicker, HashiyaApp, SaveStatus};

use common::{
    RAQQA, app, article_copy, harness, harness_on, press, save, select_paragraph, settings_by,
};

/// A copy of the sample article in a fresh folder, with an Arabic name.
fn raqqa_copy() -> (tempfile::TempDir, PathBuf) {
    article_copy(RAQQA, "خبر الرقة.txt")
}

fn annotator_app(picker: FixedPicker) -> HashiyaApp {
    app(settings_by("باحثة")).with_picker(picker)
}

/// A picker that answers every "save as" question with `path`.
fn saving_to(path: &Path) -> FixedPicker {
    FixedPicker {
        save_path: Some(path.to_owned()),
        ..FixedPicker::default()
    }
}

const WINDOW: egui::Vec2 = egui::vec2(1200.0, 900.0);

fn open(path: &Path) -> Harness<'static, HashiyaApp> {
    harness_on(annotator_app(FixedPicker::default()), path, WINDOW, 3)
}

fn on_disk(article: &Path) -> hashiya::annotation::Sidecar {
    sidecar::read(&sidecar::sidecar_path(article))
        .unwrap()
        .expect("sidecar written")
        .0
}

#[test]
fn keyboard_only_annotation_with_an_arabic_note_is_saved_and_reopened() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    for _ in 0..6 {
        press(&mut harness, Key::J);
    }
    let selected = common::session(&harness).reader.selected.unwrap();
    press(&mut harness, Key::Num1);
    press(&mut harness, Key::Num3);
    press(&mut harness, Key::N);
    // Typed text arrives as text events, whatever the keyboard layout.
    harness.event(Event::Text("ملاحظة: ".to_owned()));
    harness.event(Event::Text("13 بلداً، iPhone 6S".to_owned()));
    harness.run_steps(2);
    press(&mut harness, Key::Escape);
    // j moves the selection again once the note editor is left.
    press(&mut harness, Key::J);
    assert_eq!(
        common::session(&harness).reader.selected,
        Some(selected + 1)
    );
    save(&mut harness);

    let saved = on_disk(&article);
    assert_eq!(saved.annotations.len(), 1);
    let annotation = &saved.annotations[0];
    assert_eq!(annotation.labels, ["claim", "event"]);
    assert_eq!(annotation.note, "ملاحظة: 13 بلداً، iPhone 6S");
    assert_eq!(annotation.author, "باحثة");
    assert_eq!(annotation.target.paragraph, selected);
    assert_eq!(saved.article.file_name, "خبر الرقة.txt");

    // "Restart": a new app opens the same article and finds the annotation.
    drop(harness);
    let mut harness = open(&article);
    let session = common::session(&harness);
    let found = session
        .annotations
        .store()
        .paragraph_annotation(selected)
        .expect("annotation reloaded");
    assert_eq!(found.note, "ملاحظة: 13 بلداً، iPhone 6S");
    select_paragraph(&mut harness, selected, 3);
    // The panel shows the label chips as checked and the note in the editor.
    harness.get_by_label("1  ادعاء claim");
    let note = common::session(&harness).note_editor.text();
    assert_eq!(note, "ملاحظة: 13 بلداً، iPhone 6S");
}

#[test]
fn delete_undo_and_redo() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    press(&mut harness, Key::J);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num2);
    let count =
        |h: &Harness<'_, HashiyaApp>| common::session(h).annotations.store().annotations().len();
    assert_eq!(count(&harness), 1);
    press(&mut harness, Key::Delete);
    assert_eq!(count(&harness), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(count(&harness), 1);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
    assert_eq!(count(&harness), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    save(&mut harness);
    let saved = on_disk(&article);
    assert_eq!(saved.annotations.len(), 1);
    assert_eq!(saved.annotations[0].labels, ["quotation"]);
    // Toggling the only label off leaves nothing behind.
    press(&mut harness, Key::Num2);
    save(&mut harness);
    assert!(on_disk(&article).annotations.is_empty());
    assert_eq!(
        on_disk(&article).deleted.len(),
        1,
        "the deletion is remembered for merging"
    );
}

#[test]
fn changes_are_saved_without_asking() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num4);
    // Saving waits for half a second of quiet, then runs in the background; no key is
    // pressed meanwhile. (How long it takes is a benchmark's business, not a test's.)
    let started = Instant::now();
    let status = |h: &Harness<'_, HashiyaApp>| common::session(h).annotations.status.clone();
    while status(&harness) != SaveStatus::Saved {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "not saved: {:?}",
            status(&harness)
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.run_steps(1);
    }
    assert!(sidecar::sidecar_path(&article).exists());
    assert_eq!(on_disk(&article).annotations[0].labels, ["actor"]);
}

#[test]
fn the_panel_labels_colours_and_list_work_with_the_mouse() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    select_paragraph(&mut harness, 5, 3);
    harness.get_by_label("5  مكان place").click();
    harness.run_steps(2);
    harness.get_by_label("Highlight #8ecae6").click();
    harness.run_steps(2);
    let store = &common::session(&harness).annotations.store();
    let annotation = store.paragraph_annotation(5).unwrap();
    assert_eq!(annotation.labels, ["place"]);
    assert_eq!(annotation.color.as_deref(), Some("#8ecae6"));
    // The list row selects its paragraph.
    select_paragraph(&mut harness, 0, 2);
    harness.get_by_label_contains("¶ 6").click();
    harness.run_steps(2);
    assert_eq!(common::session(&harness).reader.selected, Some(5));
}

#[test]
fn a_damaged_sidecar_is_left_alone_until_the_user_starts_afresh() {
    let (dir, article) = raqqa_copy();
    let path = sidecar::sidecar_path(&article);
    std::fs::write(
        &path,
        b"{\"format\": \"hashiya-annotations\", \"version\": 1, \"annot",
    )
    .unwrap();
    let mut harness = open(&article);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(
        message.contains("damaged") && message.contains("خبر الرقة.txt.annotations.json"),
        "{message}"
    );
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    assert!(
        std::fs::read(&path).unwrap().ends_with(b"\"annot"),
        "never overwritten"
    );
    harness.get_by_label("Start Afresh").click();
    harness.run_steps(2);
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside");
    press(&mut harness, Key::Num1);
    save(&mut harness);
    assert_eq!(on_disk(&article).annotations.len(), 1);
}

#[test]
fn a_sidecar_from_a_newer_version_opens_read_only() {
    let (_dir, article) = raqqa_copy();
    let path = sidecar::sidecar_path(&article);
    {
        let mut harness = open(&article);
        press(&mut harness, Key::J);
        press(&mut harness, Key::Num1);
        save(&mut harness);
    }
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    json["version"] = 7.into();
    let newer = serde_json::to_vec_pretty(&json).unwrap();
    std::fs::write(&path, &newer).unwrap();
    let mut harness = open(&article);
    assert!(
        harness
            .state()
            .workspace
            .message
            .clone()
            .unwrap()
            .contains("newer Hashiya")
    );
    assert_eq!(
        common::session(&harness)
            .annotations
            .store()
            .annotations()
            .len(),
        1,
        "shown"
    );
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num2);
    save(&mut harness);
    assert_eq!(std::fs::read(&path).unwrap(), newer, "never overwritten");
}

#[test]
fn another_writer_s_changes_are_merged_not_clobbered() {
    let (_dir, article) = raqqa_copy();
    let path = sidecar::sidecar_path(&article);
    let mut harness = open(&article);
    select_paragraph(&mut harness, 5, 1);
    press(&mut harness, Key::Num1);
    save(&mut harness);

    // Another annotator (or git pull) changes the file: adds paragraph 7, edits ours.
    let mut theirs = on_disk(&article);
    let document = hashiya::document::load(&article).unwrap();
    let index = hashiya::annotation::CharIndex::new(&document.text);
    let mut added = theirs.annotations[0].clone();
    added.id = uuid::Uuid::new_v4();
    added.target = hashiya::annotation::paragraph_target(&document, &index, 7).unwrap();
    added.note = "من زميل".to_owned();
    theirs.annotations.push(added);
    std::fs::write(&path, sidecar::to_json(&theirs)).unwrap();

    // We annotate paragraph 6 and save: the saver sees the change and merges.
    select_paragraph(&mut harness, 6, 1);
    press(&mut harness, Key::Num3);
    save(&mut harness);
    let merged = on_disk(&article);
    let notes: Vec<(usize, String)> = merged
        .annotations
        .iter()
        .map(|a| (a.target.paragraph, a.note.clone()))
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(notes.contains(&(7, "من زميل".to_owned())));
    assert!(
        harness
            .state()
            .workspace
            .message
            .clone()
            .unwrap()
            .contains("1 annotation came in from disk")
    );

    // A change made while the window was in the background is merged when it comes back.
    let mut theirs = on_disk(&article);
    theirs.annotations.retain(|a| a.note != "من زميل");
    theirs.deleted.push(hashiya::annotation::Deletion {
        id: merged
            .annotations
            .iter()
            .find(|a| a.note == "من زميل")
            .unwrap()
            .id,
        deleted: jiff::Timestamp::now(),
    });
    std::fs::write(&path, sidecar::to_json(&theirs)).unwrap();
    harness.input_mut().focused = false;
    harness.run_steps(1);
    harness.input_mut().focused = true;
    harness.run_steps(2);
    let store = &common::session(&harness).annotations.store();
    assert_eq!(
        store.annotations().len(),
        2,
        "the other writer's deletion is applied"
    );
}

#[test]
fn an_unwritable_place_keeps_the_annotations_and_save_as_rescues_them() {
    let (dir, article) = raqqa_copy();
    let rescue = dir.path().join("elsewhere.annotations.json");
    let mut app = annotator_app(saving_to(&rescue));
    app.open_blocking(&article);
    // sysfs refuses new files even to root: stands in for a read-only folder.
    app.workspace
        .session
        .as_mut()
        .unwrap()
        .annotations
        .sidecar_path = Some(PathBuf::from("/sys/hashiya.txt.annotations.json"));
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("Save Annotations As"), "{message}");
    assert!(matches!(
        common::session(&harness).annotations.status,
        SaveStatus::Failed(_)
    ));
    // No new attempt for a while (not one per frame), unless asked or edited.
    let session = harness.state_mut().workspace.session.as_mut().unwrap();
    assert!(
        matches!(session.annotations.save_request(false), Err(wait) if wait > Duration::from_secs(5))
    );
    assert_eq!(
        common::session(&harness)
            .annotations
            .store()
            .annotations()
            .len(),
        1,
        "kept in memory"
    );

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Save Annotations As…").click();
    harness.run_steps(3);
    let saved = sidecar::read(&rescue).unwrap().unwrap().0;
    assert_eq!(saved.annotations.len(), 1);
    assert_eq!(
        common::session(&harness).annotations.status,
        SaveStatus::Saved
    );
}

#[test]
fn annotations_follow_an_edited_article_and_orphans_are_listed() {
    let (_dir, article) = raqqa_copy();
    {
        let mut harness = open(&article);
        for paragraph in [5, 6, 7] {
            select_paragraph(&mut harness, paragraph, 1);
            press(&mut harness, Key::Num1);
        }
        save(&mut harness);
    }
    // Edit the article: drop paragraph 6, add a line at the top.
    let text = std::fs::read_to_string(&article).unwrap();
    let document = hashiya::document::parse_plain_text(text.clone());
    let dropped = document.paragraph_text(6).unwrap().to_owned();
    let edited = format!("سطر جديد\n\n{}", text.replace(&dropped, ""));
    std::fs::write(&article, edited).unwrap();

    let mut harness = open(&article);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(
        message.contains("re-attached") && message.contains("orphans"),
        "{message}"
    );
    let store = &common::session(&harness).annotations.store();
    assert_eq!(store.annotations().len(), 3, "nothing dropped");
    assert_eq!(store.orphans().count(), 1);
    harness.run_steps(2);
    harness.get_by_label_contains("Orphaned (1)");
    // The new positions are saved.
    save(&mut harness);
    let saved = on_disk(&article);
    let paragraphs: Vec<usize> = saved
        .annotations
        .iter()
        .filter(|a| !a.target.orphaned)
        .map(|a| a.target.paragraph)
        .collect();
    assert_eq!(paragraphs, [6, 7]);
}

#[test]
fn file_export_writes_the_open_article_s_annotations() {
    let (dir, article) = raqqa_copy();
    let out = dir.path().join("export.csv");
    let mut app = annotator_app(saving_to(&out));
    app.open_blocking(&article);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num5);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export Annotations").click();
    harness.run_steps(2);
    harness.get_by_label("CSV (spreadsheets)…").click();
    harness.run_steps(3);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}article,"));
    assert!(
        text.contains("place") && text.contains("خبر الرقة.txt"),
        "{text}"
    );
    assert!(
        harness
            .state()
            .workspace
            .message
            .clone()
            .unwrap()
            .contains("Exported 1 annotation")
    );
}

#[test]
fn an_input_method_s_composition_is_shown_but_only_committed_text_is_kept() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    for _ in 0..3 {
        press(&mut harness, Key::J);
    }
    press(&mut harness, Key::N);
    harness.event(Event::Text("قال ".to_owned()));
    harness.run_steps(2);
    let preedit = |text: &str| {
        Event::Ime(egui::ImeEvent::Preedit {
            text: text.to_owned(),
            active_range_chars: None,
        })
    };
    let editor = |harness: &Harness<'_, HashiyaApp>| {
        let editor = &common::session(harness).note_editor;
        (editor.text(), editor.preedit())
    };
    let stored = |harness: &Harness<'_, HashiyaApp>| {
        let session = common::session(harness);
        let selected = session.reader.selected.unwrap();
        session
            .annotations
            .store()
            .paragraph_annotation(selected)
            .map(|a| a.note.clone())
    };

    // Empty compositions (some platforms send one whenever the cursor moves) delete nothing,
    // even with the text selected.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(2);
    harness.event(preedit(""));
    harness.event(Event::Ime(egui::ImeEvent::Commit(String::new())));
    harness.run_steps(2);
    assert_eq!(editor(&harness), ("قال ".to_owned(), None));
    press(&mut harness, Key::End);

    harness.event(preedit("مر"));
    harness.run_steps(2);
    assert_eq!(editor(&harness), ("قال ".to_owned(), Some("مر".to_owned())));
    harness.event(preedit("مرح"));
    harness.run_steps(2);
    assert_eq!(
        editor(&harness),
        ("قال ".to_owned(), Some("مرح".to_owned()))
    );
    assert_eq!(
        stored(&harness).as_deref(),
        Some("قال "),
        "composition not saved"
    );

    harness.event(Event::Ime(egui::ImeEvent::Commit("مرحبا".to_owned())));
    harness.run_steps(2);
    assert_eq!(editor(&harness), ("قال مرحبا".to_owned(), None));
    assert_eq!(stored(&harness).as_deref(), Some("قال مرحبا"));

    // The input method may take back characters before the cursor.
    harness.event(Event::Ime(egui::ImeEvent::DeleteSurrounding {
        before_chars: 2,
        after_chars: 0,
    }));
    harness.run_steps(2);
    assert_eq!(editor(&harness), ("قال مرح".to_owned(), None));

    // A composition abandoned by leaving the editor leaves nothing behind.
    harness.event(preedit("x"));
    harness.run_steps(2);
    assert_eq!(editor(&harness).1.as_deref(), Some("x"));
    press(&mut harness, Key::Escape);
    assert_eq!(editor(&harness), ("قال مرح".to_owned(), None));
    save(&mut harness);
    assert_eq!(on_disk(&article).annotations[0].note, "قال مرح");
}

#[test]
fn undo_never_reverts_another_writer_s_merged_edit() {
    let (_dir, article) = raqqa_copy();
    let path = sidecar::sidecar_path(&article);
    let mut harness = open(&article);
    let select = |harness: &mut Harness<'_, HashiyaApp>, paragraph: usize| {
        let session = harness.state_mut().workspace.session.as_mut().unwrap();
        session.reader.select(paragraph);
        harness.run_steps(1);
    };
    select(&mut harness, 5);
    press(&mut harness, Key::Num1);
    select(&mut harness, 6);
    press(&mut harness, Key::Num2);
    save(&mut harness);

    // A colleague writes a note on our paragraph-5 annotation.
    let mut theirs = on_disk(&article);
    let ours = theirs
        .annotations
        .iter_mut()
        .find(|a| a.target.paragraph == 5)
        .unwrap();
    ours.note = "ملاحظة الزميل".to_owned();
    ours.modified = jiff::Timestamp::now();
    std::fs::write(&path, sidecar::to_json(&theirs)).unwrap();
    harness.input_mut().focused = false;
    harness.run_steps(1);
    harness.input_mut().focused = true;
    harness.run_steps(2);
    let note_of_5 = |harness: &Harness<'_, HashiyaApp>| {
        let store = &common::session(harness).annotations.store();
        store.paragraph_annotation(5).map(|a| a.note.clone())
    };
    assert_eq!(note_of_5(&harness).as_deref(), Some("ملاحظة الزميل"));

    // Undo still takes back our own later step (paragraph 6), but not the creation of the
    // annotation the colleague has since written in.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    let store = &common::session(&harness).annotations.store();
    assert!(store.paragraph_annotation(6).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(note_of_5(&harness).as_deref(), Some("ملاحظة الزميل"));
    save(&mut harness);
    let saved = on_disk(&article);
    assert!(saved.annotations.iter().any(|a| a.note == "ملاحظة الزميل"));
}

#[test]
fn reopening_the_article_right_after_an_edit_keeps_the_edit() {
    let (_dir, article) = raqqa_copy();
    let mut harness = open(&article);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    // At once, before the automatic save: reopen (as View > Encoding does).
    let ctx = harness.ctx.clone();
    harness.state_mut().workspace.open(&ctx, article.clone());
    harness.run_steps(2);
    harness.state_mut().workspace.wait_for_load();
    harness.run_steps(3);
    let store = &common::session(&harness).annotations.store();
    assert_eq!(store.annotations().len(), 1);
    assert_eq!(store.annotations()[0].labels, ["claim"]);
}

#[test]
fn save_as_never_replaces_a_file_that_is_not_readable_annotations() {
    let (dir, article) = raqqa_copy();
    let target = dir.path().join("notes.json");
    std::fs::write(&target, "مسودة — not annotations").unwrap();
    let mut app = annotator_app(saving_to(&target));
    app.open_blocking(&article);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Save Annotations As…").click();
    harness.run_steps(3);
    let message = harness.state().workspace.message.clone().unwrap();
    assert!(message.contains("Not saved there"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "مسودة — not annotations"
    );
    // The annotations still go to their usual place.
    save(&mut harness);
    assert_eq!(on_disk(&article).annotations.len(), 1);
}

#[test]
fn another_writer_s_label_rename_survives_our_next_save() {
    let (_dir, article) = raqqa_copy();
    let path = sidecar::sidecar_path(&article);
    let mut harness = open(&article);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    // A colleague renames «claim» in the shared file.
    let mut theirs = on_disk(&article);
    let claim = theirs
        .label_scheme
        .labels
        .iter_mut()
        .find(|l| l.id == "claim")
        .unwrap();
    claim.name = "زعم claim".to_owned();
    std::fs::write(&path, sidecar::to_json(&theirs)).unwrap();
    // We label another paragraph; the save finds their change and merges.
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num2);
    save(&mut harness);
    let saved = on_disk(&article);
    assert_eq!(saved.annotations.len(), 2);
    assert_eq!(saved.label_scheme.label("claim").unwrap().name, "زعم claim");
}

#[test]
fn two_windows_labelling_one_paragraph_keep_both_labels() {
    let (_dir, article) = raqqa_copy();
    let mut first = open(&article);
    let mut second = open(&article);
    for harness in [&mut first, &mut second] {
        select_paragraph(harness, 5, 1);
    }
    // The first window labels ¶5 and saves; the second, which has not seen that yet, adds
    // another label to the same paragraph a moment later (its copy is the newer one).
    press(&mut first, Key::Num1);
    save(&mut first);
    std::thread::sleep(Duration::from_millis(5));
    press(&mut second, Key::Num2);
    save(&mut second);
    let labels_on_disk = |article: &Path| {
        let mut labels = on_disk(article)
            .annotations
            .iter()
            .find(|a| a.target.paragraph == 5 && a.is_paragraph_level())
            .unwrap()
            .labels
            .clone();
        labels.sort();
        labels
    };
    assert_eq!(labels_on_disk(&article), ["claim", "quotation"]);

    // The first window takes the second's label when it next saves, and removing its own
    // label there is not undone by the second window's copy.
    press(&mut first, Key::Num1);
    save(&mut first);
    assert_eq!(labels_on_disk(&article), ["quotation"]);
    press(&mut second, Key::Num3);
    save(&mut second);
    assert_eq!(labels_on_disk(&article), ["event", "quotation"]);
}
