//! Any text as the configuration file: parsing never panics (problems are fine), every problem
//! prints, and what was read runs the reader for a frame.
#![no_main]

use kanbao::app::App;
use kanbao::{config, tui};
use kanbao::read::plain;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DOC: &str = "【要闻】\n\n标题\n\n记者 张三\n\n正文第一段，很长很长很长很长很长很长很长。\n";

fuzz_target!(|text: &str| {
    let (config, problems) = config::parse(text, "fuzz.toml");
    for problem in &problems {
        let _ = problem.to_string();
    }
    let newsletter = plain::parse_with(DOC, &config.hints);
    let mut app = App::with(
        newsletter,
        "fuzz".into(),
        (40, 12),
        config.keymap,
        config.settings,
    );
    app.theme = config.theme;
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).expect("a test backend");
    tui::draw(&mut terminal, &app).expect("drawing on a test backend");
});
