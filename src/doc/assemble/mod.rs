//! From a front end's output to a newsletter: articles grouped into sections, the same way for
//! every form a newsletter arrives in.
//!
//! A front end gives [`Batch`]es: articles that are final, the sections the text names, and the
//! masthead. An [`Assembler`] puts them into a [`Newsletter`] as they come, so a big file can be
//! shown while it is still being read.

pub mod headings;

use super::model::{Article, Newsletter, Section};
use super::text::{Text, Texts};

/// A finished article and where it goes.
#[derive(Debug)]
pub struct Placed {
    /// The article.
    pub article: Article,
    /// The wire agency it comes from, if any: a run of one agency's copy is a section.
    pub agency: Option<String>,
    /// The explicit section it belongs to (an index into all explicit sections so far).
    pub section: Option<usize>,
}

/// What became final since the last batch.
#[derive(Debug)]
pub struct Batch {
    /// The name of a section the text does not name (`综合`, `News`).
    pub default_section: &'static str,
    /// The masthead, in the first batch that has it.
    pub title: Option<String>,
    /// New explicit sections, in order.
    pub sections: Vec<String>,
    /// New articles, in order.
    pub articles: Vec<Placed>,
}

impl Texts for Placed {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.article.each_text(f);
    }
}

impl Batch {
    /// Nothing new.
    pub fn is_empty(&self) -> bool {
        self.title.is_none() && self.sections.is_empty() && self.articles.is_empty()
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
}

impl Assembler {
    /// Adds a batch to `doc`. Articles keep their order; only the grouping of the articles
    /// before the first marker changes when that marker arrives (they become the lead).
    pub fn add(&mut self, doc: &mut Newsletter, batch: Batch) {
        let default = batch.default_section;
        if batch.title.is_some() {
            doc.title = batch.title;
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
        for placed in batch.articles {
            let Placed {
                article,
                agency,
                section,
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

fn inferred(title: &str, articles: Vec<Article>) -> Section {
    Section {
        title: title.into(),
        inferred: true,
        articles,
    }
}
