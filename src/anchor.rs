//! A saved place in a newsletter — article, part, byte offset — with the article's title and a
//! snippet of the text there, so the place is found again after the text changed.

use serde::{Deserialize, Serialize};

use crate::doc::{Article, Part, TextPos};
use crate::text::floor_boundary;

/// Characters of text kept with an anchor to find it again.
const SNIPPET_CHARS: usize = 24;

/// A place in a newsletter, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The article's index in reading order.
    pub article: usize,
    /// The article's title.
    pub title: String,
    /// The part of the article.
    #[serde(with = "part_name")]
    pub part: Part,
    /// Byte offset into the part's text.
    pub offset: usize,
    /// The text from there on (a few words).
    pub snippet: String,
}

/// Where an anchor is in the newsletter as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Where it was saved.
    Exact(usize, TextPos),
    /// Found again by its snippet or title, elsewhere.
    Moved(usize, TextPos),
    /// The text is gone.
    Detached,
}

impl Found {
    /// The article and position, unless detached.
    pub fn place(self) -> Option<(usize, TextPos)> {
        match self {
            Found::Exact(a, p) | Found::Moved(a, p) => Some((a, p)),
            Found::Detached => None,
        }
    }
}

impl Anchor {
    /// The anchor for `pos` in `article`, the `index`-th article.
    pub fn at(index: usize, article: &Article, pos: TextPos) -> Anchor {
        let text = article.text(pos.part).unwrap_or("");
        let offset = floor_boundary(text, pos.offset);
        Anchor {
            article: index,
            title: article.title.to_string(),
            part: pos.part,
            offset,
            snippet: text[offset..].chars().take(SNIPPET_CHARS).collect(),
        }
    }

    /// Finds the anchor in a newsletter of `count` articles: where it was, else by its snippet
    /// (in an article of the same title first, nearest the old place), else the start of an
    /// article of the same title, else detached.
    pub fn find<'a>(&self, count: usize, article: impl Fn(usize) -> Option<&'a Article>) -> Found {
        if let Some(a) = article(self.article).filter(|a| a.title == self.title)
            && let Some(text) = a.text(self.part)
            && text
                .get(self.offset..)
                .is_some_and(|t| t.starts_with(&self.snippet))
        {
            return Found::Exact(
                self.article,
                TextPos {
                    part: self.part,
                    offset: self.offset,
                },
            );
        }
        // Articles nearest the old index first.
        // A saved index beyond the newsletter (an edited file) starts from its end.
        let origin = self.article.min(count);
        let order = (0..=count).map(move |d| {
            let (below, above) = (origin.checked_sub(d), origin + d);
            [below, Some(above).filter(|_| d > 0)]
        });
        let nearest = || order.clone().flatten().flatten().filter(|&i| i < count);
        let same_title =
            || nearest().filter(|&i| article(i).is_some_and(|a| a.title == self.title));
        if !self.snippet.is_empty() {
            let hit = same_title()
                .chain(nearest())
                .find_map(|i| self.snippet_in(article(i)?).map(|p| (i, p)));
            if let Some((i, pos)) = hit {
                return Found::Moved(i, pos);
            }
        }
        if let Some(i) = same_title().next() {
            return Found::Moved(
                i,
                TextPos {
                    part: Part::Title,
                    offset: 0,
                },
            );
        }
        Found::Detached
    }

    /// The occurrence of the snippet in `article` nearest the saved part and offset.
    fn snippet_in(&self, article: &Article) -> Option<TextPos> {
        let mut best: Option<(usize, TextPos)> = None;
        for (part, text) in article.parts() {
            for (offset, _) in text.match_indices(self.snippet.as_str()) {
                let distance = if part == self.part {
                    offset.abs_diff(self.offset)
                } else {
                    usize::MAX / 2 + offset
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, TextPos { part, offset }));
                }
            }
        }
        best.map(|(_, p)| p)
    }
}

/// `Part` as a readable word in the file: `title`, `subtitle`, `byline`, `block 3`.
mod part_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::doc::Part;

    pub fn serialize<S: Serializer>(part: &Part, s: S) -> Result<S::Ok, S::Error> {
        match part {
            Part::Title => s.serialize_str("title"),
            Part::Subtitle => s.serialize_str("subtitle"),
            Part::Byline => s.serialize_str("byline"),
            Part::Block(i) => s.serialize_str(&format!("block {i}")),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Part, D::Error> {
        let name = String::deserialize(d)?;
        match name.as_str() {
            "title" => Ok(Part::Title),
            "subtitle" => Ok(Part::Subtitle),
            "byline" => Ok(Part::Byline),
            other => other
                .strip_prefix("block ")
                .and_then(|n| n.parse().ok())
                .map(Part::Block)
                .ok_or_else(|| D::Error::custom(format!("unknown part {other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ArticleKind, Block, BlockKind};
    use crate::layout::{ArticleLayout, LayoutOptions};

    fn article(title: &str, paragraphs: &[&str]) -> Article {
        Article {
            title: title.into(),
            title_inferred: false,
            subtitle: None,
            byline: None,
            kind: ArticleKind::Story,
            blocks: paragraphs
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            ..Article::default()
        }
    }

    const LONG: &str = "五年来，十三届全国人大及其常委会通过宪法修正案，制定法律47件，修改法律111件次，\
                        作出法律解释1件，通过有关法律问题和重大问题的决定52件次。";

    fn doc() -> Vec<Article> {
        vec![
            article("第一篇", &["开头。"]),
            article("立法", &["第一段。", LONG]),
        ]
    }

    fn find(anchor: &Anchor, articles: &[Article]) -> Found {
        anchor.find(articles.len(), |i| articles.get(i))
    }

    #[test]
    fn an_anchor_is_found_where_it_was_and_at_any_width() {
        let articles = doc();
        let offset = LONG.find("制定法律").unwrap();
        let pos = TextPos {
            part: Part::Block(1),
            offset,
        };
        let anchor = Anchor::at(1, &articles[1], pos);
        assert!(anchor.snippet.starts_with("制定法律47件"));
        assert_eq!(find(&anchor, &articles), Found::Exact(1, pos));
        // Another width shows the same text on the line found for it.
        for width in [12, 30, 77] {
            let layout = ArticleLayout::new(
                &articles[1],
                LayoutOptions {
                    width,
                    ..LayoutOptions::default()
                },
            );
            let (line, _) = layout.locate(&articles[1], pos).unwrap();
            let l = &layout.lines()[line];
            assert!(
                l.range.start <= offset && offset < l.range.end,
                "width {width}"
            );
        }
    }

    #[test]
    fn an_edit_before_the_anchor_moves_it_with_its_text() {
        let articles = doc();
        let pos = TextPos {
            part: Part::Block(1),
            offset: LONG.find("制定法律").unwrap(),
        };
        let anchor = Anchor::at(1, &articles[1], pos);
        // A new article before it, and words added in front of the text.
        let edited = format!("新增的一句话。{LONG}");
        let changed = vec![
            article("新文章", &["另一篇。"]),
            article("第一篇", &["开头。"]),
            article("立法", &["第一段。", &edited]),
        ];
        let Found::Moved(i, p) = find(&anchor, &changed) else {
            panic!("not found again");
        };
        assert_eq!(i, 2);
        assert_eq!(p.part, Part::Block(1));
        assert_eq!(&edited[p.offset..p.offset + "制定法律".len()], "制定法律");
    }

    #[test]
    fn an_anchor_whose_text_is_gone_is_detached() {
        let articles = doc();
        let anchor = Anchor::at(
            1,
            &articles[1],
            TextPos {
                part: Part::Block(1),
                offset: 0,
            },
        );
        let gone = vec![article("别的", &["完全不同的内容。"])];
        assert_eq!(find(&anchor, &gone), Found::Detached);
        // The text is gone but the article is there: its start.
        let retitled = vec![article("立法", &["全部重写了。"])];
        assert_eq!(
            find(&anchor, &retitled),
            Found::Moved(
                0,
                TextPos {
                    part: Part::Title,
                    offset: 0
                }
            )
        );
    }

    #[test]
    fn parts_are_saved_as_words() {
        let anchor = Anchor::at(
            0,
            &doc()[0],
            TextPos {
                part: Part::Block(0),
                offset: 3,
            },
        );
        let text = toml::to_string(&anchor).unwrap();
        assert!(text.contains("part = \"block 0\""), "{text}");
        assert_eq!(toml::from_str::<Anchor>(&text).unwrap(), anchor);
        assert!(toml::from_str::<Anchor>(&text.replace("block 0", "nope")).is_err());
    }
}
