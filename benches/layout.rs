//! Layout and first-frame benchmarks on the 3.9 MB corpus file (356k words, 6k paragraphs).
//!
//! `cargo bench --bench layout`; numbers are recorded in BENCHMARKS.md.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::document::{self, Document};
use hashiya::text::fonts;
use hashiya::text::{ParagraphLayout, TextEngine, TextStyle};

fn large_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt")
}

/// Lays out every paragraph of `document` at `width_pt`; returns the number of lines.
fn lay_out_all(document: &Document, width_pt: f32) -> usize {
    let mut font_system = fonts::font_system(false);
    let style = TextStyle::default();
    let mut lines = 0;
    for (idx, paragraph) in document.paragraphs.iter().enumerate() {
        let text = document.paragraph_text(idx).unwrap_or("");
        let layout = ParagraphLayout::new(
            &mut font_system,
            text,
            &style.for_kind(paragraph.kind),
            width_pt,
        );
        lines += layout.line_count();
    }
    lines
}

/// One headless egui frame of the whole app at 1100×820 points.
fn run_frame(ctx: &egui::Context, app: &mut HashiyaApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 820.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    black_box(output.shapes.len());
}

fn benches(c: &mut Criterion) {
    let document = document::load(&large_file()).expect("large corpus file");
    let mut group = c.benchmark_group("large_file");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("whole_file_layout_800px", |b| {
        b.iter(|| black_box(lay_out_all(&document, 800.0)));
    });
    group.bench_function("first_frame_embedded_fonts", |b| {
        b.iter(|| {
            let document = document::load(&large_file()).unwrap();
            let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
            app.show_document(document);
            let ctx = egui::Context::default();
            run_frame(&ctx, &mut app);
        });
    });
    group.bench_function("first_frame_with_system_fonts", |b| {
        b.iter(|| {
            let document = document::load(&large_file()).unwrap();
            let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(true));
            app.show_document(document);
            let ctx = egui::Context::default();
            run_frame(&ctx, &mut app);
        });
    });
    group.finish();
}

criterion_group!(layout, benches);
criterion_main!(layout);
