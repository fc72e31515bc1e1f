//! How a newsletter's bytes become text: a BOM, binary sniffing, UTF-8 or a detected legacy
//! encoding (chardetng), decoding (encoding_rs), then the one sanitiser.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GBK, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE};

use super::{SNIFF_LEN, clean};

/// How much of the input chardetng sees: it settles long before this, and feeding it a
/// 200 MB file would only cost time.
pub(super) const DETECT_LEN: usize = 4 * 1024 * 1024;

/// Text decoded from bytes by [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded, cleaned text.
    pub text: String,
    /// The encoding the bytes were read as, by its `encoding_rs` name.
    pub encoding: &'static str,
}

/// Why bytes could not be turned into a newsletter's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes hold a NUL or too many control bytes to be text (and are not UTF-16).
    #[error("the bytes do not look like text")]
    NotText,
    /// After decoding and cleaning nothing but whitespace is left.
    #[error("the text is empty")]
    Empty,
}

/// The encoding of a file without a BOM, judged from its start by the rules of [`decode`].
pub(super) fn head_encoding(head: &[u8]) -> &'static Encoding {
    if looks_binary(head) {
        // Not binary (the caller checked): UTF-16 without a BOM.
        return utf16_without_bom(head).unwrap_or(UTF_8);
    }
    // Whole lines only: a character cut off at the end of the head is no evidence.
    let head = memchr::memrchr(b'\n', head).map_or(head, |i| &head[..=i]);
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if valid || mostly_utf8(head) {
        UTF_8
    } else {
        detect(head)
    }
}

/// Whether the start of an input already shows it is binary (see [`looks_binary`]), judged the
/// way [`decode`] judges the whole: UTF-16 (with a BOM or ASCII-heavy) by its characters.
pub(super) fn head_is_binary(head: &[u8]) -> bool {
    let body = match Encoding::for_bom(head) {
        Some((encoding, bom_len)) => {
            let body = head.get(bom_len..).unwrap_or_default();
            if encoding != UTF_8 {
                return chars_look_binary(&encoding.decode_without_bom_handling(body).0);
            }
            body
        }
        None => head,
    };
    if !looks_binary(body) {
        return false;
    }
    match utf16_without_bom(body) {
        Some(encoding) => chars_look_binary(&encoding.decode_without_bom_handling(body).0),
        None => true,
    }
}

/// Turns a newsletter's bytes into clean text, working out the encoding.
///
/// In order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); binary data is refused, except
/// ASCII-heavy UTF-16 without a BOM; valid UTF-8 is taken as is; UTF-8 with a few invalid
/// sequences is decoded with U+FFFD for them; anything else is detected with chardetng
/// (short Chinese snippets lean to GBK/GB18030). The text is then [`clean`]ed.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding) = to_text(bytes)?;
    finish(text, encoding)
}

/// [`decode`] for bytes that name their encoding (an HTML page's `<meta charset>`, an email
/// part's `charset=`): a BOM first; then UTF-8 when the bytes are valid UTF-8 beyond ASCII (a
/// page saved as UTF-8 often keeps the label of the encoding it was converted from, and
/// Chinese in a legacy encoding is never valid UTF-8); then the named encoding (UTF-16 named
/// by a page that is not UTF-16 means UTF-8, as browsers read it); else as [`decode`].
pub fn decode_labelled(bytes: &[u8], label: Option<&str>) -> Result<Decoded, DecodeError> {
    let named = label
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .filter(|&e| e != REPLACEMENT && e != UTF_16LE && e != UTF_16BE && e != UTF_8);
    let Some(encoding) = named else {
        return decode(bytes);
    };
    if Encoding::for_bom(bytes).is_some() || looks_binary(bytes) {
        return decode(bytes);
    }
    if !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        return decode(bytes);
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    finish(text, encoding)
}

/// The encoding an HTML page names in its first 4 KiB: `<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
pub fn html_charset(head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = memchr::memmem::find(&lower[at..], b"<meta") {
        let start = at + i;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let value = tag[c + 7..].trim_ascii_start();
            if let Some(value) = value.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .take_while(|&&b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')
                    })
                    .count();
                if len > 0 {
                    return Some(String::from_utf8_lossy(&value[..len]).into_owned());
                }
            }
        }
        at = end;
    }
    None
}

/// [`decode`] for bytes we own: plain UTF-8, by far the common case, becomes the text without
/// a copy, which matters on files of hundreds of megabytes.
pub(super) fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    // The same steps as `to_text`, taking the buffer over where they would borrow.
    match Encoding::for_bom(&bytes) {
        Some((encoding, bom_len)) if encoding == UTF_8 => {
            bytes.drain(..bom_len);
        }
        Some(_) => return decode(&bytes),
        None => {}
    }
    if !looks_binary(&bytes) {
        match String::from_utf8(bytes) {
            Ok(text) => return finish(Cow::Owned(text), UTF_8),
            Err(error) => bytes = error.into_bytes(),
        }
    }
    let (text, encoding) = utf8_or_legacy(&bytes)?;
    finish(text, encoding)
}

/// Cleans decoded text and refuses it if nothing is left.
fn finish(text: Cow<'_, str>, encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let cleaned = match clean(&text) {
        Cow::Owned(cleaned) => Some(cleaned),
        Cow::Borrowed(_) => None,
    };
    let text = cleaned.unwrap_or_else(|| text.into_owned());
    // `trim` knows Unicode whitespace, the ideographic space included.
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Decodes bytes to (uncleaned) text and says which encoding it used.
fn to_text(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if encoding == UTF_8 {
            // The same checks as without a BOM: a BOM does not make binary data text.
            return utf8_or_legacy(body);
        }
        // UTF-16 is full of NULs by nature, so judge the decoded characters instead.
        let (text, _) = encoding.decode_without_bom_handling(body);
        if chars_look_binary(&text) {
            return Err(DecodeError::NotText);
        }
        return Ok((text, encoding));
    }
    utf8_or_legacy(bytes)
}

/// Decodes bytes without a UTF-16 BOM: UTF-8 if it plausibly is, else the detected encoding.
fn utf8_or_legacy(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), DecodeError> {
    if looks_binary(bytes) {
        let encoding = utf16_without_bom(bytes).ok_or(DecodeError::NotText)?;
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        if chars_look_binary(&text) {
            return Err(DecodeError::NotText);
        }
        return Ok((text, encoding));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    if mostly_utf8(bytes) {
        return Ok((String::from_utf8_lossy(bytes), UTF_8));
    }
    let encoding = detect(bytes);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok((text, encoding))
}

/// Whether a byte is a control character that has no business in text. Tab, line feed,
/// carriage return and form feed are ordinary in extracted text; escape is not.
fn is_control_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// Whether bytes are binary, judged by their first 64 KiB: any NUL, or more than a tenth of
/// control bytes. Only the start counts, as it does for a big file read in pieces: further on,
/// stray control bytes are damage, and cleaned away.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head.iter().filter(|&&b| is_control_byte(b)).count();
    controls * 10 > head.len()
}

/// [`looks_binary`] for decoded UTF-16, where NULs in the bytes are normal but a NUL
/// character is not.
fn chars_look_binary(text: &str) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in text.chars().take(SNIFF_LEN) {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls * 10 > total
}

/// Recognises UTF-16 without a BOM, as some Windows tools write it. Only ASCII-heavy text can
/// be told apart from binary: every ASCII character brings a NUL, always in the same half of
/// its code unit (the odd byte in little-endian, the even one in big-endian). So we ask for
/// NULs in more than a quarter of the bytes, more than 90% of them on one side, and at least
/// eight of them: a stray NUL in a few bytes of binary proves nothing.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        if let [first, second] = pair {
            even += usize::from(*first == 0);
            odd += usize::from(*second == 0);
        }
    }
    let nuls = even + odd;
    if nuls < 8 || nuls * 4 <= head.len() {
        None
    } else if odd * 10 > nuls * 9 {
        Some(UTF_16LE)
    } else if even * 10 > nuls * 9 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether bytes that are not valid UTF-8 still are UTF-8 with a little damage: a stray byte,
/// a run of garbage or a line pasted in from a GBK file must not make us read a whole UTF-8 file
/// as GBK or windows-1252 and garble all of it.
///
/// Damage comes in runs (a bad copy spoils a stretch of bytes, not every other byte), so bad
/// runs are counted, not bad bytes. Legacy text is a poor imitation of UTF-8: in GBK-encoded
/// Chinese (measured on the sample) the rare byte pairs that happen to be valid UTF-8 each sit
/// between two bad runs, about one valid character per run. So at least 8 valid multi-byte
/// characters and at least 5 of them for every bad run is safely UTF-8.
/// A few thousand sequences settle the ratio, so huge files are not scanned to the end.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut runs) = (0usize, 0usize);
    // Whether the previous chunk ended in a bad sequence with nothing valid after it.
    let mut in_run = false;
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        // Each multi-byte character has exactly one lead byte, 0xC0 and up.
        valid += chunk.valid().bytes().filter(|&b| b >= 0xc0).count();
        if !chunk.valid().is_empty() {
            in_run = false;
        }
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        // A character cut off at the very end is what truncation (`head -c`) leaves, no sign
        // of another encoding.
        let cut_off = chunks.peek().is_none()
            && std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none());
        if !cut_off && !in_run {
            runs += 1;
        }
        in_run = true;
        if valid + runs >= 4096 {
            break;
        }
    }
    valid >= 8 && runs * 5 <= valid
}

/// Guesses the legacy encoding of bytes that are not UTF-8.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(DETECT_LEN)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // `last` only when we fed everything: a cut in the middle of a character is no evidence.
    detector.feed(head, head.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    // chardetng needs about 16 Chinese characters to be sure; on fewer it often says EUC-KR
    // or a single-byte encoding. Our readers are Chinese, so when a short snippet is valid
    // GB18030 and reads as Chinese, it is Chinese.
    if guess != GBK && is_short(bytes) && reads_as_chinese(bytes) {
        GBK
    } else {
        guess
    }
}

/// Whether bytes hold too little non-ASCII for chardetng to be reliable (about 32 characters
/// of GBK).
fn is_short(bytes: &[u8]) -> bool {
    bytes.iter().filter(|&&b| b >= 0x80).take(64).count() < 64
}

/// Whether bytes decode as GB18030 without errors into text that is mostly Chinese.
/// (encoding_rs's GBK decoder is the full GB18030 decoder.)
fn reads_as_chinese(bytes: &[u8]) -> bool {
    let Some(text) = GBK.decode_without_bom_handling_and_without_replacement(bytes) else {
        return false;
    };
    let (mut cjk, mut other, mut words) = (0usize, 0usize, 0usize);
    let mut in_word = false;
    for c in text.chars() {
        let letter = c.is_ascii_alphabetic();
        if letter && !in_word {
            words += 1;
        }
        in_word = letter;
        if in_chinese_text(c) {
            cjk += 1;
        } else if !c.is_ascii() {
            other += 1;
        }
    }
    // Latin-1 text with accents can pass as GB18030 too ("Brücke" → "Br黷ke"), but then its
    // few "Chinese" characters sit among many ASCII words.
    cjk > 0 && other * 4 <= cjk && words * 2 <= cjk
}

/// Whether a character belongs in Chinese text as a legacy encoding decodes it: Han ideographs
/// (the ideographic planes too), CJK punctuation, full-width forms, and the middle dot, quotes
/// and dashes GBK text uses. The evidence for GBK, made of [`crate::text::script`]'s
/// predicates.
fn in_chinese_text(c: char) -> bool {
    use crate::text::script::{is_cjk_punctuation, is_fullwidth_form, is_ideographic_plane};
    matches!(c, '\u{b7}' | '\u{2010}'..='\u{2027}')
        || crate::text::is_han(c)
        || is_cjk_punctuation(c)
        || is_fullwidth_form(c)
        || is_ideographic_plane(c)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::text::sanitize::tests::pseudo_random;

    pub(crate) fn decoded(bytes: &[u8]) -> (String, &'static str) {
        match decode(bytes) {
            Ok(Decoded { text, encoding }) => (text, encoding),
            Err(error) => panic!("{bytes:?} did not decode: {error}"),
        }
    }

    pub(crate) fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
        let bom = bom.then_some(0xfeff_u16);
        bom.into_iter()
            .chain(text.encode_utf16())
            .flat_map(|unit| {
                if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect()
    }

    pub(crate) fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    const NEWS: &str = "区总工会召开会议\n\n会议总结了去年工作,部署了今年任务。\n";

    #[test]
    fn the_evidence_for_chinese_is_the_set_it_always_was() {
        // The ranges this test was written with, before the predicate was made of the script
        // module's: every character must still count, or not, as it did.
        let before = |c: char| {
            matches!(c,
                '\u{b7}'
                | '\u{2010}'..='\u{2027}'
                | '\u{3000}'..='\u{303f}'
                | '\u{3400}'..='\u{4dbf}'
                | '\u{4e00}'..='\u{9fff}'
                | '\u{f900}'..='\u{faff}'
                | '\u{fe30}'..='\u{fe4f}'
                | '\u{ff00}'..='\u{ffef}'
                | '\u{20000}'..='\u{3ffff}')
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(in_chinese_text(c), before(c), "{c:?}");
        }
    }

    #[test]
    fn utf8_is_taken_as_is() {
        assert_eq!(decoded(NEWS.as_bytes()), (NEWS.to_owned(), "UTF-8"));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let bytes = [b"\xef\xbb\xbf".as_slice(), NEWS.as_bytes()].concat();
        assert_eq!(decoded(&bytes), (NEWS.to_owned(), "UTF-8"));
        assert_eq!(decode_owned(bytes), decode(NEWS.as_bytes()));
    }

    #[test]
    fn utf16_with_bom_decodes_both_ways_round() {
        let text = "标题 𠀀 Title\n正文。\n";
        assert_eq!(
            decoded(&utf16(text, true, true)),
            (text.to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decoded(&utf16(text, true, false)),
            (text.to_owned(), "UTF-16BE")
        );
    }

    #[test]
    fn utf16_without_bom_is_recognised_when_ascii_heavy() {
        let text = "City Council News\n\nThe council met on Monday to discuss the harbour.\n";
        assert_eq!(
            decoded(&utf16(text, false, true)),
            (text.to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decoded(&utf16(text, false, false)),
            (text.to_owned(), "UTF-16BE")
        );
    }

    #[test]
    fn gb18030_chinese_with_a_four_byte_character() {
        let text =
            "太仓市总工会召开座谈会\n\n会议总结以往工作,部署今年任务。生僻字𠀀也要显示正确。\n";
        let bytes = gb18030(text);
        // U+20000 is one of GB18030's four-byte sequences.
        assert!(bytes.windows(4).any(|w| w == [0x95, 0x32, 0x82, 0x36]));
        assert_eq!(decoded(&bytes), (text.to_owned(), "GBK"));
    }

    #[test]
    fn gbk_text_decodes() {
        let text = "今天天气很好。我们去公园散步吧!\r\n";
        let (bytes, _, _) = GBK.encode(text);
        assert_eq!(
            decoded(&bytes),
            ("今天天气很好。我们去公园散步吧!\n".to_owned(), "GBK")
        );
    }

    #[test]
    fn short_chinese_leans_to_gbk() {
        // chardetng alone calls these EUC-KR or windows-1252.
        for text in ["你好", "开全", "工会力量", "“党建带工建”,"] {
            assert_eq!(decoded(&gb18030(text)), (text.to_owned(), "GBK"), "{text}");
        }
    }

    #[test]
    fn latin1_is_not_taken_for_chinese() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Über die Brücke gehen wir später.");
        assert_eq!(
            decoded(&bytes),
            (
                "Über die Brücke gehen wir später.".to_owned(),
                "windows-1252"
            )
        );
    }

    #[test]
    fn invalid_utf8_inside_chinese_stays_utf8() {
        let text = "会议总结了去年工作,部署了今年任务。要主动适应新形势,";
        let bytes = [text.as_bytes(), b"\xff", text.as_bytes()].concat();
        assert_eq!(decoded(&bytes), (format!("{text}\u{fffd}{text}"), "UTF-8"));
    }

    #[test]
    fn utf8_cut_off_mid_character_stays_utf8() {
        let bytes = &"会议总结了去年工作".as_bytes()[..3 * 8 + 2];
        assert_eq!(
            decoded(bytes),
            ("会议总结了去年工\u{fffd}".to_owned(), "UTF-8")
        );
    }

    #[test]
    fn nul_byte_is_not_text() {
        assert_eq!(decode(b"Hello\0world"), Err(DecodeError::NotText));
        assert_eq!(
            decode(&[b"\xef\xbb\xbf".as_slice(), b"a\0b"].concat()),
            Err(DecodeError::NotText)
        );
    }

    #[test]
    fn mostly_control_bytes_are_not_text() {
        assert_eq!(
            decode(b"\x01\x02\x03abc\x1b\x1b\x04def\x05"),
            Err(DecodeError::NotText)
        );
        // A few escapes in real text are cleaned, not refused.
        let text = "Some plain words, then \x1b[1mbold\x1b[0m, then plain again.\n";
        assert_eq!(
            decoded(text.as_bytes()).0,
            "Some plain words, then bold, then plain again.\n"
        );
    }

    #[test]
    fn utf16_full_of_nul_characters_is_not_text() {
        let bytes = utf16("\0\0\0\0ab", true, true);
        assert_eq!(decode(&bytes), Err(DecodeError::NotText));
        // NULs on both sides are not UTF-16.
        assert_eq!(
            decode(&[0, 0, 0, 0, b'a', 0, 0, b'b']),
            Err(DecodeError::NotText)
        );
    }

    #[test]
    fn nothing_but_whitespace_is_empty() {
        for bytes in [
            b"".as_slice(),
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\n\n\r\n  \t\n",
            "\u{3000}\u{3000}\n\x0c\n".as_bytes(),
        ] {
            assert_eq!(decode(bytes), Err(DecodeError::Empty), "{bytes:?}");
        }
    }

    #[test]
    fn decode_never_panics_on_odd_bytes() {
        let pieces: [&[u8]; 13] = [
            b"a",
            b"\0",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\xef\xbb\xbf",
            b"\x95\x32\x82\x36",
            b"\xe4\xb8",
            b"\xe4\xb8\xad",
            b"\xd6\xd0",
            b"\x1b",
            b"\r\n",
            b"\x80",
            b"\x01",
        ];
        let mut seed = 0xb17e_u64;
        for _ in 0..5000 {
            let len = pseudo_random(&mut seed) % 40;
            let bytes: Vec<u8> = (0..len)
                .flat_map(|_| {
                    pieces[pseudo_random(&mut seed) % pieces.len()]
                        .iter()
                        .copied()
                })
                .collect();
            if let Ok(decoded) = decode(&bytes) {
                assert!(matches!(clean(&decoded.text), Cow::Borrowed(_)));
            }
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let text = "会议总结了去年工作，部署了今年任务。要主动适应新形势。\n";
        // A run of garbage bytes, as a bad copy leaves them.
        let garbage = [text.as_bytes(), &[0xff; 30], text.as_bytes()].concat();
        assert_eq!(decoded(&garbage).1, "UTF-8");
        // A line pasted in from a GBK file.
        let (gbk, _, _) = GBK.encode("这一行是从别的文件粘贴进来的\n");
        let pasted = [text.as_bytes(), &gbk, text.as_bytes()].concat();
        let (out, encoding) = decoded(&pasted);
        assert_eq!(encoding, "UTF-8");
        assert!(out.starts_with(text) && out.ends_with(text), "{out}");
        // Whole GBK text is still GBK.
        let whole = text.repeat(3);
        let (gbk, _, _) = GBK.encode(&whole);
        assert_eq!(decoded(&gbk).1, "GBK");
    }
}
