//! Where a line of text may break: grapheme clusters measured by the one display width
//! ([`crate::text::width`]), and the break opportunities between them — UAX #14 adjusted by the
//! rules of Chinese typesetting.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;

/// The one measure lives in [`crate::text::width`]; re-exported where the layout's callers found
/// it.
pub use crate::text::width::{cluster_width, display_width};

/// The mark may not start a line (W3C clreq, GB/T 15834), full-width and ASCII.
pub fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '〗'
            | '〙'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '…'
            | '·'
            | '・'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '％'
            | '．'
            | '｡'
            | '､'
            | '々'
            | 'ゝ'
            | 'ゞ'
            | 'ー'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// The mark may not end a line.
pub fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '（'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '〖'
            | '〘'
            | '［'
            | '｛'
            | '('
            | '['
            | '{'
    )
}

/// Units that belong to the number before them (`1.8万`, `3‰`).
const NUMBER_UNITS: &[char] = &['万', '亿', '‰', '℃'];

/// The longest start of `text` that fits in `width` columns, with `…` at its end when it had to
/// be cut; never cuts inside a cluster, never leaves a wide character half drawn.
pub fn truncate(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    // One pass that stops at the edge: titles and snippets may be cut from very long texts.
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut end = None;
    for c in crate::text::width::clusters(text) {
        used += c.width;
        if end.is_none() && used > room {
            end = Some(c.start);
        }
        if used > width {
            return match (width, end) {
                (0, _) => "".into(),
                (_, Some(end)) => format!("{}…", text[..end].trim_end()).into(),
                (_, None) => "…".into(),
            };
        }
    }
    text.into()
}

/// The longest end of `text` that fits in `width` columns, with `…` at its start when it had to
/// be cut: for paths, whose end (the file's name) says the most.
pub fn truncate_start(text: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if display_width(text) <= width {
        return text.into();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut start = text.len();
    for (at, g) in text.grapheme_indices(true).rev() {
        used += cluster_width(g);
        if used > room {
            break;
        }
        start = at;
    }
    match width {
        0 => "".into(),
        _ => format!("…{}", &text[start..]).into(),
    }
}

/// One grapheme cluster of a text, measured: the line breaker's unit.
pub use crate::text::width::Cluster;

/// What the line breaker needs to know about a cluster.
impl Cluster {
    /// Blank space (not drawn at a line end, skipped at a continuation line's start).
    pub fn is_space(&self) -> bool {
        self.first.is_whitespace() && self.first != '\n'
    }

    /// A hard line break inside the text.
    pub fn is_newline(&self) -> bool {
        self.first == '\n'
    }

    /// May not start a line.
    pub fn no_start(&self) -> bool {
        is_no_start(self.first)
    }

    /// May not end a line.
    pub fn no_end(&self) -> bool {
        is_no_end(self.last)
    }

    /// Set two columns wide.
    fn is_wide(&self) -> bool {
        self.width == 2
    }
}

/// The clusters of `text` in order, split and measured by [`crate::text::width::clusters`].
pub fn clusters(text: &str) -> Vec<Cluster> {
    let mut out = Vec::with_capacity(text.len() / 2 + 1);
    out.extend(crate::text::width::clusters(text));
    out
}

/// Break opportunities of a text split into `clusters`: element `i` tells whether a line may
/// end before cluster `i`. Element 0 is always false and element `clusters.len()` always true.
pub fn break_opportunities(text: &str, clusters: &[Cluster]) -> Vec<bool> {
    let n = clusters.len();
    let mut allowed = vec![false; n + 1];
    allowed[n] = true;

    // UAX #14 as the base, kept only where it falls on a cluster boundary.
    let mut ci = 0;
    for (byte, _) in linebreaks(text)
        .filter(|&(_, op)| matches!(op, BreakOpportunity::Allowed | BreakOpportunity::Mandatory))
    {
        while ci < n && clusters[ci].start < byte {
            ci += 1;
        }
        if ci < n && clusters[ci].start == byte && ci > 0 {
            allowed[ci] = true;
        }
    }

    // The last cluster before `i` that is not a space: an opening mark keeps its hold on what
    // follows across spaces (`“ 好` does not break after the space either).
    let mut visible = 0;
    for i in 1..n {
        let (prev, next) = (&clusters[i - 1], &clusters[i]);
        if !prev.is_space() {
            visible = i - 1;
        }
        if next.is_newline() || prev.is_newline() {
            allowed[i] = true;
            continue;
        }
        if !allowed[i] && quote_break(prev, next) {
            allowed[i] = true;
        }
        if allowed[i] && (forbidden(prev, next) || clusters[visible].no_end()) {
            allowed[i] = false;
        }
    }
    allowed
}

/// UAX #14 keeps curly quotes to both neighbours; between wide characters Chinese text breaks
/// before an opening quote and after a closing one (`了。”` / `伴随`, `说：` / `“我`).
fn quote_break(prev: &Cluster, next: &Cluster) -> bool {
    let opens = matches!(next.first, '“' | '‘')
        && (prev.is_wide() || matches!(prev.last, ',' | '.' | ';' | ':' | '!' | '?'));
    let closes = matches!(prev.last, '”' | '’') && next.is_wide();
    opens || closes
}

/// Breaks the Chinese rules forbid even where UAX #14 allows them.
fn forbidden(prev: &Cluster, next: &Cluster) -> bool {
    next.no_start()
        || prev.no_end()
        || (prev.last == '—' && next.first == '—')
        || (prev.last.is_ascii_digit() && NUMBER_UNITS.contains(&next.first))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` at every break opportunity.
    fn marked(text: &str) -> String {
        let cl = clusters(text);
        let allowed = break_opportunities(text, &cl);
        let mut out = String::new();
        for (i, c) in cl.iter().enumerate() {
            if i > 0 && allowed[i] {
                out.push('|');
            }
            out.push_str(&text[c.start..c.end]);
        }
        out
    }

    #[test]
    fn han_characters_break_anywhere_but_before_closing_marks() {
        assert_eq!(marked("我们，你们。"), "我|们，|你|们。");
        assert_eq!(marked("（注）书名《红楼梦》"), "（注）|书|名|《红|楼|梦》");
    }

    #[test]
    fn curly_quotes_break_on_their_outer_side_next_to_han() {
        assert_eq!(marked("说：“好。”伴随"), "说：|“好。”|伴|随");
        assert_eq!(marked("了,“伴"), "了,|“伴");
        // An apostrophe inside a Latin word stays put.
        assert_eq!(marked("don’t stop"), "don’t |stop");
    }

    #[test]
    fn dashes_ellipses_numbers_and_words_stay_whole() {
        assert_eq!(marked("好——是"), "好|——|是");
        assert_eq!(marked("好……是"), "好……|是");
        assert_eq!(marked("达1.8万人"), "达|1.8万|人");
        assert_eq!(marked("增长3.14%了"), "增|长|3.14%|了");
        assert_eq!(marked("2023年"), "2023|年");
        assert_eq!(marked("open source"), "open |source");
    }

    #[test]
    fn ascii_punctuation_in_chinese_text_follows_the_same_rules() {
        assert_eq!(marked("中,文:是(注)吗"), "中,|文:|是|(注)|吗");
        assert_eq!(marked("甲·乙"), "甲·|乙");
    }

    #[test]
    fn truncation_cuts_whole_clusters_and_marks_the_cut() {
        assert_eq!(truncate("新闻标题", 8), "新闻标题");
        assert_eq!(truncate("新闻标题", 7), "新闻标…");
        assert_eq!(truncate("新闻标题", 6), "新闻…");
        assert_eq!(truncate("新闻标题", 1), "…");
        assert_eq!(truncate("新闻标题", 0), "");
        assert_eq!(truncate("Big news today", 9), "Big news…");
    }

    #[test]
    fn the_fast_path_splits_exactly_as_unicode_segmentation() {
        let text = "中文,English “引号”——…… 12% e\u{301} 👩\u{200d}👩\u{200d}👧 🇨🇳🇯🇵 \
                    ｶﾞ か\u{3099} 한국어 a\u{200d}b \u{fe0f}x\r\n。";
        let ours: Vec<&str> = clusters(text)
            .iter()
            .map(|c| &text[c.start..c.end])
            .collect();
        let theirs: Vec<&str> = text.graphemes(true).collect();
        assert_eq!(ours, theirs);
        let widths: Vec<usize> = clusters(text).iter().map(|c| c.width).collect();
        let expected: Vec<usize> = theirs.iter().map(|g| cluster_width(g)).collect();
        assert_eq!(widths, expected);
    }

    #[test]
    fn widths_are_measured_by_cluster() {
        assert_eq!(display_width("中文ab"), 6);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("👩‍👩‍👧"), 2);
        assert_eq!(display_width("“”——…"), 5);
    }
}
