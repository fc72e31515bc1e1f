//! Documents with headings (Markdown, HTML): headings and blocks in reading order become
//! sections of articles, by the same rules for every such front end.
//!
//! - The one top-level heading is the document's title (else the front matter's). The next
//!   level below it makes sections, the next one articles; deeper headings are subheadings. A
//!   document that skips a level (a title, then `###`) shifts up.
//! - In a section without article headings, an item that starts with a number marker (`1、`,
//!   `1.`, `（1）`) or a lone bold or linked lead line starts an article titled by that line
//!   without the marker; a section with neither is one article titled by its heading.
//! - What comes before the first section is the lead, titled like the document; what comes
//!   in a section before its first article is the section's lead-in, titled like the section.

use super::super::model::{Article, Block, BlockKind, Format, Newsletter, Section, Span, SpanKind};
use super::super::text::{Text, Texts};
use crate::text::is_han;

/// One piece of a document with headings, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A heading of `level` 1 (top) to 6.
    Heading {
        /// Its level.
        level: u8,
        /// Its text, markup removed.
        text: Text,
        /// Its styles and links.
        spans: Vec<Span>,
    },
    /// A block of body text.
    Block {
        /// The block.
        block: Block,
        /// The length of its first source line (a paragraph's lead line ends there).
        first_line: usize,
    },
}

impl Texts for Piece {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        match self {
            Piece::Heading { text, spans, .. } => {
                f(text);
                spans.each_text(f);
            }
            Piece::Block { block, .. } => block.each_text(f),
        }
    }
}

/// What a front end knows of the document besides its pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The title from front matter or `<title>`.
    pub title: Option<String>,
    /// The date.
    pub date: Option<String>,
    /// The form it came in.
    pub format: Format,
}

/// Groups `pieces` into a newsletter. They come in runs (a front end may read a big text in
/// pieces); each run is freed as soon as it is grouped.
pub fn assemble(runs: Vec<Vec<Piece>>, meta: Meta) -> Newsletter {
    let levels = Levels::of(runs.iter().flatten());
    // The runs are let go as they are grouped, on the reader threads' heaps, where the
    // articles made here (on another) cannot reuse them: given back every few runs, so that
    // the newsletter does not grow beside the pieces it is made of.
    let pieces = runs.into_iter().enumerate().flat_map(|(i, run)| {
        if i % 16 == 15 {
            crate::doc::give_back();
        }
        run
    });
    let mut doc = Newsletter {
        title: meta.title.clone(),
        date: meta.date,
        format: meta.format,
        sections: Vec::new(),
    };
    let mut lead: Vec<Piece> = Vec::new();
    let mut current: Option<(Text, Vec<Piece>)> = None;
    for piece in pieces {
        match piece {
            Piece::Heading {
                level, text, spans, ..
            } if Some(level) == levels.title => {
                if doc.title.is_none() {
                    doc.title = Some(text.to_string());
                } else if doc.title.as_deref() != Some(text.as_str()) {
                    // The front matter's title differs: the heading is shown as a subheading.
                    push(&mut current, &mut lead, subheading(text, spans));
                }
            }
            Piece::Heading { level, text, .. } if level <= levels.section => {
                if let Some((title, body)) = current.take() {
                    doc.sections.push(section(title, body, levels.article));
                }
                current = Some((text, Vec::new()));
            }
            piece => push(&mut current, &mut lead, piece),
        }
    }
    if let Some((title, body)) = current.take() {
        doc.sections.push(section(title, body, levels.article));
    }
    if !lead.is_empty() {
        // Untitled: the lead is named in the language of its text.
        let chinese = || {
            lead.iter().any(|p| match p {
                Piece::Block { block, .. } => block.text.chars().any(is_han),
                Piece::Heading { text, .. } => text.chars().any(is_han),
            })
        };
        let name = Text::from(
            doc.title
                .as_deref()
                .unwrap_or_else(|| if chinese() { "导语" } else { "Introduction" }),
        );
        let mut lead_section = section(name, lead, levels.article);
        lead_section.inferred = true;
        doc.sections.insert(0, lead_section);
    }
    doc.sections.shrink_to_fit();
    doc
}

fn push(current: &mut Option<(Text, Vec<Piece>)>, lead: &mut Vec<Piece>, piece: Piece) {
    match current {
        Some((_, body)) => body.push(piece),
        None => lead.push(piece),
    }
}

fn subheading(text: Text, spans: Vec<Span>) -> Piece {
    Piece::Block {
        first_line: text.len(),
        block: heading_block(text, spans),
    }
}

/// A heading inside an article: a subheading block, its links kept.
fn heading_block(text: Text, spans: Vec<Span>) -> Block {
    let mut block = Block::new(BlockKind::Subheading, text);
    if !spans.is_empty() {
        block.spans = spans.into();
    }
    block
}

/// Which heading levels are the title, sections and articles.
#[derive(Debug, Clone, Copy)]
struct Levels {
    title: Option<u8>,
    section: u8,
    article: u8,
}

impl Levels {
    fn of<'a>(pieces: impl Iterator<Item = &'a Piece>) -> Levels {
        let mut count = [0usize; 7];
        let mut first = None;
        for p in pieces {
            if let Piece::Heading { level, .. } = p {
                let level = (*level).clamp(1, 6);
                first.get_or_insert(level);
                count[usize::from(level)] += 1;
            }
        }
        let present: Vec<u8> = (1..=6u8).filter(|&l| count[usize::from(l)] > 0).collect();
        let (Some(&top), Some(first)) = (present.first(), first) else {
            return Levels {
                title: None,
                section: 0,
                article: 0,
            };
        };
        let alone = count[usize::from(top)] == 1;
        let (title, below) = if alone && first == top && (top == 1 || present.len() > 1) {
            // One heading at the top, first of all: the title.
            (Some(top), &present[1..])
        } else if alone && present.len() > 1 {
            // One top heading further down (a `# Quote of the Week` among `##` sections) is a
            // section like the level below it, not the title.
            (None, &present[1..])
        } else {
            (None, &present[..])
        };
        Levels {
            title,
            section: below.first().copied().unwrap_or(0),
            article: below.get(1).copied().unwrap_or(0),
        }
    }
}

/// A section from its heading and what follows it.
///
/// Its articles are cut from `body` where they start (at headings of the article level, else
/// at items), each made at once with room for exactly its blocks: a big newsletter holds a
/// hundred thousand articles, and vectors grown and then shrunk would leave as much memory
/// again in holes.
fn section(title: Text, body: Vec<Piece>, article_level: u8) -> Section {
    let heading_starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Piece::Heading { level, .. } if *level <= article_level))
        .map(|(i, _)| i)
        .collect();
    let articles = if heading_starts.is_empty() {
        by_items(&title, body)
    } else {
        by_headings(&title, body, &heading_starts)
    };
    Section {
        title,
        inferred: false,
        articles,
    }
}

/// Articles started by headings (at `starts`, indices into `body`, not empty); deeper
/// headings are subheadings, and what comes before the first one is the section's lead-in.
fn by_headings(section: &Text, body: Vec<Piece>, starts: &[usize]) -> Vec<Article> {
    let len = body.len();
    let first = starts[0];
    let mut articles = Vec::with_capacity(starts.len() + usize::from(first > 0));
    let mut current = (first > 0).then(|| with_room(plain_titled(section), first));
    let mut next = 0;
    for (i, piece) in body.into_iter().enumerate() {
        match piece {
            Piece::Heading { text, spans, .. } if starts.get(next) == Some(&i) => {
                next += 1;
                let end = starts.get(next).copied().unwrap_or(len);
                articles.extend(current.take());
                current = Some(with_room(titled(text, spans), end - i - 1));
            }
            piece => {
                if let Some(article) = current.as_mut() {
                    article.blocks.push(block_of(piece));
                }
            }
        }
    }
    articles.extend(current);
    articles
}

/// Articles started by numbered or lead-line items; a section without any is one article.
fn by_items(section: &Text, body: Vec<Piece>) -> Vec<Article> {
    let starts: Vec<(usize, Cut)> = body
        .iter()
        .enumerate()
        .filter_map(|(i, p)| item_title(p).map(|cut| (i, cut)))
        .collect();
    let first = starts.first().map_or(body.len(), |&(i, _)| i);
    // The section's lead-in until the first item, titled like the section: kept when it has
    // blocks, or when there are no items (the section is then one article).
    let lead = first > 0 || starts.is_empty();
    let mut articles = Vec::with_capacity(starts.len() + usize::from(lead));
    let mut current = lead.then(|| with_room(plain_titled(section), first));
    let len = body.len();
    let mut next = 0;
    for (i, piece) in body.into_iter().enumerate() {
        if let Some(&(at, cut)) = starts.get(next)
            && at == i
            && let Piece::Block { block, .. } = piece
        {
            next += 1;
            let end = starts.get(next).map_or(len, |&(j, _)| j);
            articles.extend(current.take());
            current = Some(item_article(block, cut, end - i - 1));
            continue;
        }
        if let Some(article) = current.as_mut() {
            article.blocks.push(block_of(piece));
        }
    }
    articles.extend(current);
    articles
}

/// Where an item's lead line is cut from its block: the marker's end and the line's end.
#[derive(Debug, Clone, Copy)]
struct Cut {
    marker: usize,
    line: usize,
}

fn item_title(piece: &Piece) -> Option<Cut> {
    match piece {
        Piece::Block { block, first_line } => item_cut(block, *first_line),
        Piece::Heading { .. } => None,
    }
}

/// The block starts an item: its first line starts with a number marker, or is one bold or
/// linked run.
fn item_cut(block: &Block, first_line: usize) -> Option<Cut> {
    let line = crate::text::floor_boundary(&block.text, first_line);
    let head = &block.text[..line];
    let numbered = || {
        let marker = number_marker(head)?;
        (!head[marker..].trim().is_empty()).then_some(Cut { marker, line })
    };
    match block.kind {
        BlockKind::Paragraph => {
            numbered().or_else(|| lone_run(block, line).then_some(Cut { marker: 0, line }))
        }
        // An ordered list's item starts an article when it reads as a headline.
        BlockKind::ListItem
            if block.depth() == 0 && block.is_numbered() && lone_run(block, line) =>
        {
            Some(Cut { marker: 0, line })
        }
        _ => None,
    }
}

/// The length of a number marker at the start of `text` (`1、`, `12.`, `3．`, `（1）`, `(2)`),
/// spaces after it included.
pub fn number_marker(text: &str) -> Option<usize> {
    let bracket = text.starts_with(['（', '(']);
    let open = if bracket {
        text.chars().next()?.len_utf8()
    } else {
        0
    };
    let digits = text[open..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let after = &text[open + digits..];
    let mark = after.chars().next()?;
    let ok = if bracket {
        matches!(mark, '）' | ')')
    } else {
        match mark {
            '、' | '．' => true,
            // `1.` but not `2.0` or `3.5%`.
            '.' => !after[1..].starts_with(|c: char| c.is_ascii_digit()),
            _ => false,
        }
    };
    if !ok {
        return None;
    }
    let end = open + digits + mark.len_utf8();
    let spaces = text[end..].len() - text[end..].trim_start().len();
    Some(end + spaces)
}

/// The first `line` bytes of the block are one strong or link span (spaces and a closing colon
/// aside).
fn lone_run(block: &Block, line: usize) -> bool {
    let text = &block.text[..line];
    let start = text.len() - text.trim_start().len();
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'))
        .len();
    // A placeholder (`[embedded content]`, `[link]`) is no headline.
    let placeholder = text[start..end].starts_with('[') && text[start..end].ends_with(']');
    end > start
        && !placeholder
        && block.spans().iter().any(|s| {
            matches!(s.kind, SpanKind::Strong | SpanKind::Link) && s.start <= start && s.end >= end
        })
}

/// An article from an item's block: its lead line (without the marker) is the title, the rest
/// of the block its first paragraph; with room for `following` blocks more.
fn item_article(block: Block, cut: Cut, following: usize) -> Article {
    let spans = block.spans().to_vec();
    let raw = &block.text[cut.marker..cut.line];
    let trimmed = raw.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
    let lead_ws = trimmed.len() - trimmed.trim_start().len();
    let from = cut.marker + lead_ws;
    let to = cut.marker + trimmed.len();
    let title = block.text.slice(from..to);
    let title_spans = shift(&spans, from, to);
    let rest = block.text[cut.line..].trim_start();
    let mut article = with_room(
        titled(title, title_spans),
        following + usize::from(!rest.is_empty()),
    );
    if !rest.is_empty() {
        let at = block.text.len() - rest.len();
        let mut body = Block::paragraph(block.text.slice(at..block.text.len()));
        let body_spans = shift(&spans, at, block.text.len());
        if !body_spans.is_empty() {
            body.spans = body_spans.into();
        }
        article.blocks.push(body);
    }
    article
}

/// The spans over `from..to`, cut to it and counted from `from`.
fn shift(spans: &[Span], from: usize, to: usize) -> Vec<Span> {
    spans
        .iter()
        .filter(|s| s.end > from && s.start < to)
        .map(|s| Span {
            start: s.start.max(from) - from,
            end: s.end.min(to) - from,
            ..s.clone()
        })
        .filter(|s| s.end > s.start)
        .collect()
}

/// An article titled by a heading or an item's lead line: its one link, when the title starts
/// with it (`[标题](url)（英文）`, `[name](url)：tagline`), is the article's `url`.
fn titled(title: Text, spans: Vec<Span>) -> Article {
    let mut links = spans.iter().filter(|s| s.kind == SpanKind::Link);
    let url = match (links.next(), links.next()) {
        (Some(link), None) if link.start == 0 => link.url.clone(),
        _ => None,
    };
    Article {
        title,
        url,
        title_spans: spans.into(),
        ..Article::default()
    }
}

/// `article`, with room for `blocks` blocks.
fn with_room(mut article: Article, blocks: usize) -> Article {
    article.blocks = Vec::with_capacity(blocks);
    article
}

/// A piece as an article's block: a heading is a subheading.
fn block_of(piece: Piece) -> Block {
    match piece {
        Piece::Heading { text, spans, .. } => heading_block(text, spans),
        Piece::Block { block, .. } => block,
    }
}

fn plain_titled(title: &Text) -> Article {
    Article {
        title: title.clone(),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_markers_are_told_from_numbers() {
        assert_eq!(number_marker("1、标题"), Some("1、".len()));
        assert_eq!(number_marker("12. Title"), Some(4));
        assert_eq!(number_marker("（3）条目"), Some("（3）".len()));
        assert_eq!(number_marker("(4) item"), Some(4));
        assert_eq!(number_marker("2.0 版本之后"), None);
        assert_eq!(number_marker("2025 年底"), None);
        assert_eq!(number_marker("1234、太长"), None);
        assert_eq!(number_marker("标题"), None);
    }
}
