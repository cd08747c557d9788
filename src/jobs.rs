//! Background work for the window: one [`Job`] type for everything that must not block a
//! frame (loading an article, indexing a folder, searching it, saving, measuring agreement,
//! file dialogs).
//!
//! A job runs its work on a named thread and delivers either one result ([`Job::spawn`]) or
//! a stream of messages ([`Job::stream`]); the window asks each frame with [`Job::poll`].
//! Dropping the job cancels it: the work sees [`Cancel::is_cancelled`] and its messages go
//! nowhere. Every message, and the end of the work, calls the `wake` given at the start (the
//! app passes `ctx.request_repaint`), so the window looks again without polling on a timer.
//! A job whose work panicked ends as [`Poll::Done`] without a result, and when no thread can
//! be started the work runs on the calling thread rather than being lost.
//!
//! `poll-promise` was considered. It delivers one value only (no progress messages, which
//! indexing and corpus search need), has no cancellation and no wake-up, panics on the
//! polling thread when the worker died without an answer, and panics when a thread cannot be
//! spawned; so this module is Hashiya's own, and small.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

/// What a [`Job`] has for the caller now.
#[derive(Debug, PartialEq, Eq)]
pub enum Poll<T> {
    /// Nothing yet; the work is still running.
    Pending,
    /// The result, or the next message of a stream.
    Ready(T),
    /// The work has ended and everything it sent has been taken (or it died without a
    /// result). Polling again gives `Done` again.
    Done,
}

/// The cancel flag a job's work reads; set when the [`Job`] is dropped.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// True once nobody waits for the work any more: it should stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// The flag itself, for functions that take an `&AtomicBool`.
    pub fn flag(&self) -> &AtomicBool {
        &self.0
    }
}

/// Called after each message and when the work ends.
type Wake = Arc<dyn Fn() + Send + Sync>;

/// The sending end of a [`Job`]: the work of a stream gets it, and [`Job::channel`] hands
/// it to whoever will answer. Dropping it ends the job.
pub struct Sender<T> {
    channel: Option<mpsc::Sender<T>>,
    cancel: Cancel,
    wake: Wake,
}

impl<T> std::fmt::Debug for Sender<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sender")
            .field("cancelled", &self.cancel.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl<T> Sender<T> {
    /// Delivers `value` and wakes the caller. Returns false when the job was dropped (the
    /// value is thrown away; the work should stop).
    pub fn send(&self, value: T) -> bool {
        let delivered = self
            .channel
            .as_ref()
            .is_some_and(|sender| sender.send(value).is_ok());
        if delivered {
            (self.wake)();
        }
        delivered
    }

    /// True once the job was dropped.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// The job's cancel flag.
    pub fn cancel(&self) -> &Cancel {
        &self.cancel
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        // The channel closes first, so the caller woken here sees the end.
        self.channel = None;
        (self.wake)();
    }
}

/// Work running in the background, as seen by the thread that waits for it.
pub struct Job<T> {
    /// `None` once the end has been seen.
    receiver: Option<mpsc::Receiver<T>>,
    cancel: Cancel,
}

impl<T> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("done", &self.receiver.is_none())
            .finish_non_exhaustive()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.cancel.0.store(true, Ordering::Relaxed);
    }
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a thread called `name`; its return value is the job's one result.
    /// `wake` is called when the result is there (and when the work ends without one).
    pub fn spawn(
        name: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
    ) -> Self {
        Self::stream(name, wake, move |sender| {
            let value = work(sender.cancel());
            sender.send(value);
        })
    }

    /// Runs `work` on a thread called `name`; it sends any number of messages, and the job
    /// is [`Poll::Done`] once it returns and they are all taken. `wake` is called after each
    /// message and at the end.
    pub fn stream(
        name: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Sender<T>) + Send + 'static,
    ) -> Self {
        Self::stream_with(
            |task| {
                std::thread::Builder::new()
                    .name(name.to_owned())
                    .spawn(task)
                    .map(drop)
            },
            name,
            wake,
            work,
        )
    }

    /// [`Self::stream`], starting threads with `spawn`.
    fn stream_with(
        spawn: impl FnOnce(Box<dyn FnOnce() + Send>) -> std::io::Result<()>,
        name: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&Sender<T>) + Send + 'static,
    ) -> Self {
        let (sender, job) = Self::channel(wake);
        // The thread takes the work from here; if no thread starts, this thread does.
        let slot = Arc::new(Mutex::new(Some((work, sender))));
        let thread_slot = Arc::clone(&slot);
        let started = spawn(Box::new(move || {
            if let Some((work, sender)) = take(&thread_slot) {
                work(&sender);
            }
        }));
        if let Err(error) = started {
            log::warn!("could not start a thread for {name} ({error}); working on this thread");
            if let Some((work, sender)) = take(&slot) {
                // A panic ends the job without a result, as it would on a thread.
                std::panic::catch_unwind(AssertUnwindSafe(move || work(&sender))).ok();
            }
        }
        job
    }

    /// A job answered by whoever holds the returned [`Sender`] (a dialog, say) rather than
    /// by a thread of its own. `wake` is called after each message and when the sender is
    /// dropped.
    pub fn channel(wake: impl Fn() + Send + Sync + 'static) -> (Sender<T>, Self) {
        let (sender, receiver) = mpsc::channel();
        let cancel = Cancel::default();
        let sender = Sender {
            channel: Some(sender),
            cancel: cancel.clone(),
            wake: Arc::new(wake),
        };
        let job = Self {
            receiver: Some(receiver),
            cancel,
        };
        (sender, job)
    }

    /// A job that already has its result (for pickers in tests, answers known at once).
    pub fn ready(value: T) -> Self {
        let (sender, receiver) = mpsc::channel();
        // The receiver is alive: it is returned below.
        sender.send(value).ok();
        Self {
            receiver: Some(receiver),
            cancel: Cancel::default(),
        }
    }
}

impl<T> Job<T> {
    /// The result or next message if there is one, without waiting.
    pub fn poll(&mut self) -> Poll<T> {
        let Some(receiver) = &self.receiver else {
            return Poll::Done;
        };
        match receiver.try_recv() {
            Ok(value) => Poll::Ready(value),
            Err(mpsc::TryRecvError::Empty) => Poll::Pending,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.receiver = None;
                Poll::Done
            }
        }
    }

    /// Waits for the result or next message; `None` when the work has ended without one
    /// (for tests, headless use, and saving before exit).
    pub fn wait(&mut self) -> Option<T> {
        let value = self.receiver.as_ref()?.recv().ok();
        if value.is_none() {
            self.receiver = None;
        }
        value
    }
}

/// Takes what `slot` holds (once).
fn take<W>(slot: &Mutex<Option<W>>) -> Option<W> {
    // A poisoned lock still holds the work: only `take` touches it, and it cannot panic.
    slot.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Long enough that only a broken job waits this long; a guard against hanging, not a
    /// timing assertion.
    const HANG: Duration = Duration::from_secs(60);

    fn no_wake() {}

    #[test]
    fn a_result_arrives_once_and_then_the_job_is_done() {
        let (gate, opened) = mpsc::channel::<()>();
        let mut job = Job::spawn("test-result", no_wake, move |_| {
            opened.recv_timeout(HANG).ok();
            6 * 7
        });
        // The work waits for the gate, so nothing can be there yet.
        assert_eq!(job.poll(), Poll::Pending);
        gate.send(()).unwrap();
        assert_eq!(job.wait(), Some(42));
        assert_eq!(job.wait(), None);
        assert_eq!(job.poll(), Poll::Done);
        assert_eq!(job.poll(), Poll::Done);
    }

    #[test]
    fn a_stream_delivers_every_message_in_order_then_ends() {
        let mut job = Job::stream("test-stream", no_wake, |sender| {
            for i in 0..5 {
                assert!(sender.send(i));
            }
        });
        let mut got = Vec::new();
        while let Some(i) = job.wait() {
            got.push(i);
        }
        assert_eq!(got, [0, 1, 2, 3, 4]);
        assert_eq!(job.poll(), Poll::Done);
    }

    #[test]
    fn polling_takes_messages_without_waiting() {
        let (gate, opened) = mpsc::channel::<()>();
        let mut job = Job::stream("test-poll", no_wake, move |sender| {
            sender.send("first");
            opened.recv_timeout(HANG).ok();
            sender.send("second");
        });
        assert_eq!(job.wait(), Some("first"));
        // The second message waits for the gate.
        assert_eq!(job.poll(), Poll::Pending);
        gate.send(()).unwrap();
        assert_eq!(job.wait(), Some("second"));
        assert_eq!(job.wait(), None);
    }

    #[test]
    fn dropping_the_job_cancels_the_work() {
        let (report, reported) = mpsc::channel();
        let (started, running) = mpsc::channel();
        let job = Job::<()>::stream("test-cancel", no_wake, move |sender| {
            started.send(()).unwrap();
            while !sender.is_cancelled() {
                std::thread::yield_now();
            }
            // Nobody listens any more: sending fails.
            report
                .send((
                    sender.cancel().flag().load(Ordering::Relaxed),
                    sender.send(()),
                ))
                .unwrap();
        });
        running.recv_timeout(HANG).unwrap();
        drop(job);
        assert_eq!(reported.recv_timeout(HANG), Ok((true, false)));
    }

    #[test]
    fn a_panicking_worker_ends_the_job_without_a_result() {
        let mut job = Job::<u32>::spawn("test-panic", no_wake, |_| panic!("a test panic"));
        assert_eq!(job.wait(), None);
        assert_eq!(job.poll(), Poll::Done);
    }

    #[test]
    fn wake_is_called_for_each_message_and_at_the_end() {
        let (woken, wakes) = mpsc::channel();
        let woken = Mutex::new(woken);
        let wake = move || woken.lock().unwrap().send(()).unwrap();
        let mut job = Job::stream("test-wake", wake, |sender| {
            sender.send(1);
            sender.send(2);
        });
        while job.wait().is_some() {}
        // Two messages and the end; then the wake is dropped with the work, so the count is
        // complete when the channel closes.
        let count = std::iter::from_fn(|| wakes.recv_timeout(HANG).ok()).count();
        assert_eq!(count, 3);
    }

    #[test]
    fn a_job_that_cannot_get_a_thread_runs_here() {
        let caller = std::thread::current().id();
        let mut job = Job::stream_with(
            |_| Err(std::io::Error::other("no threads left")),
            "test-inline",
            no_wake,
            move |sender| {
                sender.send(std::thread::current().id() == caller);
            },
        );
        assert_eq!(job.poll(), Poll::Ready(true));
        assert_eq!(job.poll(), Poll::Done);
        // A panic there is contained too.
        let mut job = Job::<u8>::stream_with(
            |_| Err(std::io::Error::other("no threads left")),
            "test-inline-panic",
            no_wake,
            |_| panic!("a test panic"),
        );
        assert_eq!(job.poll(), Poll::Done);
    }

    #[test]
    fn a_ready_job_answers_at_once() {
        let mut job = Job::ready("answer");
        assert_eq!(job.poll(), Poll::Ready("answer"));
        assert_eq!(job.poll(), Poll::Done);
    }

    #[test]
    fn a_channel_job_ends_when_its_sender_goes() {
        let (sender, mut job) = Job::<u8>::channel(no_wake);
        assert_eq!(job.poll(), Poll::Pending);
        drop(sender);
        assert_eq!(job.poll(), Poll::Done);
        let (sender, job) = Job::<u8>::channel(no_wake);
        assert!(!sender.is_cancelled());
        drop(job);
        assert!(sender.is_cancelled());
        assert!(!sender.send(1));
    }
}
