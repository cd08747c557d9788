//! The eframe application: the open article, view settings, keyboard commands, and loading
//! articles off the UI thread. Every effect on the world (disk, window) happens here.

mod annotating;
mod article_watch;
pub mod busy;
pub mod compare;
pub mod crash;
mod default_offer;
pub mod desktop;
mod dialogs;
mod focus;
pub mod folder;
mod menus;
mod overview;
mod picker;
pub mod scheme_editor;
pub mod search;
mod settings;

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers, Ui, ViewportCommand};

pub use crate::session::{AnnotationSession, SaveStatus};
pub use compare::{Adjudication, AgreementWindow, CompareState};
pub use folder::{FolderSort, FolderState};
pub use overview::{Filter, Statistics, statistics};
pub use picker::{
    DialogKind, DialogRequest, DialogUnavailable, FilePicker, FixedPicker, NativePicker, PickResult,
};
pub use settings::{
    DEFAULT_FONT_SIZE_PT, DefaultAppOffer, FONT_SIZE_RANGE_PT, LINE_SPACINGS, MAX_RECENT_FILES,
    ReadingPosition, Settings, Theme, default_author,
};

use crate::document::{self, Document, DocumentError, LoadOptions};
use crate::jobs::{Job, Poll};
use crate::text::TextEngine;
use crate::ui::{NoteEditor, ReaderColors, ReaderState};

/// The article shown when Hashiya starts without a file: an Al-Araby Al-Jadeed news report.
pub const SAMPLE_ARTICLE: &str =
    include_str!("../../assets/alaraby_2016-10-25_paris_coalition_raqqa.txt");

/// The window icon.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hashiya-256.png");

/// Key under which [`Settings`] are kept in eframe's storage.
const SETTINGS_KEY: &str = "hashiya-settings";

const ZOOM_IN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
const ZOOM_IN_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
const ZOOM_OUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
const ZOOM_RESET: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// An open article and its view state.
#[derive(Debug)]
pub struct Session {
    /// The article.
    pub document: Document,
    /// Selection, scroll position and layout of the reading view.
    pub reader: ReaderState,
    /// The encoding the user chose in View ▸ Encoding, if not detected.
    pub chosen_encoding: Option<&'static encoding_rs::Encoding>,
    /// The article's annotations and their file.
    pub annotations: AnnotationSession,
    /// The note editor of the annotation panel.
    pub note_editor: NoteEditor,
    /// What the note editor's text belongs to.
    pub note_target: Option<crate::annotation::TargetKey>,
    /// Which paragraphs are shown.
    pub filter: overview::Filter,
    /// The filter and annotation revision last applied to the reader.
    filter_applied: Option<(overview::Filter, u64)>,
    /// Watches the article file for changes made by other programs (started on the first
    /// frame that shows it).
    watch: Option<article_watch::ArticleWatch>,
}

impl Session {
    /// A session showing `document` from the top, with `annotations`.
    pub fn new(document: Document, annotations: AnnotationSession) -> Self {
        let reader = ReaderState::new(&document);
        Self {
            document,
            reader,
            chosen_encoding: None,
            annotations,
            note_editor: NoteEditor::new(egui::Id::unique("hashiya-note-editor")),
            note_target: None,
            filter: overview::Filter::All,
            filter_applied: None,
            watch: None,
        }
    }

    /// What annotation commands apply to: the passage selected with the mouse, or else the
    /// selected paragraph.
    pub fn target_key(&self) -> Option<crate::annotation::TargetKey> {
        if let Some(selection) = self.reader.text_selection.filter(|s| !s.is_empty()) {
            let start = self
                .document
                .paragraphs
                .get(selection.paragraph)?
                .byte_range
                .start;
            let range = selection.range();
            return Some(crate::annotation::TargetKey::Span {
                paragraph: selection.paragraph,
                bytes: start + range.start..start + range.end,
            });
        }
        self.reader
            .selected
            .map(crate::annotation::TargetKey::Paragraph)
    }

    /// The watch on the article's file (started on first use) and the text shown; `None`
    /// for an article without a file.
    fn article_watch(
        &mut self,
        ctx: &egui::Context,
    ) -> Option<(&mut article_watch::ArticleWatch, &Document)> {
        let path = self.document.path.as_deref()?;
        let options = LoadOptions {
            encoding: self.chosen_encoding,
            ..LoadOptions::default()
        };
        let watch = self
            .watch
            .get_or_insert_with(|| article_watch::ArticleWatch::new(path, options, ctx));
        Some((watch, &self.document))
    }

    /// Name shown for the article: its file name, or "Sample article" for the bundled one.
    pub fn display_name(&self) -> String {
        self.document
            .file_name()
            .unwrap_or_else(|| "Sample article".to_owned())
    }

    /// Where the reader is, for reopening the article there later.
    fn reading_position(&self) -> Option<ReadingPosition> {
        Some(ReadingPosition {
            path: self.document.path.clone()?,
            first_visible: self.reader.first_visible(),
            selected: self.reader.selected,
        })
    }
}

/// What a background load produces: the article, its annotations, and a message about
/// them (re-anchored, damaged…).
type Loaded = (Document, AnnotationSession, Option<String>);

/// A background load in progress.
struct LoadJob {
    path: PathBuf,
    options: LoadOptions,
    job: Job<Result<Loaded, DocumentError>>,
}

/// What background jobs call to have the window look at them again.
fn waker(ctx: &egui::Context) -> impl Fn() + Send + Sync + 'static {
    let ctx = ctx.clone();
    move || ctx.request_repaint()
}

/// Reads an article and its sidecar (on a worker thread).
fn load_article(
    path: &Path,
    options: LoadOptions,
    author: &str,
    team: bool,
) -> Result<Loaded, DocumentError> {
    let document = document::load_with(path, options)?;
    let (annotations, message) = AnnotationSession::load(&document, author, team);
    let decoding = (document.replaced_chars > 0).then(|| {
        format!(
            "{} undecodable byte sequence(s) in this {} file are shown as \u{FFFD}: {}",
            document.replaced_chars,
            document.encoding_name,
            path.display()
        )
    });
    let split = (document.split_paragraphs > 0).then(|| {
        format!(
            "{} very long paragraph(s) are shown in pieces of at most {} KiB.",
            document.split_paragraphs,
            document::MAX_PARAGRAPH_BYTES / 1024
        )
    });
    let message = [decoding, split, message]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a}\n{b}"));
    Ok((document, annotations, message))
}

/// The Hashiya application.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of separate windows and events, not a state machine"
)]
pub struct HashiyaApp {
    /// Appearance settings and history, persisted across runs.
    pub settings: Settings,
    engine: TextEngine,
    /// The open article, if any.
    pub session: Option<Session>,
    loading: Option<LoadJob>,
    picker: dialogs::Dialogs,
    pending_pick: Option<Job<Option<PathBuf>>>,
    pending_save_as: Option<Job<Option<PathBuf>>>,
    pending_export: Option<(crate::export::ExportFormat, Job<Option<PathBuf>>)>,
    /// The find bar, while open.
    pub search: Option<search::SearchState>,
    /// The label scheme editor, while open.
    pub scheme_editor: Option<scheme_editor::SchemeEditor>,
    /// The latest error or notice for the user, shown above the article until dismissed.
    pub message: Option<String>,
    window_title: String,
    shortcuts_open: bool,
    /// X11 window that still has to take the keyboard focus (no window manager running).
    pending_x11_focus: Option<u32>,
    /// Background sidecar writer, started on the first frame.
    saver: Option<crate::session::saver::Saver>,
    /// Whether the window had focus in the last frame (to notice it coming back).
    window_focused: bool,
    /// Set once a close was refused because annotations could not be saved.
    close_refused: bool,
    /// Opening another article was refused once because the open one's annotations could
    /// not be saved; the next attempt goes ahead, leaving them in a recovery copy.
    switch_refused: bool,
    author_editor: NoteEditor,
    author_window_open: bool,
    /// The Annotator Name window was just opened (its field takes the keyboard).
    author_window_fresh: bool,
    /// Set after a panic in a frame: what happened, shown instead of the normal window.
    crashed: Option<CrashReport>,
    /// Makes the next frame panic (tests of the crash path).
    inject_panic: bool,
    /// The open folder of articles, if any.
    pub folder: Option<FolderState>,
    pending_folder_pick: Option<Job<Option<PathBuf>>>,
    /// A paragraph to go to (and a query to highlight) once this article is open.
    pending_reveal: Option<(PathBuf, usize, Option<String>)>,
    /// The Compare window, while open.
    pub compare: Option<CompareState>,
    /// The Agreement window, while open.
    pub agreement: Option<AgreementWindow>,
    /// Where markers of work that could crash the process are kept (`None`: not kept).
    busy_dir: Option<PathBuf>,
    /// The one-time offer to become the default application.
    default_offer: default_offer::DefaultOffer,
}

/// What the crash dialog says.
#[derive(Clone, Debug)]
pub struct CrashReport {
    /// The panic message and where it happened.
    pub message: String,
    /// What became of unsaved annotations.
    pub annotations: String,
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
            picker: dialogs::Dialogs::new(Box::new(NativePicker)),
            pending_pick: None,
            pending_save_as: None,
            pending_export: None,
            search: None,
            scheme_editor: None,
            message: None,
            window_title: String::new(),
            shortcuts_open: false,
            pending_x11_focus: None,
            saver: None,
            window_focused: true,
            close_refused: false,
            switch_refused: false,
            author_editor: NoteEditor::single_line(egui::Id::unique("hashiya-author"))
                .named("Annotator name"),
            author_window_open: false,
            author_window_fresh: false,
            crashed: None,
            inject_panic: false,
            folder: None,
            pending_folder_pick: None,
            pending_reveal: None,
            compare: None,
            agreement: None,
            busy_dir: None,
            default_offer: default_offer::DefaultOffer::default(),
        }
    }

    /// Keeps markers of risky work (reading, indexing) in `dir`, so that work which crashed
    /// the process is not started again by itself at the next start (see [`busy`]).
    #[must_use]
    pub fn with_busy_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.busy_dir = dir;
        self
    }

    /// A marker for risky work on `path`, while the returned value lives.
    fn busy_marker(&self, kind: busy::BusyKind, path: &Path) -> Option<busy::BusyMarker> {
        self.busy_dir
            .as_deref()
            .and_then(|dir| busy::BusyMarker::begin(dir, kind, path))
    }

    /// Replaces the file dialogs (tests answer with fixed paths).
    #[must_use]
    pub fn with_picker(mut self, picker: impl FilePicker + 'static) -> Self {
        self.picker = dialogs::Dialogs::new(Box::new(picker));
        self
    }

    /// Creates the app for eframe: restores settings and opens `path`, or the bundled sample
    /// article when there is none.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|storage| eframe::get_value::<Settings>(storage, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::new(settings, TextEngine::new(true)).with_busy_dir(busy::default_dir());
        app.default_offer = default_offer::DefaultOffer::new(desktop::XdgDirs::from_env().ok());
        #[cfg(target_os = "linux")]
        {
            app.pending_x11_focus = focus::x11_window_id(cc);
        }
        let (folder, path) = app.startup_targets(path);
        if let Some(folder) = folder {
            app.open_folder(&cc.egui_ctx, folder);
        }
        match path {
            Some(path) => app.open(&cc.egui_ctx, path),
            None if app.folder.is_some() => {}
            None => app.show_document(sample_document()),
        }
        app
    }

    /// What to open at start: a folder and an article given on the command line, or the
    /// folder open when the app last closed and the article last read in it. A folder or
    /// article whose reading crashed an earlier run is not reopened by itself; the message
    /// says so.
    pub fn startup_targets(&mut self, path: Option<PathBuf>) -> (Option<PathBuf>, Option<PathBuf>) {
        let interrupted = self
            .busy_dir
            .as_deref()
            .map(busy::take_interrupted)
            .unwrap_or_default();
        let crashed = |kind: busy::BusyKind, path: &Path| {
            interrupted
                .iter()
                .find(|i| i.kind == kind && i.path == path)
        };
        let mut notes = Vec::new();
        let (folder, path) = match path {
            Some(path) if path.is_dir() => (Some(path), None),
            Some(path) => (None, Some(path)),
            None => {
                let folder = self.settings.corpus_folder.clone().filter(|f| f.is_dir());
                match folder
                    .as_deref()
                    .and_then(|f| crashed(busy::BusyKind::Indexing, f))
                {
                    Some(interrupted) => {
                        notes.push(busy::describe(interrupted));
                        (None, None)
                    }
                    None => (folder, None),
                }
            }
        };
        let path = match &folder {
            Some(folder) => path.or_else(|| {
                // The article last read in that folder, unless reading it crashed.
                let last = self
                    .settings
                    .recent_files
                    .iter()
                    .find(|p| p.starts_with(folder) && p.is_file())
                    .cloned()?;
                match crashed(busy::BusyKind::Opening, &last) {
                    Some(interrupted) => {
                        notes.push(busy::describe(interrupted));
                        None
                    }
                    None => Some(last),
                }
            }),
            None if notes.is_empty() => path.or_else(sample_path),
            None => path,
        };
        if !notes.is_empty() {
            self.message = Some(notes.join("\n"));
        }
        (folder, path)
    }

    /// Shows `document` (reading its annotations) in place of whatever was open.
    pub fn show_document(&mut self, document: Document) {
        let (annotations, message) =
            AnnotationSession::load(&document, &self.settings.author, self.settings.team_mode);
        if message.is_some() {
            self.message = message;
        }
        self.show_loaded(document, annotations);
    }

    /// Shows a loaded article and its annotations, where the reader last left it. Unsaved
    /// annotations of the article being replaced are saved first.
    fn show_loaded(&mut self, document: Document, annotations: AnnotationSession) {
        self.flush_saves();
        if !self.may_replace_session() {
            self.pending_reveal = None;
            return;
        }
        self.remember_position();
        let mut session = Session::new(document, annotations);
        if let Some(path) = session.document.path.clone() {
            self.settings.remember_recent(&path);
            if let Some(position) = self.settings.position_of(&path) {
                if let Some(selected) = position.selected {
                    session.reader.select(selected);
                }
                session.reader.scroll_to_paragraph(position.first_visible);
            }
        }
        self.session = Some(session);
        self.apply_pending_reveal();
        if self.compare.is_some() {
            self.open_compare();
        }
    }

    /// Starts watching the open article's file (once) and takes in what changed.
    fn poll_article_watch(&mut self, ctx: &egui::Context) {
        let change = self
            .session
            .as_mut()
            .and_then(|session| session.article_watch(ctx))
            .and_then(|(watch, document)| watch.poll(ctx, document));
        if let Some(change) = change {
            self.apply_article_change(change);
        }
    }

    /// Looks at the open article's file now, on this thread, and takes in any change (tests
    /// and headless use; the window does this on file events and focus).
    pub fn check_article_now(&mut self, ctx: &egui::Context) {
        let change = self
            .session
            .as_mut()
            .and_then(|session| session.article_watch(ctx))
            .and_then(|(watch, document)| watch.read_now(document));
        if let Some(change) = change {
            self.apply_article_change(change);
        }
    }

    /// Shows a new version of the open article, its annotations re-anchored to it (edits not
    /// yet saved included), at the same paragraph by content; or says the file is gone.
    fn apply_article_change(&mut self, change: article_watch::ArticleChange) {
        let Some(session) = &mut self.session else {
            return;
        };
        let path = session.document.path.clone().unwrap_or_default();
        let document = match change {
            article_watch::ArticleChange::Missing => {
                self.message = Some(format!(
                    "The article is no longer on disk (moved or deleted). Its annotations are kept as they are, in memory and in their file; it is read again if it comes back: {}",
                    path.display()
                ));
                return;
            }
            article_watch::ArticleChange::Unreadable(error) => {
                self.message = Some(format!(
                    "The article changed on disk but could not be read again, so the earlier text stays on screen: {error}"
                ));
                return;
            }
            article_watch::ArticleChange::Changed(document) => document,
        };
        let old = &session.document;
        let hash_of = |idx: Option<usize>| {
            idx.and_then(|i| old.paragraph_text(i))
                .map(crate::annotation::sha256_hex)
        };
        let first_visible = session.reader.first_visible();
        let first_hash = hash_of(Some(first_visible));
        let selected = session.reader.selected;
        let selected_hash = hash_of(selected);
        let summary = session.annotations.reanchor_to(&document);
        let find = |hash: Option<String>, near: usize| {
            let hash = hash?;
            (0..document.paragraphs.len())
                .filter(|&i| {
                    document
                        .paragraph_text(i)
                        .is_some_and(|t| crate::annotation::sha256_hex(t) == hash)
                })
                .min_by_key(|i| i.abs_diff(near))
        };
        let new_first = find(first_hash, first_visible)
            .unwrap_or_else(|| first_visible.min(document.paragraphs.len().saturating_sub(1)));
        let new_selected = selected.and_then(|s| find(selected_hash, s));
        session.reader = ReaderState::new(&document);
        if let Some(selected) = new_selected {
            session.reader.select(selected);
        }
        session.reader.scroll_to_paragraph(new_first);
        session.note_target = None;
        session.filter_applied = None;
        let (title, paragraphs) = (document.title().to_owned(), document.paragraphs.len());
        session.document = document;
        let store = session.annotations.store();
        let orphaned = store.orphans().count();
        let placed = store.annotations().len() - orphaned;
        let attention = if orphaned > 0 {
            format!(", {orphaned} need(s) attention (orphaned: listed in the Annotations panel)")
        } else {
            String::new()
        };
        let fuzzy = if summary.fuzzy > 0 {
            format!(", {} by a close match", summary.fuzzy)
        } else {
            String::new()
        };
        let message = format!(
            "The article changed on disk and was reloaded: {placed} annotation(s) re-attached{attention}{fuzzy}: {}",
            path.display()
        );
        log::info!(
            "article changed on disk, reloaded with {paragraphs} paragraphs: {}",
            path.display()
        );
        self.message = Some(message);
        if let Some(folder) = &mut self.folder {
            folder.update_entry(&path, title, paragraphs);
        }
    }

    /// Whether the open article may be replaced: yes when its annotations are saved. When
    /// they could not be saved, the first attempt is refused with a message; the next one
    /// goes ahead once a recovery copy is written (never without one).
    fn may_replace_session(&mut self) -> bool {
        let Some(session) = &self.session else {
            return true;
        };
        if !session.annotations.has_unsaved_changes() {
            self.switch_refused = false;
            return true;
        }
        if !self.switch_refused {
            self.switch_refused = true;
            self.message = Some(
                "The annotations of the open article could not be saved, so it stays open: use File > Save Annotations As… to keep them elsewhere, or open the other article again to leave them in a recovery copy.".to_owned(),
            );
            return false;
        }
        match crate::session::write_recovery_copy(&session.annotations) {
            Some(path) => {
                self.switch_refused = false;
                self.message = Some(format!(
                    "The previous article's annotations could not be saved next to it; a copy was kept at {}.",
                    path.display()
                ));
                true
            }
            None => {
                self.message = Some(
                    "The annotations of the open article could not be saved anywhere, so it stays open: use File > Save Annotations As…".to_owned(),
                );
                false
            }
        }
    }

    fn remember_position(&mut self) {
        if let Some(position) = self.session.as_ref().and_then(Session::reading_position) {
            self.settings.remember_position(position);
        }
    }

    /// Starts loading `path` on a worker thread; the current article stays until it is ready.
    pub fn open(&mut self, ctx: &egui::Context, path: PathBuf) {
        self.open_with(ctx, path, LoadOptions::default());
    }

    /// Like [`Self::open`], with explicit options (a chosen encoding).
    pub fn open_with(&mut self, ctx: &egui::Context, path: PathBuf, options: LoadOptions) {
        // Pending edits reach the disk before the loader reads it (the same article may be
        // reopened: another encoding, Team Mode, a new annotator name).
        self.flush_saves();
        let job_path = path.clone();
        let author = self.settings.author.clone();
        let team = self.settings.team_mode;
        let marker = self.busy_marker(busy::BusyKind::Opening, &path);
        let job = Job::spawn("hashiya-load", waker(ctx), move |_| {
            let result = load_article(&job_path, options, &author, team);
            drop(marker);
            result
        });
        self.loading = Some(LoadJob { path, options, job });
    }

    /// Opens `path` on the calling thread (for tests and headless use).
    pub fn open_blocking(&mut self, path: &Path) {
        match load_article(
            path,
            LoadOptions::default(),
            &self.settings.author,
            self.settings.team_mode,
        ) {
            Ok((document, annotations, message)) => {
                self.message = message;
                self.show_loaded(document, annotations);
            }
            Err(error) => self.message = Some(error.to_string()),
        }
    }

    /// True while an article is being loaded.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Waits for a background load to finish (for tests).
    pub fn wait_for_load(&mut self) {
        if let Some(mut loading) = self.loading.take() {
            let result = loading.job.wait();
            self.finish_load(&loading.path, loading.options, result);
        }
    }

    fn poll_loading(&mut self) {
        let Some(loading) = &mut self.loading else {
            return;
        };
        let result = match loading.job.poll() {
            Poll::Ready(result) => Some(result),
            Poll::Pending => return,
            Poll::Done => None,
        };
        let Some(loading) = self.loading.take() else {
            return;
        };
        self.finish_load(&loading.path, loading.options, result);
    }

    fn finish_load(
        &mut self,
        path: &Path,
        options: LoadOptions,
        result: Option<Result<Loaded, DocumentError>>,
    ) {
        match result {
            Some(Ok((document, annotations, message))) => {
                self.message = message;
                self.show_loaded(document, annotations);
                if let Some(session) = &mut self.session {
                    session.chosen_encoding = options.encoding;
                }
                self.consider_default_offer(path);
            }
            Some(Err(error)) => self.message = Some(error.to_string()),
            None => {
                self.message = Some(format!("Loading stopped unexpectedly: {}", path.display()));
            }
        }
    }

    /// Shows the open dialog.
    pub fn ask_for_article(&mut self, ctx: &egui::Context) {
        self.pending_pick = Some(self.picker.pick_article(ctx));
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.pending_pick else {
            return;
        };
        match job.poll() {
            Poll::Ready(Some(path)) => {
                self.pending_pick = None;
                self.open(ctx, path);
            }
            Poll::Ready(None) | Poll::Done => self.pending_pick = None,
            Poll::Pending => {}
        }
    }

    /// Opens the first file dropped on the window.
    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        let mut paths = dropped.into_iter();
        if let Some(path) = paths.next() {
            if paths.next().is_some() {
                self.message = Some("Several files were dropped; opening the first.".to_owned());
            }
            if path.is_dir() {
                self.open_folder(ctx, path);
            } else {
                self.open(ctx, path);
            }
        }
    }

    /// Reopens the current article decoded with `encoding` (`None`: detect again).
    pub fn reopen_with_encoding(
        &mut self,
        ctx: &egui::Context,
        encoding: Option<&'static encoding_rs::Encoding>,
    ) {
        let Some(path) = self.session.as_ref().and_then(|s| s.document.path.clone()) else {
            self.message = Some("The sample article has no other encoding.".to_owned());
            return;
        };
        let options = LoadOptions {
            encoding,
            ..LoadOptions::default()
        };
        self.open_with(ctx, path, options);
    }

    /// Opens a recent file, or drops it from the list with a note when it is gone.
    pub fn open_recent(&mut self, ctx: &egui::Context, path: PathBuf) {
        if path.exists() {
            self.open(ctx, path);
        } else {
            self.settings.recent_files.retain(|p| *p != path);
            self.message = Some(format!(
                "Removed from recent files because it no longer exists: {}",
                path.display()
            ));
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let text_has_focus = ctx.text_edit_focused()
            || self.author_editor.has_focus(ctx)
            || self
                .scheme_editor
                .as_ref()
                .is_some_and(|e| e.has_text_focus(ctx))
            || self
                .search
                .as_ref()
                .is_some_and(|s| s.editor.has_focus(ctx))
            || self
                .session
                .as_ref()
                .is_some_and(|s| s.note_editor.has_focus(ctx))
            || self.folder.as_ref().is_some_and(|f| f.has_text_focus(ctx));
        self.handle_annotation_shortcuts(ctx, text_has_focus);
        // Before Page Up / Down, which the same keys without Ctrl would also match.
        let (next_article, previous_article) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&folder::NEXT_ARTICLE),
                i.consume_shortcut(&folder::PREVIOUS_ARTICLE),
            )
        });
        if next_article || previous_article {
            self.step_article(ctx, next_article);
        }
        let (zoom_in, zoom_out, zoom_reset, open, quit, find) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&ZOOM_IN) || i.consume_shortcut(&ZOOM_IN_PLUS),
                i.consume_shortcut(&ZOOM_OUT),
                i.consume_shortcut(&ZOOM_RESET),
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&QUIT),
                i.consume_shortcut(&search::FIND),
            )
        });
        if find {
            self.open_search(ctx);
        }
        if zoom_in {
            self.settings.step_font_size(2.0);
        }
        if zoom_out {
            self.settings.step_font_size(-2.0);
        }
        if zoom_reset {
            self.settings.font_size_pt = DEFAULT_FONT_SIZE_PT;
        }
        if open {
            self.ask_for_article(ctx);
        }
        if quit {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        if text_has_focus {
            return;
        }
        let plain = |i: &mut egui::InputState, key: Key| i.consume_key(Modifiers::NONE, key);
        let shift = |i: &mut egui::InputState, key: Key| i.consume_key(Modifiers::SHIFT, key);
        // Space and Enter belong to a focused button or chip.
        let widget_focused = ctx.memory(|m| m.focused().is_some());
        let (down, up, page_down, page_up, home, end, help) = ctx.input_mut(|i| {
            // Shift+Space before Space: a plain Space would also match it.
            let page_up = plain(i, Key::PageUp) || (!widget_focused && shift(i, Key::Space));
            (
                plain(i, Key::J) || plain(i, Key::ArrowDown),
                plain(i, Key::K) || plain(i, Key::ArrowUp),
                plain(i, Key::PageDown) || (!widget_focused && plain(i, Key::Space)),
                page_up,
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
        crate::ui::theme::apply_message_colors(ctx);
    }

    /// Draws the whole window; called by eframe each frame and directly by tests. A panic
    /// inside a frame is caught: pending annotations are saved and a dialog explains.
    pub fn show(&mut self, ui: &mut Ui) {
        if self.crashed.is_none() {
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.show_frame(ui)));
            if result.is_err() {
                self.crashed = Some(self.recover_from_panic());
            }
        }
        if let Some(report) = self.crashed.clone() {
            self.crash_dialog_ui(ui.ctx(), &report);
        }
    }

    /// The crash report, once a frame has panicked.
    pub fn crash_report(&self) -> Option<&CrashReport> {
        self.crashed.as_ref()
    }

    /// Makes the next frame panic, to exercise the crash path in tests.
    #[doc(hidden)]
    pub fn inject_panic_for_test(&mut self) {
        self.inject_panic = true;
    }

    /// Saves what can be saved after a panic and describes the outcome.
    fn recover_from_panic(&mut self) -> CrashReport {
        let message = crash::last_panic().unwrap_or_else(|| "an unexpected error".to_owned());
        let had_changes = self
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.has_unsaved_changes());
        let saved =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.flush_saves())).is_ok();
        let still_unsaved = self
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.has_unsaved_changes());
        let annotations = if !had_changes {
            "Your annotations were already saved.".to_owned()
        } else if saved && !still_unsaved {
            "Your annotations have been saved.".to_owned()
        } else {
            match self
                .session
                .as_ref()
                .map(|s| &s.annotations)
                .and_then(crate::session::write_recovery_copy)
            {
                Some(path) => format!(
                    "Your annotations could not be saved next to the article; a copy is at {}.",
                    path.display()
                ),
                None => "Your latest annotation changes could not be saved.".to_owned(),
            }
        };
        CrashReport {
            message,
            annotations,
        }
    }

    fn crash_dialog_ui(&mut self, ctx: &egui::Context, report: &CrashReport) {
        egui::Window::new("Hashiya ran into a problem")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label("Something went wrong inside Hashiya, and it has to stop.");
                crate::ui::bidi_label(ui, &mut self.engine, &report.annotations, None);
                ui.separator();
                ui.label("What happened:");
                crate::ui::bidi_label(ui, &mut self.engine, &report.message, None);
                match crash::log_path() {
                    Some(path) => {
                        let text = format!("Details are in the log: {}", path.display());
                        crate::ui::bidi_label(ui, &mut self.engine, &text, None);
                    }
                    None => {
                        ui.label("Run from a terminal with RUST_LOG=debug for details.");
                    }
                }
                if ui.button("Quit").clicked() {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            });
    }

    fn show_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        assert!(
            !std::mem::take(&mut self.inject_panic),
            "a panic injected by a test"
        );
        self.poll_loading();
        self.poll_dialog(&ctx);
        self.poll_folder(&ctx);
        self.poll_saves(&ctx);
        self.poll_article_watch(&ctx);
        self.check_focus_regained(&ctx);
        self.handle_dropped_files(&ctx);
        // The built-in file dialog, while shown, has the keyboard.
        if !self.picker.is_open() {
            self.handle_shortcuts(&ctx);
        }
        self.apply_theme(&ctx);
        self.update_window_title(&ctx);
        if self.engine.begin_frame() {
            ctx.request_repaint();
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        if let Some(message) = self.message.clone() {
            let colors =
                crate::ui::theme::MessageColors::for_theme(self.settings.theme == Theme::Dark);
            egui::Panel::top("message")
                .frame(egui::Frame::side_top_panel(ui.style()).fill(colors.fill))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button("Dismiss").clicked() {
                            self.message = None;
                        }
                        // Messages name files, and file names may be Arabic.
                        crate::ui::bidi_label(ui, &mut self.engine, &message, Some(colors.text));
                    });
                });
        }
        self.default_offer_ui(ui);
        self.search_bar_ui(ui);
        self.folder_panel_ui(ui);
        self.annotation_panel_ui(ui);
        let style = self.settings.text_style();
        let colors = ReaderColors::for_theme(self.settings.theme == Theme::Dark);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if self.session.is_none() {
                ui.painter()
                    .rect_filled(ui.max_rect(), 0.0, ui.visuals().panel_fill);
            }
            if let Some(session) = &mut self.session {
                annotating::reader_with_marks_ui(
                    ui,
                    &mut self.engine,
                    session,
                    self.search.as_ref(),
                    style,
                    colors,
                );
            } else if self.loading.is_some() {
                ui.centered_and_justified(egui::Ui::spinner);
            } else if let Some(folder) = &self.folder {
                let hint = if folder.listed && folder.rows.is_empty() {
                    "This folder has no articles. Corpus > Open Folder… chooses another."
                } else {
                    "Choose an article in the list (Ctrl+Page Down opens the first)"
                };
                ui.centered_and_justified(|ui| {
                    ui.label(hint);
                });
            } else {
                ui.centered_and_justified(|ui| {
                    ui.label("Open an article with File > Open…, or drop one here");
                });
            }
        });
        Self::drop_overlay_ui(&ctx);
        self.shortcuts_window_ui(&ctx);
        self.author_window_ui(&ctx);
        self.scheme_editor_ui(&ctx);
        self.compare_window_ui(&ctx);
        self.agreement_window_ui(&ctx);
        self.dialogs_ui(&ctx);
        self.schedule_save(&ctx, false);
        self.handle_close_request(&ctx);
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
        self.remember_position();
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Normally everything is saved when the close was requested; this catches the rest.
        self.flush_saves();
        // Work still running now is abandoned, not crashed: its markers go.
        if let Some(dir) = &self.busy_dir {
            busy::clear_own(dir);
        }
    }
}

/// The bundled sample article as a file in the user's data folder (written on first use),
/// so that its annotations can be saved next to it like any other article's.
pub fn sample_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hashiya")?;
    let folder = dirs.data_dir().join("sample");
    let path = folder.join("alaraby_2016-10-25_paris_coalition_raqqa.txt");
    let current = std::fs::read(&path).ok();
    if current.as_deref() != Some(SAMPLE_ARTICLE.as_bytes()) {
        let written =
            std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, SAMPLE_ARTICLE));
        if let Err(error) = written {
            log::warn!(
                "sample article kept in memory ({error}): {}",
                path.display()
            );
            return None;
        }
    }
    Some(path)
}
