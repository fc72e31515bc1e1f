//! The `kanbao` binary: parse the command line, read the newsletter, then print it or open the
//! reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use kanbao::app::{App, MessageKind};
use kanbao::source::{self, Input};
use kanbao::store::{self, Store, StoreError};
use kanbao::{doc, tui};

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
    let input = Input::from_arg(cli.file.as_deref().map(|p| p.as_os_str()));
    let source = source::load(&input)?;
    let newsletter = doc::parse(&source.text);
    let interactive = !cli.json && !cli.outline && io::stdout().is_terminal();
    if interactive {
        let mut app = App::new(newsletter, source.name.clone(), (80, 24));
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
        let id = store::fingerprint(&source.text);
        let record = saved.newsletters.get(&id);
        app.restore(
            id.clone(),
            shown_path(&input, &source.name),
            record,
            cli.fresh,
        );
        tui::run(&mut app, store.as_ref()).context("running the reader")?;
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
