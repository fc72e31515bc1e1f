//! Search speed: the whole of a ~50 MB newsletter (the sample repeated, plus one last article
//! holding a word found nowhere else) for a frequent term and for that word; find-in-page in the
//! sample's longest article.
//!
//! `cargo bench --bench find` prints the time per search.

use divan::{Bencher, black_box};
use kanbao::find::{Query, find_in_article, find_in_newsletter};
use kanbao::{doc, source};

mod common;

fn main() {
    divan::main();
}

/// ~50 MB: whole copies of the sample, then an article with a word that occurs only there.
fn big() -> doc::Newsletter {
    let mut text = common::newsletter(50 << 20);
    text.push_str("\n最后一篇\n\n这是全文唯一出现ENDMARKER终的段落。\n");
    doc::parse(&text)
}

fn search(bencher: Bencher, term: &str, at_least: usize) {
    let news = big();
    let query = Query::new(term).expect("a query");
    assert!(find_in_newsletter(&news, &query).len() >= at_least);
    bencher.bench_local(|| find_in_newsletter(black_box(&news), &query));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_frequent_cjk(bencher: Bencher) {
    search(bencher, "工会", 100_000);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_once_at_the_end(bencher: Bencher) {
    search(bencher, "ENDMARKER终", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_latin_and_digits_folded(bencher: Bencher) {
    // Digits match their full-width forms too, so this takes the folding path.
    search(bencher, "2023", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_latin_ignoring_case(bencher: Bencher) {
    // Lower case: each part is looked over for `a`, `A`, `ａ` and `Ａ` before it is searched.
    search(bencher, "and", 1);
}

#[divan::bench]
fn longest_article_find_in_page(bencher: Bencher) {
    let text = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    let news = doc::parse(&text);
    let article = news
        .articles()
        .map(|(_, a)| a)
        .max_by_key(|a| a.blocks.len())
        .expect("articles")
        .clone();
    let query = Query::new("法律").expect("a query");
    bencher.bench_local(|| find_in_article(black_box(&article), &query));
}
