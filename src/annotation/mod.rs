//! Annotations as data: the model, sidecar files (atomic writes, merging), and re-anchoring
//! to edited articles. Nothing here knows about the GUI.

pub mod anchor;
pub mod merge;
pub mod model;
pub mod scheme;
pub mod sidecar;
pub mod store;
pub mod target;

pub use anchor::{AnchorMethod, reanchor};
pub use merge::{MergeReport, merge, sort_annotations};
pub use model::{
    Annotation, ArticleInfo, ArticleMetadata, Deletion, FORMAT_MARKER, FORMAT_VERSION, Label,
    LabelScheme, Sidecar, Target, TargetKind,
};
pub use sidecar::{SidecarError, sidecar_path};
pub use store::{AnnotationStore, Availability, Change, TargetKey};
pub use target::{CharIndex, paragraph_target, sha256_hex};
