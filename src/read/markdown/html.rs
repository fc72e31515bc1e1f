//! The HTML that Markdown newsletters carry (`<u>`, `<br>`, `<p align="center"><img …></p>`,
//! `<kbd>`, comments): split into tags and text, so the Markdown reader can turn each tag into a
//! style, a break, an image or a link, and never show one. Full HTML pages have a front end of
//! their own; this is only the small tolerant part that inline HTML needs.

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
                return Some(decode_entities(value));
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
