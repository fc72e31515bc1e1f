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
/// pieces); each run is freed as soon as it is grouped. Runs that start sections are grouped
/// on as many cores as there are, a share of the runs each.
pub fn assemble(runs: Vec<Vec<Piece>>, meta: Meta) -> Newsletter {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    assemble_on(runs, meta, cores)
}

/// [`assemble`] on `cores` threads.
fn assemble_on(mut runs: Vec<Vec<Piece>>, meta: Meta, cores: usize) -> Newsletter {
    let levels = Levels::of(runs.iter().flatten());
    let mut shares = Vec::new();
    for at in share_starts(&runs, levels, cores).into_iter().rev() {
        shares.push(runs.split_off(at));
    }
    shares.push(runs);
    shares.reverse();
    let title = meta.title.as_deref();
    let mut grouped = if shares.len() == 1 {
        shares
            .into_iter()
            .map(|runs| group(runs, levels, title))
            .collect()
    } else {
        std::thread::scope(|s| {
            let mut shares = shares.into_iter();
            let first = shares.next().unwrap_or_default();
            let others: Vec<_> = shares
                .map(|runs| s.spawn(move || group(runs, levels, title)))
                .collect();
            let mut grouped = vec![group(first, levels, title)];
            // A share that panicked is a bug: its panic goes on here.
            grouped.extend(
                others
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
            );
            grouped
        })
    };
    let mut doc = Newsletter {
        title: meta.title,
        date: meta.date,
        from: None,
        format: meta.format,
        sections: Vec::with_capacity(grouped.iter().map(|g| g.sections.len()).sum::<usize>() + 1),
    };
    let mut lead = Vec::new();
    for share in &mut grouped {
        doc.title = doc.title.take().or(share.title.take());
        lead.append(&mut share.lead);
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
        doc.sections.push(lead_section);
    }
    for share in grouped {
        doc.sections.extend(share.sections);
    }
    doc.sections.shrink_to_fit();
    doc
}

/// Where to cut `runs` into about `shares` shares of as many pieces each that group alike
/// apart and together: at runs that start with a section's heading.
fn share_starts(runs: &[Vec<Piece>], levels: Levels, shares: usize) -> Vec<usize> {
    let total: usize = runs.iter().map(Vec::len).sum();
    let per = total / shares.max(1);
    let mut starts = Vec::new();
    let mut seen = 0;
    for (i, run) in runs.iter().enumerate() {
        let starts_section = matches!(run.first(), Some(Piece::Heading { level, .. })
            if Some(*level) != levels.title && *level <= levels.section);
        if i > 0 && starts_section && seen >= per * (starts.len() + 1) && starts.len() + 1 < shares
        {
            starts.push(i);
        }
        seen += run.len();
    }
    starts
}

/// A share of a document grouped: what it holds before its first section (only the first
/// share can), its sections, and the top-level heading when it was the title.
#[derive(Default)]
struct Grouped {
    title: Option<String>,
    lead: Vec<Piece>,
    sections: Vec<Section>,
}

/// Groups a share of the runs into sections; `title` is the front matter's.
fn group(runs: Vec<Vec<Piece>>, levels: Levels, title: Option<&str>) -> Grouped {
    // The runs are let go as they are grouped, on the reader threads' heaps, where the
    // articles made here (on another) cannot reuse them: given back every few runs, so that
    // the newsletter does not grow beside the pieces it is made of.
    let pieces = runs.into_iter().enumerate().flat_map(|(i, run)| {
        if i % 16 == 15 {
            crate::doc::give_back();
        }
        run
    });
    let mut out = Grouped::default();
    let mut current: Option<(Text, Vec<Piece>)> = None;
    for piece in pieces {
        match piece {
            Piece::Heading {
                level, text, spans, ..
            } if Some(level) == levels.title => match title.or(out.title.as_deref()) {
                None => out.title = Some(text.to_string()),
                // The front matter's title differs: the heading is shown as a subheading.
                Some(known) if known != text.as_str() => {
                    push(&mut current, &mut out.lead, subheading(text, spans));
                }
                Some(_) => {}
            },
            Piece::Heading { level, text, .. } if level <= levels.section => {
                if let Some((title, body)) = current.take() {
                    out.sections.push(section(title, body, levels.article));
                }
                current = Some((text, Vec::new()));
            }
            piece => push(&mut current, &mut out.lead, piece),
        }
    }
    if let Some((title, body)) = current.take() {
        out.sections.push(section(title, body, levels.article));
    }
    out
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

    fn heading(level: u8, text: &str) -> Piece {
        Piece::Heading {
            level,
            text: text.into(),
            spans: Vec::new(),
        }
    }

    fn paragraph(text: &str) -> Piece {
        let block = Block::paragraph(text);
        Piece::Block {
            first_line: block.text.len(),
            block,
        }
    }

    #[test]
    fn runs_grouped_on_several_cores_group_as_on_one() {
        // Runs that start with a section's heading may be grouped apart; a run that goes on
        // with a section's articles or blocks, or starts with the title's level, may not.
        let runs = || {
            vec![
                vec![paragraph("导语"), heading(1, "刊名"), heading(2, "一")],
                vec![heading(3, "文章甲"), paragraph("甲的正文")],
                vec![
                    heading(2, "二"),
                    paragraph("1、条目"),
                    paragraph("条目正文"),
                ],
                vec![paragraph("二的续文")],
                vec![heading(2, "三"), heading(3, "文章乙")],
                vec![heading(2, "四"), paragraph("四的正文")],
                vec![heading(3, "文章丙")],
            ]
        };
        for title in [None, Some("别的刊名".to_string())] {
            let meta = Meta {
                title,
                ..Meta::default()
            };
            let one = assemble_on(runs(), meta.clone(), 1);
            assert_eq!(one.sections.len(), 5, "{one:#?}");
            for cores in 2..=7 {
                assert_eq!(
                    assemble_on(runs(), meta.clone(), cores),
                    one,
                    "{cores} cores"
                );
            }
        }
        assert_eq!(
            share_starts(&runs(), Levels::of(runs().iter().flatten()), 3),
            [2, 4]
        );
    }

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
