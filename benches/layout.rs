//! Layout speed: the sample's longest article at widths 40, 80 and 120, every article of the
//! sample, and a 1 MB article made of the sample's paragraphs. Then, for the sample (~20 KB) and
//! for ~50 MB and ~200 MB newsletters of copies of it: the last article at width 80, and in the
//! app at 200×60, jumping from the first article to the last (`G`, Enter in the list), which
//! lays the last article out for the reader's screen.
//!
//! `cargo bench --bench layout` prints the time per layout.

use std::cell::RefCell;

use divan::{Bencher, black_box};
use kanbao::app::{Action, App, Focus, LayoutCache, update};
use kanbao::doc::{self, Article, ArticleKind, Block};
use kanbao::layout::{ArticleLayout, LayoutOptions};
use kanbao::read::plain;
use kanbao::source;

mod common;

fn main() {
    divan::main();
}

fn sample() -> doc::Newsletter {
    let text = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    plain::parse(&text)
}

/// The sample's article with the most text.
fn longest() -> Article {
    let news = sample();
    news.articles()
        .map(|(_, a)| a)
        .max_by_key(|a| a.blocks.iter().map(|b| b.text.len()).sum::<usize>())
        .expect("the sample has articles")
        .clone()
}

/// An article of about 1 MB: the sample's paragraphs over and over.
fn megabyte() -> Article {
    let news = sample();
    let paragraphs: Vec<Block> = news
        .articles()
        .flat_map(|(_, a)| a.blocks.iter().cloned())
        .collect();
    let mut blocks = Vec::new();
    let mut size = 0;
    while size < 1 << 20 {
        for b in &paragraphs {
            size += b.text.len();
            blocks.push(b.clone());
        }
    }
    Article {
        title: "一兆字节".into(),
        title_inferred: false,
        subtitle: None,
        byline: None,
        kind: ArticleKind::Story,
        blocks,
        ..Article::default()
    }
}

fn options(width: usize) -> LayoutOptions {
    LayoutOptions {
        width,
        ..LayoutOptions::default()
    }
}

#[divan::bench(args = [40, 80, 120])]
fn longest_article(bencher: Bencher, width: usize) {
    let article = longest();
    bencher.bench(|| ArticleLayout::new(black_box(&article), options(width)));
}

#[divan::bench]
fn whole_sample_at_80(bencher: Bencher) {
    let news = sample();
    bencher.bench(|| {
        for (_, a) in news.articles() {
            black_box(ArticleLayout::new(a, options(80)));
        }
    });
}

#[divan::bench(args = [40, 80, 120], sample_count = 10, sample_size = 1)]
fn one_megabyte_article(bencher: Bencher, width: usize) {
    let article = megabyte();
    bencher.bench(|| ArticleLayout::new(black_box(&article), options(width)));
}

/// The last article of a newsletter of at least `bytes` bytes, laid out at width 80. A few
/// microseconds whatever the size, so the big ones keep divan's default sampling.
fn last_article(bencher: Bencher, bytes: usize) {
    let article = plain::parse(&common::newsletter(bytes))
        .articles()
        .last()
        .expect("the newsletter has articles")
        .1
        .clone();
    bencher.bench(|| ArticleLayout::new(black_box(&article), options(80)));
}

/// The app at 200×60 on a newsletter of at least `bytes` bytes, the list focused on the first
/// article (only its layout made); timed: `G` and Enter, which open the last article and lay it
/// out for the reader.
fn jump_to_last_article(bencher: Bencher, bytes: usize) {
    let news = plain::parse(&common::newsletter(bytes));
    let app = RefCell::new(App::new(news, "bench.txt".into(), (200, 60)));
    let last = app.borrow().articles.len() - 1;
    // Each input puts the app back at the first article; `sample_size = 1` makes one input per
    // jump.
    bencher
        .with_inputs(|| {
            let mut app = app.borrow_mut();
            for action in [Action::Back, Action::Top, Action::Open, Action::Back] {
                update(&mut app, action);
            }
            // Forget every layout (the last article's above all); this update lays the first
            // article out again.
            app.layouts = LayoutCache::default();
            update(&mut app, Action::Back);
            assert_eq!((app.open, app.focus), (0, Focus::List));
            assert!(app.layouts.get(last, &app.layout_options()).is_none());
        })
        .bench_local_values(|()| {
            let mut app = app.borrow_mut();
            update(&mut app, Action::Bottom);
            update(&mut app, Action::Open);
            assert_eq!(app.open, last);
        });
}

#[divan::bench]
fn sample_last_article(bencher: Bencher) {
    last_article(bencher, 1);
}

#[divan::bench(sample_size = 1)]
fn sample_jump_to_last_article(bencher: Bencher) {
    jump_to_last_article(bencher, 1);
}

#[divan::bench]
fn fifty_mb_last_article(bencher: Bencher) {
    last_article(bencher, 50 << 20);
}

#[divan::bench(sample_size = 1)]
fn fifty_mb_jump_to_last_article(bencher: Bencher) {
    jump_to_last_article(bencher, 50 << 20);
}

#[divan::bench]
fn two_hundred_mb_last_article(bencher: Bencher) {
    last_article(bencher, 200 << 20);
}

#[divan::bench(sample_size = 1)]
fn two_hundred_mb_jump_to_last_article(bencher: Bencher) {
    jump_to_last_article(bencher, 200 << 20);
}
