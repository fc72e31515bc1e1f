//! The model's strings: immutable text that many blocks can share one allocation for.
//!
//! A big Markdown digest has half a million blocks, most of a line or two, and as many links;
//! a `String` each costs an allocation (with its header and rounding) and 24 bytes. A [`Text`]
//! is a range of a reference-counted buffer (16 bytes): a front end makes its texts as it
//! likes, one buffer each, then may [`pool`] a batch of them (the Markdown reader: each piece
//! of a file it reads) into shared buffers. Reading a `Text` is reading a `&str` ([`Deref`]);
//! a slice of one ([`Text::slice`], a headline cut out of its paragraph) shares the buffer.
//!
//! Extracted text is not pooled: its blocks are paragraphs, and the holes pooling leaves in
//! the heap cost more than the headers it saves.

use std::fmt;
use std::ops::{Deref, Range};

use arcstr::{ArcStr, Substr};
use serde::Serialize;

/// An immutable string, maybe sharing its buffer with others (`arcstr`'s reference-counted
/// substring: one pointer and a 32-bit range). Compares, hashes, prints and serialises as the
/// `str` it holds.
#[derive(Clone, Default)]
pub struct Text(Substr);

/// The most a buffer holds: offsets are 32 bits. Input is at most 1 GiB, so only a text grown
/// past that by tab stops could reach it; such a text keeps its first 4 GiB.
const MAX: usize = u32::MAX as usize;

impl Text {
    /// The empty text.
    pub const fn new() -> Text {
        Text(Substr::new())
    }

    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The part of the text in `range` (byte offsets, on char boundaries), sharing its buffer.
    ///
    /// # Panics
    /// When `range` is out of bounds or not on char boundaries, as slicing a `str` does.
    pub fn slice(&self, range: Range<usize>) -> Text {
        Text(self.0.substr(range))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        if s.is_empty() {
            return Text::new();
        }
        let s = &s[..crate::text::floor_boundary(s, MAX)];
        Text(Substr::full(ArcStr::from(s)))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::from(s.as_str())
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(s: std::borrow::Cow<'_, str>) -> Text {
        Text::from(s.into_owned())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.as_str().to_string()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Whatever holds texts, visited in a fixed order (the same on every call).
pub trait Texts {
    /// Calls `f` on every text held, in order.
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text));
}

impl<T: Texts> Texts for [T] {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        for item in self {
            item.each_text(f);
        }
    }
}

impl<T: Texts> Texts for Vec<T> {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.as_mut_slice().each_text(f);
    }
}

impl<T: Texts> Texts for thin_vec::ThinVec<T> {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        self.as_mut_slice().each_text(f);
    }
}

impl Texts for Text {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        f(self);
    }
}

impl<T: Texts> Texts for Option<T> {
    fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
        if let Some(t) = self {
            t.each_text(f);
        }
    }
}

/// About how much text one buffer holds: a buffer lives while any text in it does, so a few
/// texts kept (a bookmark's article) keep little else alive, and the copying is done in runs
/// that let the texts' own strings go as it goes.
const RUN: usize = 256 << 10;

/// Moves every text that `items` hold into shared buffers of about [`RUN`] bytes, each text
/// then pointing at its own bytes there. What the texts read does not change.
pub fn pool<T: Texts>(items: &mut [T]) {
    let mut start = 0;
    let mut size = 0;
    for i in 0..items.len() {
        items[i].each_text(&mut |t| size += t.len());
        if size >= RUN || i + 1 == items.len() {
            pool_one(&mut items[start..=i]);
            start = i + 1;
            size = 0;
        }
    }
}

/// Moves every text that `items` hold into one buffer (unless they add up to more than a
/// buffer holds: then they stay as they are).
fn pool_one<T: Texts + ?Sized>(items: &mut T) {
    let mut size = 0;
    items.each_text(&mut |t| size += t.len());
    if size == 0 || size > MAX {
        return;
    }
    let mut at = 0;
    let buf = ArcStr::init_with(size, |buf| {
        items.each_text(&mut |t| {
            buf[at..at + t.len()].copy_from_slice(t.as_bytes());
            at += t.len();
        });
    });
    // Whole texts were copied end to end: the buffer is UTF-8, and always made.
    let Ok(buf) = buf else {
        return;
    };
    let mut at = 0;
    items.each_text(&mut |t| {
        let len = t.len();
        *t = Text(buf.substr(at..at + len));
        at += len;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Two(Text, Option<Text>);

    impl Texts for Two {
        fn each_text(&mut self, f: &mut dyn FnMut(&mut Text)) {
            f(&mut self.0);
            self.1.each_text(f);
        }
    }

    #[test]
    fn pooled_texts_read_as_before_and_share_one_buffer() {
        let mut items = vec![
            Two("第一段".into(), None),
            Two(String::new().into(), Some("second".into())),
            Two("三".into(), Some(Text::from("four"))),
        ];
        pool(&mut items);
        let read: Vec<(String, Option<String>)> = items
            .iter()
            .map(|t| (t.0.to_string(), t.1.as_ref().map(|t| t.to_string())))
            .collect();
        assert_eq!(
            read,
            [
                ("第一段".into(), None),
                (String::new(), Some("second".into())),
                ("三".into(), Some("four".into())),
            ]
        );
        let buf = |t: &Text| t.0.parent().as_ptr();
        assert_eq!(buf(&items[0].0), buf(&items[2].0));
        assert_eq!(buf(&items[0].0), buf(items[1].1.as_ref().unwrap()));
        assert_eq!(items[0].0.0.parent(), "第一段second三four");
    }

    #[test]
    fn a_slice_shares_the_buffer_and_reads_its_part() {
        let t = Text::from("标题：正文");
        let head = t.slice(0..6);
        assert_eq!(head, "标题");
        assert_eq!(t.slice(9..15), "正文");
        assert_eq!(t.slice(3..3), "");
        assert!(ArcStr::ptr_eq(t.0.parent(), head.0.parent()));
    }

    #[test]
    fn texts_compare_hash_and_print_as_their_str() {
        use std::collections::HashSet;
        let a = Text::from("same");
        let mut pooled = vec![Text::from("xx"), Text::from("same")];
        pool(&mut pooled);
        assert_eq!(a, pooled[1]);
        assert_eq!(format!("{a:?} {a}"), "\"same\" same");
        let set: HashSet<Text> = [a.clone(), pooled[1].clone()].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert_eq!(serde_json::to_string(&pooled[1]).unwrap(), "\"same\"");
        assert_eq!(Text::default(), "");
    }
}
