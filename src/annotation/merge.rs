//! Merging two versions of a sidecar (ours in memory, theirs on disk) by annotation id.
//! Knowing the version both started from (the base: what was on disk when we last read or
//! wrote it), an annotation both changed is merged field by field: each label added or removed
//! on either side counts, and a note, colour or target changed on one side only takes that
//! side's version. Only when both changed the same note, colour or target does the newer
//! `modified` win (both notes are kept). Deletions are remembered so they are not undone by the
//! other copy, and nothing either side wrote is dropped silently.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{Annotation, ArticleInfo, Deletion, LabelScheme, Sidecar};

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

/// [`merge`], knowing the version both copies started from (`base`, what was on disk when we
/// last read or wrote it). Annotations both changed merge field by field (see the module
/// documentation). In the label scheme, a label only they changed or removed takes their
/// version, one only we changed keeps ours, and one both changed keeps ours. A label an
/// annotation uses is never removed.
pub fn merge_with_base(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
) -> (Sidecar, MergeReport) {
    let base_by_id: HashMap<Uuid, &Annotation> = base
        .map(|b| b.annotations.iter().map(|a| (a.id, a)).collect())
        .unwrap_or_default();
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
            Some(ours_annotation) => {
                let result = match base_by_id.get(&theirs_annotation.id) {
                    Some(base_annotation) => {
                        merge_annotation(ours_annotation, theirs_annotation, base_annotation)
                    }
                    // Without a common version, the newer copy wins whole.
                    None if theirs_annotation.modified > ours_annotation.modified => {
                        theirs_annotation.clone()
                    }
                    None => continue,
                };
                if result != **ours_annotation {
                    report.updated += 1;
                }
                merged.insert(theirs_annotation.id, result);
            }
            None => {
                merged.insert(theirs_annotation.id, theirs_annotation.clone());
            }
        }
    }
    keep_edits_over_deletions(&mut merged, &deleted, &ours_by_id, theirs, &base_by_id);
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
    for folded in unify_paragraph_annotations(&mut annotations) {
        report.updated += 1;
        deleted.insert(folded.id, folded);
    }
    let label_scheme = merge_schemes(
        &ours.label_scheme,
        &theirs.label_scheme,
        base.map(|b| &b.label_scheme),
        &annotations,
    );
    sort_annotations(&mut annotations);
    let mut deleted: Vec<Deletion> = deleted.into_values().collect();
    deleted.sort_by_key(|d| (d.deleted, d.id));
    (
        Sidecar {
            format: ours.format.clone(),
            version: ours.version,
            article: ArticleInfo {
                // Our copy may predate the metadata the other one carries.
                metadata: ours
                    .article
                    .metadata
                    .clone()
                    .or_else(|| theirs.article.metadata.clone()),
                ..ours.article.clone()
            },
            label_scheme,
            annotations,
            deleted,
        },
        report,
    )
}

/// Three-way merge of one annotation that both copies have, from their common `base`.
fn merge_annotation(ours: &Annotation, theirs: &Annotation, base: &Annotation) -> Annotation {
    let ours_newer = ours.modified >= theirs.modified;
    let mut result = if ours_newer {
        ours.clone()
    } else {
        theirs.clone()
    };
    result.labels = merge_labels(&ours.labels, &theirs.labels, &base.labels);
    result.note = if ours.note == base.note || ours.note == theirs.note {
        theirs.note.clone()
    } else if theirs.note == base.note {
        ours.note.clone()
    } else {
        // Both rewrote the note differently: keep both texts, the newer first.
        let (newer, older) = if ours_newer {
            (&ours.note, &theirs.note)
        } else {
            (&theirs.note, &ours.note)
        };
        format!("{newer}\n\n{older}")
    };
    result.color.clone_from(pick_changed(
        &ours.color,
        &theirs.color,
        &base.color,
        ours_newer,
    ));
    result.target = pick_changed(&ours.target, &theirs.target, &base.target, ours_newer).clone();
    result.created = ours.created.min(theirs.created);
    result.modified = ours.modified.max(theirs.modified);
    result
}

/// One side deleted what the other edited since the base: the deletion removes what the
/// deleting side had (its labels, note, colour), and the other side's changes stay.
fn keep_edits_over_deletions(
    merged: &mut HashMap<Uuid, Annotation>,
    deleted: &HashMap<Uuid, Deletion>,
    ours_by_id: &HashMap<Uuid, &Annotation>,
    theirs: &Sidecar,
    base_by_id: &HashMap<Uuid, &Annotation>,
) {
    let theirs_ids: std::collections::HashSet<Uuid> =
        theirs.annotations.iter().map(|a| a.id).collect();
    for (id, base_annotation) in base_by_id {
        let Some(deletion) = deleted.get(id) else {
            continue;
        };
        let blank = blank_of(base_annotation);
        let kept = match (ours_by_id.get(id), theirs_ids.contains(id)) {
            // We deleted it; they changed it.
            (None, true) => merged
                .get(id)
                .filter(|theirs_annotation| *theirs_annotation != *base_annotation)
                .map(|theirs_annotation| {
                    merge_annotation(&blank, theirs_annotation, base_annotation)
                }),
            // They deleted it; we changed it.
            (Some(ours_annotation), false) if *ours_annotation != *base_annotation => {
                Some(merge_annotation(ours_annotation, &blank, base_annotation))
            }
            _ => None,
        };
        if let Some(mut annotation) = kept.filter(|a| !a.is_blank()) {
            // Newer than the deletion, so it stays (here and in every later merge).
            let after_deletion = deletion
                .deleted
                .checked_add(jiff::SignedDuration::from_millis(1))
                .unwrap_or(deletion.deleted);
            annotation.modified = annotation.modified.max(after_deletion);
            merged.insert(*id, annotation);
        }
    }
}

/// Two copies may each have created an annotation of the same whole paragraph (two windows
/// labelling it before either saw the other's). They become one: the earlier-created keeps
/// its id and takes the other's labels, note and colour; the other is recorded as deleted so
/// that no copy brings it back. Returns those deletions.
fn unify_paragraph_annotations(annotations: &mut Vec<Annotation>) -> Vec<Deletion> {
    type Key = (usize, usize, String);
    let key = |a: &Annotation| -> Option<Key> {
        (a.is_paragraph_level() && !a.target.orphaned).then(|| {
            (
                a.target.position.start,
                a.target.position.end,
                a.target.paragraph_sha256.clone(),
            )
        })
    };
    let mut first_of: HashMap<Key, usize> = HashMap::new();
    let mut folded: Vec<(usize, usize)> = Vec::new();
    // Earliest first, so the keeper is the same whichever copy merges.
    annotations.sort_by_key(|a| (a.created, a.id));
    for (idx, annotation) in annotations.iter().enumerate() {
        if let Some(key) = key(annotation) {
            match first_of.get(&key) {
                Some(&keeper) => folded.push((keeper, idx)),
                None => {
                    first_of.insert(key, idx);
                }
            }
        }
    }
    if folded.is_empty() {
        return Vec::new();
    }
    let mut deletions = Vec::new();
    for &(keeper, other) in &folded {
        let other_annotation = annotations[other].clone();
        let keeper_annotation = &mut annotations[keeper];
        for label in &other_annotation.labels {
            if !keeper_annotation.labels.contains(label) {
                keeper_annotation.labels.push(label.clone());
            }
        }
        let note = other_annotation.note.trim();
        if !note.is_empty() && !keeper_annotation.note.contains(note) {
            if !keeper_annotation.note.trim().is_empty() {
                keeper_annotation.note.push_str("\n\n");
            }
            keeper_annotation.note.push_str(note);
        }
        if keeper_annotation.color.is_none() {
            keeper_annotation.color.clone_from(&other_annotation.color);
        }
        keeper_annotation.modified = keeper_annotation.modified.max(other_annotation.modified);
        deletions.push(Deletion {
            id: other_annotation.id,
            deleted: keeper_annotation.modified,
        });
    }
    let gone: std::collections::HashSet<usize> = folded.iter().map(|&(_, other)| other).collect();
    let mut idx = 0;
    annotations.retain(|_| {
        let keep = !gone.contains(&idx);
        idx += 1;
        keep
    });
    deletions
}

/// `annotation` with its labels, note and colour taken away (what a deletion leaves).
fn blank_of(annotation: &Annotation) -> Annotation {
    Annotation {
        labels: Vec::new(),
        note: String::new(),
        color: None,
        ..annotation.clone()
    }
}

/// Of a field both copies may have changed: the side that changed it, or the newer side when
/// both did.
fn pick_changed<'a, T: PartialEq>(ours: &'a T, theirs: &'a T, base: &T, ours_newer: bool) -> &'a T {
    if ours == base {
        theirs
    } else if theirs == base || ours_newer {
        ours
    } else {
        theirs
    }
}

/// Labels after a three-way merge: a label in the base stays only if neither side removed it;
/// a label not in the base is in the result if either side added it. Our order first, then
/// the labels only they added.
fn merge_labels(ours: &[String], theirs: &[String], base: &[String]) -> Vec<String> {
    let keep = |label: &String| {
        if base.contains(label) {
            ours.contains(label) && theirs.contains(label)
        } else {
            true
        }
    };
    let mut labels: Vec<String> = ours.iter().filter(|l| keep(l)).cloned().collect();
    for label in theirs {
        if keep(label) && !labels.contains(label) {
            labels.push(label.clone());
        }
    }
    labels
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
