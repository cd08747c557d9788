//! Spans in the team windows through the GUI with `egui_kittest`: the Agreement window's
//! Span tab shows the figures `hashiya agreement --level span --json` prints for the same
//! folder, measures again through a command, and can be cancelled; the Compare window's
//! Spans view lists span disagreements, and taking a version (by button or key) writes the
//! gold sidecar (with the relations between the passages taken) as one undoable step.

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::sidecar::{self, annotator_sidecar_path};
use hashiya::annotation::{AnnotationStore, LabelScheme, TargetKey};
use hashiya::app::command::AgreementLevel;
use hashiya::app::{Command, FixedPicker, HashiyaApp, UiCommand};
use hashiya::span_agreement::Span;
use hashiya::span_agreement::compare::gold_spans;
use serde_json::Value;

use common::{app, corpus, harness, press_with, settings_by, wait_for_agreement, wait_for_folder};

const WINDOW: egui::Vec2 = egui::vec2(1300.0, 900.0);

/// Writes `annotator`'s sidecar for `article`: each `(paragraph, start, end, label)` marks
/// code points `start..end` of that paragraph with the label; each `(source, target, type)`
/// relates two of those passages (indices into `spans`).
fn annotate_spans(
    article: &Path,
    annotator: &str,
    spans: &[(usize, usize, usize, &str)],
    relations: &[(usize, usize, &str)],
) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), annotator);
    let mut ids = Vec::new();
    for &(paragraph, start, end, label) in spans {
        let range = &document.paragraphs[paragraph].byte_range;
        let text = &document.text[range.clone()];
        let byte = |chars: usize| {
            range.start
                + text
                    .char_indices()
                    .nth(chars)
                    .map_or(text.len(), |(b, _)| b)
        };
        let key = TargetKey::Span {
            paragraph,
            bytes: byte(start)..byte(end),
        };
        store.toggle_label(&document, key.clone(), label).unwrap();
        ids.push(store.annotation_for(&document, &key).unwrap().id);
    }
    for &(source, target, kind) in relations {
        store.add_relation(ids[source], ids[target], kind).unwrap();
    }
    std::fs::write(
        annotator_sidecar_path(article, annotator),
        sidecar::to_json(store.sidecar()),
    )
    .unwrap();
}

/// A folder in Team Mode: the Raqqa article with alice's and بلال's spans (agreeing on
/// one, differing in boundary, type and presence on the others) and a damaged sidecar of
/// omar's; a second article with only alice's file.
fn span_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("raqqa.txt");
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    let other = dir.path().join("iphone.txt");
    std::fs::copy(
        corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt"),
        &other,
    )
    .unwrap();
    annotate_spans(
        &article,
        "alice",
        &[
            (1, 0, 10, "claim"),
            (2, 5, 20, "actor"),
            (3, 0, 30, "event"),
            (4, 2, 12, "place"),
        ],
        &[(0, 1, "source")],
    );
    annotate_spans(
        &article,
        "بلال",
        &[
            (1, 0, 10, "claim"),
            (2, 5, 20, "place"),
            (3, 4, 30, "event"),
            (5, 0, 8, "actor"),
        ],
        &[],
    );
    annotate_spans(&other, "alice", &[(1, 0, 5, "claim")], &[]);
    std::fs::write(annotator_sidecar_path(&article, "omar"), "{ not json").unwrap();
    (dir, article)
}

/// The app whose Open Folder dialog answers `folder`.
fn folder_app(folder: &Path) -> HashiyaApp {
    app(settings_by("adjudicator")).with_picker(FixedPicker {
        folder: Some(folder.to_owned()),
        ..FixedPicker::default()
    })
}

/// Opens the folder from the menu, then Corpus ▸ Agreement….
fn open_agreement(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(2);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Open Folder…").click();
    harness.run_steps(3);
    wait_for_folder(harness);
    harness.run_steps(3);
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Agreement…").click();
    harness.run_steps(2);
    wait_for_agreement(harness);
    harness.run_steps(2);
}

/// `hashiya agreement FOLDER --level span --json` with `args`.
fn cli_json(folder: &Path, args: &[&str]) -> Value {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(folder)
        .args(["--level", "span", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Waits for the Span tab's measurement, then lets the window show it.
fn wait_for_spans(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(1);
    harness
        .state_mut()
        .windows
        .agreement
        .as_mut()
        .unwrap()
        .spans
        .wait();
    harness.run_steps(3);
}

/// Every figure of the CLI's JSON is in the window, in its row and column.
fn assert_window_shows(harness: &Harness<'_, HashiyaApp>, json: &Value) {
    let rows: Vec<&Value> = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&json["overall"]])
        .collect();
    assert!(rows.len() > 2, "{json}");
    let mut numbers = 0;
    for row in rows {
        let name = row["name"].as_str().unwrap();
        for (key, measure) in [
            ("exact_f1", "Exact F1"),
            ("partial_f1", "Partial F1"),
            ("gamma", "γ"),
            ("alpha_u", "αU"),
        ] {
            let text = match row[key].as_f64() {
                Some(value) => {
                    numbers += 1;
                    format!("{value:.3}")
                }
                None => {
                    let why = row["no_value"][key].as_str().unwrap_or("");
                    let mark = match why {
                        "no-spans" => "a",
                        "no-variation" => "b",
                        "no-complete-articles" => "c",
                        _ => "",
                    };
                    format!("—{mark}")
                }
            };
            harness.get_by_label(&format!("{measure}, {name}: {text}"));
        }
    }
    assert!(numbers >= 8, "{json}");
    let annotators: Vec<&str> = json["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(annotators, ["alice", "بلال"]);
    harness.get_by_label_contains(&format!(
        "annotated by 2 annotator(s): alice, بلال. {} span(s).",
        json["items"]
    ));
    harness.get_by_label(&format!(
        "γ's expected disorder from {} sampled continua, seed {}.",
        json["samples"], json["seed"]
    ));
    let skipped = json["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{json}");
    assert!(skipped[0].as_str().unwrap().contains("omar"));
    harness.get_by_label_contains(&format!("Left out: {}", skipped[0].as_str().unwrap()));
}

#[test]
fn the_span_tab_shows_the_figures_of_the_command_line() {
    let (dir, _) = span_folder();
    let mut harness = harness(folder_app(dir.path()), WINDOW);
    open_agreement(&mut harness);
    harness.state_mut().take_applied_commands();
    // The first look at the tab measures, with the command line's default seed and samples.
    harness.get_by_label("Spans").click();
    wait_for_spans(&mut harness);
    let defaults = cli_json(dir.path(), &[]);
    assert_window_shows(&harness, &defaults);
    let applied = harness.state_mut().take_applied_commands();
    assert!(
        applied.contains(&Command::MeasureAgreement(AgreementLevel::Spans {
            seed: defaults["seed"].as_u64().unwrap(),
            samples: 30,
        })),
        "{applied:?}"
    );

    // Another seed and sample count: measured again through the command, as the CLI does.
    {
        let spans = &mut harness
            .state_mut()
            .windows
            .agreement
            .as_mut()
            .unwrap()
            .spans;
        spans.seed = 9;
        spans.samples = 7;
    }
    harness.run_steps(1);
    harness.get_by_label("Measure again").click();
    wait_for_spans(&mut harness);
    assert_eq!(
        harness.state_mut().take_applied_commands(),
        [Command::MeasureAgreement(AgreementLevel::Spans {
            seed: 9,
            samples: 7
        })]
    );
    let other = cli_json(dir.path(), &["--seed", "9", "--samples", "7"]);
    assert_ne!(other["overall"]["gamma"], defaults["overall"]["gamma"]);
    assert_window_shows(&harness, &other);

    // The paragraph tab's Measure again is a command too.
    harness.get_by_label("Paragraphs").click();
    harness.run_steps(4);
    // The window settles to the paragraph table's size first.
    harness.get_by_label("Measure again").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state_mut().take_applied_commands(),
        [Command::MeasureAgreement(AgreementLevel::Paragraphs)]
    );
    let window = harness.state_mut().windows.agreement.as_mut().unwrap();
    window.wait();
    assert!(window.report.is_some());
}

#[test]
fn cancelling_stops_the_span_measurement() {
    let (dir, _) = span_folder();
    let mut harness = harness(folder_app(dir.path()), WINDOW);
    open_agreement(&mut harness);
    // Enough samples that the measurement is still running when Cancel is pressed.
    harness
        .state_mut()
        .windows
        .agreement
        .as_mut()
        .unwrap()
        .spans
        .samples = 1_000_000;
    harness.get_by_label("Spans").click();
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .windows
            .agreement
            .as_ref()
            .unwrap()
            .spans
            .running()
    );
    harness.state_mut().take_applied_commands();
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state_mut().take_applied_commands(),
        [Command::CancelAgreement]
    );
    let spans = &harness.state().windows.agreement.as_ref().unwrap().spans;
    assert!(!spans.running());
    assert!(spans.cancelled);
    assert!(spans.report.is_none());
    harness.get_by_label("Cancelled. Measure again to start over.");
    assert!(harness.query_by_label("Cancel").is_none());
}

/// The gold sidecar's spans in the open article.
fn gold(harness: &Harness<'_, HashiyaApp>) -> Vec<Span> {
    gold_spans(common::session(harness).annotations.store())
}

/// The gold sidecar's relations as "type: source labels → target labels".
fn relations(harness: &Harness<'_, HashiyaApp>) -> Vec<String> {
    let store = common::session(harness).annotations.store();
    let labels = |id| {
        store
            .annotation(id)
            .map(|a| a.labels.join(" "))
            .unwrap_or_default()
    };
    store
        .relations()
        .iter()
        .map(|r| {
            format!(
                "{}: {} → {}",
                r.relation_type,
                labels(r.source),
                labels(r.target)
            )
        })
        .collect()
}

/// The adjudicator's app on `article`, with Corpus ▸ Compare Annotators… showing spans
/// (and the commands carried out recorded from the start).
fn compare_spans(article: &Path) -> Harness<'static, HashiyaApp> {
    let mut app = app(settings_by("adjudicator"));
    app.open_blocking(article);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(3);
    harness.state_mut().take_applied_commands();
    harness.get_by_label("Corpus").click();
    harness.run_steps(2);
    harness.get_by_label("Compare Annotators…").click();
    harness.run_steps(3);
    harness.get_by_label("Spans").click();
    harness.run_steps(3);
    harness
}

#[test]
fn adjudicating_span_disagreements_writes_the_gold_sidecar_and_undo_reverts_it() {
    let (_dir, article) = span_folder();
    let annotators = [
        std::fs::read(annotator_sidecar_path(&article, "alice")).unwrap(),
        std::fs::read(annotator_sidecar_path(&article, "بلال")).unwrap(),
    ];
    let mut harness = compare_spans(&article);
    harness.get_by_label_contains("5 units of overlapping spans, 4 with disagreement.");
    harness.get_by_label("¶ 2 · agreed");
    harness.get_by_label("¶ 3 · type");
    harness.get_by_label("¶ 4 · boundary");
    assert_eq!(harness.query_all_by_label("¶ 5 · missing").count(), 1);
    harness.get_by_label("¶ 6 · missing");
    // omar's damaged file is named, not compared.
    harness.get_by_label_contains("Left out: omar");

    let compare = harness.state().windows.compare.as_ref().unwrap();
    let units = compare.spans.comparison.units.clone();
    assert!(gold(&harness).is_empty());

    // Alt+N goes to the first disagreement (¶ 3, type); Alt+2 takes بلال's «place».
    press_with(&mut harness, Modifiers::ALT, Key::N, 2);
    assert_eq!(
        harness
            .state()
            .windows
            .compare
            .as_ref()
            .unwrap()
            .spans
            .current,
        Some(1)
    );
    press_with(&mut harness, Modifiers::ALT, Key::Num2, 2);
    assert_eq!(gold(&harness), units[1].versions[1]);
    assert_eq!(gold(&harness)[0].label, "place");
    harness.get_by_label("بلال (chosen)");
    // Then ¶ 4 (boundary): take alice's by the button.
    press_with(&mut harness, Modifiers::ALT, Key::N, 2);
    harness
        .get_all_by_label("Take alice")
        .nth(2)
        .unwrap()
        .click();
    harness.run_steps(2);
    let mut expected: Vec<Span> = units[1].versions[1]
        .iter()
        .chain(&units[2].versions[0])
        .cloned()
        .collect();
    expected.sort();
    assert_eq!(gold(&harness), expected);

    // Alt+2 on ¶ 4 takes بلال's boundaries instead, replacing alice's.
    press_with(&mut harness, Modifiers::ALT, Key::Num2, 2);
    let mut swapped: Vec<Span> = units[1].versions[1]
        .iter()
        .chain(&units[2].versions[1])
        .cloned()
        .collect();
    swapped.sort();
    assert_eq!(gold(&harness), swapped);

    // Each decision is one undo step.
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert_eq!(gold(&harness), expected);
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert_eq!(gold(&harness), units[1].versions[1]);

    // Saved as the article's own sidecar; the annotators' files are untouched.
    press_with(&mut harness, Modifiers::COMMAND, Key::S, 3);
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&article))
        .unwrap()
        .expect("gold sidecar written");
    let labels: Vec<Vec<String>> = saved.annotations.iter().map(|a| a.labels.clone()).collect();
    assert_eq!(labels, [vec!["place".to_owned()]]);
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert!(gold(&harness).is_empty());
    press_with(&mut harness, Modifiers::COMMAND, Key::S, 3);
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&article))
        .unwrap()
        .expect("gold sidecar kept");
    assert!(saved.annotations.is_empty());
    assert_eq!(
        [
            std::fs::read(annotator_sidecar_path(&article, "alice")).unwrap(),
            std::fs::read(annotator_sidecar_path(&article, "بلال")).unwrap(),
        ],
        annotators
    );

    // Accept all from alice is one step, her relation (claim → actor) carried along.
    assert!(relations(&harness).is_empty());
    harness.get_by_label("Accept all spans from alice").click();
    harness.run_steps(2);
    let mut alice: Vec<Span> = units.iter().flat_map(|u| u.versions[0].clone()).collect();
    alice.sort();
    assert_eq!(gold(&harness), alice);
    assert_eq!(relations(&harness), ["source: claim → actor"]);
    let store = common::session(&harness).annotations.store();
    assert!(store.scheme().relation_type("source").is_some());
    press_with(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert!(gold(&harness).is_empty());
    assert!(relations(&harness).is_empty());
    assert!(
        harness
            .state_mut()
            .take_applied_commands()
            .contains(&Command::Ui(UiCommand::TakeAnnotator2))
    );
}

#[test]
fn span_decisions_are_refused_in_team_mode() {
    let (_dir, article) = span_folder();
    let mut settings = settings_by("alice");
    settings.team_mode = true;
    let mut app = app(settings);
    app.open_blocking(&article);
    let mut harness = harness(app, WINDOW);
    harness.run_steps(3);
    harness.state_mut().push(UiCommand::CompareAnnotators);
    harness.run_steps(2);
    press_with(&mut harness, Modifiers::ALT, Key::N, 2);
    press_with(&mut harness, Modifiers::ALT, Key::Num1, 3);
    // Alice's own file is open: nothing changed in it, and the window says why.
    assert!(gold(&harness).len() == 4);
    let message = common::message(&harness);
    assert!(message.contains("Team Mode is on"), "{message}");
}
