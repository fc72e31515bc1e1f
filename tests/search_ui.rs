//! Finding text on screen: the prompt, highlighted matches and the counter, `n`/`N` with
//! wrap-around, `Esc`, and the whole-newsletter results popup.

mod common;

use common::{highlights, press, sample, screen};
use kanbao::app::{Focus, Popup};
use kanbao::doc::TextPos;

fn status(app: &kanbao::app::App) -> String {
    screen(app).lines().last().unwrap_or("").to_string()
}

#[test]
fn typing_a_query_highlights_every_match_and_counts_them() {
    let mut app = sample(100, 30);
    press(&mut app, "/工会");
    let find = app.find.as_ref().expect("find is on while typing");
    assert!(
        find.matches.len() > 5,
        "工会 occurs often in the first article"
    );
    assert_eq!(find.current, Some(0));
    assert!(status(&app).starts_with("/工会"), "{}", status(&app));
    assert!(status(&app).contains(&format!("1/{}", find.matches.len())));
    insta::assert_snapshot!(
        "find_typed",
        format!("{}\n{}", screen(&app), highlights(&app))
    );
    press(&mut app, "<Enter>");
    assert!(app.prompt.is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert!(status(&app).contains(&format!("1/{} · ", find_len(&app))));
}

/// The runs painted as the current match, top to bottom.
fn current(highlights: &str) -> Vec<&str> {
    highlights
        .lines()
        .filter_map(|l| l.strip_suffix(" [current]"))
        .filter_map(|l| l.split_once(": ").map(|(_, t)| t))
        .collect()
}

fn find_len(app: &kanbao::app::App) -> usize {
    app.find.as_ref().map_or(0, |f| f.matches.len())
}

#[test]
fn n_and_shift_n_step_through_matches_and_wrap_around() {
    let mut app = sample(100, 30);
    press(&mut app, "/工会<Enter>");
    let n = find_len(&app);
    press(&mut app, "n");
    assert_eq!(app.find.as_ref().unwrap().current, Some(1));
    press(&mut app, "N");
    assert_eq!(app.find.as_ref().unwrap().current, Some(0));
    press(&mut app, "N");
    assert_eq!(app.find.as_ref().unwrap().current, Some(n - 1));
    assert!(status(&app).contains("search wrapped to the bottom"));
    // The last match is in view, with the reader scrolled to it.
    let h = highlights(&app);
    assert!(h.contains("[current]"), "{h}");
    press(&mut app, "n");
    assert_eq!(app.find.as_ref().unwrap().current, Some(0));
    insta::assert_snapshot!("find_wrapped", screen(&app));
    assert!(status(&app).contains("search wrapped to the top"));
}

#[test]
fn a_match_out_of_view_is_scrolled_in_with_context_above() {
    let mut app = sample(80, 16);
    // The sample's longest article, seen from its top.
    press(&mut app, "}<Tab>/审计法<Enter>");
    let find = app.find.as_ref().unwrap();
    assert_eq!(find.matches.len(), 1);
    let article = app.open_article().unwrap();
    let m = &find.matches[0];
    let (line, _) = app
        .layout()
        .unwrap()
        .locate(
            article,
            TextPos {
                part: m.part,
                offset: m.range.start,
            },
        )
        .unwrap();
    assert!(app.reader.top > 0, "the reader moved");
    assert!(line > app.reader.top, "not at the very top edge");
    assert!(line <= app.reader.top + 3, "but near it");
    // At this width the match is cut by a line break: both halves are painted.
    let h = highlights(&app);
    assert_eq!(current(&h), ["审", "计法"], "{h}");
}

#[test]
fn escape_in_the_prompt_goes_back_and_escape_in_the_reader_clears() {
    let mut app = sample(80, 16);
    press(&mut app, "}<Tab><C-d>");
    let before = app.reader.clone();
    press(&mut app, "/审计法");
    assert_ne!(app.reader, before, "typing jumped to the match");
    press(&mut app, "<Esc>");
    assert_eq!(app.reader, before, "Esc went back");
    assert!(app.find.is_none() && app.prompt.is_none());

    press(&mut app, "/法律<Enter>");
    assert!(highlights(&app).contains("[current]"));
    press(&mut app, "<Esc>");
    assert!(app.find.is_none());
    assert_eq!(highlights(&app), "", "no highlights left");
}

#[test]
fn no_match_says_so_and_nothing_moves() {
    let mut app = sample(80, 24);
    press(&mut app, "<Enter><C-d>");
    let before = app.reader.clone();
    press(&mut app, "/不存在的词");
    assert!(status(&app).contains("no match"), "{}", status(&app));
    assert_eq!(app.reader, before);
    press(&mut app, "<Enter>");
    assert_eq!(app.reader, before);
    assert!(
        status(&app).contains("no match for 不存在的词"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_prompt_edits_by_character_and_follows_every_keystroke() {
    let mut app = sample(80, 24);
    press(&mut app, "/工会x");
    assert_eq!(find_len(&app), 0);
    press(&mut app, "<BS>");
    assert!(find_len(&app) > 0);
    press(&mut app, "<Left><Left>总<End>");
    assert_eq!(app.prompt.as_ref().unwrap().input, "总工会");
    press(&mut app, "<C-u>");
    assert_eq!(app.prompt.as_ref().unwrap().input, "");
    assert!(app.find.is_none());
}

#[test]
fn search_all_lists_matches_by_article_and_opens_one_with_find_on() {
    let mut app = sample(100, 30);
    press(&mut app, "S法律<Enter>");
    assert!(matches!(app.popup, Some(Popup::Results { .. })));
    // The selected row is marked, its match drawn as the current one; the others as matches.
    insta::assert_snapshot!(
        "search_all_results",
        format!("{}\n{}", screen(&app), highlights(&app))
    );
    // Down over the headers: the first match of the third article.
    press(&mut app, "jjj<Enter>");
    assert!(app.popup.is_none());
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.open_article().unwrap().title, "夯实新时代良法善治根基");
    let find = app.find.as_ref().unwrap();
    assert_eq!(find.query.text(), "法律");
    assert_eq!(find.current, Some(0));
    assert_eq!(find.matches.len(), 15);
    assert!(highlights(&app).contains("法律 [current]"));
    press(&mut app, "n");
    assert_eq!(app.find.as_ref().unwrap().current, Some(1), "n continues");
}

#[test]
fn a_search_of_everything_that_finds_nothing_leaves_no_old_count() {
    let mut app = sample(100, 30);
    press(&mut app, "/工会<Enter>n");
    let n = find_len(&app);
    assert!(
        status(&app).contains(&format!(" 2/{n} · ")),
        "{}",
        status(&app)
    );
    press(&mut app, "S不存在的词<Enter>");
    let bar = status(&app);
    assert!(bar.contains("no match for 不存在的词"), "{bar}");
    assert!(!bar.contains(&format!("/{n}")), "an old count: {bar}");
    assert_eq!(highlights(&app), "", "no old highlights");
}

#[test]
fn every_match_is_painted_whole_at_every_width_even_across_a_line_break() {
    for width in [50, 57, 64, 71, 88, 103, 120] {
        let mut app = sample(width, 20);
        press(&mut app, "}<Tab>/法律<Enter>");
        let n = find_len(&app);
        assert_eq!(n, 15);
        let mut split = 0;
        for _ in 0..n {
            let runs = highlights(&app);
            let parts = current(&runs);
            assert_eq!(parts.concat(), "法律", "width {width}: {runs}");
            split += usize::from(parts.len() > 1);
            press(&mut app, "n");
        }
        assert!(split <= n);
    }
}

#[test]
fn pasted_text_goes_into_the_prompt_whole() {
    use crossterm::event::Event;
    let mut app = sample(100, 30);
    press(&mut app, "/");
    let paste = Event::Paste("工会\n工作".into());
    let action = app.action_for(&paste).unwrap();
    kanbao::app::update(&mut app, action);
    assert_eq!(app.prompt.as_ref().unwrap().input, "工会 工作");
    // Outside a prompt a paste does nothing.
    press(&mut app, "<Esc>");
    assert!(app.action_for(&paste).is_none());
}

// The real binary in a pseudo-terminal, keys typed one at a time: each key is sent alone and
// the screen is read until it shows what that key did, before the next is typed.

use common::pty::Session;

/// The status bar: the screen's last row.
fn bar(s: &Session) -> String {
    let rows = s.screen.screen().size().0.get();
    s.screen
        .screen()
        .rows(0, s.screen.screen().size().1.get())
        .nth(usize::from(rows - 1))
        .unwrap_or_default()
}

/// Types one key, then waits until the status bar shows each of `then`.
fn key(s: &mut Session, key: &str, then: &[&str]) {
    s.send(key);
    let what = format!("after {key:?} the status bar never showed {then:?}");
    let rows = s.screen.screen().size().0.get();
    s.wait_until(&what, |screen| {
        // The contents end with the status bar's row (trailing blank rows are dropped, but the
        // status bar is never blank).
        let last = screen.lines().nth(usize::from(rows - 1)).unwrap_or("");
        then.iter().all(|t| last.contains(t))
    });
}

/// Types `text` a character at a time, each seen in the prompt before the next.
fn type_in(s: &mut Session, label: &str, text: &str) {
    let mut shown = label.to_string();
    for c in text.chars() {
        shown.push(c);
        key(s, &c.to_string(), &[&shown]);
    }
}

/// The number before `of` (`"/15"`) in the status bar's search counter.
fn counter(bar: &str, of: &str) -> Option<usize> {
    bar.split_whitespace()
        .rev()
        .find_map(|w| w.strip_suffix(of)?.parse().ok())
}

/// The reader starting on the sample in a data directory of its own (never the user's).
fn reader(data: &std::path::Path) -> Session {
    let mut s = Session::start_with(&[], data, (100, 30));
    s.wait_for("1/9");
    s
}

/// Cells on screen painted as a match (yellow) or the current match (light red).
fn painted(s: &Session) -> usize {
    let screen = s.screen.screen();
    let (rows, cols) = (screen.size().0.get(), screen.size().1.get());
    (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            screen.cell(r, c).is_some_and(|cell| {
                matches!(cell.bgcolor(), vt100::Color::Idx(3) | vt100::Color::Idx(9))
            })
        })
        .count()
}

#[test]
fn after_search_all_n_goes_through_the_whole_newsletter_in_reading_order_and_wraps() {
    let data = tempfile::tempdir().unwrap();
    let mut s = reader(data.path());
    key(&mut s, "S", &["Search all: "]);
    type_in(&mut s, "Search all: ", "法律");
    s.send("\r");
    s.wait_for("18 matches of “法律”");
    // The first result: the only match of the second article.
    key(&mut s, "\r", &["综合 1/2 · 2/9", " 1/1 · "]);
    // On into the next article with a match, on its first match, then through it…
    key(&mut s, "n", &["综合 1/2 · 3/9", " 1/2 · "]);
    key(&mut s, "n", &["3/9", " 2/2 · "]);
    // …and across a section, to the last article with one.
    key(&mut s, "n", &["新华社 2/2 · 8/9", " 1/15 · "]);
    for k in 2..=15 {
        key(&mut s, "n", &["8/9", &format!(" {k}/15 · ")]);
    }
    // At the end of the newsletter: back to its first match, saying so.
    key(&mut s, "n", &["search wrapped to the top", " 1/1 · "]);
    s.wait_for("▸ 今年以来,姑苏区总工会");
    key(&mut s, "N", &["search wrapped to the bottom", " 15/15 · "]);
    s.wait_for("▸ 夯实新时代良法善治根基");
    key(&mut s, "N", &["8/9", " 14/15 · "]);
    key(&mut s, "n", &["8/9", " 15/15 · "]);

    // A search with `/` stays in its article.
    key(&mut s, "/", &["/"]);
    type_in(&mut s, "/", "法律");
    key(&mut s, "\r", &["8/9", "/15 · "]);
    let at: usize = counter(&bar(&s), "/15").expect("a counter of 15");
    for k in at + 1..=15 {
        key(&mut s, "n", &["8/9", &format!(" {k}/15 · ")]);
    }
    key(&mut s, "n", &["search wrapped to the top", " 1/15 · "]);
    s.wait_for("▸ 夯实新时代良法善治根基");
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn escape_clears_the_highlights_but_n_takes_the_search_up_again() {
    let data = tempfile::tempdir().unwrap();
    let mut s = reader(data.path());
    key(&mut s, "\r", &["· reader"]);
    key(&mut s, "/", &["/"]);
    type_in(&mut s, "/", "工会");
    key(&mut s, "\r", &[" 1/", " · reader"]);
    let total = bar(&s)
        .split_whitespace()
        .rev()
        .find_map(|w| w.strip_prefix("1/").map(str::to_string))
        .expect("the counter");
    let total = total.as_str();
    key(&mut s, "n", &[&format!(" 2/{total} · ")]);
    assert!(painted(&s) > 0, "the matches are highlighted");

    s.send("\x1b");
    s.wait_until("Esc cleared the count", |screen| {
        !screen
            .lines()
            .last()
            .unwrap_or("")
            .contains(&format!("/{total}"))
    });
    s.settle(std::time::Duration::from_millis(300));
    assert_eq!(
        painted(&s),
        0,
        "no highlights left:\n{}",
        s.screen.screen().contents()
    );

    // As in less and vim: n goes on with the same query, and the highlights come back.
    key(&mut s, "n", &[&format!(" 3/{total} · ")]);
    assert!(painted(&s) > 0, "the highlights are back");
    key(&mut s, "N", &[&format!(" 2/{total} · ")]);

    // A search that finds nothing leaves no count of the one before.
    key(&mut s, "/", &["/"]);
    type_in(&mut s, "/", "不存在的词");
    key(&mut s, "\r", &["no match for 不存在的词"]);
    let now = bar(&s);
    assert!(!now.contains(&format!("/{total}")), "an old count: {now}");
    assert_eq!(painted(&s), 0, "no old highlights");
    key(&mut s, "n", &["no match for 不存在的词 here"]);
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn up_and_down_recall_earlier_queries_across_runs_but_not_notes() {
    let data = tempfile::tempdir().unwrap();
    let mut s = reader(data.path());
    key(&mut s, "/", &["/"]);
    type_in(&mut s, "/", "工会");
    key(&mut s, "\r", &["1/9", " · reader"]);
    key(&mut s, "S", &["Search all: "]);
    type_in(&mut s, "Search all: ", "法律");
    s.send("\r");
    s.wait_for("18 matches of “法律”");
    // Esc alone, seen done before the next key (an Esc followed at once by a key is Alt-key).
    s.send("\x1b");
    s.wait_until("Esc closed the popup", |screen| {
        !screen.contains("18 matches")
    });
    // A bookmark's note is not a query.
    key(&mut s, "m", &["Bookmark note"]);
    type_in(&mut s, "Bookmark note (Enter saves, Esc cancels): ", "立法");
    key(&mut s, "\r", &["bookmark saved"]);

    // What is being typed, then ↑ ↑ ↑ ↓ ↓: the newest query, the one before, the same (the
    // oldest), forward again, and what was typed.
    key(&mut s, "/", &["/"]);
    type_in(&mut s, "/", "审");
    key(&mut s, "\x1b[A", &["/法律"]);
    key(&mut s, "\x1b[A", &["/工会"]);
    s.send("\x1b[A");
    s.settle(std::time::Duration::from_millis(300));
    assert!(
        bar(&s).starts_with("/工会"),
        "the oldest stays: {}",
        bar(&s)
    );
    key(&mut s, "\x1b[B", &["/法律"]);
    key(&mut s, "\x1b[B", &["/审"]);
    // The recalled query is searched as if typed.
    key(&mut s, "\x1b[A", &["/法律", "no match"]);
    key(&mut s, "\x1b[A", &["/工会", "1/13"]);
    key(&mut s, "\r", &[" · reader"]);
    // In the note prompt ↑ recalls nothing.
    key(&mut s, "m", &["Bookmark note"]);
    s.send("\x1b[A");
    s.settle(std::time::Duration::from_millis(300));
    assert!(bar(&s).trim_end().ends_with("Esc cancels):"), "{}", bar(&s));
    key(&mut s, "\x1b", &["· reader"]);
    s.send("q");
    assert!(s.finish().success());

    let file = data.path().join("kanbao").join("search-history.txt");
    let text = std::fs::read_to_string(&file).expect("the history was written");
    assert_eq!(
        text, "法律\n工会\n",
        "once each, the one accepted again the newest, no note"
    );

    // The next run recalls them.
    let mut s = Session::start_with(&["--fresh"], data.path(), (100, 30));
    s.wait_for("1/9");
    key(&mut s, "S", &["Search all: "]);
    key(&mut s, "\x1b[A", &["Search all: 工会"]);
    key(&mut s, "\x1b[A", &["Search all: 法律"]);
    key(&mut s, "\x1b", &["1/9"]);
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn a_broken_or_huge_history_file_does_not_stop_the_reader() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("kanbao");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("search-history.txt");
    // Megabytes of junk: bad UTF-8, escape sequences, one endless line; then two queries.
    let mut junk = Vec::new();
    for _ in 0..20_000 {
        junk.extend_from_slice(b"\xff\xfe\x1b[2J\x1b]0;pwned\x07 ");
        junk.extend_from_slice("很长".repeat(40).as_bytes());
        junk.push(b'\n');
    }
    junk.extend_from_slice("x".repeat(3 << 20).as_bytes());
    junk.extend_from_slice("\n工会\n\u{1b}[31m红\n法律\n".as_bytes());
    std::fs::write(&file, &junk).unwrap();

    let mut s = reader(data.path());
    key(&mut s, "/", &["/"]);
    key(&mut s, "\x1b[A", &["/法律"]);
    key(&mut s, "\x1b[A", &["/工会"]);
    key(&mut s, "\r", &[" · reader"]);
    assert!(
        !s.screen.screen().contents().contains("pwned"),
        "nothing of the junk reached the screen"
    );
    s.send("q");
    assert!(s.finish().success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text, "法律\n工会\n", "rewritten small, newest last");
}

#[test]
fn the_selected_result_is_a_bar_apart_from_the_matches_and_a_click_opens_one() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(Session::kanbao());
    cmd.env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd, data.path(), (100, 30));
    s.wait_for("1/9");
    key(&mut s, "S", &["Search all: "]);
    type_in(&mut s, "Search all: ", "法律");
    s.send("\r");
    s.wait_for("18 matches of “法律”");
    // The title arrives before the rows below it: let the whole frame land.
    s.settle(std::time::Duration::from_millis(300));
    let screen = s.screen.screen();
    let top = (0..30)
        .find(|&r| screen.cell(r, 2).is_some_and(|c| c.contents() == "┌"))
        .expect("the popup's top border");
    let right = (3..100)
        .find(|&c| screen.cell(top, c).is_some_and(|c| c.contents() == "┐"))
        .expect("its right corner");
    let cells = |row: u16| {
        (3..right)
            .filter_map(move |c| screen.cell(row, c))
            .filter(|c| !c.is_wide_continuation())
    };
    // Row 1 under the border is the first article, row 2 its match: selected.
    let selected = top + 2;
    let text: String = cells(selected).map(|c| c.contents()).collect();
    assert!(text.contains("法律"), "{text}");
    let (in_bar, out_of_bar): (Vec<_>, Vec<_>) = cells(selected).partition(|c| c.inverse());
    assert!(
        out_of_bar
            .iter()
            .all(|c| c.underline() && !c.contents().is_empty()),
        "only the match breaks the reversed bar, underlined: {text}"
    );
    let inverse = |col: u16| screen.cell(selected, col).is_some_and(vt100::Cell::inverse);
    assert!(
        !out_of_bar.is_empty() && !in_bar.is_empty() && inverse(3) && inverse(right - 1),
        "a bar across the popup with the match in it: {text}"
    );
    // The other matches are underlined, and nothing in their rows is reversed.
    for row in [top + 4, top + 5, top + 7] {
        let text: String = cells(row).map(|c| c.contents()).collect();
        assert!(
            cells(row).all(|c| !c.inverse()),
            "row {row} looks selected: {text}"
        );
        assert!(cells(row).any(|c| c.underline()), "row {row}: {text}");
    }

    // A click on the second match of the third article opens it there.
    let (x, y) = (10, top + 5);
    s.send(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        x + 1,
        y + 1,
        x + 1,
        y + 1
    ));
    s.wait_until("the click opened the match", |screen| {
        !screen.contains("18 matches of")
    });
    key(&mut s, "", &["3/9", " 2/2 · ", "· reader"]);
    // A click outside the popup closes it.
    key(&mut s, "S", &["Search all: "]);
    key(&mut s, "\x1b[A", &["Search all: 法律"]);
    s.send("\r");
    s.wait_for("18 matches of “法律”");
    s.send("\x1b[<0;1;1M\x1b[<0;1;1m");
    s.wait_until("the click outside closed the popup", |screen| {
        !screen.contains("18 matches of")
    });
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn two_readers_at_once_keep_each_others_queries() {
    let data = tempfile::tempdir().unwrap();
    let mut a = reader(data.path());
    let mut b = reader(data.path());
    let accept = |s: &mut Session, query: &str| {
        key(s, "/", &["/"]);
        type_in(s, "/", query);
        key(s, "\r", &[" · reader"]);
    };
    accept(&mut a, "工会");
    accept(&mut b, "法律");
    accept(&mut a, "审计");
    // The one that wrote last wrote the other's query too, and recalls it.
    key(&mut a, "/", &["/"]);
    key(&mut a, "\x1b[A", &["/审计"]);
    key(&mut a, "\x1b[A", &["/法律"]);
    key(&mut a, "\x1b[A", &["/工会"]);
    for s in [&mut a, &mut b] {
        s.send("\x1b");
        s.settle(std::time::Duration::from_millis(200));
        s.send("q");
        assert!(s.finish().success());
    }
    let text =
        std::fs::read_to_string(data.path().join("kanbao").join("search-history.txt")).unwrap();
    assert_eq!(text, "工会\n法律\n审计\n");
}
