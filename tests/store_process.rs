//! The store between real processes: two kanbao adding bookmarks at the same moment lose none,
//! a bookmark id ahead of the clock (from an older kanbao) does not swallow the next ones, a
//! full disk keeps changes until there is room, and a read-only data directory still shows its
//! bookmarks.
//!
//! The test runs itself as the kanbao children: `child_adds_a_bookmark` is ignored in normal
//! runs and started by the parent with `KANBAO_PROC_DIR` set. Each child is a reader on the
//! sample that loads the store, types `m`, a note and Enter, and saves through the same writer
//! thread as the reader, so the ids are the ones the reader makes.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{press, sample};
use kanbao::store::{self, Bookmark, Change, Store, Writer};

const DIR_VAR: &str = "KANBAO_PROC_DIR";
const AT_VAR: &str = "KANBAO_PROC_AT";
const DELETE_VAR: &str = "KANBAO_PROC_DELETE_AT";
const NOTE_VAR: &str = "KANBAO_PROC_NOTE";
const DOC: &str = "feedc0de";

/// Waits until the clock reads `at` (milliseconds since 1970).
fn wait_until(at: u64) {
    while store::now_millis() < at {
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
#[ignore = "run by the tests below as their child"]
fn child_adds_a_bookmark() {
    let Some(dir) = std::env::var_os(DIR_VAR) else {
        return;
    };
    let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let store = Store::at(Path::new(&dir));
    let saved = store.load().expect("the store loads");
    let mut app = sample(100, 30);
    app.restore(
        DOC.into(),
        "/news/sample.txt".into(),
        saved.newsletters.get(DOC),
        true,
    );
    let writer = Writer::spawn(store, Duration::from_millis(10));
    let note = std::env::var(NOTE_VAR).unwrap_or_else(|_| "note".into());
    press(&mut app, "}<Tab><C-d>m");
    press(&mut app, &note);
    wait_until(var(AT_VAR).unwrap_or(0));
    press(&mut app, "<Enter>");
    for change in std::mem::take(&mut app.pending) {
        writer.send(change);
    }
    if let Some(at) = var(DELETE_VAR) {
        let _ = writer.flush_wait(Duration::from_secs(10));
        wait_until(at);
        // Its own bookmark is the last in the popup.
        press(&mut app, "'Gdy");
        for change in std::mem::take(&mut app.pending) {
            writer.send(change);
        }
    }
    let report = writer.handle().finish(Duration::from_secs(10));
    assert_eq!(report.unsaved, 0, "{report:?}");
}

fn child(dir: &Path, at: u64, note: &str, delete_at: Option<u64>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "child_adds_a_bookmark",
        "--ignored",
        "--nocapture",
    ])
    .env(DIR_VAR, dir)
    .env(AT_VAR, at.to_string())
    .env(NOTE_VAR, note)
    .stdout(Stdio::null())
    .stderr(Stdio::inherit());
    if let Some(d) = delete_at {
        cmd.env(DELETE_VAR, d.to_string());
    }
    cmd.spawn().unwrap()
}

fn notes(dir: &Path) -> Vec<String> {
    let saved = Store::at(dir).load().unwrap();
    saved
        .newsletters
        .get(DOC)
        .map(|r| r.bookmarks.iter().map(|b| b.note.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn two_kanbao_adding_at_the_same_moment_lose_no_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..40 {
        // Both children are running and waiting well before the moment.
        let at = store::now_millis() + 400;
        let a = child(dir.path(), at, &format!("a{round}"), None);
        let b = child(dir.path(), at, &format!("b{round}"), None);
        for mut c in [a, b] {
            assert!(c.wait().unwrap().success(), "round {round}");
        }
    }
    let notes = notes(dir.path());
    for round in 0..40 {
        for who in ["a", "b"] {
            let note = format!("{who}{round}");
            assert!(notes.contains(&note), "{note} was lost: {notes:?}");
        }
    }
    assert_eq!(notes.len(), 80);
}

#[test]
fn an_id_ahead_of_the_clock_swallows_no_later_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let Change::Add { mut bookmark, .. } = future_add() else {
        unreachable!()
    };
    // An older kanbao made ids of the time; a clock far ahead gave this one.
    bookmark.id = 9_999_999_999_999;
    store
        .save(&Change::Add {
            doc: DOC.into(),
            path: "/news/sample.txt".into(),
            bookmark,
        })
        .unwrap();
    // Both load the file first; A adds, then B adds and deletes its own.
    let at = store::now_millis() + 400;
    let a = child(dir.path(), at, "A's", None);
    let b = child(dir.path(), at + 200, "B's", Some(at + 400));
    for mut c in [a, b] {
        assert!(c.wait().unwrap().success());
    }
    let mut notes = notes(dir.path());
    notes.sort();
    assert_eq!(
        notes,
        ["A's", "from the future"],
        "B's deletion took only B's"
    );
}

fn future_add() -> Change {
    Change::Add {
        doc: DOC.into(),
        path: "/news/sample.txt".into(),
        bookmark: Bookmark {
            id: 1,
            anchor: kanbao::anchor::Anchor {
                article: 0,
                title: "nope".into(),
                part: kanbao::doc::Part::Title,
                offset: 0,
                snippet: String::new(),
            },
            note: "from the future".into(),
            created: 1_700_000_000,
        },
    }
}

/// A small tmpfs mounted for a test, unmounted when dropped; `None` (the test says why and
/// skips) where mounting is not allowed.
struct Mount(std::path::PathBuf);

impl Mount {
    fn tmpfs(at: &Path, options: &str) -> Option<Mount> {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status();
        if status.is_ok_and(|s| s.success()) {
            Some(Mount(at.to_path_buf()))
        } else {
            eprintln!("skipped: a tmpfs cannot be mounted here (not root, or no permission)");
            None
        }
    }

    fn remount(&self, options: &str) {
        // A remount read-only is refused while a file on it is still being closed (EBUSY):
        // tried again for a moment before the test fails.
        for _ in 0..20 {
            let status = Command::new("mount")
                .args(["-o", &format!("remount,{options}")])
                .arg(&self.0)
                .status()
                .unwrap();
            if status.success() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("{} could not be remounted {options}", self.0.display());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_keeps_every_change_until_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_mount) = Mount::tmpfs(dir.path(), "size=256k") else {
        return;
    };
    // Fill the disk, leaving no room for a bookmarks file.
    let filler = dir.path().join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    let _ = f.sync_all();
    drop(f);
    let writer = Writer::spawn(Store::at(dir.path()), Duration::from_millis(10));
    let add = |note: &str| {
        let Change::Add { mut bookmark, .. } = future_add() else {
            unreachable!()
        };
        bookmark.id = store::new_id();
        bookmark.note = note.into();
        Change::Add {
            doc: DOC.into(),
            path: "/news/sample.txt".into(),
            bookmark,
        }
    };
    writer.send(add("first"));
    let report = writer.flush_wait(Duration::from_secs(10));
    assert_eq!(report.unsaved, 1, "{report:?}");
    writer.send(add("second"));
    let report = writer.flush_wait(Duration::from_secs(10));
    assert_eq!(report.unsaved, 2, "both kept: {report:?}");
    assert!(notes(dir.path()).is_empty());
    std::fs::remove_file(&filler).unwrap();
    writer.send(add("third"));
    let report = writer.handle().finish(Duration::from_secs(10));
    assert_eq!(report.unsaved, 0, "{report:?}");
    let mut notes = notes(dir.path());
    notes.sort();
    assert_eq!(notes, ["first", "second", "third"]);
}

#[test]
fn a_read_only_data_directory_shows_its_bookmarks() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("kanbao");
    std::fs::create_dir(&dir).unwrap();
    let Some(mount) = Mount::tmpfs(&dir, "size=256k") else {
        return;
    };
    Store::at(&dir).save(&future_add()).unwrap();
    mount.remount("ro");
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--bookmarks")
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("from the future"), "{stdout}");
    // And the store says once why changes cannot be kept, the cause given once.
    let err = Store::at(&dir).writable().unwrap_err();
    let text = format!("{:#}", anyhow::Error::from(err));
    assert_eq!(text.matches("os error 30").count(), 1, "{text}");
}

#[test]
fn the_reader_on_a_read_only_data_directory_shows_the_bookmarks_and_says_so_once() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("kanbao");
    std::fs::create_dir(&dir).unwrap();
    let Some(mount) = Mount::tmpfs(&dir, "size=256k") else {
        return;
    };
    let Change::Add { bookmark, .. } = future_add() else {
        unreachable!()
    };
    // A bookmark of the bundled sample, the newsletter kanbao opens with no file.
    Store::at(&dir)
        .save(&Change::Add {
            doc: store::fingerprint(kanbao::source::SAMPLE),
            path: "sample.txt".into(),
            bookmark,
        })
        .unwrap();
    mount.remount("ro");
    // Wide enough for the whole message beside the file's name: the long temporary path is in it.
    let mut s = common::pty::Session::start_with(&[], data.path(), (200, 30));
    s.wait_for("bookmarks cannot be saved");
    let text = s.screen.screen().contents();
    assert_eq!(text.matches("cannot be saved").count(), 1, "{text}");
    assert_eq!(
        text.matches("os error 30").count(),
        1,
        "the cause once: {text}"
    );
    s.send("'");
    s.wait_for("from the future");
    s.send("q");
    s.send("q");
    assert!(s.finish().success());
}
