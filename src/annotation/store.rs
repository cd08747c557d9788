//! The annotations of the open article, with every change undoable.

use uuid::Uuid;

use super::anchor::{AnchorMethod, reanchor};
use super::conflict::{self, ConflictError};
use super::merge::sort_annotations;
use super::model::TargetKind;
use super::model::{
    Annotation, ArticleInfo, Conflict, Deletion, FORMAT_MARKER, FORMAT_VERSION, Label, LabelScheme,
    Relation, Sidecar, now,
};
use super::target::{CharIndex, paragraph_target, sha256_hex, target_for};
use crate::document::Document;

/// What an annotation command applies to: a whole paragraph or a passage in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetKey {
    /// Paragraph `0`, whole.
    Paragraph(usize),
    /// A passage of a paragraph: byte range of the document text.
    Span {
        /// The paragraph holding the passage.
        paragraph: usize,
        /// The passage, in bytes of the document text.
        bytes: std::ops::Range<usize>,
    },
}

impl TargetKey {
    /// The paragraph concerned.
    pub fn paragraph(&self) -> usize {
        match self {
            Self::Paragraph(paragraph) | Self::Span { paragraph, .. } => *paragraph,
        }
    }
}

impl From<usize> for TargetKey {
    fn from(paragraph: usize) -> Self {
        Self::Paragraph(paragraph)
    }
}

/// The labels a passage should have after a decision: the passage of `paragraph` at code
/// points `chars` of the article text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanLabels {
    /// The paragraph holding the passage.
    pub paragraph: usize,
    /// The passage, in code points of the document text.
    pub chars: std::ops::Range<usize>,
    /// Its labels after the decision (none: the passage goes).
    pub labels: Vec<String>,
}

/// One end of a relation carried along with a span decision: the passage of `paragraph`
/// at code points `chars` of the article text that bears every label of `labels`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageRef {
    /// The paragraph holding the passage.
    pub paragraph: usize,
    /// The passage, in code points of the document text.
    pub chars: std::ops::Range<usize>,
    /// Labels the passage must bear (at least one).
    pub labels: Vec<String>,
}

/// A relation carried along with a span decision (an annotator's relation whose passages
/// the decision may bring into the gold).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRelation {
    /// The relation type, as defined where the relation comes from (added to the scheme
    /// when the scheme lacks it).
    pub relation_type: Label,
    /// The passage it starts from.
    pub source: PassageRef,
    /// The passage it points to.
    pub target: PassageRef,
}

/// Whether the annotations can be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Normal.
    Editable,
    /// Shown but not changeable (a sidecar from a newer Hashiya).
    ReadOnly(String),
    /// Not loaded (a damaged sidecar, left untouched on disk).
    Unavailable(String),
}

/// One annotation before and after a change (`None`: absent).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The annotation before.
    pub before: Option<Annotation>,
    /// The annotation after.
    pub after: Option<Annotation>,
}

/// One relation before and after a change (`None`: absent).
#[derive(Clone, Debug, PartialEq)]
pub struct RelationChange {
    /// The relation before.
    pub before: Option<Relation>,
    /// The relation after.
    pub after: Option<Relation>,
}

/// One undo step: annotation changes and the relation changes that go with them (a deleted
/// span takes its relations with it, in the same step), and the `conflicts` list before and
/// after when the step settled a conflict.
#[derive(Clone, Debug, Default, PartialEq)]
struct Step {
    changes: Vec<Change>,
    relations: Vec<RelationChange>,
    conflicts: Option<(Vec<Conflict>, Vec<Conflict>)>,
}

impl Step {
    fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.relations.is_empty() && self.conflicts.is_none()
    }
}

/// Why a change was refused.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", crate::tr!("error-store-read-only", reason = .0))]
    ReadOnly(String),
    #[error("{}", crate::tr!("error-store-no-paragraph", number = *.0))]
    NoParagraph(usize),
    #[error("{}", crate::tr!("error-store-no-annotation", id = .0.to_string()))]
    NoAnnotation(Uuid),
    #[error("{}", crate::tr!("error-store-not-a-passage", id = .0.to_string()))]
    NotAPassage(Uuid),
    #[error("{}", crate::tr!("error-store-self-relation"))]
    SelfRelation,
    #[error("{}", crate::tr!("error-store-no-conflict"))]
    NoConflict,
    #[error(transparent)]
    Conflict(#[from] ConflictError),
    #[error("{}", crate::tr!(
        "error-store-bad-span",
        bytes = crate::i18n::digits(&format!("{bytes:?}")).into_owned(),
        paragraph = *paragraph
    ))]
    BadSpan {
        paragraph: usize,
        bytes: std::ops::Range<usize>,
    },
}

/// Re-anchoring results, for telling the user what moved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorSummary {
    /// Placed by paragraph hash, exact quote or fuzzy match (their text moved or changed).
    pub moved: usize,
    /// Placed only by a fuzzy match.
    pub fuzzy: usize,
    /// Not found: kept and listed as orphaned.
    pub orphaned: usize,
}

/// The open article's annotations.
#[derive(Debug)]
pub struct AnnotationStore {
    sidecar: Sidecar,
    /// Whether changes are allowed.
    pub availability: Availability,
    author: String,
    index: CharIndex,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Note edits to this annotation extend the last undo step instead of adding one.
    coalescing: Option<Uuid>,
    revision: u64,
    /// For each paragraph, indices into `sidecar.annotations` of its annotations.
    by_paragraph: Vec<Vec<usize>>,
}

/// Refuses a passage that is reversed, outside its paragraph or cuts a character: its
/// positions would be meaningless (and their arithmetic would wrap).
fn check_span(
    document: &Document,
    paragraph: usize,
    bytes: &std::ops::Range<usize>,
) -> Result<(), StoreError> {
    let range = &document
        .paragraphs
        .get(paragraph)
        .ok_or(StoreError::NoParagraph(paragraph))?
        .byte_range;
    let valid = range.start <= bytes.start
        && bytes.start <= bytes.end
        && bytes.end <= range.end
        && document.text.is_char_boundary(bytes.start)
        && document.text.is_char_boundary(bytes.end);
    if valid {
        Ok(())
    } else {
        Err(StoreError::BadSpan {
            paragraph,
            bytes: bytes.clone(),
        })
    }
}

/// Undo steps kept.
const MAX_UNDO: usize = 500;

/// The article's identity as stored in a sidecar.
pub fn article_info(document: &Document) -> ArticleInfo {
    ArticleInfo {
        file_name: document.file_name().unwrap_or_default(),
        sha256: sha256_hex(&document.text),
        encoding: document.encoding_name.to_owned(),
        paragraph_count: document.paragraphs.len(),
        metadata: None,
    }
}

impl AnnotationStore {
    /// No annotations yet, with `scheme`.
    pub fn new(document: &Document, scheme: LabelScheme, author: &str) -> Self {
        let sidecar = Sidecar {
            format: FORMAT_MARKER.to_owned(),
            // The lowest version; the file is written with the one its content needs.
            version: FORMAT_VERSION.min(1),
            article: article_info(document),
            label_scheme: scheme,
            annotations: Vec::new(),
            deleted: Vec::new(),
            relations: Vec::new(),
            conflicts: Vec::new(),
        };
        Self::from_parts(sidecar, document, author, Availability::Editable)
    }

    fn from_parts(
        sidecar: Sidecar,
        document: &Document,
        author: &str,
        availability: Availability,
    ) -> Self {
        let mut store = Self {
            sidecar,
            availability,
            author: author.to_owned(),
            index: CharIndex::new(&document.text),
            undo: Vec::new(),
            redo: Vec::new(),
            coalescing: None,
            revision: 0,
            by_paragraph: Vec::new(),
        };
        store.reindex(document.paragraphs.len());
        store
    }

    /// Annotations loaded from a sidecar, re-anchored when the article changed since.
    pub fn from_sidecar(
        mut sidecar: Sidecar,
        document: &Document,
        author: &str,
        availability: Availability,
    ) -> (Self, AnchorSummary) {
        let mut summary = AnchorSummary::default();
        let mut info = article_info(document);
        // Where the article came from stays with it.
        info.metadata = sidecar.article.metadata.take();
        let methods = reanchor(&mut sidecar.annotations, document);
        for method in methods {
            match method {
                AnchorMethod::Unchanged => {}
                AnchorMethod::ParagraphHash | AnchorMethod::ExactQuote => summary.moved += 1,
                AnchorMethod::Fuzzy => {
                    summary.moved += 1;
                    summary.fuzzy += 1;
                }
                AnchorMethod::Orphaned => summary.orphaned += 1,
            }
        }
        sidecar.article = info;
        sort_annotations(&mut sidecar.annotations);
        (
            Self::from_parts(sidecar, document, author, availability),
            summary,
        )
    }

    /// A store that holds nothing because the sidecar could not be read.
    pub fn unavailable(document: &Document, reason: String, author: &str) -> Self {
        let mut store = Self::new(document, LabelScheme::news_default(), author);
        store.availability = Availability::Unavailable(reason);
        store
    }

    fn reindex(&mut self, paragraph_count: usize) {
        sort_annotations(&mut self.sidecar.annotations);
        self.by_paragraph = vec![Vec::new(); paragraph_count];
        for (idx, annotation) in self.sidecar.annotations.iter().enumerate() {
            if annotation.target.orphaned {
                continue;
            }
            if let Some(list) = self.by_paragraph.get_mut(annotation.target.paragraph) {
                list.push(idx);
            }
        }
    }

    /// The sidecar as it should be saved.
    pub fn sidecar(&self) -> &Sidecar {
        &self.sidecar
    }

    /// The label scheme in use.
    pub fn scheme(&self) -> &LabelScheme {
        &self.sidecar.label_scheme
    }

    /// All annotations in document order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.sidecar.annotations
    }

    /// Annotations of paragraph `paragraph` (orphans excluded).
    pub fn for_paragraph(&self, paragraph: usize) -> impl Iterator<Item = &Annotation> {
        self.by_paragraph
            .get(paragraph)
            .into_iter()
            .flatten()
            .filter_map(|&idx| self.sidecar.annotations.get(idx))
    }

    /// The whole-paragraph annotation of `paragraph`, if any.
    pub fn paragraph_annotation(&self, paragraph: usize) -> Option<&Annotation> {
        self.for_paragraph(paragraph)
            .find(|a| a.is_paragraph_level())
    }

    /// The annotation of `key`: the paragraph's whole-paragraph annotation, or the passage
    /// annotation covering exactly those bytes.
    pub fn annotation_for(&self, document: &Document, key: &TargetKey) -> Option<&Annotation> {
        match key {
            TargetKey::Paragraph(paragraph) => self.paragraph_annotation(*paragraph),
            TargetKey::Span { paragraph, bytes } => {
                let chars = self.index.char_range(&document.text, bytes.clone());
                self.for_paragraph(*paragraph).find(|a| {
                    a.target.kind == TargetKind::Span
                        && a.target.position.start == chars.start
                        && a.target.position.end == chars.end
                })
            }
        }
    }

    /// Where a passage annotation lies within its paragraph's text, in bytes.
    pub fn span_bytes_in_paragraph(
        &self,
        document: &Document,
        annotation: &Annotation,
    ) -> Option<std::ops::Range<usize>> {
        let paragraph = document.paragraphs.get(annotation.target.paragraph)?;
        let start = self
            .index
            .byte_of_char(&document.text, annotation.target.position.start)?;
        let end = self
            .index
            .byte_of_char(&document.text, annotation.target.position.end)?;
        let within =
            paragraph.byte_range.start <= start && start <= end && end <= paragraph.byte_range.end;
        within.then(|| start - paragraph.byte_range.start..end - paragraph.byte_range.start)
    }

    /// Annotations whose text could not be found in the current article.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> {
        self.sidecar
            .annotations
            .iter()
            .filter(|a| a.target.orphaned)
    }

    /// Increases with every change; the saver compares it with what it last wrote.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when an undo step is available.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when a redo step is available.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn check_editable(&self) -> Result<(), StoreError> {
        match &self.availability {
            Availability::Editable => Ok(()),
            Availability::ReadOnly(reason) | Availability::Unavailable(reason) => {
                Err(StoreError::ReadOnly(reason.clone()))
            }
        }
    }

    /// Applies one change to the sidecar (no undo bookkeeping).
    fn apply(&mut self, change: &Change, paragraph_count: usize) {
        let id = change
            .before
            .as_ref()
            .or(change.after.as_ref())
            .map(|a| a.id);
        let Some(id) = id else { return };
        self.sidecar.annotations.retain(|a| a.id != id);
        self.sidecar.deleted.retain(|d| d.id != id);
        match &change.after {
            Some(annotation) => self.sidecar.annotations.push(annotation.clone()),
            None => self.sidecar.deleted.push(Deletion { id, deleted: now() }),
        }
        self.revision += 1;
        self.reindex(paragraph_count);
    }

    /// Applies one relation change (no undo bookkeeping).
    fn apply_relation(&mut self, change: &RelationChange) {
        let Some(id) = change
            .before
            .as_ref()
            .or(change.after.as_ref())
            .map(|r| r.id)
        else {
            return;
        };
        self.sidecar.relations.retain(|r| r.id != id);
        self.sidecar.deleted.retain(|d| d.id != id);
        match &change.after {
            Some(relation) => self.sidecar.relations.push(relation.clone()),
            None => self.sidecar.deleted.push(Deletion { id, deleted: now() }),
        }
        self.revision += 1;
    }

    /// Applies `change` and, when it removes an annotation, deletes the relations that start
    /// or end at it; returns those relation deletions (for the same undo step).
    fn apply_with_relations(
        &mut self,
        change: &Change,
        paragraph_count: usize,
    ) -> Vec<RelationChange> {
        self.apply(change, paragraph_count);
        let removed = match (&change.before, &change.after) {
            (Some(before), None) => before.id,
            _ => return Vec::new(),
        };
        let cascade: Vec<RelationChange> = self
            .sidecar
            .relations_of(removed)
            .map(|r| RelationChange {
                before: Some(r.clone()),
                after: None,
            })
            .collect();
        for change in &cascade {
            self.apply_relation(change);
        }
        cascade
    }

    fn push_undo(&mut self, step: Step) {
        if step.is_empty() {
            return;
        }
        self.undo.push(step);
        if self.undo.len() > MAX_UNDO {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    fn record(&mut self, change: Change, document: &Document) {
        let paragraph_count = document.paragraphs.len();
        let relations = self.apply_with_relations(&change, paragraph_count);
        let id = change
            .after
            .as_ref()
            .or(change.before.as_ref())
            .map(|a| a.id);
        let extend = self.coalescing.is_some() && self.coalescing == id && relations.is_empty();
        match self.undo.last_mut() {
            Some(step)
                if extend
                    && step.changes.len() == 1
                    && step.relations.is_empty()
                    && step.conflicts.is_none() =>
            {
                step.changes[0].after = change.after;
                self.redo.clear();
            }
            _ => self.push_undo(Step {
                changes: vec![change],
                relations,
                conflicts: None,
            }),
        }
    }

    /// Changes the whole-paragraph annotation of `paragraph` with `edit`, creating it when
    /// missing and deleting it when it ends up blank.
    fn edit_paragraph(
        &mut self,
        document: &Document,
        key: impl Into<TargetKey>,
        edit: impl FnOnce(&mut Annotation),
    ) -> Result<(), StoreError> {
        self.check_editable()?;
        if let Some(change) = self.change_for(document, &key.into(), edit)? {
            self.record(change, document);
        }
        Ok(())
    }

    /// The change `edit` would make to the annotation of `key` (`None`: no change).
    fn change_for(
        &self,
        document: &Document,
        key: &TargetKey,
        edit: impl FnOnce(&mut Annotation),
    ) -> Result<Option<Change>, StoreError> {
        let before = self.annotation_for(document, key).cloned();
        let mut after = match &before {
            Some(annotation) => annotation.clone(),
            None => {
                let target = match key {
                    TargetKey::Paragraph(paragraph) => {
                        paragraph_target(document, &self.index, *paragraph)
                    }
                    TargetKey::Span { paragraph, bytes } => {
                        check_span(document, *paragraph, bytes)?;
                        target_for(
                            document,
                            &self.index,
                            *paragraph,
                            bytes.clone(),
                            TargetKind::Span,
                        )
                    }
                }
                .ok_or(StoreError::NoParagraph(key.paragraph()))?;
                let time = now();
                Annotation {
                    id: Uuid::new_v4(),
                    created: time,
                    modified: time,
                    author: self.author.clone(),
                    labels: Vec::new(),
                    note: String::new(),
                    color: None,
                    target,
                }
            }
        };
        edit(&mut after);
        if before.as_ref() == Some(&after) {
            return Ok(None);
        }
        after.modified = now();
        let after = (!after.is_blank()).then_some(after);
        if before.is_none() && after.is_none() {
            return Ok(None);
        }
        Ok(Some(Change { before, after }))
    }

    /// Gives each listed paragraph's own annotation exactly the listed labels (its note and
    /// colour stay), as one undo step: an adjudicator's decisions. Returns how many
    /// annotations changed.
    pub fn set_paragraph_labels(
        &mut self,
        document: &Document,
        decisions: &[(usize, Vec<String>)],
    ) -> Result<usize, StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let mut step = Step::default();
        for (paragraph, labels) in decisions {
            let key = TargetKey::Paragraph(*paragraph);
            if let Some(change) = self.change_for(document, &key, |annotation| {
                annotation.labels.clone_from(labels);
            })? {
                let relations = self.apply_with_relations(&change, document.paragraphs.len());
                step.changes.push(change);
                step.relations.extend(relations);
            }
        }
        let changed = step.changes.len();
        self.push_undo(step);
        Ok(changed)
    }

    /// Gives the passages of paragraph `paragraph` at each code-point range of `decisions`
    /// exactly the listed labels, as one undo step: an adjudicator's decision on a span.
    /// Where several passage annotations cover the same range, the first keeps the labels
    /// and the others lose theirs; a passage left without labels, note or colour is deleted
    /// (with its relations). Each of `relations` whose two passages the sidecar has after
    /// the decision is added in the same step, unless an identical one (same ends, same type)
    /// is there already; a relation type the scheme lacks is added to it (and stays there on
    /// undo, as labels added for a decision do). Returns how many annotations changed.
    pub fn set_span_labels(
        &mut self,
        document: &Document,
        decisions: &[SpanLabels],
        relations: &[SpanRelation],
    ) -> Result<usize, StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let mut planned = Vec::new();
        for decision in decisions {
            let byte = |chars: usize| self.index.byte_of_char(&document.text, chars);
            let bad = || StoreError::BadSpan {
                paragraph: decision.paragraph,
                bytes: decision.chars.clone(),
            };
            let bytes = byte(decision.chars.start).ok_or_else(bad)?
                ..byte(decision.chars.end).ok_or_else(bad)?;
            check_span(document, decision.paragraph, &bytes)?;
            let same: Vec<&Annotation> = self
                .spans_of_paragraph(decision.paragraph)
                .filter(|a| {
                    a.target.position.start == decision.chars.start
                        && a.target.position.end == decision.chars.end
                })
                .collect();
            if same.is_empty() {
                if decision.labels.is_empty() {
                    continue;
                }
                let key = TargetKey::Span {
                    paragraph: decision.paragraph,
                    bytes,
                };
                if let Some(change) = self.change_for(document, &key, |annotation| {
                    annotation.labels.clone_from(&decision.labels);
                })? {
                    planned.push(change);
                }
                continue;
            }
            for (index, annotation) in same.into_iter().enumerate() {
                let mut after = annotation.clone();
                if index == 0 {
                    after.labels.clone_from(&decision.labels);
                } else {
                    after.labels.clear();
                }
                if after == *annotation {
                    continue;
                }
                after.modified = now();
                planned.push(Change {
                    before: Some(annotation.clone()),
                    after: (!after.is_blank()).then_some(after),
                });
            }
        }
        let mut step = Step::default();
        for change in planned {
            let cascade = self.apply_with_relations(&change, document.paragraphs.len());
            step.changes.push(change);
            step.relations.extend(cascade);
        }
        for relation in relations {
            if let Some(change) = self.carry_relation(relation) {
                step.relations.push(change);
            }
        }
        let changed = step.changes.len();
        self.push_undo(step);
        Ok(changed)
    }

    /// The passage annotation `end` names, if the sidecar has one.
    fn passage_at(&self, end: &PassageRef) -> Option<Uuid> {
        if end.labels.is_empty() {
            return None;
        }
        self.spans_of_paragraph(end.paragraph)
            .find(|a| {
                a.target.position.start == end.chars.start
                    && a.target.position.end == end.chars.end
                    && end.labels.iter().all(|l| a.labels.contains(l))
            })
            .map(|a| a.id)
    }

    /// Adds `relation` when both its passages are in the sidecar and no identical relation
    /// (same ends, same type) is; its type joins the scheme when the scheme lacks it.
    /// Returns the change made, for the undo step.
    fn carry_relation(&mut self, relation: &SpanRelation) -> Option<RelationChange> {
        let source = self.passage_at(&relation.source)?;
        let target = self.passage_at(&relation.target)?;
        let kind = &relation.relation_type.id;
        if source == target
            || self
                .sidecar
                .relations
                .iter()
                .any(|r| r.source == source && r.target == target && r.relation_type == *kind)
        {
            return None;
        }
        let scheme = &mut self.sidecar.label_scheme;
        if scheme.relation_type(kind).is_none() {
            let mut added = relation.relation_type.clone();
            if added.shortcut.is_some_and(|key| {
                scheme
                    .relation_types
                    .iter()
                    .any(|t| t.shortcut == Some(key))
            }) {
                added.shortcut = None;
            }
            scheme.relation_types.push(added);
            self.revision += 1;
        }
        let time = now();
        let change = RelationChange {
            before: None,
            after: Some(Relation {
                id: Uuid::new_v4(),
                relation_type: kind.clone(),
                source,
                target,
                created: time,
                modified: time,
                author: self.author.clone(),
            }),
        };
        self.apply_relation(&change);
        Some(change)
    }

    /// Adds or removes label `label_id` on paragraph `paragraph`.
    pub fn toggle_label(
        &mut self,
        document: &Document,
        key: impl Into<TargetKey>,
        label_id: &str,
    ) -> Result<(), StoreError> {
        self.coalescing = None;
        self.edit_paragraph(document, key, |annotation| {
            if let Some(pos) = annotation.labels.iter().position(|l| l == label_id) {
                annotation.labels.remove(pos);
            } else {
                annotation.labels.push(label_id.to_owned());
            }
        })
    }

    /// Sets the note of paragraph `paragraph`. Consecutive calls for the same annotation
    /// form one undo step until [`Self::end_note_editing`].
    pub fn set_note(
        &mut self,
        document: &Document,
        key: impl Into<TargetKey>,
        note: &str,
    ) -> Result<(), StoreError> {
        let key = key.into();
        self.edit_paragraph(document, key.clone(), |annotation| {
            note.clone_into(&mut annotation.note);
        })?;
        self.coalescing = self.annotation_for(document, &key).map(|a| a.id);
        Ok(())
    }

    /// Ends a run of note edits (the next one starts a new undo step).
    pub fn end_note_editing(&mut self) {
        self.coalescing = None;
    }

    /// Sets or clears the highlight colour of paragraph `paragraph`.
    pub fn set_color(
        &mut self,
        document: &Document,
        key: impl Into<TargetKey>,
        color: Option<String>,
    ) -> Result<(), StoreError> {
        self.coalescing = None;
        self.edit_paragraph(document, key, |annotation| annotation.color = color)
    }

    /// Deletes annotation `id`.
    pub fn delete(&mut self, document: &Document, id: Uuid) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let Some(before) = self
            .sidecar
            .annotations
            .iter()
            .find(|a| a.id == id)
            .cloned()
        else {
            return Ok(());
        };
        self.record(
            Change {
                before: Some(before),
                after: None,
            },
            document,
        );
        Ok(())
    }

    /// Undoes the last step; returns false when there was none.
    pub fn undo(&mut self, document: &Document) -> bool {
        self.coalescing = None;
        if self.check_editable().is_err() {
            return false;
        }
        let Some(step) = self.undo.pop() else {
            return false;
        };
        for change in step.changes.iter().rev() {
            let inverse = Change {
                before: change.after.clone(),
                after: change.before.clone().map(|mut a| {
                    // The restored version is the newest, so a merge keeps it.
                    a.modified = now();
                    a
                }),
            };
            self.apply(&inverse, document.paragraphs.len());
        }
        for change in step.relations.iter().rev() {
            let inverse = RelationChange {
                before: change.after.clone(),
                after: change.before.clone().map(|mut r| {
                    r.modified = now();
                    r
                }),
            };
            self.apply_relation(&inverse);
        }
        if let Some((before, _)) = &step.conflicts {
            self.sidecar.conflicts.clone_from(before);
            self.revision += 1;
        }
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; returns false when there was none.
    pub fn redo(&mut self, document: &Document) -> bool {
        self.coalescing = None;
        if self.check_editable().is_err() {
            return false;
        }
        let Some(step) = self.redo.pop() else {
            return false;
        };
        for change in &step.changes {
            let mut change = change.clone();
            if let Some(after) = &mut change.after {
                after.modified = now();
            }
            self.apply(&change, document.paragraphs.len());
        }
        for change in &step.relations {
            let mut change = change.clone();
            if let Some(after) = &mut change.after {
                after.modified = now();
            }
            self.apply_relation(&change);
        }
        if let Some((_, after)) = &step.conflicts {
            self.sidecar.conflicts.clone_from(after);
            self.revision += 1;
        }
        self.undo.push(step);
        true
    }

    /// Replaces the annotations with a merged version (after another writer changed the
    /// file). Undo and redo steps that touch an annotation the merge changed are dropped (an
    /// undo older than those too), so undoing never reverts or deletes someone else's edit.
    pub fn replace_after_merge(&mut self, merged: Sidecar, document: &Document) {
        type Content<'a> = (&'a [String], &'a str, Option<&'a str>);
        fn content(a: &Annotation) -> Content<'_> {
            (&a.labels, &a.note, a.color.as_deref())
        }
        let before: std::collections::HashMap<Uuid, Content<'_>> = self
            .sidecar
            .annotations
            .iter()
            .map(|a| (a.id, content(a)))
            .collect();
        let after: std::collections::HashMap<Uuid, Content<'_>> = merged
            .annotations
            .iter()
            .map(|a| (a.id, content(a)))
            .collect();
        let changed: std::collections::HashSet<Uuid> = before
            .keys()
            .chain(after.keys())
            .filter(|id| before.get(id) != after.get(id))
            .copied()
            .collect();
        let relations_before: std::collections::HashMap<Uuid, &Relation> =
            self.sidecar.relations.iter().map(|r| (r.id, r)).collect();
        let relations_after: std::collections::HashMap<Uuid, &Relation> =
            merged.relations.iter().map(|r| (r.id, r)).collect();
        let changed_relations: std::collections::HashSet<Uuid> = relations_before
            .keys()
            .chain(relations_after.keys())
            .filter(|id| relations_before.get(id) != relations_after.get(id))
            .copied()
            .collect();
        let conflicts_changed = self.sidecar.conflicts != merged.conflicts;
        let touches = |step: &Step| {
            (conflicts_changed && step.conflicts.is_some())
                || step.changes.iter().any(|change| {
                    change
                        .before
                        .as_ref()
                        .or(change.after.as_ref())
                        .is_some_and(|a| changed.contains(&a.id))
                })
                || step.relations.iter().any(|change| {
                    change
                        .before
                        .as_ref()
                        .or(change.after.as_ref())
                        .is_some_and(|r| changed_relations.contains(&r.id))
                })
        };
        if let Some(newest) = self.undo.iter().rposition(touches) {
            self.undo.drain(..=newest);
        }
        if self.redo.iter().any(touches) {
            self.redo.clear();
        }
        self.sidecar = merged;
        self.revision += 1;
        self.coalescing = None;
        self.reindex(document.paragraphs.len());
    }

    /// Replaces the label scheme. Labels that annotations use but `scheme` lacks are kept
    /// (appended), so no annotation loses a label by a scheme change.
    pub fn set_scheme(&mut self, mut scheme: LabelScheme) -> Result<(), StoreError> {
        self.check_editable()?;
        for label in &self.sidecar.label_scheme.labels {
            let used = self
                .sidecar
                .annotations
                .iter()
                .any(|a| a.labels.contains(&label.id));
            if used && scheme.label(&label.id).is_none() {
                scheme.labels.push(label.clone());
            }
        }
        if scheme != self.sidecar.label_scheme {
            self.sidecar.label_scheme = scheme;
            self.revision += 1;
        }
        Ok(())
    }

    /// Adds annotations and relations made elsewhere (an import) as one undo step.
    pub fn add_all(
        &mut self,
        document: &Document,
        annotations: Vec<Annotation>,
        relations: Vec<Relation>,
    ) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let paragraph_count = document.paragraphs.len();
        let mut step = Step {
            changes: Vec::new(),
            relations: Vec::new(),
            conflicts: None,
        };
        for annotation in annotations {
            let change = Change {
                before: None,
                after: Some(annotation),
            };
            self.apply(&change, paragraph_count);
            step.changes.push(change);
        }
        for relation in relations {
            let change = RelationChange {
                before: None,
                after: Some(relation),
            };
            self.apply_relation(&change);
            step.relations.push(change);
        }
        self.push_undo(step);
        Ok(())
    }

    /// Every relation, in the order made.
    pub fn relations(&self) -> &[Relation] {
        &self.sidecar.relations
    }

    /// The relations that start or end at annotation `id`.
    pub fn relations_of(&self, id: Uuid) -> impl Iterator<Item = &Relation> {
        self.sidecar.relations_of(id)
    }

    /// The annotation with `id`.
    pub fn annotation(&self, id: Uuid) -> Option<&Annotation> {
        self.sidecar.annotations.iter().find(|a| a.id == id)
    }

    /// Passage annotations of `paragraph` in sidecar order (by start, then end), orphans
    /// excluded.
    pub fn spans_of_paragraph(&self, paragraph: usize) -> impl Iterator<Item = &Annotation> {
        self.for_paragraph(paragraph)
            .filter(|a| a.target.kind == TargetKind::Span)
    }

    /// The passage annotation after (`forward`) or before annotation `from` in document
    /// order (outer before inner), or the first / last one when `from` is `None`: for
    /// jumping from span to span.
    pub fn next_span(&self, from: Option<Uuid>, forward: bool) -> Option<&Annotation> {
        let mut spans: Vec<&Annotation> = self
            .sidecar
            .annotations
            .iter()
            .filter(|a| a.target.kind == TargetKind::Span && !a.target.orphaned)
            .collect();
        spans.sort_by_key(|a| {
            (
                a.target.position.start,
                std::cmp::Reverse(a.target.position.end),
                a.created,
                a.id,
            )
        });
        let at = from.and_then(|id| spans.iter().position(|a| a.id == id));
        match (at, forward) {
            (None, true) => spans.first().copied(),
            (None, false) => spans.last().copied(),
            (Some(idx), true) => spans.get(idx.checked_add(1)?).copied(),
            (Some(idx), false) => spans.get(idx.checked_sub(1)?).copied(),
        }
    }

    /// Adds a new passage annotation of `bytes` (document text) in `paragraph` with the one
    /// label `label_id`, even when another passage covers the same text: passages may
    /// overlap and nest freely. Returns its id.
    pub fn add_span(
        &mut self,
        document: &Document,
        paragraph: usize,
        bytes: std::ops::Range<usize>,
        label_id: &str,
    ) -> Result<Uuid, StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        check_span(document, paragraph, &bytes)?;
        let target = target_for(document, &self.index, paragraph, bytes, TargetKind::Span)
            .ok_or(StoreError::NoParagraph(paragraph))?;
        let time = now();
        let annotation = Annotation {
            id: Uuid::new_v4(),
            created: time,
            modified: time,
            author: self.author.clone(),
            labels: vec![label_id.to_owned()],
            note: String::new(),
            color: None,
            target,
        };
        let id = annotation.id;
        self.record(
            Change {
                before: None,
                after: Some(annotation),
            },
            document,
        );
        Ok(id)
    }

    fn check_passage(&self, id: Uuid) -> Result<(), StoreError> {
        let annotation = self.annotation(id).ok_or(StoreError::NoAnnotation(id))?;
        if annotation.target.kind == TargetKind::Span {
            Ok(())
        } else {
            Err(StoreError::NotAPassage(id))
        }
    }

    /// Adds a relation of type `relation_type` from passage `source` to passage `target`,
    /// as one undo step. An identical relation (same ends and type) is not added twice: its
    /// id is returned.
    pub fn add_relation(
        &mut self,
        source: Uuid,
        target: Uuid,
        relation_type: &str,
    ) -> Result<Uuid, StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        if source == target {
            return Err(StoreError::SelfRelation);
        }
        self.check_passage(source)?;
        self.check_passage(target)?;
        if let Some(existing) =
            self.sidecar.relations.iter().find(|r| {
                r.source == source && r.target == target && r.relation_type == relation_type
            })
        {
            return Ok(existing.id);
        }
        let time = now();
        let relation = Relation {
            id: Uuid::new_v4(),
            relation_type: relation_type.to_owned(),
            source,
            target,
            created: time,
            modified: time,
            author: self.author.clone(),
        };
        let id = relation.id;
        let change = RelationChange {
            before: None,
            after: Some(relation),
        };
        self.apply_relation(&change);
        self.push_undo(Step {
            changes: Vec::new(),
            relations: vec![change],
            conflicts: None,
        });
        Ok(id)
    }

    /// Deletes relation `id` (its passages stay), as one undo step.
    pub fn delete_relation(&mut self, id: Uuid) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let Some(before) = self.sidecar.relations.iter().find(|r| r.id == id).cloned() else {
            return Ok(());
        };
        let change = RelationChange {
            before: Some(before),
            after: None,
        };
        self.apply_relation(&change);
        self.push_undo(Step {
            changes: Vec::new(),
            relations: vec![change],
            conflicts: None,
        });
        Ok(())
    }

    /// Gives relation `id` another type, as one undo step.
    pub fn set_relation_type(&mut self, id: Uuid, relation_type: &str) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let Some(before) = self.sidecar.relations.iter().find(|r| r.id == id).cloned() else {
            return Ok(());
        };
        if before.relation_type == relation_type {
            return Ok(());
        }
        let mut after = before.clone();
        relation_type.clone_into(&mut after.relation_type);
        after.modified = now();
        let change = RelationChange {
            before: Some(before),
            after: Some(after),
        };
        self.apply_relation(&change);
        self.push_undo(Step {
            changes: Vec::new(),
            relations: vec![change],
            conflicts: None,
        });
        Ok(())
    }

    /// The place of `conflict` in the sidecar's `conflicts` list.
    fn conflict_index(&self, conflict: &Conflict) -> Result<usize, StoreError> {
        self.sidecar
            .conflicts
            .iter()
            .position(|c| c == conflict)
            .ok_or(StoreError::NoConflict)
    }

    /// Takes the other value of `conflict` (see [`conflict::take_other_value`]) as one undo
    /// step: the annotation gets the value, and the value it had takes the conflict's place in
    /// the list (a `deleted` conflict deletes the annotation and its relations). Undo brings
    /// back both the value and the entry.
    pub fn take_conflict(
        &mut self,
        document: &Document,
        conflict: &Conflict,
    ) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let index = self.conflict_index(conflict)?;
        let mut next = self.sidecar.clone();
        let id = conflict::take_other_value(&mut next, index, now())?;
        let before = self
            .sidecar
            .annotations
            .iter()
            .find(|a| a.id == id)
            .cloned();
        let mut after = next.annotations.iter().find(|a| a.id == id).cloned();
        if let Some(taken) = after
            .as_mut()
            .filter(|_| conflict.field == conflict::field::TARGET)
        {
            // The other copy's target may describe an older version of the article.
            reanchor(std::slice::from_mut(taken), document);
        }
        let conflicts = (self.sidecar.conflicts.clone(), next.conflicts);
        let change = Change { before, after };
        let relations = self.apply_with_relations(&change, document.paragraphs.len());
        self.sidecar.conflicts.clone_from(&conflicts.1);
        self.revision += 1;
        self.push_undo(Step {
            changes: vec![change],
            relations,
            conflicts: Some(conflicts),
        });
        Ok(())
    }

    /// Dismisses `conflict`: the annotation keeps its current value and the entry leaves the
    /// list, as one undo step (see [`conflict::dismiss`]; nothing else is removed).
    pub fn dismiss_conflict(&mut self, conflict: &Conflict) -> Result<(), StoreError> {
        self.check_editable()?;
        self.coalescing = None;
        let index = self.conflict_index(conflict)?;
        let before = self.sidecar.conflicts.clone();
        conflict::dismiss(&mut self.sidecar, index)?;
        self.revision += 1;
        self.push_undo(Step {
            changes: Vec::new(),
            relations: Vec::new(),
            conflicts: Some((before, self.sidecar.conflicts.clone())),
        });
        Ok(())
    }

    /// The author recorded on new annotations.
    pub fn author(&self) -> &str {
        &self.author
    }
}
