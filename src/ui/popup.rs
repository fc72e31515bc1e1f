//! Popups over the panes: the help, generated from the keymap, and the results of a search of
//! the whole newsletter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Clear, Widget};

use super::put;
// The popups' places and the help's rows belong to the state; re-exported where they were.
pub use crate::app::geometry::{
    BOOKMARK_ROWS, bookmarks_area, help_area, help_max_scroll, links_area, results_area,
    results_row_at,
};
pub use crate::app::help::{HelpLine, HelpRow, help_lines, help_rows};
use crate::app::{Action, App, Popup, ResultRow};
use crate::find;
use crate::keymap::Context;
use crate::text::display_width;

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
        Some(Popup::Links {
            selected,
            scroll,
            confirm,
        }) => render_links(app, (selected, scroll, confirm), buf),
        None => {}
    }
}

/// A bordered, cleared box for a popup; its inside.
fn frame(area: Rect, title: &str, app: &App, buf: &mut Buffer) -> Rect {
    frame_with(area, title, None, app, buf)
}

/// [`frame`], with a title on the bottom edge too.
fn frame_with(area: Rect, title: &str, bottom: Option<&str>, app: &App, buf: &mut Buffer) -> Rect {
    let area = area.intersection(buf.area);
    split_wide_edges(area, buf);
    Clear.render(area, buf);
    let mut block = Block::bordered()
        .title(title)
        .border_style(app.theme.popup_border);
    if let Some(bottom) = bottom {
        block = block.title_bottom(bottom);
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

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

/// Each link: its number, its text and where it goes; asking before a link that is not a web
/// page, its whole URL.
fn render_links(app: &App, (selected, scroll, confirm): (usize, usize, bool), buf: &mut Buffer) {
    let Some(list) = &app.links else {
        return;
    };
    let theme = &app.theme;
    let link = list.shown_link(selected);
    let whose = if list.all {
        "in the newsletter"
    } else {
        "in this article"
    };
    let count = if list.filter.is_empty() {
        format!("{} links {whose}", list.links.len())
    } else {
        format!(
            "{} of {} links {whose} with “{}”",
            list.shown.len(),
            list.links.len(),
            list.filter
        )
    };
    let other = if list.all {
        "L this article's"
    } else {
        "L all"
    };
    let room = usize::from(links_area(app).width.saturating_sub(4));
    let title = if confirm {
        let kind = link.map_or_else(String::new, |l| match crate::links::safety(&l.url) {
            crate::links::Safety::Ask(kind) => kind,
            _ => "this link".to_string(),
        });
        format!(" Open {kind}? y opens it, any other key does not ")
    } else {
        // As many of the keys as the border has room for.
        let mut title = format!(" {count}");
        for key in ["Enter opens", "y copies", "/ filters", other, "Esc closes"] {
            if display_width(&title) + display_width(key) + 4 > room {
                break;
            }
            title.push_str(" · ");
            title.push_str(key);
        }
        title.push(' ');
        title
    };
    // Where the selected link is, when the list is the whole newsletter's.
    let bottom = list
        .all
        .then(|| link.and_then(|l| app.article(l.article)))
        .flatten()
        .map(|a| format!(" {} ", crate::layout::truncate(&a.title, 60)));
    let inner = frame_with(links_area(app), &title, bottom.as_deref(), app, buf);
    if confirm {
        let Some(link) = link else { return };
        let width = usize::from(inner.width.saturating_sub(2)).max(1);
        let mut lines = vec!["It goes to:".to_string()];
        lines.extend(
            crate::layout::hard_wrap(&link.url, width)
                .into_iter()
                .map(|p| link.url[p.line.range].to_string()),
        );
        lines.push(String::new());
        lines.extend(words_in_lines(
            "kanbao hands over web pages and mail addresses without asking; this is neither. \
             y opens it; any other key does not.",
            width,
        ));
        for (y, line) in (inner.top()..inner.bottom()).zip(&lines) {
            put(buf, inner, inner.x + 1, y, line, theme.popup_text);
        }
        return;
    }
    let digits = list.links.len().to_string().len();
    let room = usize::from(inner.width.saturating_sub(1));
    for (y, row) in (inner.top()..inner.bottom()).zip(scroll..) {
        let (Some(&i), Some(link)) = (list.shown.get(row), list.shown_link(row)) else {
            break;
        };
        let number = format!("{:>digits$}  ", i + 1);
        let text_room = (room.saturating_sub(digits + 2) * 2 / 5).max(8);
        let text = crate::layout::truncate(&link.text, text_room);
        let (text_style, url_style, bar) = if row == selected {
            let bar = theme.selection;
            buf.set_style(
                Rect::new(inner.x, y, inner.width, 1).intersection(inner),
                bar,
            );
            (
                theme.popup_text.patch(bar),
                theme.link.patch(bar),
                Some(bar),
            )
        } else {
            (theme.popup_text, theme.link, None)
        };
        let mut x = put(
            buf,
            inner,
            inner.x + 1,
            y,
            &number,
            bar.map_or(theme.byline, |b| theme.byline.patch(b)),
        );
        x = put(buf, inner, x, y, &text, text_style);
        x = put(buf, inner, x, y, "  ", text_style);
        let used = usize::from(x - inner.x);
        let url = crate::layout::truncate(&link.url, room.saturating_sub(used));
        put(buf, inner, x, y, &url, url_style);
    }
}

/// Words of `text` in lines at most `width` columns wide (a longer word alone on its line).
fn words_in_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && display_width(line) + 1 + display_width(word) > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
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
    let area = help_area(app);
    let rows = help_rows(app, area.width.saturating_sub(2));
    let page = usize::from(area.height.saturating_sub(2));
    // When the keys do not all fit, the bottom edge says which are shown and how to see more.
    let more = (rows.len() > page).then(|| {
        let key = |action| {
            app.keymap
                .keys_for(Context::Popup, &action)
                .map_or_else(String::new, |k| k.to_string())
        };
        let last = (scroll + page).min(rows.len());
        let arrow = match (scroll > 0, last < rows.len()) {
            (true, true) => "↕",
            (false, true) => "↓",
            _ => "↑",
        };
        format!(
            " {arrow} {}–{last} of {} · {}/{} {} scroll ",
            scroll + 1,
            rows.len(),
            key(Action::Down),
            key(Action::Up),
            key(Action::PageDown),
        )
    });
    let inner = frame_with(area, " Keys · Esc closes ", more.as_deref(), app, buf);
    for (y, row) in (inner.top()..inner.bottom()).zip(rows.into_iter().skip(scroll)) {
        let style = if row.heading {
            theme.popup_heading
        } else {
            theme.popup_text
        };
        put(buf, inner, inner.x + row.x, y, &row.text, style);
        if let Some((x, what)) = row.then {
            put(buf, inner, inner.x + x, y, &what, theme.popup_text);
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
