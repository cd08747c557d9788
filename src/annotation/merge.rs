//! Merging two versions of a sidecar (ours in memory, theirs on disk) by annotation id: the
//! newer `modified` wins, deletions are remembered so they are not undone by the other copy,
//! and nothing either side wrote is dropped silently.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{Annotation, Deletion, LabelScheme, Sidecar};

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
    merge_with_base(ours, theirs, None)
}

/// [`merge`], knowing the label scheme both copies started from (`base`, what was on disk when
/// we last read or wrote it): a label only they changed or removed takes their version, one
/// only we changed keeps ours, and one both changed keeps ours. A label an annotation uses is
/// never removed.
pub fn merge_with_base(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&LabelScheme>,
) -> (Sidecar, MergeReport) {
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

    let mut annotations: Vec<Annotation> = merged.into_values().collect();
    let label_scheme = merge_schemes(&ours.label_scheme, &theirs.label_scheme, base, &annotations);
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

/// The label scheme after a merge (see [`merge_with_base`]).
fn merge_schemes(
    ours: &LabelScheme,
    theirs: &LabelScheme,
    base: Option<&LabelScheme>,
    annotations: &[Annotation],
) -> LabelScheme {
    let used = |id: &String| annotations.iter().any(|a| a.labels.contains(id));
    let mut scheme = ours.clone();
    if let Some(base) = base {
        if ours.name == base.name {
            scheme.name.clone_from(&theirs.name);
        }
        scheme.labels = ours
            .labels
            .iter()
            .filter_map(|label| {
                let untouched_by_us = base.label(&label.id) == Some(label);
                match theirs.label(&label.id) {
                    Some(their_label) if untouched_by_us => Some(their_label.clone()),
                    None if untouched_by_us && !used(&label.id) => None,
                    _ => Some(label.clone()),
                }
            })
            .collect();
    }
    // Labels they added (or that we only lack) are appended, as are any that annotations use.
    for label in &theirs.labels {
        let removed_by_us = base.is_some_and(|b| b.label(&label.id) == Some(label));
        if scheme.label(&label.id).is_none() && (!removed_by_us || used(&label.id)) {
            scheme.labels.push(label.clone());
        }
    }
    scheme
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
