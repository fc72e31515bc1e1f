//! Greedy line filling by display width, with hanging punctuation and push-down.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::breaks::{Cluster, break_opportunities, cluster_width, clusters};

/// How [`wrap`] fills lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrapOptions {
    /// Columns reserved right of the line into which a mark that may not start a line can hang
    /// (`，` `。` `”`) instead of pushing the previous character down.
    pub gutter: usize,
    /// Columns kept free at the start of the first line (a paragraph indent).
    pub first_indent: usize,
}

impl Default for WrapOptions {
    fn default() -> Self {
        WrapOptions {
            gutter: 1,
            first_indent: 0,
        }
    }
}

/// One line on screen: a byte range of the wrapped text and the columns it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// The bytes drawn on this line; spaces at the break are not part of it.
    pub range: Range<usize>,
    /// Its display width (a hanging mark may take it past the width, into the gutter).
    pub width: usize,
}

/// Lays `text` out in lines at most `width` columns wide (plus the gutter for a hanging mark).
///
/// Lines break only where [`break_opportunities`] allows; a word wider than the line is cut at
/// grapheme boundaries; a cluster wider than the whole line gets a line of its own. A newline in
/// the text ends a line. Width 0 is taken as 1.
pub fn wrap(text: &str, width: usize, options: &WrapOptions) -> Vec<VisualLine> {
    let cl = clusters(text);
    let allowed = break_opportunities(text, &cl);
    let width = width.max(1);
    let n = cl.len();
    let mut lines = Vec::new();
    let mut i = 0;
    let mut first = true;
    while i < n {
        if !first {
            while i < n && cl[i].is_space() {
                i += 1;
            }
            if i == n {
                break;
            }
        }
        let avail = match width.checked_sub(options.first_indent) {
            Some(w) if first && w > 0 => w,
            _ => width,
        };
        first = false;

        let mut used = 0;
        let mut j = i;
        while j < n && !cl[j].is_newline() && used + cl[j].width <= avail {
            used += cl[j].width;
            j += 1;
        }
        if j == n {
            lines.push(line(&cl, i, n));
            break;
        }
        if cl[j].is_newline() {
            lines.push(line(&cl, i, j));
            i = j + 1;
            continue;
        }
        let next = next_line_start(&cl, &allowed, i, j, used, avail + options.gutter);
        lines.push(line(&cl, i, next));
        i = next;
    }
    lines
}

/// A line of preformatted text on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreLine {
    /// Its bytes and width.
    pub line: VisualLine,
    /// It goes on from the line before (that line was cut at the edge).
    pub continued: bool,
}

/// Lays preformatted text (code, a table) out: each line of the text on a line of its own,
/// spaces kept, no line-breaking rules; a line wider than `width` is cut at the edge between
/// clusters and goes on on the next line. Width 0 is taken as 1.
pub fn hard_wrap(text: &str, width: usize) -> Vec<PreLine> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    for row in text.split('\n') {
        let mut from = start;
        let mut used = 0;
        let mut continued = false;
        for (at, g) in row.grapheme_indices(true) {
            let w = cluster_width(g);
            if used + w > width && used > 0 {
                out.push(PreLine {
                    line: VisualLine {
                        range: from..start + at,
                        width: used,
                    },
                    continued,
                });
                from = start + at;
                used = 0;
                continued = true;
            }
            used += w;
        }
        out.push(PreLine {
            line: VisualLine {
                range: from..start + row.len(),
                width: used,
            },
            continued,
        });
        start += row.len() + 1;
    }
    out
}

/// Where the line starting at cluster `i` ends, given that clusters `i..j` fill `used` columns and
/// cluster `j` does not fit: the cluster index the next line starts from.
fn next_line_start(
    cl: &[Cluster],
    allowed: &[bool],
    i: usize,
    j: usize,
    used: usize,
    with_gutter: usize,
) -> usize {
    let n = cl.len();
    // Spaces at the break take no room.
    if let Some(k) = break_at(cl, allowed, j).filter(|&k| k > i) {
        return k;
    }
    // A closing mark hangs into the gutter when it (and any closing mark after it) fits there.
    if cl[j].no_start() && j > i {
        let mut k = j;
        let mut w = used;
        while k < n && cl[k].no_start() && w + cl[k].width <= with_gutter {
            w += cl[k].width;
            k += 1;
        }
        if let Some(k) = break_at(cl, allowed, k).filter(|_| k > j) {
            return k;
        }
    }
    // Push down: the last opportunity on the line.
    if let Some(b) = (i + 1..j).rev().find(|&b| allowed[b]) {
        return b;
    }
    // No opportunity at all: cut as near the edge as possible without splitting a word, a
    // number, `——` or `……`; failing that, at the edge (at least one cluster, so the text moves).
    (i + 1..=j)
        .rev()
        .find(|&b| !inside_unit(cl, i, b))
        .unwrap_or(j)
        .max(i + 1)
}

/// A line may end before cluster `k`, or after the spaces starting there: where the next line
/// starts.
fn break_at(cl: &[Cluster], allowed: &[bool], k: usize) -> Option<usize> {
    let next = (k..cl.len())
        .find(|&m| !cl[m].is_space())
        .unwrap_or(cl.len());
    (allowed[k] || allowed[next]).then_some(if allowed[next] { next } else { k })
}

/// Cutting before cluster `b` would split a Latin word, a number (`3.14%`), `——` or `……`.
fn inside_unit(cl: &[Cluster], line_start: usize, b: usize) -> bool {
    let (Some(prev), Some(next)) = (cl.get(b.wrapping_sub(1)), cl.get(b)) else {
        return false;
    };
    let (p, n) = (prev.last, next.first);
    let digit_after = |k: usize| cl.get(k).is_some_and(|c| c.first.is_ascii_digit());
    let digit_before = |k: usize| {
        k.checked_sub(1)
            .and_then(|k| cl.get(k))
            .is_some_and(|c| c.last.is_ascii_digit())
    };
    // A run of dashes or ellipsis marks is made of pairs.
    // Counted from the line's start, which never falls inside a pair: bounded by the line.
    let pair_cut = || {
        cl[line_start..b]
            .iter()
            .rev()
            .take_while(|c| c.last == p)
            .count()
            % 2
            == 1
    };
    (p == n && matches!(p, '—' | '…') && pair_cut())
        || (p.is_ascii_alphabetic() && n.is_ascii_alphabetic())
        || (p.is_ascii_digit() && n.is_ascii_digit())
        || (p.is_ascii_digit() && (n == '%' || (matches!(n, '.' | ',') && digit_after(b + 1))))
        || (matches!(p, '.' | ',') && n.is_ascii_digit() && digit_before(b - 1))
}

/// The visual line of clusters `i..j`, without trailing spaces.
fn line(cl: &[Cluster], i: usize, j: usize) -> VisualLine {
    let mut end = j;
    while end > i && (cl[end - 1].is_space() || cl[end - 1].is_newline()) {
        end -= 1;
    }
    if end == i {
        let at = cl.get(i).map_or(0, |c| c.start);
        return VisualLine {
            range: at..at,
            width: 0,
        };
    }
    VisualLine {
        range: cl[i].start..cl[end - 1].end,
        width: cl[i..end].iter().map(|c| c.width).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `text` at `width`, as strings.
    fn lines(text: &str, width: usize, gutter: usize) -> Vec<&str> {
        let opts = WrapOptions {
            gutter,
            first_indent: 0,
        };
        wrap(text, width, &opts)
            .into_iter()
            .map(|l| &text[l.range])
            .collect()
    }

    #[test]
    fn chinese_fills_every_column() {
        assert_eq!(lines("一二三四五六七八", 8, 0), ["一二三四", "五六七八"]);
        // At an odd width a wide character never straddles the edge.
        assert_eq!(
            lines("一二三四五六七八", 7, 0),
            ["一二三", "四五六", "七八"]
        );
    }

    #[test]
    fn a_closing_mark_hangs_into_the_gutter() {
        assert_eq!(lines("一二三,四五", 6, 1), ["一二三,", "四五"]);
        assert_eq!(lines("一二三。四五", 7, 1), ["一二三。", "四五"]);
    }

    #[test]
    fn without_room_to_hang_the_previous_character_goes_down_with_the_mark() {
        assert_eq!(lines("一二三,四五", 6, 0), ["一二", "三,四", "五"]);
        assert_eq!(lines("一二三。四五", 6, 1), ["一二", "三。四", "五"]);
    }

    #[test]
    fn opening_marks_go_down_with_what_they_open() {
        assert_eq!(lines("一二“三四”", 6, 0), ["一二", "“三四”"]);
        assert_eq!(lines("一二《三》", 6, 0), ["一二", "《三》"]);
    }

    #[test]
    fn latin_words_break_at_spaces_and_drop_them() {
        assert_eq!(
            lines("the quick brown fox", 10, 0),
            ["the quick", "brown fox"]
        );
        assert_eq!(lines("a  b", 1, 0), ["a", "b"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_at_the_edge() {
        assert_eq!(lines("abcdefgh ij", 3, 0), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn a_forced_cut_spares_words_that_fit() {
        // `(` may not end a line, so `((abc` has no opportunity: cut before the word, not in it.
        assert_eq!(lines("((abc", 4, 0), ["((", "abc"]);
        assert_eq!(lines("((——", 3, 0), ["((", "——"]);
        assert_eq!(lines("————", 3, 0), ["——", "——"]);
        assert_eq!(lines("((3.14", 5, 0), ["((", "3.14"]);
    }

    #[test]
    fn numbers_and_dashes_stay_whole_when_they_fit() {
        assert_eq!(lines("共有12345人", 6, 0), ["共有", "12345", "人"]);
        assert_eq!(lines("一二——三", 5, 0), ["一二", "——三"]);
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        for w in 0..4 {
            for g in 0..3 {
                let out = lines("中文，English “引号”——…… 12%", w, g);
                assert!(!out.is_empty());
            }
        }
        assert!(lines("", 10, 1).is_empty());
    }

    #[test]
    fn the_first_line_keeps_its_indent_free() {
        let opts = WrapOptions {
            gutter: 0,
            first_indent: 4,
        };
        let text = "一二三四五六七八";
        let got: Vec<_> = wrap(text, 8, &opts)
            .into_iter()
            .map(|l| &text[l.range])
            .collect();
        assert_eq!(got, ["一二", "三四五六", "七八"]);
    }
}
