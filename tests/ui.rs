//! The reader on screen: scripted keys in, the rendered screen out (ratatui `TestBackend`),
//! compared with reviewed snapshots in `tests/snapshots/`, plus checks of styles and of sizes
//! down to 1×1.

mod common;

use common::{buffer, press, sample, screen};
use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kanbao::app::{Action, App, Focus, update};
use ratatui::style::{Color, Modifier};

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

macro_rules! snapshot {
    ($name:literal, $w:expr, $h:expr, $keys:expr) => {{
        let mut app = sample($w, $h);
        press(&mut app, $keys);
        insta::assert_snapshot!($name, screen(&app));
        app
    }};
}

#[test]
fn first_screen() {
    snapshot!("first_120x40", 120, 40, "");
    snapshot!("first_80x24", 80, 24, "");
    snapshot!("first_50x20", 50, 20, "");
}

#[test]
fn an_article_opened() {
    snapshot!("opened_120x40", 120, 40, "jj<Enter>");
    snapshot!("opened_80x24", 80, 24, "jj<Enter>");
    snapshot!("opened_50x20", 50, 20, "jj<Enter>");
}

#[test]
fn an_article_scrolled() {
    snapshot!("scrolled_120x40", 120, 40, "<Enter><C-d>j");
    snapshot!("scrolled_80x24", 80, 24, "<Enter><Space>jj");
    snapshot!("scrolled_50x20", 50, 20, "<Enter><Space><Space>");
}

#[test]
fn next_section() {
    snapshot!("next_section_120x40", 120, 40, "}");
    snapshot!("next_section_80x24", 80, 24, "}");
    snapshot!("next_section_50x20", 50, 20, "}<Enter>");
}

#[test]
fn help_popup() {
    snapshot!("help_120x40", 120, 40, "?");
    snapshot!("help_80x24", 80, 24, "?jj");
    snapshot!("help_50x20", 50, 20, "?");
}

#[test]
fn after_a_resize_the_same_text_is_at_the_top() {
    let mut app = sample(120, 40);
    press(&mut app, "<Enter><C-d><C-d>");
    let anchor = app.reader.anchor.unwrap();
    resize(&mut app, 80, 24);
    insta::assert_snapshot!("resized_120x40_to_80x24", screen(&app));
    let article = app.open_article().unwrap();
    let (line, _) = app.layout().unwrap().locate(article, anchor).unwrap();
    assert_eq!(line, app.reader.top, "the anchor's line is the top line");
    resize(&mut app, 50, 20);
    insta::assert_snapshot!("resized_80x24_to_50x20", screen(&app));
    resize(&mut app, 120, 40);
    assert_eq!(
        app.reader.anchor,
        Some(anchor),
        "back at the first size, the same text"
    ); // Its layout was kept from before, and the top line is the anchor's line in it again.
    let article = app.open_article().unwrap();
    let (line, _) = app.layout().unwrap().locate(article, anchor).unwrap();
    assert_eq!(app.reader.top, line, "the top line counted in this layout");
}

#[test]
fn no_size_panics_and_nothing_is_drawn_outside() {
    let mut app = sample(120, 40);
    press(&mut app, "<Enter><C-d>");
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (7, 5),
        (20, 4),
        (69, 10),
        (70, 10),
        (300, 2),
    ] {
        resize(&mut app, w, h);
        for keys in ["", "?", "<Esc>", "<Tab>", "j", "G", "]"] {
            press(&mut app, keys);
            let buf = buffer(&app);
            assert_eq!(buf.area.width, w);
        }
    }
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let mut app = sample(60, 20);
    let list = screen(&app);
    assert!(!list.contains('│'), "no separator: one pane");
    press(&mut app, "<Enter>");
    assert_eq!(app.focus, Focus::Reader);
    let reader = screen(&app);
    assert!(reader.contains("为中国式现代化太仓新实践贡献工会力量"));
    assert!(!reader.contains("新华社 2"), "the list is hidden");
    press(&mut app, "h");
    assert_eq!(screen(&app), list);
}

#[test]
fn keys_move_through_articles_and_sections() {
    let mut app = sample(120, 40);
    assert_eq!((app.focus, app.open, app.selected), (Focus::List, 0, 0));
    press(&mut app, "jj");
    assert_eq!(
        (app.open, app.selected),
        (0, 2),
        "moving the cursor does not open"
    );
    press(&mut app, "l");
    assert_eq!((app.focus, app.open), (Focus::Reader, 2));
    press(&mut app, "]]");
    assert_eq!(app.open, 4);
    press(&mut app, "[");
    assert_eq!(app.open, 3);
    press(&mut app, "}");
    assert_eq!(app.articles[app.open].section, 1);
    press(&mut app, "{");
    assert_eq!(app.open, 0);
    press(&mut app, "G");
    assert!(app.reader.top <= app.layout().unwrap().len());
    press(&mut app, "<Tab>G");
    assert_eq!(app.selected, app.articles.len() - 1);
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn the_reader_scrolls_by_lines_pages_and_to_the_ends() {
    let mut app = sample(80, 24);
    // The longest article of the sample.
    let longest = (0..app.articles.len())
        .max_by_key(|&i| app.article(i).unwrap().blocks.len())
        .unwrap();
    for _ in 0..longest {
        press(&mut app, "]");
    }
    press(&mut app, "<Tab>");
    let height = 23;
    let len = app.layout().unwrap().len();
    assert!(len > 2 * height, "the article is long enough to scroll");
    press(&mut app, "j");
    assert_eq!(app.reader.top, 1);
    press(&mut app, "<Space>");
    assert_eq!(app.reader.top, 1 + height - 1);
    press(&mut app, "b");
    assert_eq!(app.reader.top, 1);
    press(&mut app, "<C-d>");
    assert_eq!(app.reader.top, 1 + height / 2);
    press(&mut app, "G");
    assert_eq!(app.reader.top, len - height, "the last line at the bottom");
    assert_eq!(app.progress(), 100);
    press(&mut app, "g");
    assert_eq!(app.reader.top, 0);
    assert!(app.progress() < 100);
}

#[test]
fn the_mouse_scrolls_the_pane_under_it_and_clicks_open_articles() {
    let mut app = sample(120, 40);
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Row 0 is the first section's header, row 3 its third article.
    let action = app.action_for(&click(5, 3)).unwrap();
    update(&mut app, action);
    assert_eq!((app.open, app.focus), (2, Focus::Reader));
    let wheel = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    press(&mut app, "}");
    let before = app.reader.top;
    let action = app.action_for(&wheel(80, 10)).unwrap();
    update(&mut app, action);
    assert!(
        app.reader.top > before,
        "the wheel over the reader scrolls it"
    );
    let action = app.action_for(&wheel(5, 10)).unwrap();
    let selected = app.selected;
    update(&mut app, action);
    assert_eq!(
        app.selected,
        selected + 1,
        "the wheel over the list moves its cursor"
    );
}

#[test]
fn the_list_sets_apart_open_read_inferred_and_selected_articles() {
    let mut app = sample(120, 40);
    press(&mut app, "j<Enter>]<Tab>");
    let buf = buffer(&app);
    let row = |y: u16| -> String { (0..36).map(|x| buf[(x, y)].symbol()).collect() };
    // Row 1: article 0, open at start and so read: dimmed.
    assert_eq!(buf[(4, 1)].fg, Color::DarkGray, "{}", row(1));
    // Row 2: article 1 (inferred title), read: dim and italic.
    assert!(
        buf[(4, 2)].modifier.contains(Modifier::ITALIC),
        "{}",
        row(2)
    );
    // Row 3: article 2 is open: marked; the cursor on it is reversed while the list has focus.
    assert!(row(3).starts_with("▸"), "{}", row(3));
    assert!(
        buf[(3, 3)].modifier.contains(Modifier::REVERSED),
        "{}",
        row(3)
    );
    // Unread articles keep the normal colour.
    assert_eq!(buf[(4, 4)].fg, Color::Reset);
}

#[test]
fn the_status_bar_tells_where_the_reader_is() {
    let mut app = sample(120, 40);
    press(&mut app, "}");
    let s = screen(&app);
    let status = s.lines().last().unwrap();
    assert!(status.contains("新华社 2/2 · 8/9"), "{status}");
    assert!(status.contains("% · list"), "{status}");
    press(&mut app, "<Tab>");
    assert!(screen(&app).lines().last().unwrap().contains("· reader"));
}

#[test]
fn a_frame_smaller_than_the_state_knows_is_drawn_inside_it() {
    // The terminal shrank and the resize event has not arrived yet.
    let app = sample(200, 60);
    for (w, h) in [(1, 1), (30, 10), (120, 40)] {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        kanbao::tui::draw(&mut terminal, &app).unwrap();
    }
}

#[test]
fn the_pane_border_and_the_scroll_thumb_show_in_both_themes() {
    use kanbao::ui::Theme;
    // Light grey (ANSI 7) is what a light terminal's background is close to.
    let faint_on_light = |c: Option<Color>| matches!(c, Some(Color::Gray | Color::White));
    for (name, theme) in [("dark", Theme::dark()), ("light", Theme::light())] {
        let mut app = sample(80, 24);
        app.theme = theme;
        press(&mut app, "<Enter>");
        let buf = common::buffer(&app);
        let (sep_x, bar_x) = (26, 79);
        let separator = &buf[(sep_x, 5)];
        assert_eq!(separator.symbol(), "│", "{name}: the border's column");
        if name == "light" {
            assert!(
                !faint_on_light(separator.style().fg),
                "{name}: the pane border must show on a light background: {:?}",
                separator.style()
            );
        }
        let column: Vec<_> = (0..23).map(|y| buf[(bar_x, y)].clone()).collect();
        let thumb: Vec<_> = column.iter().filter(|c| c.symbol() == "█").collect();
        let track: Vec<_> = column.iter().filter(|c| c.symbol() == "│").collect();
        assert!(
            !thumb.is_empty() && !track.is_empty(),
            "{name}: a thumb that stands apart from its track by its shape: {:?}",
            column.iter().map(|c| c.symbol()).collect::<String>()
        );
        let thumb_fg = thumb[0].style().fg;
        assert!(
            name == "dark" || !faint_on_light(thumb_fg),
            "{name}: the thumb's colour shows on a light background: {thumb_fg:?}"
        );
    }
}
