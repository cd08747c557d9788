//! A folder of 10,000 articles (made from the corpus news files in a temporary folder, a
//! tenth of them with a sidecar): listing it (what the corpus view needs to show at once) and
//! indexing every article (title, paragraphs, annotated count, annotators), as the background
//! indexer does. Twice: in 100 subfolders, and all in one flat folder with an annotator's
//! sidecar beside every tenth article (where finding annotators must not re-read the folder
//! for each article).
//!
//! `cargo bench --bench corpus`; numbers in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::annotation::sidecar;
use hashiya::annotation::sidecar::AnnotatorSidecars;
use hashiya::annotation::{AnnotationStore, LabelScheme};
use hashiya::corpus::{index_article_with, list_articles};

const ARTICLES: usize = 10_000;

fn make_folder(flat: bool) -> tempfile::TempDir {
    let news = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news");
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&news)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..ARTICLES {
        let folder = if flat {
            dir.path().to_owned()
        } else {
            dir.path().join(format!("batch-{:03}", i / 100))
        };
        std::fs::create_dir_all(&folder).unwrap();
        let article = folder.join(format!("article-{i:05}.txt"));
        std::fs::copy(&sources[i % sources.len()], &article).unwrap();
        if i % 10 == 0 {
            let document = hashiya::document::load(&article).unwrap();
            let mut store = AnnotationStore::new(&document, LabelScheme::news_default(), "bench");
            store.toggle_label(&document, 1, "claim").unwrap();
            let path = if flat {
                sidecar::annotator_sidecar_path(&article, "bench")
            } else {
                sidecar::sidecar_path(&article)
            };
            std::fs::write(path, sidecar::to_json(store.sidecar())).unwrap();
        }
    }
    dir
}

/// Indexes every article as the app's indexer does (one annotator finder for the pass).
fn index_all(articles: &[PathBuf], annotator: Option<&str>) -> usize {
    let mut finder = AnnotatorSidecars::default();
    articles
        .iter()
        .map(|a| index_article_with(a, annotator, &mut finder).annotated)
        .sum()
}

fn benches(c: &mut Criterion) {
    let dir = make_folder(false);
    let mut group = c.benchmark_group("folder_10k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    group.bench_function("list", |b| {
        b.iter(|| black_box(list_articles(dir.path()).len()));
    });
    let articles = list_articles(dir.path());
    assert_eq!(articles.len(), ARTICLES);
    assert_eq!(index_all(&articles, None), ARTICLES / 10);
    group.bench_function("index_all", |b| {
        b.iter(|| black_box(index_all(&articles, None)));
    });
    group.finish();
    drop(dir);

    let flat = make_folder(true);
    let mut group = c.benchmark_group("folder_10k_flat");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    let articles = list_articles(flat.path());
    assert_eq!(articles.len(), ARTICLES);
    assert_eq!(index_all(&articles, Some("bench")), ARTICLES / 10);
    group.bench_function("index_all", |b| {
        b.iter(|| black_box(index_all(&articles, Some("bench"))));
    });
    group.finish();
}

criterion_group!(corpus_benches, benches);
criterion_main!(corpus_benches);
