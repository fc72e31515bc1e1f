//! The status bar: where the reader is, how far through the article, which pane has focus, and
//! the latest message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::put;
use crate::app::{App, Focus, MessageKind};
use crate::layout::{display_width, truncate};

/// Draws the status bar into its one-row `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);

    let focus = match app.focus {
        Focus::List => "list",
        Focus::Reader => "reader",
    };
    let right = format!(" {}% · {focus} ", app.progress());

    let (middle, middle_style) = match &app.message {
        Some(m) => (
            format!(" {} ", m.text),
            match m.kind {
                MessageKind::Info => theme.info,
                MessageKind::Error => theme.error,
            },
        ),
        None => {
            let here = app.articles.get(app.open);
            let section = here.and_then(|r| app.doc.sections.get(r.section));
            let text = match (here, section) {
                (Some(r), Some(s)) => format!(
                    " {} {}/{} · {}/{} ",
                    s.title,
                    r.section + 1,
                    app.doc.sections.len(),
                    app.open + 1,
                    app.articles.len()
                ),
                _ => String::new(),
            };
            (text, theme.status)
        }
    };

    // The right part always shows; the message or position comes next; the title takes the rest.
    let right_w = display_width(&right).min(width);
    let middle = truncate(&middle, width - right_w);
    let middle_w = display_width(&middle);
    let title_room = width - right_w - middle_w;
    let title = truncate(app.title(), title_room.saturating_sub(2));
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" {title} ")
    };
    let x = put(buf, area, area.x, area.y, &title, theme.status_strong);
    put(buf, area, x, area.y, &middle, middle_style);
    let right_x = area
        .right()
        .saturating_sub(u16::try_from(right_w).unwrap_or(0));
    put(buf, area, right_x, area.y, &right, theme.status);
}
