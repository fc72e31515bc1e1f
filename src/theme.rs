//! The styles of every role on screen.
//!
//! A leaf of the crate (it imports only ratatui's `Style`): the configuration fills a theme in,
//! the state holds it and the UI draws with it. It is data, not drawing, so it lives neither in
//! `ui` (the state would import the UI) nor in `config` (which imports the state's settings:
//! the state would import the configuration, and round again).

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
    /// Bold text (`**…**`, `<strong>`).
    pub strong: Style,
    /// Italics (`*…*`, `<em>`).
    pub em: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// Struck-through text.
    pub strike: Style,
    /// Links.
    pub link: Style,
    /// Quoted text, and its bars.
    pub quote: Style,
    /// List markers.
    pub marker: Style,
    /// Image lines' labels (`[图]`, `[image]`).
    pub image: Style,
    /// Horizontal rules, and the mark of a preformatted line cut at the edge.
    pub rule: Style,
    /// A match of the search.
    pub matched: Style,
    /// The current match.
    pub current_match: Style,
    /// The label typed to follow a link (`f`).
    pub hint: Style,
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

/// The number of roles a theme styles.
pub const ROLES: usize = 36;

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

impl Theme {
    /// Colours that read well on a dark terminal, using the terminal's own foreground for text.
    pub fn dark() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            subtitle: plain.fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            byline: plain.fg(Color::DarkGray),
            subheading: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            body: plain,
            strong: plain.add_modifier(Modifier::BOLD),
            em: plain.add_modifier(Modifier::ITALIC),
            code: plain.fg(Color::LightGreen),
            strike: plain.add_modifier(Modifier::CROSSED_OUT),
            link: plain
                .fg(Color::LightCyan)
                .add_modifier(Modifier::UNDERLINED),
            quote: plain.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            marker: plain.fg(Color::Yellow),
            image: plain.fg(Color::LightMagenta),
            rule: plain.fg(Color::DarkGray),
            matched: plain.bg(Color::Yellow).fg(Color::Black),
            current_match: plain
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            hint: plain
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            section: plain.fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            item: plain,
            inferred: plain.add_modifier(Modifier::ITALIC),
            read: plain.fg(Color::DarkGray).add_modifier(Modifier::DIM),
            open_marker: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            bookmark: plain.fg(Color::LightMagenta).add_modifier(Modifier::BOLD),
            selection: plain.add_modifier(Modifier::REVERSED),
            selection_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            separator: plain.fg(Color::DarkGray),
            scroll_track: plain.fg(Color::DarkGray),
            // The terminal's own text colour: the thumb shows on any background.
            scroll_thumb: plain.add_modifier(Modifier::BOLD),
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

    /// Colours that read well on a light terminal.
    pub fn light() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
            subtitle: plain.fg(Color::Blue).add_modifier(Modifier::ITALIC),
            byline: plain.fg(Color::DarkGray),
            subheading: plain.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            body: plain,
            strong: plain.add_modifier(Modifier::BOLD),
            em: plain.add_modifier(Modifier::ITALIC),
            code: plain.fg(Color::Green),
            strike: plain.add_modifier(Modifier::CROSSED_OUT),
            link: plain.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            quote: plain.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            marker: plain.fg(Color::Red),
            image: plain.fg(Color::Magenta),
            rule: plain.fg(Color::DarkGray),
            matched: plain.bg(Color::LightYellow).fg(Color::Black),
            current_match: plain
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            hint: plain
                .bg(Color::LightYellow)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            section: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
            item: plain,
            inferred: plain.add_modifier(Modifier::ITALIC),
            read: plain.fg(Color::DarkGray).add_modifier(Modifier::DIM),
            open_marker: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            bookmark: plain.fg(Color::Magenta).add_modifier(Modifier::BOLD),
            selection: plain.add_modifier(Modifier::REVERSED),
            selection_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            // Light grey vanishes on a white background: the dark grey of the dark theme's
            // dim roles is the lightest that shows on both.
            separator: plain.fg(Color::DarkGray),
            scroll_track: plain.fg(Color::DarkGray),
            scroll_thumb: plain.add_modifier(Modifier::BOLD),
            status: plain.bg(Color::Gray).fg(Color::Black),
            status_strong: plain
                .bg(Color::Gray)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            info: plain.bg(Color::Gray).fg(Color::Green),
            error: plain
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            popup_border: plain.fg(Color::Blue),
            popup_heading: plain.fg(Color::Blue).add_modifier(Modifier::BOLD),
            popup_text: plain,
            prompt: plain.bg(Color::White).fg(Color::Black),
        }
    }

    /// A built-in theme by name: `dark` or `light`.
    pub fn preset(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            _ => None,
        }
    }

    /// Every role by the name the configuration gives it.
    pub fn roles_mut(&mut self) -> [(&'static str, &mut Style); ROLES] {
        [
            ("title", &mut self.title),
            ("subtitle", &mut self.subtitle),
            ("byline", &mut self.byline),
            ("subheading", &mut self.subheading),
            ("body", &mut self.body),
            ("strong", &mut self.strong),
            ("em", &mut self.em),
            ("code", &mut self.code),
            ("strike", &mut self.strike),
            ("link", &mut self.link),
            ("quote", &mut self.quote),
            ("marker", &mut self.marker),
            ("image", &mut self.image),
            ("rule", &mut self.rule),
            ("match", &mut self.matched),
            ("current_match", &mut self.current_match),
            ("hint", &mut self.hint),
            ("section", &mut self.section),
            ("item", &mut self.item),
            ("inferred", &mut self.inferred),
            ("read", &mut self.read),
            ("open_marker", &mut self.open_marker),
            ("bookmark", &mut self.bookmark),
            ("selection", &mut self.selection),
            ("selection_unfocused", &mut self.selection_unfocused),
            ("separator", &mut self.separator),
            ("scroll_track", &mut self.scroll_track),
            ("scroll_thumb", &mut self.scroll_thumb),
            ("status", &mut self.status),
            ("status_strong", &mut self.status_strong),
            ("info", &mut self.info),
            ("error", &mut self.error),
            ("popup_border", &mut self.popup_border),
            ("popup_heading", &mut self.popup_heading),
            ("popup_text", &mut self.popup_text),
            ("prompt", &mut self.prompt),
        ]
    }

    /// The same theme without colours, only bold, italic, reversed and the like (for
    /// `NO_COLOR`).
    pub fn without_colors(mut self) -> Theme {
        for (_, style) in self.roles_mut() {
            *style = Style::new()
                .add_modifier(style.add_modifier)
                .remove_modifier(style.sub_modifier);
        }
        // Without colours, matches and the status bar still have to stand out.
        self.matched = self.matched.add_modifier(Modifier::UNDERLINED);
        self.current_match = self.current_match.add_modifier(Modifier::REVERSED);
        self.hint = self.hint.add_modifier(Modifier::REVERSED);
        self.status = self.status.add_modifier(Modifier::REVERSED);
        self.status_strong = self.status_strong.add_modifier(Modifier::REVERSED);
        self.info = self.info.add_modifier(Modifier::REVERSED);
        self.error = self.error.add_modifier(Modifier::REVERSED);
        self.prompt = self.prompt.add_modifier(Modifier::REVERSED);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colours_rich_text_keeps_bold_italics_and_underline() {
        for theme in [Theme::dark(), Theme::light()] {
            let plain = theme.without_colors();
            for (style, modifier) in [
                (plain.strong, Modifier::BOLD),
                (plain.em, Modifier::ITALIC),
                (plain.link, Modifier::UNDERLINED),
                (plain.strike, Modifier::CROSSED_OUT),
            ] {
                assert!(style.add_modifier.contains(modifier), "{style:?}");
                assert_eq!((style.fg, style.bg), (None, None));
            }
        }
    }
}
