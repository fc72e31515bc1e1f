//! Links as a reader uses them: every link of an article (or of the whole newsletter) with the
//! text it is on, whether a link may be handed to the browser as it is, and an article as plain
//! text for the clipboard.
//!
//! Nothing here opens or copies anything: the event loop does that (see [`crate::tui`]), so
//! the rules can be tested on their own. The URL a reader is shown is always the real target,
//! never the link's text.

use crate::doc::{Article, BlockKind, Newsletter, Part, SpanKind, TextPos};

/// One link of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The article it is in, by its index in reading order.
    pub article: usize,
    /// Where its text starts.
    pub pos: TextPos,
    /// Where its text ends, in the same part.
    pub end: usize,
    /// The text it is on (an image's alt text, or `image`).
    pub text: String,
    /// Where it goes.
    pub url: String,
}

impl Link {
    /// Whether some of the link's text is on a laid-out line of `part` showing bytes `range`
    /// of it (an image without alt text, whose text is empty, is on its line).
    pub fn is_on(&self, part: Part, range: &std::ops::Range<usize>) -> bool {
        let (start, end) = (self.pos.offset, self.end);
        self.pos.part == part
            && if start == end {
                range.contains(&start) || range.end == start
            } else {
                start < range.end && end > range.start
            }
    }
}

/// The links of `article` (the `index`-th in reading order), in reading order: links in the
/// headline, the subtitle, the credit and the body, and the sources of images.
pub fn of_article(index: usize, article: &Article) -> Vec<Link> {
    let mut links = Vec::new();
    for (part, text) in article.parts() {
        let block = match part {
            Part::Block(i) => article.blocks.get(i),
            _ => None,
        };
        if let Some(b) = block.filter(|b| b.kind == BlockKind::Image)
            && let Some(url) = b.url()
        {
            let alt = if b.text.is_empty() { "image" } else { &b.text };
            links.push(Link {
                article: index,
                pos: TextPos { part, offset: 0 },
                end: b.text.len(),
                text: crate::text::line(alt).into_owned(),
                url: url.to_string(),
            });
        }
        for span in article.spans(part) {
            let (Some(url), SpanKind::Link) = (&span.url, span.kind) else {
                continue;
            };
            let on = text.get(span.start..span.end).unwrap_or("");
            // An image linked to itself is listed once.
            if block.and_then(|b| b.url()) == Some(url.as_str()) {
                continue;
            }
            links.push(Link {
                article: index,
                pos: TextPos {
                    part,
                    offset: span.start,
                },
                end: span.end,
                text: crate::text::line(on).into_owned(),
                url: url.to_string(),
            });
        }
    }
    links
}

/// The links of every article, in reading order.
pub fn of_newsletter(doc: &Newsletter) -> Vec<Link> {
    doc.articles()
        .enumerate()
        .flat_map(|(i, (_, a))| of_article(i, a))
        .collect()
}

/// What may be done with a link's target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Safety {
    /// A web page or a mail address: handed over at once.
    Open,
    /// Another scheme (`file:`, `javascript:`, an app's own): only when the reader says yes,
    /// having seen the whole URL. The text says what kind of link it is.
    Ask(String),
    /// Never handed over; the text says why.
    Refuse(String),
    /// A place in the newsletter itself (`#anchor`).
    Inside(String),
}

/// How far a link's target can be trusted.
pub fn safety(url: &str) -> Safety {
    if url.chars().any(char::is_control) {
        return Safety::Refuse("the link holds control characters".into());
    }
    // Marks that turn the direction of the text can make a URL read as another.
    if url
        .chars()
        .any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
    {
        return Safety::Refuse("the link holds marks that reverse its text".into());
    }
    if url.trim().is_empty() {
        return Safety::Refuse("the link has no target".into());
    }
    if let Some(anchor) = url.strip_prefix('#') {
        return Safety::Inside(anchor.to_string());
    }
    match scheme(url) {
        Some(s) if ["http", "https", "mailto"].contains(&s.to_ascii_lowercase().as_str()) => {
            Safety::Open
        }
        Some(s) => Safety::Ask(format!("a {}: link", s.to_ascii_lowercase())),
        None => Safety::Refuse("a relative link: there is no site to resolve it against".into()),
    }
}

/// The scheme of a URL (`https` of `https://…`), if it has one: a letter, then letters, digits,
/// `+`, `-` or `.`, then a colon.
fn scheme(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// Where a link within the newsletter (`#name`) goes: the block of that name (a footnote),
/// else the heading it is the slug of, as GitHub makes them (`#本周话题`, `#tools-and-tips`):
/// an article's headline, a subheading, or a section's first article.
pub fn find_anchor(doc: &Newsletter, anchor: &str) -> Option<(usize, TextPos)> {
    let anchor = percent_decoded(anchor);
    let at = |part| TextPos { part, offset: 0 };
    let articles = || doc.articles().enumerate();
    for (i, (_, a)) in articles() {
        if let Some(b) = a.blocks.iter().position(|b| b.id() == Some(&anchor)) {
            return Some((i, at(Part::Block(b))));
        }
    }
    let wanted = anchor.to_lowercase();
    for (i, (_, a)) in articles() {
        if slug(&a.title) == wanted {
            return Some((i, at(Part::Title)));
        }
        let heading = a
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Subheading && slug(&b.text) == wanted);
        if let Some(b) = heading {
            return Some((i, at(Part::Block(b))));
        }
    }
    let section = doc.sections.iter().position(|s| slug(&s.title) == wanted)?;
    articles()
        .find(|(_, (s, _))| *s == section)
        .map(|(i, _)| (i, at(Part::Title)))
}

/// A heading's anchor as GitHub makes it: lower case, spaces as `-`, punctuation dropped.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// `%E4%B8%AD` and the like decoded (what cannot be is kept as it is).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Whether link cells carry OSC 8 hyperlinks, so that a click in the terminal opens them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hyperlinks {
    /// When the terminal is known to support them.
    #[default]
    Auto,
    /// Always.
    On,
    /// Never.
    Off,
}

impl Hyperlinks {
    /// Whether to send them, given the environment (`var` reads a variable).
    pub fn enabled(self, var: impl Fn(&str) -> Option<String>) -> bool {
        match self {
            Hyperlinks::On => true,
            Hyperlinks::Off => false,
            Hyperlinks::Auto => supports_hyperlinks(var),
        }
    }
}

/// Whether the terminal is one known to handle OSC 8: never a dumb terminal or the Linux
/// console, not inside tmux or screen (which pass them on only when told to), and otherwise
/// only the terminals that say who they are and are known to (VTE ≥ 0.50, kitty, WezTerm,
/// iTerm2, foot, ghostty, Windows Terminal, VS Code, Konsole ≥ 20.04).
fn supports_hyperlinks(var: impl Fn(&str) -> Option<String>) -> bool {
    let term = var("TERM").unwrap_or_default();
    if term.is_empty() || term == "dumb" || term.starts_with("linux") {
        return false;
    }
    if var("TMUX").is_some() || term.starts_with("screen") || term.starts_with("tmux") {
        return false;
    }
    let number = |name: &str| var(name).and_then(|v| v.trim().parse::<u64>().ok());
    let program = var("TERM_PROGRAM").unwrap_or_default();
    number("VTE_VERSION").is_some_and(|v| v >= 5000)
        || number("KONSOLE_VERSION").is_some_and(|v| v >= 200_400)
        || var("KITTY_WINDOW_ID").is_some()
        || var("WT_SESSION").is_some()
        || ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(&program.as_str())
        || ["xterm-kitty", "wezterm", "xterm-ghostty"].contains(&term.as_str())
        || term.starts_with("foot")
}

/// The article as plain text, as a reader would paste it: the headline, the subtitle and the
/// credit, then the body, blocks apart by a blank line, list items with their markers, quotes
/// after `> `, images as `[image: …]` with their source.
pub fn plain_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&article.title);
    for line in [&article.subtitle, &article.byline].into_iter().flatten() {
        out.push('\n');
        out.push_str(line);
    }
    let mut prev: Option<BlockKind> = None;
    for block in &article.blocks {
        // A list's items, and a quote's lines, stay together.
        let together = prev == Some(block.kind)
            && matches!(block.kind, BlockKind::ListItem | BlockKind::Quote);
        out.push_str(if together { "\n" } else { "\n\n" });
        prev = Some(block.kind);
        let indent = "  ".repeat(usize::from(block.depth()));
        match block.kind {
            BlockKind::ListItem => {
                let marker = block.marker().map_or_else(|| " ".into(), |m| m.text());
                out.push_str(&format!("{indent}{marker} {}", block.text));
            }
            BlockKind::Quote => {
                let bars = "> ".repeat(usize::from(block.depth().max(1)));
                let lines: Vec<String> = block.text.lines().map(|l| format!("{bars}{l}")).collect();
                out.push_str(&lines.join("\n"));
            }
            BlockKind::Image => {
                let alt = if block.text.is_empty() {
                    String::new()
                } else {
                    format!(": {}", block.text)
                };
                out.push_str(&format!("[image{alt}]"));
                if let Some(url) = block.url() {
                    out.push_str(&format!(" {url}"));
                }
            }
            BlockKind::Rule => out.push_str("* * *"),
            _ => out.push_str(&block.text),
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, Span};

    fn link(start: usize, end: usize, url: &str) -> Span {
        Span {
            kind: SpanKind::Link,
            start,
            end,
            url: Some(url.into()),
        }
    }

    #[test]
    fn web_and_mail_links_open_other_schemes_ask_and_tricks_are_refused() {
        assert_eq!(safety("https://example.org/a?b=c"), Safety::Open);
        assert_eq!(safety("HTTP://example.org"), Safety::Open);
        assert_eq!(safety("mailto:editor@example.org"), Safety::Open);
        assert_eq!(
            safety("javascript:alert(1)"),
            Safety::Ask("a javascript: link".into())
        );
        assert_eq!(
            safety("file:///etc/passwd"),
            Safety::Ask("a file: link".into())
        );
        assert_eq!(
            safety("zotero://select"),
            Safety::Ask("a zotero: link".into())
        );
        assert!(matches!(
            safety("https://e.org/\u{1b}[2J"),
            Safety::Refuse(_)
        ));
        assert!(matches!(safety("https://e.org/\u{7}"), Safety::Refuse(_)));
        assert!(matches!(
            safety("https://e.org/\u{202e}gpj.exe"),
            Safety::Refuse(_)
        ));
        assert!(matches!(safety("issues/12"), Safety::Refuse(_)));
        assert!(matches!(safety("   "), Safety::Refuse(_)));
        assert_eq!(safety("#fn-1"), Safety::Inside("fn-1".into()));
        // A colon later in a relative path is no scheme.
        assert!(matches!(safety("a/b:c"), Safety::Refuse(_)));
    }

    #[test]
    fn hyperlinks_auto_only_where_the_terminal_is_known_to_handle_them() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let auto = Hyperlinks::Auto;
        assert!(auto.enabled(env(&[("TERM", "xterm-256color"), ("VTE_VERSION", "7600")])));
        assert!(auto.enabled(env(&[("TERM", "xterm-kitty")])));
        assert!(auto.enabled(env(&[
            ("TERM", "xterm-256color"),
            ("TERM_PROGRAM", "WezTerm")
        ])));
        assert!(!auto.enabled(env(&[("TERM", "xterm-256color")])));
        assert!(!auto.enabled(env(&[("TERM", "dumb"), ("VTE_VERSION", "7600")])));
        assert!(!auto.enabled(env(&[("TERM", "linux")])));
        assert!(!auto.enabled(env(&[])));
        const TMUX: &[(&str, &str)] = &[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/t,1,0"),
            ("VTE_VERSION", "7600"),
        ];
        assert!(!auto.enabled(env(TMUX)));
        assert!(Hyperlinks::On.enabled(env(&[("TERM", "dumb")])));
        assert!(!Hyperlinks::Off.enabled(env(&[("TERM", "xterm-kitty")])));
    }

    #[test]
    fn a_link_within_the_newsletter_finds_its_footnote_or_its_heading() {
        let doc = crate::read::markdown::parse(
            "## 本周话题\n\n### Tools and Tips\n\n见注[^a]。\n\n#### 第二小节\n\n正文。\n\n\
             ## 其他\n\n文字。\n\n[^a]: 注释的正文。\n",
        );
        let (i, pos) = find_anchor(&doc, "fn-a").expect("the footnote");
        let article = doc.articles().nth(i).unwrap().1;
        assert!(article.text(pos.part).unwrap().contains("注释的正文"));
        let (_, pos) = find_anchor(&doc, "tools-and-tips").expect("the headline");
        assert_eq!(pos.part, Part::Title);
        let (i, pos) =
            find_anchor(&doc, "%E7%AC%AC%E4%BA%8C%E5%B0%8F%E8%8A%82").expect("the subheading");
        let article = doc.articles().nth(i).unwrap().1;
        assert_eq!(article.text(pos.part), Some("第二小节"));
        assert!(find_anchor(&doc, "本周话题").is_some(), "the section");
        assert_eq!(find_anchor(&doc, "nowhere"), None);
    }

    #[test]
    fn an_articles_links_come_in_reading_order_with_their_text() {
        let mut body = Block::paragraph("读[原文]和另一篇");
        body.spans = vec![
            link(3, 11, "https://example.org/a"),
            link(14, 23, "https://b.org"),
        ]
        .into();
        let mut image = Block::new(BlockKind::Image, "一座桥");
        image.more_mut().url = Some("https://example.org/bridge.webp".into());
        let article = Article {
            title: "标题".into(),
            title_spans: vec![link(0, 6, "https://example.org/t")].into(),
            blocks: vec![image, body],
            ..Article::default()
        };
        let links = of_article(4, &article);
        let got: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.text.as_str(), l.url.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("标题", "https://example.org/t"),
                ("一座桥", "https://example.org/bridge.webp"),
                ("[原文]", "https://example.org/a"),
                ("另一篇", "https://b.org"),
            ]
        );
        assert_eq!(links[2].article, 4);
        assert_eq!(
            links[2].pos,
            TextPos {
                part: Part::Block(1),
                offset: 3
            }
        );
    }

    #[test]
    fn an_article_as_plain_text_keeps_its_shape() {
        let mut item = Block::new(BlockKind::ListItem, "第一条");
        item.set_marker(Some(crate::doc::Marker::Number(1)));
        let mut quote = Block::new(BlockKind::Quote, "引一句");
        quote.depth = 1;
        let article = Article {
            title: "Ferries Return".into(),
            byline: Some("By Jane Doe".into()),
            blocks: vec![Block::paragraph("The ferry runs."), item, quote],
            ..Article::default()
        };
        assert_eq!(
            plain_text(&article),
            "Ferries Return\nBy Jane Doe\n\nThe ferry runs.\n\n1. 第一条\n\n> 引一句\n"
        );
    }
}
