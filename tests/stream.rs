//! A newsletter parsed as it arrives, piece by piece, is exactly the newsletter parsed whole:
//! wherever the pieces are cut, with mastheads, explicit sections that come late, wire copy,
//! hard-wrapped lines and English text.

mod common;

use kanbao::doc::{Assembler, Newsletter};
use kanbao::read::plain::{self, Hints, Stream};
use kanbao::source;

/// `text` fed in pieces of about `size` bytes to a stream that parses every `piece` bytes,
/// and how many batches brought articles before the end.
fn streamed(text: &str, size: usize, piece: usize, hints: &Hints) -> (Newsletter, usize) {
    let mut stream = Stream::with_piece(hints, piece);
    let mut doc = Newsletter::default();
    let mut assembler = Assembler::default();
    let mut early = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = size.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (head, tail) = rest.split_at(cut);
        let batch = stream.feed(head);
        early += usize::from(!batch.articles.is_empty());
        assembler.add(&mut doc, batch);
        rest = tail;
    }
    assembler.add(&mut doc, stream.finish());
    (doc, early)
}

fn sample() -> String {
    source::decode(source::SAMPLE).expect("decodes").text
}

/// Every line of `text` wrapped at `width` characters, as a PDF extraction leaves it.
fn hard_wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            out.push('\n');
        }
        for part in chars.chunks(width) {
            out.extend(part);
            out.push('\n');
        }
    }
    out
}

const ENGLISH: &str = "Town hall to reopen in May\n\nBy Jane Doe\n\nThe town hall will reopen in May \
after repairs that took\nlonger than planned.\n\nThe council said the work was on budget.\n\n\
Floods close coastal road\n\nBy John Roe, Reuters\n\nHeavy rain closed the coastal road on \
Sunday.\n\nWhy are the buses late?\n\nThe new timetable starts on Monday, the council said.\n\n";

fn cases() -> Vec<(&'static str, String)> {
    let sample = sample();
    vec![
        ("sample", sample.repeat(12)),
        (
            "masthead, then sections that come late",
            format!(
                "苏州工会报\n2023年3月10日 第12期\n\n{}\n【要闻】\n\n{}\n## Sport\n\n{}",
                sample.repeat(4),
                sample.repeat(3),
                ENGLISH.repeat(40)
            ),
        ),
        ("hard-wrapped", hard_wrapped(&sample, 23).repeat(8)),
        ("english", ENGLISH.repeat(400)),
        (
            "newspaper pages as extracted, articles continued on the next page",
            common::EXTRACTED_PAGES.repeat(200),
        ),
        (
            "wire copy between local news",
            format!(
                "{}新华社北京9月15日电 国家统计局今天发布数据。\n\n{}",
                sample.repeat(3),
                sample.repeat(3)
            )
            .repeat(2),
        ),
    ]
}

#[test]
fn pieces_parse_exactly_as_the_whole() {
    for (name, text) in cases() {
        let whole = plain::parse(&text);
        for (size, piece) in [(97, 1), (1000, 1), (8191, 4096), (70_000, 65_536)] {
            let (doc, early) = streamed(&text, size, piece, &Hints::default());
            assert!(doc == whole, "{name}: pieces of {size} bytes differ");
            assert!(
                early > 1,
                "{name}: only {early} early batches (pieces of {size}, {} articles)",
                whole.articles().count()
            );
        }
    }
}

#[test]
fn pieces_parse_as_the_whole_with_hints() {
    let hints = Hints {
        bylines: vec!["撰稿".into()],
        agencies: vec!["中新社".into()],
        section_markers: vec!["■ {}".into()],
    };
    let text = format!(
        "{}\n\n■ 评论\n\n撰稿 王明\n\n中新社上海3月1日电 上海今天发布新规。\n\n{}",
        sample().repeat(5),
        sample().repeat(5)
    );
    let whole = plain::parse_with(&text, &hints);
    assert!(whole.sections.iter().any(|s| s.title == "评论"));
    let (doc, early) = streamed(&text, 3000, 1, &hints);
    assert!(doc == whole);
    assert!(early > 1);
}

#[test]
fn one_long_article_arrives_whole_at_the_end() {
    // Nothing can be final before the article ends: no batch until the end, and the text is
    // parsed a bounded number of times, not once per piece.
    let text = format!(
        "长文\n\n{}",
        "这是一段很长的文字,没有结束。\n\n".repeat(20_000)
    );
    let whole = plain::parse(&text);
    let (doc, early) = streamed(&text, 4096, 1, &Hints::default());
    assert!(doc == whole);
    assert_eq!(whole.articles().count(), 1);
    assert_eq!(early, 0);
}
