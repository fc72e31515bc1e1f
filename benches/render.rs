//! Drawing one frame at 200×60: the sample (~20 KB), and ~50 MB and ~200 MB newsletters of
//! copies of it. Only the visible lines are drawn, so the three should cost about the same.
//! And a Markdown digest's article full of styles, links, a quote, code and a table.
//!
//! `cargo bench --bench render` prints the time per frame.

use divan::{Bencher, black_box};
use kanbao::app::{Action, App, update};
use kanbao::read::plain;
use kanbao::tui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::newsletter;

fn main() {
    divan::main();
}

/// Opens the newsletter at 200×60 with the longest article of the first copy in the reader,
/// scrolled a little, and draws one frame per iteration.
fn frame(bencher: Bencher, bytes: usize) {
    let text = newsletter(bytes);
    let mut app = App::new(plain::parse(&text), "bench.txt".into(), (200, 60));
    drop(text);
    for action in [
        Action::NextArticle,
        Action::ToggleFocus,
        Action::HalfPageDown,
    ] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    bencher.bench_local(|| tui::draw(&mut terminal, black_box(&app)));
}

/// The hand-written Chinese digest's essay (bold, code, a link, a quote, a code block, a
/// table) at 200×60.
#[divan::bench]
fn styled_markdown_200x60(bencher: Bencher) {
    let text = common::digest(30 << 10);
    let mut app = App::new(
        kanbao::read::markdown::parse(&text),
        "bench.md".into(),
        (200, 60),
    );
    for action in [
        Action::NextArticle,
        Action::NextArticle,
        Action::ToggleFocus,
    ] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    bencher.bench_local(|| tui::draw(&mut terminal, black_box(&app)));
}

#[divan::bench]
fn sample_200x60(bencher: Bencher) {
    frame(bencher, 1);
}

#[divan::bench]
fn fifty_mb_200x60(bencher: Bencher) {
    frame(bencher, 50 << 20);
}

#[divan::bench]
fn two_hundred_mb_200x60(bencher: Bencher) {
    frame(bencher, 200 << 20);
}
