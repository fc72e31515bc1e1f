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
