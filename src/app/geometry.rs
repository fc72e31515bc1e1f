//! Where each part of the screen is: the panes, the reading column and the popups. A pure
//! function of the state (its size, settings, focus and help), so `update`'s page sizes and
//! clicks agree with what the UI draws there; the UI reads it, it never reads the UI.

use ratatui::layout::Rect;
use ratatui::widgets::Block;

use super::help::help_rows;
use super::{App, Focus};
use crate::doc::SpanKind;

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

/// The help's widest popup, in columns.
const HELP_WIDTH: u16 = 66;

/// Where the help popup goes: centred, as large as its text or the screen allows.
pub fn help_area(app: &App) -> Rect {
    let width = HELP_WIDTH
        .min(app.size.0.saturating_sub(2))
        .max(app.size.0.min(3));
    let rows = help_rows(app, width.saturating_sub(2)).len();
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    centred(app.size, (HELP_WIDTH, 2), (rows.saturating_add(2), 2))
}

/// How far the help can scroll.
pub fn help_max_scroll(app: &App) -> usize {
    let area = help_area(app);
    let inner = usize::from(area.height.saturating_sub(2));
    super::scroll::max_top(help_rows(app, area.width.saturating_sub(2)).len(), inner)
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

/// Where the links popup goes: wide, and as high as its links (or what asking about one
/// takes) or the screen allows.
pub fn links_area(app: &App) -> Rect {
    let rows = app.links.as_ref().map_or(0, |l| l.shown.len()).max(6);
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    centred(app.size, (110, 4), (rows.saturating_add(2), 4))
}

/// Where the bookmarks popup goes.
pub fn bookmarks_area(app: &App) -> Rect {
    centred(app.size, (80, 4), (u16::MAX, 4))
}

/// Rows a bookmark takes in its popup: the article and when, the marked text, the note, a blank.
pub const BOOKMARK_ROWS: u16 = 4;

/// The spans that fall on `line` of the open article's layout (its text starts at `at`), each
/// with the cells it covers there, inside `area`.
pub fn span_cells<'a>(
    article: &'a crate::doc::Article,
    line: &'a crate::layout::Line,
    shown: &'a str,
    at: (u16, u16),
    area: Rect,
) -> impl Iterator<Item = (&'a crate::doc::Span, Rect)> + 'a {
    use crate::text::display_width;
    let start = line.range.start;
    let spans = line.part.map_or(&[][..], |part| article.spans(part));
    spans
        .iter()
        // Spans are in order of their start: none after the line's end counts.
        .take_while(move |span| span.start < line.range.end)
        .filter(move |span| span.end > start)
        .filter_map(move |span| {
            let from = span.start.max(start) - start;
            let to = span.end.min(line.range.end) - start;
            let (before, inside) = (shown.get(..from)?, shown.get(from..to)?);
            let x =
                at.0.saturating_add(u16::try_from(display_width(before)).unwrap_or(u16::MAX));
            let width = u16::try_from(display_width(inside)).unwrap_or(u16::MAX);
            Some((span, Rect::new(x, at.1, width, 1).intersection(area)))
        })
}

/// A link's cells on one row of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkCells {
    /// The cells.
    pub cells: Rect,
    /// Where the link's text starts.
    pub pos: crate::doc::TextPos,
    /// Where the link goes.
    pub url: String,
}

/// The cells of every link in view in the reader of a screen `area` (none while a popup
/// covers it).
pub fn link_cells(app: &App, area: Rect) -> Vec<LinkCells> {
    let column = reader_column(app);
    let (Some(layout), Some(article), None) = (app.layout(), app.open_article(), app.popup) else {
        return Vec::new();
    };
    if areas(app).reader.is_none() {
        return Vec::new();
    }
    let text = column.area.intersection(area);
    let lines = layout.lines();
    let mut out = Vec::new();
    for (y, i) in (text.top()..text.bottom()).zip(app.reader.top..lines.len()) {
        let line = &lines[i];
        let (Some(part), x) = (
            line.part,
            text.x
                .saturating_add(u16::try_from(line.indent).unwrap_or(u16::MAX)),
        ) else {
            continue;
        };
        let shown = layout.line_text(article, i);
        for (span, cells) in span_cells(article, line, shown, (x, y), text) {
            let Some(url) = span.url.as_deref().filter(|_| span.kind == SpanKind::Link) else {
                continue;
            };
            if cells.width > 0 {
                out.push(LinkCells {
                    cells,
                    pos: crate::doc::TextPos {
                        part,
                        offset: span.start,
                    },
                    url: url.to_string(),
                });
            }
        }
    }
    out
}
