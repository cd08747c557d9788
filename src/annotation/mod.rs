//! Annotations as data: the model, sidecar files (atomic writes, merging), and re-anchoring
//! to edited articles. Nothing here knows about the GUI.

pub mod anchor;
pub mod conflict;
pub mod merge;
pub mod model;
pub mod scheme;
pub mod sidecar;
pub mod store;
pub mod target;

pub use anchor::{AnchorMethod, reanchor};
pub use merge::{MergeReport, merge, merge_recording_conflicts, sort_annotations};
pub use model::{
    Annotation, ArticleInfo, ArticleMetadata, Conflict, Deletion, FORMAT_MARKER, FORMAT_VERSION,
    Label, LabelScheme, Relation, Sidecar, Target, TargetKind,
};
pub use sidecar::{SidecarError, sidecar_path};
pub use store::{
    AnnotationStore, Availability, Change, PassageRef, RelationChange, SpanLabels, SpanRelation,
    TargetKey,
};
pub use target::{CharIndex, paragraph_target, sha256_hex};
