//! The `kanbao` binary: parse the command line, read the newsletter, then print it or open the
//! reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use kanbao::app::{App, MessageKind};
use kanbao::source::{self, Input};
use kanbao::store::{self, Store, StoreError};
use kanbao::{config, doc, tui};

mod cli;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A reader that closed the pipe (`kanbao --json f | head`) is not an error.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("kanbao: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &cli::Cli) -> anyhow::Result<()> {
    if cli.bookmarks {
        return print_bookmarks();
    }
    let loaded = config::load(cli.config.as_deref())?;
    if cli.check_config {
        return check_config(&loaded);
    }
    let input = Input::from_arg(cli.file.as_deref().map(|p| p.as_os_str()));
    let interactive = !cli.json && !cli.outline && io::stdout().is_terminal();
    // A big file: its beginning on screen at once, the whole of it parsed in the background.
    let head = match (&input, interactive) {
        (Input::Path(path), true) => source::load_head(path, HEAD_BYTES)?,
        _ => None,
    };
    let (source, background) = match head {
        Some(head) => {
            let background = read_in_background(input.clone(), loaded.config.hints.clone());
            (head, Some(background))
        }
        None => (source::load(&input)?, None),
    };
    let newsletter = doc::parse_with(&source.text, &loaded.config.hints);
    if interactive {
        let config = loaded.config;
        let mut app = App::with(
            newsletter,
            source.name.clone(),
            (80, 24),
            config.keymap,
            config.settings,
        );
        // NO_COLOR (no-color.org): any non-empty value turns colours off.
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        app.theme = if no_color {
            config.theme.without_colors()
        } else {
            config.theme
        };
        let store = match Store::user() {
            Ok(store) => Some(store),
            Err(e) => {
                app.say(MessageKind::Error, e.to_string());
                None
            }
        };
        let saved = match store.as_ref().map(Store::load) {
            Some(Ok(saved)) => saved,
            Some(Err(e)) => {
                let text = match e {
                    StoreError::Damaged { .. } => e.to_string(),
                    e => format!("bookmarks cannot be read: {e}"),
                };
                app.say(MessageKind::Error, text);
                store::Saved::default()
            }
            None => store::Saved::default(),
        };
        if let Some(first) = loaded.problems.first() {
            let more = match loaded.problems.len() {
                1 => String::new(),
                n => format!(" (and {} more: kanbao --check-config)", n - 1),
            };
            app.say(MessageKind::Error, format!("{first}{more}"));
        }
        let path = shown_path(&input, &source.name);
        let background = match background {
            None => {
                let id = store::fingerprint(&source.text);
                app.restore(id.clone(), path, saved.newsletters.get(&id), cli.fresh);
                None
            }
            Some(rx) => {
                app.loading = Some("reading the rest of the file…".into());
                let fresh = cli.fresh;
                // Bookmarks and the last position belong to the whole text: taken in when it
                // is there, without moving a reader who has already moved.
                let apply = move |app: &mut App, id: String, doc: doc::Newsletter| {
                    let untouched = app.untouched();
                    app.replace_doc(doc);
                    app.restore(
                        id.clone(),
                        path.clone(),
                        saved.newsletters.get(&id),
                        fresh || !untouched,
                    );
                };
                Some(tui::Background {
                    rx,
                    apply: Box::new(apply),
                })
            }
        };
        tui::run(&mut app, store.as_ref(), background).context("running the reader")?;
        return Ok(());
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    if cli.json {
        serde_json::to_writer_pretty(&mut out, &newsletter).context("writing JSON")?;
        writeln!(out)?;
    } else {
        // `--outline`, or output that is not a terminal (`kanbao f | less`): the tree.
        out.write_all(doc::outline::outline(&newsletter, &source.name).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// `--check-config`: every problem on its own line, and a non-zero exit when there is one.
fn check_config(loaded: &config::Loaded) -> anyhow::Result<()> {
    let Some(path) = &loaded.path else {
        println!("no configuration file: kanbao uses its defaults");
        return Ok(());
    };
    let name = Input::Path(path.clone()).name();
    if loaded.problems.is_empty() {
        println!("{name}: no problems");
        return Ok(());
    }
    for p in &loaded.problems {
        eprintln!("kanbao: {p}");
    }
    anyhow::bail!(
        "{name}: {} problem{}",
        loaded.problems.len(),
        if loaded.problems.len() == 1 { "" } else { "s" }
    )
}

/// How much of a big file is read before the first screen.
const HEAD_BYTES: usize = 256 * 1024;

/// Reads, fingerprints and parses the whole newsletter on a worker thread.
fn read_in_background(input: Input, hints: doc::Hints) -> tui::Loading {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = source::load(&input)
            .map(|source| {
                let id = store::fingerprint(&source.text);
                (id, doc::parse_with(&source.text, &hints))
            })
            .map_err(|e| e.to_string());
        let _ = tx.send(result);
    });
    rx
}

/// The path remembered for a newsletter: absolute when it is a file.
fn shown_path(input: &Input, name: &str) -> String {
    match input {
        Input::Path(p) => {
            std::fs::canonicalize(p).map_or_else(|_| name.to_string(), |p| p.display().to_string())
        }
        _ => name.to_string(),
    }
}

/// `--bookmarks`: every bookmark of every newsletter, a line each, tab-separated for scripts:
/// file, article, marked text, note, date.
fn print_bookmarks() -> anyhow::Result<()> {
    let store = Store::user()?;
    let saved = store.load()?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for record in saved.newsletters.values() {
        for b in &record.bookmarks {
            // One line per bookmark, and nothing that could drive the terminal.
            let clean = |s: &str| -> String {
                s.chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect()
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                clean(&record.path),
                clean(&b.anchor.title),
                clean(&b.anchor.snippet),
                clean(&b.note),
                store::format_time(b.created)
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

/// `--help` and `--version` print in full; a mistake gets one line and exit status 2.
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    let text = err.to_string();
    let first = text.lines().next().unwrap_or("invalid command line");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    eprintln!("kanbao: {first} (try 'kanbao --help')");
    ExitCode::from(2)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            })
            == Some(io::ErrorKind::BrokenPipe)
    })
}
