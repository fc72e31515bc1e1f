//! Where a newsletter comes from (a file, standard input or the bundled sample) and how its
//! bytes become clean text: encoding detection, decoding and sanitising.
//!
//! Newsletters reach us as text extracted from PDF by whatever tool the reader had at hand, so
//! the bytes may be UTF-8, UTF-16 or a legacy Chinese encoding, with any line ends, tabs, page
//! breaks and stray control characters. Everything downstream sees one shape: UTF-8 with `\n`
//! line ends and nothing that could drive the terminal.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::store::{Fingerprint, fingerprint};
pub use crate::text::{clean, escaped as displayable};

/// The bundled sample issue, shown when no file is given.
pub const SAMPLE: &[u8] = include_bytes!("../assets/sample.txt");

/// The name the bundled sample is shown under.
pub const SAMPLE_NAME: &str = "sample.txt";

/// The name standard input is shown under.
const STDIN_NAME: &str = "<stdin>";

/// How much of the input the binary and UTF-16 sniffing look at: enough to judge, cheap on
/// huge files.
const SNIFF_LEN: usize = 64 * 1024;

/// How much of the input chardetng sees: it settles long before this, and feeding it a
/// 200 MB file would only cost time.
const DETECT_LEN: usize = 4 * 1024 * 1024;

/// The largest input we read: a newsletter is a few hundred megabytes at most, and an endless
/// stream (`yes | kanbao -`) must end in a clear error, not in the machine running out of memory.
const MAX_INPUT: u64 = 1 << 30;

/// Where to read a newsletter from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
    /// The bundled sample issue ([`SAMPLE`]).
    Sample,
}

impl Input {
    /// The input a command-line argument names: no argument is the sample, `-` is standard
    /// input, anything else a path.
    pub fn from_arg(arg: Option<&OsStr>) -> Input {
        match arg {
            None => Input::Sample,
            Some(arg) if arg == "-" => Input::Stdin,
            Some(arg) => Input::Path(PathBuf::from(arg)),
        }
    }

    /// The name to show for this input: the path as given (lossily, if it is not Unicode),
    /// `<stdin>`, or [`SAMPLE_NAME`].
    ///
    /// Control characters in a path (a newline, an escape) are shown escaped (`\n`, `\u{1b}`):
    /// the name is printed to the terminal, and a file name must not be able to drive it.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => displayable(&path.to_string_lossy()),
            Input::Stdin => STDIN_NAME.to_owned(),
            Input::Sample => SAMPLE_NAME.to_owned(),
        }
    }
}

/// A newsletter read and decoded, ready for the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What to call it: the path as given, `<stdin>`, or [`SAMPLE_NAME`].
    pub name: String,
    /// The decoded, cleaned text (see [`clean`]).
    pub text: String,
    /// The encoding the bytes were read as, by its `encoding_rs` name (`UTF-8`, `UTF-16LE`,
    /// `GBK`, ...).
    pub encoding: &'static str,
    /// The fingerprint of the bytes (see [`crate::store::fingerprint`]).
    pub id: String,
}

/// Why a newsletter could not be read. Each message is one line naming the input.
//
// The io error is kept as a field, not as `#[source]`: the message already includes it, and
// `anyhow`'s `{:#}` would print it a second time.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file does not exist.
    #[error("{name}: no such file")]
    NotFound {
        /// The input's display name.
        name: String,
    },
    /// The path names a directory.
    #[error("{name} is a directory, not a newsletter file")]
    IsDirectory {
        /// The input's display name.
        name: String,
    },
    /// We may not read the file.
    #[error("{name}: permission denied")]
    PermissionDenied {
        /// The input's display name.
        name: String,
    },
    /// Any other failure to read.
    #[error("{name}: {error}")]
    Io {
        /// The input's display name.
        name: String,
        /// What went wrong.
        error: io::Error,
    },
    /// The bytes are binary, not text (see [`DecodeError::NotText`]).
    #[error("{name} does not look like text")]
    NotText {
        /// The input's display name.
        name: String,
    },
    /// There is no text, only whitespace (see [`DecodeError::Empty`]).
    #[error("{name} is empty")]
    Empty {
        /// The input's display name.
        name: String,
    },
    /// The input is longer than any newsletter (1 GiB), or endless.
    #[error("{name} is too large (over 1 GiB)")]
    TooLarge {
        /// The input's display name.
        name: String,
    },
}

/// Text decoded from bytes by [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded, cleaned text.
    pub text: String,
    /// The encoding the bytes were read as, by its `encoding_rs` name.
    pub encoding: &'static str,
}

/// Why bytes could not be turned into a newsletter's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold a NUL or too many control bytes to be text (and are not UTF-16).
    #[error("the bytes do not look like text")]
    NotText,
    /// After decoding and cleaning nothing but whitespace is left.
    #[error("the text is empty")]
    Empty,
}

/// Reads the newsletter `input` names and decodes it (see [`decode`]).
pub fn load(input: &Input) -> Result<Source, SourceError> {
    let name = input.name();
    let (decoded, id) = match input {
        Input::Sample => (decode(SAMPLE), fingerprint(SAMPLE)),
        Input::Stdin => {
            let bytes = read_text(&mut io::stdin().lock(), 0, MAX_INPUT, &name)?;
            let id = fingerprint(&bytes);
            (decode_owned(bytes), id)
        }
        Input::Path(path) => {
            let bytes = read_file(path, &name)?;
            let id = fingerprint(&bytes);
            (decode_owned(bytes), id)
        }
    };
    match decoded {
        Ok(Decoded { text, encoding }) => Ok(Source {
            name,
            text,
            encoding,
            id,
        }),
        Err(DecodeError::NotText) => Err(SourceError::NotText { name }),
        Err(DecodeError::Empty) => Err(SourceError::Empty { name }),
    }
}

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

/// The encoding of a file without a BOM, judged from its start by the rules of [`decode`].
fn head_encoding(head: &[u8]) -> &'static Encoding {
    if looks_binary(head) {
        // Not binary (the caller checked): UTF-16 without a BOM.
        return utf16_without_bom(head).unwrap_or(UTF_8);
    }
    // Whole lines only: a character cut off at the end of the head is no evidence.
    let head = memchr::memrchr(b'\n', head).map_or(head, |i| &head[..=i]);
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if valid || mostly_utf8(head) {
        UTF_8
    } else {
        detect(head)
    }
}

/// Reads a whole file, telling a directory apart from a file.
fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, SourceError> {
    let mut file = File::open(path).map_err(|error| io_error(name, error))?;
    // On Unix a directory opens fine and only fails on read, with a less helpful message.
    let metadata = file.metadata().map_err(|error| io_error(name, error))?;
    if metadata.is_dir() {
        return Err(SourceError::IsDirectory {
            name: name.to_owned(),
        });
    }
    if metadata.len() > MAX_INPUT {
        return Err(SourceError::TooLarge {
            name: name.to_owned(),
        });
    }
    // The size is only a hint (files grow, /proc and devices lie), so it just sizes the buffer.
    let hint = usize::try_from(metadata.len()).unwrap_or(0);
    read_text(&mut file, hint, MAX_INPUT, name)
}

/// Reads at most `limit` bytes of what should be text. The first [`SNIFF_LEN`] bytes are
/// judged before the rest is read, so an endless binary stream (`/dev/zero`) is refused at
/// once; an endless text stream stops at `limit` with [`SourceError::TooLarge`].
fn read_text(
    reader: &mut impl Read,
    hint: usize,
    limit: u64,
    name: &str,
) -> Result<Vec<u8>, SourceError> {
    let cap = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(hint.min(cap).saturating_add(1));
    let head = (SNIFF_LEN as u64).min(limit);
    let io = |error| io_error(name, error);
    reader.take(head).read_to_end(&mut bytes).map_err(io)?;
    if head_is_binary(&bytes) {
        return Err(SourceError::NotText {
            name: name.to_owned(),
        });
    }
    let rest = limit.saturating_sub(bytes.len() as u64);
    reader.take(rest).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 >= limit {
        // One byte more tells a file of exactly `limit` bytes from a longer one.
        let mut more = Vec::new();
        reader.take(1).read_to_end(&mut more).map_err(io)?;
        if !more.is_empty() {
            return Err(SourceError::TooLarge {
                name: name.to_owned(),
            });
        }
    }
    Ok(bytes)
}

/// Whether the start of an input already shows it is binary (see [`looks_binary`]), judged the
/// way [`decode`] judges the whole: UTF-16 (with a BOM or ASCII-heavy) by its characters.
fn head_is_binary(head: &[u8]) -> bool {
    let body = match Encoding::for_bom(head) {
        Some((encoding, bom_len)) => {
            let body = head.get(bom_len..).unwrap_or_default();
            if encoding != UTF_8 {
                return chars_look_binary(&encoding.decode_without_bom_handling(body).0);
            }
            body
        }
        None => head,
    };
    if !looks_binary(body) {
        return false;
    }
    match utf16_without_bom(body) {
        Some(encoding) => chars_look_binary(&encoding.decode_without_bom_handling(body).0),
        None => true,
    }
}

/// Sorts an io error into the cases we have a plain message for.
fn io_error(name: &str, error: io::Error) -> SourceError {
    let name = name.to_owned();
    match error.kind() {
        // `a.txt/b` fails with "not a directory", which is only a roundabout "no such file".
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => SourceError::NotFound { name },
        io::ErrorKind::PermissionDenied => SourceError::PermissionDenied { name },
        io::ErrorKind::IsADirectory => SourceError::IsDirectory { name },
        _ => SourceError::Io { name, error },
    }
}

/// Turns a newsletter's bytes into clean text, working out the encoding.
///
/// In order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); binary data is refused, except
/// ASCII-heavy UTF-16 without a BOM; valid UTF-8 is taken as is; UTF-8 with a few invalid
/// sequences is decoded with U+FFFD for them; anything else is detected with chardetng
/// (short Chinese snippets lean to GBK/GB18030). The text is then [`clean`]ed.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding) = to_text(bytes)?;
    finish(text, encoding)
}

/// [`decode`] for bytes we own: plain UTF-8, by far the common case, becomes the text without
/// a copy, which matters on files of hundreds of megabytes.
fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    // The same steps as `to_text`, taking the buffer over where they would borrow.
    match Encoding::for_bom(&bytes) {
        Some((encoding, bom_len)) if encoding == UTF_8 => {
            bytes.drain(..bom_len);
        }
        Some(_) => return decode(&bytes),
        None => {}
    }
    if !looks_binary(&bytes) {
        match String::from_utf8(bytes) {
            Ok(text) => return finish(Cow::Owned(text), UTF_8),
            Err(error) => bytes = error.into_bytes(),
        }
    }
    let (text, encoding) = utf8_or_legacy(&bytes)?;
    finish(text, encoding)
}

/// Cleans decoded text and refuses it if nothing is left.
fn finish(text: Cow<'_, str>, encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let cleaned = match clean(&text) {
        Cow::Owned(cleaned) => Some(cleaned),
        Cow::Borrowed(_) => None,
    };
    let text = cleaned.unwrap_or_else(|| text.into_owned());
    // `trim` knows Unicode whitespace, the ideographic space included.
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Decodes bytes to (uncleaned) text and says which encoding it used.
fn to_text(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if encoding == UTF_8 {
            // The same checks as without a BOM: a BOM does not make binary data text.
            return utf8_or_legacy(body);
        }
        // UTF-16 is full of NULs by nature, so judge the decoded characters instead.
        let (text, _) = encoding.decode_without_bom_handling(body);
        if chars_look_binary(&text) {
            return Err(DecodeError::NotText);
        }
        return Ok((text, encoding));
    }
    utf8_or_legacy(bytes)
}

/// Decodes bytes without a UTF-16 BOM: UTF-8 if it plausibly is, else the detected encoding.
fn utf8_or_legacy(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), DecodeError> {
    if looks_binary(bytes) {
        let encoding = utf16_without_bom(bytes).ok_or(DecodeError::NotText)?;
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        if chars_look_binary(&text) {
            return Err(DecodeError::NotText);
        }
        return Ok((text, encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    if mostly_utf8(bytes) {
        return Ok((String::from_utf8_lossy(bytes), UTF_8));
    }
    let encoding = detect(bytes);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok((text, encoding))
}

/// Whether a byte is a control character that has no business in text. Tab, line feed,
/// carriage return and form feed are ordinary in extracted text; escape is not.
fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// Whether bytes are binary, judged by their first 64 KiB: any NUL, or more than a tenth of
/// control bytes. Only the start counts, as it does for a big file read in pieces: further on,
/// stray control bytes are damage, and cleaned away.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_control_byte(b)).count();
    controls * 10 > head.len()
}

/// [`looks_binary`] for decoded UTF-16, where NULs in the bytes are normal but a NUL
/// character is not.
fn chars_look_binary(text: &str) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_LEN) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls * 10 > total
}

/// Recognises UTF-16 without a BOM, as some Windows tools write it. Only ASCII-heavy text can
/// be told apart from binary: every ASCII character brings a NUL, always in the same half of
/// its code unit (the odd byte in little-endian, the even one in big-endian). So we ask for
/// NULs in more than a quarter of the bytes, more than 90% of them on one side, and at least
/// eight of them: a stray NUL in a few bytes of binary proves nothing.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [first, second] = pair {
            even += usize::from(*first == 0);
            odd += usize::from(*second == 0);
        }
    }
    let nuls = even + odd;
    if nuls < 8 || nuls * 4 <= head.len() {
        None
    } else if odd * 10 > nuls * 9 {
        Some(UTF_16LE)
    } else if even * 10 > nuls * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 still are UTF-8 with a little damage: a stray byte,
/// a run of garbage or a line pasted in from a GBK file must not make us read a whole UTF-8 file
/// as GBK or windows-1252 and garble all of it.
///
/// Damage comes in runs (a bad copy spoils a stretch of bytes, not every other byte), so bad
/// runs are counted, not bad bytes. Legacy text is a poor imitation of UTF-8: in GBK-encoded
/// Chinese (measured on the sample) the rare byte pairs that happen to be valid UTF-8 each sit
/// between two bad runs, about one valid character per run. So at least 8 valid multi-byte
/// characters and at least 5 of them for every bad run is safely UTF-8.
/// A few thousand sequences settle the ratio, so huge files are not scanned to the end.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut runs) = (0usize, 0usize);
    // Whether the previous chunk ended in a bad sequence with nothing valid after it.
    let mut in_run = false;
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        // Each multi-byte character has exactly one lead byte, 0xC0 and up.
        valid += chunk.valid().bytes().filter(|&b| b >= 0xc0).count();
        if !chunk.valid().is_empty() {
            in_run = false;
        }
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        // A character cut off at the very end is what truncation (`head -c`) leaves, no sign
        // of another encoding.
        let cut_off = chunks.peek().is_none()
            && std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none());
        if !cut_off && !in_run {
            runs += 1;
        }
        in_run = true;
        if valid + runs >= 4096 {
            break;
        }
    }
    valid >= 8 && runs * 5 <= valid
}

/// Guesses the legacy encoding of bytes that are not UTF-8.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(DETECT_LEN)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // `last` only when we fed everything: a cut in the middle of a character is no evidence.
    detector.feed(head, head.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    // chardetng needs about 16 Chinese characters to be sure; on fewer it often says EUC-KR
    // or a single-byte encoding. Our readers are Chinese, so when a short snippet is valid
    // GB18030 and reads as Chinese, it is Chinese.
    if guess != GBK && is_short(bytes) && reads_as_chinese(bytes) {
        GBK
    } else {
        guess
    }
}

/// Whether bytes hold too little non-ASCII for chardetng to be reliable (about 32 characters
/// of GBK).
fn is_short(bytes: &[u8]) -> bool {
    bytes.iter().filter(|&&b| b >= 0x80).take(64).count() < 64
}

/// Whether bytes decode as GB18030 without errors into text that is mostly Chinese.
/// (encoding_rs's GBK decoder is the full GB18030 decoder.)
fn reads_as_chinese(bytes: &[u8]) -> bool {
    let Some(text) = GBK.decode_without_bom_handling_and_without_replacement(bytes) else {
        return false;
    };
    let (mut cjk, mut other, mut words) = (0usize, 0usize, 0usize);
    let mut in_word = false;
    for c in text.chars() {
        let letter = c.is_ascii_alphabetic();
        if letter && !in_word {
            words += 1;
        }
        in_word = letter;
        if is_cjk(c) {
            cjk += 1;
        } else if !c.is_ascii() {
            other += 1;
        }
    }
    // Latin-1 text with accents can pass as GB18030 too ("Brücke" → "Br黷ke"), but then its
    // few "Chinese" characters sit among many ASCII words.
    cjk > 0 && other * 4 <= cjk && words * 2 <= cjk
}

/// Whether a character belongs in Chinese text: Han ideographs, CJK and full-width
/// punctuation, and the quotes and dashes GBK text uses.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{b7}'
        | '\u{2010}'..='\u{2027}'
        | '\u{3000}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sanitize::{clean_lines, is_removed};
    use unicode_width::UnicodeWidthChar;

    fn decoded(bytes: &[u8]) -> (String, &'static str) {
        match decode(bytes) {
            Ok(Decoded { text, encoding }) => (text, encoding),
            Err(error) => panic!("{bytes:?} did not decode: {error}"),
        }
    }

    fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
        let bom = bom.then_some(0xfeff_u16);
        bom.into_iter()
            .chain(text.encode_utf16())
            .flat_map(|unit| {
                if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect()
    }

    fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    const NEWS: &str = "区总工会召开会议\n\n会议总结了去年工作,部署了今年任务。\n";

    #[test]
    fn utf8_is_taken_as_is() {
        assert_eq!(decoded(NEWS.as_bytes()), (NEWS.to_owned(), "UTF-8"));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let bytes = [b"\xef\xbb\xbf".as_slice(), NEWS.as_bytes()].concat();
        assert_eq!(decoded(&bytes), (NEWS.to_owned(), "UTF-8"));
        assert_eq!(decode_owned(bytes), decode(NEWS.as_bytes()));
    }

    #[test]
    fn utf16_with_bom_decodes_both_ways_round() {
        let text = "标题 𠀀 Title\n正文。\n";
        assert_eq!(
            decoded(&utf16(text, true, true)),
            (text.to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decoded(&utf16(text, true, false)),
            (text.to_owned(), "UTF-16BE")
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_when_ascii_heavy() {
        let text = "City Council News\n\nThe council met on Monday to discuss the harbour.\n";
        assert_eq!(
            decoded(&utf16(text, false, true)),
            (text.to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decoded(&utf16(text, false, false)),
            (text.to_owned(), "UTF-16BE")
        );
    }

    #[test]
    fn gb18030_chinese_with_a_four_byte_character() {
        let text =
            "太仓市总工会召开座谈会\n\n会议总结以往工作,部署今年任务。生僻字𠀀也要显示正确。\n";
        let bytes = gb18030(text);
        // U+20000 is one of GB18030's four-byte sequences.
        assert!(bytes.windows(4).any(|w| w == [0x95, 0x32, 0x82, 0x36]));
        assert_eq!(decoded(&bytes), (text.to_owned(), "GBK"));
    }

    #[test]
    fn gbk_text_decodes() {
        let text = "今天天气很好。我们去公园散步吧!\r\n";
        let (bytes, _, _) = GBK.encode(text);
        assert_eq!(
            decoded(&bytes),
            ("今天天气很好。我们去公园散步吧!\n".to_owned(), "GBK")
        );
    }

    #[test]
    fn short_chinese_leans_to_gbk() {
        // chardetng alone calls these EUC-KR or windows-1252.
        for text in ["你好", "开全", "工会力量", "“党建带工建”,"] {
            assert_eq!(decoded(&gb18030(text)), (text.to_owned(), "GBK"), "{text}");
        }
    }

    #[test]
    fn latin1_is_not_taken_for_chinese() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Über die Brücke gehen wir später.");
        assert_eq!(
            decoded(&bytes),
            (
                "Über die Brücke gehen wir später.".to_owned(),
                "windows-1252"
            )
        );
    }

    #[test]
    fn invalid_utf8_inside_chinese_stays_utf8() {
        let text = "会议总结了去年工作,部署了今年任务。要主动适应新形势,";
        let bytes = [text.as_bytes(), b"\xff", text.as_bytes()].concat();
        assert_eq!(decoded(&bytes), (format!("{text}\u{fffd}{text}"), "UTF-8"));
    }

    #[test]
    fn utf8_cut_off_mid_character_stays_utf8() {
        let bytes = &"会议总结了去年工作".as_bytes()[..3 * 8 + 2];
        assert_eq!(
            decoded(bytes),
            ("会议总结了去年工\u{fffd}".to_owned(), "UTF-8")
        );
    }

    #[test]
    fn nul_byte_is_not_text() {
        assert_eq!(decode(b"Hello\0world"), Err(DecodeError::NotText));
        assert_eq!(
            decode(&[b"\xef\xbb\xbf".as_slice(), b"a\0b"].concat()),
            Err(DecodeError::NotText)
        );
    }

    #[test]
    fn mostly_control_bytes_are_not_text() {
        assert_eq!(
            decode(b"\x01\x02\x03abc\x1b\x1b\x04def\x05"),
            Err(DecodeError::NotText)
        );
        // A few escapes in real text are cleaned, not refused.
        let text = "Some plain words, then \x1b[1mbold\x1b[0m, then plain again.\n";
        assert_eq!(
            decoded(text.as_bytes()).0,
            "Some plain words, then bold, then plain again.\n"
        );
    }

    #[test]
    fn utf16_full_of_nul_characters_is_not_text() {
        let bytes = utf16("\0\0\0\0ab", true, true);
        assert_eq!(decode(&bytes), Err(DecodeError::NotText));
        // NULs on both sides are not UTF-16.
        assert_eq!(
            decode(&[0, 0, 0, 0, b'a', 0, 0, b'b']),
            Err(DecodeError::NotText)
        );
    }

    #[test]
    fn nothing_but_whitespace_is_empty() {
        for bytes in [
            b"".as_slice(),
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\n\n\r\n  \t\n",
            "\u{3000}\u{3000}\n\x0c\n".as_bytes(),
        ] {
            assert_eq!(decode(bytes), Err(DecodeError::Empty), "{bytes:?}");
        }
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(clean("a\r\nb\rc\nd\r\n\r\ne\r"), "a\nb\nc\nd\n\ne\n");
    }

    #[test]
    fn form_feed_becomes_a_blank_line() {
        assert_eq!(clean("第一页\x0c第二页\n"), "第一页\n\n第二页\n");
    }

    #[test]
    fn tabs_expand_to_tab_stops() {
        assert_eq!(clean("a\tb\n\tc\nabcd\te"), "a   b\n    c\nabcd    e");
        // CJK characters are two columns wide.
        assert_eq!(clean("中\tx"), "中  x");
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(clean("a\x1b[2Jb\x07c\x7fd\x00e"), "abcde");
        assert_eq!(clean("C1\u{9b}31m and \u{85}NEL"), "C1 and NEL");
        assert_eq!(clean("v\x0bt"), "vt");
    }

    #[test]
    fn bidi_controls_and_stray_boms_are_removed() {
        assert_eq!(
            clean("a\u{202e}b\u{2066}c\u{2069}d\u{200e}e\u{200f}f\u{61c}g\u{feff}h"),
            "abcdefgh"
        );
    }

    #[test]
    fn trailing_whitespace_is_dropped() {
        assert_eq!(clean("a  \nb\u{3000}\nc\t\nd \u{a0}"), "a\nb\nc\nd");
    }

    #[test]
    fn ideographic_indent_is_left_for_the_parser() {
        // The parser needs it to see where a paragraph starts; it drops it there.
        let text = "\u{3000}\u{3000}正文开始。\n  plain indent\n";
        assert!(matches!(clean(text), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "标题\n\n“正文”——第一段。 Mixed text.\n  indented\n";
        assert!(matches!(clean(text), Cow::Borrowed(_)));
        assert!(matches!(clean(""), Cow::Borrowed(_)));
        assert!(matches!(clean("a\r\n"), Cow::Owned(_)));
    }

    #[test]
    fn clean_keeps_the_clean_prefix() {
        assert_eq!(clean("one\ntwo\nthree \n四\r\n"), "one\ntwo\nthree\n四\n");
    }

    /// A tiny deterministic generator (xorshift), so the mixed-input tests need no crate.
    fn pseudo_random(seed: &mut u64) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % 1_000_003) as usize
    }

    /// Escape sequences removed from one line, the slow, obvious way, char by char.
    fn reference_strip_escapes(line: &str) -> String {
        let chars: Vec<char> = line.chars().collect();
        let at = |i: usize| chars.get(i).copied();
        let (mut out, mut i) = (String::new(), 0);
        while let Some(c) = at(i) {
            let next = at(i + 1);
            if (c == '\x1b' && next == Some('[')) || c == '\u{9b}' {
                i += if c == '\x1b' { 2 } else { 1 };
                while at(i).is_some_and(|x| ('0'..='?').contains(&x)) {
                    i += 1;
                }
                while at(i).is_some_and(|x| (' '..='/').contains(&x)) {
                    i += 1;
                }
                i += usize::from(at(i).is_some_and(|x| ('@'..='~').contains(&x)));
            } else if (c == '\x1b' && matches!(next, Some(']' | 'P' | 'X' | '^' | '_')))
                || matches!(c, '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}')
            {
                i += if c == '\x1b' { 2 } else { 1 };
                loop {
                    match at(i) {
                        None => break,
                        Some('\x07' | '\u{9c}') => {
                            i += 1;
                            break;
                        }
                        Some('\x1b') if at(i + 1) == Some('\\') => {
                            i += 2;
                            break;
                        }
                        Some('\x1b') => break,
                        Some(_) => i += 1,
                    }
                }
            } else if c == '\x1b' {
                i += 1;
                if next.is_some_and(|x| (' '..='~').contains(&x)) {
                    while at(i).is_some_and(|x| (' '..='/').contains(&x)) {
                        i += 1;
                    }
                    i += usize::from(at(i).is_some_and(|x| ('0'..='~').contains(&x)));
                }
            } else {
                out.push(c);
                i += 1;
            }
        }
        out
    }

    /// `clean` written the slow, obvious way, to check the fast one against.
    fn reference_clean(text: &str) -> String {
        let text = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\x0c', "\n\n")
            .replace('\u{2028}', "\n")
            .replace('\u{2029}', "\n\n");
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let mut out = String::new();
                let mut col = 0;
                for c in reference_strip_escapes(line).chars() {
                    if c == '\t' {
                        while {
                            out.push(' ');
                            col += 1;
                            col % 4 != 0
                        } {}
                    } else if !is_removed(c) {
                        out.push(c);
                        col += c.width().unwrap_or(0);
                    }
                }
                out.trim_end().to_owned()
            })
            .collect();
        lines.join("\n")
    }

    #[test]
    fn fast_path_agrees_with_the_full_pass_and_clean_is_idempotent() {
        let pieces = [
            "a",
            " ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\x0c",
            "\x1b",
            "\u{9b}",
            "[31m",
            "\x1b]0;title\x07",
            "\u{9d}",
            "\\",
            "(B",
            "\u{2028}",
            "\u{2029}",
            "\u{3000}",
            "中",
            "“",
            "\u{202e}",
            "\u{feff}",
            "\u{a0}",
            "\u{85}",
            "é",
            "𠀀",
            "a plain run longer than one 32-byte block",
            "会议总结了去年工作部署了今年任务",
        ];
        let mut seed = 0x5eed_u64;
        for _ in 0..5000 {
            let len = pseudo_random(&mut seed) % 16;
            let text: String = (0..len)
                .map(|_| pieces[pseudo_random(&mut seed) % pieces.len()])
                .collect();
            let mut full = String::new();
            clean_lines(&text, &mut full);
            let cleaned = clean(&text);
            assert_eq!(cleaned, full, "{text:?}");
            assert_eq!(cleaned, reference_clean(&text), "{text:?}");
            assert!(matches!(clean(&cleaned), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn decode_never_panics_on_odd_bytes() {
        let pieces: [&[u8]; 13] = [
            b"a",
            b"\0",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\xef\xbb\xbf",
            b"\x95\x32\x82\x36",
            b"\xe4\xb8",
            b"\xe4\xb8\xad",
            b"\xd6\xd0",
            b"\x1b",
            b"\r\n",
            b"\x80",
            b"\x01",
        ];
        let mut seed = 0xb17e_u64;
        for _ in 0..5000 {
            let len = pseudo_random(&mut seed) % 40;
            let bytes: Vec<u8> = (0..len)
                .flat_map(|_| {
                    pieces[pseudo_random(&mut seed) % pieces.len()]
                        .iter()
                        .copied()
                })
                .collect();
            if let Ok(decoded) = decode(&bytes) {
                assert!(matches!(clean(&decoded.text), Cow::Borrowed(_)));
            }
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn line_and_paragraph_separators_break_lines() {
        assert_eq!(clean("一行\u{2028}二行 \u{2029}三段"), "一行\n二行\n\n三段");
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("red \x1b[1;31mtext\x1b[0m end"), "red text end");
        assert_eq!(clean("标题\x1b]0;pwned\x07正文"), "标题正文");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        assert_eq!(clean("a\x1bP1;2q data\x1b\\b\x1b(Bc\x1bcd"), "abcd");
        // An unterminated string ends with its line, not with the file.
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let text = "会议总结了去年工作，部署了今年任务。要主动适应新形势。\n";
        // A run of garbage bytes, as a bad copy leaves them.
        let garbage = [text.as_bytes(), &[0xff; 30], text.as_bytes()].concat();
        assert_eq!(decoded(&garbage).1, "UTF-8");
        // A line pasted in from a GBK file.
        let (gbk, _, _) = GBK.encode("这一行是从别的文件粘贴进来的\n");
        let pasted = [text.as_bytes(), &gbk, text.as_bytes()].concat();
        let (out, encoding) = decoded(&pasted);
        assert_eq!(encoding, "UTF-8");
        assert!(out.starts_with(text) && out.ends_with(text), "{out}");
        // Whole GBK text is still GBK.
        let whole = text.repeat(3);
        let (gbk, _, _) = GBK.encode(&whole);
        assert_eq!(decoded(&gbk).1, "GBK");
    }

    #[test]
    fn endless_binary_is_refused_from_its_start() {
        let mut zeros = io::repeat(0);
        let error = read_text(&mut zeros, 0, MAX_INPUT, "/dev/zero");
        assert!(
            matches!(error, Err(SourceError::NotText { .. })),
            "{error:?}"
        );
    }

    #[test]
    fn input_over_the_limit_is_too_large() {
        let mut yes = io::repeat(b'y');
        let error = read_text(&mut yes, 0, 100_000, "<stdin>").map(|b| b.len());
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err("<stdin> is too large (over 1 GiB)".to_owned())
        );
        // Exactly at the limit is fine.
        let mut exact = io::Read::take(io::repeat(b'y'), 100_000);
        assert_eq!(
            read_text(&mut exact, 0, 100_000, "f").map(|b| b.len()).ok(),
            Some(100_000)
        );
    }

    #[test]
    fn control_characters_in_a_path_are_escaped() {
        let input = Input::Path(PathBuf::from("evil\n\x1b[2Jname.txt"));
        assert_eq!(input.name(), "evil\\n\\u{1b}[2Jname.txt");
        assert_eq!(Input::Path(PathBuf::from("报纸.txt")).name(), "报纸.txt");
    }

    #[test]
    fn from_arg_reads_the_command_line() {
        assert_eq!(Input::from_arg(None), Input::Sample);
        assert_eq!(Input::from_arg(Some(OsStr::new("-"))), Input::Stdin);
        assert_eq!(
            Input::from_arg(Some(OsStr::new("a.txt"))),
            Input::Path(PathBuf::from("a.txt"))
        );
    }

    /// A fresh directory for one test, removed when dropped.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(test: &str) -> TempDir {
            let dir =
                std::env::temp_dir().join(format!("kanbao-source-{}-{test}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("creates the temp dir");
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn load_error(path: &Path) -> String {
        match load(&Input::Path(path.to_owned())) {
            Ok(source) => panic!("{} loaded: {source:?}", path.display()),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn load_reports_a_missing_file() {
        let dir = TempDir::new("missing");
        let path = dir.0.join("nope.txt");
        assert_eq!(
            load_error(&path),
            format!("{}: no such file", path.display())
        );
    }

    #[test]
    fn load_reports_a_directory() {
        let dir = TempDir::new("directory");
        assert_eq!(
            load_error(&dir.0),
            format!("{} is a directory, not a newsletter file", dir.0.display())
        );
    }

    #[test]
    fn load_reports_binary_and_empty_files() {
        let dir = TempDir::new("binary-empty");
        let binary = dir.0.join("a.pdf");
        std::fs::write(&binary, b"%PDF-1.7\n\0\x01\x02").expect("writes");
        assert_eq!(
            load_error(&binary),
            format!("{} does not look like text", binary.display())
        );
        let empty = dir.0.join("empty.txt");
        std::fs::write(&empty, b"\xef\xbb\xbf\n\n").expect("writes");
        assert_eq!(load_error(&empty), format!("{} is empty", empty.display()));
    }

    #[test]
    fn load_reads_a_file() {
        let dir = TempDir::new("file");
        let path = dir.0.join("issue.txt");
        std::fs::write(&path, gb18030("标题\r\n\r\n正文。\r\n")).expect("writes");
        let source = load(&Input::Path(path.clone())).expect("loads");
        assert_eq!(source.name, path.to_string_lossy());
        assert_eq!(
            (source.text.as_str(), source.encoding),
            ("标题\n\n正文。\n", "GBK")
        );
    }

    #[test]
    fn load_reads_the_sample() {
        let source = load(&Input::Sample).expect("the sample loads");
        assert_eq!(source.name, SAMPLE_NAME);
        assert_eq!(source.encoding, "UTF-8");
        assert!(source.text.contains("太仓市总工会"));
    }

    #[test]
    fn io_errors_are_sorted() {
        let denied = io_error("f", io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(denied.to_string(), "f: permission denied");
        let other = io_error("f", io::Error::other("disk on fire"));
        assert_eq!(other.to_string(), "f: disk on fire");
    }
}
