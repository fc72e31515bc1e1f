//! Which script a character belongs to, in the one place every module asks: the parser (is
//! this a Chinese name, a wide edge to join without a space), find (a space between two wide
//! characters may be nothing, `Ａ` is `A`), the decoder (does this read as Chinese) and layout.

use unicode_width::UnicodeWidthChar;

/// Han ideographs (and the CJK compatibility and extension blocks).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Any character of the ideographic planes (2 and 3, U+20000 to U+3FFFF), assigned or not: the
/// planes Unicode keeps for Han, so text that uses them is Chinese (or Japanese) even where
/// [`is_han`] does not know the block yet.
pub fn is_ideographic_plane(c: char) -> bool {
    matches!(c as u32, 0x20000..=0x3FFFF)
}

/// CJK punctuation: the CJK Symbols and Punctuation block (`　、。〈〉《》「」【】〔〕〜`…), the
/// vertical forms of CJK Compatibility Forms, and the full-width forms of ASCII punctuation
/// (`，．：；！？（）［］｛｝`…).
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F
        | 0xFE30..=0xFE4F
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65)
}

/// A character of the Halfwidth and Fullwidth Forms block: full-width ASCII (`Ａ１！`), the
/// half-width forms of CJK punctuation, katakana and Hangul, and full-width symbols (`￥`).
pub fn is_fullwidth_form(c: char) -> bool {
    matches!(c as u32, 0xFF00..=0xFFEF)
}

/// The ASCII character a full-width form stands for (`Ａ` → `A`, `！` → `!`), if it is one.
pub fn ascii_of_fullwidth(c: char) -> Option<char> {
    ('\u{FF01}'..='\u{FF5E}')
        .contains(&c)
        .then(|| char::from_u32(c as u32 - 0xFEE0))
        .flatten()
}

/// The full-width form of a printable ASCII character other than the space (`A` → `Ａ`).
pub fn fullwidth_of_ascii(c: char) -> Option<char> {
    ('!'..='~')
        .contains(&c)
        .then(|| char::from_u32(c as u32 + 0xFEE0))
        .flatten()
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

    #[test]
    fn cjk_punctuation_is_the_marks_not_the_letters() {
        for c in "　、。〈〉《》「」『』【】〔〕〜，．：；！？（）［］｛｝｡､﹁﹂".chars()
        {
            assert!(is_cjk_punctuation(c), "{c:?}");
            assert!(!is_han(c), "{c:?}");
        }
        for c in "工会カかＡａ１한,.!?“”—…·".chars() {
            assert!(!is_cjk_punctuation(c), "{c:?}");
        }
    }

    #[test]
    fn full_width_forms_and_their_ascii() {
        for c in "Ａａ１！～｡ｶ￥".chars() {
            assert!(is_fullwidth_form(c), "{c:?}");
        }
        assert!(!is_fullwidth_form('A') && !is_fullwidth_form('。'));
        assert!(is_ideographic_plane('𠀀') && is_ideographic_plane('\u{3FFFF}'));
        assert!(!is_ideographic_plane('工') && !is_ideographic_plane('😀'));
        for (wide, narrow) in [
            ('Ａ', 'A'),
            ('ｚ', 'z'),
            ('１', '1'),
            ('！', '!'),
            ('～', '~'),
        ] {
            assert_eq!(ascii_of_fullwidth(wide), Some(narrow));
            assert_eq!(fullwidth_of_ascii(narrow), Some(wide));
        }
        for c in [' ', 'a', '工', '\u{3000}', '｡', '\u{FF00}'] {
            assert_eq!(ascii_of_fullwidth(c), None, "{c:?}");
        }
        assert_eq!(fullwidth_of_ascii(' '), None);
        assert_eq!(fullwidth_of_ascii('工'), None);
    }
}
