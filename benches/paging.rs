//! Frame times while paging through the 3.9 MB corpus file with Page Down, headless: each
//! frame runs the whole app (layout of newly visible paragraphs, glyph rasterization, egui)
//! and tessellates its output, as eframe would before handing it to the GPU.
//!
//! `cargo bench --bench paging`; prints the slowest frame and percentiles.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use hashiya::app::{HashiyaApp, Settings};
use hashiya::document;
use hashiya::text::TextEngine;

const PAGES: usize = 400;

fn frame(ctx: &egui::Context, app: &mut HashiyaApp, events: Vec<egui::Event>) -> Duration {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 820.0),
        )),
        events,
        ..Default::default()
    };
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives.len());
    start.elapsed()
}

fn key(key: egui::Key) -> Vec<egui::Event> {
    let press = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    vec![press(true), press(false)]
}

fn main() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/large/snn_2015-07-23_all_1318_articles.txt");
    let document = document::load(&path).expect("large corpus file");
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
    app.show_document(document);
    let ctx = egui::Context::default();
    let first = frame(&ctx, &mut app, Vec::new());
    let mut times = Vec::new();
    for _ in 0..PAGES {
        times.push(frame(&ctx, &mut app, key(egui::Key::PageDown)));
        // The frame after a page step applies the scroll; a third settles any anchor shift.
        times.push(frame(&ctx, &mut app, Vec::new()));
        times.push(frame(&ctx, &mut app, Vec::new()));
    }
    let reached = app
        .workspace
        .session
        .as_ref()
        .map_or(0, |s| s.reader.first_visible());
    times.sort();
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("first frame: {:.2} ms", ms(first));
    println!(
        "paging {PAGES} pages ({} frames, reached paragraph {reached}): median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        ms(pct(0.5)),
        ms(pct(0.99)),
        ms(*times.last().unwrap())
    );
}
