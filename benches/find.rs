//! Search speed: the whole of a newsletter at three sizes — the sample (~20 KB), ~50 MB and
//! ~200 MB (the sample repeated), each followed by one last article holding a word found nowhere
//! else — for a frequent term, for that word, for digits and for a lower-case Latin word;
//! find-in-page in the sample's longest article.
//!
//! `cargo bench --bench find` prints the time per search.

use divan::{Bencher, black_box};
use kanbao::find::{Query, find_in_article, find_in_newsletter};
use kanbao::read::plain;
use kanbao::{doc, source};

mod common;

fn main() {
    divan::main();
}

/// Whole copies of the sample up to at least `bytes`, then an article with a word that occurs
/// only there.
fn big(bytes: usize) -> doc::Newsletter {
    let mut text = common::newsletter(bytes);
    text.push_str("\n最后一篇\n\n这是全文唯一出现ENDMARKER终的段落。\n");
    plain::parse(&text)
}

fn search(bencher: Bencher, bytes: usize, term: &str, at_least: usize) {
    let news = big(bytes);
    let query = Query::new(term).expect("a query");
    assert!(find_in_newsletter(&news, &query).len() >= at_least);
    bencher.bench_local(|| find_in_newsletter(black_box(&news), &query));
}

/// The sample has 46 of them, so ~50 MB (2,700 copies) has over 100,000 and ~200 MB over 400,000.
const FREQUENT: &str = "工会";

#[divan::bench]
fn sample_frequent_cjk(bencher: Bencher) {
    search(bencher, 1, FREQUENT, 40);
}

#[divan::bench]
fn sample_once_at_the_end(bencher: Bencher) {
    search(bencher, 1, "ENDMARKER终", 1);
}

#[divan::bench]
fn sample_latin_and_digits_folded(bencher: Bencher) {
    search(bencher, 1, "2023", 1);
}

#[divan::bench]
fn sample_latin_ignoring_case(bencher: Bencher) {
    search(bencher, 1, "and", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_frequent_cjk(bencher: Bencher) {
    search(bencher, 50 << 20, FREQUENT, 100_000);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_once_at_the_end(bencher: Bencher) {
    search(bencher, 50 << 20, "ENDMARKER终", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_latin_and_digits_folded(bencher: Bencher) {
    // Digits match their full-width forms too, so this takes the folding path.
    search(bencher, 50 << 20, "2023", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_latin_ignoring_case(bencher: Bencher) {
    // Lower case: each part is looked over for `a`, `A`, `ａ` and `Ａ` before it is searched.
    search(bencher, 50 << 20, "and", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn two_hundred_mb_frequent_cjk(bencher: Bencher) {
    search(bencher, 200 << 20, FREQUENT, 400_000);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn two_hundred_mb_once_at_the_end(bencher: Bencher) {
    search(bencher, 200 << 20, "ENDMARKER终", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn two_hundred_mb_latin_and_digits_folded(bencher: Bencher) {
    // Digits match their full-width forms too, so this takes the folding path.
    search(bencher, 200 << 20, "2023", 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn two_hundred_mb_latin_ignoring_case(bencher: Bencher) {
    // Lower case: each part is looked over for `a`, `A`, `ａ` and `Ａ` before it is searched.
    search(bencher, 200 << 20, "and", 1);
}

#[divan::bench]
fn longest_article_find_in_page(bencher: Bencher) {
    let text = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    let news = plain::parse(&text);
    let article = news
        .articles()
        .map(|(_, a)| a)
        .max_by_key(|a| a.blocks.len())
        .expect("articles")
        .clone();
    let query = Query::new("法律").expect("a query");
    bencher.bench_local(|| find_in_article(black_box(&article), &query));
}
