//! Which front end reads a newsletter: the file's extension first, then the text's shape.
//!
//! Text extracted from a PDF and a Markdown digest are both "text files", often both `.txt`; the
//! plain-text parser must never see Markdown markup (it would take images for headlines), and the
//! Markdown reader must never see extracted text (it would take a line starting with `1.` for a
//! list). So the shape must be clear: several kinds of Markdown syntax together, which extracted
//! text does not have.

use serde::Serialize;

/// A form a newsletter arrives in, each read by its own front end (see [`crate::read`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, most often extracted from a PDF.
    #[default]
    Text,
    /// Markdown (CommonMark with the common extensions).
    Markdown,
    /// A PDF file: its text layer, rebuilt as the pages were set (see [`crate::read::pdf`]).
    Pdf,
    /// An HTML page (see [`crate::read::html`]).
    Html,
    /// An email message (see [`crate::read::email`]).
    Email,
}

impl Format {
    /// Plain text (left out of `--json`, where it is the default).
    pub fn is_text(&self) -> bool {
        *self == Format::Text
    }
}

/// The bytes are a PDF file: `%PDF-` in its first KiB (where readers look for it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// How much of the text the sniffing looks at.
pub const SNIFF: usize = 64 * 1024;

/// The format of a newsletter named `name` (a path or a display name; its extension counts)
/// whose text starts with `head`.
pub fn detect(name: &str, head: &str) -> Format {
    match extension(name).as_deref() {
        Some(ext) if is_markdown_extension(ext) => Format::Markdown,
        Some(ext) if is_html_extension(ext) => Format::Html,
        _ if looks_like_html(head.as_bytes()) => Format::Html,
        _ if looks_like_markdown(head) => Format::Markdown,
        _ => Format::Text,
    }
}

/// The bytes of a file named `name` are an email message: they start as one (see
/// [`looks_like_email`]); an `.eml` file needs only a header line or two.
pub fn is_email(name: &str, head: &[u8]) -> bool {
    let ext = extension(name);
    // A name that says another form wins (a Markdown file may open with `Date:` lines).
    if ext
        .as_deref()
        .is_some_and(|e| is_html_extension(e) || is_markdown_extension(e))
    {
        return false;
    }
    let eml = ext.as_deref() == Some("eml");
    email_headers(head).is_some_and(|(lines, known)| known >= 2 || (eml && lines >= 1))
}

fn is_markdown_extension(ext: &str) -> bool {
    matches!(ext, "md" | "markdown" | "mdown" | "mkd" | "mkdn")
}

/// The bytes start as an RFC 5322 message: header lines (`Name: value`, folded lines after
/// them) to a blank line, two of them or more the fields every message has (`From`, `To`,
/// `Subject`, `Date`, `Message-ID`, `MIME-Version`, `Received`, `Return-Path`, …).
pub fn looks_like_email(head: &[u8]) -> bool {
    email_headers(head).is_some_and(|(_, known)| known >= 2)
}

/// The header lines at the start of `head` and how many are of the common fields; `None`
/// when a line before the first blank one is no header.
fn email_headers(head: &[u8]) -> Option<(usize, usize)> {
    const KNOWN: [&[u8]; 12] = [
        b"from",
        b"to",
        b"subject",
        b"date",
        b"message-id",
        b"mime-version",
        b"received",
        b"return-path",
        b"delivered-to",
        b"content-type",
        b"reply-to",
        b"list-unsubscribe",
    ];
    let (mut lines, mut known) = (0, 0);
    let mut rest = head;
    while let Some(end) = memchr::memchr(b'\n', rest) {
        let line = rest[..end].strip_suffix(b"\r").unwrap_or(&rest[..end]);
        rest = &rest[end + 1..];
        if line.is_empty() {
            return (lines > 0).then_some((lines, known));
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if lines == 0 {
                return None;
            }
            continue;
        }
        let colon = memchr::memchr(b':', line)?;
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        lines += 1;
        if KNOWN.iter().any(|k| name.eq_ignore_ascii_case(k)) {
            known += 1;
        }
    }
    // Headers to the end of what was looked at.
    (lines > 0 && rest.len() < head.len()).then_some((lines, known))
}

fn is_html_extension(ext: &str) -> bool {
    matches!(ext, "html" | "htm" | "xhtml" | "shtml")
}

/// The bytes of a file named `name` are an HTML page: by its extension, else by its start.
pub fn is_html(name: &str, head: &[u8]) -> bool {
    extension(name).is_some_and(|ext| is_html_extension(&ext)) || looks_like_html(head)
}

/// The text starts as an HTML page does: `<!DOCTYPE html>`, `<html>`, `<head>` or `<body>`,
/// after whitespace, a BOM, an XML declaration and comments. A fragment (`<div>`, `<p>`)
/// is no page: Markdown digests open with those.
pub fn looks_like_html(head: &[u8]) -> bool {
    let mut rest = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    loop {
        rest = rest.trim_ascii_start();
        let skip = if rest.starts_with(b"<!--") {
            memchr::memmem::find(rest, b"-->").map(|end| end + 3)
        } else if rest.starts_with(b"<?") {
            memchr::memchr(b'>', rest).map(|end| end + 1)
        } else {
            break;
        };
        match skip {
            Some(skip) => rest = &rest[skip..],
            None => return false,
        }
    }
    let starts = |tag: &[u8]| {
        rest.len() > tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(rest[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/')
    };
    starts(b"<!doctype") && rest[9..].trim_ascii_start().len() >= 4 && {
        let kind = rest[9..].trim_ascii_start();
        kind[..4].eq_ignore_ascii_case(b"html")
    } || starts(b"<html")
        || starts(b"<head")
        || starts(b"<body")
}

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next()?;
    let (stem, ext) = file.rsplit_once('.')?;
    (!stem.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// The text's shape is clearly Markdown: headings together with links, images, fences or
/// reference definitions, or a front matter block with some of them.
pub fn looks_like_markdown(text: &str) -> bool {
    let head = &text[..crate::text::floor_boundary(text, SNIFF)];
    let mut headings = 0;
    let mut bullets = 0;
    let mut other = 0;
    for line in head.lines() {
        let trimmed = line.trim_start();
        if is_heading(trimmed) {
            headings += 1;
        } else if is_fence(trimmed) || is_reference(trimmed) {
            other += 1;
        } else if is_bullet(trimmed) {
            bullets += 1;
        }
        other += links(line);
    }
    let front = has_front_matter(head);
    (headings >= 2 && other >= 2)
        || (front && headings + other >= 2)
        || (other >= 5 && (headings >= 1 || bullets >= 3))
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && line[hashes..].starts_with([' ', '\t'])
        && !line[hashes..].trim().is_empty()
}

fn is_fence(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('-' | '*' | '+')) && chars.next() == Some(' ')
}

/// `[label]: target`, a reference definition.
fn is_reference(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| i > 1 && !line[i + 2..].trim().is_empty())
}

/// Inline links and images in a line: `](target)` and `<http…>`.
fn links(line: &str) -> usize {
    let inline = line
        .match_indices("](")
        .filter(|(i, _)| line[i + 2..].contains(')'))
        .count();
    inline + line.matches("<http").count()
}

/// A YAML block (`---` … `---`) or a header of `Key: value` lines (`Title: …`) at the start.
fn has_front_matter(text: &str) -> bool {
    let mut lines = text.lines();
    match lines.next() {
        Some("---") => lines
            .take(40)
            .take_while(|l| l.trim() != "---")
            .any(is_field),
        Some(first) => {
            is_field(first) && first.to_ascii_lowercase().starts_with("title:") && {
                let more = lines.take_while(|l| !l.trim().is_empty()).take(20);
                more.clone().count() >= 1 && more.into_iter().all(is_field)
            }
        }
        None => false,
    }
}

/// `key: value` with a one-word key.
fn is_field(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key.len() <= 24
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_known_by_its_headers_unless_its_name_says_otherwise() {
        let message =
            b"From: a@example.org\r\nSubject: Hi\r\nDate: Mon, 1 Dec 2026\r\n\r\nBody\r\n";
        assert!(is_email("letter", message));
        assert!(is_email("letter.txt", message));
        assert!(!is_email("letter.md", message));
        assert!(!is_email("letter.html", message));
        // One header line: only an `.eml` file.
        let one = b"Subject: Hi\n\nBody\n";
        assert!(is_email("a.eml", one));
        assert!(!is_email("a.txt", one));
        // Text, not headers.
        assert!(!is_email("a.eml", "标题\n\n正文\n".as_bytes()));
        assert!(!is_email(
            "a.txt",
            b"Note: one line\nthen words without a colon\n"
        ));
    }

    #[test]
    fn the_extension_decides_first() {
        assert_eq!(detect("digest.md", "plain words"), Format::Markdown);
        assert_eq!(detect("a/b/DIGEST.Markdown", ""), Format::Markdown);
        assert_eq!(detect("paper.txt", "一段文字。\n"), Format::Text);
        assert_eq!(detect(".md", "plain"), Format::Text);
        assert_eq!(detect("<stdin>", "plain"), Format::Text);
    }

    #[test]
    fn a_text_of_clear_markdown_shape_is_markdown() {
        let digest = "# 周刊（第 1 期）\n\n![](https://example.org/a.png)\n\n## 动态\n\n\
                      1、[标题](https://example.org/1)\n\n2、[标题](https://example.org/2)\n";
        assert_eq!(detect("digest.txt", digest), Format::Markdown);
        let pelican = "Title: Widgets 4\nDate: 2026-01-02\n\nHello [x](https://example.org).\n\n\
                       ## News\n";
        assert_eq!(detect("-", pelican), Format::Markdown);
        let yaml = "---\ntitle: Notes\n---\n\n# Notes\n\nSee [here](https://example.org).\n";
        assert!(looks_like_markdown(yaml));
    }

    #[test]
    fn extracted_text_is_not_markdown() {
        let sample = std::str::from_utf8(crate::source::SAMPLE).expect("UTF-8");
        assert!(!looks_like_markdown(sample));
        // A numbered list and a title line are not enough.
        let text = "Harbour Weekly\n\n1. Ferries\n2. Trains\n\n# 1 headline\n\nTitle: x\n";
        assert!(!looks_like_markdown(text));
        // One link is not enough either.
        assert!(!looks_like_markdown("## A\n\n## B\n\nsee [x](y)\n"));
    }
}
