//! What the benchmarks share: big newsletters made of whole copies of the bundled sample.

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
