//! Signals and terminal sizes through the real binary in a pseudo-terminal: SIGTERM, SIGHUP
//! and SIGINT save the position and restore the terminal, as does the terminal closing (with or
//! without a SIGHUP); a pause saves the position too; Ctrl-z and `fg` suspend and resume;
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

/// The saved record of the one newsletter read in `data`.
fn saved_record(data: &std::path::Path) -> Option<kanbao::store::Record> {
    let store = kanbao::store::Store::at(&data.join("kanbao"));
    let saved = store.load().ok()?;
    saved.newsletters.into_values().next()
}

#[test]
fn the_position_is_saved_when_the_reader_pauses_and_survives_a_crash() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_with(&[], data.path(), (100, 30));
    s.wait_for("1/9");
    s.send("]");
    s.wait_for("2/9");
    s.send("\t");
    s.wait_for("· reader");
    // The whole frame, not just its first bytes, before the scroll.
    s.settle(Duration::from_millis(200));
    // Scrolling (no article change) is a move too.
    let before = s.screen.screen().contents();
    s.send("\x04");
    s.wait_until("the reader never scrolled", |screen| screen != before);
    // A pause, with kanbao still running: the position is on disk already.
    s.settle(Duration::from_millis(2500));
    let record = saved_record(data.path()).expect("a position was saved");
    // Then a crash (SIGKILL: Child::kill sends SIGHUP first, which saves).
    s.signal("KILL");
    s.finish();
    assert_eq!(
        saved_record(data.path()),
        Some(record.clone()),
        "a crash loses nothing"
    );
    let position = record.position.expect("a position");
    assert_eq!(position.article, 1);
    assert_ne!(
        position.part,
        kanbao::doc::Part::Title,
        "the line scrolled to, not the article's top"
    );
    assert_eq!(record.focus, Some(kanbao::store::Pane::Reader));
}

#[cfg(target_os = "linux")]
mod hang_up {
    //! The terminal really closing: a pseudo-terminal of our own whose master is closed whole
    //! (the test's `Session` keeps a copy of it open in its reading thread).

    use std::ffi::OsStr;
    use std::os::fd::OwnedFd;
    use std::os::unix::ffi::OsStrExt;
    use std::process::{Child, Command};
    use std::time::{Duration, Instant};

    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

    struct Terminal {
        master: Option<OwnedFd>,
        screen: vt100::Parser,
        child: Child,
    }

    impl Drop for Terminal {
        fn drop(&mut self) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    impl Terminal {
        /// kanbao in a new session on a new terminal; with `ctty`, the terminal is its
        /// controlling one (the kernel sends SIGHUP when it closes), else no signal comes.
        fn start(data: &std::path::Path, ctty: bool) -> Terminal {
            let master =
                openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
            grantpt(&master).unwrap();
            unlockpt(&master).unwrap();
            let name = ptsname(&master, Vec::new()).unwrap();
            let size = rustix::termios::Winsize {
                ws_row: 30,
                ws_col: 100,
                ws_xpixel: 0,
                ws_ypixel: 0,
            };
            rustix::termios::tcsetwinsize(&master, size).unwrap();
            let slave = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(OsStr::from_bytes(name.as_bytes()))
                .unwrap();
            let mut cmd = Command::new("setsid");
            if ctty {
                cmd.arg("--ctty");
            }
            cmd.arg(env!("CARGO_BIN_EXE_kanbao"))
                .env("TERM", "xterm-256color")
                .env("XDG_DATA_HOME", data)
                .env("XDG_CONFIG_HOME", data)
                .stdin(slave.try_clone().unwrap())
                .stdout(slave.try_clone().unwrap())
                .stderr(slave);
            let child = cmd.spawn().expect("setsid runs kanbao");
            drop(cmd);
            Terminal {
                master: Some(master),
                screen: vt100::Parser::new(
                    std::num::NonZeroU16::new(30).unwrap(),
                    std::num::NonZeroU16::new(100).unwrap(),
                    0,
                ),
                child,
            }
        }

        fn read_for(&mut self, time: Duration) {
            let Some(master) = &self.master else { return };
            let deadline = Instant::now() + time;
            let mut buf = [0u8; 8192];
            while Instant::now() < deadline {
                let mut fds = [PollFd::new(master, PollFlags::IN)];
                let wait = Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                if poll(&mut fds, Some(&wait)).unwrap_or(0) > 0 {
                    match rustix::io::read(master, &mut buf) {
                        Ok(n) if n > 0 => self.screen.process(&buf[..n]),
                        _ => return,
                    }
                }
            }
        }

        fn wait_for(&mut self, text: &str) {
            let deadline = Instant::now() + Duration::from_secs(20);
            while !self.screen.screen().contents().contains(text) {
                assert!(
                    Instant::now() < deadline,
                    "{text:?} never appeared:\n{}",
                    self.screen.screen().contents()
                );
                self.read_for(Duration::from_millis(50));
            }
        }

        fn send(&mut self, keys: &str) {
            if let Some(master) = &self.master {
                rustix::io::write(master, keys.as_bytes()).unwrap();
            }
        }
    }

    fn closing_the_terminal_saves_and_exits(ctty: bool) {
        let data = tempfile::tempdir().unwrap();
        let mut t = Terminal::start(data.path(), ctty);
        t.wait_for("1/9");
        t.send("]");
        t.wait_for("2/9");
        t.send("\t");
        t.wait_for("· reader");
        t.read_for(Duration::from_millis(200));
        let before = t.screen.screen().contents();
        t.send("\x04");
        while t.screen.screen().contents() == before {
            t.read_for(Duration::from_millis(50));
        }
        // At once, before the position's pause: the window closes.
        t.master = None;
        let closed = Instant::now();
        let status = loop {
            if let Some(status) = t.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                closed.elapsed() < Duration::from_secs(3),
                "kanbao still runs 3 s after its terminal closed (ctty: {ctty})"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        let files: Vec<_> = std::fs::read_dir(data.path().join("kanbao"))
            .map(|d| d.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        let record = super::saved_record(data.path())
            .unwrap_or_else(|| panic!("no position saved: {status:?}, files {files:?}"));
        let position = record.position.expect("a position");
        assert_eq!(position.article, 1);
        assert_ne!(
            position.part,
            kanbao::doc::Part::Title,
            "the line scrolled to"
        );
    }

    #[test]
    fn closing_the_controlling_terminal_saves_the_position_and_exits() {
        closing_the_terminal_saves_and_exits(true);
    }

    #[test]
    fn closing_a_terminal_that_sends_no_sighup_saves_and_exits_too() {
        closing_the_terminal_saves_and_exits(false);
    }
}
