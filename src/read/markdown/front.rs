//! Front matter: the `Key: value` lines before a Markdown newsletter's body, never shown as
//! text. Two shapes are common: a YAML block between `---` lines (Jekyll, Hugo, Hexo) and a
//! header of `Key: value` lines ending at the first blank line (Pelican, MultiMarkdown).

/// What the front matter says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Front {
    /// `title:`.
    pub title: Option<String>,
    /// `date:` (or `pubdate:`, `published:`).
    pub date: Option<String>,
}

/// Reads `key: value` lines into what kanbao uses.
pub fn read_fields(lines: &str) -> Front {
    let mut front = Front::default();
    for line in lines.lines() {
        let Some((key, value)) = field(line) else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "title" if front.title.is_none() => front.title = Some(value.to_string()),
            "date" | "pubdate" | "published" if front.date.is_none() => {
                front.date = Some(value.to_string());
            }
            _ => {}
        }
    }
    front
}

/// A YAML block at the very start: a `---` line, `key: value` lines (and what YAML allows
/// between them: lists, indented values, comments, blank lines), and a closing `---` or `...`
/// line. Returns what it says and its length; `None` when the text does not start with one.
pub fn yaml(text: &str) -> Option<(Front, usize)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut end = first.len();
    let mut fields = false;
    for line in lines.take(200) {
        end += line.len();
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return fields.then(|| (read_fields(&text[first.len()..end - line.len()]), end));
        }
        if field(bare).is_some() {
            fields = true;
        } else if !(bare.is_empty()
            || bare.starts_with([' ', '\t', '-', '#'])
            || bare.starts_with("- "))
        {
            // Prose: a rule followed by text, not front matter.
            return None;
        }
    }
    None
}

/// A Pelican-style header at the very start: a `Title:` line and more `Key: value` lines up to
/// the first blank line. Returns what it says and the length of the header, blank line
/// included; `None` when the text does not start with one.
pub fn header(text: &str) -> Option<(Front, usize)> {
    let mut end = 0;
    let mut keys = 0;
    let mut titled = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare.is_empty() {
            end += line.len();
            break;
        }
        let (key, _) = field(bare)?;
        titled |= key.eq_ignore_ascii_case("title");
        keys += 1;
        end += line.len();
        if keys > 30 {
            return None;
        }
    }
    // One `Title: …` line alone could be a sentence; a header has a title and more keys.
    (titled && keys >= 2).then(|| (read_fields(&text[..end]), end))
}

/// `key: value` with a short key of letters, digits, `_` and `-`.
fn field(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let ok = !key.is_empty()
        && key.len() <= 24
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then_some((key, value))
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pelican_header_is_read_and_measured() {
        let text = "Title: Widgets 4\nNumber: 4\nDate: 2026-01-02\n\nHello.\n";
        let (front, len) = header(text).expect("a header");
        assert_eq!(front.title.as_deref(), Some("Widgets 4"));
        assert_eq!(front.date.as_deref(), Some("2026-01-02"));
        assert_eq!(&text[len..], "Hello.\n");
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_header() {
        assert_eq!(header("Title: a lone line\n\nbody"), None);
        assert_eq!(header("Note: this is prose, with words\nand more\n"), None);
        assert_eq!(header("# Heading\n"), None);
    }

    #[test]
    fn a_yaml_block_is_front_matter_only_at_the_start() {
        let text = "---\ntitle: 周报\ntags:\n  - a\ndate: 2026-09-28\n---\n\n# 周报\n";
        let (front, len) = yaml(text).expect("front matter");
        assert_eq!(front.title.as_deref(), Some("周报"));
        assert_eq!(front.date.as_deref(), Some("2026-09-28"));
        assert_eq!(&text[len..], "\n# 周报\n");
        // A rule, then prose: no front matter.
        assert_eq!(
            yaml("---\nSponsored by Acme, who make widgets.\n---\n"),
            None
        );
        assert_eq!(yaml("---\n\n---\n"), None);
        assert_eq!(yaml("text\n---\ntitle: x\n---\n"), None);
    }

    #[test]
    fn yaml_values_are_unquoted() {
        let front = read_fields("title: \"码农周报\"\ndate: '2026-09-28'\ntags: [a, b]\n");
        assert_eq!(front.title.as_deref(), Some("码农周报"));
        assert_eq!(front.date.as_deref(), Some("2026-09-28"));
    }
}
