//! The eframe application: the open article, view settings, keyboard commands, and loading
//! articles off the UI thread. Every effect on the world (disk, window) happens here.

mod annotating;
mod article_watch;
pub mod busy;
pub mod command;
pub mod compare;
pub mod crash;
mod default_offer;
pub mod desktop;
mod dialogs;
mod focus;
pub mod folder;
pub mod import;
mod menus;
mod overview;
mod picker;
pub mod quiet_input;
pub mod scheme_editor;
pub mod search;
mod settings;
pub mod span_tab;
mod spans;
mod workspace;

use std::path::{Path, PathBuf};

use egui::{Ui, ViewportCommand};

pub use crate::session::{AnnotationSession, SaveStatus};
pub use command::{Command, UiCommand};
pub use compare::{Adjudication, AgreementTab, AgreementWindow, CompareLevel, CompareState};
pub use folder::{FolderSort, FolderState, UNCOMMITTED};
pub use overview::{Filter, Statistics, statistics};
pub use picker::{
    DialogKind, DialogRequest, DialogUnavailable, FilePicker, FixedPicker, NativePicker, PickResult,
};
pub use settings::{
    DEFAULT_FONT_SIZE_PT, DefaultAppOffer, FONT_SIZE_RANGE_PT, LINE_SPACINGS, MAX_RECENT_FILES,
    ReadingPosition, Settings, Theme, default_author,
};
pub use span_tab::{SpanAdjudication, SpanAgreementState, SpanView};
pub use workspace::Workspace;

use crate::document::{self, Document, DocumentError, LoadOptions};
use crate::jobs::Job;
use crate::text::TextEngine;
use crate::tr;
use crate::ui::tr::{self as t, tx};
use crate::ui::{NoteEditor, ReaderColors, ReaderState};

/// The article shown when Hashiya starts without a file: an Al-Araby Al-Jadeed news report.
pub const SAMPLE_ARTICLE: &str =
    include_str!("../../assets/alaraby_2016-10-25_paris_coalition_raqqa.txt");

/// The window icon.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hashiya-256.png");

/// Key under which [`Settings`] are kept in eframe's storage.
const SETTINGS_KEY: &str = "hashiya-settings";

/// An open article and its view state.
#[derive(Debug)]
pub struct Session {
    /// The article.
    pub document: Document,
    /// The article's language, detected from its letters when it was read.
    pub language: crate::arabic::Language,
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
    /// The passage annotation last selected, when several cover the selected text.
    pub selected_span: Option<uuid::Uuid>,
    /// The passage marked as the source of the relation being made.
    pub relation_source: Option<uuid::Uuid>,
    /// The article's words, for the proclitic rule (built on first use).
    lexicon: Option<crate::arabic::tokens::Lexicon>,
}

impl Session {
    /// A session showing `document` from the top, with `annotations`.
    pub fn new(document: Document, annotations: AnnotationSession) -> Self {
        let reader = ReaderState::new(&document);
        Self {
            language: document.language(),
            document,
            reader,
            chosen_encoding: None,
            annotations,
            note_editor: NoteEditor::new(egui::Id::unique("hashiya-note-editor")),
            note_target: None,
            filter: overview::Filter::All,
            filter_applied: None,
            watch: None,
            selected_span: None,
            relation_source: None,
            lexicon: None,
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

    /// The first kept merge conflict of the selected paragraph's or passage's annotation:
    /// what `t` and Shift+T settle.
    pub fn selected_conflict(&self) -> Option<crate::annotation::Conflict> {
        let target = self.target_key()?;
        let store = self.annotations.store();
        let annotation = store.annotation_for(&self.document, &target)?;
        crate::annotation::conflict::conflicts_of(store.sidecar(), annotation.id)
            .next()
            .map(|(_, c)| c.clone())
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
            .unwrap_or_else(|| tr!("window-sample-article"))
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
        tr!(
            "message-undecodable-bytes",
            count = document.replaced_chars,
            encoding = document.encoding_name.to_string(),
            path = path,
        )
    });
    let split = (document.split_paragraphs > 0).then(|| {
        tr!(
            "message-long-paragraphs",
            count = document.split_paragraphs,
            size = document::MAX_PARAGRAPH_BYTES / 1024,
        )
    });
    let message = [decoding, split, message]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a}\n{b}"));
    Ok((document, annotations, message))
}

/// The Hashiya application: the parts below, each with one owner, and the commands asked
/// for in this frame. This is the one place that implements it.
pub struct HashiyaApp {
    /// The locale of the environment (interface language and digits follow it by default).
    locale: crate::i18n::SystemLocale,
    /// Laid-out text and the glyph atlas (a cache).
    engine: TextEngine,
    /// The open article, its annotations, the folder, loading and saving, settings.
    pub workspace: Workspace,
    /// The windows besides the main one.
    pub windows: Windows,
    /// The window's own state: title, focus, close guard, crash.
    shell: Shell,
    /// Commands asked for during this frame, carried out at its end.
    commands: Vec<Command>,
    /// The commands carried out, kept while tests ask for them.
    applied: Option<Vec<Command>>,
}

/// The windows besides the main one, each with its own state.
#[derive(Debug, Default)]
pub struct Windows {
    /// The find bar, while open.
    pub search: Option<search::SearchState>,
    /// The label scheme editor, while open.
    pub scheme_editor: Option<scheme_editor::SchemeEditor>,
    /// The Annotator Name window.
    pub author: menus::AuthorWindow,
    /// Whether the Keyboard Shortcuts window is shown.
    pub shortcuts_open: bool,
    /// The Compare window, while open.
    pub compare: Option<CompareState>,
    /// The Agreement window, while open.
    pub agreement: Option<AgreementWindow>,
    /// The one-time offer to become the default application.
    default_offer: default_offer::DefaultOffer,
    /// The workspace's count of articles shown, as these windows last followed it.
    article_seen: u64,
    /// A menu or popup was open at the end of the last frame (Esc then closes it).
    popup_open: bool,
}

/// The main window's own state.
#[derive(Debug)]
struct Shell {
    window_title: String,
    /// X11 window that still has to take the keyboard focus (no window manager running).
    pending_x11_focus: Option<u32>,
    /// Whether the window had focus in the last frame (to notice it coming back).
    window_focused: bool,
    /// Set once a close was refused because annotations could not be saved.
    close_refused: bool,
    /// Set after a panic in a frame: what happened, shown instead of the normal window.
    crashed: Option<CrashReport>,
    /// Makes the next frame panic (tests of the crash path).
    inject_panic: bool,
}

impl Default for Shell {
    fn default() -> Self {
        Self {
            window_title: String::new(),
            pending_x11_focus: None,
            window_focused: true,
            close_refused: false,
            crashed: None,
            inject_panic: false,
        }
    }
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
            .field("settings", &self.workspace.settings)
            .field(
                "session",
                &self.workspace.session.as_ref().map(Session::display_name),
            )
            .finish_non_exhaustive()
    }
}

/// The bundled sample article as a document.
pub fn sample_document() -> Document {
    document::parse_plain_text(document::normalize_line_endings(SAMPLE_ARTICLE))
}

impl HashiyaApp {
    /// An app with the given settings and no article open.
    pub fn new(mut settings: Settings, engine: TextEngine) -> Self {
        let locale = crate::i18n::system_locale(|name| std::env::var(name).ok());
        // The first start takes the interface language from the locale and remembers it.
        if settings.interface_language.is_none() {
            settings.interface_language = Some(crate::i18n::UiLanguage::for_locale(&locale));
        }
        crate::i18n::set_interface(settings.interface(&locale));
        Self {
            locale,
            engine,
            workspace: Workspace::new(settings),
            windows: Windows::default(),
            shell: Shell::default(),
            commands: Vec::new(),
            applied: None,
        }
    }

    /// Makes the interface speak as the settings say (View ▸ Language).
    fn apply_interface(&mut self) {
        crate::i18n::set_interface(self.workspace.settings.interface(&self.locale));
    }

    /// Keeps markers of risky work (reading, indexing) in `dir`, so that work which crashed
    /// the process is not started again by itself at the next start (see [`busy`]).
    #[must_use]
    pub fn with_busy_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.workspace.busy_dir = dir;
        self
    }

    /// Calls `hook` on the import's thread after each progress report of File ▸ Import
    /// Bundle… (tests hold an import at a known point with it).
    #[doc(hidden)]
    #[must_use]
    pub fn with_import_hook(mut self, hook: import::ImportHook) -> Self {
        self.workspace.import_hook = Some(hook);
        self
    }

    /// Replaces the file dialogs (tests answer with fixed paths).
    #[must_use]
    pub fn with_picker(mut self, picker: impl FilePicker + 'static) -> Self {
        self.workspace.picker = dialogs::Dialogs::new(Box::new(picker));
        self
    }

    /// Creates the app for eframe: restores settings and opens `path`, or the bundled sample
    /// article when there is none.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|storage| eframe::get_value::<Settings>(storage, SETTINGS_KEY))
            .unwrap_or_default();
        crate::ui::tr::add_interface_digits(&cc.egui_ctx);
        let mut app = Self::new(settings, TextEngine::new(true)).with_busy_dir(busy::default_dir());
        app.windows.default_offer =
            default_offer::DefaultOffer::new(desktop::XdgDirs::from_env().ok());
        #[cfg(target_os = "linux")]
        {
            app.shell.pending_x11_focus = focus::x11_window_id(cc);
        }
        let (folder, path) = app.workspace.startup_targets(path);
        if let Some(folder) = folder {
            app.workspace.open_folder(&cc.egui_ctx, folder);
        }
        match path {
            Some(path) => app.workspace.open(&cc.egui_ctx, path),
            None if app.workspace.folder.is_some() => {}
            None => app.show_document(sample_document()),
        }
        app
    }

    /// The text engine: font system, glyph atlas and label layouts.
    pub fn text_engine(&self) -> &TextEngine {
        &self.engine
    }

    /// Shows `document` (reading its annotations) in place of whatever was open.
    pub fn show_document(&mut self, document: Document) {
        let (annotations, message) = AnnotationSession::load(
            &document,
            &self.workspace.settings.author,
            self.workspace.settings.team_mode,
        );
        if message.is_some() {
            self.workspace.message = message;
        }
        self.workspace.show_loaded(document, annotations);
        self.follow_workspace();
    }

    /// Brings the windows up to date with what the workspace just did: a new article
    /// shown (the Compare window follows it, the default-application offer considers it), a
    /// query for the find bar (a corpus search hit opened).
    fn follow_workspace(&mut self) {
        if let Some((path, opened)) = self.workspace.loaded.take() {
            self.windows.default_offer.consider(
                &path,
                opened,
                self.workspace.settings.default_app_offer,
            );
        }
        if self.windows.article_seen != self.workspace.shown {
            self.windows.article_seen = self.workspace.shown;
            if self.windows.compare.is_some() {
                self.open_compare();
            }
        }
        if let Some((query, paragraph)) = self.workspace.find_request.take() {
            self.search_for(&query);
            if let Some(search) = &mut self.windows.search
                && let Some(index) = search.hits.iter().position(|h| h.paragraph == paragraph)
            {
                search.current = index;
            }
            if let Some(session) = &mut self.workspace.session {
                session.reader.select(paragraph);
                session.reader.reveal(paragraph);
            }
        }
    }

    /// Opens `path` on the calling thread (for tests and headless use).
    pub fn open_blocking(&mut self, path: &Path) {
        match load_article(
            path,
            LoadOptions::default(),
            &self.workspace.settings.author,
            self.workspace.settings.team_mode,
        ) {
            Ok((document, annotations, message)) => {
                self.workspace.message = message;
                self.workspace.show_loaded(document, annotations);
            }
            Err(error) => self.workspace.message = Some(error.to_string()),
        }
        self.follow_workspace();
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
                self.workspace.message = Some(tr!("message-several-dropped"));
            }
            self.push(Command::OpenPath(path));
        }
    }

    /// Turns this frame's key presses into commands (see [`command::COMMANDS`]).
    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let text = ctx.text_edit_focused()
            || self.windows.author.has_focus(ctx)
            || self
                .windows
                .scheme_editor
                .as_ref()
                .is_some_and(|e| e.has_text_focus(ctx))
            || self
                .windows
                .search
                .as_ref()
                .is_some_and(|s| s.editor.has_focus(ctx))
            || self
                .workspace
                .session
                .as_ref()
                .is_some_and(|s| s.note_editor.has_focus(ctx))
            || self
                .workspace
                .folder
                .as_ref()
                .is_some_and(|f| f.has_text_focus(ctx));
        let focus = command::KeyFocus {
            text,
            // Space and Enter belong to a focused button or chip.
            widget: ctx.memory(|m| m.focused().is_some()),
            popup: self.windows.popup_open || ctx.any_popup_open(),
        };
        // Esc cancels a running import, unless it closes a menu or leaves a text field.
        let import_running = self
            .workspace
            .import
            .as_ref()
            .is_some_and(|i| !i.cancelling);
        if import_running
            && !text
            && !self.windows.popup_open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.commands.push(Command::CancelImport);
        }
        let commands = ctx.input_mut(|i| command::commands_from_keys(i, focus));
        self.commands.extend(commands);
        // Ctrl+C copies the passage selected in the reader, in logical order.
        if !text
            && ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
            && let Some(session) = &self.workspace.session
            && let Some(selection) = session.reader.text_selection.filter(|s| !s.is_empty())
            && let Some(text) = session.document.paragraph_text(selection.paragraph)
            && let Some(passage) = text.get(selection.range())
        {
            ctx.copy_text(passage.to_owned());
        }
    }

    /// Asks for `command` to be carried out (at the end of this frame).
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }

    /// Carries out the commands asked for during this frame, in order.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        for command in commands {
            if let Some(applied) = &mut self.applied {
                applied.push(command.clone());
            }
            self.apply_command(ctx, command);
            self.follow_workspace();
        }
        ctx.request_repaint();
    }

    /// After the annotator's name changed: reopens the open article so that its annotations
    /// are recorded under the new name (and, in Team Mode, go to that annotator's own file).
    fn apply_author(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.workspace.session else {
            return;
        };
        if session.annotations.store().author() == self.workspace.settings.author {
            return;
        }
        let Some(path) = session.document.path.clone() else {
            return;
        };
        if !self
            .workspace
            .saved_first(&tr!("message-name-applies-next"))
        {
            return;
        }
        self.workspace.open(ctx, path);
        if self.workspace.settings.team_mode {
            self.workspace.refresh_folder(ctx);
        }
    }

    /// Looks for the desktop files in `dirs` (tests point this at a temporary folder).
    #[must_use]
    pub fn with_xdg_dirs(mut self, dirs: desktop::XdgDirs) -> Self {
        self.windows.default_offer = default_offer::DefaultOffer::new(Some(dirs));
        self
    }

    /// The MIME type Hashiya is offering to become the default for, while it asks.
    pub fn default_offer_pending(&self) -> Option<&'static str> {
        self.windows.default_offer.pending()
    }

    /// Opens the find bar and puts the cursor in it.
    pub fn open_search(&mut self, ctx: &egui::Context) {
        let search = self
            .windows
            .search
            .get_or_insert_with(search::SearchState::new);
        search.editor.focus(ctx);
    }

    /// Runs a search for `query` in the open article (as if typed in the find bar).
    pub fn search_for(&mut self, query: &str) {
        let Some(session) = &mut self.workspace.session else {
            return;
        };
        let search = self
            .windows
            .search
            .get_or_insert_with(search::SearchState::new);
        search
            .editor
            .set_text(&mut self.engine, None, query, self.workspace.settings.face);
        search.run(&session.document, query);
        if let Some(hit) = search.hits.first() {
            session.reader.reveal(hit.paragraph);
        }
    }

    /// Carries out an adjudication decision from the Compare window on the open (gold)
    /// sidecar, as one undo step.
    pub fn adjudicate(&mut self, decision: &Adjudication) {
        if let Some(compare) = &self.windows.compare {
            self.workspace.adjudicate(&compare.comparison, decision);
        }
    }

    /// Carries out a span decision from the Compare window on the open (gold) sidecar, as
    /// one undo step.
    pub fn adjudicate_spans(&mut self, decision: SpanAdjudication) {
        if let Some(compare) = &self.windows.compare {
            self.workspace
                .adjudicate_spans(&compare.spans.comparison, decision);
        }
    }

    /// Moves the Compare window's Spans view to the next (or previous) disagreement and
    /// shows its paragraph in the reader.
    fn step_disagreement(&mut self, forward: bool) {
        let Some(compare) = &mut self.windows.compare else {
            return;
        };
        compare.level = CompareLevel::Spans;
        if !compare.spans.step(forward) {
            return;
        }
        let paragraph = compare
            .spans
            .current
            .and_then(|u| compare.spans.comparison.units.get(u))
            .map(|u| u.paragraph);
        if let (Some(paragraph), Some(session)) = (paragraph, &mut self.workspace.session) {
            session.reader.select(paragraph);
            session.reader.reveal(paragraph);
        }
    }

    /// Takes annotator `annotator`'s version of the current span unit.
    fn take_current(&mut self, annotator: usize) {
        let Some(compare) = &self.windows.compare else {
            return;
        };
        let Some(unit) = compare.spans.current else {
            return;
        };
        if annotator >= compare.spans.comparison.annotators.len() {
            return;
        }
        self.adjudicate_spans(SpanAdjudication {
            unit: Some(unit),
            choice: crate::span_agreement::compare::SpanChoice::Take(annotator),
        });
    }

    /// Turns Team Mode on or off (see [`Workspace::set_team_mode`]).
    pub fn set_team_mode(&mut self, ctx: &egui::Context, on: bool) {
        self.workspace.set_team_mode(ctx, on);
    }

    /// Validates the scheme editor's draft and makes it the article's scheme (saved with the
    /// annotations); false when it was refused (the editor says why).
    pub fn apply_scheme(&mut self) -> bool {
        match (&mut self.windows.scheme_editor, &mut self.workspace.session) {
            (Some(editor), Some(session)) => editor.apply_to(session),
            _ => false,
        }
    }

    /// Closes one of the app's windows.
    fn close_window(&mut self, ctx: &egui::Context, window: command::Window) {
        use command::Window as W;
        match window {
            W::Compare => self.windows.compare = None,
            W::Find => self.windows.search = None,
            W::Agreement => self.windows.agreement = None,
            W::SchemeEditor => self.windows.scheme_editor = None,
            W::AnnotatorName => {
                self.windows.author.open = false;
                self.apply_author(ctx);
            }
            W::KeyboardShortcuts => self.windows.shortcuts_open = false,
        }
    }

    /// The commands carried out since the last call (tests: what a key or menu item did).
    #[doc(hidden)]
    pub fn take_applied_commands(&mut self) -> Vec<Command> {
        std::mem::take(self.applied.get_or_insert_with(Vec::new))
    }

    /// The one place where a user's action takes effect.
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per command, each a call: a table, not logic"
    )]
    fn apply_command(&mut self, ctx: &egui::Context, command: Command) {
        use command::UiCommand as C;
        match command {
            Command::Ui(C::Open) => self.workspace.ask_for_article(ctx),
            Command::Ui(C::OpenFolder) => self.workspace.ask_for_folder(ctx),
            Command::Ui(C::ImportBundle) => self.workspace.ask_for_bundles(ctx),
            Command::CancelImport => self.workspace.cancel_import(),
            Command::Ui(C::OpenSample) => match sample_path() {
                Some(path) => self.workspace.open(ctx, path),
                None => self.show_document(sample_document()),
            },
            Command::Ui(C::SaveAnnotations) => self.workspace.save_now(ctx),
            Command::Ui(C::SaveAnnotationsAs) => self.workspace.ask_save_as(ctx),
            Command::Ui(C::AnnotatorName) => {
                self.windows.author.open(
                    &mut self.engine,
                    &self.workspace.settings.author,
                    self.workspace.settings.face,
                );
            }
            Command::SetAuthor(name) => self.workspace.settings.author = name,
            Command::Ui(C::Quit) => ctx.send_viewport_cmd(ViewportCommand::Close),
            Command::Ui(C::LabelScheme) => self.open_scheme_editor(),
            Command::Ui(C::Undo) => self.workspace.undo(),
            Command::Ui(C::Redo) => self.workspace.redo(),
            Command::Ui(C::NextArticle) => self.workspace.step_article(ctx, true),
            Command::Ui(C::PreviousArticle) => self.workspace.step_article(ctx, false),
            Command::Ui(C::RefreshFolder) => self.workspace.refresh_folder(ctx),
            Command::Ui(C::CloseFolder) => self.workspace.close_folder(),
            Command::Ui(C::CompareAnnotators) => self.open_compare(),
            Command::Ui(C::Agreement) => self.open_agreement(ctx),
            Command::Ui(C::Find) => self.open_search(ctx),
            Command::Ui(C::ZoomIn) => self.workspace.settings.step_font_size(2.0),
            Command::Ui(C::ZoomOut) => self.workspace.settings.step_font_size(-2.0),
            Command::Ui(C::ZoomReset) => {
                self.workspace.settings.font_size_pt = DEFAULT_FONT_SIZE_PT;
            }
            Command::Ui(C::ToggleAnnotationPanel) => {
                self.workspace.settings.show_annotation_panel =
                    !self.workspace.settings.show_annotation_panel;
            }
            Command::Ui(C::KeyboardShortcuts) => {
                self.windows.shortcuts_open = !self.windows.shortcuts_open;
            }
            Command::Ui(
                navigation @ (C::SelectNext
                | C::SelectPrevious
                | C::PageDown
                | C::PageUp
                | C::GoToStart
                | C::GoToEnd),
            ) => {
                if let Some(session) = &mut self.workspace.session {
                    navigate(&mut session.reader, navigation);
                }
            }
            // A digit that is no label's key.
            Command::Ui(C::ToggleLabel) => {}
            Command::ToggleLabelKey(key) => self.workspace.toggle_label_key(key),
            Command::Ui(C::EditNote) => self.edit_note(ctx),
            Command::Ui(C::NextColor) => self.workspace.step_color(false),
            Command::Ui(C::ClearColor) => self.workspace.step_color(true),
            Command::Ui(C::DeleteAnnotation) => self.workspace.delete_current_annotation(),
            Command::Ui(C::TakeOtherValue) => self.workspace.settle_conflict(true),
            Command::Ui(C::KeepCurrentValue) => self.workspace.settle_conflict(false),
            Command::Annotate(edit) => self.workspace.annotate(edit),
            Command::SelectAnnotation(id) => self.workspace.select_annotation(id),
            Command::StartAfresh => self.workspace.start_afresh(),
            Command::OpenPath(path) => {
                if path.is_dir() {
                    self.workspace.open_folder(ctx, path);
                } else {
                    self.workspace.open(ctx, path);
                }
            }
            Command::OpenHit(hit, query) => self.workspace.open_hit(ctx, &hit, &query),
            Command::OpenRecent(path) => self.workspace.open_recent(ctx, path),
            Command::ClearRecentFiles => self.workspace.settings.recent_files.clear(),
            Command::Export(format) => self.workspace.ask_export(ctx, format),
            Command::ReopenWithEncoding(encoding) => {
                self.workspace.reopen_with_encoding(ctx, encoding);
            }
            Command::SetTeamMode(on) => self.workspace.set_team_mode(ctx, on),
            Command::SetTheme(theme) => self.workspace.settings.theme = theme,
            Command::SetFace(language, face) => self.workspace.settings.set_face(language, face),
            Command::SetLineSpacing(spacing) => self.workspace.settings.line_spacing = spacing,
            Command::SetBuiltinDialogs(on) => self.workspace.settings.builtin_dialogs = on,
            Command::SetInterfaceLanguage(language) => {
                self.workspace.settings.interface_language = Some(language);
                self.apply_interface();
            }
            Command::SetDigits(digits) => {
                self.workspace.settings.digits = digits;
                self.apply_interface();
            }
            Command::DismissMessage => self.workspace.message = None,
            Command::Adjudicate(decision) => self.adjudicate(&decision),
            Command::AdjudicateSpan(decision) => self.adjudicate_spans(decision),
            Command::Ui(C::NextDisagreement) => self.step_disagreement(true),
            Command::Ui(C::PreviousDisagreement) => self.step_disagreement(false),
            Command::Ui(C::TakeAnnotator1) => self.take_current(0),
            Command::Ui(C::TakeAnnotator2) => self.take_current(1),
            Command::Ui(C::TakeAnnotator3) => self.take_current(2),
            Command::MeasureAgreement(level) => {
                if let Some(window) = &mut self.windows.agreement {
                    window.measure(ctx, level);
                }
            }
            Command::CancelAgreement => {
                if let Some(window) = &mut self.windows.agreement {
                    window.spans.cancel();
                }
            }
            Command::ApplyScheme => {
                if self.apply_scheme() {
                    self.windows.scheme_editor = None;
                }
            }
            Command::AnswerDefaultOffer(answer) => {
                let (remember, message) = self.windows.default_offer.answer(answer);
                if let Some(remember) = remember {
                    self.workspace.settings.default_app_offer = remember;
                }
                if message.is_some() {
                    self.workspace.message = message;
                }
            }
            Command::Reveal(paragraph) => {
                if let Some(session) = &mut self.workspace.session {
                    session.reader.reveal(paragraph);
                }
            }
            Command::CloseWindow(window) => self.close_window(ctx, window),
            Command::Ui(C::SelectWordLeft) => self.workspace.step_word(true, false),
            Command::Ui(C::SelectWordRight) => self.workspace.step_word(false, false),
            Command::Ui(C::ExtendSelectionLeft) => self.workspace.step_word(true, true),
            Command::Ui(C::ExtendSelectionRight) => self.workspace.step_word(false, true),
            Command::Ui(C::NextSpan) => self.workspace.jump_span(true),
            Command::Ui(C::PreviousSpan) => self.workspace.jump_span(false),
            Command::Ui(C::MarkRelationSource) => self.workspace.mark_relation_source(),
            Command::Ui(C::ToggleProclitic) => self.workspace.toggle_proclitic(),
            Command::Ui(C::ClearSelection) => self.workspace.clear_selection(),
            Command::Ui(C::ImportEntities) => self.workspace.ask_import_entities(ctx),
            Command::ImportEntitiesFrom(path, format) => {
                self.workspace.import_entities(&path, format);
            }
            Command::ExportEntities(format) => self.workspace.ask_export_entities(ctx, format),
            Command::SelectSpan(id) => self.workspace.select_span(id),
            Command::SetRelationSource(id) => self.workspace.set_relation_source(id),
            Command::ToggleSpanLabel(label) => self.workspace.toggle_span_label(&label),
        }
    }

    fn update_window_title(&mut self, ctx: &egui::Context) {
        let title = match &self.workspace.session {
            Some(session) => {
                let article_title: String = session.document.title().chars().take(80).collect();
                tr!(
                    "window-title-article",
                    title = article_title,
                    name = session.display_name()
                )
            }
            None => tr!("window-title"),
        };
        if title != self.shell.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shell.window_title = title;
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        let theme = match self.workspace.settings.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        crate::ui::theme::apply_message_colors(ctx);
        crate::ui::theme::apply_scroll_bars(ctx, crate::i18n::is_rtl());
    }

    /// Draws the whole window; called by eframe each frame and directly by tests. A panic
    /// inside a frame is caught: pending annotations are saved and a dialog explains.
    pub fn show(&mut self, ui: &mut Ui) {
        if self.shell.crashed.is_none() {
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.show_frame(ui)));
            if result.is_err() {
                self.shell.crashed = Some(self.recover_from_panic());
            }
        }
        if let Some(report) = self.shell.crashed.clone() {
            self.crash_dialog_ui(ui.ctx(), &report);
        }
    }

    /// The crash report, once a frame has panicked.
    pub fn crash_report(&self) -> Option<&CrashReport> {
        self.shell.crashed.as_ref()
    }

    /// Makes the next frame panic, to exercise the crash path in tests.
    #[doc(hidden)]
    pub fn inject_panic_for_test(&mut self) {
        self.shell.inject_panic = true;
    }

    /// Saves what can be saved after a panic and describes the outcome.
    fn recover_from_panic(&mut self) -> CrashReport {
        let message = crash::last_panic().unwrap_or_else(|| tr!("crash-unexpected-error"));
        let had_changes = self
            .workspace
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.has_unsaved_changes());
        let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.workspace.flush_saves();
        }))
        .is_ok();
        let still_unsaved = self
            .workspace
            .session
            .as_ref()
            .is_some_and(|s| s.annotations.has_unsaved_changes());
        let annotations = if !had_changes {
            tr!("crash-already-saved")
        } else if saved && !still_unsaved {
            tr!("crash-saved")
        } else {
            match self
                .workspace
                .session
                .as_ref()
                .map(|s| &s.annotations)
                .and_then(crate::session::write_recovery_copy)
            {
                Some(path) => tr!("crash-copy-kept", path = &path),
                None => tr!("crash-not-saved"),
            }
        };
        CrashReport {
            message,
            annotations,
        }
    }

    fn crash_dialog_ui(&mut self, ctx: &egui::Context, report: &CrashReport) {
        egui::Window::new(tx(tr!("crash-title")))
            .id(egui::Id::unique("hashiya-crash"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                t::label(ui, tr!("crash-explanation"));
                crate::ui::bidi_label(ui, &mut self.engine, &report.annotations, None);
                ui.separator();
                t::label(ui, tr!("crash-what-happened"));
                crate::ui::bidi_label(ui, &mut self.engine, &report.message, None);
                match crash::log_path() {
                    Some(path) => {
                        let text = tr!("crash-log-details", path = &path);
                        crate::ui::bidi_label(ui, &mut self.engine, &text, None);
                    }
                    None => {
                        t::label(ui, tr!("crash-run-from-terminal"));
                    }
                }
                if ui.button(tx(tr!("crash-quit"))).clicked() {
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
            });
    }

    fn show_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        assert!(
            !std::mem::take(&mut self.shell.inject_panic),
            "a panic injected by a test"
        );
        self.workspace.poll_loading();
        self.workspace.poll_dialog(&ctx);
        self.workspace.poll_folder(&ctx);
        self.workspace.poll_import(&ctx);
        self.workspace.poll_saves(&ctx);
        self.workspace.poll_article_watch(&ctx);
        self.follow_workspace();
        self.check_focus_regained(&ctx);
        self.handle_dropped_files(&ctx);
        // Before the shortcuts take the arrow keys out of the input.
        crate::ui::tr::mirror_menu_arrow_keys(&ctx);
        // The built-in file dialog, while shown, has the keyboard.
        if !self.workspace.picker.is_open() {
            self.handle_shortcuts(&ctx);
        }
        self.apply_theme(&ctx);
        self.update_window_title(&ctx);
        if crate::ui::tr::begin_frame(&ctx) {
            ctx.request_repaint();
        }
        if self.engine.begin_frame() {
            ctx.request_repaint();
        }

        let mut chrome = menus::Chrome {
            settings: &self.workspace.settings,
            session: self.workspace.session.as_ref(),
            has_folder: self.workspace.folder.is_some(),
            compare_open: self.windows.compare.is_some(),
            importing: self.workspace.import.is_some(),
            loading: self
                .workspace
                .loading
                .as_ref()
                .map(|job| job.path.as_path()),
            engine: &mut self.engine,
            commands: &mut self.commands,
        };
        egui::Panel::top("menu").show(ui, |ui| chrome.menu_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| chrome.status_bar_ui(ui));
        if let Some(message) = self.workspace.message.clone() {
            let colors = crate::ui::theme::MessageColors::for_theme(
                self.workspace.settings.theme == Theme::Dark,
            );
            egui::Panel::top("message")
                .frame(egui::Frame::side_top_panel(ui.style()).fill(colors.fill))
                .show(ui, |ui| {
                    t::row(ui, |ui| {
                        if ui.button(tx(tr!("message-dismiss"))).clicked() {
                            self.commands.push(Command::DismissMessage);
                        }
                        // Messages name files, and file names may be Arabic.
                        crate::ui::bidi_label(ui, &mut self.engine, &message, Some(colors.text));
                    });
                });
        }
        self.windows.default_offer.ui(ui, &mut self.commands);
        if let (Some(search), Some(session)) = (&mut self.windows.search, &self.workspace.session) {
            search.bar_ui(ui, &mut self.engine, &session.document, &mut self.commands);
        }
        if let Some(folder) = &mut self.workspace.folder {
            let current = self
                .workspace
                .session
                .as_ref()
                .and_then(|s| s.document.path.as_deref());
            folder::folder_panel_ui(ui, &mut self.engine, folder, current, &mut self.commands);
        }
        if self.workspace.settings.show_annotation_panel
            && let Some(session) = &mut self.workspace.session
        {
            annotating::side_panel_ui(
                ui,
                &mut self.engine,
                session,
                self.workspace.settings.face,
                &mut self.commands,
            );
        }
        self.central_ui(ui);
        self.windows_ui(&ctx);
        self.windows.popup_open = ctx.any_popup_open();
        self.apply_commands(&ctx);
        self.workspace.schedule_save(&ctx, false);
        self.handle_close_request(&ctx);
    }

    /// The windows besides the main one, over it.
    fn windows_ui(&mut self, ctx: &egui::Context) {
        menus::drop_overlay_ui(ctx);
        menus::shortcuts_window_ui(ctx, self.windows.shortcuts_open, &mut self.commands);
        self.windows
            .author
            .ui(ctx, &mut self.engine, &mut self.commands);
        if let Some(editor) = &mut self.windows.scheme_editor
            && let Some(message) = editor.window_ui(
                ctx,
                &mut self.engine,
                self.workspace.settings.face,
                &mut self.workspace.picker,
                &mut self.commands,
            )
        {
            self.workspace.message = Some(message);
        }
        let session = self.workspace.session.as_ref();
        if let Some(compare) = &mut self.windows.compare {
            compare::compare_window_ui(
                compare,
                ctx,
                &mut self.engine,
                session,
                self.workspace.settings.team_mode,
                &mut self.commands,
            );
        }
        if let Some(window) = &mut self.windows.agreement {
            let current = session.and_then(|s| s.document.path.as_deref());
            compare::agreement_window_ui(
                window,
                ctx,
                &mut self.engine,
                current,
                &mut self.commands,
            );
        }
        if let Some(import) = &self.workspace.import {
            import::import_window_ui(ctx, &mut self.engine, import, &mut self.commands);
        }
        self.dialogs_ui(ctx);
    }

    /// The reading view, or what to do when no article is open.
    fn central_ui(&mut self, ui: &mut Ui) {
        let language = self
            .workspace
            .session
            .as_ref()
            .map_or(crate::arabic::Language::Arabic, |s| s.language);
        let style = self.workspace.settings.text_style(language);
        let colors = ReaderColors::for_theme(self.workspace.settings.theme == Theme::Dark);
        // No fill here: the window is cleared to the colour of what the central panel shows
        // (`clear_color`), which costs far less than painting it again under software GL.
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(session) = &mut self.workspace.session {
                annotating::reader_with_marks_ui(
                    ui,
                    &mut self.engine,
                    session,
                    self.windows.search.as_ref(),
                    style,
                    colors,
                );
            } else if self.workspace.loading.is_some() {
                ui.centered_and_justified(egui::Ui::spinner);
            } else if let Some(folder) = &self.workspace.folder {
                let hint = if folder.listed && folder.rows.is_empty() {
                    tr!("window-empty-folder")
                } else {
                    tr!("window-choose-article")
                };
                ui.centered_and_justified(|ui| {
                    t::label(ui, hint);
                });
            } else {
                ui.centered_and_justified(|ui| {
                    t::label(ui, tr!("window-open-article-hint"));
                });
            }
        });
    }

    /// `n` / Enter: opens the annotation panel with the note editor taking the keyboard.
    pub(super) fn edit_note(&mut self, ctx: &egui::Context) {
        if self.workspace.current_target(true).is_none() {
            return;
        }
        self.workspace.settings.show_annotation_panel = true;
        if let Some(session) = &mut self.workspace.session {
            session.note_editor.focus(ctx);
        }
    }

    /// Merges changes made to the sidecar by others when the window comes back into focus.
    pub(super) fn check_focus_regained(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        let regained = focused && !self.shell.window_focused;
        self.shell.window_focused = focused;
        if !regained {
            return;
        }
        if let Some(folder) = &mut self.workspace.folder {
            // A commit or pull made elsewhere changes the marks.
            folder.refresh_git_status();
        }
        if let Some(session) = &mut self.workspace.session {
            if let Some(watch) = &mut session.watch {
                watch.check_soon();
            }
            if let Some(message) = session.annotations.check_disk(&session.document) {
                self.workspace.message = Some(message);
            }
        }
    }

    /// Saves before the window closes; if that fails, keeps the window open once, with a
    /// recovery copy written to the data folder and a message saying where.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        self.workspace.flush_saves();
        let Some(session) = &self.workspace.session else {
            return;
        };
        if !session.annotations.has_unsaved_changes() {
            return;
        }
        if self.shell.close_refused {
            // Closing after the warning: what was done since goes into a fresh copy.
            match crate::session::write_recovery_copy(&session.annotations) {
                Some(path) => log::warn!("unsaved annotations kept at {}", path.display()),
                None => log::error!("unsaved annotations could not be kept on closing"),
            }
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.shell.close_refused = true;
        let recovery = crate::session::write_recovery_copy(&session.annotations);
        self.workspace.message = Some(match recovery {
            Some(path) => tr!("message-close-copy-kept", path = &path),
            None => tr!("message-close-not-saved"),
        });
    }

    /// Opens the Compare window for the open article (reading every annotator's sidecar).
    pub fn open_compare(&mut self) {
        let Some(session) = &self.workspace.session else {
            return;
        };
        let Some(path) = session.document.path.clone() else {
            self.workspace.message = Some(tr!("message-sample-no-annotators"));
            return;
        };
        let comparison = crate::compare::Comparison::load(&session.document, &path);
        if let Some(problem) = comparison.problems.first() {
            self.workspace.message =
                Some(tr!("message-annotator-file-unreadable", problem = problem));
        }
        let spans = crate::span_agreement::compare::SpanComparison::load(&session.document, &path);
        // Looking again keeps the window's filter and level.
        let (only_disagreements, level) = self
            .windows
            .compare
            .as_ref()
            .map_or((false, CompareLevel::Paragraphs), |c| {
                (c.only_disagreements, c.level)
            });
        self.windows.compare = Some(CompareState {
            comparison,
            only_disagreements,
            level,
            spans: SpanView::new(spans, &session.document),
        });
    }

    /// Opens the Agreement window for the open folder.
    pub fn open_agreement(&mut self, ctx: &egui::Context) {
        let Some(folder) = self.workspace.folder.as_ref().map(|f| f.folder.clone()) else {
            self.workspace.message = Some(tr!("message-open-folder-first"));
            return;
        };
        self.windows.agreement = Some(AgreementWindow::start(ctx, folder));
    }

    /// Shows Hashiya's own file dialog for every dialog of this run (`--builtin-dialogs`).
    pub fn use_builtin_dialogs(&mut self) {
        self.workspace.picker.force_builtin();
    }

    /// The built-in file dialog, while it is shown.
    pub fn file_dialog(&self) -> Option<&crate::ui::FileDialog> {
        self.workspace.picker.shown()
    }

    /// Shows the built-in dialog when one is asked for, and passes on dialog answers.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let current = self
            .workspace
            .session
            .as_ref()
            .and_then(|s| s.document.path.as_deref());
        if let Some(message) =
            self.workspace
                .picker
                .ui(ctx, &mut self.engine, &self.workspace.settings, current)
        {
            self.workspace.message = Some(message);
        }
    }

    /// Opens the label scheme editor on the open article's scheme.
    pub fn open_scheme_editor(&mut self) {
        if let Some(session) = &self.workspace.session {
            self.windows.scheme_editor = Some(scheme_editor::SchemeEditor::new(
                session.annotations.store().scheme().clone(),
            ));
        }
    }
}

impl eframe::App for HashiyaApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        // `RUST_LOG=hashiya::frame=trace` lists the frames the window draws.
        log::trace!(target: "hashiya::frame", "frame {}", ui.ctx().cumulative_pass_nr());
        #[cfg(target_os = "linux")]
        if let Some(window_id) = self.shell.pending_x11_focus {
            if focus::focus_without_window_manager(window_id) {
                self.shell.pending_x11_focus = None;
            } else {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
        }
        self.show(ui);
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        if self.workspace.session.is_some() {
            ReaderColors::for_theme(self.workspace.settings.theme == Theme::Dark)
                .background
                .to_normalized_gamma_f32()
        } else {
            visuals.panel_fill.to_normalized_gamma_f32()
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.workspace.remember_position();
        eframe::set_value(storage, SETTINGS_KEY, &self.workspace.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Normally everything is saved when the close was requested; this catches the rest.
        self.workspace.flush_saves();
        // Work still running now is abandoned, not crashed: its markers go.
        if let Some(dir) = &self.workspace.busy_dir {
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

/// Moves the reader for a navigation command.
fn navigate(reader: &mut ReaderState, command: command::UiCommand) {
    use command::UiCommand as C;
    match command {
        C::SelectNext => reader.move_selection(1),
        C::SelectPrevious => reader.move_selection(-1),
        C::PageDown => reader.scroll_pages(1.0),
        C::PageUp => reader.scroll_pages(-1.0),
        C::GoToStart => reader.scroll_to_end(false),
        C::GoToEnd => reader.scroll_to_end(true),
        _ => {}
    }
}
