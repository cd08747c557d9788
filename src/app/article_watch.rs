//! Noticing when the open article changes on disk (a corrected download, a fixed typo, an
//! editor's save), as the sidecar already is.
//!
//! The article's folder is watched (editors often save by writing a new file and renaming it
//! over the old one, which a watch on the file itself would miss), and the file is checked
//! again when the window regains focus and before each save, for file systems whose events
//! do not arrive. A change in size or modification time reads the article again in a
//! background [`Job`]; only a change in its text counts. The app then re-anchors the annotations to the
//! new text (see `HashiyaApp::apply_changed_article`).

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use crate::document::{self, Document, DocumentError, LoadOptions};
use crate::jobs::{Job, Poll};

/// How long after the last event the file is looked at (editors write in several steps).
const SETTLE: Duration = Duration::from_millis(250);

/// What identifies one version of a file cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

fn stamp(path: &Path) -> std::io::Result<Stamp> {
    let metadata = std::fs::metadata(path)?;
    Ok(Stamp {
        len: metadata.len(),
        modified: metadata.modified().ok(),
    })
}

/// What a check found.
#[derive(Debug)]
pub enum ArticleChange {
    /// The article's text changed: here it is, read again.
    Changed(Document),
    /// The file is gone (moved or deleted).
    Missing,
    /// It could not be read again (the old text stays on screen).
    Unreadable(DocumentError),
}

/// Watches one article file.
pub struct ArticleWatch {
    path: PathBuf,
    options: LoadOptions,
    stamp: Option<Stamp>,
    /// Kept alive while watching; `None` where no watch could be set up (focus and save
    /// checks still work).
    _watcher: Option<notify::RecommendedWatcher>,
    /// File events from the watcher's own thread (notify's), one `()` each.
    events: mpsc::Receiver<()>,
    /// When to look at the file, once events have settled.
    check_at: Option<Instant>,
    /// A read of the changed file in progress.
    reading: Option<Job<Result<Document, DocumentError>>>,
    /// The file was found missing (and the user told); it is read again when it comes back.
    missing: bool,
}

impl std::fmt::Debug for ArticleWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleWatch")
            .field("path", &self.path)
            .field("missing", &self.missing)
            .finish_non_exhaustive()
    }
}

impl ArticleWatch {
    /// Starts watching `path`, as read with `options`; `ctx` is woken when it changes.
    pub fn new(path: &Path, options: LoadOptions, ctx: &egui::Context) -> Self {
        let (sender, events) = mpsc::channel();
        let file_name = path.file_name().map(std::ffi::OsStr::to_owned);
        let wake = ctx.clone();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            let ours = event
                .paths
                .iter()
                .any(|p| p.file_name().map(std::ffi::OsStr::to_owned) == file_name);
            if ours && sender.send(()).is_ok() {
                wake.request_repaint();
            }
        })
        .and_then(|mut watcher| {
            use notify::Watcher as _;
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            watcher.watch(folder, notify::RecursiveMode::NonRecursive)?;
            Ok(watcher)
        });
        let watcher = match watcher {
            Ok(watcher) => Some(watcher),
            Err(error) => {
                log::warn!(
                    "not watching {} for changes ({error}); it is checked when the window regains focus",
                    path.display()
                );
                None
            }
        };
        Self {
            path: path.to_owned(),
            options,
            stamp: stamp(path).ok(),
            _watcher: watcher,
            events,
            check_at: None,
            reading: None,
            missing: false,
        }
    }

    /// Asks for a look at the file now (focus regained, about to save).
    pub fn check_soon(&mut self) {
        self.check_at = Some(Instant::now());
    }

    /// True when annotations must not be saved now: the file is missing, is being read
    /// again, or its size or time changed (then a look is scheduled). Cheap: one `stat`.
    pub fn blocks_saving(&mut self, ctx: &egui::Context) -> bool {
        if self.reading.is_some() || self.missing {
            return true;
        }
        if stamp(&self.path).ok() == self.stamp {
            return false;
        }
        if self.check_at.is_none() {
            self.check_soon();
            ctx.request_repaint();
        }
        true
    }

    /// Reads the file again at once, on this thread (tests and headless use).
    pub fn read_now(&mut self, current: &Document) -> Option<ArticleChange> {
        self.check_at = None;
        let result = self.read_if_changed();
        match result {
            Some(Ok(())) => None,
            Some(Err(change)) => Some(change),
            None => {
                let read = document::load_with(&self.path, self.options);
                self.finish(read, current)
            }
        }
    }

    /// Takes in events and finished reads; returns what changed, if anything. `current` is
    /// the text on screen.
    pub fn poll(&mut self, ctx: &egui::Context, current: &Document) -> Option<ArticleChange> {
        if self.events.try_iter().count() > 0 {
            self.check_at = Some(Instant::now() + SETTLE);
        }
        if let Some(reading) = &mut self.reading {
            return match reading.poll() {
                Poll::Ready(read) => {
                    self.reading = None;
                    self.finish(read, current)
                }
                Poll::Pending => None,
                Poll::Done => {
                    self.reading = None;
                    None
                }
            };
        }
        let due = self.check_at?;
        let now = Instant::now();
        if now < due {
            ctx.request_repaint_after(due - now);
            return None;
        }
        self.check_at = None;
        match self.read_if_changed() {
            Some(Ok(())) => None,
            Some(Err(change)) => Some(change),
            None => {
                let path = self.path.clone();
                let options = self.options;
                self.reading = Some(Job::spawn("hashiya-reread", super::waker(ctx), move |_| {
                    document::load_with(&path, options)
                }));
                None
            }
        }
    }

    /// Looks at the file's stamp: `Some(Ok)` nothing to read, `Some(Err)` a change found
    /// without reading (missing), `None` it must be read.
    fn read_if_changed(&mut self) -> Option<Result<(), ArticleChange>> {
        match stamp(&self.path) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if self.missing {
                    Some(Ok(()))
                } else {
                    self.missing = true;
                    Some(Err(ArticleChange::Missing))
                }
            }
            Err(error) => {
                log::warn!("could not look at {}: {error}", self.path.display());
                Some(Ok(()))
            }
            Ok(now) if Some(now) == self.stamp && !self.missing => Some(Ok(())),
            Ok(_) => None,
        }
    }

    fn finish(
        &mut self,
        read: Result<Document, DocumentError>,
        current: &Document,
    ) -> Option<ArticleChange> {
        let came_back = std::mem::take(&mut self.missing);
        match read {
            Ok(document) => {
                self.stamp = stamp(&self.path).ok();
                let changed = document.text != current.text
                    || document.paragraphs != current.paragraphs
                    || came_back;
                changed.then_some(ArticleChange::Changed(document))
            }
            Err(DocumentError::NotFound(_)) => {
                self.missing = true;
                (!came_back).then_some(ArticleChange::Missing)
            }
            Err(error) => {
                // Looked at again on the next event or focus.
                self.stamp = stamp(&self.path).ok();
                Some(ArticleChange::Unreadable(error))
            }
        }
    }
}
