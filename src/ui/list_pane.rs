//! The list pane: section headers with their article counts, and the articles under them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::app::{App, Focus, Row};
use crate::doc::ArticleKind;
use crate::layout::truncate;
use crate::text::display_width;

/// Marks the article open in the reader.
const OPEN: &str = "▸ ";
/// Marks an article that holds a bookmark.
const BOOKMARK: &str = "* ";
/// Marks a photo item.
const PHOTO: &str = "▣ ";

/// Draws the visible rows of the list into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    for (y, &row) in (area.top()..area.bottom()).zip(app.rows.iter().skip(app.list_top)) {
        match row {
            Row::Section(s) => {
                let Some(section) = app.doc.sections.get(s) else {
                    continue;
                };
                let count = format!(" {}", section.articles.len());
                let room = width.saturating_sub(display_width(&count));
                let style = if section.inferred {
                    theme.section.patch(theme.inferred)
                } else {
                    theme.section
                };
                let x = put(buf, area, area.x, y, &truncate(&section.title, room), style);
                put(buf, area, x, y, &count, theme.read);
            }
            Row::Article(i) => {
                let Some(article) = app.article(i) else {
                    continue;
                };
                let mut style = if app.read[i] && i != app.open {
                    theme.read
                } else {
                    theme.item
                };
                if article.title_inferred {
                    style = style.patch(theme.inferred);
                }
                let selected = i == app.selected;
                if selected {
                    let cursor = match app.focus {
                        Focus::List => theme.selection,
                        Focus::Reader => theme.selection_unfocused,
                    };
                    style = style.patch(cursor);
                    let row = Rect {
                        y,
                        height: 1,
                        ..area
                    };
                    buf.set_style(row, cursor);
                }
                let (marker, marker_style) = if i == app.open {
                    (OPEN, theme.open_marker.patch(style))
                } else {
                    ("  ", style)
                };
                let x = put(buf, area, area.x, y, marker, marker_style);
                let x = if app.saved.marked.get(i).copied().unwrap_or(false) {
                    put(buf, area, x, y, BOOKMARK, theme.bookmark.patch(style))
                } else {
                    x
                };
                let x = if article.kind == ArticleKind::Photo {
                    put(buf, area, x, y, PHOTO, style)
                } else {
                    x
                };
                let room = usize::from(area.right().saturating_sub(x));
                put(buf, area, x, y, &truncate(&article.title, room), style);
            }
        }
    }
}
