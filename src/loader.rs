//! A big newsletter on screen before it is read: the file is read and parsed in pieces, the
//! first articles go on screen at once, and a worker thread sends the rest in batches while
//! the reader is already in use.

use std::sync::mpsc::{self, Receiver};

use crate::doc::{Assembler, Batch, Hints, Newsletter, Stream};
use crate::source::{Reader, SourceError};
use crate::store::Fingerprint;

/// Bytes read for the first screen; the rest goes in [`PIECE`]s.
const FIRST_PIECE: usize = 64 * 1024;
/// Bytes read at a time after the first screen: a batch for the list every few tens of
/// milliseconds.
const PIECE: usize = 4 << 20;

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
    /// The end of the file, with the fingerprint of the whole text.
    Done(String),
    /// Reading failed: why, in one line.
    Failed(String),
}

/// A file being read and parsed in pieces.
pub struct Loader {
    reader: Reader,
    stream: Stream,
    fingerprint: Fingerprint,
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
            fingerprint: Fingerprint::new(),
        }
    }

    /// Reads until the first article is final (or to the end of the file).
    pub fn start(mut self) -> Result<Start, SourceError> {
        let mut doc = Newsletter {
            title: None,
            sections: Vec::new(),
        };
        let mut assembler = Assembler::default();
        loop {
            let (batch, done) = self.step(FIRST_PIECE)?;
            let any = !batch.articles.is_empty();
            assembler.add(&mut doc, batch);
            if done {
                let id = self.fingerprint.finish();
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
        match self.reader.next_piece(max)? {
            Some(text) => {
                self.fingerprint.update(&text);
                Ok((self.stream.feed(&text), false))
            }
            None => Ok((self.stream.finish(), true)),
        }
    }

    /// Reads the rest on a worker thread, which sends batches as they are final.
    pub fn spawn(mut self) -> Receiver<Loaded> {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let message = match self.step(PIECE) {
                    Err(e) => Loaded::Failed(e.to_string()),
                    Ok((batch, done)) => {
                        let (read, size) = self.reader.progress();
                        if !batch.is_empty()
                            && tx.send(Loaded::Batch { batch, read, size }).is_err()
                        {
                            return;
                        }
                        if !done {
                            continue;
                        }
                        Loaded::Done(std::mem::take(&mut self.fingerprint).finish())
                    }
                };
                let _ = tx.send(message);
                return;
            }
        });
        rx
    }
}

/// `doc::parse_with` for a file read in pieces (what the reader shows, in one call: for tests
/// and benchmarks).
pub fn parse_file(reader: Reader, hints: &Hints) -> Result<(Newsletter, String), SourceError> {
    let mut loader = Loader::new(reader, hints);
    let mut doc = Newsletter {
        title: None,
        sections: Vec::new(),
    };
    let mut assembler = Assembler::default();
    loop {
        let (batch, done) = loader.step(PIECE)?;
        assembler.add(&mut doc, batch);
        if done {
            return Ok((doc, loader.fingerprint.finish()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{self, Input};

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
        assert_eq!(id, crate::store::fingerprint(&whole.text));
        assert!(doc == crate::doc::parse(&whole.text));

        let start = Loader::new(Reader::open(&path, 0).unwrap().unwrap(), &Hints::default())
            .start()
            .unwrap();
        let first = start.doc.articles().count();
        assert!(
            first > 0 && first < doc.articles().count() / 10,
            "{first} articles first"
        );
    }
}
