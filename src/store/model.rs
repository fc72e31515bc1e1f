//! What is saved (newsletters, their positions and bookmarks) and the changes to it, applied
//! to the file's content of the moment so that several kanbao processes merge, never overwrite.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::anchor::Anchor;

/// Everything saved, for every newsletter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The format's version.
    pub version: u32,
    /// Per newsletter, by the fingerprint of its bytes.
    pub newsletters: BTreeMap<String, Record>,
}

/// What is saved for one newsletter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// The path it was last opened from (for `--bookmarks`).
    pub path: String,
    /// Its masthead, when it has one.
    pub title: Option<String>,
    /// Where the reader was.
    pub position: Option<Anchor>,
    /// The pane the reader was in (files from before it was saved have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focus: Option<Pane>,
    /// Articles read, by index in reading order.
    pub read: Vec<usize>,
    /// Bookmarks, oldest first.
    pub bookmarks: Vec<Bookmark>,
}

/// The pane that had the keyboard, as saved with the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pane {
    /// The list of articles.
    List,
    /// The reader.
    Reader,
}

/// A marked place with an optional note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique across processes and machines: random (see [`new_id`]); files from before
    /// hold creation times in milliseconds, which are just as good as long as they differ.
    pub id: u64,
    /// Where it is.
    pub anchor: Anchor,
    /// The reader's note (may be empty).
    #[serde(default)]
    pub note: String,
    /// When it was made, in seconds since 1970 (UTC).
    pub created: u64,
}

/// A new bookmark id: 63 random bits (TOML integers are signed 64-bit), never 0. Two kanbao
/// adding at the same moment, on one machine or two, do not pick the same one, and no clock
/// (ahead or behind) is involved.
pub fn new_id() -> u64 {
    let random = getrandom::u64().unwrap_or_else(|_| {
        // No system randomness (it does not happen on the systems kanbao runs on): a hash of
        // the time to the nanosecond and the process, still unlike another process's.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let seed = format!("{nanos}:{}", std::process::id());
        xxhash_rust::xxh3::xxh3_64(seed.as_bytes())
    });
    (random >> 1).max(1)
}

/// A change to the saved data, applied to the file's current content under the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Remember where the reader is, which articles were read, and the file's path.
    Position {
        /// The newsletter's fingerprint.
        doc: String,
        /// Its path and title.
        path: String,
        /// Its masthead.
        title: Option<String>,
        /// Where the reader is.
        anchor: Anchor,
        /// The pane the reader is in.
        focus: Option<Pane>,
        /// Articles read.
        read: Vec<usize>,
    },
    /// Add a bookmark.
    Add {
        /// The newsletter's fingerprint.
        doc: String,
        /// Its path.
        path: String,
        /// The bookmark.
        bookmark: Bookmark,
    },
    /// Change a bookmark's note.
    Note {
        /// The newsletter's fingerprint.
        doc: String,
        /// Which bookmark.
        id: u64,
        /// The new note.
        note: String,
    },
    /// Mark an article read or unread (`u`); a position's read articles only ever add.
    Read {
        /// The newsletter's fingerprint.
        doc: String,
        /// The article, by index in reading order.
        article: usize,
        /// Read, or unread.
        read: bool,
    },
    /// Delete a bookmark.
    Delete {
        /// The newsletter's fingerprint.
        doc: String,
        /// Which bookmark.
        id: u64,
    },
}

impl Change {
    /// Applies the change to `saved`. Nothing is ever dropped that the change does not name:
    /// a bookmark added under an id another one already has (with other content) is kept
    /// beside it under a new id, which is returned so later changes to it can follow.
    pub fn apply(&self, saved: &mut Saved) -> Option<u64> {
        match self {
            Change::Position {
                doc,
                path,
                title,
                anchor,
                focus,
                read,
            } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.path.clone_from(path);
                r.title.clone_from(title);
                r.position = Some(anchor.clone());
                r.focus = *focus;
                let mut all: Vec<usize> = r.read.iter().chain(read).copied().collect();
                all.sort_unstable();
                all.dedup();
                r.read = all;
                None
            }
            Change::Add {
                doc,
                path,
                bookmark,
            } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.path.clone_from(path);
                match r.bookmarks.iter().find(|b| b.id == bookmark.id) {
                    // The same bookmark again (a save retried after it had reached the disk).
                    Some(b) if b.anchor == bookmark.anchor && b.created == bookmark.created => None,
                    Some(_) => {
                        let mut id = new_id();
                        while r.bookmarks.iter().any(|b| b.id == id) {
                            id = new_id();
                        }
                        r.bookmarks.push(Bookmark {
                            id,
                            ..bookmark.clone()
                        });
                        Some(id)
                    }
                    None => {
                        r.bookmarks.push(bookmark.clone());
                        None
                    }
                }
            }
            Change::Note { doc, id, note } => {
                if let Some(b) = saved
                    .newsletters
                    .get_mut(doc)
                    .and_then(|r| r.bookmarks.iter_mut().find(|b| b.id == *id))
                {
                    b.note.clone_from(note);
                }
                None
            }
            Change::Read { doc, article, read } => {
                let r = saved.newsletters.entry(doc.clone()).or_default();
                r.read.retain(|a| a != article);
                if *read {
                    r.read.push(*article);
                    r.read.sort_unstable();
                }
                None
            }
            Change::Delete { doc, id } => {
                if let Some(r) = saved.newsletters.get_mut(doc) {
                    r.bookmarks.retain(|b| b.id != *id);
                }
                None
            }
        }
    }

    /// The bookmark the change is about, if any.
    pub(crate) fn id_mut(&mut self) -> Option<&mut u64> {
        match self {
            Change::Position { .. } | Change::Read { .. } => None,
            Change::Add { bookmark, .. } => Some(&mut bookmark.id),
            Change::Note { id, .. } | Change::Delete { id, .. } => Some(id),
        }
    }
}
