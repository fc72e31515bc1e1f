//! The terminal: set up and always restored (on quit, on error, on panic, on SIGTERM, SIGHUP or
//! SIGINT, and around a suspension with Ctrl-z),
//! and the event loop that draws, waits for an event, hands it to `update` and writes what
//! `update` queued for the store. The only module that touches the terminal.

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::{execute, terminal};
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use crate::app::{self, Action, App, MessageKind};
use crate::store::{Change, Store};
use crate::ui;

/// How long the reader must be idle before its position is written (each article change and
/// quitting write it too); keeps held-down keys from writing the file on every step.
const IDLE: Duration = Duration::from_millis(300);

/// Runs the reader until the user quits or a SIGTERM/SIGHUP arrives; the terminal is restored
/// whatever happens, and the position is saved to `store` on the way out.
pub fn run(app: &mut App, store: Option<&Store>) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let mut saver = Saver {
        store,
        position: None,
        warned: false,
    };
    let result = enter().and_then(|()| event_loop(&mut terminal, app, &mut saver, &stop));
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
        if let Err(e) = store.save(change)
            && !self.warned
        {
            // Once is enough: the reader goes on without saving.
            self.warned = true;
            app.say(
                MessageKind::Error,
                format!("bookmarks cannot be saved: {e}"),
            );
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    stop: &AtomicBool,
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
            suspend(terminal)?;
            continue;
        }
        if event::poll(IDLE)? {
            let event = event::read()?;
            if let Some(action) = app.action_for(&event) {
                app::update(app, action);
            }
            saver.take(app);
        } else {
            saver.flush_position(app);
        }
    }
}

/// Draws one frame of the state on any backend.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|frame| ui::render(frame, app)).map(|_| ())
}
