//! Bookmarks on screen: adding one with a note, the list pane's mark, the popup (jump, edit,
//! delete after asking), and the reading position restored from what the store kept.

mod common;

use common::{press, sample, screen};
use kanbao::app::{App, Focus, Popup};
use kanbao::store::Saved;

/// Applies the changes the app queued to a saved state, as the event loop does with the file.
fn persist(app: &mut App, saved: &mut Saved) {
    for change in std::mem::take(&mut app.pending) {
        change.apply(saved);
    }
}

fn opened(saved: &Saved, fresh: bool, size: (u16, u16)) -> App {
    let mut app = sample(size.0, size.1);
    let (doc, record) = saved.newsletters.iter().next().unwrap();
    app.restore(doc.clone(), "/news/sample.txt".into(), Some(record), fresh);
    app
}

fn new_app(saved: &mut Saved) -> App {
    let mut app = sample(100, 30);
    // A fixed clock keeps the dates in the snapshots still.
    app.clock = || 1_764_000_000_000;
    app.restore("feedc0de".into(), "/news/sample.txt".into(), None, false);
    persist(&mut app, saved);
    app
}

#[test]
fn a_bookmark_with_a_note_is_saved_marked_and_listed() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "}<Tab><C-d>m");
    assert!(app.prompt.is_some(), "m asks for a note");
    press(&mut app, "立法成果<Enter>");
    assert!(
        screen(&app)
            .lines()
            .last()
            .unwrap()
            .contains("bookmark saved")
    );
    persist(&mut app, &mut saved);
    let record = &saved.newsletters["feedc0de"];
    assert_eq!(record.bookmarks.len(), 1);
    let b = &record.bookmarks[0];
    assert_eq!(b.note, "立法成果");
    assert_eq!(b.anchor.title, "夯实新时代良法善治根基");
    assert_eq!(
        Some(b.anchor.clone()),
        app.top_anchor(),
        "at the top visible line"
    );
    // The list marks the article.
    let s = screen(&app);
    assert!(s.contains("▸ * 夯实新时代良法善治根基"), "{s}");
    press(&mut app, "'");
    assert!(matches!(app.popup, Some(Popup::Bookmarks { .. })));
    insta::assert_snapshot!("bookmarks_popup", screen(&app));
}

#[test]
fn escape_at_the_note_saves_nothing() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "m半句<Esc>");
    persist(&mut app, &mut saved);
    assert!(saved.newsletters.values().all(|r| r.bookmarks.is_empty()));
    assert!(app.prompt.is_none());
}

#[test]
fn the_popup_jumps_edits_and_deletes_after_asking() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "}<Tab><C-d><C-d>m第一个<Enter>{m第二个<Enter>");
    persist(&mut app, &mut saved);
    let first = saved.newsletters["feedc0de"].bookmarks[0].anchor.clone();
    press(&mut app, "'<Enter>");
    assert!(app.popup.is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(
        app.top_anchor(),
        Some(first),
        "jumped to the first bookmark"
    );

    press(&mut app, "'e<C-u>改过的<Enter>");
    persist(&mut app, &mut saved);
    assert_eq!(saved.newsletters["feedc0de"].bookmarks[0].note, "改过的");
    assert!(
        matches!(app.popup, Some(Popup::Bookmarks { .. })),
        "back in the popup"
    );

    press(&mut app, "jdn");
    persist(&mut app, &mut saved);
    assert_eq!(
        saved.newsletters["feedc0de"].bookmarks.len(),
        2,
        "n keeps it"
    );
    press(&mut app, "d");
    insta::assert_snapshot!("bookmarks_confirm_delete", screen(&app));
    press(&mut app, "y");
    persist(&mut app, &mut saved);
    let left = &saved.newsletters["feedc0de"].bookmarks;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].note, "改过的");
}

#[test]
fn reopening_restores_the_position_and_what_was_read_at_any_size() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "jj<Enter>}<C-d>j");
    let anchor = app.reader.anchor.unwrap();
    let open = app.open;
    press(&mut app, "q");
    persist(&mut app, &mut saved);

    let again = opened(&saved, false, (60, 20));
    assert_eq!(again.open, open);
    assert_eq!(again.reader.anchor, Some(anchor));
    let (line, _) = again
        .layout()
        .unwrap()
        .locate(again.open_article().unwrap(), anchor)
        .unwrap();
    assert_eq!(again.reader.top, line, "the same text at the top");
    assert!(again.read[2], "articles read stay read");
    assert!(
        screen(&again)
            .lines()
            .last()
            .unwrap()
            .contains("resumed at"),
        "{}",
        screen(&again)
    );

    let fresh = opened(&saved, true, (60, 20));
    assert_eq!(
        (fresh.open, fresh.reader.top),
        (0, 0),
        "--fresh starts at the top"
    );
    assert!(fresh.read[2], "without forgetting");
}

#[test]
fn a_bookmark_whose_text_is_gone_is_kept_and_shown_detached() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "m<Enter>");
    persist(&mut app, &mut saved);
    let record = saved.newsletters.get_mut("feedc0de").unwrap();
    record.bookmarks[0].anchor.title = "不存在的文章".into();
    record.bookmarks[0].anchor.snippet = "不存在的文字".into();
    let mut app = opened(&saved, false, (100, 30));
    press(&mut app, "'");
    assert!(screen(&app).contains("detached"), "{}", screen(&app));
    press(&mut app, "<Enter>");
    assert!(screen(&app).contains("no longer in the newsletter"));
    assert_eq!(app.saved.marks.len(), 1, "kept");
}

#[test]
fn after_a_note_is_edited_the_popup_shows_that_bookmark() {
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    for i in 0..8 {
        press(&mut app, &format!("j<Enter>m笔记{i}<Enter><Tab>"));
    }
    assert_eq!(app.saved.marks.len(), 8);
    press(&mut app, "'G");
    let before = screen(&app);
    assert!(before.contains("笔记7"), "{before}");
    assert!(
        !before.contains("笔记0"),
        "more than a page of bookmarks: {before}"
    );
    press(&mut app, "e改<Enter>");
    let after = screen(&app);
    assert!(matches!(app.popup, Some(Popup::Bookmarks { .. })));
    assert!(after.contains("笔记7改"), "{after}");
}

#[test]
fn reopening_returns_to_the_pane_the_reader_was_in() {
    for (keys, focus) in [
        ("}<Tab><C-d>", Focus::Reader),
        ("}<Tab><C-d><Tab>", Focus::List),
    ] {
        let mut saved = Saved::default();
        let mut app = new_app(&mut saved);
        press(&mut app, keys);
        press(&mut app, "q");
        persist(&mut app, &mut saved);
        let again = opened(&saved, false, (100, 30));
        assert_eq!(again.focus, focus, "after {keys}");
    }
    // A file from before the pane was saved: the list, as always.
    let mut saved = Saved::default();
    let mut app = new_app(&mut saved);
    press(&mut app, "}<Tab><C-d>q");
    persist(&mut app, &mut saved);
    for record in saved.newsletters.values_mut() {
        record.focus = None;
    }
    assert_eq!(opened(&saved, false, (100, 30)).focus, Focus::List);
}

mod in_a_terminal {
    //! The real binary: a full disk, and another kanbao holding the lock.

    use super::common::pty::Session;
    use kanbao::store::Store;

    fn notes(data: &std::path::Path) -> Vec<String> {
        let saved = Store::at(&data.join("kanbao")).load().unwrap();
        let mut notes: Vec<String> = saved
            .newsletters
            .values()
            .flat_map(|r| r.bookmarks.iter().map(|b| b.note.clone()))
            .collect();
        notes.sort();
        notes
    }

    /// Types `m`, the note one key at a time, and Enter.
    fn add(s: &mut Session, note: &str) {
        s.send("m");
        s.wait_for("Bookmark note");
        for (i, c) in note.char_indices() {
            s.send(&c.to_string());
            s.wait_for(&format!("Esc cancels): {}", &note[..i + c.len_utf8()]));
        }
        s.send("\r");
        s.wait_until("the prompt never closed", |screen| {
            !screen.contains("Bookmark note")
        });
    }

    fn last_line(s: &Session) -> String {
        s.screen
            .screen()
            .contents()
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    }

    #[test]
    fn a_full_disk_keeps_the_changes_says_so_and_saves_them_when_there_is_room() {
        let data = tempfile::tempdir().unwrap();
        let full = data.path().join("disk-is-full");
        std::fs::write(&full, "").unwrap();
        let mut cmd = portable_pty::CommandBuilder::new(Session::kanbao());
        cmd.env("KANBAO_TEST_FULL_DISK", &full);
        let mut s = Session::spawn(cmd, data.path(), (120, 30));
        s.wait_for("1/9");
        add(&mut s, "one");
        s.wait_for("not saved");
        s.wait_for("1 unsaved ·");
        add(&mut s, "two");
        s.wait_for("not saved yet");
        assert!(
            !last_line(&s).contains("bookmark saved"),
            "{}",
            last_line(&s)
        );
        // The status bar counts what the writer holds: this one failed too.
        s.wait_for("2 unsaved ·");
        std::fs::remove_file(&full).unwrap();
        add(&mut s, "three");
        s.wait_for("nothing is unsaved now");
        assert!(!last_line(&s).contains(" unsaved ·"), "{}", last_line(&s));
        s.send("q");
        assert!(s.finish().success());
        assert_eq!(notes(data.path()), ["one", "three", "two"]);

        // Quitting with changes unsaved says so, in one line.
        std::fs::write(&full, "").unwrap();
        let mut cmd = portable_pty::CommandBuilder::new(Session::kanbao());
        cmd.env("KANBAO_TEST_FULL_DISK", &full);
        let mut s = Session::spawn(cmd, data.path(), (120, 30));
        s.wait_for("resumed at");
        add(&mut s, "four");
        s.wait_for("not saved");
        s.send("q");
        s.finish();
        let text = s.screen.screen().contents();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("could not be saved"))
            .collect();
        assert_eq!(lines.len(), 1, "{text}");
        assert_eq!(notes(data.path()), ["one", "three", "two"]);
    }

    #[test]
    fn another_kanbao_holding_the_lock_never_freezes_the_reader() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join("kanbao");
        std::fs::create_dir(&dir).unwrap();
        let lock = dir.join("bookmarks.toml.lock");
        // Another process holding the lock, as a kanbao in the middle of a save would.
        // (-o: the lock stays with flock itself, so killing it releases the lock.)
        let mut holder = std::process::Command::new("flock")
            .arg("-o")
            .arg(&lock)
            .args(["sleep", "30"])
            .spawn()
            .expect("flock runs");
        let store = Store::at(&dir);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while store.try_lock().unwrap().is_some() {
            assert!(
                std::time::Instant::now() < deadline,
                "flock never took the lock"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let mut s = Session::start_with(&[], data.path(), (120, 30));
        s.wait_for("1/9");
        add(&mut s, "held");
        s.wait_for("waiting for another kanbao to release the bookmarks");
        // Still reading meanwhile.
        s.send("]");
        s.wait_for("2/9");
        let _ = holder.kill();
        let _ = holder.wait();
        s.wait_for("bookmarks saved");
        s.send("q");
        assert!(s.finish().success());
        assert_eq!(notes(data.path()), ["held"]);
    }
}
