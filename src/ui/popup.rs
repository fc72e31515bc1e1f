//! Popups over the panes: the help, generated from the keymap, and the results of a search of
//! the whole newsletter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Clear, Widget};

use super::put;
use crate::app::{App, Popup, ResultRow};
use crate::find;
use crate::keymap::Context;
use crate::layout::display_width;

/// One line of the help: a heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// The context that follows.
    Heading(&'static str),
    /// Keys and their action.
    Keys(String, &'static str),
    /// Spacing.
    Blank,
}

/// The help's lines, from the keymap, context by context.
pub fn help_lines(app: &App) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Popup,
    ] {
        let bindings: Vec<_> = app
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context && !b.keys.is_empty())
            .collect();
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(context.label()));
        for b in bindings {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            out.push(HelpLine::Keys(
                keys.join(" "),
                b.action.describe_in(context),
            ));
        }
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading("Mouse"));
    out.push(HelpLine::Keys(
        "wheel".into(),
        "scroll the pane under the pointer",
    ));
    out.push(HelpLine::Keys(
        "click".into(),
        "open the article or search result clicked",
    ));
    out
}

/// Where the help popup goes: centred, as large as its text or the screen allows.
pub fn help_area(app: &App) -> Rect {
    let lines = u16::try_from(help_lines(app).len()).unwrap_or(u16::MAX);
    centred(app.size, (66, 2), (lines.saturating_add(2), 2))
}

/// How far the help can scroll.
pub fn help_max_scroll(app: &App) -> usize {
    let inner = usize::from(help_area(app).height.saturating_sub(2));
    help_lines(app).len().saturating_sub(inner)
}

/// Where the results popup goes: most of the screen.
pub fn results_area(app: &App) -> Rect {
    centred(app.size, (100, 4), (u16::MAX, 4))
}

/// Which of the results popup's shown rows is on screen row `y` (0 for the first shown), if
/// one is: the rows inside its border.
pub fn results_row_at(app: &App, y: u16) -> Option<usize> {
    let inner = Block::bordered().inner(results_area(app));
    (inner.top()..inner.bottom())
        .contains(&y)
        .then(|| usize::from(y - inner.top()))
}

/// A box centred on a screen of `(w, h)`: as wide and high as wanted, but leaving the given
/// margins, and never smaller than 3×3 unless the screen is.
fn centred(
    (w, h): (u16, u16),
    (width, x_margin): (u16, u16),
    (height, y_margin): (u16, u16),
) -> Rect {
    let width = width.min(w.saturating_sub(x_margin)).max(w.min(3));
    let height = height.min(h.saturating_sub(y_margin)).max(h.min(3));
    Rect::new((w - width) / 2, (h - height) / 2, width, height)
}

/// Draws the popup on top of everything.
pub fn render(app: &App, buf: &mut Buffer) {
    match app.popup {
        Some(Popup::Help { scroll }) => render_help(app, scroll, buf),
        Some(Popup::Results { selected, scroll }) => render_results(app, selected, scroll, buf),
        Some(Popup::Bookmarks {
            selected,
            scroll,
            confirm,
        }) => render_bookmarks(app, (selected, scroll, confirm), buf),
        None => {}
    }
}

/// A bordered, cleared box for a popup; its inside.
fn frame(area: Rect, title: &str, app: &App, buf: &mut Buffer) -> Rect {
    let area = area.intersection(buf.area);
    split_wide_edges(area, buf);
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(title)
        .border_style(app.theme.popup_border);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Where the bookmarks popup goes.
pub fn bookmarks_area(app: &App) -> Rect {
    centred(app.size, (80, 4), (u16::MAX, 4))
}

/// Rows a bookmark takes in its popup: the article and when, the marked text, the note, a blank.
pub const BOOKMARK_ROWS: u16 = 4;

/// Each bookmark: the article and when, the marked text, the note.
fn render_bookmarks(
    app: &App,
    (selected, scroll, confirm): (usize, usize, bool),
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let title = if confirm {
        " Delete this bookmark? y deletes, n keeps it, Esc closes ".to_string()
    } else {
        let n = app.saved.marks.len();
        format!(
            " {n} bookmark{} · Enter jumps · e edits the note · d deletes · Esc closes ",
            if n == 1 { "" } else { "s" }
        )
    };
    let inner = frame(bookmarks_area(app), &title, app, buf);
    let room = usize::from(inner.width.saturating_sub(4));
    let mut y = inner.top();
    for (i, mark) in app.saved.marks.iter().enumerate().skip(scroll) {
        if y >= inner.bottom() {
            break;
        }
        let b = &mark.bookmark;
        let detached = mark.found.place().is_none();
        let head = format!(
            "{}  {}{}",
            b.anchor.title,
            crate::store::format_time(b.created),
            if detached {
                "  (detached: text not found)"
            } else {
                ""
            }
        );
        let style = if i == selected {
            let cursor = if confirm {
                theme.error
            } else {
                theme.selection
            };
            buf.set_style(
                Rect::new(inner.x, y, inner.width, 1).intersection(inner),
                cursor,
            );
            theme.popup_heading.patch(cursor)
        } else {
            theme.popup_heading
        };
        put(
            buf,
            inner,
            inner.x + 1,
            y,
            &crate::layout::truncate(&head, room + 2),
            style,
        );
        let snippet = format!("“{}…”", b.anchor.snippet);
        put(
            buf,
            inner,
            inner.x + 3,
            y + 1,
            &crate::layout::truncate(&snippet, room),
            theme.popup_text,
        );
        if !b.note.is_empty() {
            let note = format!("✎ {}", b.note);
            put(
                buf,
                inner,
                inner.x + 3,
                y + 2,
                &crate::layout::truncate(&note, room),
                theme.byline,
            );
        }
        y = y.saturating_add(BOOKMARK_ROWS);
    }
}

fn render_results(app: &App, selected: usize, scroll: usize, buf: &mut Buffer) {
    let Some(results) = &app.results else {
        return;
    };
    let theme = &app.theme;
    let n = results.hits.len();
    // While the newsletter is being read, the count is of what has arrived.
    let so_far = if results.complete {
        ""
    } else {
        " so far (reading the file…)"
    };
    let title = format!(
        " {n} {}{so_far} of “{}” · Enter opens · Esc closes ",
        if n == 1 { "match" } else { "matches" },
        results.query.text()
    );
    let inner = frame(results_area(app), &title, app, buf);
    let rows = results.rows.iter().enumerate().skip(scroll);
    for (y, (r, row)) in (inner.top()..inner.bottom()).zip(rows) {
        match *row {
            ResultRow::Article { article, count } => {
                let title = app.article(article).map_or("", |a| a.title.as_str());
                let count = format!(" ({count})");
                let room = usize::from(inner.width).saturating_sub(display_width(&count) + 1);
                let x = put(
                    buf,
                    inner,
                    inner.x + 1,
                    y,
                    &crate::layout::truncate(title, room),
                    theme.popup_heading,
                );
                put(buf, inner, x, y, &count, theme.popup_text);
            }
            ResultRow::Hit(h) => {
                let hit = &results.hits[h];
                let Some(text) = app.article(hit.article).and_then(|a| a.text(hit.part)) else {
                    continue;
                };
                let room = usize::from(inner.width.saturating_sub(4));
                let (snippet, mark) = find::snippet(text, hit.range.clone(), room);
                // The selected row is a bar across the popup, marked, with its match drawn as
                // the current one; the other rows' matches are drawn as plain matches, so none
                // of them looks selected (without colours too).
                let (style, matched) = if r == selected {
                    buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selection);
                    put(buf, inner, inner.x + 1, y, "▸", theme.selection);
                    (
                        theme.popup_text.patch(theme.selection),
                        on_bar(theme.selection, theme.current_match),
                    )
                } else {
                    (theme.popup_text, theme.popup_text.patch(theme.matched))
                };
                let x = put(buf, inner, inner.x + 3, y, &snippet[..mark.start], style);
                let mark_x = x;
                let x = put(buf, inner, x, y, &snippet[mark.clone()], matched);
                if r == selected {
                    // Not patched onto the bar: the match's own look, whole.
                    buf.set_style(Rect::new(mark_x, y, x - mark_x, 1), Style::reset());
                    buf.set_style(Rect::new(mark_x, y, x - mark_x, 1), matched);
                }
                put(buf, inner, x, y, &snippet[mark.end..], style);
            }
        }
    }
}

/// How the match in the selected row is drawn on its bar: as the current match, unless both are
/// reversed video (as without colours), where reversing again would hide it in the bar: then
/// in plain video, bold and underlined.
fn on_bar(bar: Style, current: Style) -> Style {
    let reversed = |s: Style| s.add_modifier.contains(Modifier::REVERSED);
    if reversed(bar) && reversed(current) {
        current
            .remove_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        current
    }
}

fn render_help(app: &App, scroll: usize, buf: &mut Buffer) {
    let theme = &app.theme;
    let inner = frame(help_area(app), " Keys · Esc closes ", app, buf);
    let lines = help_lines(app);
    // The actions line up after the widest keys, leaving them at least half the popup.
    let widest = lines
        .iter()
        .map(|l| match l {
            HelpLine::Keys(k, _) => display_width(k),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let key_col = u16::try_from(widest + 4)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    for (y, line) in (inner.top()..inner.bottom()).zip(lines.into_iter().skip(scroll)) {
        match line {
            HelpLine::Heading(h) => {
                put(buf, inner, inner.x + 1, y, h, theme.popup_heading);
            }
            HelpLine::Keys(keys, what) => {
                put(buf, inner, inner.x + 2, y, &keys, theme.popup_text);
                let after = u16::try_from(display_width(&keys)).unwrap_or(u16::MAX);
                let x = inner
                    .x
                    .saturating_add(key_col)
                    .max(inner.x.saturating_add(3).saturating_add(after));
                put(buf, inner, x, y, what, theme.popup_text);
            }
            HelpLine::Blank => {}
        }
    }
}

/// A wide character under the popup's left edge would still be drawn over the border (the
/// terminal gives it both cells): replace such characters with a blank before drawing.
fn split_wide_edges(area: Rect, buf: &mut Buffer) {
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && display_width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}
