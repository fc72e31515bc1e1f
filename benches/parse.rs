//! Parsing speed at three sizes: the bundled sample (~20 KB), and ~50 MB and ~200 MB
//! newsletters made of whole copies of it; each parsed text alone, decoded from bytes first,
//! and read from a file the way the reader reads a big one (in pieces, by two threads over
//! 16 MiB), with the time to its first screen.
//!
//! `cargo bench --bench parse` prints the time per parse; MB/s = size / median time.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use kanbao::loader::{Loaded, Loader};
use kanbao::read::plain;
use kanbao::source;

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
        .bench(|| plain::parse(black_box(&text)));
}

/// Decodes and parses a newsletter of at least `bytes` bytes.
fn decode_and_parse(bencher: Bencher, bytes: usize) {
    let bytes = newsletter(bytes).into_bytes();
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        let decoded = source::decode(black_box(&bytes)).expect("decodes");
        plain::parse(&decoded.text)
    });
}

/// A newsletter of at least `bytes` bytes in a temporary file.
fn file(bytes: usize) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    std::io::Write::write_all(&mut file, newsletter(bytes).as_bytes()).expect("written");
    file
}

/// Reads a newsletter file of at least `bytes` bytes as the reader does: the first screen,
/// then the rest from the worker threads, to the end.
fn read_file(bencher: Bencher, bytes: usize) {
    let file = file(bytes);
    let size = file.as_file().metadata().expect("metadata").len();
    bencher.counter(BytesCount::new(size)).bench(|| {
        let reader = source::Reader::open(file.path(), 0)
            .expect("opens")
            .expect("a file");
        let start = Loader::new(reader, &plain::Hints::default())
            .start()
            .expect("reads");
        let (mut doc, mut assembler) = (start.doc, start.assembler);
        let Ok(loader) = start.rest else {
            return doc;
        };
        for message in loader.spawn() {
            match message {
                Loaded::Batch { batch, .. } => assembler.add(&mut doc, batch),
                Loaded::Done { .. } => break,
                Loaded::Failed(e) => panic!("{e}"),
                Loaded::Whole(_) => panic!("a text file comes in batches"),
            }
        }
        doc
    });
}

/// The first screen's share of reading a newsletter file of at least `bytes` bytes.
fn first_screen(bencher: Bencher, bytes: usize) {
    let file = file(bytes);
    bencher.bench(|| {
        let reader = source::Reader::open(file.path(), 0)
            .expect("opens")
            .expect("a file");
        Loader::new(reader, &plain::Hints::default())
            .start()
            .expect("reads")
            .doc
    });
}

#[divan::bench]
fn sample_file(bencher: Bencher) {
    read_file(bencher, 1);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn fifty_mb_file(bencher: Bencher) {
    read_file(bencher, 50 << 20);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn two_hundred_mb_file(bencher: Bencher) {
    read_file(bencher, 200 << 20);
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn two_hundred_mb_first_screen(bencher: Bencher) {
    first_screen(bencher, 200 << 20);
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
