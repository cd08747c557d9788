//! Memory while reading the 3.9 MB corpus file, headless: pages through it with Page Down,
//! jumps End and Home, zooms in four steps, goes Home again, then opens another article.
//! After each step it prints the process's resident set (`VmRSS`) and peak (`VmHWM`) from
//! `/proc/self/status`, with the reader's cached layouts and the glyph atlas.
//!
//! `cargo bench --bench memory` (Linux only: it reads `/proc`).

use std::path::{Path, PathBuf};

use hashiya::app::{HashiyaApp, Settings};
use hashiya::document;
use hashiya::text::TextEngine;

mod common;

/// One frame in a 1280×900 window (the window benchmark's display).
fn frame(ctx: &egui::Context, app: &mut HashiyaApp, events: Vec<egui::Event>) {
    common::frame_in(ctx, app, egui::vec2(1280.0, 900.0), events);
}

/// Page Down presses, in batches, sampled after each batch.
const PAGES: usize = 750;
const BATCH: usize = 150;

/// A key press and release, then two frames to apply and settle the scroll.
fn press(ctx: &egui::Context, app: &mut HashiyaApp, key: egui::Key, modifiers: egui::Modifiers) {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    frame(ctx, app, vec![event(true), event(false)]);
    frame(ctx, app, Vec::new());
    frame(ctx, app, Vec::new());
}

/// `VmRSS` and `VmHWM` in MB.
fn rss_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn report(app: &HashiyaApp, step: &str, shaped_before: &mut usize) {
    let (rss, hwm) = rss_mb();
    let (first, cached, bytes, shaped) = app.workspace.session.as_ref().map_or((0, 0, 0, 0), |s| {
        (
            s.reader.first_visible(),
            s.reader.layout.cached_count(),
            s.reader.layout.cached_bytes(),
            s.reader.layout.shaped_count(),
        )
    });
    let atlas = &app.text_engine().atlas;
    let heap = heap::in_use_mb();
    println!(
        "| {step} | {rss:.0} | {hwm:.0} | {heap:.0} | {first} | {cached} | {:.0} | {} | {} | {} |",
        bytes as f64 / 1024.0,
        shaped.saturating_sub(*shaped_before),
        atlas.page_count(),
        atlas.glyph_count(),
    );
    *shaped_before = shaped;
}

fn main() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let document = document::load(&corpus.join("large/snn_2015-07-23_all_1318_articles.txt"))
        .expect("large corpus file");
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
    let ctx = egui::Context::default();
    let none = egui::Modifiers::NONE;
    let mut shaped = 0;
    println!(
        "| step | RSS MB | peak MB | heap MB | first paragraph | cached layouts | cached KB | shaped | atlas pages | atlas glyphs |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    app.show_document(document);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    report(&app, "just opened", &mut shaped);
    for batch in 0..PAGES / BATCH {
        for _ in 0..BATCH {
            press(&ctx, &mut app, egui::Key::PageDown, none);
        }
        report(
            &app,
            &format!("{} × Page Down", (batch + 1) * BATCH),
            &mut shaped,
        );
    }
    press(&ctx, &mut app, egui::Key::End, none);
    report(&app, "End", &mut shaped);
    press(&ctx, &mut app, egui::Key::Home, none);
    report(&app, "Home", &mut shaped);
    for _ in 0..4 {
        press(&ctx, &mut app, egui::Key::Equals, egui::Modifiers::COMMAND);
    }
    report(&app, "Ctrl+= ×4", &mut shaped);
    press(&ctx, &mut app, egui::Key::Home, none);
    report(&app, "Home", &mut shaped);
    let other = first_news_article(&corpus.join("news"));
    if let Some(other) = other.and_then(|path| document::load(&path).ok()) {
        app.show_document(other);
        for _ in 0..3 {
            frame(&ctx, &mut app, Vec::new());
        }
        report(&app, "other article", &mut shaped);
    }
}

/// The first `.txt` file under `dir`, by name.
fn first_news_article(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = walk(dir);
    found.sort();
    found.into_iter().next()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out
}

/// The heap glibc's malloc has handed out and not had back (`mallinfo2`), which RSS hides:
/// freed memory the allocator keeps for reuse still counts as resident.
#[allow(unsafe_code)]
mod heap {
    /// glibc's `struct mallinfo2`.
    #[repr(C)]
    struct MallInfo2 {
        arena: usize,
        ordblks: usize,
        smblks: usize,
        hblks: usize,
        hblkhd: usize,
        usmblks: usize,
        fsmblks: usize,
        uordblks: usize,
        fordblks: usize,
        keepcost: usize,
    }

    unsafe extern "C" {
        fn mallinfo2() -> MallInfo2;
    }

    /// Bytes in use in the heap and in separately mapped blocks, in MB.
    pub fn in_use_mb() -> f64 {
        // SAFETY: `mallinfo2` takes no arguments and returns a plain struct by value.
        let info = unsafe { mallinfo2() };
        (info.uordblks + info.hblkhd) as f64 / 1_048_576.0
    }
}
