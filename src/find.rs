//! Finding text: query folding (smart case, full-width forms as half-width), the whitespace rule
//! (a space matches any run of spaces, or nothing between two CJK characters), all matches in an
//! article or the whole newsletter, and snippets of context for the results.
//!
//! Matches are byte ranges of the original text. A query that folding cannot affect (CJK text
//! with no Latin letters, digits or spaces) is looked for directly in the text with `memmem`;
//! any other query is looked for in the text as it is too, unless the part holds a character
//! that folds onto one of the query's (a full-width form, a capital when case is ignored): only
//! such parts are folded, into a reused buffer.

use std::ops::Range;

use memchr::memmem;

use unicode_segmentation::UnicodeSegmentation;

use crate::doc::{Article, Newsletter, Part};
use crate::layout::truncate;
use crate::text::{cluster_width, display_width, script};

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
    /// The first word, built once: a part is scanned for it tens of thousands of times.
    first: memmem::Finder<'static>,
    /// The forms the first word's first character may take in the text (itself, other case,
    /// full width): a part with none of them cannot hold a match.
    first_forms: Vec<memmem::Finder<'static>>,
    /// Characters that fold onto one of the query's (full-width forms, and capitals when case
    /// is ignored): a part with none of them is searched as it is, without a folded copy.
    triggers: Vec<memmem::Finder<'static>>,
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
        '\u{3000}' => ' ',
        _ => script::ascii_of_fullwidth(c).unwrap_or(c),
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
        // A capital typed in full width (an input method's full-width mode) is taken as the
        // letter, not as a wish to match case: `Ａ` finds `a`.
        let case_sensitive = text
            .chars()
            .any(|c| c.is_uppercase() && script::ascii_of_fullwidth(c).is_none());
        let tokens: Vec<String> = unfolded
            .iter()
            .map(|t| t.chars().map(|c| fold(c, !case_sensitive)).collect())
            .collect();
        let optional_gaps = tokens
            .windows(2)
            .map(|w| {
                w[0].chars().next_back().is_some_and(script::is_wide)
                    && w[1].chars().next().is_some_and(script::is_wide)
            })
            .collect();
        // Folding maps onto ASCII and lower case only: a query with neither finds the same
        // bytes in the text as in its folded form.
        let direct = tokens.len() == 1
            && tokens[0]
                .chars()
                .all(|c| !c.is_ascii() && !c.is_lowercase() && !c.is_uppercase());
        let finder =
            |c: char| memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned();
        let first_char = tokens[0].chars().next()?;
        let mut first_forms = vec![first_char];
        let mut triggers = Vec::new();
        let mut seen = Vec::new();
        for c in tokens.iter().flat_map(|t| t.chars()) {
            if !seen.contains(&c) {
                seen.push(c);
                triggers.extend(folds_onto(c, case_sensitive));
            }
        }
        first_forms.extend(folds_onto(first_char, case_sensitive));
        first_forms.dedup();
        triggers.sort_unstable();
        triggers.dedup();
        Some(Query {
            text: text.trim().to_string(),
            first: memmem::Finder::new(tokens[0].as_bytes()).into_owned(),
            first_forms: first_forms.into_iter().map(finder).collect(),
            triggers: triggers.into_iter().map(finder).collect(),
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
            let len = self.first.needle().len();
            let mut at = 0;
            while let Some(i) = self.first.find(&haystack.as_bytes()[at..]) {
                found(at + i..at + i + len);
                at += i + len;
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
        let first_len = self.first.needle().len();
        let mut at = 0;
        while let Some(i) = self.first.find(&text.as_bytes()[at..]) {
            let start = at + i;
            match self.rest_matches(text, start + first_len) {
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

    /// Whether the haystack holds a character that folds onto one of the query's. (An
    /// ideographic space needs no folding: the whitespace rule sees it as a space anyway.)
    fn needs_folding(&self, haystack: &str) -> bool {
        let bytes = haystack.as_bytes();
        self.triggers.iter().any(|f| f.find(bytes).is_some())
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

    /// A quick look for a way the first word's first character could appear in the text; the
    /// rest is skipped for texts without one.
    fn may_occur(&self, haystack: &str) -> bool {
        let bytes = haystack.as_bytes();
        self.first_forms.iter().any(|f| f.find(bytes).is_some())
    }
}

/// The other characters of a text that fold onto `c` (itself folded): its full-width form and,
/// when case is ignored, its capitals and their full-width forms.
fn folds_onto(c: char, case_sensitive: bool) -> Vec<char> {
    let mut out: Vec<char> = script::fullwidth_of_ascii(c).into_iter().collect();
    if !case_sensitive {
        for u in c.to_uppercase().filter(|&u| u != c) {
            out.push(u);
            out.extend(script::fullwidth_of_ascii(u));
        }
    }
    out
}

/// A folded copy of a text and the way back to the original's offsets, reused between parts.
#[derive(Debug, Default)]
struct Scratch {
    text: String,
    /// `(folded, original)` offsets just after each character whose folded form has another
    /// length (a full-width form is 3 bytes, its ASCII 1): between two of them both texts
    /// advance together, so this stays small where a byte-for-byte map would be 8 bytes a byte.
    shifts: Vec<(usize, usize)>,
    original_len: usize,
}

impl Scratch {
    fn fold(&mut self, haystack: &str, lower: bool) {
        self.text.clear();
        self.shifts.clear();
        self.original_len = haystack.len();
        // Copy runs that folding leaves alone in one go.
        let mut run = 0;
        for (i, c) in haystack.char_indices() {
            let f = fold(c, lower);
            if f == c {
                continue;
            }
            self.text.push_str(&haystack[run..i]);
            self.text.push(f);
            run = i + c.len_utf8();
            if f.len_utf8() != c.len_utf8() {
                self.shifts.push((self.text.len(), run));
            }
        }
        self.text.push_str(&haystack[run..]);
    }

    /// The original offset of a character boundary of the folded text.
    fn original(&self, folded: usize) -> usize {
        let i = self.shifts.partition_point(|&(f, _)| f <= folded);
        let (f, o) = i.checked_sub(1).map_or((0, 0), |i| self.shifts[i]);
        (o + (folded - f)).min(self.original_len)
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
    find_from(doc, query, 0)
}

/// [`find_in_newsletter`] in the articles from number `first` on (those that arrived since a
/// search of a newsletter still being read).
pub fn find_from(doc: &Newsletter, query: &Query, first: usize) -> Vec<Hit> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    for (article, (_, a)) in doc.articles().enumerate().skip(first) {
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

/// A snippet of context around `range` in `text` that fits `width` display columns, with the
/// match inside it: the snippet and the match's byte range within it. Cut by display width with
/// `…` at cut ends, never inside a grapheme cluster; line breaks and tabs become spaces (a
/// result is one row).
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
        let cut = one_row(&truncate(hit, width));
        let len = cut.len();
        return (cut, 0..len);
    }
    // A third of the room before the match, the rest after it.
    let room = width - hit_w;
    let left = tail(before, room / 3);
    let right = truncate(after, room - display_width(&left));
    let mut out = left;
    let start = out.len();
    out.push_str(hit);
    let end = out.len();
    out.push_str(&right);
    (one_row(&out), start..end)
}

/// The longest end of `text` that fits in `width` columns, with `…` at its start when it had
/// to be cut.
fn tail(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut used = 1; // the `…`
    let mut start = text.len();
    for (at, g) in text.grapheme_indices(true).rev() {
        let w = cluster_width(g);
        if used + w > width {
            break;
        }
        used += w;
        start = at;
    }
    if width == 0 {
        return String::new();
    }
    format!("…{}", text[start..].trim_start())
}

/// The text with line breaks and tabs as spaces: byte for byte, so ranges into it still hold.
fn one_row(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests;
