//! Finding text: query folding (smart case, full-width forms as half-width), the whitespace rule
//! (a space matches any run of spaces, or nothing between two CJK characters), all matches in an
//! article or the whole newsletter, and snippets of context for the results.
//!
//! Matches are byte ranges of the original text. A query that folding cannot affect (CJK text
//! with no Latin letters, digits or spaces) is looked for directly in the text with `memmem`;
//! any other query is looked for in a folded copy of each part that could hold it.

use std::ops::Range;

use memchr::memmem;

use crate::doc::{Article, Newsletter, Part};
use crate::layout::{display_width, truncate};

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    /// The words of the query, folded.
    tokens: Vec<String>,
    /// For each gap between two words: may it be empty (both sides CJK)?
    optional_gaps: Vec<bool>,
    /// Upper and lower case differ (the query has a capital letter).
    case_sensitive: bool,
    /// The query can be looked for in the text as it is.
    direct: bool,
}

/// One match in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The part it is in.
    pub part: Part,
    /// Its bytes in that part's text.
    pub range: Range<usize>,
}

/// One match in the newsletter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The article, by index in reading order.
    pub article: usize,
    /// The part it is in.
    pub part: Part,
    /// Its bytes in that part's text.
    pub range: Range<usize>,
}

/// Folds full-width ASCII forms and the ideographic space to ASCII, and (when `lower`) letters
/// to lower case, a character for a character.
fn fold(c: char, lower: bool) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    if !lower {
        c
    } else if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(one), None) => one,
            _ => c,
        }
    } else {
        c
    }
}

/// A character set two columns wide: Han, kana, Hangul, full-width punctuation.
fn is_cjk(c: char) -> bool {
    crate::layout::breaks::cluster_width(c.encode_utf8(&mut [0; 4])) == 2
}

impl Query {
    /// None when the text has nothing to look for (empty or only whitespace).
    pub fn new(text: &str) -> Option<Query> {
        let unfolded: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == '\u{3000}')
            .filter(|t| !t.is_empty())
            .map(|t| t.chars().map(|c| fold(c, false)).collect())
            .collect();
        if unfolded.is_empty() {
            return None;
        }
        let case_sensitive = unfolded.iter().any(|t| t.chars().any(char::is_uppercase));
        let tokens: Vec<String> = unfolded
            .iter()
            .map(|t| t.chars().map(|c| fold(c, !case_sensitive)).collect())
            .collect();
        let optional_gaps = tokens
            .windows(2)
            .map(|w| {
                w[0].chars().next_back().is_some_and(is_cjk)
                    && w[1].chars().next().is_some_and(is_cjk)
            })
            .collect();
        // Folding maps onto ASCII and lower case only: a query with neither finds the same
        // bytes in the text as in its folded form.
        let direct = tokens.len() == 1
            && tokens[0]
                .chars()
                .all(|c| !c.is_ascii() && !c.is_lowercase() && !c.is_uppercase());
        Some(Query {
            text: text.trim().to_string(),
            tokens,
            optional_gaps,
            case_sensitive,
            direct,
        })
    }

    /// The text as typed (without surrounding spaces).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All matches in one piece of text, as byte ranges of `haystack`, in order, not
    /// overlapping.
    pub fn find_in(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        self.search(haystack, &mut Scratch::default(), &mut |r| out.push(r));
        out
    }

    fn search(&self, haystack: &str, scratch: &mut Scratch, found: &mut impl FnMut(Range<usize>)) {
        if self.direct {
            let needle = self.tokens[0].as_bytes();
            let mut at = 0;
            while let Some(i) = memmem::find(&haystack.as_bytes()[at..], needle) {
                found(at + i..at + i + needle.len());
                at += i + needle.len();
            }
            return;
        }
        if !self.may_occur(haystack) {
            return;
        }
        if !self.needs_folding(haystack) {
            // Folding would change nothing a match could touch: search the text as it is.
            self.scan(haystack, |i| i, found);
            return;
        }
        scratch.fold(haystack, !self.case_sensitive);
        self.scan(&scratch.text, |i| scratch.original(i), found);
    }

    /// The matches in `text` (the haystack or its folded copy), mapped back to the haystack's
    /// offsets by `original`.
    fn scan(
        &self,
        text: &str,
        original: impl Fn(usize) -> usize,
        found: &mut impl FnMut(Range<usize>),
    ) {
        let first = self.tokens[0].as_bytes();
        let finder = memmem::Finder::new(first);
        let mut at = 0;
        while let Some(i) = finder.find(&text.as_bytes()[at..]) {
            let start = at + i;
            match self.rest_matches(text, start + first.len()) {
                Some(end) => {
                    found(original(start)..original(end));
                    at = end;
                }
                None => {
                    at = start + text[start..].chars().next().map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// Whether the haystack holds a character that folds onto one of the query's: a full-width
    /// form, an ideographic space, or (ignoring case) a capital.
    fn needs_folding(&self, haystack: &str) -> bool {
        let bytes = haystack.as_bytes();
        let has = |c: char| memmem::find(bytes, c.encode_utf8(&mut [0; 4]).as_bytes()).is_some();
        if self.tokens.len() > 1 && has('\u{3000}') {
            return true;
        }
        let mut seen = Vec::new();
        for c in self.tokens.iter().flat_map(|t| t.chars()) {
            if seen.contains(&c) {
                continue;
            }
            seen.push(c);
            if wide_form(c).is_some_and(has)
                || (!self.case_sensitive && c.to_uppercase().any(|u| u != c && has(u)))
                || (!self.case_sensitive && wide_form(c.to_ascii_uppercase()).is_some_and(has))
            {
                return true;
            }
        }
        false
    }

    /// After the first word ends at `pos` in the folded text: where the whole query ends, if
    /// the other words follow with the gaps the whitespace rule allows.
    fn rest_matches(&self, folded: &str, mut pos: usize) -> Option<usize> {
        for (token, &optional) in self.tokens[1..].iter().zip(&self.optional_gaps) {
            let rest = &folded[pos..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 && !optional {
                return None;
            }
            pos += gap;
            if !folded[pos..].starts_with(token.as_str()) {
                return None;
            }
            pos += token.len();
        }
        Some(pos)
    }

    /// A quick look for a way the first word's first character could appear in the text
    /// (itself, in the other case, or in full width); the rest is skipped for texts without one.
    fn may_occur(&self, haystack: &str) -> bool {
        let Some(c) = self.tokens[0].chars().next() else {
            return false;
        };
        let bytes = haystack.as_bytes();
        let has = |c: char| memmem::find(bytes, c.encode_utf8(&mut [0; 4]).as_bytes()).is_some();
        has(c)
            || (!self.case_sensitive && c.to_uppercase().any(has))
            || wide_form(c).is_some_and(has)
            || (!self.case_sensitive && wide_form(c.to_ascii_uppercase()).is_some_and(has))
    }
}

/// The full-width form of a printable ASCII character.
fn wide_form(c: char) -> Option<char> {
    ('!'..='~')
        .contains(&c)
        .then(|| char::from_u32(c as u32 + 0xFEE0))
        .flatten()
}

/// A folded copy of a text and the way back to the original's offsets, reused between parts.
#[derive(Debug, Default)]
struct Scratch {
    text: String,
    /// For each byte of `text` (and its end), the original offset of its character.
    map: Vec<usize>,
    original_len: usize,
}

impl Scratch {
    fn fold(&mut self, haystack: &str, lower: bool) {
        self.text.clear();
        self.map.clear();
        self.original_len = haystack.len();
        for (i, c) in haystack.char_indices() {
            let f = fold(c, lower);
            self.text.push(f);
            self.map.extend(std::iter::repeat_n(i, f.len_utf8()));
        }
        self.map.push(haystack.len());
    }

    fn original(&self, folded: usize) -> usize {
        self.map.get(folded).copied().unwrap_or(self.original_len)
    }
}

/// All matches in an article, in reading order (the order of `Article::parts()`).
pub fn find_in_article(article: &Article, query: &Query) -> Vec<Match> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for (part, text) in article.parts() {
        query.search(text, &mut scratch, &mut |range| {
            out.push(Match { part, range })
        });
    }
    out
}

/// All matches in the newsletter, in reading order.
pub fn find_in_newsletter(doc: &Newsletter, query: &Query) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for (article, (_, a)) in doc.articles().enumerate() {
        for (part, text) in a.parts() {
            query.search(text, &mut scratch, &mut |range| {
                out.push(Hit {
                    article,
                    part,
                    range,
                });
            });
        }
    }
    out
}

/// A snippet of context around `range` in `text` that fits `width` columns, with `…` where it
/// was cut; the match's byte range within the snippet.
pub fn snippet(text: &str, range: Range<usize>, width: usize) -> (String, Range<usize>) {
    let range = range.start.min(text.len())..range.end.min(text.len());
    let (Some(before), Some(hit), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return (String::new(), 0..0);
    };
    let hit_w = display_width(hit);
    if hit_w >= width {
        let cut = truncate(hit, width).into_owned();
        let len = cut.len();
        return (cut, 0..len);
    }
    // A third of the room before the match, the rest after it.
    let room = width - hit_w;
    let mut left = String::new();
    let mut used = 0;
    let want_left = room / 3;
    let mut chars = before.chars().rev().peekable();
    while let Some(&c) = chars.peek() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > want_left {
            break;
        }
        used += w;
        left.insert(0, c);
        chars.next();
    }
    if chars.peek().is_some() {
        left.insert(0, '…');
        used += 1;
    }
    let right = truncate(after, room.saturating_sub(used));
    let mut out = left;
    let start = out.len();
    out.push_str(hit);
    let end = out.len();
    out.push_str(&right);
    (out, start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ArticleKind, Block, BlockKind};

    fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        Query::new(query)
            .unwrap()
            .find_in(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(Query::new("").is_none());
        assert!(Query::new(" \u{3000} ").is_none());
    }

    #[test]
    fn latin_is_case_insensitive_until_a_capital_is_typed() {
        assert_eq!(
            found("union", "Union union UNION"),
            ["Union", "union", "UNION"]
        );
        assert_eq!(found("Union", "Union union UNION"), ["Union"]);
        assert_eq!(found("straße", "STRASSE Straße"), ["Straße"]);
    }

    #[test]
    fn full_width_and_half_width_are_the_same() {
        assert_eq!(found("2023", "２０２３年和2023年"), ["２０２３", "2023"]);
        assert_eq!(found("，", "甲,乙，丙"), [",", "，"]);
        assert_eq!(found("ab", "ＡＢ和ab"), ["ＡＢ", "ab"]);
        assert_eq!(found("２０２３", "2023"), ["2023"]);
    }

    #[test]
    fn a_space_matches_any_run_of_spaces_or_nothing_between_cjk() {
        assert_eq!(
            found("提案 工作", "提案工作和提案  工作"),
            ["提案工作", "提案  工作"]
        );
        assert_eq!(
            found("open source", "open   source, opensource"),
            ["open   source"]
        );
        assert_eq!(
            found("open source", "open\u{3000}source"),
            ["open\u{3000}source"]
        );
        assert_eq!(found("工会 2023", "工会2023"), Vec::<&str>::new());
    }

    #[test]
    fn matches_do_not_overlap_and_ranges_are_the_original_bytes() {
        assert_eq!(found("aa", "aaa"), ["aa"]);
        let text = "Ｔｈｅ ＵＮＩＯＮ";
        let ranges = Query::new("union").unwrap().find_in(text);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "ＵＮＩＯＮ");
    }

    #[test]
    fn emoji_and_combining_marks_are_just_text() {
        assert_eq!(
            found("e\u{301}", "cafe\u{301} 😀 e\u{301}"),
            ["e\u{301}", "e\u{301}"]
        );
        assert_eq!(found("😀", "a😀b"), ["😀"]);
    }

    #[test]
    fn a_match_crosses_a_join_the_parser_made() {
        // The parser joined "…推动" and "全民健身…" into one block: one text to search.
        let article = Article {
            title: "标题".into(),
            title_inferred: false,
            subtitle: None,
            byline: Some("记者 王五".into()),
            kind: ArticleKind::Story,
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: "这次活动为推动全民健身提供了平台。".into(),
            }],
        };
        let q = Query::new("推动全民").unwrap();
        let m = find_in_article(&article, &q);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].part, Part::Block(0));
        let q = Query::new("王五").unwrap();
        assert_eq!(find_in_article(&article, &q)[0].part, Part::Byline);
    }

    #[test]
    fn snippets_fit_their_width_and_keep_the_match() {
        let text = "十三届全国人大及其常委会通过宪法修正案，制定法律47件，修改法律111件次。";
        let q = Query::new("制定法律").unwrap();
        let r = q.find_in(text)[0].clone();
        for width in [8, 12, 20, 30, 80] {
            let (s, m) = snippet(text, r.clone(), width);
            assert!(display_width(&s) <= width, "{s} at {width}");
            assert_eq!(&s[m.clone()], "制定法律");
            // Context was dropped, and there was room to say so.
            if width < display_width(text) && width > display_width("制定法律") {
                assert!(s.contains('…'), "{s}");
            }
        }
        let (s, m) = snippet(text, r, 5);
        assert!(display_width(&s) <= 5);
        assert_eq!(m.start, 0);
    }

    proptest::proptest! {
        #[test]
        fn a_substring_is_found_where_it_is(
            text in "[a-z工会人大 ]{0,40}",
            start in 0usize..40,
            len in 1usize..6,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let start = start.min(chars.len());
            let end = (start + len).min(chars.len());
            let needle: String = chars[start..end].iter().collect();
            proptest::prop_assume!(!needle.contains(' ') && !needle.is_empty());
            let ranges = Query::new(&needle).unwrap().find_in(&text);
            proptest::prop_assert!(!ranges.is_empty());
            for r in &ranges {
                proptest::prop_assert_eq!(&text[r.clone()], needle.as_str());
            }
            for w in ranges.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
        }
    }
}
