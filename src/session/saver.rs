//! Saving sidecars in the background, so the window never waits for the disk.
//!
//! Before writing, the saver checks that the file on disk is still the one the app last
//! read or wrote. If someone else changed it (another annotator, a sync tool, `git pull`),
//! nothing is written: the app gets the other version back, merges, and saves again.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

use crate::annotation::sidecar::{self, ContentHash, SidecarError};
use crate::jobs::{Job, Poll};

/// One write to do.
#[derive(Debug)]
pub struct SaveRequest {
    /// Where to write.
    pub path: PathBuf,
    /// The complete new content.
    pub bytes: Vec<u8>,
    /// What the app believes is on disk now (`None`: no file yet).
    pub expected: Option<ContentHash>,
    /// The store revision these bytes hold.
    pub revision: u64,
}

/// How a save ended.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written; the file now has this hash.
    Saved {
        path: PathBuf,
        hash: ContentHash,
        revision: u64,
    },
    /// The file changed on disk since the app last saw it; these are its current bytes
    /// (`None`: it was deleted). Nothing was written.
    Conflict {
        path: PathBuf,
        disk: Option<Vec<u8>>,
        revision: u64,
    },
    /// Could not write.
    Failed {
        path: PathBuf,
        error: SidecarError,
        revision: u64,
    },
}

/// Performs one save: check, then write atomically.
pub fn save(request: SaveRequest) -> SaveOutcome {
    let SaveRequest {
        path,
        bytes,
        expected,
        revision,
    } = request;
    // Another writer (a second Hashiya) saving over the same file waits here until this
    // check-and-replace is done, then sees the new file and merges instead of overwriting it.
    // The lock is on the file being replaced and ends when `_lock` is dropped.
    #[cfg(unix)]
    let _lock = crate::files::ensure_regular(&path)
        .and_then(|()| std::fs::File::open(&path))
        .ok()
        .filter(|file| file.lock().is_ok());
    let disk = match crate::files::read_regular(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return SaveOutcome::Failed {
                error: SidecarError::Read {
                    source,
                    path: path.clone(),
                },
                path,
                revision,
            };
        }
    };
    if disk.as_deref().map(sidecar::content_hash) != expected {
        return SaveOutcome::Conflict {
            path,
            disk,
            revision,
        };
    }
    match sidecar::write_atomic(&path, &bytes) {
        Ok(()) => SaveOutcome::Saved {
            hash: sidecar::content_hash(&bytes),
            path,
            revision,
        },
        Err(error) => SaveOutcome::Failed {
            path,
            error,
            revision,
        },
    }
}

/// Saves in the background, one at a time: each save is a [`Job`] of its own.
pub struct Saver {
    wake: Arc<dyn Fn() + Send + Sync>,
    /// The save running now, with its file and revision (to report a save that died).
    in_flight: Option<(Job<SaveOutcome>, PathBuf, u64)>,
    /// Saves that finished while a later one was submitted, oldest first.
    finished: VecDeque<SaveOutcome>,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Saver")
            .field("busy", &self.is_busy())
            .finish_non_exhaustive()
    }
}

impl Saver {
    /// A saver that calls `wake` after each save so the UI can show the result.
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            wake: Arc::new(wake),
            in_flight: None,
            finished: VecDeque::new(),
        }
    }

    /// Starts a save in the background. A save still running finishes first (its outcome
    /// comes out of [`Self::poll`] before this one's), so saves never overtake each other.
    pub fn submit(&mut self, request: SaveRequest) {
        if let Some(outcome) = self.wait_in_flight() {
            self.finished.push_back(outcome);
        }
        let wake = Arc::clone(&self.wake);
        let (path, revision) = (request.path.clone(), request.revision);
        let job = Job::spawn("hashiya-saver", move || wake(), move |_| save(request));
        self.in_flight = Some((job, path, revision));
    }

    /// True while a save is running or its outcome has not been taken.
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some() || !self.finished.is_empty()
    }

    /// The next finished save, if any.
    pub fn poll(&mut self) -> Option<SaveOutcome> {
        if let Some(outcome) = self.finished.pop_front() {
            return Some(outcome);
        }
        let (job, ..) = self.in_flight.as_mut()?;
        let outcome = match job.poll() {
            Poll::Pending => return None,
            Poll::Ready(outcome) => outcome,
            Poll::Done => {
                let (_, path, revision) = self.in_flight.take()?;
                stopped(path, revision)
            }
        };
        self.in_flight = None;
        Some(outcome)
    }

    /// Waits for every submitted save to finish and returns their outcomes.
    pub fn drain(&mut self) -> Vec<SaveOutcome> {
        let mut outcomes: Vec<SaveOutcome> = self.finished.drain(..).collect();
        outcomes.extend(self.wait_in_flight());
        outcomes
    }

    /// Waits for the running save, if any.
    fn wait_in_flight(&mut self) -> Option<SaveOutcome> {
        let (mut job, path, revision) = self.in_flight.take()?;
        Some(job.wait().unwrap_or_else(|| stopped(path, revision)))
    }
}

/// The outcome of a save whose work ended without one (it panicked): a failure, so the
/// changes stay unsaved, the user is told, and saving is tried again later.
fn stopped(path: PathBuf, revision: u64) -> SaveOutcome {
    SaveOutcome::Failed {
        error: SidecarError::Write {
            source: std::io::Error::other(crate::tr!("error-save-stopped")),
            path: path.clone(),
        },
        path,
        revision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_finish_in_the_order_submitted_and_then_the_saver_is_idle() {
        let dir = tempfile::tempdir().unwrap();
        let request = |name: &str, revision| SaveRequest {
            path: dir.path().join(name),
            bytes: format!("{{\"revision\":{revision}}}").into_bytes(),
            expected: None,
            revision,
        };
        let mut saver = Saver::new(|| {});
        assert!(!saver.is_busy());
        saver.submit(request("a.json", 1));
        assert!(saver.is_busy());
        // The second waits for the first, whose outcome is kept for `poll`.
        saver.submit(request("b.json", 2));
        let written = |outcome: Option<SaveOutcome>| match outcome {
            Some(SaveOutcome::Saved { path, revision, .. }) => (path, revision),
            other => panic!("not saved: {other:?}"),
        };
        assert_eq!(written(saver.poll()), (dir.path().join("a.json"), 1));
        let rest = saver.drain();
        assert_eq!(rest.len(), 1);
        assert_eq!(
            written(rest.into_iter().next()),
            (dir.path().join("b.json"), 2)
        );
        assert!(!saver.is_busy());
        assert!(saver.poll().is_none());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.json")).unwrap(),
            "{\"revision\":2}"
        );
    }
}
