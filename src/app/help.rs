//! The help's text: generated from the keymap, context by context, and set in rows for a
//! popup's width. The state needs the rows (how far the help scrolls), the popup draws them.

use super::App;
use crate::keymap::Context;
use crate::text::display_width;

/// One line of the help: a heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// The context that follows.
    Heading(&'static str),
    /// Keys and their action.
    Keys(String, &'static str),
    /// Spacing.
    Blank,
}

/// The help's lines, from the keymap, context by context.
pub fn help_lines(app: &App) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Popup,
    ] {
        let bindings: Vec<_> = app
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context && !b.keys.is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(context.label()));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(HelpLine::Keys(
                keys.join(" "),
                b.action.describe_in(context),
            ));
        }
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("Mouse"));
    out.push(HelpLine::Keys(
        "wheel".into(),
        "scroll the pane under the pointer",
    ));
    out.push(HelpLine::Keys(
        "click".into(),
        "open the article or search result clicked",
    ));
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("Counts"));
    out.push(HelpLine::Keys(
        "5j 10<Space> 3] 2}".into(),
        "a number before a movement repeats it",
    ));
    out.push(HelpLine::Keys(
        "20g 50%".into(),
        "line 20, or half-way, of the article (in the list: article 20, or half-way)",
    ));
    out
}

/// One row of the help as drawn at a width: its text, where it starts, whether a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// Column of the text inside the popup.
    pub x: u16,
    /// The text.
    pub text: String,
    /// A context's heading.
    pub heading: bool,
    /// When the row starts with keys, where their description starts.
    pub then: Option<(u16, String)>,
}

/// The help's lines set for an inside `width` columns wide: keys on the left, what they do
/// lined up after the widest keys, wrapped at word boundaries (on a narrow screen, under the
/// keys) instead of cut.
pub fn help_rows(app: &App, width: u16) -> Vec<HelpRow> {
    let lines = help_lines(app);
    let widest = lines
        .iter()
        .map(|l| match l {
            HelpLine::Keys(k, _) => display_width(k),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    // The actions line up after the widest keys, leaving them at least half the popup.
    let key_col = u16::try_from(widest + 4).unwrap_or(u16::MAX).min(width / 2);
    let mut rows = Vec::new();
    for line in lines {
        match line {
            HelpLine::Heading(h) => rows.push(HelpRow {
                x: 1,
                text: h.to_string(),
                heading: true,
                then: None,
            }),
            HelpLine::Blank => rows.push(HelpRow {
                x: 0,
                text: String::new(),
                heading: false,
                then: None,
            }),
            HelpLine::Keys(keys, what) => {
                let after = 2 + u16::try_from(display_width(&keys)).unwrap_or(u16::MAX) + 1;
                // Keys too wide for the column push their description on, or under them when
                // less than a third of the width would be left for it.
                let (first_x, own_line) = if after <= key_col {
                    (key_col, false)
                } else if width.saturating_sub(after) >= width / 3 {
                    (after, false)
                } else {
                    (key_col, true)
                };
                let mut wrapped = wrap_words(what, usize::from(width.saturating_sub(first_x)));
                let first = if own_line {
                    None
                } else {
                    Some(wrapped.remove(0))
                };
                rows.push(HelpRow {
                    x: 2,
                    text: keys,
                    heading: false,
                    then: first.map(|f| (first_x, f)),
                });
                // The rest under the first line's start (`first_x`, the key column when the
                // description has a line of its own), already wrapped to that width.
                for part in wrapped {
                    rows.push(HelpRow {
                        x: first_x,
                        text: part,
                        heading: false,
                        then: None,
                    });
                }
            }
        }
    }
    rows
}

/// `text` cut into lines of at most `width` columns at spaces (a word longer than that is cut
/// by `put` at the edge); at least one line.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("never empty");
        if line.is_empty() {
            line.push_str(word);
        } else if display_width(line) + 1 + display_width(word) <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}
