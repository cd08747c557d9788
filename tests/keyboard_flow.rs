//! The sample article annotated with the keyboard alone, as a Prodigy-style session would:
//! every step is a key press or typed text, never the mouse.

mod common;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use hashiya::annotation::sidecar;
use hashiya::app::{HashiyaApp, Settings};

use common::{app, harness_on, press_with};

fn key(harness: &mut Harness<'_, HashiyaApp>, key: Key) {
    harness.key_press(key);
    harness.run_steps(1);
}

fn ctrl(harness: &mut Harness<'_, HashiyaApp>, modifiers: Modifiers, k: Key) {
    press_with(harness, modifiers, k, 1);
}

#[test]
fn the_sample_article_is_annotated_without_the_mouse() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("sample.txt");
    std::fs::write(&article, hashiya::app::SAMPLE_ARTICLE).unwrap();
    let mut harness = harness_on(
        app(Settings::default()),
        &article,
        egui::vec2(1200.0, 900.0),
        3,
    );
    let paragraphs = common::session(&harness).document.paragraphs.len();

    // Walk the whole article: every body paragraph gets a label by its position.
    key(&mut harness, Key::J); // selects the title
    for paragraph in 1..paragraphs {
        key(&mut harness, Key::ArrowDown);
        assert_eq!(common::session(&harness).reader.selected, Some(paragraph));
        let digit = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
        ][paragraph % 7];
        key(&mut harness, digit);
    }
    // Back up three paragraphs with k and write a note with Enter … Esc.
    for _ in 0..3 {
        key(&mut harness, Key::K);
    }
    key(&mut harness, Key::Enter);
    harness.event(Event::Text("ملاحظة مكتوبة بلوحة المفاتيح".to_owned()));
    harness.run_steps(1);
    key(&mut harness, Key::Escape);
    // Colour it, then delete the next paragraph's annotation and undo that.
    key(&mut harness, Key::C);
    key(&mut harness, Key::J);
    key(&mut harness, Key::Delete);
    ctrl(&mut harness, Modifiers::COMMAND, Key::Z);
    // Find a word and step through the hits, then close the find bar.
    ctrl(&mut harness, Modifiers::COMMAND, Key::F);
    harness.event(Event::Text("داعش".to_owned()));
    harness.run_steps(1);
    key(&mut harness, Key::Enter);
    assert_eq!(harness.state().windows.search.as_ref().unwrap().current, 1);
    key(&mut harness, Key::Escape);
    assert!(harness.state().windows.search.is_none());
    // The shortcut list opens and closes with F1.
    key(&mut harness, Key::F1);
    key(&mut harness, Key::F1);
    ctrl(&mut harness, Modifiers::COMMAND, Key::S);

    let (saved, _) = sidecar::read(&sidecar::sidecar_path(&article))
        .unwrap()
        .unwrap();
    assert_eq!(
        saved.annotations.len(),
        paragraphs - 1,
        "every body paragraph annotated, the deletion undone"
    );
    let noted: Vec<_> = saved
        .annotations
        .iter()
        .filter(|a| !a.note.is_empty())
        .collect();
    assert_eq!(noted.len(), 1);
    assert_eq!(noted[0].note, "ملاحظة مكتوبة بلوحة المفاتيح");
    assert_eq!(noted[0].target.paragraph, paragraphs - 4);
    assert!(noted[0].color.is_some());
    let label_of = |p: usize| {
        saved
            .annotations
            .iter()
            .find(|a| a.target.paragraph == p)
            .unwrap()
            .labels
            .clone()
    };
    assert_eq!(label_of(1), ["quotation"]);
    assert_eq!(label_of(7), ["claim"]);
}
