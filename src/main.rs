//! The `kanbao` binary: parse the command line, read the newsletter, then print it or open the
//! reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use kanbao::app::{App, MessageKind};
use kanbao::loader::{Loaded, Loader, Start};
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
    // A big file: its first articles on screen at once, the rest read in the background.
    let reader = match (&input, interactive) {
        (Input::Path(path), true) => source::Reader::open(path, BIG_FILE)?,
        _ => None,
    };
    if let Some(reader) = reader {
        let name = reader.name().to_string();
        let start = Loader::new(reader, &loaded.config.hints).start()?;
        let screen = tui::Screen::open().context("taking the terminal")?;
        return read(cli, loaded, &input, name, start, screen, None);
    }
    // A PDF: its first pages on screen at once, the rest rebuilt in the background.
    if interactive && let Some((name, bytes, id)) = source::pdf_bytes(&input)? {
        // The terminal is taken while the first pages are rebuilt.
        let hints = loaded.config.hints.clone();
        let (read_so_far, screen) =
            while_taking_the_terminal(move || kanbao::loader::pdf(bytes, id, &hints));
        let (start, pages) = match read_so_far {
            Ok(read_so_far) => read_so_far,
            Err(error) => {
                // The terminal is given back before the error is told.
                drop(screen.map(tui::Screen::close));
                return Err(source::SourceError::Pdf { name, error }.into());
            }
        };
        let screen = screen.context("taking the terminal")?;
        let pages = pages.map(|rx| Rest { rx, whole: false });
        return read(cli, loaded, &input, name, start, screen, pages);
    }
    let source = source::load(&input)?;
    let (name, id) = (source.name.clone(), source.id.clone());
    if interactive && kanbao::read::has_first_part(&source) {
        // A big page or email: its first part on screen at once, the whole read meanwhile.
        let ((first, source), screen) = while_taking_the_terminal(move || {
            let first = kanbao::read::first_part(&source).unwrap_or_default();
            (first, source)
        });
        let screen = screen.context("taking the terminal")?;
        let hints = loaded.config.hints.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        let whole_id = id.clone();
        std::thread::spawn(move || {
            // A panic here is a crash, as it is when the whole is read before the first
            // screen: the panic hook has given the terminal back and told of it.
            let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                kanbao::read::parse_source(source, &hints)
            }));
            let Ok(doc) = read else {
                std::process::exit(101);
            };
            let _ = tx.send(Loaded::Whole(Box::new(doc)));
            let _ = tx.send(Loaded::Done {
                id: whole_id,
                halves: false,
            });
        });
        let start = Start {
            doc: first,
            assembler: doc::Assembler::default(),
            rest: Err(id),
        };
        let rest = Rest { rx, whole: true };
        return read(cli, loaded, &input, name, start, screen, Some(rest));
    }
    if interactive {
        // The terminal is taken while the newsletter is parsed: the first screen comes sooner.
        let hints = loaded.config.hints.clone();
        let (newsletter, screen) =
            while_taking_the_terminal(move || kanbao::read::parse_source(source, &hints));
        let screen = screen.context("taking the terminal")?;
        let start = Start {
            doc: newsletter,
            assembler: doc::Assembler::default(),
            rest: Err(id),
        };
        return read(cli, loaded, &input, name, start, screen, None);
    }
    let newsletter = kanbao::read::parse_source(source, &loaded.config.hints);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if cli.json {
        serde_json::to_writer_pretty(&mut out, &newsletter).context("writing JSON")?;
        writeln!(out)?;
    } else {
        // `--outline`, or output that is not a terminal (`kanbao f | less`): the tree.
        out.write_all(doc::outline::outline(&newsletter, &name).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Runs `work` on another thread while the terminal is taken for the reader, so that the two
/// happen at once: what the work gives, and the terminal. A panic in the work gives the
/// terminal back before it goes on (its message is printed on the screen the user has).
fn while_taking_the_terminal<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> (T, io::Result<tui::Screen>) {
    let working = std::thread::spawn(work);
    let screen = tui::Screen::open();
    match working.join() {
        Ok(done) => (done, screen),
        Err(panic) => {
            drop(screen.map(tui::Screen::close));
            std::panic::resume_unwind(panic);
        }
    }
}

/// What comes after the first screen from a worker: a PDF's pages in batches, or a page's or
/// an email's whole newsletter (`whole`), which replaces the first part shown.
struct Rest {
    rx: std::sync::mpsc::Receiver<Loaded>,
    whole: bool,
}

/// Opens the reader on a newsletter (whose rest may still be on its way: from a file's
/// loader, or from a worker, see [`Rest`]).
fn read(
    cli: &cli::Cli,
    loaded: config::Loaded,
    input: &Input,
    name: String,
    start: Start,
    screen: tui::Screen,
    pages: Option<Rest>,
) -> anyhow::Result<()> {
    let config = loaded.config;
    let mut app = App::with(
        start.doc,
        name.clone(),
        (80, 24),
        config.keymap,
        config.settings,
    );
    app.assembler = start.assembler;
    let browser = std::env::var("BROWSER").ok();
    app.opener = kanbao::opener::Opener::choose(&config.opener, browser.as_deref());
    app.hyperlinks = config.hyperlinks.enabled(|name| std::env::var(name).ok());
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
    if let Some(store) = &store {
        app.history = store::history::History::beside(store);
    }
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
    if let Some(summary) = config::summary(&loaded.problems) {
        app.say(MessageKind::Error, summary);
    }
    let path = shown_path(input, &name);
    let whole = pages.as_ref().is_some_and(|p| p.whole);
    let rest = match (start.rest, pages) {
        (_, Some(pages)) => Some((None, Some(pages.rx))),
        (Ok(loader), None) => Some((Some(loader), None)),
        (Err(id), None) => {
            app.restore(
                id.clone(),
                path.clone(),
                saved.newsletters.get(&id),
                cli.fresh,
            );
            None
        }
    };
    let background = match rest {
        None => None,
        Some((loader, rx)) => {
            app.loading = Some("reading the file…".into());
            let fresh = cli.fresh;
            // Bookmarks and the last position belong to the whole text: taken in when it is
            // there, without moving a reader who has already moved.
            let done = move |app: &mut App, id: String| {
                let untouched = app.untouched();
                app.restore(
                    id.clone(),
                    path.clone(),
                    saved.newsletters.get(&id),
                    fresh || !untouched,
                );
            };
            Some(tui::Background {
                loader,
                rx,
                done: Box::new(done),
                whole,
            })
        }
    };
    tui::run(&mut app, store.as_ref(), background, screen).context("running the reader")
}

/// `--check-config`: every problem on its own line, in line order, and a non-zero exit when
/// there is one.
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
    // Buffered: a file can have a problem on each of thousands of lines.
    let mut err = io::BufWriter::new(io::stderr().lock());
    for p in &loaded.problems {
        writeln!(err, "kanbao: {p}")?;
    }
    err.flush()?;
    drop(err);
    anyhow::bail!(
        "{name}: {} problem{}",
        loaded.problems.len(),
        if loaded.problems.len() == 1 { "" } else { "s" }
    )
}

/// Files bigger than this are read in pieces, their first articles on screen at once.
const BIG_FILE: u64 = 1 << 20;

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
            // One line per bookmark, and nothing that could drive the terminal: the one
            // sanitiser, with tabs (the field separator) made spaces.
            let clean = kanbao::text::line;
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
