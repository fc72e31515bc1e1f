//! Bookmarks and reading positions on disk: one human-readable TOML file in the user's data
//! directory, keyed by a fingerprint of each newsletter's bytes.
//!
//! Nothing saved may be lost: every write goes to a temporary file in the same directory, is
//! flushed to disk and renamed over the old file, so a crash leaves the old file or the new one.
//! Writers take a lock and apply their change to what is on disk at that moment, so two kanbao
//! processes keep each other's bookmarks. A damaged file is moved aside, never overwritten.

pub mod history;

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::anchor::Anchor;

/// The file format's version, written into every file.
pub const FORMAT_VERSION: u32 = 1;
/// The file's name in the data directory.
pub const FILE_NAME: &str = "bookmarks.toml";

/// Everything saved, for every newsletter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The format's version.
    pub version: u32,
    /// Per newsletter, by the fingerprint of its bytes.
    pub newsletters: BTreeMap<String, Record>,
}

/// What is saved for one newsletter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// The path it was last opened from (for `--bookmarks`).
    pub path: String,
    /// Its masthead, when it has one.
    pub title: Option<String>,
    /// Where the reader was.
    pub position: Option<Anchor>,
    /// Articles read, by index in reading order.
    pub read: Vec<usize>,
    /// Bookmarks, oldest first.
    pub bookmarks: Vec<Bookmark>,
}

/// A marked place with an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique within the newsletter: when it was made, in milliseconds since 1970.
    pub id: u64,
    /// Where it is.
    pub anchor: Anchor,
    /// The reader's note (may be empty).
    #[serde(default)]
    pub note: String,
    /// When it was made, in seconds since 1970 (UTC).
    pub created: u64,
}

/// A change to the saved data, applied to the file's current content under the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Remember where the reader is, which articles were read, and the file's path.
    Position {
        /// The newsletter's fingerprint.
        doc: String,
        /// Its path and title.
        path: String,
        /// Its masthead.
        title: Option<String>,
        /// Where the reader is.
        anchor: Anchor,
        /// Articles read.
        read: Vec<usize>,
    },
    /// Add a bookmark.
    Add {
        /// The newsletter's fingerprint.
        doc: String,
        /// Its path.
        path: String,
        /// The bookmark.
        bookmark: Bookmark,
    },
    /// Change a bookmark's note.
    Note {
        /// The newsletter's fingerprint.
        doc: String,
        /// Which bookmark.
        id: u64,
        /// The new note.
        note: String,
    },
    /// Mark an article read or unread (`u`); a position's read articles only ever add.
    Read {
        /// The newsletter's fingerprint.
        doc: String,
        /// The article, by index in reading order.
        article: usize,
        /// Read, or unread.
        read: bool,
    },
    /// Delete a bookmark.
    Delete {
        /// The newsletter's fingerprint.
        doc: String,
        /// Which bookmark.
        id: u64,
    },
}

impl Change {
    /// Applies the change to `saved`.
    pub fn apply(&self, saved: &mut Saved) {
        match self {
            Change::Position {
                doc,
                path,
                title,
                anchor,
                read,
            } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.path.clone_from(path);
                r.title.clone_from(title);
                r.position = Some(anchor.clone());
                let mut all: Vec<usize> = r.read.iter().chain(read).copied().collect();
                all.sort_unstable();
                all.dedup();
                r.read = all;
            }
            Change::Add {
                doc,
                path,
                bookmark,
            } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.path.clone_from(path);
                if !r.bookmarks.iter().any(|b| b.id == bookmark.id) {
                    r.bookmarks.push(bookmark.clone());
                }
            }
            Change::Note { doc, id, note } => {
                if let Some(b) = saved
                    .newsletters
                    .get_mut(doc)
                    .and_then(|r| r.bookmarks.iter_mut().find(|b| b.id == *id))
                {
                    b.note.clone_from(note);
                }
            }
            Change::Read { doc, article, read } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.read.retain(|a| a != article);
                if *read {
                    r.read.push(*article);
                    r.read.sort_unstable();
                }
            }
            Change::Delete { doc, id } => {
                if let Some(r) = saved.newsletters.get_mut(doc) {
                    r.bookmarks.retain(|b| b.id != *id);
                }
            }
        }
    }
}

/// What can go wrong with the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The user's data directory could not be found.
    #[error("no data directory for this user: bookmarks cannot be saved")]
    NoDataDir,
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file was written by a newer kanbao: it is left as it is and nothing is saved.
    #[error("{path} is from a newer kanbao; bookmarks are not saved until kanbao is updated")]
    Newer {
        /// The file.
        path: PathBuf,
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
}

impl StoreError {
    fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
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

    /// Reads everything saved. No file yet: nothing saved. A damaged file is moved aside and
    /// reported as [`StoreError::Damaged`]; the next write starts a fresh file. A file from a
    /// newer kanbao is left alone ([`StoreError::Newer`]) and never written over.
    pub fn load(&self) -> Result<Saved, StoreError> {
        // Under the lock, so a file another kanbao is replacing is never taken for damaged.
        let _lock = match self.dir.is_dir() {
            true => Some(self.lock()?),
            false => None,
        };
        self.load_locked()
    }

    /// Takes the writers' lock; it is held until the returned file is dropped.
    fn lock(&self) -> Result<File, StoreError> {
        let lock_path = self.dir.join(format!("{FILE_NAME}.lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::io(&lock_path, e))?;
        lock.lock().map_err(|e| StoreError::io(&lock_path, e))?;
        Ok(lock)
    }

    fn load_locked(&self) -> Result<Saved, StoreError> {
        let path = self.path();
        let text = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Saved::default()),
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        let parsed = std::str::from_utf8(&text)
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str::<Saved>(t).map_err(|e| e.message().to_string()))
            .and_then(|s| match s.version {
                1..=FORMAT_VERSION => Ok(s),
                0 => Err("no format version".to_string()),
                v => Err(format!("format version {v}")),
            });
        match parsed {
            Ok(saved) => Ok(saved),
            Err(reason) if reason.starts_with("format version") => Err(StoreError::Newer { path }),
            Err(reason) => {
                let aside = self.dir.join(format!("{FILE_NAME}.corrupt-{}", now_secs()));
                fs::rename(&path, &aside).map_err(|e| StoreError::io(&path, e))?;
                Err(StoreError::Damaged {
                    path,
                    aside,
                    reason,
                })
            }
        }
    }

    /// Applies `change` to what is on disk now and writes the result atomically, holding the
    /// lock so no other kanbao writes in between.
    pub fn save(&self, change: &Change) -> Result<Saved, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let lock = self.lock()?;
        let mut saved = match self.load_locked() {
            Ok(saved) => saved,
            // Moved aside already: the change goes into a fresh file; the caller learns of it.
            Err(e @ StoreError::Damaged { .. }) => {
                let mut fresh = Saved {
                    version: FORMAT_VERSION,
                    ..Saved::default()
                };
                change.apply(&mut fresh);
                self.write(&fresh)?;
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        saved.version = FORMAT_VERSION;
        change.apply(&mut saved);
        self.write(&saved)?;
        // The lock goes with the file handle.
        drop(lock);
        Ok(saved)
    }

    /// Writes `saved` to a temporary file beside the real one, flushes it to disk and renames
    /// it into place.
    fn write(&self, saved: &Saved) -> Result<(), StoreError> {
        let path = self.path();
        let text = toml::to_string_pretty(saved)
            .map_err(|e| StoreError::io(&path, io::Error::other(e)))?;
        let mut tmp =
            tempfile::NamedTempFile::new_in(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let header = "# kanbao's bookmarks and reading positions. Safe to read; edit with care.\n";
        tmp.write_all(header.as_bytes())
            .and_then(|()| tmp.write_all(text.as_bytes()))
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| StoreError::io(tmp.path(), e))?;
        tmp.persist(&path)
            .map_err(|e| StoreError::io(&path, e.error))?;
        // The rename itself reaches the disk with the directory.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Seconds since 1970.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Milliseconds since 1970.
pub fn now_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The fingerprint that identifies a newsletter: a 64-bit hash of its bytes, so a renamed or
/// moved file keeps its bookmarks (and a new version of kanbao that cleans text differently
/// still knows it).
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// [`fingerprint`] of bytes that come in pieces.
#[derive(Default, Clone)]
pub struct Fingerprint(xxhash_rust::xxh3::Xxh3Default);

impl Fingerprint {
    /// Nothing seen yet.
    pub fn new() -> Fingerprint {
        Fingerprint::default()
    }

    /// The next piece.
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }

    /// The fingerprint of all the pieces together.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.digest())
    }
}

/// `YYYY-MM-DD HH:MM` (UTC) for seconds since 1970.
pub fn format_time(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
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
                read: vec![0, 2],
            })
            .unwrap();
        assert_eq!(store.load().unwrap(), saved);
        let r = &saved.newsletters["abc"];
        assert_eq!(r.bookmarks.len(), 1);
        assert_eq!(r.position, Some(anchor(9)));
        assert_eq!(r.read, [0, 2]);
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
        assert!(matches!(err, StoreError::Io { .. }), "{err}");
        assert!(err.to_string().contains("plain-file"), "{err}");
        assert!(store.load().is_err());
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "x",
            "nothing else touched"
        );
    }

    #[test]
    fn times_read_as_dates() {
        assert_eq!(format_time(0), "1970-01-01 00:00");
        assert_eq!(format_time(1_700_000_000), "2023-11-14 22:13");
        assert_eq!(format_time(951_782_400), "2000-02-29 00:00");
    }

    #[test]
    fn fingerprints_depend_on_the_bytes_only() {
        assert_eq!(fingerprint("一".as_bytes()), fingerprint("一".as_bytes()));
        assert_ne!(fingerprint("一".as_bytes()), fingerprint("二".as_bytes()));
        assert_eq!(fingerprint(b"").len(), 16);
        let mut pieces = Fingerprint::new();
        pieces.update("一".as_bytes());
        pieces.update("二".as_bytes());
        assert_eq!(pieces.finish(), fingerprint("一二".as_bytes()));
    }
}
