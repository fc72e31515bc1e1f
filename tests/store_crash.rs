//! A kanbao process killed (SIGKILL) at any moment while saving leaves a bookmarks file that
//! reads back whole: the old one or the new one, never a broken one.
//!
//! The test runs itself as the saving child: `child_saves_until_killed` is ignored in normal
//! runs and started by the parent with `KANBAO_CRASH_DIR` set.

use std::process::{Command, Stdio};
use std::time::Duration;

use kanbao::anchor::Anchor;
use kanbao::doc::Part;
use kanbao::store::{Bookmark, Change, Store};

const DIR_VAR: &str = "KANBAO_CRASH_DIR";

fn change(id: u64) -> Change {
    Change::Add {
        doc: "0123456789abcdef".into(),
        path: "/tmp/news.txt".into(),
        bookmark: Bookmark {
            id,
            anchor: Anchor {
                article: 3,
                title: "夯实新时代良法善治根基".into(),
                part: Part::Block(7),
                offset: 120,
                // Long enough that a write takes more than one system call's worth of bytes.
                snippet: "制定法律47件，修改法律111件次".repeat(40),
            },
            note: format!("第{id}条"),
            created: 1_700_000_000 + id,
        },
    }
}

#[test]
#[ignore = "run by kill_a_saving_process_many_times as its child"]
fn child_saves_until_killed() {
    let Some(dir) = std::env::var_os(DIR_VAR) else {
        return;
    };
    let store = Store::at(std::path::Path::new(&dir));
    let start = store
        .load()
        .map(|s| {
            s.newsletters
                .values()
                .map(|r| r.bookmarks.len())
                .sum::<usize>()
        })
        .unwrap_or(0) as u64;
    for id in start.. {
        store.save(&change(id)).expect("saves");
    }
}

#[test]
fn kill_a_saving_process_many_times() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut last = 0;
    for round in 0..40u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_saves_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env(DIR_VAR, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Somewhere in the middle of a save: the times vary from round to round.
        std::thread::sleep(Duration::from_millis(15 + (round * 7) % 40));
        child.kill().unwrap();
        child.wait().unwrap();
        let saved = Store::at(dir.path())
            .load()
            .unwrap_or_else(|e| panic!("round {round}: {e}"));
        let count = saved
            .newsletters
            .values()
            .map(|r| r.bookmarks.len())
            .sum::<usize>();
        assert!(
            count >= last,
            "round {round}: bookmarks were lost ({count} < {last})"
        );
        last = count;
    }
    assert!(last > 0, "the children saved something");
    // Nothing was moved aside as damaged.
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains("corrupt"))
        })
        .count();
    assert_eq!(aside, 0);
}
