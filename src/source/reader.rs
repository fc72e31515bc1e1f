//! Big files read in pieces, so the first screen never waits for the whole file.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use super::encoding::{DETECT_LEN, head_encoding, head_is_binary};
use super::fingerprint::Fingerprint;
use super::{Input, MAX_INPUT, SNIFF_LEN, SourceError, clean, io_error};

/// A big file read in pieces: the text of its beginning is on screen while the rest is still
/// being read, and the whole of its bytes is never held at once. Each piece is decoded and
/// [`clean`]ed whole lines; together they are the text [`load`] gives (save an escape sequence
/// spread over lines, which is removed piece by piece instead).
///
/// The encoding is decided by the rules of [`decode`] from the whole lines of the first 64 KiB
/// (of the first 4 MiB when those are all ASCII); what is binary
/// there is refused, and control bytes further on are cleaned away like any others.
pub struct Reader {
    name: String,
    path: PathBuf,
    file: File,
    decoder: encoding_rs::Decoder,
    encoding: &'static Encoding,
    /// Bytes read but not decoded yet (the head, first).
    bytes: Vec<u8>,
    /// Decoded text after the last line break so far.
    partial: String,
    /// Bytes of the file read so far, and its size.
    read: u64,
    size: u64,
    /// The file has been read to its end.
    eof: bool,
    /// Anything but whitespace was seen.
    text_seen: bool,
    /// Where to stop reading for now (see [`Reader::stop_at`]).
    limit: Option<u64>,
    /// Of the bytes read, when read from the start.
    fingerprint: Option<Fingerprint>,
}

impl Reader {
    /// Opens `path` for reading in pieces when it is bigger than `min_size` bytes (else
    /// `None`: read it whole with [`load`]). Errors are those of [`load`] for what the start
    /// of the file shows.
    pub fn open(path: &Path, min_size: u64) -> Result<Option<Reader>, SourceError> {
        let name = Input::Path(path.to_path_buf()).name();
        let mut file = File::open(path).map_err(|error| io_error(&name, error))?;
        let metadata = file.metadata().map_err(|error| io_error(&name, error))?;
        if metadata.is_dir() || !metadata.is_file() || metadata.len() <= min_size {
            return Ok(None);
        }
        if metadata.len() > MAX_INPUT {
            return Err(SourceError::TooLarge { name });
        }
        let mut head = Vec::with_capacity(SNIFF_LEN);
        file.by_ref()
            .take(SNIFF_LEN as u64)
            .read_to_end(&mut head)
            .map_err(|error| io_error(&name, error))?;
        // A PDF is read whole, by its own front end; a page, in the encoding it names; an
        // email, part by part.
        if super::format::is_pdf(&head)
            || super::format::is_html(&name, &head)
            || super::format::is_email(&name, &head)
        {
            return Ok(None);
        }
        if head_is_binary(&head) {
            return Err(SourceError::NotText { name });
        }
        if head.is_ascii() {
            // Nothing tells the encoding yet: look further, as `decode` would.
            file.by_ref()
                .take((DETECT_LEN - SNIFF_LEN) as u64)
                .read_to_end(&mut head)
                .map_err(|error| io_error(&name, error))?;
        }
        let mut fingerprint = Fingerprint::new();
        fingerprint.update(&head);
        let decoder = match Encoding::for_bom(&head) {
            Some((encoding, _)) => encoding.new_decoder_with_bom_removal(),
            None => head_encoding(&head).new_decoder_without_bom_handling(),
        };
        Ok(Some(Reader {
            name,
            path: path.to_path_buf(),
            file,
            encoding: decoder.encoding(),
            decoder,
            read: head.len() as u64,
            bytes: head,
            partial: String::new(),
            size: metadata.len(),
            eof: false,
            text_seen: false,
            limit: None,
            fingerprint: Some(fingerprint),
        }))
    }

    /// A second reader of the same file from the start of the line at or after its middle,
    /// for reading the two halves at once; and where that is. `None` for an encoding where a
    /// line break cannot be found by its byte (UTF-16), or when the file is not bigger than
    /// `min_size`.
    pub fn second_half(&self, min_size: u64) -> Option<(Reader, u64)> {
        if !self.encoding.is_ascii_compatible() || self.size <= min_size {
            return None;
        }
        let mut file = File::open(&self.path).ok()?;
        // The same file, not one put in its place since: else one reader reads on alone.
        let (ours, theirs) = (self.file.metadata().ok()?, file.metadata().ok()?);
        if (ours.len(), ours.modified().ok()) != (theirs.len(), theirs.modified().ok()) {
            return None;
        }
        let middle = self.size / 2;
        file.seek(SeekFrom::Start(middle)).ok()?;
        let mut probe = Vec::with_capacity(SNIFF_LEN);
        file.by_ref()
            .take(SNIFF_LEN as u64)
            .read_to_end(&mut probe)
            .ok()?;
        let start = middle + memchr::memchr(b'\n', &probe)? as u64 + 1;
        if start < self.read {
            // This reader is past the middle already.
            return None;
        }
        file.seek(SeekFrom::Start(start)).ok()?;
        let reader = Reader {
            name: self.name.clone(),
            path: self.path.clone(),
            file,
            decoder: self.encoding.new_decoder_without_bom_handling(),
            encoding: self.encoding,
            bytes: Vec::new(),
            partial: String::new(),
            read: start,
            size: self.size,
            eof: false,
            text_seen: true,
            limit: None,
            fingerprint: None,
        };
        Some((reader, start))
    }

    /// Stops reading at byte `at` of the file (a line start) until told otherwise: the pieces
    /// then end exactly there. `None` reads on.
    pub fn stop_at(&mut self, at: Option<u64>) {
        self.limit = at;
    }

    /// Whether reading has reached the place given to [`Reader::stop_at`].
    pub fn stopped(&self) -> bool {
        self.limit == Some(self.read) && self.bytes.is_empty() && self.partial.is_empty()
    }

    /// The next piece of text, whole lines from about `max` bytes of the file; `None` after
    /// the end. A file with nothing but whitespace is [`SourceError::Empty`] at its end.
    pub fn next_piece(&mut self, max: usize) -> Result<Option<String>, SourceError> {
        if self.eof && self.bytes.is_empty() && self.partial.is_empty() {
            return Ok(None);
        }
        if self.bytes.is_empty() && !self.eof {
            let name = &self.name;
            let mut want = (max as u64).min(MAX_INPUT + 1 - self.read.min(MAX_INPUT));
            if let Some(limit) = self.limit {
                want = want.min(limit.saturating_sub(self.read));
                if want == 0 {
                    // At the stop. Its line is whole unless the file changed under us: then
                    // what is left of it goes as it is, so that the stop is reached.
                    let rest = std::mem::take(&mut self.partial);
                    return Ok(Some(clean(&rest).into_owned()));
                }
            }
            let got = self
                .file
                .by_ref()
                .take(want)
                .read_to_end(&mut self.bytes)
                .map_err(|error| io_error(name, error))?;
            if let Some(f) = self.fingerprint.as_mut() {
                f.update(&self.bytes);
            }
            self.read += got as u64;
            self.eof = got == 0;
            if self.read > MAX_INPUT {
                return Err(SourceError::TooLarge {
                    name: self.name.clone(),
                });
            }
        }
        // At most `max` bytes at a time (the head read to decide the encoding can be more).
        let take = self.bytes.len().min(max.max(1));
        let last = self.eof && take == self.bytes.len();
        let mut text = std::mem::take(&mut self.partial);
        let room = self
            .decoder
            .max_utf8_buffer_length(take)
            .unwrap_or(take * 3 + 16);
        text.reserve(room);
        let (_, _, _) = self
            .decoder
            .decode_to_string(&self.bytes[..take], &mut text, last);
        self.bytes.drain(..take);
        // Cleaning works on whole lines: what follows the last line break waits for the rest
        // of its line.
        if !last {
            let end = line_cut(&text);
            self.partial = if end == 0 {
                std::mem::take(&mut text)
            } else {
                text.split_off(end)
            };
        }
        let piece = match clean(&text) {
            Cow::Owned(cleaned) => cleaned,
            Cow::Borrowed(_) => text,
        };
        self.text_seen |= !piece.trim().is_empty();
        if last && !self.text_seen {
            return Err(SourceError::Empty {
                name: self.name.clone(),
            });
        }
        Ok(Some(piece))
    }

    /// Reads up to `max` bytes further without decoding them, for the fingerprint only; true
    /// at the end of the file.
    pub fn skip(&mut self, max: usize) -> Result<bool, SourceError> {
        self.limit = None;
        self.bytes.clear();
        self.partial.clear();
        let mut buf = vec![0; (1 << 20).min(max.max(1))];
        let mut left = max;
        while left > 0 {
            let want = buf.len().min(left);
            let got = match self.file.read(&mut buf[..want]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(true);
                }
                Ok(got) => got,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io_error(&self.name, e)),
            };
            self.read += got as u64;
            left -= got;
            if let Some(f) = self.fingerprint.as_mut() {
                f.update(&buf[..got]);
            }
        }
        Ok(false)
    }

    /// The fingerprint of the file's bytes, once read to the end by a reader that started at
    /// its beginning.
    pub fn fingerprint(&self) -> Option<String> {
        self.fingerprint
            .as_ref()
            .filter(|_| self.eof)
            .map(Fingerprint::finish)
    }

    /// Bytes of the file read so far, and its size when opened.
    pub fn progress(&self) -> (u64, u64) {
        (self.read, self.size)
    }

    /// What to call the file.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The encoding the file is read as.
    pub fn encoding(&self) -> &'static str {
        self.encoding.name()
    }
}

/// A line longer than this is cut where it is, rather than held whole until its end.
const LONGEST_LINE: usize = 8 << 20;

/// Where the text read so far can be cut so that each side cleans as it would together: after
/// its last line feed, or after a carriage return that is not its last character (one at the
/// very end may be the start of CRLF). A line longer than [`LONGEST_LINE`] is cut anyway.
fn line_cut(text: &str) -> usize {
    let bytes = text.as_bytes();
    let end = match memchr::memrchr2(b'\n', b'\r', bytes) {
        Some(i) if bytes[i] == b'\n' || i + 1 < bytes.len() => i + 1,
        Some(i) => memchr::memrchr2(b'\n', b'\r', &bytes[..i]).map_or(0, |j| j + 1),
        None => 0,
    };
    if end == 0 && text.len() > LONGEST_LINE {
        text.len()
    } else {
        end
    }
}
