//! The styles of every role on screen.

use ratatui::style::{Color, Modifier, Style};

/// How each part of the screen looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Headline in the reader.
    pub title: Style,
    /// Subtitle.
    pub subtitle: Style,
    /// Credit line.
    pub byline: Style,
    /// Subheading inside an article.
    pub subheading: Style,
    /// Body text.
    pub body: Style,
    /// A match of the search.
    pub matched: Style,
    /// The current match.
    pub current_match: Style,
    /// Section header in the list.
    pub section: Style,
    /// Article title in the list.
    pub item: Style,
    /// A title kanbao made up (the article has no headline).
    pub inferred: Style,
    /// An article already read.
    pub read: Style,
    /// The marker of the open article.
    pub open_marker: Style,
    /// The marker of an article with bookmarks.
    pub bookmark: Style,
    /// The list's cursor when the list has focus.
    pub selection: Style,
    /// The list's cursor when the reader has focus.
    pub selection_unfocused: Style,
    /// The line between the panes.
    pub separator: Style,
    /// The scroll indicator's track.
    pub scroll_track: Style,
    /// The scroll indicator's thumb.
    pub scroll_thumb: Style,
    /// The status bar.
    pub status: Style,
    /// The status bar's emphasised parts.
    pub status_strong: Style,
    /// An informative message.
    pub info: Style,
    /// An error message.
    pub error: Style,
    /// A popup's border and title.
    pub popup_border: Style,
    /// A heading inside a popup.
    pub popup_heading: Style,
    /// Text inside a popup.
    pub popup_text: Style,
    /// The prompt's text.
    pub prompt: Style,
}

impl Default for Theme {
    /// Colours that read well on a dark terminal, using the terminal's own foreground for text.
    fn default() -> Self {
        let plain = Style::new();
        Theme {
            title: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            subtitle: plain.fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            byline: plain.fg(Color::DarkGray),
            subheading: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            body: plain,
            matched: plain.bg(Color::Yellow).fg(Color::Black),
            current_match: plain
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            section: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            item: plain,
            inferred: plain.add_modifier(Modifier::ITALIC),
            read: plain.fg(Color::DarkGray),
            open_marker: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            bookmark: plain.fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
            selection: plain.add_modifier(Modifier::REVERSED),
            selection_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            separator: plain.fg(Color::DarkGray),
            scroll_track: plain.fg(Color::DarkGray),
            scroll_thumb: plain.fg(Color::Gray),
            status: plain.bg(Color::DarkGray).fg(Color::White),
            status_strong: plain
                .bg(Color::DarkGray)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            info: plain.bg(Color::DarkGray).fg(Color::LightGreen),
            error: plain
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            popup_border: plain.fg(Color::Cyan),
            popup_heading: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            popup_text: plain,
            prompt: plain.bg(Color::Black).fg(Color::White),
        }
    }
}
