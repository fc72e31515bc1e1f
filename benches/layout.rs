//! Layout speed: the sample's longest article at widths 40, 80 and 120, every article of the
//! sample, and a 1 MB article made of the sample's paragraphs.
//!
//! `cargo bench --bench layout` prints the time per layout.

use divan::{Bencher, black_box};
use kanbao::doc::{self, Article, ArticleKind, Block};
use kanbao::layout::{ArticleLayout, LayoutOptions};
use kanbao::source;

fn main() {
    divan::main();
}

fn sample() -> doc::Newsletter {
    let text = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    doc::parse(&text)
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
