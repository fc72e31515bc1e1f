//! A message with its big attachments left undecoded: before the message is parsed, the body
//! of every part that is no text and is sent in base64 over [`BIG`] bytes is cut out, and a
//! header of ours notes its size, so a 50 MB attachment costs no decoding and no copy of its
//! contents; only its name, type and size are listed.
//!
//! The cut follows the message's own boundaries (every `boundary=` parameter it declares):
//! after a delimiter line `--BOUNDARY`, the part's header lines run to the first blank line,
//! and its body to the next delimiter of any boundary.

use std::borrow::Cow;
use std::collections::HashSet;

/// Bodies bigger than this are cut (smaller ones are cheap to decode, and may be pictures the
/// page shows).
pub(super) const BIG: usize = 64 * 1024;

/// The header that notes a cut body's decoded size, in bytes.
pub(super) const SIZE_HEADER: &str = "X-Kanbao-Undecoded-Size";

/// `raw` with the bodies of its big non-text base64 parts cut out (borrowed when there are
/// none).
pub(super) fn slim(raw: &[u8]) -> Cow<'_, [u8]> {
    if raw.len() <= BIG {
        return Cow::Borrowed(raw);
    }
    let boundaries = boundaries(raw);
    if boundaries.is_empty() {
        return Cow::Borrowed(raw);
    }
    let is_delimiter = |line: &[u8]| {
        let line = line.trim_ascii_end();
        line.strip_prefix(b"--").is_some_and(|rest| {
            boundaries.contains(rest)
                || rest
                    .strip_suffix(b"--")
                    .is_some_and(|rest| boundaries.contains(rest))
        })
    };
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    let mut copied = 0;
    while at < raw.len() {
        let line = line_at(raw, at);
        let next = at + line.len();
        if !is_delimiter(line) {
            at = next;
            continue;
        }
        // The part's headers: to the first blank line.
        let headers_start = next;
        let mut body_start = headers_start;
        loop {
            let header = line_at(raw, body_start);
            if header.is_empty() {
                break;
            }
            body_start += header.len();
            if header.trim_ascii().is_empty() {
                break;
            }
        }
        let headers = &raw[headers_start..body_start];
        // The body: to the next delimiter.
        let mut body_end = body_start;
        while body_end < raw.len() {
            let line = line_at(raw, body_end);
            if is_delimiter(line) {
                break;
            }
            body_end += line.len();
        }
        if body_end - body_start > BIG && is_binary_base64(headers) {
            let size = decoded_size(&raw[body_start..body_end]);
            let out = out.get_or_insert_with(|| Vec::with_capacity(raw.len() / 2));
            // The headers without their blank line, ours, then the blank line again.
            let blank = headers.len() - trailing_blank(headers);
            out.extend_from_slice(&raw[copied..headers_start + blank]);
            out.extend_from_slice(format!("{SIZE_HEADER}: {size}\r\n\r\n").as_bytes());
            copied = body_end;
        }
        at = body_end;
    }
    match out {
        Some(mut out) => {
            out.extend_from_slice(&raw[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(raw),
    }
}

/// The line starting at `at`, its line end included (empty at the end).
fn line_at(raw: &[u8], at: usize) -> &[u8] {
    let end = memchr::memchr(b'\n', &raw[at..]).map_or(raw.len(), |i| at + i + 1);
    &raw[at..end]
}

/// The length of the blank line that ends a header block.
fn trailing_blank(headers: &[u8]) -> usize {
    if headers.ends_with(b"\r\n\r\n") || headers.ends_with(b"\n\r\n") {
        2
    } else if headers.ends_with(b"\n\n") {
        1
    } else {
        0
    }
}

/// Every boundary the message declares (`boundary="…"` or `boundary=…`).
fn boundaries(raw: &[u8]) -> HashSet<Vec<u8>> {
    let mut found = HashSet::new();
    let finder = memchr::memmem::Finder::new(b"oundary=");
    for at in finder.find_iter(raw) {
        if at == 0 || !raw[at - 1].eq_ignore_ascii_case(&b'b') {
            continue;
        }
        let value = &raw[at + 8..];
        let value = match value.first() {
            Some(b'"') => {
                let inner = &value[1..];
                &inner[..memchr::memchr(b'"', inner).unwrap_or(0)]
            }
            _ => {
                let end = value
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || *b == b';')
                    .unwrap_or(value.len());
                &value[..end]
            }
        };
        if !value.is_empty() && value.len() <= 200 {
            found.insert(value.to_vec());
        }
    }
    found
}

/// A part's headers say it is sent in base64 and is of a type that is no text (nor a
/// message, nor multipart).
fn is_binary_base64(headers: &[u8]) -> bool {
    let lower = headers.to_ascii_lowercase();
    let field = |name: &[u8]| {
        memchr::memmem::find_iter(&lower, name)
            .find(|&i| i == 0 || lower[i - 1] == b'\n')
            .map(|i| {
                let rest = &lower[i + name.len()..];
                let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                rest[..end].trim_ascii().to_vec()
            })
    };
    let base64 = field(b"content-transfer-encoding:").is_some_and(|v| v.starts_with(b"base64"));
    // No type is text (RFC 2045's default): kept.
    let kind = field(b"content-type:").unwrap_or_default();
    base64
        && !kind.is_empty()
        && !kind.starts_with(b"text/")
        && !kind.starts_with(b"multipart/")
        && !kind.starts_with(b"message/")
}

/// The size of what base64 text decodes to.
fn decoded_size(body: &[u8]) -> usize {
    let digits = body
        .iter()
        .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
        .count();
    digits * 3 / 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(attachment: usize) -> Vec<u8> {
        let body = "QUJD".repeat(attachment / 4);
        let lines: Vec<&str> = body
            .as_bytes()
            .chunks(76)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n\
             --XYZ\r\nContent-Type: text/plain\r\n\r\nHello.\r\n\
             --XYZ\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--XYZ--\r\n",
            lines.join("\r\n")
        )
        .into_bytes()
    }

    #[test]
    fn a_big_attachment_is_cut_and_its_size_noted() {
        let raw = message(400_000);
        let slim = slim(&raw);
        assert!(slim.len() < 1000, "{}", slim.len());
        let text = String::from_utf8_lossy(&slim);
        assert!(
            text.contains(&format!("{SIZE_HEADER}: 300000\r\n\r\n--XYZ--")),
            "{text}"
        );
        assert!(text.contains("Hello."));
    }

    #[test]
    fn a_base64_part_of_no_type_is_text_and_kept() {
        let raw = String::from_utf8(message(400_000))
            .unwrap()
            .replace("Content-Type: application/pdf; name=\"a.pdf\"\r\n", "");
        assert!(matches!(slim(raw.as_bytes()), Cow::Borrowed(_)));
    }

    #[test]
    fn small_attachments_and_plain_messages_stay_as_they_are() {
        let raw = message(4000);
        assert!(matches!(slim(&raw), Cow::Borrowed(_)));
        let plain = "Subject: x\r\n\r\n".to_string() + &"text\r\n".repeat(40_000);
        assert!(matches!(slim(plain.as_bytes()), Cow::Borrowed(_)));
    }
}
