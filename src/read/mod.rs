//! Front ends: each turns one form a newsletter arrives in into the model's blocks, and
//! [`crate::doc::assemble`] groups them. No front end knows of the reader or the terminal.

pub mod email;
pub mod html;
mod inline;
pub mod markdown;
pub mod pdf;
pub mod plain;

use crate::doc::{Format, Newsletter};

/// Reads a newsletter's text with the front end for its format.
pub fn parse(text: &str, format: Format, hints: &plain::Hints) -> Newsletter {
    match format {
        Format::Text => plain::parse_with(text, hints),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Email => email::parse(text.as_bytes()),
        Format::Pdf => pdf::parse(text, hints),
    }
}

/// [`parse`], for a text that is not needed afterwards (see [`markdown::parse_owned`]).
pub fn parse_owned(text: String, format: Format, hints: &plain::Hints) -> Newsletter {
    match format {
        Format::Text => plain::parse_with(&text, hints),
        Format::Markdown => markdown::parse_owned(text),
        Format::Html => html::parse(&text),
        Format::Email => email::parse(text.as_bytes()),
        Format::Pdf => pdf::parse(&text, hints),
    }
}

/// Reads a newsletter as [`crate::source::load`] gave it: an email from its bytes, any other
/// form from its text.
pub fn parse_source(source: crate::source::Source, hints: &plain::Hints) -> Newsletter {
    match source.format {
        Format::Email => email::parse(&source.raw),
        format => parse_owned(source.text, format, hints),
    }
}

/// How much of a page or an email is read for the first screen, when there is more (see
/// [`first_part`]).
pub const FIRST_PART: usize = 16 * 1024;

/// Whether `source` is a page or an email bigger than [`FIRST_PART`].
pub fn has_first_part(source: &crate::source::Source) -> bool {
    match source.format {
        Format::Html => source.text.len() > FIRST_PART,
        Format::Email => source.raw.len() > FIRST_PART,
        _ => false,
    }
}

/// The first part of a page or an email bigger than [`FIRST_PART`], read for the first screen
/// while the whole is read (it then replaces this); `None` for other forms and small files.
/// An HTML page is cut before a tag, an email after a line: the front end reads the cut
/// source as it reads a whole one (open elements end, a cut part is read as far as it goes).
pub fn first_part(source: &crate::source::Source) -> Option<Newsletter> {
    if !has_first_part(source) {
        return None;
    }
    match source.format {
        Format::Html => {
            let cut = crate::text::floor_boundary(&source.text, FIRST_PART);
            let cut = source.text[..cut]
                .rfind('<')
                .filter(|&c| c > 0)
                .unwrap_or(cut);
            Some(html::parse(&source.text[..cut]))
        }
        Format::Email => {
            let raw = &source.raw[..FIRST_PART];
            let cut = memchr::memrchr(b'\n', raw).map_or(raw.len(), |i| i + 1);
            Some(email::parse(&raw[..cut]))
        }
        _ => None,
    }
}
