//! The open article's annotations as a working session, without any window: loading the
//! sidecar, every edit through one [`AnnotationSession::apply`], saving in the background
//! with merging when another writer changed the file, and recovery copies when saving
//! fails. The app drives it; headless commands and tests use it directly.

pub mod annotations;
pub mod saver;

use std::path::PathBuf;

pub use annotations::{AnnotationSession, SaveStatus};

/// Writes the session's annotations to `<data dir>/recovery/`; returns the file.
pub fn write_recovery_copy(annotations: &AnnotationSession) -> Option<PathBuf> {
    let json = crate::annotation::sidecar::to_json(annotations.store().sidecar());
    keep_in_data_dir(
        "recovery",
        &annotations.sidecar_file_name(),
        json.as_bytes(),
    )
}

/// Writes `bytes` to `<data dir>/<folder>/<UTC time>-<name>` (atomically); returns the file.
pub fn keep_in_data_dir(folder: &str, name: &str, bytes: &[u8]) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hashiya")?;
    let folder = dirs.data_dir().join(folder);
    std::fs::create_dir_all(&folder).ok()?;
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
    let path = folder.join(format!("{stamp}-{name}"));
    crate::annotation::sidecar::write_atomic(&path, bytes).ok()?;
    Some(path)
}
