//! Bookmarks and the reading position: what the reader marks, the popup that lists the marks,
//! and the changes handed to the store (as [`Change`]s in `App::pending`; `update` writes no
//! file itself).

use super::prompt::{Prompt, PromptKind};
use super::scroll::{self, Move, Paging};
use super::{Action, App, Focus, MessageKind, Popup, geometry};
use crate::anchor::{Anchor, Found};
use crate::doc::TextPos;
use crate::store::{Bookmark, Change, Pane, Record};

/// A bookmark with where it is in the newsletter as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The bookmark as saved.
    pub bookmark: Bookmark,
    /// Where it is now.
    pub found: Found,
}

/// Who the newsletter is to the store, and what is saved for it.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    /// The fingerprint of its bytes.
    pub doc: String,
    /// The path it was opened from.
    pub path: String,
    /// The bookmarks, oldest first.
    pub marks: Vec<Mark>,
    /// For each article, whether a bookmark is in it.
    pub marked: Vec<bool>,
    /// Changes made that are not on disk because saving failed (the event loop keeps this
    /// up to date from the store's writer); the status bar says "unsaved" while there are.
    pub unsaved: usize,
}

impl App {
    /// Takes in what the store has for this newsletter: bookmarks, read articles and, unless
    /// `fresh`, the last position (saying "resumed at …").
    pub fn restore(&mut self, doc: String, path: String, record: Option<&Record>, fresh: bool) {
        self.saved.doc = doc;
        self.saved.path = path;
        let Some(record) = record else {
            refresh_marks(self);
            return;
        };
        for &i in &record.read {
            if let Some(r) = self.read.get_mut(i) {
                *r = true;
            }
        }
        self.saved.marks = record
            .bookmarks
            .iter()
            .map(|b| Mark {
                bookmark: b.clone(),
                found: Found::Detached,
            })
            .collect();
        refresh_marks(self);
        if fresh {
            return;
        }
        let Some(anchor) = &record.position else {
            return;
        };
        if let Some((article, pos)) = self.find_anchor(anchor).place() {
            jump(self, article, pos);
            // Back in the pane the reader was in (files from before it was saved: the list).
            self.focus = match record.focus {
                Some(Pane::Reader) => Focus::Reader,
                Some(Pane::List) | None => Focus::List,
            };
            let title = self.article(article).map_or("", |a| a.title.as_str());
            let title = crate::layout::truncate(title, 30).into_owned();
            self.say(MessageKind::Info, format!("resumed at {title}"));
        }
    }

    fn find_anchor(&self, anchor: &Anchor) -> Found {
        anchor.find(self.articles.len(), |i| self.article(i))
    }

    /// The anchor of the text at the top of the reader.
    pub fn top_anchor(&self) -> Option<Anchor> {
        let article = self.open_article()?;
        let pos = self.reader.anchor.unwrap_or(TextPos {
            part: crate::doc::Part::Title,
            offset: 0,
        });
        Some(Anchor::at(self.open, article, pos))
    }

    /// Queues the reading position (and the articles read) for the store.
    pub fn save_position(&mut self) {
        if self.saved.doc.is_empty() {
            return;
        }
        let Some(anchor) = self.top_anchor() else {
            return;
        };
        let read = (0..self.read.len()).filter(|&i| self.read[i]).collect();
        let focus = match self.focus {
            Focus::List => Pane::List,
            Focus::Reader => Pane::Reader,
        };
        self.pending.push(Change::Position {
            doc: self.saved.doc.clone(),
            path: self.saved.path.clone(),
            title: self.doc.title.clone(),
            anchor,
            focus: Some(focus),
            read,
        });
    }
}

/// Finds every bookmark in the newsletter again and marks the articles that hold one.
fn refresh_marks(app: &mut App) {
    let found: Vec<Found> = app
        .saved
        .marks
        .iter()
        .map(|m| app.find_anchor(&m.bookmark.anchor))
        .collect();
    let mut marked = vec![false; app.articles.len()];
    for (m, f) in app.saved.marks.iter_mut().zip(found) {
        m.found = f;
        if let Some((a, _)) = f.place()
            && let Some(slot) = marked.get_mut(a)
        {
            *slot = true;
        }
    }
    app.saved.marked = marked;
}

/// Opens `article` with `pos` at the top of the reader.
pub(super) fn jump(app: &mut App, article: usize, pos: TextPos) {
    super::update::open(app, article);
    let line = match (app.open_article(), app.layout()) {
        (Some(a), Some(l)) => l.locate(a, pos).map_or(0, |(line, _)| line),
        _ => 0,
    };
    super::update::scroll_to(app, line);
    app.reader.anchor = Some(pos);
}

/// `m`: a prompt for the note of a bookmark at the top of the reader.
pub(super) fn start_add(app: &mut App) {
    if app.saved.doc.is_empty() {
        // Bookmarks belong to the whole text, which is still being read.
        let text = "bookmarks can be added once the whole file is read".to_string();
        app.say(MessageKind::Info, text);
        return;
    }
    let Some(anchor) = app.top_anchor() else {
        return;
    };
    app.pending_anchor = Some(anchor);
    app.prompt = Some(Prompt::new(PromptKind::Note));
}

/// `e` in the popup: a prompt to edit the selected bookmark's note.
fn start_edit(app: &mut App, id: u64) {
    let note = app
        .saved
        .marks
        .iter()
        .find(|m| m.bookmark.id == id)
        .map(|m| m.bookmark.note.clone())
        .unwrap_or_default();
    let mut prompt = Prompt::new(PromptKind::EditNote(id));
    prompt.insert(&note);
    app.prompt = Some(prompt);
}

/// The prompt for a note was accepted.
pub(super) fn confirm_note(app: &mut App, kind: PromptKind, note: String) {
    match kind {
        PromptKind::Note => {
            let Some(anchor) = app.pending_anchor.take() else {
                return;
            };
            let now = (app.clock)();
            // Random, so another kanbao adding at the same moment (or with its clock ahead)
            // never picks the same id; the store keeps both even if one did.
            let mut id = crate::store::new_id();
            while app.saved.marks.iter().any(|m| m.bookmark.id == id) {
                id = crate::store::new_id();
            }
            let bookmark = Bookmark {
                id,
                anchor,
                note,
                created: now / 1000,
            };
            app.pending.push(Change::Add {
                doc: app.saved.doc.clone(),
                path: app.saved.path.clone(),
                bookmark: bookmark.clone(),
            });
            app.saved.marks.push(Mark {
                bookmark,
                found: Found::Detached,
            });
            refresh_marks(app);
            say_saved(app, "bookmark");
        }
        PromptKind::EditNote(id) => {
            if let Some(m) = app.saved.marks.iter_mut().find(|m| m.bookmark.id == id) {
                m.bookmark.note.clone_from(&note);
            }
            app.pending.push(Change::Note {
                doc: app.saved.doc.clone(),
                id,
                note,
            });
            reopen_at(app, id);
            say_saved(app, "note");
        }
        PromptKind::Find | PromptKind::SearchAll | PromptKind::LinkFilter => {}
    }
}

/// What the reader is told of a change made while saving fails; the event loop replaces the
/// message when a save succeeds.
pub const NOT_SAVED_YET: &str = "not saved yet";

/// "bookmark saved" — unless saving has been failing: then the truth, until a save succeeds
/// (the store's writer retries this change with the next save and on quitting).
fn say_saved(app: &mut App, what: &str) {
    match app.saved.unsaved {
        0 => app.say(MessageKind::Info, format!("{what} saved")),
        // This change is one more than those already unsaved.
        n => app.say(
            MessageKind::Error,
            format!(
                "{what} {NOT_SAVED_YET}: {} changes unsaved, tried again at every save",
                n + 1
            ),
        ),
    }
}

/// The bookmarks popup again, after a note was edited, on that bookmark and with it in view.
pub(super) fn reopen_at(app: &mut App, id: u64) {
    let selected = app
        .saved
        .marks
        .iter()
        .position(|m| m.bookmark.id == id)
        .unwrap_or(0);
    app.popup = Some(Popup::Bookmarks {
        selected,
        scroll: scroll::into_view(0, selected, selected, page(app)),
        confirm: false,
    });
}

/// How many bookmarks the popup shows at once.
fn page(app: &App) -> usize {
    let rows = geometry::BOOKMARK_ROWS;
    usize::from(geometry::bookmarks_area(app).height.saturating_sub(2) / rows).max(1)
}

/// `'`: the bookmarks popup.
pub(super) fn open_popup(app: &mut App) {
    if app.saved.marks.is_empty() {
        app.say(
            MessageKind::Info,
            "no bookmarks yet: m marks the top line".into(),
        );
        return;
    }
    app.popup = Some(Popup::Bookmarks {
        selected: 0,
        scroll: 0,
        confirm: false,
    });
}

/// Keys in the bookmarks popup.
pub(super) fn popup_action(app: &mut App, action: &Action) {
    let Some(Popup::Bookmarks {
        selected,
        scroll,
        confirm,
    }) = app.popup
    else {
        return;
    };
    let n = app.saved.marks.len();
    let id = app.saved.marks.get(selected).map(|m| m.bookmark.id);
    if confirm {
        // Deleting asks first: `y` deletes, anything else keeps it.
        if let (Action::Yes, Some(id)) = (action, id) {
            app.saved.marks.retain(|m| m.bookmark.id != id);
            app.pending.push(Change::Delete {
                doc: app.saved.doc.clone(),
                id,
            });
            refresh_marks(app);
            match app.saved.unsaved {
                0 => app.say(MessageKind::Info, "bookmark deleted".into()),
                _ => say_saved(app, "deletion"),
            }
        }
        let n = app.saved.marks.len();
        app.popup = (n > 0).then_some(Popup::Bookmarks {
            selected: selected.min(n.saturating_sub(1)),
            scroll,
            confirm: false,
        });
        return;
    }
    let page = page(app);
    let to = match action {
        Action::Delete => {
            app.popup = Some(Popup::Bookmarks {
                selected,
                scroll,
                confirm: true,
            });
            return;
        }
        Action::EditNote => {
            if let Some(id) = id {
                app.popup = None;
                start_edit(app, id);
            }
            return;
        }
        Action::Confirm => {
            let place = app.saved.marks.get(selected).and_then(|m| m.found.place());
            match place {
                Some((article, pos)) => {
                    app.popup = None;
                    jump(app, article, pos);
                    app.focus = Focus::Reader;
                }
                None => app.say(
                    MessageKind::Error,
                    "this bookmark's text is no longer in the newsletter".into(),
                ),
            }
            return;
        }
        // A page (and half a page) shows the next bookmarks whole.
        _ => Move::of(action).map_or(selected, |movement| {
            scroll::step(selected, n, Paging::whole(page), movement, None)
        }),
    }
    .min(n.saturating_sub(1));
    let scroll = scroll::into_view(scroll, to, to, page);
    app.popup = Some(Popup::Bookmarks {
        selected: to,
        scroll,
        confirm: false,
    });
}

/// A click in the bookmarks popup: on a bookmark, jumps there; outside the popup, closes it.
pub(super) fn click(app: &mut App, column: u16, row: u16) {
    let Some(Popup::Bookmarks { scroll, .. }) = app.popup else {
        return;
    };
    let area = super::geometry::bookmarks_area(app);
    if !area.contains(ratatui::layout::Position::new(column, row)) {
        app.popup = None;
        return;
    }
    let inner = ratatui::widgets::Block::bordered().inner(area);
    if row < inner.top() || row >= inner.bottom() {
        return;
    }
    let i = scroll + usize::from((row - inner.top()) / super::geometry::BOOKMARK_ROWS);
    if i < app.saved.marks.len() {
        app.popup = Some(Popup::Bookmarks {
            selected: i,
            scroll,
            confirm: false,
        });
        popup_action(app, &Action::Confirm);
    }
}
