//! The document model: a newsletter of sections of articles of blocks.
//!
//! Plain data. `--json` serialises exactly this shape, field order included; fields that are
//! empty are left out, so a plain-text newsletter prints as it did before the model grew styles.

use serde::Serialize;
use thin_vec::ThinVec;

use super::text::{Text, Texts};

pub use crate::source::format::Format;

/// A whole newsletter issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Newsletter {
    /// The masthead (name and issue), when the text has one.
    pub title: Option<String>,
    /// The date as the newsletter gives it (`2026-11-25`), when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who sent it: an email's sender, by display name (else address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The form it arrived in; left out for plain text.
    #[serde(skip_serializing_if = "Format::is_text")]
    pub format: Format,
    /// Sections in reading order; every article belongs to exactly one.
    pub sections: Vec<Section>,
}

/// A run of articles under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The section's name: from a marker in the text, or made up when `inferred`.
    pub title: Text,
    /// True when the text has no marker for this section and the parser grouped it.
    pub inferred: bool,
    /// The articles, in reading order.
    pub articles: Vec<Article>,
}

/// One item of the newsletter: a story or a photo with its caption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Article {
    /// The headline, or (when `title_inferred`) the start of the first sentence.
    pub title: Text,
    /// True when the text has no headline for this article.
    pub title_inferred: bool,
    /// A second headline line, such as `——追寻…`.
    pub subtitle: Option<Text>,
    /// The credit: an author, a desk, a wire agency or a photographer.
    pub byline: Option<Text>,
    /// Story or photo item.
    pub kind: ArticleKind,
    /// The body: paragraphs and subheadings in reading order.
    pub blocks: Vec<Block>,
    /// Where the headline links to, when the whole headline is one link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    /// Styles and links in the headline.
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub title_spans: ThinVec<Span>,
    /// Styles and links in the subtitle.
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub subtitle_spans: ThinVec<Span>,
    /// Styles and links in the credit.
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub byline_spans: ThinVec<Span>,
}

/// What an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ArticleKind {
    /// A written story.
    #[default]
    Story,
    /// A photo item: its text is a caption, its byline a photo credit.
    Photo,
}

/// One unit of an article's body.
///
/// Small (40 bytes), because a big newsletter holds a million of them: its text shares a
/// buffer with its neighbours' (see [`super::text`]), its styles are a thin vector (one
/// pointer, empty for extracted text), a list item's marker is a number, and what few blocks
/// have (a language, a source, cells) is boxed apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Block {
    /// What the block is: paragraph, subheading, list item, quote, code, image, rule or table.
    pub kind: BlockKind,
    /// A list item's nesting (0 at the top level), or a quote's (1 for `>`).
    pub depth: u8,
    /// The visible text, markup removed: extracted text repaired (soft wraps and page breaks
    /// joined) but otherwise verbatim; an image's alt text or caption; a table's cells, aligned
    /// in columns, a row a line.
    pub text: Text,
    /// Styles and links over byte ranges of the text, in order of their start.
    pub spans: ThinVec<Span>,
    /// A list item's marker: its form, and its number in an ordered list.
    mark: Mark,
    number: u32,
    /// What only code, images and tables carry.
    more: Option<Box<More>>,
}

/// A list item's marker as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `•`, a bullet at the top level (then `◦`, `▪` below it, and over again).
    Bullet(u8),
    /// `☐` or `☑`: a task, done or not.
    Task(bool),
    /// `1.`: an item of an ordered list.
    Number(u32),
}

impl Marker {
    /// The marker's text.
    pub fn text(self) -> std::borrow::Cow<'static, str> {
        match self {
            Marker::Bullet(depth) => ["•", "◦", "▪"][usize::from(depth) % 3].into(),
            Marker::Task(false) => "☐".into(),
            Marker::Task(true) => "☑".into(),
            Marker::Number(n) => format!("{n}.").into(),
        }
    }
}

/// How a [`Marker`] is kept in a block, beside its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Mark {
    #[default]
    None,
    Bullet(u8),
    Task(bool),
    Number,
}

/// What only a few kinds of block carry (56 bytes: a digest holds tens of thousands of images).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct More {
    /// A code block's language, when given.
    pub language: Option<Text>,
    /// An image's source.
    pub url: Option<Text>,
    /// A table's cells, row by row, the header first.
    pub rows: ThinVec<ThinVec<Text>>,
    /// The name a link within the newsletter goes to (`#fn-1` goes to the block named `fn-1`).
    pub id: Option<Text>,
}

/// `--json` of a block: `kind` and `text`, then whatever of `spans`, `depth`, `marker`,
/// `language`, `url` and `rows` it has, in that order.
impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("text", &self.text)?;
        if !self.spans.is_empty() {
            map.serialize_entry("spans", &self.spans)?;
        }
        if self.depth != 0 {
            map.serialize_entry("depth", &self.depth)?;
        }
        if let Some(marker) = self.marker() {
            map.serialize_entry("marker", &marker.text())?;
        }
        if let Some(more) = &self.more {
            if let Some(language) = &more.language {
                map.serialize_entry("language", language)?;
            }
            if let Some(url) = &more.url {
                map.serialize_entry("url", url)?;
            }
            if !more.rows.is_empty() {
                map.serialize_entry("rows", &more.rows)?;
            }
            if let Some(id) = &more.id {
                map.serialize_entry("id", id)?;
            }
        }
        map.end()
    }
}

impl Block {
    /// A block of `kind` with `text` and nothing else.
    pub fn new(kind: BlockKind, text: impl Into<Text>) -> Block {
        Block {
            kind,
            text: text.into(),
            ..Block::default()
        }
    }

    /// A plain paragraph.
    pub fn paragraph(text: impl Into<Text>) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }

    /// What only code, images and tables carry, made when first needed.
    pub fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// The block's styles and links.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// A list item's or a quote's nesting.
    pub fn depth(&self) -> u8 {
        self.depth
    }

    /// A list item's marker.
    pub fn marker(&self) -> Option<Marker> {
        match self.mark {
            Mark::None => None,
            Mark::Bullet(depth) => Some(Marker::Bullet(depth)),
            Mark::Task(done) => Some(Marker::Task(done)),
            Mark::Number => Some(Marker::Number(self.number)),
        }
    }

    /// Gives the item its marker (or takes it away).
    pub fn set_marker(&mut self, marker: Option<Marker>) {
        (self.mark, self.number) = match marker {
            None => (Mark::None, 0),
            Some(Marker::Bullet(depth)) => (Mark::Bullet(depth % 3), 0),
            Some(Marker::Task(done)) => (Mark::Task(done), 0),
            Some(Marker::Number(n)) => (Mark::Number, n),
        };
    }

    /// An item of an ordered list: its marker is a number (`1.`).
    pub fn is_numbered(&self) -> bool {
        self.mark == Mark::Number
    }

    /// An image's source.
    pub fn url(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.url.as_deref())
    }

    /// A code block's language.
    pub fn language(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.language.as_deref())
    }

    /// A table's cells, row by row, the header first (none for other blocks).
    pub fn rows(&self) -> &[ThinVec<Text>] {
        self.more.as_ref().map_or(&[], |m| &m.rows)
    }

    /// The name links within the newsletter know the block by (`fn-1`).
    pub fn id(&self) -> Option<&str> {
        self.more.as_ref().and_then(|m| m.id.as_deref())
    }
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Body text.
    #[default]
    Paragraph,
    /// A heading inside an article.
    Subheading,
    /// An item of a list (see `depth` and `marker`).
    ListItem,
    /// Quoted text (see `depth`).
    Quote,
    /// Preformatted code (see `language`).
    Code,
    /// An image: its text is the alt text or caption, `url` its source.
    Image,
    /// A horizontal rule; no text.
    Rule,
    /// A table (see `rows`).
    Table,
}

/// A style or a link over a byte range of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The style.
    pub kind: SpanKind,
    /// Where it starts (a char boundary of the text).
    pub start: usize,
    /// Where it ends (a char boundary, after `start`).
    pub end: usize,
    /// A link's target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
}

/// The styles a span can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    /// Bold.
    Strong,
    /// Italics.
    Em,
    /// Inline code.
    Code,
    /// Struck through.
    Strike,
    /// Underlined (`<u>`, `<ins>`).
    Underline,
    /// A link (see `url`).
    Link,
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
    /// The spans of one part (none when it has none, or the article lacks the part).
    pub fn spans(&self, part: Part) -> &[Span] {
        match part {
            Part::Title => &self.title_spans,
            Part::Subtitle => &self.subtitle_spans,
            Part::Byline => &self.byline_spans,
            Part::Block(i) => self.blocks.get(i).map_or(&[], Block::spans),
        }
    }

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

impl Texts for Span {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.url.each_text(f);
    }
}

impl Texts for Block {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.text);
        self.spans.each_text(f);
        if let Some(more) = &mut self.more {
            more.language.each_text(f);
            more.url.each_text(f);
            for row in &mut more.rows {
                row.each_text(f);
            }
            more.id.each_text(f);
        }
    }
}

impl Texts for Section {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.title);
        self.articles.each_text(f);
    }
}

impl Texts for Article {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(&mut self.title);
        self.subtitle.each_text(f);
        self.byline.each_text(f);
        self.url.each_text(f);
        self.title_spans.each_text(f);
        self.subtitle_spans.each_text(f);
        self.byline_spans.each_text(f);
        self.blocks.each_text(f);
    }
}
