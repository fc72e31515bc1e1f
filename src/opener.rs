//! Handing a URL to the program that opens it: the `opener` of the configuration (a command as
//! a list of words, never a shell line), else `$BROWSER`, else the system's own (`xdg-open`,
//! `open`, `start`, through the crate `open`).
//!
//! The program is started on its own, its input and output away from the terminal kanbao draws
//! on, in a process group of its own (so the terminal's Ctrl-c does not reach it), and reaped
//! when it ends. kanbao itself never fetches anything.

use std::io;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a program has to fail before it is taken to have started well: a missing browser
/// or a bad argument fails at once.
const FAILS_WITHIN: Duration = Duration::from_millis(250);

/// Who opens links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// A command; the URL goes where a word is `%s`, else after the last word.
    Command(Vec<String>),
    /// The system's opener.
    System,
}

impl Opener {
    /// The opener for a configured command (empty: none) and the value of `$BROWSER`.
    pub fn choose(configured: &[String], browser: Option<&str>) -> Opener {
        if !configured.is_empty() {
            return Opener::Command(configured.to_vec());
        }
        // `$BROWSER` is a list of commands apart by colons; the first is used.
        let words: Vec<String> = browser
            .and_then(|b| b.split(':').find(|c| !c.trim().is_empty()))
            .map(|c| c.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        if words.is_empty() {
            Opener::System
        } else {
            Opener::Command(words)
        }
    }

    /// The words run for `url`.
    pub fn argv(&self, url: &str) -> Option<Vec<String>> {
        let Opener::Command(words) = self else {
            return None;
        };
        let mut argv: Vec<String> = words
            .iter()
            .map(|w| {
                if w == "%s" {
                    url.to_string()
                } else {
                    w.clone()
                }
            })
            .collect();
        if !words.iter().any(|w| w == "%s") {
            argv.push(url.to_string());
        }
        Some(argv)
    }

    /// What to call it in the status bar.
    pub fn name(&self) -> String {
        match self {
            Opener::Command(words) => words.first().cloned().unwrap_or_default(),
            Opener::System => "the system's opener".to_string(),
        }
    }

    /// Opens `url`: Ok once the program started (and did not fail at once), else why not.
    pub fn open(&self, url: &str) -> Result<(), String> {
        let Some(argv) = self.argv(url) else {
            return open::that_detached(url).map_err(|e| e.to_string());
        };
        let (program, args) = argv.split_first().ok_or("the opener is empty")?;
        let mut command = Command::new(program);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("{program} was not found"),
            _ => format!("{program}: {e}"),
        })?;
        started(child, program)
    }
}

/// Waits a moment for a failure, then leaves the child to a thread that reaps it.
fn started(mut child: std::process::Child, program: &str) -> Result<(), String> {
    let since = Instant::now();
    while since.elapsed() < FAILS_WITHIN {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("{program} failed ({status})")),
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("{program}: {e}")),
        }
    }
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_configured_command_comes_first_then_browser_then_the_system() {
        let configured = words(&["firefox", "--new-tab"]);
        assert_eq!(
            Opener::choose(&configured, Some("lynx")),
            Opener::Command(configured.clone())
        );
        assert_eq!(
            Opener::choose(&[], Some(":w3m -N:lynx")),
            Opener::Command(words(&["w3m", "-N"]))
        );
        assert_eq!(Opener::choose(&[], Some("  ")), Opener::System);
        assert_eq!(Opener::choose(&[], None), Opener::System);
    }

    #[test]
    fn the_url_is_one_word_where_it_is_asked_for_or_last() {
        let url = "https://example.org/a b;rm -rf ~";
        assert_eq!(
            Opener::Command(words(&["open", "-a", "Safari"])).argv(url),
            Some(words(&["open", "-a", "Safari", url]))
        );
        assert_eq!(
            Opener::Command(words(&["chrome", "%s", "--incognito"])).argv(url),
            Some(words(&["chrome", url, "--incognito"]))
        );
        assert_eq!(Opener::System.argv(url), None);
    }

    #[test]
    fn a_missing_or_failing_program_says_so_and_a_good_one_is_started() {
        let missing = Opener::Command(words(&["kanbao-no-such-browser"]));
        assert_eq!(
            missing.open("https://example.org"),
            Err("kanbao-no-such-browser was not found".into())
        );
        #[cfg(unix)]
        {
            let failing = Opener::Command(words(&["false"]));
            assert!(failing.open("https://example.org").is_err());
            let fine = Opener::Command(words(&["true"]));
            assert_eq!(fine.open("https://example.org"), Ok(()));
        }
    }
}
