//! From a front end's output to a newsletter: articles grouped into sections, the same way for
//! every form a newsletter arrives in.
//!
//! A front end gives [`Batch`]es: articles that are final, the sections the text names, and the
//! masthead. An [`Assembler`] puts them into a [`Newsletter`] as they come, so a big file can be
//! shown while it is still being read.

pub mod headings;
pub mod mail;

use super::model::{Article, Block, BlockKind, Newsletter, Section};
use super::text::{Text, Texts};
use crate::text::is_wide;

/// Which way a jump line (`（下转第4版）`, `（上接第1版）`) sends the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// The article goes on elsewhere.
    Out,
    /// What follows goes on an article from elsewhere.
    In,
}

/// A finished article and where it goes.
#[derive(Debug, Default, Clone)]
pub struct Placed {
    /// The article.
    pub article: Article,
    /// The wire agency it comes from, if any: a run of one agency's copy is a section.
    pub agency: Option<String>,
    /// The explicit section it belongs to (an index into all explicit sections so far).
    pub section: Option<usize>,
    /// It goes on elsewhere (`（下转第4版）`): it waits for the rest.
    pub continued: bool,
    /// It is the rest of an article that went on elsewhere (`（上接第1版）`).
    pub continuation: bool,
}

/// What became final since the last batch.
#[derive(Debug)]
pub struct Batch {
    /// The name of a section the text does not name (`综合`, `News`).
    pub default_section: &'static str,
    /// The masthead, in the first batch that has it.
    pub title: Option<String>,
    /// The date, in the first batch that has it.
    pub date: Option<String>,
    /// New explicit sections, in order.
    pub sections: Vec<String>,
    /// New articles, in order.
    pub articles: Vec<Placed>,
    /// The last batch of the text: articles still waiting for the rest of them are placed.
    pub last: bool,
}

impl Texts for Placed {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.article.each_text(f);
    }
}

impl Batch {
    /// Nothing new.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.sections.is_empty() && self.articles.is_empty() && !self.last
    }
}

/// Puts batches into a newsletter: explicit sections when the text has markers (and the
/// articles before the first marker in a lead section), else runs of wire copy.
#[derive(Debug, Default, Clone)]
pub struct Assembler {
    /// Explicit sections so far.
    explicit: usize,
    /// The newsletter starts with a lead section (articles before the first marker).
    lead: bool,
    /// The agency of the last inferred section, while there are no markers.
    wire: Option<Option<String>>,
    /// Articles that go on elsewhere, waiting for the rest of them, in the order they stopped.
    held: Vec<Placed>,
}

impl Assembler {
    /// Adds a batch to `doc`. Articles keep their order; only the grouping of the articles
    /// before the first marker changes when that marker arrives (they become the lead).
    pub fn add(&mut self, doc: &mut Newsletter, batch: Batch) {
        let default = batch.default_section;
        if batch.title.is_some() {
            doc.title = batch.title;
        }
        if doc.date.is_none() {
            doc.date = batch.date;
        }
        for title in batch.sections {
            if self.explicit == 0 && !doc.sections.is_empty() {
                // The first marker: the inferred sections before it become one lead section.
                let articles = doc.sections.drain(..).flat_map(|s| s.articles).collect();
                doc.sections.push(inferred(default, articles));
                self.lead = true;
            }
            self.explicit += 1;
            doc.sections.push(Section {
                title: title.into(),
                inferred: false,
                articles: Vec::new(),
            });
        }
        let mut articles: Vec<Placed> = Vec::with_capacity(batch.articles.len());
        for placed in batch.articles {
            // An article continued elsewhere is placed where its rest ends it, joined whole.
            let placed = if placed.continuation && !self.held.is_empty() {
                let mut first = self.held.remove(continued_by(&self.held, &placed.article));
                join_rest(&mut first, placed);
                first
            } else {
                placed
            };
            if placed.continued {
                self.held.push(placed);
                if self.held.len() > MAX_HELD {
                    // So many waiting is no newspaper's: the oldest is placed as it is, and a
                    // text of jump lines costs no more than a bounded look at each.
                    articles.push(self.held.remove(0));
                }
            } else {
                articles.push(placed);
            }
        }
        if batch.last {
            // The rest of these never came: each is placed as it is.
            articles.append(&mut self.held);
        }
        for placed in articles {
            let Placed {
                article,
                agency,
                section,
                ..
            } = placed;
            if self.explicit > 0 {
                let at = match section {
                    Some(s) if s < self.explicit => s + usize::from(self.lead),
                    Some(_) => doc.sections.len() - 1,
                    None => {
                        if !self.lead {
                            doc.sections.insert(0, inferred(default, Vec::new()));
                            self.lead = true;
                        }
                        0
                    }
                };
                doc.sections[at].articles.push(article);
                continue;
            }
            // No explicit markers: a run of copy from one wire agency is a section of its own.
            if self.wire.as_ref() != Some(&agency) || doc.sections.is_empty() {
                let title = agency.clone().unwrap_or_else(|| default.to_string());
                doc.sections.push(inferred(&title, Vec::new()));
                self.wire = Some(agency);
            }
            if let Some(s) = doc.sections.last_mut() {
                s.articles.push(article);
            }
        }
    }
}

/// Most articles waiting for their rest at once: a page sends a few on to later pages.
const MAX_HELD: usize = 32;

/// Which of the articles waiting for their rest `rest` goes on: the one whose words it shares
/// most (pairs of Chinese characters, Latin words), the first of them on a tie. Pages jump in
/// any order (two articles go on from page 3 to page 4, the second one's rest first), and the
/// page numbers of the jump lines do not tell two such articles apart; their subject does.
fn continued_by(held: &[Placed], rest: &Article) -> usize {
    let words = |a: &Article, from_end: bool| {
        let mut text = String::new();
        let blocks: Vec<&Block> = if from_end {
            a.blocks.iter().rev().take(4).collect()
        } else {
            a.blocks.iter().take(4).collect()
        };
        text.push_str(&a.title);
        for b in blocks {
            text.push(' ');
            text.push_str(&b.text);
        }
        terms(&text)
    };
    let rest = words(rest, false);
    let mut best = (0, 0);
    for (i, h) in held.iter().enumerate() {
        let shared = words(&h.article, true).intersection(&rest).count();
        if shared > best.1 {
            best = (i, shared);
        }
    }
    best.0
}

/// The terms of a text: each pair of Chinese characters side by side, each Latin word of four
/// letters or more (lower case).
fn terms(text: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let chars: Vec<char> = text.chars().collect();
    for pair in chars.windows(2) {
        if pair.iter().all(|&c| crate::text::is_han(c)) {
            out.insert(pair.iter().collect());
        }
    }
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() >= 4 {
            out.insert(word.to_ascii_lowercase());
        }
    }
    out
}

/// Puts the rest of an article (after `（上接第1版）`) at its end: a paragraph cut mid-sentence
/// at the jump is one paragraph again; the credit at the rest's end is the article's.
fn join_rest(first: &mut Placed, rest: Placed) {
    let Placed {
        article,
        agency,
        continued,
        ..
    } = rest;
    let mut blocks = article.blocks.into_iter();
    let cut = first.article.blocks.last().zip(blocks.as_slice().first());
    if let Some((before, after)) = cut
        && before.kind == BlockKind::Paragraph
        && after.kind == BlockKind::Paragraph
        && !ends_sentence(&before.text)
    {
        let before = first.article.blocks.pop().unwrap_or_default();
        let after = blocks.next().unwrap_or_default();
        // A space between words (`two hours,` `and everyone`), none beside Chinese.
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_wide(c));
        let edge_wide = before.text.chars().next_back().is_some_and(is_wide)
            || after.text.chars().next().is_some_and(is_wide);
        let space = !edge_wide
            && latin(
                before
                    .text
                    .chars()
                    .rev()
                    .take(4)
                    .find(|c| c.is_alphanumeric()),
            )
            && latin(after.text.chars().take(4).find(|c| c.is_alphanumeric()));
        let text = format!(
            "{}{}{}",
            before.text,
            if space { " " } else { "" },
            after.text
        );
        first.article.blocks.push(Block::paragraph(text));
    }
    first.article.blocks.extend(blocks);
    if first.article.byline.is_none() {
        first.article.byline = article.byline;
        first.article.byline_spans = article.byline_spans;
    }
    first.agency = first.agency.take().or(agency);
    first.continued = continued;
}

/// The text's last mark, past closing quotes and brackets, ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || "”’」』）)\"'".contains(c))
        .chars()
        .next_back()
        .is_some_and(|c| "。！？!?….．".contains(c))
}

fn inferred(title: &str, articles: Vec<Article>) -> Section {
    Section {
        title: title.into(),
        inferred: true,
        articles,
    }
}
