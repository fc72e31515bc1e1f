//! Parsing speed: the bundled sample, and a ~50 MB newsletter made of whole copies of it.
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

#[divan::bench]
fn sample(bencher: Bencher) {
    let text = newsletter(1);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| doc::parse(black_box(&text)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb(bencher: Bencher) {
    let text = newsletter(50 << 20);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| doc::parse(black_box(&text)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_decode_and_parse(bencher: Bencher) {
    let bytes = newsletter(50 << 20).into_bytes();
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let decoded = source::decode(black_box(&bytes)).expect("decodes");
        doc::parse(&decoded.text)
    });
}
