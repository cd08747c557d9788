//! The command table is the one source of keys, menu items and the Keyboard Shortcuts list:
//! every command with a key shows that key in its menu item and in the list, and pressing
//! each of its keys carries out that command.

mod common;

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hashiya::app::command::{COMMANDS, Menu, Trigger, help_rows, trigger_text};
use hashiya::app::{Command, FixedPicker, HashiyaApp, Settings, UiCommand, sample_document};
use hashiya::text::TextEngine;

fn harness() -> Harness<'static, HashiyaApp> {
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false))
        .with_picker(FixedPicker::default());
    app.show_document(sample_document());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app);
    harness.run_steps(3);
    harness.state_mut().take_applied_commands();
    harness
}

fn menu_name(menu: Menu) -> &'static str {
    match menu {
        Menu::File => "File",
        Menu::Edit => "Edit",
        Menu::Corpus => "Corpus",
        Menu::View => "View",
        Menu::Help => "Help",
        Menu::None => unreachable!("keys only"),
    }
}

#[test]
fn menu_items_and_the_shortcut_list_show_the_keys_of_the_table() {
    let mut harness = harness();
    let rows = help_rows();
    let mut checked = 0;
    for info in COMMANDS.iter().filter(|i| !i.keys.is_empty()) {
        // The list names every key of the command, on the command's own line.
        let keys = info.keys_text();
        assert!(
            rows.iter()
                .any(|(k, help)| *k == keys && *help == info.help_text()),
            "{:?} is missing from the shortcut list",
            info.command
        );
        if info.keys_text.is_none() {
            for trigger in info.keys {
                assert!(keys.contains(&trigger_text(trigger)));
            }
        }
        if info.menu == Menu::None {
            continue;
        }
        // The menu item carries the first key, the same text the list starts with.
        let shortcut = info.shortcut_text().unwrap();
        assert!(keys.starts_with(&shortcut));
        harness.get_by_label(menu_name(info.menu)).click();
        harness.run_steps(2);
        harness.get_by_label(&format!("{} {shortcut}", info.label_text()));
        harness.key_press(egui::Key::Escape);
        harness.run_steps(2);
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} menu items with keys");

    // The window lists the same rows.
    harness.key_press(egui::Key::F1);
    harness.run_steps(3);
    for (keys, help) in &rows {
        harness.get_by_label(keys);
        harness.get_by_label(help);
    }
}

#[test]
fn every_key_of_the_table_carries_out_its_command() {
    for info in COMMANDS {
        for trigger in info.keys {
            let mut harness = harness();
            match trigger {
                Trigger::Key(shortcut) => {
                    harness.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
                }
                Trigger::Text(text) => harness.event(egui::Event::Text((*text).to_owned())),
            }
            harness.run_steps(2);
            let applied = harness.state_mut().take_applied_commands();
            let expected = match info.command {
                UiCommand::ToggleLabel => {
                    let Trigger::Key(shortcut) = trigger else {
                        unreachable!()
                    };
                    let digit = shortcut.logical_key.symbol_or_name();
                    Command::ToggleLabelKey(digit.chars().next().unwrap())
                }
                command => Command::Ui(command),
            };
            assert_eq!(applied, [expected], "{trigger:?}");
        }
    }
}

#[test]
fn a_menu_item_carries_out_the_same_command_as_its_key() {
    let mut harness = harness();
    let before = harness.state().workspace.settings.font_size_pt;
    harness.get_by_label("View").click();
    harness.run_steps(2);
    let larger = hashiya::app::command::info(UiCommand::ZoomIn);
    harness
        .get_by_label(&format!(
            "{} {}",
            larger.label_text(),
            larger.shortcut_text().unwrap()
        ))
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state_mut().take_applied_commands(),
        [Command::Ui(UiCommand::ZoomIn)]
    );
    let by_menu = harness.state().workspace.settings.font_size_pt;
    assert!(by_menu > before);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Equals);
    harness.run_steps(2);
    assert!(harness.state().workspace.settings.font_size_pt > by_menu);
}

#[test]
fn selecting_an_annotation_or_undoing_nothing_leaves_the_annotations_saved() {
    use hashiya::app::SaveStatus;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    std::fs::write(&article, hashiya::app::SAMPLE_ARTICLE).unwrap();
    let mut app = HashiyaApp::new(Settings::default(), TextEngine::new(false))
        .with_picker(FixedPicker::default());
    app.open_blocking(&article);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_ui_state(|ui, app: &mut HashiyaApp| app.show(ui), app);
    harness.run_steps(3);
    harness.key_press(egui::Key::J);
    harness.key_press(egui::Key::Num1);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    let status = |h: &Harness<'_, HashiyaApp>| common::session(h).annotations.status.clone();
    assert_eq!(status(&harness), SaveStatus::Saved);
    let id = common::session(&harness).annotations.store().annotations()[0].id;
    harness.state_mut().push(Command::SelectAnnotation(id));
    harness.state_mut().push(Command::Ui(UiCommand::Redo));
    harness.run_steps(2);
    assert_eq!(status(&harness), SaveStatus::Saved);
    assert!(!common::session(&harness).annotations.has_unsaved_changes());
    // A real change still counts.
    harness.state_mut().push(Command::Ui(UiCommand::Undo));
    harness.run_steps(1);
    assert_eq!(status(&harness), SaveStatus::Unsaved);
}
