//! What every rich front end's fuzz target checks of the newsletter it read (a module of
//! theirs, by `#[path]`): every span lies inside its text on char boundaries; every article
//! lays out at a few widths with no visual line wider than the width and the gutter (but a
//! single cluster wider than the whole line), lines on char boundaries, in order.

use kanbao::doc::{Newsletter, Span};
use kanbao::layout::{ArticleLayout, LayoutOptions, display_width};
use unicode_segmentation::UnicodeSegmentation;

/// Widths from one column to a wide terminal, with and without a gutter.
const WIDTHS: [(usize, usize); 5] = [(1, 0), (7, 1), (20, 1), (43, 2), (80, 1)];

fn check_spans(text: &str, spans: &[Span], what: &str) {
    for s in spans {
        assert!(
            s.start < s.end && s.end <= text.len(),
            "{what}: span {s:?} outside {text:?}"
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what}: span {s:?} inside a char of {text:?}"
        );
    }
}

/// Checks a newsletter as the module says.
pub fn check(doc: &Newsletter) {
    for (_, article) in doc.articles() {
        for (part, text) in article.parts() {
            check_spans(text, article.spans(part), &format!("{part:?}"));
        }
        for (width, gutter) in WIDTHS {
            let options = LayoutOptions {
                width,
                gutter,
                ..LayoutOptions::default()
            };
            let layout = ArticleLayout::new(article, options);
            for (part, text) in article.parts() {
                let Some(range) = layout.part_lines(part) else {
                    continue;
                };
                let mut last_end = 0;
                for line in &layout.lines()[range] {
                    let r = line.range.clone();
                    assert!(r.start <= r.end && r.start >= last_end, "{part:?}: {r:?}");
                    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                    let shown = &text[r.clone()];
                    assert_eq!(display_width(shown), line.width, "width of {shown:?}");
                    if line.indent + line.width > width + gutter {
                        assert_eq!(
                            shown.graphemes(true).count(),
                            1,
                            "{part:?}: {shown:?} at indent {} is too wide for {width}+{gutter}",
                            line.indent
                        );
                    }
                    last_end = r.end;
                }
            }
        }
    }
}
