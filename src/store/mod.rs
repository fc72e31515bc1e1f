//! Bookmarks and reading positions on disk: one human-readable TOML file in the user's data
//! directory, keyed by a fingerprint of each newsletter's bytes.
//!
//! Nothing saved may be lost: every write goes to a temporary file beside the file, is
//! flushed to disk and renamed over the old one, so a crash leaves the old file or the new
//! one. Writers take a lock and apply their changes to what is on disk at that moment, so two
//! kanbao processes keep each other's bookmarks; readers need no lock (a rename is atomic). A
//! damaged file is moved aside, never overwritten; one from a newer kanbao is left alone.
//!
//! One job a file: [`model`] is what is saved and how changes merge, `file` the file itself
//! (safe reads, atomic writes, the lock), [`writer`] the thread that saves for the reader
//! without ever making it wait, `clock` the time.

mod clock;
mod file;
pub mod history;
pub mod model;
pub mod writer;

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::source::fingerprint::{Fingerprint, fingerprint};
pub use clock::{format_time, now_millis, now_secs};
pub use file::MAX_SIZE;
pub use model::{Bookmark, Change, Pane, Record, Saved, new_id};
pub use writer::{Outcome, Report, Writer};

use file::{Contents, Refused};

/// The file format's version, written into every file.
pub const FORMAT_VERSION: u32 = 1;
/// The file's name in the data directory.
pub const FILE_NAME: &str = "bookmarks.toml";
/// How long the reader's thread may wait for another kanbao's lock (to move a damaged file
/// aside at start-up): longer would freeze the screen.
const QUICK: Duration = Duration::from_millis(100);
/// The line at the top of every file written.
const HEADER: &str = "# kanbao's bookmarks and reading positions. Safe to read; edit with care.\n";

/// What can go wrong with the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The user's data directory could not be found.
    #[error("no data directory for this user: bookmarks cannot be saved")]
    NoDataDir,
    /// Reading or writing failed. The cause is part of the message, not a separate source, so
    /// an error chain prints it once.
    #[error("{path}: {cause}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        cause: io::Error,
    },
    /// The directory cannot be written (read-only, or not ours): what is saved can be read,
    /// changes cannot be saved.
    #[error("{path} cannot be written ({cause}): changes are not saved")]
    ReadOnly {
        /// The directory or file.
        path: PathBuf,
        /// Why.
        cause: io::Error,
    },
    /// The file was written by a newer kanbao: it is left as it is and nothing is saved.
    #[error(
        "{path} is from a newer kanbao (format {version}); bookmarks are not saved until kanbao is updated"
    )]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its format's version.
        version: i64,
    },
    /// The file could not be read as bookmarks; it was moved aside.
    #[error("{path} was damaged ({reason}); it was kept as {aside}")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Where it went.
        aside: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// The file could not be read as bookmarks and could not be moved aside yet (another
    /// kanbao holds the lock, or the directory is read-only): it is left as it is.
    #[error("{path} is damaged ({reason}); it is left as it is for now")]
    DamagedInPlace {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// The path is not a plain file of a sane size: it is neither read nor written.
    #[error("{path} is {what}: not read, and nothing is saved (kanbao needs a plain file there)")]
    Refused {
        /// The file.
        path: PathBuf,
        /// What it is instead ("a FIFO", "80 MiB, too large for bookmarks").
        what: String,
    },
}

impl StoreError {
    fn io(path: &Path, cause: io::Error) -> StoreError {
        if file::is_read_only(&cause) {
            return StoreError::ReadOnly {
                path: path.to_path_buf(),
                cause,
            };
        }
        StoreError::Io {
            path: path.to_path_buf(),
            cause,
        }
    }
}

/// The lock on the bookmarks file, held until dropped; proof for [`Store::update`] that no
/// other kanbao writes meanwhile.
#[derive(Debug)]
pub struct Locked {
    _file: File,
}

/// What [`Store::update`] wrote.
#[derive(Debug)]
pub struct Updated {
    /// The file's content now.
    pub saved: Saved,
    /// The file was damaged and kept aside ([`StoreError::Damaged`]); the changes went into
    /// a fresh one.
    pub damaged: Option<StoreError>,
}

/// The bookmarks file in a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store in the user's data directory (`$XDG_DATA_HOME/kanbao` on Linux).
    pub fn user() -> Result<Store, StoreError> {
        let dirs = directories::ProjectDirs::from("", "", "kanbao").ok_or(StoreError::NoDataDir)?;
        Ok(Store::at(dirs.data_dir()))
    }

    /// The store in `dir`.
    pub fn at(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
        }
    }

    /// The bookmarks file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{FILE_NAME}.lock"))
    }

    /// Reads everything saved, without waiting for other kanbao: no file yet is nothing saved;
    /// a read-only directory is read all the same. A damaged file is moved aside (when the
    /// lock comes within a moment) and reported as [`StoreError::Damaged`]; a file from a
    /// newer kanbao is left alone ([`StoreError::Newer`]), as is anything that is not a plain
    /// file ([`StoreError::Refused`]).
    pub fn load(&self) -> Result<Saved, StoreError> {
        // No lock: the file is only ever replaced whole, so this is the old one or the new one.
        let reason = match self.read_file()? {
            Ok(saved) => return Ok(saved),
            Err(reason) => reason,
        };
        // Damaged, as far as can be seen without the lock. Under it (if it comes at once),
        // look again and keep the file aside; otherwise the next save does.
        let path = self.path();
        let lock = self
            .dir
            .is_dir()
            .then(|| self.try_lock_for(QUICK))
            .flatten();
        match lock {
            Some(lock) => self.load_locked(&lock),
            None => Err(StoreError::DamagedInPlace { path, reason }),
        }
    }

    /// Whether changes can be saved here: the directory made and the lock file opened for
    /// writing (not locked). `Err` says why not, e.g. [`StoreError::ReadOnly`].
    pub fn writable(&self) -> Result<(), StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let lock_path = self.lock_path();
        file::open_lock(&lock_path).map_err(|e| StoreError::io(&lock_path, e))?;
        Ok(())
    }

    /// Takes the lock if it is free within `wait`; `None` if another kanbao holds it (or it
    /// cannot be had at all).
    fn try_lock_for(&self, wait: Duration) -> Option<Locked> {
        let lock = file::open_lock(&self.lock_path()).ok()?;
        file::lock_until(&lock, Instant::now() + wait)
            .ok()?
            .then_some(Locked { _file: lock })
    }

    /// Takes the lock if it is free now: `Ok(None)` while another kanbao holds it.
    pub fn try_lock(&self) -> Result<Option<Locked>, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let lock_path = self.lock_path();
        let lock = file::open_lock(&lock_path).map_err(|e| StoreError::io(&lock_path, e))?;
        match file::try_lock(&lock) {
            Ok(true) => Ok(Some(Locked { _file: lock })),
            Ok(false) => Ok(None),
            Err(e) => Err(StoreError::io(&lock_path, e)),
        }
    }

    /// Takes the lock, waiting for as long as another kanbao holds it.
    pub fn lock(&self) -> Result<Locked, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let lock_path = self.lock_path();
        let lock = file::open_lock(&lock_path).map_err(|e| StoreError::io(&lock_path, e))?;
        lock.lock().map_err(|e| StoreError::io(&lock_path, e))?;
        Ok(Locked { _file: lock })
    }

    /// The file read and parsed: `Ok(Err(reason))` when it is damaged.
    fn read_file(&self) -> Result<Result<Saved, String>, StoreError> {
        let path = self.path();
        let bytes = match file::read(&path).map_err(|e| StoreError::io(&path, e))? {
            Contents::Missing => return Ok(Ok(Saved::default())),
            Contents::Bytes(bytes) => bytes,
            Contents::Refused(refused) => {
                let what = match refused {
                    Refused::NotAFile(kind) => kind.to_string(),
                    Refused::TooLarge(len) => format!(
                        "{} MiB, too large for bookmarks (at most {} MiB)",
                        len >> 20,
                        MAX_SIZE >> 20
                    ),
                };
                return Err(StoreError::Refused { path, what });
            }
        };
        parse(&bytes).map_err(|version| StoreError::Newer { path, version })
    }

    /// [`Store::load`] under the lock: a damaged file is moved aside.
    fn load_locked(&self, _lock: &Locked) -> Result<Saved, StoreError> {
        match self.read_file()? {
            Ok(saved) => Ok(saved),
            Err(reason) => {
                let path = self.path();
                let target = file::target(&path);
                let aside = file::move_aside(&target, now_secs())
                    .map_err(|e| StoreError::io(&target, e))?;
                Err(StoreError::Damaged {
                    path,
                    aside,
                    reason,
                })
            }
        }
    }

    /// Under the lock: applies `change` to what is on disk now and writes the result
    /// atomically. Leftovers of killed saves are removed first. A damaged file is kept aside
    /// and the changes go into a fresh one ([`Updated::damaged`] says so).
    pub fn update(
        &self,
        lock: &Locked,
        change: impl FnOnce(&mut Saved),
    ) -> Result<Updated, StoreError> {
        let path = self.path();
        let target = file::target(&path);
        file::remove_stale_temps(&self.dir, true);
        if let Some(dir) = target.parent().filter(|d| *d != self.dir) {
            file::remove_stale_temps(dir, false);
        }
        let (mut saved, damaged) = match self.load_locked(lock) {
            Ok(saved) => (saved, None),
            Err(e @ StoreError::Damaged { .. }) => (Saved::default(), Some(e)),
            Err(e) => return Err(e),
        };
        saved.version = FORMAT_VERSION;
        change(&mut saved);
        let text = toml::to_string_pretty(&saved)
            .map_err(|e| StoreError::io(&path, io::Error::other(e)))?;
        file::write_atomic(&path, format!("{HEADER}{text}").as_bytes())
            .map_err(|e| StoreError::io(&target, e))?;
        Ok(Updated { saved, damaged })
    }

    /// Applies `change` to what is on disk now and writes the result atomically, waiting for
    /// the lock so no other kanbao writes in between. A damaged file is reported as
    /// [`StoreError::Damaged`] after the change was written into a fresh file.
    pub fn save(&self, change: &Change) -> Result<Saved, StoreError> {
        let lock = self.lock()?;
        let updated = self.update(&lock, |saved| {
            change.apply(saved);
        })?;
        match updated.damaged {
            Some(e) => Err(e),
            None => Ok(updated.saved),
        }
    }
}

/// Parses the file: its version first, so that a newer format is never taken for a damaged
/// one (`Err(version)`), then the rest (`Ok(Err(reason))` when it is damaged).
fn parse(bytes: &[u8]) -> Result<Result<Saved, String>, i64> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Ok(Err(e.to_string())),
    };
    let table = match toml::from_str::<toml::Table>(text) {
        Ok(table) => table,
        Err(e) => return Ok(Err(e.message().to_string())),
    };
    match table.get("version") {
        Some(toml::Value::Integer(v)) if *v > i64::from(FORMAT_VERSION) => return Err(*v),
        Some(toml::Value::Integer(v)) if *v >= 1 => {}
        Some(toml::Value::Integer(v)) => return Ok(Err(format!("format version {v}"))),
        Some(_) => return Ok(Err("a format version that is not a number".into())),
        None => return Ok(Err("no format version".into())),
    }
    Ok(toml::Value::Table(table)
        .try_into::<Saved>()
        .map_err(|e| e.message().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Anchor;
    use crate::doc::Part;

    fn anchor(offset: usize) -> Anchor {
        Anchor {
            article: 1,
            title: "标题".into(),
            part: Part::Block(0),
            offset,
            snippet: "正文".into(),
        }
    }

    fn add(id: u64) -> Change {
        Change::Add {
            doc: "abc".into(),
            path: "/news/a.txt".into(),
            bookmark: Bookmark {
                id,
                anchor: anchor(3),
                note: format!("note {id}"),
                created: 1_700_000_000,
            },
        }
    }

    #[test]
    fn a_round_trip_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        assert_eq!(
            store.load().unwrap(),
            Saved::default(),
            "no file: nothing saved"
        );
        store.save(&add(1)).unwrap();
        let saved = store
            .save(&Change::Position {
                doc: "abc".into(),
                path: "/news/a.txt".into(),
                title: Some("周报".into()),
                anchor: anchor(9),
                focus: Some(Pane::Reader),
                read: vec![0, 2],
            })
            .unwrap();
        assert_eq!(store.load().unwrap(), saved);
        let r = &saved.newsletters["abc"];
        assert_eq!(r.bookmarks.len(), 1);
        assert_eq!(r.position, Some(anchor(9)));
        assert_eq!(r.read, [0, 2]);
        assert_eq!(r.focus, Some(Pane::Reader));
        let text = fs::read_to_string(store.path()).unwrap();
        assert!(text.contains("version = 1"), "{text}");
        store
            .save(&Change::Note {
                doc: "abc".into(),
                id: 1,
                note: "改过".into(),
            })
            .unwrap();
        assert_eq!(
            store.load().unwrap().newsletters["abc"].bookmarks[0].note,
            "改过"
        );
        store
            .save(&Change::Delete {
                doc: "abc".into(),
                id: 1,
            })
            .unwrap();
        assert!(
            store.load().unwrap().newsletters["abc"]
                .bookmarks
                .is_empty()
        );
    }

    #[test]
    fn two_writers_keep_each_others_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        let a = Store::at(dir.path());
        let b = Store::at(dir.path());
        // Each saves on top of what is on disk, not of what it read at start.
        let threads: Vec<_> = [(a, 0u64), (b, 1000u64)]
            .into_iter()
            .map(|(store, base)| {
                std::thread::spawn(move || {
                    for i in 0..25 {
                        store.save(&add(base + i)).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let saved = Store::at(dir.path()).load().unwrap();
        assert_eq!(saved.newsletters["abc"].bookmarks.len(), 50);
    }

    #[test]
    fn a_damaged_file_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        fs::write(store.path(), "version = 1\n[newsletters.abc\nbroken").unwrap();
        let err = store.load().unwrap_err();
        let StoreError::Damaged { aside, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(
            fs::read_to_string(aside).unwrap(),
            "version = 1\n[newsletters.abc\nbroken",
            "the damaged file is kept as it was"
        );
        assert!(err.to_string().contains("corrupt-"), "{err}");
        // The next save starts afresh.
        store.save(&add(7)).unwrap();
        assert_eq!(store.load().unwrap().newsletters["abc"].bookmarks.len(), 1);
    }

    #[test]
    fn a_file_from_a_newer_kanbao_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        fs::write(store.path(), "version = 99\n[newsletters.x]\n").unwrap();
        assert!(matches!(store.load(), Err(StoreError::Newer { .. })));
        assert!(matches!(store.save(&add(1)), Err(StoreError::Newer { .. })));
        assert_eq!(
            fs::read_to_string(store.path()).unwrap(),
            "version = 99\n[newsletters.x]\n",
            "left as it was"
        );
    }

    #[test]
    fn an_unwritable_data_directory_is_an_error_not_a_panic() {
        // A directory under a plain file cannot be made, whoever runs the test (root too).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        fs::write(&file, "x").unwrap();
        let store = Store::at(&file.join("kanbao"));
        let err = store.save(&add(1)).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
        assert!(err.to_string().contains("plain-file"), "{err}");
        assert!(store.load().is_err());
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "x",
            "nothing else touched"
        );
    }

    #[test]
    fn an_add_under_a_taken_id_keeps_both() {
        let mut saved = Saved::default();
        add(5).apply(&mut saved);
        let Change::Add {
            doc,
            path,
            mut bookmark,
        } = add(5)
        else {
            unreachable!()
        };
        bookmark.anchor = anchor(40);
        bookmark.note = "another kanbao's".into();
        let theirs = Change::Add {
            doc,
            path,
            bookmark,
        };
        let new = theirs.apply(&mut saved).expect("a new id");
        assert_ne!(new, 5);
        assert!(new < 1 << 63, "TOML integers are i64");
        let marks = &saved.newsletters["abc"].bookmarks;
        assert_eq!(marks.len(), 2, "neither is dropped: {marks:?}");
        // The very same bookmark again (a retried save) is not doubled.
        assert_eq!(add(5).apply(&mut saved), None);
        assert_eq!(saved.newsletters["abc"].bookmarks.len(), 2);
    }

    #[test]
    fn new_ids_differ_and_fit_in_toml() {
        let ids: std::collections::BTreeSet<u64> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|&id| id > 0 && id < 1 << 63));
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        for &id in ids.iter().rev().take(3) {
            store.save(&add(id)).unwrap();
        }
        // Old files with millisecond ids still load beside them.
        store.save(&add(1_764_000_000_000)).unwrap();
        assert_eq!(store.load().unwrap().newsletters["abc"].bookmarks.len(), 4);
    }

    #[test]
    fn a_newer_format_is_left_alone_even_when_its_fields_changed_type() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let newer = "version = 2\nnewsletters = \"kept elsewhere now\"\n";
        fs::write(store.path(), newer).unwrap();
        let err = store.load().unwrap_err();
        assert!(matches!(err, StoreError::Newer { version: 2, .. }), "{err}");
        assert!(store.save(&add(1)).is_err());
        assert_eq!(fs::read_to_string(store.path()).unwrap(), newer);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "the file and the lock"
        );
    }

    #[test]
    fn an_error_gives_its_cause_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        fs::write(&file, "x").unwrap();
        let err = Store::at(&file.join("kanbao")).save(&add(1)).unwrap_err();
        let cause = io::Error::from(io::ErrorKind::NotADirectory).to_string();
        let text = format!("{:#}", anyhow::Error::from(err));
        let twice = text.matches("os error").count();
        assert_eq!(twice, 1, "{text} ({cause})");
    }

    #[test]
    fn a_lock_file_that_cannot_be_opened_for_writing_hides_nothing() {
        // A directory in the lock file's place cannot be opened for writing, even by root,
        // as a read-only directory's lock file cannot be.
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        store.save(&add(1)).unwrap();
        fs::remove_file(dir.path().join("bookmarks.toml.lock")).unwrap();
        fs::create_dir(dir.path().join("bookmarks.toml.lock")).unwrap();
        let saved = store.load().expect("the bookmarks are read");
        assert_eq!(saved.newsletters["abc"].bookmarks.len(), 1);
        assert!(
            store.writable().is_err(),
            "and it says they cannot be saved"
        );
    }

    #[test]
    fn a_read_only_directory_hides_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        store.save(&add(1)).unwrap();
        fs::remove_file(dir.path().join("bookmarks.toml.lock")).unwrap();
        let mut perms = fs::metadata(dir.path()).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(dir.path(), perms.clone()).unwrap();
        let writable = fs::File::create(dir.path().join("probe")).is_ok();
        let saved = store.load();
        let can_save = store.writable();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(dir.path(), perms).unwrap();
        if writable {
            eprintln!("skipped: this user (root?) writes into a read-only directory");
            return;
        }
        assert_eq!(saved.unwrap().newsletters["abc"].bookmarks.len(), 1);
        let err = can_save.unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    }

    /// Runs `f` on a thread; `None` if it has not finished after a generous while (it hangs).
    fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(std::time::Duration::from_secs(10)).ok()
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_to_one_is_refused_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: no mkfifo");
            return;
        }
        for link in [false, true] {
            let store = Store::at(dir.path());
            let _ = fs::remove_file(store.path());
            if link {
                std::os::unix::fs::symlink(&fifo, store.path()).unwrap();
            } else {
                fs::rename(&fifo, store.path()).unwrap();
            }
            let s = store.clone();
            let loaded = within(move || s.load()).expect("loading does not hang");
            let err = loaded.unwrap_err();
            assert!(matches!(err, StoreError::Refused { .. }), "{err}");
            assert!(err.to_string().contains("a FIFO"), "{err}");
            let s = store.clone();
            let saved = within(move || s.save(&add(1))).expect("saving does not hang");
            assert!(saved.is_err());
            if !link {
                fs::rename(store.path(), &fifo).unwrap();
            }
        }
        let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(!kind.is_file(), "the FIFO is still there, not replaced");
    }

    #[test]
    fn an_absurdly_large_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let big = fs::File::create(store.path()).unwrap();
        // Sparse: no disk space, but 65 MiB to anyone who reads it.
        big.set_len(MAX_SIZE + (1 << 20)).unwrap();
        let err = store.load().unwrap_err();
        assert!(matches!(err, StoreError::Refused { .. }), "{err}");
        assert!(err.to_string().contains("too large"), "{err}");
        assert_eq!(
            fs::metadata(store.path()).unwrap().len(),
            MAX_SIZE + (1 << 20)
        );
        assert!(store.save(&add(1)).is_err(), "and not written over");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_file_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        fs::create_dir(&dotfiles).unwrap();
        let data = dir.path().join("data");
        fs::create_dir(&data).unwrap();
        let store = Store::at(&data);
        std::os::unix::fs::symlink("../dotfiles/bookmarks.toml", store.path()).unwrap();
        store.save(&add(1)).unwrap();
        store.save(&add(2)).unwrap();
        let link = fs::symlink_metadata(store.path()).unwrap();
        assert!(link.file_type().is_symlink(), "the link stays");
        let text = fs::read_to_string(dotfiles.join("bookmarks.toml")).unwrap();
        assert!(text.contains("note 2"), "{text}");
        assert_eq!(store.load().unwrap().newsletters["abc"].bookmarks.len(), 2);
        assert_eq!(
            fs::read_dir(&dotfiles).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn leftovers_of_killed_saves_are_removed_under_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        // One of ours, one of kanbao before it named its own.
        fs::write(dir.path().join(".kanbao-save-Ab12Cd.tmp"), "half").unwrap();
        fs::write(dir.path().join(".tmpAb12Cd"), "half").unwrap();
        fs::write(dir.path().join("notes.txt"), "not ours").unwrap();
        store.save(&add(1)).unwrap();
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["bookmarks.toml", "bookmarks.toml.lock", "notes.txt"]
        );
    }

    #[test]
    fn two_damaged_files_in_one_second_are_both_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut asides = Vec::new();
        for text in ["first [", "second ["] {
            fs::write(&path, text).unwrap();
            asides.push(file::move_aside(&path, 1_764_000_000).unwrap());
        }
        assert_ne!(asides[0], asides[1]);
        assert_eq!(fs::read_to_string(&asides[0]).unwrap(), "first [");
        assert_eq!(fs::read_to_string(&asides[1]).unwrap(), "second [");
        // Through the store, as it happens.
        let store = Store::at(dir.path());
        for text in ["third [", "fourth ["] {
            fs::write(&path, text).unwrap();
            assert!(matches!(store.load(), Err(StoreError::Damaged { .. })));
        }
        let kept = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("corrupt")
            })
            .count();
        assert_eq!(kept, 4);
    }

    #[test]
    fn loading_does_not_wait_for_another_kanbaos_lock() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        store.save(&add(1)).unwrap();
        let held = store.lock().unwrap();
        let s = store.clone();
        let loaded = within(move || s.load()).expect("loading does not wait for the lock");
        assert_eq!(loaded.unwrap().newsletters["abc"].bookmarks.len(), 1);
        drop(held);
    }

    #[test]
    fn the_writer_waits_for_the_lock_in_the_background_and_keeps_failed_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let held = store.lock().unwrap();
        let writer = Writer::spawn(store.clone(), Duration::from_millis(50));
        writer.send(add(1));
        let first = next_outcome(&writer);
        assert_eq!(first, Outcome::Waiting { unsaved: 1 });
        writer.send(add(2));
        drop(held);
        assert_eq!(next_outcome(&writer), Outcome::Saved { recovered: false });
        assert_eq!(store.load().unwrap().newsletters["abc"].bookmarks.len(), 2);

        // A directory that cannot be made: the change stays queued and goes with a later save.
        let blocked = dir.path().join("blocked");
        fs::write(&blocked, "a file where the directory should be").unwrap();
        let writer = Writer::spawn(Store::at(&blocked), Duration::from_millis(50));
        writer.send(add(3));
        assert!(matches!(
            next_outcome(&writer),
            Outcome::Failed { unsaved: 1, .. }
        ));
        writer.send(add(4));
        assert!(matches!(
            next_outcome(&writer),
            Outcome::Failed { unsaved: 2, .. }
        ));
        fs::remove_file(&blocked).unwrap();
        writer.send(add(5));
        assert_eq!(next_outcome(&writer), Outcome::Saved { recovered: true });
        let saved = Store::at(&blocked).load().unwrap();
        assert_eq!(saved.newsletters["abc"].bookmarks.len(), 3, "none lost");
        assert_eq!(
            writer.handle().finish(Duration::from_secs(1)),
            Report::default()
        );
    }

    #[test]
    fn positions_sent_in_a_burst_are_written_once_after_the_last() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        // A long delay: the burst below is over well before it.
        let writer = Writer::spawn(store.clone(), Duration::from_secs(5));
        for offset in 0..20 {
            writer.send(Change::Position {
                doc: "abc".into(),
                path: "/news/a.txt".into(),
                title: None,
                anchor: anchor(offset),
                focus: None,
                read: vec![],
            });
            std::thread::sleep(Duration::from_millis(2));
        }
        assert!(!store.path().exists(), "a held-down key writes nothing yet");
        assert_eq!(writer.flush_wait(Duration::from_secs(5)), Report::default());
        let position = store.load().unwrap().newsletters["abc"].position.clone();
        assert_eq!(position, Some(anchor(19)), "the last one");
    }

    fn next_outcome(writer: &Writer) -> Outcome {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(o) = writer.outcome() {
                return o;
            }
            assert!(std::time::Instant::now() < deadline, "no outcome");
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
