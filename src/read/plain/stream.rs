//! Parsing a newsletter as its text arrives: a big file shows its first articles while the
//! rest is still being read, and its text is never held whole next to its parse.
//!
//! [`Stream`] takes text in pieces of whole lines and gives back [`Batch`]es of final
//! articles; an [`crate::doc::Assembler`] puts them into a [`crate::doc::Newsletter`].
//! Whatever the pieces, the result is exactly [`super::parse_with`] of the whole text (the parser decides on bounded
//! neighbourhoods, and a piece ends before the first article whose neighbourhood it cuts).

use super::hints::{Hints, Lexicon};
use super::parse::{Carry, default_section, parse_piece};
use crate::doc::Batch;
use crate::text::floor_boundary;

/// How much text a piece has at least before it is parsed: a piece re-reads the last few
/// articles of the one before, so pieces much smaller than this would waste time.
const MIN_PIECE: usize = 64 * 1024;

/// The first piece is parsed sooner: the first screen waits for it. (Its last
/// 15 KiB or so are not final yet: see `parse::MARGIN`.)
const FIRST_PIECE: usize = 32 * 1024;

/// Text before the start of a piece kept for the repair's look around page breaks and the
/// furniture rule's look at the pages before (`pages::REACH`). A stream
/// that starts in the middle of a text has none before its start, so its first
/// `CONTEXT` bytes are not parsed as the whole text would be (see `loader`).
pub const CONTEXT: usize = 8 * 1024 + super::pages::REACH;

/// Where a stream's next piece starts, and what crosses over to it. Two streams over the same
/// text that stop at the same place with the same seam go on alike; so a text can be parsed in
/// two halves at once, the second half's articles taken from the first seam where the first
/// half's stream meets it (see `loader`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seam {
    /// Offset in the text (counted from where the stream started).
    pub at: usize,
    /// The block before is a plain paragraph.
    pub prev_plain: bool,
    /// Some article so far ended with a credit under its body.
    pub bottom: bool,
    /// Explicit sections so far.
    pub sections: usize,
}

impl Seam {
    /// Whether parsing goes on alike from both seams (sections are counted from each stream's
    /// own start, so only the offset and the flags must agree).
    pub fn meets(&self, other: &Seam) -> bool {
        (self.at, self.prev_plain, self.bottom) == (other.at, other.prev_plain, other.bottom)
    }
}

/// The parser fed piece by piece.
pub struct Stream {
    lex: Lexicon,
    /// Text not yet final, after [`CONTEXT`] bytes of what is.
    buf: String,
    /// Where `buf` starts in the text.
    base: usize,
    /// A place to stop at if an article starts there (see [`Stream::aim`]).
    target: Option<usize>,
    /// Where in `buf` the next piece starts.
    from: usize,
    carry: Carry,
    default_section: Option<&'static str>,
    /// How much unparsed text to wait for before trying again.
    need: usize,
    /// [`MIN_PIECE`], smaller in tests.
    min_piece: usize,
}

impl Stream {
    /// A parser that parses as soon as it has `bytes` of new text (normally 64 KiB, the
    /// least worth a piece; small values make the seams between pieces easy to test).
    pub fn with_piece(hints: &Hints, bytes: usize) -> Stream {
        Stream {
            need: bytes,
            min_piece: bytes,
            ..Stream::new(hints)
        }
    }

    /// A parser for text that starts at a line in the middle of a newsletter, its offsets
    /// counted from there; its batches are to be taken from a seam another stream meets.
    pub fn resume(hints: &Hints) -> Stream {
        let mut stream = Stream::new(hints);
        stream.carry.started = true;
        stream.carry.at_start = false;
        stream.default_section = Some("综合");
        stream
    }

    /// A parser with the user's hints.
    pub fn new(hints: &Hints) -> Stream {
        Stream {
            lex: Lexicon::new(hints),
            buf: String::new(),
            base: 0,
            target: None,
            from: 0,
            carry: Carry {
                at_start: true,
                ..Carry::default()
            },
            default_section: None,
            need: FIRST_PIECE,
            min_piece: MIN_PIECE,
        }
    }

    /// Takes more text: whole lines (a piece that does not end with a line break is kept
    /// until one comes). Returns what became final, often nothing.
    pub fn feed(&mut self, text: &str) -> Batch {
        self.buf.push_str(text);
        let end = self.buf.rfind('\n').map_or(0, |i| i + 1);
        // The default section's name needs the first 8 KiB (see `default_section`).
        let named = self.default_section.is_some() || end >= 8192;
        if !named || end.saturating_sub(self.from) < self.need {
            return self.empty();
        }
        let tail = self.buf.split_off(end);
        let batch = self.parse(false);
        self.buf.push_str(&tail);
        batch
    }

    /// The end of the text: everything left becomes final.
    pub fn finish(&mut self) -> Batch {
        self.parse(true)
    }

    /// Where the next piece starts.
    pub fn seam(&self) -> Seam {
        Seam {
            at: self.base + self.from,
            prev_plain: self.carry.prev_plain,
            bottom: self.carry.bottom_credits > 0,
            sections: self.carry.sections.len(),
        }
    }

    /// Asks the stream to stop its batches at offset `at` if an article starts there (and
    /// never to pass it while one may), so that its seam can meet another stream's.
    pub fn aim(&mut self, at: Option<usize>) {
        self.target = at;
    }

    fn empty(&self) -> Batch {
        Batch {
            default_section: self.default_section.unwrap_or("综合"),
            title: None,
            date: None,
            sections: Vec::new(),
            articles: Vec::new(),
            last: false,
        }
    }

    fn parse(&mut self, last: bool) -> Batch {
        let default = *self
            .default_section
            .get_or_insert_with(|| default_section(&self.buf));
        let prefer = self.target.and_then(|t| t.checked_sub(self.base));
        let piece = parse_piece(
            &self.buf,
            self.from,
            last,
            prefer,
            &mut self.carry,
            &self.lex,
        );
        if last {
            self.base += self.buf.len();
            self.buf = String::new();
            self.from = 0;
        } else if piece.restart > self.from {
            let keep = floor_boundary(&self.buf, piece.restart.saturating_sub(CONTEXT));
            self.buf.drain(..keep);
            self.base += keep;
            // The buffer no longer starts where the newsletter does.
            self.carry.at_start &= self.base == 0;
            self.from = piece.restart - keep;
            self.need = self.min_piece;
        } else {
            // No article is final yet (one long article): wait for twice as much, so a
            // newsletter that is one article is parsed a bounded number of times over.
            self.need = 2 * (self.buf.len() - self.from);
        }
        Batch {
            default_section: default,
            title: piece.title,
            date: piece.date,
            sections: piece.sections,
            articles: piece.articles,
            last,
        }
    }
}
