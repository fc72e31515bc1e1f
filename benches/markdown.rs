//! Markdown parsing speed: a digest the size of one weekly issue (~30 KB) and a 50 MB one,
//! both made of the hand-written fixtures' sections.
//!
//! `cargo bench --bench markdown` prints the time per parse; MB/s = size / median time.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use kanbao::read::markdown;

mod common;

fn main() {
    divan::main();
}

fn parse(bencher: Bencher, bytes: usize) {
    let text = common::digest(bytes);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| markdown::parse(black_box(&text)));
}

#[divan::bench]
fn weekly_issue(bencher: Bencher) {
    parse(bencher, 30 << 10);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb(bencher: Bencher) {
    parse(bencher, 50 << 20);
}

/// The 50 MB digest handed over, as the reader and `--json` do: cut from its end and let go
/// piece by piece (`parse_owned`).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_handed_over(bencher: Bencher) {
    let text = common::digest(50 << 20);
    bencher
        .counter(BytesCount::of_str(&text))
        .with_inputs(|| text.clone())
        .bench_values(markdown::parse_owned);
}

/// pulldown-cmark alone over the 50 MB digest, for comparison: the events, nothing built.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn fifty_mb_events_only(bencher: Bencher) {
    use pulldown_cmark::{Options, Parser};
    let text = common::digest(50 << 20);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| Parser::new_ext(black_box(&text), options).count());
}
