//! The one-line prompt in the status bar: what it is for, its text and its cursor, the editing
//! operations on them (by grapheme cluster, so wide characters move as one), and the recall of
//! earlier queries with `↑`/`↓`, as in a shell.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::display_width;

/// What the prompt's text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Find in the open article (`/`).
    Find,
    /// Search the whole newsletter (`S`).
    SearchAll,
    /// The note of a new bookmark (`m`).
    Note,
    /// A new note for the bookmark with this id.
    EditNote(u64),
    /// What the links popup's links must contain.
    LinkFilter,
}

impl PromptKind {
    /// What the prompt shows before the text.
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Find => "/",
            PromptKind::SearchAll => "Search all: ",
            PromptKind::Note => "Bookmark note (Enter saves, Esc cancels): ",
            PromptKind::EditNote(_) => "Note: ",
            PromptKind::LinkFilter => "Links with: ",
        }
    }
}

/// A line being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub kind: PromptKind,
    /// The text so far.
    pub input: String,
    /// Byte offset of the cursor in `input` (always on a cluster boundary).
    pub cursor: usize,
    /// The history entry shown, counted from the oldest; none while the reader's own text is.
    recalled: Option<usize>,
    /// What was typed before the first `↑`, given back after `↓` past the newest entry.
    draft: String,
}

impl Prompt {
    /// An empty prompt.
    pub fn new(kind: PromptKind) -> Prompt {
        Prompt {
            kind,
            input: String::new(),
            cursor: 0,
            recalled: None,
            draft: String::new(),
        }
    }

    /// Whether the prompt recalls earlier queries: searches do, bookmark notes do not (a note
    /// is not a query, and the history keeps queries only).
    pub fn recalls(&self) -> bool {
        matches!(self.kind, PromptKind::Find | PromptKind::SearchAll)
    }

    /// `↑`: the entry of `history` (oldest first) before the one shown, or the newest one;
    /// the text typed so far is kept to come back to. At the oldest entry nothing changes.
    pub fn recall_older(&mut self, history: &[String]) {
        let to = match self.recalled {
            None => {
                self.draft.clone_from(&self.input);
                history.len().checked_sub(1)
            }
            Some(i) => Some(i.saturating_sub(1)),
        };
        self.show(to, history);
    }

    /// `↓`: the entry after the one shown; past the newest, the text that was being typed.
    pub fn recall_newer(&mut self, history: &[String]) {
        let Some(i) = self.recalled else {
            return;
        };
        let to = (i + 1 < history.len()).then_some(i + 1);
        self.show(to, history);
    }

    /// Shows history entry `to`, or the draft, with the cursor at its end.
    fn show(&mut self, to: Option<usize>, history: &[String]) {
        let text = match to.and_then(|i| history.get(i)) {
            Some(entry) => entry.clone(),
            None if to.is_some() => return,
            None => std::mem::take(&mut self.draft),
        };
        self.recalled = to;
        self.input = text;
        self.cursor = self.input.len();
    }

    /// Inserts text at the cursor; line breaks and tabs become spaces, other control characters
    /// are dropped (a paste can hold anything).
    pub fn insert(&mut self, text: &str) {
        // The one sanitiser (control characters, escape sequences and bidi overrides go),
        // keeping spaces: a typed space is one key, and it is text.
        let clean = crate::text::line(text);
        self.input.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    /// Deletes the cluster before the cursor.
    pub fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes the word before the cursor (and the spaces after it), as Ctrl-w does in a shell.
    pub fn delete_word(&mut self) {
        let before = &self.input[..self.cursor];
        let trimmed = before.trim_end();
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Deletes everything before the cursor.
    pub fn delete_to_start(&mut self) {
        self.input.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Moves the cursor one cluster left.
    pub fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    /// Moves the cursor one cluster right.
    pub fn right(&mut self) {
        self.cursor = self.input[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len());
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.input.len();
    }

    /// Columns between the start of the text and the cursor.
    pub fn cursor_column(&self) -> usize {
        display_width(&self.input[..self.cursor])
    }

    fn prev_boundary(&self) -> usize {
        self.input[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Prompt {
        let mut p = Prompt::new(PromptKind::Find);
        p.insert(text);
        p
    }

    #[test]
    fn editing_moves_by_whole_characters() {
        let mut p = typed("工会e\u{301}x");
        p.backspace();
        assert_eq!(p.input, "工会e\u{301}");
        p.backspace();
        assert_eq!(p.input, "工会");
        assert_eq!(p.cursor_column(), 4);
        p.left();
        assert_eq!(p.cursor_column(), 2);
        p.insert("总");
        assert_eq!(p.input, "工总会");
        p.home();
        p.right();
        p.right();
        assert_eq!(p.cursor, "工总".len());
        p.end();
        assert_eq!(p.cursor, p.input.len());
        p.right();
        assert_eq!(p.cursor, p.input.len());
    }

    #[test]
    fn words_and_lines_are_deleted_back_to_the_cursor() {
        let mut p = typed("open source  ");
        p.delete_word();
        assert_eq!(p.input, "open ");
        p.insert("data 工会");
        p.left();
        p.delete_to_start();
        assert_eq!(p.input, "会");
        assert_eq!(p.cursor, 0);
    }

    #[test]
    fn a_space_typed_alone_is_kept() {
        let mut p = Prompt::new(PromptKind::Find);
        for c in "9 p.m. ".chars() {
            p.insert(c.encode_utf8(&mut [0; 4]));
        }
        assert_eq!(p.input, "9 p.m. ");
        assert_eq!(p.cursor, p.input.len());
    }

    #[test]
    fn up_and_down_recall_queries_and_give_back_what_was_typed() {
        let history = ["工会".to_string(), "法律".to_string()];
        let mut p = typed("审计");
        p.recall_newer(&history);
        assert_eq!(p.input, "审计", "↓ with nothing recalled does nothing");
        p.recall_older(&history);
        assert_eq!((p.input.as_str(), p.cursor), ("法律", "法律".len()));
        p.recall_older(&history);
        assert_eq!(p.input, "工会");
        p.recall_older(&history);
        assert_eq!(p.input, "工会", "the oldest stays");
        p.recall_newer(&history);
        assert_eq!(p.input, "法律");
        p.recall_newer(&history);
        assert_eq!(p.input, "审计", "past the newest: what was typed");
        p.recall_newer(&history);
        assert_eq!(p.input, "审计");
        let mut empty = typed("x");
        empty.recall_older(&[]);
        assert_eq!(empty.input, "x", "no history: nothing changes");
        empty.recall_newer(&[]);
        assert_eq!(empty.input, "x");
    }

    #[test]
    fn pasted_control_characters_do_not_get_in() {
        let p = typed("a\u{1b}[31m\nb\u{202e}c");
        assert_eq!(
            p.input, "a bc",
            "the escape sequence and the bidi override went whole"
        );
    }
}
