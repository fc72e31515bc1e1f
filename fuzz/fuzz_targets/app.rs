//! The whole reader: a newsletter from the input (plain text, or Markdown when it starts with
//! `#`), a terminal of any size, and a script of actions (keys, prompt typing, links, labels,
//! jumps, clicks, resizes down to 0×0), each state drawn on a `TestBackend`.
#![no_main]

use arbitrary::Arbitrary;
use kanbao::app::{Action, App, update};
use kanbao::tui;
use kanbao::read::{markdown, plain};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// One step of the script; `Other` picks among the actions without fields.
#[derive(Debug, Arbitrary)]
enum Step {
    Other(u8),
    Digit(u8),
    Insert(char),
    Paste(String),
    Wheel { column: u8, row: u8, down: bool },
    Click { column: u8, row: u8 },
    Resize { width: u8, height: u8 },
}

const PLAIN: &[Action] = &[
    Action::Quit,
    Action::ToggleFocus,
    Action::Down,
    Action::Up,
    Action::Open,
    Action::Back,
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::Top,
    Action::Bottom,
    Action::NextArticle,
    Action::PrevArticle,
    Action::NextSection,
    Action::PrevSection,
    Action::Help,
    Action::Close,
    Action::Find,
    Action::SearchAll,
    Action::NextMatch,
    Action::PrevMatch,
    Action::Backspace,
    Action::DeleteWord,
    Action::DeleteToStart,
    Action::CursorLeft,
    Action::CursorRight,
    Action::CursorHome,
    Action::CursorEnd,
    Action::Confirm,
    Action::Cancel,
    Action::AddBookmark,
    Action::Bookmarks,
    Action::Delete,
    Action::EditNote,
    Action::Yes,
    Action::No,
    Action::ToggleRead,
    Action::Percent,
    Action::Unbound(String::new()),
    Action::RecallOlder,
    Action::RecallNewer,
    Action::Links,
    Action::CopyArticle,
    Action::Follow,
    Action::FollowCopy,
    Action::JumpBack,
    Action::JumpForward,
    Action::JumpPrevious,
];

impl Step {
    fn action(self) -> Action {
        match self {
            Step::Other(n) => PLAIN[usize::from(n) % PLAIN.len()].clone(),
            // Counts (`5j`, `50%`) are digits before another step.
            Step::Digit(d) => Action::Digit(d % 10),
            Step::Insert(c) => Action::Insert(c),
            Step::Paste(s) => Action::Paste(s),
            Step::Wheel { column, row, down } => Action::Wheel {
                column: column.into(),
                row: row.into(),
                down,
            },
            Step::Click { column, row } => Action::Click {
                column: column.into(),
                row: row.into(),
            },
            // Small sizes, 0 and 1 included, are where layouts break.
            Step::Resize { width, height } => Action::Resize {
                width: u16::from(width % 130),
                height: u16::from(height % 50),
            },
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    size: (u8, u8),
    text: String,
    steps: Vec<Step>,
}

fn draw(app: &App) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test backend");
    tui::draw(&mut terminal, app).expect("drawing on a test backend");
}

fuzz_target!(|input: Input| {
    let size = (u16::from(input.size.0 % 130), u16::from(input.size.1 % 50));
    // Text that starts with `#` is read as Markdown, with its links, footnotes and headings.
    let doc = if input.text.starts_with('#') {
        markdown::parse(&input.text)
    } else {
        plain::parse(&input.text)
    };
    let mut app = App::new(doc, "fuzz.txt".into(), size);
    // Time stands still, so a run replays exactly.
    app.clock = || 1_700_000_000_000;
    draw(&app);
    for step in input.steps.into_iter().take(64) {
        update(&mut app, step.action());
        // What the event loop would do (open, copy) is not done here.
        app.effects.clear();
        draw(&app);
        if app.quit {
            break;
        }
    }
});
