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
    insta::assert_snapshot!("search_all_results", screen(&app));
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
