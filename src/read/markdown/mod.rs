//! Markdown newsletters (`pulldown-cmark`, with tables, strikethrough, task lists and
//! footnotes; front matter is read here, at the start only): events become the model's
//! blocks, with the markup removed from their
//! text and kept beside it as spans; headings and blocks are then grouped by
//! [`crate::doc::assemble::headings`], the rules every front end with headings shares.
//!
//! Nothing of the markup is ever text: not front matter, comments, reference definitions, link
//! targets or HTML tags. Images are image blocks, never headlines. The plain-text parser's page
//! repairs do not run here: Markdown has no page breaks to repair.

mod cjk;
mod front;
mod html;
mod split;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pulldown_cmark::{
    Alignment, BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

use crate::doc::assemble::headings::{self, Meta, Piece};
use crate::doc::{Block, BlockKind, Format, Marker, Newsletter, Span, SpanKind};

use crate::read::inline::{Inline, Nesting, table, tidy};
pub use front::Front;

/// Reads a Markdown newsletter (decoded, cleaned text). Never fails: any text gives some
/// newsletter. A big one is read on all cores (see [`split`]).
pub fn parse(text: &str) -> Newsletter {
    read_all(Cow::Borrowed(text))
}

/// [`parse`], for a text that is not needed afterwards: a big one is cut into pieces that are
/// let go as they are read, so the text and the newsletter made of it are not held at once.
pub fn parse_owned(text: String) -> Newsletter {
    read_all(Cow::Owned(text))
}

fn read_all(text: Cow<'_, str>) -> Newsletter {
    // pulldown-cmark's metadata blocks are taken anywhere a `---` line starts a block, and a
    // sponsor box between two rules would vanish: front matter is only ever at the start.
    let (front, start) = match front::yaml(&text).or_else(|| front::header(&text)) {
        Some((front, len)) => (front, len),
        None => (Front::default(), 0),
    };
    let body = &text[start..];
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let scan = split::scan(body, body.len() / split::PIECE);
    let notes = Arc::new(split::footnotes(body));
    let pieced = !scan.cuts.is_empty();
    let mut readers = if pieced {
        read_in_pieces(
            Pieces::new(text, start, &scan.cuts),
            cores,
            &scan.refs,
            &notes,
        )
    } else {
        vec![read(body, None, &notes)]
    };
    let mut meta = Front::default();
    let mut runs = Vec::with_capacity(readers.len());
    let mut footnotes = Vec::new();
    for reader in &mut readers {
        meta.title = meta.title.or(reader.front.title.take());
        meta.date = meta.date.or(reader.front.date.take());
        runs.push(std::mem::take(&mut reader.pieces));
        footnotes.append(&mut reader.notes);
    }
    // Footnotes end the newsletter, wherever they were written.
    runs.push(footnotes);
    drop(readers);
    let meta = Meta {
        title: front.title.or(meta.title),
        date: front.date.or(meta.date),
        format: Format::Markdown,
    };
    if !pieced {
        return headings::assemble(runs, meta);
    }
    // Grouped on a thread of its own, which the allocator gives one of the readers' arenas
    // (glibc hands a new thread an arena a finished one left): the newsletter then fills what
    // the readers' pieces let go, instead of growing beside it (a 50 MB digest: a tenth less).
    std::thread::scope(|s| {
        s.spawn(|| headings::assemble(runs, meta))
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    })
}

/// A piece of the text to read: a slice of a text the caller keeps, or a copy of its own in
/// memory mapped for it alone, which goes back to the system the moment it is dropped (heap
/// memory freed on another thread than the one it came from would stay with the process).
enum Chunk<'a> {
    Borrowed(&'a str),
    Mapped(memmap2::Mmap),
    /// A copy on the heap, when no memory could be mapped.
    Owned(String),
}

impl Chunk<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Chunk::Borrowed(text) => Cow::Borrowed(text),
            // A copy of whole characters: valid, so borrowed as it is.
            Chunk::Mapped(map) => String::from_utf8_lossy(map),
            Chunk::Owned(text) => Cow::Borrowed(text),
        }
    }

    /// A copy of `text` of its own.
    fn copy(text: &str) -> Chunk<'static> {
        // Populated at once: the copy then writes to pages already there, not one fault each.
        let mapped = memmap2::MmapOptions::new()
            .len(text.len())
            .populate()
            .map_anon()
            .and_then(|mut map| {
                map.copy_from_slice(text.as_bytes());
                map.make_read_only()
            });
        match mapped {
            Ok(map) => Chunk::Mapped(map),
            Err(_) => Chunk::Owned(text.to_string()),
        }
    }
}

/// The pieces of a text still to read, handed out one at a time.
enum Pieces<'a> {
    /// Slices of a text the caller keeps, the last first, and the place of the next.
    Borrowed(Vec<&'a str>, usize),
    /// A text of its own, cut from its end: each piece is copied out as it is handed out and the
    /// text shortened, so the text and its pieces never add up to much more than the text, and
    /// the copying goes on beside the reading of the pieces cut before.
    Owned {
        text: String,
        start: usize,
        cuts: Vec<usize>,
        done: bool,
    },
}

impl<'a> Pieces<'a> {
    /// The body of `text` (what follows its first `start` bytes) to cut at `cuts` (offsets in
    /// the body).
    fn new(text: Cow<'a, str>, start: usize, cuts: &[usize]) -> Pieces<'a> {
        match text {
            Cow::Borrowed(text) => {
                let body = &text[start..];
                let bounds: Vec<usize> = std::iter::once(0)
                    .chain(cuts.iter().copied())
                    .chain(std::iter::once(body.len()))
                    .collect();
                let mut slices: Vec<&str> = bounds.windows(2).map(|w| &body[w[0]..w[1]]).collect();
                slices.reverse();
                Pieces::Borrowed(slices, 0)
            }
            Cow::Owned(text) => Pieces::Owned {
                text,
                start,
                cuts: cuts.to_vec(),
                done: false,
            },
        }
    }

    /// How many pieces there are still to hand out.
    fn len(&self) -> usize {
        match self {
            Pieces::Borrowed(slices, _) => slices.len(),
            Pieces::Owned { cuts, done, .. } => cuts.len() + usize::from(!done),
        }
    }

    /// The next piece and its place in the text (the first is 0).
    fn next(&mut self) -> Option<(usize, Chunk<'a>)> {
        match self {
            Pieces::Borrowed(slices, next) => {
                let piece = slices.pop()?;
                *next += 1;
                Some((*next - 1, Chunk::Borrowed(piece)))
            }
            Pieces::Owned {
                text,
                start,
                cuts,
                done,
            } => {
                if *done {
                    return None;
                }
                let (at, cut) = match cuts.pop() {
                    Some(cut) => (cuts.len() + 1, *start + cut),
                    None => {
                        *done = true;
                        (0, *start)
                    }
                };
                let piece = Chunk::copy(&text[cut..]);
                text.truncate(cut);
                text.shrink_to_fit();
                Some((at, piece))
            }
        }
    }
}

/// Reads `pieces` on `cores` threads, each taking the next piece when done with one and
/// letting it go once read: the parser's tree of a piece lives only while it is read, so
/// memory stays bounded.
fn read_in_pieces(
    pieces: Pieces<'_>,
    cores: usize,
    refs: &HashMap<String, String>,
    notes: &Arc<HashMap<String, usize>>,
) -> Vec<Reader> {
    let count = pieces.len();
    let pieces = Mutex::new(pieces);
    let mut done: Vec<(usize, Reader)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..cores.min(count))
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    let mut on_heap = 0;
                    loop {
                        // A worker that panicked while cutting is a bug, and goes on below.
                        let Some((i, piece)) = pieces.lock().ok().and_then(|mut p| p.next()) else {
                            return out;
                        };
                        out.push((i, read(&piece.text(), Some(refs), notes)));
                        // A copy on the heap let go stays with the heap it was made in, where
                        // the readers' threads cannot reuse it: given back every few pieces.
                        if matches!(piece, Chunk::Owned(_)) {
                            on_heap += 1;
                            if on_heap % 8 == 0 {
                                crate::doc::give_back();
                            }
                        }
                        drop(piece);
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            // A worker that panicked is a bug: its panic goes on here, not a newsletter with a
            // hole in it.
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Reads one piece of Markdown; links to labels it does not define are looked up in `refs`,
/// footnotes in `notes` (the labels the whole text defines).
fn read(
    text: &str,
    refs: Option<&HashMap<String, String>>,
    notes: &Arc<HashMap<String, usize>>,
) -> Reader {
    // Footnote marks are always marks (the "old" footnotes): whether a note exists is decided
    // over the whole text, which a piece does not see.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_OLD_FOOTNOTES;
    let resolve = |link: BrokenLink<'_>| {
        let url = refs?.get(&split::normalise(&link.reference))?;
        Some((CowStr::from(url.clone()), CowStr::from("")))
    };
    let mut reader = Reader {
        footnotes: Arc::clone(notes),
        ..Reader::default()
    };
    let text = cjk::separate(text);
    for event in Parser::new_with_broken_link_callback(&text, options, Some(resolve)) {
        reader.event(event);
    }
    reader.flush();
    // Each block's text was its own string: now the piece's texts share one buffer.
    crate::doc::text::pool(&mut reader.pieces);
    crate::doc::text::pool(&mut reader.notes);
    // All pieces are held until grouped: no spare room (a quarter of their vector, on average),
    // and not the room kept for a block's text.
    reader.pieces.shrink_to_fit();
    reader.inline = Inline::default();
    reader
}

/// A list being read.
#[derive(Debug)]
struct List {
    /// The next item's number, for an ordered list.
    next: Option<u64>,
}

/// A table being read.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    align: Vec<Alignment>,
}

/// The state of the walk over the events.
#[derive(Debug, Default)]
struct Reader {
    pieces: Vec<Piece>,
    front: Front,
    inline: Inline,
    /// Styles and links opened and not yet closed: kind, start, url.
    open: Vec<(SpanKind, usize, Option<String>)>,
    /// The same for HTML tags, by tag name.
    open_html: Vec<(String, SpanKind, usize, Option<String>)>,
    lists: Vec<List>,
    /// The marker of each open list item, until its first block takes it.
    items: Vec<Option<Marker>>,
    quote: u8,
    heading: Option<u8>,
    code: Option<(Option<String>, String)>,
    table: Option<Table>,
    /// An image being read: its source, where its alt text starts, and the spans before it.
    image: Option<(String, usize, usize)>,
    /// Images met inside the current paragraph, placed after it.
    images: Vec<Block>,
    /// The footnotes the whole text defines: normalised label and number (one map for all the
    /// pieces).
    footnotes: Arc<HashMap<String, usize>>,
    /// Inside `<script>` or `<style>` in HTML: skipped up to its end tag.
    skip_html: Option<String>,
    /// Inside an HTML comment that goes on in the next piece of HTML.
    in_comment: bool,
    /// Inside a block of HTML (not a tag within Markdown text).
    html_block: bool,
    /// Inside a footnote's definition: its blocks go to `notes`, placed at the very end.
    in_note: bool,
    /// The name of the footnote being read, for its first block (what its marks link to).
    note_id: Option<String>,
    notes: Vec<Piece>,
    /// How deep Markdown inside HTML blocks is being read (it is read once, not again inside).
    nested: u8,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        if let Some((_, code)) = self.code.as_mut() {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.styled_text(&t, SpanKind::Code),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.styled_text(&t, SpanKind::Code),
            Event::Html(h) => self.html(&h, true),
            Event::InlineHtml(h) => self.html(&h, false),
            Event::FootnoteReference(label) => {
                let label = crate::text::line(&cjk::unmark(&label)).into_owned();
                let Some(&n) = self.footnotes.get(&split::normalise(&label)) else {
                    // A mark without a note anywhere is text, as GitHub shows it.
                    self.text(&format!("[^{label}]"));
                    return;
                };
                let mark = format!("[{n}]");
                self.inline.push(&mark);
                // After the push: a soft break's space before the mark is not part of it.
                let start = self.inline.text.len() - mark.len();
                self.inline.spans.push(Span {
                    kind: SpanKind::Link,
                    start,
                    end: self.inline.text.len(),
                    url: Some(format!("#fn-{}", clean_url(&label)).into()),
                });
            }
            Event::SoftBreak => self.inline.line_break(false),
            Event::HardBreak => self.inline.line_break(true),
            Event::Rule => {
                self.flush();
                self.emit(block_piece(Block::new(BlockKind::Rule, "")));
            }
            Event::TaskListMarker(done) => {
                if let Some(marker) = self.items.last_mut() {
                    *marker = Some(Marker::Task(done));
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_add(1);
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                        .next()
                        .filter(|l| !l.is_empty())
                        .map(|l| crate::text::line(&cjk::unmark(l)).into_owned()),
                    CodeBlockKind::Indented => None,
                };
                self.code = Some((language, String::new()));
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = true;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(List { next: start });
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        // CommonMark's list numbers have at most nine digits.
                        let m = Marker::Number(u32::try_from(*n).unwrap_or(u32::MAX));
                        *n += 1;
                        m
                    }
                    None => Marker::Bullet((depth % 3) as u8),
                };
                self.items.push(Some(marker));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.in_note = true;
                self.note_id = Some(format!("fn-{}", clean_url(&label)));
                let mark = match self.footnotes.get(&split::normalise(&label)) {
                    Some(n) => n.to_string(),
                    None => crate::text::line(&cjk::unmark(&label)).into_owned(),
                };
                self.inline.push(&format!("[{mark}] "));
            }
            Tag::Table(align) => {
                self.flush();
                self.table = Some(Table {
                    align,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row.clear();
                }
            }
            Tag::TableCell => self.inline = Inline::default(),
            Tag::Emphasis => self.open(SpanKind::Em, None),
            Tag::Strong => self.open(SpanKind::Strong, None),
            Tag::Strikethrough => self.open(SpanKind::Strike, None),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let url = match link_type {
                    LinkType::Email if !dest_url.starts_with("mailto:") => {
                        format!("mailto:{dest_url}")
                    }
                    _ => dest_url.to_string(),
                };
                self.open(SpanKind::Link, Some(clean_url(&url)));
            }
            Tag::Image { dest_url, .. } => {
                self.image = Some((
                    clean_url(&dest_url),
                    self.inline.text.len(),
                    self.inline.spans.len(),
                ));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::HtmlBlock => {
                // What HTML left open ends with its block: a heading, a skipped script, a
                // comment never closed.
                self.end_heading();
                self.skip_html = None;
                self.in_comment = false;
                self.html_block = false;
                self.flush();
            }
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.items.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.in_note = false;
            }
            TagEnd::TableCell => {
                // Styles a cell leaves open end with it.
                self.close_all();
                self.inline.leftover_strong();
                let cell = std::mem::take(&mut self.inline).text.trim().to_string();
                if let Some(t) = self.table.as_mut() {
                    t.row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.emit(block_piece(table(t.rows, &t.align)));
                }
                // Images in cells follow the table.
                self.flush_images();
            }
            TagEnd::Emphasis => self.close(SpanKind::Em),
            TagEnd::Strong => self.close(SpanKind::Strong),
            TagEnd::Strikethrough => self.close(SpanKind::Strike),
            TagEnd::Link => self.close(SpanKind::Link),
            TagEnd::Image => self.end_image(),
            _ => {}
        }
    }

    fn end_heading(&mut self) {
        let Some(level) = self.heading.take() else {
            return;
        };
        self.close_all();
        self.inline.leftover_strong();
        let mut inline = std::mem::take(&mut self.inline);
        let text = inline.text.trim();
        let lead = inline.text.len() - inline.text.trim_start().len();
        if !text.is_empty() {
            tidy(&mut inline.spans, lead, lead + text.len());
            inline.spans.shrink_to_fit();
            self.emit(Piece::Heading {
                level,
                spans: inline.spans,
                text: text.into(),
            });
        }
        self.flush_images();
    }

    /// Styles still open (an HTML tag never closed) end here.
    fn close_all(&mut self) {
        for (kind, start, url) in std::mem::take(&mut self.open) {
            self.add_span(kind, start, url);
        }
        for (_, kind, start, url) in std::mem::take(&mut self.open_html) {
            self.add_span(kind, start, url);
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip_html.is_some() {
            return;
        }
        self.inline.push(&crate::text::line(&cjk::unmark(text)));
    }

    fn styled_text(&mut self, text: &str, kind: SpanKind) {
        let start = self.inline.text.len();
        self.text(text);
        let end = self.inline.text.len();
        // A soft break before the text is not part of it.
        let start = start + self.inline.text[start..end].len()
            - self.inline.text[start..end].trim_start().len();
        if end > start {
            self.inline.spans.push(Span {
                kind,
                start,
                end,
                url: None,
            });
        }
    }

    fn open(&mut self, kind: SpanKind, url: Option<String>) {
        self.open.push((kind, self.inline.text.len(), url));
    }

    fn close(&mut self, kind: SpanKind) {
        let Some(at) = self.open.iter().rposition(|(k, ..)| *k == kind) else {
            return;
        };
        let (kind, start, url) = self.open.remove(at);
        self.add_span(kind, start, url);
    }

    fn add_span(&mut self, kind: SpanKind, start: usize, url: Option<String>) {
        let image_inside = self.image.is_some() || !self.images.is_empty();
        if kind == SpanKind::Link && self.inline.text.len() == start && !image_inside {
            // A link without text (`[](url)`): a placeholder to show, never the target.
            let word = if self.inline.recent_han() {
                "[链接]"
            } else {
                "[link]"
            };
            self.inline.push(word);
        }
        self.inline.close_span(kind, start, url);
    }

    fn end_image(&mut self) {
        let Some((url, start, spans)) = self.image.take() else {
            return;
        };
        let start = start.min(self.inline.text.len());
        let alt = self.inline.text[start..].trim().to_string();
        self.inline.text.truncate(start);
        // The spans closed inside the alt text came after the image began.
        self.inline.spans.truncate(spans);
        // A line break inside the alt text is no line of the paragraph.
        if self.inline.first_line.is_some_and(|l| l > start) {
            self.inline.first_line = None;
        }
        let mut image = Block::new(BlockKind::Image, alt);
        // An image inside a link (a badge, a linked photo) keeps the link on its alt text.
        let link = self
            .open
            .iter()
            .rev()
            .find(|(k, ..)| *k == SpanKind::Link)
            .and_then(|(_, _, url)| url.clone());
        image.more_mut().url = Some(url.into());
        if let Some(link) = link
            && !image.text.is_empty()
        {
            let len = image.text.len();
            image.spans.push(Span {
                kind: SpanKind::Link,
                start: 0,
                end: len,
                url: Some(link.into()),
            });
        }
        self.place_image(image);
    }

    fn end_code(&mut self) {
        let Some((language, code)) = self.code.take() else {
            return;
        };
        let code = cjk::unmark(&code);
        let text = crate::text::clean(&code);
        let text = text.trim_end_matches('\n');
        let mut block = Block::new(BlockKind::Code, text);
        if let Some(language) = language {
            block.more_mut().language = Some(language.into());
        }
        self.emit(block_piece(block));
    }

    /// The gathered text becomes a block (of the kind its context makes it), then the images
    /// met inside it follow.
    fn flush(&mut self) {
        if self.table.is_some() || self.heading.is_some() {
            // A cell or a heading ends at its own end tag.
            return;
        }
        self.close_all();
        self.inline.leftover_strong();
        let nesting = Nesting {
            items: &mut self.items,
            lists: self.lists.len(),
            quote: self.quote,
        };
        if let Some(piece) = self.inline.take_block(nesting) {
            self.emit(piece);
        }
        self.flush_images();
    }

    /// A finished piece, in reading order (a footnote's at the end).
    fn emit(&mut self, mut piece: Piece) {
        if self.in_note {
            if let (Piece::Block { block, .. }, Some(id)) = (&mut piece, self.note_id.take()) {
                block.more_mut().id = Some(id.into());
            }
            self.notes.push(piece);
        } else {
            self.pieces.push(piece);
        }
    }

    /// An image where it stands: before the text that follows it when it opens its paragraph
    /// (a photo, then its caption), else after the paragraph it sits in.
    fn place_image(&mut self, image: Block) {
        let opens_paragraph =
            self.inline.is_blank() && self.open.is_empty() && self.open_html.is_empty();
        if opens_paragraph && self.table.is_none() {
            self.inline = Inline::default();
            self.emit(block_piece(image));
        } else {
            self.images.push(image);
        }
    }

    fn flush_images(&mut self) {
        for image in std::mem::take(&mut self.images) {
            self.emit(block_piece(image));
        }
    }
}

fn block_piece(block: Block) -> Piece {
    Piece::Block {
        first_line: block.text.len(),
        block,
    }
}

/// A link target as kept in the model: no control characters, no surrounding spaces.
fn clean_url(url: &str) -> String {
    crate::text::line(cjk::unmark(url.trim()).as_ref()).into_owned()
}
