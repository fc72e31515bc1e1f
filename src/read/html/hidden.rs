//! What a page hides: elements that are never shown (scripts, styles, forms' lists, the site's
//! navigation, as a reader view leaves it out), elements
//! a style hides (the "preheader" of newsletter emails: `display:none`, `font-size:0`,
//! `max-height:0`, `mso-hide:all`), classes and ids a style sheet hides, and images that are
//! no picture (tracking pixels, spacers).

use std::collections::HashSet;

/// Elements whose content is never text to read.
pub(super) fn never_shown(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "select"
            | "datalist"
            | "textarea"
            | "map"
            | "title"
            | "nav"
    )
}

/// The declarations of a `style` attribute or a rule, as lowercase `(property, value)` pairs
/// with `!important` and spaces taken off.
fn declarations(style: &str) -> impl Iterator<Item = (String, String)> + '_ {
    style.split(';').filter_map(|decl| {
        let (property, value) = decl.split_once(':')?;
        let value = value.trim().to_ascii_lowercase();
        let value = value.trim_end_matches("!important").trim().to_string();
        Some((property.trim().to_ascii_lowercase(), value))
    })
}

/// A length of nothing: `0`, `0px`, `0pt`, `0em`, `0%`, `0.0px`.
fn is_zero(value: &str) -> bool {
    let number = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    !number.is_empty() && number.chars().all(|c| c == '0' || c == '.') && number.contains('0')
}

/// The declarations hide what they style: not displayed, invisible, of no size or no
/// opacity, or of no height (or width) with what overflows it hidden.
pub(super) fn style_hides(style: &str) -> bool {
    let (mut flat, mut clipped) = (false, false);
    for (property, value) in declarations(style) {
        let hides = match property.as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "mso-hide" => value == "all",
            "font-size" | "max-height" | "opacity" | "max-width" => is_zero(&value),
            "height" | "width" => {
                flat |= is_zero(&value);
                false
            }
            "overflow" | "overflow-y" | "overflow-x" => {
                clipped |= value == "hidden" || value == "clip";
                false
            }
            _ => false,
        };
        if hides {
            return true;
        }
    }
    flat && clipped
}

/// The styles a `style` attribute gives text: bold, italics, struck through, underlined.
pub(super) fn style_marks(style: &str) -> (bool, bool, bool, bool) {
    let (mut bold, mut italic, mut strike, mut underline) = (false, false, false, false);
    for (property, value) in declarations(style) {
        match property.as_str() {
            "font-weight" => {
                bold = value == "bold"
                    || value == "bolder"
                    || value.parse::<u32>().is_ok_and(|w| w >= 600);
            }
            "font-style" => italic = value == "italic" || value == "oblique",
            "text-decoration" | "text-decoration-line" => {
                strike = value.contains("line-through");
                underline = value.contains("underline");
            }
            _ => {}
        }
    }
    (bold, italic, strike, underline)
}

/// The classes and ids that a page's style sheets hide, by rules of one simple selector each
/// (`.preheader`, `#hidden`, `span.preview`), outside `@media` blocks (a phone's layout is
/// not the page's).
#[derive(Debug, Default)]
pub(super) struct Sheet {
    classes: HashSet<String>,
    ids: HashSet<String>,
}

impl Sheet {
    /// Adds the rules of a style sheet.
    pub(super) fn add(&mut self, css: &str) {
        let css = strip_comments(css);
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            // After a statement without a block (`@import …;`), if any.
            let selectors = rest[..open].rsplit(';').next().unwrap_or("").trim();
            let after = &rest[open + 1..];
            if selectors.starts_with('@') {
                // An at-rule's block (`@media … { … }`) is skipped whole, braces matched.
                rest = skip_block(after);
                continue;
            }
            let close = after.find('}').unwrap_or(after.len());
            if style_hides(&after[..close]) {
                for selector in selectors.split(',') {
                    self.note(selector.trim());
                }
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
    }

    fn note(&mut self, selector: &str) {
        // One compound selector: a tag, then one class or id, nothing more.
        let tail = selector.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        let simple = |name: &str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        };
        if let Some(class) = tail.strip_prefix('.')
            && simple(class)
        {
            self.classes.insert(class.to_string());
        } else if let Some(id) = tail.strip_prefix('#')
            && simple(id)
        {
            self.ids.insert(id.to_string());
        }
    }

    /// Whether the sheets hide an element of these `class` and `id` attributes.
    pub(super) fn hides(&self, class: Option<&str>, id: Option<&str>) -> bool {
        class.is_some_and(|c| c.split_ascii_whitespace().any(|c| self.classes.contains(c)))
            || id.is_some_and(|id| self.ids.contains(id.trim()))
    }

    pub(super) fn is_empty(&self) -> bool {
        self.classes.is_empty() && self.ids.is_empty()
    }
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

/// What follows the block whose `{` came just before `css`, nested blocks included.
fn skip_block(css: &str) -> &str {
    let mut depth = 1usize;
    for (i, b) in css.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return &css[i + 1..];
                }
            }
            _ => {}
        }
    }
    ""
}

/// A number of pixels from an attribute or a style value (`1`, `1px`, `0`).
fn pixels(value: &str) -> Option<f32> {
    value.trim().trim_end_matches("px").trim().parse().ok()
}

/// An image that is no picture: a tracking pixel or a spacer (2 pixels or less across or
/// down, by its attributes or its style), or one whose source has a tracker's shape and no
/// alternative text.
pub(super) fn no_picture(
    width: Option<&str>,
    height: Option<&str>,
    style: Option<&str>,
    src: &str,
    alt: &str,
) -> bool {
    let tiny = |v: Option<&str>| v.and_then(pixels).is_some_and(|px| px <= 2.0);
    let styled = style.is_some_and(|style| {
        declarations(style).any(|(property, value)| {
            matches!(
                property.as_str(),
                "width" | "height" | "max-width" | "max-height"
            ) && pixels(&value).is_some_and(|px| px <= 2.0)
        })
    });
    if tiny(width) || tiny(height) || styled {
        return true;
    }
    let src = src.to_ascii_lowercase();
    let tracker = [
        "/track/open",
        "/open.php",
        "/open.gif",
        "/open.aspx",
        "/wf/open",
        "/e/o/",
        "/o.gif",
        "pixel.gif",
        "/pixel",
        "beacon",
        "spacer.gif",
        "blank.gif",
    ];
    alt.trim().is_empty() && tracker.iter().any(|t| src.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_that_hide() {
        assert!(style_hides("display:none"));
        assert!(style_hides("color:#fff; DISPLAY: none !important"));
        assert!(style_hides("font-size:0px;line-height:0"));
        assert!(style_hides("max-height:0;overflow:hidden"));
        assert!(style_hides("mso-hide:all"));
        assert!(style_hides("visibility:hidden"));
        assert!(style_hides(
            "line-height:0px; height: 0px; overflow-y: hidden"
        ));
        assert!(!style_hides("height:0"));
        assert!(!style_hides("overflow:hidden"));
        assert!(!style_hides("font-size:10px;display:block"));
        assert!(!style_hides("max-height:100px"));
        assert!(!style_hides("margin:0"));
    }

    #[test]
    fn a_sheet_hides_simple_selectors_outside_media_blocks() {
        let mut sheet = Sheet::default();
        sheet.add(
            "/* hidden */ .preheader { display: none !important; }\n\
             span.preview, #tease { font-size: 0 }\n\
             @media (max-width: 480px) { .desktop { display: none } .x { y: z } }\n\
             .shown { color: red }\n\
             div .nested { display: none }",
        );
        assert!(sheet.hides(Some("a preheader"), None));
        assert!(sheet.hides(Some("preview"), None));
        assert!(sheet.hides(None, Some("tease")));
        assert!(!sheet.hides(Some("desktop"), None));
        assert!(!sheet.hides(Some("shown"), None));
        assert!(!sheet.hides(Some("nested"), None));
    }

    #[test]
    fn pixels_and_spacers_are_no_picture() {
        assert!(no_picture(
            Some("1"),
            Some("1"),
            None,
            "https://t.example/x",
            ""
        ));
        assert!(no_picture(
            None,
            None,
            Some("width:1px;height:1px"),
            "x.png",
            ""
        ));
        assert!(no_picture(
            None,
            None,
            None,
            "https://x.example/track/open?u=1",
            ""
        ));
        assert!(!no_picture(
            Some("600"),
            None,
            None,
            "https://x.example/photo.jpg",
            ""
        ));
        assert!(!no_picture(
            None,
            None,
            None,
            "https://x.example/beacon.jpg",
            "A beacon"
        ));
    }
}
