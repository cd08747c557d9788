//! git's merge driver on a large sidecar: two sides with 5,000 annotations each, from a
//! common base of 4,000, each side adding 1,000 and relabelling 500 (250 of them the same
//! annotations, so they conflict). Measured: the merge alone, and `merge_files` (read and
//! parse the three files, merge, write the result in canonical form) as `hashiya
//! merge-sidecar` runs it. The three files are left in `target/merge-bench` for timing the
//! command itself.
//!
//! `cargo bench --bench merge`; numbers in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::annotation::model::{
    Annotation, ArticleInfo, FORMAT_MARKER, FORMAT_VERSION, Sidecar, Target, TargetKind,
    TextPositionSelector, TextQuoteSelector,
};
use hashiya::annotation::{LabelScheme, merge_recording_conflicts, sidecar};

fn annotation(n: u128, labels: &[&str]) -> Annotation {
    let time = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    let start = n as usize * 40;
    Annotation {
        id: uuid::Uuid::from_u128(n),
        created: time,
        modified: time,
        author: "باحثة".to_owned(),
        labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        note: if n.is_multiple_of(3) {
            "ملاحظة قصيرة على الفقرة".to_owned()
        } else {
            String::new()
        },
        color: None,
        target: Target {
            kind: TargetKind::Paragraph,
            paragraph: n as usize,
            paragraph_sha256: format!("{n:064x}"),
            quote: TextQuoteSelector {
                exact: "نص الفقرة كما هو في المقال، مقتطع لأغراض القياس".to_owned(),
                prefix: "ما قبل الفقرة".to_owned(),
                suffix: "ما بعد الفقرة".to_owned(),
                ..Default::default()
            },
            position: TextPositionSelector {
                start,
                end: start + 39,
                ..Default::default()
            },
            orphaned: false,
        },
    }
}

fn sidecar_of(annotations: Vec<Annotation>) -> Sidecar {
    Sidecar {
        format: FORMAT_MARKER.to_owned(),
        version: FORMAT_VERSION,
        article: ArticleInfo {
            file_name: "large.txt".to_owned(),
            sha256: "00".repeat(32),
            encoding: "UTF-8".to_owned(),
            paragraph_count: 20_000,
            metadata: None,
        },
        label_scheme: LabelScheme::news_default(),
        annotations,
        deleted: Vec::new(),
        relations: Vec::new(),
        conflicts: Vec::new(),
    }
}

fn side(
    base: &[Annotation],
    added_from: u128,
    relabelled: std::ops::Range<usize>,
    label: &str,
    second: i64,
) -> Sidecar {
    let mut annotations = base.to_vec();
    for n in added_from..added_from + 1_000 {
        annotations.push(annotation(n, &["event"]));
    }
    for annotation in &mut annotations[relabelled] {
        annotation.labels = vec![label.to_owned()];
        annotation.modified = jiff::Timestamp::from_second(second).unwrap();
    }
    sidecar_of(annotations)
}

fn benches(c: &mut Criterion) {
    let base: Vec<Annotation> = (0..4_000).map(|n| annotation(n, &["claim"])).collect();
    let ours = side(&base, 10_000, 0..500, "actor", 1_700_000_100);
    let theirs = side(&base, 20_000, 250..750, "opinion", 1_700_000_200);
    let base = sidecar_of(base);
    assert_eq!(ours.annotations.len(), 5_000);
    assert_eq!(theirs.annotations.len(), 5_000);
    let (merged, report) = merge_recording_conflicts(&ours, &theirs, Some(&base));
    assert_eq!(merged.annotations.len(), 6_000);
    assert_eq!(report.conflicts, 250);

    // Left in target/merge-bench so the command itself can be timed on them:
    // `hashiya merge-sidecar base.json ours.json theirs.json` (ours.json is replaced).
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/merge-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let paths = ["base.json", "ours.json", "theirs.json"].map(|name| dir.join(name));
    let texts = [&base, &ours, &theirs].map(sidecar::to_json);
    let mut group = c.benchmark_group("merge_5k_each");
    group.sample_size(20);
    group.bench_function("merge", |b| {
        b.iter(|| black_box(merge_recording_conflicts(&ours, &theirs, Some(&base))));
    });
    for (path, text) in paths.iter().zip(&texts) {
        std::fs::write(path, text).unwrap();
    }
    group.bench_function("merge_files", |b| {
        b.iter_batched(
            // The merge replaces ours: put it back before each run (not measured).
            || std::fs::write(&paths[1], &texts[1]).unwrap(),
            |()| {
                black_box(hashiya::gitstore::merge_files(&paths[0], &paths[1], &paths[2]).unwrap())
            },
            criterion::BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(merge_benches, benches);
criterion_main!(merge_benches);
