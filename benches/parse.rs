//! Parsing speed: the bundled sample, and a ~50 MB newsletter made of whole copies of it.
//!
//! `cargo bench --bench parse` prints the time per parse; MB/s = size / median time.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use kanbao::{doc, source};

fn main() {
    divan::main();
}

/// The sample repeated in whole copies until the text is at least `bytes` long.
fn newsletter(bytes: usize) -> String {
    let sample = source::decode(source::SAMPLE)
        .expect("the sample decodes")
        .text;
    let copies = bytes.div_ceil(sample.len() + 1);
    let mut text = String::with_capacity(copies * (sample.len() + 1));
    for _ in 0..copies {
        text.push_str(&sample);
        text.push('\n');
    }
    text
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
