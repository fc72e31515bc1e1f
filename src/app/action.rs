//! Every user intent, whether it comes from a key, the mouse or the terminal.

use crate::keymap::Context;

/// What the user asked for. Keys map to actions through the keymap; the mouse and the terminal
/// produce the variants with coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave kanbao.
    Quit,
    /// Move focus between the list and the reader.
    ToggleFocus,
    /// Next article (list) or one line down (reader, popup).
    Down,
    /// Previous article (list) or one line up (reader, popup).
    Up,
    /// Open the selected article in the reader.
    Open,
    /// Back from the reader to the list.
    Back,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Open the next article, from either pane.
    NextArticle,
    /// Open the previous article, from either pane.
    PrevArticle,
    /// Open the first article of the next section.
    NextSection,
    /// Open the first article of the previous section.
    PrevSection,
    /// Show the keys.
    Help,
    /// Close the topmost popup.
    Close,
    /// The mouse wheel turned over a cell: `down` or up, by one notch.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// A left click on a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The terminal now has this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

impl Action {
    /// What the action does where it is bound, for the help popup.
    pub fn describe_in(self, context: Context) -> &'static str {
        match (self, context) {
            (Action::Down, Context::List) => "next article",
            (Action::Up, Context::List) => "previous article",
            (Action::Down, _) => "line down",
            (Action::Up, _) => "line up",
            _ => self.describe(),
        }
    }

    /// What the action does, for the help popup.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ToggleFocus => "switch between list and reader",
            Action::Down => "next article / line down",
            Action::Up => "previous article / line up",
            Action::Open => "open the selected article",
            Action::Back => "back to the list",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next article",
            Action::PrevArticle => "previous article",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::Help => "this help",
            Action::Close => "close the popup",
            Action::Wheel { .. } => "scroll the pane under the pointer",
            Action::Click { .. } => "open the article clicked",
            Action::Resize { .. } => "fit the terminal",
        }
    }
}
