//! The bookmarks file as a file: read only when it is a plain file of a sane size, written
//! atomically (through a symlink to its target), kept aside under a name of its own when
//! damaged, and locked against other kanbao processes without ever waiting long.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A bookmarks file bigger than this is not read: no one has that many bookmarks, and reading
/// it whole would take the memory of something that is not ours.
pub const MAX_SIZE: u64 = 64 << 20;

/// How the temporary files of a save begin and end, so a later save knows them as its own.
const TEMP_PREFIX: &str = ".kanbao-save-";
const TEMP_SUFFIX: &str = ".tmp";

/// Why a path cannot be read as the bookmarks file, when it is not an I/O error.
#[derive(Debug)]
pub enum Refused {
    /// A FIFO, a device, a socket or a directory: opening or reading it could block forever.
    NotAFile(&'static str),
    /// Bigger than [`MAX_SIZE`].
    TooLarge(u64),
}

/// What reading the file found.
#[derive(Debug)]
pub enum Contents {
    /// No file.
    Missing,
    /// Its bytes.
    Bytes(Vec<u8>),
    /// Not read, and why.
    Refused(Refused),
}

/// What kind of thing the metadata describes, in words for a message.
fn kind(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Reads `path` (following symlinks) if it is a regular file of at most [`MAX_SIZE`] bytes.
/// What it points to is looked at before it is opened, so a FIFO never blocks the open.
pub fn read(path: &Path) -> io::Result<Contents> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A dangling symlink is as good as no file: the first save creates its target.
            return Ok(Contents::Missing);
        }
        Err(e) => return Err(e),
    };
    if !meta.is_file() {
        return Ok(Contents::Refused(Refused::NotAFile(kind(&meta))));
    }
    if meta.len() > MAX_SIZE {
        return Ok(Contents::Refused(Refused::TooLarge(meta.len())));
    }
    let file = open_for_reading(path)?;
    // Swapped for something else between the look and the open: look again at what is open.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Contents::Refused(Refused::NotAFile(kind(&meta))));
    }
    let mut bytes = Vec::new();
    file.take(MAX_SIZE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SIZE {
        return Ok(Contents::Refused(Refused::TooLarge(bytes.len() as u64)));
    }
    Ok(Contents::Bytes(bytes))
}

/// Opens `path` for reading without ever waiting in the open itself: a FIFO swapped in after
/// the look at its metadata would otherwise block there until a writer came (on a regular
/// file the flag changes nothing).
#[cfg(target_os = "linux")]
fn open_for_reading(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let nonblocking = std::ffi::c_int::try_from(rustix::fs::OFlags::NONBLOCK.bits()).unwrap_or(0);
    OpenOptions::new()
        .read(true)
        .custom_flags(nonblocking)
        .open(path)
}

/// Elsewhere, the look before the open and the look after it.
#[cfg(not(target_os = "linux"))]
fn open_for_reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// The file `path` stands for: itself, or what its chain of symlinks ends at (which may not
/// exist yet). Dotfile managers link the bookmarks file into a repository; a save must write
/// there and leave the link as it is.
pub fn target(path: &Path) -> PathBuf {
    let mut here = path.to_path_buf();
    // More links than this is a loop; the last name reached is used (and fails to open).
    for _ in 0..40 {
        let is_link = fs::symlink_metadata(&here).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(link) = fs::read_link(&here) else {
            break;
        };
        here = match here.parent() {
            Some(parent) if link.is_relative() => parent.join(link),
            _ => link,
        };
    }
    here
}

/// Writes `bytes` to `path`'s target atomically: a temporary file beside it, flushed to disk,
/// renamed over it, and the directory flushed so the rename is on disk too.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Lets a test fill the disk and free it again (debug builds only): while the file this
    // names exists, every save fails as on a full disk.
    if cfg!(debug_assertions)
        && let Some(flag) = std::env::var_os("KANBAO_TEST_FULL_DISK")
        && Path::new(&flag).exists()
    {
        return Err(io::Error::from_raw_os_error(28));
    }
    let target = target(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes what killed saves left in `dir`: our temporary files (and those of kanbao before
/// they had a name of their own, `.tmpXXXXXX`, when `legacy`). Only called under the lock,
/// when no save of anyone's is under way, so every one of them is stale.
pub fn remove_stale_temps(dir: &Path, legacy: bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
        let old = legacy
            && name.len() == 10
            && name.starts_with(".tmp")
            && name[4..].chars().all(|c| c.is_ascii_alphanumeric());
        if (ours || old) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves the damaged `file` aside as `<file>.corrupt-<secs>`, or `-2`, `-3`… when that name
/// is taken (two damaged files in one second keep both). Under the lock, so no one else
/// takes the name in between. Returns the new name.
pub fn move_aside(file: &Path, secs: u64) -> io::Result<PathBuf> {
    let name = file.file_name().map_or_else(
        || "bookmarks.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    for n in 1u32.. {
        let aside_name = match n {
            1 => format!("{name}.corrupt-{secs}"),
            n => format!("{name}.corrupt-{secs}-{n}"),
        };
        let aside = file.with_file_name(aside_name);
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(file, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("no free name to keep the damaged file"))
}

/// The lock file, opened so it can be locked. `Err` when it cannot be opened for writing (a
/// read-only directory, say).
pub fn open_lock(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// Whether the lock is free right now; takes it if so (held until `lock` is closed).
pub fn try_lock(lock: &File) -> io::Result<bool> {
    match lock.try_lock() {
        Ok(()) => Ok(true),
        Err(fs::TryLockError::WouldBlock) => Ok(false),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Takes the lock, trying until `deadline`: whether it was taken.
pub fn lock_until(lock: &File, deadline: Instant) -> io::Result<bool> {
    loop {
        if try_lock(lock)? {
            return Ok(true);
        }
        if Instant::now() >= deadline {
            return Ok(false);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether an error means "this place cannot be written" (rather than "something broke").
pub fn is_read_only(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_opened_for_reading_never_blocks_the_open() {
        use std::sync::mpsc;
        use std::time::Duration;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("bookmarks.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let (tx, rx) = mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = tx.send(open_for_reading(&path).is_ok());
        });
        let opened = rx.recv_timeout(Duration::from_secs(5));
        if opened.is_err() {
            // Let the blocked open go, so the test ends.
            let _ = OpenOptions::new().write(true).open(&fifo);
        }
        assert_eq!(opened, Ok(true), "the open waited for a writer");
    }
}
