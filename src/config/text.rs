//! The file's text as the checker sees it: its bytes read as UTF-8, with where they were not
//! valid, and byte offsets turned into line numbers.

use std::borrow::Cow;
use std::ops::Range;

/// A configuration's text, where it was not valid UTF-8, and where its lines start.
pub(super) struct Text<'a> {
    /// The text, each invalid byte sequence replaced by U+FFFD.
    pub text: Cow<'a, str>,
    /// The offsets in `text` of those replacements, ascending (a U+FFFD that was in the file is
    /// not among them).
    bad: Vec<usize>,
    /// The offset of each line's first byte, ascending; the first is 0.
    line_starts: Vec<usize>,
}

impl<'a> Text<'a> {
    /// Text that is already UTF-8.
    pub fn new(text: &'a str) -> Text<'a> {
        Text::with(Cow::Borrowed(text), Vec::new())
    }

    /// Bytes read as UTF-8, each invalid sequence replaced and remembered, so that only what it
    /// touches is lost.
    pub fn decode(bytes: &'a [u8]) -> Text<'a> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Text::new(text);
        }
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut bad = Vec::new();
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                bad.push(text.len());
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
        Text::with(Cow::Owned(text), bad)
    }

    fn with(text: Cow<'a, str>, bad: Vec<usize>) -> Text<'a> {
        // Found once: a file with many problems must not be counted through for each of them.
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Text {
            text,
            bad,
            line_starts,
        }
    }

    /// The line (from 1) of the byte at `at`. A line feed never belongs to an invalid sequence,
    /// so the line of a replacement is the line of the bad bytes in the file.
    pub fn line(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= at)
    }

    /// The indices (into [`Text::bad_at`]) of the invalid sequences in `range`.
    pub fn bad_in(&self, range: Range<usize>) -> Range<usize> {
        let from = self.bad.partition_point(|&b| b < range.start);
        let to = self.bad.partition_point(|&b| b < range.end);
        from..to.max(from)
    }

    /// The text with every line that was not valid UTF-8 blanked (its bytes made spaces, so
    /// that offsets and lines stay), for a file that does not parse with them; `None` when one
    /// of them may be a table's header, without which its keys would land in the table before.
    pub fn without_bad_lines(&self) -> Option<String> {
        let mut bytes = self.text.as_bytes().to_vec();
        for &at in &self.bad {
            let line = self.line(at);
            let start = self.line_starts[line - 1];
            let end = self.line_starts.get(line).map_or(bytes.len(), |&s| s - 1);
            if self.text[start..end].trim_start().starts_with('[') {
                return None;
            }
            bytes[start..end].fill(b' ');
        }
        String::from_utf8(bytes).ok()
    }

    /// How many invalid sequences there were.
    pub fn bad_count(&self) -> usize {
        self.bad.len()
    }

    /// The offset of invalid sequence `i`.
    pub fn bad_at(&self, i: usize) -> usize {
        self.bad[i]
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn lines_are_counted_from_one_and_a_line_feed_ends_its_line() {
        let t = Text::new("a\nbc\n\nd");
        let lines: Vec<usize> = (0..t.text.len() + 1).map(|at| t.line(at)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 4, 4]);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_remembered_on_their_line() {
        let t = Text::decode(b"a = 1\nb = \"\xff\xfe\"\n\xc3\n");
        assert_eq!(t.text, "a = 1\nb = \"\u{fffd}\u{fffd}\"\n\u{fffd}\n");
        assert_eq!(t.bad_count(), 3);
        let lines: Vec<usize> = (0..3).map(|i| t.line(t.bad_at(i))).collect();
        assert_eq!(lines, [2, 2, 3]);
        assert_eq!(t.bad_in(0..6), 0..0);
        assert_eq!(t.bad_in(6..18), 0..2);
        assert_eq!(t.bad_in(12..30), 1..3);
        assert_eq!(
            t.without_bad_lines().as_deref(),
            Some("a = 1\n            \n   \n")
        );
        assert_eq!(Text::decode(b"[ke\xffys]\n").without_bad_lines(), None);
        // A U+FFFD written in the file is not a mistake.
        assert_eq!(Text::decode("\u{fffd}".as_bytes()).bad_count(), 0);
    }
}
