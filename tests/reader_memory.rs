//! What the reading view keeps in memory: paging through the 3.9 MB corpus file keeps only the
//! paragraphs around the view shaped, and End and Home shape only what is around their target.
//! Counts, not timings or RSS: the number of shaped paragraphs, their text bytes, the atlas.

mod common;

use hashiya::app::{HashiyaApp, Settings};
use hashiya::text::layout::CACHE_BUDGET_BYTES;

use common::{app, corpus};

const LARGE: &str = "large/snn_2015-07-23_all_1318_articles.txt";

/// Runs one frame of the whole app in a 1280×900 window with `events`.
fn frame(ctx: &egui::Context, app: &mut HashiyaApp, events: Vec<egui::Event>) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 900.0),
        )),
        events,
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    // No renderer takes the texture uploads (egui asserts, in debug builds, that they are
    // not dropped unhandled).
    output.textures_delta.clear();
}

/// Presses `key`, then runs two more frames to apply and settle the scroll.
fn press(ctx: &egui::Context, app: &mut HashiyaApp, key: egui::Key) {
    let event = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    frame(ctx, app, vec![event(true), event(false)]);
    frame(ctx, app, Vec::new());
    frame(ctx, app, Vec::new());
}

/// (first paragraph in view, layouts cached, their text bytes, paragraphs shaped so far).
fn reader_counts(app: &HashiyaApp) -> (usize, usize, usize, usize) {
    let reader = &app
        .workspace
        .session
        .as_ref()
        .expect("an article is open")
        .reader;
    (
        reader.first_visible(),
        reader.layout.cached_count(),
        reader.layout.cached_bytes(),
        reader.layout.shaped_count(),
    )
}

#[test]
fn paging_through_a_large_file_keeps_only_the_layouts_around_the_view() {
    let mut app = app(Settings::default());
    app.open_blocking(&corpus(LARGE));
    let ctx = egui::Context::default();
    frame(&ctx, &mut app, Vec::new());
    frame(&ctx, &mut app, Vec::new());
    let document = &app.workspace.session.as_ref().unwrap().document;
    let paragraphs = document.paragraphs.len();
    let text_bytes: usize = (0..paragraphs)
        .filter_map(|i| document.paragraph_text(i))
        .map(str::len)
        .sum();
    assert!(
        text_bytes > 20 * CACHE_BUDGET_BYTES,
        "{text_bytes} bytes of text"
    );
    let (mut most_count, mut most_bytes) = (0, 0);
    let mut last_first = 0;
    let mut stalled = 0;
    // Until the view stops moving at the end.
    for _ in 0..4000 {
        press(&ctx, &mut app, egui::Key::PageDown);
        let (first, count, bytes, _) = reader_counts(&app);
        most_count = most_count.max(count);
        most_bytes = most_bytes.max(bytes);
        stalled = if first == last_first { stalled + 1 } else { 0 };
        last_first = first;
        // A paragraph longer than a screen holds the first paragraph in view for a few pages.
        if (stalled == 3 && first + 20 > paragraphs) || stalled == 100 {
            break;
        }
    }
    let (first, _, _, shaped) = reader_counts(&app);
    assert!(first + 20 > paragraphs, "paged to {first} of {paragraphs}");
    // Every paragraph was shaped on the way, but only a budget's worth is kept.
    assert!(
        shaped >= paragraphs * 9 / 10,
        "{shaped} of {paragraphs} shaped"
    );
    assert!(
        most_bytes <= CACHE_BUDGET_BYTES,
        "{most_bytes} bytes of text kept shaped (budget {CACHE_BUDGET_BYTES})"
    );
    assert!(
        most_count < paragraphs / 20,
        "{most_count} of {paragraphs} layouts kept"
    );
    // Glyphs are few even in a long file: the atlas does not grow with reading.
    assert_eq!(app.text_engine().atlas.page_count(), 1);

    // End and Home shape only the paragraphs around where they land, from anywhere.
    for (key, at_end) in [
        (egui::Key::Home, false),
        (egui::Key::End, true),
        (egui::Key::Home, false),
    ] {
        let (_, _, _, before) = reader_counts(&app);
        press(&ctx, &mut app, key);
        for _ in 0..6 {
            frame(&ctx, &mut app, Vec::new());
        }
        let (first, _, bytes, after) = reader_counts(&app);
        let shaped = after - before;
        assert!(shaped < 100, "{key:?} shaped {shaped} paragraphs");
        assert!(bytes <= CACHE_BUDGET_BYTES, "{key:?}: {bytes} bytes kept");
        if at_end {
            assert!(
                first + 20 > paragraphs,
                "{key:?}: at {first} of {paragraphs}"
            );
        } else {
            assert_eq!(first, 0, "{key:?}");
        }
    }
}

#[test]
fn opening_another_article_drops_the_layouts_of_the_one_before() {
    let mut app = app(Settings::default());
    app.open_blocking(&corpus(LARGE));
    let ctx = egui::Context::default();
    frame(&ctx, &mut app, Vec::new());
    for _ in 0..30 {
        press(&ctx, &mut app, egui::Key::PageDown);
    }
    let (_, large_count, _, _) = reader_counts(&app);
    assert!(large_count > 10, "{large_count} layouts");
    app.open_blocking(&corpus(common::RAQQA));
    frame(&ctx, &mut app, Vec::new());
    let session = app.workspace.session.as_ref().unwrap();
    assert!(session.document.paragraphs.len() < 100);
    // The new reader starts from nothing: only the new article's paragraphs are shaped.
    let (_, count, _, shaped) = reader_counts(&app);
    assert!(
        count <= session.document.paragraphs.len(),
        "{count} layouts"
    );
    assert_eq!(count, shaped);
}
