//! Saving a sidecar with 10,000 annotations: serializing it and writing it atomically
//! (temp file, fsync, backup link, rename, folder fsync), as the background saver does.
//!
//! `cargo bench --bench sidecar`; numbers in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::annotation::sidecar;
use hashiya::annotation::{AnnotationStore, LabelScheme};

fn benches(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt");
    let document = hashiya::document::load(&path).expect("large corpus file");
    let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "bench");
    let labels = ["claim", "event", "actor", "place"];
    for i in 0..10_000 {
        let paragraph = i % document.paragraphs.len();
        store
            .toggle_label(&document, paragraph, labels[i % 4])
            .unwrap();
        if i % 3 == 0 {
            store
                .set_note(&document, paragraph, "ملاحظة قصيرة على الفقرة")
                .unwrap();
            store.end_note_editing();
        }
    }
    // Labels added to the same paragraph share an annotation; top up to 10,000.
    let mut sidecar = store.sidecar().clone();
    let template = sidecar.annotations[0].clone();
    while sidecar.annotations.len() < 10_000 {
        let mut extra = template.clone();
        extra.id = uuid::Uuid::new_v4();
        sidecar.annotations.push(extra);
    }
    assert_eq!(sidecar.annotations.len(), 10_000);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("large.txt.annotations.json");
    let mut group = c.benchmark_group("sidecar_10k");
    group.sample_size(20);
    group.bench_function("serialize", |b| {
        b.iter(|| black_box(sidecar::to_json(&sidecar)));
    });
    let json = sidecar::to_json(&sidecar);
    group.bench_function("write_atomic", |b| {
        b.iter(|| sidecar::write_atomic(&target, json.as_bytes()).unwrap());
    });
    group.bench_function("serialize_and_write", |b| {
        b.iter(|| sidecar::write_atomic(&target, sidecar::to_json(&sidecar).as_bytes()).unwrap());
    });
    group.bench_function("parse", |b| {
        b.iter(|| black_box(sidecar::parse(json.as_bytes(), &target).unwrap()));
    });
    group.finish();
    eprintln!("sidecar size: {} bytes", json.len());
}

criterion_group!(sidecar_benches, benches);
criterion_main!(sidecar_benches);
