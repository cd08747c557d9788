//! Hashiya's own file dialog, for desktops without a usable system dialog (no portal, no
//! zenity) and for users who prefer it. It shows a folder listing that `app` read for it and
//! returns what the user asked for as a [`FileDialogAction`]; it never touches the disk.
//! File names are laid out by cosmic-text like all text that may be Arabic, and the filter
//! ignores vowel marks and alef forms as search does.

use crate::text::Fit;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use egui::{Color32, Key, Modifiers, Rect, Role, Sense, Ui, WidgetInfo, vec2};

use crate::arabic::{Normalized, search_folding};
use crate::text::{ReadingFace, TextEngine};
use crate::tr;
use crate::ui::NoteEditor;
use crate::ui::bidi_label::{bidi_button, bidi_label, ui_style};
use crate::ui::tr::{self as t, tx};

/// Height of one row of the listing, in points.
const ROW_HEIGHT: f32 = 26.0;
/// Below this dialog width the places go above the listing instead of beside it.
const NARROW_WIDTH: f32 = 560.0;
/// Width of the places column, in points.
const PLACES_WIDTH: f32 = 170.0;

/// What the dialog chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogMode {
    /// An existing file.
    Open,
    /// A folder.
    Folder,
    /// A file name to save under.
    Save,
}

/// One entry of a folder, as `app` read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    /// The file name as stored on disk.
    pub name: OsString,
    /// True for a folder (or a link to one).
    pub is_dir: bool,
}

/// What `app` read of a folder for the dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderListing {
    /// The folder.
    pub folder: PathBuf,
    /// The entries to show: sub-folders, and the files the dialog is for.
    pub entries: Vec<FolderEntry>,
    /// Files of the kind asked for that are not listed (articles in a folder dialog).
    pub unlisted_files: usize,
    /// Why the folder could not be read (completely), if so.
    pub error: Option<String>,
}

/// A folder offered beside the listing: home, recently used folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// What the button says.
    pub label: String,
    /// Where it goes.
    pub path: PathBuf,
}

/// What the user asked the dialog for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileDialogAction {
    /// Show this path: a folder to list, or a file to choose (typed into the path field;
    /// relative to the listed folder; `~` is the home folder).
    Go(PathBuf),
    /// The answer.
    Choose(PathBuf),
    /// Close without an answer.
    Cancel,
}

/// The dialog's state while it is open.
pub struct FileDialog {
    /// What it chooses.
    pub mode: FileDialogMode,
    /// Its title.
    pub title: String,
    /// Shown under the title: why this dialog rather than the system's.
    pub notice: Option<String>,
    /// A problem to show (a folder that cannot be read, a path that does not exist).
    pub error: Option<String>,
    /// A file the user chose to save over, awaiting confirmation.
    pub confirm_replace: Option<PathBuf>,
    listing: FolderListing,
    /// Display names of the entries (lossy for names that are not UTF-8).
    names: Vec<String>,
    /// Names folded for filtering.
    folded: Vec<String>,
    /// Entries that pass the filter, as indices into `listing.entries`.
    visible: Vec<usize>,
    /// Position in `visible` of the selected entry.
    selected: Option<usize>,
    filter_text: String,
    filter: NoteEditor,
    location: NoteEditor,
    name: NoteEditor,
    scroll_to_selected: bool,
    scroll_offset: f32,
    view_height: f32,
    /// Give the keyboard back to the name or filter field (a new folder is shown).
    refocus: bool,
}

impl std::fmt::Debug for FileDialog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileDialog")
            .field("mode", &self.mode)
            .field("folder", &self.listing.folder)
            .field("selected", &self.selected_name())
            .finish_non_exhaustive()
    }
}

fn fold(text: &str) -> String {
    Normalized::new(text, search_folding(true)).as_string()
}

impl FileDialog {
    /// A dialog for `mode` suggesting `file_name` (save mode); it shows nothing until
    /// [`Self::set_listing`].
    pub fn new(
        engine: &mut TextEngine,
        mode: FileDialogMode,
        title: &str,
        file_name: &str,
    ) -> Self {
        let mut name = NoteEditor::single_line(egui::Id::unique("hashiya-file-dialog-name"))
            .named(tr!("filedialog-file-name"));
        name.set_text(engine, None, file_name, ReadingFace::default());
        Self {
            mode,
            title: title.to_owned(),
            notice: None,
            error: None,
            confirm_replace: None,
            listing: FolderListing::default(),
            names: Vec::new(),
            folded: Vec::new(),
            visible: Vec::new(),
            selected: None,
            filter_text: String::new(),
            filter: NoteEditor::single_line(egui::Id::unique("hashiya-file-dialog-filter"))
                .named(tr!("filedialog-filter")),
            location: NoteEditor::single_line(egui::Id::unique("hashiya-file-dialog-path"))
                .named(tr!("filedialog-folder-path")),
            name,
            scroll_to_selected: false,
            scroll_offset: 0.0,
            view_height: 0.0,
            refocus: true,
        }
    }

    /// Shows `listing`: the filter is cleared and the first entry selected (none in save
    /// mode, where Enter saves under the typed name).
    pub fn set_listing(&mut self, engine: &mut TextEngine, listing: FolderListing) {
        self.names = listing
            .entries
            .iter()
            .map(|e| e.name.to_string_lossy().into_owned())
            .collect();
        self.folded = self.names.iter().map(|n| fold(n)).collect();
        let face = ReadingFace::default();
        self.location
            .set_text(engine, None, &listing.folder.display().to_string(), face);
        self.filter.set_text(engine, None, "", face);
        self.filter_text.clear();
        self.error.clone_from(&listing.error);
        self.confirm_replace = None;
        self.listing = listing;
        self.scroll_offset = 0.0;
        self.refocus = true;
        self.refilter();
    }

    /// The listed folder.
    pub fn folder(&self) -> &Path {
        &self.listing.folder
    }

    /// Display names of the entries shown, in order.
    pub fn visible_names(&self) -> Vec<&str> {
        self.visible
            .iter()
            .filter_map(|&i| self.names.get(i).map(String::as_str))
            .collect()
    }

    /// Display name of the selected entry.
    pub fn selected_name(&self) -> Option<&str> {
        let index = *self.visible.get(self.selected?)?;
        self.names.get(index).map(String::as_str)
    }

    fn refilter(&mut self) {
        let query = fold(self.filter_text.trim());
        self.visible = (0..self.listing.entries.len())
            .filter(|&i| query.is_empty() || self.folded.get(i).is_some_and(|f| f.contains(&query)))
            .collect();
        self.selected =
            (self.mode != FileDialogMode::Save && !self.visible.is_empty()).then_some(0);
        self.scroll_to_selected = true;
    }

    fn entry_at(&self, position: usize) -> Option<(&FolderEntry, &str)> {
        let index = *self.visible.get(position)?;
        Some((self.listing.entries.get(index)?, self.names.get(index)?))
    }

    fn parent(&self) -> Option<FileDialogAction> {
        self.listing
            .folder
            .parent()
            .map(|p| FileDialogAction::Go(p.to_owned()))
    }

    /// The field that takes typing: the name in save mode, otherwise the filter.
    fn typing_field(&self) -> &NoteEditor {
        match self.mode {
            FileDialogMode::Save => &self.name,
            FileDialogMode::Open | FileDialogMode::Folder => &self.filter,
        }
    }

    fn move_selection(&mut self, engine: &mut TextEngine, down: bool) {
        let count = self.visible.len();
        if count == 0 {
            return;
        }
        let next = match (self.selected, down) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(at), true) => (at + 1).min(count - 1),
            (Some(at), false) => at.saturating_sub(1),
        };
        self.select(engine, next);
    }

    fn select(&mut self, engine: &mut TextEngine, position: usize) {
        self.selected = Some(position);
        self.scroll_to_selected = true;
        // Choosing an existing file in save mode proposes its name.
        if self.mode == FileDialogMode::Save
            && let Some((entry, name)) = self.entry_at(position)
            && !entry.is_dir
        {
            let name = name.to_owned();
            self.name
                .set_text(engine, None, &name, ReadingFace::default());
        }
    }

    /// What Enter (or a double click) on the entry at `position` does.
    fn activate(&self, position: usize) -> Option<FileDialogAction> {
        let (entry, _) = self.entry_at(position)?;
        let path = self.listing.folder.join(&entry.name);
        if entry.is_dir {
            return Some(FileDialogAction::Go(path));
        }
        match self.mode {
            FileDialogMode::Open | FileDialogMode::Save => Some(FileDialogAction::Choose(path)),
            FileDialogMode::Folder => None,
        }
    }

    /// What Enter does outside the path field; `choose_folder` is Ctrl+Enter.
    fn enter(&mut self, choose_folder: bool) -> Option<FileDialogAction> {
        let selected = self.selected.and_then(|at| self.entry_at(at));
        match self.mode {
            FileDialogMode::Folder if choose_folder => {
                let path = match selected {
                    Some((entry, _)) => self.listing.folder.join(&entry.name),
                    None => self.listing.folder.clone(),
                };
                Some(FileDialogAction::Choose(path))
            }
            FileDialogMode::Folder if selected.is_none() => {
                Some(FileDialogAction::Choose(self.listing.folder.clone()))
            }
            FileDialogMode::Save if selected.is_none_or(|(e, _)| !e.is_dir) => self.save_action(),
            _ => self.activate(self.selected?),
        }
    }

    fn save_action(&mut self) -> Option<FileDialogAction> {
        let name = self.name.text();
        let name = name.trim();
        if name.is_empty() {
            self.error = Some(tr!("filedialog-type-a-name"));
            return None;
        }
        Some(FileDialogAction::Choose(self.listing.folder.join(name)))
    }

    /// Handles the dialog's keys before its fields see them.
    fn keys(&mut self, ctx: &egui::Context, engine: &mut TextEngine) -> Option<FileDialogAction> {
        let consume =
            |modifiers: Modifiers, key: Key| ctx.input_mut(|i| i.consume_key(modifiers, key));
        if self.confirm_replace.is_some() {
            if consume(Modifiers::NONE, Key::Escape) {
                self.confirm_replace = None;
            } else if consume(Modifiers::NONE, Key::Enter) {
                return self.confirm_replace.clone().map(FileDialogAction::Choose);
            }
            return None;
        }
        if consume(Modifiers::NONE, Key::Escape) {
            return Some(FileDialogAction::Cancel);
        }
        if consume(Modifiers::COMMAND, Key::L) {
            self.location.focus(ctx);
        }
        if consume(Modifiers::ALT, Key::ArrowUp) {
            return self.parent();
        }
        if consume(Modifiers::NONE, Key::ArrowDown) {
            self.move_selection(engine, true);
        }
        if consume(Modifiers::NONE, Key::ArrowUp) {
            self.move_selection(engine, false);
        }
        let in_location = self.location.has_focus(ctx);
        if consume(Modifiers::COMMAND, Key::Enter) {
            return if in_location {
                Some(FileDialogAction::Go(PathBuf::from(
                    self.location.text().trim(),
                )))
            } else {
                self.enter(true)
            };
        }
        if consume(Modifiers::NONE, Key::Enter) {
            return if in_location {
                Some(FileDialogAction::Go(PathBuf::from(
                    self.location.text().trim(),
                )))
            } else {
                self.enter(false)
            };
        }
        let field = self.typing_field();
        if field.has_focus(ctx)
            && field.text().is_empty()
            && consume(Modifiers::NONE, Key::Backspace)
        {
            return self.parent();
        }
        None
    }

    /// Shows the dialog over the window; returns what the user asked for.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        places: &[Place],
    ) -> Option<FileDialogAction> {
        let mut action = self.keys(ctx, engine);
        // Typing always reaches a field: the name or filter unless the path field has it.
        if std::mem::take(&mut self.refocus)
            || (!self.location.has_focus(ctx) && !self.typing_field().has_focus(ctx))
        {
            self.typing_field().focus(ctx);
        }
        let screen = ctx.content_rect();
        let width = (screen.width() - 24.0).clamp(200.0, 760.0);
        let height = (screen.height() - 24.0).clamp(200.0, 560.0);
        egui::Modal::new(egui::Id::unique("hashiya-file-dialog")).show(ctx, |ui| {
            let shown = self.contents_ui(ui, engine, places, vec2(width, height));
            action = action.take().or(shown);
        });
        let filter = self.filter.text();
        if filter != self.filter_text {
            self.filter_text = filter;
            self.refilter();
            self.error = None;
        }
        action
    }

    fn contents_ui(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        places: &[Place],
        size: egui::Vec2,
    ) -> Option<FileDialogAction> {
        let mut action = None;
        // A fixed box: header and footer at its edges, the listing takes what they leave.
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        let mut ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        let ui = &mut ui;
        egui::Panel::top("hashiya-file-dialog-head")
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                t::heading(ui, self.title.as_str());
                if let Some(notice) = &self.notice {
                    bidi_label(ui, engine, notice, Some(ui.visuals().warn_fg_color));
                }
                t::row(ui, |ui| {
                    let up = ui.add_enabled(
                        self.listing.folder.parent().is_some(),
                        egui::Button::new(tx(tr!("filedialog-up"))),
                    );
                    if t::hover(up, tr!("filedialog-up-tip")).clicked() {
                        action = self.parent();
                    }
                    t::label(ui, tr!("filedialog-folder"));
                    self.location
                        .ui(ui, engine, &tr!("filedialog-folder-path-hint"));
                });
                ui.add_space(2.0);
            });
        egui::Panel::bottom("hashiya-file-dialog-foot")
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                ui.add_space(4.0);
                t::row(ui, |ui| match self.mode {
                    FileDialogMode::Save => {
                        t::label(ui, tr!("filedialog-name"));
                        self.name.ui(ui, engine, &tr!("filedialog-file-name"));
                    }
                    FileDialogMode::Open | FileDialogMode::Folder => {
                        t::label(ui, tr!("filedialog-filter"));
                        self.filter.ui(ui, engine, &tr!("filedialog-filter-hint"));
                    }
                });
                self.status_ui(ui, engine);
                if let Some(shown) = self.buttons_ui(ui, engine) {
                    action = Some(shown);
                }
            });
        if size.x < NARROW_WIDTH {
            egui::Panel::top("hashiya-file-dialog-places")
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    crate::ui::tr::wrapped_row(ui, |ui| {
                        for place in places {
                            if bidi_small_place(ui, engine, place) {
                                action = Some(FileDialogAction::Go(place.path.clone()));
                            }
                        }
                    });
                    ui.add_space(2.0);
                });
        } else {
            egui::Panel::left("hashiya-file-dialog-places")
                .frame(egui::Frame::NONE)
                .resizable(false)
                .exact_size(PLACES_WIDTH)
                .show(ui, |ui| {
                    t::label(ui, tr!("filedialog-places"));
                    egui::ScrollArea::vertical()
                        .id_salt("hashiya-file-dialog-places")
                        .show(ui, |ui| {
                            for place in places {
                                let button = bidi_button(ui, engine, &place.label);
                                if t::hover(button, place.path.display().to_string()).clicked() {
                                    action = Some(FileDialogAction::Go(place.path.clone()));
                                }
                            }
                        });
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            ui.add_space(2.0);
            if let Some(shown) = self.list_ui(ui, engine) {
                action = Some(shown);
            }
        });
        action
    }

    fn status_ui(&self, ui: &mut Ui, engine: &mut TextEngine) {
        if let Some(error) = &self.error {
            bidi_label(ui, engine, error, Some(ui.visuals().error_fg_color));
            return;
        }
        let shown = self.visible.len();
        let total = self.listing.entries.len();
        let mut status = if shown == total {
            tr!("filedialog-items", count = total)
        } else {
            tr!("filedialog-items-matching", shown = shown, count = total)
        };
        if self.mode == FileDialogMode::Folder && self.listing.unlisted_files > 0 {
            let articles = tr!(
                "filedialog-articles-here",
                count = self.listing.unlisted_files
            );
            status = format!("{status} · {articles}");
        }
        let hint = match self.mode {
            FileDialogMode::Open => tr!("filedialog-keys-open"),
            FileDialogMode::Folder => tr!("filedialog-keys-folder"),
            FileDialogMode::Save => tr!("filedialog-keys-save"),
        };
        let status = t::weak_label(ui, format!("{status} · {hint}"));
        t::hover(status, tr!("filedialog-keys-tip"));
    }

    fn buttons_ui(&mut self, ui: &mut Ui, engine: &mut TextEngine) -> Option<FileDialogAction> {
        let mut action = None;
        if let Some(path) = self.confirm_replace.clone() {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let question = tr!(
                "filedialog-replace-question",
                name = crate::ui::in_ltr(&name)
            );
            bidi_label(ui, engine, &question, Some(ui.visuals().warn_fg_color));
            t::row(ui, |ui| {
                if ui.button(tx(tr!("filedialog-replace"))).clicked() {
                    action = Some(FileDialogAction::Choose(path.clone()));
                }
                if ui.button(tx(tr!("filedialog-keep-it"))).clicked() {
                    self.confirm_replace = None;
                }
            });
            return action;
        }
        t::row(ui, |ui| {
            if ui.button(tx(tr!("filedialog-cancel"))).clicked() {
                action = Some(FileDialogAction::Cancel);
            }
            let primary = match self.mode {
                FileDialogMode::Open => tr!("filedialog-open"),
                FileDialogMode::Folder => tr!("filedialog-open-this-folder"),
                FileDialogMode::Save => tr!("filedialog-save"),
            };
            if ui.button(tx(primary)).clicked() {
                action = match self.mode {
                    FileDialogMode::Folder => {
                        Some(FileDialogAction::Choose(self.listing.folder.clone()))
                    }
                    FileDialogMode::Save => self.save_action(),
                    FileDialogMode::Open => self.selected.and_then(|at| self.activate(at)),
                };
            }
        });
        action
    }

    fn list_ui(&mut self, ui: &mut Ui, engine: &mut TextEngine) -> Option<FileDialogAction> {
        if self.visible.is_empty() {
            let empty = if self.listing.entries.is_empty() {
                match self.mode {
                    FileDialogMode::Folder => tr!("filedialog-no-sub-folders"),
                    FileDialogMode::Open | FileDialogMode::Save => tr!("filedialog-nothing-here"),
                }
            } else {
                tr!("filedialog-nothing-matches")
            };
            t::weak_label(ui, empty);
            return None;
        }
        let mut action = None;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("hashiya-file-dialog-list")
            .auto_shrink([false, false]);
        if std::mem::take(&mut self.scroll_to_selected) {
            let top = self.selected.map_or(0.0, |at| at as f32 * ROW_HEIGHT);
            let mut offset = self.scroll_offset.min(top);
            if self.selected.is_none() {
                offset = 0.0;
            } else if top + ROW_HEIGHT > offset + self.view_height && self.view_height > 0.0 {
                offset = top + ROW_HEIGHT - self.view_height;
            }
            area = area.vertical_scroll_offset(offset);
        }
        let mut clicked = None;
        let mut activated = None;
        let output = area.show_rows(ui, ROW_HEIGHT, self.visible.len(), |ui, range| {
            for position in range {
                let Some((entry, name)) = self.entry_at(position) else {
                    continue;
                };
                let response = row_ui(
                    ui,
                    engine,
                    name,
                    entry.is_dir,
                    self.selected == Some(position),
                );
                if response.double_clicked() {
                    activated = Some(position);
                } else if response.clicked() {
                    clicked = Some(position);
                }
            }
        });
        self.scroll_offset = output.state.clamped_offset().y;
        self.view_height = output.inner_rect.height();
        if let Some(position) = clicked {
            self.select(engine, position);
        }
        if let Some(position) = activated {
            self.select(engine, position);
            action = self.activate(position);
        }
        action
    }
}

/// A compact place button for narrow dialogs; true when clicked.
fn bidi_small_place(ui: &mut Ui, engine: &mut TextEngine, place: &Place) -> bool {
    let button = crate::ui::bidi_small_button(ui, engine, &place.label);
    t::hover(button, place.path.display().to_string()).clicked()
}

/// One entry: an icon and its name on one line, cut with an ellipsis when too long.
fn row_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    name: &str,
    is_dir: bool,
    selected: bool,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.6));
    } else if response.hovered() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let icon = Rect::from_min_size(rect.min + vec2(8.0, 7.0), vec2(16.0, 12.0));
    if is_dir {
        let folder = Color32::from_rgb(0xd8, 0xa3, 0x3f);
        painter.rect_filled(
            Rect::from_min_size(icon.min - vec2(0.0, 2.0), vec2(7.0, 4.0)),
            1.0,
            folder,
        );
        painter.rect_filled(icon, 2.0, folder);
    } else {
        let page = Rect::from_min_size(icon.min + vec2(3.0, -2.0), vec2(11.0, 15.0));
        painter.rect_stroke(
            page,
            1.0,
            egui::Stroke::new(1.2, visuals.weak_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    let style = ui_style(ReadingFace::default(), false);
    let left = icon.right() + 8.0;
    let text_width = (rect.right() - left - 6.0).max(20.0);
    let metrics = engine.measure_label(name, &style, Fit::Line(text_width));
    let top = rect.center().y - metrics.size.y / 2.0;
    engine.paint_label(
        &painter,
        name,
        &style,
        Fit::Line(text_width),
        egui::pos2(left, top),
        visuals.text_color(),
    );
    response
}
