//! Merging two versions of a sidecar (ours in memory, theirs on disk) by annotation id.
//! Knowing the version both started from (the base: what was on disk when we last read or
//! wrote it), an annotation both changed is merged field by field: each label added or removed
//! on either side counts, and a note, colour or target changed on one side only takes that
//! side's version. Only when both changed the same note, colour or target does the newer
//! `modified` win (both notes are kept). Deletions are remembered so they are not undone by the
//! other copy, and nothing either side wrote is dropped silently.
//!
//! [`merge_recording_conflicts`] is the same merge for git's merge driver, where both copies
//! are files of equal standing: when both changed the same field of one annotation, the later
//! `modified` wins and the other value is kept in the sidecar's `conflicts` list (see
//! [`super::conflict`]), and the result does not depend on which copy is "ours".

use std::collections::HashMap;

use uuid::Uuid;

use super::model::{Annotation, ArticleInfo, Conflict, Deletion, LabelScheme, Relation, Sidecar};

/// What a merge changed in our copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Annotations only the other copy had.
    pub added: usize,
    /// Annotations the other copy had in a newer version.
    pub updated: usize,
    /// Annotations the other copy deleted.
    pub removed: usize,
    /// Values that lost to a later edit of the same field and were kept in `conflicts`.
    pub conflicts: usize,
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
    merge_three_way(ours, theirs, base, Policy::Combine)
}

/// The three-way merge of git's merge driver: as [`merge_with_base`], except where both
/// copies changed the same field of one annotation (its labels, note, colour or target) to
/// different values. There the copy with the later `modified` wins (equal times: the greater
/// value, so the result is the same whichever copy is ours) and the other value is added to
/// the `conflicts` list. Labels count as changed on both sides only when the label-by-label
/// merge would give a set neither copy has and one of them removed a label (two copies that
/// only added labels get all of them). An annotation one copy deleted and the other edited
/// is kept as the editor left it, with a `deleted` conflict recording the deletion. The
/// article information is theirs when only they changed it.
pub fn merge_recording_conflicts(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
) -> (Sidecar, MergeReport) {
    merge_three_way(ours, theirs, base, Policy::Record)
}

/// How a field both copies changed is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Policy {
    /// As the window merges: labels label by label, both notes kept, otherwise ours when
    /// newer or as new.
    Combine,
    /// The later value wins and the other is kept in `conflicts`.
    Record,
}

/// Every deletion either copy recorded, by id, with the later time where both did.
fn latest_deletions(ours: &Sidecar, theirs: &Sidecar) -> HashMap<Uuid, Deletion> {
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
    deleted
}

fn merge_three_way(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
    policy: Policy,
) -> (Sidecar, MergeReport) {
    let base_by_id: HashMap<Uuid, &Annotation> = base
        .map(|b| b.annotations.iter().map(|a| (a.id, a)).collect())
        .unwrap_or_default();
    let mut report = MergeReport::default();
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut deleted = latest_deletions(ours, theirs);
    let ours_by_id: HashMap<Uuid, &Annotation> =
        ours.annotations.iter().map(|a| (a.id, a)).collect();
    if policy == Policy::Record {
        // A file edited by hand (or by an older tool) may drop an annotation without
        // recording the deletion: one in the base that a copy lacks was deleted there.
        let theirs_ids: std::collections::HashSet<Uuid> =
            theirs.annotations.iter().map(|a| a.id).collect();
        for (id, base_annotation) in &base_by_id {
            if !(ours_by_id.contains_key(id) && theirs_ids.contains(id)) {
                deleted.entry(*id).or_insert_with(|| Deletion {
                    id: *id,
                    deleted: base_annotation.modified,
                });
            }
        }
    }
    let mut merged = merge_annotations(
        ours,
        theirs,
        &base_by_id,
        policy,
        &mut report,
        &mut conflicts,
    );
    let edits = Edits {
        ours_by_id: &ours_by_id,
        theirs,
        base_by_id: &base_by_id,
    };
    match policy {
        Policy::Combine => keep_edits_over_deletions(&mut merged, &deleted, &edits),
        Policy::Record => {
            keep_edited_over_deletions(&mut merged, &deleted, &edits, &mut conflicts);
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
    for folded in unify_paragraph_annotations(&mut annotations) {
        report.updated += 1;
        deleted.insert(folded.id, folded);
    }
    let relations = merge_relations(
        ours,
        theirs,
        base,
        &annotations,
        &mut deleted,
        (policy, &conflicts),
    );
    let label_scheme = merge_schemes(
        &ours.label_scheme,
        &theirs.label_scheme,
        base.map(|b| &b.label_scheme),
        &annotations,
    );
    sort_annotations(&mut annotations);
    let mut deleted: Vec<Deletion> = deleted.into_values().collect();
    deleted.sort_by_key(|d| (d.deleted, d.id));
    let label_scheme = merge_entity_types(label_scheme, ours, theirs, base);
    report.conflicts = conflicts.len();
    let conflicts = merge_conflict_lists(ours, theirs, base, conflicts, &annotations);
    let article = merge_article(ours, theirs, base, policy);
    (
        Sidecar {
            format: ours.format.clone(),
            version: ours.version.max(theirs.version),
            article,
            label_scheme,
            annotations,
            deleted,
            relations,
            conflicts,
        },
        report,
    )
}

/// Relations after a merge, by id: one only one side has is kept unless the other side
/// deleted it; one both have but changed takes the side that changed it (the newer when
/// both did). A deletion wins over every version it saw. A relation whose passage was
/// deleted goes with it (and is recorded as deleted, so no copy brings it back); one whose
/// passage is merely unknown (a hand-edited file) is kept. For [`Policy::Record`] the newer
/// of two changed versions is chosen as in [`relation_wins`], so the result does not depend
/// on which copy is ours. A relation deleted with a passage that the merge kept over its
/// deletion (one with a `deleted` entry in the new `conflicts`) is kept with it, dated just
/// after the deletion: dismissing that conflict then loses nothing, and taking it deletes
/// the passage and its relations together.
fn merge_relations(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
    annotations: &[Annotation],
    deleted: &mut HashMap<Uuid, Deletion>,
    (policy, conflicts): (Policy, &[Conflict]),
) -> Vec<Relation> {
    let revived: std::collections::HashSet<Uuid> = conflicts
        .iter()
        .filter(|c| c.field == super::conflict::field::DELETED)
        .map(|c| c.annotation)
        .collect();
    let base_by_id: HashMap<Uuid, &Relation> = base
        .map(|b| b.relations.iter().map(|r| (r.id, r)).collect())
        .unwrap_or_default();
    let theirs_by_id: HashMap<Uuid, &Relation> =
        theirs.relations.iter().map(|r| (r.id, r)).collect();
    let mut merged: Vec<Relation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for relation in ours.relations.iter().chain(&theirs.relations) {
        if !seen.insert(relation.id) {
            continue;
        }
        let ours_version = ours.relations.iter().find(|r| r.id == relation.id);
        let chosen = match (ours_version, theirs_by_id.get(&relation.id)) {
            (Some(o), Some(t)) if o == *t => o.clone(),
            (Some(o), Some(t)) => match base_by_id.get(&relation.id) {
                Some(b) => {
                    let ours_newer = match policy {
                        Policy::Combine => o.modified >= t.modified,
                        // Equal times: the greater value, so both copies settle it alike.
                        Policy::Record => relation_wins(o, t),
                    };
                    let mut pick = (*pick_changed(o, *t, *b, ours_newer)).clone();
                    pick.modified = o.modified.max(t.modified);
                    pick
                }
                None if policy == Policy::Record => {
                    if relation_wins(o, t) {
                        o.clone()
                    } else {
                        (*t).clone()
                    }
                }
                None if t.modified > o.modified => (*t).clone(),
                None => o.clone(),
            },
            (Some(o), None) => o.clone(),
            (None, Some(t)) => (*t).clone(),
            (None, None) => continue,
        };
        let mut chosen = chosen;
        let deleted_after = match deleted.get(&chosen.id) {
            Some(d) if d.deleted >= chosen.modified => {
                let kept_with_passage = policy == Policy::Record
                    && (revived.contains(&chosen.source) || revived.contains(&chosen.target));
                if kept_with_passage {
                    chosen.modified = just_after(d.deleted);
                }
                !kept_with_passage
            }
            _ => false,
        };
        // A relation one side had and the other dropped without a deletion record (an
        // older build) is kept: nothing either side wrote is dropped silently.
        if !deleted_after {
            merged.push(chosen);
        }
    }
    let present: std::collections::HashSet<Uuid> = annotations.iter().map(|a| a.id).collect();
    merged.retain(|relation| {
        let gone = [relation.source, relation.target]
            .iter()
            .any(|end| !present.contains(end) && deleted.contains_key(end));
        if gone {
            deleted.insert(
                relation.id,
                Deletion {
                    id: relation.id,
                    deleted: relation.modified,
                },
            );
        }
        !gone
    });
    for relation in &merged {
        deleted.remove(&relation.id);
    }
    merged.sort_by_key(|r| (r.created, r.id));
    merged
}

/// Span labels and relation types after a merge: ours, then those only they have (a type
/// is never removed by a merge, so no passage or relation loses its type); the
/// proclitic setting is theirs when only they changed it.
fn merge_entity_types(
    mut scheme: LabelScheme,
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
) -> LabelScheme {
    for label in &theirs.label_scheme.span_labels {
        if !scheme.span_labels.iter().any(|l| l.id == label.id) {
            scheme.span_labels.push(label.clone());
        }
    }
    for kind in &theirs.label_scheme.relation_types {
        if scheme.relation_type(&kind.id).is_none() {
            scheme.relation_types.push(kind.clone());
        }
    }
    let base_detach = base.map(|b| b.label_scheme.detach_proclitics);
    if base_detach == Some(ours.label_scheme.detach_proclitics) {
        scheme.detach_proclitics = theirs.label_scheme.detach_proclitics;
    }
    scheme
}

/// Whether our version of a relation both copies changed wins for [`Policy::Record`]: the
/// later `modified`, or on equal times the greater value.
fn relation_wins(ours: &Relation, theirs: &Relation) -> bool {
    let key = |r: &Relation| {
        (
            r.modified,
            r.relation_type.clone(),
            r.source,
            r.target,
            r.author.clone(),
            r.created,
        )
    };
    key(ours) >= key(theirs)
}

/// The article information after a merge: ours, or for [`Policy::Record`] theirs when only
/// they changed it; bundle metadata from the other copy when the chosen one has none (it may
/// predate the import that added it).
fn merge_article(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
    policy: Policy,
) -> ArticleInfo {
    let (mut article, other) = match (policy, base) {
        (Policy::Record, Some(base)) if ours.article == base.article => {
            (theirs.article.clone(), &ours.article)
        }
        _ => (ours.article.clone(), &theirs.article),
    };
    if article.metadata.is_none() {
        article.metadata.clone_from(&other.metadata);
    }
    article
}

/// Every annotation either copy has, those both have merged (see [`merge_three_way`]);
/// deletions are not applied yet.
fn merge_annotations(
    ours: &Sidecar,
    theirs: &Sidecar,
    base_by_id: &HashMap<Uuid, &Annotation>,
    policy: Policy,
    report: &mut MergeReport,
    conflicts: &mut Vec<Conflict>,
) -> HashMap<Uuid, Annotation> {
    let ours_by_id: HashMap<Uuid, &Annotation> =
        ours.annotations.iter().map(|a| (a.id, a)).collect();
    let mut merged: HashMap<Uuid, Annotation> = HashMap::new();
    for annotation in &ours.annotations {
        merged.insert(annotation.id, annotation.clone());
    }
    for theirs_annotation in &theirs.annotations {
        match ours_by_id.get(&theirs_annotation.id) {
            Some(ours_annotation) => {
                let base_annotation = base_by_id.get(&theirs_annotation.id).copied();
                let result = match (policy, base_annotation) {
                    (Policy::Record, _) => record_annotation(
                        ours_annotation,
                        theirs_annotation,
                        base_annotation,
                        conflicts,
                    ),
                    (Policy::Combine, Some(base_annotation)) => {
                        merge_annotation(ours_annotation, theirs_annotation, base_annotation)
                    }
                    // Without a common version, the newer copy wins whole.
                    (Policy::Combine, None)
                        if theirs_annotation.modified > ours_annotation.modified =>
                    {
                        theirs_annotation.clone()
                    }
                    (Policy::Combine, None) => continue,
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
    merged
}

/// The conflicts lists after a merge: one kept by both copies stays, one only one copy has
/// stays unless the other copy had it in the base (and so settled it), the new ones are
/// added, and those of annotations no longer there are dropped.
fn merge_conflict_lists(
    ours: &Sidecar,
    theirs: &Sidecar,
    base: Option<&Sidecar>,
    new: Vec<Conflict>,
    annotations: &[Annotation],
) -> Vec<Conflict> {
    let in_base = |c: &Conflict| base.is_some_and(|b| b.conflicts.contains(c));
    let present: std::collections::HashSet<Uuid> = annotations.iter().map(|a| a.id).collect();
    let mut kept: Vec<Conflict> = Vec::new();
    let candidates = ours.conflicts.iter().chain(&theirs.conflicts).cloned();
    for conflict in candidates.chain(new) {
        let settled = in_base(&conflict)
            && !(ours.conflicts.contains(&conflict) && theirs.conflicts.contains(&conflict));
        if !settled && present.contains(&conflict.annotation) && !kept.contains(&conflict) {
            kept.push(conflict);
        }
    }
    kept
}

/// The copies an annotation's edits are judged from.
struct Edits<'a> {
    ours_by_id: &'a HashMap<Uuid, &'a Annotation>,
    theirs: &'a Sidecar,
    base_by_id: &'a HashMap<Uuid, &'a Annotation>,
}

/// Whether our value wins a field both copies changed: the later `modified`, or on equal
/// times the greater value, so both copies settle it alike.
fn ours_wins<T: serde::Serialize>(
    ours: &Annotation,
    theirs: &Annotation,
    ours_value: &T,
    theirs_value: &T,
) -> bool {
    match ours.modified.cmp(&theirs.modified) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => {
            let json = |v: &T| serde_json::to_string(v).unwrap_or_default();
            (json(ours_value), &ours.author) >= (json(theirs_value), &theirs.author)
        }
    }
}

/// One field of an annotation both copies have, settled for [`Policy::Record`]: the changed
/// side's value, or, when both changed it differently, the winner's, with the loser's added
/// to `conflicts`.
fn record_field<T: Clone + PartialEq + serde::Serialize>(
    field: &str,
    (ours, ours_value): (&Annotation, &T),
    (theirs, theirs_value): (&Annotation, &T),
    base_value: Option<&T>,
    conflicts: &mut Vec<Conflict>,
) -> T {
    if ours_value == theirs_value || base_value == Some(theirs_value) {
        return ours_value.clone();
    }
    if base_value == Some(ours_value) {
        return theirs_value.clone();
    }
    let (winner, (loser, loser_value)) = if ours_wins(ours, theirs, ours_value, theirs_value) {
        (ours_value, (theirs, theirs_value))
    } else {
        (theirs_value, (ours, ours_value))
    };
    conflicts.push(Conflict {
        annotation: ours.id,
        field: field.to_owned(),
        value: serde_json::to_value(loser_value).unwrap_or_default(),
        author: loser.author.clone(),
        modified: loser.modified,
    });
    winner.clone()
}

/// Three-way merge of one annotation both copies have, for [`Policy::Record`].
fn record_annotation(
    ours: &Annotation,
    theirs: &Annotation,
    base: Option<&Annotation>,
    conflicts: &mut Vec<Conflict>,
) -> Annotation {
    let mut result = if ours_wins(ours, theirs, &ours.modified, &theirs.modified) {
        ours.clone()
    } else {
        theirs.clone()
    };
    let sorted = |labels: &[String]| {
        let mut labels = labels.to_vec();
        labels.sort();
        labels.dedup();
        labels
    };
    let (ours_labels, theirs_labels) = (sorted(&ours.labels), sorted(&theirs.labels));
    let base_labels = base.map(|b| sorted(&b.labels));
    let combined = base_labels
        .as_ref()
        .map(|b| sorted(&merge_labels(&ours_labels, &theirs_labels, b)));
    let removed_any = |side: &[String]| {
        base_labels
            .as_ref()
            .is_some_and(|b| b.iter().any(|l| !side.contains(l)))
    };
    result.labels = match combined {
        // Both only added labels, or one side's change already holds the other's.
        Some(combined)
            if combined == ours_labels
                || combined == theirs_labels
                || !(removed_any(&ours_labels) || removed_any(&theirs_labels)) =>
        {
            // Keep an order one of the copies had where possible.
            if combined == ours_labels {
                ours.labels.clone()
            } else if combined == theirs_labels {
                theirs.labels.clone()
            } else {
                merge_labels(
                    &ours.labels,
                    &theirs.labels,
                    &base.map(|b| b.labels.clone()).unwrap_or_default(),
                )
            }
        }
        _ => record_field(
            "labels",
            (ours, &ours.labels),
            (theirs, &theirs.labels),
            base.map(|b| &b.labels),
            conflicts,
        ),
    };
    result.note = record_field(
        "note",
        (ours, &ours.note),
        (theirs, &theirs.note),
        base.map(|b| &b.note),
        conflicts,
    );
    result.color = record_field(
        "color",
        (ours, &ours.color),
        (theirs, &theirs.color),
        base.map(|b| &b.color),
        conflicts,
    );
    result.target = record_field(
        "target",
        (ours, &ours.target),
        (theirs, &theirs.target),
        base.map(|b| &b.target),
        conflicts,
    );
    result.created = ours.created.min(theirs.created);
    result.modified = ours.modified.max(theirs.modified);
    result
}

/// For [`Policy::Record`]: one copy deleted what the other edited since the base. The
/// editor's version stays whole, newer than the deletion, and a `deleted` conflict records
/// the deletion (taking it deletes the annotation).
fn keep_edited_over_deletions(
    merged: &mut HashMap<Uuid, Annotation>,
    deleted: &HashMap<Uuid, Deletion>,
    edits: &Edits<'_>,
    conflicts: &mut Vec<Conflict>,
) {
    let theirs_by_id: HashMap<Uuid, &Annotation> =
        edits.theirs.annotations.iter().map(|a| (a.id, a)).collect();
    for (id, base_annotation) in edits.base_by_id {
        let Some(deletion) = deleted.get(id) else {
            continue;
        };
        let edited = match (edits.ours_by_id.get(id), theirs_by_id.get(id)) {
            (None, Some(theirs_annotation)) | (Some(theirs_annotation), None) => {
                Some(*theirs_annotation).filter(|a| *a != *base_annotation)
            }
            _ => None,
        };
        let Some(edited) = edited else { continue };
        let mut annotation = edited.clone();
        annotation.modified = annotation.modified.max(just_after(deletion.deleted));
        conflicts.push(Conflict {
            annotation: *id,
            field: "deleted".to_owned(),
            value: serde_json::Value::Null,
            author: String::new(),
            modified: deletion.deleted,
        });
        merged.insert(*id, annotation);
    }
}

/// A millisecond after `time`: newer than a deletion made then.
fn just_after(time: jiff::Timestamp) -> jiff::Timestamp {
    time.checked_add(jiff::SignedDuration::from_millis(1))
        .unwrap_or(time)
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
    edits: &Edits<'_>,
) {
    let theirs_ids: std::collections::HashSet<Uuid> =
        edits.theirs.annotations.iter().map(|a| a.id).collect();
    for (id, base_annotation) in edits.base_by_id {
        let Some(deletion) = deleted.get(id) else {
            continue;
        };
        let blank = blank_of(base_annotation);
        let kept = match (edits.ours_by_id.get(id), theirs_ids.contains(id)) {
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
            annotation.modified = annotation.modified.max(just_after(deletion.deleted));
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

/// Puts annotations in document order (by start, then end), ties by id, so the order is the
/// same whichever copy they came from.
pub fn sort_annotations(annotations: &mut [Annotation]) {
    annotations.sort_by(|a, b| {
        (a.target.position.start, a.target.position.end, a.id).cmp(&(
            b.target.position.start,
            b.target.position.end,
            b.id,
        ))
    });
}
