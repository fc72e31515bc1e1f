//! A big newsletter: its first articles are shown at once while the rest is read in the
//! background and added in batches, without moving the reader.

mod common;

use common::pty::Session;
use kanbao::app::{App, Focus};
use kanbao::read::plain;
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

/// The newsletter as the reader gets it while a file is read: the app on the first batch
/// that has articles, and the batches after it.
fn arriving(text: &str) -> (App, Vec<doc::Batch>) {
    let mut stream = plain::Stream::with_piece(&plain::Hints::default(), 16 * 1024);
    let mut batches: Vec<doc::Batch> = Vec::new();
    for piece in text.split_inclusive('\n').collect::<Vec<_>>().chunks(50) {
        batches.push(stream.feed(&piece.concat()));
    }
    batches.push(stream.finish());
    batches.retain(|b| !b.is_empty());
    let mut first = doc::Newsletter::default();
    let mut assembler = doc::Assembler::default();
    assembler.add(&mut first, batches.remove(0));
    let mut app = App::new(first, "big.txt".into(), (100, 30));
    app.assembler = assembler;
    app.loading = Some("reading the file…".into());
    (app, batches)
}

/// The rest of the batches, then the end.
fn arrive(app: &mut App, batches: Vec<doc::Batch>) {
    let n = batches.len() as u64;
    for (i, batch) in batches.into_iter().enumerate() {
        app.extend([batch], i as u64 + 1, n + 1);
        assert!(app.loading.as_deref().unwrap().contains('%'));
    }
    app.finish_loading();
    assert!(app.loading.is_none());
}

#[test]
fn batches_add_articles_and_the_reader_stays_on_its_text() {
    let text = big_text(40);
    let (mut app, batches) = arriving(&text);
    assert!(batches.len() > 3, "{} batches", batches.len());
    let first = app.articles.len();
    common::press(&mut app, "jjj<Enter><C-d>");
    let (open, anchor, top) = (app.open, app.reader.anchor, app.reader.top);
    arrive(&mut app, batches);
    assert!(app.articles.len() > 10 * first);
    assert!(app.doc == plain::parse(&text), "the whole newsletter");
    assert_eq!(app.open, open, "the same article");
    assert_eq!(
        (app.reader.anchor, app.reader.top),
        (anchor, top),
        "the same text at the top"
    );
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.read[open]);
    assert_eq!(app.read.len(), app.articles.len());
}

#[test]
fn the_list_fills_in_and_the_status_bar_tells_how_far_the_reading_is() {
    let text = big_text(40);
    let (mut app, mut batches) = arriving(&text);
    let before = common::screen(&app);
    assert!(before.contains("reading the file…"), "{before}");
    let first = app.articles.len();
    app.extend([batches.remove(0)], 37, 100);
    let after = common::screen(&app);
    assert!(app.articles.len() > first);
    // In steps of 5%.
    assert!(after.contains("reading the file… 35%"), "{after}");
    arrive(&mut app, batches);
    assert!(!common::screen(&app).contains("reading the file"));
}

#[test]
fn the_end_chosen_while_loading_is_the_real_end() {
    let text = big_text(40);
    let (mut app, batches) = arriving(&text);
    common::press(&mut app, "G<Enter>");
    arrive(&mut app, batches);
    assert_eq!(app.open, app.articles.len() - 1);
    assert_eq!(app.selected, app.open);
    assert_eq!(app.open_article().unwrap().title, "最后一篇文章");
}

#[test]
fn sections_that_come_late_regroup_the_list_without_moving_the_reader() {
    // The first section marker turns what came before it into a lead section.
    let sample = source::decode(source::SAMPLE).unwrap().text;
    let text = format!("{}\n【要闻】\n\n{}", sample.repeat(20), sample.repeat(20));
    let (mut app, batches) = arriving(&text);
    common::press(&mut app, "jj<Enter>");
    let title = app.open_article().unwrap().title.clone();
    arrive(&mut app, batches);
    assert!(app.doc == plain::parse(&text));
    assert_eq!(app.open_article().unwrap().title, title);
    assert_eq!(app.doc.sections[1].title, "要闻");
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
    s.wait_until("still loading", |t| !t.contains("reading the file"));
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn a_search_of_everything_while_loading_shows_the_matches_so_far_then_all() {
    let text = big_text(40);
    let (mut app, mut batches) = arriving(&text);
    common::press(&mut app, "S工会<Enter>");
    assert!(matches!(
        app.popup,
        Some(kanbao::app::Popup::Results { .. })
    ));
    let first = app.results.as_ref().unwrap().hits.len();
    assert!(first > 0);
    assert!(common::screen(&app).contains("matches so far (reading the file…) of “工会”"));
    // The articles that arrive are searched as they come.
    app.extend(batches.drain(..10), 50, 100);
    assert!(app.results.as_ref().unwrap().hits.len() > first);
    arrive(&mut app, batches);
    let results = app.results.as_ref().unwrap();
    assert!(results.complete);
    let all = kanbao::find::find_in_newsletter(&app.doc, &results.query);
    assert_eq!(results.hits, all);
    let s = common::screen(&app);
    assert!(
        s.contains(&format!("{} matches of “工会”", all.len())),
        "{s}"
    );
}

#[test]
fn a_match_only_at_the_end_shows_when_the_end_is_read() {
    let text = big_text(40);
    let (mut app, batches) = arriving(&text);
    common::press(&mut app, "S终点标记<Enter>");
    assert!(app.results.as_ref().unwrap().hits.is_empty());
    assert!(common::screen(&app).contains("0 matches so far (reading the file…)"));
    arrive(&mut app, batches);
    assert_eq!(app.results.as_ref().unwrap().hits.len(), 1);
    assert!(common::screen(&app).contains("1 match of “终点标记”"));
}

#[test]
fn a_search_without_a_match_anywhere_says_so_at_the_end() {
    let text = big_text(40);
    let (mut app, batches) = arriving(&text);
    common::press(&mut app, "S无此词语<Enter>");
    assert!(app.popup.is_some());
    arrive(&mut app, batches);
    assert!(app.popup.is_none());
    assert!(common::screen(&app).contains("no match for 无此词语"));
}

#[test]
fn a_search_made_while_loading_keeps_what_there_is_if_the_rest_cannot_be_read() {
    let text = big_text(40);
    let (mut app, _) = arriving(&text);
    common::press(&mut app, "S工会<Enter>");
    app.loading_failed("big.txt: the disk went away".into());
    assert!(matches!(
        app.popup,
        Some(kanbao::app::Popup::Results { .. })
    ));
    assert!(!app.results.as_ref().unwrap().hits.is_empty());
    assert!(app.results.as_ref().unwrap().complete);
    assert!(app.loading.is_none());
    assert!(common::screen(&app).contains("the disk went away"));
}
