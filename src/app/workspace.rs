//! The workspace: the open article with its annotations, the open folder, the article being
//! loaded, saving, the file dialogs, the latest message for the user, and the settings. It
//! is the part of the app that does the work; windows and menus only ask it through
//! commands.

use std::path::{Path, PathBuf};

use super::{
    FolderState, LoadJob, Loaded, NativePicker, Session, Settings, article_watch, busy, dialogs,
    load_article, sample_path,
};
use crate::document::{Document, DocumentError, LoadOptions};
use crate::jobs::{Job, Poll};
use crate::session::AnnotationSession;
use crate::tr;
use crate::ui::ReaderState;

/// The work the window shows (see the module documentation).
pub struct Workspace {
    /// Appearance settings and history, persisted across runs.
    pub settings: Settings,
    /// The open article, if any.
    pub session: Option<Session>,
    pub(super) loading: Option<LoadJob>,
    /// The open folder of articles, if any.
    pub folder: Option<FolderState>,
    /// A paragraph to go to (and a query to highlight) once this article is open.
    pub(super) pending_reveal: Option<(PathBuf, usize, Option<String>)>,
    /// Background sidecar writer, started on the first frame.
    pub(super) saver: Option<crate::session::saver::Saver>,
    /// Where markers of work that could crash the process are kept (`None`: not kept).
    pub(super) busy_dir: Option<PathBuf>,
    /// Opening another article was refused once because the open one's annotations could
    /// not be saved; the next attempt goes ahead, leaving them in a recovery copy.
    pub(super) switch_refused: bool,
    /// The latest error or notice for the user, shown above the article until dismissed.
    pub message: Option<String>,
    pub(super) picker: dialogs::Dialogs,
    pub(super) pending_pick: Option<Job<Option<PathBuf>>>,
    pub(super) pending_save_as: Option<Job<Option<PathBuf>>>,
    pub(super) pending_export: Option<(crate::export::ExportFormat, Job<Option<PathBuf>>)>,
    pub(super) pending_folder_pick: Option<Job<Option<PathBuf>>>,
    pub(super) pending_import: Option<Job<Option<PathBuf>>>,
    pub(super) pending_entity_export:
        Option<(crate::export::entities::EntityFormat, Job<Option<PathBuf>>)>,
    /// File ▸ Import Bundle…: the bundles asked for, then the folder asked for.
    pub(super) pending_bundle_pick: Option<Job<Option<Vec<PathBuf>>>>,
    pub(super) pending_output_pick: Option<(Vec<PathBuf>, Job<Option<PathBuf>>)>,
    /// The bundle import running, if any.
    pub import: Option<super::import::BundleImport>,
    pub(super) import_hook: Option<super::import::ImportHook>,
    /// Counts the articles shown, so that windows about the open article notice a new one.
    pub(super) shown: u64,
    /// A query for the find bar and the paragraph of its hit to make current (a corpus
    /// search hit was opened).
    pub(super) find_request: Option<(String, usize)>,
    /// The article whose loading just finished, and whether it is now shown.
    pub(super) loaded: Option<(PathBuf, bool)>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("session", &self.session.as_ref().map(Session::display_name))
            .field("folder", &self.folder.as_ref().map(|f| f.folder.clone()))
            .finish_non_exhaustive()
    }
}

impl Workspace {
    /// Nothing open yet.
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            session: None,
            loading: None,
            folder: None,
            pending_reveal: None,
            saver: None,
            busy_dir: None,
            switch_refused: false,
            message: None,
            picker: dialogs::Dialogs::new(Box::new(NativePicker)),
            pending_pick: None,
            pending_save_as: None,
            pending_export: None,
            pending_folder_pick: None,
            pending_import: None,
            pending_entity_export: None,
            pending_bundle_pick: None,
            pending_output_pick: None,
            import: None,
            import_hook: None,
            shown: 0,
            loaded: None,
            find_request: None,
        }
    }

    /// A marker for risky work on `path`, while the returned value lives.
    pub(super) fn busy_marker(
        &self,
        kind: busy::BusyKind,
        path: &Path,
    ) -> Option<busy::BusyMarker> {
        self.busy_dir
            .as_deref()
            .and_then(|dir| busy::BusyMarker::begin(dir, kind, path))
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
        // An import is never restarted by itself; the user hears which bundle stopped it.
        notes.extend(
            interrupted
                .iter()
                .filter(|i| i.kind == busy::BusyKind::Importing)
                .map(busy::describe),
        );
        if !notes.is_empty() {
            self.message = Some(notes.join("\n"));
        }
        (folder, path)
    }

    /// Shows a loaded article and its annotations, where the reader last left it. Unsaved
    /// annotations of the article being replaced are saved first.
    pub(super) fn show_loaded(&mut self, document: Document, annotations: AnnotationSession) {
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
        self.shown += 1;
    }

    /// Starts watching the open article's file (once) and takes in what changed.
    pub(super) fn poll_article_watch(&mut self, ctx: &egui::Context) {
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
    pub(super) fn apply_article_change(&mut self, change: article_watch::ArticleChange) {
        let Some(session) = &mut self.session else {
            return;
        };
        let path = session.document.path.clone().unwrap_or_default();
        let document = match change {
            article_watch::ArticleChange::Missing => {
                self.message = Some(tr!("watch-article-missing", path = &path));
                return;
            }
            article_watch::ArticleChange::Unreadable(error) => {
                self.message = Some(tr!("watch-article-unreadable", error = error.to_string()));
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
        session.language = document.language();
        session.document = document;
        let store = session.annotations.store();
        let orphaned = store.orphans().count();
        let placed = store.annotations().len() - orphaned;
        let attention = if orphaned > 0 {
            tr!("watch-reloaded-orphaned", count = orphaned)
        } else {
            String::new()
        };
        let fuzzy = if summary.fuzzy > 0 {
            tr!("watch-reloaded-fuzzy", count = summary.fuzzy)
        } else {
            String::new()
        };
        let message = tr!(
            "watch-reloaded",
            count = placed,
            orphaned = attention,
            fuzzy = fuzzy,
            path = &path,
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
    pub(super) fn may_replace_session(&mut self) -> bool {
        let Some(session) = &self.session else {
            return true;
        };
        if !session.annotations.has_unsaved_changes() {
            self.switch_refused = false;
            return true;
        }
        if !self.switch_refused {
            self.switch_refused = true;
            self.message = Some(tr!("message-switch-not-saved"));
            return false;
        }
        match crate::session::write_recovery_copy(&session.annotations) {
            Some(path) => {
                self.switch_refused = false;
                self.message = Some(tr!("message-switch-copy-kept", path = &path));
                true
            }
            None => {
                self.message = Some(tr!("message-switch-not-saved-anywhere"));
                false
            }
        }
    }

    pub(super) fn remember_position(&mut self) {
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
        let job = Job::spawn("hashiya-load", super::waker(ctx), move |_| {
            let result = load_article(&job_path, options, &author, team);
            drop(marker);
            result
        });
        self.loading = Some(LoadJob { path, options, job });
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

    pub(super) fn poll_loading(&mut self) {
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

    pub(super) fn finish_load(
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
                let opened = self
                    .session
                    .as_ref()
                    .and_then(|s| s.document.path.as_deref())
                    == Some(path);
                self.loaded = Some((path.to_owned(), opened));
            }
            Some(Err(error)) => self.message = Some(error.to_string()),
            None => {
                self.message = Some(tr!("message-loading-stopped", path = path));
            }
        }
    }

    /// Shows the open dialog.
    pub fn ask_for_article(&mut self, ctx: &egui::Context) {
        self.pending_pick = Some(self.picker.pick_article(ctx));
    }

    pub(super) fn poll_dialog(&mut self, ctx: &egui::Context) {
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

    /// Reopens the current article decoded with `encoding` (`None`: detect again).
    pub fn reopen_with_encoding(
        &mut self,
        ctx: &egui::Context,
        encoding: Option<&'static encoding_rs::Encoding>,
    ) {
        let Some(session) = &self.session else {
            return;
        };
        let format = session.document.format;
        let Some(path) = session.document.path.clone() else {
            self.message = Some(tr!("message-sample-no-encoding"));
            return;
        };
        if !format.has_text_encoding() {
            self.message = Some(tr!(
                "message-encoding-not-applicable",
                reason = super::menus::no_encoding_choice(),
                format = format.to_string(),
                path = &path,
            ));
            return;
        }
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
            self.message = Some(tr!("message-recent-file-gone", path = &path));
        }
    }
}
