//! The application state: the document, focus, selection, scroll positions, popups and messages.
//! [`update`] changes it in answer to an [`Action`]; the UI only reads it.

mod action;
pub mod bookmarks;
pub mod geometry;
pub mod help;
pub mod hints;
pub mod jumps;
pub mod links;
mod loading;
pub mod prompt;
pub mod scroll;
pub mod search;
mod update;

pub use action::Action;
pub use links::{Effect, LinkList};
pub use prompt::{Prompt, PromptKind};
pub use search::{FindState, ResultRow, Scope, SearchResults};
pub use update::update;

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use crate::doc::{Article, Newsletter, TextPos};
use crate::keymap::{Context, Key, Keymap};
use crate::layout::{ArticleLayout, LayoutOptions};
use crate::theme::Theme;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of sections and articles.
    List,
    /// The reader pane.
    Reader,
}

/// How the screen is divided and the text set; defaults until the configuration sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Columns of the list pane (when both panes are shown).
    pub list_width: u16,
    /// Widest reading column, in columns; a wider pane centres it.
    pub column: u16,
    /// Below this many columns only one pane is shown at a time.
    pub narrow_below: u16,
    /// Columns for hanging punctuation right of the text.
    pub gutter: u16,
    /// Indent the first line of paragraphs.
    pub indent: bool,
    /// Blank lines between paragraphs.
    pub paragraph_spacing: u16,
    /// Lines one notch of the mouse wheel scrolls the reader.
    pub wheel_lines: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            list_width: 36,
            column: 80,
            narrow_below: 70,
            gutter: 1,
            indent: true,
            paragraph_spacing: 1,
            wheel_lines: 3,
        }
    }
}

/// One row of the list pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A section header.
    Section(usize),
    /// An article, by its index in reading order.
    Article(usize),
}

/// Where an article sits in the newsletter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRef {
    /// Its section.
    pub section: usize,
    /// Its index within the section.
    pub index: usize,
}

/// A popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The keys, scrolled by this many lines.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// The bookmarks of this newsletter.
    Bookmarks {
        /// The bookmark under the cursor.
        selected: usize,
        /// First bookmark shown.
        scroll: usize,
        /// Asking whether to delete the selected one.
        confirm: bool,
    },
    /// The whole newsletter's search results (in `App::results`).
    Results {
        /// The row under the cursor.
        selected: usize,
        /// First row shown.
        scroll: usize,
    },
    /// Links (in `App::links`).
    Links {
        /// The shown row under the cursor.
        selected: usize,
        /// First row shown.
        scroll: usize,
        /// Asking whether to open the selected link, which is not a web page.
        confirm: bool,
    },
}

/// How a message in the status bar should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// Something done or noticed.
    Info,
    /// Something that went wrong.
    Error,
}

/// A message shown in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// How it looks.
    pub kind: MessageKind,
    /// What it says.
    pub text: String,
}

/// The reader's view of the open article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// First visual line shown.
    pub top: usize,
    /// The text at the top, kept so that a new width shows the same text.
    pub anchor: Option<TextPos>,
    /// The layout `top` counts lines of (another width has other lines).
    pub laid_out: Option<LayoutOptions>,
}

/// Laid-out articles, most recently used first; a few are kept so going back is instant.
#[derive(Debug, Clone, Default)]
pub struct LayoutCache {
    entries: Vec<(usize, LayoutOptions, ArticleLayout)>,
}

impl LayoutCache {
    const CAPACITY: usize = 8;

    /// The layout of article `index` with `options`, if it was made.
    pub fn get(&self, index: usize, options: &LayoutOptions) -> Option<&ArticleLayout> {
        self.entries
            .iter()
            .find(|(i, o, _)| *i == index && o == options)
            .map(|(_, _, l)| l)
    }

    /// Makes sure the layout exists, laying the article out if needed.
    pub fn ensure(&mut self, index: usize, article: &Article, options: LayoutOptions) {
        if let Some(k) = self
            .entries
            .iter()
            .position(|(i, o, _)| *i == index && *o == options)
        {
            let entry = self.entries.remove(k);
            self.entries.insert(0, entry);
            return;
        }
        self.entries
            .insert(0, (index, options, ArticleLayout::new(article, options)));
        self.entries.truncate(Self::CAPACITY);
    }
}

/// A key that only changes others (Shift, Ctrl…), which some terminals report on its own.
fn is_modifier(key: Key) -> bool {
    matches!(
        key.code,
        crossterm::event::KeyCode::Modifier(_) | crossterm::event::KeyCode::Null
    )
}

/// All of kanbao's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The newsletter.
    pub doc: Newsletter,
    /// The file's name, shown when the newsletter has no masthead.
    pub name: String,
    /// Every article in reading order.
    pub articles: Vec<ArticleRef>,
    /// The rows of the list pane.
    pub rows: Vec<Row>,
    /// For each article, its row in the list.
    pub article_rows: Vec<usize>,
    /// Articles opened at least once.
    pub read: Vec<bool>,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The article under the list's cursor.
    pub selected: usize,
    /// The article in the reader.
    pub open: usize,
    /// First row shown in the list.
    pub list_top: usize,
    /// The reader's scroll position.
    pub reader: ReaderView,
    /// Layouts of recently shown articles.
    pub layouts: LayoutCache,
    /// The popup on top, if any.
    pub popup: Option<Popup>,
    /// The status bar's message.
    pub message: Option<Message>,
    /// The prompt being typed, if any.
    pub prompt: Option<Prompt>,
    /// Where the reader was when the prompt opened.
    pub origin: Option<search::Origin>,
    /// The search highlighted in the reader.
    pub find: Option<FindState>,
    /// A search whose highlights `Esc` cleared, or that found nothing: `n`/`N` take it up.
    pub cleared: Option<FindState>,
    /// The queries typed before, recalled in the prompt; written when a query is accepted.
    pub history: crate::store::history::History,
    /// The last whole-newsletter search.
    pub results: Option<SearchResults>,
    /// Bookmarks and this newsletter's identity in the store.
    pub saved: bookmarks::Saved,
    /// Changes for the store, written by the event loop after each update.
    pub pending: Vec<crate::store::Change>,
    /// Where a bookmark being added (its note being typed) goes.
    pub pending_anchor: Option<crate::anchor::Anchor>,
    /// The terminal's size (columns, rows).
    pub size: (u16, u16),
    /// The key bindings.
    pub keymap: Keymap,
    /// Layout settings.
    pub settings: Settings,
    /// Styles.
    pub theme: Theme,
    /// A count typed before a movement (`5` of `5j`), until the movement.
    pub count: Option<usize>,
    /// Set when the user quits.
    pub quit: bool,
    /// Set when the user asks to suspend (Ctrl-z); the event loop does it.
    pub suspend: bool,
    /// While only the beginning of a big newsletter is shown: what the status bar says.
    pub loading: Option<String>,
    /// The list's cursor went to the end (`G`) and has not moved since: when more of the
    /// newsletter arrives, the end is where the reader wants to be.
    pub at_end: bool,
    /// The time, in milliseconds since 1970 (a parameter so tests can fix it).
    pub clock: fn() -> u64,
    /// Puts batches of a newsletter still being read into `doc` (see [`App::extend`]).
    pub assembler: crate::doc::Assembler,
    /// The links popup's list.
    pub links: Option<LinkList>,
    /// What the event loop is to do after this update: open a link, copy to the clipboard.
    pub effects: Vec<Effect>,
    /// Who opens links.
    pub opener: crate::opener::Opener,
    /// The labels on the links in view, while `f` waits for one to be typed.
    pub hints: Option<hints::Hints>,
    /// Link cells carry OSC 8 hyperlinks (see [`crate::links::Hyperlinks`]).
    pub hyperlinks: bool,
    /// Where the reader jumped from, for `Ctrl-o` and `''`.
    pub jumps: jumps::Jumps,
    /// The bookmarks key was pressed with no bookmarks to show: pressed again, it is `''`.
    pub quote: bool,
    /// `g` was the last key: where the reader and the list were before it, for `gL`.
    pub before_g: Option<(jumps::Place, Focus, usize)>,
}

impl App {
    /// The state for reading `doc`, named `name`, on a terminal of `size`; the first article is
    /// open and the list has focus.
    pub fn new(doc: Newsletter, name: String, size: (u16, u16)) -> App {
        App::with(doc, name, size, Keymap::default(), Settings::default())
    }

    /// As [`App::new`], with these keys and settings.
    pub fn with(
        doc: Newsletter,
        name: String,
        size: (u16, u16),
        keymap: Keymap,
        settings: Settings,
    ) -> App {
        let (articles, rows, article_rows) = loading::index(&doc);
        let read = vec![false; articles.len()];
        let mut app = App {
            doc,
            name,
            articles,
            rows,
            article_rows,
            read,
            focus: Focus::List,
            selected: 0,
            open: 0,
            list_top: 0,
            reader: ReaderView::default(),
            layouts: LayoutCache::default(),
            popup: None,
            message: None,
            prompt: None,
            origin: None,
            find: None,
            cleared: None,
            history: crate::store::history::History::default(),
            results: None,
            saved: bookmarks::Saved::default(),
            pending: Vec::new(),
            pending_anchor: None,
            size,
            keymap,
            settings,
            theme: Theme::default(),
            count: None,
            quit: false,
            suspend: false,
            loading: None,
            at_end: false,
            clock: crate::store::now_millis,
            assembler: crate::doc::Assembler::default(),
            links: None,
            effects: Vec::new(),
            opener: crate::opener::Opener::System,
            hints: None,
            hyperlinks: false,
            jumps: jumps::Jumps::default(),
            quote: false,
            before_g: None,
        };
        update::open(&mut app, 0);
        app
    }

    /// Article `i` in reading order.
    pub fn article(&self, i: usize) -> Option<&Article> {
        let r = self.articles.get(i)?;
        self.doc.sections.get(r.section)?.articles.get(r.index)
    }

    /// The article in the reader.
    pub fn open_article(&self) -> Option<&Article> {
        self.article(self.open)
    }

    /// How the open article is laid out at the reader's current width.
    pub fn layout_options(&self) -> LayoutOptions {
        let column = geometry::reader_column(self);
        LayoutOptions {
            width: column.text_width,
            gutter: usize::from(self.settings.gutter),
            indent: self.settings.indent,
            paragraph_spacing: usize::from(self.settings.paragraph_spacing),
        }
    }

    /// The open article's layout at the reader's current width (made by `update`).
    pub fn layout(&self) -> Option<&ArticleLayout> {
        self.layouts.get(self.open, &self.layout_options())
    }

    /// The name shown for the newsletter: its masthead, or the file name.
    pub fn title(&self) -> &str {
        self.doc.title.as_deref().unwrap_or(&self.name)
    }

    /// Where keys are looked up now.
    pub fn context(&self) -> Context {
        // Labels are typed as a prompt's text is.
        if self.prompt.is_some() || self.hints.is_some() {
            return Context::Prompt;
        }
        match (self.popup, self.focus) {
            (Some(_), _) => Context::Popup,
            (None, Focus::List) => Context::List,
            (None, Focus::Reader) => Context::Reader,
        }
    }

    /// Shows a message in the status bar until the next key. An error already showing is kept,
    /// with the new message after it, so no warning is lost behind another.
    pub fn say(&mut self, kind: MessageKind, text: String) {
        self.message = Some(match self.message.take() {
            Some(Message {
                kind: MessageKind::Error,
                text: earlier,
            }) => Message {
                kind: MessageKind::Error,
                text: format!("{earlier} · {text}"),
            },
            _ => Message { kind, text },
        });
    }

    /// The action a terminal event asks for, if any.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match *event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let key = Key::from_event(key);
                let context = self.context();
                match self.keymap.action(context, key) {
                    Some(action) => Some(action),
                    // Outside the prompt, a key that does nothing says so (the prompt ignores
                    // keys it has no use for, as a shell's line does).
                    None if context != Context::Prompt && !is_modifier(key) => {
                        Some(Action::Unbound(key.to_string()))
                    }
                    None => None,
                }
            }
            Event::Mouse(MouseEvent {
                kind, column, row, ..
            }) => match kind {
                MouseEventKind::ScrollDown => Some(Action::Wheel {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            Event::Paste(ref text) if self.prompt.is_some() => Some(Action::Paste(text.clone())),
            _ => None,
        }
    }

    /// Marks article `i` read or unread for the store, so the next session knows it too.
    pub fn mark_read(&mut self, i: usize, read: bool) {
        if self.saved.doc.is_empty() {
            return;
        }
        self.pending.push(crate::store::Change::Read {
            doc: self.saved.doc.clone(),
            article: i,
            read,
        });
    }

    /// Progress through the open article, in percent of its lines seen.
    pub fn progress(&self) -> u16 {
        let Some(layout) = self.layout() else {
            return 100;
        };
        let height = usize::from(geometry::reader_column(self).area.height);
        let len = layout.len();
        if len <= height {
            return 100;
        }
        let seen = (self.reader.top + height).min(len);
        u16::try_from(seen * 100 / len).unwrap_or(100)
    }
}
