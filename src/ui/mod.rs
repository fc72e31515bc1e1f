//! Drawing: `render` reads the state and paints a frame. The screen's division (`areas`) is a
//! pure function of the state, shared with `update` so page sizes and clicks agree with what is
//! drawn.

pub mod list_pane;
pub mod popup;
pub mod reader_pane;
pub mod status_bar;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Focus};

pub use theme::Theme;

/// Where each part of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The list pane, when shown.
    pub list: Option<Rect>,
    /// The line between the panes, when both are shown.
    pub separator: Option<Rect>,
    /// The reader pane, when shown.
    pub reader: Option<Rect>,
    /// Where the reader is, or would be when the list hides it in the narrow mode: the open
    /// article is laid out for this, so switching panes does not move the text.
    pub reader_slot: Rect,
    /// The status bar, when there is room for it.
    pub status: Option<Rect>,
}

/// Divides the terminal: list and reader side by side, or one at a time below
/// `settings.narrow_below` columns; a status bar on the last row.
pub fn areas(app: &App) -> Areas {
    let (width, height) = app.size;
    let full = Rect::new(0, 0, width, height);
    let (body, status) = if height >= 2 {
        let body = Rect {
            height: height - 1,
            ..full
        };
        (body, Some(Rect::new(0, height - 1, width, 1)))
    } else {
        (full, None)
    };
    if width < app.settings.narrow_below {
        let (list, reader) = match app.focus {
            Focus::List => (Some(body), None),
            Focus::Reader => (None, Some(body)),
        };
        return Areas {
            list,
            separator: None,
            reader,
            reader_slot: body,
            status,
        };
    }
    // The list takes a third of a narrow screen, up to its set width on a wide one.
    let list_width = app.settings.list_width.min(width / 3);
    let list = Rect {
        width: list_width,
        ..body
    };
    let separator = Rect {
        x: list.right(),
        width: 1,
        ..body
    };
    let reader = Rect {
        x: separator.right(),
        width: width.saturating_sub(separator.right()),
        ..body
    };
    Areas {
        list: Some(list),
        separator: Some(separator),
        reader: Some(reader),
        reader_slot: reader,
        status,
    }
}

/// The reading column inside the reader pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Where text is drawn: the text width plus the hanging-punctuation gutter.
    pub area: Rect,
    /// Columns the layout fills (without the gutter).
    pub text_width: usize,
    /// The scroll indicator's column, when there is room.
    pub scrollbar: Option<Rect>,
}

/// The reading column: at most `settings.column` wide, centred in a wider pane, with a column of
/// margin on the left and the scroll indicator on the right.
pub fn reader_column(app: &App) -> Column {
    let pane = areas(app).reader_slot;
    let (scrollbar, inner) = if pane.width >= 8 {
        let bar = Rect {
            x: pane.right() - 1,
            width: 1,
            ..pane
        };
        let inner = Rect {
            x: pane.x + 1,
            width: pane.width - 3,
            ..pane
        };
        (Some(bar), inner)
    } else {
        (None, pane)
    };
    let gutter = app.settings.gutter.min(inner.width / 4);
    let text = inner
        .width
        .saturating_sub(gutter)
        .min(app.settings.column)
        .max(1);
    let used = (text + gutter).min(inner.width);
    let area = Rect {
        x: inner.x + (inner.width - used) / 2,
        width: used,
        ..inner
    };
    Column {
        area,
        text_width: usize::from(text),
        scrollbar,
    }
}

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
