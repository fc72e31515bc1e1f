//! Parsing speed at three sizes: the bundled sample (~20 KB), and ~50 MB and ~200 MB
//! newsletters made of whole copies of it; each parsed text alone, and decoded from bytes first.
//!
//! `cargo bench --bench parse` prints the time per parse; MB/s = size / median time.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use kanbao::{doc, source};

mod common;

use common::newsletter;

fn main() {
    divan::main();
}

/// Parses a newsletter of at least `bytes` bytes, already decoded.
fn parse(bencher: Bencher, bytes: usize) {
    let text = newsletter(bytes);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| doc::parse(black_box(&text)));
}

/// Decodes and parses a newsletter of at least `bytes` bytes.
fn decode_and_parse(bencher: Bencher, bytes: usize) {
    let bytes = newsletter(bytes).into_bytes();
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let decoded = source::decode(black_box(&bytes)).expect("decodes");
        doc::parse(&decoded.text)
    });
}

#[divan::bench]
fn sample(bencher: Bencher) {
    parse(bencher, 1);
}

#[divan::bench]
fn sample_decode_and_parse(bencher: Bencher) {
    decode_and_parse(bencher, 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb(bencher: Bencher) {
    parse(bencher, 50 << 20);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_decode_and_parse(bencher: Bencher) {
    decode_and_parse(bencher, 50 << 20);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn two_hundred_mb(bencher: Bencher) {
    parse(bencher, 200 << 20);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn two_hundred_mb_decode_and_parse(bencher: Bencher) {
    decode_and_parse(bencher, 200 << 20);
}
