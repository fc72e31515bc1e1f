//! Page furniture known by repetition: a line that an extraction gives at the top or the foot
//! of one page and again at the top or the foot of a page nearby (`Issue #48, 2018-2019`, a
//! club's charter line, `District 6980 | Club 4399`, a slogan under every page) is the page's
//! furniture, whatever its words, and not shown. Numbers may differ (`Page 1`, `Page 2`).
//!
//! Pages are where the text breaks by two blank lines or more: the sanitiser makes a form feed
//! a blank line, so `pdftotext`'s page break (a page's last line, its line end, the form feed)
//! is two blank lines, which its text has nowhere else; the PDF reader ends its pages alike.
//!
//! The rule looks no further than [`PAGE_LOOK`] bytes from a line, so a text parsed in pieces
//! (see `stream`) gives what it gives parsed whole.

use memchr::memmem;

use super::rules;
use crate::text::floor_boundary;

/// How far from a line its repetition is looked for: pages of most newsletters are shorter.
pub(crate) const PAGE_LOOK: usize = 12 * 1024;

/// How many lines at a page's top and at its foot are its edges, and how many bytes at most.
const EDGE: usize = 8;
const EDGE_BYTES: usize = 2048;

/// How far from a line the rule reads: text this far before a piece and after its last final
/// article must be in the piece.
pub(crate) const REACH: usize = PAGE_LOOK + EDGE_BYTES;

/// The starts of the lines in `text[from..]` that are furniture by repetition, in order. `last`:
/// the text ends where the newsletter does (otherwise its last page's foot is not known yet).
pub(crate) fn repeated(text: &str, from: usize, last: bool) -> Vec<usize> {
    // A little more than the reach: a page's break (its blank lines) just before it.
    let lo = line_start(text, from.saturating_sub(REACH + 1024));
    // Most texts have no page breaks: one search, and nothing to do.
    let Some(_) = memmem::find(&text.as_bytes()[lo..], b"\n\n\n") else {
        return Vec::new();
    };
    let pages = pages(text, lo, last);
    // Every edge line: its page, start and key.
    let mut edges: Vec<(usize, usize, String)> = Vec::new();
    for (k, page) in pages.iter().enumerate() {
        let kept = page.lines.len();
        for (i, &(start, end)) in page.lines.iter().enumerate() {
            let top = page.top_known && i < EDGE && start - page.first <= EDGE_BYTES;
            let foot = page.foot_known && i + EDGE >= kept && page.last - end <= EDGE_BYTES;
            if (top || foot)
                && let Some(key) = key(&text[start..end])
            {
                edges.push((k, start, key));
            }
        }
    }
    let mut by_key: Vec<(&str, usize, usize)> = edges
        .iter()
        .map(|(k, start, key)| (key.as_str(), *k, *start))
        .collect();
    by_key.sort_unstable();
    let mut out = Vec::new();
    for (i, &(key, page, start)) in by_key.iter().enumerate() {
        if start < from {
            continue;
        }
        // The entries of a key run by page and place: the nearest of another page, before
        // and after, are the first past this page's own (a page has a few edge lines at
        // most), so the look is short however often the key comes.
        let other = |e: &&(&str, usize, usize)| e.0 != key || e.1 != page;
        let before = by_key[..i].iter().rev().find(other);
        let after = by_key[i + 1..].iter().find(other);
        let near = |e: Option<&(&str, usize, usize)>| {
            e.is_some_and(|&(k, _, s)| k == key && s.abs_diff(start) <= PAGE_LOOK)
        };
        if near(before) || near(after) {
            out.push(start);
        }
    }
    out.sort_unstable();
    out
}

/// The start of the first line that starts at or after `at`.
fn line_start(text: &str, at: usize) -> usize {
    if at == 0 || text.as_bytes().get(at - 1) == Some(&b'\n') {
        return at;
    }
    let at = floor_boundary(text, at);
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1)
}

/// A page's lines that are not blank (only those that may be its edges: its first and last
/// [`EDGE`], with how many it has), and whether its top and foot are in the text.
#[derive(Debug, Default)]
struct Page {
    lines: Vec<(usize, usize)>,
    /// Lines not kept, between the first and the last [`EDGE`].
    skipped: usize,
    /// The start of its first line and the end of its last.
    first: usize,
    last: usize,
    top_known: bool,
    foot_known: bool,
}

impl Page {
    fn push(&mut self, line: (usize, usize)) {
        if self.lines.is_empty() {
            self.first = line.0;
        }
        self.last = line.1;
        if self.lines.len() == 2 * EDGE {
            self.lines.remove(EDGE);
            self.skipped += 1;
        }
        self.lines.push(line);
    }
}

/// The pages of `text[lo..]`, `lo` a line start. The first begins at a page's top only at the
/// text's start; the last ends at a page's foot only when the text is `last`.
fn pages(text: &str, lo: usize, last: bool) -> Vec<Page> {
    let mut pages = vec![Page {
        top_known: lo == 0,
        ..Page::default()
    }];
    let mut blank = 0;
    let mut pos = lo;
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        if line.trim().is_empty() {
            blank += 1;
        } else {
            if blank >= 2 && pages.last().is_some_and(|p| !p.lines.is_empty()) {
                if let Some(page) = pages.last_mut() {
                    page.foot_known = true;
                }
                pages.push(Page {
                    top_known: true,
                    ..Page::default()
                });
            }
            blank = 0;
            if let Some(page) = pages.last_mut() {
                page.push((pos, end));
            }
        }
        pos = end + 1;
    }
    if let Some(page) = pages.last_mut() {
        page.foot_known |= last || blank >= 2;
    }
    pages
}

/// What two lines of furniture share: the line with its numbers made one (`Page #`) and its
/// spaces single. Only lines with words are compared (a bare number is a page number, judged by
/// its shape); a jump line (`Continued on page 4`) or a section's marker is the paper's
/// structure, however often it comes, and so is a long line. A headline's mark (`### `, from
/// the PDF reader, which may take a running head for a headline by its size) is not compared.
fn key(line: &str) -> Option<String> {
    let line = match rules::markdown_heading(line) {
        Some((level, _)) if level <= 2 => return None,
        Some((_, text)) => text,
        None => line.trim(),
    };
    if line.len() > 240
        || !line.chars().any(char::is_alphabetic)
        || rules::jump_line(line).is_some()
        || rules::section_marker(line).is_some()
    {
        return None;
    }
    let mut key = String::with_capacity(line.len());
    let mut digits = false;
    let mut space = false;
    for c in line.chars() {
        if c.is_ascii_digit() {
            if !digits {
                key.push('#');
            }
            digits = true;
            continue;
        }
        digits = false;
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            key.push(' ');
        }
        key.push(c);
    }
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(text: &str) -> Vec<&str> {
        repeated(text, 0, true)
            .into_iter()
            .map(|s| text[s..].lines().next().unwrap())
            .collect()
    }

    /// `n` lines of a story, each its own (numbers alone would make them one key).
    fn story(tag: &str, n: usize) -> String {
        (0..n)
            .map(|i| format!("{tag} {} goes on here.\n", "x".repeat(i + 1)))
            .collect()
    }

    #[test]
    fn a_line_at_the_edges_of_two_pages_is_furniture_and_its_numbers_may_differ() {
        let text = "Harbour Notes\nIssue 7\n\nA story starts here.\nIt goes on.\nHarbour Club | District 12\nSheet 1\n\n\n\
                    ### Issue 7\n\nAnother story.\nHarbour Club | District 12\nSheet 2\n";
        assert_eq!(
            dropped(text),
            [
                "Issue 7",
                "Harbour Club | District 12",
                "Sheet 1",
                "### Issue 7",
                "Harbour Club | District 12",
                "Sheet 2"
            ]
        );
    }

    #[test]
    fn what_repeats_inside_a_page_or_without_pages_stays() {
        // No page break: one page, nothing repeats across pages.
        assert!(dropped("Notes\nNone\n\nText.\nNone\n").is_empty());
        // The same name in the middle of two long pages, far from their edges, stays.
        let [a, b, c, d] = ["One", "Two", "Three", "Four"].map(|tag| story(tag, 10));
        let text = format!("{a}Ann Lee\n{b}\n\n{c}Ann Lee\n{d}");
        assert!(dropped(&text).is_empty());
        // A jump line, a section marker, a bare number: structure, or judged by shape.
        let text = "【要闻】\n## World\nA story.\n-1-\nContinued on page 2\n\n\n【要闻】\n## World\nContinued from page 1\nIts end.\n-2-\n";
        assert!(dropped(text).is_empty());
    }

    #[test]
    fn a_page_beyond_the_look_is_not_compared() {
        let long = story("Long", PAGE_LOOK / 20);
        let text = format!("Club Notes\n{long}\n\nClub Notes\n{long}");
        assert!(dropped(&text).is_empty());
        let text = format!("Club Notes\nText.\n\n\nClub Notes\n{long}");
        assert_eq!(dropped(&text), ["Club Notes", "Club Notes"]);
    }

    #[test]
    fn a_piece_decides_as_the_whole_text() {
        let page = |n: usize| {
            let body = story(&format!("Story {}", "y".repeat(n)), 20);
            format!("Club Notes {n}\n{body}The Club, Main Street\n\n\n")
        };
        let text: String = (1..=40).map(page).collect();
        let whole = repeated(&text, 0, true);
        assert_eq!(whole.len(), 80);
        for at in [text.len() / 3, text.len() / 2, text.len() - 100] {
            let from = line_start(&text, at);
            let piece: Vec<usize> = whole.iter().copied().filter(|&s| s >= from).collect();
            assert_eq!(repeated(&text, from, true), piece);
        }
    }
}
