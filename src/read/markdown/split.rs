//! A big Markdown file read on several cores: cut into pieces at top-level headings, where no
//! block of Markdown can go on across the cut, each piece parsed on its own thread.
//!
//! A heading line at the left edge after a blank line ends every list, quote and paragraph
//! before it, so the pieces parse as the whole would, but for three things that reach across:
//! fenced code and HTML comments (never cut inside them), reference definitions (gathered
//! first, and given to every piece for the links it cannot resolve), and footnotes (their
//! labels gathered first, so a mark knows its note is there though another piece holds it).

use std::collections::HashMap;

use memchr::{memchr_iter, memmem};

/// Texts smaller than this are parsed in one piece: threads cost more than they save.
pub const MIN_SPLIT: usize = 1 << 20;

/// The size of a piece: big enough that a thread's start is nothing beside it, small enough
/// that the parser's tree of a piece (several times the piece) stays small.
pub const PIECE: usize = 256 << 10;

/// What one pass over a big text finds: where to cut it, and the reference definitions the
/// pieces share.
#[derive(Debug, Default)]
pub struct Scan {
    /// Offsets of the starts of heading lines to cut at (none: read the text whole).
    pub cuts: Vec<usize>,
    /// The reference definitions (`[label]: url`), by normalised label; the first of a label
    /// wins, as in CommonMark.
    pub refs: HashMap<String, String>,
}

/// Where to cut `text` into about `parts` pieces (at the starts of heading lines), and its
/// reference definitions, in one pass over its lines. A text too small to cut gives nothing.
pub fn scan(text: &str, parts: usize) -> Scan {
    let mut found = Scan::default();
    if parts < 2 || text.len() < MIN_SPLIT {
        return found;
    }
    let step = text.len() / parts;
    let mut next = step;
    let mut fence: Option<(u8, usize)> = None;
    let mut comment = false;
    let mut raw: Option<&'static str> = None;
    let mut blank_before = false;
    let mut start = 0;
    let bytes = text.as_bytes();
    let open_comment = memmem::Finder::new("<!--");
    let close_comment = memmem::Finder::new("-->");
    for end in memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        let line = &text[start..end];
        let at = start;
        start = end + 1;
        let indent = line.len() - line.trim_start_matches(' ').len();
        let bare = &line[indent..];
        if let Some(tag) = raw {
            if closes(line, tag) {
                raw = None;
            }
            blank_before = false;
            continue;
        }
        if let Some((c, n)) = fence {
            let run = bare.bytes().take_while(|&b| b == c).count();
            if indent <= 3 && run >= n && bare[run..].trim().is_empty() {
                fence = None;
            }
            blank_before = false;
            continue;
        }
        if comment {
            comment = close_comment.find(line.as_bytes()).is_none();
            blank_before = false;
            continue;
        }
        if indent <= 3 && (bare.starts_with("```") || bare.starts_with("~~~")) {
            let c = bare.as_bytes()[0];
            fence = Some((c, bare.bytes().take_while(|&b| b == c).count()));
            blank_before = false;
            continue;
        }
        if indent <= 3
            && let Some((label, target)) = definition(bare)
        {
            found.refs.entry(label).or_insert(target);
        }
        if let Some(open) = open_comment.find(line.as_bytes()) {
            comment = close_comment.find(&line.as_bytes()[open..]).is_none();
        }
        // HTML that keeps blank lines (`<pre>`, `<script>`, `<style>`, `<textarea>`) runs to
        // its end tag: never cut inside it.
        if let Some(tag) = raw_html_start(bare) {
            raw = (!closes(line, tag)).then_some(tag);
        }
        if at >= next && blank_before && indent == 0 && is_heading(bare) {
            found.cuts.push(at);
            next = at + step;
        }
        blank_before = line.trim().is_empty();
    }
    found
}

/// `line` holds the end tag of `tag` (any case).
fn closes(line: &str, tag: &str) -> bool {
    memmem::find_iter(line.as_bytes(), b"</").any(|at| {
        let name = &line.as_bytes()[at + 2..];
        name.len() > tag.len()
            && name[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            && name[tag.len()] == b'>'
    })
}

/// The tag of an HTML block that keeps blank lines, when `line` starts one.
fn raw_html_start(line: &str) -> Option<&'static str> {
    if !line.starts_with('<') {
        return None;
    }
    let head = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    ["pre", "script", "style", "textarea"]
        .into_iter()
        .find(|tag| {
            head.strip_prefix('<')
                .and_then(|h| h.strip_prefix(tag))
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '>', '\t']))
        })
}

/// `#` or `##` and a space: a heading of the top two levels.
fn is_heading(line: &str) -> bool {
    line.starts_with("# ") || line.starts_with("## ")
}

/// A reference definition (`[label]: url`) at the start of `line` (its indent taken off):
/// the normalised label and the target.
fn definition(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = normalise(&rest[..close]);
    let target = rest[close + 2..].split_whitespace().next().unwrap_or("");
    let target = target
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(target);
    (!label.is_empty() && !target.is_empty()).then(|| (label, target.to_string()))
}

/// The footnotes `text` defines (`[^label]: …` at a line's start): each normalised label with
/// its number, counted in the order the notes are written (so every piece numbers alike).
pub fn footnotes(text: &str) -> HashMap<String, usize> {
    let mut labels = HashMap::new();
    // The start of the line of the last mark found, moved on only past the text between marks
    // (a line of a hundred thousand marks is not searched back a hundred thousand times).
    let (mut line_start, mut seen) = (0, 0);
    for at in memmem::find_iter(text.as_bytes(), b"[^") {
        if let Some(nl) = memchr::memrchr(b'\n', &text.as_bytes()[seen..at]) {
            line_start = seen + nl + 1;
        }
        seen = at;
        if at - line_start > 3 || !text[line_start..at].bytes().all(|b| b == b' ') {
            continue;
        }
        // The label ends on its line: look no further.
        let rest = &text[at + 2..];
        let rest = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
        if let Some(close) = rest.find("]:").filter(|&c| c > 0) {
            let next = labels.len() + 1;
            labels.entry(normalise(&rest[..close])).or_insert(next);
        }
    }
    labels
}

/// A link label as CommonMark matches it: case folded, inner whitespace collapsed.
pub fn normalise(label: &str) -> String {
    super::cjk::unmark(label)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_on_headings_after_blank_lines_outside_fences_and_comments() {
        let section =
            "## 标题\n\n正文一段。\n\n```\n\n## not a heading\n```\n\n<!--\n\n## hidden\n-->\n\n";
        let text = section.repeat(MIN_SPLIT / section.len() + 10);
        let cuts = scan(&text, 4).cuts;
        assert_eq!(cuts.len(), 3);
        for &c in &cuts {
            assert!(
                text[c..].starts_with("## 标题"),
                "{:?}",
                text[c..].chars().take(12).collect::<String>()
            );
        }
        assert!(scan(&text[..section.len() * 3], 4).cuts.is_empty());
    }

    #[test]
    fn footnote_labels_are_gathered_from_definitions_only() {
        let labels = footnotes("a[^1] b[^Note]\n\n[^1]: one\n   [^Note]: two\n    [^code]: no\n");
        assert_eq!(labels.len(), 2);
        assert_eq!((labels["1"], labels["note"]), (1, 2));
    }

    #[test]
    fn references_are_gathered_by_normalised_label_outside_code_and_comments() {
        let defs = "x\n[Foo  Bar]: https://example.org/a \"t\"\n[foo bar]: https://example.org/b\n   [c]: <https://example.org/c>\n\n```\n[d]: https://example.org/d\n```\n\n<!--\n[e]: https://example.org/e\n-->\n";
        let filler = "## 标题\n\n正文一段。\n\n".repeat(MIN_SPLIT / 20);
        let refs = scan(&format!("{defs}{filler}"), 4).refs;
        assert_eq!(refs["foo bar"], "https://example.org/a");
        assert_eq!(refs["c"], "https://example.org/c");
        assert!(
            !refs.contains_key("d") && !refs.contains_key("e"),
            "{refs:?}"
        );
    }

    #[test]
    fn end_tags_are_found_in_any_case() {
        assert!(closes("x</PRE> y", "pre"));
        assert!(closes("</style>", "style"));
        assert!(!closes("</pre", "pre"));
        assert!(!closes("</prefix>", "pre"));
    }
}
