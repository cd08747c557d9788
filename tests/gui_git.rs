//! The window in a folder shared through git: articles whose annotations are not committed
//! are marked in the folder list, merge conflicts kept in a sidecar are shown in the
//! annotation panel and settled with `t` / Shift+T (undoably, and saved), and a pull that
//! changes the open article's annotations is announced with what came in.
//!
//! Git runs with a fixed identity and without the user's configuration for the steps the
//! tests take themselves (init, commit, clone, pull).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hashiya::annotation::sidecar;
use hashiya::annotation::{AnnotationStore, Availability, Conflict, LabelScheme, Sidecar};
use hashiya::app::{Command, FixedPicker, HashiyaApp, UNCOMMITTED};

use common::{
    IPHONE, RAQQA, app, corpus_copy, harness, press, press_with, save, select_paragraph,
    settings_by, settle, wait_for_folder,
};

const WINDOW: egui::Vec2 = egui::vec2(1300.0, 900.0);
const HASHIYA: &str = env!("CARGO_BIN_EXE_hashiya");

/// Git with a fixed identity and no system or global configuration.
struct Git {
    home: tempfile::TempDir,
}

impl Git {
    fn new() -> Self {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join("gitconfig"), "").unwrap();
        Self { home }
    }

    fn env(&self, command: &mut Process, who: &str) {
        command
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_GLOBAL", self.home.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", who)
            .env("GIT_AUTHOR_EMAIL", format!("{who}@example.org"))
            .env("GIT_COMMITTER_NAME", who)
            .env("GIT_COMMITTER_EMAIL", format!("{who}@example.org"))
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_EDITOR", "true")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    /// Runs git in `dir` and requires success.
    fn run(&self, dir: &Path, who: &str, args: &[&str]) {
        let mut command = Process::new("git");
        command.current_dir(dir).args(args);
        self.env(&mut command, who);
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?} in {}: {}{}",
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `hashiya git-setup` in `dir`, with the same configuration.
    fn setup(&self, dir: &Path) {
        let mut command = Process::new(HASHIYA);
        command.current_dir(dir).arg("git-setup");
        self.env(&mut command, "setup");
        let output = command.output().unwrap();
        assert!(output.status.success(), "{output:?}");
    }

    fn init(&self, dir: &Path) {
        self.run(
            dir,
            "setup",
            &["-c", "init.defaultBranch=main", "init", "-q"],
        );
    }

    fn commit_all(&self, dir: &Path, who: &str, message: &str) {
        self.run(dir, who, &["add", "-A"]);
        self.run(dir, who, &["commit", "-q", "-m", message]);
    }
}

fn on_disk(path: &Path) -> Sidecar {
    sidecar::parse(&std::fs::read(path).unwrap(), path).unwrap()
}

fn message(harness: &Harness<'_, HashiyaApp>) -> Option<String> {
    harness.state().workspace.message.clone()
}

/// The window loses focus and gets it back (a commit or pull made in a terminal meanwhile).
fn refocus(harness: &mut Harness<'_, HashiyaApp>) {
    harness.input_mut().focused = false;
    harness.run_steps(1);
    harness.input_mut().focused = true;
    harness.run_steps(2);
}

/// Waits for the folder's answer from git, then draws it.
fn wait_for_git(harness: &mut Harness<'_, HashiyaApp>) {
    harness
        .state_mut()
        .workspace
        .folder
        .as_mut()
        .expect("a folder is open")
        .wait_for_git_status();
    harness.run_steps(2);
}

/// The accessible names of the folder rows marked as not committed.
fn marked_rows(harness: &Harness<'_, HashiyaApp>) -> Vec<String> {
    harness
        .query_all_by_label_contains(UNCOMMITTED)
        .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect()
}

fn marked(harness: &Harness<'_, HashiyaApp>, article: &Path) -> bool {
    harness
        .state()
        .workspace
        .folder
        .as_ref()
        .unwrap()
        .has_uncommitted_annotations(article)
}

/// A window on `folder` (opened through Corpus ▸ Open Folder), indexed.
fn folder_window(folder: &Path) -> Harness<'static, HashiyaApp> {
    let app = app(settings_by("سارة")).with_picker(FixedPicker {
        folder: Some(folder.to_owned()),
        ..FixedPicker::default()
    });
    let mut harness = harness(app, WINDOW);
    harness.run_steps(2);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    wait_for_folder(&mut harness);
    wait_for_git(&mut harness);
    harness
}

#[test]
fn articles_with_uncommitted_annotations_are_marked_until_committed() {
    let git = Git::new();
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git.init(repo);
    let raqqa = corpus_copy(RAQQA, repo, "raqqa.txt");
    let iphone = corpus_copy(IPHONE, repo, "iphone.txt");
    git.commit_all(repo, "setup", "The articles");

    let mut harness = folder_window(repo);
    assert!(marked_rows(&harness).is_empty(), "nothing to commit yet");

    // Annotating an article and saving marks it (and only it).
    harness.state_mut().push(Command::OpenPath(raqqa.clone()));
    settle(&mut harness);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    assert!(sidecar::sidecar_path(&raqqa).exists());
    wait_for_git(&mut harness);
    assert!(marked(&harness, &raqqa));
    assert!(!marked(&harness, &iphone));
    let rows = marked_rows(&harness);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("raqqa.txt"), "{rows:?}");
    // Hovering the marked row says why.
    assert!(harness.query_by_label(UNCOMMITTED).is_none());
    harness.get_by_label_contains("raqqa.txt · 1").hover();
    harness.run_steps(40);
    harness.get_by_label(UNCOMMITTED);

    // Another annotator's file, made outside the app, counts once the window looks again.
    std::fs::copy(
        sidecar::sidecar_path(&raqqa),
        repo.join("iphone.txt.annotations.maha.json"),
    )
    .unwrap();
    refocus(&mut harness);
    wait_for_git(&mut harness);
    assert!(marked(&harness, &iphone));
    assert_eq!(marked_rows(&harness).len(), 2);

    // Committed: no marks after the window comes back.
    git.commit_all(repo, "sara", "Annotations");
    refocus(&mut harness);
    wait_for_git(&mut harness);
    assert!(!marked(&harness, &raqqa) && !marked(&harness, &iphone));
    assert!(marked_rows(&harness).is_empty());
}

#[test]
fn a_folder_outside_git_has_no_marks_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let raqqa = corpus_copy(RAQQA, dir.path(), "raqqa.txt");
    let mut harness = folder_window(dir.path());
    harness.state_mut().push(Command::OpenPath(raqqa.clone()));
    settle(&mut harness);
    press(&mut harness, Key::J);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    assert!(sidecar::sidecar_path(&raqqa).exists());
    wait_for_git(&mut harness);
    assert!(!marked(&harness, &raqqa));
    assert!(marked_rows(&harness).is_empty());
    assert_eq!(message(&harness), None);
}

/// A sidecar for `article` with paragraph 2 labelled `claim`, and a kept conflict whose other
/// value is `event`, by maha.
fn sidecar_with_conflict(article: &Path) -> (Sidecar, Conflict) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "سارة");
    store.toggle_label(&document, 2, "claim").unwrap();
    let mut sidecar = store.sidecar().clone();
    let conflict = Conflict {
        annotation: sidecar.annotations[0].id,
        field: "labels".to_owned(),
        value: serde_json::json!(["event"]),
        author: "maha".to_owned(),
        modified: jiff::Timestamp::from_second(1_780_000_000).unwrap(),
    };
    sidecar.conflicts.push(conflict.clone());
    std::fs::write(sidecar::sidecar_path(article), sidecar::to_json(&sidecar)).unwrap();
    (sidecar, conflict)
}

fn labels_and_conflicts(harness: &Harness<'_, HashiyaApp>) -> (Vec<String>, Vec<Conflict>) {
    let store = common::session(harness).annotations.store();
    let sidecar = store.sidecar();
    let labels = sidecar
        .annotations
        .iter()
        .find(|a| a.target.paragraph == 2)
        .map(|a| a.labels.clone())
        .unwrap_or_default();
    (labels, sidecar.conflicts.clone())
}

fn label_name(id: &str) -> String {
    LabelScheme::news_default().label(id).unwrap().name.clone()
}

/// The text of the panel's "Other: …" line.
fn other_line(harness: &Harness<'_, HashiyaApp>) -> String {
    let node = harness.get_by_label_contains("Other: ");
    let node = node.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

#[test]
fn a_kept_conflict_is_shown_and_t_takes_the_other_value_undoably_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let article = corpus_copy(RAQQA, dir.path(), "raqqa.txt");
    let path = sidecar::sidecar_path(&article);
    let (_, original) = sidecar_with_conflict(&article);
    let mut harness = common::harness_on(app(settings_by("سارة")), &article, WINDOW, 3);
    assert!(
        harness
            .query_by_label_contains("Conflict in labels")
            .is_none(),
        "nothing selected yet"
    );
    select_paragraph(&mut harness, 2, 2);
    harness.get_by_label_contains("Conflict in labels");
    harness.get_by_label_contains("maha");
    assert!(
        other_line(&harness).contains(&label_name("event")),
        "{}",
        other_line(&harness)
    );
    assert!(!other_line(&harness).contains(&label_name("claim")));

    // `t`: the other value comes in, ours takes its place in the list.
    press(&mut harness, Key::T);
    let (labels, conflicts) = labels_and_conflicts(&harness);
    assert_eq!(labels, ["event"]);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].value, serde_json::json!(["claim"]));
    assert_eq!(conflicts[0].annotation, original.annotation);
    assert!(other_line(&harness).contains(&label_name("claim")));
    // Saved like any edit.
    save(&mut harness);
    let disk = on_disk(&path);
    assert_eq!(disk.annotations[0].labels, ["event"]);
    assert_eq!(disk.conflicts[0].value, serde_json::json!(["claim"]));

    // Undo restores the value and the entry as they were.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    let (labels, conflicts) = labels_and_conflicts(&harness);
    assert_eq!(labels, ["claim"]);
    assert_eq!(conflicts, std::slice::from_ref(&original));
    save(&mut harness);
    assert_eq!(on_disk(&path).conflicts, std::slice::from_ref(&original));

    // Shift+T keeps ours and dismisses the conflict; undo brings it back.
    press_with(&mut harness, Modifiers::SHIFT, Key::T, 2);
    let (labels, conflicts) = labels_and_conflicts(&harness);
    assert_eq!(labels, ["claim"]);
    assert!(conflicts.is_empty());
    assert!(
        harness
            .query_by_label_contains("Conflict in labels")
            .is_none()
    );
    save(&mut harness);
    assert!(on_disk(&path).conflicts.is_empty());
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert_eq!(labels_and_conflicts(&harness).1, [original]);
    harness.get_by_label_contains("Conflict in labels");

    // The panel's buttons do the same as the keys.
    harness.get_by_label("Take Other Value (t)").click();
    harness.run_steps(2);
    assert_eq!(labels_and_conflicts(&harness).0, ["event"]);
}

/// Labels paragraph `paragraph` of the sidecar at `path` with `labels` (replacing its own),
/// as an annotator working on their own clone.
fn relabel(path: &Path, document: &hashiya::document::Document, paragraph: usize, labels: &[&str]) {
    let mut store = match sidecar::read(path).unwrap() {
        Some((sidecar, _)) => {
            AnnotationStore::from_sidecar(sidecar, document, "maha", Availability::Editable).0
        }
        None => AnnotationStore::new(document, LabelScheme::news_default(), "maha"),
    };
    let decisions = vec![(
        paragraph,
        labels.iter().map(|l| (*l).to_owned()).collect::<Vec<_>>(),
    )];
    store.set_paragraph_labels(document, &decisions).unwrap();
    std::fs::write(path, sidecar::to_json(store.sidecar())).unwrap();
}

#[test]
fn a_pull_is_announced_with_the_annotations_and_conflicts_it_brought() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let remote = root.join("team.git");
    git.run(
        root,
        "setup",
        &[
            "-c",
            "init.defaultBranch=main",
            "init",
            "-q",
            "--bare",
            "team.git",
        ],
    );
    let start = root.join("start");
    std::fs::create_dir(&start).unwrap();
    git.init(&start);
    let article = corpus_copy(RAQQA, &start, "raqqa.txt");
    let document = hashiya::document::load(&article).unwrap();
    relabel(&sidecar::sidecar_path(&article), &document, 1, &["claim"]);
    git.setup(&start);
    git.commit_all(&start, "setup", "The article, annotated");
    git.run(
        &start,
        "setup",
        &["push", "-q", remote.to_str().unwrap(), "main"],
    );
    let clone = |name: &str| -> PathBuf {
        git.run(root, name, &["clone", "-q", remote.to_str().unwrap(), name]);
        let dir = root.join(name);
        git.setup(&dir);
        dir
    };
    let (sara, maha) = (clone("sara"), clone("maha"));

    // Maha relabels paragraph 2's annotation and adds three, then pushes.
    let maha_sidecar = maha.join("raqqa.txt.annotations.json");
    relabel(&maha_sidecar, &document, 1, &["event"]);
    for paragraph in [3, 4, 5] {
        relabel(&maha_sidecar, &document, paragraph, &["actor"]);
    }
    git.commit_all(&maha, "maha", "Maha's annotations");
    git.run(&maha, "maha", &["push", "-q", "origin", "main"]);

    // Sara relabels the same annotation in the window, later, and commits.
    let sara_article = sara.join("raqqa.txt");
    let mut harness = common::harness_on(app(settings_by("سارة")), &sara_article, WINDOW, 3);
    select_paragraph(&mut harness, 1, 1);
    press(&mut harness, Key::Num6);
    press(&mut harness, Key::Num1);
    save(&mut harness);
    assert_eq!(labels_of(&harness, 1), ["opinion"]);
    git.commit_all(&sara, "sara", "Sara's label");
    assert_eq!(message(&harness), None);

    // The pull merges through the driver; the window announces it when it comes back.
    git.run(
        &sara,
        "sara",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    refocus(&mut harness);
    let text = message(&harness).expect("the pull is announced");
    assert!(text.contains("3 annotations came in from disk"), "{text}");
    assert!(text.contains("1 conflict kept in the panel"), "{text}");
    let store = common::session(&harness).annotations.store();
    assert_eq!(store.annotations().len(), 4);
    assert_eq!(store.sidecar().conflicts.len(), 1);
    assert_eq!(labels_of(&harness, 1), ["opinion"], "the later change wins");
    harness.get_by_label_contains("Conflict in labels");
    assert!(other_line(&harness).contains(&label_name("event")));
}

fn labels_of(harness: &Harness<'_, HashiyaApp>, paragraph: usize) -> Vec<String> {
    common::session(harness)
        .annotations
        .store()
        .paragraph_annotation(paragraph)
        .map(|a| a.labels.clone())
        .unwrap_or_default()
}
