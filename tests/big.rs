//! A big newsletter: its beginning is shown at once while the whole is read in the background,
//! and the whole then takes its place without moving the reader.

mod common;

use common::pty::Session;
use kanbao::app::{App, Focus};
use kanbao::{doc, source};

/// The sample `copies` times over, then a last article with a word found nowhere else.
fn big_text(copies: usize) -> String {
    let sample = source::decode(source::SAMPLE).unwrap().text;
    let mut text = String::new();
    for _ in 0..copies {
        text.push_str(&sample);
        text.push('\n');
    }
    text.push_str("\n最后一篇文章\n\n这是全文唯一出现终点标记的段落。\n");
    text
}

fn head_of(text: &str, bytes: usize) -> String {
    let cut = text.as_bytes()[..bytes]
        .windows(2)
        .rposition(|w| w == b"\n\n")
        .unwrap();
    text[..=cut].to_string()
}

#[test]
fn the_whole_replaces_the_beginning_and_the_reader_stays_on_its_text() {
    let text = big_text(40);
    let head = head_of(&text, 60_000);
    let mut app = App::new(doc::parse(&head), "big.txt".into(), (100, 30));
    let head_articles = app.articles.len();
    common::press(&mut app, "jjj<Enter><C-d>");
    let (open, anchor) = (app.open, app.reader.anchor);
    app.replace_doc(doc::parse(&text));
    assert!(app.articles.len() > 10 * head_articles);
    assert_eq!(app.open, open, "the same article");
    assert_eq!(app.reader.anchor, anchor, "the same text at the top");
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.read[open]);
}

#[test]
fn the_end_chosen_while_loading_is_the_real_end() {
    let text = big_text(40);
    let head = head_of(&text, 60_000);
    let mut app = App::new(doc::parse(&head), "big.txt".into(), (100, 30));
    common::press(&mut app, "G<Enter>");
    app.replace_doc(doc::parse(&text));
    assert_eq!(app.open, app.articles.len() - 1);
    assert_eq!(app.open_article().unwrap().title, "最后一篇文章");
}

#[test]
fn a_big_file_shows_its_beginning_then_all_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, big_text(400)).unwrap(); // about 7.5 MB
    let mut s = Session::start_with(&[path.to_str().unwrap()], dir.path(), (100, 30));
    s.wait_for("为中国式现代化太仓新实践贡献工会力量");
    s.send("G\r");
    s.wait_for("这是全文唯一出现终点标记的段落。");
    s.wait_until("still loading", |t| !t.contains("reading the rest"));
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn a_search_of_everything_asked_while_loading_runs_on_the_whole() {
    let text = big_text(40);
    let head = head_of(&text, 60_000);
    let mut app = App::new(doc::parse(&head), "big.txt".into(), (100, 30));
    app.loading = Some("reading the rest of the file…".into());
    common::press(&mut app, "S终点标记<Enter>");
    assert!(app.popup.is_none(), "nothing to show yet");
    app.replace_doc(doc::parse(&text));
    assert!(matches!(
        app.popup,
        Some(kanbao::app::Popup::Results { .. })
    ));
    assert_eq!(app.results.as_ref().unwrap().hits.len(), 1);
}
