//! Columns set side by side on each line, as `pdftotext -layout` gives a newspaper page: each
//! band of lines read column after column.
//!
//! A band is a run of lines between blank lines (a module of the page: a headline over its
//! columns, a story in three columns). pdftotext places text by where it lies on the page, so a
//! column's lines start within a few display columns of each other (wide and narrow characters
//! put them a little out of line), and columns are apart by three spaces or more: a line's
//! parts are its runs of text between such gaps, and a band's columns start where the parts of
//! enough of its lines start. Each column's share of the band's lines is then given in turn,
//! its paragraphs' first-line indent kept as an ideographic space (which the parser takes as a
//! paragraph's start, and trims). A line alone (a running header: date, page, editor) is cut
//! where wide gaps separate its parts.

use crate::text::display_width;

/// Fewest spaces that separate the parts of a line alone (`日期      第1版 要闻      责任编辑`).
const PARTS_GAP: usize = 4;

/// Spaces that indent a paragraph's first line in its column, at least.
const INDENT: usize = 2;

/// Whether `text` has columns side by side: a good share of its lines hold a wide gap between
/// two runs of text.
pub(super) fn is_layout(text: &str) -> bool {
    let (mut lines, mut gapped) = (0usize, 0usize);
    for line in text.lines().take(2000) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        if inner_gap(line.trim_start()) >= 3 {
            gapped += 1;
        }
    }
    lines >= 4 && gapped * 4 >= lines
}

/// The longest run of spaces between two characters of `line`.
fn inner_gap(line: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in line.chars() {
        if c == ' ' {
            run += 1;
        } else {
            best = best.max(run);
            run = 0;
        }
    }
    best
}

/// `text` with each band's columns one after the other.
pub(super) fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut band: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            unfold_band(&band, &mut out);
            band.clear();
            out.push('\n');
        } else {
            band.push(line.trim_end());
        }
    }
    unfold_band(&band, &mut out);
    out
}

/// How far apart (in display columns) the starts of two lines' parts may be and still be the
/// same column: pdftotext places text by its position on the page, and wide and narrow
/// characters put a column's lines a little out of line.
const SLOP: usize = 5;

/// The parts of a line (its runs of text between gaps of three spaces or more), each with the
/// display column it starts at.
fn parts(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut x, mut spaces) = (0, 0);
    let mut current: Option<(usize, usize)> = None; // (display start, byte start)
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' {
            spaces += 1;
            x += 1;
            continue;
        }
        if spaces >= 3
            && let Some((start, from)) = current.take()
        {
            out.push((start, &line[from..end]));
        }
        spaces = 0;
        if current.is_none() {
            current = Some((x, i));
        }
        x += display_width(c.encode_utf8(&mut [0; 4]));
        end = i + c.len_utf8();
    }
    if let Some((start, from)) = current {
        out.push((start, &line[from..end]));
    }
    out
}

fn unfold_band(band: &[&str], out: &mut String) {
    if band.is_empty() {
        return;
    }
    if band.len() == 1 {
        // A line alone: its parts, each a line of its own.
        for part in split_parts(band[0]) {
            out.push_str(part);
            out.push_str("\n\n");
        }
        return;
    }
    let rows: Vec<Vec<(usize, &str)>> = band.iter().map(|l| parts(l)).collect();
    let edges = column_edges(&rows);
    let column_of = |x: usize| edges.iter().rposition(|&e| x + SLOP >= e).unwrap_or(0);
    for (c, &edge) in edges.iter().enumerate() {
        if c > 0 {
            out.push('\n');
        }
        for row in &rows {
            let mut mine = row.iter().filter(|p| column_of(p.0) == c).peekable();
            let Some(&&(start, _)) = mine.peek() else {
                continue;
            };
            if start >= edge + INDENT {
                out.push('\u{3000}');
            }
            for (i, (_, text)) in mine.enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(text);
            }
            out.push('\n');
        }
    }
}

/// Where a band's columns start: the starts of its lines' parts gathered where they lie within
/// [`SLOP`] of each other, each gathering the start of a column if enough lines make it (a
/// headline set in the middle of the band makes none). The first column starts at the left.
fn column_edges(rows: &[Vec<(usize, &str)>]) -> Vec<usize> {
    let mut starts: Vec<usize> = rows.iter().flatten().map(|&(x, _)| x).collect();
    starts.sort_unstable();
    let mut groups: Vec<(usize, usize, usize)> = Vec::new(); // (first, last, count)
    for x in starts {
        match groups.last_mut() {
            Some((_, last, n)) if x <= *last + SLOP => {
                *last = x;
                *n += 1;
            }
            _ => groups.push((x, x, 1)),
        }
    }
    let support = (rows.len() / 4).max(2);
    let mut edges: Vec<usize> = groups
        .iter()
        .filter(|&&(_, _, n)| n >= support)
        .map(|&(first, _, _)| first)
        .collect();
    match edges.first() {
        Some(&e) if e <= SLOP => edges[0] = 0,
        _ => edges.insert(0, 0),
    }
    edges
}

/// The parts of a line alone, where spaces at least [`PARTS_GAP`] wide separate them.
fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = None;
    let mut spaces = 0;
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces >= PARTS_GAP
            && let Some(s) = start
        {
            parts.push(line[s..end].trim());
            start = None;
        }
        spaces = 0;
        start.get_or_insert(i);
        end = i + c.len_utf8();
    }
    if let Some(s) = start {
        parts.push(line[s..end].trim());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_side_by_side_are_read_one_after_the_other() {
        // The second column starts at display column 26 on every line, as pdftotext sets it.
        let text = concat!(
            "   第一栏的第一段开头     第二栏接着写下去\n",
            "第一段的第二行文字。      第二栏的第二行文字\n",
            "   第一栏的第二段开头     第二栏写完了。\n",
        );
        assert!(is_layout(&text.repeat(4)));
        assert_eq!(
            unfold(text),
            "\u{3000}第一栏的第一段开头\n第一段的第二行文字。\n\u{3000}第一栏的第二段开头\n\n\
             第二栏接着写下去\n第二栏的第二行文字\n第二栏写完了。\n"
        );
    }

    #[test]
    fn a_line_alone_is_cut_into_its_parts() {
        assert_eq!(
            unfold("2024年5月6日 星期一      第1版 要闻      责任编辑:李明\n"),
            "2024年5月6日 星期一\n\n第1版 要闻\n\n责任编辑:李明\n\n"
        );
    }

    #[test]
    fn prose_is_no_layout() {
        let text =
            "这是一段普通的文字。\n\nThe quick brown fox jumps over the lazy dog.\n".repeat(10);
        assert!(!is_layout(&text));
    }
}
