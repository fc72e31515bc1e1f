//! Columns set side by side on each line, as `pdftotext -layout` gives a newspaper page: the
//! page cut into its modules and columns, each read in turn.
//!
//! pdftotext places each character in a cell of a grid, one cell a character whether it is
//! wide or narrow, at the cell its place on the page falls in: a column's lines start in the
//! same cell or nearly (a position is counted in characters, never in display columns), and
//! columns are apart by two spaces or more. A line's parts are its runs of text between such
//! gaps. Each page is cut as the paper was set (the "XY cut"; pages apart by form feeds are cut
//! one by one, and a text whose form feeds the sanitiser made blank lines is cut whole, its
//! pages apart by their bands):
//! across at bands of blank lines, down at gutters no part crosses, and where a headline over
//! its module's columns blocks the gutters, under the headline; then again in each piece. One
//! blank line in a column is no band: pdftotext gives a line of its own to each baseline on
//! the page, so a column's lines are apart by a line wherever the column beside has a line
//! in between. What is left is read line by line, left edge first: a line indented from the
//! piece's edge opens a paragraph (kept as an ideographic space, which the parser takes as a
//! paragraph's start, and trims); a short line set further in (a headline centred over its
//! body, a subheading) is a block of its own, one with the lines of its kind right under it;
//! one set to the right edge (a credit) is a block alone. Pieces are apart by blank lines.

use super::rules;

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

/// `text` with each page's modules and columns one after the other.
pub(super) fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for page in text.split('\u{c}') {
        unfold_page(page, &mut out);
        out.push('\n');
    }
    out
}

/// Fewest spaces between two parts of a line.
const GAP: usize = 2;

/// A run of text on a line of the page.
#[derive(Debug)]
struct Part<'a> {
    row: usize,
    /// The cells it takes: `x0..x1`.
    x0: usize,
    x1: usize,
    text: &'a str,
}

/// The parts of a line (its runs of text between gaps of [`GAP`] spaces or more), in the
/// cells they take.
fn parts<'a>(row: usize, line: &'a str, out: &mut Vec<Part<'a>>) {
    let (mut x, mut spaces) = (0, 0);
    let mut current: Option<(usize, usize)> = None; // (first cell, first byte)
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            spaces += 1;
            x += 1;
            continue;
        }
        if spaces >= GAP
            && let Some((x0, from)) = current.take()
        {
            out.push(Part {
                row,
                x0,
                x1: x - spaces,
                text: &line[from..end],
            });
        }
        spaces = 0;
        if current.is_none() {
            current = Some((x, i));
        }
        x += 1;
        end = i + c.len_utf8();
    }
    if let Some((x0, from)) = current {
        out.push(Part {
            row,
            x0,
            x1: x - spaces,
            text: &line[from..end],
        });
    }
}

/// How deep the cutting goes before a piece is read as it stands (bounded work on any page).
const MAX_CUTS: usize = 64;

/// Blank lines across a piece that may be baselines of the columns beside it, at most.
const BAND: usize = 2;

/// At most this many lines over a piece's columns are a headline over them.
const SPANNING: usize = 3;

fn unfold_page(page: &str, out: &mut String) {
    let mut all = Vec::new();
    for (row, line) in page.lines().enumerate() {
        parts(row, line, &mut all);
    }
    if all.is_empty() {
        return;
    }
    let mut blank = vec![true; all[all.len() - 1].row + 1];
    for p in &all {
        blank[p.row] = false;
    }
    let page = Page { all: &all, blank };
    let region: Vec<usize> = (0..all.len()).collect();
    let frame = extent(&all, &region);
    let mut pieces = Vec::new();
    page.cut(region, frame, 0, &mut pieces);
    let mut writer = Writer::default();
    for piece in &pieces {
        writer.piece(&all, piece, out);
    }
}

/// A piece of the page left after cutting: its parts, and the cells of the columns it was cut
/// from (a headline's line is centred over those).
struct Piece {
    parts: Vec<usize>,
    frame: (usize, usize),
}

/// The cells `region`'s parts take, from the leftmost start to the rightmost end.
fn extent(all: &[Part<'_>], region: &[usize]) -> (usize, usize) {
    let x0 = region.iter().map(|&i| all[i].x0).min().unwrap_or(0);
    let x1 = region.iter().map(|&i| all[i].x1).max().unwrap_or(0);
    (x0, x1)
}

/// A page's parts, and which of its lines are blank.
struct Page<'p, 'a> {
    all: &'p [Part<'a>],
    blank: Vec<bool>,
}

impl Page<'_, '_> {
    /// Whether the lines between rows `a` and `b` of a piece, blank in it, are a band across
    /// it: one blank across the page, or more than [`BAND`] (fewer may be baselines of the
    /// columns beside).
    fn band(&self, a: usize, b: usize) -> bool {
        b - a > BAND + 1 || (b - a > 1 && self.blank[a + 1..b].iter().any(|&e| e))
    }

    /// `region` (parts in row order) cut into pieces in reading order, appended to `out`.
    fn cut(&self, region: Vec<usize>, frame: (usize, usize), depth: usize, out: &mut Vec<Piece>) {
        let all = self.all;
        let here = extent(all, &region);
        let mut rows: Vec<usize> = region.iter().map(|&i| all[i].row).collect();
        rows.dedup();
        let frame = if rows.len() >= SPANNING { here } else { frame };
        if depth >= MAX_CUTS || region.len() < 2 {
            out.push(Piece {
                parts: region,
                frame,
            });
            return;
        }
        // Across, at bands of blank lines.
        let bands: Vec<usize> = rows
            .windows(2)
            .filter(|w| self.band(w[0], w[1]))
            .map(|w| w[1])
            .collect();
        if !bands.is_empty() {
            for group in split_rows(all, region, &bands) {
                self.cut(group, frame, depth + 1, out);
            }
            return;
        }
        // Down, at gutters.
        let downs = gutters(all, &region, here);
        if !downs.is_empty() {
            let mut groups: Vec<Vec<usize>> = vec![Vec::new(); downs.len() + 1];
            for &i in &region {
                let g = downs.partition_point(|&(_, x)| x <= all[i].x0);
                groups[g].push(i);
            }
            for group in groups.into_iter().filter(|g| !g.is_empty()) {
                let own = extent(all, &group);
                self.cut(group, own, depth + 1, out);
            }
            return;
        }
        // Under a headline over the columns: the fewest lines at the top without which the
        // rest has gutters, as wide as it can have (a headline's last line may leave a narrow
        // gap where a credit beside it starts).
        let mut best: Option<(usize, usize)> = None; // (lines over, gutter cells)
        let most = SPANNING.min(rows.len().saturating_sub(2));
        for (k, &from) in rows.iter().enumerate().take(most + 1).skip(1) {
            let rest: Vec<usize> = region
                .iter()
                .copied()
                .filter(|&i| all[i].row >= from)
                .collect();
            let open: usize = gutters(all, &rest, extent(all, &rest))
                .iter()
                .map(|&(a, b)| b - a)
                .sum();
            if open > best.map_or(0, |(_, o)| o) {
                best = Some((k, open));
            }
        }
        if let Some((k, _)) = best {
            for group in split_rows(all, region, &[rows[k]]) {
                self.cut(group, here, depth + 1, out);
            }
            return;
        }
        out.push(Piece {
            parts: region,
            frame,
        });
    }
}

/// `region` split before each of the rows `at` (in order).
fn split_rows(all: &[Part<'_>], region: Vec<usize>, at: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); at.len() + 1];
    for i in region {
        let g = at.partition_point(|&r| r <= all[i].row);
        groups[g].push(i);
    }
    groups.into_iter().filter(|g| !g.is_empty()).collect()
}

/// Where the gutters of `region` are: runs of [`GAP`] cells or more inside its extent that no
/// part crosses (`start..end`, the column after it starting at `end`).
fn gutters(all: &[Part<'_>], region: &[usize], (x0, x1): (usize, usize)) -> Vec<(usize, usize)> {
    if x1 <= x0 {
        return Vec::new();
    }
    let mut covered = vec![false; x1 - x0];
    for &i in region {
        for cell in &mut covered[all[i].x0 - x0..all[i].x1 - x0] {
            *cell = true;
        }
    }
    let mut out = Vec::new();
    let mut run = 0;
    for (k, &c) in covered.iter().enumerate() {
        if c {
            if run >= GAP && k > run {
                out.push((x0 + k - run, x0 + k));
            }
            run = 0;
        } else {
            run += 1;
        }
    }
    out
}

/// The cells a piece's lines are set between, and how long its lines are (the median line);
/// a piece of a line or two is set in the columns it was cut from.
fn edges(all: &[Part<'_>], piece: &Piece) -> (usize, usize, usize) {
    // Each line's first and last cell.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut row = usize::MAX;
    for &i in &piece.parts {
        let p = &all[i];
        match lines.last_mut() {
            Some(line) if p.row == row => line.1 = p.x1,
            _ => lines.push((p.x0, p.x1)),
        }
        row = p.row;
    }
    if lines.len() < SPANNING {
        let (left, right) = piece.frame;
        return (left, right, right.saturating_sub(left).max(1));
    }
    let mut starts: Vec<usize> = lines.iter().map(|l| l.0).collect();
    let mut ends: Vec<usize> = lines.iter().map(|l| l.1).collect();
    let mut widths: Vec<usize> = lines.iter().map(|l| l.1 - l.0).collect();
    starts.sort_unstable();
    ends.sort_unstable();
    widths.sort_unstable();
    // The leftmost start and the rightmost end that another line shares, within a cell: the
    // column's edges (a headline in large type may reach past them).
    let left = starts
        .windows(2)
        .find(|w| w[1] - w[0] <= 1)
        .map_or(starts[0], |w| w[0]);
    let right = ends
        .windows(2)
        .rev()
        .find(|w| w[1] - w[0] <= 1)
        .map_or(ends[ends.len() - 1], |w| w[1]);
    (left, right.max(left + 1), widths[widths.len() / 2].max(1))
}

/// Cells a paragraph's first line is indented by, at least.
const INDENT: usize = 2;

/// What a line of a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// It goes on from the line before.
    Body,
    /// It opens a paragraph.
    Indented,
    /// A short line set in from the left edge (a headline's or a subheading's): a paragraph's
    /// indented first line is a full one. A headline in large type may start left of the
    /// edge, after its first line.
    Centred,
    /// A short line set to the right edge: a credit.
    Right,
}

/// Writes the pieces of a page one after the other.
#[derive(Default)]
struct Writer {
    /// The last line written was a centred one: the next, centred too, goes with it.
    centred: bool,
}

impl Writer {
    fn piece(&mut self, all: &[Part<'_>], piece: &Piece, out: &mut String) {
        let (left, right, line) = edges(all, piece);
        let mut first = true;
        let mut row_parts: Vec<&Part<'_>> = Vec::new();
        let mut k = 0;
        while k < piece.parts.len() {
            row_parts.clear();
            let row = all[piece.parts[k]].row;
            while k < piece.parts.len() && all[piece.parts[k]].row == row {
                row_parts.push(&all[piece.parts[k]]);
                k += 1;
            }
            let mut text = String::new();
            for (n, p) in row_parts.iter().enumerate() {
                if n > 0 {
                    text.push(' ');
                }
                text.push_str(p.text);
            }
            let x0 = row_parts[0].x0;
            let x1 = row_parts[row_parts.len() - 1].x1;
            let short = (x1 - x0) * 4 <= line * 3;
            let set_in = x0 >= left + INDENT || (x0 < left && self.centred);
            let kind = if set_in && short && rules::is_heading_like(&text) {
                if x1 + INDENT >= right && x1 <= right + 1 && x0 > left + (right - left) / 2 {
                    Kind::Right
                } else {
                    Kind::Centred
                }
            } else if x0 >= left + INDENT {
                Kind::Indented
            } else {
                Kind::Body
            };
            // A blank line before a piece, and around centred and right-set lines; none
            // between centred lines.
            let follows = self.centred && kind == Kind::Centred;
            let apart = first || self.centred || matches!(kind, Kind::Centred | Kind::Right);
            // One blank line at most: two are a page break to the parser (see `pages`).
            if apart && !follows && !out.ends_with("\n\n") {
                out.push('\n');
            }
            if kind == Kind::Indented {
                out.push('\u{3000}');
            }
            out.push_str(&text);
            out.push('\n');
            if kind == Kind::Right {
                out.push('\n');
            }
            self.centred = kind == Kind::Centred;
            first = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line with each text starting at its cell, as pdftotext places them (one cell a
    /// character, wide or narrow).
    fn row(parts: &[(usize, &str)]) -> String {
        let mut line = String::new();
        for &(x, text) in parts {
            let at = line.chars().count();
            line.extend(std::iter::repeat_n(
                ' ',
                x.saturating_sub(at).max(usize::from(at > 0)),
            ));
            line.push_str(text);
        }
        line
    }

    fn page(rows: &[&[(usize, &str)]]) -> String {
        rows.iter().map(|r| row(r) + "\n").collect()
    }

    /// The unfolded text's blocks (between blank lines), lines joined by `|`.
    fn blocks(text: &str) -> Vec<String> {
        unfold(text)
            .split("\n\n")
            .map(|b| b.trim_matches('\n').replace('\n', "|"))
            .filter(|b| !b.is_empty())
            .collect()
    }

    #[test]
    fn columns_side_by_side_are_read_one_after_the_other_by_cells_not_display_width() {
        // The second column starts at cell 22 on every line: in display columns the first
        // line's CJK puts it 18 columns further right than the third's digits.
        let text = page(&[
            &[
                (2, "第一栏的第一段开头写下"),
                (22, "第二栏接着写下去写下去"),
            ],
            &[(0, "2024年的第二行文字。"), (22, "第二栏的第二行写完了。")],
            &[
                (2, "第一栏的第二段开头写下"),
                (22, "第二栏又是新的一段文字"),
            ],
            &[(0, "第二段的第二行文字。"), (22, "第二栏的这一段写完了。")],
        ]);
        assert!(is_layout(&text));
        assert_eq!(
            blocks(&text),
            [
                "\u{3000}第一栏的第一段开头写下|2024年的第二行文字。|\u{3000}第一栏的第二段开头写下|第二段的第二行文字。",
                "第二栏接着写下去写下去|第二栏的第二行写完了。|第二栏又是新的一段文字|第二栏的这一段写完了。"
            ]
        );
    }

    #[test]
    fn a_headline_over_two_columns_is_read_before_them_its_lines_together() {
        let text = page(&[
            &[(8, "社区食堂开进产业园")],
            &[],
            &[],
            &[(10, "职工吃上热饭")],
            &[
                (2, "本月起,产业园的第一家社"),
                (24, "园区管委会共同建设,面积"),
            ],
            &[
                (0, "区食堂正式开门迎客,职工"),
                (24, "六百平方米,可容纳三百人"),
            ],
            &[(0, "可以在家门口吃上热饭。"), (24, "就餐,早中晚都有供应。")],
        ]);
        assert_eq!(
            blocks(&text),
            [
                "社区食堂开进产业园|职工吃上热饭",
                "\u{3000}本月起,产业园的第一家社|区食堂正式开门迎客,职工|可以在家门口吃上热饭。",
                "园区管委会共同建设,面积|六百平方米,可容纳三百人|就餐,早中晚都有供应。"
            ]
        );
    }

    #[test]
    fn baselines_of_the_column_beside_do_not_cut_a_column() {
        // The second column's lines fall between the first's: each column has a blank line
        // between its lines. Both stay whole, and the subheading in the second is its own.
        let text = page(&[
            &[(2, "第一栏第一行写到这里")],
            &[(22, "第二栏的第一行写到这")],
            &[(0, "第一栏第二行写完了。")],
            &[(24, "插线板不宜串联")],
            &[(2, "第一栏又开一段写到这")],
            &[(22, "第二栏的第二行写到这")],
            &[(0, "第一栏第四行写完了。")],
            &[(20, "里也写完了这一段。")],
        ]);
        assert_eq!(
            blocks(&text),
            [
                "\u{3000}第一栏第一行写到这里|第一栏第二行写完了。|\u{3000}第一栏又开一段写到这|第一栏第四行写完了。",
                "第二栏的第一行写到这",
                "插线板不宜串联",
                "第二栏的第二行写到这|里也写完了这一段。"
            ]
        );
    }

    #[test]
    fn a_blank_line_across_the_page_ends_a_module_over_all_its_columns() {
        let text = page(&[
            &[(0, "上面一篇的第一栏文字"), (22, "上面一篇的第二栏文字")],
            &[(0, "上面一篇第一栏写完。"), (22, "上面一篇第二栏写完。")],
            &[],
            &[(2, "下面一篇的第一栏文字"), (22, "下面一篇的第二栏文字")],
            &[(0, "下面一篇第一栏写完。"), (22, "下面一篇第二栏写完。")],
        ]);
        let found = blocks(&text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(
            found[0].starts_with("上面一篇的第一栏") && found[1].starts_with("上面一篇的第二栏")
        );
        assert!(found[2].contains("下面一篇的第一栏") && found[3].starts_with("下面一篇的第二栏"));
    }

    #[test]
    fn a_caption_over_the_columns_keeps_the_credit_beside_its_last_line() {
        let text = page(&[
            &[(1, "职工在新开的社区食堂排队取餐,食堂每天接待一千多人次,")],
            &[(0, "价格实惠。"), (22, "周敏 摄")],
            &[],
            &[],
            &[],
            &[(2, "第一栏第一行写到这里"), (24, "第二栏的第一行写到这")],
            &[(0, "第一栏第二行写完了。"), (24, "第二栏的第二行写完。")],
        ]);
        let found = blocks(&text);
        assert_eq!(
            found[0],
            "职工在新开的社区食堂排队取餐,食堂每天接待一千多人次,|价格实惠。 周敏 摄"
        );
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_line_alone_is_cut_into_its_parts() {
        assert_eq!(
            blocks("2024年5月6日 星期一      第1版 要闻      责任编辑:李明\n"),
            ["2024年5月6日 星期一", "第1版 要闻", "责任编辑:李明"]
        );
    }

    #[test]
    fn prose_is_no_layout() {
        let text =
            "这是一段普通的文字。\n\nThe quick brown fox jumps over the lazy dog.\n".repeat(10);
        assert!(!is_layout(&text));
    }
}
