//! The queries typed at `/` and `S`, for the prompt's `↑`/`↓`: one query a line, oldest first,
//! in `search-history.txt` in the data directory (bookmark notes are not kept here).
//!
//! A history is a convenience, never a reason to stop reading: a file that cannot be read is an
//! empty history, a broken line is skipped, and of a huge file only the end is read. It stays
//! small (the last [`LIMIT`] queries, each once) and is written as the bookmarks are: under a
//! lock, merged with what another kanbao wrote meanwhile, to a temporary file renamed into place.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Store, StoreError};

/// The file's name in the data directory.
pub const FILE_NAME: &str = "search-history.txt";
/// How many queries are kept: the newest.
pub const LIMIT: usize = 100;
/// Longer queries (a paste gone wrong) are not kept, in bytes.
pub const LONGEST: usize = 1000;
/// Of a bigger file only its end is read: far more than [`LIMIT`] queries of [`LONGEST`] bytes.
const READ_AT_MOST: u64 = 256 * 1024;

/// The queries, oldest first, and where they are kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// The data directory; none keeps the history in memory only (tests, no data directory).
    dir: Option<PathBuf>,
    entries: Vec<String>,
}

impl History {
    /// The history kept beside the bookmarks of `store`, as it is on disk now.
    pub fn beside(store: &Store) -> History {
        let dir = store.path().parent().map(Path::to_path_buf);
        let entries = dir.as_deref().map(read).unwrap_or_default();
        History { dir, entries }
    }

    /// The history in the directory `dir`, as it is on disk now.
    pub fn at(dir: &Path) -> History {
        History {
            dir: Some(dir.to_path_buf()),
            entries: read(dir),
        }
    }

    /// The queries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// The file, when the history is kept in one.
    pub fn path(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(FILE_NAME))
    }

    /// Adds `query` as the newest entry (moving it there if it was already kept) and writes the
    /// file, with what other kanbao processes added since. An empty, over-long or unprintable
    /// query is not kept. On an error the history stays in memory for the rest of the session
    /// (so the error is told once), its queries still recalled.
    pub fn remember(&mut self, query: &str) -> Result<(), StoreError> {
        let query = query.trim();
        if !keepable(query) {
            return Ok(());
        }
        push(&mut self.entries, query);
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        let written = self.write_merged(&dir, query);
        if written.is_err() {
            self.dir = None;
        }
        written
    }

    fn write_merged(&mut self, dir: &Path, query: &str) -> Result<(), StoreError> {
        fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let lock_path = dir.join(format!("{FILE_NAME}.lock"));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::io(&lock_path, e))?;
        lock.lock().map_err(|e| StoreError::io(&lock_path, e))?;
        // What is on disk now holds this session's earlier queries and the other processes'.
        let mut merged = read(dir);
        push(&mut merged, query);
        write(dir, &merged)?;
        self.entries = merged;
        drop(lock);
        Ok(())
    }
}

/// Whether a query is worth keeping, and safe to read back as one line.
fn keepable(query: &str) -> bool {
    !query.is_empty() && query.len() <= LONGEST && !query.chars().any(char::is_control)
}

/// Adds `query` at the end, once, keeping the newest [`LIMIT`].
fn push(entries: &mut Vec<String>, query: &str) {
    entries.retain(|e| e != query);
    entries.push(query.to_string());
    let extra = entries.len().saturating_sub(LIMIT);
    entries.drain(..extra);
}

/// The queries in `dir`'s file: none when there is no file or it cannot be read; lines that are
/// not a query (bad UTF-8, control characters, too long) are skipped.
fn read(dir: &Path) -> Vec<String> {
    let Ok(mut file) = File::open(dir.join(FILE_NAME)) else {
        return Vec::new();
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let start = len.saturating_sub(READ_AT_MOST);
    let mut bytes = Vec::new();
    if file.seek(SeekFrom::Start(start)).is_err()
        || file.take(READ_AT_MOST).read_to_end(&mut bytes).is_err()
    {
        return Vec::new();
    }
    let mut lines = bytes.split(|&b| b == b'\n');
    if start > 0 {
        // Read from the middle of a line: that piece is not a query.
        lines.next();
    }
    let mut entries = Vec::new();
    for line in lines {
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        let line = line.trim();
        if keepable(line) {
            push(&mut entries, line);
        }
    }
    entries
}

/// Writes `entries` to a temporary file beside the real one, flushes it and renames it into
/// place, so a crash leaves the old history or the new one.
fn write(dir: &Path, entries: &[String]) -> Result<(), StoreError> {
    let path = dir.join(FILE_NAME);
    let mut text = String::new();
    for e in entries {
        text.push_str(e);
        text.push('\n');
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| StoreError::io(dir, e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| StoreError::io(tmp.path(), e))?;
    tmp.persist(&path)
        .map_err(|e| StoreError::io(&path, e.error))?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_kept_once_newest_last_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let mut h = History::at(dir.path());
        assert!(h.entries().is_empty(), "no file: no history");
        for q in ["工会", "法律", " 工会 ", "", "a\u{1b}[31m"] {
            h.remember(q).unwrap();
        }
        assert_eq!(h.entries(), ["法律", "工会"], "once, moved to the end");
        assert_eq!(History::at(dir.path()), h, "the file says the same");
        for i in 0..150 {
            h.remember(&format!("q{i}")).unwrap();
        }
        assert_eq!(h.entries().len(), LIMIT);
        assert_eq!(h.entries()[0], "q50");
        assert_eq!(h.entries()[LIMIT - 1], "q149");
        assert_eq!(History::at(dir.path()).entries(), h.entries());
    }

    #[test]
    fn two_processes_keep_each_others_queries() {
        let dir = tempfile::tempdir().unwrap();
        let threads: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|name| {
                let mut h = History::at(dir.path());
                std::thread::spawn(move || {
                    for i in 0..20 {
                        h.remember(&format!("{name}{i}")).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(History::at(dir.path()).entries().len(), 40);
    }

    #[test]
    fn a_broken_or_huge_file_gives_what_can_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, b"good\n\xff\xfe bad\nctl\x07x\n\n  also good \r\n").unwrap();
        assert_eq!(History::at(dir.path()).entries(), ["good", "also good"]);

        let mut huge = "x".repeat(usize::try_from(READ_AT_MOST).unwrap() * 3);
        huge.push_str("\nlast\n");
        fs::write(&path, huge).unwrap();
        assert_eq!(History::at(dir.path()).entries(), ["last"]);

        // A directory where the file should be: no history, and saving says why.
        fs::remove_file(&path).unwrap();
        fs::create_dir(&path).unwrap();
        let mut h = History::at(dir.path());
        assert!(h.entries().is_empty());
        let err = h.remember("工会").unwrap_err();
        assert!(err.to_string().contains(FILE_NAME), "{err}");
        assert_eq!(h.entries(), ["工会"], "still recalled in this session");
        assert!(h.remember("法律").is_ok(), "told once");
        assert_eq!(h.path(), None, "kept in memory from now on");
    }
}
