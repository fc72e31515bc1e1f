//! The terminal: set up and always restored (on quit, on error, on panic, on SIGTERM, SIGHUP or
//! SIGINT, and around a suspension with Ctrl-z),
//! and the event loop that draws, waits for an event, hands it to `update` and writes what
//! `update` queued for the store. The only module that touches the terminal.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{execute, terminal};
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use crate::app::{self, Action, App, MessageKind};
use crate::loader::{Loaded, Loader};
use crate::store::{Change, Store, StoreError};
use crate::ui;

/// How long the reader must be idle before its position is written (quitting, a signal and
/// Ctrl-z write it too); keeps held-down keys from writing the file on every step.
const IDLE: Duration = Duration::from_millis(300);
/// How often the event loop looks for the rest of a newsletter being read.
const LOADING_TICK: Duration = Duration::from_millis(20);

/// What to do when the whole newsletter is there, given its fingerprint.
pub type Done = Box<dyn FnMut(&mut App, String)>;

/// A newsletter still being read: what reads the rest, and what to do at the end.
pub struct Background {
    /// The rest of the file; it starts reading once the first screen is drawn, so that its
    /// threads do not hold up that screen.
    pub loader: Option<Loader>,
    /// The worker's batches, once it runs.
    pub rx: Option<Receiver<Loaded>>,
    /// Takes in what belongs to the whole (bookmarks, the last position).
    pub done: Done,
}

/// Runs the reader until the user quits or a SIGTERM/SIGHUP arrives; the terminal is restored
/// whatever happens, and the position is saved to `store` on the way out. `background` brings
/// the rest of a big newsletter while the reader already shows its beginning.
pub fn run(app: &mut App, store: Option<&Store>, background: Option<Background>) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(true, Ordering::Relaxed);
            // The event loop sees the flag within its idle tick and saves on the way out.
            // When its terminal is gone, the terminal library can spin reading nothing and
            // never return to it: then leave anyway (the position was saved when last idle).
            std::thread::sleep(Duration::from_secs(2));
            restore();
            std::process::exit(128 + signal);
        }
    });
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let mut saver = Saver {
        store,
        position: None,
        warned: false,
    };
    let result =
        enter().and_then(|()| event_loop(&mut terminal, app, &mut saver, &stop, background));
    restore();
    if stop.load(Ordering::Relaxed) || result.is_err() {
        app.save_position();
    }
    saver.take(app);
    saver.flush_position(app);
    result
}

/// Asks the terminal for what raw mode and the alternate screen do not give: the mouse and
/// bracketed paste.
fn enter() -> io::Result<()> {
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)
}

/// Ctrl-z: gives the terminal back, stops until the shell's `fg`, then takes it again and
/// draws everything anew.
fn suspend(term: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // Here again after SIGCONT (or at once, where no shell does job control).
    terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        terminal::EnterAlternateScreen,
        terminal::Clear(terminal::ClearType::All)
    )?;
    enter()?;
    // Both buffers empty: the next frame is drawn whole (Terminal::clear would ask the
    // terminal where its cursor is, which needs an answer we do not need).
    term.swap_buffers();
    term.swap_buffers();
    Ok(())
}

/// Leaves the terminal as it was: mouse capture and bracketed paste off, main screen, cooked
/// mode.
fn restore() {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
}

/// Restores the terminal before a panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        eprintln!(
            "kanbao crashed; your bookmarks are safe. Please report this to the kanbao \
             developers with the message above and, if you can, the file you were reading."
        );
    }));
}

/// Writes the changes `update` queued: bookmarks at once, the position when the reader rests.
struct Saver<'a> {
    store: Option<&'a Store>,
    position: Option<Change>,
    warned: bool,
}

impl Saver<'_> {
    fn take(&mut self, app: &mut App) {
        for change in std::mem::take(&mut app.pending) {
            if matches!(change, Change::Position { .. }) {
                self.position = Some(change);
            } else {
                self.save(app, &change);
            }
        }
    }

    fn flush_position(&mut self, app: &mut App) {
        if let Some(change) = self.position.take() {
            self.save(app, &change);
        }
    }

    fn save(&mut self, app: &mut App, change: &Change) {
        let Some(store) = self.store else {
            return;
        };
        match store.save(change) {
            Ok(_) => {}
            // Saved, into a fresh file: the damaged one was kept aside, and the reader is told.
            Err(e @ StoreError::Damaged { .. }) => app.say(MessageKind::Error, e.to_string()),
            Err(e) if !self.warned => {
                // Once is enough: the reader goes on without saving.
                self.warned = true;
                app.say(
                    MessageKind::Error,
                    format!("bookmarks cannot be saved: {e}"),
                );
            }
            Err(_) => {}
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    stop: &AtomicBool,
    mut background: Option<Background>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        // A resize the event queue has not told of yet: lay out for the real size first.
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app::update(
                app,
                Action::Resize {
                    width: size.width,
                    height: size.height,
                },
            );
        }
        draw(terminal, app)?;
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Lets a test check what a crash leaves behind (debug builds only).
        if cfg!(debug_assertions) && std::env::var_os("KANBAO_TEST_PANIC").is_some() {
            panic!("a panic forced by KANBAO_TEST_PANIC");
        }
        if std::mem::take(&mut app.suspend) {
            // Stopped, the process may never be continued: the position goes to disk first.
            saver.take(app);
            saver.flush_position(app);
            suspend(terminal)?;
            continue;
        }
        let mut changed = false;
        if let Some(bg) = background.as_mut() {
            if let Some(loader) = bg.loader.take() {
                bg.rx = Some(loader.spawn());
            } else {
                let complete;
                (changed, complete) = take_batches(app, bg);
                if complete {
                    background = None;
                }
            }
        }
        // What arrived is drawn at once (after any key already typed), not after the next tick;
        // while the rest of a newsletter is on its way, look for it often.
        let tick = if changed {
            Duration::ZERO
        } else if background.is_some() {
            LOADING_TICK
        } else {
            IDLE
        };
        if event::poll(tick)? {
            let event = event::read()?;
            if let Some(action) = app.action_for(&event) {
                app::update(app, action);
            }
            saver.take(app);
        } else if !changed {
            // Idle for a tick: the position goes to disk.
            saver.flush_position(app);
        }
    }
}

/// Takes in the batches that have arrived (all at once: the list is indexed once): whether
/// anything changed, and whether the newsletter is complete (or its reading failed).
fn take_batches(app: &mut App, bg: &mut Background) -> (bool, bool) {
    let Some(rx) = bg.rx.as_ref() else {
        return (false, false);
    };
    let mut batches = Vec::new();
    let mut progress = None;
    let end = loop {
        match rx.try_recv() {
            Ok(Loaded::Batch { batch, read, size }) => {
                batches.push(batch);
                progress = Some((read, size));
            }
            Ok(Loaded::Done { id, .. }) => break Some(Ok(id)),
            Ok(Loaded::Failed(message)) => break Some(Err(message)),
            Err(TryRecvError::Disconnected) => {
                break Some(Err("the rest of the file could not be read".to_string()));
            }
            Err(TryRecvError::Empty) => break None,
        }
    };
    if let Some((read, size)) = progress {
        app.extend(batches, read, size);
    }
    match end {
        None => (progress.is_some(), false),
        Some(Ok(id)) => {
            (bg.done)(app, id);
            app.finish_loading();
            (true, true)
        }
        Some(Err(message)) => {
            app.loading_failed(message);
            (true, true)
        }
    }
}

/// Draws one frame of the state on any backend.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|frame| ui::render(frame, app)).map(|_| ())
}
