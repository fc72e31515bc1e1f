//! Where a newsletter comes from (a file, standard input or the bundled sample) and how its
//! bytes become clean text: encoding detection, decoding and sanitising.
//!
//! Newsletters reach us as text extracted from PDF by whatever tool the reader had at hand, so
//! the bytes may be UTF-8, UTF-16 or a legacy Chinese encoding, with any line ends, tabs, page
//! breaks and stray control characters. Everything downstream sees one shape: UTF-8 with `\n`
//! line ends and nothing that could drive the terminal.
//!
//! `encoding` decides how bytes become text, `reader` reads big files in pieces; the rules of
//! sanitising are [`crate::text`]'s.

mod encoding;
pub mod fingerprint;
pub mod format;
mod reader;

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use crate::text::{clean, escaped as displayable};
pub use encoding::{DecodeError, Decoded, decode, decode_labelled, html_charset};
use encoding::{decode_owned, head_is_binary};
use fingerprint::fingerprint;
pub use reader::Reader;

/// The bundled sample issue, shown when no file is given.
pub const SAMPLE: &[u8] = include_bytes!("../../assets/sample.txt");

/// The name the bundled sample is shown under.
pub const SAMPLE_NAME: &str = "sample.txt";

/// The name standard input is shown under.
const STDIN_NAME: &str = "<stdin>";

/// How much of the input the binary and UTF-16 sniffing look at: enough to judge, cheap on
/// huge files.
pub(crate) const SNIFF_LEN: usize = 64 * 1024;

/// The largest input we read: a newsletter is a few hundred megabytes at most, and an endless
/// stream (`yes | kanbao -`) must end in a clear error, not in the machine running out of memory.
pub(crate) const MAX_INPUT: u64 = 1 << 30;

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
    /// The fingerprint of the bytes (see [`fingerprint::fingerprint`]).
    pub id: String,
    /// The front end to read it with (see [`format`]).
    pub format: format::Format,
    /// An email's bytes, which its front end decodes part by part, each by its own charset
    /// (`text` is then empty); empty for every other form.
    pub raw: Vec<u8>,
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
    /// A PDF that gives no text (see [`crate::read::pdf::PdfError`]).
    #[error("{name}: {error}")]
    Pdf {
        /// The input's display name.
        name: String,
        /// What is wrong with it.
        error: crate::read::pdf::PdfError,
    },
    /// The input is longer than any newsletter (1 GiB), or endless.
    #[error("{name} is too large (over 1 GiB)")]
    TooLarge {
        /// The input's display name.
        name: String,
    },
}

/// Reads the newsletter `input` names and decodes it (see [`decode`]); a PDF's text is read
/// from its pages (see [`crate::read::pdf`]).
pub fn load(input: &Input) -> Result<Source, SourceError> {
    let name = input.name();
    let (decoded, id) = match input {
        Input::Sample => (decode(SAMPLE), fingerprint(SAMPLE)),
        Input::Stdin => {
            let bytes = read_input(&mut io::stdin().lock(), 0, MAX_INPUT, &name)?;
            let id = fingerprint(&bytes);
            if format::is_pdf(&bytes) {
                return pdf(&bytes, name, id);
            }
            if format::is_email(&name, &bytes[..bytes.len().min(format::SNIFF)]) {
                return Ok(email(bytes, name, id));
            }
            (decode_by_form(&name, bytes), id)
        }
        Input::Path(path) => {
            let bytes = read_file(path, &name)?;
            let id = fingerprint(&bytes);
            if format::is_pdf(&bytes) {
                return pdf(&bytes, name, id);
            }
            if format::is_email(&name, &bytes[..bytes.len().min(format::SNIFF)]) {
                return Ok(email(bytes, name, id));
            }
            (decode_by_form(&name, bytes), id)
        }
    };
    match decoded {
        Ok(Decoded { text, encoding }) => Ok(Source {
            format: format::detect(&name, &text),
            name,
            text,
            encoding,
            id,
            raw: Vec::new(),
        }),
        Err(DecodeError::NotText) => Err(SourceError::NotText { name }),
        Err(DecodeError::Empty) => Err(SourceError::Empty { name }),
    }
}

/// An email, kept as its bytes for its front end.
fn email(raw: Vec<u8>, name: String, id: String) -> Source {
    Source {
        name,
        text: String::new(),
        encoding: "MIME",
        id,
        format: format::Format::Email,
        raw,
    }
}

/// Decodes a newsletter's bytes: an HTML page in the encoding it names, if it names one.
fn decode_by_form(name: &str, bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if format::is_html(name, &bytes[..bytes.len().min(format::SNIFF)]) {
        let label = html_charset(&bytes);
        return decode_labelled(&bytes, label.as_deref());
    }
    decode_owned(bytes)
}

/// The bytes of the PDF file `input` names, with its display name and fingerprint; `None` when
/// it names no PDF file (standard input, the sample, another file).
pub fn pdf_bytes(input: &Input) -> Result<Option<(String, Vec<u8>, String)>, SourceError> {
    let Input::Path(path) = input else {
        return Ok(None);
    };
    let name = input.name();
    let mut head = [0u8; 1024];
    let n = match File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) => n,
        // The reading proper says what is wrong.
        Err(_) => return Ok(None),
    };
    if !format::is_pdf(&head[..n]) {
        return Ok(None);
    }
    let bytes = read_file(path, &name)?;
    let id = fingerprint(&bytes);
    Ok(Some((name, bytes, id)))
}

/// A PDF's text, rebuilt from its pages.
fn pdf(bytes: &[u8], name: String, id: String) -> Result<Source, SourceError> {
    match crate::read::pdf::text_of(bytes) {
        Ok(text) => Ok(Source {
            name,
            text,
            encoding: "PDF",
            id,
            format: format::Format::Pdf,
            raw: Vec::new(),
        }),
        Err(error) => Err(SourceError::Pdf { name, error }),
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
    read_input(&mut file, hint, MAX_INPUT, name)
}

/// Reads at most `limit` bytes of what should be text or a PDF. The first [`SNIFF_LEN`] bytes
/// are judged before the rest is read, so an endless binary stream (`/dev/zero`) is refused at
/// once; an endless text stream stops at `limit` with [`SourceError::TooLarge`].
fn read_input(
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
    if head_is_binary(&bytes) && !format::is_pdf(&bytes) {
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

/// Sorts an io error into the cases we have a plain message for.
pub(crate) fn io_error(name: &str, error: io::Error) -> SourceError {
    let name = name.to_owned();
    match error.kind() {
        // `a.txt/b` fails with "not a directory", which is only a roundabout "no such file".
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => SourceError::NotFound { name },
        io::ErrorKind::PermissionDenied => SourceError::PermissionDenied { name },
        io::ErrorKind::IsADirectory => SourceError::IsDirectory { name },
        _ => SourceError::Io { name, error },
    }
}

#[cfg(test)]
mod tests {
    use super::encoding::tests::gb18030;
    use super::*;

    #[test]
    fn endless_binary_is_refused_from_its_start() {
        let mut zeros = io::repeat(0);
        let error = read_input(&mut zeros, 0, MAX_INPUT, "/dev/zero");
        assert!(
            matches!(error, Err(SourceError::NotText { .. })),
            "{error:?}"
        );
    }

    #[test]
    fn input_over_the_limit_is_too_large() {
        let mut yes = io::repeat(b'y');
        let error = read_input(&mut yes, 0, 100_000, "<stdin>").map(|b| b.len());
        assert_eq!(
            error.map_err(|e| e.to_string()),
            Err("<stdin> is too large (over 1 GiB)".to_owned())
        );
        // Exactly at the limit is fine.
        let mut exact = io::Read::take(io::repeat(b'y'), 100_000);
        assert_eq!(
            read_input(&mut exact, 0, 100_000, "f")
                .map(|b| b.len())
                .ok(),
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
        let binary = dir.0.join("a.bin");
        std::fs::write(&binary, b"\x7fELF\x02\x01\x01\0\0\0").expect("writes");
        assert_eq!(
            load_error(&binary),
            format!("{} does not look like text", binary.display())
        );
        // A PDF is read by its own front end, which names what is wrong with it.
        let broken = dir.0.join("a.pdf");
        std::fs::write(&broken, b"%PDF-1.7\n\0\x01\x02").expect("writes");
        let error = load_error(&broken);
        assert!(
            error.starts_with(&format!("{}: this PDF cannot be read (", broken.display())),
            "{error}"
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
