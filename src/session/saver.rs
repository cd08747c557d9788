//! Saving sidecars on a background thread, so the window never waits for the disk.
//!
//! Before writing, the saver checks that the file on disk is still the one the app last
//! read or wrote. If someone else changed it (another annotator, a sync tool, `git pull`),
//! nothing is written: the app gets the other version back, merges, and saves again.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::annotation::sidecar::{self, ContentHash, SidecarError};

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

/// The saving thread and its channels.
pub struct Saver {
    requests: mpsc::Sender<SaveRequest>,
    outcomes: mpsc::Receiver<SaveOutcome>,
    in_flight: usize,
}

impl std::fmt::Debug for Saver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Saver")
            .field("in_flight", &self.in_flight)
            .finish_non_exhaustive()
    }
}

impl Saver {
    /// Starts the thread; `wake` is called after each save so the UI can show the result.
    pub fn start(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let (requests, request_receiver) = mpsc::channel::<SaveRequest>();
        let (outcome_sender, outcomes) = mpsc::channel();
        std::thread::Builder::new()
            .name("hashiya-saver".to_owned())
            .spawn(move || {
                for request in request_receiver {
                    // The app may have closed; then nobody needs the answer.
                    if outcome_sender.send(save(request)).is_err() {
                        break;
                    }
                    wake();
                }
            })?;
        Ok(Self {
            requests,
            outcomes,
            in_flight: 0,
        })
    }

    /// Queues a save. Returns the request back if the thread is gone.
    pub fn submit(&mut self, request: SaveRequest) -> Result<(), SaveRequest> {
        self.requests.send(request).map_err(|e| e.0)?;
        self.in_flight += 1;
        Ok(())
    }

    /// True while a save is queued or running.
    pub fn is_busy(&self) -> bool {
        self.in_flight > 0
    }

    /// The next finished save, if any.
    pub fn poll(&mut self) -> Option<SaveOutcome> {
        let outcome = self.outcomes.try_recv().ok()?;
        self.in_flight = self.in_flight.saturating_sub(1);
        Some(outcome)
    }

    /// Waits for every queued save to finish and returns their outcomes.
    pub fn drain(&mut self) -> Vec<SaveOutcome> {
        let mut outcomes = Vec::new();
        while self.in_flight > 0 {
            match self.outcomes.recv() {
                Ok(outcome) => {
                    self.in_flight -= 1;
                    outcomes.push(outcome);
                }
                Err(_) => {
                    self.in_flight = 0;
                }
            }
        }
        outcomes
    }
}
