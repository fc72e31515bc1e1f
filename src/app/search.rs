//! Find in the open article and search the whole newsletter: the prompt's effects (and its
//! history), the matches and the current one, `n`/`N` with wrap-around (through the article
//! after `/`, through the newsletter after `S`), `Esc` that clears the highlights but keeps the
//! query, and the results popup.

use super::prompt::{Prompt, PromptKind};
use super::scroll::{self, Move, Paging};
use super::{Action, App, Focus, MessageKind, Popup, ReaderView, geometry};
use crate::doc::TextPos;
use crate::find::{self, Hit, Match, Query};

/// The search shown in the reader: its query, the matches in the open article, the current one.
#[derive(Debug, Clone)]
pub struct FindState {
    /// What is looked for.
    pub query: Query,
    /// The article the matches are in.
    pub article: usize,
    /// All matches in that article, in reading order.
    pub matches: Vec<Match>,
    /// The match the reader is on.
    pub current: Option<usize>,
    /// Where `n`/`N` go on looking.
    pub scope: Scope,
}

/// Where `n`/`N` look for the next match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the open article, wrapping at its ends (a search started with `/`).
    Article,
    /// Through the whole newsletter in reading order, opening the article of the next match and
    /// wrapping at the newsletter's ends (a result of `S` opened).
    Newsletter,
}

/// Where the reader was when the prompt opened, to go back there on `Esc`.
#[derive(Debug, Clone)]
pub struct Origin {
    view: ReaderView,
    focus: Focus,
    find: Option<FindState>,
}

/// The whole newsletter's matches, for the results popup.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// What was looked for.
    pub query: Query,
    /// Every match, in reading order.
    pub hits: Vec<Hit>,
    /// The popup's rows: a header per article, then its matches.
    pub rows: Vec<ResultRow>,
    /// How many articles were searched: all of the newsletter once it is read; while it is
    /// being read, the articles that arrive are searched as they come.
    pub searched: usize,
    /// The newsletter was read to its end: these are all the matches.
    pub complete: bool,
}

impl SearchResults {
    /// Searches the articles that arrived since, adding their matches.
    pub(super) fn extend(&mut self, doc: &crate::doc::Newsletter, articles: usize) {
        let first = self.hits.len();
        self.hits
            .extend(find::find_from(doc, &self.query, self.searched));
        self.searched = articles;
        append_rows(&mut self.rows, &self.hits, first);
    }
}

/// One row of the results popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultRow {
    /// An article and how many matches it holds.
    Article {
        /// The article, in reading order.
        article: usize,
        /// Its number of matches.
        count: usize,
    },
    /// A match: index into `hits`.
    Hit(usize),
}

/// Opens the prompt.
pub(super) fn start(app: &mut App, kind: PromptKind) {
    app.origin = Some(Origin {
        view: app.reader.clone(),
        focus: app.focus,
        find: app.find.clone(),
    });
    if kind == PromptKind::Find {
        app.focus = Focus::Reader;
    }
    app.prompt = Some(Prompt::new(kind));
}

/// Applies an editing action to the prompt; find-in-page follows every keystroke.
pub(super) fn edit(app: &mut App, action: &Action) {
    let Some(prompt) = app.prompt.as_mut() else {
        return;
    };
    match action {
        Action::Insert(c) => prompt.insert(c.encode_utf8(&mut [0; 4])),
        Action::Paste(text) => prompt.insert(text),
        Action::Backspace => prompt.backspace(),
        Action::DeleteWord => prompt.delete_word(),
        Action::DeleteToStart => prompt.delete_to_start(),
        Action::CursorLeft => prompt.left(),
        Action::CursorRight => prompt.right(),
        Action::CursorHome => prompt.home(),
        Action::CursorEnd => prompt.end(),
        Action::RecallOlder if prompt.recalls() => prompt.recall_older(app.history.entries()),
        Action::RecallNewer if prompt.recalls() => prompt.recall_newer(app.history.entries()),
        Action::Confirm => return confirm(app),
        Action::Cancel => return cancel(app),
        _ => return,
    }
    match prompt.kind {
        PromptKind::Find => incremental(app),
        PromptKind::LinkFilter => super::links::filter_edited(app),
        _ => {}
    }
}

/// Finds the prompt's text in the open article and shows the first match at or after where the
/// reader was; with no match the reader goes back there.
fn incremental(app: &mut App) {
    let Some(prompt) = &app.prompt else { return };
    let origin = app
        .origin
        .as_ref()
        .map(|o| o.view.clone())
        .unwrap_or_default();
    app.reader = origin.clone();
    let Some(query) = Query::new(&prompt.input) else {
        app.find = None;
        return;
    };
    let matches = app
        .open_article()
        .map(|a| find::find_in_article(a, &query))
        .unwrap_or_default();
    let from = origin.anchor.unwrap_or(TextPos {
        part: crate::doc::Part::Title,
        offset: 0,
    });
    let current = (!matches.is_empty()).then(|| {
        matches
            .iter()
            .position(|m| (m.part, m.range.start) >= (from.part, from.offset))
            .unwrap_or(0)
    });
    app.find = Some(FindState {
        query,
        article: app.open,
        matches,
        current,
        scope: Scope::Article,
    });
    if current.is_some() {
        reveal(app);
    }
}

fn confirm(app: &mut App) {
    let Some(prompt) = app.prompt.take() else {
        return;
    };
    let origin = app.origin.take();
    match prompt.kind {
        PromptKind::Note | PromptKind::EditNote(_) => {
            super::bookmarks::confirm_note(app, prompt.kind, prompt.input);
        }
        PromptKind::LinkFilter => super::links::filter_done(app, true),
        PromptKind::Find => {
            if Query::new(&prompt.input).is_none() {
                // Nothing to look for: as it was before the prompt.
                app.find = origin.and_then(|o| o.find);
                return;
            }
            remember(app, &prompt.input);
            app.cleared = None;
            if app.find.as_ref().is_some_and(|f| f.matches.is_empty()) {
                // Nothing found: no count is left from the search before, and `n` says so.
                app.cleared = app.find.take();
                app.say(MessageKind::Error, format!("no match for {}", prompt.input));
            }
        }
        PromptKind::SearchAll => {
            remember(app, &prompt.input);
            if let Some(o) = origin {
                app.focus = o.focus;
            }
            let Some(query) = Query::new(&prompt.input) else {
                return;
            };
            search_all(app, query);
        }
    }
}

/// Keeps an accepted query for the prompt's `↑`; a history that cannot be written is said once
/// and kept in memory. Written here, through the store, rather than queued in `App::pending`
/// (whose changes are the bookmarks file's): a small file of its own, written whole. A history
/// without a data directory (tests of the state) writes nothing.
fn remember(app: &mut App, query: &str) {
    if let Err(e) = app.history.remember(query) {
        app.say(
            MessageKind::Error,
            format!("search history cannot be saved: {e}"),
        );
    }
}

/// `Esc` in the reader: the highlights and the count go, the search stays for `n`/`N`.
pub(super) fn hide(app: &mut App) {
    if let Some(find) = app.find.take() {
        app.cleared = Some(find);
    }
}

/// Searches the whole newsletter and shows the results popup (or says there is no match).
/// While the newsletter is being read, the popup shows the matches so far, and more as the
/// rest arrives.
pub(super) fn search_all(app: &mut App, query: Query) {
    let complete = app.loading.is_none();
    let hits = find::find_in_newsletter(&app.doc, &query);
    if hits.is_empty() && complete {
        app.say(MessageKind::Error, format!("no match for {}", query.text()));
        // No count is left from the search before; `n` looks for this query and says so.
        app.find = None;
        app.cleared = Some(FindState {
            query,
            article: app.open,
            matches: Vec::new(),
            current: None,
            scope: Scope::Article,
        });
        return;
    }
    let mut rows = Vec::new();
    append_rows(&mut rows, &hits, 0);
    app.results = Some(SearchResults {
        query,
        hits,
        rows,
        searched: app.articles.len(),
        complete,
    });
    app.popup = Some(Popup::Results {
        selected: 1,
        scroll: 0,
    });
}

/// The newsletter was read to its end (or cannot be read further): the search in the results
/// popup has all its matches; with none, the popup gives way to a message.
pub(super) fn results_complete(app: &mut App) {
    let Some(results) = app.results.as_mut().filter(|r| !r.complete) else {
        return;
    };
    results.complete = true;
    if results.hits.is_empty() {
        let text = format!("no match for {}", results.query.text());
        app.results = None;
        if matches!(app.popup, Some(Popup::Results { .. })) {
            app.popup = None;
        }
        app.say(MessageKind::Error, text);
    }
}

fn cancel(app: &mut App) {
    app.pending_anchor = None;
    match app.prompt.take().map(|p| p.kind) {
        Some(PromptKind::EditNote(id)) => super::bookmarks::reopen_at(app, id),
        Some(PromptKind::LinkFilter) => super::links::filter_done(app, false),
        _ => {}
    }
    if let Some(o) = app.origin.take() {
        app.reader = o.view;
        app.focus = o.focus;
        app.find = o.find;
    }
}

/// Adds the popup's rows for `hits[first..]`, matches in articles after those already there.
fn append_rows(rows: &mut Vec<ResultRow>, hits: &[Hit], first: usize) {
    rows.reserve(hits.len() - first);
    let mut i = first;
    while i < hits.len() {
        let article = hits[i].article;
        let count = hits[i..]
            .iter()
            .take_while(|h| h.article == article)
            .count();
        rows.push(ResultRow::Article { article, count });
        rows.extend((i..i + count).map(ResultRow::Hit));
        i += count;
    }
}

/// `n` / `N`: the next or previous match, wrapping around at the ends (and saying so); a
/// search cleared with `Esc` comes back.
pub(super) fn step(app: &mut App, forward: bool) {
    if app.find.is_none()
        && let Some(kept) = app.cleared.take()
    {
        app.find = Some(kept);
        // Found again if another article opened since.
        follow(app);
    }
    if app
        .find
        .as_ref()
        .is_some_and(|f| f.scope == Scope::Newsletter)
        && step_newsletter(app, forward)
    {
        return;
    }
    let Some(find) = app.find.as_mut() else {
        app.say(
            MessageKind::Info,
            "no search: / finds in the article".into(),
        );
        return;
    };
    let n = find.matches.len();
    if n == 0 {
        let text = format!("no match for {} here", find.query.text());
        app.say(MessageKind::Error, text);
        return;
    }
    let (next, wrapped) = match (find.current, forward) {
        (None, true) => (0, false),
        (None, false) => (n - 1, false),
        (Some(i), true) if i + 1 < n => (i + 1, false),
        (Some(_), true) => (0, true),
        (Some(i), false) if i > 0 => (i - 1, false),
        (Some(_), false) => (n - 1, true),
    };
    find.current = Some(next);
    app.focus = Focus::Reader;
    reveal(app);
    if wrapped {
        say_wrapped(app, forward);
    }
}

fn say_wrapped(app: &mut App, forward: bool) {
    let text = if forward {
        "search wrapped to the top"
    } else {
        "search wrapped to the bottom"
    };
    app.say(MessageKind::Info, text.into());
}

/// `n` / `N` through the whole newsletter's matches (those of the results popup), from the
/// current match or, with none, from the top of the reader: the article of the next one opens
/// on it. False when there are no results of this query to go through.
fn step_newsletter(app: &mut App, forward: bool) -> bool {
    let (Some(find), Some(results)) = (&app.find, &app.results) else {
        return false;
    };
    if results.hits.is_empty() || results.query.text() != find.query.text() {
        return false;
    }
    let hits = &results.hits;
    let key = |h: &Hit| (h.article, h.part, h.range.start);
    let (here, strict) = match find.current.and_then(|i| find.matches.get(i)) {
        Some(m) => ((app.open, m.part, m.range.start), true),
        None => {
            let top = app.reader.anchor.unwrap_or(TextPos {
                part: crate::doc::Part::Title,
                offset: 0,
            });
            ((app.open, top.part, top.offset), false)
        }
    };
    let next = if forward {
        hits.iter()
            .position(|h| key(h) > here || (!strict && key(h) == here))
    } else {
        hits.iter().rposition(|h| key(h) < here)
    };
    let wrapped = next.is_none();
    let hit = hits[next.unwrap_or(if forward { 0 } else { hits.len() - 1 })].clone();
    if hit.article != app.open {
        super::update::open(app, hit.article);
    }
    app.focus = Focus::Reader;
    if let Some(find) = app.find.as_mut() {
        find.current = find
            .matches
            .iter()
            .position(|m| m.part == hit.part && m.range == hit.range);
    }
    reveal(app);
    if wrapped {
        say_wrapped(app, forward);
    }
    true
}

/// Keeps the find state on the open article: matches are found again when another one opens.
pub(super) fn follow(app: &mut App) {
    let Some(find) = app.find.as_ref() else {
        return;
    };
    if find.article == app.open {
        return;
    }
    let matches = app
        .open_article()
        .map(|a| find::find_in_article(a, &find.query))
        .unwrap_or_default();
    if let Some(find) = app.find.as_mut() {
        find.article = app.open;
        find.matches = matches;
        find.current = None;
    }
}

/// Scrolls the current match into view, with a few lines of context above it when it was out
/// of view.
fn reveal(app: &mut App) {
    let Some(m) = app
        .find
        .as_ref()
        .and_then(|f| f.matches.get(f.current?).cloned())
    else {
        return;
    };
    super::update::settle(app);
    let (Some(article), Some(layout)) = (app.open_article(), app.layout()) else {
        return;
    };
    let pos = |offset| TextPos {
        part: m.part,
        offset,
    };
    let Some((first, _)) = layout.locate(article, pos(m.range.start)) else {
        return;
    };
    let last = layout
        .locate(
            article,
            pos(m.range.end.saturating_sub(1).max(m.range.start)),
        )
        .map_or(first, |(l, _)| l);
    let height = usize::from(geometry::reader_column(app).area.height).max(1);
    let top = app.reader.top;
    if first < top || last >= top + height {
        let context = (height / 4).min(3);
        super::update::scroll_to(app, first.saturating_sub(context));
    }
}

/// Moves the results popup's cursor over match rows (headers are skipped).
pub(super) fn results_move(app: &mut App, action: &Action) {
    let (Some(Popup::Results { selected, scroll }), Some(results)) = (app.popup, &app.results)
    else {
        return;
    };
    let rows = &results.rows;
    let page = usize::from(geometry::results_area(app).height.saturating_sub(2)).max(2);
    let hit_row = |r: usize| matches!(rows.get(r), Some(ResultRow::Hit(_)));
    let movement = Move::of(action);
    // A page keeps one row of the last in view; half a page goes as far.
    let paging = Paging::whole(page - 1);
    let mut to = movement
        .map_or(selected, |m| {
            scroll::step(selected, rows.len(), paging, m, None)
        })
        .min(rows.len().saturating_sub(1));
    // Off a header: onwards in the direction of travel, else back.
    let down = !movement.is_some_and(Move::is_back);
    if !hit_row(to) {
        let forward = (to..rows.len()).find(|&r| hit_row(r));
        let backward = (0..to).rev().find(|&r| hit_row(r));
        to = if down {
            forward.or(backward)
        } else {
            backward.or(forward)
        }
        .unwrap_or(selected);
    }
    // Keep the article's header in view above its first match.
    let want = if matches!(
        rows.get(to.wrapping_sub(1)),
        Some(ResultRow::Article { .. })
    ) {
        to - 1
    } else {
        to
    };
    let scroll = scroll::into_view(scroll, want, to, page);
    app.popup = Some(Popup::Results {
        selected: to,
        scroll,
    });
}

/// Opens the article of the selected match, on that match, with find-in-page on the same query.
pub(super) fn results_open(app: &mut App) {
    let (Some(Popup::Results { selected, .. }), Some(results)) = (app.popup, &app.results) else {
        return;
    };
    let Some(&ResultRow::Hit(h)) = results.rows.get(selected) else {
        return;
    };
    let hit = results.hits[h].clone();
    let query = results.query.clone();
    app.popup = None;
    super::update::open(app, hit.article);
    app.focus = Focus::Reader;
    let matches = app
        .open_article()
        .map(|a| find::find_in_article(a, &query))
        .unwrap_or_default();
    let current = matches
        .iter()
        .position(|m| m.part == hit.part && m.range == hit.range);
    app.find = Some(FindState {
        query,
        article: hit.article,
        matches,
        current,
        scope: Scope::Newsletter,
    });
    reveal(app);
}

/// A click in the results popup opens the match clicked (an article's header: its first
/// match); a click outside closes the popup.
pub(super) fn results_click(app: &mut App, column: u16, row: u16) {
    let (Some(Popup::Results { scroll, .. }), Some(results)) = (app.popup, &app.results) else {
        return;
    };
    let area = geometry::results_area(app);
    if !area.contains(ratatui::layout::Position::new(column, row)) {
        app.popup = None;
        return;
    }
    let Some(r) = geometry::results_row_at(app, row).map(|r| r + scroll) else {
        return;
    };
    let selected = match results.rows.get(r) {
        Some(ResultRow::Hit(_)) => r,
        Some(ResultRow::Article { .. }) => r + 1,
        None => return,
    };
    app.popup = Some(Popup::Results { selected, scroll });
    results_open(app);
}
