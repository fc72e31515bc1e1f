//! A big newsletter arrives in batches: its first articles are on screen while the rest is
//! read (see `loader`). Articles only ever come after those there, so nothing the reader is
//! looking at moves; bookmarks and the last position are taken in at the end.

use super::{App, ArticleRef, Row};
use crate::doc::{Batch, Newsletter};

impl App {
    /// Adds articles that follow those there (batches of a newsletter being read), and says
    /// how much of the file is read.
    pub fn extend(&mut self, batches: impl IntoIterator<Item = Batch>, read: u64, size: u64) {
        // In steps of 5%: every redraw costs the terminal, and the reading goes on meanwhile.
        let percent = read
            .saturating_mul(20)
            .checked_div(size)
            .unwrap_or(20)
            .min(19)
            * 5;
        self.loading = Some(format!("reading the file… {percent}%"));
        let mut any = false;
        for batch in batches {
            any |= !batch.is_empty();
            self.assembler.add(&mut self.doc, batch);
        }
        if !any {
            return;
        }
        // Sections can change (the articles before the first section marker become the lead
        // section), articles keep their order and their numbers.
        let (articles, rows, article_rows) = index(&self.doc);
        self.articles = articles;
        self.rows = rows;
        self.article_rows = article_rows;
        self.read.resize(self.articles.len(), false);
        if let Some(results) = self.results.as_mut().filter(|r| !r.complete) {
            results.extend(&self.doc, self.articles.len());
        }
        super::update::settle(self);
    }

    /// The whole newsletter in place of the first part of it that was shown (keys wait for
    /// it, so the reader is where it started): indexed again, laid out anew.
    pub fn replace(&mut self, doc: Newsletter) {
        self.doc = doc;
        let (articles, rows, article_rows) = index(&self.doc);
        self.articles = articles;
        self.rows = rows;
        self.article_rows = article_rows;
        self.read = vec![false; self.articles.len()];
        self.layouts = super::LayoutCache::default();
        let last = self.articles.len().saturating_sub(1);
        self.open = self.open.min(last);
        self.selected = self.selected.min(last);
        // The article on screen is read, as it was in the part.
        if let Some(read) = self.read.get_mut(self.open) {
            *read = true;
        }
        self.find = None;
        self.cleared = None;
        self.results = None;
        self.links = None;
        self.hints = None;
        super::update::settle(self);
    }

    /// The whole newsletter is there: `G` (and `Enter` on it) while it was being read meant
    /// the real end, and a search made meanwhile has all its matches.
    pub fn finish_loading(&mut self) {
        self.loading = None;
        let last = self.articles.len().saturating_sub(1);
        if self.at_end {
            if self.open == self.selected {
                super::update::open(self, last);
            }
            self.selected = last;
            super::update::settle(self);
        }
        super::search::results_complete(self);
    }

    /// The rest of the newsletter cannot be read: say why; a search made meanwhile keeps the
    /// matches in what there is.
    pub fn loading_failed(&mut self, message: String) {
        self.loading = None;
        super::search::results_complete(self);
        self.say(super::MessageKind::Error, message);
    }

    /// True when the reader is where it started: first article, at its top, list cursor on it.
    pub fn untouched(&self) -> bool {
        self.open == 0
            && self.selected == 0
            && self.reader.top == 0
            && self.focus == super::Focus::List
    }
}

/// The articles in reading order, the list's rows, and each article's row.
pub(super) fn index(doc: &Newsletter) -> (Vec<ArticleRef>, Vec<Row>, Vec<usize>) {
    let mut articles = Vec::new();
    let mut rows = Vec::new();
    let mut article_rows = Vec::new();
    for (s, section) in doc.sections.iter().enumerate() {
        rows.push(Row::Section(s));
        for index in 0..section.articles.len() {
            article_rows.push(rows.len());
            rows.push(Row::Article(articles.len()));
            articles.push(ArticleRef { section: s, index });
        }
    }
    (articles, rows, article_rows)
}
