//! The eframe application: the open article, view settings, keyboard commands, and loading
//! articles off the UI thread. Every effect on the world (disk, window) happens here.

mod focus;
mod settings;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::{Key, KeyboardShortcut, Modifiers, Ui, ViewportCommand};

pub use settings::{DEFAULT_FONT_SIZE_PT, FONT_SIZE_RANGE_PT, LINE_SPACINGS, Settings, Theme};

use crate::document::{self, Document, DocumentError};
use crate::text::{ReadingFace, TextEngine};
use crate::ui::{ReaderColors, ReaderState, reader_ui};

/// The article shown when Hashiya starts without a file: an Al-Araby Al-Jadeed news report.
pub const SAMPLE_ARTICLE: &str =
    include_str!("../../assets/alaraby_2016-10-25_paris_coalition_raqqa.txt");

/// Key under which [`Settings`] are kept in eframe's storage.
const SETTINGS_KEY: &str = "hashiya-settings";

const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// An open article and its view state.
#[derive(Debug)]
pub struct Session {
    /// The article.
    pub document: Document,
    /// Selection, scroll position and layout of the reading view.
    pub reader: ReaderState,
}

impl Session {
    /// A session showing `document` from the top.
    pub fn new(document: Document) -> Self {
        let reader = ReaderState::new(&document);
        Self { document, reader }
    }

    /// Name shown for the article: its file name, or "Sample article" for the bundled one.
    pub fn display_name(&self) -> String {
        self.document
            .file_name()
            .unwrap_or_else(|| "Sample article".to_owned())
    }
}

/// A background load in progress.
struct LoadJob {
    path: PathBuf,
    receiver: mpsc::Receiver<Result<Document, DocumentError>>,
}

/// The Hashiya application.
pub struct HashiyaApp {
    /// Appearance settings, persisted across runs.
    pub settings: Settings,
    engine: TextEngine,
    /// The open article, if any.
    pub session: Option<Session>,
    loading: Option<LoadJob>,
    /// The latest error or notice for the user, shown above the article until dismissed.
    pub message: Option<String>,
    window_title: String,
    shortcuts_open: bool,
    /// X11 window that still has to take the keyboard focus (no window manager running).
    pending_x11_focus: Option<u32>,
}

impl std::fmt::Debug for HashiyaApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HashiyaApp")
            .field("settings", &self.settings)
            .field("session", &self.session.as_ref().map(Session::display_name))
            .finish_non_exhaustive()
    }
}

/// The bundled sample article as a document.
pub fn sample_document() -> Document {
    document::parse_plain_text(document::normalize_line_endings(SAMPLE_ARTICLE))
}

impl HashiyaApp {
    /// An app with the given settings and no article open.
    pub fn new(settings: Settings, engine: TextEngine) -> Self {
        Self {
            settings,
            engine,
            session: None,
            loading: None,
            message: None,
            window_title: String::new(),
            shortcuts_open: false,
            pending_x11_focus: None,
        }
    }

    /// Creates the app for eframe: restores settings and opens `path`, or the bundled sample
    /// article when there is none.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|storage| eframe::get_value::<Settings>(storage, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::new(settings, TextEngine::new(true));
        #[cfg(target_os = "linux")]
        {
            app.pending_x11_focus = focus::x11_window_id(cc);
        }
        match path {
            Some(path) => app.open(&cc.egui_ctx, path),
            None => app.show_document(sample_document()),
        }
        app
    }

    /// Shows `document` in place of whatever was open.
    pub fn show_document(&mut self, document: Document) {
        self.session = Some(Session::new(document));
    }

    /// Starts loading `path` on a worker thread; the current article stays until it is ready.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let job_path = path.clone();
        let spawned = std::thread::Builder::new()
            .name("hashiya-load".to_owned())
            .spawn(move || {
                let result = document::load(&job_path);
                // The receiver is gone only if the app closed meanwhile; nothing to tell.
                if sender.send(result).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => self.loading = Some(LoadJob { path, receiver }),
            Err(error) => {
                self.message = Some(format!(
                    "Could not start loading ({error}): {}",
                    path.display()
                ));
            }
        }
    }

    /// Opens `path` on the calling thread (for tests and headless use).
    pub fn open_blocking(&mut self, path: &Path) {
        match document::load(path) {
            Ok(document) => self.show_document(document),
            Err(error) => self.message = Some(error.to_string()),
        }
    }

    /// True while an article is being loaded.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    fn poll_loading(&mut self) {
        let Some(job) = &self.loading else { return };
        match job.receiver.try_recv() {
            Ok(Ok(document)) => {
                self.loading = None;
                self.message = None;
                self.show_document(document);
            }
            Ok(Err(error)) => {
                self.loading = None;
                self.message = Some(error.to_string());
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                let path = job.path.display().to_string();
                self.loading = None;
                self.message = Some(format!("Loading stopped unexpectedly: {path}"));
            }
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let text_has_focus =
            ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
        let (zoom_in, zoom_out, zoom_reset, quit) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&ZOOM_IN) || i.consume_shortcut(&ZOOM_IN_PLUS),
                i.consume_shortcut(&ZOOM_OUT),
                i.consume_shortcut(&ZOOM_RESET),
                i.consume_shortcut(&QUIT),
            )
        });
        if zoom_in {
            self.settings.step_font_size(2.0);
        }
        if zoom_out {
            self.settings.step_font_size(-2.0);
        }
        if zoom_reset {
            self.settings.font_size_pt = DEFAULT_FONT_SIZE_PT;
        }
        if quit {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        if text_has_focus {
            return;
        }
        let plain = |i: &mut egui::InputState, key: Key| i.consume_key(Modifiers::NONE, key);
        let shift = |i: &mut egui::InputState, key: Key| i.consume_key(Modifiers::SHIFT, key);
        let (down, up, page_down, page_up, home, end, help) = ctx.input_mut(|i| {
            (
                plain(i, Key::J) || plain(i, Key::ArrowDown),
                plain(i, Key::K) || plain(i, Key::ArrowUp),
                plain(i, Key::PageDown) || plain(i, Key::Space),
                plain(i, Key::PageUp) || shift(i, Key::Space),
                plain(i, Key::Home),
                plain(i, Key::End),
                plain(i, Key::F1)
                    || i.events
                        .iter()
                        .any(|e| matches!(e, egui::Event::Text(t) if t == "?")),
            )
        });
        if help {
            self.shortcuts_open = !self.shortcuts_open;
        }
        let Some(session) = &mut self.session else {
            return;
        };
        let reader = &mut session.reader;
        if down {
            reader.move_selection(1);
        }
        if up {
            reader.move_selection(-1);
        }
        if page_down {
            reader.scroll_pages(1.0);
        }
        if page_up {
            reader.scroll_pages(-1.0);
        }
        if home {
            reader.scroll_to_end(false);
        }
        if end {
            reader.scroll_to_end(true);
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(session) => {
                let article_title: String = session.document.title().chars().take(80).collect();
                format!("{article_title} — {} — Hashiya", session.display_name())
            }
            None => "Hashiya".to_owned(),
        };
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let theme = match self.settings.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open Sample Article")).clicked() {
                    self.show_document(sample_document());
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Quit").shortcut_text(ui.ctx().format_shortcut(&QUIT)))
                    .clicked()
                {
                    ui.ctx().send_viewport_cmd(ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.menu_button("Help", |ui| {
                if ui
                    .add(egui::Button::new("Keyboard Shortcuts").shortcut_text("F1"))
                    .clicked()
                {
                    self.shortcuts_open = true;
                }
            });
        });
    }

    fn view_menu_ui(&mut self, ui: &mut Ui) {
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
        if ui
            .add(egui::Button::new("Larger Text").shortcut_text(ctx.format_shortcut(&ZOOM_IN)))
            .clicked()
        {
            self.settings.step_font_size(2.0);
        }
        if ui
            .add(egui::Button::new("Smaller Text").shortcut_text(ctx.format_shortcut(&ZOOM_OUT)))
            .clicked()
        {
            self.settings.step_font_size(-2.0);
        }
        if ui
            .add(egui::Button::new("Actual Size").shortcut_text(ctx.format_shortcut(&ZOOM_RESET)))
            .clicked()
        {
            self.settings.font_size_pt = DEFAULT_FONT_SIZE_PT;
        }
        ui.separator();
        ui.label("Line spacing");
        for spacing in LINE_SPACINGS {
            let selected = (self.settings.line_spacing - spacing).abs() < 0.01;
            if ui.radio(selected, format!("{spacing:.1}")).clicked() {
                self.settings.line_spacing = spacing;
            }
        }
        ui.separator();
        ui.label("Theme");
        ui.radio_value(&mut self.settings.theme, Theme::Light, "Light");
        ui.radio_value(&mut self.settings.theme, Theme::Dark, "Dark");
    }

    fn status_bar_ui(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.loading {
                ui.spinner();
                ui.label(format!("Opening {}", job.path.display()));
                return;
            }
            let Some(session) = &self.session else {
                ui.label("No article open");
                return;
            };
            ui.label(session.display_name());
            ui.separator();
            ui.label(session.document.encoding_name);
            ui.separator();
            let count = session.document.paragraphs.len();
            match session.reader.selected {
                Some(idx) => ui.label(format!("Paragraph {} of {count}", idx + 1)),
                None => ui.label(format!("{count} paragraphs")),
            };
            ui.separator();
            ui.label(format!("{:.0} pt", self.settings.text_style().font_size_pt));
        });
    }

    fn shortcuts_window_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.shortcuts_open;
        egui::Window::new("Keyboard Shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for (keys, action) in [
                        ("j / Down", "Select the next paragraph"),
                        ("k / Up", "Select the previous paragraph"),
                        ("Page Down / Space", "Scroll down a screen"),
                        ("Page Up / Shift+Space", "Scroll up a screen"),
                        ("Home / End", "Go to the start / end"),
                        ("Ctrl+= / Ctrl+-", "Larger / smaller text"),
                        ("Ctrl+0", "Actual text size"),
                        ("F1 / ?", "Show this list"),
                        ("Ctrl+Q", "Quit"),
                    ] {
                        ui.label(keys);
                        ui.label(action);
                        ui.end_row();
                    }
                });
            });
        self.shortcuts_open = open;
    }

    /// Draws the whole window; called by eframe each frame and directly by tests.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.poll_loading();
        self.handle_shortcuts(&ctx);
        self.apply_theme(&ctx);
        self.update_window_title(&ctx);
        if self.engine.atlas.begin_frame() {
            ctx.request_repaint();
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        if let Some(message) = self.message.clone() {
            egui::Panel::top("message").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, "⚠");
                    ui.label(message);
                    if ui.button("Dismiss").clicked() {
                        self.message = None;
                    }
                });
            });
        }
        let style = self.settings.text_style();
        let colors = ReaderColors::for_theme(self.settings.theme == Theme::Dark);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(session) = &mut self.session {
                reader_ui(
                    ui,
                    &mut self.engine,
                    &session.document,
                    &mut session.reader,
                    style,
                    colors,
                );
            } else {
                ui.centered_and_justified(|ui| ui.label("Open an article with File ▸ Open"));
            }
        });
        self.shortcuts_window_ui(&ctx);
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        #[cfg(target_os = "linux")]
        if let Some(window_id) = self.pending_x11_focus {
            if focus::focus_without_window_manager(window_id) {
                self.pending_x11_focus = None;
            } else {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
