//! The email front end: which part is read, the headers as title, sender and date,
//! attachments listed and never decoded, the footer set apart, hostile messages; snapshots of
//! two fixtures at 80×24 and the real binary opening one in a pseudo-terminal. The fixtures'
//! whole `--json` is checked against gold files in `tests/fixtures_gold.rs`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::pty::Session;
use common::{press, screen};
use kanbao::app::App;
use kanbao::doc::{BlockKind, Format, Newsletter};
use kanbao::read::email;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/email")
        .join(name)
}

fn read(name: &str) -> Newsletter {
    email::parse(&std::fs::read(fixture(name)).expect("the fixture is there"))
}

/// Every text of the newsletter, joined: what a reader could ever see.
fn all_text(doc: &Newsletter) -> String {
    let mut out = format!("{:?} {:?}", doc.title, doc.from);
    for (_, article) in doc.articles() {
        for (_, text) in article.parts() {
            out.push('\n');
            out.push_str(text);
        }
    }
    out
}

fn titles(doc: &Newsletter) -> Vec<&str> {
    doc.articles().map(|(_, a)| a.title.as_str()).collect()
}

fn kanbao(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("run kanbao")
}

#[test]
fn the_html_part_is_read_and_the_headers_name_the_issue() {
    let doc = read("en-substack.eml");
    assert_eq!(doc.format, Format::Email);
    assert_eq!(doc.title.as_deref(), Some("The Tide Table — week 47"));
    assert_eq!(doc.from.as_deref(), Some("The Tide Table"));
    assert_eq!(doc.date.as_deref(), Some("2026-11-20"));
    let text = all_text(&doc);
    // The plain part is the alternative not read; the preheader and the pixel never show.
    for never in [
        "the plain-text part",
        "Neap tides, a new pier light",
        "abc123.gif",
        "=E2",
    ] {
        assert!(!text.contains(never), "{never:?} shown:\n{text}");
    }
    assert_eq!(
        titles(&doc),
        [
            "The Tide Table — week 47",
            "Neap tides on Thursday",
            "A new light on the pier",
            "The winter swim",
            "Correction",
            "Footer"
        ]
    );
    // The footer is the last section, apart from the last story, with List-Unsubscribe.
    let footer = doc.sections.last().unwrap();
    assert_eq!(footer.title.as_str(), "Footer");
    let lines: Vec<&str> = footer.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert!(lines[0] == "View in browser", "{lines:?}");
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("Unsubscribe: https://tidetable.example/unsubscribe?u=42 · mailto:"),
        "{lines:?}"
    );
    let correction = &doc.sections[doc.sections.len() - 2].articles[0];
    assert_eq!(correction.blocks.len(), 1);
}

#[test]
fn a_chinese_letter_in_gb2312_with_a_base64_body() {
    let doc = read("zh-gb2312.eml");
    assert_eq!(doc.title.as_deref(), Some("滨湖街道通讯 第48期"));
    assert_eq!(doc.from.as_deref(), Some("滨湖街道办事处"));
    assert_eq!(doc.date.as_deref(), Some("2026-11-25"));
    let text = all_text(&doc);
    assert!(
        text.contains("滨湖社区食堂于本周一正式开张，六十岁以上老人就餐享受八折优惠。"),
        "{text}"
    );
    assert!(!text.contains("本期预览"), "the preheader is hidden");
    assert_eq!(doc.sections.last().unwrap().title.as_str(), "页脚");
}

#[test]
fn layout_tables_in_windows_1252_and_an_attachment_listed() {
    let doc = read("en-mailchimp.eml");
    assert_eq!(doc.from.as_deref(), Some("Harbour Lane Allotments"));
    let list = titles(&doc);
    assert!(
        list.starts_with(&[
            "November Bulletin: frost, the AGM and plot inspections",
            "Frost is on its way",
            "The AGM moves to the village hall",
            "Plot inspections",
        ]),
        "{list:?}"
    );
    let attachments = doc
        .sections
        .iter()
        .find(|s| s.title.as_str() == "Attachments")
        .expect("an attachments section");
    let item = &attachments.articles[0].blocks[0];
    assert_eq!(item.kind, BlockKind::ListItem);
    assert_eq!(
        item.text.as_str(),
        "seed-order.pdf (application/pdf, 2.4 KB)"
    );
    assert!(
        !all_text(&doc).contains("%PDF"),
        "the attachment is not text"
    );
}

#[test]
fn plain_text_flowed_is_rejoined_with_quotes_and_a_signature() {
    let doc = read("en-flowed.eml");
    assert_eq!(
        titles(&doc),
        [
            "Club notes for December",
            "Winter league",
            "Junior session",
            "Footer"
        ]
    );
    let league = doc.articles().nth(1).unwrap().1;
    let kinds: Vec<(BlockKind, u8, &str)> = league
        .blocks
        .iter()
        .map(|b| (b.kind, b.depth(), b.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                BlockKind::Paragraph,
                0,
                "The winter league starts on 3 December. Teams of four play on Thursday \
                 evenings; the fee is the same as last year. Sign up at \
                 https://chessclub.example/league before the 1st."
            ),
            (
                BlockKind::Quote,
                1,
                "Last season was the closest yet: the top three teams finished within half \
                 a point of each other."
            ),
            (BlockKind::Quote, 2, "Quoted from the October notes."),
        ]
    );
    let link = &league.blocks[0].spans()[0];
    assert_eq!(
        link.url.as_deref(),
        Some("https://chessclub.example/league")
    );
}

/// A message built here: headers, then a body.
fn message(headers: &str, body: &str) -> Vec<u8> {
    format!("{headers}\r\n\r\n{body}")
        .replace('\n', "\r\n")
        .replace("\r\r", "\r")
        .into_bytes()
}

#[test]
fn hostile_messages_give_a_best_effort() {
    // No boundary: the body is read as it stands.
    let doc = email::parse(&message(
        "From: a@example.org\nSubject: No boundary\nContent-Type: multipart/mixed",
        "Just some text.\n",
    ));
    assert_eq!(doc.title.as_deref(), Some("No boundary"));
    // A wrong charset: a label nobody knows.
    let doc = email::parse(&message(
        "From: a@example.org\nSubject: Wrong\nContent-Type: text/plain; charset=x-nonsense",
        "Plain words survive.\n",
    ));
    assert!(all_text(&doc).contains("Plain words survive."));
    // An HTML part that is not HTML.
    let doc = email::parse(&message(
        "From: a@example.org\nSubject: Not HTML\nContent-Type: text/html",
        "%PDF-1.4 \u{1}\u{2} binary-ish bytes, no tags\n",
    ));
    assert!(all_text(&doc).contains("binary-ish bytes"));
    // Escapes in headers and entities: nothing of them reaches the text.
    let doc = email::parse(&message(
        "From: =?UTF-8?B?G10wO3B3bmVkBw==?= <a@example.org>\nSubject: =?UTF-8?Q?=1B[2JHi?=\n\
         Content-Type: text/html",
        "<p>&#27;]0;pwned&#7;Body &#x1b;[31mred</p>",
    ));
    let text = all_text(&doc);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(!text.contains("]0;pwned"), "{text:?}");
    assert_eq!(doc.title.as_deref(), Some("Hi"));
    // Nothing that is a message at all.
    let doc = email::parse(b"\x00\x01\x02");
    assert_eq!(doc.format, Format::Email);
}

#[test]
fn the_charsets_of_chinese_and_japanese_letters() {
    for (label, text) in [
        ("gbk", "国标扩展的正文。"),
        ("gb18030", "国标一八零三零的正文。"),
        ("big5", "繁體中文的正文。"),
        ("iso-2022-jp", "日本語の本文です。"),
        ("windows-1252", "Café menu – 3 courses"),
    ] {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        let (body, _, _) = encoding.encode(text);
        let headers = format!(
            "From: a@example.org\r\nSubject: {label}\r\nMIME-Version: 1.0\r\n\
             Content-Type: text/plain; charset={label}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        );
        let raw = [headers.as_bytes(), &body, b"\r\n"].concat();
        let doc = email::parse(&raw);
        assert!(all_text(&doc).contains(text), "{label}: {}", all_text(&doc));
    }
}

#[test]
fn a_big_attachment_is_listed_and_never_decoded() {
    // 50 MB of base64: the message opens at once and the attachment's bytes stay out.
    let line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWkFC\r\n";
    let body = line.repeat(50_000_000 / line.len());
    let raw = format!(
        "From: Big <big@example.org>\r\nSubject: A big attachment\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nSee the film attached.\r\n--b1\r\n\
         Content-Type: video/mp4; name=\"film.mp4\"\r\nContent-Transfer-Encoding: base64\r\n\
         Content-Disposition: attachment; filename=\"film.mp4\"\r\n\r\n{body}--b1--\r\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.eml");
    std::fs::write(&path, &raw).unwrap();
    let out = kanbao(&["--json".as_ref(), path.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("film.mp4 (video/mp4, 36.5 MB)"), "{json}");
    assert!(json.contains("See the film attached."));
    assert!(!json.contains("QUJD"), "no base64 in the text");
    assert!(json.len() < 10_000, "{}", json.len());
}

#[test]
fn an_email_is_known_by_its_name_or_its_headers() {
    let dir = tempfile::tempdir().unwrap();
    let raw = std::fs::read(fixture("en-flowed.eml")).unwrap();
    for name in ["letter.eml", "letter.txt", "letter"] {
        let path = dir.path().join(name);
        std::fs::write(&path, &raw).unwrap();
        let out = kanbao(&["--json".as_ref(), path.as_os_str()]);
        let json = String::from_utf8(out.stdout).unwrap();
        assert!(json.contains("\"format\": \"email\""), "{name}: {json}");
        assert!(
            json.contains("\"from\": \"Portwick Chess Club\""),
            "{name}: {json}"
        );
    }
    // Standard input too.
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--outline", "-"])
        .stdin(std::fs::File::open(fixture("zh-gb2312.eml")).unwrap())
        .output()
        .unwrap();
    let outline = String::from_utf8(out.stdout).unwrap();
    assert!(outline.contains("社区食堂正式开张"), "{outline}");
    // A text with one `Key: value` line is no email.
    let path = dir.path().join("note.txt");
    std::fs::write(&path, "Note: this is plain text.\n\nA paragraph.\n").unwrap();
    let out = kanbao(&["--json".as_ref(), path.as_os_str()]);
    assert!(!String::from_utf8(out.stdout).unwrap().contains("\"email\""));
}

/// An email fixture open in a terminal of this size.
fn open_fixture(name: &str, (width, height): (u16, u16)) -> App {
    App::new(read(name), name.to_string(), (width, height))
}

#[test]
fn snapshots_of_two_letters_at_80x24() {
    let mut app = open_fixture("en-substack.eml", (80, 24));
    press(&mut app, "jj<Enter>");
    let shown = screen(&app);
    assert!(
        shown.contains("The Tide Table — week 47 · The Tide Table"),
        "{shown}"
    );
    insta::assert_snapshot!("email_substack_80x24", shown);
    let mut app = open_fixture("zh-gb2312.eml", (80, 24));
    press(&mut app, "j<Enter>");
    insta::assert_snapshot!("email_gb2312_80x24", screen(&app));
}

#[test]
fn the_binary_opens_an_email_in_the_terminal() {
    let data = tempfile::tempdir().expect("a temporary directory");
    let path = fixture("en-mailchimp.eml");
    let mut s = Session::start_with(&[path.to_str().unwrap(), "--fresh"], data.path(), (100, 30));
    s.wait_for("Harbour Lane Allotments");
    s.type_keys("]");
    s.wait_for("The forecast gives the first hard frost");
    let shown = s.screen.screen().contents();
    for never in ["Content-Type", "=3D", "<td", "Frost is coming: cover"] {
        assert!(!shown.contains(never), "{never:?} on screen:\n{shown}");
    }
    s.type_keys("q");
    assert!(s.finish().success());
}

#[test]
fn a_big_letter_shows_its_first_part_then_the_whole() {
    // Past the first part read for the first screen: the whole replaces it, and keys typed
    // meanwhile act on the whole (`G` and Enter open its very last story).
    let stories: String = (1..=40)
        .map(|i| {
            format!(
                "<h3>Story number {i}</h3><p>{}</p>\r\n",
                format!("Words of story {i} that fill its paragraph. ").repeat(30)
            )
        })
        .collect();
    let raw = format!(
        "From: Big Letter <big@example.org>\r\nSubject: Forty stories\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n<h1>Forty stories</h1><h2>All</h2>\
         {stories}"
    );
    assert!(raw.len() > 3 * kanbao::read::FIRST_PART, "{}", raw.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forty.eml");
    std::fs::write(&path, &raw).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[path.to_str().unwrap(), "--fresh"], data.path(), (100, 30));
    s.wait_for("Story number 1");
    s.type_keys("G\r");
    s.wait_for("Words of story 40");
    s.wait_for("· 40/40");
    s.type_keys("q");
    assert!(s.finish().success());
}
