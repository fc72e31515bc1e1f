//! Popups over the panes: the help, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use super::put;
use crate::app::{App, Popup};
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
    out.push(HelpLine::Keys("click".into(), "open the article clicked"));
    out
}

/// Where the help popup goes: centred, as large as its text or the screen allows.
pub fn help_area(app: &App) -> Rect {
    let (w, h) = app.size;
    let lines = u16::try_from(help_lines(app).len()).unwrap_or(u16::MAX);
    let width = 66.min(w.saturating_sub(2)).max(w.min(3));
    let height = lines
        .saturating_add(2)
        .min(h.saturating_sub(2))
        .max(h.min(3));
    Rect::new((w - width) / 2, (h - height) / 2, width, height)
}

/// How far the help can scroll.
pub fn help_max_scroll(app: &App) -> usize {
    let inner = usize::from(help_area(app).height.saturating_sub(2));
    help_lines(app).len().saturating_sub(inner)
}

/// Draws the popup on top of everything.
pub fn render(app: &App, buf: &mut Buffer) {
    let Some(Popup::Help { scroll }) = app.popup else {
        return;
    };
    let theme = &app.theme;
    let area = help_area(app).intersection(buf.area);
    split_wide_edges(area, buf);
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(" Keys · Esc closes ")
        .border_style(theme.popup_border);
    let inner = block.inner(area);
    block.render(area, buf);
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
