//! The menu bar, status bar, shortcut list, Annotator Name window and drop overlay. They
//! read the app's state and only ask for commands.

use std::path::Path;

use egui::{Button, Color32, Ui};

use super::command::{self, Command, Menu, UiCommand, Window};
use super::{LINE_SPACINGS, SaveStatus, Session, Settings, Theme};
use crate::annotation::Availability;
use crate::arabic::Language;
use crate::i18n::{self, Digits, UiLanguage};
use crate::text::{ReadingFace, TextEngine};
use crate::tr;
use crate::ui::tr::{self as t, tx};
use crate::ui::{NoteEditor, bidi_button, bidi_label};

/// Encodings offered in View ▸ Encoding, besides automatic detection.
const ENCODING_CHOICES: [&encoding_rs::Encoding; 5] = [
    encoding_rs::UTF_8,
    encoding_rs::WINDOWS_1256,
    encoding_rs::ISO_8859_6,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
];

/// Why View ▸ Encoding is disabled for some articles.
pub(super) fn no_encoding_choice() -> String {
    tr!("encoding-not-applicable")
}

/// What the menu bar and status bar show, and where they send commands.
pub(super) struct Chrome<'a> {
    pub settings: &'a Settings,
    pub session: Option<&'a Session>,
    pub has_folder: bool,
    /// Whether the Compare window is open (its keys act on it).
    pub compare_open: bool,
    /// A bundle import is running.
    pub importing: bool,
    /// The article being opened, if any.
    pub loading: Option<&'a Path>,
    pub engine: &'a mut TextEngine,
    pub commands: &'a mut Vec<Command>,
}

impl Chrome<'_> {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            // In a right-to-left interface the bar starts at the right: File is rightmost.
            t::row(ui, |ui| {
                ui.menu_button(tx(tr!("menu-file")), |ui| {
                    menu_column(ui, |ui| self.file_menu_ui(ui));
                });
                ui.menu_button(tx(tr!("menu-edit")), |ui| {
                    menu_column(ui, |ui| self.edit_menu_ui(ui));
                });
                ui.menu_button(tx(tr!("menu-corpus")), |ui| {
                    menu_column(ui, |ui| self.corpus_menu_ui(ui));
                });
                ui.menu_button(tx(tr!("menu-view")), |ui| {
                    menu_column(ui, |ui| self.view_menu_ui(ui));
                });
                ui.menu_button(tx(tr!("menu-help")), |ui| {
                    menu_column(ui, |ui| {
                        self.command_item(ui, UiCommand::KeyboardShortcuts, true);
                    });
                });
            });
        });
    }

    /// A menu item for a command of the table: its text and key come from the table, and
    /// choosing it asks for the command.
    fn command_item(&mut self, ui: &mut Ui, command: UiCommand, enabled: bool) {
        let info = command::info(command);
        debug_assert!(info.menu != Menu::None, "{command:?} has no menu");
        let button: Button = t::menu_item(info.label_text(), info.shortcut_text());
        if picked(&ui.add_enabled(enabled, button), ui) {
            self.commands.push(command.into());
        }
    }

    fn file_menu_ui(&mut self, ui: &mut Ui) {
        self.command_item(ui, UiCommand::Open, true);
        self.command_item(ui, UiCommand::OpenFolder, true);
        t::submenu(ui, tr!("menu-open-recent"), |ui| {
            if self.settings.recent_files.is_empty() {
                t::label(ui, tr!("menu-no-recent-files"));
            }
            for path in &self.settings.recent_files {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if picked(&bidi_button(ui, self.engine, &name), ui) {
                    self.commands.push(Command::OpenRecent(path.clone()));
                }
            }
            if !self.settings.recent_files.is_empty() {
                ui.separator();
                if picked(
                    &ui.add(t::menu_item(tr!("menu-clear-recent-files"), None)),
                    ui,
                ) {
                    self.commands.push(Command::ClearRecentFiles);
                }
            }
        });
        self.command_item(ui, UiCommand::OpenSample, true);
        ui.separator();
        self.command_item(ui, UiCommand::ImportBundle, !self.importing);
        ui.separator();
        let has_session = self.session.is_some();
        self.command_item(ui, UiCommand::SaveAnnotations, has_session);
        self.command_item(ui, UiCommand::SaveAnnotationsAs, has_session);
        ui.add_enabled_ui(has_session, |ui| {
            t::submenu(ui, tr!("menu-export-annotations"), |ui| {
                for (label, format) in [
                    (tr!("export-csv"), crate::export::ExportFormat::Csv),
                    (tr!("export-jsonl"), crate::export::ExportFormat::Jsonl),
                    (tr!("export-w3c"), crate::export::ExportFormat::W3c),
                ] {
                    if picked(&ui.add(t::menu_item(label, None)), ui) {
                        self.commands.push(Command::Export(format));
                    }
                }
                ui.separator();
                for (label, format) in [
                    (
                        tr!("export-conll"),
                        crate::export::entities::EntityFormat::Conll,
                    ),
                    (
                        tr!("export-wojood"),
                        crate::export::entities::EntityFormat::Wojood,
                    ),
                    (
                        tr!("export-brat"),
                        crate::export::entities::EntityFormat::Brat,
                    ),
                    (
                        tr!("export-spacy"),
                        crate::export::entities::EntityFormat::Spacy,
                    ),
                ] {
                    if picked(&ui.add(t::menu_item(label, None)), ui) {
                        self.commands.push(Command::ExportEntities(format));
                    }
                }
            });
        });
        self.command_item(ui, UiCommand::ImportEntities, has_session);
        self.command_item(ui, UiCommand::AnnotatorName, true);
        ui.separator();
        self.command_item(ui, UiCommand::Quit, true);
    }

    fn edit_menu_ui(&mut self, ui: &mut Ui) {
        let has_session = self.session.is_some();
        self.command_item(ui, UiCommand::LabelScheme, has_session);
        ui.separator();
        let (can_undo, can_redo) = self.session.as_ref().map_or((false, false), |s| {
            (
                s.annotations.store().can_undo(),
                s.annotations.store().can_redo(),
            )
        });
        self.command_item(ui, UiCommand::Undo, can_undo);
        self.command_item(ui, UiCommand::Redo, can_redo);
        ui.separator();
        let has_conflict = self
            .session
            .is_some_and(|s| s.annotations.store().availability == Availability::Editable)
            && self.session.and_then(Session::selected_conflict).is_some();
        self.command_item(ui, UiCommand::TakeOtherValue, has_conflict);
        self.command_item(ui, UiCommand::KeepCurrentValue, has_conflict);
        ui.separator();
        self.command_item(ui, UiCommand::Find, has_session);
    }

    fn corpus_menu_ui(&mut self, ui: &mut Ui) {
        self.command_item(ui, UiCommand::OpenFolder, true);
        let has_folder = self.has_folder;
        self.command_item(ui, UiCommand::NextArticle, has_folder);
        self.command_item(ui, UiCommand::PreviousArticle, has_folder);
        self.command_item(ui, UiCommand::RefreshFolder, has_folder);
        self.command_item(ui, UiCommand::CloseFolder, has_folder);
        ui.separator();
        let mut team = self.settings.team_mode;
        if t::hover(
            t::checkbox(ui, &mut team, tr!("menu-team-mode")),
            tr!("menu-team-mode-tip"),
        )
        .changed()
        {
            self.commands.push(Command::SetTeamMode(team));
        }
        self.command_item(ui, UiCommand::CompareAnnotators, self.session.is_some());
        self.command_item(ui, UiCommand::Agreement, has_folder);
        ui.separator();
        for command in [
            UiCommand::NextDisagreement,
            UiCommand::PreviousDisagreement,
            UiCommand::TakeAnnotator1,
            UiCommand::TakeAnnotator2,
            UiCommand::TakeAnnotator3,
        ] {
            self.command_item(ui, command, self.compare_open);
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        let mut panel = self.settings.show_annotation_panel;
        if t::checkbox(
            ui,
            &mut panel,
            command::info(UiCommand::ToggleAnnotationPanel).label_text(),
        )
        .changed()
        {
            self.commands.push(UiCommand::ToggleAnnotationPanel.into());
        }
        ui.separator();
        // The faces offered are those of the open article's language; each language keeps
        // its own choice.
        let language = self.session.map_or(Language::Arabic, |s| s.language);
        t::label(ui, tr!("menu-typeface-for", language = language.code()));
        let chosen = self.settings.face_for(language);
        for &face in ReadingFace::offered_for(language) {
            if t::radio(ui, chosen == face, face.menu_label()).clicked() {
                self.commands.push(Command::SetFace(language, face));
            }
        }
        ui.separator();
        self.command_item(ui, UiCommand::ZoomIn, true);
        self.command_item(ui, UiCommand::ZoomOut, true);
        self.command_item(ui, UiCommand::ZoomReset, true);
        ui.separator();
        t::label(ui, tr!("menu-line-spacing"));
        for spacing in LINE_SPACINGS {
            let selected = (self.settings.line_spacing - spacing).abs() < 0.01;
            if picked(
                &t::radio(ui, selected, i18n::number(format!("{spacing:.1}"))),
                ui,
            ) {
                self.commands.push(Command::SetLineSpacing(spacing));
            }
        }
        ui.separator();
        t::label(ui, tr!("menu-theme"));
        for (theme, label) in [
            (Theme::Light, tr!("menu-theme-light")),
            (Theme::Dark, tr!("menu-theme-dark")),
        ] {
            if t::radio(ui, self.settings.theme == theme, label).clicked() {
                self.commands.push(Command::SetTheme(theme));
            }
        }
        ui.separator();
        t::submenu(ui, tr!("menu-encoding"), |ui| {
            menu_column(ui, |ui| self.encoding_menu_ui(ui));
        });
        t::submenu(ui, tr!("menu-language"), |ui| {
            menu_column(ui, |ui| self.language_menu_ui(ui));
        });
        ui.separator();
        let mut builtin = self.settings.builtin_dialogs;
        if t::hover(
            t::checkbox(ui, &mut builtin, tr!("menu-builtin-dialogs")),
            tr!("menu-builtin-dialogs-tip"),
        )
        .changed()
        {
            self.commands.push(Command::SetBuiltinDialogs(builtin));
        }
    }

    fn encoding_menu_ui(&mut self, ui: &mut Ui) {
        let (current, chosen) = self.session.as_ref().map_or(("", None), |s| {
            (s.document.encoding_name, s.chosen_encoding)
        });
        let format = self.session.as_ref().map(|s| s.document.format);
        let is_text = format.is_some_and(crate::document::Format::has_text_encoding);
        if format.is_some() && !is_text {
            t::label(ui, no_encoding_choice());
        }
        ui.add_enabled_ui(is_text, |ui| {
            t::label(ui, tr!("menu-reopen-with-encoding"));
            if picked(
                &t::radio(
                    ui,
                    chosen.is_none(),
                    tr!("menu-detect-encoding", encoding = current),
                ),
                ui,
            ) {
                self.commands.push(Command::ReopenWithEncoding(None));
            }
            for encoding in ENCODING_CHOICES {
                if picked(&t::radio(ui, chosen == Some(encoding), encoding.name()), ui) {
                    self.commands
                        .push(Command::ReopenWithEncoding(Some(encoding)));
                }
            }
        });
    }

    fn language_menu_ui(&mut self, ui: &mut Ui) {
        let current = i18n::language();
        for language in UiLanguage::ALL {
            if picked(&t::radio(ui, current == language, language.endonym()), ui) {
                self.commands.push(Command::SetInterfaceLanguage(language));
            }
        }
        ui.separator();
        t::label(ui, tr!("menu-digits"));
        let chosen = self.settings.digits;
        if picked(
            &t::radio(ui, chosen.is_none(), tr!("menu-digits-automatic")),
            ui,
        ) {
            self.commands.push(Command::SetDigits(None));
        }
        for (digits, id) in [
            (Digits::Western, "menu-digits-western"),
            (Digits::ArabicIndic, "menu-digits-arabic-indic"),
            (Digits::Persian, "menu-digits-persian"),
        ] {
            if picked(
                &t::radio(ui, chosen == Some(digits), i18n::message(id, None)),
                ui,
            ) {
                self.commands.push(Command::SetDigits(Some(digits)));
            }
        }
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut Ui) {
        t::row(ui, |ui| {
            if let Some(path) = self.loading {
                ui.spinner();
                t::label(ui, tr!("status-opening", path = path));
                return;
            }
            let Some(session) = self.session else {
                t::label(ui, tr!("status-no-article"));
                return;
            };
            bidi_label(ui, self.engine, &session.display_name(), None);
            ui.separator();
            let format = session.document.format;
            if format == crate::document::Format::PlainText {
                t::label(ui, tr!("format-plain-text"));
            } else {
                ui.label(format.to_string());
            }
            ui.separator();
            t::hover(
                t::label(ui, tr!("language-name", language = session.language.code())),
                tr!(
                    "status-language-tip",
                    face = self.settings.face_for(session.language).family_name()
                ),
            );
            ui.separator();
            let encoding = session.document.encoding_name;
            if session.chosen_encoding.is_some() {
                t::label(ui, tr!("status-encoding-chosen", encoding = encoding));
            } else {
                ui.label(encoding);
            }
            ui.separator();
            let count = session.document.paragraphs.len();
            match session.reader.selected {
                Some(idx) => t::label(
                    ui,
                    tr!("status-paragraph-of", number = idx + 1, count = count),
                ),
                None => t::label(ui, tr!("status-paragraphs", count = count)),
            };
            ui.separator();
            t::label(
                ui,
                tr!(
                    "status-points",
                    size = self
                        .settings
                        .text_style(session.language)
                        .font_size_pt
                        .round()
                ),
            );
            let (text, color) = save_status_text(session);
            ui.separator();
            t::colored_label(ui, tr!("status-annotations", state = text), color);
        });
    }
}

/// Text for the status bar about saving.
fn save_status_text(session: &Session) -> (String, Option<Color32>) {
    match &session.annotations.status {
        SaveStatus::Saved => (tr!("save-saved"), None),
        SaveStatus::Unsaved => (tr!("save-unsaved"), None),
        SaveStatus::Saving => (tr!("save-saving"), None),
        SaveStatus::Failed(_) => (
            tr!("save-failed"),
            Some(Color32::from_rgb(0xd0, 0x40, 0x30)),
        ),
        SaveStatus::Off(reason) => (reason.clone(), None),
    }
}

/// The window where the annotator's name is set (it may be Arabic).
#[derive(Debug)]
pub struct AuthorWindow {
    editor: NoteEditor,
    /// Shown.
    pub open: bool,
    /// Just opened: its field takes the keyboard.
    fresh: bool,
}

impl Default for AuthorWindow {
    fn default() -> Self {
        Self {
            editor: NoteEditor::single_line(egui::Id::unique("hashiya-author"))
                .named(tr!("author-field-name")),
            open: false,
            fresh: false,
        }
    }
}

impl AuthorWindow {
    /// Opens the window, its field holding `name`.
    pub fn open(&mut self, engine: &mut TextEngine, name: &str, face: ReadingFace) {
        self.editor.set_text(engine, None, name, face);
        self.open = true;
        self.fresh = true;
    }

    /// Whether its field has the keyboard.
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        self.editor.has_focus(ctx)
    }

    /// Shows the window; asks for the new name when one is typed, and for the window to
    /// close when it is done.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        commands: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        let mut done = false;
        let frame =
            egui::Window::new(t::window_title(ctx, tr!("author-window-title"))).resizable(false);
        let id = egui::Id::unique("hashiya-annotator-name");
        t::show_window(ctx, frame, id, &mut open, false, |ui| {
            t::label(ui, tr!("author-explanation"));
            let (_, output) = self.editor.ui(ui, engine, &tr!("author-placeholder"));
            if std::mem::take(&mut self.fresh) {
                self.editor.focus(ui.ctx());
            }
            if output.changed {
                let name = self.editor.text().trim().to_owned();
                if !name.is_empty() {
                    commands.push(Command::SetAuthor(name));
                }
            }
            done =
                output.submitted.is_some() || (output.finished && !self.editor.has_focus(ui.ctx()));
            if ui.button(tx(tr!("button-done"))).clicked() {
                done = true;
            }
        });
        if !open || done {
            commands.push(Command::CloseWindow(Window::AnnotatorName));
        }
    }
}

/// The Keyboard Shortcuts window, made from the command table.
pub(super) fn shortcuts_window_ui(ctx: &egui::Context, shown: bool, commands: &mut Vec<Command>) {
    if !shown {
        return;
    }
    let mut open = true;
    // The list is longer than a small window is high: it scrolls within the window's height
    // (which egui's window offers its content from the start only as its default height).
    let max_height = ctx.content_rect().height() * 0.8;
    let title = command::info(UiCommand::KeyboardShortcuts).label_text();
    let frame = egui::Window::new(t::window_title(ctx, title))
        .resizable(false)
        .default_height(max_height);
    let id = egui::Id::unique("hashiya-keyboard-shortcuts");
    t::show_window(ctx, frame, id, &mut open, false, |ui| {
        egui::ScrollArea::vertical()
            .max_height(max_height)
            .show(ui, |ui| {
                if i18n::is_rtl() {
                    shortcut_rows_rtl(ui);
                    return;
                }
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, action) in command::help_rows() {
                        t::label(ui, keys);
                        t::label(ui, action);
                        ui.end_row();
                    }
                });
            });
    });
    if !open {
        commands.push(Command::CloseWindow(Window::KeyboardShortcuts));
    }
}

/// The shortcut list from the right: each key in a column at the right edge, what it does
/// at the left of it, both lined up at their right (egui's grid lays out left to right only).
fn shortcut_rows_rtl(ui: &mut Ui) {
    const KEYS_WIDTH: f32 = 190.0;
    for (index, (keys, action)) in command::help_rows().into_iter().enumerate() {
        // Every other row is striped, under its text.
        let stripe = ui.painter().add(egui::Shape::Noop);
        let row = t::row(ui, |ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(KEYS_WIDTH, ui.spacing().interact_size.y),
                egui::Layout::right_to_left(egui::Align::Center),
                |ui| {
                    ui.set_min_width(KEYS_WIDTH);
                    t::label(ui, keys);
                },
            );
            t::label(ui, action);
        });
        if index % 2 == 1 {
            let rect = row.response.rect.expand2(egui::vec2(0.0, 1.0));
            let fill = ui.visuals().faint_bg_color;
            ui.painter()
                .set(stripe, egui::Shape::rect_filled(rect, 0.0, fill));
        }
    }
}

/// Darkens the window and says what will happen while files are dragged over it.
pub(super) fn drop_overlay_ui(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    t::paint_centered(
        &painter,
        &tr!("drop-to-open"),
        rect.center(),
        24.0,
        egui::Color32::WHITE,
    );
}

/// A menu's items. Each item lines itself up with the interface's reading side.
fn menu_column(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    add(ui);
}

/// True when a menu item was chosen; the menu then closes. (egui closes menus on pointer
/// clicks only, so an item chosen with the keyboard would otherwise leave its menu open.)
fn picked(response: &egui::Response, ui: &Ui) -> bool {
    let clicked = response.clicked();
    if clicked {
        ui.close();
    }
    clicked
}
