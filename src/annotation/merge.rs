//! Merging two versions of a sidecar (ours in memory, theirs on disk) by annotation id: the
//! newer `modified` wins, deletions are remembered so they are not undone by the other copy,
//! and nothing either side wrote is dropped silently.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{Annotation, Deletion, Sidecar};

/// What a merge changed in our copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Annotations only the other copy had.
    pub added: usize,
    /// Annotations the other copy had in a newer version.
    pub updated: usize,
    /// Annotations the other copy deleted.
    pub removed: usize,
}

impl MergeReport {
    /// True when the other copy changed nothing here.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Merges `theirs` into `ours`. The article information is ours (it describes the article
/// as it is now); labels only they had are appended to our scheme.
pub fn merge(ours: &Sidecar, theirs: &Sidecar) -> (Sidecar, MergeReport) {
    let mut report = MergeReport::default();
    let mut deleted: HashMap<Uuid, Deletion> = HashMap::new();
    for deletion in ours.deleted.iter().chain(&theirs.deleted) {
        deleted
            .entry(deletion.id)
            .and_modify(|d| {
                if deletion.deleted > d.deleted {
                    d.deleted = deletion.deleted;
                }
            })
            .or_insert_with(|| deletion.clone());
    }
    let ours_by_id: HashMap<Uuid, &Annotation> =
        ours.annotations.iter().map(|a| (a.id, a)).collect();
    let mut merged: HashMap<Uuid, Annotation> = HashMap::new();
    for annotation in &ours.annotations {
        merged.insert(annotation.id, annotation.clone());
    }
    for theirs_annotation in &theirs.annotations {
        match ours_by_id.get(&theirs_annotation.id) {
            Some(ours_annotation) if theirs_annotation.modified > ours_annotation.modified => {
                if *ours_annotation != theirs_annotation {
                    report.updated += 1;
                }
                merged.insert(theirs_annotation.id, theirs_annotation.clone());
            }
            Some(_) => {}
            None => {
                merged.insert(theirs_annotation.id, theirs_annotation.clone());
            }
        }
    }
    // A deletion wins over every version it saw; an edit made after it brings the
    // annotation back.
    merged.retain(|id, annotation| {
        deleted
            .get(id)
            .is_none_or(|d| d.deleted < annotation.modified)
    });
    report.added = merged
        .keys()
        .filter(|id| !ours_by_id.contains_key(id))
        .count();
    report.removed = ours_by_id
        .keys()
        .filter(|id| !merged.contains_key(id))
        .count();
    deleted.retain(|id, _| !merged.contains_key(id));

    let mut label_scheme = ours.label_scheme.clone();
    for label in &theirs.label_scheme.labels {
        if label_scheme.label(&label.id).is_none() {
            label_scheme.labels.push(label.clone());
        }
    }
    let mut annotations: Vec<Annotation> = merged.into_values().collect();
    sort_annotations(&mut annotations);
    let mut deleted: Vec<Deletion> = deleted.into_values().collect();
    deleted.sort_by_key(|d| (d.deleted, d.id));
    (
        Sidecar {
            format: ours.format.clone(),
            version: ours.version,
            article: ours.article.clone(),
            label_scheme,
            annotations,
            deleted,
        },
        report,
    )
}

/// Puts annotations in document order (ties by creation time and id, so the order is stable).
pub fn sort_annotations(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (
            a.target.position.start,
            a.target.position.end,
            a.created,
            a.id,
        )
            .cmp(&(
                b.target.position.start,
                b.target.position.end,
                b.created,
                b.id,
            ))
    });
}
