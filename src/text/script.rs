//! Which script a character belongs to, in the one place every module asks: the parser (is
//! this a Chinese name, a wide edge to join without a space), find (a space between two wide
//! characters may be nothing) and layout.

use unicode_width::UnicodeWidthChar;

/// Han ideographs (and the CJK compatibility and extension blocks).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A character that is set two columns wide: Han, kana, Hangul, full-width forms and
/// punctuation — what the terminal (and ratatui) give two cells.
pub fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_is_a_subset_of_wide() {
        for c in ['工', '会', '𠀀', '豈'] {
            assert!(is_han(c) && is_wide(c), "{c}");
        }
        for c in ['，', '。', 'カ', '한', 'Ａ'] {
            assert!(!is_han(c) && is_wide(c), "{c}");
        }
        for c in ['a', '1', ' ', 'é', '\u{301}'] {
            assert!(!is_han(c) && !is_wide(c), "{c}");
        }
    }
}
