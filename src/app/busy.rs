//! Remembers work that could bring the whole process down (reading an article, indexing a
//! folder), so that a crash in it does not repeat at every start.
//!
//! Before such work starts, a small marker file naming it is written to
//! `$XDG_STATE_HOME/hashiya/busy/`; it is removed when the work ends, however it ends, short
//! of the process dying. At the next start, a marker left by a process that is no longer
//! running names work that killed it: that folder or article is not reopened by itself, and
//! the user is told.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::tr;

/// What a marker is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BusyKind {
    /// Reading an article.
    Opening,
    /// Listing and indexing a folder.
    Indexing,
    /// Splitting a bundle into articles (File ▸ Import Bundle…).
    Importing,
}

impl BusyKind {
    fn tag(self) -> &'static str {
        match self {
            Self::Opening => "opening",
            Self::Indexing => "indexing",
            Self::Importing => "importing",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "opening" => Some(Self::Opening),
            "indexing" => Some(Self::Indexing),
            "importing" => Some(Self::Importing),
            _ => None,
        }
    }
}

/// Work that was running when an earlier Hashiya stopped without finishing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interrupted {
    /// What it was doing.
    pub kind: BusyKind,
    /// The article or folder.
    pub path: PathBuf,
}

/// The folder for markers, if the platform has one.
pub fn default_dir() -> Option<PathBuf> {
    Some(super::crash::state_dir()?.join("busy"))
}

/// A marker on disk while it lives.
#[derive(Debug)]
pub struct BusyMarker {
    file: PathBuf,
}

impl BusyMarker {
    /// Writes a marker for `kind` work on `path` into `dir`. `None` when it cannot be written
    /// (the work goes ahead unguarded; this is logged).
    pub fn begin(dir: &Path, kind: BusyKind, path: &Path) -> Option<Self> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let serial = NEXT.fetch_add(1, Ordering::Relaxed);
        let file = dir.join(format!("{}-{serial}-{}", std::process::id(), kind.tag()));
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&file, path.as_os_str().as_encoded_bytes()));
        match written {
            Ok(()) => Some(Self { file }),
            Err(error) => {
                log::warn!("could not write {}: {error}", file.display());
                None
            }
        }
    }
}

impl Drop for BusyMarker {
    fn drop(&mut self) {
        match std::fs::remove_file(&self.file) {
            // Already cleared at exit.
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                log::warn!("could not remove {}: {error}", self.file.display());
            }
            _ => {}
        }
    }
}

/// Whether the process with id `pid` is still running (on systems with `/proc`; elsewhere
/// every process counts as running, so no marker is taken for a crash).
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Takes the markers that processes no longer running left in `dir`: the work they were
/// doing when they died. The markers are removed, so each is reported once.
pub fn take_interrupted(dir: &Path) -> Vec<Interrupted> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let mut parts = name.splitn(3, '-');
        let (Some(pid), Some(_serial), Some(tag)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let (Ok(pid), Some(kind)) = (pid.parse::<u32>(), BusyKind::from_tag(tag)) else {
            continue;
        };
        if pid == std::process::id() || is_running(pid) {
            continue;
        }
        let file = entry.path();
        if let Ok(bytes) = std::fs::read(&file) {
            // Written from `as_encoded_bytes` on this platform by an earlier run.
            let path = PathBuf::from(String::from_utf8_lossy(&bytes).into_owned());
            found.push(Interrupted { kind, path });
        }
        if let Err(error) = std::fs::remove_file(&file) {
            log::warn!("could not remove {}: {error}", file.display());
        }
    }
    found
}

/// Removes this process's markers: at a normal exit, work still running is abandoned, not
/// crashed.
pub fn clear_own(dir: &Path) {
    let prefix = format!("{}-", std::process::id());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix)
            && let Err(error) = std::fs::remove_file(entry.path())
        {
            log::warn!("could not remove {}: {error}", entry.path().display());
        }
    }
}

/// The message for work that stopped an earlier run.
pub fn describe(interrupted: &Interrupted) -> String {
    match interrupted.kind {
        BusyKind::Opening => tr!("message-stopped-opening", path = &interrupted.path),
        BusyKind::Indexing => tr!("message-stopped-indexing", path = &interrupted.path),
        BusyKind::Importing => tr!("message-stopped-importing", path = &interrupted.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id of a process that has ended.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn markers_of_live_work_are_removed_and_of_dead_processes_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Path::new("/tmp/مقالات");
        {
            let _marker = BusyMarker::begin(dir.path(), BusyKind::Indexing, folder).unwrap();
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
            // Our own markers are never taken for a crash.
            assert!(take_interrupted(dir.path()).is_empty());
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "removed");

        let pid = dead_pid();
        std::fs::write(
            dir.path().join(format!("{pid}-0-indexing")),
            folder.as_os_str().as_encoded_bytes(),
        )
        .unwrap();
        std::fs::write(dir.path().join(format!("{pid}-1-opening")), "/tmp/d.html").unwrap();
        std::fs::write(dir.path().join("junk"), "x").unwrap();
        let mut found = take_interrupted(dir.path());
        found.sort_by_key(|i| i.path.clone());
        assert_eq!(
            found,
            [
                Interrupted {
                    kind: BusyKind::Opening,
                    path: PathBuf::from("/tmp/d.html")
                },
                Interrupted {
                    kind: BusyKind::Indexing,
                    path: folder.to_owned()
                },
            ]
        );
        assert!(take_interrupted(dir.path()).is_empty(), "reported once");
        assert!(describe(&found[1]).ends_with("/tmp/مقالات"));
    }

    #[test]
    fn an_import_that_stopped_a_run_names_its_bundle() {
        let dir = tempfile::tempdir().unwrap();
        let pid = dead_pid();
        std::fs::write(
            dir.path().join(format!("{pid}-0-importing")),
            "/tmp/nexis.docx",
        )
        .unwrap();
        let found = take_interrupted(dir.path());
        assert_eq!(
            found,
            [Interrupted {
                kind: BusyKind::Importing,
                path: PathBuf::from("/tmp/nexis.docx")
            }]
        );
        let message = describe(&found[0]);
        assert!(message.contains("importing this bundle"), "{message}");
        assert!(message.ends_with("/tmp/nexis.docx"), "{message}");
    }
}
