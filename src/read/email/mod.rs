//! Newsletter emails (`.eml`, or bytes that start as an RFC 5322 message), read with
//! `mail-parser`: MIME parts, quoted-printable and base64, charsets and encoded-word headers
//! are its work; choosing what to read and how is ours.
//!
//! - The body: the HTML part (of `multipart/alternative`, the HTML one), read by the HTML front
//!   end; else the plain text, `format=flowed` rejoined, `>` quotes as quotes (see [`text`]).
//! - The decoded Subject is the title, the sender's display name (else address) the `from`,
//!   the Date the date (as `YYYY-MM-DD`).
//! - Attachments are listed, one line each (name, type, size), in a section of their own;
//!   big ones are never decoded (see [`slim`]).
//! - The footer (why you receive it, the address, how to unsubscribe, `List-Unsubscribe`, the
//!   signature) is the last section, never part of the last story.
//! - Headers and text pass the one sanitiser, like every text.

mod slim;
mod text;

use mail_parser::{HeaderValue, MessageParser, MessagePart, MimeHeaders, PartType};

use crate::doc::assemble::headings::{self, Meta, Piece};
use crate::doc::assemble::mail;
use crate::doc::{Article, Block, BlockKind, Format, Marker, Newsletter, Section, Span, SpanKind};
use crate::text::is_han;

/// Reads an email's bytes. Never fails: a message without headers is read as plain text.
pub fn parse(raw: &[u8]) -> Newsletter {
    let slim = slim::slim(raw);
    let Some(message) = MessageParser::default().parse(slim.as_ref()) else {
        return not_a_message(raw);
    };
    let subject = message.subject().map(one_line).filter(|s| !s.is_empty());
    let from = message.from().and_then(|a| a.first()).and_then(|a| {
        let name = a.name.as_deref().map(one_line).filter(|n| !n.is_empty());
        name.or_else(|| a.address.as_deref().map(one_line))
    });
    let date = message.date().and_then(|d| {
        ((1..=12).contains(&d.month) && (1..=31).contains(&d.day) && d.year > 0)
            .then(|| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
    });

    let mut pieces: Vec<Piece> = Vec::new();
    let mut footer: Vec<Block> = Vec::new();
    let mut page_meta = Meta::default();
    let html: Vec<&str> = message
        .html_bodies()
        .filter_map(|p| match &p.body {
            PartType::Html(html) => Some(html.as_ref()),
            _ => None,
        })
        .collect();
    if html.is_empty() {
        for part in message.text_bodies() {
            if let PartType::Text(body) = &part.body {
                let (flowed, delsp) = flowed(part);
                // Sanitised block by block: the line ends (`-- `) are still as sent.
                let (more, signature) = text::read(body, flowed, delsp);
                pieces.extend(more);
                footer.extend(signature);
            }
        }
    } else {
        for body in html {
            let (more, meta) = crate::read::html::read(&crate::text::clean(body));
            pieces.extend(more);
            page_meta.title = page_meta.title.or(meta.title);
            page_meta.date = page_meta.date.or(meta.date);
        }
    }
    let mut furniture = mail::take_furniture(&mut pieces);
    furniture.extend(footer);
    if let Some(block) = unsubscribe(message.list_unsubscribe(), &pieces) {
        furniture.push(block);
    }
    let attachments: Vec<Block> = message.attachments().filter_map(attachment).collect();

    let title = match subject {
        Some(subject) => crate::read::html::settle_title(&mut pieces, Some(subject)),
        None => page_meta.title,
    };
    let meta = Meta {
        title,
        date: date.or(page_meta.date),
        format: Format::Email,
    };
    let mut doc = headings::assemble(vec![pieces], meta);
    doc.from = from;
    if !attachments.is_empty() {
        let chinese = doc.title.as_deref().is_some_and(|t| t.chars().any(is_han));
        let name = if chinese { "附件" } else { "Attachments" };
        doc.sections.push(Section {
            title: name.into(),
            inferred: true,
            articles: vec![Article {
                title: name.into(),
                blocks: attachments,
                ..Article::default()
            }],
        });
    }
    doc.sections.extend(mail::footer_section(furniture));
    doc
}

/// Bytes that gave no message: read as the plain text they may be.
fn not_a_message(raw: &[u8]) -> Newsletter {
    let mut doc = match crate::source::decode(raw) {
        Ok(decoded) => crate::read::plain::parse(&decoded.text),
        Err(_) => Newsletter::default(),
    };
    doc.format = Format::Email;
    doc
}

/// A header's text on one line, sanitised, its whitespace collapsed.
fn one_line(text: &str) -> String {
    crate::text::line(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a text part is `format=flowed`, and with `delsp=yes`.
fn flowed(part: &MessagePart<'_>) -> (bool, bool) {
    let Some(ct) = part.content_type() else {
        return (false, false);
    };
    let is = |name: &str, value: &str| {
        ct.attribute(name)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
    };
    (is("format", "flowed"), is("delsp", "yes"))
}

/// An attachment's line: its name, type and size (`report.pdf (application/pdf, 1.2 MB)`).
fn attachment(part: &MessagePart<'_>) -> Option<Block> {
    let kind = part.content_type().map(|ct| match ct.subtype() {
        Some(sub) => format!("{}/{}", ct.ctype(), sub),
        None => ct.ctype().to_string(),
    });
    let size = part
        .headers()
        .iter()
        .find(|h| h.name.as_str().eq_ignore_ascii_case(slim::SIZE_HEADER))
        .and_then(|h| h.value.as_text())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or_else(|| part.len());
    let name = part
        .attachment_name()
        .map(one_line)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "(unnamed)".to_string());
    let about = match kind {
        Some(kind) => format!("{}, {}", one_line(&kind), human_size(size)),
        None => human_size(size),
    };
    let mut block = Block::new(BlockKind::ListItem, format!("{name} ({about})").as_str());
    block.set_marker(Some(Marker::Bullet(0)));
    Some(block)
}

/// A size as people read it: `512 B`, `4.1 KB`, `37.5 MB`.
fn human_size(bytes: usize) -> String {
    // The sizes shown are rounded: a float is exact enough.
    let b = bytes as f64;
    if bytes < 1000 {
        format!("{bytes} B")
    } else if b < 1e6 {
        format!("{:.1} KB", b / 1e3)
    } else if b < 1e9 {
        format!("{:.1} MB", b / 1e6)
    } else {
        format!("{:.1} GB", b / 1e9)
    }
}

/// The `List-Unsubscribe` header's addresses as a footer line of links.
fn unsubscribe(value: &HeaderValue<'_>, pieces: &[Piece]) -> Option<Block> {
    let targets: Vec<String> = match value {
        HeaderValue::Address(address) => address
            .clone()
            .into_list()
            .into_iter()
            .filter_map(|a| a.address.map(|u| one_line(&u)))
            .collect(),
        HeaderValue::Text(text) => text
            .split(',')
            .map(|t| one_line(t.trim().trim_start_matches('<').trim_end_matches('>')))
            .collect(),
        HeaderValue::TextList(list) => list.iter().map(|t| one_line(t)).collect(),
        _ => Vec::new(),
    };
    let targets: Vec<String> = targets.into_iter().filter(|t| !t.is_empty()).collect();
    if targets.is_empty() {
        return None;
    }
    let chinese = pieces.iter().take(20).any(|p| match p {
        Piece::Block { block, .. } => block.text.chars().any(is_han),
        Piece::Heading { text, .. } => text.chars().any(is_han),
    });
    let mut text = String::from(if chinese {
        "退订："
    } else {
        "Unsubscribe: "
    });
    let mut spans = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        if i > 0 {
            text.push_str(" · ");
        }
        let start = text.len();
        text.push_str(target);
        spans.push(Span {
            kind: SpanKind::Link,
            start,
            end: text.len(),
            url: Some(target.as_str().into()),
        });
    }
    let mut block = Block::paragraph(text.as_str());
    block.spans = spans.into_iter().collect();
    Some(block)
}
