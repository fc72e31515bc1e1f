//! The plain text of an email: `format=flowed` lines rejoined (RFC 3676), `>` quotes as
//! quotes, paragraphs apart by blank lines, list items, headings underlined with `===` (a
//! section) or set alone on a short line without a stop (an article's lead line, bold), web
//! addresses as links, and what follows the signature line `-- ` kept for the footer.

use crate::doc::assemble::headings::Piece;
use crate::doc::{Block, BlockKind, Marker, Span, SpanKind};
use crate::text::is_wide;

/// One line of the text, its quote depth taken off.
struct Line<'a> {
    depth: u8,
    text: &'a str,
}

/// The quote depth of a line (`>`, `> >`, `>>`) and the rest; one space after the marks (or a
/// flowed line's stuffing space) goes with them.
fn quoted(line: &str) -> (u8, &str) {
    let mut depth = 0u8;
    let mut rest = line;
    loop {
        if let Some(r) = rest.strip_prefix('>') {
            depth = depth.saturating_add(1);
            rest = r;
        } else if depth > 0 && rest.starts_with(" >") {
            rest = &rest[1..];
        } else {
            break;
        }
    }
    (depth, rest.strip_prefix(' ').unwrap_or(rest))
}

/// The text's lines, flowed ones rejoined: a line that ends in a space goes on in the next of
/// the same depth (with `delsp`, without that space). The signature line is never flowed.
fn lines(text: &str, flowed: bool, delsp: bool) -> Vec<(u8, String)> {
    let mut out: Vec<(u8, String)> = Vec::new();
    let mut open = false;
    for raw in text.lines() {
        let (depth, rest) = quoted(raw);
        // Unflowed text keeps its indents; a flowed line's first space is stuffing.
        let rest = if flowed || depth > 0 { rest } else { raw };
        let soft = flowed && rest.ends_with(' ') && rest != "-- ";
        let piece = if soft && delsp {
            &rest[..rest.len() - 1]
        } else {
            rest
        };
        match out.last_mut() {
            // A blank line after a flowed one still ends the paragraph.
            Some((d, line)) if open && *d == depth && !piece.is_empty() => line.push_str(piece),
            _ => out.push((depth, piece.to_string())),
        }
        open = soft;
    }
    out
}

/// How many lines from the end a bare `--` may stand and still start the signature.
const SIGNATURE_LINES: usize = 8;

/// The pieces of an email's plain text (decoded, not yet sanitised: each block is), and the
/// blocks after its signature line.
pub(super) fn read(text: &str, flowed: bool, delsp: bool) -> (Vec<Piece>, Vec<Block>) {
    let all = lines(text, flowed, delsp);
    // The signature line is `-- ` (RFC 3676); a bare `--` is a divider, unless it is one of
    // the last lines (clients that trim line ends make `-- ` that).
    let signature = all.iter().enumerate().position(|(i, (d, l))| {
        *d == 0 && (l == "-- " || (l == "--" && all.len() - i <= SIGNATURE_LINES))
    });
    let (body, sig) = all.split_at(signature.unwrap_or(all.len()));
    let mut pieces = Vec::new();
    let body: Vec<Line<'_>> = body
        .iter()
        .map(|(depth, text)| Line {
            depth: *depth,
            text: text.trim_end(),
        })
        .collect();
    let mut i = 0;
    while i < body.len() {
        if body[i].text.trim().is_empty() {
            i += 1;
            continue;
        }
        let depth = body[i].depth;
        let start = i;
        while i < body.len() && body[i].depth == depth && !body[i].text.trim().is_empty() {
            i += 1;
        }
        paragraph(&body[start..i], body.get(i), &mut pieces);
    }
    let footer = sig
        .iter()
        .skip(1)
        .map(|(_, l)| l.trim())
        .collect::<Vec<_>>()
        .split(|l| l.is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| block(BlockKind::Paragraph, &p.join("\n")))
        .collect();
    (pieces, footer)
}

/// A line that underlines the one above: `====` or `----`, three marks or more.
fn underline(line: &str) -> Option<u8> {
    let line = line.trim();
    if line.len() < 3 {
        return None;
    }
    if line.bytes().all(|b| b == b'=') {
        Some(2)
    } else if line.bytes().all(|b| b == b'-') {
        Some(3)
    } else {
        None
    }
}

/// A list item's marker and where its text starts: `- `, `* `, `• `, `1. `, `1) `.
fn list_marker(line: &str) -> Option<(Marker, usize)> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    for bullet in ["- ", "* ", "• ", "· "] {
        if trimmed.starts_with(bullet) {
            return Some((Marker::Bullet(0), lead + bullet.len()));
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')'))
        && trimmed.as_bytes().get(digits + 1) == Some(&b' ')
    {
        let n = trimmed[..digits].parse().unwrap_or(1);
        return Some((Marker::Number(n), lead + digits + 2));
    }
    None
}

/// Reads one run of lines of the same depth between blank lines.
fn paragraph(lines: &[Line<'_>], next: Option<&Line<'_>>, out: &mut Vec<Piece>) {
    let depth = lines[0].depth;
    if depth > 0 {
        let text = join(lines.iter().map(|l| l.text));
        let mut quote = block(BlockKind::Quote, &text);
        quote.depth = depth;
        push(out, quote);
        return;
    }
    // A heading underlined.
    if lines.len() == 2
        && let Some(level) = underline(lines[1].text)
    {
        let text = crate::text::line(lines[0].text.trim()).into_owned();
        out.push(Piece::Heading {
            level,
            text: text.as_str().into(),
            spans: Vec::new(),
        });
        return;
    }
    // List items: each line with a marker starts one; lines without go on the item before.
    if list_marker(lines[0].text).is_some() {
        let mut items: Vec<(Marker, Vec<&str>)> = Vec::new();
        for line in lines {
            match list_marker(line.text) {
                Some((marker, at)) => items.push((marker, vec![line.text[at..].trim()])),
                None => {
                    if let Some((_, item)) = items.last_mut() {
                        item.push(line.text.trim());
                    }
                }
            }
        }
        for (marker, item) in items {
            let mut b = block(BlockKind::ListItem, &join(item.into_iter()));
            b.set_marker(Some(marker));
            push(out, b);
        }
        return;
    }
    let text = join(lines.iter().map(|l| l.text.trim()));
    let mut b = block(BlockKind::Paragraph, &text);
    // A short line alone, without a stop, over more text: a lead line (shown bold), which
    // starts an article as a bold lead line does in HTML.
    // Judged on the text as shown (sanitised: a line of control characters is none).
    let text = b.text.as_str();
    let lead = lines.len() == 1
        && next.is_some()
        && text.chars().count() <= 70
        && !text.ends_with([
            '.', '!', '?', ',', ';', ':', '。', '！', '？', '，', '；', '：', ')',
        ])
        && b.spans.is_empty()
        && text.chars().any(char::is_alphanumeric);
    if lead {
        b.spans.push(Span {
            kind: SpanKind::Strong,
            start: 0,
            end: b.text.len(),
            url: None,
        });
    }
    push(out, b);
}

/// Adds a block, unless nothing of it is left to show.
fn push(out: &mut Vec<Piece>, block: Block) {
    if block.text.trim().is_empty() {
        return;
    }
    out.push(Piece::Block {
        first_line: block.text.len(),
        block,
    });
}

/// Lines of one paragraph joined: a space between words, nothing between Chinese characters.
fn join<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let joined = matches!(
            (out.chars().next_back(), line.chars().next()),
            (Some(a), Some(b)) if is_wide(a) && is_wide(b)
        );
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// A block of the text, sanitised, its web addresses made links.
fn block(kind: BlockKind, text: &str) -> Block {
    let text = crate::text::clean(text);
    let mut b = Block::new(kind, text.trim_end());
    b.spans = links(&b.text).into_iter().collect();
    b
}

/// The web addresses in a text (`https://…`, `http://…`, `www.…`, `<…>` around them), as
/// links; a stop or a bracket at an address's end is not part of it.
fn links(text: &str) -> Vec<Span> {
    const STARTS: [&str; 3] = ["https://", "http://", "www."];
    let mut spans = Vec::new();
    let mut from = 0;
    // Where each start comes next (looked for again only once passed): one scan of the text.
    let mut next: [Option<usize>; 3] = STARTS.map(|p| text.find(p));
    loop {
        for (slot, start) in next.iter_mut().zip(STARTS) {
            if slot.is_some_and(|at| at < from) {
                *slot = text[from..].find(start).map(|i| from + i);
            }
        }
        let Some(found) = next.iter().flatten().copied().min() else {
            break;
        };
        // `www.` inside a word (`awww.`) is none.
        if found > 0 && text[..found].ends_with(|c: char| c.is_alphanumeric()) {
            from = found + 1;
            continue;
        }
        let end = text[found..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '）' | '，' | '。'))
            .map_or(text.len(), |i| found + i);
        let url = text[found..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
        let end = found + url.len();
        if url.len() > 8 {
            let target = if url.starts_with("www.") {
                format!("https://{url}")
            } else {
                url.to_string()
            };
            spans.push(Span {
                kind: SpanKind::Link,
                start: found,
                end,
                url: Some(target.into()),
            });
        }
        from = end.max(found + 1);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Heading { level, text, .. } => format!("h{level} {text}"),
                Piece::Block { block, .. } => {
                    format!("{:?}{} {}", block.kind, block.depth, block.text)
                }
            })
            .collect()
    }

    #[test]
    fn flowed_lines_are_rejoined_and_quotes_kept_apart() {
        let text = "This is a long line that \r\ngoes on here.\r\n\r\n> Quoted and \r\n> flowed.\r\n>> Deeper.\r\n\r\n \r\nFrom the stuffed line.\r\n";
        let (pieces, _) = read(text, true, false);
        assert_eq!(
            texts(&pieces),
            [
                "Paragraph0 This is a long line that goes on here.",
                "Quote1 Quoted and flowed.",
                "Quote2 Deeper.",
                "Paragraph0 From the stuffed line.",
            ]
        );
        let (pieces, _) = read("Joined with\ndelsp \nhere.\n", true, true);
        assert_eq!(texts(&pieces), ["Paragraph0 Joined with delsphere."]);
    }

    #[test]
    fn lines_of_control_characters_make_no_block_and_no_span() {
        // Found by the fuzz target: a lead line judged before sanitising gave an empty block
        // a span.
        let (pieces, _) = read(
            "\u{5}\u{5}\r\n\r\nText after.\n\n\u{1b}[2J\n\nEnd.\n",
            true,
            false,
        );
        assert_eq!(
            texts(&pieces),
            ["Paragraph0 Text after.", "Paragraph0 End."]
        );
        for piece in &pieces {
            if let Piece::Block { block, .. } = piece {
                assert!(
                    block
                        .spans()
                        .iter()
                        .all(|s| s.start < s.end && s.end <= block.text.len())
                );
            }
        }
    }

    #[test]
    fn a_bare_divider_is_no_signature_but_near_the_end() {
        let text = "One.\n\n--\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n";
        let (pieces, footer) = read(text, false, false);
        assert_eq!(pieces.len(), 7, "{:?}", texts(&pieces));
        assert!(footer.is_empty());
        let (pieces, footer) = read("One.\n\n--\nAnn\n", false, false);
        assert_eq!((pieces.len(), footer.len()), (1, 1));
    }

    #[test]
    fn headings_lists_links_and_the_signature() {
        let text = "News\n====\n\nFerry back\n\nThe ferry runs again, see https://example.org/ferry.\n\n- one\n- two\n  more\n1. first\n\n-- \nThe Harbour Desk\nUnsubscribe: https://example.org/u\n";
        let (pieces, footer) = read(text, false, false);
        assert_eq!(
            texts(&pieces),
            [
                "h2 News",
                "Paragraph0 Ferry back",
                "Paragraph0 The ferry runs again, see https://example.org/ferry.",
                "ListItem0 one",
                "ListItem0 two more",
                "ListItem0 first",
            ]
        );
        let Piece::Block { block, .. } = &pieces[1] else {
            panic!()
        };
        assert_eq!(block.spans()[0].kind, SpanKind::Strong);
        let Piece::Block { block, .. } = &pieces[2] else {
            panic!()
        };
        let link = &block.spans()[0];
        assert_eq!(
            &block.text[link.start..link.end],
            "https://example.org/ferry"
        );
        assert_eq!(footer.len(), 1);
        assert!(footer[0].text.starts_with("The Harbour Desk\nUnsubscribe"));
    }
}
