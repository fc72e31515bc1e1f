//! An article laid out at a width: headline, subtitle, credit and body as visual lines, each of
//! which knows the text it shows, so screen lines and text positions convert both ways.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::{VisualLine, WrapOptions, hard_wrap, wrap};
use crate::doc::{Article, Block, BlockKind, Part, TextPos};
use crate::text::{cluster_width, display_width, is_han};

/// Columns of the first-line indent: two full-width characters.
pub const INDENT_COLUMNS: usize = 4;

/// Columns code and tables are indented by.
pub const PRE_INDENT: usize = 2;

/// Blank lines between two blocks of the body: none between the items of a list or the
/// lines of one quote, more around a subheading.
fn spacing(prev: &Block, next: &Block, options: &LayoutOptions) -> usize {
    use BlockKind::{ListItem, Paragraph, Subheading};
    match (prev.kind, next.kind) {
        // A list that follows a list of another kind (bullets, then numbers) is set apart.
        (ListItem, ListItem) if prev.depth() == 0 && next.depth() == 0 => {
            if prev.marker().is_some()
                && next.marker().is_some()
                && prev.is_numbered() != next.is_numbered()
            {
                options.paragraph_spacing.max(1)
            } else {
                0
            }
        }
        (ListItem, ListItem) => 0,
        (Paragraph | Subheading, Paragraph) => options.paragraph_spacing,
        // A subheading, and the kinds of rich text, are set apart even when paragraphs are not.
        _ => options.paragraph_spacing.max(1),
    }
}

/// How an article is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Columns for text; a hanging mark may take one line `gutter` columns further.
    pub width: usize,
    /// Columns right of the text reserved for hanging punctuation.
    pub gutter: usize,
    /// Indent the first line of each paragraph by two full-width characters.
    pub indent: bool,
    /// Blank lines between blocks of the body.
    pub paragraph_spacing: usize,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 80,
            gutter: 1,
            indent: true,
            paragraph_spacing: 1,
        }
    }
}

/// What a line is, so the reader pane can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A line of the headline.
    Title,
    /// A line of the subtitle.
    Subtitle,
    /// A line of the credit.
    Byline,
    /// A line of a subheading inside the body.
    Subheading,
    /// A line of a paragraph (or a photo caption).
    Paragraph,
    /// A line of a list item.
    ListItem,
    /// A line of quoted text.
    Quote,
    /// A line of a code block.
    Code,
    /// A line of a table.
    Table,
    /// An image's line: its label and alt text.
    Image,
    /// A horizontal rule.
    Rule,
    /// Spacing.
    Blank,
}

/// What is drawn left of a line's text, in its indent, outside the text's byte ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing.
    None,
    /// The block's list marker, right before the text (a list item's first line).
    Marker,
    /// `depth` quote bars.
    Bars(u8),
    /// The image label (`[图]` or `[image]`), on an image's first line.
    Image(ImageLabel),
    /// A mark that the line goes on from the one before (preformatted text cut at the edge).
    Continued,
    /// The rule itself: a line across the text column.
    Rule,
}

/// The label that stands for an image, in the language of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageLabel {
    /// `[图]`.
    Chinese,
    /// `[image]`.
    English,
}

impl ImageLabel {
    /// The label as drawn, with the space after it.
    pub fn text(self) -> &'static str {
        match self {
            ImageLabel::Chinese => "[图] ",
            ImageLabel::English => "[image] ",
        }
    }
}

/// One visual line of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The part of the article it shows; `None` for a blank line.
    pub part: Option<Part>,
    /// The bytes of that part it shows.
    pub range: Range<usize>,
    /// Blank columns before the text.
    pub indent: usize,
    /// Columns the text takes (not counting the indent).
    pub width: usize,
    /// How to style it.
    pub role: Role,
    /// What is drawn in the indent.
    pub lead: Lead,
}

/// An article laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLayout {
    options: LayoutOptions,
    lines: Vec<Line>,
    /// For each part, in reading order, the lines that show it.
    parts: Vec<(Part, Range<usize>)>,
}

impl ArticleLayout {
    /// Lays `article` out with `options`.
    pub fn new(article: &Article, options: LayoutOptions) -> ArticleLayout {
        let mut layout = ArticleLayout {
            options,
            lines: Vec::new(),
            parts: Vec::new(),
        };
        layout.push(article, Part::Title, Role::Title, 0, 0, Lead::None);
        if article.subtitle.is_some() {
            layout.push(article, Part::Subtitle, Role::Subtitle, 0, 0, Lead::None);
        }
        if article.byline.is_some() {
            layout.push(article, Part::Byline, Role::Byline, 0, 0, Lead::None);
        }
        let mut before: Option<&Block> = None;
        for (i, block) in article.blocks.iter().enumerate() {
            let blanks = match before {
                // The header is always set off from the body by one blank line.
                None => 1,
                Some(prev) => spacing(prev, block, &options),
            };
            layout.blank(blanks);
            layout.block(article, i, block);
            before = Some(block);
        }
        layout
    }

    fn block(&mut self, article: &Article, i: usize, block: &Block) {
        let part = Part::Block(i);
        let depth = usize::from(block.depth());
        match block.kind {
            BlockKind::Paragraph => {
                let indent = if self.options.indent {
                    INDENT_COLUMNS
                } else {
                    0
                };
                self.push(article, part, Role::Paragraph, indent, 0, Lead::None);
            }
            BlockKind::Subheading => self.push(article, part, Role::Subheading, 0, 0, Lead::None),
            BlockKind::ListItem => {
                // A paragraph of an item after its first has no marker of its own: it hangs
                // under the text, by the marker of the item it belongs to.
                let marker = block
                    .marker()
                    .or_else(|| {
                        article.blocks[..i]
                            .iter()
                            .rev()
                            .take_while(|b| b.kind == BlockKind::ListItem)
                            .take(256)
                            .find(|b| usize::from(b.depth()) == depth && b.marker().is_some())
                            .and_then(Block::marker)
                    })
                    .map_or(1, |m| display_width(&m.text()));
                let hang = (2 * depth + marker + 1).min(self.options.width / 2);
                self.push(article, part, Role::ListItem, 0, hang, Lead::Marker);
            }
            BlockKind::Quote => {
                let depth = depth.max(1);
                let hang = (2 * depth).min(self.options.width / 2);
                let bars = u8::try_from(depth).unwrap_or(u8::MAX);
                self.push(article, part, Role::Quote, 0, hang, Lead::Bars(bars));
            }
            BlockKind::Image => {
                let label = if block.text.chars().any(is_han) || article.title.chars().any(is_han) {
                    ImageLabel::Chinese
                } else {
                    ImageLabel::English
                };
                let hang = display_width(label.text()).min(self.options.width / 2);
                self.push(article, part, Role::Image, 0, hang, Lead::Image(label));
            }
            BlockKind::Code | BlockKind::Table => {
                let role = if block.kind == BlockKind::Code {
                    Role::Code
                } else {
                    Role::Table
                };
                self.preformatted(article, part, role);
            }
            BlockKind::Rule => {
                let first = self.lines.len();
                self.lines.push(Line {
                    part: Some(part),
                    range: 0..0,
                    indent: 0,
                    width: 0,
                    role: Role::Rule,
                    lead: Lead::Rule,
                });
                self.parts.push((part, first..first + 1));
            }
        }
    }

    /// Code and tables: a line of text is a line on screen, cut at the edge into lines that
    /// are marked as going on, never reflowed.
    fn preformatted(&mut self, article: &Article, part: Part, role: Role) {
        let Some(text) = article.text(part) else {
            return;
        };
        let hang = PRE_INDENT.min(self.options.width / 2);
        let width = self.options.width.saturating_sub(hang).max(1);
        let first = self.lines.len();
        for vl in hard_wrap(text, width) {
            let lead = if vl.continued {
                Lead::Continued
            } else {
                Lead::None
            };
            self.lines.push(Line {
                part: Some(part),
                range: vl.line.range,
                indent: hang,
                width: vl.line.width,
                role,
                lead,
            });
        }
        if self.lines.len() > first {
            self.parts.push((part, first..self.lines.len()));
        }
    }

    fn blank(&mut self, count: usize) {
        for _ in 0..count {
            self.lines.push(Line {
                part: None,
                range: 0..0,
                indent: 0,
                width: 0,
                role: Role::Blank,
                lead: Lead::None,
            });
        }
    }

    fn push(
        &mut self,
        article: &Article,
        part: Part,
        role: Role,
        indent: usize,
        hang: usize,
        lead: Lead,
    ) {
        let Some(text) = article.text(part) else {
            return;
        };
        let opts = WrapOptions {
            gutter: self.options.gutter,
            first_indent: indent,
        };
        let width = self.options.width.saturating_sub(hang).max(1);
        let first = self.lines.len();
        let lines: Vec<VisualLine> = wrap(text, width, &opts);
        // An empty text still takes a line when it carries a lead (an image without alt text).
        let lines = if lines.is_empty() && lead != Lead::None {
            vec![VisualLine {
                range: 0..0,
                width: 0,
            }]
        } else {
            lines
        };
        for (n, vl) in lines.into_iter().enumerate() {
            let first_indent = if n == 0 && indent < width { indent } else { 0 };
            let lead = match lead {
                Lead::Marker | Lead::Image(_) if n > 0 => Lead::None,
                lead => lead,
            };
            self.lines.push(Line {
                part: Some(part),
                range: vl.range,
                indent: hang + first_indent,
                width: vl.width,
                role,
                lead,
            });
        }
        if self.lines.len() > first {
            self.parts.push((part, first..self.lines.len()));
        }
    }

    /// The options it was laid out with.
    pub fn options(&self) -> &LayoutOptions {
        &self.options
    }

    /// All visual lines, top to bottom.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// Number of visual lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The text a line shows (empty for a blank line).
    pub fn line_text<'a>(&self, article: &'a Article, line: usize) -> &'a str {
        self.lines
            .get(line)
            .and_then(|l| Some(&article.text(l.part?)?[l.range.clone()]))
            .unwrap_or("")
    }

    /// The line and column (counted from the line's left edge, indent included) where `pos` is
    /// drawn. An offset inside the spaces dropped at a break is drawn at the end of the line
    /// before; one inside a cluster at that cluster's start. `None` when the article lays out no
    /// such part.
    pub fn locate(&self, article: &Article, pos: TextPos) -> Option<(usize, usize)> {
        let lines = self.part_lines(pos.part)?;
        let text = article.text(pos.part)?;
        let within = &self.lines[lines.clone()];
        let k = within
            .partition_point(|l| l.range.start <= pos.offset)
            .saturating_sub(1);
        let line = &within[k];
        let upto = pos.offset.clamp(line.range.start, line.range.end);
        let col = text[line.range.clone()]
            .grapheme_indices(true)
            .take_while(|(at, g)| line.range.start + at + g.len() <= upto)
            .map(|(_, g)| cluster_width(g))
            .sum::<usize>();
        Some((lines.start + k, line.indent + col))
    }

    /// The text position drawn at `col` of `line`: the start of the cluster covering that column,
    /// the line's start left of its indent, its end right of its text. `None` for a blank line.
    pub fn position_at(&self, article: &Article, line: usize, col: usize) -> Option<TextPos> {
        let l = self.lines.get(line)?;
        let part = l.part?;
        let text = &article.text(part)?[l.range.clone()];
        let mut x = l.indent;
        for (at, g) in text.grapheme_indices(true) {
            let w = cluster_width(g);
            if col < x + w {
                return Some(TextPos {
                    part,
                    offset: l.range.start + at,
                });
            }
            x += w;
        }
        Some(TextPos {
            part,
            offset: l.range.end,
        })
    }

    /// The text position that best stands for `line` when it is the top of the view: its own
    /// start, or for a blank line the start of the next text line (the last text before it at
    /// the end of the article).
    pub fn anchor(&self, line: usize) -> Option<TextPos> {
        let start = |l: &Line| {
            l.part.map(|part| TextPos {
                part,
                offset: l.range.start,
            })
        };
        let line = line.min(self.lines.len().checked_sub(1)?);
        self.lines[line..]
            .iter()
            .find_map(start)
            .or_else(|| self.lines[..line].iter().rev().find_map(start))
    }

    /// The lines that show `part`.
    pub fn part_lines(&self, part: Part) -> Option<Range<usize>> {
        let i = self.parts.binary_search_by(|(p, _)| p.cmp(&part)).ok()?;
        Some(self.parts[i].1.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ArticleKind, Block};

    fn article() -> Article {
        Article {
            title: "标题很长很长很长".into(),
            title_inferred: false,
            subtitle: Some("——副题".into()),
            byline: Some("记者 王五".into()),
            kind: ArticleKind::Story,
            blocks: vec![
                Block::new(BlockKind::Paragraph, "第一段文字，内容很多很多。"),
                Block::new(BlockKind::Subheading, "小标题"),
                Block::new(BlockKind::Paragraph, "Second paragraph in English words."),
            ],
            ..Article::default()
        }
    }

    fn opts(width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ..LayoutOptions::default()
        }
    }

    #[test]
    fn parts_are_laid_out_in_order_with_roles_and_spacing() {
        let a = article();
        let layout = ArticleLayout::new(&a, opts(12));
        let shown: Vec<(Role, usize, &str)> = (0..layout.len())
            .map(|i| {
                let l = &layout.lines()[i];
                (l.role, l.indent, layout.line_text(&a, i))
            })
            .collect();
        use Role::*;
        assert_eq!(
            shown,
            [
                (Title, 0, "标题很长很长"),
                (Title, 0, "很长"),
                (Subtitle, 0, "——副题"),
                (Byline, 0, "记者 王五"),
                (Blank, 0, ""),
                (Paragraph, 4, "第一段文"),
                (Paragraph, 0, "字，内容很多"),
                (Paragraph, 0, "很多。"),
                (Blank, 0, ""),
                (Subheading, 0, "小标题"),
                (Blank, 0, ""),
                (Paragraph, 4, "Second"),
                (Paragraph, 0, "paragraph in"),
                (Paragraph, 0, "English"),
                (Paragraph, 0, "words."),
            ]
        );
    }

    #[test]
    fn positions_map_to_lines_and_columns_and_back() {
        let a = article();
        let layout = ArticleLayout::new(&a, opts(12));
        let pos = TextPos {
            part: Part::Block(0),
            offset: "第一段文字，".len(),
        };
        assert_eq!(layout.locate(&a, pos), Some((6, 4)));
        assert_eq!(layout.part_lines(Part::Block(0)), Some(5..8));
        assert_eq!(layout.position_at(&a, 6, 4), Some(pos));
        // The right half of a wide character is the same character.
        assert_eq!(layout.position_at(&a, 6, 5), Some(pos));
        // Left of the indent is the line's start.
        assert_eq!(layout.position_at(&a, 5, 0).map(|p| p.offset), Some(0));
        assert_eq!(layout.position_at(&a, 4, 0), None);
        // A dropped space sits at the end of the line before.
        let space = TextPos {
            part: Part::Block(2),
            offset: "Second".len(),
        };
        assert_eq!(layout.locate(&a, space), Some((11, 10)));
    }

    #[test]
    fn a_blank_line_anchors_to_the_text_after_it() {
        let a = article();
        let layout = ArticleLayout::new(&a, opts(12));
        assert_eq!(
            layout.anchor(8),
            Some(TextPos {
                part: Part::Block(1),
                offset: 0
            })
        );
        assert_eq!(layout.anchor(999).map(|p| p.part), Some(Part::Block(2)));
    }
}
