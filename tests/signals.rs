//! Signals and terminal sizes through the real binary in a pseudo-terminal: SIGTERM, SIGHUP
//! and SIGINT save the position and restore the terminal; Ctrl-z and `fg` suspend and resume;
//! storms of resizes do no harm; a panic restores the terminal and says where to report it.

mod common;

use std::time::Duration;

use common::pty::Session;

fn saved_title(data: &std::path::Path) -> String {
    std::fs::read_to_string(data.join("kanbao").join("bookmarks.toml")).unwrap_or_default()
}

#[test]
fn sigterm_sighup_and_sigint_save_the_position_and_restore_the_terminal() {
    for signal in ["TERM", "HUP", "INT"] {
        let data = tempfile::tempdir().unwrap();
        let mut s = Session::start_with(&[], data.path(), (100, 30));
        s.wait_for("1/9");
        s.send("]]");
        s.wait_for("3/9");
        s.signal(signal);
        let status = s.finish();
        assert!(status.success(), "SIG{signal}: {status:?}");
        assert!(
            !s.screen.screen().alternate_screen(),
            "SIG{signal}: the terminal was restored"
        );
        assert!(
            saved_title(data.path()).contains("“金”彩服务 春风送岗"),
            "SIG{signal}: the position was saved"
        );
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::shell(data.path(), (100, 30));
    s.wait_for("$ ");
    s.send(&format!("{}\r", Session::kanbao()));
    s.wait_for("1/9");
    s.send("]");
    s.wait_for("2/9");
    assert!(s.screen.screen().alternate_screen());
    s.send("\x1a");
    s.wait_until("the shell never came back", |screen| {
        screen.contains("Stopped")
    });
    assert!(
        !s.screen.screen().alternate_screen(),
        "the shell's own screen is back"
    );
    s.send("fg\r");
    s.wait_until("the reader never came back", |screen| {
        screen.contains("2/9")
    });
    assert!(s.screen.screen().alternate_screen());
    s.send("j");
    s.send("q");
    s.wait_until("the shell never came back", |screen| {
        !screen.contains("2/9")
    });
    s.send("echo status=$?\r");
    s.wait_for("status=0");
    s.send("exit\r");
    s.finish();
}

#[test]
fn storms_of_resizes_from_1x1_to_300x100_do_no_harm() {
    let mut s = Session::start(&[]);
    s.wait_for("1/9");
    // A fixed, varied sequence: tiny, huge, thin, flat, and everything between.
    let mut seed = 12345u32;
    for _ in 0..300 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let cols = 1 + (seed >> 8) as u16 % 300;
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let rows = 1 + (seed >> 8) as u16 % 100;
        s.resize(cols, rows);
        if seed.is_multiple_of(7) {
            s.send("j");
        }
    }
    for (cols, rows) in [(1, 1), (2, 1), (1, 2), (300, 100)] {
        s.resize(cols, rows);
    }
    s.resize(100, 30);
    s.settle(Duration::from_millis(300));
    s.send("g");
    s.wait_for("· list");
    assert!(s.child.try_wait().unwrap().is_none(), "still running");
    s.send("q");
    assert!(s.finish().success());
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_to_report_it() {
    let data = tempfile::tempdir().unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(Session::kanbao());
    cmd.env("KANBAO_TEST_PANIC", "1");
    let mut s = Session::spawn(cmd, data.path(), (100, 30));
    let status = s.finish();
    assert!(!status.success());
    assert!(
        !s.screen.screen().alternate_screen(),
        "the terminal was restored"
    );
    let text = s.screen.screen().contents();
    assert!(
        text.contains("a panic forced by KANBAO_TEST_PANIC"),
        "{text}"
    );
    assert!(
        text.contains("Please report this to the kanbao developers"),
        "{text}"
    );
}
