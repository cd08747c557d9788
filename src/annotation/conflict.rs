//! The `conflicts` list of a sidecar: values that lost a merge because both copies changed the
//! same field of one annotation. Each can be swapped back in ("take the other value"), which
//! keeps the value it replaces in the list, so nothing is lost either way, or dismissed
//! ("keep this value"), which only removes the entry.

use uuid::Uuid;

use super::model::{Annotation, Conflict, Deletion, Sidecar, Target, Timestamp};

/// The field names a [`Conflict`] can have.
pub mod field {
    /// The annotation's labels (a list of label ids).
    pub const LABELS: &str = "labels";
    /// The note (a string).
    pub const NOTE: &str = "note";
    /// The highlight colour (`#rrggbb` or `null`).
    pub const COLOR: &str = "color";
    /// What is annotated (a target object).
    pub const TARGET: &str = "target";
    /// The other copy deleted the annotation (no value).
    pub const DELETED: &str = "deleted";
}

/// Why a conflict's value could not be taken.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConflictError {
    #[error("{}", crate::tr!("error-conflict-none", number = *.0))]
    NoConflict(usize),
    #[error("{}", crate::tr!("error-conflict-annotation-gone", id = .0.to_string()))]
    NoAnnotation(Uuid),
    #[error("{}", crate::tr!("error-conflict-bad-value", field = field, reason = reason))]
    BadValue { field: String, reason: String },
}

/// The conflicts of the annotation `id`, with their indices in the list.
pub fn conflicts_of(sidecar: &Sidecar, id: Uuid) -> impl Iterator<Item = (usize, &Conflict)> {
    sidecar
        .conflicts
        .iter()
        .enumerate()
        .filter(move |(_, c)| c.annotation == id)
}

fn value<T: serde::de::DeserializeOwned>(conflict: &Conflict) -> Result<T, ConflictError> {
    serde_json::from_value(conflict.value.clone()).map_err(|e| ConflictError::BadValue {
        field: conflict.field.clone(),
        reason: e.to_string(),
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

fn swap_in<T>(
    slot: &mut T,
    taken: T,
    serialize: impl FnOnce(&T) -> serde_json::Value,
) -> serde_json::Value {
    let displaced = serialize(slot);
    *slot = taken;
    displaced
}

/// Takes the other value of conflict `index` into its annotation, as of `now`. The value it
/// replaces takes its place in the list (with the annotation's author and previous `modified`),
/// so taking it again swaps back. A `deleted` conflict deletes the annotation (recorded as a
/// deletion) with its relations, and removes its conflicts. Returns the annotation's id.
pub fn take_other_value(
    sidecar: &mut Sidecar,
    index: usize,
    now: Timestamp,
) -> Result<Uuid, ConflictError> {
    let conflict = sidecar
        .conflicts
        .get(index)
        .cloned()
        .ok_or(ConflictError::NoConflict(index))?;
    let id = conflict.annotation;
    let position = sidecar
        .annotations
        .iter()
        .position(|a| a.id == id)
        .ok_or(ConflictError::NoAnnotation(id))?;
    if conflict.field == field::DELETED {
        sidecar.annotations.remove(position);
        sidecar.conflicts.retain(|c| c.annotation != id);
        sidecar.deleted.retain(|d| d.id != id);
        sidecar.deleted.push(Deletion { id, deleted: now });
        // A deleted passage takes its relations with it, as deleting it in the window does.
        let gone: Vec<Uuid> = sidecar.relations_of(id).map(|r| r.id).collect();
        sidecar.relations.retain(|r| !gone.contains(&r.id));
        for relation in gone {
            sidecar.deleted.retain(|d| d.id != relation);
            sidecar.deleted.push(Deletion {
                id: relation,
                deleted: now,
            });
        }
        return Ok(id);
    }
    let annotation: &mut Annotation = &mut sidecar.annotations[position];
    let displaced = match conflict.field.as_str() {
        field::LABELS => swap_in(&mut annotation.labels, value(&conflict)?, to_json),
        field::NOTE => swap_in(&mut annotation.note, value(&conflict)?, to_json),
        field::COLOR => swap_in(&mut annotation.color, value(&conflict)?, to_json),
        field::TARGET => swap_in(&mut annotation.target, value::<Target>(&conflict)?, to_json),
        other => {
            return Err(ConflictError::BadValue {
                field: other.to_owned(),
                reason: crate::tr!("error-conflict-unknown-field"),
            });
        }
    };
    let replaced = Conflict {
        annotation: id,
        field: conflict.field.clone(),
        value: displaced,
        author: annotation.author.clone(),
        modified: annotation.modified,
    };
    annotation.modified = now.max(annotation.modified);
    if let Some(slot) = sidecar.conflicts.get_mut(index) {
        *slot = replaced;
    }
    Ok(id)
}

/// Dismisses conflict `index`: the annotation keeps its current value and the entry leaves
/// the list. Nothing else changes. For a `deleted` conflict the annotation stays, with its
/// relations: the merge that recorded the conflict kept both, dated after the deletion, so a
/// later merge with the deleting copy keeps them too. Returns the dismissed entry.
pub fn dismiss(sidecar: &mut Sidecar, index: usize) -> Result<Conflict, ConflictError> {
    if index >= sidecar.conflicts.len() {
        return Err(ConflictError::NoConflict(index));
    }
    Ok(sidecar.conflicts.remove(index))
}
