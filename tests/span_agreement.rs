//! Span-level agreement: γ against pygamma-agreement, αU against `DKPro Statistics`' published
//! example, span F1 against nervaluate (fixtures from `scripts/span-agreement-reference.py`,
//! sources in `tests/fixtures/README.md`), a property test of γ, and the folder measures
//! over Team Mode sidecars.

use std::path::{Path, PathBuf};

use hashiya::annotation::sidecar::{self, annotator_sidecar_path};
use hashiya::annotation::{AnnotationStore, LabelScheme, TargetKey};
use hashiya::span_agreement::alpha_u::UnitizingStudy;
use hashiya::span_agreement::f1::{self, Counts, LabelledSpan, SchemeCounts};
use hashiya::span_agreement::gamma::{
    self, Continuum, Dissimilarity, GammaOptions, SplitMix64, Unit, best_alignment,
};
use hashiya::span_agreement::{Cancelled, Progress, folder_span_agreement};
use proptest::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/span_agreement")
        .join(name)
}

fn json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

/// A continuum from pygamma's CSV format: annotator, category, start, end (no header).
fn continuum_from_csv(name: &str) -> Continuum {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let mut annotators: Vec<(String, Vec<Unit>)> = Vec::new();
    let mut categories: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let category = match categories.iter().position(|c| c == fields[1]) {
            Some(i) => i as u32,
            None => {
                categories.push(fields[1].to_owned());
                (categories.len() - 1) as u32
            }
        };
        let unit = Unit {
            start: fields[2].parse().unwrap(),
            end: fields[3].parse().unwrap(),
            category,
        };
        match annotators.iter_mut().find(|(a, _)| a == fields[0]) {
            Some((_, units)) => units.push(unit),
            None => annotators.push((fields[0].to_owned(), vec![unit])),
        }
    }
    annotators.sort_by(|a, b| a.0.cmp(&b.0));
    Continuum::new(annotators.into_iter().map(|(_, u)| u).collect())
}

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    (actual - expected).abs() <= relative * expected.abs().max(1e-9)
}

#[test]
fn alpha_u_matches_krippendorff_s_published_example() {
    let reference = json("alpha_u.json");
    let mut categories: Vec<String> = Vec::new();
    let units = reference["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let name = u[3].as_str().unwrap().to_owned();
            if !categories.contains(&name) {
                categories.push(name.clone());
            }
            let start = u[1].as_u64().unwrap();
            (
                u[0].as_u64().unwrap() as usize,
                start,
                start + u[2].as_u64().unwrap(),
                categories.iter().position(|c| *c == name).unwrap() as u32,
            )
        })
        .collect();
    let study = UnitizingStudy {
        begin: reference["begin"].as_u64().unwrap(),
        length: reference["length"].as_u64().unwrap(),
        raters: 2,
        units,
    };
    let alpha = study.alpha().unwrap();
    let expected = reference["alpha_u"].as_f64().unwrap();
    assert!((alpha - expected).abs() < 0.0005, "{alpha} vs {expected}");
    for (name, value) in reference["categories"].as_object().unwrap() {
        let category = categories.iter().position(|c| c == name).unwrap() as u32;
        let got = study.category_alpha(category).unwrap();
        assert!(
            (got - value.as_f64().unwrap()).abs() < 0.0001,
            "{name}: {got}"
        );
    }
    // DKPro's published parts for category c: D_O = 0.0144, D_E = 0.0532.
    assert!((study.observed(0) - 0.0144).abs() < 0.0001);
    assert!((study.expected(0) - 0.0532).abs() < 0.0001);
}

fn spans(value: &Value, tags: &[String]) -> Vec<LabelledSpan> {
    let mut spans: Vec<LabelledSpan> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|s| LabelledSpan {
            start: s[0].as_u64().unwrap(),
            end: s[1].as_u64().unwrap(),
            label: tags
                .iter()
                .position(|t| t == s[2].as_str().unwrap())
                .unwrap() as u32,
        })
        .collect();
    spans.sort();
    spans
}

fn check_counts(got: &Counts, expected: &Value, what: &str) {
    let field = |name: &str| expected[name].as_u64().unwrap();
    assert_eq!(got.correct, field("correct"), "{what} correct");
    assert_eq!(got.incorrect, field("incorrect"), "{what} incorrect");
    assert_eq!(got.partial, field("partial"), "{what} partial");
    assert_eq!(got.missed, field("missed"), "{what} missed");
    assert_eq!(got.spurious, field("spurious"), "{what} spurious");
    let f1 = got.f1().unwrap_or(0.0);
    assert!(
        (f1 - expected["f1"].as_f64().unwrap()).abs() < 1e-9,
        "{what} f1 {f1}"
    );
}

fn check_schemes(got: &SchemeCounts, expected: &Value, what: &str) {
    check_counts(&got.exact, &expected["strict"], &format!("{what} strict"));
    check_counts(
        &got.partial,
        &expected["partial"],
        &format!("{what} partial"),
    );
    check_counts(
        &got.type_only,
        &expected["ent_type"],
        &format!("{what} ent_type"),
    );
}

#[test]
fn span_f1_matches_nervaluate() {
    let reference = json("nervaluate.json");
    let tags: Vec<String> = reference["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_owned())
        .collect();
    let mut overall = SchemeCounts::default();
    let mut by_label = vec![SchemeCounts::default(); tags.len()];
    for document in reference["documents"].as_array().unwrap() {
        let ours = spans(&document["reference"], &tags);
        let theirs = spans(&document["other"], &tags);
        overall.add(&f1::compare(&ours, &theirs));
        for (label, counts) in by_label.iter_mut().enumerate() {
            counts.add(&f1::compare_label(&ours, &theirs, label as u32));
        }
    }
    check_schemes(&overall, &reference["overall"], "overall");
    for (label, tag) in tags.iter().enumerate() {
        check_schemes(&by_label[label], &reference["labels"][tag], tag);
    }
}

#[test]
fn best_alignment_matches_pygamma_on_random_continua() {
    let cases = json("gamma_random.json");
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 30);
    for case in cases {
        let mut names: Vec<&String> = case["annotators"].as_object().unwrap().keys().collect();
        names.sort();
        let mut categories: Vec<String> = Vec::new();
        let annotators = names
            .iter()
            .map(|name| {
                case["annotators"][name.as_str()]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| {
                        let category = u[2].as_str().unwrap().to_owned();
                        if !categories.contains(&category) {
                            categories.push(category.clone());
                        }
                        Unit {
                            start: u[0].as_f64().unwrap(),
                            end: u[1].as_f64().unwrap(),
                            category: categories.iter().position(|c| *c == category).unwrap()
                                as u32,
                        }
                    })
                    .collect()
            })
            .collect();
        let continuum = Continuum::new(annotators);
        let alignment = best_alignment(&continuum, &Dissimilarity::default(), &|| false).unwrap();
        let expected = case["observed_disorder"].as_f64().unwrap();
        assert!(
            close(alignment.disorder, expected, 1e-5),
            "case {}: {} vs {expected}",
            case["index"],
            alignment.disorder
        );
        assert_eq!(
            alignment.unitary.len() as u64,
            case["unitary_alignments"].as_u64().unwrap(),
            "case {}",
            case["index"]
        );
    }
}

fn check_pygamma_file(name: &str) {
    let reference = json("gamma.json");
    let entry = &reference[name];
    let continuum = continuum_from_csv(name);
    for (key, alpha) in [("default", 1.0), ("alpha3", 3.0)] {
        let dissimilarity = Dissimilarity {
            alpha,
            ..Dissimilarity::default()
        };
        let alignment = best_alignment(&continuum, &dissimilarity, &|| false).unwrap();
        let expected = entry[key]["observed_disorder"].as_f64().unwrap();
        assert!(
            close(alignment.disorder, expected, 1e-5),
            "{name} {key}: {} vs {expected}",
            alignment.disorder
        );
        assert_eq!(
            alignment.unitary.len() as u64,
            entry[key]["unitary_alignments"].as_u64().unwrap(),
            "{name} {key}"
        );
    }
    // Expected disorder: pygamma's runs (numpy seeds) against ours (our seeds), each with 30
    // samples; their means agree within the sampling error.
    let runs = entry["runs"].as_array().unwrap();
    let theirs: f64 = runs
        .iter()
        .map(|r| r["expected_disorder"].as_f64().unwrap())
        .sum::<f64>()
        / runs.len() as f64;
    let options = GammaOptions::default();
    let mut ours = Vec::new();
    let mut gammas = Vec::new();
    for seed in 0..4u64 {
        let mut rng = SplitMix64::new(seed);
        let parts = gamma::gamma_parts(&continuum, &options, &mut rng, &|| {}, &|| false).unwrap();
        assert_eq!(parts.sample_disorders.len(), 30);
        ours.push(parts.expected().unwrap());
        gammas.push(parts.gamma().unwrap());
    }
    let ours_mean = ours.iter().sum::<f64>() / ours.len() as f64;
    assert!(
        close(ours_mean, theirs, 0.04),
        "{name}: expected disorder {ours_mean} vs pygamma {theirs}"
    );
    let (low, high) = runs
        .iter()
        .map(|r| r["gamma"].as_f64().unwrap())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), g| {
            (l.min(g), h.max(g))
        });
    for g in gammas {
        assert!(
            g > low - 0.03 && g < high + 0.03,
            "{name}: γ {g} outside pygamma's {low}..{high}"
        );
    }
}

#[test]
fn gamma_matches_pygamma_on_alex_paul_suzan() {
    check_pygamma_file("AlexPaulSuzan.csv");
}

#[test]
fn gamma_matches_pygamma_on_3by100() {
    check_pygamma_file("3by100.csv");
}

#[test]
fn gamma_is_deterministic_for_a_seed() {
    let continuum = continuum_from_csv("AlexPaulSuzan.csv");
    let options = GammaOptions::default();
    let first = gamma::gamma(&continuum, &options).unwrap();
    assert_eq!(gamma::gamma(&continuum, &options), Some(first));
    let other = gamma::gamma(
        &continuum,
        &GammaOptions {
            seed: options.seed + 1,
            ..options
        },
    )
    .unwrap();
    assert!(
        (first - other).abs() > 1e-9,
        "another seed draws other samples"
    );
}

/// Three annotators marking `base`, the second and third moved by `shift` (a fraction of
/// each span's length), the third also without its last span when `drop_last`.
fn shifted(base: &[(u32, u32, u32)], shift: f64, drop_last: bool) -> Continuum {
    let exact: Vec<Unit> = base
        .iter()
        .map(|&(start, len, category)| Unit {
            start: f64::from(start),
            end: f64::from(start + len),
            category,
        })
        .collect();
    let moved: Vec<Unit> = exact
        .iter()
        .map(|u| Unit {
            start: u.start + shift * u.len(),
            end: u.end + shift * u.len(),
            ..*u
        })
        .collect();
    let mut third = moved.clone();
    if drop_last {
        third.pop();
    }
    Continuum::new(vec![exact, moved, third])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn gamma_is_one_for_identical_annotations_and_drops_as_they_differ(
        gaps in prop::collection::vec((5u32..60, 3u32..30, 0u32..3), 2..8),
        seed in any::<u64>(),
    ) {
        let mut start = 0;
        let base: Vec<(u32, u32, u32)> = gaps
            .iter()
            .map(|&(gap, len, category)| {
                start += gap;
                let span = (start, len, category);
                start += len;
                span
            })
            .collect();
        let options = GammaOptions { seed, ..GammaOptions::default() };
        let identical = gamma::gamma(&shifted(&base, 0.0, false), &options).unwrap();
        prop_assert!((identical - 1.0).abs() < 1e-12);
        let mut previous_disorder = 0.0;
        let mut previous_gamma = identical;
        for shift in [0.05, 0.3, 0.8] {
            let continuum = shifted(&base, shift, false);
            let disorder = best_alignment(&continuum, &Dissimilarity::default(), &|| false)
                .unwrap()
                .disorder;
            prop_assert!(disorder > previous_disorder, "{disorder} after {previous_disorder}");
            previous_disorder = disorder;
            let g = gamma::gamma(&continuum, &options).unwrap();
            prop_assert!(g < previous_gamma, "γ {g} after {previous_gamma} at shift {shift}");
            previous_gamma = g;
        }
        let missing = gamma::gamma(&shifted(&base, 0.0, true), &options).unwrap();
        prop_assert!(missing < 1.0);
    }
}

fn corpus(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(relative)
}

/// Writes `annotator`'s sidecar for `article`: each `(paragraph, start, end, label)` marks
/// characters `start..end` of that paragraph (code points) with the label.
fn annotate_spans(article: &Path, annotator: &str, spans: &[(usize, usize, usize, &str)]) {
    let document = hashiya::document::load(article).unwrap();
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), annotator);
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
        store.toggle_label(&document, key, label).unwrap();
    }
    std::fs::write(
        annotator_sidecar_path(article, annotator),
        sidecar::to_json(store.sidecar()),
    )
    .unwrap();
}

fn span_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("raqqa.txt");
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    (dir, article)
}

#[test]
fn a_folder_s_spans_give_f1_gamma_and_alpha_u() {
    let (dir, article) = span_folder();
    // Ali and Sara agree exactly on two spans, Sara's third overlaps Ali's with other
    // boundaries, and Ali has one Sara lacks.
    annotate_spans(
        &article,
        "ali",
        &[
            (1, 0, 10, "claim"),
            (2, 5, 20, "actor"),
            (3, 0, 30, "event"),
            (4, 2, 12, "place"),
        ],
    );
    annotate_spans(
        &article,
        "sara",
        &[
            (1, 0, 10, "claim"),
            (2, 5, 20, "actor"),
            (3, 4, 30, "event"),
        ],
    );
    let options = GammaOptions {
        samples: 10,
        ..GammaOptions::default()
    };
    let report = folder_span_agreement(dir.path(), &options, &|_| true).unwrap();
    assert_eq!(report.annotators, ["ali", "sara"]);
    assert_eq!(report.articles, 1);
    assert_eq!(report.items, 7);
    assert_eq!((report.seed, report.samples), (options.seed, 10));
    // Exact: 2 correct, 1 incorrect (overlap), 1 missed → P 2/3, R 2/4, F1 4/7.
    let exact = report.overall.exact_f1.unwrap();
    assert!((exact - 4.0 / 7.0).abs() < 1e-12, "{exact}");
    // Partial: 2 correct + 1 partial → credit 2.5; P 2.5/3, R 2.5/4.
    let (p, r) = (2.5 / 3.0, 2.5 / 4.0);
    let partial = report.overall.partial_f1.unwrap();
    assert!((partial - 2.0 * p * r / (p + r)).abs() < 1e-12, "{partial}");
    let gamma = report.overall.gamma.unwrap();
    assert!(gamma > 0.0 && gamma < 1.0, "{gamma}");
    let alpha = report.overall.alpha_u.unwrap();
    assert!(alpha > 0.0 && alpha < 1.0, "{alpha}");
    let claim = report.labels.iter().find(|l| l.label == "claim").unwrap();
    assert_eq!(claim.exact_f1, Some(1.0));
    assert_eq!(claim.gamma, Some(1.0));
    assert!((claim.alpha_u.unwrap() - 1.0).abs() < 1e-12);
    let place = report.labels.iter().find(|l| l.label == "place").unwrap();
    assert_eq!(place.exact_f1, Some(0.0));
    assert_eq!(report.by_article.len(), 1);
    assert_eq!(
        report.by_article[0].overall.exact_f1,
        report.overall.exact_f1
    );
    // The same seed gives the same γ.
    let again = folder_span_agreement(dir.path(), &options, &|_| true).unwrap();
    assert_eq!(again.overall.gamma, report.overall.gamma);
    // The CSV has a row per article and label with spans, overall first.
    let csv = hashiya::span_agreement::span_agreement_csv(&report, Some(dir.path()));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 5, "{csv}");
    assert!(
        rows[1].starts_with("raqqa.txt,overall,ali;sara,7,"),
        "{csv}"
    );
}

#[test]
fn progress_is_reported_and_cancelling_stops_gamma() {
    let (dir, article) = span_folder();
    annotate_spans(&article, "ali", &[(1, 0, 10, "claim"), (2, 0, 5, "actor")]);
    annotate_spans(&article, "sara", &[(1, 1, 10, "claim")]);
    let options = GammaOptions {
        samples: 5,
        ..GammaOptions::default()
    };
    let seen = std::sync::Mutex::new(Vec::new());
    folder_span_agreement(dir.path(), &options, &|p: Progress| {
        seen.lock().unwrap().push(p);
        true
    })
    .unwrap();
    let seen = seen.into_inner().unwrap();
    // Jobs: overall, claim, actor; each 1 + 5 alignments.
    let total = 3 * 6;
    assert!(seen.iter().all(|p| p.total == total));
    assert_eq!(seen.iter().map(|p| p.done).max(), Some(total));
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let result = folder_span_agreement(dir.path(), &options, &|_| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < 3
    });
    assert_eq!(result, Err(Cancelled));
}

#[test]
fn damaged_sidecars_are_named_under_skipped() {
    let (dir, article) = span_folder();
    annotate_spans(&article, "ali", &[(1, 0, 10, "claim")]);
    annotate_spans(&article, "sara", &[(1, 0, 10, "claim")]);
    std::fs::write(annotator_sidecar_path(&article, "omar"), "{ not json").unwrap();
    let report = folder_span_agreement(dir.path(), &GammaOptions::default(), &|_| true).unwrap();
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].contains("omar"), "{:?}", report.skipped);
    assert_eq!(report.overall.exact_f1, Some(1.0));
}

#[test]
fn the_command_line_prints_a_table_json_and_a_csv() {
    let (dir, article) = span_folder();
    annotate_spans(&article, "ali", &[(1, 0, 10, "claim"), (2, 5, 20, "actor")]);
    annotate_spans(
        &article,
        "sara",
        &[(1, 0, 10, "claim"), (2, 6, 20, "actor")],
    );
    std::fs::write(annotator_sidecar_path(&article, "omar"), "{ not json").unwrap();
    let csv_path = dir.path().join("figures.csv");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .arg("agreement")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let output = run(&["--level", "span", "--json", "--samples", "7", "--seed", "9"]);
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in ["annotators", "items", "seed", "samples", "skipped"] {
        assert!(report.get(key).is_some(), "{key}");
    }
    assert_eq!(report["seed"], 9);
    assert_eq!(report["samples"], 7);
    assert_eq!(report["items"], 4);
    assert!(report["skipped"][0].as_str().unwrap().contains("omar"));
    for key in ["exact_f1", "partial_f1", "gamma", "alpha_u"] {
        assert!(report["overall"].get(key).is_some(), "overall {key}");
        assert!(report["labels"][0].get(key).is_some(), "label {key}");
    }
    // claim agrees exactly, actor differs by one character: exact F1 1/2.
    assert_eq!(report["overall"]["exact_f1"], 0.5);
    assert!(String::from_utf8_lossy(&output.stderr).contains("omar"));

    let output = run(&["--level", "span", "--csv", csv_path.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains("exact F1") && table.contains("all labels"),
        "{table}"
    );
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(
        csv.starts_with("article,label,annotators,spans,exact_f1"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 3, "{csv}");

    let output = run(&["--csv", csv_path.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--level span"));
}

/// The span table speaks the interface language, with the interface's digits; `--json` and
/// the CSV are the same in every language.
#[test]
fn the_span_table_follows_the_locale_and_json_and_csv_do_not() {
    let (dir, article) = span_folder();
    annotate_spans(&article, "ali", &[(1, 0, 10, "claim"), (2, 5, 20, "actor")]);
    annotate_spans(
        &article,
        "sara",
        &[(1, 0, 10, "claim"), (2, 6, 20, "actor")],
    );
    let run = |lang: &str, args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_hashiya"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(["agreement", "--level", "span", "--samples", "7"])
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let english = run("C", &[]);
    assert!(
        english.starts_with(
            "Span agreement over 1 article(s) annotated by 2 annotator(s): ali, sara\n\
             γ: 7 sampled continua per article and label, seed 4772\n"
        ),
        "{english}"
    );
    assert!(
        english.contains("  ali → sara (1 article(s)): 0.500 / "),
        "{english}"
    );
    // Arguments and selections are isolated (U+2068 … U+2069) in right-to-left messages.
    let arabic = run("ar_EG.UTF-8", &[]).replace(['\u{2068}', '\u{2069}'], "");
    assert!(
        arabic.starts_with("الاتفاق على المقاطع في مقالة واحدة"),
        "{arabic}"
    );
    assert!(
        arabic.contains("٧ متواليات معايَنة") && arabic.contains("٤٧٧٢"),
        "{arabic}"
    );
    assert!(
        arabic.contains("F1 التام") && arabic.contains("كل الوسوم") && arabic.contains("٠٫٥٠٠"),
        "{arabic}"
    );
    assert!(
        !arabic.contains("0.5") && !arabic.contains("article"),
        "{arabic}"
    );
    assert_eq!(run("ar_EG.UTF-8", &["--json"]), run("C", &["--json"]));
    let csv = |lang: &str| {
        let path = dir.path().join(format!("figures-{lang}.csv"));
        run(lang, &["--csv", path.to_str().unwrap()]);
        std::fs::read(path).unwrap()
    };
    assert_eq!(csv("ar_EG.UTF-8"), csv("C"));
}
