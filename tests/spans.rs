//! Passages below paragraph level: selection geometry in mixed-direction lines, grapheme-safe
//! ends, and annotating a passage selected with the mouse.

#![allow(
    clippy::too_many_lines,
    reason = "a whole user flow reads best as one test"
)]
use std::path::PathBuf;

use cosmic_text::Cursor;
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::{TargetKind, sidecar};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::document::ParagraphKind;
use hashiya::text::{ParagraphLayout, TextEngine, TextStyle, fonts};
use hashiya::ui::reader::{grapheme_floor, word_at};

fn corpus(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(relative)
}

/// Highlight rectangles (x, width) for `range` of a one-line paragraph.
fn highlight(text: &str, range: std::ops::Range<usize>) -> (Vec<(f32, f32)>, ParagraphLayout) {
    let mut font_system = fonts::font_system(false);
    let layout = ParagraphLayout::new(
        &mut font_system,
        text,
        &TextStyle::default().for_kind(ParagraphKind::Body),
        10_000.0,
    );
    let run = layout.runs().next().unwrap();
    let rects: Vec<(f32, f32)> = run
        .highlight(Cursor::new(0, range.start), Cursor::new(0, range.end))
        .collect();
    (rects, layout)
}

/// The x range of the glyphs of bytes `start..end` in the laid-out line.
fn glyph_span(layout: &ParagraphLayout, start: usize, end: usize) -> (f32, f32) {
    let run = layout.runs().next().unwrap();
    let xs: Vec<(f32, f32)> = run
        .glyphs
        .iter()
        .filter(|g| g.start >= start && g.end <= end)
        .map(|g| (g.x, g.x + g.w))
        .collect();
    (
        xs.iter().map(|x| x.0).fold(f32::MAX, f32::min),
        xs.iter().map(|x| x.1).fold(f32::MIN, f32::max),
    )
}

#[test]
fn a_selection_crossing_directions_is_drawn_as_separate_rectangles() {
    let text = "هولاند: داعش قد يفكّر مناطقه(تشارليس بلاتياو/AFP)";
    // «بلاتياو/AF»: on screen the Arabic word and the slash are right of «AFP», and only «AF»
    // of it is selected, so «P» stays unhighlighted between the two parts.
    let start = text.find("بلاتياو").unwrap();
    let end = text.find("AFP").unwrap() + 2;
    let (rects, layout) = highlight(text, start..end);
    assert_eq!(rects.len(), 2, "{rects:?}");
    let afp = text.find("AFP").unwrap();
    let (af_left, _) = glyph_span(&layout, afp, afp + 2);
    let (p_left, p_right) = glyph_span(&layout, afp + 2, afp + 3);
    let (_, word_right) = glyph_span(&layout, start, start + "بلاتياو".len());
    let mut rects = rects;
    rects.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Left rectangle: «AF»; right rectangle: from «/» to the end of «بلاتياو».
    assert!(
        (rects[0].0 - af_left).abs() < 0.5,
        "{rects:?} vs AF at {af_left}"
    );
    assert!(rects[0].0 + rects[0].1 <= p_left + 0.5);
    assert!(
        (rects[1].0 - p_right).abs() < 0.5,
        "{rects:?} vs P at {p_left}..{p_right}"
    );
    assert!((rects[1].0 + rects[1].1 - word_right).abs() < 0.5);
    // A purely Arabic selection is one rectangle.
    let word = text.find("داعش").unwrap();
    assert_eq!(highlight(text, word..word + "داعش".len()).0.len(), 1);
}

#[test]
fn selection_ends_never_split_a_letter_from_its_marks() {
    let text = "الشَّهَادَةِ ظَاهِرَةً";
    // Every byte offset snaps to the start of a grapheme: a letter with its marks.
    for byte in 0..=text.len() {
        let snapped = grapheme_floor(text, byte);
        assert!(text.is_char_boundary(snapped));
        let next = text[snapped..].chars().next();
        assert!(
            next.is_none_or(|c| !hashiya::arabic::is_tashkeel(c)),
            "offset {byte} snapped into marks at {snapped}"
        );
    }
    // A double-clicked word comes with all its marks.
    let inside = text.find("هَا").unwrap();
    assert_eq!(&text[word_at(text, inside)], "الشَّهَادَةِ");
}

fn open_sample() -> (tempfile::TempDir, PathBuf, Harness<'static, HashiyaApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("raqqa.txt");
    std::fs::copy(
        corpus("news/alaraby_2016-10-25_paris_coalition_raqqa.txt"),
        &article,
    )
    .unwrap();
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false));
    app.open_blocking(&article);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app);
    harness.run_steps(3);
    (dir, article, harness)
}

fn pointer(harness: &mut Harness<'_, HashiyaApp>, pos: Pos2, pressed: Option<bool>) {
    harness.event(egui::Event::PointerMoved(pos));
    if let Some(pressed) = pressed {
        harness.event(egui::Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(1);
}

#[test]
fn a_dragged_passage_is_annotated_like_a_paragraph_and_saved_as_a_span() {
    let (_dir, article, mut harness) = open_sample();
    let paragraph = 5;
    let text = harness
        .state()
        .session
        .as_ref()
        .unwrap()
        .document
        .paragraph_text(paragraph)
        .unwrap()
        .to_owned();
    let rect = harness.get_by_role_and_label(Role::Paragraph, &text).rect();
    // Arabic starts at the right: drag from the right edge of the first line leftwards.
    let y = rect.top() + 18.0;
    // The paragraph's node is a little wider than its text: start right of the first letter.
    pointer(&mut harness, Pos2::new(rect.right() - 3.0, y), None);
    pointer(&mut harness, Pos2::new(rect.right() - 3.0, y), Some(true));
    for step in 1..=10 {
        pointer(
            &mut harness,
            Pos2::new(rect.right() - 3.0 - 25.0 * step as f32, y),
            None,
        );
    }
    pointer(
        &mut harness,
        Pos2::new(rect.right() - 270.0, y),
        Some(false),
    );
    let selection = harness
        .state()
        .session
        .as_ref()
        .unwrap()
        .reader
        .text_selection
        .expect("text selected");
    assert_eq!(selection.paragraph, paragraph);
    let selected = &text[selection.range()];
    assert!(selected.chars().count() > 5, "{selected:?}");
    assert!(
        text.starts_with(selected.trim_start()),
        "dragging from the right starts at the paragraph's start: {selected:?}"
    );

    // Ctrl+C copies it, in logical order.
    harness.event(egui::Event::Copy);
    harness.run_steps(1);
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    assert_eq!(copied.as_deref(), Some(selected));

    // Keys work on the passage: label 4, a note, a colour.
    harness.key_press(Key::Num4);
    harness.run_steps(1);
    harness.key_press(Key::N);
    harness.run_steps(1);
    harness.event(egui::Event::Text("فاعل في الجملة".to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Escape);
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&article))
        .unwrap()
        .unwrap();
    assert_eq!(saved.annotations.len(), 1);
    let span = &saved.annotations[0];
    assert_eq!(span.target.kind, TargetKind::Span);
    assert_eq!(span.labels, ["actor"]);
    assert_eq!(span.note, "فاعل في الجملة");
    assert_eq!(span.target.quote.exact, selected);
    let document = hashiya::document::load(&article).unwrap();
    let chars: Vec<char> = document.text.chars().collect();
    assert_eq!(
        chars[span.target.position.start..span.target.position.end]
            .iter()
            .collect::<String>(),
        selected
    );

    // Clicking elsewhere clears the selection; clicking inside the passage selects it again.
    let first_line = harness.get_by_role_and_label(Role::Paragraph, &text).rect();
    pointer(
        &mut harness,
        Pos2::new(first_line.left() + 40.0, first_line.bottom() - 10.0),
        Some(true),
    );
    pointer(
        &mut harness,
        Pos2::new(first_line.left() + 40.0, first_line.bottom() - 10.0),
        Some(false),
    );
    assert!(
        harness
            .state()
            .session
            .as_ref()
            .unwrap()
            .reader
            .text_selection
            .is_none()
    );
    pointer(&mut harness, Pos2::new(rect.right() - 60.0, y), Some(true));
    pointer(&mut harness, Pos2::new(rect.right() - 60.0, y), Some(false));
    let again = harness
        .state()
        .session
        .as_ref()
        .unwrap()
        .reader
        .text_selection
        .expect("passage selected by click");
    assert_eq!(&text[again.range()], selected);
    harness.run_steps(1);
    harness.get_by_label_contains("Passage in paragraph 6");
}
