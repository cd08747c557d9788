//! Passages below paragraph level: selection geometry in mixed-direction lines, grapheme-safe
//! ends, and annotating a passage selected with the mouse.

#![allow(
    clippy::too_many_lines,
    reason = "a whole user flow reads best as one test"
)]
mod common;

use std::path::PathBuf;

use cosmic_text::Cursor;
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::annotation::{TargetKind, sidecar};
use hashiya::app::{HashiyaApp, Settings};
use hashiya::document::ParagraphKind;
use hashiya::text::{ParagraphLayout, TextStyle, fonts};
use hashiya::ui::reader::{grapheme_floor, sentence_at, word_at};

use common::{RAQQA, app, article_copy, harness_from, harness_on};

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

#[test]
fn a_sentence_ends_at_a_terminator_or_with_the_paragraph() {
    // (text, a word inside the sentence, the sentence)
    let cases = [
        ("قال الوزير. ثم غادر.", "الوزير", "قال الوزير."),
        ("قال الوزير. ثم غادر.", "غادر", "ثم غادر."),
        ("هل انتهى؟ لا أدري", "انتهى", "هل انتهى؟"),
        ("هل انتهى؟ لا أدري", "أدري", "لا أدري"),
        ("يا له من يوم! سنرى", "يوم", "يا له من يوم!"),
        // The closing quote belongs to the sentence it closes.
        (
            "وقال: \"كان واجبنا.\" ثم صمت",
            "واجبنا",
            "وقال: \"كان واجبنا.\"",
        ),
        // A decimal point is not a sentence end.
        ("ارتفع 3.5 في المئة. وهبط", "المئة", "ارتفع 3.5 في المئة."),
        ("نص بلا نهاية", "بلا", "نص بلا نهاية"),
    ];
    for (text, inside, expected) in cases {
        let byte = text.find(inside).unwrap();
        assert_eq!(
            &text[sentence_at(text, byte)],
            expected,
            "{text:?} at {inside:?}"
        );
    }
    // Between two sentences there is nothing to select, and no offset panics.
    assert!(sentence_at(" ", 0).is_empty());
    let text = "قال الوزير. ثم غادر.";
    for byte in 0..=text.len() {
        let range = sentence_at(text, byte);
        assert!(range.end <= text.len() && text.is_char_boundary(range.start));
    }
}

fn open_sample() -> (tempfile::TempDir, PathBuf, Harness<'static, HashiyaApp>) {
    let (dir, article) = article_copy(RAQQA, "raqqa.txt");
    let harness = harness_on(
        app(Settings::default()),
        &article,
        egui::vec2(1200.0, 900.0),
        3,
    );
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
    let text = common::session(&harness)
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
    let selection = common::session(&harness)
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
    assert!(common::session(&harness).reader.text_selection.is_none());
    pointer(&mut harness, Pos2::new(rect.right() - 60.0, y), Some(true));
    pointer(&mut harness, Pos2::new(rect.right() - 60.0, y), Some(false));
    let again = common::session(&harness)
        .reader
        .text_selection
        .expect("passage selected by click");
    assert_eq!(&text[again.range()], selected);
    harness.run_steps(1);
    harness.get_by_label_contains("Passage in paragraph 6");
}

/// Opens a copy of a corpus article in a window whose frames are 1/60 s apart, as on a
/// screen, so that clicks sent in consecutive frames fall within the double-click time.
fn open_copy(relative: &str) -> (tempfile::TempDir, Harness<'static, HashiyaApp>) {
    let (dir, article) = article_copy(relative, "article.txt");
    let mut app = app(Settings::default());
    app.open_blocking(&article);
    let builder = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .with_step_dt(1.0 / 60.0);
    let mut harness = harness_from(builder, app);
    harness.run_steps(3);
    (dir, harness)
}

fn paragraph_text(harness: &Harness<'_, HashiyaApp>, paragraph: usize) -> String {
    common::session(harness)
        .document
        .paragraph_text(paragraph)
        .unwrap()
        .to_owned()
}

fn selected_passage(harness: &Harness<'_, HashiyaApp>) -> Option<String> {
    let session = common::session(harness);
    let selection = session.reader.text_selection.filter(|s| !s.is_empty())?;
    let text = session.document.paragraph_text(selection.paragraph)?;
    Some(text[selection.range()].to_owned())
}

/// Where on the screen the letter starting at `byte` of `paragraph` is drawn: `along` is the
/// fraction of the glyph's width from its left edge (in Arabic, 0.2 is the trailing half).
fn letter_pos(
    harness: &Harness<'_, HashiyaApp>,
    paragraph: usize,
    byte: usize,
    along: f32,
) -> Pos2 {
    let text = paragraph_text(harness, paragraph);
    let node = harness.get_by_role_and_label(Role::Paragraph, &text).rect();
    let reader = &common::session(harness).reader;
    let layout = reader.layout.get(paragraph).expect("paragraph laid out");
    assert!(layout.is_rtl());
    // The node is the text's rectangle widened evenly, by the gap after it vertically.
    let left = node.center().x - layout.width_pt() / 2.0;
    let top = node.top() + reader.layout.gap_after_pt(paragraph) / 2.0;
    for run in layout.runs() {
        if let Some(glyph) = run.glyphs.iter().find(|g| (g.start..g.end).contains(&byte)) {
            return Pos2::new(
                left + glyph.x + glyph.w * along,
                top + run.line_top + run.line_height / 2.0,
            );
        }
    }
    panic!("no glyph for byte {byte} of paragraph {paragraph}");
}

/// Presses and releases the primary button `count` times at `pos`: all in one frame, or
/// each press and release in a frame of its own.
fn click_times(harness: &mut Harness<'_, HashiyaApp>, pos: Pos2, count: usize, one_frame: bool) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(1);
    for _ in 0..count {
        for pressed in [true, false] {
            harness.input_mut().events.push(egui::Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            if !one_frame {
                harness.step();
            }
        }
    }
    harness.step();
}

/// Lets more than the double-click time pass, so the next click starts afresh.
fn pause(harness: &mut Harness<'_, HashiyaApp>) {
    harness.run_steps(30);
}

#[test]
fn a_double_click_selects_the_word_under_the_pointer_and_a_label_key_labels_it() {
    let (_dir, mut harness) = open_copy("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    let paragraph = 5;
    let text = paragraph_text(&harness, paragraph);
    let word = "وزراء";
    let start = text.find(word).unwrap();
    let last_letter = start + word.len() - "ء".len();
    // The middle of the word, the trailing (left) half of its last letter, the leading
    // (right) half of its first letter; the two clicks in one frame or in four.
    let places = [
        (start + "وز".len(), 0.5),
        (last_letter, 0.15),
        (start, 0.85),
    ];
    for (byte, along) in places {
        for one_frame in [true, false] {
            let pos = letter_pos(&harness, paragraph, byte, along);
            // As a person would: click the paragraph first, then double-click the word.
            click_times(&mut harness, pos, 1, true);
            assert_eq!(common::session(&harness).reader.selected, Some(paragraph));
            pause(&mut harness);
            click_times(&mut harness, pos, 2, one_frame);
            assert_eq!(
                selected_passage(&harness).as_deref(),
                Some(word),
                "double click at byte {byte} ({along} along the glyph), one frame: {one_frame}"
            );
            pause(&mut harness);
        }
    }

    // The label key labels the word, not the paragraph.
    harness.key_press(Key::Num4);
    harness.run_steps(1);
    let session = common::session(&harness);
    let annotations = session.annotations.store().annotations();
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0].target.kind, TargetKind::Span);
    assert_eq!(annotations[0].target.quote.exact, word);
    assert_eq!(annotations[0].labels, ["actor"]);
}

#[test]
fn a_double_click_on_a_vowelled_word_selects_it_with_all_its_marks() {
    let (_dir, mut harness) =
        open_copy("diacritized/snn_alyaum_2015-07-22_1670_diacritized_poem.txt");
    let session = common::session(&harness);
    let word = "رِكابَكِ";
    let paragraph = (0..session.document.paragraphs.len())
        .find(|&i| {
            session
                .document
                .paragraph_text(i)
                .is_some_and(|t| t.contains(word))
        })
        .unwrap();
    let text = paragraph_text(&harness, paragraph);
    let start = text.find(word).unwrap();
    // The last letter is «كِ»: kaf with a kasra, which must come along.
    let last_letter = start + word.len() - "كِ".len();
    assert!(word.ends_with(hashiya::arabic::is_tashkeel));
    for (byte, along) in [(start + "رِ".len(), 0.5), (last_letter, 0.1)] {
        let pos = letter_pos(&harness, paragraph, byte, along);
        click_times(&mut harness, pos, 2, false);
        assert_eq!(
            selected_passage(&harness).as_deref(),
            Some(word),
            "at byte {byte}"
        );
        pause(&mut harness);
    }
}

#[test]
fn a_triple_click_selects_the_sentence_and_further_clicks_keep_it() {
    let (_dir, mut harness) = open_copy("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    // «وكشف الرئيس الفرنسي، … في الموصل. ونوّه إلى …»: two sentences and more.
    let paragraph = 9;
    let text = paragraph_text(&harness, paragraph);
    let first_end = text.find(". ").unwrap() + 1;
    let first = &text[..first_end];
    let second_start = first_end + 1;
    let second_end = second_start + text[second_start..].find('.').unwrap() + 1;
    let second = &text[second_start..second_end];
    assert!(second.starts_with("ونوّه"), "{second}");
    harness
        .state_mut()
        .workspace
        .session
        .as_mut()
        .unwrap()
        .reader
        .scroll_to_paragraph(paragraph);
    harness.run_steps(3);

    let in_first = letter_pos(&harness, paragraph, text.find("الرئيس").unwrap(), 0.5);
    click_times(&mut harness, in_first, 3, false);
    assert_eq!(selected_passage(&harness).as_deref(), Some(first));
    // A fourth quick click is still a triple click for egui: the sentence stays selected.
    click_times(&mut harness, in_first, 1, true);
    assert_eq!(selected_passage(&harness).as_deref(), Some(first));
    pause(&mut harness);

    // A click just before a double click makes it a triple click, all in one frame too.
    let in_second = letter_pos(&harness, paragraph, second_start + "ونو".len(), 0.5);
    click_times(&mut harness, in_second, 1, true);
    click_times(&mut harness, in_second, 2, true);
    assert_eq!(selected_passage(&harness).as_deref(), Some(second));
    pause(&mut harness);
    click_times(&mut harness, in_second, 2, true);
    assert_eq!(selected_passage(&harness).as_deref(), Some("ونوّه"));
}

#[test]
fn a_double_click_in_the_find_field_selects_one_word_and_a_triple_click_the_line() {
    let (_dir, mut harness) = open_copy("news/alaraby_2016-10-25_paris_coalition_raqqa.txt");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    let query = "الدولي الغربي";
    harness.event(egui::Event::Text(query.to_owned()));
    harness.run_steps(2);
    let field = harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .rect();
    let copied = |harness: &mut Harness<'_, HashiyaApp>| {
        harness.event(egui::Event::Copy);
        harness.run_steps(1);
        harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(t) => Some(t.clone()),
                _ => None,
            })
    };
    // Double-click every point across the text (it is right-aligned): each selects one word
    // or, between the words, nothing; never a word with its neighbour.
    let mut words_seen = std::collections::BTreeSet::new();
    let mut x = field.right() - 4.0;
    while x > field.right() - 130.0 {
        click_times(&mut harness, Pos2::new(x, field.center().y), 2, true);
        if let Some(selected) = copied(&mut harness) {
            assert!(
                query.split(' ').any(|w| w == selected),
                "double click at x = {x} selected {selected:?}"
            );
            words_seen.insert(selected);
        }
        pause(&mut harness);
        x -= 1.5;
    }
    assert_eq!(words_seen.len(), 2, "{words_seen:?}");
    let middle = Pos2::new(field.right() - 30.0, field.center().y);
    click_times(&mut harness, middle, 3, false);
    assert_eq!(copied(&mut harness).as_deref(), Some(query));
}
