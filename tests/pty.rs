//! The real binary in a pseudo-terminal: what a user sees and the state the terminal is left in.

mod common;

use common::pty::Session;

#[test]
fn opens_the_sample_moves_to_the_next_article_and_quits_cleanly() {
    let mut s = Session::start(&[]);
    s.wait_for("为中国式现代化太仓新实践贡献工会力量");
    assert!(
        s.screen.screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.wait_for("1/9");
    s.send("]");
    s.wait_for("2/9");
    s.wait_for("今年以来");
    // A Chinese query typed into the prompt: the counter shows and the reader jumps to it, far
    // down the sample's longest article.
    s.send("}");
    s.wait_for("8/9");
    assert!(!s.screen.screen().contents().contains("生动注脚"));
    s.send("/");
    s.send("生动注脚");
    s.wait_for("/生动注脚");
    s.wait_for(" 1/1 ");
    s.send("\r");
    s.wait_for("1/1 · 100% · reader");
    assert!(
        s.screen.screen().contents().contains("生动注脚"),
        "the reader jumped there"
    );
    s.send("q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.screen.screen().alternate_screen(),
        "the alternate screen was left"
    );
}

#[test]
fn a_file_given_on_the_command_line_opens_and_ctrl_c_quits() {
    let dir = std::env::temp_dir().join(format!("kanbao-pty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("news.txt");
    std::fs::write(
        &path,
        "# The Weekly\n\nHarbour Opens\n\nThe new harbour opened on Monday after two years of \
         work.\n\nTrains Return\n\nTrains ran again on the northern line this week.\n",
    )
    .unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()]);
    s.wait_for("Harbour Opens");
    s.wait_for("The Weekly");
    s.send("\x03");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(!s.screen.screen().alternate_screen());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bookmark_survives_a_restart_at_another_size_and_is_deleted_from_the_popup() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[], data.path(), (120, 40));
    s.wait_for("1/9");
    s.send("}");
    s.wait_for("8/9");
    s.send("\t\x04");
    s.wait_for("· reader");
    s.send("m");
    s.wait_for("Bookmark note");
    s.send("立法成果\r");
    s.wait_for("bookmark saved");
    s.send("q");
    assert!(s.finish().success());
    let file = data.path().join("kanbao").join("bookmarks.toml");
    let text = std::fs::read_to_string(&file).expect("the bookmarks file was written");
    assert!(text.contains("立法成果"), "{text}");

    // Scripts see it too.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .arg("--bookmarks")
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(listed.contains("夯实新时代良法善治根基\t"), "{listed}");
    assert!(listed.contains("\t立法成果\t"), "{listed}");

    // Reopened in a smaller terminal: the same article and place.
    let mut s = Session::start_with(&[], data.path(), (90, 30));
    s.wait_for("resumed at 夯实新时代良法善治根基");
    s.wait_for("▸ * 夯实新时代良法善治根基");
    s.wait_for("制定修改全国人大组织法");
    s.send("'");
    s.wait_for("立法成果");
    s.send("\r");
    s.send("'");
    s.send("d");
    s.wait_for("Delete this bookmark?");
    s.send("y");
    s.wait_for("bookmark deleted");
    s.send("q");
    assert!(s.finish().success());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("立法成果"), "deleted: {text}");
}

#[test]
fn sigterm_saves_the_position_and_restores_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[], data.path(), (100, 30));
    s.wait_for("1/9");
    s.send("]]");
    s.wait_for("3/9");
    s.signal("TERM");
    let status = s.finish();
    assert!(status.success(), "a clean exit on SIGTERM: {status:?}");
    assert!(
        !s.screen.screen().alternate_screen(),
        "the terminal was restored"
    );
    let text = std::fs::read_to_string(data.path().join("kanbao").join("bookmarks.toml"))
        .expect("the position was saved");
    assert!(text.contains("title = \"“金”彩服务 春风送岗\""), "{text}");
}

#[test]
fn a_rebound_key_works_in_the_real_binary() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("mine.toml");
    std::fs::write(&config, "[keys.global]\nquit = [\"x\"]\n").unwrap();
    let mut s = Session::start_with(
        &["--config", config.to_str().unwrap()],
        data.path(),
        (100, 30),
    );
    s.wait_for("1/9");
    // q no longer quits…
    s.send("q?");
    s.wait_for("Keys · Esc closes");
    s.wait_for(" x ");
    assert!(s.child.try_wait().unwrap().is_none(), "q did not quit");
    // …x does (after closing the help, where q closes the popup).
    s.send("\x1b");
    s.wait_until("the help stayed open", |screen| {
        !screen.contains("Keys · Esc closes")
    });
    s.send("x");
    assert!(s.finish().success());
}

#[test]
fn check_config_reports_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad.toml");
    std::fs::write(&config, "[layout]\ncolumn = \"wide\"\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--check-config", "--config", config.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("bad.toml:2: layout.column: expected a whole number"),
        "{err}"
    );
    let good = dir.path().join("good.toml");
    std::fs::write(&good, "theme = \"light\"\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--check-config", "--config", good.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--config", "/nonexistent/kanbao.toml", "--json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr).lines().count(),
        1,
        "one clear line"
    );
}
