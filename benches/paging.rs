//! Frame times while paging through the 3.9 MB corpus file with Page Down, headless: each
//! frame runs the whole app (layout of newly visible paragraphs, glyph rasterization, egui)
//! and tessellates its output, as eframe would before handing it to the GPU.
//!
//! `cargo bench --bench paging`; prints the slowest frame and percentiles.

use std::path::PathBuf;
use std::time::Duration;

use hashiya::app::{HashiyaApp, Settings};
use hashiya::document;
use hashiya::text::TextEngine;

mod common;
use common::{frame, key};

const PAGES: usize = 400;

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
