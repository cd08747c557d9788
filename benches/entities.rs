//! Entity work at scale: the 3.9 MB corpus file with 5,000 spans (nested three deep in
//! places) and 1,000 relations, against the same file without them, in one run.
//!
//! - opening: reading the article and its sidecar, re-anchoring, and the first frame;
//! - paging: 400 × Page Down from the top, 3 frames each (whole app frame + tessellation),
//!   through the part of the article that holds the spans.
//!
//! `cargo bench --bench entities`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hashiya::annotation::{AnnotationStore, Label, LabelScheme, sidecar};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::arabic::tokens::{TokenKind, tokens};
use hashiya::document::{self, Document};
use hashiya::text::TextEngine;

mod common;
use common::{frame, key};

const SPANS: usize = 5_000;
const RELATIONS: usize = 1_000;
const PAGES: usize = 400;
const RUNS: usize = 5;

fn label(id: &str, key: char, color: &str) -> Label {
    Label {
        id: id.to_owned(),
        name: id.to_owned(),
        color: color.to_owned(),
        shortcut: Some(key),
        description: String::new(),
    }
}

/// A sidecar for `document` with [`SPANS`] spans and [`RELATIONS`] relations: in each
/// paragraph from the top, runs of three words get an ORG over all three, a GPE over the
/// last two and a LOC on the last one (three deep), until the count is reached.
fn sidecar_with_spans(document: &Document) -> String {
    let scheme = LabelScheme {
        span_labels: vec![
            label("ORG", '1', "#2e86ab"),
            label("GPE", '2', "#d1495b"),
            label("LOC", '3', "#66a182"),
        ],
        relation_types: vec![label("part_of", '1', "#e07a5f")],
        ..LabelScheme::news_default()
    };
    let mut store = AnnotationStore::new(document, scheme, "bench");
    let mut ids = Vec::new();
    'paragraphs: for (idx, paragraph) in document.paragraphs.iter().enumerate() {
        let text = &document.text[paragraph.byte_range.clone()];
        let words: Vec<_> = tokens(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect();
        let start = paragraph.byte_range.start;
        for run in words.chunks_exact(3).step_by(2) {
            for (first, label) in [(0, "ORG"), (1, "GPE"), (2, "LOC")] {
                if ids.len() == SPANS {
                    break 'paragraphs;
                }
                let bytes = start + run[first].bytes.start..start + run[2].bytes.end;
                ids.push(store.add_span(document, idx, bytes, label).unwrap());
            }
        }
    }
    for pair in ids.chunks_exact(2).take(RELATIONS) {
        store.add_relation(pair[1], pair[0], "part_of").unwrap();
    }
    sidecar::to_json(store.sidecar())
}

/// Opens `article` (and its sidecar, if any) and draws the first frame.
fn open(article: &Path) -> (HashiyaApp, egui::Context, Duration) {
    let start = Instant::now();
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
    app.open_blocking(article);
    let ctx = egui::Context::default();
    frame(&ctx, &mut app, Vec::new());
    (app, ctx, start.elapsed())
}

fn page(article: &Path) -> (Vec<Duration>, usize) {
    let (mut app, ctx, _) = open(article);
    let mut times = Vec::new();
    for _ in 0..PAGES {
        times.push(frame(&ctx, &mut app, key(egui::Key::PageDown)));
        times.push(frame(&ctx, &mut app, Vec::new()));
        times.push(frame(&ctx, &mut app, Vec::new()));
    }
    let reached = app
        .workspace
        .session
        .as_ref()
        .map_or(0, |s| s.reader.first_visible());
    times.sort();
    (times, reached)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let plain = dir.path().join("plain.txt");
    let annotated = dir.path().join("annotated.txt");
    std::fs::copy(&corpus, &plain).expect("large corpus file");
    std::fs::copy(&corpus, &annotated).expect("large corpus file");
    let document = document::load(&annotated).expect("large corpus file");
    let json = sidecar_with_spans(&document);
    std::fs::write(sidecar::sidecar_path(&annotated), &json).expect("writable temp folder");
    println!(
        "sidecar: {SPANS} spans, {RELATIONS} relations, {:.1} MB",
        json.len() as f64 / 1e6
    );

    let mut without = Vec::new();
    let mut with = Vec::new();
    for _ in 0..RUNS {
        without.push(open(&plain).2);
        with.push(open(&annotated).2);
    }
    let (without, with) = (median(without), median(with));
    println!(
        "open + first frame, median of {RUNS}: without spans {:.1} ms, with {:.1} ms, difference {:.1} ms",
        ms(without),
        ms(with),
        ms(with) - ms(without)
    );

    for (name, article) in [("without spans", &plain), ("with spans", &annotated)] {
        let (times, reached) = page(article);
        let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
        let over = times.iter().filter(|t| ms(**t) > 16.0).count();
        println!(
            "paging {name}: {PAGES} pages ({} frames, reached paragraph {reached}): median {:.2} ms, p99 {:.2} ms, max {:.2} ms, frames over 16 ms: {over}",
            times.len(),
            ms(pct(0.5)),
            ms(pct(0.99)),
            ms(*times.last().unwrap()),
        );
    }
}
