//! The thread that saves for the reader. It owns the changes not yet on disk, so the event loop
//! never waits on the file or on another kanbao's lock: it sends changes and reads back
//! [`Outcome`]s. A change that could not be saved stays queued and goes with the next save (and
//! the last one, on quitting); the reading position is saved a moment after the last move.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use super::{Change, Store};

/// After this long waiting for another kanbao's lock, the reader is told.
const TELL_WAITING: Duration = Duration::from_millis(100);
/// How often the lock is tried while another kanbao holds it.
const RETRY: Duration = Duration::from_millis(20);

/// What became of the changes sent so far, as the reader is to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Everything sent is on disk; `recovered` when earlier saves had failed.
    Saved {
        /// Changes had been left unsaved before this save.
        recovered: bool,
    },
    /// Another kanbao holds the lock; the changes wait (and the reader goes on).
    Waiting {
        /// Changes not on disk.
        unsaved: usize,
    },
    /// The save failed; the changes stay queued for the next one.
    Failed {
        /// Changes not on disk.
        unsaved: usize,
        /// Why, in one line.
        error: String,
    },
    /// The file was damaged and kept aside; what was sent is saved in a fresh file.
    Damaged {
        /// What happened, in one line.
        error: String,
    },
}

/// What is left unsaved, when asked at a flush or at the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Changes not on disk (the position counts as one).
    pub unsaved: usize,
    /// Why, when something is unsaved.
    pub error: Option<String>,
}

enum Msg {
    Change(Change),
    Position(Change),
    /// Save now; answer on the sender (if any) once done, giving up at the deadline (if any).
    Flush(Option<Sender<Report>>, Option<Instant>),
    /// As `Flush`, then stop.
    Finish(Sender<Report>, Instant),
}

/// Counts of messages sent and of those dealt with, so the event loop knows when it may look
/// for outcomes less often.
#[derive(Default)]
struct Counts {
    sent: AtomicU64,
    settled: AtomicU64,
}

/// The saving thread, seen from the event loop.
pub struct Writer {
    tx: Sender<Msg>,
    outcomes: Receiver<Outcome>,
    counts: Arc<Counts>,
}

/// A way to finish the writer from another thread (the one that handles signals).
#[derive(Clone)]
pub struct Handle {
    tx: Sender<Msg>,
    counts: Arc<Counts>,
}

impl Writer {
    /// Starts the thread saving to `store`; positions are saved `delay` after the last one
    /// sent.
    pub fn spawn(store: Store, delay: Duration) -> Writer {
        let (tx, rx) = mpsc::channel();
        let (out, outcomes) = mpsc::channel();
        let counts = Arc::new(Counts::default());
        let state = State {
            store,
            delay,
            queue: Vec::new(),
            position: None,
            due: None,
            ids: HashMap::new(),
            failing: false,
            error: None,
            absorbed: 0,
            out,
            counts: Arc::clone(&counts),
        };
        std::thread::spawn(move || state.run(&rx));
        Writer {
            tx,
            outcomes,
            counts,
        }
    }

    /// Queues `change`: a bookmark's is saved at once; a position is saved `delay` after the
    /// last one (a held-down key does not write the file at every step).
    pub fn send(&self, change: Change) {
        let msg = match change {
            Change::Position { .. } => Msg::Position(change),
            change => Msg::Change(change),
        };
        send(&self.tx, &self.counts, msg);
    }

    /// Saves what is queued now and waits for it, at most `wait`.
    pub fn flush_wait(&self, wait: Duration) -> Report {
        let (reply, answer) = mpsc::channel();
        let deadline = Instant::now() + wait;
        if !send(
            &self.tx,
            &self.counts,
            Msg::Flush(Some(reply), Some(deadline)),
        ) {
            return Report::default();
        }
        wait_report(&answer, deadline)
    }

    /// The next outcome, if one has come.
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcomes.try_recv().ok()
    }

    /// Whether everything sent has been dealt with (saved, or failed and waiting for the next
    /// save): then outcomes need not be looked for often.
    pub fn settled(&self) -> bool {
        self.counts.settled.load(Ordering::Acquire) >= self.counts.sent.load(Ordering::Acquire)
    }

    /// A handle to finish the writer from another thread.
    pub fn handle(&self) -> Handle {
        Handle {
            tx: self.tx.clone(),
            counts: Arc::clone(&self.counts),
        }
    }
}

impl Drop for Writer {
    /// The reader's thread unwinding from a panic still saves what was queued (a moment at
    /// most); after a finish this returns at once.
    fn drop(&mut self) {
        let _ = self.handle().finish(Duration::from_secs(1));
    }
}

impl Handle {
    /// Saves everything queued, waiting at most `wait` (for another kanbao's lock, say), and
    /// stops the thread: what is still unsaved.
    pub fn finish(&self, wait: Duration) -> Report {
        let (reply, answer) = mpsc::channel();
        let deadline = Instant::now() + wait;
        if !send(&self.tx, &self.counts, Msg::Finish(reply, deadline)) {
            // Finished already.
            return Report::default();
        }
        wait_report(&answer, deadline)
    }
}

/// Whether the thread took the message: it is gone only after a finish (nothing more is saved
/// then, by design).
fn send(tx: &Sender<Msg>, counts: &Counts, msg: Msg) -> bool {
    counts.sent.fetch_add(1, Ordering::AcqRel);
    tx.send(msg).is_ok()
}

/// The answer to a flush or finish, or, past the deadline (the thread is busy elsewhere),
/// a report that says something may be unsaved.
fn wait_report(answer: &Receiver<Report>, deadline: Instant) -> Report {
    // A moment past the deadline: the thread gives up at the deadline itself, then answers.
    let wait = deadline.saturating_duration_since(Instant::now()) + Duration::from_millis(300);
    answer.recv_timeout(wait).unwrap_or_else(|_| Report {
        unsaved: 1,
        error: Some("the bookmarks could not be saved in time".into()),
    })
}

/// The thread's own state: the queue of unsaved changes, and what it told the reader.
struct State {
    store: Store,
    delay: Duration,
    /// Bookmark changes not on disk, in the order made.
    queue: Vec<Change>,
    /// The latest position not on disk.
    position: Option<Change>,
    /// When the position is to be saved.
    due: Option<Instant>,
    /// Bookmarks of ours that had to take another id (theirs was taken): old id to new.
    ids: HashMap<u64, u64>,
    /// The last save failed.
    failing: bool,
    /// Why.
    error: Option<String>,
    /// Messages taken in.
    absorbed: u64,
    out: Sender<Outcome>,
    counts: Arc<Counts>,
}

/// What the messages taken in ask for.
#[derive(Default)]
struct Job {
    now: bool,
    replies: Vec<Sender<Report>>,
    deadline: Option<Instant>,
    finish: bool,
}

impl Job {
    /// The earliest deadline asked for wins.
    fn limit(&mut self, deadline: Option<Instant>) {
        if let Some(d) = deadline {
            self.deadline = Some(self.deadline.map_or(d, |old| old.min(d)));
        }
    }
}

impl State {
    fn run(mut self, rx: &Receiver<Msg>) {
        loop {
            let first = match self.due {
                Some(due) => rx.recv_timeout(due.saturating_duration_since(Instant::now())),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let mut job = Job::default();
            match first {
                Ok(msg) => self.absorb(msg, &mut job),
                Err(RecvTimeoutError::Timeout) => job.now = true,
                // The reader is gone without finishing (it panicked): a last try.
                Err(RecvTimeoutError::Disconnected) => {
                    job.now = true;
                    job.finish = true;
                    job.deadline = Some(Instant::now() + Duration::from_secs(1));
                }
            }
            if job.now {
                self.attempt(rx, &mut job);
            }
            if self.due.is_none() {
                self.counts.settled.store(self.absorbed, Ordering::Release);
            }
            let report = self.report();
            for reply in job.replies {
                let _ = reply.send(report.clone());
            }
            if job.finish {
                return;
            }
        }
    }

    fn absorb(&mut self, msg: Msg, job: &mut Job) {
        self.absorbed += 1;
        match msg {
            Msg::Change(change) => {
                self.queue.push(change);
                job.now = true;
            }
            Msg::Position(change) => {
                self.position = Some(change);
                self.due = Some(Instant::now() + self.delay);
            }
            Msg::Flush(reply, deadline) => {
                job.now = true;
                job.replies.extend(reply);
                job.limit(deadline);
            }
            Msg::Finish(reply, deadline) => {
                job.now = true;
                job.finish = true;
                job.replies.push(reply);
                job.limit(Some(deadline));
            }
        }
    }

    fn unsaved(&self) -> usize {
        self.queue.len() + usize::from(self.position.is_some())
    }

    fn report(&self) -> Report {
        let unsaved = self.unsaved();
        Report {
            unsaved,
            error: (unsaved > 0).then(|| {
                self.error
                    .clone()
                    .unwrap_or_else(|| "not saved yet".to_string())
            }),
        }
    }

    fn tell(&self, outcome: Outcome) {
        let _ = self.out.send(outcome);
    }

    fn fail(&mut self, error: String) {
        self.failing = true;
        self.error = Some(error.clone());
        self.tell(Outcome::Failed {
            unsaved: self.unsaved(),
            error,
        });
    }

    /// One save of everything queued: waits (without end, unless a flush set a deadline) for
    /// another kanbao's lock, taking in what is sent meanwhile.
    fn attempt(&mut self, rx: &Receiver<Msg>, job: &mut Job) {
        self.due = None;
        while let Ok(msg) = rx.try_recv() {
            self.absorb(msg, job);
        }
        if self.unsaved() == 0 {
            return;
        }
        let started = Instant::now();
        let mut told = false;
        let lock = loop {
            match self.store.try_lock() {
                Err(e) => return self.fail(e.to_string()),
                Ok(Some(lock)) => break lock,
                Ok(None) => {}
            }
            if !told && started.elapsed() >= TELL_WAITING {
                told = true;
                self.tell(Outcome::Waiting {
                    unsaved: self.unsaved(),
                });
            }
            if job.deadline.is_some_and(|d| Instant::now() >= d) {
                return self.fail("another kanbao holds the bookmarks file's lock".into());
            }
            match rx.recv_timeout(RETRY) {
                Ok(msg) => self.absorb(msg, job),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    job.finish = true;
                    job.deadline
                        .get_or_insert(Instant::now() + Duration::from_secs(1));
                }
            }
        };
        while let Ok(msg) = rx.try_recv() {
            self.absorb(msg, job);
        }
        // A newer position waits for its own moment no more: it goes with this save.
        self.due = None;
        let mut ids = self.ids.clone();
        // The position first: its read articles only ever add, so an article marked unread
        // (`u`) since it was taken must come after it, or the position would read it again.
        let changes: Vec<Change> = self.position.iter().chain(&self.queue).cloned().collect();
        let result = self.store.update(&lock, |saved| {
            for mut change in changes {
                let old = change.id_mut().map(|id| *id);
                if let (Some(id), Some(old)) = (change.id_mut(), old)
                    && let Some(&new) = ids.get(&old)
                {
                    *id = new;
                }
                if let (Some(new), Some(old)) = (change.apply(saved), old) {
                    ids.insert(old, new);
                }
            }
        });
        drop(lock);
        match result {
            Ok(updated) => {
                self.queue.clear();
                self.position = None;
                self.ids = ids;
                let recovered = std::mem::take(&mut self.failing);
                self.error = None;
                match updated.damaged {
                    Some(e) => self.tell(Outcome::Damaged {
                        error: e.to_string(),
                    }),
                    None => self.tell(Outcome::Saved { recovered }),
                }
            }
            Err(e) => self.fail(e.to_string()),
        }
    }
}
