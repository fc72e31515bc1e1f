//! Every user intent, whether it comes from a key, the mouse or the terminal.

use crate::keymap::Context;

/// What the user asked for. Keys map to actions through the keymap; the mouse and the terminal
/// produce the variants with coordinates.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// Close the topmost popup, or clear the search highlights.
    Close,
    /// Find in the open article: open the prompt.
    Find,
    /// Search the whole newsletter: open the prompt.
    SearchAll,
    /// Go to the next match of the search.
    NextMatch,
    /// Go to the previous match of the search.
    PrevMatch,
    /// Mark the article unread, or read again.
    ToggleRead,
    /// Go to the percentage of the article (reader) or the list typed as a count (`50%`).
    Percent,
    /// A digit of a count typed before a movement (`5j`, `10<Space>`).
    Digit(u8),
    /// A key bound to nothing where it was pressed, in the keymap's notation.
    Unbound(String),
    /// Type a character into the prompt.
    Insert(char),
    /// Paste text into the prompt.
    Paste(String),
    /// Delete the character before the prompt's cursor.
    Backspace,
    /// Delete the word before the prompt's cursor.
    DeleteWord,
    /// Delete everything before the prompt's cursor.
    DeleteToStart,
    /// Move the prompt's cursor left.
    CursorLeft,
    /// Move the prompt's cursor right.
    CursorRight,
    /// Move the prompt's cursor to the start.
    CursorHome,
    /// Move the prompt's cursor to the end.
    CursorEnd,
    /// Show the query before the one in the prompt (`↑` in a shell).
    RecallOlder,
    /// Show the query after the one in the prompt, then what was being typed.
    RecallNewer,
    /// Accept the prompt (or the popup's selection).
    Confirm,
    /// Leave the prompt, undoing what it did.
    Cancel,
    /// Suspend kanbao and go back to the shell (`fg` resumes).
    Suspend,
    /// Bookmark the top line of the reader, with a note.
    AddBookmark,
    /// Show the bookmarks.
    Bookmarks,
    /// Delete the selected item (asks first).
    Delete,
    /// Edit the selected bookmark's note.
    EditNote,
    /// The open article's links in a popup; in that popup, the whole newsletter's.
    Links,
    /// Copy the open article, as plain text, to the clipboard.
    CopyArticle,
    /// Back to where the reader was before the last jump (`Ctrl-o`).
    JumpBack,
    /// Forward again after going back (`Alt-o`).
    JumpForward,
    /// To the place before the last jump, and again back (`''`).
    JumpPrevious,
    /// Labels on the links in view; typing one opens it.
    Follow,
    /// Labels on the links in view; typing one copies it.
    FollowCopy,
    /// Yes, go ahead (in the links popup: copy the link).
    Yes,
    /// No, keep it.
    No,
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
    /// The action's name in the configuration's `[keys]` tables, for actions keys can do.
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::ToggleFocus => "toggle_focus",
            Action::Down => "down",
            Action::Up => "up",
            Action::Open => "open",
            Action::Back => "back",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextArticle => "next_article",
            Action::PrevArticle => "prev_article",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::Help => "help",
            Action::Close => "close",
            Action::Find => "find",
            Action::SearchAll => "search_all",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Backspace => "backspace",
            Action::DeleteWord => "delete_word",
            Action::DeleteToStart => "delete_to_start",
            Action::CursorLeft => "cursor_left",
            Action::CursorRight => "cursor_right",
            Action::CursorHome => "cursor_home",
            Action::CursorEnd => "cursor_end",
            Action::RecallOlder => "recall_older",
            Action::RecallNewer => "recall_newer",
            Action::Confirm => "confirm",
            Action::Cancel => "cancel",
            Action::Suspend => "suspend",
            Action::AddBookmark => "add_bookmark",
            Action::Bookmarks => "bookmarks",
            Action::Delete => "delete",
            Action::EditNote => "edit_note",
            Action::Links => "links",
            Action::CopyArticle => "copy_article",
            Action::JumpBack => "jump_back",
            Action::JumpForward => "jump_forward",
            Action::JumpPrevious => "jump_previous",
            Action::Follow => "follow",
            Action::FollowCopy => "follow_copy",
            Action::Yes => "yes",
            Action::No => "no",
            Action::ToggleRead => "toggle_read",
            Action::Percent => "percent",
            Action::Digit(_)
            | Action::Unbound(_)
            | Action::Insert(_)
            | Action::Paste(_)
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::Resize { .. } => return None,
        })
    }

    /// What the action does where it is bound, for the help popup.
    pub fn describe_in(&self, context: Context) -> &'static str {
        match (self, context) {
            (Action::Down, Context::List) => "next article",
            (Action::Up, Context::List) => "previous article",
            (Action::Down, _) => "line down",
            (Action::Up, _) => "line up",
            (Action::Confirm, Context::Popup) => "go to the selected item",
            (Action::Close, Context::Popup) => "close the popup",
            (Action::Links, Context::Popup) => "links: this article's / the newsletter's",
            (Action::Find, Context::Popup) => "filter the links",
            _ => self.describe(),
        }
    }

    /// What the action does, for the help popup.
    pub fn describe(&self) -> &'static str {
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
            Action::Close => "close the popup / clear highlights",
            Action::Find => "find in the article",
            Action::SearchAll => "search the whole newsletter",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ToggleRead => "mark the article unread / read",
            Action::Percent => "with a count: go to that percent (50%)",
            Action::Digit(_) => "a count for the next movement (5j)",
            Action::Unbound(_) => "nothing",
            Action::Insert(_) => "type",
            Action::Paste(_) => "paste",
            Action::Backspace => "delete a character",
            Action::DeleteWord => "delete a word",
            Action::DeleteToStart => "delete to the start",
            Action::CursorLeft => "cursor left",
            Action::CursorRight => "cursor right",
            Action::CursorHome => "cursor to the start",
            Action::CursorEnd => "cursor to the end",
            Action::RecallOlder => "an earlier query",
            Action::RecallNewer => "a later query, then what was typed",
            Action::Confirm => "accept",
            Action::Cancel => "cancel",
            Action::Suspend => "suspend (fg resumes)",
            Action::AddBookmark => "bookmark the top line (with a note)",
            Action::Bookmarks => "the bookmarks",
            Action::Delete => "delete the bookmark (asks first)",
            Action::EditNote => "edit the bookmark's note",
            Action::Links => "the article's links (gL: all)",
            Action::CopyArticle => "copy the article as plain text",
            Action::JumpBack => "back to where you jumped from",
            Action::JumpForward => "forward again (after going back)",
            Action::JumpPrevious => "'' : to the place before the last jump",
            Action::Follow => "open a link in view by its label",
            Action::FollowCopy => "copy a link in view by its label",
            Action::Yes => "yes (delete, open) / copy the link",
            Action::No => "no, keep it",
            Action::Wheel { .. } => "scroll the pane under the pointer",
            Action::Click { .. } => "open the article or search result clicked",
            Action::Resize { .. } => "fit the terminal",
        }
    }
}
