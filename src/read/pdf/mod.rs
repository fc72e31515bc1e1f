//! Newspaper PDFs, read from the file itself: its text layer walked with every character's
//! place, size and weight ([`walk`], [`fonts`]), each page rebuilt as the paper was set
//! ([`page`]: columns and modules in reading order, headlines by size, paragraphs by their
//! indents, bylines, furniture), and the pages' text then read by the extracted-text parser,
//! which knows the genre's credits, agencies and continuations.
//!
//! `lopdf` reads the file's structure (cross-reference tables, object streams, filters,
//! decryption); nothing here panics on a broken or hostile file: the walk is bounded, and a
//! file that cannot be read gives one [`PdfError`].

mod fonts;
mod page;
mod walk;

use lopdf::Document;

/// Why a PDF gives no newsletter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// `lopdf` could not read the file's structure.
    #[error("this PDF cannot be read ({0})")]
    Broken(String),
    /// A password is needed to read it.
    #[error("this PDF is encrypted with a password")]
    Encrypted,
    /// Its pages draw no text: scanned images.
    #[error("this PDF has no text layer: it is scanned images")]
    NoText,
}

/// The text of a PDF newsletter, page by page in reading order, marked for the extracted-text
/// parser (see [`page`]).
pub fn text_of(bytes: &[u8]) -> Result<String, PdfError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Broken(one_line(&e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let mut walker = walk::Walker::new(&doc);
    let mut text = String::new();
    let mut readable = 0;
    let mut masthead = None;
    for (number, id) in doc.get_pages() {
        if walker.exhausted() {
            break;
        }
        let drawn = walker.page(id);
        readable += drawn.glyphs.len();
        let set = page::Page::of(&drawn, number == 1);
        if number == 1 {
            masthead = set.masthead.clone();
        }
        set.write(&mut text);
    }
    if readable == 0 {
        return Err(PdfError::NoText);
    }
    let mut marked = String::with_capacity(text.len() + 64);
    if let Some(name) = masthead {
        marked.push_str("# ");
        marked.push_str(&name);
        marked.push_str("\n\n");
    }
    marked.push_str(&text);
    Ok(crate::text::clean(&marked).into_owned())
}

/// A PDF's text (from [`text_of`]) read into a newsletter.
pub fn parse(text: &str, hints: &super::plain::Hints) -> crate::doc::Newsletter {
    let mut doc = super::plain::parse_with(text, hints);
    doc.format = crate::doc::Format::Pdf;
    doc
}

/// `lopdf`'s error on one line.
fn one_line(error: &lopdf::Error) -> String {
    error
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
