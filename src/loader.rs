//! A big newsletter on screen before it is read: the file is read and parsed in pieces, the
//! first articles go on screen at once, and a worker thread sends the rest in batches while
//! the reader is already in use.
//!
//! A very big file is parsed in two halves at once, one thread each: the second half's
//! parser starts at a line in the middle, not knowing what came before, and its articles are
//! taken from the first place where the first half's parser, reading on past the middle, stops
//! in the same state (a [`Seam`] they both reach). Up to there the first half's articles are
//! used, so the result is exactly that of one parser; if they never meet, the first half's
//! parser simply reads on to the end.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::doc::Format;
use crate::doc::{Assembler, Batch, Newsletter};
use crate::read;
use crate::read::plain::stream::{CONTEXT, Seam};
use crate::read::plain::{Hints, Stream};
use crate::source::{Reader, SourceError, format};

/// Bytes read for the first screen; the rest goes in [`PIECE`]s.
const FIRST_PIECE: usize = 16 * 1024;
/// Bytes read at a time after the first screen: a batch for the list every ten milliseconds
/// or so.
const PIECE: usize = 2 << 20;
/// Files bigger than this are parsed in two halves at once.
const TWO_HALVES: u64 = 16 << 20;

/// What the worker sends.
#[derive(Debug)]
pub enum Loaded {
    /// More final articles, and how far the file is read (bytes read, file size).
    Batch {
        /// The articles.
        batch: Batch,
        /// Bytes read so far.
        read: u64,
        /// The file's size.
        size: u64,
    },
    /// The whole newsletter, which replaces the first part of it on screen (a page or an
    /// email is read whole by its front end: its first part is shown while it is).
    Whole(Box<Newsletter>),
    /// The end of the file.
    Done {
        /// The fingerprint of the whole text.
        id: String,
        /// The file was parsed in two halves that met (or else by one parser).
        halves: bool,
    },
    /// Reading failed: why, in one line.
    Failed(String),
}

/// A file being read and parsed in pieces.
pub struct Loader {
    reader: Reader,
    stream: Stream,
    hints: Hints,
    /// Bytes of text read so far.
    text_len: usize,
    /// [`PIECE`] and [`TWO_HALVES`], smaller in tests.
    piece: usize,
    two_halves: u64,
}

/// The beginning of a newsletter and what reads the rest.
pub struct Start {
    /// The articles so far.
    pub doc: Newsletter,
    /// Puts later batches into `doc`.
    pub assembler: Assembler,
    /// The rest, unless the whole file is already read; then its fingerprint.
    pub rest: Result<Loader, String>,
}

impl Loader {
    /// A loader for the file `reader` reads.
    pub fn new(reader: Reader, hints: &Hints) -> Loader {
        Loader {
            reader,
            stream: Stream::new(hints),
            hints: hints.clone(),
            text_len: 0,
            piece: PIECE,
            two_halves: TWO_HALVES,
        }
    }

    /// Reads `piece` bytes at a time after the first screen, and parses files bigger than
    /// `two_halves` in two halves (small values exercise the seams in tests).
    pub fn sizes(mut self, piece: usize, two_halves: u64) -> Loader {
        self.piece = piece;
        self.two_halves = two_halves;
        self
    }

    /// Reads until the first article is final (or to the end of the file). Only plain text is
    /// parsed in pieces; a newsletter in another format (by its name, else by the shape of its
    /// first piece) is read whole and parsed by its front end.
    pub fn start(mut self) -> Result<Start, SourceError> {
        let mut doc = Newsletter::default();
        let mut assembler = Assembler::default();
        // The first piece is as much as the format is judged by (see `source::format`).
        let mut first = Some(self.reader.next_piece(format::SNIFF)?);
        let head = first.as_ref().and_then(Option::as_deref).unwrap_or("");
        let format = format::detect(self.reader.name(), head);
        if format != Format::Text {
            let mut text = String::new();
            while let Some(piece) = match first.take() {
                Some(piece) => piece,
                None => self.reader.next_piece(PIECE)?,
            } {
                text.push_str(&piece);
            }
            return Ok(Start {
                doc: read::parse_owned(text, format, &self.hints),
                assembler,
                rest: Err(self.id()),
            });
        }
        loop {
            let (batch, done) = match first.take() {
                Some(piece) => self.feed(piece),
                None => self.step(FIRST_PIECE)?,
            };
            let any = !batch.articles.is_empty();
            assembler.add(&mut doc, batch);
            if done {
                let id = self.id();
                return Ok(Start {
                    doc,
                    assembler,
                    rest: Err(id),
                });
            }
            if any {
                return Ok(Start {
                    doc,
                    assembler,
                    rest: Ok(self),
                });
            }
        }
    }

    /// Reads one piece: the batch it made final, and whether that was the end.
    fn step(&mut self, max: usize) -> Result<(Batch, bool), SourceError> {
        let piece = self.reader.next_piece(max)?;
        Ok(self.feed(piece))
    }

    /// Parses a piece read (`None` at the end of the file).
    fn feed(&mut self, piece: Option<String>) -> (Batch, bool) {
        match piece {
            Some(text) => {
                self.text_len += text.len();
                (self.stream.feed(&text), false)
            }
            None => (self.stream.finish(), true),
        }
    }

    /// The fingerprint of the file, once read to the end.
    fn id(&self) -> String {
        self.reader.fingerprint().unwrap_or_default()
    }

    /// Reads the rest on a worker thread, which sends batches as they are final.
    pub fn spawn(mut self) -> Receiver<Loaded> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            yield_to_the_reader();
            let message = match self.read_rest(&tx) {
                Ok(Some(halves)) => Loaded::Done {
                    id: self.id(),
                    halves,
                },
                Ok(None) => return,
                Err(e) => Loaded::Failed(e.to_string()),
            };
            let _ = tx.send(message);
        });
        rx
    }

    /// Reads and parses the rest of the file, sending batches to `tx`; whether two halves
    /// met, or `None` when the receiver is gone.
    fn read_rest(&mut self, tx: &Sender<Loaded>) -> Result<Option<bool>, SourceError> {
        let mut second = self
            .reader
            .second_half(self.two_halves)
            .map(|(reader, at)| {
                self.reader.stop_at(Some(at));
                Half::spawn(reader, &self.hints, self.piece)
            });
        loop {
            if self.reader.stopped() {
                self.reader.stop_at(None);
                if let Some(half) = second.as_mut() {
                    // The text before the middle: where the second half's offsets start.
                    half.offset = Some(self.text_len);
                }
            }
            let (batch, done) = self.step(self.piece)?;
            let (bytes, size) = self.reader.progress();
            let default = batch.default_section;
            if tx
                .send(Loaded::Batch {
                    batch,
                    read: bytes,
                    size,
                })
                .is_err()
            {
                return Ok(None);
            }
            if done {
                return Ok(Some(false));
            }
            let Some(half) = second.as_mut() else {
                continue;
            };
            match half.meet(&mut self.stream) {
                Meeting::NotYet => {}
                Meeting::Never => second = None,
                Meeting::Met(map) => {
                    let half = second.take().expect("the second half");
                    return self.finish_with(half, map, default, tx);
                }
            }
        }
    }

    /// The halves met: the second half's batches go on from the seam while this thread reads
    /// the rest only for the fingerprint (without decoding it).
    fn finish_with(
        &mut self,
        mut half: Half,
        map: SectionMap,
        default: &'static str,
        tx: &Sender<Loaded>,
    ) -> Result<Option<bool>, SourceError> {
        let mut hashing = true;
        loop {
            // What the second half has, without waiting while there is text to hash.
            loop {
                let message = if hashing {
                    half.queue.pop_front().or_else(|| half.rx.try_recv().ok())
                } else {
                    half.queue.pop_front().or_else(|| half.rx.recv().ok())
                };
                let Some(message) = message else {
                    break;
                };
                match message {
                    HalfMessage::Batch {
                        mut batch, read, ..
                    } => {
                        batch.default_section = default;
                        map.apply(&mut batch);
                        let size = self.reader.progress().1;
                        if tx.send(Loaded::Batch { batch, read, size }).is_err() {
                            return Ok(None);
                        }
                    }
                    HalfMessage::Done => {
                        if !hashing {
                            return Ok(Some(true));
                        }
                        half.queue.push_back(HalfMessage::Done);
                        break;
                    }
                    HalfMessage::Failed(e) => return Err(e),
                }
            }
            if !hashing {
                // The second half's thread ended without a word.
                return Err(SourceError::Io {
                    name: self.reader.name().to_string(),
                    error: std::io::Error::other("its second half could not be read"),
                });
            }
            // A few MiB at a time, passing on the second half's batches in between.
            hashing = !self.reader.skip(self.piece.max(1 << 20) * 4)?;
        }
    }
}

/// A PDF on screen before all of it is read: its pages are rebuilt one at a time, here until
/// an article is final, then on a worker thread that sends the rest in batches, page by page
/// (what the file's size is to a text file, its pages are here). `None` for the batches when
/// every page was read here.
pub fn pdf(
    bytes: Vec<u8>,
    id: String,
    hints: &Hints,
) -> Result<(Start, Option<Receiver<Loaded>>), crate::read::pdf::PdfError> {
    let mut stream = Stream::new(hints);
    let mut doc = Newsletter {
        format: Format::Pdf,
        ..Newsletter::default()
    };
    let mut assembler = Assembler::default();
    let mut drawn = 0;
    let (walked, total) = read::pdf::pages(&bytes, 0, |page| {
        drawn += page.glyphs;
        let batch = stream.feed(&page.text);
        let any = !batch.articles.is_empty();
        assembler.add(&mut doc, batch);
        !any
    })?;
    if walked == total {
        if drawn == 0 {
            return Err(crate::read::pdf::PdfError::NoText);
        }
        assembler.add(&mut doc, stream.finish());
        let start = Start {
            doc,
            assembler,
            rest: Err(id),
        };
        return Ok((start, None));
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        yield_to_the_reader();
        let size = total as u64;
        let mut read = walked as u64;
        let mut gone = false;
        let result = read::pdf::pages(&bytes, walked, |page| {
            read += 1;
            let batch = stream.feed(&page.text);
            gone = tx.send(Loaded::Batch { batch, read, size }).is_err();
            !gone
        });
        if gone {
            return;
        }
        let message = match result {
            Ok(_) => {
                let batch = stream.finish();
                let _ = tx.send(Loaded::Batch {
                    batch,
                    read: size,
                    size,
                });
                Loaded::Done { id, halves: false }
            }
            Err(e) => Loaded::Failed(e.to_string()),
        };
        let _ = tx.send(message);
    });
    let start = Start {
        doc,
        assembler,
        rest: Err(String::new()),
    };
    Ok((start, Some(rx)))
}

/// Makes the calling worker thread give way to the thread that draws: a key is drawn at once
/// even while the workers keep every core busy. (On Linux the nice value is per thread; other
/// systems would lower the whole process, so there it is left alone.)
fn yield_to_the_reader() {
    #[cfg(target_os = "linux")]
    {
        // Failing to lower one's priority changes nothing but the priority.
        let _ = rustix::process::setpriority_process(None, 5);
    }
}

/// The second half of a file, parsed on a thread of its own.
struct Half {
    rx: Receiver<HalfMessage>,
    /// Its batches not taken yet.
    queue: VecDeque<HalfMessage>,
    /// Where its text starts in the whole text, once the first half has read that far.
    offset: Option<usize>,
}

enum HalfMessage {
    /// A batch, the seam it starts at (offsets from the middle), and the file's bytes read.
    Batch {
        batch: Batch,
        from: Seam,
        read: u64,
    },
    Done,
    Failed(SourceError),
}

/// How the first and second halves' parsers stand.
enum Meeting {
    NotYet,
    /// They met; the second half's section numbers are to be mapped.
    Met(SectionMap),
    /// The second half is gone or has passed: the first half reads on alone.
    Never,
}

/// The second half counts explicit sections from the middle: its numbers, shifted to count
/// from the start.
struct SectionMap {
    /// Sections the first half had at the seam, and the second.
    first: usize,
    second: usize,
}

impl SectionMap {
    fn apply(&self, batch: &mut Batch) {
        for placed in &mut batch.articles {
            placed.section = match placed.section {
                Some(s) => Some((s + self.first).saturating_sub(self.second)),
                // No marker since the middle: the last one before it, if any.
                None => self.first.checked_sub(1),
            };
        }
    }
}

impl Half {
    fn spawn(mut reader: Reader, hints: &Hints, piece: usize) -> Half {
        let (tx, rx) = mpsc::channel();
        let hints = hints.clone();
        std::thread::spawn(move || {
            yield_to_the_reader();
            let mut stream = Stream::resume(&hints);
            loop {
                let from = stream.seam();
                let (batch, done) = match reader.next_piece(piece) {
                    Err(e) => {
                        let _ = tx.send(HalfMessage::Failed(e));
                        return;
                    }
                    Ok(Some(text)) => (stream.feed(&text), false),
                    Ok(None) => (stream.finish(), true),
                };
                let read = reader.progress().0;
                if (done || stream.seam() != from)
                    && tx.send(HalfMessage::Batch { batch, from, read }).is_err()
                {
                    return;
                }
                if done {
                    let _ = tx.send(HalfMessage::Done);
                    return;
                }
            }
        });
        Half {
            rx,
            queue: VecDeque::new(),
            offset: None,
        }
    }

    /// Whether the first half's `stream` has met this half at one of its seams; aims it at
    /// the next one.
    fn meet(&mut self, stream: &mut Stream) -> Meeting {
        let Some(offset) = self.offset else {
            return Meeting::NotYet;
        };
        while let Ok(message) = self.rx.try_recv() {
            self.queue.push_back(message);
        }
        let here = stream.seam();
        loop {
            let Some(HalfMessage::Batch { from, .. }) = self.queue.front() else {
                stream.aim(None);
                // Done or failed before meeting (or nothing yet): read on alone, or wait.
                return match self.queue.front() {
                    Some(_) => Meeting::Never,
                    None => Meeting::NotYet,
                };
            };
            let at = Seam {
                at: from.at + offset,
                ..*from
            };
            if at.at < here.at || (at.at == here.at && !at.meets(&here)) || from.at < CONTEXT {
                // Passed, or reached in another state, or too near the middle for the second
                // half to have seen what its first blocks look back at: try the next seam.
                self.queue.pop_front();
                continue;
            }
            if at.at == here.at {
                // This batch and those after it are the rest of the newsletter.
                return Meeting::Met(SectionMap {
                    first: here.sections,
                    second: from.sections,
                });
            }
            stream.aim(Some(at.at));
            return Meeting::NotYet;
        }
    }
}

/// `read::plain::parse_with` for a file read in pieces (what the reader shows, in one call: for tests
/// and benchmarks).
pub fn parse_file(reader: Reader, hints: &Hints) -> Result<(Newsletter, String), SourceError> {
    let mut loader = Loader::new(reader, hints);
    let mut doc = Newsletter::default();
    let mut assembler = Assembler::default();
    loop {
        let (batch, done) = loader.step(PIECE)?;
        assembler.add(&mut doc, batch);
        if done {
            return Ok((doc, loader.id()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{self, Input};

    #[test]
    fn a_big_file_is_judged_markdown_by_as_much_text_as_a_small_one() {
        // The Markdown shows only after 16 KiB of prose: the first piece read must hold more.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("digest.txt");
        let prose = "一段没有任何标记的文字，写得很长很长。\n\n".repeat(700);
        let digest = "## 新闻\n\n1、[标题](https://example.org/1)\n\n## 工具\n\n\
                      1、[工具](https://example.org/2)\n\n";
        let text = format!("{prose}{}", digest.repeat(20_000));
        assert!(prose.len() > 16 << 10 && prose.len() + 4096 < 64 << 10);
        std::fs::write(&path, &text).unwrap();
        let reader = Reader::open(&path, 0).unwrap().unwrap();
        let start = Loader::new(reader, &Hints::default()).start().unwrap();
        assert_eq!(start.doc.format, Format::Markdown);
        assert_eq!(start.doc, crate::read::markdown::parse(&text));
    }

    #[test]
    fn a_file_read_in_pieces_is_the_file_read_whole() {
        let sample = source::decode(source::SAMPLE).unwrap().text;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        // CRLF line ends and a form feed: cleaning piece by piece is cleaning the whole.
        let text = format!("{sample}\n\u{c}").repeat(300).replace('\n', "\r\n");
        std::fs::write(&path, &text).unwrap();
        let whole = source::load(&Input::Path(path.clone())).unwrap();
        let reader = Reader::open(&path, 0).unwrap().unwrap();
        let (doc, id) = parse_file(reader, &Hints::default()).unwrap();
        assert_eq!(id, whole.id);
        assert!(doc == crate::read::plain::parse(&whole.text));

        let start = Loader::new(Reader::open(&path, 0).unwrap().unwrap(), &Hints::default())
            .start()
            .unwrap();
        let first = start.doc.articles().count();
        assert!(
            first > 0 && first < doc.articles().count() / 10,
            "{first} articles first"
        );
    }

    /// What the reader ends up with when the rest is read: the newsletter, its fingerprint
    /// and whether two halves met.
    fn collect(start: Start) -> (Newsletter, String, bool) {
        let Start {
            mut doc,
            mut assembler,
            rest,
        } = start;
        let Ok(loader) = rest else {
            panic!("the file was read whole at once");
        };
        let rx = loader.spawn();
        for message in rx {
            match message {
                Loaded::Batch { batch, read, size } => {
                    assert!(read <= size);
                    assembler.add(&mut doc, batch);
                }
                Loaded::Done { id, halves } => return (doc, id, halves),
                Loaded::Failed(e) => panic!("{e}"),
                Loaded::Whole(_) => panic!("a text file comes in batches"),
            }
        }
        panic!("no end");
    }

    #[test]
    fn two_halves_read_at_once_make_the_same_newsletter() {
        let sample = source::decode(source::SAMPLE).unwrap().text;
        let english = "Council approves budget\n\nBy Jane Doe\n\nThe council approved the \
                       budget on Monday.\n\n";
        let cases = [
            // CRLF and page breaks: the text is shorter than the file, so the offsets of the
            // two halves must be counted in text, not bytes.
            format!("{sample}\n\u{c}").repeat(150).replace('\n', "\r\n"),
            // Sections that start in the second half, after articles without one.
            format!(
                "{}\n【要闻】\n\n{}\n## Sport\n\n{}",
                sample.repeat(60),
                sample.repeat(60),
                english.repeat(5000)
            ),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (i, text) in cases.iter().enumerate() {
            let path = dir.path().join(format!("big{i}.txt"));
            std::fs::write(&path, text).unwrap();
            let whole = source::load(&Input::Path(path.clone())).unwrap();
            let open = || Reader::open(&path, 0).unwrap().unwrap();
            let parsed = crate::read::plain::parse(&whole.text);
            for piece in [40_000, 300_000] {
                // Whether the halves meet depends on how the two threads are scheduled (the
                // second runs at a lower priority, and on a busy machine the first may pass
                // every seam before it hears of one): every run must give the same newsletter,
                // and within a few runs they must meet.
                let met = (0..5).any(|_| {
                    let start = Loader::new(open(), &Hints::default())
                        .sizes(piece, 0)
                        .start()
                        .unwrap();
                    let (doc, id, halves) = collect(start);
                    assert_eq!(id, whole.id);
                    assert!(doc == parsed, "case {i}, {piece}");
                    halves
                });
                assert!(met, "case {i}, pieces of {piece}: the halves met");
            }
        }
    }

    /// The newsletter read the way a big file is read, and the way a small one is.
    fn both_ways(path: &std::path::Path) -> (Newsletter, Newsletter) {
        let whole = source::load(&Input::Path(path.to_path_buf())).unwrap();
        let reader = Reader::open(path, 0).unwrap().unwrap();
        let (doc, id) = parse_file(reader, &Hints::default()).unwrap();
        assert_eq!(id, whole.id);
        (doc, crate::read::plain::parse(&whole.text))
    }

    #[test]
    fn the_encoding_is_judged_as_for_a_small_file() {
        let sample = source::decode(source::SAMPLE).unwrap().text;
        let chinese = sample.repeat(20);
        let (gbk, _, _) = encoding_rs::GBK.encode(&chinese);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.txt");
        // The first 64 KiB end inside a two-byte character with one of the two prefixes.
        for prefix in [&b""[..], b"x"] {
            std::fs::write(&path, [prefix, &gbk].concat()).unwrap();
            let reader = Reader::open(&path, 0).unwrap().unwrap();
            assert_eq!(reader.encoding(), "GBK");
            let (doc, whole) = both_ways(&path);
            assert!(doc == whole);
        }
        // English first, Chinese in GBK only after the first 64 KiB.
        let english = "Council approves budget\n\nThe council approved it.\n\n".repeat(2000);
        std::fs::write(&path, [english.as_bytes(), &gbk].concat()).unwrap();
        assert_eq!(Reader::open(&path, 0).unwrap().unwrap().encoding(), "GBK");
        let (doc, whole) = both_ways(&path);
        assert!(doc == whole);
    }

    #[test]
    fn carriage_returns_alone_end_lines_piece_by_piece() {
        let sample = source::decode(source::SAMPLE).unwrap().text;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mac.txt");
        std::fs::write(&path, sample.repeat(200).replace('\n', "\r")).unwrap();
        let mut reader = Reader::open(&path, 0).unwrap().unwrap();
        // The first piece has whole lines in it, not nothing until the end of the file.
        let first = reader.next_piece(FIRST_PIECE).unwrap().unwrap();
        assert!(first.len() > FIRST_PIECE / 2, "{}", first.len());
        let (doc, whole) = both_ways(&path);
        assert!(doc == whole);
    }

    #[test]
    fn a_stop_is_reached_even_if_the_file_changed_under_it() {
        let sample = source::decode(source::SAMPLE).unwrap().text;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("changing.txt");
        std::fs::write(&path, sample.repeat(100)).unwrap();
        let mut reader = Reader::open(&path, 0).unwrap().unwrap();
        let (_, at) = reader.second_half(0).unwrap();
        reader.stop_at(Some(at));
        // The line before the stop no longer ends there.
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[at as usize - 1] = b'x';
        std::fs::write(&path, bytes).unwrap();
        let steps = (0..1000).position(|_| {
            reader.next_piece(40_000).unwrap();
            reader.stopped()
        });
        assert!(steps.is_some(), "never reached the stop");
    }

    #[test]
    fn the_halves_do_not_meet_where_the_second_could_not_look_back() {
        // A word cut by a page break is rejoined by finding it whole earlier in the text:
        // here, just before the middle, where the second half's parser starts. An article
        // longer than a piece after it lets the first half stop right at the middle.
        let filler = "会议审议通过了有关计划，与会人员进行了讨论\n\n".repeat(11_000);
        let before = format!("{filler}女职工康乃馨服务站正式揭牌。\n\n【要闻】\n");
        let after = format!(
            "这是关于女职工康\n\n乃馨服务站的报道\n\n{}",
            "服务站为职工提供了多项服务，受到欢迎。\n\n".repeat(9000)
        );
        // The middle falls on the marker's line, so the second half starts right after it.
        let pad = before.len() - after.len() - 8;
        let text = format!("{before}{after}{}", " \n".repeat(pad / 2));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("middle.txt");
        std::fs::write(&path, &text).unwrap();
        let whole = source::load(&Input::Path(path.clone())).unwrap();
        let (_, middle) = Reader::open(&path, 0)
            .unwrap()
            .unwrap()
            .second_half(0)
            .unwrap();
        assert_eq!(middle as usize, before.len());
        let expected = crate::read::plain::parse(&whole.text);
        assert!(
            expected
                .articles()
                .any(|(_, a)| a.title == "这是关于女职工康乃馨服务站的报道")
        );
        for piece in [4096, 40_000] {
            let start = Loader::new(Reader::open(&path, 0).unwrap().unwrap(), &Hints::default())
                .sizes(piece, 0)
                .start()
                .unwrap();
            let (doc, _, _) = collect(start);
            assert!(doc == expected, "pieces of {piece}");
        }
    }
}
