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
    let mut text = String::new();
    let mut drawn = 0;
    pages(bytes, 0, |page| {
        drawn += page.glyphs;
        text.push_str(&page.text);
        true
    })?;
    if drawn == 0 {
        return Err(PdfError::NoText);
    }
    Ok(text)
}

/// One page of a PDF, rebuilt.
#[derive(Debug)]
pub struct PageText {
    /// The page as marked text, cleaned (the first page's starts with the paper's name, `# `),
    /// ending with a page break (two blank lines).
    pub text: String,
    /// How many characters it draws.
    pub glyphs: usize,
}

/// Reads the pages of a PDF from the `first` (counted from 0), handing each to `each` until it
/// returns `false` or the pages end: how many pages were handed over in all (counted from the
/// first page of the file), and how many the file has.
pub fn pages(
    bytes: &[u8],
    first: usize,
    mut each: impl FnMut(PageText) -> bool,
) -> Result<(usize, usize), PdfError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Broken(one_line(&e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let mut walker = walk::Walker::new(&doc);
    let all = doc.get_pages();
    let total = all.len();
    for (k, (_, id)) in all.into_iter().enumerate().skip(first) {
        if walker.exhausted() {
            return Ok((total, total));
        }
        let drawn = walker.page(id);
        let set = page::Page::of(&drawn, k == 0);
        let mut text = String::new();
        if let Some(name) = set.masthead.as_deref().filter(|_| k == 0) {
            text.push_str("# ");
            text.push_str(name);
            text.push_str("\n\n");
            // The date right under the name, where the parser takes it as the issue's.
            if let Some(date) = &set.date {
                text.push_str(date);
                text.push_str("\n\n");
            }
        }
        set.write(&mut text);
        let mut text = crate::text::clean(&text).into_owned();
        // The page ends with a page break, two blank lines, as in `pdftotext`'s text: the
        // parser knows the pages' edges by them (furniture repeated on every page).
        text.truncate(text.trim_end().len());
        if !text.is_empty() {
            text.push_str("\n\n\n");
        }
        let page = PageText {
            text,
            glyphs: drawn.glyphs.len(),
        };
        if !each(page) {
            return Ok((k + 1, total));
        }
    }
    Ok((total, total))
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
