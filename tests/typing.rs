//! What a new user meets in the first hour, through the real binary in a pseudo-terminal with
//! keys typed one at a time: spaces in prompts, going back to the article being read, counts,
//! a word when a key does nothing, the help on a narrow screen, unread articles, the file's name.

mod common;

use std::path::{Path, PathBuf};

use common::pty::Session;
use portable_pty::CommandBuilder;

/// A newsletter of three sections, the second with a long article of numbered paragraphs.
fn newsletter(dir: &Path, name: &str) -> PathBuf {
    let mut text = String::from(
        "## Harbour\n\nNight ferry returns\n\nThe night ferry leaves at 9 p.m. from the \
         north pier again.\n\nNew crane arrives\n\nA new crane arrived at the harbour on \
         Tuesday.\n\n## City\n\nThe long council meeting\n\n",
    );
    for n in 1..=60 {
        text.push_str(&format!(
            "Paragraph {n} of the council report says what was decided at the meeting.\n\n"
        ));
    }
    text.push_str(
        "Library opens late\n\nThe city library now opens until ten on Fridays.\n\n## Sport\n\n\
         Rowing club wins\n\nThe rowing club won the regatta on Sunday.\n",
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn start(data: &Path, file: &Path, size: (u16, u16)) -> Session {
    let mut s = Session::start_with(&[file.to_str().unwrap()], data, size);
    s.wait_for("Night ferry returns");
    s
}

/// At 60×20: the long article opened from the list, then three pages down with Space, as a
/// reader does.
fn into_the_report(s: &mut Session) {
    s.type_keys("}");
    s.wait_for("▸ The long council meeting");
    s.type_keys("\r");
    s.wait_for("· reader");
    for _ in 0..3 {
        s.type_keys(" ");
    }
    s.wait_until("three pages down", |t| t.contains("Paragraph 20 of"));
}

/// The status bar, the last row.
fn status(s: &Session) -> String {
    let screen = s.screen.screen();
    let (rows, cols) = screen.size();
    let last = u16::from(rows) - 1;
    screen.contents_between(last, 0, last, cols.into())
}

/// Reads output until `done` holds of the session's screen; fails after a while.
fn wait(s: &mut Session, what: &str, done: impl Fn(&Session) -> bool) {
    let deadline = std::time::Instant::now() + common::pty::PATIENCE;
    while !done(s) {
        assert!(
            std::time::Instant::now() < deadline,
            "{what}; the screen:\n{}",
            s.screen.screen().contents()
        );
        s.settle(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_space_typed_in_every_prompt_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let mut s = start(data.path(), &file, (100, 30));
    s.type_keys("/");
    s.type_keys("9 p.m.");
    s.wait_for("/9 p.m.");
    s.wait_for(" 1/1 ");
    s.type_keys("\r");
    s.type_keys("S");
    s.type_keys("night ferry");
    s.wait_for("Search all: night ferry");
    s.type_keys("\r");
    s.wait_for("2 matches of “night ferry”");
    s.type_keys("\x1b");
    s.type_keys("m");
    s.wait_for("Bookmark note");
    s.type_keys("hello world");
    s.wait_for("Enter saves, Esc cancels): hello world");
    s.type_keys("\r");
    s.wait_for("bookmark saved");
    s.type_keys("q");
    assert!(s.finish().success());
    let saved = std::fs::read_to_string(data.path().join("kanbao/bookmarks.toml")).unwrap();
    assert!(saved.contains("note = \"hello world\""), "{saved}");
}

#[test]
fn opening_the_open_article_again_keeps_the_place() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    // Below 70 columns: list and reader take turns, `h` and `Enter` go between them.
    let mut s = start(data.path(), &file, (60, 20));
    into_the_report(&mut s);
    let top = |s: &Session| s.screen.screen().contents_between(0, 0, 0, 60);
    let was = top(&s);
    assert!(!s.screen.screen().contents().contains("Paragraph 10 of"));
    for key in ["h", "\r", "h", "l"] {
        s.type_keys(key);
        if key == "h" {
            s.wait_for("Rowing club wins");
        } else {
            s.wait_until("back where the reader was", |t| {
                t.contains("Paragraph 20 of")
            });
            assert_eq!(top(&s), was, "the same line at the top");
        }
    }
    assert!(
        !s.screen.screen().contents().contains("Paragraph 10 of"),
        "still where the reader was:\n{}",
        s.screen.screen().contents()
    );
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn counts_repeat_movements_and_show_while_typed() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let mut s = start(data.path(), &file, (100, 30));
    s.wait_for("1/5");
    s.type_keys("3");
    wait(&mut s, "the count shows", |s| status(s).contains("count 3"));
    s.type_keys("]");
    s.wait_for("4/5");
    assert!(!status(&s).contains("count"), "{}", status(&s));
    s.type_keys("2");
    s.type_keys("[");
    s.wait_for("2/5");
    s.type_keys("2");
    s.type_keys("}");
    s.wait_for("Rowing club wins");
    s.wait_for("Sport 3/3");
    // In the reader: a line number, a percentage, a count of pages.
    s.type_keys("{");
    s.wait_for("City 2/3");
    s.type_keys("\t");
    s.type_keys("5");
    s.type_keys("0");
    s.type_keys("%");
    s.wait_until("half-way", |t| {
        t.contains("Paragraph 30 of") && !t.contains("Paragraph 10 of")
    });
    s.type_keys("1");
    s.type_keys("g");
    s.wait_for("The long council meeting");
    s.type_keys("1");
    s.type_keys("0");
    s.type_keys(" ");
    s.wait_until("ten pages down: the end", |t| t.contains("Paragraph 60 of"));
    s.type_keys("%");
    s.wait_for("type a number first");
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn keys_that_do_nothing_say_so() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let mut s = start(data.path(), &file, (100, 30));
    s.type_keys("[");
    s.wait_for("this is the first article");
    s.type_keys("G");
    s.type_keys("\r");
    s.wait_for("5/5");
    s.type_keys("]");
    s.wait_for("this is the last article");
    s.type_keys("}");
    s.wait_for("this is the last section");
    s.type_keys("x");
    s.wait_for("x does nothing here: ? shows the keys");
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn the_help_wraps_on_a_narrow_screen_and_says_it_scrolls() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let mut s = start(data.path(), &file, (40, 20));
    s.type_keys("?");
    s.wait_for("Keys · Esc closes");
    s.wait_for("j/k <Space> scroll");
    let screen = s.screen.screen().contents();
    // "close the popup / clear highlights" does not fit: it goes on on the next line.
    assert!(screen.contains("close the popup /"), "{screen}");
    assert!(screen.contains("highlights"), "wrapped, not cut:\n{screen}");
    let before = screen.clone();
    s.type_keys(" ");
    s.wait_until("scrolled a page", |t| t != before);
    s.wait_for(" of ");
    assert!(
        s.screen.screen().contents().contains("↕"),
        "more above and below"
    );
    s.type_keys("q");
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn an_article_marked_unread_stays_unread_and_looks_dim_without_colours() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let open = |data: &Path| {
        let mut cmd = CommandBuilder::new(Session::kanbao());
        cmd.arg(file.to_str().unwrap());
        cmd.env("NO_COLOR", "1");
        let mut s = Session::spawn(cmd, data, (100, 30));
        s.wait_for("Night ferry returns");
        s
    };
    let mut s = open(data.path());
    // Reading the first two articles, then marking the second unread again from the list.
    s.type_keys("]");
    s.wait_for("2/5");
    s.type_keys("[");
    s.wait_for("1/5");
    let dim = |s: &Session, row: u16| {
        let cell = s.screen.screen().cell(row, 4).map(|c| c.dim());
        cell.unwrap_or(false)
    };
    // Row 0: the section; row 1: the open article; row 2: the second, read.
    wait(&mut s, "the read article is dim", |s| dim(s, 2));
    s.type_keys("j");
    s.type_keys("u");
    s.wait_for("marked unread");
    assert!(!dim(&s, 2), "unread again");
    s.type_keys("q");
    assert!(s.finish().success());

    let mut s = open(data.path());
    s.settle(std::time::Duration::from_millis(300));
    assert!(!dim(&s, 2), "still unread after a restart");
    s.type_keys("j");
    s.type_keys("u");
    s.wait_for("marked read");
    assert!(dim(&s, 2));
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn a_long_path_is_cut_from_its_start_so_the_name_shows() {
    let data = tempfile::tempdir().unwrap();
    let deep = data
        .path()
        .join("newsletters-from-the-harbour-office")
        .join("archive-of-every-issue");
    std::fs::create_dir_all(&deep).unwrap();
    let file = newsletter(&deep, "harbour-weekly-2026-12.txt");
    let mut s = start(data.path(), &file, (80, 24));
    wait(&mut s, "the name is in the status bar", |s| {
        status(s).starts_with(" …") && status(s).contains("harbour-weekly-2026-12.txt ")
    });
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn the_resumed_line_survives_a_look_at_the_list() {
    let data = tempfile::tempdir().unwrap();
    let file = newsletter(data.path(), "weekly.txt");
    let mut s = start(data.path(), &file, (60, 20));
    into_the_report(&mut s);
    s.type_keys("q");
    assert!(s.finish().success());

    let mut s = start_resumed(data.path(), &file);
    s.wait_for("resumed at The long council");
    // To the list and back, the way below 70 columns.
    s.type_keys("h");
    s.wait_for("Rowing club wins");
    s.type_keys("\r");
    s.wait_until("back at the resumed line", |t| {
        t.contains("Paragraph 20 of") && !t.contains("Paragraph 1 of")
    });
    s.type_keys("q");
    assert!(s.finish().success());
}

/// The reader reopened on `file`, where it resumes (not necessarily at the first article).
fn start_resumed(data: &Path, file: &Path) -> Session {
    Session::start_with(&[file.to_str().unwrap()], data, (60, 20))
}
