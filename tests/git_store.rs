//! Git as a team's shared store: canonical sidecars, the merge driver (`hashiya
//! merge-sidecar`), readable diffs (`hashiya show-sidecar`) and `hashiya git-setup`, tested
//! with real git: clones, a bare repository as the shared remote, commits, pulls and pushes.
//!
//! Git runs with a fixed identity and without the machine's or the user's configuration, so
//! the tests behave the same on a fresh machine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hashiya::annotation::conflict::{self, field};
use hashiya::annotation::model::{TextPositionSelector, TextQuoteSelector};
use hashiya::annotation::sidecar;
use hashiya::annotation::{
    Annotation, AnnotationStore, Availability, LabelScheme, Relation, Sidecar, Target, TargetKind,
    merge_recording_conflicts,
};
use hashiya::document::Document;
use proptest::prelude::*;
use uuid::Uuid;

const HASHIYA: &str = env!("CARGO_BIN_EXE_hashiya");
const ARTICLE: &str = "iphone.txt";
const SIDECAR: &str = "iphone.txt.annotations.json";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/git")
}

fn article() -> Document {
    hashiya::document::load(&fixtures().join(ARTICLE)).unwrap()
}

fn read_sidecar(path: &Path) -> Sidecar {
    sidecar::parse(&std::fs::read(path).unwrap(), path).unwrap()
}

/// A store over the sidecar at `path` (or a fresh one), as the window loads it.
fn open_store(path: &Path, document: &Document, author: &str) -> AnnotationStore {
    match sidecar::read(path).unwrap() {
        Some((sidecar, _)) => {
            AnnotationStore::from_sidecar(sidecar, document, author, Availability::Editable).0
        }
        None => AnnotationStore::new(document, LabelScheme::news_default(), author),
    }
}

fn save(store: &AnnotationStore, path: &Path) {
    std::fs::write(path, sidecar::to_json(store.sidecar())).unwrap();
}

/// An isolated environment for git: fixed identity, no system or global configuration.
struct Git {
    home: tempfile::TempDir,
}

impl Git {
    fn new() -> Self {
        let home = tempfile::tempdir().unwrap();
        std::fs::write(home.path().join("gitconfig"), "").unwrap();
        Self { home }
    }

    fn command(&self, dir: &Path, who: &str) -> Command {
        let mut command = Command::new("git");
        command
            .current_dir(dir)
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
        command
    }

    /// Runs git in `dir` and requires success.
    fn run(&self, dir: &Path, who: &str, args: &[&str]) -> String {
        let output = self.command(dir, who).args(args).output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?} in {} failed: {}{}",
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Runs hashiya in `dir` with the same git configuration.
    fn hashiya(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new(HASHIYA)
            .current_dir(dir)
            .env("HOME", self.home.path())
            .env("GIT_CONFIG_GLOBAL", self.home.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(args)
            .output()
            .unwrap()
    }
}

/// A shared bare repository holding the article, and `n` clones of it, each set up with
/// `hashiya git-setup`.
fn team(git: &Git, root: &Path, names: &[&str]) -> Vec<PathBuf> {
    let remote = root.join("team.git");
    git.run(
        root,
        "setup",
        &[
            "-c",
            "init.defaultBranch=main",
            "init",
            "--bare",
            "team.git",
        ],
    );
    let first = root.join("start");
    git.run(
        root,
        "setup",
        &["-c", "init.defaultBranch=main", "init", "start"],
    );
    std::fs::copy(fixtures().join(ARTICLE), first.join(ARTICLE)).unwrap();
    let setup = git.hashiya(&first, &["git-setup"]);
    assert!(setup.status.success(), "{setup:?}");
    git.run(&first, "setup", &["add", "."]);
    git.run(&first, "setup", &["commit", "-q", "-m", "The article"]);
    git.run(
        &first,
        "setup",
        &["push", "-q", remote.to_str().unwrap(), "main"],
    );
    names
        .iter()
        .map(|name| {
            git.run(root, name, &["clone", "-q", remote.to_str().unwrap(), name]);
            let clone = root.join(name);
            let setup = git.hashiya(&clone, &["git-setup"]);
            assert!(setup.status.success(), "{setup:?}");
            clone
        })
        .collect()
}

fn commit_all(git: &Git, clone: &Path, who: &str, message: &str) {
    git.run(clone, who, &["add", "-A"]);
    git.run(clone, who, &["commit", "-q", "-m", message]);
}

fn labels_of(sidecar: &Sidecar, paragraph: usize) -> Vec<String> {
    sidecar
        .annotations
        .iter()
        .find(|a| a.target.paragraph == paragraph && a.is_paragraph_level())
        .map(|a| a.labels.clone())
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Canonical sidecars

/// Every sidecar among the fixtures (tests/fixtures and the fuzz seeds).
fn sidecar_fixtures() -> Vec<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut found: Vec<PathBuf> = [manifest.join("tests/fixtures"), manifest.join("fuzz/seeds")]
        .iter()
        .flat_map(|dir| {
            walkdir::WalkDir::new(dir)
                .into_iter()
                .filter_map(Result::ok)
        })
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| std::fs::read(path).is_ok_and(|bytes| sidecar::parse(&bytes, path).is_ok()))
        .collect();
    found.sort();
    found
}

#[test]
fn every_sidecar_fixture_saves_canonically_and_unchanged_files_stay_byte_identical() {
    let fixtures_found = sidecar_fixtures();
    assert!(
        fixtures_found.len() >= 2,
        "sidecar fixtures found: {fixtures_found:?}"
    );
    for path in &fixtures_found {
        let once = sidecar::to_json(&read_sidecar(path));
        let parsed = sidecar::parse(once.as_bytes(), path).unwrap();
        assert_eq!(sidecar::to_json(&parsed), once, "{}", path.display());
        // Loaded and saved by the window's path, next to its article when there is one.
        if path.ends_with("git/previous-version.json") {
            let document = article();
            let (store, summary) = AnnotationStore::from_sidecar(
                parsed.clone(),
                &document,
                "someone",
                Availability::Editable,
            );
            assert_eq!(summary.moved + summary.orphaned, 0);
            assert_eq!(sidecar::to_json(store.sidecar()), once);
        }
        // Merging a file with itself changes nothing, timestamps included.
        let (merged, report) = merge_recording_conflicts(&parsed, &parsed, Some(&parsed));
        assert!(report.is_empty());
        assert_eq!(sidecar::to_json(&merged), once, "{}", path.display());
    }
    // The previous version wrote labels in the order they were given; canonical form puts
    // them in the scheme's order and changes nothing else.
    let previous = std::fs::read_to_string(fixtures().join("previous-version.json")).unwrap();
    let canonical = sidecar::to_json(&read_sidecar(&fixtures().join("previous-version.json")));
    assert!(previous.contains("\"event\",\n        \"claim\""));
    assert!(canonical.contains("\"claim\",\n        \"event\""));
    let differing = previous
        .lines()
        .zip(canonical.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(previous.lines().count(), canonical.lines().count());
    assert_eq!(differing, 2, "only the two label lines swap");
}

#[test]
fn corpus_sidecars_load_and_save_byte_identical_and_order_does_not_matter() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    assert!(articles.len() >= 10);
    let dir = tempfile::tempdir().unwrap();
    for path in &articles {
        let document = hashiya::document::load(path).unwrap();
        let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "سارة");
        let count = document.paragraphs.len();
        for paragraph in (0..count).step_by(2) {
            // Labels given against the scheme's order.
            store
                .toggle_label(&document, paragraph, "statistic")
                .unwrap();
            store.toggle_label(&document, paragraph, "claim").unwrap();
            store
                .set_note(&document, paragraph, "ملاحظة \"مقتبسة\"\nسطر")
                .unwrap();
            store.end_note_editing();
        }
        // A passage: the first word of the first paragraph.
        let range = document.paragraphs[0].byte_range.clone();
        let first_word = document.text[range.clone()]
            .find(' ')
            .map_or(range.end, |i| range.start + i);
        store
            .toggle_label(
                &document,
                hashiya::annotation::TargetKey::Span {
                    paragraph: 0,
                    bytes: range.start..first_word,
                },
                "actor",
            )
            .unwrap();
        let file = dir.path().join("a.annotations.json");
        save(&store, &file);
        let saved = std::fs::read(&file).unwrap();
        // Loading and saving again, as the window does, writes the same bytes.
        let reopened = open_store(&file, &document, "another");
        assert_eq!(
            sidecar::to_json(reopened.sidecar()).as_bytes(),
            saved,
            "{}",
            path.display()
        );
        // The same annotations in another order, with their labels shuffled, give the same
        // bytes.
        let mut shuffled = read_sidecar(&file);
        shuffled.annotations.reverse();
        for annotation in &mut shuffled.annotations {
            annotation.labels.reverse();
        }
        shuffled.deleted.reverse();
        assert_eq!(sidecar::to_json(&shuffled).as_bytes(), saved);
        let text = String::from_utf8(saved).unwrap();
        assert!(text.contains("\"claim\",\n        \"statistic\""));
        assert!(text.starts_with("{\n  \"format\": \"hashiya-annotations\",\n  \"version\": 1,"));
    }
}

// ---------------------------------------------------------------------------------------
// The merge, as data

fn annotation(
    id: u128,
    paragraph: usize,
    labels: &[&str],
    note: &str,
    modified: i64,
) -> Annotation {
    Annotation {
        id: Uuid::from_u128(id),
        created: jiff::Timestamp::from_second(10).unwrap(),
        modified: jiff::Timestamp::from_second(modified).unwrap(),
        author: format!("author-{modified}"),
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        note: note.to_owned(),
        color: None,
        target: Target {
            kind: TargetKind::Span,
            paragraph,
            paragraph_sha256: String::new(),
            quote: TextQuoteSelector {
                exact: format!("passage {paragraph}"),
                ..Default::default()
            },
            position: TextPositionSelector {
                start: paragraph * 100,
                end: paragraph * 100 + 10,
                ..Default::default()
            },
            orphaned: false,
        },
    }
}

fn with(annotations: Vec<Annotation>) -> Sidecar {
    let document = article();
    let mut sidecar = AnnotationStore::new(&document, LabelScheme::news_default(), "x")
        .sidecar()
        .clone();
    sidecar.annotations = annotations;
    sidecar
}

#[test]
fn same_field_changed_on_both_sides_keeps_the_later_and_records_the_other() {
    let base = with(vec![annotation(1, 1, &["claim"], "أصل", 100)]);
    // Both relabel: we to «event» at 200, they to «opinion» at 300.
    let ours = with(vec![annotation(1, 1, &["event"], "أصل", 200)]);
    let theirs = with(vec![annotation(1, 1, &["opinion"], "أصل", 300)]);
    let (merged, report) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    let (reverse, _) = merge_recording_conflicts(&theirs, &ours, Some(&base));
    assert_eq!(
        sidecar::to_json(&merged),
        sidecar::to_json(&reverse),
        "either side"
    );
    assert_eq!(
        merged.annotations[0].labels,
        ["opinion"],
        "the later relabelling"
    );
    assert_eq!(report.conflicts, 1);
    assert_eq!(merged.conflicts.len(), 1);
    let kept = &merged.conflicts[0];
    assert_eq!(kept.field, field::LABELS);
    assert_eq!(kept.value, serde_json::json!(["event"]));
    assert_eq!(kept.author, "author-200");
    assert_eq!(kept.modified, jiff::Timestamp::from_second(200).unwrap());

    // Taking the other value swaps it in and keeps the displaced one.
    let mut taken = merged.clone();
    let now = jiff::Timestamp::from_second(400).unwrap();
    conflict::take_other_value(&mut taken, 0, now).unwrap();
    assert_eq!(taken.annotations[0].labels, ["event"]);
    assert_eq!(taken.annotations[0].modified, now);
    assert_eq!(taken.conflicts[0].value, serde_json::json!(["opinion"]));
    conflict::take_other_value(&mut taken, 0, now).unwrap();
    assert_eq!(taken.annotations[0].labels, ["opinion"]);
    assert_eq!(
        conflict::take_other_value(&mut taken, 5, now),
        Err(conflict::ConflictError::NoConflict(5))
    );

    // Equal times: the result still does not depend on which side is ours.
    let ours = with(vec![annotation(1, 1, &["event"], "نصنا", 300)]);
    let (merged, _) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    let (reverse, _) = merge_recording_conflicts(&theirs, &ours, Some(&base));
    assert_eq!(sidecar::to_json(&merged), sidecar::to_json(&reverse));
    assert_eq!(
        merged.conflicts.len(),
        1,
        "labels; the note only we changed"
    );
    assert_eq!(merged.annotations[0].note, "نصنا");

    // Both rewrote the note: the later text, the other in conflicts.
    let ours = with(vec![annotation(1, 1, &["claim"], "نصنا", 350)]);
    let theirs = with(vec![annotation(1, 1, &["claim"], "نصهم", 300)]);
    let (merged, _) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    assert_eq!(merged.annotations[0].note, "نصنا");
    assert_eq!(merged.conflicts[0].field, field::NOTE);
    assert_eq!(merged.conflicts[0].value, serde_json::json!("نصهم"));

    // Labels only added on both sides: all of them, no conflict.
    let ours = with(vec![annotation(1, 1, &["claim", "event"], "أصل", 200)]);
    let theirs = with(vec![annotation(1, 1, &["claim", "actor"], "أصل", 300)]);
    let (merged, report) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    let mut labels = merged.annotations[0].labels.clone();
    labels.sort();
    assert_eq!(labels, ["actor", "claim", "event"]);
    assert_eq!(report.conflicts, 0);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn deleted_on_one_side_and_edited_on_the_other_keeps_the_edit_and_records_the_deletion() {
    let base = with(vec![
        annotation(1, 1, &["claim"], "", 100),
        annotation(2, 2, &["event"], "", 100),
    ]);
    let mut ours = with(vec![annotation(2, 2, &["event"], "", 100)]);
    ours.deleted.push(hashiya::annotation::Deletion {
        id: Uuid::from_u128(1),
        deleted: jiff::Timestamp::from_second(500).unwrap(),
    });
    let theirs = with(vec![
        annotation(1, 1, &["claim", "place"], "أضفنا مكاناً", 200),
        annotation(2, 2, &["event"], "", 100),
    ]);
    for (merged, _) in [
        merge_recording_conflicts(&ours, &theirs, Some(&base)),
        merge_recording_conflicts(&theirs, &ours, Some(&base)),
    ] {
        let kept = merged
            .annotations
            .iter()
            .find(|a| a.id == Uuid::from_u128(1))
            .expect("the edited annotation stays");
        assert_eq!(kept.labels, ["claim", "place"], "as the editor left it");
        assert_eq!(kept.note, "أضفنا مكاناً");
        assert!(kept.modified > jiff::Timestamp::from_second(500).unwrap());
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].field, field::DELETED);
        assert_eq!(
            merged.conflicts[0].modified,
            jiff::Timestamp::from_second(500).unwrap()
        );
        // Taking the deletion deletes it.
        let mut taken = merged.clone();
        conflict::take_other_value(&mut taken, 0, jiff::Timestamp::from_second(900).unwrap())
            .unwrap();
        assert!(taken.annotations.iter().all(|a| a.id != Uuid::from_u128(1)));
        assert!(taken.conflicts.is_empty());
        assert!(taken.deleted.iter().any(|d| d.id == Uuid::from_u128(1)));
    }
    // Deleted on one side and untouched on the other: gone, also when the deleting copy was
    // edited by hand and kept no record of the deletion.
    let theirs = base.clone();
    let hand_edited = with(vec![annotation(2, 2, &["event"], "", 100)]);
    for ours in [&ours, &hand_edited] {
        let (merged, _) = merge_recording_conflicts(ours, &theirs, Some(&base));
        assert_eq!(merged.annotations.len(), 1);
        assert_eq!(merged.annotations[0].id, Uuid::from_u128(2));
        assert!(merged.conflicts.is_empty());
    }
}

fn relation(id: u128, source: u128, target: u128, kind: &str, created: i64) -> Relation {
    Relation {
        id: Uuid::from_u128(id),
        relation_type: kind.to_owned(),
        source: Uuid::from_u128(source),
        target: Uuid::from_u128(target),
        created: jiff::Timestamp::from_second(created).unwrap(),
        modified: jiff::Timestamp::from_second(created).unwrap(),
        author: format!("author-{created}"),
    }
}

#[test]
fn relations_merge_alike_either_way_and_are_written_in_one_order() {
    let mut base = with(vec![
        annotation(1, 1, &["claim"], "", 100),
        annotation(2, 2, &["event"], "", 100),
    ]);
    base.relations = vec![relation(10, 1, 2, "cites", 100)];
    // Both retype relation 10 at the same time, to different types, and each adds one.
    let retyped = |sidecar: &mut Sidecar, kind: &str| {
        sidecar.relations[0].relation_type = kind.to_owned();
        sidecar.relations[0].modified = jiff::Timestamp::from_second(300).unwrap();
    };
    let mut ours = base.clone();
    retyped(&mut ours, "quotes");
    ours.relations.push(relation(11, 2, 1, "cites", 250));
    let mut theirs = base.clone();
    retyped(&mut theirs, "speaker");
    theirs.relations.push(relation(12, 1, 2, "cites", 200));
    let (merged, _) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    let (reverse, _) = merge_recording_conflicts(&theirs, &ours, Some(&base));
    let json = sidecar::to_json(&merged);
    assert_eq!(json, sidecar::to_json(&reverse), "either side");
    let mut ids: Vec<u128> = merged.relations.iter().map(|r| r.id.as_u128()).collect();
    ids.sort_unstable();
    assert_eq!(ids, [10, 11, 12], "both additions kept");
    assert!(json.contains("\"version\": 2"), "relations need version 2");

    // Canonical: the relations' order in memory does not change the bytes, and reading and
    // writing again gives the same bytes.
    let mut shuffled = merged.clone();
    shuffled.relations.reverse();
    assert_eq!(sidecar::to_json(&shuffled), json);
    let parsed = sidecar::parse(json.as_bytes(), Path::new("x.json")).unwrap();
    assert_eq!(sidecar::to_json(&parsed), json);

    // Taking a `deleted` conflict deletes the passage with its relations.
    let mut taken = merged.clone();
    taken.conflicts = vec![hashiya::annotation::Conflict {
        annotation: Uuid::from_u128(1),
        field: field::DELETED.to_owned(),
        value: serde_json::Value::Null,
        author: String::new(),
        modified: jiff::Timestamp::from_second(400).unwrap(),
    }];
    conflict::take_other_value(&mut taken, 0, jiff::Timestamp::from_second(900).unwrap()).unwrap();
    assert!(
        taken.relations.is_empty(),
        "every relation touched passage 1"
    );
    for id in [1, 10, 11, 12] {
        assert!(
            taken.deleted.iter().any(|d| d.id == Uuid::from_u128(id)),
            "deletion of {id} recorded"
        );
    }
}

#[test]
fn a_passage_kept_over_its_deletion_keeps_its_relations_and_dismissing_loses_nothing() {
    let mut base = with(vec![
        annotation(1, 1, &["claim"], "", 100),
        annotation(2, 2, &["event"], "", 100),
    ]);
    base.relations = vec![relation(10, 1, 2, "cites", 100)];
    // We delete passage 1 (its relation goes with it); they edit it.
    let mut deleter = with(vec![annotation(2, 2, &["event"], "", 100)]);
    for id in [1, 10] {
        deleter.deleted.push(hashiya::annotation::Deletion {
            id: Uuid::from_u128(id),
            deleted: jiff::Timestamp::from_second(500).unwrap(),
        });
    }
    let mut editor = base.clone();
    editor.annotations[0] = annotation(1, 1, &["claim", "place"], "", 200);
    let (merged, _) = merge_recording_conflicts(&deleter, &editor, Some(&base));
    let (reverse, _) = merge_recording_conflicts(&editor, &deleter, Some(&base));
    assert_eq!(sidecar::to_json(&merged), sidecar::to_json(&reverse));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, field::DELETED);
    assert_eq!(
        merged.relations.len(),
        1,
        "the relation stays with its passage"
    );
    assert!(merged.relations[0].modified > jiff::Timestamp::from_second(500).unwrap());
    assert!(merged.deleted.iter().all(|d| d.id != Uuid::from_u128(10)));

    // Dismissing the conflict keeps the passage and its relation, also through a later
    // merge with the copy that deleted them.
    let mut dismissed = merged.clone();
    let entry = conflict::dismiss(&mut dismissed, 0).unwrap();
    assert_eq!(entry, merged.conflicts[0]);
    assert!(dismissed.conflicts.is_empty());
    assert_eq!(dismissed.annotations, merged.annotations);
    assert_eq!(dismissed.relations, merged.relations);
    assert_eq!(
        conflict::dismiss(&mut dismissed, 0),
        Err(conflict::ConflictError::NoConflict(0))
    );
    let (again, _) = merge_recording_conflicts(&deleter, &dismissed, Some(&base));
    assert!(again.annotations.iter().any(|a| a.id == Uuid::from_u128(1)));
    assert_eq!(again.relations.len(), 1);

    // Taking it instead deletes both.
    let mut taken = merged.clone();
    conflict::take_other_value(&mut taken, 0, jiff::Timestamp::from_second(900).unwrap()).unwrap();
    assert!(taken.relations.is_empty());
    assert!(taken.annotations.iter().all(|a| a.id != Uuid::from_u128(1)));
}

#[test]
fn the_store_settles_conflicts_in_one_undo_step_each() {
    let document = article();
    let base = with(vec![annotation(1, 1, &["claim"], "أصل", 100)]);
    let mut ours = base.clone();
    ours.annotations[0] = annotation(1, 1, &["claim"], "ملاحظتنا", 300);
    let mut theirs = base.clone();
    theirs.annotations[0] = annotation(1, 1, &["claim"], "ملاحظتهم", 200);
    let (merged, _) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    assert_eq!(merged.conflicts.len(), 1);
    let original = merged.conflicts[0].clone();
    let (mut store, _) =
        AnnotationStore::from_sidecar(merged, &document, "سارة", Availability::Editable);
    let note = |store: &AnnotationStore| store.annotations()[0].note.clone();
    assert_eq!(note(&store), "ملاحظتنا");

    store.take_conflict(&document, &original).unwrap();
    assert_eq!(note(&store), "ملاحظتهم");
    assert_eq!(
        store.sidecar().conflicts[0].value,
        serde_json::json!("ملاحظتنا")
    );
    // The entry it was is gone: taking it again is refused, nothing changes.
    let revision = store.revision();
    assert!(store.take_conflict(&document, &original).is_err());
    assert_eq!(store.revision(), revision);
    assert!(store.undo(&document));
    assert_eq!(note(&store), "ملاحظتنا");
    assert_eq!(store.sidecar().conflicts, std::slice::from_ref(&original));
    assert!(store.redo(&document));
    assert_eq!(note(&store), "ملاحظتهم");
    assert!(store.undo(&document));

    store.dismiss_conflict(&original).unwrap();
    assert!(store.sidecar().conflicts.is_empty());
    assert_eq!(note(&store), "ملاحظتنا");
    assert!(store.undo(&document));
    assert_eq!(store.sidecar().conflicts, [original]);
    assert!(!store.can_undo(), "each was one step");
}

// ---------------------------------------------------------------------------------------
// Property: nothing added on either side is lost

#[derive(Clone, Debug)]
enum Edit {
    Add {
        paragraph: usize,
        span: bool,
        labels: Vec<usize>,
    },
    Delete(usize),
    Relabel(usize, Vec<usize>),
    Note(usize, String),
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    let labels = prop::collection::vec(0usize..7, 0..3);
    prop_oneof![
        (0usize..8, any::<bool>(), labels.clone()).prop_map(|(paragraph, span, labels)| {
            Edit::Add {
                paragraph,
                span,
                labels,
            }
        }),
        (0usize..20).prop_map(Edit::Delete),
        (0usize..20, labels).prop_map(|(i, l)| Edit::Relabel(i, l)),
        (0usize..20, "[ا-ي ]{0,8}").prop_map(|(i, n)| Edit::Note(i, n)),
    ]
}

fn label_ids(scheme: &LabelScheme, picks: &[usize]) -> Vec<String> {
    let mut ids: Vec<String> = picks
        .iter()
        .filter_map(|&i| scheme.labels.get(i).map(|l| l.id.clone()))
        .collect();
    ids.dedup();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        ids.push("claim".to_owned());
    }
    ids
}

/// Applies `edits` as one annotator would, with ids and times from `seed`.
fn apply_edits(base: &Sidecar, edits: &[Edit], side: u128, clock: &mut i64) -> Sidecar {
    let mut sidecar = base.clone();
    let scheme = sidecar.label_scheme.clone();
    for (n, edit) in edits.iter().enumerate() {
        *clock += 1 + (n as i64 % 3);
        if sidecar.annotations.is_empty() && !matches!(edit, Edit::Add { .. }) {
            continue;
        }
        let time = jiff::Timestamp::from_second(*clock).unwrap();
        match edit {
            Edit::Add {
                paragraph,
                span,
                labels,
            } => {
                let id = (side << 64) | n as u128;
                let mut new = annotation(id, *paragraph, &[], "", *clock);
                new.labels = label_ids(&scheme, labels);
                new.created = time;
                new.author = format!("side-{side}");
                if *span {
                    new.target.position.start += 1 + n;
                    new.target.position.end = new.target.position.start + 3;
                } else {
                    new.target.kind = TargetKind::Paragraph;
                    new.target.position.end = new.target.position.start + 50;
                    new.target.paragraph_sha256 = format!("p{paragraph}");
                }
                sidecar.annotations.push(new);
            }
            Edit::Delete(i) => {
                let gone = sidecar.annotations.remove(i % sidecar.annotations.len());
                sidecar.deleted.push(hashiya::annotation::Deletion {
                    id: gone.id,
                    deleted: time,
                });
            }
            Edit::Relabel(i, labels) => {
                let len = sidecar.annotations.len();
                let target = &mut sidecar.annotations[i % len];
                target.labels = label_ids(&scheme, labels);
                target.modified = time;
            }
            Edit::Note(i, note) => {
                let len = sidecar.annotations.len();
                let target = &mut sidecar.annotations[i % len];
                target.note.clone_from(note);
                target.modified = time;
            }
        }
    }
    sidecar
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn merge_keeps_every_annotation_added_on_either_side(
        base_edits in prop::collection::vec(arb_edit(), 0..6),
        ours_edits in prop::collection::vec(arb_edit(), 0..10),
        theirs_edits in prop::collection::vec(arb_edit(), 0..10),
    ) {
        let empty = with(Vec::new());
        let mut clock = 1_000;
        let base = apply_edits(&empty, &base_edits, 1, &mut clock);
        let start = clock;
        let ours = apply_edits(&base, &ours_edits, 2, &mut clock);
        // The other annotator works at the same time.
        let mut clock = start;
        let theirs = apply_edits(&base, &theirs_edits, 3, &mut clock);
        let (merged, _) = merge_recording_conflicts(&ours, &theirs, Some(&base));
        let (reverse, _) = merge_recording_conflicts(&theirs, &ours, Some(&base));
        prop_assert_eq!(sidecar::to_json(&merged), sidecar::to_json(&reverse));
        let base_ids: std::collections::HashSet<Uuid> =
            base.annotations.iter().map(|a| a.id).collect();
        for added in ours.annotations.iter().chain(&theirs.annotations) {
            if base_ids.contains(&added.id) {
                continue;
            }
            let present = merged.annotations.iter().any(|a| a.id == added.id);
            // Two whole-paragraph annotations of one paragraph become one that holds both.
            let folded = added.is_paragraph_level()
                && merged.annotations.iter().any(|a| {
                    a.is_paragraph_level()
                        && a.target.position == added.target.position
                        && added.labels.iter().all(|l| a.labels.contains(l))
                        && a.note.contains(added.note.trim())
                })
                && merged.deleted.iter().any(|d| d.id == added.id);
            prop_assert!(present || folded, "lost {:?}", added);
        }
        // Every conflict is about an annotation that is there.
        for kept in &merged.conflicts {
            prop_assert!(merged.annotations.iter().any(|a| a.id == kept.annotation));
        }
        // Deleted on one side and untouched on the other: gone.
        for gone in &base.annotations {
            let in_ours = ours.annotations.iter().find(|a| a.id == gone.id);
            let in_theirs = theirs.annotations.iter().find(|a| a.id == gone.id);
            let untouched_other = match (in_ours, in_theirs) {
                (None, Some(other)) | (Some(other), None) => other == gone,
                (None, None) => true,
                _ => false,
            };
            if untouched_other {
                prop_assert!(merged.annotations.iter().all(|a| a.id != gone.id));
            }
        }
        // Merging the result again with either side changes nothing more.
        let (again, _) = merge_recording_conflicts(&merged, &ours, Some(&ours));
        prop_assert_eq!(sidecar::to_json(&again), sidecar::to_json(&merged));
    }
}

// ---------------------------------------------------------------------------------------
// The command line

#[test]
fn merge_driver_refuses_unreadable_inputs_naming_them_and_leaves_ours_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixtures().join("previous-version.json");
    let ours = dir.path().join("ours.json");
    std::fs::copy(&good, &ours).unwrap();
    let damaged = dir.path().join("damaged.json");
    std::fs::write(
        &damaged,
        "{\"format\": \"hashiya-annotations\", \"version\": 1,",
    )
    .unwrap();
    let newer = dir.path().join("newer.json");
    std::fs::write(
        &newer,
        std::fs::read_to_string(&good)
            .unwrap()
            .replace("\"version\": 1", "\"version\": 99"),
    )
    .unwrap();
    let cases: [(&Path, &Path, &str, &Path); 3] = [
        (&damaged, &good, "common ancestor (BASE)", &damaged),
        (&good, &damaged, "their version (THEIRS)", &damaged),
        (&good, &newer, "their version (THEIRS)", &newer),
    ];
    for (base, theirs, role, bad) in cases {
        let output = Command::new(HASHIYA)
            .args(["merge-sidecar"])
            .arg(base)
            .arg(&ours)
            .arg(theirs)
            .arg("articles/iphone.txt.annotations.json")
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(role), "{stderr}");
        assert!(
            stderr.contains("articles/iphone.txt.annotations.json"),
            "{stderr}"
        );
        assert!(stderr.contains(&bad.display().to_string()), "{stderr}");
        assert_eq!(std::fs::read(&ours).unwrap(), std::fs::read(&good).unwrap());
    }
    // Our own copy damaged: named too.
    let output = Command::new(HASHIYA)
        .arg("merge-sidecar")
        .arg(&good)
        .arg(&damaged)
        .arg(&good)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("our version (OURS)"));
    // A missing common ancestor (an empty file, as git gives) merges without one.
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "").unwrap();
    let output = Command::new(HASHIYA)
        .arg("merge-sidecar")
        .arg(&empty)
        .arg(&ours)
        .arg(&good)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        std::fs::read_to_string(&ours).unwrap(),
        sidecar::to_json(&read_sidecar(&good))
    );
}

#[test]
fn show_sidecar_prints_one_line_per_annotation() {
    let output = Command::new(HASHIYA)
        .arg("show-sidecar")
        .arg(fixtures().join("previous-version.json"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("article iphone.txt (8 paragraphs), labels: claim, quotation"));
    assert!(
        lines[1]
            .starts_with("¶2 [claim, event] note: \"الخبر منقول عن \"CNN\"\\nسطر ثان\" quote: \"")
    );
    assert!(lines[2].starts_with("¶3 [quotation] quote: "));
    assert!(lines[3].contains("[place]") && lines[3].ends_with("colour: #edae49"));
    let output = Command::new(HASHIYA)
        .arg("show-sidecar")
        .arg(fixtures().join(ARTICLE))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains(ARTICLE));
}

#[test]
fn git_setup_refuses_outside_a_work_tree_and_is_idempotent_inside() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let outside = git.hashiya(root.path(), &["git-setup"]);
    assert!(!outside.status.success());
    let stderr = String::from_utf8_lossy(&outside.stderr);
    assert!(stderr.contains("not inside a git work tree"), "{stderr}");
    assert!(!root.path().join(".gitattributes").exists());

    git.run(
        root.path(),
        "x",
        &["-c", "init.defaultBranch=main", "init", "-q", "repo"],
    );
    let repo = root.path().join("repo");
    std::fs::create_dir(repo.join("articles")).unwrap();
    std::fs::write(repo.join(".gitattributes"), "*.docx binary\n").unwrap();
    let first = git.hashiya(&repo.join("articles"), &["git-setup"]);
    assert!(first.status.success(), "{first:?}");
    let attributes = std::fs::read_to_string(repo.join(".gitattributes")).unwrap();
    assert!(attributes.starts_with("*.docx binary\n"));
    assert!(attributes.contains("\n*.annotations.json merge=hashiya diff=hashiya\n"));
    assert!(attributes.contains("\n*.annotations.*.json merge=hashiya diff=hashiya\n"));
    let driver = git.run(&repo, "x", &["config", "--local", "merge.hashiya.driver"]);
    let executable = std::fs::canonicalize(HASHIYA).unwrap();
    assert_eq!(
        driver.trim_end(),
        format!("'{}' merge-sidecar %O %A %B %P", executable.display())
    );
    let textconv = git.run(&repo, "x", &["config", "--local", "diff.hashiya.textconv"]);
    assert_eq!(
        textconv.trim_end(),
        format!("'{}' show-sidecar", executable.display())
    );
    let checked = git.run(
        &repo,
        "x",
        &[
            "check-attr",
            "merge",
            "diff",
            "--",
            "articles/a.txt.annotations.sara.json",
        ],
    );
    assert!(
        checked.contains("merge: hashiya") && checked.contains("diff: hashiya"),
        "{checked}"
    );

    let config = std::fs::read(repo.join(".git/config")).unwrap();
    let second = git.hashiya(&repo, &["git-setup"]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("already set up"));
    assert_eq!(
        std::fs::read_to_string(repo.join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(std::fs::read(repo.join(".git/config")).unwrap(), config);
}

// ---------------------------------------------------------------------------------------
// Real git: clones, pushes and pulls

#[test]
fn two_annotators_of_different_paragraphs_pull_without_conflicts() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let clones = team(&git, root.path(), &["sara", "omar"]);
    let (sara, omar) = (&clones[0], &clones[1]);
    let document = article();
    let mut store = open_store(&sara.join(SIDECAR), &document, "sara");
    store.toggle_label(&document, 1, "claim").unwrap();
    store.toggle_label(&document, 2, "quotation").unwrap();
    save(&store, &sara.join(SIDECAR));
    commit_all(&git, sara, "sara", "Sara's annotations");
    let mut store = open_store(&omar.join(SIDECAR), &document, "omar");
    store.toggle_label(&document, 4, "event").unwrap();
    store.set_note(&document, 5, "رقم المبيعات").unwrap();
    store.end_note_editing();
    save(&store, &omar.join(SIDECAR));
    commit_all(&git, omar, "omar", "Omar's annotations");

    git.run(sara, "sara", &["push", "-q", "origin", "main"]);
    git.run(
        omar,
        "omar",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    let merged = read_sidecar(&omar.join(SIDECAR));
    assert_eq!(merged.annotations.len(), 4);
    assert_eq!(labels_of(&merged, 1), ["claim"]);
    assert_eq!(labels_of(&merged, 2), ["quotation"]);
    assert_eq!(labels_of(&merged, 4), ["event"]);
    assert!(merged.annotations.iter().any(|a| a.note == "رقم المبيعات"));
    assert!(merged.conflicts.is_empty());
    let status = git.run(omar, "omar", &["status", "--porcelain"]);
    assert!(status.is_empty(), "clean after the merge: {status}");
    // The merge commit holds the canonical file.
    let committed = git.run(omar, "omar", &["show", &format!("HEAD:{SIDECAR}")]);
    assert_eq!(committed, sidecar::to_json(&merged));

    git.run(omar, "omar", &["push", "-q", "origin", "main"]);
    git.run(
        sara,
        "sara",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    assert_eq!(
        std::fs::read(sara.join(SIDECAR)).unwrap(),
        std::fs::read(omar.join(SIDECAR)).unwrap()
    );
    // git diff reads like a list of annotations.
    let mut store = open_store(&sara.join(SIDECAR), &document, "sara");
    store.set_note(&document, 1, "مصدر مجهول").unwrap();
    save(&store, &sara.join(SIDECAR));
    let diff = git.run(sara, "sara", &["diff"]);
    assert!(diff.contains("-¶2 [claim] quote: "), "{diff}");
    assert!(
        diff.contains("+¶2 [claim] note: \"مصدر مجهول\" quote: "),
        "{diff}"
    );
    assert!(!diff.contains("\"modified\""), "{diff}");
    // The window's folder list can tell which sidecars are not committed.
    let uncommitted = hashiya::gitstore::uncommitted_sidecars(sara).unwrap();
    assert_eq!(
        uncommitted,
        [std::fs::canonicalize(sara).unwrap().join(SIDECAR)]
    );
}

/// Both annotators relabel the same paragraph; `first` pushes first. Returns the merged file.
fn both_relabel(first: &str, second: &str) -> String {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let clones = team(&git, root.path(), &["start-annotator", first, second]);
    let document = article();
    // A shared annotation both start from.
    let mut store = open_store(&clones[0].join(SIDECAR), &document, "start");
    store.toggle_label(&document, 3, "claim").unwrap();
    // The same id and times in every run, so two runs can be compared byte for byte.
    let mut start = store.sidecar().clone();
    let id = Uuid::from_u128(42);
    start.annotations[0].id = id;
    start.annotations[0].created = jiff::Timestamp::from_second(1_900_000_000).unwrap();
    start.annotations[0].modified = start.annotations[0].created;
    std::fs::write(clones[0].join(SIDECAR), sidecar::to_json(&start)).unwrap();
    commit_all(&git, &clones[0], "start", "Start");
    git.run(&clones[0], "start", &["push", "-q", "origin", "main"]);
    let times = [("sara", 2_000_000_000), ("omar", 2_000_000_100)];
    for (clone, name) in [(&clones[1], first), (&clones[2], second)] {
        git.run(
            clone,
            name,
            &["pull", "-q", "--no-rebase", "origin", "main"],
        );
        let mut sidecar = read_sidecar(&clone.join(SIDECAR));
        let annotation = sidecar.annotations.iter_mut().find(|a| a.id == id).unwrap();
        annotation.labels = vec![if name == "sara" { "event" } else { "opinion" }.to_owned()];
        name.clone_into(&mut annotation.author);
        let time = times.iter().find(|(n, _)| *n == name).unwrap().1;
        annotation.modified = jiff::Timestamp::from_second(time).unwrap();
        std::fs::write(clone.join(SIDECAR), sidecar::to_json(&sidecar)).unwrap();
        commit_all(&git, clone, name, "Relabel");
    }
    git.run(&clones[1], first, &["push", "-q", "origin", "main"]);
    git.run(
        &clones[2],
        second,
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    let merged = read_sidecar(&clones[2].join(SIDECAR));
    // Omar relabelled later: his label wins, Sara's is kept.
    assert_eq!(labels_of(&merged, 3), ["opinion"]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].value, serde_json::json!(["event"]));
    assert_eq!(merged.conflicts[0].author, "sara");
    assert!(
        git.run(&clones[2], second, &["status", "--porcelain"])
            .is_empty()
    );
    std::fs::read_to_string(clones[2].join(SIDECAR)).unwrap()
}

#[test]
fn both_relabelling_one_annotation_is_deterministic_and_keeps_the_other_value() {
    assert_eq!(both_relabel("sara", "omar"), both_relabel("omar", "sara"));
}

#[test]
fn one_deletes_what_the_other_edited_through_git() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let clones = team(&git, root.path(), &["sara", "omar"]);
    let (sara, omar) = (&clones[0], &clones[1]);
    let document = article();
    let mut store = open_store(&sara.join(SIDECAR), &document, "sara");
    store.toggle_label(&document, 2, "claim").unwrap();
    store.toggle_label(&document, 6, "actor").unwrap();
    save(&store, &sara.join(SIDECAR));
    commit_all(&git, sara, "sara", "Two annotations");
    git.run(sara, "sara", &["push", "-q", "origin", "main"]);
    git.run(
        omar,
        "omar",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    // Omar adds a label; Sara then deletes the annotation.
    let mut store = open_store(&omar.join(SIDECAR), &document, "omar");
    store.toggle_label(&document, 2, "place").unwrap();
    save(&store, &omar.join(SIDECAR));
    commit_all(&git, omar, "omar", "More labels");
    std::thread::sleep(std::time::Duration::from_millis(5));
    let mut store = open_store(&sara.join(SIDECAR), &document, "sara");
    let id = store.paragraph_annotation(2).unwrap().id;
    store.delete(&document, id).unwrap();
    save(&store, &sara.join(SIDECAR));
    commit_all(&git, sara, "sara", "Not a claim");
    git.run(sara, "sara", &["push", "-q", "origin", "main"]);
    git.run(
        omar,
        "omar",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    let merged = read_sidecar(&omar.join(SIDECAR));
    let kept = merged.annotations.iter().find(|a| a.id == id).unwrap();
    assert_eq!(kept.labels, ["claim", "place"], "Omar's version, whole");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, field::DELETED);
    assert_eq!(labels_of(&merged, 6), ["actor"]);
}

#[test]
fn a_previous_version_sidecar_merges_with_a_current_one() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let clones = team(&git, root.path(), &["sara", "omar"]);
    let (sara, omar) = (&clones[0], &clones[1]);
    // The file as the previous version wrote it is committed.
    let previous = std::fs::read_to_string(fixtures().join("previous-version.json")).unwrap();
    std::fs::write(sara.join(SIDECAR), &previous).unwrap();
    commit_all(&git, sara, "sara", "Annotations from the previous version");
    git.run(sara, "sara", &["push", "-q", "origin", "main"]);
    git.run(
        omar,
        "omar",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    // Sara still runs the previous version: she edits the note in its layout (labels in
    // the order given, no conflicts list).
    let edited = previous.replacen("سطر ثان", "سطر ثان معدل", 1);
    assert_ne!(edited, previous);
    std::fs::write(sara.join(SIDECAR), &edited).unwrap();
    commit_all(&git, sara, "sara", "Note");
    git.run(sara, "sara", &["push", "-q", "origin", "main"]);
    // Omar runs this version.
    let document = article();
    let mut store = open_store(&omar.join(SIDECAR), &document, "omar");
    store.toggle_label(&document, 7, "statistic").unwrap();
    store.toggle_label(&document, 3, "actor").unwrap();
    save(&store, &omar.join(SIDECAR));
    commit_all(&git, omar, "omar", "Current version");
    git.run(
        omar,
        "omar",
        &["pull", "-q", "--no-rebase", "origin", "main"],
    );
    let merged = read_sidecar(&omar.join(SIDECAR));
    assert_eq!(merged.annotations.len(), 4);
    assert_eq!(labels_of(&merged, 1), ["claim", "event"]);
    assert!(
        merged
            .annotations
            .iter()
            .any(|a| a.note.ends_with("سطر ثان معدل"))
    );
    assert_eq!(labels_of(&merged, 3), ["actor", "place"]);
    assert_eq!(labels_of(&merged, 7), ["statistic"]);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.deleted.len(), 1, "the old deletion is remembered");
}

/// The steps of the README's "Sharing annotations through git" section, as a new team runs
/// them (the shared remote is a bare repository in a folder).
#[test]
fn readme_steps_for_a_new_team() {
    let git = Git::new();
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    // The shared remote (on a server: created there, or on GitHub/GitLab).
    git.run(
        root,
        "lead",
        &[
            "-c",
            "init.defaultBranch=main",
            "init",
            "-q",
            "--bare",
            "team.git",
        ],
    );
    let url = root.join("team.git");
    let url = url.to_str().unwrap();
    // 1. Whoever starts the project.
    git.run(root, "lead", &["init", "-b", "main", "corpus"]);
    let corpus = root.join("corpus");
    std::fs::copy(fixtures().join(ARTICLE), corpus.join(ARTICLE)).unwrap();
    assert!(git.hashiya(&corpus, &["git-setup"]).status.success());
    git.run(&corpus, "lead", &["add", "."]);
    git.run(&corpus, "lead", &["commit", "-m", "Articles"]);
    git.run(&corpus, "lead", &["remote", "add", "origin", url]);
    git.run(&corpus, "lead", &["push", "-u", "origin", "main"]);
    // 2. Each annotator clones and sets up their clone.
    let mut clones = Vec::new();
    for name in ["sara", "omar"] {
        let home = root.join(format!("home-{name}"));
        std::fs::create_dir(&home).unwrap();
        git.run(&home, name, &["clone", url, "corpus"]);
        let clone = home.join("corpus");
        assert!(git.hashiya(&clone, &["git-setup"]).status.success());
        clones.push((name, clone));
    }
    // 3. They annotate: Sara in Team Mode (her own file), both in the shared file.
    let document = article();
    for (name, clone) in &clones {
        let paragraph = if *name == "sara" { 1 } else { 6 };
        let mut shared = open_store(&clone.join(SIDECAR), &document, name);
        shared.toggle_label(&document, paragraph, "event").unwrap();
        save(&shared, &clone.join(SIDECAR));
        if *name == "sara" {
            let own = sidecar::annotator_sidecar_path(&clone.join(ARTICLE), name);
            let mut mine = open_store(&own, &document, name);
            mine.toggle_label(&document, 2, "claim").unwrap();
            save(&mine, &own);
        }
    }
    // 4. Commit, pull, push; in either order.
    for (name, clone) in &clones {
        git.run(clone, name, &["add", "."]);
        git.run(clone, name, &["commit", "-m", "Annotations"]);
        git.run(clone, name, &["pull", "--no-rebase"]);
        git.run(clone, name, &["push"]);
    }
    let (_, sara) = &clones[0];
    git.run(sara, "sara", &["pull", "--no-rebase"]);
    for (_, clone) in &clones {
        let shared = read_sidecar(&clone.join(SIDECAR));
        assert_eq!(labels_of(&shared, 1), ["event"]);
        assert_eq!(labels_of(&shared, 6), ["event"]);
        let own = read_sidecar(&clone.join("iphone.txt.annotations.sara.json"));
        assert_eq!(labels_of(&own, 2), ["claim"]);
        let log = git.run(clone, "x", &["log", "--oneline"]);
        assert_eq!(
            log.lines().count(),
            4,
            "articles, two annotations, one merge: {log}"
        );
    }
}
