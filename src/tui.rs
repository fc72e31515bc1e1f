//! The terminal: set up and always restored (on quit, on error, on panic), and the event loop
//! that draws, waits for an event and hands it to `update`. The only module that touches it.

use std::io::{self, stdout};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use crate::app::{self, Action, App};
use crate::ui;

/// Runs the reader until the user quits; the terminal is restored whatever happens.
pub fn run(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let result =
        execute!(stdout(), EnableMouseCapture).and_then(|()| event_loop(&mut terminal, app));
    restore();
    result
}

/// Leaves the terminal as it was: mouse capture off, main screen, cooked mode.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Restores the terminal before a panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        draw(terminal, app)?;
        if app.quit {
            return Ok(());
        }
        let event = event::read()?;
        if let Some(action) = app.action_for(&event) {
            app::update(app, action);
        }
    }
}

/// Draws one frame of the state on any backend.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App) -> Result<(), B::Error> {
    terminal.draw(|frame| ui::render(frame, app)).map(|_| ())
}
