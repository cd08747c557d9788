//! The menu bar, status bar, shortcut list and drop overlay.

use egui::{Button, Ui, ViewportCommand};

use super::annotating::{REDO, SAVE, UNDO};
use super::{
    DEFAULT_FONT_SIZE_PT, HashiyaApp, LINE_SPACINGS, OPEN, QUIT, Theme, ZOOM_IN, ZOOM_OUT,
    ZOOM_RESET, sample_document,
};
use crate::text::ReadingFace;
use crate::ui::{bidi_button, bidi_label};

/// Encodings offered in View ▸ Encoding, besides automatic detection.
const ENCODING_CHOICES: [&encoding_rs::Encoding; 5] = [
    encoding_rs::UTF_8,
    encoding_rs::WINDOWS_1256,
    encoding_rs::ISO_8859_6,
    encoding_rs::UTF_16LE,
    encoding_rs::UTF_16BE,
];

/// Every keyboard shortcut with what it does, for the F1 window.
pub const SHORTCUTS: [(&str, &str); 22] = [
    ("j / Down", "Select the next paragraph"),
    ("k / Up", "Select the previous paragraph"),
    (
        "1 – 9",
        "Toggle the label with that number on the selected paragraph",
    ),
    ("n / Enter", "Write the selected paragraph's note"),
    ("Esc", "Leave the note"),
    ("c", "Next highlight colour for the selected paragraph"),
    ("Shift+C", "Remove the highlight colour"),
    ("Delete", "Delete the selected paragraph's annotation"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    (
        "Ctrl+S",
        "Save annotations now (they also save by themselves)",
    ),
    ("Page Down / Space", "Scroll down a screen"),
    ("Page Up / Shift+Space", "Scroll up a screen"),
    ("Home / End", "Go to the start / end"),
    ("Ctrl+O", "Open an article"),
    (
        "Ctrl+Page Down / Ctrl+Page Up",
        "Next / previous article of the open folder",
    ),
    (
        "Ctrl+F",
        "Find (ignores vowel marks and alef forms); Enter / Shift+Enter: next / previous",
    ),
    ("Ctrl+= / Ctrl+-", "Larger / smaller text"),
    ("Ctrl+0", "Actual text size"),
    ("F1 / ?", "Show this list"),
    ("Ctrl+Q", "Quit"),
    ("Drag and drop", "Open the dropped article"),
];

impl HashiyaApp {
    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui));
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui));
            ui.menu_button("Corpus", |ui| self.corpus_menu_ui(ui));
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                if picked(
                    &ui.add(Button::new("Keyboard Shortcuts").shortcut_text("F1")),
                    ui,
                ) {
                    self.shortcuts_open = true;
                }
            });
        });
    }

    fn file_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if picked(
            &ui.add(Button::new("Open…").shortcut_text(ctx.format_shortcut(&OPEN))),
            ui,
        ) {
            self.ask_for_article(&ctx);
        }
        if picked(&ui.button("Open Folder…"), ui) {
            self.ask_for_folder(&ctx);
        }
        ui.menu_button("Open Recent", |ui| {
            if self.settings.recent_files.is_empty() {
                ui.label("No recent files");
            }
            let mut chosen = None;
            for path in &self.settings.recent_files {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                if picked(&bidi_button(ui, &mut self.engine, &name), ui) {
                    chosen = Some(path.clone());
                }
            }
            if let Some(path) = chosen {
                self.open_recent(&ctx, path);
            }
            if !self.settings.recent_files.is_empty() {
                ui.separator();
                if picked(&ui.button("Clear Recent Files"), ui) {
                    self.settings.recent_files.clear();
                }
            }
        });
        if picked(&ui.button("Open Sample Article"), ui) {
            match super::sample_path() {
                Some(path) => self.open(&ctx, path),
                None => self.show_document(sample_document()),
            }
        }
        ui.separator();
        let has_session = self.session.is_some();
        if picked(
            &ui.add_enabled(
                has_session,
                Button::new("Save Annotations").shortcut_text(ctx.format_shortcut(&SAVE)),
            ),
            ui,
        ) {
            self.save_now(&ctx);
        }
        if picked(
            &ui.add_enabled(has_session, Button::new("Save Annotations As…")),
            ui,
        ) {
            self.ask_save_as(&ctx);
        }
        ui.add_enabled_ui(has_session, |ui| {
            ui.menu_button("Export Annotations", |ui| {
                for (label, format) in [
                    ("CSV (spreadsheets)…", crate::export::ExportFormat::Csv),
                    ("JSON Lines…", crate::export::ExportFormat::Jsonl),
                    ("W3C Web Annotation…", crate::export::ExportFormat::W3c),
                ] {
                    if picked(&ui.button(label), ui) {
                        self.ask_export(&ctx, format);
                    }
                }
            });
        });
        if picked(&ui.button("Annotator Name…"), ui) {
            self.author_editor.set_text(
                &mut self.engine,
                None,
                &self.settings.author,
                self.settings.face,
            );
            self.author_window_open = true;
            self.author_window_fresh = true;
        }
        ui.separator();
        if picked(
            &ui.add(Button::new("Quit").shortcut_text(ctx.format_shortcut(&QUIT))),
            ui,
        ) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn edit_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if picked(
            &ui.add_enabled(self.session.is_some(), Button::new("Label Scheme…")),
            ui,
        ) {
            self.open_scheme_editor();
        }
        ui.separator();
        let (can_undo, can_redo) = self.session.as_ref().map_or((false, false), |s| {
            (
                s.annotations.store().can_undo(),
                s.annotations.store().can_redo(),
            )
        });
        if picked(
            &ui.add_enabled(
                can_undo,
                Button::new("Undo").shortcut_text(ctx.format_shortcut(&UNDO)),
            ),
            ui,
        ) {
            self.undo();
        }
        if picked(
            &ui.add_enabled(
                can_redo,
                Button::new("Redo").shortcut_text(ctx.format_shortcut(&REDO)),
            ),
            ui,
        ) {
            self.redo();
        }
    }

    fn corpus_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if picked(&ui.button("Open Folder…"), ui) {
            self.ask_for_folder(&ctx);
        }
        let has_folder = self.folder.is_some();
        if picked(
            &ui.add_enabled(
                has_folder,
                Button::new("Next Article")
                    .shortcut_text(ctx.format_shortcut(&super::folder::NEXT_ARTICLE)),
            ),
            ui,
        ) {
            self.step_article(&ctx, true);
        }
        if picked(
            &ui.add_enabled(
                has_folder,
                Button::new("Previous Article")
                    .shortcut_text(ctx.format_shortcut(&super::folder::PREVIOUS_ARTICLE)),
            ),
            ui,
        ) {
            self.step_article(&ctx, false);
        }
        if picked(
            &ui.add_enabled(has_folder, Button::new("Refresh Folder")),
            ui,
        ) {
            self.refresh_folder(&ctx);
        }
        if picked(&ui.add_enabled(has_folder, Button::new("Close Folder")), ui) {
            self.close_folder();
        }
        ui.separator();
        let mut team = self.settings.team_mode;
        if ui
            .checkbox(&mut team, "Team Mode")
            .on_hover_text(
                "Keep your annotations in your own file next to the article                  (<article>.annotations.<your name>.json)",
            )
            .changed()
        {
            self.set_team_mode(&ctx, team);
        }
        if picked(
            &ui.add_enabled(self.session.is_some(), Button::new("Compare Annotators…")),
            ui,
        ) {
            self.open_compare();
        }
        if picked(&ui.add_enabled(has_folder, Button::new("Agreement…")), ui) {
            self.open_agreement(&ctx);
        }
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
        ui.checkbox(&mut self.settings.show_annotation_panel, "Annotation Panel");
        ui.separator();
        ui.label("Arabic typeface");
        for face in ReadingFace::ALL {
            let label = match face {
                ReadingFace::NotoNaskh => "Noto Naskh Arabic",
                ReadingFace::Amiri => "Amiri (for vowelled text)",
            };
            ui.radio_value(&mut self.settings.face, face, label);
        }
        ui.separator();
        let ctx = ui.ctx().clone();
        if picked(
            &ui.add(Button::new("Larger Text").shortcut_text(ctx.format_shortcut(&ZOOM_IN))),
            ui,
        ) {
            self.settings.step_font_size(2.0);
        }
        if picked(
            &ui.add(Button::new("Smaller Text").shortcut_text(ctx.format_shortcut(&ZOOM_OUT))),
            ui,
        ) {
            self.settings.step_font_size(-2.0);
        }
        if picked(
            &ui.add(Button::new("Actual Size").shortcut_text(ctx.format_shortcut(&ZOOM_RESET))),
            ui,
        ) {
            self.settings.font_size_pt = DEFAULT_FONT_SIZE_PT;
        }
        ui.separator();
        ui.label("Line spacing");
        for spacing in LINE_SPACINGS {
            let selected = (self.settings.line_spacing - spacing).abs() < 0.01;
            if picked(&ui.radio(selected, format!("{spacing:.1}")), ui) {
                self.settings.line_spacing = spacing;
            }
        }
        ui.separator();
        ui.label("Theme");
        ui.radio_value(&mut self.settings.theme, Theme::Light, "Light");
        ui.radio_value(&mut self.settings.theme, Theme::Dark, "Dark");
        ui.separator();
        ui.menu_button("Encoding", |ui| self.encoding_menu_ui(ui));
        ui.separator();
        ui.checkbox(
            &mut self.settings.builtin_dialogs,
            "Use Hashiya's File Dialogs",
        )
        .on_hover_text(
            "Open, save and export with Hashiya's own dialog instead of the desktop's (which it replaces anyway when the desktop has none)",
        );
    }

    fn encoding_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let (current, chosen) = self.session.as_ref().map_or(("", None), |s| {
            (s.document.encoding_name, s.chosen_encoding)
        });
        let is_text = self
            .session
            .as_ref()
            .is_some_and(|s| s.document.format != crate::document::Format::Docx);
        ui.add_enabled_ui(is_text, |ui| {
            ui.label("Reopen with encoding");
            if picked(
                &ui.radio(
                    chosen.is_none(),
                    format!("Detect automatically ({current})"),
                ),
                ui,
            ) {
                self.reopen_with_encoding(&ctx, None);
            }
            for encoding in ENCODING_CHOICES {
                if picked(&ui.radio(chosen == Some(encoding), encoding.name()), ui) {
                    self.reopen_with_encoding(&ctx, Some(encoding));
                }
            }
        });
    }

    pub(super) fn status_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.loading {
                ui.spinner();
                let text = format!("Opening {}", job.path.display());
                bidi_label(ui, &mut self.engine, &text, None);
                return;
            }
            let Some(session) = &self.session else {
                ui.label("No article open");
                return;
            };
            bidi_label(ui, &mut self.engine, &session.display_name(), None);
            ui.separator();
            ui.label(session.document.format.to_string());
            ui.separator();
            let encoding = session.document.encoding_name;
            if session.chosen_encoding.is_some() {
                ui.label(format!("{encoding} (chosen)"));
            } else {
                ui.label(encoding);
            }
            ui.separator();
            let count = session.document.paragraphs.len();
            match session.reader.selected {
                Some(idx) => ui.label(format!("Paragraph {} of {count}", idx + 1)),
                None => ui.label(format!("{count} paragraphs")),
            };
            ui.separator();
            ui.label(format!("{:.0} pt", self.settings.text_style().font_size_pt));
            if let Some((text, color)) = self.save_status_text() {
                ui.separator();
                let text = format!("Annotations: {text}");
                match color {
                    Some(color) => ui.colored_label(color, text),
                    None => ui.label(text),
                };
            }
        });
    }

    /// The window where the annotator's name is set (it may be Arabic).
    pub(super) fn author_window_ui(&mut self, ctx: &egui::Context) {
        if !self.author_window_open {
            return;
        }
        let mut open = true;
        let mut done = false;
        egui::Window::new("Annotator Name")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("Recorded as the author of new annotations.");
                let (_, output) = self.author_editor.ui(ui, &mut self.engine, "Your name");
                if std::mem::take(&mut self.author_window_fresh) {
                    // The name field takes the keyboard as the window opens.
                    self.author_editor.focus(ui.ctx());
                }
                if output.changed {
                    let name = self.author_editor.text().trim().to_owned();
                    if !name.is_empty() {
                        self.settings.author = name;
                    }
                }
                done = output.submitted.is_some()
                    || (output.finished && !self.author_editor.has_focus(ui.ctx()));
                if ui.button("Done").clicked() {
                    done = true;
                }
            });
        if !open || done {
            self.author_window_open = false;
            self.apply_author(ctx);
        }
    }

    /// After the annotator's name changed: reopens the open article so that its annotations
    /// are recorded under the new name (and, in Team Mode, go to that annotator's own file).
    fn apply_author(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        if session.annotations.store().author() == self.settings.author {
            return;
        }
        let Some(path) = session.document.path.clone() else {
            return;
        };
        if !self.saved_first("The new name applies from the next article") {
            return;
        }
        self.open(ctx, path);
        if self.settings.team_mode {
            self.refresh_folder(ctx);
        }
    }

    pub(super) fn shortcuts_window_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.shortcuts_open;
        egui::Window::new("Keyboard Shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, action) in SHORTCUTS {
                        ui.label(keys);
                        ui.label(action);
                        ui.end_row();
                    }
                });
            });
        self.shortcuts_open = open;
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
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "Drop to open the article",
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
    }
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
