//! `update`: the one place the state changes. Pure: no terminal, no files.

use super::prompt::PromptKind;
use super::scroll::{self, Move, Paging};
use super::{
    Action, App, Focus, MessageKind, Popup, Row, bookmarks, geometry, hints, jumps, links, search,
};

/// Applies `action` to the state; a jump leaves its place on the jump list.
pub fn update(app: &mut App, action: Action) {
    let count = match action {
        Action::Digit(_) | Action::Resize { .. } => None,
        _ => app.count,
    };
    let before = jumps::before(app);
    apply(app, action.clone());
    jumps::after(app, before, &action, count);
}

fn apply(app: &mut App, action: Action) {
    if !matches!(action, Action::Bookmarks | Action::Resize { .. }) {
        app.quote = false;
    }
    // `g` then `L` is `gL`: the newsletter's links, from where the reader was before the `g`.
    let before_g = if matches!(action, Action::Resize { .. }) {
        app.before_g
    } else {
        app.before_g.take()
    };
    if let (Action::Links, Some(place), None) = (&action, before_g, app.popup) {
        jumps::restore(app, place);
        links::open_popup(app, true, false);
        settle(app);
        return;
    }
    if action == Action::Top && app.count.is_none() && app.popup.is_none() && app.prompt.is_none() {
        app.before_g = jumps::here(app).map(|p| (p, app.focus, app.selected));
    }
    if !matches!(action, Action::Resize { .. }) {
        app.message = None;
    }
    // A count typed before a movement (`5j`) applies to it; any other key drops it.
    let count = match action {
        Action::Digit(_) | Action::Resize { .. } => None,
        _ => app.count.take(),
    };
    let times = count.unwrap_or(1);
    if app.hints.is_some() {
        hints::key(app, &action);
        settle(app);
        return;
    }
    if app.prompt.is_some() {
        match action {
            Action::Resize { width, height } => app.size = (width, height),
            Action::Quit => {
                app.save_position();
                app.quit = true;
            }
            action => search::edit(app, &action),
        }
        settle(app);
        return;
    }
    match action {
        Action::Quit => {
            app.save_position();
            app.quit = true;
        }
        Action::Help => {
            app.popup = match app.popup {
                Some(Popup::Help { .. }) => None,
                _ => Some(Popup::Help { scroll: 0 }),
            }
        }
        Action::Close => {
            if app.popup.take().is_none() {
                search::hide(app);
            }
        }
        Action::Digit(d) => match app.count {
            // `0` alone is no count (and no key of its own).
            None if d == 0 => unbound(app, "0"),
            n => app.count = Some((n.unwrap_or(0) * 10 + usize::from(d)).min(MAX_COUNT)),
        },
        Action::Unbound(ref key) => unbound(app, key),
        Action::Find if matches!(app.popup, Some(Popup::Links { .. })) => links::start_filter(app),
        Action::Find => search::start(app, PromptKind::Find),
        Action::SearchAll => search::start(app, PromptKind::SearchAll),
        Action::Suspend => {
            app.save_position();
            app.suspend = true;
        }
        Action::AddBookmark => bookmarks::start_add(app),
        // The bookmarks key twice with none to show: `''`, as in less.
        Action::Bookmarks if std::mem::take(&mut app.quote) => jumps::previous(app),
        Action::Bookmarks => {
            bookmarks::open_popup(app);
            app.quote = app.popup.is_none();
        }
        Action::JumpBack => jumps::travel(app, true),
        Action::JumpForward => jumps::travel(app, false),
        Action::JumpPrevious => jumps::previous(app),
        Action::NextMatch => search::step(app, true),
        Action::PrevMatch => search::step(app, false),
        Action::Resize { width, height } => app.size = (width, height),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        Action::Click { column, row } => click(app, column, row),
        Action::Links if !matches!(app.popup, Some(Popup::Links { .. })) => {
            links::open_popup(app, false, false);
        }
        Action::CopyArticle => links::copy_article(app),
        Action::Follow | Action::FollowCopy if app.popup.is_none() => {
            hints::start(app, action == Action::FollowCopy);
        }
        _ if app.popup.is_some() => popup(app, &action),
        Action::ToggleFocus => {
            app.focus = match app.focus {
                Focus::List => Focus::Reader,
                Focus::Reader => Focus::List,
            }
        }
        Action::Open => {
            open(app, app.selected);
            app.focus = Focus::Reader;
        }
        Action::ToggleRead => toggle_read(app),
        Action::Back => app.focus = Focus::List,
        // Prompt editing outside a prompt: nothing to edit.
        Action::Insert(_)
        | Action::Paste(_)
        | Action::Backspace
        | Action::DeleteWord
        | Action::DeleteToStart
        | Action::CursorLeft
        | Action::CursorRight
        | Action::CursorHome
        | Action::CursorEnd
        | Action::RecallOlder
        | Action::RecallNewer
        | Action::Confirm
        | Action::Cancel
        | Action::Delete
        | Action::EditNote
        | Action::Yes
        | Action::No
        | Action::Links
        | Action::Follow
        | Action::FollowCopy => {}
        Action::NextArticle => {
            let last = app.articles.len().saturating_sub(1);
            if app.open >= last {
                edge(app, "this is the last article");
            } else {
                open(app, app.open.saturating_add(times).min(last));
            }
        }
        Action::PrevArticle => match app.open.checked_sub(1) {
            Some(_) => open(app, app.open.saturating_sub(times)),
            None => edge(app, "this is the first article"),
        },
        Action::NextSection => {
            let here = app.articles.get(app.open).map_or(0, |r| r.section);
            let last = app.articles.last().map_or(0, |r| r.section);
            if here >= last {
                edge(app, "this is the last section");
            } else {
                let target = here.saturating_add(times).min(last);
                // The first article at or after the target section (sections may be empty).
                if let Some(i) = app.articles.iter().position(|r| r.section >= target) {
                    open(app, i);
                }
            }
        }
        Action::PrevSection => {
            let here = app.articles.get(app.open).map_or(0, |r| r.section);
            let first_here = app.articles.iter().position(|r| r.section == here);
            // From inside a section, `{` goes to its start first, as `[[` does in vim.
            let times = match first_here {
                Some(i) if i != app.open => times - 1,
                _ => times,
            };
            let mut sections: Vec<usize> = app.articles.iter().map(|r| r.section).collect();
            sections.dedup();
            let k = sections.iter().position(|&s| s == here).unwrap_or(0);
            if times > 0 && k == 0 {
                edge(app, "this is the first section");
            } else {
                let target = sections[k.saturating_sub(times)];
                if let Some(i) = app.articles.iter().position(|r| r.section == target) {
                    open(app, i);
                }
            }
        }
        Action::Percent => match count {
            None => app.say(
                MessageKind::Info,
                "type a number first: 50% goes half-way".into(),
            ),
            Some(n) => match app.focus {
                Focus::List => {
                    let last = app.articles.len().saturating_sub(1);
                    app.selected = scroll::percent(last, n);
                    app.at_end = false;
                }
                Focus::Reader => {
                    let height = usize::from(geometry::reader_column(app).area.height);
                    let len = app.layout().map_or(0, |l| l.len());
                    scroll_to(app, scroll::percent(scroll::max_top(len, height), n));
                }
            },
        },
        Action::Down
        | Action::Up
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::Top
        | Action::Bottom => {
            if let Some(movement) = Move::of(&action) {
                go(app, movement, count);
            }
        }
    }
    settle(app);
}

/// A movement key in the pane with focus: the list's cursor, or the reader's top line.
fn go(app: &mut App, movement: Move, count: Option<usize>) {
    match app.focus {
        Focus::List => {
            let page = geometry::areas(app)
                .list
                .map_or(1, |r| usize::from(r.height));
            let len = app.articles.len();
            app.selected = scroll::step(app.selected, len, Paging::lines(page), movement, count);
            app.at_end = movement == Move::Bottom && count.is_none();
        }
        Focus::Reader => {
            let page = usize::from(geometry::reader_column(app).area.height);
            let len = app.layout().map_or(0, |l| l.len());
            let to = scroll::step(app.reader.top, len, Paging::lines(page), movement, count);
            scroll_to(app, to);
        }
    }
}

/// The largest count typed before a key (`99999j`).
const MAX_COUNT: usize = 99_999;

/// Says that a move cannot go further; while a big file is still being read, that the end
/// is only the end so far.
fn edge(app: &mut App, text: &str) {
    let text = if app.loading.is_some() && text.contains("last") {
        format!("{text} so far (reading the file…)")
    } else {
        text.to_string()
    };
    app.say(MessageKind::Info, text);
}

/// A key that does nothing here: say so, and where the keys are.
fn unbound(app: &mut App, key: &str) {
    let help = app
        .keymap
        .keys_for(crate::keymap::Context::Global, &Action::Help)
        .map_or_else(|| "help".to_string(), |k| k.to_string());
    app.say(
        MessageKind::Info,
        format!("{key} does nothing here: {help} shows the keys"),
    );
}

/// `u`: the article under the cursor (the list's, or the reader's) marked unread, or read
/// again; saved with the reading position.
fn toggle_read(app: &mut App) {
    let i = match app.focus {
        Focus::List => app.selected,
        Focus::Reader => app.open,
    };
    let Some(read) = app.read.get_mut(i) else {
        return;
    };
    *read = !*read;
    let now = *read;
    app.say(
        MessageKind::Info,
        if now { "marked read" } else { "marked unread" }.into(),
    );
    app.mark_read(i, now);
}

/// Opens article `i` in the reader at its top; the list's cursor follows. The article already
/// open stays where the reader is in it (`h` then `Enter` is the way back from the list).
pub(super) fn open(app: &mut App, i: usize) {
    if i >= app.articles.len() {
        return;
    }
    let changed = i != app.open;
    app.at_end &= i + 1 == app.articles.len();
    app.open = i;
    app.selected = i;
    app.read[i] = true;
    if changed {
        app.reader.top = 0;
        app.reader.anchor = None;
    }
    settle(app);
    if changed {
        app.save_position();
    }
}

/// Scrolls the reader so that line `top` is at the top (clamped so the last line stays in view).
pub(super) fn scroll_to(app: &mut App, top: usize) {
    app.reader.top = top;
    clamp_reader(app);
    app.reader.anchor = app.layout().and_then(|l| l.anchor(app.reader.top));
}

fn clamp_reader(app: &mut App) {
    let height = usize::from(geometry::reader_column(app).area.height);
    let len = app.layout().map_or(0, |l| l.len());
    app.reader.top = app.reader.top.min(scroll::max_top(len, height));
}

/// Brings derived state in line after any change: the open article laid out for the current
/// width (the anchor keeps the same text at the top), the list scrolled to show the cursor.
pub(super) fn settle(app: &mut App) {
    search::follow(app);
    let options = app.layout_options();
    let article = app
        .articles
        .get(app.open)
        .and_then(|r| app.doc.sections.get(r.section)?.articles.get(r.index));
    if let Some(article) = article {
        app.layouts.ensure(app.open, article, options);
        // `top` was counted in another layout (a resize, even back to a size seen before):
        // find the text at the top again.
        let moved = app.reader.laid_out != Some(options);
        app.reader.laid_out = Some(options);
        if let (true, Some(anchor)) = (moved, app.reader.anchor) {
            app.reader.top = app
                .layouts
                .get(app.open, &options)
                .and_then(|l| l.locate(article, anchor))
                .map_or(0, |(line, _)| line);
        }
    }
    clamp_reader(app);
    if app.reader.anchor.is_none() {
        app.reader.anchor = app.layout().and_then(|l| l.anchor(app.reader.top));
    }

    let height = geometry::areas(app)
        .list
        .map_or(1, |r| usize::from(r.height))
        .max(1);
    let row = app.article_rows.get(app.selected).copied().unwrap_or(0);
    // The first article of a section brings its header into view with it.
    let want = match row.checked_sub(1).map(|r| app.rows[r]) {
        Some(Row::Section(_)) => row - 1,
        _ => row,
    };
    app.list_top = scroll::into_view(app.list_top, want, row, height);
    app.list_top = app.list_top.min(scroll::max_top(app.rows.len(), height));

    if let Some(Popup::Help { scroll }) = app.popup {
        let scroll = scroll.min(geometry::help_max_scroll(app));
        app.popup = Some(Popup::Help { scroll });
    }
}

fn popup(app: &mut App, action: &Action) {
    if let Some(Popup::Bookmarks { .. }) = app.popup {
        bookmarks::popup_action(app, action);
        return;
    }
    if let Some(Popup::Links { .. }) = app.popup {
        links::popup_action(app, action);
        return;
    }
    if let Some(Popup::Results { .. }) = app.popup {
        match action {
            Action::Confirm => search::results_open(app),
            _ => search::results_move(app, action),
        }
        return;
    }
    let Some(Popup::Help { scroll }) = app.popup else {
        return;
    };
    let page = usize::from(geometry::help_area(app).height.saturating_sub(2));
    let max = geometry::help_max_scroll(app);
    let to = Move::of(action).map_or(scroll.min(max), |movement| {
        scroll::step(scroll, max + 1, Paging::lines(page), movement, None)
    });
    app.popup = Some(Popup::Help { scroll: to });
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let (action, movement) = if down {
        (Action::Down, Move::Down)
    } else {
        (Action::Up, Move::Up)
    };
    if app.popup.is_some() {
        for _ in 0..app.settings.wheel_lines {
            popup(app, &action);
        }
        return;
    }
    let areas = geometry::areas(app);
    let at = ratatui::layout::Position::new(column, row);
    if areas.list.is_some_and(|r| r.contains(at)) {
        let page = areas.list.map_or(1, |r| usize::from(r.height));
        let len = app.articles.len();
        app.selected = scroll::step(app.selected, len, Paging::lines(page), movement, None);
    } else if areas.reader.is_some_and(|r| r.contains(at)) {
        let lines = usize::from(app.settings.wheel_lines);
        let top = if down {
            app.reader.top.saturating_add(lines)
        } else {
            app.reader.top.saturating_sub(lines)
        };
        scroll_to(app, top);
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    if let Some(Popup::Results { .. }) = app.popup {
        return search::results_click(app, column, row);
    }
    if let Some(Popup::Bookmarks { .. }) = app.popup {
        return bookmarks::click(app, column, row);
    }
    if app.popup.is_some() {
        return;
    }
    let areas = geometry::areas(app);
    let at = ratatui::layout::Position::new(column, row);
    // A click on a link follows it as its label would.
    let screen = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let clicked = geometry::link_cells(app, screen)
        .into_iter()
        .find(|l| l.cells.contains(at));
    if let (Some(clicked), Some(article)) = (clicked, app.open_article()) {
        let link = crate::links::of_article(app.open, article)
            .into_iter()
            .find(|l| l.pos == clicked.pos && l.url == clicked.url);
        if let Some(link) = link {
            app.focus = Focus::Reader;
            return links::follow(app, link);
        }
    }
    if let Some(list) = areas.list.filter(|r| r.contains(at)) {
        let r = app.list_top + usize::from(row - list.y);
        if let Some(&Row::Article(i)) = app.rows.get(r) {
            open(app, i);
            app.focus = Focus::Reader;
        }
    } else if areas.reader.is_some_and(|r| r.contains(at)) {
        app.focus = Focus::Reader;
    }
}
