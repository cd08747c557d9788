//! The Arabic interface in the window: the menu bar starts at the right, the annotation panel
//! is left of the reader, interface numbers take the chosen digits while the article's own
//! digits stay as written, submenus open at the left, the Label Scheme's field captions are a
//! column at the right, and View ▸ Language switches back to English without a restart.
//!
//! The interface language is process-wide, so these checks run in one test of their own
//! binary.

mod common;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hashiya::app::Settings;
use hashiya::app::command::{Command, UiCommand, Window};
use hashiya::i18n::{self, Digits, UiLanguage};

use common::{app, harness_on};

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets/alaraby_2016-10-25_paris_coalition_raqqa.txt")
}

#[test]
fn arabic_interface_is_mirrored_and_switches_back() {
    let settings = Settings {
        interface_language: Some(UiLanguage::Arabic),
        digits: Some(Digits::ArabicIndic),
        ..Settings::default()
    };
    let mut harness = harness_on(app(settings), &sample(), egui::vec2(1200.0, 800.0), 4);
    assert_eq!(i18n::language(), UiLanguage::Arabic);

    // «ملف» (File) is the rightmost menu, right of «مساعدة» (Help).
    let file = harness.get_by_label("ملف").rect();
    let help = harness.get_by_label("مساعدة").rect();
    assert!(
        file.left() > help.right(),
        "File at {file:?}, Help at {help:?}"
    );
    let menus: Vec<f32> = ["ملف", "تحرير", "المدوّنة", "عرض", "مساعدة"]
        .iter()
        .map(|name| harness.get_by_label(name).rect().center().x)
        .collect();
    assert!(
        menus.windows(2).all(|pair| pair[0] > pair[1]),
        "menus run from the right: {menus:?}"
    );

    // The annotation panel (its label chips) is left of the reader's paragraphs.
    let chip = harness.get_by_label_contains("claim").rect();
    let paragraphs: Vec<egui::Rect> = harness
        .get_all_by_role(Role::Paragraph)
        .map(|node| node.rect())
        .collect();
    assert!(!paragraphs.is_empty());
    let reader_left = paragraphs
        .iter()
        .map(egui::Rect::left)
        .fold(f32::MAX, f32::min);
    assert!(
        chip.right() < reader_left,
        "panel chip at {chip:?}, reader starts at {reader_left}"
    );

    // The status bar counts paragraphs in Arabic-Indic digits with the Arabic plural…
    let count = hashiya::tr!("status-paragraphs", count = 18u64);
    assert!(count.contains("١٨"), "{count}");
    harness.get_by_label("١٨ فقرة");
    // …while the article keeps its own digits.
    let with_digits = harness
        .get_all_by_role(Role::Paragraph)
        .filter_map(|node| node.accesskit_node().label())
        .find(|text| text.contains("13"))
        .expect("the paragraph with «13 بلداً»");
    assert!(with_digits.contains("13 بلداً") && !with_digits.contains('١'));

    // View ▸ Language ▸ Digits: Western. The submenu opens at the left of its button, where
    // its arrow points.
    harness.get_by_label("عرض").click();
    harness.run_steps(2);
    harness.get_by_label("اللغة").hover();
    harness.run_steps(3);
    let language = harness.get_by_label("اللغة").rect();
    let english = harness.get_by_label("English").rect();
    assert!(
        english.right() <= language.left(),
        "Language at {language:?}, its submenu's English at {english:?}"
    );
    harness.get_by_label("غربية (0123456789)").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().workspace.settings.digits,
        Some(Digits::Western)
    );
    harness.get_by_label("18 فقرة");

    label_scheme_runs_from_the_right(&mut harness);
    submenu_arrow_keys_follow_the_view(&mut harness);

    // View ▸ Language ▸ English: the interface turns round at once.
    harness
        .state_mut()
        .push(Command::SetInterfaceLanguage(UiLanguage::English));
    harness.run_steps(4);
    assert_eq!(
        harness.state().workspace.settings.interface_language,
        Some(UiLanguage::English)
    );
    let file = harness.get_by_label("File").rect();
    let help = harness.get_by_label("Help").rect();
    assert!(file.right() < help.left());
    harness.get_by_label("18 paragraphs");
    let chip = harness.get_by_label_contains("claim").rect();
    let reader_right = harness
        .get_all_by_role(Role::Paragraph)
        .map(|node| node.rect().right())
        .fold(f32::MIN, f32::max);
    assert!(chip.left() > reader_right, "panel back at the right");

    // The Label Scheme's captions are back in the left column.
    let rects = label_scheme_captions(&mut harness, &["Name", "Shortcut key"]);
    let name_field = harness.get_by_label("Label name").rect();
    assert!(name_field.left() > rects[0].right());
    assert!((rects[0].left() - rects[1].left()).abs() < 1.0, "{rects:?}");
}

/// Edit ▸ Label Scheme in the Arabic interface: the field captions are a column at the
/// right, lined up at their right edges, and each field is left of its caption.
fn label_scheme_runs_from_the_right(
    harness: &mut egui_kittest::Harness<'_, hashiya::app::HashiyaApp>,
) {
    let captions = ["الاسم", "الوصف", "اللون", "مفتاح الاختصار", "المعرّف"];
    let rects = label_scheme_captions(harness, &captions);
    let right = rects[0].right();
    assert!(
        rects.iter().all(|r| (r.right() - right).abs() < 1.0),
        "captions lined up at the right: {rects:?}"
    );
    assert!(
        rects.windows(2).all(|pair| pair[0].top() < pair[1].top()),
        "{rects:?}"
    );
    let name_field = harness.get_by_label("اسم الوسم").rect();
    assert!(
        name_field.right() < rects[0].left(),
        "name field at {name_field:?}, its caption at {:?}",
        rects[0]
    );
    let widest = rects.iter().map(egui::Rect::width).fold(0.0, f32::max);
    assert!(
        name_field.right() <= right - widest,
        "fields start left of the widest caption"
    );
    harness
        .state_mut()
        .push(Command::CloseWindow(Window::SchemeEditor));
    harness.run_steps(2);
}

/// In the Arabic interface a submenu opens at the left: Left goes into it, Right comes back.
/// The arrows stay in the menu: the reader selects no paragraph with them.
fn submenu_arrow_keys_follow_the_view(
    harness: &mut egui_kittest::Harness<'_, hashiya::app::HashiyaApp>,
) {
    harness.get_by_label("عرض").click();
    harness.run_steps(2);
    harness.get_by_label("اللغة").focus();
    harness.run_steps(2);
    assert!(harness.query_by_label("English").is_none());
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(3);
    assert!(
        harness.query_by_label("English").is_some(),
        "Left opens View ▸ Language"
    );
    assert!(!harness.get_by_label("اللغة").is_focused());
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(3);
    assert!(
        harness.get_by_label("اللغة").is_focused(),
        "Right comes back to Language"
    );
    assert!(harness.query_by_label("English").is_none());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("18 فقرة");
}

/// Opens Edit ▸ Label Scheme and finds its field captions.
fn label_scheme_captions(
    harness: &mut egui_kittest::Harness<'_, hashiya::app::HashiyaApp>,
    captions: &[&str],
) -> Vec<egui::Rect> {
    harness.state_mut().push(UiCommand::LabelScheme);
    harness.run_steps(4);
    captions
        .iter()
        .map(|caption| harness.get_by_label(caption).rect())
        .collect()
}
