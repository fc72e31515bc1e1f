//! The status bar: where the reader is, how far through the article, which pane has focus, and
//! the latest message.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_segmentation::UnicodeSegmentation;

use super::put;
use crate::app::{App, Focus, MessageKind, Prompt, PromptKind};
use crate::layout::truncate;
use crate::text::display_width;

/// The search's counter: `3/12`, or how many matches before one is chosen.
fn counter(app: &App) -> Option<String> {
    let find = app.find.as_ref()?;
    Some(match (find.current, find.matches.len()) {
        (_, 0) => "no match".to_string(),
        (Some(i), n) => format!("{}/{n}", i + 1),
        (None, n) => format!("{n} matches"),
    })
}

/// Draws the status bar into its one-row `area`; where the terminal's cursor goes when a
/// prompt is open.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);

    let focus = match app.focus {
        Focus::List => "list",
        Focus::Reader => "reader",
    };
    // A count being typed (`5` of `5j`) shows until its movement.
    let count = app
        .count
        .map(|n| format!(" count {n} ·"))
        .unwrap_or_default();
    // Changes the store could not save yet are never silent.
    let unsaved = match app.saved.unsaved {
        0 => String::new(),
        n => format!(" {n} unsaved ·"),
    };
    let right = match counter(app) {
        Some(c) => format!("{unsaved}{count} {c} · {}% · {focus} ", app.progress()),
        None => format!("{unsaved}{count} {}% · {focus} ", app.progress()),
    };
    if let Some(prompt) = &app.prompt {
        let right = match (prompt.kind, counter(app)) {
            (PromptKind::Find, Some(c)) => format!(" {c} "),
            _ => String::new(),
        };
        return Some(render_prompt(app, prompt, &right, area, buf));
    }

    let (middle, middle_style) = match &app.message {
        Some(m) => (
            format!(" {} ", m.text),
            match m.kind {
                MessageKind::Info => theme.info,
                MessageKind::Error => theme.error,
            },
        ),
        None if app.loading.is_some() => (
            format!(" {} ", app.loading.as_deref().unwrap_or_default()),
            theme.info,
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

    // The right part always shows; the newsletter's name keeps a share of what is left (a third,
    // at least 12 columns); the message or position comes next; the name takes the rest.
    let right_w = display_width(&right).min(width);
    let avail = width - right_w;
    // An email's sender goes with its title: `The Tide Table — week 47 · The Tide Table`.
    let with_sender = app
        .doc
        .from
        .as_deref()
        .map(|from| format!("{} · {from}", app.title()));
    let name = with_sender.as_deref().unwrap_or(app.title());
    let reserve = (display_width(name) + 2)
        .min((avail / 3).max(12))
        .min(avail);
    let middle = truncate(&middle, avail - reserve);
    let middle_w = display_width(&middle);
    let title_room = (avail - middle_w).saturating_sub(2);
    // A masthead is cut at its end; a file's path at its start, so its name stays.
    let title = match app.doc.title {
        Some(_) => truncate(name, title_room),
        None => crate::layout::truncate_start(name, title_room),
    };
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
    None
}

/// The prompt: its label, the text scrolled so the cursor shows, and `right` at the end.
fn render_prompt(
    app: &App,
    prompt: &Prompt,
    right: &str,
    area: Rect,
    buf: &mut Buffer,
) -> Position {
    let theme = &app.theme;
    buf.set_style(area, theme.prompt);
    let width = usize::from(area.width);
    let right_w = display_width(right);
    let label = prompt.kind.label();
    let room = width.saturating_sub(display_width(label) + right_w + 1);
    // Drop clusters from the start until the text up to the cursor fits.
    let mut start = 0;
    let mut before = prompt.cursor_column();
    let mut clusters = prompt.input[..prompt.cursor].graphemes(true);
    while before > room {
        let Some(g) = clusters.next() else { break };
        start += g.len();
        before -= display_width(g);
    }
    let x = put(buf, area, area.x, area.y, label, theme.prompt);
    let shown = truncate(&prompt.input[start..], room);
    put(buf, area, x, area.y, &shown, theme.prompt);
    if right_w > 0 && right_w < width {
        let rx = area.right() - u16::try_from(right_w).unwrap_or(0);
        put(buf, area, rx, area.y, right, theme.status);
    }
    let cx = x.saturating_add(u16::try_from(before).unwrap_or(u16::MAX));
    Position::new(cx.min(area.right().saturating_sub(1)), area.y)
}
