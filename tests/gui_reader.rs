//! The reading view driven through `egui_kittest`, found through AccessKit like a screen reader
//! would find it.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hashiya::app::{HashiyaApp, Settings, sample_document};
use hashiya::document::ParagraphKind;

use common::{RAQQA, app, corpus, corpus_text, harness, harness_on};

fn sample_app() -> HashiyaApp {
    let mut app = app(Settings::default());
    app.show_document(sample_document());
    app
}

fn selected(harness: &Harness<'_, HashiyaApp>) -> Option<usize> {
    harness
        .state()
        .workspace
        .session
        .as_ref()
        .and_then(|s| s.reader.selected)
}

#[test]
fn every_paragraph_of_the_sample_is_in_the_accessibility_tree_with_its_text() {
    // Tall enough that the whole sample article is in view.
    let mut harness = harness(sample_app(), egui::vec2(1000.0, 9000.0));
    harness.run_steps(4);
    let document = sample_document();
    assert!(document.paragraphs.len() > 10);
    for (idx, paragraph) in document.paragraphs.iter().enumerate() {
        let text = document.paragraph_text(idx).unwrap();
        let role = if paragraph.kind == ParagraphKind::Body {
            Role::Paragraph
        } else {
            Role::Heading
        };
        let nodes = harness.query_all_by_role_and_label(role, text).count();
        assert!(nodes >= 1, "paragraph {idx} ({role:?}) not exposed: {text}");
    }
    assert_eq!(
        harness.get_all_by_role(Role::Heading).count(),
        1,
        "exactly one heading: the article title"
    );
}

#[test]
fn a_click_selects_a_paragraph_and_j_k_move_the_selection() {
    let mut harness = harness(sample_app(), egui::vec2(1000.0, 900.0));
    harness.run_steps(4);
    let document = sample_document();
    let target = 5;
    let text = document.paragraph_text(target).unwrap().to_owned();
    assert_eq!(selected(&harness), None);

    harness
        .get_by_role_and_label(Role::Paragraph, &text)
        .click();
    harness.run_steps(2);
    assert_eq!(selected(&harness), Some(target));
    assert_eq!(
        harness
            .get_by_role_and_label(Role::Paragraph, &text)
            .accesskit_node()
            .is_selected(),
        Some(true)
    );

    harness.key_press(egui::Key::J);
    harness.run_steps(2);
    assert_eq!(selected(&harness), Some(target + 1));
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(selected(&harness), Some(target + 2));
    harness.key_press(egui::Key::K);
    harness.key_press(egui::Key::ArrowUp);
    harness.run_steps(2);
    assert_eq!(selected(&harness), Some(target));
    assert_eq!(
        harness
            .get_by_role_and_label(Role::Paragraph, &text)
            .accesskit_node()
            .is_selected(),
        Some(true)
    );
}

#[test]
fn moving_the_selection_past_the_screen_scrolls_it_into_view() {
    let mut harness = harness(sample_app(), egui::vec2(900.0, 600.0));
    harness.run_steps(4);
    let document = sample_document();
    let last = document.paragraphs.len() - 1;
    let last_text = document.paragraph_text(last).unwrap().to_owned();
    assert!(
        harness
            .query_by_role_and_label(Role::Paragraph, &last_text)
            .is_none(),
        "the last paragraph starts out of view"
    );
    for _ in 0..=last {
        harness.key_press(egui::Key::J);
        harness.run_steps(2);
    }
    harness.run_steps(6);
    assert_eq!(selected(&harness), Some(last));
    let node = harness.get_by_role_and_label(Role::Paragraph, &last_text);
    let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(900.0, 600.0));
    assert!(
        view.intersects(node.rect()),
        "selected paragraph at {:?} is off screen",
        node.rect()
    );
}

#[test]
fn the_large_corpus_file_opens_without_laying_out_the_whole_file() {
    let harness = harness_on(
        app(Settings::default()),
        &corpus("large/snn_2015-07-23_all_1318_articles.txt"),
        egui::vec2(1000.0, 800.0),
        3,
    );
    let session = harness
        .state()
        .workspace
        .session
        .as_ref()
        .expect("the large file is open");
    let paragraphs = session.document.paragraphs.len();
    let laid_out = session.reader.layout.cached_count();
    assert!(paragraphs > 5000, "{paragraphs} paragraphs");
    assert!(
        laid_out > 0 && laid_out < 100,
        "{laid_out} of {paragraphs} paragraphs laid out"
    );
    // The first screen is there to read.
    let first_body = session.document.paragraph_text(2).unwrap().to_owned();
    harness.get_by_role_and_label(Role::Paragraph, &first_body);
}

#[test]
fn ctrl_plus_minus_and_zero_change_the_text_size() {
    let mut harness = harness(sample_app(), egui::vec2(1000.0, 800.0));
    harness.run_steps(2);
    let size = |h: &Harness<'_, HashiyaApp>| h.state().workspace.settings.font_size_pt;
    let start = size(&harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run_steps(2);
    assert!(size(&harness) > start);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run_steps(2);
    assert!(size(&harness) < start);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run_steps(2);
    assert!((size(&harness) - hashiya::app::DEFAULT_FONT_SIZE_PT).abs() < f32::EPSILON);
}

#[test]
fn the_view_menu_switches_typeface_and_theme() {
    let mut harness = harness(sample_app(), egui::vec2(1000.0, 800.0));
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Amiri (for vowelled text)").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace.settings.face,
        hashiya::text::ReadingFace::Amiri
    );
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Dark").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace.settings.theme,
        hashiya::app::Theme::Dark
    );
}

/// The most paragraphs laid out during the frames after `key`, the number still laid out,
/// and the first paragraph in view.
fn after_key(harness: &mut Harness<'_, HashiyaApp>, key: egui::Key) -> (usize, usize, usize) {
    harness.key_press(key);
    let mut most = 0;
    for _ in 0..12 {
        harness.run_steps(1);
        let reader = &common::session(harness).reader;
        most = most.max(reader.layout.cached_count());
    }
    let reader = &common::session(harness).reader;
    (most, reader.layout.cached_count(), reader.first_visible())
}

#[test]
fn end_and_home_in_long_articles_go_there_laying_out_only_what_is_around_the_view() {
    let dir = tempfile::tempdir().unwrap();
    // A whole article on one 8 MB line: pieces of 64 KiB.
    let sample = corpus_text(RAQQA);
    let line = sample.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = dir.path().join("one-line.txt");
    std::fs::write(
        &one_line,
        format!("{line} ").repeat(8 * 1024 * 1024 / line.len()),
    )
    .unwrap();
    for path in [
        corpus("large/snn_2015-07-23_all_1318_articles.txt"),
        one_line,
    ] {
        let mut app = app(Settings::default());
        app.open_blocking(&path);
        let paragraphs = app
            .workspace
            .session
            .as_ref()
            .unwrap()
            .document
            .paragraphs
            .len();
        assert!(paragraphs > 100, "{paragraphs}");
        let mut harness = harness(app, egui::vec2(1280.0, 900.0));
        harness.run_steps(4);
        // A screen holds at most a few dozen paragraphs; before, End laid out every one of
        // the article's paragraphs and then showed the top again.
        for (key, at_end) in [
            (egui::Key::End, true),
            (egui::Key::Home, false),
            (egui::Key::End, true),
        ] {
            let (most, now, first) = after_key(&mut harness, key);
            assert!(
                most < 100,
                "{key:?}: {most} of {paragraphs} laid out at once"
            );
            assert!(now < 100, "{key:?}: {now} still laid out");
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
}
