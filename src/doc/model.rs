//! The document model: a newsletter of sections of articles of blocks.
//!
//! Plain data. `--json` serialises exactly this shape, field order included.

use serde::Serialize;

/// A whole newsletter issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Newsletter {
    /// The masthead (name and issue), when the text has one.
    pub title: Option<String>,
    /// Sections in reading order; every article belongs to exactly one.
    pub sections: Vec<Section>,
}

/// A run of articles under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The section's name: from a marker in the text, or made up when `inferred`.
    pub title: String,
    /// True when the text has no marker for this section and the parser grouped it.
    pub inferred: bool,
    /// The articles, in reading order.
    pub articles: Vec<Article>,
}

/// One item of the newsletter: a story or a photo with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The headline, or (when `title_inferred`) the start of the first sentence.
    pub title: String,
    /// True when the text has no headline for this article.
    pub title_inferred: bool,
    /// A second headline line, such as `——追寻…`.
    pub subtitle: Option<String>,
    /// The credit: an author, a desk, a wire agency or a photographer.
    pub byline: Option<String>,
    /// Story or photo item.
    pub kind: ArticleKind,
    /// The body: paragraphs and subheadings in reading order.
    pub blocks: Vec<Block>,
}

/// What an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    /// A written story.
    Story,
    /// A photo item: its text is a caption, its byline a photo credit.
    Photo,
}

/// One unit of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Paragraph or subheading.
    pub kind: BlockKind,
    /// The text, repaired (soft wraps and page breaks joined) but otherwise verbatim.
    pub text: String,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// Body text.
    Paragraph,
    /// A heading inside an article.
    Subheading,
}

impl Newsletter {
    /// All articles in reading order, with the index of their section.
    pub fn articles(&self) -> impl Iterator<Item = (usize, &Article)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.articles.iter().map(move |a| (i, a)))
    }
}

/// One piece of an article's text, in reading order: positions in the text (search matches,
/// bookmarks, scroll anchors) are a part and a byte offset into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The headline.
    Title,
    /// The second headline line.
    Subtitle,
    /// The credit.
    Byline,
    /// Block `i` of the body.
    Block(usize),
}

/// A place in an article's text: a part and a byte offset into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextPos {
    /// Which piece of text.
    pub part: Part,
    /// Byte offset into that piece (a char boundary).
    pub offset: usize,
}

impl Article {
    /// The text of one part, if the article has it.
    pub fn text(&self, part: Part) -> Option<&str> {
        match part {
            Part::Title => Some(&self.title),
            Part::Subtitle => self.subtitle.as_deref(),
            Part::Byline => self.byline.as_deref(),
            Part::Block(i) => self.blocks.get(i).map(|b| b.text.as_str()),
        }
    }

    /// The parts the article has, in reading order, with their text.
    pub fn parts(&self) -> impl Iterator<Item = (Part, &str)> {
        [Part::Title, Part::Subtitle, Part::Byline]
            .into_iter()
            .chain((0..self.blocks.len()).map(Part::Block))
            .filter_map(|p| self.text(p).map(|t| (p, t)))
    }

    /// The article's paragraphs (not subheadings).
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
    }
}
