//! What the benchmarks share: big newsletters made of whole copies of the bundled sample, and
//! big Markdown digests made of the hand-written fixtures.
#![allow(dead_code)]

use kanbao::source;

/// The sample repeated in whole copies until the text is at least `bytes` long.
pub fn newsletter(bytes: usize) -> String {
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

/// A Markdown digest of at least `bytes` bytes: one title, then the sections of the
/// hand-written Chinese and English fixtures, over and over.
pub fn digest(bytes: usize) -> String {
    let body = |text: &str| {
        let at = text.find("\n## ").map_or(0, |i| i + 1);
        text[at..].to_string()
    };
    let zh = body(include_str!("../../tests/fixtures/markdown/zh-weekly.md"));
    let en = body(include_str!("../../tests/fixtures/markdown/en-weekly.md"));
    let mut text = String::with_capacity(bytes + zh.len() + en.len());
    text.push_str("# 码农周报合订本\n\n");
    while text.len() < bytes {
        text.push_str(&zh);
        text.push('\n');
        text.push_str(&en);
        text.push('\n');
    }
    text
}
