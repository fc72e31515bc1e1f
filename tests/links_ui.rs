//! Links as a reader uses them: the `L` popup of an article's links (and the newsletter's),
//! opened through the configured opener, copied through the terminal (OSC 52), filtered by
//! typing; links that are not web pages asked about first, links with control characters
//! refused. The state alone, a reviewed snapshot, and the real binary in a pseudo-terminal
//! with an opener that records what it was given.

mod common;

use common::pty::Session;
use common::{press, screen};
use kanbao::app::{App, Effect, Popup};
use kanbao::doc::{Article, Block, Newsletter, Section, Span, SpanKind};
use kanbao::read::markdown;

/// A weekly digest of my own: a numbered item whose headline and body hold links, one of
/// them a script, and a second article with one link.
const DIGEST: &str = "# 码农周报（第 3 期）\n\n## 动态\n\n\
    1、[终端里读周报](https://example.org/read?a=1&b=2)\n\n\
    正文里有[原文](https://example.org/source)和[运行一下](javascript:alert(1))，\
    还有一张图：![一座桥](https://example.org/bridge.webp)\n\n\
    2、[第二篇](https://example.org/second)\n\n没有别的链接。\n";

fn digest(size: (u16, u16)) -> App {
    App::new(markdown::parse(DIGEST), "digest.md".into(), size)
}

fn urls(app: &App) -> Vec<String> {
    let list = app.links.as_ref().expect("the links popup's list");
    (0..list.shown.len())
        .map(|r| list.shown_link(r).unwrap().url.clone())
        .collect()
}

#[test]
fn l_lists_the_articles_links_in_order_and_l_again_the_newsletters() {
    let mut app = digest((120, 40));
    press(&mut app, "L");
    assert!(matches!(app.popup, Some(Popup::Links { .. })));
    assert_eq!(
        urls(&app),
        [
            "https://example.org/read?a=1&b=2",
            "https://example.org/source",
            "javascript:alert(1)",
            "https://example.org/bridge.webp",
        ]
    );
    press(&mut app, "L");
    assert_eq!(urls(&app).len(), 5, "{:?}", urls(&app));
    assert_eq!(urls(&app)[4], "https://example.org/second");
    press(&mut app, "<Esc>");
    assert_eq!(app.popup, None);
}

#[test]
fn enter_opens_a_web_link_at_once_and_y_copies_it() {
    let mut app = digest((120, 40));
    press(&mut app, "Lj<Enter>");
    assert_eq!(
        app.effects,
        [Effect::Open("https://example.org/source".into())]
    );
    assert_eq!(app.popup, None, "the popup gives way to the reader");
    app.effects.clear();
    press(&mut app, "Ljy");
    assert_eq!(
        app.effects,
        [Effect::Copy {
            text: "https://example.org/source".into(),
            what: "the link".into()
        }]
    );
}

#[test]
fn a_script_link_asks_first_and_only_y_hands_it_over() {
    let mut app = digest((120, 40));
    press(&mut app, "Ljj<Enter>");
    assert!(app.effects.is_empty());
    assert!(matches!(
        app.popup,
        Some(Popup::Links { confirm: true, .. })
    ));
    let shown = screen(&app);
    assert!(shown.contains("Open a javascript: link?"), "{shown}");
    assert!(shown.contains("javascript:alert(1)"), "{shown}");
    press(&mut app, "n");
    assert!(app.effects.is_empty());
    assert!(screen(&app).contains("not opened"));
    press(&mut app, "<Enter>y");
    assert_eq!(app.effects, [Effect::Open("javascript:alert(1)".into())]);
    assert_eq!(app.popup, None);
}

#[test]
fn a_url_with_control_characters_is_never_handed_over() {
    let mut body = Block::paragraph("看这里");
    body.spans = vec![Span {
        kind: SpanKind::Link,
        start: 0,
        end: 9,
        url: Some("https://example.org/\u{1b}]52;c;ZXZpbA==\u{7}".into()),
    }]
    .into();
    let doc = Newsletter {
        sections: vec![Section {
            title: "S".into(),
            inferred: false,
            articles: vec![Article {
                title: "T".into(),
                blocks: vec![body],
                ..Article::default()
            }],
        }],
        ..Newsletter::default()
    };
    let mut app = App::new(doc, "x".into(), (100, 30));
    // (Text from a file never holds one: the sanitiser replaced it on the way in. A model made
    // otherwise is refused all the same.)
    press(&mut app, "L<Enter>");
    assert_eq!(app.effects, []);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("not opened: the link holds control characters")
    );
    press(&mut app, "y");
    assert_eq!(app.effects, []);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("not copied: the link holds control characters")
    );
    assert!(app.popup.is_some());
}

#[test]
fn typing_after_slash_filters_the_links_and_esc_gives_the_filter_back() {
    let mut app = digest((120, 40));
    press(&mut app, "L/原文");
    assert_eq!(urls(&app), ["https://example.org/source"]);
    press(&mut app, "<Enter>");
    assert!(app.prompt.is_none());
    assert!(screen(&app).contains("1 of 4 links in this article with “原文”"));
    // The whole newsletter's links, through the same filter; cleared, then given back.
    press(&mut app, "L");
    assert!(screen(&app).contains("1 of 5 links in the newsletter with “原文”"));
    press(&mut app, "/<BS><BS>");
    assert_eq!(urls(&app).len(), 5);
    press(&mut app, "<Esc>");
    assert_eq!(urls(&app), ["https://example.org/source"]);
    press(&mut app, "<Enter>");
    assert_eq!(
        app.effects,
        [Effect::Open("https://example.org/source".into())]
    );
    // The popup opened afresh lists everything again.
    press(&mut app, "L");
    assert_eq!(urls(&app).len(), 4);
}

#[test]
fn capital_y_copies_the_article_as_plain_text() {
    let mut app = digest((120, 40));
    press(&mut app, "Y");
    let [Effect::Copy { text, what }] = app.effects.as_slice() else {
        panic!("{:?}", app.effects);
    };
    assert_eq!(what, "the article");
    assert!(
        text.starts_with("终端里读周报\n\n正文里有原文和运行一下"),
        "{text}"
    );
    assert!(
        text.contains("[image: 一座桥] https://example.org/bridge.webp"),
        "{text}"
    );
}

#[test]
fn an_article_without_links_shows_the_newsletters_and_a_newsletter_without_says_so() {
    let doc =
        markdown::parse("## 一节\n\n只有文字。\n\n## 二节\n\n有[链接](https://example.org/)。\n");
    let mut app = App::new(doc, "x".into(), (100, 30));
    press(&mut app, "L");
    assert!(screen(&app).contains("this article has no links: these are the newsletter's"));
    assert_eq!(urls(&app), ["https://example.org/"]);
    let doc = markdown::parse("## 一节\n\n只有文字。\n");
    let mut app = App::new(doc, "x".into(), (100, 30));
    press(&mut app, "L");
    assert_eq!(app.popup, None);
    assert!(screen(&app).contains("the newsletter has no links"));
}

#[test]
fn snapshot_of_the_links_popup_at_80x24() {
    let mut app = digest((80, 24));
    press(&mut app, "Lj");
    insta::assert_snapshot!("links_popup_80x24", screen(&app));
    press(&mut app, "j<Enter>");
    insta::assert_snapshot!("links_confirm_80x24", screen(&app));
}

#[test]
fn g_then_l_lists_the_newsletters_links_from_where_the_reader_was() {
    let filler = "一段很长的正文，写满一整行又一整行。".repeat(60);
    let text = format!(
        "## 一节\n\n### 文章\n\n开头有[第一个](https://example.org/1)。\n\n{filler}\n\n\
         ### 另一篇\n\n有[第二个](https://example.org/2)。\n"
    );
    let mut app = App::new(markdown::parse(&text), "x".into(), (80, 24));
    press(&mut app, "<Enter><C-d><C-d>");
    let here = kanbao::app::jumps::here(&app);
    assert_ne!(app.reader.top, 0);
    press(&mut app, "gL");
    let list = app.links.as_ref().unwrap();
    assert!(list.all, "the newsletter's links");
    assert_eq!(
        urls(&app),
        ["https://example.org/1", "https://example.org/2"]
    );
    press(&mut app, "<Esc>");
    assert_eq!(kanbao::app::jumps::here(&app), here, "where the reader was");
    press(&mut app, "<C-o>");
    assert!(
        screen(&app).contains("no earlier place"),
        "the g left nothing on the jump list"
    );
    // `g` and another key: the top, as always.
    press(&mut app, "gj");
    assert_eq!(app.reader.top, 1);
}

// ---- Labels (`f`) ----

fn labels(app: &App) -> Vec<(String, String)> {
    app.hints
        .as_ref()
        .map(|h| {
            h.labels
                .iter()
                .map(|(l, link)| (l.clone(), link.url.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn f_labels_the_links_in_view_and_a_label_opens_its_link() {
    let mut app = digest((120, 40));
    press(&mut app, "f");
    assert_eq!(
        labels(&app),
        [
            ("a".into(), "https://example.org/read?a=1&b=2".into()),
            ("s".into(), "https://example.org/source".into()),
            ("d".into(), "javascript:alert(1)".into()),
            ("f".into(), "https://example.org/bridge.webp".into()),
        ]
    );
    press(&mut app, "s");
    assert_eq!(app.hints, None);
    assert_eq!(
        app.effects,
        [Effect::Open("https://example.org/source".into())]
    );
}

#[test]
fn a_label_on_a_script_link_asks_first() {
    let mut app = digest((120, 40));
    press(&mut app, "fd");
    assert!(app.effects.is_empty());
    assert!(screen(&app).contains("Open a javascript: link?"));
    press(&mut app, "n");
    assert!(app.effects.is_empty());
}

#[test]
fn capital_f_or_y_after_f_copies_and_esc_or_a_wrong_key_cancels() {
    let mut app = digest((120, 40));
    press(&mut app, "Fa");
    let copied = Effect::Copy {
        text: "https://example.org/read?a=1&b=2".into(),
        what: "the link".into(),
    };
    assert_eq!(app.effects, std::slice::from_ref(&copied));
    app.effects.clear();
    press(&mut app, "fya");
    assert_eq!(app.effects, [copied]);
    app.effects.clear();
    press(&mut app, "f<Esc>");
    assert_eq!((app.hints.clone(), app.effects.clone()), (None, vec![]));
    press(&mut app, "fx");
    assert_eq!(app.hints, None);
    assert!(screen(&app).contains("no link is labelled x"));
    // Keys work as before once the labels are gone.
    press(&mut app, "L");
    assert!(matches!(app.popup, Some(Popup::Links { .. })));
}

#[test]
fn only_the_links_in_view_are_labelled() {
    // A long article: its last link is far below the screen.
    let filler = "一段很长的正文，写满一整行又一整行。".repeat(40);
    let text = format!(
        "## 一节\n\n### 文章\n\n开头有[第一个](https://example.org/1)。\n\n{filler}\n\n\
         结尾有[最后一个](https://example.org/last)。\n"
    );
    let mut app = App::new(markdown::parse(&text), "x".into(), (80, 24));
    press(&mut app, "<Enter>f");
    assert_eq!(labels(&app), [("a".into(), "https://example.org/1".into())]);
    press(&mut app, "<Esc>G");
    press(&mut app, "f");
    assert_eq!(
        labels(&app),
        [("a".into(), "https://example.org/last".into())]
    );
}

#[test]
fn snapshot_of_labels_over_chinese_links_at_80x24() {
    let mut app = digest((80, 24));
    press(&mut app, "f");
    insta::assert_snapshot!("links_labels_80x24", screen(&app));
    // Typed half of a two-letter label, the rest of it shows.
    let many: String = (1..=12)
        .map(|i| format!("- [第{i}个链接](https://example.org/{i})\n"))
        .collect();
    let mut app = App::new(
        markdown::parse(&format!("## 一节\n\n### 链接很多\n\n{many}")),
        "x".into(),
        (80, 24),
    );
    press(&mut app, "<Enter>fa");
    insta::assert_snapshot!("links_labels_typed_80x24", screen(&app));
}

// ---- Links within the newsletter ----

#[test]
fn a_footnote_mark_and_a_heading_link_go_there_and_ctrl_o_comes_back() {
    let text = "## 本周\n\n### 开头\n\n正文有注释[^note]，另见[工具一节](#tools-and-tips)。\n\n\
                ### Tools and Tips\n\n工具的正文。\n\n[^note]: 注释在最后。\n";
    let mut app = App::new(markdown::parse(text), "x".into(), (100, 30));
    let start = kanbao::app::jumps::here(&app).unwrap();
    assert_eq!(urls_after(&mut app, "L"), ["#fn-note", "#tools-and-tips"]);
    press(&mut app, "<Enter>");
    let note = app.open_article().unwrap();
    let shown = &note.blocks[app.reader.anchor.map_or(0, |p| match p.part {
        kanbao::doc::Part::Block(b) => b,
        _ => 0,
    })];
    assert!(shown.text.contains("注释在最后"), "{:?}", shown.text);
    assert!(screen(&app).contains("went to #fn-note"));
    press(&mut app, "<C-o>");
    assert_eq!(kanbao::app::jumps::here(&app), Some(start));
    // The heading link, by a label this time.
    press(&mut app, "f");
    press(&mut app, "s");
    assert_eq!(app.open_article().unwrap().title, "Tools and Tips");
    press(&mut app, "<C-o>");
    assert_eq!(kanbao::app::jumps::here(&app), Some(start));
    // A place that is nowhere says so.
    let mut app = App::new(
        markdown::parse("## 一\n\n见[别处](#nowhere)。\n"),
        "x".into(),
        (100, 30),
    );
    press(&mut app, "L<Enter>");
    assert!(screen(&app).contains("#nowhere is nowhere in this newsletter"));
}

fn urls_after(app: &mut App, keys: &str) -> Vec<String> {
    press(app, keys);
    urls(app)
}

// ---- The mouse ----

/// The screen cell of the start of the link going to `url`, in the reader.
fn cell_of(app: &App, url: &str) -> (u16, u16) {
    let screen = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let cells = kanbao::app::geometry::link_cells(app, screen)
        .into_iter()
        .find(|l| l.url == url)
        .unwrap_or_else(|| panic!("no link to {url} in view"));
    (cells.cells.x + 1, cells.cells.y)
}

#[test]
fn a_click_on_a_link_opens_it_and_on_a_script_link_asks() {
    let mut app = digest((120, 40));
    let (column, row) = cell_of(&app, "https://example.org/source");
    kanbao::app::update(&mut app, kanbao::app::Action::Click { column, row });
    assert_eq!(
        app.effects,
        [Effect::Open("https://example.org/source".into())]
    );
    app.effects.clear();
    let (column, row) = cell_of(&app, "javascript:alert(1)");
    kanbao::app::update(&mut app, kanbao::app::Action::Click { column, row });
    assert!(app.effects.is_empty());
    assert!(matches!(
        app.popup,
        Some(Popup::Links { confirm: true, .. })
    ));
    // A click beside the links only gives the reader the keys.
    press(&mut app, "n");
    kanbao::app::update(
        &mut app,
        kanbao::app::Action::Click {
            column: 119,
            row: 10,
        },
    );
    assert!(app.effects.is_empty());
}

// ---- The real binary ----

/// `toml` as the configuration kanbao finds in `dir` (its config home in a session).
fn configure(dir: &common::Scratch, toml: &str) {
    let config = dir.0.join("kanbao");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), toml).unwrap();
}

/// An opener that writes each word it is given on a line of its own, to the file returned.
#[cfg(unix)]
fn recording_opener(dir: &common::Scratch) -> (String, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let log = dir.0.join("opened.txt");
    let script = dir.file(
        "opener.sh",
        format!(
            "#!/bin/sh\nfor w in \"$@\"; do printf '%s\\n' \"$w\" >> '{}'; done\n",
            log.display()
        )
        .as_bytes(),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (script, log)
}

/// Base64 as OSC 52 carries it (the standard alphabet, with padding).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn base64_is_right() {
    assert_eq!(base64(b"Man"), "TWFu");
    assert_eq!(base64(b"Ma"), "TWE=");
    assert_eq!(base64(b"M"), "TQ==");
}

#[cfg(unix)]
#[test]
fn in_a_terminal_links_open_through_the_opener_and_copy_through_the_terminal() {
    let dir = common::Scratch::new("links");
    let file = dir.file("digest.md", DIGEST.as_bytes());
    let (script, log) = recording_opener(&dir);
    configure(
        &dir,
        &format!("[links]\nopener = [\"{script}\", \"--new-tab\", \"%s\"]\n"),
    );
    let opened = || std::fs::read_to_string(&log).unwrap_or_default();
    // The opener runs on its own (kanbao does not wait for a browser): its log is read once it
    // has written what it was given, or after ten seconds.
    let opened_with = |tail: &str| {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !opened().ends_with(tail) && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        opened()
    };

    let mut s = Session::start_with(&[&file], &dir.0, (120, 40));
    s.wait_for("终端里读周报");
    s.type_keys("L");
    s.wait_for("4 links in this article");
    s.type_keys("j");
    s.type_keys("\r");
    s.wait_for("opened https://example.org/source with");
    assert_eq!(
        opened_with("https://example.org/source\n"),
        "--new-tab\nhttps://example.org/source\n"
    );

    // A script link: asked about, and `n` hands nothing over.
    s.type_keys("L");
    s.wait_for("4 links in this article");
    s.type_keys("jj");
    s.type_keys("\r");
    s.wait_for("Open a javascript: link?");
    s.type_keys("n");
    s.wait_for("not opened");
    assert_eq!(opened(), "--new-tab\nhttps://example.org/source\n");
    // The popup stays for another choice; `Esc` closes it.
    s.type_keys("\x1b");
    s.wait_until("the popup closed", |screen| !screen.contains("Esc closes"));

    // Filtered by typing, one key at a time (a space too), then opened.
    s.type_keys("L");
    s.type_keys("/");
    s.type_keys("a b");
    s.wait_for("Links with: a b");
    s.wait_for("0 of 4 links in this article with “a b”");
    s.type_keys("\x1b");
    s.wait_for("4 links in this article");
    s.type_keys("/");
    s.type_keys("第二");
    s.wait_for("Links with: 第二");
    s.type_keys("\r");
    s.type_keys("L");
    s.wait_for("1 of 5 links in the newsletter with “第二”");
    s.type_keys("\r");
    s.wait_for("opened https://example.org/second with");

    // `y` copies the link, `Y` the article: OSC 52 with the text in base64.
    s.type_keys("L");
    s.wait_for("links in this article");
    s.type_keys("y");
    s.wait_for("copied the link");
    s.wait_until("the popup closed", |screen| !screen.contains("Esc closes"));
    let osc = format!("\x1b]52;c;{}", base64(b"https://example.org/read?a=1&b=2"));
    assert!(
        String::from_utf8_lossy(&s.raw).contains(&osc),
        "no OSC 52 with the link"
    );
    s.type_keys("Y");
    s.wait_for("copied the article");
    // `f` and a label open a link; `F` and a label copy one.
    s.type_keys("f");
    s.wait_for("type a link's label");
    s.type_keys("f");
    s.wait_for("opened https://example.org/bridge.webp with");
    assert!(opened_with("bridge.webp\n").ends_with("--new-tab\nhttps://example.org/bridge.webp\n"));
    s.type_keys("F");
    s.wait_for("type the label of the link to copy");
    s.type_keys("s");
    s.wait_for("copied the link");
    let osc = format!("\x1b]52;c;{}", base64(b"https://example.org/source"));
    assert!(String::from_utf8_lossy(&s.raw).contains(&osc));
    let article = kanbao::links::plain_text(
        kanbao::app::App::new(markdown::parse(DIGEST), String::new(), (80, 24))
            .open_article()
            .unwrap(),
    );
    let osc = format!("\x1b]52;c;{}", base64(article.as_bytes()));
    assert!(String::from_utf8_lossy(&s.raw).contains(&osc));
    // A click on a link (SGR mouse report: press and release).
    let (column, row) = cell_of(&digest((120, 40)), "https://example.org/source");
    s.send(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        column + 1,
        row + 1,
        column + 1,
        row + 1
    ));
    s.wait_until("the click opened the link", |_| {
        opened().ends_with("--new-tab\nhttps://example.org/source\n")
    });
    s.send("q");
    assert!(s.finish().success());
}

#[cfg(unix)]
#[test]
fn in_a_terminal_escapes_in_a_links_target_never_reach_the_opener_or_the_terminal() {
    let dir = common::Scratch::new("links-escape");
    // A link whose target hides a clipboard write and a bell, and one that clears the screen.
    let file = dir.file(
        "evil.md",
        "## 一节\n\n看[这里](https://example.org/a\x1b]52;c;ZXZpbA==\x07b)和\
         [那里](https://example.org/\x1b[2Jc)。\n"
            .as_bytes(),
    );
    let (script, log) = recording_opener(&dir);
    configure(
        &dir,
        &format!("[links]\nopener = [\"{script}\"]\nhyperlinks = \"on\"\n"),
    );
    let mut s = Session::start_with(&[&file], &dir.0, (100, 30));
    s.wait_for("看这里和那里");
    s.type_keys("f");
    s.wait_for("type a link's label");
    s.type_keys("a");
    s.wait_for("opened https://example.org/ab with");
    s.type_keys("L");
    s.wait_for("2 links in this article");
    s.type_keys("j");
    s.type_keys("\r");
    s.wait_for("opened https://example.org/c with");
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(opened, "https://example.org/ab\nhttps://example.org/c\n");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        !raw.contains("ZXZpbA=="),
        "the hidden clipboard write reached the terminal"
    );
    assert!(!raw.contains("\x07"), "the bell reached the terminal");
    s.send("q");
    assert!(s.finish().success());
}

/// The first screen of the digest with `[links] hyperlinks = setting`: what was written to the
/// terminal, and the screen as the emulator holds it (text and attributes).
#[cfg(unix)]
fn first_screen_with(setting: &str) -> (String, String) {
    let dir = common::Scratch::new(&format!("osc8-{setting}"));
    let file = dir.file("digest.md", DIGEST.as_bytes());
    configure(&dir, &format!("[links]\nhyperlinks = \"{setting}\"\n"));
    let mut s = Session::start_with(&[&file], &dir.0, (120, 40));
    s.wait_for("终端里读周报");
    s.type_keys("\t");
    s.wait_for("· reader");
    s.settle(std::time::Duration::from_millis(300));
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let screen = s.screen.screen().contents_formatted();
    s.send("q");
    assert!(s.finish().success());
    (raw, screen)
}

#[cfg(unix)]
#[test]
fn osc_8_hyperlinks_on_web_links_when_on_never_when_off_and_the_screen_is_the_same() {
    let (on, screen_on) = first_screen_with("on");
    let (off, screen_off) = first_screen_with("off");
    assert!(
        on.contains("\x1b]8;;https://example.org/source\x1b\\"),
        "no OSC 8 for the link"
    );
    assert!(on.contains("\x1b]8;;https://example.org/read?a=1&b=2\x1b\\"));
    // A link that is not a web page is never made clickable.
    assert!(!on.contains("\x1b]8;;javascript"));
    assert!(!off.contains("\x1b]8;"), "OSC 8 with hyperlinks off");
    assert!(screen_on.contains("原文"));
    assert_eq!(
        screen_on, screen_off,
        "the screen differs with hyperlinks on"
    );
}
