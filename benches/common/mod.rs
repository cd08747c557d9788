//! What the headless benchmarks share: one frame of the whole app, as eframe runs it.

#![allow(dead_code)] // each benchmark uses a part

use std::time::{Duration, Instant};

use hashiya::app::HashiyaApp;

/// The window size of a first start, in points.
pub const WINDOW: egui::Vec2 = egui::vec2(1100.0, 820.0);

/// Runs one frame of `app` in a `size` window with `events`, tessellated as eframe would
/// before handing it to the GPU, and returns how long that took.
pub fn frame_in(
    ctx: &egui::Context,
    app: &mut HashiyaApp,
    size: egui::Vec2,
    events: Vec<egui::Event>,
) -> Duration {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        events,
        ..Default::default()
    };
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives.len());
    start.elapsed()
}

/// [`frame_in`] at the first start's window size.
pub fn frame(ctx: &egui::Context, app: &mut HashiyaApp, events: Vec<egui::Event>) -> Duration {
    frame_in(ctx, app, WINDOW, events)
}

/// A press and release of `key`.
pub fn key(key: egui::Key) -> Vec<egui::Event> {
    let press = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    vec![press(true), press(false)]
}
