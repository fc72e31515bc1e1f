//! The HTML that Markdown newsletters carry (`<u>`, `<br>`, `<p align="center"><img …></p>`,
//! `<kbd>`, comments): split into tags and text, so the Markdown reader can turn each tag into a
//! style, a break, an image or a link, and never show one. Full HTML pages have a front end of
//! their own; this is only the small tolerant part that inline HTML needs.

use pulldown_cmark::{Event, Options, Parser, Tag as MdTag, TagEnd};

use super::{Reader, clean_url};
use crate::doc::{Block, BlockKind, Span, SpanKind};

/// A piece of HTML source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    /// A tag.
    Tag(Tag<'a>),
    /// A comment, a doctype or a processing instruction: never shown.
    Hidden,
    /// A comment that does not end in this source: what follows, up to `-->`, is hidden too.
    OpenComment,
}

/// An opening or closing tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The name, lowercase.
    pub name: String,
    /// `</name>`.
    pub closing: bool,
    /// The source inside the brackets, for [`Tag::attr`].
    source: &'a str,
}

impl Tag<'_> {
    /// The value of attribute `name` (entities decoded), if the tag has it.
    pub fn attr(&self, name: &str) -> Option<String> {
        let mut rest = self.source.get(self.name.len()..)?;
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                return None;
            }
            let key_end = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let key = &rest[..key_end];
            rest = rest[key_end..].trim_start();
            let mut value = "";
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (v, tail) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let inner = &after[1..];
                        let end = inner.find(q).unwrap_or(inner.len());
                        (&inner[..end], inner.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v;
                rest = tail;
            }
            if key.eq_ignore_ascii_case(name) {
                return Some(super::cjk::unmark(&decode_entities(value)).into_owned());
            }
            if key.is_empty() {
                // Nothing could be read: stop rather than loop.
                return None;
            }
        }
    }
}

/// Splits HTML source into text, tags and hidden parts. A `<` that starts no tag is text.
pub fn tokens(source: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = source;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
        }
        let tail = &rest[lt..];
        if let Some(body) = tail.strip_prefix("<!--") {
            match body.find("-->") {
                Some(e) => {
                    out.push(Token::Hidden);
                    rest = &body[e + 3..];
                }
                None => {
                    out.push(Token::OpenComment);
                    rest = "";
                }
            }
            continue;
        }
        if tail.starts_with("<!") || tail.starts_with("<?") {
            let end = tail.find('>').map_or(tail.len(), |e| e + 1);
            out.push(Token::Hidden);
            rest = &tail[end..];
            continue;
        }
        match tag_at(tail) {
            Some((tag, len)) => {
                out.push(Token::Tag(tag));
                rest = &tail[len..];
            }
            None => {
                out.push(Token::Text("<"));
                rest = &tail[1..];
            }
        }
    }
    out
}

/// The tag at the start of `text` (which starts with `<`) and its length.
fn tag_at(text: &str) -> Option<(Tag<'_>, usize)> {
    let inner = &text[1..];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // The end: the first `>` outside quotes.
    let mut quote = None;
    let mut end = None;
    for (i, c) in inner.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => {
                end = Some(i);
                break;
            }
            (None, '<') => return None,
            _ => {}
        }
    }
    let end = end?;
    let source = &inner[..end];
    let name_end = source
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
        .unwrap_or(source.len());
    let name = source[..name_end].to_ascii_lowercase();
    let len = 1 + usize::from(closing) + end + 1;
    Some((
        Tag {
            name,
            closing,
            source,
        },
        len,
    ))
}

/// Decodes the entities HTML text in Markdown uses: the five of XML, `&nbsp;`, a few
/// typographic ones, and numeric references. Unknown ones stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail[1..].find(';').map(|s| s + 1).filter(|&s| s <= 12);
        let decoded = semi.and_then(|s| entity(&tail[1..s]).map(|c| (c, s + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "middot" => '·',
        "copy" => '©',
        "times" => '×',
        _ => return None,
    })
}

/// How the Markdown reader takes the HTML it meets.
impl Reader {
    /// HTML in Markdown: tags become styles, breaks, images, links or block ends; text is text;
    /// comments, scripts and styles are dropped.
    pub(super) fn html(&mut self, source: &str, block: bool) {
        let mut source = source;
        if self.in_comment {
            match source.find("-->") {
                Some(end) => {
                    self.in_comment = false;
                    source = &source[end + 3..];
                }
                None => return,
            }
        }
        for token in tokens(source) {
            match token {
                Token::Hidden => {}
                Token::OpenComment => self.in_comment = true,
                Token::Text(t) => {
                    if self.skip_html.is_some() {
                        continue;
                    }
                    if block && self.nested == 0 && t.contains(['[', '*', '_', '`', '!', '~']) {
                        self.inline_markdown(t);
                        continue;
                    }
                    let decoded = decode_entities(t);
                    // Source lines inside an HTML block are soft breaks.
                    let mut lines = decoded.split('\n');
                    if let Some(first) = lines.next() {
                        self.text(first);
                    }
                    for line in lines {
                        self.inline.line_break(false);
                        self.text(line);
                    }
                }
                Token::Tag(tag) => self.html_tag(&tag),
            }
        }
    }

    /// The text of an HTML block read as inline Markdown: CommonMark leaves the rest of a line
    /// that starts with a tag or a comment raw, where writers meant links and bold. Only the
    /// inline events count; each line is taken from its first character (HTML is indented,
    /// Markdown code would not be).
    fn inline_markdown(&mut self, text: &str) {
        let dedented: Vec<&str> = text.split('\n').map(str::trim_start).collect();
        let source = dedented.join("\n");
        let options = Options::ENABLE_STRIKETHROUGH;
        self.nested += 1;
        let mut first = true;
        for event in Parser::new_ext(&source, options) {
            match event {
                Event::Start(MdTag::Paragraph) => {
                    if !first {
                        self.inline.line_break(false);
                    }
                    first = false;
                }
                Event::Start(
                    tag @ (MdTag::Emphasis
                    | MdTag::Strong
                    | MdTag::Strikethrough
                    | MdTag::Link { .. }
                    | MdTag::Image { .. }),
                ) => self.start(tag),
                Event::End(
                    tag @ (TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Image),
                ) => self.end(tag),
                Event::Text(t) => self.text(&t),
                Event::Code(t) => self.styled_text(&t, SpanKind::Code),
                Event::SoftBreak => self.inline.line_break(false),
                Event::HardBreak => self.inline.line_break(true),
                Event::Html(h) | Event::InlineHtml(h) => self.html(&h, false),
                _ => {}
            }
        }
        self.nested -= 1;
    }

    fn html_tag(&mut self, tag: &Tag<'_>) {
        let name = tag.name.as_str();
        if let Some(until) = &self.skip_html {
            if tag.closing && name == until {
                self.skip_html = None;
            }
            return;
        }
        let style = match name {
            "b" | "strong" => Some(SpanKind::Strong),
            "i" | "em" | "cite" => Some(SpanKind::Em),
            "u" | "ins" => Some(SpanKind::Underline),
            "s" | "del" | "strike" => Some(SpanKind::Strike),
            "code" | "kbd" | "tt" | "samp" => Some(SpanKind::Code),
            "a" => Some(SpanKind::Link),
            _ => None,
        };
        if let Some(kind) = style {
            if tag.closing {
                // The tag closes one of the last few opened (a stray end tag searches no further).
                let recent = self.open_html.len().saturating_sub(32);
                if let Some(at) = self.open_html[recent..]
                    .iter()
                    .rposition(|(n, ..)| n == name)
                    .map(|i| recent + i)
                {
                    let (_, kind, start, url) = self.open_html.remove(at);
                    self.add_span(kind, start, url);
                }
            } else {
                let url = (kind == SpanKind::Link)
                    .then(|| tag.attr("href"))
                    .flatten()
                    .map(|u| clean_url(&u));
                if kind == SpanKind::Link && url.is_none() {
                    // An anchor without a target (`<a name=…>`) is no link.
                    return;
                }
                self.open_html
                    .push((name.to_string(), kind, self.inline.text.len(), url));
            }
            return;
        }
        match name {
            // Only a block of HTML can hold a script or a style; in prose, `<head>` is a word.
            "script" | "style" | "head" | "title" if !tag.closing && self.html_block => {
                self.skip_html = Some(name.to_string());
            }
            // A table's cell is one line.
            "br" if self.table.is_some() => self.inline.push(" "),
            "br" => self.inline.line_break(true),
            "img" if !tag.closing => {
                if let Some(src) = tag.attr("src") {
                    let alt = tag.attr("alt").unwrap_or_default();
                    let mut image = Block::new(BlockKind::Image, crate::text::line(alt.trim()));
                    image.more_mut().url = Some(clean_url(&src).into());
                    self.place_image(image);
                }
            }
            "iframe" | "video" | "audio" | "embed" | "object" if !tag.closing => {
                let src = tag.attr("src").or_else(|| tag.attr("data"));
                if let Some(src) = src {
                    let chinese = self.inline.recent_han();
                    let word = match (name, chinese) {
                        ("video", true) => "[视频]",
                        ("video", false) => "[video]",
                        ("audio", true) => "[音频]",
                        ("audio", false) => "[audio]",
                        (_, true) => "[嵌入内容]",
                        (_, false) => "[embedded content]",
                    };
                    self.inline.push(word);
                    // After the push: a soft break's space before it is not part of it.
                    let start = self.inline.text.len() - word.len();
                    self.inline.spans.push(Span {
                        kind: SpanKind::Link,
                        start,
                        end: self.inline.text.len(),
                        url: Some(clean_url(&src).into()),
                    });
                }
            }
            "td" | "th" if !tag.closing && !self.inline.is_blank() => self.inline.push(" "),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.html_block => {
                let level = name[1..].parse().unwrap_or(6);
                if tag.closing {
                    self.end_heading();
                } else {
                    self.flush();
                    self.heading = Some(level);
                }
            }
            "p" | "div" | "center" | "table" | "tr" | "li" | "ul" | "ol" | "blockquote"
            | "section" | "figure" | "figcaption" | "hr" | "details" | "summary" | "dl" | "dt"
            | "dd" | "article" | "header" | "footer" | "pre" => self.flush(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_comments_are_told_apart() {
        let t = tokens("<p align=\"center\"><img src='a.png' alt=\"x > y\"/></p>a<b<!-- no -->");
        let names: Vec<String> = t
            .iter()
            .map(|t| match t {
                Token::Text(s) => format!("text {s}"),
                Token::Tag(tag) => format!("{}{}", if tag.closing { "/" } else { "" }, tag.name),
                Token::Hidden => "hidden".into(),
                Token::OpenComment => "open".into(),
            })
            .collect();
        assert_eq!(
            names,
            ["p", "img", "/p", "text a", "text <", "text b", "hidden"]
        );
        let Token::Tag(img) = &t[1] else {
            panic!("an image tag")
        };
        assert_eq!(img.attr("src").as_deref(), Some("a.png"));
        assert_eq!(img.attr("ALT").as_deref(), Some("x > y"));
        assert_eq!(img.attr("width"), None);
    }

    #[test]
    fn entities_are_decoded_and_unknown_ones_kept() {
        assert_eq!(
            decode_entities("a &amp; b &#27; &#x4e00; &bogus; &"),
            "a & b \u{1b} 一 &bogus; &"
        );
    }
}
