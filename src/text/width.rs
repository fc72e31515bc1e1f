//! The one display width: how many terminal columns a text takes, measured as ratatui's buffer
//! measures it when it draws — by grapheme cluster, each its `unicode-width` width clamped to
//! 0..=2 (a ZWJ family is one emoji two columns wide, not the six its parts add up to).
//! Layout, the UI, find, the sanitiser's tab stops and the parser all measure with it, so a
//! headline the parser calls 64 columns is 64 columns on screen.
//!
//! Nearly all of a newsletter is printable ASCII, Latin-1, CJK punctuation, kana and Han, where
//! every character is a cluster of its own: those runs are measured character by character,
//! and only the rest (combining marks, joiners, variation selectors, emoji, jamo…) is split
//! into clusters by `unicode-segmentation`. The results are the same either way. Each
//! character is decoded once: the parser measures every line it reads, often more than once,
//! and the layout splits every text it sets.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of one grapheme cluster: its `unicode-width` width clamped to 0..=2, the
/// measure ratatui's buffer uses when it places the cluster in cells.
pub fn cluster_width(cluster: &str) -> usize {
    cluster.width().min(2)
}

/// Characters that always make a grapheme cluster of their own when the next character is one
/// of them too: printable ASCII and Latin-1, general punctuation, CJK punctuation, kana, Han,
/// full-width forms. (Combining marks, joiners, variation selectors, Hangul jamo, regional
/// indicators and emoji are not among them.) For one of them alone, the character's width is
/// the cluster's.
fn is_simple(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7E
        | 0xA0..=0x2FF
        | 0x2010..=0x2027
        | 0x2030..=0x205E
        | 0x3000..=0x3029
        | 0x3030..=0x303F
        | 0x3041..=0x3096
        | 0x30A0..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xFF01..=0xFF9D)
}

/// One grapheme cluster of a text, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Columns it takes (0..=2): its [`cluster_width`].
    pub width: usize,
    /// First character.
    pub first: char,
    /// Last character.
    pub last: char,
}

/// The grapheme clusters of a text, measured, in order: see [`clusters`].
#[derive(Debug, Clone)]
pub struct Clusters<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    /// The next character, with whether it is simple: each is decoded and asked once.
    next: Option<(usize, char, bool)>,
}

impl Clusters<'_> {
    #[inline]
    fn advance(&mut self) {
        self.next = self.chars.next().map(|(at, c)| (at, c, is_simple(c)));
    }
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    #[inline]
    fn next(&mut self) -> Option<Cluster> {
        let (start, first, simple) = self.next?;
        self.advance();
        if simple && self.next.is_none_or(|(_, _, s)| s) {
            return Some(Cluster {
                start,
                end: start + first.len_utf8(),
                width: first.width().unwrap_or(0).min(2),
                first,
                last: first,
            });
        }
        // From a cluster boundary, so the first grapheme is the next cluster.
        let rest = &self.text[start..];
        let g = rest.graphemes(true).next().unwrap_or(rest);
        let end = start + g.len();
        let mut last = first;
        while let Some((_, c, _)) = self.next.filter(|&(at, _, _)| at < end) {
            last = c;
            self.advance();
        }
        Some(Cluster {
            start,
            end,
            width: cluster_width(g),
            first,
            last,
        })
    }
}

/// The grapheme clusters of `text`, exactly as `unicode-segmentation` splits it, each with its
/// bytes, its [`cluster_width`] and its first and last characters.
#[inline]
pub fn clusters(text: &str) -> Clusters<'_> {
    let mut out = Clusters {
        text,
        chars: text.char_indices(),
        next: None,
    };
    out.advance();
    out
}

/// Display width of a text in terminal columns: the sum of its clusters' widths.
pub fn display_width(text: &str) -> usize {
    columns_upto(text, usize::MAX)
}

/// Whether `text` is wider than `max` columns: [`display_width`] that stops as soon as it
/// knows.
pub fn wider_than(text: &str, max: usize) -> bool {
    columns_upto(text, max) > max
}

/// The width of `text`, or of as much of it as first passes `max` columns: [`clusters`]'
/// widths added up, in a loop of its own because it is the parser's inner loop (it measures
/// every line it reads, often more than once) and needs neither the clusters' bytes nor their
/// characters.
fn columns_upto(text: &str, max: usize) -> usize {
    // Printable ASCII, the most common line of all, without decoding.
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return text.len();
    }
    let mut columns = 0;
    let mut chars = text.char_indices().map(|(at, c)| (at, c, is_simple(c)));
    let mut next = chars.next();
    while let Some((at, c, simple)) = next {
        next = chars.next();
        if simple && next.is_none_or(|(_, _, s)| s) {
            columns += c.width().unwrap_or(0).min(2);
        } else {
            let rest = &text[at..];
            let g = rest.graphemes(true).next().unwrap_or(rest);
            columns += cluster_width(g);
            let end = at + g.len();
            while next.is_some_and(|(i, _, _)| i < end) {
                next = chars.next();
            }
        }
        if columns > max {
            break;
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of text the fast paths must agree on with plain segmentation: ASCII, CJK,
    /// combining marks, joiners, flags, variation selectors, jamo, half-width kana with their
    /// marks, CRLF and lone controls.
    const MIXED: &str = "中文,English “引号”——…… 12% e\u{301} 👩\u{200d}👩\u{200d}👧 🇨🇳🇯🇵 \
                         ｶﾞ か\u{3099} 한국어 \u{1100}\u{1161}\u{11a8} a\u{200d}b \u{fe0f}x \
                         ☺\u{fe0f} ✌\u{1f3fd} \r\n。\na\u{301}\u{301}b\t\u{ad}ÿ";

    #[test]
    fn clusters_are_unicode_segmentations() {
        let ours: Vec<(usize, &str)> = clusters(MIXED)
            .map(|c| (c.start, &MIXED[c.start..c.end]))
            .collect();
        let theirs: Vec<(usize, &str)> = MIXED.grapheme_indices(true).collect();
        assert_eq!(ours, theirs);
        for (c, (_, g)) in clusters(MIXED).zip(theirs) {
            assert_eq!(c.width, cluster_width(g), "{g:?}");
            assert_eq!(Some(c.first), g.chars().next(), "{g:?}");
            assert_eq!(Some(c.last), g.chars().next_back(), "{g:?}");
        }
    }

    #[test]
    fn every_start_of_a_text_measures_as_its_clusters() {
        // Each suffix starting on a boundary: the fast paths look one character ahead, and the
        // text's end is where that look finds nothing.
        for (at, _) in MIXED.grapheme_indices(true) {
            for end in MIXED[at..]
                .grapheme_indices(true)
                .map(|(e, g)| at + e + g.len())
            {
                let text = &MIXED[at..end];
                let slow: usize = text.graphemes(true).map(cluster_width).sum();
                assert_eq!(display_width(text), slow, "{text:?}");
                assert!(!wider_than(text, slow), "{text:?}");
                assert_eq!(
                    wider_than(text, slow.saturating_sub(1)),
                    slow > 0,
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn widths_are_the_terminals() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("中文ab"), 6);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("👩‍👩‍👧"), 2);
        assert_eq!(display_width("“”——…"), 5);
        assert_eq!(display_width("，。、：；！？"), 14);
        assert_eq!(display_width("☺\u{fe0f}"), 2);
        assert_eq!(display_width("🇨🇳"), 2);
    }
}
