//! An article laid out at a width: headline, subtitle, credit and body as visual lines, each of
//! which knows the text it shows, so screen lines and text positions convert both ways.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::{WrapOptions, wrap};
use crate::doc::{Article, BlockKind, Part, TextPos};
use crate::text::cluster_width;

/// Columns of the first-line indent: two full-width characters.
pub const INDENT_COLUMNS: usize = 4;

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
    /// Spacing.
    Blank,
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
        layout.push(article, Part::Title, Role::Title, 0);
        if article.subtitle.is_some() {
            layout.push(article, Part::Subtitle, Role::Subtitle, 0);
        }
        if article.byline.is_some() {
            layout.push(article, Part::Byline, Role::Byline, 0);
        }
        for (i, block) in article.blocks.iter().enumerate() {
            let (role, indent, blanks) = match block.kind {
                BlockKind::Paragraph => (
                    Role::Paragraph,
                    if options.indent { INDENT_COLUMNS } else { 0 },
                    options.paragraph_spacing,
                ),
                BlockKind::Subheading => (Role::Subheading, 0, options.paragraph_spacing.max(1)),
            };
            // The header is always set off from the body by one blank line.
            let blanks = if i == 0 { 1 } else { blanks };
            layout.blank(blanks);
            layout.push(article, Part::Block(i), role, indent);
        }
        layout
    }

    fn blank(&mut self, count: usize) {
        for _ in 0..count {
            self.lines.push(Line {
                part: None,
                range: 0..0,
                indent: 0,
                width: 0,
                role: Role::Blank,
            });
        }
    }

    fn push(&mut self, article: &Article, part: Part, role: Role, indent: usize) {
        let Some(text) = article.text(part) else {
            return;
        };
        let opts = WrapOptions {
            gutter: self.options.gutter,
            first_indent: indent,
        };
        let first = self.lines.len();
        for (n, vl) in wrap(text, self.options.width, &opts)
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 && indent < self.options.width {
                indent
            } else {
                0
            };
            self.lines.push(Line {
                part: Some(part),
                range: vl.range,
                indent,
                width: vl.width,
                role,
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
                Block {
                    kind: BlockKind::Paragraph,
                    text: "第一段文字，内容很多很多。".into(),
                },
                Block {
                    kind: BlockKind::Subheading,
                    text: "小标题".into(),
                },
                Block {
                    kind: BlockKind::Paragraph,
                    text: "Second paragraph in English words.".into(),
                },
            ],
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
