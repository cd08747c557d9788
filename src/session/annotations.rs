//! The open article's annotations: loading the sidecar, every edit through one
//! [`AnnotationSession::apply`], saving in the background within a second of each change,
//! merging when someone else changed the file, and what to tell the user.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::saver::{SaveOutcome, SaveRequest};
use crate::annotation::merge::{MergeReport, merge_with_base};
use crate::annotation::sidecar::{self, ContentHash, SidecarError};
use crate::annotation::store::AnchorSummary;
use crate::annotation::store::StoreError;
use crate::annotation::{AnnotationStore, Availability, Conflict, LabelScheme, Sidecar, TargetKey};
use crate::document::Document;
use crate::tr;

/// How long after the last change the sidecar is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);
/// How long after a failed save the next attempt waits, unless something is edited first.
pub const RETRY_DELAY: Duration = Duration::from_secs(10);

/// Where the annotations stand relative to the disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Changes wait to be saved.
    Unsaved,
    /// A save is running.
    Saving,
    /// The last save failed; the changes are still in memory.
    Failed(String),
    /// Annotations cannot be saved here (read-only or unavailable sidecar, or no file).
    Off(String),
}

/// One change to the annotations, as the user asked for it. Every change goes through
/// [`AnnotationSession::apply`].
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds the label to the target, or removes it when it is there.
    ToggleLabel { target: TargetKey, label: String },
    /// Sets (or with `None` removes) the target's highlight colour.
    SetColor {
        target: TargetKey,
        color: Option<String>,
    },
    /// Sets the target's note (typing continues one undo step until the note is left).
    SetNote { target: TargetKey, text: String },
    /// The note being typed is finished: the next note edit is a new undo step.
    EndNoteEditing,
    /// Deletes an annotation.
    Delete(uuid::Uuid),
    /// Undoes the last change.
    Undo,
    /// Redoes the last undone change.
    Redo,
    /// Replaces the label scheme.
    SetScheme(LabelScheme),
    /// Sets the labels of whole paragraphs (adjudication), as one undo step.
    SetParagraphLabels(Vec<(usize, Vec<String>)>),
    /// Adds a passage (entity) annotation with one label, even where other passages cover
    /// the same text: passages nest and overlap freely.
    AddSpan {
        paragraph: usize,
        /// Bytes of the document text.
        bytes: std::ops::Range<usize>,
        label: String,
    },
    /// Adds a typed relation from one passage to another.
    AddRelation {
        source: uuid::Uuid,
        target: uuid::Uuid,
        relation_type: String,
    },
    /// Deletes a relation (its passages stay).
    DeleteRelation(uuid::Uuid),
    /// Adds what an import brought (passages and relations) as one undo step, after giving
    /// the scheme the types it added.
    AddImported {
        scheme: Option<LabelScheme>,
        annotations: Vec<crate::annotation::Annotation>,
        relations: Vec<crate::annotation::Relation>,
    },
    /// Takes the other value of a kept merge conflict (the current value takes its place in
    /// the list), as one undo step.
    TakeOtherValue(Conflict),
    /// Keeps the current value of a kept merge conflict and removes the entry, as one undo
    /// step.
    DismissConflict(Conflict),
    /// Sets the labels of passages (span adjudication) and adds the relations carried
    /// along whose passages the gold then has, as one undo step.
    SetSpanLabels {
        spans: Vec<crate::annotation::SpanLabels>,
        relations: Vec<crate::annotation::SpanRelation>,
    },
}

/// The annotations of the open article and their file.
#[derive(Debug)]
pub struct AnnotationSession {
    /// The annotations; changed only through [`Self::apply`] (and merging, re-anchoring).
    store: AnnotationStore,
    /// The store revision last seen: a different one means the annotations changed.
    seen_revision: u64,
    /// Where they are saved (`None`: nowhere, e.g. an article not read from a file).
    pub sidecar_path: Option<PathBuf>,
    /// The content of the sidecar on disk as last read or written (`None`: no file).
    disk_hash: Option<ContentHash>,
    /// The file on disk as we last read or wrote it: the common base when merging another
    /// writer's changes.
    disk_base: Option<Sidecar>,
    /// What the save in flight writes (the next base once it is on disk).
    pending_base: Option<Sidecar>,
    saved_revision: u64,
    changed_at: Option<Instant>,
    /// After a failed save, when to try again without a new edit.
    retry_at: Option<Instant>,
    /// The last save failure, so that the same one repeated is not announced again.
    last_failure: Option<String>,
    /// Shown in the status bar.
    pub status: SaveStatus,
}

/// What loading found, for a message to the user.
/// Copies the sidecar at `path` to the data folder before a close-match re-anchoring is
/// saved over it; returns the copy.
fn keep_before_reanchoring(path: &Path) -> Option<PathBuf> {
    let kept = crate::files::read_regular(path).ok().and_then(|bytes| {
        let name = path.file_name()?.to_string_lossy().into_owned();
        super::keep_in_data_dir("before-reanchoring", &name, &bytes)
    });
    if kept.is_none() {
        log::warn!(
            "could not keep a copy of {} before re-anchoring",
            path.display()
        );
    }
    kept
}

fn describe(summary: AnchorSummary) -> Option<String> {
    if summary.moved == 0 && summary.orphaned == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if summary.moved > 0 {
        parts.push(if summary.fuzzy > 0 {
            tr!(
                "session-reattached-fuzzy",
                count = summary.moved,
                fuzzy = summary.fuzzy
            )
        } else {
            tr!("session-reattached", count = summary.moved)
        });
    }
    if summary.orphaned > 0 {
        parts.push(tr!("session-orphaned", count = summary.orphaned));
    }
    Some(tr!(
        "session-sentence",
        parts = parts.join(&tr!("compare-list-separator-strong"))
    ))
}

/// What loading a sidecar did that the user should know: ids repaired, annotations moved or
/// orphaned, and where the file as it was is kept.
fn describe_load(
    repaired_ids: usize,
    summary: AnchorSummary,
    kept: Option<PathBuf>,
) -> Option<String> {
    let duplicates = (repaired_ids > 0).then(|| tr!("session-repaired-ids", count = repaired_ids));
    [duplicates, describe(summary)]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a} {b}"))
        .map(|text| match kept {
            Some(copy) => tr!("session-kept-copy", text = text, path = &copy),
            None => text,
        })
}

/// What merging the file on disk brought (after a `git pull`, a sync, another Hashiya): the
/// annotations that came in (new or changed there), those removed there, and the conflicts
/// the file carried that are now shown in the panel. `None` when it brought nothing.
pub fn describe_merge(report: MergeReport, new_conflicts: usize) -> Option<String> {
    let came_in = report.added.saturating_add(report.updated);
    let mut parts = Vec::new();
    if came_in > 0 {
        let detail = match (report.added, report.updated) {
            (_, 0) => tr!("session-merge-new"),
            (0, _) => tr!("session-merge-changed"),
            (added, updated) => tr!(
                "session-merge-new-and-changed",
                added = added,
                updated = updated
            ),
        };
        parts.push(tr!(
            "session-merge-came-in",
            count = came_in,
            detail = detail
        ));
    }
    if report.removed > 0 {
        parts.push(tr!("session-merge-removed", count = report.removed));
    }
    if new_conflicts > 0 {
        parts.push(tr!("session-merge-conflicts", count = new_conflicts));
    }
    if parts.is_empty() {
        return None;
    }
    Some(tr!(
        "session-sentence",
        parts = parts.join(&tr!("compare-list-separator-strong"))
    ))
}

impl AnnotationSession {
    /// Reads the sidecar next to `document`'s file (if any) and re-anchors it. Returns a
    /// message when the user should know something (damaged file, moved annotations). In
    /// `team` mode the sidecar is the author's own (`<article>.annotations.<author>.json`),
    /// starting with the label scheme of the article's shared sidecar when there is one.
    pub fn load(document: &Document, author: &str, team: bool) -> (Self, Option<String>) {
        let Some(article_path) = document.path.as_deref() else {
            let store = AnnotationStore::new(document, LabelScheme::news_default(), author);
            return (
                Self::with_store(store, None, None, SaveStatus::Off(tr!("session-no-file"))),
                None,
            );
        };
        let path = if team {
            sidecar::annotator_sidecar_path(article_path, author)
        } else {
            sidecar::sidecar_path(article_path)
        };
        match sidecar::read_repaired(&path) {
            Ok(None) => {
                let scheme = team
                    .then(|| sidecar::read(&sidecar::sidecar_path(article_path)))
                    .and_then(|shared| shared.ok().flatten())
                    .map_or_else(LabelScheme::news_default, |(shared, _)| shared.label_scheme);
                let store = AnnotationStore::new(document, scheme, author);
                (
                    Self::with_store(store, Some(path), None, SaveStatus::Saved),
                    None,
                )
            }
            Ok(Some((sidecar, hash, repaired_ids))) => {
                let (store, summary) = AnnotationStore::from_sidecar(
                    sidecar,
                    document,
                    author,
                    Availability::Editable,
                );
                // Close matches are judgement calls: the file as it was is kept first (in the
                // data folder), since saving replaces the quotes it anchored by.
                // So are files with duplicate ids, which saving rewrites.
                let kept = (summary.fuzzy > 0 || repaired_ids > 0)
                    .then(|| keep_before_reanchoring(&path))
                    .flatten();
                let mut session =
                    Self::with_store(store, Some(path), Some(hash), SaveStatus::Saved);
                // Re-anchored positions and fresh ids are saved at once (the file as it was
                // becomes the `.bak` copy).
                if summary.moved > 0 || summary.orphaned > 0 || repaired_ids > 0 {
                    session.saved_revision = u64::MAX;
                    session.status = SaveStatus::Unsaved;
                }
                (session, describe_load(repaired_ids, summary, kept))
            }
            Err(error @ SidecarError::TooNew { .. }) => {
                let message = error.to_string();
                // Show what can be understood, but never write to it.
                let readable = crate::files::read_regular(&path)
                    .ok()
                    .and_then(|bytes| serde_json::from_slice::<Sidecar>(&bytes).ok());
                let store = match readable {
                    Some(sidecar) => {
                        AnnotationStore::from_sidecar(
                            sidecar,
                            document,
                            author,
                            Availability::ReadOnly(message.clone()),
                        )
                        .0
                    }
                    None => AnnotationStore::unavailable(document, message.clone(), author),
                };
                (
                    Self::with_store(
                        store,
                        Some(path),
                        None,
                        SaveStatus::Off("read-only".to_owned()),
                    ),
                    Some(message),
                )
            }
            Err(error) => {
                let message = error.to_string();
                let store = AnnotationStore::unavailable(document, message.clone(), author);
                (
                    Self::with_store(
                        store,
                        Some(path),
                        None,
                        SaveStatus::Off(tr!("session-unavailable")),
                    ),
                    Some(message),
                )
            }
        }
    }

    fn with_store(
        store: AnnotationStore,
        sidecar_path: Option<PathBuf>,
        disk_hash: Option<ContentHash>,
        status: SaveStatus,
    ) -> Self {
        let saved_revision = store.revision();
        let disk_base = disk_hash.is_some().then(|| store.sidecar().clone());
        Self {
            store,
            sidecar_path,
            disk_hash,
            disk_base,
            pending_base: None,
            saved_revision,
            seen_revision: saved_revision,
            changed_at: None,
            retry_at: None,
            last_failure: None,
            status,
        }
    }

    /// True when changes may be saved.
    fn writable(&self) -> bool {
        self.sidecar_path.is_some() && self.store.availability == Availability::Editable
    }

    /// The annotations.
    pub fn store(&self) -> &AnnotationStore {
        &self.store
    }

    /// Carries out one edit. The annotations count as changed (to be saved, "unsaved" in the
    /// status bar) only when the store's revision moved: an edit that changes nothing, such
    /// as undo with nothing to undo, leaves the session as it was.
    pub fn apply(&mut self, document: &Document, edit: Edit) -> Result<(), StoreError> {
        let store = &mut self.store;
        let result = match edit {
            Edit::ToggleLabel { target, label } => store.toggle_label(document, target, &label),
            Edit::SetColor { target, color } => store.set_color(document, target, color),
            Edit::SetNote { target, text } => store.set_note(document, target, &text),
            Edit::EndNoteEditing => {
                store.end_note_editing();
                Ok(())
            }
            Edit::Delete(id) => store.delete(document, id),
            Edit::Undo => {
                store.undo(document);
                Ok(())
            }
            Edit::Redo => {
                store.redo(document);
                Ok(())
            }
            Edit::SetScheme(scheme) => store.set_scheme(scheme),
            Edit::SetParagraphLabels(decisions) => {
                store.set_paragraph_labels(document, &decisions).map(|_| ())
            }
            Edit::AddSpan {
                paragraph,
                bytes,
                label,
            } => store
                .add_span(document, paragraph, bytes, &label)
                .map(|_| ()),
            Edit::AddRelation {
                source,
                target,
                relation_type,
            } => store
                .add_relation(source, target, &relation_type)
                .map(|_| ()),
            Edit::DeleteRelation(id) => store.delete_relation(id),
            Edit::AddImported {
                scheme,
                annotations,
                relations,
            } => match scheme {
                Some(scheme) => store.set_scheme(scheme),
                None => Ok(()),
            }
            .and_then(|()| store.add_all(document, annotations, relations)),
            Edit::TakeOtherValue(conflict) => store.take_conflict(document, &conflict),
            Edit::DismissConflict(conflict) => store.dismiss_conflict(&conflict),
            Edit::SetSpanLabels { spans, relations } => store
                .set_span_labels(document, &spans, &relations)
                .map(|_| ()),
        };
        self.observe_revision();
        result
    }

    /// Takes note of a change made to the store, if its revision moved.
    fn observe_revision(&mut self) {
        if self.store.revision() != self.seen_revision {
            self.seen_revision = self.store.revision();
            self.mark_changed();
        }
    }

    /// Starts the save delay for a change (the save itself follows).
    fn mark_changed(&mut self) {
        self.changed_at = Some(Instant::now());
        self.retry_at = None;
        if self.writable() && !matches!(self.status, SaveStatus::Failed(_)) {
            self.status = SaveStatus::Unsaved;
        }
    }

    /// True when the store holds changes that are not on disk.
    pub fn has_unsaved_changes(&self) -> bool {
        self.writable() && self.store.revision() != self.saved_revision
    }

    /// A save to run now: the changes are older than [`SAVE_DELAY`], or `immediately`.
    /// Returns how long to wait otherwise.
    pub fn save_request(&mut self, immediately: bool) -> Result<Option<SaveRequest>, Duration> {
        if !self.has_unsaved_changes() {
            return Ok(None);
        }
        if !immediately && let Some(retry_at) = self.retry_at {
            let now = Instant::now();
            if now < retry_at {
                return Err(retry_at - now);
            }
        }
        if !immediately && let Some(changed_at) = self.changed_at {
            let elapsed = changed_at.elapsed();
            if elapsed < SAVE_DELAY {
                return Err(SAVE_DELAY.saturating_sub(elapsed));
            }
        }
        let Some(path) = self.sidecar_path.clone() else {
            return Ok(None);
        };
        self.status = SaveStatus::Saving;
        self.pending_base = Some(self.store.sidecar().clone());
        Ok(Some(SaveRequest {
            path,
            bytes: sidecar::to_json(self.store.sidecar()).into_bytes(),
            expected: self.disk_hash,
            revision: self.store.revision(),
        }))
    }

    /// Takes in a finished save. Returns a message for the user, if any.
    pub fn finish_save(&mut self, outcome: SaveOutcome, document: &Document) -> Option<String> {
        match outcome {
            SaveOutcome::Saved {
                path,
                hash,
                revision,
            } => {
                if Some(&path) != self.sidecar_path.as_ref() {
                    return None;
                }
                self.disk_hash = Some(hash);
                self.disk_base = self.pending_base.take();
                self.saved_revision = revision;
                self.retry_at = None;
                self.last_failure = None;
                self.status = if self.has_unsaved_changes() {
                    SaveStatus::Unsaved
                } else {
                    SaveStatus::Saved
                };
                None
            }
            SaveOutcome::Conflict { path, disk, .. } => {
                if Some(&path) != self.sidecar_path.as_ref() {
                    return None;
                }
                self.merge_disk_version(disk.as_deref(), &path, document)
            }
            SaveOutcome::Failed { error, .. } => {
                let message = error.to_string();
                self.retry_at = Some(Instant::now() + RETRY_DELAY);
                // The same failure again is shown in the status bar, not as a new message.
                let repeated = self.last_failure.as_ref() == Some(&message);
                self.last_failure = Some(message.clone());
                self.status = SaveStatus::Failed(message.clone());
                (!repeated).then_some(message)
            }
        }
    }

    /// Merges what is on disk into memory. The merged result is saved next.
    fn merge_disk_version(
        &mut self,
        disk: Option<&[u8]>,
        path: &Path,
        document: &Document,
    ) -> Option<String> {
        let Some(bytes) = disk else {
            // Deleted on disk: write ours back (nothing to merge).
            self.disk_hash = None;
            self.disk_base = None;
            self.saved_revision = u64::MAX;
            self.mark_changed();
            return Some(crate::i18n::with_path("session-rewritten", path));
        };
        let theirs = match sidecar::parse(bytes, path) {
            Ok(theirs) => theirs,
            Err(error) => {
                let message = tr!("session-not-saving", error = error.to_string());
                self.retry_at = Some(Instant::now() + RETRY_DELAY);
                let repeated = self.last_failure.as_ref() == Some(&message);
                self.last_failure = Some(message.clone());
                self.status = SaveStatus::Failed(message.clone());
                return (!repeated).then_some(message);
            }
        };
        let (mut merged, report) =
            merge_with_base(self.store.sidecar(), &theirs, self.disk_base.as_ref());
        let new_conflicts = merged
            .conflicts
            .iter()
            .filter(|c| !self.store.sidecar().conflicts.contains(c))
            .count();
        self.disk_base = Some(theirs);
        // Their annotations may point at an older version of the article.
        crate::annotation::reanchor(&mut merged.annotations, document);
        self.store.replace_after_merge(merged, document);
        self.seen_revision = self.store.revision();
        self.disk_hash = Some(sidecar::content_hash(bytes));
        self.saved_revision = u64::MAX;
        self.mark_changed();
        describe_merge(report, new_conflicts)
    }

    /// Checks whether the sidecar changed on disk (when the window regains focus) and merges
    /// it in. Returns a message when something was merged.
    pub fn check_disk(&mut self, document: &Document) -> Option<String> {
        let path = self.sidecar_path.clone()?;
        if self.store.availability != Availability::Editable {
            return None;
        }
        let disk = match crate::files::read_regular(&path) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(_) => return None,
        };
        if disk.as_deref().map(sidecar::content_hash) == self.disk_hash {
            return None;
        }
        if disk.is_none() && self.store.annotations().is_empty() {
            self.disk_hash = None;
            self.disk_base = None;
            return None;
        }
        self.merge_disk_version(disk.as_deref(), &path, document)
    }

    /// Re-anchors the annotations in memory (unsaved edits included) to a new version of
    /// the article, which is then saved with positions for that text. Undo history ends here:
    /// its steps describe the old text.
    pub fn reanchor_to(&mut self, document: &Document) -> AnchorSummary {
        let availability = self.store.availability.clone();
        let author = self.store.author().to_owned();
        let (store, summary) = AnnotationStore::from_sidecar(
            self.store.sidecar().clone(),
            document,
            &author,
            availability,
        );
        self.store = store;
        self.seen_revision = self.store.revision();
        if self.writable() {
            // The article's hash and the positions changed: saved next.
            self.saved_revision = u64::MAX;
            self.mark_changed();
        }
        summary
    }

    /// Moves a damaged sidecar aside and starts with no annotations. Returns where the old
    /// file went.
    pub fn start_afresh(&mut self, document: &Document) -> Result<PathBuf, SidecarError> {
        let Some(path) = self.sidecar_path.clone() else {
            return Ok(PathBuf::new());
        };
        let moved = sidecar::move_aside(&path)?;
        let store =
            AnnotationStore::new(document, LabelScheme::news_default(), self.store.author());
        *self = Self::with_store(store, Some(path), None, SaveStatus::Saved);
        Ok(moved)
    }

    /// The sidecar's file name (for a suggested name or a copy).
    pub fn sidecar_file_name(&self) -> String {
        self.sidecar_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "annotations.json".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )
    }

    /// Saves from now on to `path` (File ▸ Save Annotations As…) and writes there at once.
    /// `existing` is the sidecar already at `path`, if any, as [`sidecar::read`] found it.
    pub fn save_as(
        &mut self,
        path: PathBuf,
        existing: Option<(Sidecar, ContentHash)>,
    ) -> SaveRequest {
        self.disk_hash = existing.as_ref().map(|(_, hash)| *hash);
        self.disk_base = existing.map(|(other, _)| other);
        self.sidecar_path = Some(path.clone());
        self.status = SaveStatus::Saving;
        self.pending_base = Some(self.store.sidecar().clone());
        if self.store.availability != Availability::Editable {
            self.store.availability = Availability::Editable;
        }
        SaveRequest {
            path,
            bytes: sidecar::to_json(self.store.sidecar()).into_bytes(),
            expected: self.disk_hash,
            revision: self.store.revision(),
        }
    }
}
