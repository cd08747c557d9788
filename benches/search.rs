//! Arabic-aware search over the 3.9 MB corpus file: building the normalized index once, and
//! answering queries with it (target: under 100 ms per query).
//!
//! `cargo bench --bench search`; numbers in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::arabic::{SearchIndex, search_folding};

fn benches(c: &mut Criterion) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt");
    let document = hashiya::document::load(&path).expect("large corpus file");
    let mut group = c.benchmark_group("search_large_file");
    group.sample_size(20);
    group.bench_function("build_index", |b| {
        b.iter(|| black_box(SearchIndex::new(&document.text, search_folding(false))));
    });
    let index = SearchIndex::new(&document.text, search_folding(false));
    let chars = hashiya::annotation::CharIndex::new(&document.text);
    for (name, query) in [
        ("common_word", "في"),
        ("rare_word", "الفلبين"),
        ("vowelled_query", "الشَّهَادَةِ"),
    ] {
        group.bench_function(format!("query_{name}"), |b| {
            b.iter(|| {
                // As the find bar does: match, then map to byte offsets for highlighting.
                let hits: Vec<usize> = index
                    .find_all(query)
                    .into_iter()
                    .filter_map(|r| chars.byte_of_char(&document.text, r.start))
                    .collect();
                black_box(hits.len())
            });
        });
    }
    group.bench_function("first_query_including_index", |b| {
        b.iter(|| {
            let index = SearchIndex::new(&document.text, search_folding(false));
            black_box(index.find_all("الفلبين").len())
        });
    });
    group.finish();
    eprintln!("hits for «في»: {}", index.find_all("في").len());
}

criterion_group!(search_benches, benches);
criterion_main!(search_benches);
