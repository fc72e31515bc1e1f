//! The jump list, as in vim: where the reader was before each jump (`G` or `g` over more than a
//! page, a count's line or percent, `}` `{`, a search result, a match in another article, a
//! bookmark), `Ctrl-o` back and `Alt-o` forward through it; `''` (the bookmarks key twice) to
//! the place before the last jump and, again, back, as in less.
//!
//! Places are text positions (an article and a position in its text), never screen lines, so
//! they survive a resize and a new layout.

use super::{Action, App, Focus, Popup, geometry};
use crate::doc::TextPos;

/// How many places the list keeps; the oldest go first.
const KEEP: usize = 100;

/// A place in the newsletter: an article, and the text at the top of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The article, by its index in reading order.
    pub article: usize,
    /// The text at the top of the reader.
    pub pos: TextPos,
}

/// Places jumped from (`back`, the latest last) and, after going back, places to go forward to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jumps {
    back: Vec<Place>,
    forward: Vec<Place>,
}

/// Where the reader is.
pub fn here(app: &App) -> Option<Place> {
    app.open_article()?;
    Some(Place {
        article: app.open,
        pos: app.reader.anchor.unwrap_or(TextPos {
            part: crate::doc::Part::Title,
            offset: 0,
        }),
    })
}

/// What the state was before an action, to tell afterwards whether the action was a jump.
#[derive(Debug, Clone, Copy)]
pub(super) struct Before {
    place: Option<Place>,
    top: usize,
    popup: Option<Popup>,
    prompt: bool,
    focus: Focus,
}

/// Takes note of the state before `action`.
pub(super) fn before(app: &App) -> Before {
    Before {
        place: here(app),
        top: app.reader.top,
        popup: app.popup,
        prompt: app.prompt.is_some(),
        focus: app.focus,
    }
}

/// After `action` (typed with `count`): when it was a jump and the reader moved, the place it
/// left goes on the list.
pub(super) fn after(app: &mut App, before: Before, action: &Action, count: Option<usize>) {
    let Some(from) = before.place else { return };
    if here(app) == Some(from) {
        return;
    }
    let page = usize::from(geometry::reader_column(app).area.height).max(1);
    let far = app.open != from.article || before.top.abs_diff(app.reader.top) > page;
    let reader = before.focus == Focus::Reader;
    let jump = match action {
        Action::Top | Action::Bottom => {
            reader && before.popup.is_none() && (count.is_some() || far)
        }
        Action::Percent => reader && before.popup.is_none(),
        Action::NextSection | Action::PrevSection => true,
        Action::NextMatch | Action::PrevMatch => app.open != from.article,
        // A search result or a bookmark chosen in its popup, or a search accepted.
        Action::Confirm | Action::Click { .. } => {
            matches!(
                before.popup,
                Some(Popup::Results { .. } | Popup::Bookmarks { .. })
            ) || (before.prompt && far)
        }
        _ => false,
    };
    if jump {
        push(&mut app.jumps.back, from);
        app.jumps.forward.clear();
    }
}

/// The reader is about to jump (a link within the newsletter): where it is goes on the list.
pub(super) fn leave(app: &mut App) {
    if let Some(here) = here(app) {
        push(&mut app.jumps.back, here);
        app.jumps.forward.clear();
    }
}

fn push(list: &mut Vec<Place>, place: Place) {
    if list.last() != Some(&place) {
        list.push(place);
    }
    if list.len() > KEEP {
        list.remove(0);
    }
}

/// `Ctrl-o` (`back`): to the place before the last jump, the place left going where `Alt-o`
/// (forward) comes back to; and the other way round.
pub(super) fn travel(app: &mut App, back: bool) {
    let now = here(app);
    let Jumps {
        back: earlier,
        forward: later,
    } = &mut app.jumps;
    let (from, to) = if back {
        (earlier, later)
    } else {
        (later, earlier)
    };
    let Some(place) = from.pop() else {
        let text = if back {
            "no earlier place to go back to"
        } else {
            "no later place to go forward to"
        };
        return edge(app, text);
    };
    if let Some(now) = now {
        push(to, now);
    }
    go(app, place);
}

/// `''`: to the place before the last jump, and this place becomes that one (so `''` again
/// comes back), as in less.
pub(super) fn previous(app: &mut App) {
    app.popup = None;
    let Some(to) = app.jumps.back.pop() else {
        return edge(app, "no earlier place: '' goes back after a jump");
    };
    if let Some(here) = here(app) {
        push(&mut app.jumps.back, here);
    }
    go(app, to);
}

/// Back where a `g` found the reader and the list, that `gL` meant otherwise; nothing goes on
/// the jump list.
pub(super) fn restore(app: &mut App, (to, focus, selected): (Place, Focus, usize)) {
    if to.article < app.articles.len() {
        super::bookmarks::jump(app, to.article, to.pos);
    }
    app.focus = focus;
    app.selected = selected.min(app.articles.len().saturating_sub(1));
    // The `g` may have left its place on the list.
    if app.jumps.back.last() == Some(&to) {
        app.jumps.back.pop();
    }
}

fn go(app: &mut App, to: Place) {
    if to.article >= app.articles.len() {
        return;
    }
    super::bookmarks::jump(app, to.article, to.pos);
    app.focus = Focus::Reader;
}

fn edge(app: &mut App, text: &str) {
    app.say(super::MessageKind::Info, text.to_string());
}
