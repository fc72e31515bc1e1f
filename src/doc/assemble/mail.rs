//! The furniture newsletters sent by email share, whatever their form (an HTML page, an email's
//! HTML or plain text): the "view this email in your browser" line at the top, and the footer
//! (why you receive it, the postal address, how to unsubscribe). Both are set apart as the
//! newsletter's last section, never mixed into the first or the last story.

use super::super::model::{Article, Block, BlockKind, Section};
use super::super::text::Text;
use super::headings::Piece;
use crate::text::is_han;

/// How many blocks from the top a "view in your browser" line may stand.
const TOP: usize = 6;

/// A line this short (in characters) may stand between footer lines (an address, a name).
const SHORT: usize = 160;

/// How many such lines in a row may stand between two footer lines, or after the last.
const BETWEEN: usize = 3;

/// How many blocks from the end the footer may start.
const FOOTER_REACH: usize = 16;

/// A line that offers the newsletter on the web: a link, worded so.
fn is_web_version(block: &Block) -> bool {
    let text = block.text.trim();
    let linked = block
        .spans()
        .iter()
        .any(|s| s.kind == super::super::model::SpanKind::Link);
    if !linked || text.chars().count() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let english = [
        "browser",
        "web version",
        "view online",
        "read online",
        "view it online",
        "on the web",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && (lower.contains("view") || lower.contains("read") || lower.contains("open"));
    let chinese = ["浏览器", "网页版", "在线阅读", "在线查看"]
        .iter()
        .any(|w| text.contains(w));
    english || chinese
}

/// Words only a newsletter's footer says.
fn is_footer_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "unsubscribe",
        "you are receiving this",
        "you're receiving this",
        "you received this",
        "you are subscribed",
        "update your preferences",
        "manage your preferences",
        "email preferences",
        "all rights reserved",
        "our mailing address",
        "no longer wish to receive",
        "opt out",
        "opt-out",
        "cancel your subscription",
        "manage your subscription",
        "change your address",
        "this email was sent to",
        "forwarded this email",
        "published by",
        "copyright",
        "©",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || ["退订", "取消订阅", "不想再收到", "版权所有"]
            .iter()
            .any(|w| text.contains(w))
}

/// Takes the email furniture out of `pieces` and gives it back, to be set apart (see
/// [`footer_section`]): the web version's line at the top, then the footer's blocks.
pub fn take_furniture(pieces: &mut Vec<Piece>) -> Vec<Block> {
    let top = pieces.len().min(TOP);
    let web = pieces[..top]
        .iter()
        .position(|p| match p {
            Piece::Block { block, .. } => is_web_version(block),
            Piece::Heading { .. } => false,
        })
        .map(|at| pieces.remove(at));
    let mut footer: Vec<Block> = web
        .into_iter()
        .filter_map(|p| match p {
            Piece::Block { block, .. } => Some(block),
            Piece::Heading { .. } => None,
        })
        .collect();
    // The footer: from the earliest footer line among the last blocks, with no heading after
    // it, to the end; never the whole newsletter.
    // Looked for from the end: footer lines, and between them short lines (an address) and
    // rules; a heading, or a long paragraph that is none, is the story's.
    let mut start = None;
    let mut between = 0;
    for (i, piece) in pieces.iter().enumerate().rev().take(FOOTER_REACH) {
        let Piece::Block { block, .. } = piece else {
            break;
        };
        if is_footer_line(&block.text) {
            start = Some(i);
            between = 0;
        } else if block.kind == BlockKind::Rule || block.text.chars().count() <= SHORT {
            between += 1;
            if between > BETWEEN {
                break;
            }
        } else {
            break;
        }
    }
    // The rules that set the footer off go with it.
    let mut start = start.filter(|&s| s > 0);
    while let Some(s) = start.filter(|&s| s > 1)
        && matches!(&pieces[s - 1], Piece::Block { block, .. } if block.kind == BlockKind::Rule)
    {
        start = Some(s - 1);
    }
    if let Some(start) = start {
        footer.extend(pieces.drain(start..).filter_map(|p| match p {
            Piece::Block { block, .. } => Some(block),
            Piece::Heading { .. } => None,
        }));
    }
    footer
}

/// The footer as the newsletter's last section, named in the language of its text.
pub fn footer_section(blocks: Vec<Block>) -> Option<Section> {
    if blocks.is_empty() {
        return None;
    }
    let chinese = blocks.iter().any(|b| b.text.chars().any(is_han));
    let name = Text::from(if chinese { "页脚" } else { "Footer" });
    Some(Section {
        title: name.clone(),
        inferred: true,
        articles: vec![Article {
            title: name,
            blocks,
            ..Article::default()
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::model::{Span, SpanKind};

    fn block(text: &str) -> Piece {
        Piece::Block {
            block: Block::paragraph(text),
            first_line: text.len(),
        }
    }

    fn linked(text: &str) -> Piece {
        let mut block = Block::paragraph(text);
        block.spans.push(Span {
            kind: SpanKind::Link,
            start: 0,
            end: text.len(),
            url: Some("https://example.org/web".into()),
        });
        Piece::Block {
            block,
            first_line: text.len(),
        }
    }

    #[test]
    fn the_web_version_line_goes_and_the_footer_is_set_apart() {
        let mut pieces = vec![
            linked("View this email in your browser"),
            block("The story."),
            block("Copyright © 2026 Someone, All rights reserved."),
            block("12 Harbour Lane"),
            block("Unsubscribe from this list."),
        ];
        let footer = take_furniture(&mut pieces);
        assert_eq!(pieces.len(), 1);
        assert_eq!(footer.len(), 4);
        assert_eq!(footer[0].text.as_str(), "View this email in your browser");
        let section = footer_section(footer).unwrap();
        assert_eq!(section.title.as_str(), "Footer");
        assert_eq!(section.articles[0].blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn a_story_that_speaks_of_copyright_stays_a_story() {
        let long = "Published by a small press in 1961, the book was out of copyright by the \
                    time the society found it, and the society reprinted it for its members, \
                    with a new foreword and the old woodcuts, at cost.";
        let mut pieces = vec![
            block("Lead."),
            Piece::Heading {
                level: 3,
                text: "Books".into(),
                spans: Vec::new(),
            },
            block(long),
            block(
                "Copies are in the hall, a long paragraph that is not short at all, because it goes on and on about where the copies are kept and who holds the key to the cupboard.",
            ),
            block("Unsubscribe here."),
        ];
        let footer = take_furniture(&mut pieces);
        assert_eq!(footer.len(), 1);
        assert_eq!(pieces.len(), 4);
    }

    #[test]
    fn a_heading_after_the_words_keeps_them_in_the_story() {
        let mut pieces = vec![
            block("How to unsubscribe from junk mail, a guide."),
            Piece::Heading {
                level: 2,
                text: "Next".into(),
                spans: Vec::new(),
            },
            block("More."),
        ];
        assert!(take_furniture(&mut pieces).is_empty());
        assert_eq!(pieces.len(), 3);
        // An unlinked line that mentions a browser stays.
        let mut pieces = vec![block("Open the browser."), block("Text.")];
        assert!(take_furniture(&mut pieces).is_empty());
        assert_eq!(pieces.len(), 2);
    }
}
