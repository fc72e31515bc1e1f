//! kanbao running in a pseudo-terminal, read by a terminal emulator (`vt100`): what a user
//! sees, every byte the program wrote, and the state the terminal is left in.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Rows of the default terminal.
pub const ROWS: u16 = 40;
/// Columns of the default terminal.
pub const COLS: u16 = 120;
/// The pause between two keys typed by [`Session::type_keys`]: a fast typist's.
pub const KEY_GAP: Duration = Duration::from_millis(40);
/// How long to wait for something to appear before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap_or(NonZeroU16::MIN)
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The program, its terminal and what it wrote.
pub struct Session {
    /// The process.
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    /// The terminal emulator reading the output.
    pub screen: vt100::Parser,
    /// Every byte the program wrote.
    pub raw: Vec<u8>,
    master: Option<Box<dyn MasterPty + Send>>,
}

impl Drop for Session {
    /// A test that fails half-way must not leave kanbao running.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Session {
    /// kanbao with `args` at `(cols, rows)`, keeping its bookmarks and configuration in `data`
    /// (never the user's).
    pub fn start_with(args: &[&str], data: &Path, size: (u16, u16)) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kanbao"));
        cmd.args(args);
        Session::spawn(cmd, data, size)
    }

    /// An interactive shell with job control, to start kanbao from (`kanbao()` prints its
    /// command line).
    pub fn shell(data: &Path, size: (u16, u16)) -> Session {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "$ ");
        Session::spawn(cmd, data, size)
    }

    /// The path of the kanbao binary under test.
    pub fn kanbao() -> &'static str {
        env!("CARGO_BIN_EXE_kanbao")
    }

    /// Runs `cmd` in a new pseudo-terminal of `(cols, rows)`, with `data` as its data and
    /// config home.
    pub fn spawn(mut cmd: CommandBuilder, data: &Path, (cols, rows): (u16, u16)) -> Session {
        let pty = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pseudo-terminal");
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", data);
        cmd.env("XDG_CONFIG_HOME", data);
        let child = pty.slave.spawn_command(cmd).expect("kanbao starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            master: Some(pty.master),
        }
    }

    /// kanbao with `args` at the default size and a data directory of its own.
    pub fn start(args: &[&str]) -> Session {
        let data = tempfile::tempdir().expect("a temporary directory").keep();
        Session::start_with(args, &data, (COLS, ROWS))
    }

    fn take(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        self.screen.process(bytes);
    }

    /// Reads output until the screen shows `text`; panics with the screen after a while.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} never appeared"), |s| s.contains(text));
    }

    /// Reads output until the screen's text satisfies `done`.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !done(&self.screen.screen().contents()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "{what}; the screen:\n{}",
                self.screen.screen().contents()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.take(&bytes);
            }
        }
    }

    /// Reads whatever output arrives within `time`.
    pub fn settle(&mut self, time: Duration) {
        let deadline = Instant::now() + time;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Ok(bytes) = self.output.recv_timeout(left) {
                self.take(&bytes);
            }
        }
    }

    /// Types `keys` as a person does: one key at a time, each sent alone and given time to be
    /// read and drawn before the next (`send` writes them all at once, as a paste would arrive
    /// without bracketed paste). A key is a character or one escape sequence (`"\x1b[A"`), so
    /// pass special keys one per call.
    pub fn type_keys(&mut self, keys: &str) {
        let mut buf = [0u8; 4];
        if keys.starts_with('\x1b') {
            self.send(keys);
            self.settle(KEY_GAP);
            return;
        }
        for c in keys.chars() {
            self.send(c.encode_utf8(&mut buf));
            self.settle(KEY_GAP);
        }
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resizes the terminal (the program gets SIGWINCH), and the emulator with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        if let Some(m) = &self.master {
            m.resize(size(cols, rows)).expect("resizes");
        }
        self.screen
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// Sends a signal to the program.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a process id");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} {pid}");
    }

    /// Waits for the process to end, reading the rest of its output; its exit status.
    pub fn finish(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.take(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(&bytes);
                }
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "kanbao did not exit; the screen:\n{}",
                    self.screen.screen().contents()
                );
            }
        }
    }
}
