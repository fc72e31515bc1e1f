//! Drawing: `render` reads the state and paints a frame. The screen's division
//! ([`crate::app::geometry`]) belongs to the state, so `update` and the drawing agree on page
//! sizes and clicks; the UI only reads it.

pub mod list_pane;
pub mod popup;
pub mod reader_pane;
pub mod status_bar;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;

pub use crate::app::geometry::{Areas, Column, areas, reader_column};
pub use crate::theme::{self, Theme};

/// Paints the whole screen for the state.
pub fn render(frame: &mut Frame, app: &App) {
    let theme = &app.theme;
    // The terminal may have changed size since the state last heard of it: never draw
    // outside the frame.
    let full = frame.area();
    let clip = |r: Option<Rect>| r.map(|r| r.intersection(full)).filter(|r| !r.is_empty());
    let a = areas(app);
    let a = Areas {
        list: clip(a.list),
        separator: clip(a.separator),
        reader: clip(a.reader),
        status: clip(a.status),
        ..a
    };
    let buf = frame.buffer_mut();
    if let Some(r) = a.list {
        list_pane::render(app, r, buf);
    }
    if let Some(r) = a.separator {
        for y in r.top()..r.bottom() {
            buf.set_string(r.x, y, "│", theme.separator);
        }
    }
    if let Some(r) = a.reader {
        reader_pane::render(app, r, buf);
    }
    let cursor = a.status.and_then(|r| status_bar::render(app, r, buf));
    if app.popup.is_some() {
        popup::render(app, buf);
    }
    // A real cursor at the prompt, so an input method shows its candidates there.
    if let Some(at) = cursor {
        frame.set_cursor_position(at);
    }
}

/// Writes `text` at (`x`, `y`) within `area`, cut at the area's right edge; returns the column
/// after it. Rows outside the area are left alone. Everything drawn passes here, so it passes the
/// one sanitiser too: text from a bookmarks or configuration file, a message, a prompt can never
/// drive the terminal.
pub(crate) fn put(buf: &mut Buffer, area: Rect, x: u16, y: u16, text: &str, style: Style) -> u16 {
    if y < area.top() || y >= area.bottom() || x >= area.right() || x < area.left() {
        return x;
    }
    let max = usize::from(area.right() - x);
    buf.set_stringn(x, y, crate::text::line(text), max, style).0
}
