//! Markdown digests on screen: the reader's rich blocks (numbered items, lists of links,
//! quotes, code, tables, images) drawn at three sizes and compared with reviewed snapshots in
//! `tests/snapshots/`; and the real binary opening a `.md` file in a pseudo-terminal.

mod common;

use common::pty::Session;
use common::{press, screen};
use kanbao::app::App;
use kanbao::doc::{BlockKind, Part, TextPos};
use kanbao::read::markdown;
use kanbao::source;

/// A Markdown fixture open in a terminal of this size.
fn digest(name: &str, (width, height): (u16, u16)) -> App {
    let path = format!(
        "{}/tests/fixtures/markdown/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).expect("the fixture is there");
    let text = source::decode(&bytes).expect("the fixture decodes").text;
    App::new(markdown::parse(&text), name.to_string(), (width, height))
}

/// Opens the article titled `title` as a reader does: the list cursor down to it, then Enter.
fn open(app: &mut App, title: &str) {
    let index = (0..app.articles.len())
        .find(|&i| app.article(i).is_some_and(|a| a.title == title))
        .unwrap_or_else(|| panic!("no article {title:?}"));
    press(app, &"j".repeat(index));
    press(app, "<Enter>");
    assert_eq!(app.open, index, "{title:?} is open");
}

/// Scrolls the reader down line by line until the first block of `kind` is one line below
/// the top (or the article's end is reached).
fn scroll_to(app: &mut App, kind: BlockKind) {
    let article = app.open_article().expect("an article is open");
    let block = article
        .blocks
        .iter()
        .position(|b| b.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} block in {:?}", article.title));
    let pos = TextPos {
        part: Part::Block(block),
        offset: 0,
    };
    let (line, _) = app
        .layout()
        .and_then(|l| l.locate(article, pos))
        .expect("the block is laid out");
    while app.reader.top + 1 < line {
        let before = app.reader.top;
        press(app, "j");
        if app.reader.top == before {
            break;
        }
    }
}

/// Each size a snapshot is taken at.
const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (50, 20)];

/// The screens of `fixture` at every size after `keys`, each checked for what no screen may
/// show, then compared with its snapshot `name_WxH`.
fn snapshots(name: &str, fixture: &str, keys: impl Fn(&mut App)) {
    for size in SIZES {
        let mut app = digest(fixture, size);
        keys(&mut app);
        let shown = screen(&app);
        for bad in ["](", "**", "<!--", "<u>", "<br", "```", "| --- |"] {
            assert!(!shown.contains(bad), "{bad:?} on screen:\n{shown}");
        }
        let two_panes = size.0 >= 80;
        for line in shown.lines().take(usize::from(size.1) - 1) {
            // The reader's text: right of the list's border, left of quote bars.
            let text = if two_panes {
                line.split_once('│').map_or("", |(_, r)| r)
            } else {
                line
            };
            let text = text.trim_start_matches([' ', '│']);
            assert!(
                !text.starts_with(['，', '。', '、', '；', '：', '！', '？', '）', '》', '”']),
                "a line starts with a closing mark: {line:?}\n{shown}"
            );
        }
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), shown);
    }
}

#[test]
fn a_section_of_numbered_items_and_an_image_line() {
    // The list shows the items as articles titled without their numbers; the reader shows
    // the item's picture as an image line before its text.
    snapshots("md_numbered", "zh-weekly.md", |app| {
        open(app, "会折叠的自行车头盔");
        press(app, "<Tab>");
    });
}

#[test]
fn a_bullet_list_of_links() {
    snapshots("md_link_list", "zh-weekly.md", |app| {
        open(app, "程序员的字体合集");
    });
    snapshots("md_link_list_en", "en-weekly.md", |app| {
        open(app, "Project/Tooling Updates");
    });
}

#[test]
fn a_quote_inline_code_and_an_image() {
    snapshots("md_quote", "zh-weekly.md", |app| {
        open(app, "本周话题");
        scroll_to(app, BlockKind::Quote);
        // Two lines back: the paragraph with inline code above the quote.
        press(app, "kk");
    });
}

#[test]
fn a_task_list_whose_items_wrap() {
    // At the narrow sizes the items wrap: their lines hang under the text, not the marker.
    snapshots("md_tasks", "en-weekly.md", |app| {
        open(app, "Call for Participation");
    });
}

#[test]
fn a_code_block_and_a_table() {
    snapshots("md_code_table", "zh-weekly.md", |app| {
        open(app, "本周话题");
        scroll_to(app, BlockKind::Code);
    });
    snapshots("md_table_en", "en-weekly.md", |app| {
        open(app, "Updates from the Core");
    });
}

/// The screen of a small Markdown document's first article, at 60×12 (the reader alone).
fn reader_screen(source: &str) -> String {
    let mut app = App::new(markdown::parse(source), "t.md".into(), (60, 12));
    press(&mut app, "<Enter>");
    screen(&app)
}

/// The column where `needle` starts on the screen.
fn column_of(screen: &str, needle: &str) -> usize {
    let line = screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on screen:\n{screen}"));
    unicode_width::UnicodeWidthStr::width(&line[..line.find(needle).unwrap_or(0)])
}

#[test]
fn the_wrapped_lines_of_a_list_item_hang_under_its_text() {
    let shown = reader_screen(
        "## S\n\n- one item whose text is long enough to wrap onto a second line here\n\
         - two\n\n10. ten, whose marker is wider, also long enough to wrap onto a line\n",
    );
    assert_eq!(
        column_of(&shown, "one item"),
        column_of(&shown, "second line here")
    );
    assert_eq!(
        column_of(&shown, "ten, whose"),
        column_of(&shown, "onto a line")
    );
    assert!(column_of(&shown, "• one") < column_of(&shown, "one item"));
}

#[test]
fn an_items_second_paragraph_lines_up_with_its_first() {
    let shown = reader_screen("## S\n\n- first paragraph\n\n  second paragraph\n\n- next item\n");
    assert_eq!(
        column_of(&shown, "second paragraph"),
        column_of(&shown, "first paragraph"),
        "\n{shown}"
    );
}

/// The real binary opens a `.md` file, moves to an article with a list and draws its items
/// with bullets, links without their targets.
#[test]
fn the_binary_draws_a_markdown_list() {
    let data = tempfile::tempdir().expect("a temporary directory");
    let fixture = format!(
        "{}/tests/fixtures/markdown/en-weekly.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut s = Session::start_with(&[&fixture, "--fresh"], data.path(), (100, 30));
    s.wait_for("This Week in Widgets 42");
    // The next article (the first of the community updates): a list of links.
    s.type_keys("]");
    s.wait_for("· 2/9");
    s.wait_for("• Widgetry 0.9 is out");
    s.wait_for("• Survey results: how people use widgets in 2026");
    // Two more: a list with a nested one.
    s.type_keys("]");
    s.wait_for("· 3/9");
    s.type_keys("]");
    s.wait_for("· 4/9");
    s.wait_for("• tabber: tabs that survive a resize");
    s.wait_for("◦ Migration notes for tabber 1.x users");
    let shown = s.screen.screen().contents();
    assert!(!shown.contains("]("), "{shown}");
    assert!(!shown.contains("* ["), "{shown}");
    s.type_keys("q");
    assert!(s.finish().success());
}
