//! The `kanbao` binary: parse the command line, read the newsletter, then print it or open the
//! reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use kanbao::app::App;
use kanbao::source::{self, Input};
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
    let input = Input::from_arg(cli.file.as_deref().map(|p| p.as_os_str()));
    let source = source::load(&input)?;
    let newsletter = doc::parse(&source.text);
    let interactive = !cli.json && !cli.outline && io::stdout().is_terminal();
    if interactive {
        let mut app = App::new(newsletter, source.name.clone(), (80, 24));
        tui::run(&mut app).context("running the reader")?;
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
