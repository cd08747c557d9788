//! Folders of articles: listing, per-article summaries, annotators' sidecars, agreement over
//! the folder (command line, table and JSON) and exporting a whole folder.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use hashiya::annotation::sidecar::{self, annotator_sidecar_path};
use hashiya::annotation::{AnnotationStore, LabelScheme};
use hashiya::corpus::{NoValue, folder_agreement, index_article, list_articles};

use common::corpus;

/// Writes `annotator`'s sidecar for `article`, with `claim` on `claims` and `event` on `events`.
fn annotate(article: &Path, annotator: &str, claims: &[usize], events: &[usize]) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), annotator);
    for &p in claims {
        store.toggle_label(&document, p, "claim").unwrap();
    }
    for &p in events {
        store.toggle_label(&document, p, "event").unwrap();
    }
    std::fs::write(
        annotator_sidecar_path(article, annotator),
        sidecar::to_json(store.sidecar()),
    )
    .unwrap();
}

/// A folder of three articles (one in a subfolder, plus a hidden folder that is ignored).
fn team_folder() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("الأسبوع الأول")).unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    let articles = vec![
        dir.path().join("a-raqqa.txt"),
        dir.path().join("الأسبوع الأول/b-iphone.txt"),
        dir.path().join("c-algeria.txt"),
    ];
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &articles[0],
    )
    .unwrap();
    std::fs::copy(
        corpus("news/snn_alweeam_2015-08-08_1017_iphone6s_slash.txt"),
        &articles[1],
    )
    .unwrap();
    std::fs::copy(
        corpus("news/talaa_saidziani_algeria_short_news.txt"),
        &articles[2],
    )
    .unwrap();
    std::fs::write(dir.path().join(".git/ignored.txt"), "x").unwrap();
    std::fs::write(dir.path().join("notes.odt"), "x").unwrap();
    (dir, articles)
}

#[test]
fn folders_list_articles_and_summarise_them() {
    let (dir, articles) = team_folder();
    let mut expected = articles.clone();
    expected.sort();
    assert_eq!(list_articles(dir.path()), expected);
    annotate(&articles[0], "Sara Ali", &[5, 6], &[]);
    annotate(&articles[0], "بلال", &[5], &[7]);
    std::fs::write(sidecar::sidecar_path(&articles[0]), {
        let document = hashiya::document::load(&articles[0]).unwrap();
        let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "gold");
        store.toggle_label(&document, 9, "claim").unwrap();
        sidecar::to_json(store.sidecar())
    })
    .unwrap();
    let entry = index_article(&articles[0], None);
    assert_eq!(
        entry.title,
        "اجتماع التحالف الدولي بباريس: فرنسا تصوّب الأنظار إلى الرقة"
    );
    assert_eq!(entry.paragraphs, 18);
    assert_eq!(entry.annotated, 1, "the plain (gold) sidecar");
    assert_eq!(entry.annotators, ["sara-ali", "بلال"]);
    assert_eq!(index_article(&articles[0], Some("Sara Ali")).annotated, 2);
    assert_eq!(index_article(&articles[1], None).annotated, 0);
}

#[test]
fn agreement_over_a_folder_matches_hand_computed_values() {
    let (dir, articles) = team_folder();
    // Two annotators on two articles; the third article has one annotator only (ignored).
    annotate(&articles[0], "sara", &[3, 5, 6, 8], &[10]);
    annotate(&articles[0], "bilal", &[3, 5, 9], &[10]);
    annotate(&articles[1], "sara", &[1, 2], &[]);
    annotate(&articles[1], "bilal", &[1], &[]);
    annotate(&articles[2], "sara", &[1], &[]);
    let report = folder_agreement(dir.path());
    assert_eq!(report.annotators, ["bilal", "sara"]);
    assert_eq!(report.articles, 2);
    let paragraphs = 18
        + hashiya::document::load(&articles[1])
            .unwrap()
            .paragraphs
            .len();
    // claim: both 3 (3, 5 in article 0; 1 in article 1), sara only 3 (6, 8, 2), bilal only 1 (9).
    let (both, a_only, b_only) = (3.0, 3.0, 1.0);
    let n = paragraphs as f64;
    let neither = n - both - a_only - b_only;
    let observed = (both + neither) / n;
    let sara_yes = (both + a_only) / n;
    let bilal_yes = (both + b_only) / n;
    let expected = sara_yes * bilal_yes + (1.0 - sara_yes) * (1.0 - bilal_yes);
    let kappa = (observed - expected) / (1.0 - expected);
    let claim = report.labels.iter().find(|l| l.label == "claim").unwrap();
    assert_eq!(claim.items, paragraphs);
    assert!(
        (claim.cohen_kappa.unwrap() - kappa).abs() < 1e-12,
        "{claim:?} vs {kappa}"
    );
    // With two annotators and no missing ratings, Fleiss' κ uses pooled marginals.
    let pooled = f64::midpoint(sara_yes, bilal_yes);
    let chance = pooled * pooled + (1.0 - pooled) * (1.0 - pooled);
    assert!((claim.fleiss_kappa.unwrap() - (observed - chance) / (1.0 - chance)).abs() < 1e-12);
    assert!(claim.krippendorff_alpha.is_some());
    // event: perfect agreement.
    let event = report.labels.iter().find(|l| l.label == "event").unwrap();
    assert!((event.cohen_kappa.unwrap() - 1.0).abs() < 1e-12);
    assert_eq!(report.overall.items, paragraphs * report.labels.len());

    // The command line: a table, and JSON with the same numbers.
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains("Agreement over 2 article(s) annotated by 2 annotator(s): bilal, sara"),
        "{table}"
    );
    assert!(table.contains("ادعاء claim") && table.contains("Krippendorff α"));
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["agreement", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let claim_json = json["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["label"] == "claim")
        .unwrap();
    assert!((claim_json["cohen_kappa"].as_f64().unwrap() - kappa).abs() < 1e-12);
}

#[test]
fn agreement_without_two_annotators_says_so() {
    let (dir, articles) = team_folder();
    annotate(&articles[0], "sara", &[3], &[]);
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("at least two annotators"));
}

#[test]
fn a_folder_exports_as_one_csv_with_the_annotator_on_every_row() {
    let (dir, articles) = team_folder();
    annotate(&articles[0], "sara", &[3, 5], &[]);
    annotate(&articles[0], "bilal", &[3], &[]);
    annotate(&articles[1], "sara", &[1], &[7]);
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let authors: Vec<(&str, &str)> = rows.iter().map(|r| (&r[0], &r[11])).collect();
    assert_eq!(authors.iter().filter(|(_, a)| *a == "sara").count(), 4);
    assert_eq!(authors.iter().filter(|(_, a)| *a == "bilal").count(), 1);
    assert!(
        authors
            .iter()
            .any(|(article, _)| *article == "b-iphone.txt")
    );
}

#[test]
fn exporting_a_folder_without_annotations_fails_with_a_message() {
    let (dir, _articles) = team_folder();
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["export", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("no annotations files"), "{message}");
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
}

#[test]
fn corpus_search_stops_at_its_hit_limit() {
    let dir = tempfile::tempdir().unwrap();
    let raqqa = corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    let articles: Vec<PathBuf> = (0..3)
        .map(|i| {
            let path = dir.path().join(format!("{i}.txt"));
            std::fs::copy(&raqqa, &path).unwrap();
            path
        })
        .collect();
    let search = |limit: usize| {
        let mut calls = Vec::new();
        let searched = hashiya::corpus::search_articles(
            &articles,
            "الرقة",
            hashiya::arabic::search_folding(false),
            limit,
            |position, hits| {
                calls.push((position, hits.len()));
                true
            },
        );
        (searched, calls)
    };
    // Unlimited: every article, the same number of hits in each.
    let (searched, calls) = search(usize::MAX);
    assert_eq!(searched, 3);
    let per_article = calls[0].1;
    assert!(per_article >= 5, "{calls:?}");
    assert_eq!(
        calls,
        [(0, per_article), (1, per_article), (2, per_article)]
    );
    // A limit inside the second article: its hits are cut and the third is not read.
    let (searched, calls) = search(per_article + 2);
    assert_eq!(searched, 2);
    assert_eq!(calls, [(0, per_article), (1, 2)]);
}

#[test]
fn damaged_sidecars_are_reported_not_silently_skipped() {
    let (dir, articles) = team_folder();
    annotate(&articles[0], "sara", &[3, 5], &[]);
    annotate(&articles[0], "bilal", &[3], &[]);
    let damaged = annotator_sidecar_path(&articles[0], "omar");
    std::fs::write(&damaged, "{ not json").unwrap();
    std::fs::write(sidecar::sidecar_path(&articles[1]), "{ not json").unwrap();

    // The list shows the article, with its damaged annotations file flagged.
    let entry = index_article(&articles[1], None);
    assert!(entry.error.is_none());
    assert!(entry.paragraphs > 0);
    let problem = entry.sidecar_error.expect("damage reported");
    assert!(
        problem.contains("b-iphone.txt.annotations.json"),
        "{problem}"
    );
    assert!(index_article(&articles[0], None).sidecar_error.is_none());

    // Agreement is measured without it and says what it left out.
    let report = folder_agreement(dir.path());
    assert_eq!(report.annotators, ["bilal", "sara"]);
    assert_eq!(report.skipped.len(), 1, "{:?}", report.skipped);
    assert!(report.skipped[0].contains(&damaged.display().to_string()));
    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skipped") && stderr.contains("omar"),
        "{stderr}"
    );
}

/// Rewrites `article` without the text of its paragraphs `dropped`, as a newer download of
/// it might be: annotations of those paragraphs can no longer be placed.
fn drop_paragraphs(article: &Path, dropped: &[usize]) -> Vec<String> {
    let document = hashiya::document::load(article).unwrap();
    let mut text = std::fs::read_to_string(article).unwrap();
    let mut removed = Vec::new();
    for &p in dropped {
        let paragraph = document.paragraph_text(p).unwrap().to_owned();
        let line = format!("{paragraph}\n");
        assert!(text.contains(&line), "paragraph {p} is a line of its own");
        text = text.replacen(&line, "", 1);
        removed.push(paragraph);
    }
    std::fs::write(article, text).unwrap();
    removed
}

#[test]
fn agreement_accounts_for_counted_orphaned_and_unpaired_annotations() {
    let (dir, articles) = team_folder();
    // a-raqqa: sara 5 annotations (claims 3 5 6 8, event 10), bilal 4 (claims 3 5 9,
    // event 10); then the article loses paragraphs 8 and 9: one orphan each.
    annotate(&articles[0], "sara", &[3, 5, 6, 8], &[10]);
    annotate(&articles[0], "bilal", &[3, 5, 9], &[10]);
    let removed = drop_paragraphs(&articles[0], &[8, 9]);
    // b-iphone: placeable, sara 2 and bilal 1.
    annotate(&articles[1], "sara", &[1, 2], &[]);
    annotate(&articles[1], "bilal", &[1], &[]);
    // c-algeria: sara alone.
    annotate(&articles[2], "sara", &[1], &[2]);

    let report = folder_agreement(dir.path());
    let sara = &report.annotations["sara"];
    let bilal = &report.annotations["bilal"];
    assert_eq!(
        (sara.counted, sara.orphaned, sara.unreadable, sara.unpaired),
        (4 + 2, 1, 0, 2)
    );
    assert_eq!(
        (
            bilal.counted,
            bilal.orphaned,
            bilal.unreadable,
            bilal.unpaired
        ),
        (3 + 1, 1, 0, 0)
    );
    let raqqa = report
        .by_article
        .iter()
        .find(|a| a.article == articles[0])
        .unwrap();
    assert!(raqqa.measured);
    assert_eq!(raqqa.annotators["sara"].counted, 4);
    assert_eq!(raqqa.annotators["bilal"].orphaned, 1);
    assert_eq!(raqqa.orphans["sara"].len(), 1);
    assert_eq!(raqqa.orphans["sara"][0].labels, ["claim"]);
    assert_eq!(raqqa.orphans["sara"][0].quote, removed[0]);
    assert_eq!(raqqa.orphans["bilal"][0].quote, removed[1]);
    let algeria = report
        .by_article
        .iter()
        .find(|a| a.article == articles[2])
        .unwrap();
    assert!(!algeria.measured);
    // The orphans' paragraphs are gone, so the items are the article's remaining ones.
    let claim = report.labels.iter().find(|l| l.label == "claim").unwrap();
    let paragraphs = hashiya::document::load(&articles[0])
        .unwrap()
        .paragraphs
        .len()
        + hashiya::document::load(&articles[1])
            .unwrap()
            .paragraphs
            .len();
    assert_eq!(claim.items, paragraphs);

    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains(
            "2 annotations left out as orphaned (not placeable in the current text) in a-raqqa.txt\n"
        ),
        "{table}"
    );
    assert!(
        table.contains("Annotations: bilal: 4 counted, 1 orphaned; sara: 6 counted, 1 orphaned, 2 without a second annotator."),
        "{table}"
    );
    assert!(
        table
            .contains("  a-raqqa.txt: bilal: 3 counted, 1 orphaned; sara: 4 counted, 1 orphaned\n"),
        "{table}"
    );
    assert!(
        table.contains(
            "  c-algeria.txt (not measured): sara: 0 counted, 2 without a second annotator\n"
        ),
        "{table}"
    );

    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .args(["agreement", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["annotations"]["sara"]["counted"], 6);
    assert_eq!(json["annotations"]["sara"]["orphaned"], 1);
    assert_eq!(json["annotations"]["bilal"]["orphaned"], 1);
    let raqqa_json = json["by_article"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["article"].as_str().unwrap().ends_with("a-raqqa.txt"))
        .unwrap();
    assert_eq!(raqqa_json["annotators"]["bilal"]["counted"], 3);
    assert_eq!(
        raqqa_json["orphans"]["bilal"][0]["quote"],
        removed[1].as_str()
    );
}

#[test]
fn a_dash_says_why_when_every_annotation_is_orphaned() {
    // The case from the report: both annotators' work no longer fits the article.
    let (dir, articles) = team_folder();
    annotate(&articles[0], "sara", &[3, 5], &[]);
    annotate(&articles[0], "bilal", &[3], &[5]);
    drop_paragraphs(&articles[0], &[3, 5]);
    let report = folder_agreement(dir.path());
    assert_eq!(report.annotations["sara"].counted, 0);
    assert_eq!(report.annotations["sara"].orphaned, 2);
    assert_eq!(report.annotations["bilal"].orphaned, 2);
    // Every paragraph now has "no label" from both: no variation, so no value.
    let claim = report.labels.iter().find(|l| l.label == "claim").unwrap();
    assert!(claim.items > 0);
    assert_eq!(claim.cohen_kappa, None);
    assert_eq!(claim.no_value.cohen_kappa, Some(NoValue::NoVariation));
    assert_eq!(claim.no_value.fleiss_kappa, Some(NoValue::NoVariation));
    assert_eq!(
        claim.no_value.krippendorff_alpha,
        Some(NoValue::NoVariation)
    );

    let output = Command::new(env!("CARGO_BIN_EXE_hashiya"))
        .arg("agreement")
        .arg(dir.path())
        .output()
        .unwrap();
    let table = String::from_utf8(output.stdout).unwrap();
    let claim_row = table.lines().find(|l| l.contains("ادعاء claim")).unwrap();
    assert_eq!(claim_row.matches("—a").count(), 3, "{claim_row}");
    assert!(
        table.contains("—a: no variation: every item had the same value"),
        "{table}"
    );
    assert!(
        !table.contains("—b:"),
        "only the reasons used are explained"
    );
    assert!(
        table.contains(
            "4 annotations left out as orphaned (not placeable in the current text) in a-raqqa.txt"
        ),
        "{table}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .args(["agreement", "--json"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["overall"]["no_value"]["krippendorff_alpha"],
        "no-variation"
    );
}

/// The agreement table speaks the interface language (its headings, the overall row and the
/// figures in the interface's digits), while `--json` is the same in every language.
#[test]
fn the_agreement_table_follows_the_locale_and_json_does_not() {
    let (dir, articles) = team_folder();
    annotate(&articles[0], "sara", &[3, 5, 6, 8], &[10]);
    annotate(&articles[0], "bilal", &[3, 5, 9], &[10]);
    let run = |lang: &str, json: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hashiya"));
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .arg("agreement");
        if json {
            command.arg("--json");
        }
        let output = command.arg(dir.path()).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let english = run("C", false);
    assert!(
        english
            .starts_with("Agreement over 1 article(s) annotated by 2 annotator(s): bilal, sara\n"),
        "{english}"
    );
    assert!(english.contains("Krippendorff α") && english.contains("\nall labels "));
    assert!(english.contains("Annotations: bilal: 4 counted; sara: 5 counted."));
    // Arguments and selections are isolated (U+2068 … U+2069) in right-to-left messages.
    let arabic = run("ar_EG.UTF-8", false).replace(['\u{2068}', '\u{2069}'], "");
    assert!(arabic.starts_with("الاتفاق على مقالة واحدة"), "{arabic}");
    assert!(
        arabic.contains("α كريبندورف") && arabic.contains("\nكل الوسوم "),
        "{arabic}"
    );
    assert!(
        arabic.contains("التعليقات:") && arabic.contains("٠٫"),
        "{arabic}"
    );
    assert!(
        !arabic.contains("counted") && !arabic.contains("0."),
        "{arabic}"
    );
    assert_eq!(run("ar_EG.UTF-8", true), run("C", true));
}
