//! What the front ends with markup (Markdown, HTML) share: the text of the block being read,
//! with its spans (where soft breaks join, where raw bold is mended, how spans are tidied before
//! they go into the model), and a table's block.

use pulldown_cmark::Alignment;

use crate::doc::assemble::headings::Piece;
use crate::doc::{Block, BlockKind, Marker, Span, SpanKind, Text};
use crate::text::{display_width, is_wide};

/// Where the block being gathered stands, which makes its kind.
pub(crate) struct Nesting<'a> {
    /// The marker of each open list item, the innermost last, until its first block takes it.
    pub(crate) items: &'a mut [Option<Marker>],
    /// How many lists are open.
    pub(crate) lists: usize,
    /// How deep in quotes.
    pub(crate) quote: u8,
}

/// Text being gathered for the next block, with its spans.
#[derive(Debug, Default)]
pub(crate) struct Inline {
    pub(crate) text: String,
    pub(crate) spans: Vec<Span>,
    /// Where the first source line ends (at the first soft or hard break).
    pub(crate) first_line: Option<usize>,
    /// A soft break waits for the next text: a space between words, nothing between Chinese
    /// characters.
    pub(crate) soft_break: bool,
}

impl Inline {
    pub(crate) fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if std::mem::take(&mut self.soft_break) {
            let before = self.text.chars().next_back();
            let after = text.chars().next();
            let joined = matches!((before, after), (Some(a), Some(b)) if is_wide(a) && is_wide(b));
            if !joined && !self.text.is_empty() && !self.text.ends_with(' ') {
                self.text.push(' ');
            }
        }
        // Markup taken out between two spaces (`a <!-- c --> b`) leaves one space, not two.
        let text = if self.text.ends_with(' ') {
            text.trim_start_matches(' ')
        } else {
            text
        };
        self.text.push_str(text);
    }

    pub(crate) fn line_break(&mut self, hard: bool) {
        if self.first_line.is_none() {
            self.first_line = Some(self.text.len());
        }
        if hard {
            self.soft_break = false;
            if !self.text.is_empty() {
                self.text.push('\n');
            }
        } else {
            self.soft_break = true;
        }
    }

    /// The text gathered last has Chinese in it: what a placeholder (`[链接]`, `[link]`) is
    /// worded in. Only the last few hundred bytes are looked at, so a paragraph of a hundred
    /// thousand placeholders is not read a hundred thousand times.
    pub(crate) fn recent_han(&self) -> bool {
        let from = crate::text::floor_boundary(&self.text, self.text.len().saturating_sub(256));
        self.text[from..].chars().any(crate::text::is_han)
    }

    /// The text gathered as a finished block, trimmed, its spans tidied: a list item inside
    /// an item, else a quote inside a quote, else a paragraph; `None` when it is blank. The
    /// gathered text is emptied, its room kept for the next block (most blocks are a line or
    /// two, and growing a new string for each costs more than reading it).
    pub(crate) fn take_block(&mut self, nesting: Nesting<'_>) -> Option<Piece> {
        let piece = (!self.is_blank()).then(|| {
            let text = self.text.trim_end();
            let lead = self.text.len() - self.text.trim_start().len();
            let kind = if !nesting.items.is_empty() {
                BlockKind::ListItem
            } else if nesting.quote > 0 {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            };
            let mut block = Block::new(kind, &text[lead..]);
            tidy(&mut self.spans, lead, text.len());
            if !self.spans.is_empty() {
                block.spans = self.spans.drain(..).collect();
            }
            match kind {
                BlockKind::ListItem => {
                    block.depth = u8::try_from(nesting.lists.saturating_sub(1)).unwrap_or(u8::MAX);
                    if let Some(marker) = nesting.items.last_mut().and_then(Option::take) {
                        block.set_marker(Some(marker));
                    }
                }
                BlockKind::Quote => block.depth = nesting.quote,
                _ => {}
            }
            let first_line = self.first_line.map_or(block.text.len(), |l| {
                l.saturating_sub(lead).min(block.text.len())
            });
            Piece::Block { block, first_line }
        });
        self.clear();
        piece
    }

    /// Ends a span of `kind` opened at `start`: it runs to the end of the text gathered, a
    /// space (a soft break's) at its start left out; an empty one is none.
    pub(crate) fn close_span(&mut self, kind: SpanKind, start: usize, url: Option<String>) {
        let end = self.text.len();
        let start = (start.min(end)..end)
            .find(|&i| self.text.is_char_boundary(i) && !self.text[i..].starts_with(' '))
            .unwrap_or(end);
        if end > start {
            self.spans.push(Span {
                kind,
                start,
                end,
                url: url.map(Text::from),
            });
        }
    }

    /// Empty again, keeping its room for the next block.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.first_line = None;
        self.soft_break = false;
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// `**…**` that CommonMark leaves as text: its rules let `**` close only before a space or
    /// a mark when a mark precedes it, so `**测试快了。**这是…`, common in Chinese, stays raw.
    /// Such pairs, outside code, become bold here.
    pub(crate) fn leftover_strong(&mut self) {
        if memchr::memchr(b'*', self.text.as_bytes()).is_none() {
            return;
        }
        // Code spans never overlap: sorted, a binary search finds the one around a place.
        let mut code: Vec<(usize, usize)> = self
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Code)
            .map(|s| (s.start, s.end))
            .collect();
        code.sort_unstable();
        let in_code = |at: usize| {
            let k = code.partition_point(|c| c.0 <= at);
            k > 0 && at < code[k - 1].1
        };
        // `match_indices` does not overlap, so `***` gives one mark; pairs in order.
        let marks: Vec<usize> = self
            .text
            .match_indices("**")
            .map(|(i, _)| i)
            .filter(|&i| !in_code(i))
            .collect();
        let pairs: Vec<(usize, usize)> = marks
            .chunks_exact(2)
            .map(|p| (p[0], p[1]))
            .filter(|&(open, close)| {
                let inner = &self.text[open + 2..close];
                !(inner.trim().is_empty() || inner.starts_with(' ') || inner.ends_with(' '))
            })
            .collect();
        if pairs.is_empty() {
            return;
        }
        // One pass: the text without the pairs' stars, every offset moved by the stars before.
        let cuts: Vec<usize> = pairs.iter().flat_map(|&(o, c)| [o, c]).collect();
        let moved = |x: usize| {
            let before = cuts.partition_point(|&c| c + 2 <= x);
            match cuts.get(before) {
                Some(&c) if c < x => c - 2 * before,
                _ => x - 2 * before,
            }
        };
        let mut text = String::with_capacity(self.text.len());
        let mut from = 0;
        for &c in &cuts {
            text.push_str(&self.text[from..c]);
            from = c + 2;
        }
        text.push_str(&self.text[from..]);
        for span in &mut self.spans {
            span.start = moved(span.start);
            span.end = moved(span.end);
        }
        self.spans.retain(|s| s.end > s.start);
        if let Some(l) = self.first_line.as_mut() {
            *l = moved(*l);
        }
        for &(open, close) in &pairs {
            self.spans.push(Span {
                kind: SpanKind::Strong,
                start: moved(open + 2),
                end: moved(close),
                url: None,
            });
        }
        self.text = text;
    }
}

/// Spans tidied for a text cut to `lead..len` of the gathered one (whitespace trimmed off both
/// ends), in place: cut to it, sorted, merged, and counted from `lead`.
pub(crate) fn tidy(spans: &mut Vec<Span>, lead: usize, len: usize) {
    spans.retain_mut(|s| {
        s.end = s.end.min(len);
        s.end > s.start
    });
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    merge(spans);
    spans.retain_mut(|s| {
        s.start = s.start.saturating_sub(lead);
        s.end = s.end.saturating_sub(lead);
        s.end > s.start
    });
}

/// Spans sorted by start, a span that overlaps or touches one of the last few kept of its style
/// (and target) made one with it: `<b>` a hundred thousand times unclosed is one bold run, not
/// a hundred thousand.
fn merge(spans: &mut Vec<Span>) {
    let mut kept = 0;
    for i in 0..spans.len() {
        let (done, rest) = spans.split_at_mut(i);
        let span = &rest[0];
        // Only the last few kept spans can still reach this one's start.
        let same = done[..kept]
            .iter_mut()
            .rev()
            .take(8)
            .find(|s| s.kind == span.kind && s.url == span.url && s.end >= span.start);
        match same {
            Some(s) => s.end = s.end.max(span.end),
            None => {
                spans.swap(kept, i);
                kept += 1;
            }
        }
    }
    spans.truncate(kept);
}

/// The widest a table's column is padded to, in display columns.
const MAX_PAD: usize = 60;

/// A table block: the cells aligned in columns by display width as the table asks (left,
/// right or centred), two spaces apart, a row a line; the header row bold.
pub(crate) fn table(rows: Vec<Vec<String>>, align: &[Alignment]) -> Block {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(display_width(cell));
        }
    }
    // A column is padded to [`MAX_PAD`] columns at most: one long cell would otherwise pad
    // every row to its width (a megabyte's cell over a thousand rows, a gigabyte).
    for w in &mut widths {
        *w = (*w).min(MAX_PAD);
    }
    let mut text = String::new();
    let mut header = 0;
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            text.push('\n');
        }
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let room = widths[i].saturating_sub(display_width(cell));
            let before = match align.get(i) {
                Some(Alignment::Right) => room,
                Some(Alignment::Center) => room / 2,
                _ => 0,
            };
            line.extend(std::iter::repeat_n(' ', before));
            line.push_str(cell);
            if i + 1 < row.len() {
                line.extend(std::iter::repeat_n(' ', room - before));
            }
        }
        text.push_str(line.trim_end());
        if r == 0 {
            header = text.len();
        }
    }
    let mut block = Block::new(BlockKind::Table, text);
    if header > 0 && rows.len() > 1 {
        block.spans.push(Span {
            kind: SpanKind::Strong,
            start: 0,
            end: header,
            url: None,
        });
    }
    block.more_mut().rows = rows
        .into_iter()
        .map(|row| row.into_iter().map(Text::from).collect())
        .collect();
    block
}
