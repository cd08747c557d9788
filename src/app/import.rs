//! File ▸ Import Bundle…: asks for the bundles a news database exported and for a folder,
//! splits them into articles in the background with [`crate::bundle::import_bundles`] while a
//! small window shows how far it got (with Cancel, or Esc), then opens the folder as a
//! corpus and says what was written, what was skipped and which files could not be read.
//! Nothing in the folder is replaced: a name already taken gets a `-2`, `-3` … suffix, and
//! the message counts those.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Workspace;
use super::busy::{BusyKind, BusyMarker};
use super::command::Command;
use crate::bundle::{self, BundleError, ImportProgress, ImportReport};
use crate::jobs::{Job, Poll};
use crate::text::TextEngine;
use crate::tr;
use crate::ui::tr::{self as t, tx};

/// Called on the import's thread after each progress report (tests hold the import at a
/// known point with it).
pub type ImportHook = Arc<dyn Fn(&ImportProgress) + Send + Sync>;

/// What the import's thread reports.
enum ImportEvent {
    Progress(ImportProgress),
    Finished(Result<ImportReport, BundleError>),
}

/// How an import ended.
enum Ended {
    /// With a report, or an error that stopped it.
    Report(Result<ImportReport, BundleError>),
    /// Its thread ended without either (a panic).
    Unexpectedly,
}

/// An import running in the background.
pub struct BundleImport {
    /// The bundles, in the order they are read.
    pub files: Vec<PathBuf>,
    /// The folder the articles go to.
    pub out: PathBuf,
    /// Where it stands.
    pub progress: ImportProgress,
    /// Set once Cancel was pressed; the import stops after the article being written.
    pub cancelling: bool,
    stop: Arc<AtomicBool>,
    job: Job<ImportEvent>,
    /// The outcome, once taken from the job by [`Self::wait`].
    finished: Option<Ended>,
}

impl std::fmt::Debug for BundleImport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BundleImport")
            .field("files", &self.files)
            .field("out", &self.out)
            .field("progress", &self.progress)
            .field("cancelling", &self.cancelling)
            .finish_non_exhaustive()
    }
}

impl BundleImport {
    /// Starts importing `files` into `out` on a worker thread. While a bundle is read, a
    /// marker names it in `busy_dir` (see [`super::busy`]).
    fn start(
        ctx: &egui::Context,
        files: Vec<PathBuf>,
        out: PathBuf,
        busy_dir: Option<PathBuf>,
        hook: Option<ImportHook>,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let (worker_files, worker_out, worker_stop) = (files.clone(), out.clone(), stop.clone());
        let job = Job::stream("hashiya-import", super::waker(ctx), move |sender| {
            let mut marker: Option<(usize, Option<BusyMarker>)> = None;
            let mut progress = |state: &ImportProgress| {
                if marker.as_ref().map(|(idx, _)| *idx) != Some(state.bundle_idx) {
                    // The previous bundle's marker goes before the next one's is written.
                    marker = None;
                    let file = worker_files.get(state.bundle_idx);
                    let next = busy_dir
                        .as_deref()
                        .zip(file)
                        .and_then(|(dir, file)| BusyMarker::begin(dir, BusyKind::Importing, file));
                    marker = Some((state.bundle_idx, next));
                }
                sender.send(ImportEvent::Progress(state.clone()));
                if let Some(hook) = &hook {
                    hook(state);
                }
                // Nobody waits any more (the window closed): stop as if cancelled.
                if sender.is_cancelled() {
                    worker_stop.store(true, Ordering::Relaxed);
                }
            };
            let result =
                bundle::import_bundles(&worker_files, &worker_out, &mut progress, &worker_stop);
            drop(marker);
            sender.send(ImportEvent::Finished(result));
        });
        Self {
            progress: ImportProgress {
                bundles: files.len(),
                ..ImportProgress::default()
            },
            files,
            out,
            cancelling: false,
            stop,
            job,
            finished: None,
        }
    }

    /// Asks the import to stop after the article being written.
    pub fn cancel(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.cancelling = true;
    }

    /// Takes the progress reported so far; the outcome once the import has ended (`None`
    /// inside when it ended without one).
    fn poll(&mut self) -> Option<Ended> {
        if let Some(finished) = self.finished.take() {
            return Some(finished);
        }
        loop {
            match self.job.poll() {
                Poll::Ready(ImportEvent::Progress(progress)) => self.progress = progress,
                Poll::Ready(ImportEvent::Finished(result)) => return Some(Ended::Report(result)),
                Poll::Pending => return None,
                Poll::Done => return Some(Ended::Unexpectedly),
            }
        }
    }

    /// Waits until the import has ended (tests and headless use); the next frame reports it.
    pub fn wait(&mut self) {
        if self.finished.is_some() {
            return;
        }
        loop {
            match self.job.wait() {
                Some(ImportEvent::Progress(progress)) => self.progress = progress,
                Some(ImportEvent::Finished(result)) => {
                    self.finished = Some(Ended::Report(result));
                    return;
                }
                None => {
                    self.finished = Some(Ended::Unexpectedly);
                    return;
                }
            }
        }
    }

    /// The share done, from 0 to 1: whole bundles, and the articles of the current one.
    pub fn fraction(&self) -> f32 {
        let p = &self.progress;
        if p.bundles == 0 {
            return 0.0;
        }
        #[allow(
            clippy::cast_precision_loss,
            reason = "bundle and article counts are far below 2^23"
        )]
        let (done, within, bundles) = (
            p.bundle_idx as f32,
            if p.articles == 0 {
                0.0
            } else {
                p.article_idx as f32 / p.articles as f32
            },
            p.bundles as f32,
        );
        ((done + within) / bundles).clamp(0.0, 1.0)
    }
}

/// The name of `path` for messages (the whole path when it has none).
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The message for an import that ended with `report`.
pub fn report_message(out: &Path, report: &ImportReport) -> String {
    let written = report.written.len();
    let mut parts = Vec::new();
    let csv = report.csv_path.as_deref().map(name_of);
    if report.cancelled {
        parts.push(match (written, csv) {
            (0, _) => tr!("import-cancelled-none", path = out),
            (_, None) => tr!("import-cancelled", count = written, path = out),
            (_, Some(csv)) => tr!(
                "import-cancelled-listed",
                count = written,
                path = out,
                csv = csv
            ),
        });
    } else if written > 0 {
        parts.push(match csv {
            None => tr!("import-done", count = written, path = out),
            Some(csv) => tr!("import-done-listed", count = written, path = out, csv = csv),
        });
    } else {
        parts.push(tr!("import-nothing", path = out));
    }
    let renamed = report
        .written
        .iter()
        .filter(|w| {
            w.path.file_name().map(|n| n.to_string_lossy().into_owned())
                != Some(format!("{}.txt", bundle::file_stem(&w.metadata)))
        })
        .count();
    if renamed > 0 {
        parts.push(tr!("import-renamed", count = renamed));
    } else if report
        .csv_path
        .as_deref()
        .is_some_and(|p| p.file_name().is_some_and(|n| n != "articles.csv"))
    {
        parts.push(tr!("import-csv-kept"));
    }
    if !report.skipped.is_empty() {
        let skipped: Vec<String> = report
            .skipped
            .iter()
            .map(|(file, s)| {
                tr!(
                    "import-skipped-article",
                    name = name_of(file),
                    number = s.index,
                    reason = &s.reason
                )
            })
            .collect();
        let list = skipped.join(&tr!("import-skipped-separator"));
        parts.push(tr!("import-skipped", list = list));
    }
    for error in &report.failed {
        parts.push(tr!("import-failed", error = error.to_string()));
    }
    parts.join("\n")
}

impl Workspace {
    /// File ▸ Import Bundle…: asks for the bundles, then (see [`Self::poll_import`]) for the
    /// folder.
    pub fn ask_for_bundles(&mut self, ctx: &egui::Context) {
        if self.import.is_some() {
            self.message = Some(tr!("import-already-running"));
            return;
        }
        self.pending_bundle_pick = Some(self.picker.pick_bundles(ctx));
    }

    /// Starts importing `files` into `out` (the dialogs' answers, or a caller's).
    pub fn import_bundles(&mut self, ctx: &egui::Context, files: Vec<PathBuf>, out: PathBuf) {
        if self.import.is_some() {
            return;
        }
        self.import = Some(BundleImport::start(
            ctx,
            files,
            out,
            self.busy_dir.clone(),
            self.import_hook.clone(),
        ));
    }

    /// Cancel (the button or Esc): the import stops after the article being written.
    pub fn cancel_import(&mut self) {
        if let Some(import) = &mut self.import {
            import.cancel();
        }
    }

    /// Waits for a running import to end (tests); the next frame reports it.
    pub fn wait_for_import(&mut self) {
        if let Some(import) = &mut self.import {
            import.wait();
        }
    }

    /// Passes the dialogs' answers on, takes the import's progress, and reports its end.
    pub(super) fn poll_import(&mut self, ctx: &egui::Context) {
        if let Some(job) = &mut self.pending_bundle_pick {
            match job.poll() {
                Poll::Ready(Some(files)) => {
                    self.pending_bundle_pick = None;
                    let folder = self.picker.pick_output_folder(ctx);
                    self.pending_output_pick = Some((files, folder));
                }
                Poll::Ready(None) | Poll::Done => self.pending_bundle_pick = None,
                Poll::Pending => {}
            }
        }
        if let Some((_, job)) = &mut self.pending_output_pick {
            match job.poll() {
                Poll::Ready(Some(out)) => {
                    if let Some((files, _)) = self.pending_output_pick.take() {
                        self.import_bundles(ctx, files, out);
                    }
                }
                Poll::Ready(None) | Poll::Done => self.pending_output_pick = None,
                Poll::Pending => {}
            }
        }
        let Some(outcome) = self.import.as_mut().and_then(BundleImport::poll) else {
            return;
        };
        let Some(import) = self.import.take() else {
            return;
        };
        self.finish_import(ctx, &import, outcome);
    }

    fn finish_import(&mut self, ctx: &egui::Context, import: &BundleImport, outcome: Ended) {
        let out = &import.out;
        match outcome {
            Ended::Report(Ok(report)) => {
                self.message = Some(report_message(out, &report));
                if !report.cancelled && !report.written.is_empty() {
                    self.open_folder(ctx, out.clone());
                }
            }
            Ended::Report(Err(error)) => {
                self.message = Some(tr!("import-stopped", error = error.to_string(), path = out));
            }
            Ended::Unexpectedly => {
                self.message = Some(tr!("import-stopped-unexpectedly", path = out));
            }
        }
    }
}

/// The import's window: which bundle, how many articles, a progress bar and Cancel (Esc
/// is handled with the other keys).
pub(super) fn import_window_ui(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    import: &BundleImport,
    commands: &mut Vec<Command>,
) {
    let p = &import.progress;
    egui::Window::new(tx(tr!("import-window-title")))
        .id(egui::Id::unique("hashiya-import"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_min_width(420.0);
            ui.with_layout(t::column_layout(), |ui| {
                let file = import
                    .files
                    .get(p.bundle_idx)
                    .map(|f| name_of(f))
                    .unwrap_or_default();
                t::label(
                    ui,
                    tr!(
                        "import-bundle-of",
                        number = p.bundle_idx + 1,
                        count = p.bundles
                    ),
                );
                crate::ui::bidi_label(ui, engine, &file, None);
                let text = if p.articles == 0 {
                    tr!("import-reading")
                } else {
                    tr!(
                        "import-article-of",
                        number = p.article_idx,
                        count = p.articles
                    )
                };
                super::folder::progress_bar(ui, engine, import.fraction(), text);
                t::label(ui, tr!("import-written", count = p.written));
                crate::ui::bidi_label(
                    ui,
                    engine,
                    &tr!("import-into", path = &import.out),
                    Some(ui.visuals().weak_text_color()),
                );
                if import.cancelling {
                    t::row(ui, |ui| {
                        ui.spinner();
                        t::label(ui, tr!("import-cancelling"));
                    });
                } else if t::hover(ui.button(tx(tr!("import-cancel"))), "Esc").clicked() {
                    commands.push(Command::CancelImport);
                }
            });
        });
}
