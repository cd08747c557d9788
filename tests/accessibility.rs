//! What assistive technology sees: the reading view, the annotation panel and the dialogs,
//! found through AccessKit by role and name, and worked with the keyboard alone.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hashiya::app::{HashiyaApp, Settings};

use common::{RAQQA, app, article_copy, harness_on, press};

fn open_copy() -> (tempfile::TempDir, Harness<'static, HashiyaApp>) {
    let (dir, article) = article_copy(RAQQA, "article.txt");
    let harness = harness_on(
        app(Settings::default()),
        &article,
        egui::vec2(1200.0, 900.0),
        3,
    );
    (dir, harness)
}

#[test]
fn the_annotation_panel_exposes_labels_note_colours_and_list_by_role() {
    let (_dir, mut harness) = open_copy();
    for _ in 0..6 {
        press(&mut harness, Key::J);
    }
    press(&mut harness, Key::Num1);
    press(&mut harness, Key::C);
    press(&mut harness, Key::N);
    harness.event(egui::Event::Text("رأي الكاتب".to_owned()));
    harness.run_steps(2);
    press(&mut harness, Key::Escape);

    // Labels are checkboxes named by the label, checked when attached.
    let claim = harness.get_by_role_and_label(Role::CheckBox, "1  ادعاء claim");
    assert_eq!(
        claim.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let event = harness.get_by_role_and_label(Role::CheckBox, "3  حدث event");
    assert_eq!(
        event.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    // The note is a multi-line text input holding the note.
    let note = harness.get_by_role_and_label(Role::MultilineTextInput, "Note");
    assert_eq!(note.accesskit_node().value().as_deref(), Some("رأي الكاتب"));
    // Highlight colours are radio buttons; "c" picked the first.
    let first = harness.get_by_role_and_label(Role::RadioButton, "Highlight #f2c14e");
    assert_eq!(
        first.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    // The list has a button per annotation.
    let rows = harness
        .query_all_by_role(Role::Button)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("¶ 6"))
        })
        .count();
    assert_eq!(rows, 1);
    harness.get_by_role_and_label(Role::Button, "Delete Annotation (Del)");
    // The selected paragraph is marked selected for screen readers.
    let session = common::session(&harness);
    let text = session.document.paragraph_text(5).unwrap().to_owned();
    let paragraph = harness.get_by_role_and_label(Role::Paragraph, &text);
    assert_eq!(paragraph.accesskit_node().is_selected(), Some(true));
}

#[test]
fn colours_cycle_and_clear_from_the_keyboard() {
    let (_dir, mut harness) = open_copy();
    press(&mut harness, Key::J);
    let color = |h: &Harness<'_, HashiyaApp>| {
        let session = common::session(h);
        session
            .annotations
            .store()
            .paragraph_annotation(session.reader.selected.unwrap())
            .and_then(|a| a.color.clone())
    };
    press(&mut harness, Key::C);
    assert_eq!(color(&harness).as_deref(), Some("#f2c14e"));
    press(&mut harness, Key::C);
    assert_eq!(color(&harness).as_deref(), Some("#8ecae6"));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::C);
    harness.run_steps(2);
    assert_eq!(
        color(&harness),
        None,
        "clearing the only attribute removes the annotation"
    );
}

#[test]
fn the_shortcuts_dialog_opens_from_the_keyboard_and_lists_every_key() {
    let (_dir, mut harness) = open_copy();
    press(&mut harness, Key::F1);
    harness.get_by_label("Keyboard Shortcuts");
    for (keys, action) in [
        ("1 – 9", "Toggle the label"),
        ("n / Enter", "Write the selected"),
        ("Ctrl+Z", "Undo"),
    ] {
        harness.get_by_label(keys);
        harness.get_by_label_contains(action);
    }
    press(&mut harness, Key::F1);
    assert!(
        harness
            .query_by_label("Toggle the label with that number on the selected paragraph")
            .is_none()
    );
}

/// In a window lower than the list, the Keyboard Shortcuts window stays inside it and its
/// last rows scroll into view.
#[test]
fn the_shortcuts_list_scrolls_in_a_low_window() {
    let (_dir, article) = article_copy(RAQQA, "article.txt");
    let height = 520.0;
    let mut harness = harness_on(
        app(Settings::default()),
        &article,
        egui::vec2(1000.0, height),
        3,
    );
    press(&mut harness, Key::F1);
    let window = harness.get_by_label("Keyboard Shortcuts").rect();
    assert!(window.bottom() <= height, "{window:?}");
    let (last_keys, _) = hashiya::app::command::help_rows()
        .pop()
        .expect("shortcut rows");
    let last = harness.get_by_label(&last_keys);
    assert!(last.rect().top() > height, "{:?}", last.rect());
    last.scroll_to_me();
    harness.run_steps(3);
    let last = harness.get_by_label(&last_keys).rect();
    assert!(window.contains_rect(last), "{last:?} in {window:?}");
}

#[test]
fn panel_controls_can_be_reached_with_tab_and_pressed_with_space() {
    let (_dir, mut harness) = open_copy();
    press(&mut harness, Key::J);
    // Tab moves keyboard focus through the panel's controls, past the filter chips to the
    // label chips (named "1  …", "2  …").
    let mut focused_label = None;
    for _ in 0..60 {
        press(&mut harness, Key::Tab);
        let focused: Vec<String> = harness
            .query_all_by_role(Role::CheckBox)
            .filter(egui_kittest::Node::is_focused)
            .filter_map(|n| n.accesskit_node().label())
            .filter(|label| label.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        if let Some(label) = focused.into_iter().next() {
            focused_label = Some(label);
            break;
        }
    }
    let label = focused_label.expect("a label chip took keyboard focus");
    press(&mut harness, Key::Space);
    let session = common::session(&harness);
    let annotation = session
        .annotations
        .store()
        .paragraph_annotation(session.reader.selected.unwrap());
    assert!(
        annotation.is_some_and(|a| !a.labels.is_empty()),
        "Space on {label} attached it"
    );
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "a whole user flow reads best as one test"
)]
fn the_filter_hides_unannotated_paragraphs_and_j_skips_them() {
    let (_dir, mut harness) = open_copy();
    let select = |h: &mut Harness<'_, HashiyaApp>, p: usize| {
        h.state_mut()
            .workspace
            .session
            .as_mut()
            .unwrap()
            .reader
            .select(p);
        h.run_steps(2);
    };
    select(&mut harness, 3);
    press(&mut harness, Key::Num1);
    select(&mut harness, 9);
    press(&mut harness, Key::Num2);
    select(&mut harness, 12);
    press(&mut harness, Key::Num1);
    harness.get_by_label("annotated").click();
    harness.run_steps(3);
    let document = common::session(&harness).document.clone();
    let shown = |h: &Harness<'_, HashiyaApp>, p: usize| {
        h.query_by_role_and_label(Role::Paragraph, document.paragraph_text(p).unwrap())
            .is_some()
    };
    assert!(shown(&harness, 3) && shown(&harness, 9) && shown(&harness, 12));
    assert!(
        !shown(&harness, 4) && !shown(&harness, 10),
        "unannotated paragraphs are hidden"
    );
    // j and k move between the shown paragraphs only.
    select(&mut harness, 3);
    press(&mut harness, Key::J);
    assert_eq!(common::session(&harness).reader.selected, Some(9));
    press(&mut harness, Key::J);
    assert_eq!(common::session(&harness).reader.selected, Some(12));
    press(&mut harness, Key::J);
    assert_eq!(
        common::session(&harness).reader.selected,
        Some(12),
        "stays at the last"
    );
    // Only the claim label: paragraph 9 (quotation) disappears.
    harness.get_by_label("ادعاء claim").click();
    harness.run_steps(3);
    assert!(shown(&harness, 3) && !shown(&harness, 9) && shown(&harness, 12));
    // Statistics count what is there.
    let stats = hashiya::app::statistics(common::session(&harness));
    assert_eq!(stats.annotated_paragraphs, 3);
    assert_eq!(
        stats
            .per_label
            .iter()
            .find(|(id, _)| id == "claim")
            .unwrap()
            .1,
        2
    );
    assert_eq!(
        stats
            .per_label
            .iter()
            .find(|(id, _)| id == "quotation")
            .unwrap()
            .1,
        1
    );
    harness.get_by_label_contains("Annotation overview: 3 annotated paragraphs");
    harness.get_by_label("all").click();
    harness.run_steps(3);
    assert!(shown(&harness, 4));
}

#[test]
fn menus_work_from_the_keyboard_and_close_when_an_item_is_chosen() {
    let (_dir, mut harness) = open_copy();
    // Tab to the Edit menu and open it with Space.
    let focused = |harness: &Harness<'_, HashiyaApp>, name: &str| {
        harness
            .query_all_by_label(name)
            .any(|n| egui_kittest::Node::is_focused(&n))
    };
    for _ in 0..10 {
        if focused(&harness, "Edit") {
            break;
        }
        press(&mut harness, Key::Tab);
    }
    assert!(focused(&harness, "Edit"), "Tab reaches the menu bar");
    press(&mut harness, Key::Space);
    // Into the menu to its first item, chosen with Space: the dialog opens, the menu closes.
    for _ in 0..5 {
        if focused(&harness, "Label Scheme…") {
            break;
        }
        press(&mut harness, Key::Tab);
    }
    assert!(
        focused(&harness, "Label Scheme…"),
        "Tab moves into the open menu"
    );
    press(&mut harness, Key::Space);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Label Scheme…").is_none(),
        "menu closed"
    );
    assert!(
        harness.query_by_label_contains("Label Scheme").is_some(),
        "dialog open"
    );
}
