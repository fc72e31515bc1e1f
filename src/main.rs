//! The `kanbao` binary: parse the command line, read the newsletter, print it.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use kanbao::doc;
use kanbao::source::{self, Input};

mod cli;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
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
    let mut out = io::BufWriter::new(io::stdout().lock());
    if cli.json {
        serde_json::to_writer_pretty(&mut out, &newsletter).context("writing JSON")?;
        writeln!(out)?;
    } else {
        // The interactive reader is not built yet; until it is, every mode prints the outline.
        out.write_all(doc::outline::outline(&newsletter, &source.name).as_bytes())?;
    }
    out.flush()?;
    Ok(())
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
