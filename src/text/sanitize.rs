//! The one sanitiser: what may reach the terminal of any text that comes from outside (a
//! newsletter, a bookmarks or configuration file, a prompt, a path). Escape sequences go
//! whole, control characters and bidi overrides go, and nothing else is touched. Three ways to
//! use it, one set of rules:
//!
//! - [`clean`] for a document's text as it enters the model (line ends made one, tabs expanded,
//!   line ends trimmed);
//! - [`line`] for one line of text to show or print as it is (a prompt's input, a note, a
//!   message): what would break the line becomes a space, and spaces are kept;
//! - [`escaped`] for names whose exact form matters (a path in an error): what `clean` would
//!   remove is shown escaped instead (`\u{202e}`).

use std::borrow::Cow;

use super::width::display_width;

/// Tab stops are every this many columns.
const TAB_WIDTH: usize = 4;

/// A name with its control and bidi characters escaped, safe to print.
pub fn escaped(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_control() || is_removed(c) || is_line_break(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Sanitises decoded text for parsing and display:
///
/// - CRLF, lone CR and U+2028 (line separator) become LF;
/// - a form feed (page break) and U+2029 (paragraph separator) become a blank line, `\n\n`;
/// - tabs become spaces up to the next tab stop (every 4 columns, counted with
///   `unicode-width` from the line start, so CJK characters count two);
/// - control characters (C0 but `\n`, DEL, C1), bidi controls (U+061C, U+200E, U+200F,
///   U+202A–U+202E, U+2066–U+2069) and stray BOMs (U+FEFF) are removed, so nothing can drive
///   the terminal or reorder text on screen; an escape sequence (`ESC [ 31 m`, `ESC ] … BEL`)
///   is removed whole, so none of it is left in the text;
/// - whitespace at the end of a line is dropped.
///
/// Everything else is kept verbatim, the ideographic indent (`　　`) at the start of a line
/// included: it tells the parser where a paragraph starts, and the parser drops it. Borrows when there is nothing to do.
pub fn clean(text: &str) -> Cow<'_, str> {
    let Some(dirty) = first_dirty_line(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    // `dirty` is the start of a line, so the rest is cleaned from a line start.
    out.push_str(&text[..dirty]);
    clean_lines(&text[dirty..], &mut out);
    Cow::Owned(out)
}

/// The byte offset of the first line `clean_lines` would change, if any. This is the fast path
/// for text that is already clean: one scan over the bytes, no allocation.
fn first_dirty_line(text: &str) -> Option<usize> {
    let mut line_start = 0;
    for (i, b) in special_bytes(text.as_bytes()) {
        if b == b'\n' {
            // `line_start` and `i` sit at ASCII bytes (or the start), so they are boundaries.
            if ends_with_whitespace(&text[line_start..i]) {
                return Some(line_start);
            }
            line_start = i + 1;
        } else if b < 0x20 || b == 0x7f || removed_at(text, i).is_some() {
            // Every other ASCII control is changed: a line break, a tab or removed.
            return Some(line_start);
        }
    }
    ends_with_whitespace(&text[line_start..]).then_some(line_start)
}

/// The positions of the bytes for which [`is_special_byte`] holds. Most text is long runs of
/// ordinary bytes, so blocks are tested whole first, in a way the compiler can vectorise.
fn special_bytes(bytes: &[u8]) -> impl Iterator<Item = (usize, u8)> + '_ {
    const BLOCK: usize = 32;
    bytes.chunks(BLOCK).enumerate().flat_map(|(n, block)| {
        let any = block
            .iter()
            .fold(false, |seen, &b| seen | is_special_byte(b));
        let skip = if any { 0 } else { block.len() };
        block
            .iter()
            .enumerate()
            .skip(skip)
            .filter(|&(_, &b)| is_special_byte(b))
            .map(move |(k, &b)| (n * BLOCK + k, b))
    })
}

/// Whether a byte may start something `clean` changes: an ASCII control (line feed included,
/// as lines are checked at their ends), or the lead byte of a character `clean` removes (C1:
/// C2; U+061C: D8; bidi marks: E2; U+FEFF: EF).
fn is_special_byte(b: u8) -> bool {
    // `|`, not `||`: no branches, so whole blocks can be tested at once.
    (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xd8) | (b == 0xe2) | (b == 0xef)
}

/// The character at byte `i` of `text` if `clean_line` must not copy it as is: a tab, a line
/// separator or a character `clean` removes.
fn removed_at(text: &str, i: usize) -> Option<char> {
    let c = text.get(i..)?.chars().next()?;
    (c == '\t' || is_removed(c) || is_line_break(c)).then_some(c)
}

/// Whether a line ends in whitespace (which `clean` drops).
fn ends_with_whitespace(line: &str) -> bool {
    line.chars().next_back().is_some_and(char::is_whitespace)
}

/// Characters `clean` removes wherever they are.
pub(crate) fn is_removed(c: char) -> bool {
    matches!(c,
        '\0'..='\x08'
        | '\x0b'
        | '\x0e'..='\x1f'
        | '\x7f'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// Cleans text starting at a line start, appending to `out`.
pub(crate) fn clean_lines(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let found = memchr::memchr3(b'\n', b'\r', 0x0c, &bytes[start..]);
        let end = found.map_or(text.len(), |i| start + i);
        // `start` and `end` sit at ASCII bytes or the end, so they are character boundaries.
        clean_line(&text[start..end], out);
        match bytes.get(end) {
            None => break,
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => {
                out.push('\n');
                start = end + 2;
            }
            Some(0x0c) => {
                out.push_str("\n\n");
                start = end + 1;
            }
            Some(_) => {
                out.push('\n');
                start = end + 1;
            }
        }
    }
}

/// Cleans one line (no `\n`, `\r` or form feed in it), appending to `out`. Runs of ordinary
/// characters are copied whole; column widths are only measured when a tab needs them.
fn clean_line(line: &str, out: &mut String) {
    let mut begin = out.len();
    let mut rest = line;
    // The display width of `out[begin..measured]`.
    let (mut col, mut measured) = (0, begin);
    while let Some((at, c)) = next_special(rest) {
        out.push_str(&rest[..at]);
        let mut skip = c.len_utf8();
        if c == '\t' {
            col += display_width(&out[measured..]);
            let spaces = TAB_WIDTH - col % TAB_WIDTH;
            out.extend(std::iter::repeat_n(' ', spaces));
            col += spaces;
            measured = out.len();
        } else if is_line_break(c) {
            // U+2028 ends a line, U+2029 a paragraph: the same as `\n` and a blank line.
            trim_line_end(out, begin);
            out.push_str(if c == '\u{2029}' { "\n\n" } else { "\n" });
            begin = out.len();
            (col, measured) = (0, begin);
        } else {
            // An escape sequence goes whole: dropping only its ESC would leave `[31m` or
            // `]0;title` in the text.
            skip = escape_len(&rest[at..]);
        }
        rest = &rest[at + skip..];
    }
    out.push_str(rest);
    trim_line_end(out, begin);
}

/// Drops the whitespace at the end of `out[begin..]`, the line being cleaned.
fn trim_line_end(out: &mut String, begin: usize) {
    let kept = out[begin..].trim_end().len();
    out.truncate(begin + kept);
}

/// Unicode's own line and paragraph separators, which some PDF tools write.
fn is_line_break(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// How many bytes at the start of `s` a terminal would take as one control sequence: a CSI
/// (`ESC [ … final`, or C1 `CSI`), a control string (`ESC ] … BEL`, OSC, DCS, SOS, PM, APC,
/// ended by BEL or ST, or by the line's end), a two- or three-byte escape (`ESC c`, `ESC ( B`),
/// or else the one removed character `s` starts with.
fn escape_len(s: &str) -> usize {
    let b = s.as_bytes();
    let Some(c) = s.chars().next() else {
        return 0;
    };
    let (string, start) = match (c, b.get(1)) {
        ('\x1b', Some(b'[')) | ('\u{9b}', _) => (false, 2),
        ('\x1b', Some(b']' | b'P' | b'X' | b'^' | b'_'))
        | ('\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}', _) => (true, 2),
        ('\x1b', Some(&next)) if (0x20..=0x7e).contains(&next) => {
            // `ESC` intermediates (0x20–0x2F) and one final byte.
            let mut i = 1;
            while b.get(i).is_some_and(|x| (0x20..=0x2f).contains(x)) {
                i += 1;
            }
            return i + usize::from(b.get(i).is_some_and(|x| (0x30..=0x7e).contains(x)));
        }
        _ => return c.len_utf8(),
    };
    let mut i = start;
    if !string {
        // Parameter bytes, intermediate bytes, one final byte; anything else aborts it.
        while b.get(i).is_some_and(|x| (0x30..=0x3f).contains(x)) {
            i += 1;
        }
        while b.get(i).is_some_and(|x| (0x20..=0x2f).contains(x)) {
            i += 1;
        }
        return i + usize::from(b.get(i).is_some_and(|x| (0x40..=0x7e).contains(x)));
    }
    while i < b.len() {
        match b[i] {
            0x07 => return i + 1,
            0x1b if b.get(i + 1) == Some(&b'\\') => return i + 2,
            // Another escape cancels the string and starts a sequence of its own.
            0x1b => return i,
            // ST, U+009C.
            0xc2 if b.get(i + 1) == Some(&0x9c) => return i + 2,
            // A line separator ends the line, and with it the string.
            0xe2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)) => {
                return i;
            }
            _ => i += 1,
        }
    }
    i
}

/// The first tab, line separator or removed character in `text`, with its byte offset.
fn next_special(text: &str) -> Option<(usize, char)> {
    special_bytes(text.as_bytes()).find_map(|(i, _)| Some((i, removed_at(text, i)?)))
}

/// One line of text made safe to show or print: escape sequences, control characters and bidi
/// overrides removed (as [`clean`] removes them), and tabs, line ends and line separators turned
/// into one space each, so the text stays on its line. Spaces are kept as they are, trailing
/// ones too (a space typed into a prompt is text). Borrows when there is nothing to do.
pub fn line(text: &str) -> Cow<'_, str> {
    let Some((first, _)) = next_special_or_break(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut at = first;
    loop {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let c = tail.chars().next().unwrap_or(' ');
        let skip = if c == '\n' || c == '\r' || c == '\x0c' || c == '\t' || is_line_break(c) {
            // CRLF is one line end, so one space.
            out.push(' ');
            if tail.starts_with("\r\n") {
                2
            } else {
                c.len_utf8()
            }
        } else {
            escape_len(tail)
        };
        rest = &tail[skip..];
        match next_special_or_break(rest) {
            Some((next, _)) => at = next,
            None => break,
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The first character [`line`] changes: a line end, a tab, a line separator or a removed
/// character.
fn next_special_or_break(text: &str) -> Option<(usize, char)> {
    special_bytes(text.as_bytes()).find_map(|(i, b)| match b {
        b'\n' | b'\r' | 0x0c => Some((i, char::from(b))),
        _ => Some((i, removed_at(text, i)?)),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_line_keeps_its_spaces_and_loses_what_drives_a_terminal() {
        assert_eq!(line(" "), " ", "a typed space is text");
        assert_eq!(line("hello world  "), "hello world  ");
        assert!(matches!(line("工会 力量"), Cow::Borrowed(_)));
        assert_eq!(line("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(
            line("a\u{1b}]0;title\u{7}b"),
            "ab",
            "a control string goes whole"
        );
        assert_eq!(line("x\u{202e}y\u{2066}z"), "xyz", "bidi overrides go");
        assert_eq!(
            line("one\ntwo\r\nthree\tfour\u{2028}five"),
            "one two three four five"
        );
        assert_eq!(line("\u{9b}31mC1\u{85}"), "C1");
    }

    #[test]
    fn escaped_names_show_what_line_removes() {
        assert_eq!(escaped("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escaped("报纸.txt"), "报纸.txt");
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(clean("a\r\nb\rc\nd\r\n\r\ne\r"), "a\nb\nc\nd\n\ne\n");
    }

    #[test]
    fn form_feed_becomes_a_blank_line() {
        assert_eq!(clean("第一页\x0c第二页\n"), "第一页\n\n第二页\n");
    }

    #[test]
    fn tabs_expand_to_tab_stops() {
        assert_eq!(clean("a\tb\n\tc\nabcd\te"), "a   b\n    c\nabcd    e");
        // CJK characters are two columns wide.
        assert_eq!(clean("中\tx"), "中  x");
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(clean("a\x1b[2Jb\x07c\x7fd\x00e"), "abcde");
        assert_eq!(clean("C1\u{9b}31m and \u{85}NEL"), "C1 and NEL");
        assert_eq!(clean("v\x0bt"), "vt");
    }

    #[test]
    fn bidi_controls_and_stray_boms_are_removed() {
        assert_eq!(
            clean("a\u{202e}b\u{2066}c\u{2069}d\u{200e}e\u{200f}f\u{61c}g\u{feff}h"),
            "abcdefgh"
        );
    }

    #[test]
    fn trailing_whitespace_is_dropped() {
        assert_eq!(clean("a  \nb\u{3000}\nc\t\nd \u{a0}"), "a\nb\nc\nd");
    }

    #[test]
    fn ideographic_indent_is_left_for_the_parser() {
        // The parser needs it to see where a paragraph starts; it drops it there.
        let text = "\u{3000}\u{3000}正文开始。\n  plain indent\n";
        assert!(matches!(clean(text), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed() {
        let text = "标题\n\n“正文”——第一段。 Mixed text.\n  indented\n";
        assert!(matches!(clean(text), Cow::Borrowed(_)));
        assert!(matches!(clean(""), Cow::Borrowed(_)));
        assert!(matches!(clean("a\r\n"), Cow::Owned(_)));
    }

    #[test]
    fn clean_keeps_the_clean_prefix() {
        assert_eq!(clean("one\ntwo\nthree \n四\r\n"), "one\ntwo\nthree\n四\n");
    }

    /// A tiny deterministic generator (xorshift), so the mixed-input tests need no crate.
    pub(crate) fn pseudo_random(seed: &mut u64) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % 1_000_003) as usize
    }

    /// Escape sequences removed from one line, the slow, obvious way, char by char.
    fn reference_strip_escapes(line: &str) -> String {
        let chars: Vec<char> = line.chars().collect();
        let at = |i: usize| chars.get(i).copied();
        let (mut out, mut i) = (String::new(), 0);
        while let Some(c) = at(i) {
            let next = at(i + 1);
            if (c == '\x1b' && next == Some('[')) || c == '\u{9b}' {
                i += if c == '\x1b' { 2 } else { 1 };
                while at(i).is_some_and(|x| ('0'..='?').contains(&x)) {
                    i += 1;
                }
                while at(i).is_some_and(|x| (' '..='/').contains(&x)) {
                    i += 1;
                }
                i += usize::from(at(i).is_some_and(|x| ('@'..='~').contains(&x)));
            } else if (c == '\x1b' && matches!(next, Some(']' | 'P' | 'X' | '^' | '_')))
                || matches!(c, '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}')
            {
                i += if c == '\x1b' { 2 } else { 1 };
                loop {
                    match at(i) {
                        None => break,
                        Some('\x07' | '\u{9c}') => {
                            i += 1;
                            break;
                        }
                        Some('\x1b') if at(i + 1) == Some('\\') => {
                            i += 2;
                            break;
                        }
                        Some('\x1b') => break,
                        Some(_) => i += 1,
                    }
                }
            } else if c == '\x1b' {
                i += 1;
                if next.is_some_and(|x| (' '..='~').contains(&x)) {
                    while at(i).is_some_and(|x| (' '..='/').contains(&x)) {
                        i += 1;
                    }
                    i += usize::from(at(i).is_some_and(|x| ('0'..='~').contains(&x)));
                }
            } else {
                out.push(c);
                i += 1;
            }
        }
        out
    }

    /// `clean` written the slow, obvious way, to check the fast one against.
    fn reference_clean(text: &str) -> String {
        let text = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\x0c', "\n\n")
            .replace('\u{2028}', "\n")
            .replace('\u{2029}', "\n\n");
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let mut out = String::new();
                for c in reference_strip_escapes(line).chars() {
                    if c == '\t' {
                        let col = display_width(&out);
                        out.extend(std::iter::repeat_n(' ', 4 - col % 4));
                    } else if !is_removed(c) {
                        out.push(c);
                    }
                }
                out.trim_end().to_owned()
            })
            .collect();
        lines.join("\n")
    }

    #[test]
    fn fast_path_agrees_with_the_full_pass_and_clean_is_idempotent() {
        let pieces = [
            "a",
            " ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\x0c",
            "\x1b",
            "\u{9b}",
            "[31m",
            "\x1b]0;title\x07",
            "\u{9d}",
            "\\",
            "(B",
            "\u{2028}",
            "\u{2029}",
            "\u{3000}",
            "中",
            "“",
            "\u{202e}",
            "\u{feff}",
            "\u{a0}",
            "\u{85}",
            "é",
            "𠀀",
            "a plain run longer than one 32-byte block",
            "会议总结了去年工作部署了今年任务",
        ];
        let mut seed = 0x5eed_u64;
        for _ in 0..5000 {
            let len = pseudo_random(&mut seed) % 16;
            let text: String = (0..len)
                .map(|_| pieces[pseudo_random(&mut seed) % pieces.len()])
                .collect();
            let mut full = String::new();
            clean_lines(&text, &mut full);
            let cleaned = clean(&text);
            assert_eq!(cleaned, full, "{text:?}");
            assert_eq!(cleaned, reference_clean(&text), "{text:?}");
            assert!(matches!(clean(&cleaned), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn line_and_paragraph_separators_break_lines() {
        assert_eq!(clean("一行\u{2028}二行 \u{2029}三段"), "一行\n二行\n\n三段");
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("red \x1b[1;31mtext\x1b[0m end"), "red text end");
        assert_eq!(clean("标题\x1b]0;pwned\x07正文"), "标题正文");
        assert_eq!(
            clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"),
            "alinkb"
        );
        assert_eq!(clean("a\x1bP1;2q data\x1b\\b\x1b(Bc\x1bcd"), "abcd");
        // An unterminated string ends with its line, not with the file.
        assert_eq!(clean("a\x1b]0;title\nnext line"), "a\nnext line");
    }
}
