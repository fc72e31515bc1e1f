//! Hostile files, generated here: each is opened by the real binary in the print modes and in a
//! pseudo-terminal. Each gets a clear one-line message or a sane display, the documented exit
//! status, and nothing from the file reaches the terminal as a control sequence.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::pty::Session;

/// A named hostile file and whether kanbao should open it (`true`) or refuse it (`false`).
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    opens: bool,
}

/// Pseudo-random bytes, the same every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// Text that would drive a terminal if it reached one: a title, a clear, a clipboard write, a
/// device control string, a bell, C1 controls.
const ESCAPES: &str = "标题\n\n正文\u{1b}]0;pwned\u{7}开始\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\
                       \u{1b}P1$qm\u{1b}\\\u{9b}31m继续\u{7}\u{90}结束。\n";

fn cases() -> Vec<Case> {
    let story = "新闻标题\n\n这是一段正文，讲述了一件事情。\n\n".repeat(3);
    let mut invalid_middle = story.clone().into_bytes();
    invalid_middle.splice(20..20, [0xff, 0xfe, 0x80, 0xc3]);
    let utf16_no_bom: Vec<u8> = story.encode_utf16().flat_map(u16::to_le_bytes).collect();
    // NUL has a case of its own (it marks a binary file).
    let controls: String = (1u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .map(|c| format!("第{}个{c}字符。", c as u32))
        .collect();
    let articles: String = (0..100_000)
        .map(|i| format!("标题{i}\n\n正文第{i}篇。\n\n"))
        .collect();
    let combining = format!(
        "组合\n\na{}b e\u{200d}\u{200d}\u{200d}x 👨\u{200d}👩\u{200d}👧 🇨🇳🇺🇸🇯🇵 结束。\n",
        "\u{301}".repeat(50)
    );
    vec![
        Case {
            name: "random-binary",
            bytes: noise(64 * 1024, 7),
            opens: false,
        },
        Case {
            name: "invalid-utf8-in-the-middle",
            bytes: invalid_middle,
            opens: true,
        },
        Case {
            name: "utf16-without-bom",
            bytes: utf16_no_bom,
            opens: false,
        },
        Case {
            name: "one-20mb-line",
            bytes: "长".repeat(7 << 20).into_bytes(),
            opens: true,
        },
        Case {
            name: "100000-articles",
            bytes: articles.into_bytes(),
            opens: true,
        },
        Case {
            name: "only-blank-lines",
            bytes: "\n \n\t\n\u{3000}\n".repeat(1000).into_bytes(),
            opens: false,
        },
        Case {
            name: "only-a-bom",
            bytes: vec![0xef, 0xbb, 0xbf],
            opens: false,
        },
        Case {
            name: "nul-bytes",
            bytes: b"title\n\n\0\0\0body\0".to_vec(),
            opens: false,
        },
        Case {
            name: "every-control-character",
            bytes: format!("控制字符\n\n{controls}\n").into_bytes(),
            opens: true,
        },
        Case {
            name: "escape-sequences",
            bytes: ESCAPES.as_bytes().to_vec(),
            opens: true,
        },
        Case {
            name: "bidi-overrides",
            bytes: "标题\u{202e}反\n\n正文\u{202d}\u{2066}内容\u{2069}。\n"
                .as_bytes()
                .to_vec(),
            opens: true,
        },
        Case {
            name: "combining-and-joiners",
            bytes: combining.into_bytes(),
            opens: true,
        },
        // Big files are read in pieces, by two threads at once: the same answers.
        Case {
            name: "big-only-blank-lines",
            bytes: "\n \n\t\n\u{3000}\n".repeat(300_000).into_bytes(),
            opens: false,
        },
        Case {
            name: "big-text-then-binary",
            bytes: [story.repeat(2000).into_bytes(), noise(3 << 20, 11)].concat(),
            opens: true,
        },
        Case {
            name: "big-utf16-with-bom",
            bytes: [0xff, 0xfe]
                .into_iter()
                .chain(story.repeat(8000).encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            opens: true,
        },
        Case {
            name: "big-escape-sequences",
            bytes: ESCAPES.repeat(20_000).into_bytes(),
            opens: true,
        },
        Case {
            name: "nested-divs.html",
            bytes: format!(
                "<html><body>{}<p>正文在最深处。</p>{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )
            .into_bytes(),
            opens: true,
        },
        Case {
            name: "entities.html",
            bytes: "<html><head><title>&#27;]0;pwned&#7;标题</title></head><body>\
                    <h2>&#x1b;]52;c;cHduZWQ=&#7;要闻</h2><p>正文&#27;[2J&#x9b;31m继续\
                    &#x202e;&#x202d;&#x90;结束。</p><p style=\"display:none\">\
                    &#27;]0;pwned&#7;</p></body></html>"
                .as_bytes()
                .to_vec(),
            opens: true,
        },
        Case {
            name: "not-html.html",
            bytes: story.clone().into_bytes(),
            opens: true,
        },
        Case {
            name: "binary.html",
            bytes: noise(64 * 1024, 13),
            opens: false,
        },
        Case {
            name: "escapes.eml",
            bytes: "From: =?UTF-8?B?G10wO3B3bmVkBw==?= <a@example.org>\r\n\
                    Subject: =?UTF-8?Q?=1B]52;c;cHduZWQ=3D=07?=正文\r\n\
                    Content-Type: text/html; charset=utf-8\r\n\r\n\
                    <p>正文&#27;]0;pwned&#7;结束&#x9b;31m。</p>\r\n"
                .as_bytes()
                .to_vec(),
            opens: true,
        },
        Case {
            name: "no-boundary.eml",
            bytes: "From: a@example.org\r\nSubject: 正文\r\n\
                    Content-Type: multipart/mixed\r\n\r\n--x\r\n正文。\r\n"
                .as_bytes()
                .to_vec(),
            opens: true,
        },
        Case {
            name: "wrong-charset.eml",
            bytes: [
                &b"From: a@example.org\r\nSubject: x\r\n\
                   Content-Type: text/plain; charset=utf-16\r\n\r\n"[..],
                &encoding_rs::GBK
                    .encode("正文写成国标，标签却说是别的。\r\n")
                    .0,
            ]
            .concat(),
            opens: true,
        },
        Case {
            name: "html-part-not-html.eml",
            bytes: [
                &b"From: a@example.org\r\nSubject: x\r\nContent-Type: text/html\r\n\
                   Content-Transfer-Encoding: base64\r\n\r\n"[..],
                noise(3000, 19)
                    .chunks(57)
                    .map(|c| {
                        let mut line = String::new();
                        for b in c {
                            line.push(char::from(
                                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                                    [usize::from(b & 63)],
                            ));
                        }
                        line + "\r\n"
                    })
                    .collect::<String>()
                    .as_bytes(),
            ]
            .concat(),
            opens: true,
        },
        Case {
            name: "binary.eml",
            bytes: noise(64 * 1024, 17),
            opens: false,
        },
        Case {
            name: "10000-dashes",
            bytes: format!("破折号\n\n{}。\n", "——".repeat(10_000)).into_bytes(),
            opens: true,
        },
    ]
}

fn write(dir: &Path, case: &Case) -> PathBuf {
    let path = dir.join(case.name);
    std::fs::write(&path, &case.bytes).unwrap();
    path
}

/// Bytes no output of kanbao may hold: what the file tried to make the terminal do.
fn assert_no_escapes_from_the_file(case: &str, out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    for bad in [
        "]0;pwned",
        "]52;",
        "P1$q",
        "\u{9b}31m",
        "\u{90}",
        "\u{202e}",
        "\u{202d}",
    ] {
        assert!(!text.contains(bad), "{case}: {bad:?} reached the output");
    }
}

#[test]
fn print_modes_answer_every_hostile_file() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases() {
        let path = write(dir.path(), &case);
        for mode in ["--json", "--outline"] {
            let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
                .arg(mode)
                .arg(&path)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            if case.opens {
                assert!(out.status.success(), "{} {mode}: {err}", case.name);
                assert!(!out.stdout.is_empty());
            } else {
                assert_eq!(out.status.code(), Some(1), "{} {mode}", case.name);
                assert_eq!(
                    err.lines().count(),
                    1,
                    "{} {mode}: one line: {err}",
                    case.name
                );
                assert!(
                    err.contains(case.name),
                    "{} {mode}: names the file: {err}",
                    case.name
                );
            }
            // Raw control bytes never come out (JSON escapes them as text).
            assert!(
                !out.stdout.iter().any(|&b| b == 0x1b || b == 0x07 || b == 0),
                "{} {mode}: a control byte in the output",
                case.name
            );
            assert_no_escapes_from_the_file(case.name, &out.stdout);
        }
    }
}

#[test]
fn the_reader_shows_every_hostile_file_or_refuses_it_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases() {
        let path = write(dir.path(), &case);
        let data = tempfile::tempdir().unwrap();
        let mut s = Session::start_with(&[path.to_str().unwrap()], data.path(), (100, 30));
        if case.opens {
            s.wait_for("· list");
            // Move around a little, find something, open the help.
            s.send("jG<Enter>");
            s.send("/正文\r");
            s.send("?");
            s.wait_for("Keys · Esc closes");
            s.settle(Duration::from_millis(100));
            // No title was set (kanbao itself never sets one).
            let raw = String::from_utf8_lossy(&s.raw);
            assert!(
                !raw.contains("\u{1b}]0;") && !raw.contains("\u{1b}]2;"),
                "{}",
                case.name
            );
            s.send("\x1b");
            s.wait_until("the help stayed open", |t| !t.contains("Keys · Esc closes"));
            s.send("q");
            let status = s.finish();
            assert!(status.success(), "{}: {status:?}", case.name);
        } else {
            let status = s.finish();
            assert!(!status.success(), "{}", case.name);
            let text = s.screen.screen().contents();
            assert_eq!(text.trim().lines().count(), 1, "{}: {text}", case.name);
        }
        assert!(
            !s.screen.screen().alternate_screen(),
            "{}: the terminal was restored",
            case.name
        );
        assert_no_escapes_from_the_file(case.name, &s.raw);
    }
}

#[test]
fn a_hostile_bookmarks_file_never_drives_the_terminal() {
    // Bookmarks are a file anyone can edit: a note, a title and a snippet holding escape
    // sequences and bidi overrides are shown in the popup as plain text.
    let data = tempfile::tempdir().unwrap();
    let news = data.path().join("news.txt");
    let text = "Harbour news\n\nThe ferry runs again this week.\n";
    std::fs::write(&news, text).unwrap();
    let id = kanbao::store::fingerprint(text.as_bytes());
    let dir = data.path().join("kanbao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bookmarks.toml"),
        format!(
            "version = 1\n\n[newsletters.{id}]\npath = \"x\"\n\n[[newsletters.{id}.bookmarks]]\n\
             id = 1\nnote = \"note\\u001B]0;pwned\\u0007 \\u202Eevil\"\ncreated = 1700000000\n\n\
             [newsletters.{id}.bookmarks.anchor]\narticle = 0\n\
             title = \"Harbour \\u001B]52;c;cHduZWQ=\\u0007news\"\npart = \"title\"\noffset = 0\n\
             snippet = \"Harbour \\u009B31mnews\"\n"
        ),
    )
    .unwrap();
    let mut s = Session::start_with(&[news.to_str().unwrap()], data.path(), (100, 30));
    s.wait_for("· list");
    s.send("'");
    s.wait_for("1 bookmark");
    s.wait_for("✎ note evil");
    // One key at a time: ESC and q sent together read as Alt-q.
    s.type_keys("\x1b");
    s.type_keys("q");
    assert!(s.finish().success());
    assert_no_escapes_from_the_file("bookmarks.toml", &s.raw);
}
