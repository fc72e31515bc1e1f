//! Emphasis next to Chinese punctuation, as writers mean it.
//!
//! CommonMark decides whether `**` opens or closes by what stands beside it: after a mark and
//! before a letter it may only open, so `**测试快了。**这是…` leaves both runs raw, and
//! `这是**“重点”**` cannot open. Chinese text puts marks there all the time. Before parsing,
//! a zero-width space is put between such a run and the Chinese mark beside it, which makes
//! the run flank as it would beside a letter; the reader then drops the zero-width spaces from
//! every text it gathers.

use std::borrow::Cow;

use crate::text::is_wide;
use crate::text::script::is_cjk_punctuation;

/// The character put beside a run: U+200B ZERO WIDTH SPACE, neither space nor punctuation to
/// CommonMark.
pub const MARK: char = '\u{200B}';

/// `text` with a zero-width space between every `*` run and a Chinese mark beside it
/// whose other side is a letter (borrowed when there is none).
pub fn separate(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    // Only `*`: a `_` run may not open or close inside a word, and a zero-width space beside
    // it would make it inside one (`"__名字__"` works as it is).
    while let Some(at) = memchr::memchr(b'*', &bytes[i..]) {
        let start = i + at;
        let c = bytes[start];
        let end = start + bytes[start..].iter().take_while(|&&b| b == c).count();
        i = end;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        // A run closes after a mark that ends something (`。**`, `）*`), and opens before one
        // that begins something (`**“`, `*（`); beside Chinese, an ASCII mark counts too
        // (`**ok.**测试`). Stars beside other marks (`产品*、`: a note's mark) are left alone.
        let gap_before = is_letter(after)
            && ((is_mark(before) && !is_opening(before))
                || (before.is_ascii_punctuation() && is_wide(after)));
        let gap_after = is_letter(before)
            && ((is_mark(after) && is_opening(after))
                || (after.is_ascii_punctuation() && is_wide(before)));
        if !(gap_before || gap_after) {
            continue;
        }
        let buf = out.get_or_insert_with(|| String::with_capacity(text.len() + 64));
        buf.push_str(&text[copied..start]);
        if gap_before {
            buf.push(MARK);
        }
        buf.push_str(&text[start..end]);
        if gap_after {
            buf.push(MARK);
        }
        copied = end;
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&text[copied..]);
            Cow::Owned(buf)
        }
        None => Cow::Borrowed(text),
    }
}

/// A mark of Chinese text: CJK punctuation, full-width ASCII punctuation, and the quotes,
/// dashes and ellipsis Chinese shares with general punctuation.
fn is_mark(c: char) -> bool {
    is_cjk_punctuation(c) || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// A mark that opens: brackets and quotes that come before what they hold.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '“' | '‘' | '《' | '〈' | '「' | '『' | '【' | '〔' | '〖' | '［' | '｛'
    )
}

/// Neither space nor punctuation (nor another delimiter run).
fn is_letter(c: char) -> bool {
    !(c.is_whitespace() || c.is_ascii_punctuation() || is_mark(c) || c == MARK)
}

/// `text` without the zero-width spaces [`separate`] put in (borrowed when it has none).
pub fn unmark(text: &str) -> Cow<'_, str> {
    if text.contains(MARK) {
        Cow::Owned(text.replace(MARK, ""))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_beside_chinese_marks_are_set_apart_and_others_left() {
        assert_eq!(separate("**测试。**这是"), "**测试。\u{200B}**这是");
        assert_eq!(separate("这是**“重点”**。"), "这是**\u{200B}“重点”**。");
        assert!(matches!(separate("**bold**, and *em*"), Cow::Borrowed(_)));
        assert!(matches!(separate("a_b_c 2*3"), Cow::Borrowed(_)));
        assert!(matches!(separate("搜索\"__名字__\"即可"), Cow::Borrowed(_)));
        assert_eq!(separate("**ok.**测试"), "**ok.\u{200B}**测试");
        assert_eq!(separate("测试*（完）*"), "测试*\u{200B}（完）*");
        assert!(matches!(separate("A产品*、B产品*均上涨"), Cow::Borrowed(_)));
        assert!(matches!(separate("**ok.**text"), Cow::Borrowed(_)));
        assert_eq!(unmark("a\u{200B}b"), "ab");
    }
}
