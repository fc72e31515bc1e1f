//! Layout at any width: `wrap` of any text, and a whole article (parsed from the input) laid
//! out with any options, checked against the invariants the reader relies on.
#![no_main]

use arbitrary::Arbitrary;
use kanbao::doc::{self, Part, TextPos};
use kanbao::layout::{ArticleLayout, LayoutOptions, WrapOptions, wrap};
use kanbao::text::display_width;
use kanbao::read::plain;
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Arbitrary)]
struct Input {
    width: u8,
    gutter: u8,
    first_indent: u8,
    indent: bool,
    paragraph_spacing: u8,
    /// A line and a column to map back to text, and a byte offset to map to the screen.
    probe: (u16, u8, u16),
    text: String,
}

/// Lines of `text` in `ranges` keep to the width, lie on char boundaries and move forward.
fn check_lines(
    text: &str,
    lines: impl Iterator<Item = (std::ops::Range<usize>, usize, usize)>,
    width: usize,
    gutter: usize,
) {
    let mut last_end = 0;
    for (range, indent, drawn) in lines {
        assert!(range.start <= range.end, "range {range:?} runs backwards");
        assert!(
            range.start >= last_end,
            "range {range:?} starts before {last_end}"
        );
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let shown = &text[range.clone()];
        assert_eq!(display_width(shown), drawn, "width of {shown:?}");
        if indent + drawn > width.max(1) + gutter {
            // Only a single cluster wider than the whole line may overflow it.
            assert_eq!(
                shown.graphemes(true).count(),
                1,
                "line {shown:?} is too wide"
            );
        }
        last_end = range.end;
    }
}

fuzz_target!(|input: Input| {
    let width = usize::from(input.width);
    let gutter = usize::from(input.gutter % 4);
    let text = &input.text;

    let opts = WrapOptions {
        gutter,
        first_indent: usize::from(input.first_indent),
    };
    let lines = wrap(text, width, &opts);
    check_lines(
        text,
        lines.iter().enumerate().map(|(n, l)| {
            let indent = match width.checked_sub(opts.first_indent) {
                Some(w) if n == 0 && w > 0 => opts.first_indent,
                _ => 0,
            };
            (l.range.clone(), indent, l.width)
        }),
        width,
        gutter,
    );

    let newsletter = plain::parse(text);
    let options = LayoutOptions {
        width,
        gutter,
        indent: input.indent,
        paragraph_spacing: usize::from(input.paragraph_spacing % 4),
    };
    for section in &newsletter.sections {
        for article in &section.articles {
            let layout = ArticleLayout::new(article, options);
            for (part, text) in article.parts() {
                let Some(range) = layout.part_lines(part) else {
                    continue;
                };
                let lines = &layout.lines()[range];
                check_lines(
                    text,
                    lines.iter().map(|l| (l.range.clone(), l.indent, l.width)),
                    width,
                    gutter,
                );
            }
            let (line, col, offset) = input.probe;
            let line = usize::from(line) % (layout.len() + 1);
            if let Some(pos) = layout.position_at(article, line, usize::from(col)) {
                let text = article.text(pos.part).expect("a position in a part it has");
                assert!(text.is_char_boundary(pos.offset));
                let (back, _) = layout.locate(article, pos).expect("its part is laid out");
                assert_eq!(
                    layout.part_lines(pos.part).map(|r| r.contains(&back)),
                    Some(true)
                );
            }
            if let Some(pos) = layout.anchor(line) {
                let (at, _) = layout.locate(article, pos).expect("an anchor is laid out");
                assert_eq!(layout.anchor(at), Some(pos), "anchor of line {line} moves");
            }
            // Any offset, on a char boundary or not, locates without panicking.
            for part in [Part::Title, Part::Block(0)] {
                let _ = layout.locate(
                    article,
                    TextPos {
                        part,
                        offset: usize::from(offset),
                    },
                );
            }
        }
    }
});
