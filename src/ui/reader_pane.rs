//! The reader pane: the visible slice of the open article's layout, and a scroll indicator.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Theme, put, reader_column};
use crate::app::App;
use crate::doc::{Article, SpanKind};
use crate::layout::{Lead, Line, Role};
use crate::text::display_width;

/// The style of a line's role.
fn style(theme: &Theme, role: Role) -> Style {
    match role {
        Role::Title => theme.title,
        Role::Subtitle => theme.subtitle,
        Role::Byline => theme.byline,
        Role::Subheading => theme.subheading,
        Role::Quote => theme.quote,
        Role::Code => theme.code,
        Role::Image => theme.body,
        Role::Rule => theme.rule,
        Role::Paragraph | Role::ListItem | Role::Table | Role::Blank => theme.body,
    }
}

/// The style of a span.
fn span_style(theme: &Theme, kind: SpanKind) -> Style {
    match kind {
        SpanKind::Strong => theme.strong,
        SpanKind::Em => theme.em,
        SpanKind::Code => theme.code,
        SpanKind::Strike => theme.strike,
        SpanKind::Underline => Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
        SpanKind::Link => theme.link,
    }
}

/// Draws the lines in view; only those are touched, whatever the article's length.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let column = reader_column(app);
    let (Some(layout), Some(article)) = (app.layout(), app.open_article()) else {
        return;
    };
    let text = column.area.intersection(area);
    let lines = layout.lines();
    // Each label is drawn once, where its link first shows.
    let mut labelled = vec![false; app.hints.as_ref().map_or(0, |h| h.labels.len())];
    for (y, i) in (text.top()..text.bottom()).zip(app.reader.top..lines.len()) {
        let line = &lines[i];
        let x = text
            .x
            .saturating_add(u16::try_from(line.indent).unwrap_or(u16::MAX));
        let shown = layout.line_text(article, i);
        put(buf, text, x, y, shown, style(&app.theme, line.role));
        lead(app, article, line, (x, y), text, buf);
        spans(app, article, line, shown, (x, y), text, buf);
        highlight(app, line, shown, (x, y), text, buf);
        labels(app, line, shown, (x, y), text, &mut labelled, buf);
    }
    if let Some(bar) = column.scrollbar.map(|b| b.intersection(area)) {
        scrollbar(app, bar, lines.len(), buf);
    }
}

/// Draws what stands left of a line's text, in its indent: a list marker, quote bars, an
/// image's label, the mark of a cut line; or the rule itself.
fn lead(app: &App, article: &Article, line: &Line, at: (u16, u16), area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let left = |columns: usize| {
        at.0.saturating_sub(u16::try_from(columns).unwrap_or(u16::MAX))
            .max(area.x)
    };
    match line.lead {
        Lead::None => {}
        Lead::Marker => {
            let Some(marker) = line
                .part
                .and_then(|p| match p {
                    crate::doc::Part::Block(b) => article.blocks.get(b),
                    _ => None,
                })
                .and_then(|b| b.marker())
            else {
                return;
            };
            let marker = marker.text();
            let x = left(display_width(&marker) + 1);
            put(buf, area, x, at.1, &marker, theme.marker);
        }
        Lead::Bars(depth) => {
            for d in 0..usize::from(depth) {
                let x = area
                    .x
                    .saturating_add(u16::try_from(2 * d).unwrap_or(u16::MAX));
                if x < at.0 {
                    put(buf, area, x, at.1, "│", theme.quote);
                }
            }
        }
        Lead::Image(label) => {
            let text = label.text();
            put(
                buf,
                area,
                left(display_width(text)),
                at.1,
                text.trim_end(),
                theme.image,
            );
            // An image without alt text is named by its file, drawn beside the text (never
            // part of it: a position in it is the image's start).
            let block = match line.part {
                Some(crate::doc::Part::Block(b)) => article.blocks.get(b),
                _ => None,
            };
            if let Some(block) = block.filter(|b| b.text.is_empty()) {
                let name = block.url().map(file_name).unwrap_or_default();
                put(buf, area, at.0, at.1, name, theme.byline);
            }
        }
        Lead::Continued => {
            put(buf, area, left(2), at.1, "↪", theme.rule);
        }
        Lead::Rule => {
            let width = usize::from(area.width).min(40);
            put(buf, area, area.x, at.1, &"─".repeat(width), theme.rule);
        }
    }
}

/// The last segment of a URL's path, without its query: `cover.webp`.
fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(path)
}

/// Paints the styles and links that fall on `line` over its text (a span split over two lines
/// is painted on both).
fn spans(
    app: &App,
    article: &Article,
    line: &Line,
    shown: &str,
    at: (u16, u16),
    area: Rect,
    buf: &mut Buffer,
) {
    for (span, cells) in crate::app::geometry::span_cells(article, line, shown, at, area) {
        buf.set_style(cells, span_style(&app.theme, span.kind));
    }
}

/// Paints the matches of the search that fall on `line` (a match split over two lines is
/// painted on both); the line's text starts at `at`, and nothing is painted outside `area`.
fn highlight(app: &App, line: &Line, shown: &str, at: (u16, u16), area: Rect, buf: &mut Buffer) {
    let (Some(find), Some(part)) = (&app.find, line.part) else {
        return;
    };
    if find.article != app.open {
        return;
    }
    let start = line.range.start;
    let first = find
        .matches
        .partition_point(|m| (m.part, m.range.end) <= (part, start));
    for (k, m) in find.matches.iter().enumerate().skip(first) {
        if m.part != part || m.range.start >= line.range.end {
            break;
        }
        let from = m.range.start.max(start) - start;
        let to = m.range.end.min(line.range.end) - start;
        let (Some(before), Some(inside)) = (shown.get(..from), shown.get(from..to)) else {
            continue;
        };
        let x =
            at.0.saturating_add(u16::try_from(display_width(before)).unwrap_or(u16::MAX));
        let width = u16::try_from(display_width(inside)).unwrap_or(u16::MAX);
        let style = if find.current == Some(k) {
            app.theme.current_match
        } else {
            app.theme.matched
        };
        let cells = Rect::new(x, at.1, width, 1).intersection(area);
        buf.set_style(cells, style);
    }
}

/// Draws the label of each link that first shows on `line`, over the start of its text (`f`).
fn labels(
    app: &App,
    line: &Line,
    shown: &str,
    at: (u16, u16),
    area: Rect,
    labelled: &mut [bool],
    buf: &mut Buffer,
) {
    let (Some(hints), Some(part)) = (&app.hints, line.part) else {
        return;
    };
    for ((label, link), done) in hints.labels.iter().zip(labelled.iter_mut()) {
        if *done || !link.is_on(part, &line.range) {
            continue;
        }
        *done = true;
        // What is typed already is dimmed; a label that no longer fits what is typed, gone.
        if !label.starts_with(&hints.typed) {
            continue;
        }
        let from = link.pos.offset.max(line.range.start) - line.range.start;
        let before = shown.get(..from).unwrap_or(shown);
        let x =
            at.0.saturating_add(u16::try_from(display_width(before)).unwrap_or(u16::MAX));
        let rest = &label[hints.typed.len()..];
        // Over a wide character the label covers all of it: half a character is not drawn.
        let mut covered = 0;
        for cluster in crate::text::width::clusters(shown.get(from..).unwrap_or("")) {
            if covered >= rest.len() {
                break;
            }
            covered += cluster.width;
        }
        let label = format!("{rest:<covered$}");
        put(buf, area, x, at.1, &label, app.theme.hint);
    }
}

/// A thin track with a thumb whose size and place show the part of the article in view; drawn
/// only when the article is longer than the pane.
fn scrollbar(app: &App, bar: Rect, len: usize, buf: &mut Buffer) {
    let height = usize::from(bar.height);
    if len <= height || height == 0 {
        return;
    }
    let thumb = (height * height / len).max(1);
    let max_top = len - height;
    let start = (app.reader.top.min(max_top) * (height - thumb)).div_ceil(max_top.max(1));
    for (k, y) in (bar.top()..bar.bottom()).enumerate() {
        let (symbol, style) = if (start..start + thumb).contains(&k) {
            // A full block: a heavy line beside the light track is too alike to see at once.
            ("█", app.theme.scroll_thumb)
        } else {
            ("│", app.theme.scroll_track)
        };
        put(buf, bar, bar.x, y, symbol, style);
    }
}
