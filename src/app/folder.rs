//! Corpus mode: a folder of articles listed in a side panel (title, paragraphs, annotated
//! paragraphs, progress), indexed in the background so a large folder opens at once; sorting,
//! filtering, next / previous article, and Arabic-aware search across every article.

use crate::text::Fit;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Color32, Sense, Ui, WidgetInfo};

use super::Workspace;
use super::command::{Command, UiCommand};
use crate::annotation::sidecar::AnnotatorSidecars;
use crate::arabic::{Normalized, search_folding};
use crate::corpus::{
    CorpusEntry, CorpusHit, index_article_with, list_articles_until, search_articles,
};
use crate::jobs::{self, Job, Poll};
use crate::text::TextEngine;
use crate::tr;
use crate::ui::bidi_label::ui_style;
use crate::ui::tr::{self as t, tx};
use crate::ui::{NoteEditor, bidi_label};

/// Most hits a corpus search collects before it stops.
pub const MAX_CORPUS_HITS: usize = 2_000;

/// How often the background workers hand over what they have.
const BATCH_INTERVAL: Duration = Duration::from_millis(100);

/// The tooltip (and part of the accessible name) of an article whose sidecars have
/// uncommitted changes, in the English interface (`folder-uncommitted`).
pub const UNCOMMITTED: &str = "annotations not committed";

/// Height of one article row in the list, in points.
const ROW_HEIGHT: f32 = 52.0;

/// Order of the article list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FolderSort {
    /// By path (folder structure, then file name).
    #[default]
    Path,
    /// By title.
    Title,
    /// Least annotated first (share of paragraphs annotated).
    Progress,
    /// Longest first.
    Length,
}

impl FolderSort {
    /// Every order, as offered in the list's menu.
    pub const ALL: [Self; 4] = [Self::Path, Self::Title, Self::Progress, Self::Length];

    fn name(self) -> String {
        match self {
            Self::Path => tr!("folder-sort-path"),
            Self::Title => tr!("folder-sort-title"),
            Self::Progress => tr!("folder-sort-progress"),
            Self::Length => tr!("folder-sort-length"),
        }
    }
}

/// One article of the folder: its path, and its summary once indexed.
#[derive(Clone, Debug)]
pub struct FolderRow {
    /// The article file.
    pub path: PathBuf,
    /// Its summary (`None` until the indexer reaches it).
    pub entry: Option<CorpusEntry>,
    /// Title and file name folded for filtering.
    filter_key: String,
}

impl FolderRow {
    fn new(path: PathBuf) -> Self {
        let filter_key = fold(&file_name(&path));
        Self {
            path,
            entry: None,
            filter_key,
        }
    }

    fn set_entry(&mut self, entry: CorpusEntry) {
        self.filter_key = fold(&format!("{} {}", entry.title, file_name(&self.path)));
        self.entry = Some(entry);
    }

    /// Share of paragraphs annotated, 0 – 1.
    pub fn progress(&self) -> f32 {
        self.entry.as_ref().map_or(0.0, |e| {
            if e.paragraphs == 0 {
                0.0
            } else {
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "paragraph counts are far below 2^23"
                )]
                let share = e.annotated as f32 / e.paragraphs as f32;
                share.min(1.0)
            }
        })
    }
}

/// A progress bar with `text` on it. egui draws text with no right-to-left letters as
/// before; other text (the Arabic interface) is laid out by `engine`, and the bar fills from
/// the right when the interface reads from the right.
pub(super) fn progress_bar(
    ui: &mut Ui,
    engine: &mut TextEngine,
    fraction: f32,
    text: String,
) -> egui::Response {
    if !t::needs_bidi(&text) && !crate::i18n::is_rtl() {
        return ui.add(egui::ProgressBar::new(fraction).text(text));
    }
    let fraction = fraction.clamp(0.0, 1.0);
    let width = ui.available_size_before_wrap().x.max(96.0);
    let height = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    let name = t::spoken(&text);
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(egui::Role::ProgressIndicator, ui.is_enabled(), &name);
        info.value = Some((f64::from(fraction) * 100.0).floor());
        info
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let radius = height / 2.0;
    painter.rect_filled(rect, radius, visuals.extreme_bg_color);
    let filled_width = (rect.width() * fraction).max(height.min(rect.width()));
    let filled = if crate::i18n::is_rtl() {
        egui::Rect::from_min_max(
            egui::pos2(rect.right() - filled_width, rect.top()),
            rect.max,
        )
    } else {
        egui::Rect::from_min_size(rect.min, egui::vec2(filled_width, height))
    };
    painter.rect_filled(filled, radius, visuals.selection.bg_fill);
    let style = ui_style(crate::text::ReadingFace::default(), false);
    let margin = ui.spacing().item_spacing.x;
    let fit = Fit::Line((rect.width() - 2.0 * margin).max(20.0));
    let metrics = engine.measure_label(&text, &style, fit);
    let x = if metrics.rtl {
        rect.right() - margin - metrics.size.x
    } else {
        rect.left() + margin
    };
    let color = visuals
        .override_text_color
        .unwrap_or(visuals.selection.stroke.color);
    engine.paint_label(
        &painter,
        &text,
        &style,
        fit,
        egui::pos2(x, rect.center().y - metrics.size.y / 2.0),
        color,
    );
    response
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Text folded as search folds it (marks, alef forms, digits, case), for filtering.
fn fold(text: &str) -> String {
    Normalized::new(text, search_folding(true)).as_string()
}

/// What the indexer sends back.
enum IndexEvent {
    Listed(Vec<PathBuf>),
    Indexed(Vec<(usize, CorpusEntry)>),
}

/// A corpus-wide search, running or finished.
#[derive(Debug)]
pub struct FolderSearch {
    /// The query.
    pub query: String,
    /// Hits so far, in article order.
    pub hits: Vec<CorpusHit>,
    /// Articles searched so far.
    pub searched: usize,
    /// Whether the search has finished.
    pub done: bool,
    /// The search (articles searched so far, new hits); cancelled when this is dropped.
    job: Option<Job<(usize, Vec<CorpusHit>)>>,
}

impl FolderSearch {
    /// Whether the hit limit stopped it.
    pub fn truncated(&self) -> bool {
        self.hits.len() >= MAX_CORPUS_HITS
    }

    fn poll(&mut self) {
        while let Some(job) = &mut self.job {
            match job.poll() {
                Poll::Ready((searched, hits)) => {
                    self.searched = searched;
                    self.hits.extend(hits);
                    self.hits.truncate(MAX_CORPUS_HITS);
                }
                Poll::Pending => return,
                Poll::Done => {
                    self.done = true;
                    self.job = None;
                }
            }
        }
    }
}

/// The open folder.
#[derive(Debug)]
pub struct FolderState {
    /// The folder.
    pub folder: PathBuf,
    /// Its articles, in path order.
    pub rows: Vec<FolderRow>,
    /// Whether the listing has arrived.
    pub listed: bool,
    /// How many articles are indexed.
    pub indexed: usize,
    /// Order of the list.
    pub sort: FolderSort,
    /// The filter field.
    pub filter: NoteEditor,
    /// The corpus search field.
    pub search_editor: NoteEditor,
    /// The corpus search, while shown.
    pub search: Option<FolderSearch>,
    filter_text: String,
    /// Rows shown, in order (indices into `rows`).
    order: Vec<usize>,
    order_dirty: bool,
    /// The listing and indexing, while it runs; dropping it (closing the folder) stops it.
    indexer: Option<Job<IndexEvent>>,
    started: Instant,
    /// Articles whose sidecars have changes git has not committed (empty outside a git work
    /// tree or without git).
    uncommitted: HashSet<PathBuf>,
    /// Asking git for them, while it runs.
    git_status: Option<Job<HashSet<PathBuf>>>,
    /// To start a git status from where no frame is at hand (after a save).
    ctx: egui::Context,
}

impl std::fmt::Debug for IndexEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Listed(paths) => write!(f, "Listed({})", paths.len()),
            Self::Indexed(entries) => write!(f, "Indexed({})", entries.len()),
        }
    }
}

/// Lists `folder` and indexes each article, sending batches to `sender`.
fn index_folder(folder: &Path, annotator: Option<&str>, sender: &jobs::Sender<IndexEvent>) {
    let paths = list_articles_until(folder, sender.cancel().flag());
    if sender.is_cancelled() || !sender.send(IndexEvent::Listed(paths.clone())) {
        return;
    }
    let mut sidecars = AnnotatorSidecars::default();
    let mut batch = Vec::new();
    let mut last_send = Instant::now();
    for (i, path) in paths.iter().enumerate() {
        if sender.is_cancelled() {
            return;
        }
        batch.push((i, index_article_with(path, annotator, &mut sidecars)));
        if last_send.elapsed() >= BATCH_INTERVAL || i + 1 == paths.len() {
            if !sender.send(IndexEvent::Indexed(std::mem::take(&mut batch))) {
                return;
            }
            last_send = Instant::now();
        }
    }
}

impl FolderState {
    /// Starts listing and indexing `folder` in the background; `annotator` is whose sidecar
    /// counts as annotated (team mode), `None` for the shared one.
    /// `marker` is removed when indexing ends (see [`super::busy`]).
    pub fn open(
        ctx: &egui::Context,
        folder: PathBuf,
        annotator: Option<String>,
        marker: Option<super::busy::BusyMarker>,
    ) -> Self {
        let worker_folder = folder.clone();
        let indexer = Job::stream("hashiya-index", super::waker(ctx), move |sender| {
            index_folder(&worker_folder, annotator.as_deref(), sender);
            drop(marker);
        });
        let mut state = Self {
            folder,
            rows: Vec::new(),
            listed: false,
            indexed: 0,
            sort: FolderSort::default(),
            filter: NoteEditor::single_line(egui::Id::unique("hashiya-folder-filter"))
                .named(tr!("folder-filter-name")),
            search_editor: NoteEditor::single_line(egui::Id::unique("hashiya-folder-search"))
                .named(tr!("folder-search-name")),
            search: None,
            filter_text: String::new(),
            order: Vec::new(),
            order_dirty: true,
            indexer: Some(indexer),
            started: Instant::now(),
            uncommitted: HashSet::new(),
            git_status: None,
            ctx: ctx.clone(),
        };
        state.refresh_git_status();
        state
    }

    /// Asks git again, in the background, which articles have sidecars with uncommitted
    /// changes (after indexing, a save, the window regaining focus). Outside a git work tree,
    /// or without git, the answer is that none have.
    pub fn refresh_git_status(&mut self) {
        let folder = self.folder.clone();
        self.git_status = Some(Job::spawn(
            "hashiya-git-status",
            super::waker(&self.ctx),
            move |_| match crate::gitstore::articles_with_uncommitted_sidecars(&folder) {
                Ok(articles) => articles,
                Err(error) => {
                    log::debug!("no git status for {}: {error}", folder.display());
                    HashSet::new()
                }
            },
        ));
    }

    /// Whether `path`'s sidecars have changes git has not committed.
    pub fn has_uncommitted_annotations(&self, path: &Path) -> bool {
        self.uncommitted.contains(path)
    }

    /// Whether git is being asked about uncommitted sidecars.
    pub fn is_checking_git(&self) -> bool {
        self.git_status.is_some()
    }

    /// Waits for the answer from git (for tests).
    pub fn wait_for_git_status(&mut self) {
        if let Some(mut job) = self.git_status.take()
            && let Some(articles) = job.wait()
        {
            self.uncommitted = articles;
        }
    }

    fn poll_git_status(&mut self) {
        let Some(job) = &mut self.git_status else {
            return;
        };
        match job.poll() {
            Poll::Pending => {}
            Poll::Ready(articles) => {
                self.uncommitted = articles;
                self.git_status = None;
            }
            Poll::Done => self.git_status = None,
        }
    }

    /// Updates the title and paragraph count of `path`'s row after the article changed.
    pub fn update_entry(&mut self, path: &Path, title: String, paragraphs: usize) {
        if let Some(row) = self.rows.iter_mut().find(|r| r.path == path)
            && let Some(mut entry) = row.entry.take()
        {
            entry.title = title;
            entry.paragraphs = paragraphs;
            row.set_entry(entry);
            self.order_dirty = true;
        }
    }

    /// Whether listing or indexing is still running.
    pub fn is_indexing(&self) -> bool {
        self.indexer.is_some()
    }

    /// Takes what the indexer has sent.
    pub fn poll(&mut self) {
        if let Some(search) = &mut self.search {
            search.poll();
        }
        self.poll_git_status();
        while let Some(indexer) = &mut self.indexer {
            match indexer.poll() {
                Poll::Ready(IndexEvent::Listed(paths)) => {
                    self.rows = paths.into_iter().map(FolderRow::new).collect();
                    self.listed = true;
                    self.order_dirty = true;
                }
                Poll::Ready(IndexEvent::Indexed(entries)) => {
                    for (i, entry) in entries {
                        if let Some(row) = self.rows.get_mut(i) {
                            row.set_entry(entry);
                            self.indexed += 1;
                        }
                    }
                    self.order_dirty = true;
                }
                Poll::Pending => return,
                Poll::Done => {
                    self.indexer = None;
                    self.listed = true;
                    log::info!(
                        "indexed {} articles of {} in {:.2?}",
                        self.indexed,
                        self.folder.display(),
                        self.started.elapsed()
                    );
                }
            }
        }
    }

    /// Waits until the folder is listed and indexed (for tests and headless use).
    pub fn wait_until_indexed(&mut self) {
        while self.indexer.is_some() {
            self.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
        self.poll();
    }

    /// Waits until the corpus search has finished (for tests).
    pub fn wait_for_search(&mut self) {
        while self.search.as_ref().is_some_and(|s| !s.done) {
            self.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Shows only articles whose title or file name contains `text` (Arabic-aware).
    pub fn set_filter(&mut self, text: &str) {
        let folded = fold(text.trim());
        if folded != self.filter_text {
            self.filter_text = folded;
            self.order_dirty = true;
        }
    }

    /// Changes the order of the list.
    pub fn set_sort(&mut self, sort: FolderSort) {
        if sort != self.sort {
            self.sort = sort;
            self.order_dirty = true;
        }
    }

    /// The articles shown, in order.
    pub fn visible(&mut self) -> &[usize] {
        if self.order_dirty {
            self.order_dirty = false;
            let filter = &self.filter_text;
            let mut order: Vec<usize> = (0..self.rows.len())
                .filter(|&i| filter.is_empty() || self.rows[i].filter_key.contains(filter.as_str()))
                .collect();
            let rows = &self.rows;
            match self.sort {
                FolderSort::Path => {}
                FolderSort::Title => order.sort_by_cached_key(|&i| {
                    rows[i]
                        .entry
                        .as_ref()
                        .map_or_else(|| file_name(&rows[i].path), |e| e.title.clone())
                }),
                FolderSort::Progress => {
                    order.sort_by(|&a, &b| rows[a].progress().total_cmp(&rows[b].progress()));
                }
                FolderSort::Length => order.sort_by_key(|&i| {
                    std::cmp::Reverse(rows[i].entry.as_ref().map_or(0, |e| e.paragraphs))
                }),
            }
            self.order = order;
        }
        &self.order
    }

    /// The article after (or before) `current` in the shown order; the first one when
    /// `current` is not in the list.
    pub fn neighbour(&mut self, current: Option<&Path>, forward: bool) -> Option<PathBuf> {
        let order = self.visible().to_vec();
        let position = current.and_then(|c| order.iter().position(|&i| self.rows[i].path == c));
        let next = match (position, forward) {
            (None, _) => order.first(),
            (Some(p), true) => order.get(p + 1),
            (Some(p), false) => p.checked_sub(1).and_then(|p| order.get(p)),
        };
        next.map(|&i| self.rows[i].path.clone())
    }

    /// Articles with at least one annotated paragraph, and indexed articles.
    pub fn annotated_articles(&self) -> (usize, usize) {
        let annotated = self
            .rows
            .iter()
            .filter(|r| r.entry.as_ref().is_some_and(|e| e.annotated > 0))
            .count();
        (annotated, self.indexed)
    }

    /// Starts searching every article for `query` in the background.
    pub fn start_search(&mut self, ctx: &egui::Context, query: &str) {
        let query = query.trim().to_owned();
        if query.is_empty() {
            self.search = None;
            return;
        }
        let articles: Vec<PathBuf> = self.rows.iter().map(|r| r.path.clone()).collect();
        let worker_query = query.clone();
        let job = Job::stream("hashiya-corpus-search", super::waker(ctx), move |sender| {
            let mut found = 0;
            let mut batch = Vec::new();
            let mut last_send = Instant::now();
            search_articles(
                &articles,
                &worker_query,
                search_folding(false),
                MAX_CORPUS_HITS,
                |position, hits| {
                    if sender.is_cancelled() {
                        return false;
                    }
                    found += hits.len();
                    batch.extend(hits);
                    let full = found >= MAX_CORPUS_HITS;
                    if full || last_send.elapsed() >= BATCH_INTERVAL {
                        if !sender.send((position + 1, std::mem::take(&mut batch))) {
                            return false;
                        }
                        last_send = Instant::now();
                    }
                    !full
                },
            );
            sender.send((articles.len(), batch));
        });
        self.search = Some(FolderSearch {
            query,
            hits: Vec::new(),
            searched: 0,
            done: false,
            job: Some(job),
        });
    }

    /// Whether one of the panel's text fields has the keyboard.
    pub fn has_text_focus(&self, ctx: &egui::Context) -> bool {
        self.filter.has_focus(ctx) || self.search_editor.has_focus(ctx)
    }
}

/// What the user did in the folder panel.
enum FolderAction {
    Open(PathBuf),
    OpenHit(CorpusHit),
    Close,
}

/// Paints one article row: title (right-aligned when Arabic), file name and counts, and a
/// progress bar; returns the response of the whole row.
fn article_row_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    row: &FolderRow,
    current: bool,
    uncommitted: bool,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), Sense::click());
    let name = file_name(&row.path);
    let title = row
        .entry
        .as_ref()
        .filter(|e| !e.title.is_empty())
        .map_or_else(|| name.clone(), |e| e.title.clone());
    let details = match &row.entry {
        None => tr!("folder-row-indexing", name = &name),
        Some(entry) if entry.error.is_some() => tr!("folder-row-unreadable", name = &name),
        Some(entry) if entry.sidecar_error.is_some() => {
            tr!("folder-row-damaged", name = &name, count = entry.paragraphs)
        }
        Some(entry) => tr!(
            "folder-row-details",
            name = &name,
            count = entry.paragraphs,
            annotated = entry.annotated
        ),
    };
    let accessible = t::spoken(&if uncommitted {
        tr!(
            "folder-row-name-uncommitted",
            title = &title,
            details = &details
        )
    } else {
        tr!("folder-row-name", title = &title, details = &details)
    });
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    let response = if uncommitted {
        t::hover(response, tr!("folder-uncommitted"))
    } else {
        response
    };
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if current {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    } else if response.hovered() || response.has_focus() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let inner = rect.shrink2(egui::vec2(6.0, 4.0));
    let style = ui_style(crate::text::ReadingFace::default(), true);
    // One line each: a long title is cut with an ellipsis at its logical end.
    let width = inner.width().max(20.0);
    let line = |engine: &mut TextEngine, text: &str, style, top: f32, color| {
        let metrics = engine.measure_label(text, style, Fit::Line(width));
        let x = if metrics.rtl {
            inner.right() - metrics.size.x
        } else {
            inner.left()
        };
        engine.paint_label(
            &painter,
            text,
            style,
            Fit::Line(width),
            egui::pos2(x, top),
            color,
        );
    };
    if uncommitted {
        // A small dot at the row's top corner (the title keeps the rest of the line).
        let dot = egui::pos2(rect.left() + 4.0, rect.top() + 6.0);
        painter.circle_filled(dot, 3.5, Color32::from_rgb(0xd9, 0x8c, 0x1f));
    }
    line(engine, &title, &style, inner.top(), visuals.text_color());
    let small = crate::text::ParagraphStyle {
        font_size_pt: 11.5,
        line_height_pt: 16.0,
        bold: false,
        face: crate::text::ReadingFace::default(),
    };
    line(
        engine,
        &details,
        &small,
        inner.top() + 24.0,
        visuals.weak_text_color(),
    );
    let bar = egui::Rect::from_min_size(
        egui::pos2(inner.left(), inner.bottom() - 3.0),
        egui::vec2(inner.width(), 3.0),
    );
    painter.rect_filled(bar, 1.5, visuals.extreme_bg_color);
    let progress = row.progress();
    if progress > 0.0 {
        // Progress fills from the right, as Arabic reads.
        let filled = egui::Rect::from_min_max(
            egui::pos2(bar.right() - bar.width() * progress, bar.top()),
            bar.max,
        );
        painter.rect_filled(filled, 1.5, Color32::from_rgb(0x66, 0xa1, 0x82));
    }
    response
}

impl Workspace {
    /// Opens `folder` in the side panel and starts indexing it.
    pub fn open_folder(&mut self, ctx: &egui::Context, folder: PathBuf) {
        if !folder.is_dir() {
            self.message = Some(tr!("folder-not-a-folder", path = &folder));
            return;
        }
        let annotator = self
            .settings
            .team_mode
            .then(|| self.settings.author.clone());
        self.settings.corpus_folder = super::settings::storable(&folder).then(|| folder.clone());
        let marker = self.busy_marker(super::busy::BusyKind::Indexing, &folder);
        self.folder = Some(FolderState::open(ctx, folder, annotator, marker));
    }

    /// Closes the folder panel.
    pub fn close_folder(&mut self) {
        self.folder = None;
        self.settings.corpus_folder = None;
    }

    /// Shows the folder dialog.
    pub fn ask_for_folder(&mut self, ctx: &egui::Context) {
        self.pending_folder_pick = Some(self.picker.pick_folder(ctx));
    }

    pub(super) fn poll_folder(&mut self, ctx: &egui::Context) {
        if let Some(job) = &mut self.pending_folder_pick {
            match job.poll() {
                Poll::Ready(Some(path)) => {
                    self.pending_folder_pick = None;
                    self.open_folder(ctx, path);
                }
                Poll::Ready(None) | Poll::Done => self.pending_folder_pick = None,
                Poll::Pending => {}
            }
        }
        if let Some(folder) = &mut self.folder {
            folder.poll();
        }
    }

    /// Re-indexes the open folder (after annotations or team mode changed).
    pub fn refresh_folder(&mut self, ctx: &egui::Context) {
        let Some(old) = self.folder.take() else {
            return;
        };
        let annotator = self
            .settings
            .team_mode
            .then(|| self.settings.author.clone());
        let marker = self.busy_marker(super::busy::BusyKind::Indexing, &old.folder);
        let mut state = FolderState::open(ctx, old.folder.clone(), annotator, marker);
        state.sort = old.sort;
        state.filter = old.filter;
        state.filter_text = old.filter_text;
        state.search_editor = old.search_editor;
        // The marks stay until git answers again.
        state.uncommitted = old.uncommitted;
        self.folder = Some(state);
    }

    /// Opens the next (or previous) article of the folder list.
    pub fn step_article(&mut self, ctx: &egui::Context, forward: bool) {
        let current = self.session.as_ref().and_then(|s| s.document.path.clone());
        let Some(folder) = &mut self.folder else {
            return;
        };
        match folder.neighbour(current.as_deref(), forward) {
            Some(path) => self.open(ctx, path),
            None => {
                self.message = Some(if forward {
                    tr!("folder-last-article")
                } else {
                    tr!("folder-first-article")
                });
            }
        }
    }

    /// Opens the article of a corpus search hit at the hit, with the query highlighted.
    pub fn open_hit(&mut self, ctx: &egui::Context, hit: &CorpusHit, query: &str) {
        self.pending_reveal = Some((hit.path.clone(), hit.paragraph, Some(query.to_owned())));
        let already_open = self
            .session
            .as_ref()
            .is_some_and(|s| s.document.path.as_deref() == Some(hit.path.as_path()));
        if already_open {
            self.apply_pending_reveal();
        } else {
            self.open(ctx, hit.path.clone());
        }
    }

    /// Goes to the paragraph a corpus search hit asked for, once its article is open.
    pub(super) fn apply_pending_reveal(&mut self) {
        let Some((path, paragraph, query)) = self.pending_reveal.take() else {
            return;
        };
        let open_path = self.session.as_ref().and_then(|s| s.document.path.clone());
        if open_path.as_deref() != Some(path.as_path()) {
            return;
        }
        if let Some(query) = query {
            // The find bar shows the query, at this hit.
            self.find_request = Some((query, paragraph));
        }
        if let Some(session) = &mut self.session {
            session.reader.select(paragraph);
            session.reader.reveal(paragraph);
        }
    }
}

fn folder_progress_ui(ui: &mut Ui, engine: &mut TextEngine, folder: &mut FolderState) {
    let total = folder.rows.len();
    if !folder.listed {
        t::row(ui, |ui| {
            ui.spinner();
            t::label(ui, tr!("folder-listing"));
        });
        return;
    }
    if folder.is_indexing() {
        #[allow(
            clippy::cast_precision_loss,
            reason = "article counts are far below 2^23"
        )]
        let share = folder.indexed as f32 / total.max(1) as f32;
        let text = tr!("folder-indexing", indexed = folder.indexed, total = total);
        progress_bar(ui, engine, share, text);
    } else {
        let (annotated, indexed) = folder.annotated_articles();
        t::label(
            ui,
            tr!(
                "folder-summary",
                count = total,
                annotated = annotated,
                indexed = indexed
            ),
        );
    }
}

fn article_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    folder: &mut FolderState,
    current: Option<&Path>,
) -> Option<FolderAction> {
    let order = folder.visible().to_vec();
    if folder.listed && order.is_empty() {
        t::label(
            ui,
            if folder.rows.is_empty() {
                tr!("folder-empty")
            } else {
                tr!("folder-no-match")
            },
        );
        return None;
    }
    let mut action = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, order.len(), |ui, range| {
            for &i in &order[range] {
                let row = &folder.rows[i];
                let is_current = current == Some(row.path.as_path());
                let uncommitted = folder.uncommitted.contains(&row.path);
                if article_row_ui(ui, engine, row, is_current, uncommitted).clicked() {
                    action = Some(FolderAction::Open(row.path.clone()));
                }
            }
        });
    action
}

fn search_results_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    folder: &mut FolderState,
) -> Option<FolderAction> {
    let Some(search) = &folder.search else {
        return None;
    };
    let total = folder.rows.len();
    let mut action = None;
    let mut close = false;
    t::row(ui, |ui| {
        if ui.button(tx(tr!("folder-back"))).clicked() {
            close = true;
        }
        if !search.done {
            ui.spinner();
        }
    });
    let articles_with_hits = {
        let mut paths: Vec<&Path> = search.hits.iter().map(|h| h.path.as_path()).collect();
        paths.dedup();
        paths.len()
    };
    let summary = if !search.done {
        tr!(
            "folder-search-running",
            count = search.hits.len(),
            searched = search.searched,
            total = total
        )
    } else if search.truncated() {
        tr!(
            "folder-search-done-more",
            count = search.hits.len(),
            articles = articles_with_hits
        )
    } else {
        tr!(
            "folder-search-done",
            count = search.hits.len(),
            articles = articles_with_hits
        )
    };
    t::label(ui, summary);
    let hits = &search.hits;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut previous: Option<&Path> = None;
            for hit in hits {
                if previous != Some(hit.path.as_path()) {
                    ui.add_space(4.0);
                    bidi_label(
                        ui,
                        engine,
                        &file_name(&hit.path),
                        Some(ui.visuals().strong_text_color()),
                    );
                    previous = Some(hit.path.as_path());
                }
                // The match keeps its byte range: the caption starts with the snippet.
                let text = format!(
                    "{} ¶ {}",
                    hit.snippet,
                    crate::i18n::number(hit.paragraph + 1)
                );
                let marked = hit.matched.clone();
                if crate::ui::bidi_button_marked(ui, engine, &text, marked).clicked() {
                    action = Some(FolderAction::OpenHit(hit.clone()));
                }
            }
        });
    if close {
        folder.search = None;
    }
    action
}

/// The folder panel, at the left.
pub(super) fn folder_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    folder: &mut FolderState,
    current: Option<&Path>,
    commands: &mut Vec<Command>,
) {
    let mut action = None;
    // In a right-to-left interface the folder list is at the right of the reader.
    let panel = if crate::i18n::is_rtl() {
        egui::Panel::right("folder")
    } else {
        egui::Panel::left("folder")
    };
    panel
        .resizable(true)
        .default_size(330.0)
        .min_size(240.0)
        .show(ui, |ui| {
            ui.with_layout(t::column_layout(), |ui| {
                t::row(ui, |ui| {
                    let close = ui.button(tx(tr!("folder-close")));
                    if t::hover(close, tr!("folder-close-tip")).clicked() {
                        action = Some(FolderAction::Close);
                    }
                    bidi_label(ui, engine, &file_name(&folder.folder), None);
                });
                folder_progress_ui(ui, engine, folder);
                t::row(ui, |ui| {
                    t::label(ui, tr!("folder-filter"));
                    let (_, output) =
                        folder
                            .filter
                            .ui(ui, engine, &tr!("folder-filter-placeholder"));
                    if output.changed {
                        let text = folder.filter.text();
                        folder.set_filter(&text);
                    }
                });
                t::row(ui, |ui| {
                    let label = t::label(ui, tr!("folder-sort"));
                    let mut sort = folder.sort;
                    egui::ComboBox::from_id_salt("folder-sort")
                        .selected_text(tx(sort.name()))
                        .show_ui(ui, |ui| {
                            for choice in FolderSort::ALL {
                                ui.selectable_value(&mut sort, choice, tx(choice.name()));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    folder.set_sort(sort);
                });
                t::row(ui, |ui| {
                    t::label(ui, tr!("folder-search"));
                    let (_, output) =
                        folder
                            .search_editor
                            .ui(ui, engine, &tr!("folder-search-placeholder"));
                    if output.submitted.is_some() {
                        let query = folder.search_editor.text();
                        folder.start_search(ui.ctx(), &query);
                    }
                });
                ui.separator();
                let picked = if folder.search.is_some() {
                    search_results_ui(ui, engine, folder)
                } else {
                    article_list_ui(ui, engine, folder, current)
                };
                if picked.is_some() {
                    action = picked;
                }
            });
        });
    match action {
        Some(FolderAction::Open(path)) => commands.push(Command::OpenPath(path)),
        Some(FolderAction::OpenHit(hit)) => {
            let query = folder
                .search
                .as_ref()
                .map(|s| s.query.clone())
                .unwrap_or_default();
            commands.push(Command::OpenHit(hit, query));
        }
        Some(FolderAction::Close) => commands.push(UiCommand::CloseFolder.into()),
        None => {}
    }
}
