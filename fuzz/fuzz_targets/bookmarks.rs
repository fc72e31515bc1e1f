//! Any bytes as the bookmarks file: deserialising never panics, the store either reads it or
//! moves it aside (never leaves a damaged file in place), and what it reads (positions and
//! bookmarks pointing anywhere) is restored into the reader on the sample and drawn.
#![no_main]

use std::sync::LazyLock;

use kanbao::app::{Action, App, update};
use kanbao::doc::{self, Newsletter};
use kanbao::store::{self, Saved, Store};
use kanbao::{source, tui};
use kanbao::read::plain;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

static SAMPLE: LazyLock<Newsletter> = LazyLock::new(|| {
    plain::parse(
        &source::decode(source::SAMPLE)
            .expect("the sample decodes")
            .text,
    )
});

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = toml::from_str::<Saved>(text);
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(store::FILE_NAME);
    std::fs::write(&path, data).expect("writing the file");
    let saved = match Store::at(dir.path()).load() {
        Ok(saved) => {
            assert!(path.exists(), "a good file stays");
            saved
        }
        Err(store::StoreError::Damaged { aside, .. }) => {
            assert!(!path.exists(), "a damaged file is moved aside");
            assert_eq!(std::fs::read(aside).expect("the file aside"), data);
            return;
        }
        Err(e) => panic!("unexpected error {e}"),
    };
    for (fingerprint, record) in saved.newsletters.iter().take(4) {
        let mut app = App::new(SAMPLE.clone(), "sample.txt".into(), (60, 20));
        app.clock = || 1_700_000_000_000;
        app.restore(
            fingerprint.clone(),
            record.path.clone(),
            Some(record),
            false,
        );
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).expect("a test backend");
        tui::draw(&mut terminal, &app).expect("drawing on a test backend");
        for action in [Action::Bookmarks, Action::Down, Action::Confirm] {
            update(&mut app, action);
            tui::draw(&mut terminal, &app).expect("drawing on a test backend");
        }
    }
});
