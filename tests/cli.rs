//! The binary on good and bad input: one clear line on stderr and a non-zero exit for every
//! input it cannot read, never a panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;

use common::Scratch;

fn kanbao(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kanbao");
    if let Some(mut input) = child.stdin.take() {
        // The child may exit before reading it all; that is its business.
        let _ = input.write_all(stdin);
    }
    child.wait_with_output().expect("kanbao runs")
}

/// Asserts a failure with exactly one line on stderr containing `expected`, nothing on stdout.
fn assert_one_line_error(out: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(stderr.lines().count(), 1, "stderr: {stderr}");
    assert!(stderr.starts_with("kanbao: "), "stderr: {stderr}");
    assert!(
        stderr.contains(expected),
        "stderr: {stderr}\nexpected: {expected}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
}

#[test]
fn a_missing_file() {
    let dir = Scratch::new("missing");
    let path = dir.0.join("nowhere.txt").to_string_lossy().into_owned();
    for mode in [&[][..], &["--json"], &["--outline"]] {
        let args: Vec<&str> = mode.iter().copied().chain([path.as_str()]).collect();
        assert_one_line_error(&kanbao(&args, b""), &format!("{path}: no such file"));
    }
}

#[test]
fn a_directory() {
    let dir = Scratch::new("dir");
    let path = dir.0.to_string_lossy().into_owned();
    assert_one_line_error(
        &kanbao(&["--json", &path], b""),
        &format!("{path} is a directory"),
    );
}

#[test]
fn a_binary_file() {
    let dir = Scratch::new("binary");
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    bytes.splice(0..0, "正文".bytes());
    let path = dir.file("image.bin", &bytes);
    assert_one_line_error(
        &kanbao(&["--json", &path], b""),
        &format!("{path} does not look like text"),
    );
    let path = dir.file("controls.txt", &[0x1b, 0x01, 0x02, 0x03, b'a'].repeat(200));
    assert_one_line_error(&kanbao(&[&path], b""), "does not look like text");
}

#[test]
fn empty_files() {
    let dir = Scratch::new("empty");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b"\n\n  \r\n\t\n"),
        ("bom.txt", b"\xEF\xBB\xBF"),
        ("ideographic.txt", "\u{3000}\u{3000}\n".as_bytes()),
    ] {
        let path = dir.file(name, bytes);
        assert_one_line_error(
            &kanbao(&["--outline", &path], b""),
            &format!("{path} is empty"),
        );
    }
    assert_one_line_error(&kanbao(&["--json", "-"], b""), "<stdin> is empty");
}

#[test]
#[cfg(unix)]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("perm");
    let path = dir.file("secret.txt", "标题\n\n正文。\n".as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: this user can read any file (root)");
        return;
    }
    assert_one_line_error(
        &kanbao(&[&path], b""),
        &format!("{path}: permission denied"),
    );
}

#[test]
fn standard_input_in_gbk() {
    let text = "区总工会召开会议\n\n会议总结了去年工作,部署了今年任务。\n\n某某区总\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let out = kanbao(&["--json", "-"], &gbk);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let article = &doc["sections"][0]["articles"][0];
    assert_eq!(article["title"], "区总工会召开会议");
    assert_eq!(article["byline"], "某某区总");
}

#[test]
fn the_outline_is_a_readable_tree() {
    let text = "城东工会简报 第3期\n\n职工书屋揭牌\n\n近日,职工书屋揭牌。\n\n城东街道总工会\n\n今年以来,街道走访企业二十家。\n\n送温暖——\n\n春节前走访慰问困难职工。\n\n图为慰问现场。**记者 王明 摄**\n";
    let out = kanbao(&["--outline", "-"], text.as_bytes());
    assert!(out.status.success());
    let expected = "\
城东工会简报 第3期 — 2 articles in 1 section

综合 [inferred] (2 articles)
    1. 职工书屋揭牌
       城东街道总工会 · 1 paragraph
    2. [photo] [inferred] 今年以来,街道走访企业二十家
       记者 王明 摄 · 3 paragraphs, 1 subheading
";
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

#[test]
fn escape_sequences_in_the_file_never_reach_the_output() {
    let text = "标题\x1b]0;pwned\x07\n\n正文\x1b[2J内容。\u{202e}反转\x1bP1;2q\x1b\\\n";
    let out = kanbao(&["--outline", "-"], text.as_bytes());
    assert!(out.status.success());
    assert!(
        !out.stdout.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{202e}'));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kanbao");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("kanbao runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_mistakes_exit_with_2() {
    let out = kanbao(&["--json", "--outline"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = kanbao(&["--no-such-flag"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
#[cfg(unix)]
fn an_endless_binary_stream_is_refused_without_reading_it_all() {
    // `/dev/zero` never ends: only judging its first bytes lets kanbao answer at all.
    assert_one_line_error(
        &kanbao(&["--json", "/dev/zero"], b""),
        "/dev/zero does not look like text",
    );
}

#[test]
fn control_characters_in_a_path_are_shown_escaped() {
    let dir = Scratch::new("ctrlname");
    let path = dir.0.join("bad\nname\x1b[2J.txt");
    let path = path.to_string_lossy().into_owned();
    let out = kanbao(&["--json", &path], b"");
    assert_one_line_error(&out, "bad\\nname\\u{1b}[2J.txt: no such file");
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn stripped_escape_sequences_leave_nothing_behind() {
    let text = "标题\x1b]0;pwned\x07\n\n正文\x1b[31m红色\x1b[0m内容。\u{2028}第二行。\n";
    let out = kanbao(&["--json", "-"], text.as_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let article = &doc["sections"][0]["articles"][0];
    assert_eq!(article["title"], "标题");
    assert_eq!(article["blocks"][0]["text"], "正文红色内容。第二行。");
}

#[test]
fn bookmarks_printed_for_scripts_carry_nothing_that_drives_a_terminal() {
    // A bookmarks file edited by hand (or by another program) with an escape sequence, a bidi
    // override and a tab in a note, a path and a title.
    let scratch = Scratch::new("bookmarks-print");
    let dir = scratch.0.join("kanbao");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bookmarks.toml"),
        "version = 1\n\n[newsletters.abc]\npath = \"/news/\\u202Eevil.txt\"\n\n\
         [[newsletters.abc.bookmarks]]\nid = 1\nnote = \"see \\u001B]0;owned\\u0007this\\tnow\"\n\
         created = 1700000000\n\n[newsletters.abc.bookmarks.anchor]\narticle = 0\n\
         title = \"\\u2066Title\\u001B[31m red\"\npart = \"title\"\noffset = 0\nsnippet = \"x\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--bookmarks")
        .env("XDG_DATA_HOME", &scratch.0)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(listed.lines().count(), 1, "{listed:?}");
    let fields: Vec<&str> = listed.trim_end_matches('\n').split('\t').collect();
    assert_eq!(
        &fields[..4],
        ["/news/evil.txt", "Title red", "x", "see this now"],
        "{listed:?}"
    );
    assert!(
        !listed.contains(['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}']),
        "{listed:?}"
    );
}
