//! The terminal: set up and always restored (on quit, on error, on panic, on SIGTERM, SIGHUP or
//! SIGINT, when the terminal goes away, and around a suspension with Ctrl-z), and the event
//! loop that draws, waits for an event, hands it to `update` and sends what `update` queued to
//! the store's writer thread. The only module that touches the terminal.

use std::io::{self, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::{execute, terminal};
use ratatui::{DefaultTerminal, Terminal, backend::Backend};

use crate::app::bookmarks::NOT_SAVED_YET;
use crate::app::{self, Action, App, Focus, Message, MessageKind};
use crate::doc::TextPos;
use crate::loader::{Loaded, Loader};
use crate::store::writer::Handle;
use crate::store::{Outcome, Report, Store, StoreError, Writer};
use crate::ui;

/// How long after the last move (a scroll, a find, a jump) the position is written (quitting,
/// a signal and Ctrl-z write it at once): a held-down key does not write the file at every
/// step.
const POSITION_DELAY: Duration = Duration::from_secs(1);
/// How long the event loop waits for an event when nothing else is going on.
const IDLE: Duration = Duration::from_millis(250);
/// How often the event loop looks for what became of a save under way.
const SAVE_TICK: Duration = Duration::from_millis(50);
/// How long quitting waits for the last save (another kanbao's lock, a slow disk).
const QUIT_WAIT: Duration = Duration::from_secs(3);
/// After a signal, how long the event loop has to see it before the signal's thread saves
/// and leaves by itself (the event loop is stuck when the terminal is gone).
const SIGNAL_GRACE: Duration = Duration::from_millis(500);
/// How long the last save may take after the terminal is gone: kanbao leaves within 2 s.
const HANGUP_WAIT: Duration = Duration::from_millis(1000);
/// How often the event loop looks for the rest of a newsletter being read.
const LOADING_TICK: Duration = Duration::from_millis(20);

/// How often to look for the whole newsletter while its first part is shown.
const WHOLE_TICK: Duration = Duration::from_millis(4);

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
    /// The whole newsletter is coming to replace the first part shown: keys wait for it.
    pub whole: bool,
}

/// The terminal, taken for the reader: signals caught, the panic hook set, raw mode, the
/// alternate screen, the mouse and bracketed paste. Opened while the newsletter is still being
/// read (on another thread), so that the two happen at once.
pub struct Screen {
    terminal: DefaultTerminal,
    /// A signal came: the event loop saves and leaves.
    stop: Arc<AtomicBool>,
    /// The event loop or the signal's thread is saving on the way out: only one of them.
    finishing: Arc<AtomicBool>,
    /// What the signal's thread saves with, once the reader runs.
    writer: Arc<Mutex<Option<Handle>>>,
}

impl Screen {
    /// Takes the terminal. On failure it is left as it was.
    pub fn open() -> io::Result<Screen> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Caught before the terminal is changed: from now on, a signal restores it.
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let stop = Arc::new(AtomicBool::new(false));
        let finishing = Arc::new(AtomicBool::new(false));
        let writer: Arc<Mutex<Option<Handle>>> = Arc::default();
        let flag = Arc::clone(&stop);
        let claimed = Arc::clone(&finishing);
        let handle = Arc::clone(&writer);
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                flag.store(true, Ordering::Relaxed);
                // The event loop sees the flag within its tick and saves on the way out. When
                // the terminal is gone, the terminal library spins reading nothing and never
                // returns to it: then save from here (the writer has the latest position) and
                // leave.
                std::thread::sleep(SIGNAL_GRACE);
                if claimed.swap(true, Ordering::AcqRel) {
                    return;
                }
                let handle = handle.lock().ok().and_then(|mut h| h.take());
                let report = handle.map(|h| h.finish(HANGUP_WAIT)).unwrap_or_default();
                restore();
                warn_unsaved(&report);
                std::process::exit(128 + signal);
            }
        });
        watch_hangup();
        install_panic_hook();
        let terminal = ratatui::try_init()?;
        if let Err(e) = enter() {
            restore();
            return Err(e);
        }
        Ok(Screen {
            terminal,
            stop,
            finishing,
            writer,
        })
    }

    /// Gives the terminal back without running the reader.
    pub fn close(self) {
        restore();
    }
}

/// Runs the reader on `screen` until the user quits, a SIGTERM/SIGHUP/SIGINT arrives or the
/// terminal goes away; the terminal is restored whatever happens, and the position and every
/// change are saved on the way out.
///
/// `background` brings the rest of a big newsletter while the reader already shows its
/// beginning.
pub fn run(
    app: &mut App,
    store: Option<&Store>,
    background: Option<Background>,
    screen: Screen,
) -> io::Result<()> {
    let Screen {
        mut terminal,
        stop,
        finishing,
        writer,
    } = screen;
    let mut saver = Saver::new(app, store);
    if let Ok(mut slot) = writer.lock() {
        *slot = saver.writer.as_ref().map(Writer::handle);
    }
    let result = event_loop(&mut terminal, app, &mut saver, &stop, background);
    if finishing.swap(true, Ordering::AcqRel) {
        // The signal's thread is saving and ends the process.
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    if stop.load(Ordering::Relaxed) || result.is_err() {
        app.save_position();
    }
    // To the writer before anything else can go wrong with a terminal that may be gone.
    saver.take(app);
    restore();
    if let Some(writer) = &saver.writer {
        warn_unsaved(&writer.handle().finish(QUIT_WAIT));
    }
    result
}

/// One line on stderr when changes could not be saved on the way out.
fn warn_unsaved(report: &Report) {
    if report.unsaved > 0 {
        let s = if report.unsaved == 1 { "" } else { "s" };
        // Not eprintln: with the terminal gone, it would panic.
        let _ = writeln!(
            io::stderr(),
            "kanbao: {} change{s} to bookmarks and the reading position could not be saved: {}",
            report.unsaved,
            report.error.as_deref().unwrap_or("unknown error")
        );
    }
}

/// When the terminal really closes (the window, the ssh connection), makes it a SIGHUP even if
/// none is sent: a thread waits for the terminal to hang up (poll with no events wakes only
/// for that) and raises one, so the reader saves and leaves instead of spinning.
#[cfg(target_os = "linux")]
fn watch_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    std::thread::spawn(|| {
        let out = stdout();
        let mut fds = [PollFd::new(&out, PollFlags::empty())];
        loop {
            match poll(&mut fds, None) {
                Ok(_) if !fds[0].revents().is_empty() => {
                    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGHUP);
                    return;
                }
                Ok(_) | Err(rustix::io::Errno::INTR) => {
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(_) => return,
            }
        }
    });
}

/// Elsewhere, SIGHUP alone tells of a closed terminal.
#[cfg(not(target_os = "linux"))]
fn watch_hangup() {}

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
    // The terminal may be gone (a hang-up): nothing to restore then, and nothing to say.
    let _ = ratatui::try_restore();
}

/// Restores the terminal before a panic message is printed, so it is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
        let _ = writeln!(
            io::stderr(),
            "kanbao crashed; your bookmarks are safe. Please report this to the kanbao \
             developers with the message above and, if you can, the file you were reading."
        );
    }));
}

/// Hands the changes `update` queued to the store's writer thread (which saves bookmarks at
/// once and the position a moment after the last move), queues the position whenever the
/// reader moves, and tells the reader what became of the saves.
struct Saver {
    writer: Option<Writer>,
    /// Where the reader was when the position was last queued.
    last: Place,
    /// The last save failed (the reader was told; later failures are not repeated).
    failing: bool,
    /// The reader was told it must wait for another kanbao.
    waiting: bool,
    /// The text of the last message the saver showed, so a newer one replaces it.
    said: Option<String>,
}

/// What makes a position: the article, the text at the top, the pane.
type Place = (usize, Option<TextPos>, Focus);

fn place(app: &App) -> Place {
    (app.open, app.reader.anchor, app.focus)
}

impl Saver {
    fn new(app: &mut App, store: Option<&Store>) -> Saver {
        let mut failing = false;
        if let Some(store) = store
            && let Err(e) = store.writable()
        {
            // Said once: the bookmarks are there to read, changes will not be kept.
            let text = match e {
                StoreError::ReadOnly { path, cause } => {
                    format!("bookmarks cannot be saved: {} ({cause})", path.display())
                }
                e => format!("bookmarks cannot be saved: {e}"),
            };
            app.say(MessageKind::Error, text);
            failing = true;
        }
        Saver {
            writer: store.map(|s| Writer::spawn(s.clone(), POSITION_DELAY)),
            last: place(app),
            failing,
            waiting: false,
            said: None,
        }
    }

    /// Queues the position if the reader moved, then sends everything `update` queued.
    fn take(&mut self, app: &mut App) {
        let here = place(app);
        if here != self.last {
            self.last = here;
            app.save_position();
        }
        let Some(writer) = &self.writer else {
            app.pending.clear();
            return;
        };
        for change in std::mem::take(&mut app.pending) {
            writer.send(change);
        }
    }

    /// Whether a save is under way (its outcome is to be looked for soon).
    fn busy(&self) -> bool {
        self.writer.as_ref().is_some_and(|w| !w.settled())
    }

    /// Takes in what became of the saves: the status bar's "unsaved" and a message when
    /// something changed.
    fn poll(&mut self, app: &mut App) {
        let Some(writer) = &self.writer else {
            return;
        };
        let mut messages = Vec::new();
        while let Some(outcome) = writer.outcome() {
            match outcome {
                Outcome::Saved { recovered } => {
                    app.saved.unsaved = 0;
                    if recovered || self.failing {
                        messages.push((
                            MessageKind::Info,
                            "bookmarks saved: nothing is unsaved now".to_string(),
                        ));
                    } else if self.waiting {
                        messages.push((MessageKind::Info, "bookmarks saved".to_string()));
                    }
                    self.failing = false;
                    self.waiting = false;
                }
                Outcome::Waiting { unsaved } => {
                    app.saved.unsaved = unsaved;
                    self.waiting = true;
                    let text = "waiting for another kanbao to release the bookmarks…";
                    messages.push((MessageKind::Info, text.to_string()));
                }
                Outcome::Failed { unsaved, error } => {
                    app.saved.unsaved = unsaved;
                    self.waiting = false;
                    if !std::mem::replace(&mut self.failing, true) {
                        let s = if unsaved == 1 { "" } else { "s" };
                        messages.push((
                            MessageKind::Error,
                            format!(
                                "{unsaved} change{s} not saved ({error}); tried again at every save"
                            ),
                        ));
                    }
                }
                Outcome::Damaged { error } => {
                    app.saved.unsaved = 0;
                    self.failing = false;
                    self.waiting = false;
                    messages.push((MessageKind::Error, error));
                }
            }
        }
        for (kind, text) in messages {
            self.say(app, kind, text);
        }
    }

    /// Shows `text`, in place of the saver's own last message if that is still showing.
    fn say(&mut self, app: &mut App, kind: MessageKind, text: String) {
        // The saver's own last message, or the reader's "not saved yet": out of date now.
        let ours = app
            .message
            .as_ref()
            .is_some_and(|m| self.said.as_ref() == Some(&m.text) || m.text.contains(NOT_SAVED_YET));
        if ours {
            app.message = Some(Message {
                kind,
                text: text.clone(),
            });
        } else {
            app.say(kind, text);
        }
        self.said = app.message.as_ref().map(|m| m.text.clone());
    }
}

/// Does what `update` asked for: a link handed to the opener, text put on the clipboard by
/// OSC 52 through the terminal (so it reaches the clipboard over ssh, and in tmux with
/// `set-clipboard`); the status bar says what was done.
fn run_effects(app: &mut App) -> io::Result<()> {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            app::Effect::Open(url) => match app.opener.open(&url) {
                Ok(()) => {
                    let by = app.opener.name();
                    app.say(MessageKind::Info, format!("opened {url} with {by}"));
                }
                Err(why) => app.say(MessageKind::Error, format!("could not open {url}: {why}")),
            },
            app::Effect::Copy { text, what } => {
                execute!(
                    stdout(),
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
                )?;
                let text = format!("copied {what} (through the terminal's clipboard)");
                app.say(MessageKind::Info, text);
            }
        }
    }
    Ok(())
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
    // Keys typed while the first part of a page or an email is shown (see below).
    let mut held = Vec::new();
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
        saver.poll(app);
        draw_live(terminal, app)?;
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
            if let Some(writer) = &saver.writer {
                let _ = writer.flush_wait(QUIT_WAIT);
            }
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
        } else if saver.busy() {
            SAVE_TICK
        } else {
            IDLE
        };
        if background.as_ref().is_some_and(|bg| bg.whole) {
            // The first part is on screen; keys wait for the whole (a few milliseconds for a
            // page or an email of some hundred kilobytes), so none acts on the part, but
            // quitting and suspending do not wait.
            if event::poll(WHOLE_TICK)? {
                let event = event::read()?;
                match app.action_for(&event) {
                    Some(action @ (Action::Quit | Action::Suspend)) => app::update(app, action),
                    _ => held.push(event),
                }
            }
            continue;
        }
        // Keys typed while the whole was on its way, in order.
        for event in held.drain(..) {
            if let Some(action) = app.action_for(&event) {
                app::update(app, action);
                run_effects(app)?;
            }
        }
        if event::poll(tick)? {
            let event = event::read()?;
            if let Some(action) = app.action_for(&event) {
                app::update(app, action);
                run_effects(app)?;
            }
        }
        // A move (however made: keys, a search, the rest of a big file arriving) queues the
        // position; the writer saves it once the reader has rested a moment.
        saver.take(app);
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
            Ok(Loaded::Whole(doc)) => {
                app.replace(*doc);
                bg.whole = false;
                progress = progress.or(Some((0, 0)));
            }
            Ok(Loaded::Done { id, .. }) => break Some(Ok(id)),
            Ok(Loaded::Failed(message)) => break Some(Err(message)),
            Err(TryRecvError::Disconnected) => {
                break Some(Err("the rest of the file could not be read".to_string()));
            }
            Err(TryRecvError::Empty) => break None,
        }
    };
    if let Some((read, size)) = progress
        && !batches.is_empty()
    {
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

/// [`draw`] on the real terminal, with the links' OSC 8 hyperlinks when they are on.
fn draw_live(terminal: &mut DefaultTerminal, app: &App) -> io::Result<()> {
    let frame = terminal.draw(|frame| ui::render(frame, app))?;
    if app.hyperlinks {
        // Only links a click may open at once: web pages and mail addresses.
        let links: Vec<_> = app::geometry::link_cells(app, frame.area)
            .into_iter()
            .filter(|l| crate::links::safety(&l.url) == crate::links::Safety::Open)
            .collect();
        // The terminal is told of the links apart from ratatui, which knows nothing of them:
        // what fails here costs the links, not the screen.
        let _ = hyperlinks(&mut stdout(), frame.buffer, &links);
    }
    Ok(())
}

/// Writes the links' cells once more, as they are on screen, each run between an OSC 8 that
/// opens its link and one that closes it: the screen stays the same to the cell (ratatui's
/// picture of it too), and a click in the terminal opens the link. The cursor and the style
/// are put back as they were.
fn hyperlinks(
    out: &mut impl Write,
    buffer: &ratatui::buffer::Buffer,
    links: &[app::geometry::LinkCells],
) -> io::Result<()> {
    use crossterm::cursor::{MoveTo, RestorePosition, SavePosition};
    use crossterm::style::{Attribute, Print, PrintStyledContent, SetAttribute, StyledContent};
    use ratatui::backend::IntoCrossterm;
    if links.is_empty() {
        return Ok(());
    }
    crossterm::queue!(out, SavePosition)?;
    for link in links {
        let r = link.cells;
        crossterm::queue!(
            out,
            MoveTo(r.x, r.y),
            Print(format!("\x1b]8;;{}\x1b\\", link.url))
        )?;
        // The second column of a wide character is drawn with the first.
        let mut covered = 0;
        for x in r.left()..r.right() {
            let Some(cell) = buffer.cell((x, r.y)) else {
                continue;
            };
            if covered > 0 {
                covered -= 1;
                continue;
            }
            covered = crate::text::display_width(cell.symbol()).saturating_sub(1);
            let style = cell.style().into_crossterm();
            crossterm::queue!(
                out,
                PrintStyledContent(StyledContent::new(style, cell.symbol())),
                SetAttribute(Attribute::Reset)
            )?;
        }
        crossterm::queue!(out, Print("\x1b]8;;\x1b\\"))?;
    }
    crossterm::queue!(out, RestorePosition)?;
    out.flush()
}
