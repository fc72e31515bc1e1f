//! A big newsletter arrives in two steps: its beginning, shown at once, then the whole of it,
//! parsed in the background. The whole replaces the beginning without moving the reader.

use super::{App, ArticleRef, Focus, Popup, Row};
use crate::doc::Newsletter;

impl App {
    /// Replaces the newsletter with a fuller one (the same text, read to its end), keeping
    /// the reader on the same text, the focus, what was read and the search.
    pub fn replace_doc(&mut self, doc: Newsletter) {
        let anchor = self.top_anchor();
        let old_last = self.articles.len().saturating_sub(1);
        let (at_end, open_at_end) = (self.at_end, self.at_end && self.open == old_last);
        let old_selected = self.selected;
        let selected_title = self.article(self.selected).map(|a| a.title.clone());
        let old_read = std::mem::take(&mut self.read);

        let (articles, rows, article_rows) = index(&doc);
        self.doc = doc;
        self.articles = articles;
        self.rows = rows;
        self.article_rows = article_rows;
        self.read = vec![false; self.articles.len()];
        // The beginning is the same text, so its articles keep their places.
        for (r, was) in self.read.iter_mut().zip(old_read) {
            *r = was;
        }
        self.layouts = super::LayoutCache::default();
        self.results = None;
        if matches!(self.popup, Some(Popup::Results { .. })) {
            self.popup = None;
        }
        if let Some(find) = self.find.as_mut() {
            // Found again for the article that will be open.
            find.article = usize::MAX;
        }
        self.loading = None;

        let focus = self.focus;
        let place = anchor.and_then(|a| a.find(self.articles.len(), |i| self.article(i)).place());
        // The cursor stays on its article: the same place if the title there is the same
        // (the beginning is the same text), else the first article of that title.
        let same_title = |i: usize| {
            self.article(i)
                .is_some_and(|a| Some(&a.title) == selected_title.as_ref())
        };
        let selected = if same_title(old_selected) {
            Some(old_selected)
        } else {
            (0..self.articles.len()).find(|&i| same_title(i))
        };
        match place {
            Some((article, pos)) => super::bookmarks::jump(self, article, pos),
            None => super::update::open(self, 0),
        }
        if let Some(s) = selected {
            self.selected = s;
        }
        // `G` (and `Enter` on it) while the rest was on its way meant the real end.
        let last = self.articles.len().saturating_sub(1);
        if open_at_end {
            super::update::open(self, last);
        } else if at_end {
            self.selected = last;
        }
        self.focus = focus;
        super::update::settle(self);
        if let Some(query) = self.pending_search.take() {
            super::search::search_all(self, query);
        }
    }

    /// True when the reader is where it started: first article, at its top, list cursor on it.
    pub fn untouched(&self) -> bool {
        self.open == 0 && self.selected == 0 && self.reader.top == 0 && self.focus == Focus::List
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
